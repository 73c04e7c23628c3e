// cfunc (src/ufunc/cfunc.ts): the native pointer called from C compiled here with the system compiler
// (a Simpson-rule integrator, qsort), the WebAssembly function called through a table from another
// wasm module, and the JS call — each against the plain function, bit for bit.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { cfunc } from "../src/index.js";
import { findCompiler } from "../src/backends/native/compiler.js";

const C_SOURCE = `
#include <stdlib.h>
double simpson(double (*f)(double), double a, double b, int n) {
  double h = (b - a) / n, s = f(a) + f(b);
  for (int i = 1; i < n; i++) s += (i % 2 ? 4.0 : 2.0) * f(a + i * h);
  return s * h / 3.0;
}
void sort_doubles(double *x, size_t n, int (*cmp)(const void *, const void *)) { qsort(x, n, sizeof(double), cmp); }
`;

function simpsonJs(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4.0 : 2.0) * f(a + i * h);
  return (s * h) / 3.0;
}

const g = (x: number) => Math.exp(-x * x) * Math.sqrt(x + 1) - x / 7;

describe("cfunc", () => {
  test("a JS call runs the compiled code with C conversions", () => {
    const f = cfunc(g, "f64(f64)");
    for (const x of [0, 0.3, -0.7, 2.5, 1e-300]) assert.ok(Object.is(f(x), g(x)));
    const h = cfunc((a: number, b: number) => a / b, "i32(f64, f64)");
    assert.equal(h(7, 2), 3);
    assert.equal(h(-7, 2), -3);
    assert.equal(h(1, 0), 0); // Infinity to int32_t: 0, as ToInt32
    assert.equal(cfunc((x: number) => x * 3, "f32(f32)")(0.1), Math.fround(Math.fround(0.1) * 3));
    assert.equal(h.cdecl.replace(/_\d+/, ""), "int32_t nb_cfunc(double, double)");
  });

  test("bad signatures are errors", () => {
    assert.throws(() => cfunc(g, "f64(f64, f64)"), /has 2 parameters, the function takes 1/);
    assert.throws(() => cfunc(g, "f64(str)"), /unknown type "str"/);
    assert.throws(() => cfunc(g, "f64"), /bad signature/);
  });

  test("the WebAssembly function, through a table, from another module", () => {
    const f = cfunc(g, "f64(f64)");
    // (module (import "env" "t" (table 1 funcref)) (type (func (param f64) (result f64)))
    //   (func (export "call") (param f64) (result f64) local.get 0 i32.const 0 call_indirect (type 0)))
    const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 6, 1, 0x60, 1, 0x7c, 1, 0x7c, 2, 11, 1, 3, 0x65, 0x6e, 0x76, 1, 0x74, 1, 0x70, 0, 1,
      3, 2, 1, 0, 7, 8, 1, 4, 0x63, 0x61, 0x6c, 0x6c, 0, 0, 10, 11, 1, 9, 0, 0x20, 0, 0x41, 0, 0x11, 0, 0, 0x0b]);
    const other = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { t: f.table as unknown as number } });
    const call = other.exports.call as (x: number) => number;
    for (const x of [0.25, -1.5, 3]) assert.ok(Object.is(call(x), g(x)));
    assert.equal(f.table.get(f.tableIndex), f.wasm);
  });

  const cc = findCompiler();
  test("native pointer: a C integrator and qsort call it, same bits as JS", { skip: cc ? false : "no C compiler" }, () => {
    const dir = mkdtempSync(join(tmpdir(), "numbat-cfunc-"));
    after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, "quad.c"), C_SOURCE);
    const r = spawnSync(cc!.command, ["-O2", "-ffp-contract=off", "-shared", "-fPIC", "-o", join(dir, "libquad.so"), join(dir, "quad.c")], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const koffi = createRequire(import.meta.url)("koffi") as typeof import("koffi");
    const lib = koffi.load(join(dir, "libquad.so"));
    const f = cfunc(g, "f64(f64)");
    const simpson = lib.func("simpson", "double", [koffi.pointer(f.ctype as never), "double", "double", "int"]);
    for (const n of [2, 100, 1000]) assert.ok(Object.is(simpson(f.address, -1, 2, n), simpsonJs(g, -1, 2, n)), `n = ${n}`);
    assert.match(f.inspect("c"), /nb_main/);

    const cmp = cfunc((a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0), "i32(f64*, f64*)");
    const sort = lib.func("sort_doubles", "void", ["double *", "size_t", "void *"]);
    const x = new Float64Array([3, 1, 2, -5, 10, 0.5, -0.25, 7]);
    sort(x, x.length, cmp.address);
    assert.deepEqual([...x], [-5, -0.25, 0.5, 1, 2, 3, 7, 10]);
  });
});
