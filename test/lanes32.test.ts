// 32-bit SIMD lanes (src/passes/vectorize.ts#laneKind): f32x4 for Float32Array loops whose values are
// exact in binary32 with at most one rounding before each store, i32x4 for Int32Array/Uint32Array loops
// whose values only need their low 32 bits, and f64x2 lanes (widened on load, rounded on store) for
// every other Float32Array loop. Which loops get which lanes (IR in, kind out), what the wasm shows, and
// bitwise equality with plain JS on every target over sizes that leave every remainder, with NaN, ±0,
// subnormals, infinities, overflow and the extreme 32-bit integers as inputs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit, zeros } from "../src/index.js";
import { TARGETS, assertSameValue, cloneArgs, jitFn, mulberry32, type AnyFn, type Rng, sameOnTargets } from "./harness.js";
import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction } from "../src/frontend/lower.js";
import { optimize } from "../src/passes/pipeline.js";
import { verifyFunc } from "../src/ir/verify.js";
import type { Stmt } from "../src/ir/nodes.js";
import { forEachStmt } from "../src/ir/walk.js";
import { arrayType, type Type } from "../src/ir/types.js";
import { type LaneKind, laneKind } from "../src/passes/vectorize.js";

const f32 = arrayType("f32", 1, false);
const f64 = arrayType("f64", 1, false);
const i32 = arrayType("i32", 1, false);
const u32 = arrayType("u32", 1, false);
const f32nd = arrayType("f32", 2, true);

/** The vector loops of `fn` optimised for `types`, as "kind width" (verifying the IR before and after). */
function vectorLoops(fn: Function, types: Type[]): string[] {
  const ir = lowerFunction(parseFunction(fn), types, { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } }, "f");
  verifyFunc(ir);
  const opt = optimize(ir, 1);
  verifyFunc(opt);
  const found: string[] = [];
  forEachStmt(opt.body, (s: Stmt) => { if (s.k === "for" && s.vector) found.push(`${laneKind(s)} ${s.vector}`); });
  return found;
}

const kindOf = (fn: Function, types: Type[]): LaneKind | "scalar" => {
  const loops = vectorLoops(fn, types);
  return loops.length ? (loops[0]!.split(" ")[0] as LaneKind) : "scalar";
};

/** Sizes that exercise empty loops, every remainder of 8 and several vector iterations. */
const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 15, 16, 17, 31, 64, 100];


// ---- kernels -----------------------------------------------------------------------------------------

function addF(x: Float32Array, y: Float32Array, z: Float32Array) {
  for (let i = 0; i < x.length; i++) z[i] = x[i] + y[i];
}
function subMulDivF(x: Float32Array, y: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array) {
  for (let i = 0; i < x.length; i++) {
    a[i] = x[i] - y[i];
    b[i] = x[i] * y[i];
    c[i] = -(x[i] / y[i]);
  }
}
function sqrtMinMaxF(x: Float32Array, y: Float32Array, z: Float32Array) {
  for (let i = 0; i < x.length; i++) z[i] = Math.sqrt(Math.max(Math.abs(x[i]), Math.min(y[i], 4.5)));
}
/** One rounding, written with Math.fround twice: exactly a binary32 multiply-then-add. */
function froundChainF(x: Float32Array, y: Float32Array, z: Float32Array) {
  for (let i = 0; i < x.length; i++) {
    const p = Math.fround(x[i] * y[i]);
    z[i] = p + Math.floor(x[i]);
  }
}
/** Two roundings without fround: f64 lanes (widened, rounded on the store). */
function saxpy(a: number, x: Float32Array, y: Float32Array) {
  for (let i = 0; i < x.length; i++) y[i] = a * x[i] + y[i];
}
/** 0.1 is not a binary32 value: f64 lanes. */
function scaleTenth(x: Float32Array, y: Float32Array) {
  for (let i = 0; i < x.length; i++) y[i] = x[i] * 0.1;
}
/** 0.5 is: f32x4. */
function scaleHalf(x: Float32Array, y: Float32Array) {
  for (let i = 0; i < x.length; i++) y[i] = x[i] * 0.5;
}
/** A Float64Array operand: f64 lanes, rounded on the store. */
function mixed(x: Float64Array, y: Float32Array, z: Float32Array) {
  for (let i = 0; i < y.length; i++) z[i] = x[i] + y[i];
}
/** A Float32Array read, a Float64Array written: f64 lanes from halves of f32 registers. */
function widen(x: Float32Array, y: Float32Array, out: Float64Array) {
  for (let i = 0; i < x.length; i++) out[i] = x[i] * y[i] + 1;
}
/** An f32 stencil, several roundings: f64 lanes. */
function blurF(a: Float32Array, b: Float32Array) {
  for (let i = 1; i < a.length - 1; i++) b[i] = 0.25 * a[i - 1] + 0.5 * a[i] + 0.25 * a[i + 1];
}
/** Every second element next to contiguous ones: lanes gathered one by one (binary32 already). */
function pairsF(x: Float32Array, out: Float32Array) {
  for (let i = 0; i < out.length; i++) out[i] = x[2 * i] * x[i];
}
/** Horner's rule over Float32Arrays: an outer vector loop (f64 lanes) storing rounded results. */
function hornerF(c: Float32Array, x: Float32Array, out: Float32Array) {
  const d = c.length - 1;
  for (let i = 0; i < x.length; i++) {
    let y = c[d];
    for (let k = d - 1; k >= 0; k--) y = y * x[i] + c[k];
    out[i] = y;
  }
}
/** f32 n-d arrays: contiguity is tested at run time. */
function addNd(A: ReturnType<typeof zeros>, B: ReturnType<typeof zeros>, C: ReturnType<typeof zeros>) {
  const [m, n] = A.shape;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) C.set(i, j, A.get(i, j) * B.get(i, j));
}

function addI(x: Int32Array, y: Int32Array, z: Int32Array) {
  for (let i = 0; i < x.length; i++) z[i] = (x[i] + y[i]) | 0;
}
/** No `| 0`: the exact sum, stored modulo 2^32 as JS's ToInt32 does. */
function addWideI(x: Int32Array, y: Int32Array, z: Int32Array) {
  for (let i = 0; i < x.length; i++) z[i] = x[i] + y[i] - 7;
}
function xorshift(x: Int32Array) {
  for (let i = 0; i < x.length; i++) {
    let v = x[i];
    v ^= v << 13;
    v ^= v >> 17;
    v ^= v << 5;
    x[i] = v;
  }
}
/** murmur3's 32-bit finaliser into a Uint32Array, with the counter mixed in. */
function fmix(x: Int32Array, out: Uint32Array, seed: number) {
  for (let i = 0; i < x.length; i++) {
    let h = x[i] ^ seed ^ i;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = ~h & 0x7fffffff | (-h << 31);
  }
}
/** Shift counts from a parameter (taken modulo 32, as in JS). */
function shiftBy(x: Int32Array, out: Int32Array, s: number) {
  for (let i = 0; i < x.length; i++) out[i] = (x[i] << s) + (x[i] >>> (s + 1)) * 3;
}
/** A shift count that differs from lane to lane: not vectorised. */
function shiftVarying(x: Int32Array, y: Int32Array, out: Int32Array) {
  for (let i = 0; i < x.length; i++) out[i] = x[i] >> y[i];
}
/** Float division: not a 32-bit lane operation. */
function halveI(x: Int32Array, out: Int32Array) {
  for (let i = 0; i < x.length; i++) out[i] = (x[i] / 2) | 0;
}
/** Uint32Array elements above 2^31: arithmetic and logical shifts see the same 32 bits. */
function mixU(u: Uint32Array, out: Int32Array) {
  for (let i = 0; i < u.length; i++) out[i] = (u[i] >> 3) ^ ((u[i] >>> 29) + u[i] * 3);
}
/** Strided reads (every second element) next to contiguous ones. */
function pairsI(x: Int32Array, out: Int32Array) {
  for (let i = 0; i < out.length; i++) out[i] = x[2 * i] - x[i];
}

// ---- inputs ------------------------------------------------------------------------------------------

const F32_MAX = 3.4028234663852886e38, F32_TINY = 1.401298464324817e-45, F32_MIN_NORMAL = 1.1754943508222875e-38;
/** Values where binary32 arithmetic is delicate: NaN, zeros, infinities, overflow, subnormals, halfway cases. */
const F32_EDGES = [NaN, 0, -0, Infinity, -Infinity, F32_MAX, -F32_MAX, F32_TINY, -F32_TINY, F32_MIN_NORMAL, 1, -1, 3, 1 / 3, 16777216, 16777217, 0.1, 1e-20, 1e20];

function f32s(rng: Rng, n: number, pEdge = 0.3): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng() < pEdge ? F32_EDGES[Math.floor(rng() * F32_EDGES.length)]! : (rng() * 2 - 1) * 10 ** Math.floor(rng() * 8 - 4);
  return a;
}

function f64s(rng: Rng, n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rng() < 0.2 ? F32_EDGES[Math.floor(rng() * F32_EDGES.length)]! : rng() * 2e3 - 1e3;
  return a;
}

const I32_EDGES = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 30, -(2 ** 30), 0x55555555, -0x55555556, 7];

function i32s(rng: Rng, n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng() < 0.3 ? I32_EDGES[Math.floor(rng() * I32_EDGES.length)]! : Math.floor(rng() * 2 ** 32) - 2 ** 31;
  return a;
}

const cases = (make: (rng: Rng, n: number) => unknown[]) => [17, ...SIZES].map((n, k) => () => make(mulberry32(1000 + 7 * n + k), n));

// ---- which lanes ---------------------------------------------------------------------------------------

test("f32x4 where one rounding at most separates binary32 values from a Float32Array store", () => {
  assert.deepEqual(vectorLoops(addF, [f32, f32, f32]), ["f32x4 8"]);
  assert.equal(kindOf(subMulDivF, [f32, f32, f32, f32, f32]), "f32x4");
  assert.equal(kindOf(sqrtMinMaxF, [f32, f32, f32]), "f32x4", "sqrt of exact operations, a binary32 constant");
  assert.equal(kindOf(froundChainF, [f32, f32, f32]), "f32x4", "Math.fround marks the first rounding");
  assert.equal(kindOf(scaleHalf, [f32, f32]), "f32x4");
  assert.equal(kindOf(pairsF, [f32, f32]), "f32x4");
});

test("other Float32Array loops get f64 lanes: several roundings, non-binary32 constants and scalars, f64 operands", () => {
  assert.deepEqual(vectorLoops(saxpy, ["f64", f32, f32]), ["f64x2 4"], "2 registers of f64 lanes: 16 bytes of each Float32Array");
  assert.equal(kindOf(saxpy, ["int", f32, f32]), "f64x2");
  assert.equal(kindOf(scaleTenth, [f32, f32]), "f64x2");
  assert.equal(kindOf(mixed, [f64, f32, f32]), "f64x2");
  assert.equal(kindOf(widen, [f32, f32, f64]), "f64x2");
  assert.equal(kindOf(blurF, [f32, f32]), "f64x2");
  assert.equal(kindOf(addNd, [f32nd, f32nd, f32nd]), "f32x4");
  assert.deepEqual(vectorLoops(hornerF, [f32, f32, f32]), ["f64x2 4"], "the outer loop");
});

test("i32x4 for Int32Array/Uint32Array loops computed modulo 2^32; not for varying shifts or float division", () => {
  assert.deepEqual(vectorLoops(addI, [i32, i32, i32]), ["i32x4 8"]);
  assert.equal(kindOf(addWideI, [i32, i32, i32]), "i32x4");
  assert.equal(kindOf(xorshift, [i32]), "i32x4");
  assert.equal(kindOf(fmix, [i32, u32, "int"]), "i32x4");
  assert.equal(kindOf(shiftBy, [i32, i32, "int"]), "i32x4");
  assert.equal(kindOf(pairsI, [i32, i32]), "i32x4");
  assert.equal(kindOf(mixU, [u32, i32]), "i32x4");
  assert.equal(kindOf(shiftVarying, [i32, i32, i32]), "scalar");
  assert.equal(kindOf(halveI, [i32, i32]), "scalar");
});

test("inspect('wat') shows f32x4 and i32x4 operations, and f32 halves widened for f64 lanes", () => {
  const rng = mulberry32(1);
  const a = jit(addF);
  a(f32s(rng, 9), f32s(rng, 9), new Float32Array(9));
  assert.match(a.inspect("wat"), /f32x4\.add/);
  const x = jit(xorshift);
  x(i32s(rng, 9));
  const w = x.inspect("wat");
  assert.match(w, /i32x4\.shl/);
  assert.match(w, /i32x4\.shr_s/);
  assert.match(w, /v128\.xor/);
  const s = jit(saxpy);
  s(1.5, f32s(rng, 9), f32s(rng, 9));
  const ws = s.inspect("wat");
  assert.match(ws, /v128\.load64_zero/);
  assert.match(ws, /f64x2\.promote_low_f32x4/);
  assert.match(ws, /f32x4\.demote_f64x2_zero/);
});

// ---- bitwise identical to plain JS ---------------------------------------------------------------------

test("f32x4 loops equal plain JS bitwise (NaN, ±0, subnormals, overflow, every remainder)", () => {
  sameOnTargets("add f32", addF, cases((r, n) => [f32s(r, n), f32s(r, n), new Float32Array(n)]));
  sameOnTargets("sub/mul/div f32", subMulDivF, cases((r, n) => [f32s(r, n), f32s(r, n), new Float32Array(n), new Float32Array(n), new Float32Array(n)]));
  sameOnTargets("sqrt/min/max f32", sqrtMinMaxF, cases((r, n) => [f32s(r, n), f32s(r, n), new Float32Array(n)]));
  sameOnTargets("fround chain f32", froundChainF, cases((r, n) => [f32s(r, n), f32s(r, n), new Float32Array(n)]));
  sameOnTargets("scale half f32", scaleHalf, cases((r, n) => [f32s(r, n), new Float32Array(n)]));
  sameOnTargets("strided f32", pairsF, cases((r, n) => [f32s(r, 2 * n), new Float32Array(n)]));
});

test("f64-lane Float32Array loops equal plain JS bitwise (each store rounds once, as in JS)", () => {
  sameOnTargets("saxpy f32", saxpy, cases((r, n) => [[1.5, 0.1, -3, F32_MAX, 1e-30][n % 5], f32s(r, n), f32s(r, n)]));
  sameOnTargets("saxpy f32, int scale", saxpy, cases((r, n) => [3, f32s(r, n), f32s(r, n)]));
  sameOnTargets("scale tenth f32", scaleTenth, cases((r, n) => [f32s(r, n), new Float32Array(n)]));
  sameOnTargets("mixed f64 + f32", mixed, cases((r, n) => [f64s(r, n), f32s(r, n), new Float32Array(n)]));
  sameOnTargets("widen f32 to f64", widen, cases((r, n) => [f32s(r, n), f32s(r, n), new Float64Array(n)]));
  sameOnTargets("blur f32", blurF, cases((r, n) => [f32s(r, n), f32s(r, n)]));
  sameOnTargets("horner f32", hornerF, cases((r, n) => [f32s(r, (n % 5) + 1, 0), f32s(r, n), new Float32Array(n)]));
});

test("i32x4 loops equal plain JS bitwise (extreme int32 values, wrap-around, Uint32Array)", () => {
  sameOnTargets("add i32", addI, cases((r, n) => [i32s(r, n), i32s(r, n), new Int32Array(n)]));
  sameOnTargets("add wide i32", addWideI, cases((r, n) => [i32s(r, n), i32s(r, n), new Int32Array(n)]));
  sameOnTargets("xorshift", xorshift, cases((r, n) => [i32s(r, n)]));
  sameOnTargets("fmix", fmix, cases((r, n) => [i32s(r, n), new Uint32Array(n), [0, -1, 0x9747b28c | 0, 12345][n % 4]]));
  sameOnTargets("shift by", shiftBy, cases((r, n) => [i32s(r, n), new Int32Array(n), [0, 1, 31, 32, 33, -1][n % 6]]));
  sameOnTargets("uint32 mix", mixU, cases((r, n) => [Uint32Array.from(i32s(r, n)), new Int32Array(n)]));
  sameOnTargets("strided pairs", pairsI, cases((r, n) => [i32s(r, 2 * n), new Int32Array(n)]));
  sameOnTargets("varying shift (scalar)", shiftVarying, cases((r, n) => [i32s(r, n), i32s(r, n), new Int32Array(n)]));
});

test("views that fail the stride test, and outputs that overlap their inputs, stay exact", () => {
  // n-d Float32 arrays: transposed and stepped views run the scalar fast path.
  const mk = (m: number, n: number, seed: number) => {
    const A = zeros([m, n], "float32");
    A.data.set(f32s(mulberry32(seed), m * n));
    return A;
  };
  sameOnTargets("f32 n-d contiguous", addNd, [[5, 9], [0, 3], [3, 1], [8, 8]].map(([m, n]) => () => [mk(m!, n!, 1), mk(m!, n!, 2), zeros([m!, n!], "float32")]));
  sameOnTargets("f32 n-d views", addNd, [() => [mk(9, 5, 3).T, mk(5, 9, 4), zeros([5, 9], "float32")], () => [mk(6, 10, 5).step(1, 2), mk(6, 5, 6), zeros([6, 5], "float32")]]);
  // One buffer seen three ways: z overlaps x shifted by one element, so the loop must run in order.
  const overlapping = (n: number, shift: number) => () => {
    const buf = new ArrayBuffer(4 * (n + 2));
    const x = new Int32Array(buf, 0, n), y = i32s(mulberry32(n), n), z = new Int32Array(buf, 4 * shift, n);
    x.set(i32s(mulberry32(n + 1), n));
    return [x, y, z];
  };
  sameOnTargets("i32 overlapping output", addI, [17, 9, 33, 64].flatMap((n) => [overlapping(n, 1), overlapping(n, 2)]));
  const overlappingF = (n: number) => () => {
    const buf = new ArrayBuffer(4 * (n + 1));
    const x = new Float32Array(buf, 4, n), y = f32s(mulberry32(n), n), z = new Float32Array(buf, 0, n);
    x.set(f32s(mulberry32(n + 1), n));
    return [x, y, z];
  };
  sameOnTargets("f32 overlapping output", addF, [17, 9, 33].map(overlappingF));
});
