// The float32 model (src/passes/float32.ts, docs/semantics.md#float32): with `float32: true` every
// + - * / and Math.sqrt of float32 values is rounded to binary32. The reference is the same kernel with
// Math.fround written around those operations, run by plain JS: each kernel below comes as a pair (the
// plain source jitted with the option, the hand-rounded source run plainly), compared bitwise on every
// target; which operations the model rounds is checked on the IR; the matrix product gets f32x4 lanes.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit, prange } from "../src/index.js";
import { TARGETS, assertSameValue, cloneArgs, mulberry32, type AnyFn } from "./harness.js";
import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction } from "../src/frontend/lower.js";
import { float32Model } from "../src/passes/float32.js";
import { optimize } from "../src/passes/pipeline.js";
import { printFunc } from "../src/ir/printer.js";
import { forEachStmt } from "../src/ir/walk.js";
import { laneKind } from "../src/passes/vectorize.js";
import { arrayType, type Type } from "../src/ir/types.js";

const f32 = arrayType("f32", 1, false);
const f64 = arrayType("f64", 1, false);

function modelled(fn: Function, types: Type[]) {
  const ir = lowerFunction(parseFunction(fn), types, { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } }, "f");
  return float32Model(ir);
}

// ---- pairs: the plain kernel and its hand-rounded reference ----------------------------------------

function matmul(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
  for (const i of prange(n)) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += A[i * n + k]! * B[k * n + j]!;
    C[i * n + j] = s;
  }
}
function matmulRef(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s = Math.fround(s + Math.fround(A[i * n + k]! * B[k * n + j]!));
    C[i * n + j] = s;
  }
}

function dot(x: Float32Array, y: Float32Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}
function dotRef(x: Float32Array, y: Float32Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.fround(s + Math.fround(x[i]! * y[i]!));
  return s;
}

// alpha is an f64 parameter: rounded once by the user, then a float32 value.
function saxpy(alpha: number, x: Float32Array, y: Float32Array) {
  const a = Math.fround(alpha);
  for (let i = 0; i < x.length; i++) y[i] = a * x[i]! + y[i]!;
}
function saxpyRef(alpha: number, x: Float32Array, y: Float32Array) {
  const a = Math.fround(alpha);
  for (let i = 0; i < x.length; i++) y[i] = Math.fround(Math.fround(a * x[i]!) + y[i]!);
}

// 2 and 1 are binary32 constants; 0.1 is not, so `* 0.1` stays a binary64 operation (and what it feeds).
function consts(x: Float32Array, y: Float32Array, z: Float32Array) {
  for (let i = 0; i < x.length; i++) {
    y[i] = x[i]! * 2 + 1;
    z[i] = x[i]! * 0.1 + x[i]!;
  }
}
function constsRef(x: Float32Array, y: Float32Array, z: Float32Array) {
  for (let i = 0; i < x.length; i++) {
    y[i] = Math.fround(Math.fround(x[i]! * 2) + 1);
    z[i] = x[i]! * 0.1 + x[i]!;
  }
}

function hypot(x: Float32Array, y: Float32Array, z: Float32Array) {
  for (let i = 0; i < x.length; i++) z[i] = Math.sqrt(x[i]! * x[i]! + y[i]! * y[i]!) / (x[i]! - y[i]!);
}
function hypotRef(x: Float32Array, y: Float32Array, z: Float32Array) {
  const f = Math.fround;
  for (let i = 0; i < x.length; i++) z[i] = f(f(Math.sqrt(f(f(x[i]! * x[i]!) + f(y[i]! * y[i]!)))) / f(x[i]! - y[i]!));
}

// A Float64Array element or an f64 parameter in an operation keeps it binary64.
function mixed(x: Float32Array, w: Float64Array, c: number, out: Float64Array) {
  let s = 0, t = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i]! * w[i]!;
    t += x[i]! * c;
    out[i] = x[i]! * x[i]!;
  }
  return s + t;
}
function mixedRef(x: Float32Array, w: Float64Array, c: number, out: Float64Array) {
  let s = 0, t = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i]! * w[i]!;
    t += x[i]! * c;
    out[i] = Math.fround(x[i]! * x[i]!);
  }
  return s + t;
}

const rand32 = (seed: number, n: number, special = false): Float32Array => {
  const r = mulberry32(seed), a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (r() - 0.5) * 8;
  if (special && n > 6) a.set([NaN, -0, Infinity, -Infinity, 1e-45, 3.4e38], n - 6);
  return a;
};

const pairs: [string, AnyFn, AnyFn, (() => unknown[])[]][] = [
  ["matmul", matmul, matmulRef, [0, 1, 7, 9, 33, 70].map((n) => () => [rand32(n, n * n), rand32(n + 1, n * n), new Float32Array(n * n), n])],
  ["dot", dot, dotRef, [0, 3, 17, 1000].map((n) => () => [rand32(n, n, true), rand32(n + 5, n)])],
  ["saxpy", saxpy, saxpyRef, [0, 5, 64, 1001].map((n) => () => [0.1, rand32(n, n, true), rand32(n + 2, n)])],
  ["consts", consts, constsRef, [0, 9, 100].map((n) => () => [rand32(n, n, true), new Float32Array(n), new Float32Array(n)])],
  ["hypot", hypot, hypotRef, [0, 9, 100].map((n) => () => [rand32(n, n, true), rand32(n + 9, n, true), new Float32Array(n)])],
  ["mixed", mixed, mixedRef, [0, 9, 100].map((n) => () => [rand32(n, n, true), Float64Array.from(rand32(n + 3, n)), 0.3, new Float64Array(n)])],
];

for (const [name, fn, ref, cases] of pairs) {
  test(`float32 model: ${name} equals its Math.fround-everywhere reference on ${TARGETS.join(", ")}`, () => {
    for (const target of TARGETS) {
      const f = jit(fn, { target, float32: true }) as unknown as AnyFn;
      cases.slice(0, target === "native" ? 3 : undefined).forEach((make, k) => {
        const want = make(), got = cloneArgs(want);
        const r0 = ref(...want), r1 = f(...got);
        const where = `${name} [${target}, case ${k}]`;
        assertSameValue(r1, r0, `${where}: return value`);
        want.forEach((a, i) => { if (typeof a === "object") assertSameValue(got[i], a, `${where}: argument ${i}`); });
      });
    }
  });
}

test("float32 model: without the option the same kernels keep binary64 arithmetic (plain JS's bits)", () => {
  const args = [rand32(1, 33 * 33), rand32(2, 33 * 33), new Float32Array(33 * 33), 33];
  const want = cloneArgs(args), got = cloneArgs(args);
  matmul(...(want as Parameters<typeof matmul>));
  (jit(matmul) as unknown as AnyFn)(...got);
  assertSameValue(got[2], want[2], "C");
});

test("float32 model: which operations are rounded (IR)", () => {
  const ir = printFunc(modelled(mixed, [f32, f64, "f64", f64]));
  // x*x is rounded; x*w (Float64Array) and x*c (f64 parameter) are not, nor the sums they feed.
  assert.match(ir, /store out\[.*\] = fround\(mul\(load x\[.*\], load x\[.*\]\)\)/);
  assert.match(ir, /s\.\d+ = add\(s\.\d+, mul\(load x\[.*\], load w\[.*\]\)\)/);
  assert.match(ir, /t\.\d+ = add\(t\.\d+, mul\(load x\[.*\], c\)\)/);
  const d = printFunc(modelled(dot, [f32, f32]));
  assert.match(d, /s\.\d+ = fround\(add\(s\.\d+, fround\(mul\(load x\[.*\], load y\[.*\]\)\)\)\)/);
});

test("float32 model: the matrix product is register-tiled in f32x4 lanes", () => {
  const ir = optimize(modelled(matmul, [f32, f32, f32, "int"]), 1);
  const kinds: string[] = [];
  forEachStmt(ir.body, (s) => { if (s.k === "for" && s.vector && s.body.some((b) => b.k === "for")) kinds.push(`${laneKind(s)} ${s.vector}`); });
  assert.ok(kinds.includes("f32x4 8"), `outer vector loops: ${kinds.join(", ")}`);
  assert.match(printFunc(ir), /_blk_r/);
});

test("fastmath does not make the f32 product slower: its k reduction (strided B) is not vectorised, the column loop is", () => {
  const lowered = lowerFunction(parseFunction(matmul), [f32, f32, f32, "int"], { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } }, "f");
  const ir = optimize(lowered, 1, { fastmath: true });
  const found: string[] = [];
  forEachStmt(ir.body, (s) => { if (s.k === "for" && s.vector) found.push(s.body.some((b) => b.k === "for") ? "outer" : "inner"); });
  assert.ok(found.includes("outer"), `vector loops: ${found.join(", ")}`);
});
