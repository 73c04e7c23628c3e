// Other libraries' n-d arrays as arguments and results: @stdlib/ndarray objects (`strides`, dtype
// strings) and scijs ndarray, against the same function run as plain JS on the same objects.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jit, zeros, grad } from "../src/index.js";
import { findCompiler } from "../src/backends/native/compiler.js";

type Typed = Float64Array | Float32Array | Int32Array;
interface StdlibNd { data: Typed; shape: number[]; strides: number[]; offset: number; dtype: string; order: string; get(...i: number[]): number; set(...a: number[]): void }
const require = createRequire(import.meta.url);
const stdlib = require("@stdlib/ndarray-base-ctor") as (dtype: string, data: unknown, shape: number[], strides: number[], offset: number, order: string) => StdlibNd;
const scijs = require("ndarray") as (data: Typed, shape: number[], stride?: number[], offset?: number) => { data: Typed; shape: number[]; stride: number[]; offset: number; get(...i: number[]): number };

// native too where a C compiler exists (each layout and dtype is a signature: a few dozen builds, cached).
const TARGETS = findCompiler() ? (["wasm", "js", "native"] as const) : (["wasm", "js"] as const);

function weighted(A: StdlibNd): number {
  let t = 0;
  for (let i = 0; i < A.shape[0]!; i++) for (let j = 0; j < A.shape[1]!; j++) t += A.get(i, j) * (i + 1) - j;
  return t;
}

function scaleRows(A: StdlibNd, k: number): StdlibNd {
  for (let i = 0; i < A.shape[0]!; i++) for (let j = 0; j < A.shape[1]!; j++) A.set(i, j, A.get(i, j) * k + i);
  return A;
}

/** The same 2x3 logical matrix laid out five ways: C order, Fortran order, offset, negative strides, a strided slice. */
function layouts(dtype: string, Ctor: new (n: number) => Typed): StdlibNd[] {
  const fill = (n: number) => { const d = new Ctor(n); for (let i = 0; i < n; i++) d[i] = (i * 7) % 11 - 3.5 * Number(dtype.startsWith("float")); return d; };
  return [
    stdlib(dtype, fill(6), [2, 3], [3, 1], 0, "row-major"),
    stdlib(dtype, fill(6), [2, 3], [1, 2], 0, "column-major"),
    stdlib(dtype, fill(10), [2, 3], [3, 1], 4, "row-major"),
    stdlib(dtype, fill(6), [2, 3], [-3, -1], 5, "row-major"),
    stdlib(dtype, fill(24), [2, 3], [12, 2], 1, "row-major"),
  ];
}

const DTYPES: [string, new (n: number) => Typed][] = [["float64", Float64Array], ["float32", Float32Array], ["int32", Int32Array]];

test("@stdlib/ndarray arguments read like plain JS, any strides and offset", () => {
  for (const target of TARGETS) {
    const f = jit(weighted, { target });
    for (const [dtype, Ctor] of DTYPES)
      for (const [k, A] of layouts(dtype, Ctor).entries())
        assert.ok(Object.is(f(A), weighted(A)), `${target} ${dtype} layout ${k}`);
  }
});

test("@stdlib/ndarray arguments are written in place; returning one returns the caller's object", () => {
  for (const target of TARGETS) {
    const f = jit(scaleRows, { target });
    for (const [dtype, Ctor] of DTYPES)
      for (const [k, A] of layouts(dtype, Ctor).entries()) {
        const B = layouts(dtype, Ctor)[k]!;
        const r = f(A, 3);
        scaleRows(B, 3);
        assert.equal(r, A, `${target} ${dtype} layout ${k}: the result is the argument`);
        assert.deepEqual([...A.data], [...B.data], `${target} ${dtype} layout ${k}: the whole buffer, untouched elements included`);
      }
  }
});

test("@stdlib/ndarray and scijs arrays mixed in one call, aliasing the same buffer", () => {
  const data = new Float64Array([1, 2, 3, 4, 5, 6]);
  const S = stdlib("float64", data, [2, 3], [3, 1], 0, "row-major");
  const T = scijs(data, [3, 2], [1, 3], 0); // S's transpose over the same memory
  const addT = jit(function addT(A: StdlibNd, B: { shape: number[]; get(i: number, j: number): number }) {
    let s = 0;
    for (let i = 0; i < A.shape[0]!; i++) for (let j = 0; j < A.shape[1]!; j++) { A.set(i, j, A.get(i, j) + B.get(j, i)); s += A.get(i, j); }
    return s;
  });
  assert.equal(addT(S, T), 2 + 4 + 6 + 8 + 10 + 12);
  assert.deepEqual([...data], [2, 4, 6, 8, 10, 12]);
});

test("results wrap as @stdlib and scijs ndarrays without a copy", () => {
  const outer = jit(function outer(n: number, m: number) {
    const A = zeros([n, m]);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) A.set(i, j, i * 10 + j);
    return A;
  });
  const r = outer(3, 4) as unknown as { data: Float64Array; shape: number[]; stride: number[]; offset: number; dtype: string };
  const S = stdlib(r.dtype, r.data, r.shape, r.stride, r.offset, "row-major");
  const C = scijs(r.data, r.shape, r.stride, r.offset);
  assert.equal(S.data, r.data);
  assert.equal(C.data, r.data);
  assert.equal(S.get(2, 3), 23);
  assert.equal(C.get(1, 2), 12);
  S.set(0, 0, -1);
  assert.equal(weighted(S), jit(weighted)(S), "and pass back in");
  assert.equal(r.data[0], -1);
});

test("@stdlib/ndarray dtypes without a kernel counterpart are refused, naming the argument", () => {
  const f = jit(weighted);
  assert.throws(() => f(stdlib("generic", [1, 2, 3, 4, 5, 6], [2, 3], [3, 1], 0, "row-major")), /argument 'A' is an ndarray of dtype "generic"/);
  assert.throws(() => f(stdlib("bool", new Uint8Array(6), [2, 3], [3, 1], 0, "row-major")), /argument 'A' is an ndarray of dtype "bool"/);
  const lying = { data: new Float32Array(6), shape: [2, 3], strides: [3, 1], offset: 0, dtype: "float64", order: "row-major" };
  assert.throws(() => f(lying as unknown as StdlibNd), /dtype "float64"/, "a dtype string that does not match the data");
  assert.throws(() => f(stdlib("float64", new Float64Array(6), [2, 3], [3, 1], 1, "row-major")), RangeError, "a view reaching outside its data");
  assert.throws(() => f(stdlib("float64", new Float64Array(1), [], [], 0, "row-major")), /0-dimensional/);
});

test("grad through a function of a @stdlib/ndarray", () => {
  const sumsq = function sumsq(A: StdlibNd) { let s = 0; for (let i = 0; i < A.shape[0]!; i++) for (let j = 0; j < A.shape[1]!; j++) s += A.get(i, j) * A.get(i, j); return s; };
  const A = stdlib("float64", new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3], [1, 2], 0, "column-major");
  const g = grad(jit(sumsq))(A) as unknown as { get(i: number, j: number): number };
  for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) assert.equal(g.get(i, j), 2 * A.get(i, j));
});

test("numbat's main entry imports neither tfjs nor jax-js (optional peers of numbat/tfjs and numbat/jax)", () => {
  // Follow the built import graph from the package's "." entry; collect every bare specifier it names.
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, { default: string }> };
  const seen = new Set<string>(), bare = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s*["']([^"']+)["']|import\s*\(?\s*["']([^"']+)["']/g)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith(".")) visit(join(dirname(file), spec));
      else bare.add(spec);
    }
  };
  visit(join(root, "dist/src/index.js")); // the modules
  assert.ok(seen.size > 20, `followed ${seen.size} files`);
  visit(join(root, pkg.exports["."]!.default)); // and the bundle the package entry names (docs/tiers.md#import-time)
  for (const peer of ["@tensorflow/tfjs-core", "@jax-js/jax"]) assert.ok(![...bare].some((s) => s === peer || s.startsWith(peer + "/")), `${peer} is imported by the main entry`);
  assert.ok(!seen.has(join(root, pkg.exports["./tfjs"]!.default)) && !seen.has(join(root, pkg.exports["./jax"]!.default)));
});
