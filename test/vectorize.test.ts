// The vectoriser (src/passes/vectorize.ts) and the wasm vector loops it leads to: which loops it marks
// (printed IR), that the marked loops stay bitwise identical to plain JS on every target over many
// sizes (0, 1, and sizes that are not multiples of the vector width), the reductions it recognises
// (Math.min/max and running extremes always, + - * only with `fastmath`), and the loops it refuses.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit, zeros, type NdArray } from "../src/index.js";
import { TARGETS, assertSameValue, cloneArgs, differential, jitFn, mulberry32, randFloats, randInts, type AnyFn, type Rng, sameOnTargets } from "./harness.js";
import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction } from "../src/frontend/lower.js";
import { optimize } from "../src/passes/pipeline.js";
import { verifyFunc } from "../src/ir/verify.js";
import { printFunc } from "../src/ir/printer.js";
import { arrayType, type Type } from "../src/ir/types.js";

const f64 = arrayType("f64", 1, false);
const f32 = arrayType("f32", 1, false);
const i32 = arrayType("i32", 1, false);
const nd2 = arrayType("f64", 2, true);

/** Lowers and optimises `fn` for `types`, verifying the IR before and after; returns the printed IR. */
function optimised(fn: Function, types: Type[], fastmath = false): string {
  const ir = lowerFunction(parseFunction(fn), types, { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } }, "f");
  verifyFunc(ir);
  const opt = optimize(ir, 1, { fastmath });
  verifyFunc(opt);
  return printFunc(opt);
}

/** Sizes that exercise empty loops, remainders of every length and several vector iterations. */
const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 64, 100];


// ---- the kernels ------------------------------------------------------------------------------------

function horner(c: Float64Array, x: Float64Array, out: Float64Array) {
  const d = c.length - 1;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    let y = c[d];
    for (let k = d - 1; k >= 0; k--) y = y * xi + c[k];
    out[i] = y;
  }
}

function hornerF32(c: Float64Array, x: Float32Array, out: Float64Array) {
  const d = c.length - 1;
  for (let i = 0; i < x.length; i++) {
    let y = c[d];
    for (let k = d - 1; k >= 0; k--) y = y * x[i] + c[k];
    out[i] = y;
  }
}

function matvec(A: Float64Array, x: Float64Array, y: Float64Array, m: number, n: number) {
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
    y[i] = s;
  }
}

/** An Int32Array matrix: each lane converts its own element (i2f lane by lane). */
function matvecInt(A: Int32Array, x: Float64Array, y: Float64Array, m: number, n: number) {
  for (let i = 0; i < m; i++) {
    let s = 0.5;
    for (let j = 0; j < n; j++) s = s + A[i * n + j] * x[j];
    y[i] = s / (i + 1);
  }
}

function conv3(img: NdArray, K: NdArray, out: NdArray) {
  const [m, n] = img.shape;
  for (let i = 1; i < m - 1; i++)
    for (let j = 1; j < n - 1; j++) {
      let s = 0;
      for (let di = -1; di <= 1; di++)
        for (let dj = -1; dj <= 1; dj++) s += K.get(di + 1, dj + 1) * img.get(i + di, j + dj);
      out.set(i, j, Math.sqrt(Math.abs(s)) - s);
    }
}

/** Per-row running maximum inside an outer vector loop. */
function rowMax(A: Float64Array, out: Float64Array, m: number, n: number) {
  for (let i = 0; i < m; i++) {
    let best = -Infinity;
    for (let j = 0; j < n; j++) if (A[i * n + j] > best) best = A[i * n + j];
    out[i] = best;
  }
}

function runningMax(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

function runningMin(a: Float64Array, start: number): number {
  let m = start;
  for (let i = 0; i < a.length; i++) if (m > a[i]) m = a[i];
  return m;
}

function mathMaxMin(a: Float64Array, b: Float64Array): number {
  let hi = -Infinity, lo = Infinity;
  for (let i = 0; i < a.length; i++) {
    hi = Math.max(hi, a[i] * b[i]);
    lo = Math.min(b[i] - a[i], lo);
  }
  return hi * 1000 + lo;
}

/** A running maximum next to a store: the rerun (a zero maximum) repeats the stores harmlessly. */
function maxAndScale(a: Float64Array, out: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) {
    out[i] = a[i] * 2;
    if (a[i] > m) m = a[i];
  }
  return m;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function dotMinus(a: Float64Array, b: Float64Array): number {
  let s = 100;
  for (let i = 0; i < a.length; i++) s -= a[i] * b[i];
  return s;
}

function product(a: Float64Array): number {
  let p = 1;
  for (let i = 0; i < a.length; i++) p *= a[i];
  return p;
}

/** A sum and a running maximum in one loop: a zero maximum reruns the loop, and the sum restarts too. */
function sumAndMax(a: Float64Array): number {
  let s = 0, m = -Infinity;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    if (a[i] > m) m = a[i];
  }
  return s * 1e6 + m + (m === 0 && 1 / m < 0 ? 0.5 : 0);
}

// ---- inputs -----------------------------------------------------------------------------------------

/** Values where min/max and comparisons are delicate: NaN, both zeros, infinities. */
const EDGES = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 2.5, -2.5, 5e-324];

function edgy(rng: Rng, n: number, pNaN = 0.05): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rng();
    a[i] = r < pNaN ? NaN : r < 0.5 ? EDGES[Math.floor(rng() * EDGES.length)]! : rng() * 4 - 2;
  }
  return a;
}

/** Only +0 and -0 (and negatives): the maximum is a zero, and which zero depends on the order. */
function zeros01(rng: Rng, n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = [0, -0, -1, -3][Math.floor(rng() * 4)]!;
  return a;
}

function ndRand(rng: Rng, m: number, n: number): NdArray {
  const A = zeros([m, n]);
  for (let i = 0; i < A.data.length; i++) A.data[i] = rng() * 2 - 1;
  return A;
}

// ---- what the pass marks ----------------------------------------------------------------------------

test("outer loops whose inner loops have uniform bounds are vectorised (Horner, matvec, convolution)", () => {
  assert.match(optimised(horner, [f64, f64, f64]), /for i\.\d+ = 0 lt length\(x\) step 1 vector 4 \{\n\s+xi.*\n\s+y.*\n\s+for k\.\d+ = sub\(d\.\d+, 1\) ge 0 step -1 \{/);
  assert.match(optimised(matvec, [f64, f64, f64, "int", "int"]), /for i\.\d+ = 0 lt m step 1 vector 4 \{\n\s+s\.\d+: f64 = 0\.0\n\s+for j/);
  const conv = optimised(conv3, [nd2, nd2, nd2]);
  assert.match(conv, /for j\.\d+ = 1 lt sub\(n\.\d+, 1\) step 1 vector 4/);
  assert.match(conv, /eq\(stride\(img, 1\), 1\)/, "the contiguous loads need a unit stride");
});

test("reductions: + - * only with fastmath; Math.min/max and running extremes always", () => {
  assert.doesNotMatch(optimised(sum, [f64]), /vector/, "without fastmath a sum keeps its order");
  assert.match(optimised(sum, [f64], true), /for i\.\d+ = 0 lt length\(a\) step 1 vector 8/);
  assert.match(optimised(dotMinus, [f64, f64], true), /vector 8/);
  assert.match(optimised(product, [f64], true), /vector 8/);
  assert.match(optimised(sumAndMax, [f64], true), /vector 8/);
  // Under fastmath the 3-tap inner sums could be reductions, but they are too short: the outer loop is vectorised.
  assert.match(optimised(conv3, [nd2, nd2, nd2], true), /for j\.\d+ = 1 lt sub\(n\.\d+, 1\) step 1 vector 4/);
  assert.match(optimised(mathMaxMin, [f64, f64]), /vector 8/);
  assert.match(optimised(runningMax, [f64]), /vector 8 \{\n\s+if gt\(load! a\[i\.\d+\], m\.\d+\) \{ m\.\d+ = load! a\[i\.\d+\] \}/);
  assert.match(optimised(runningMin, [f64, "f64"]), /vector 8/);
  // The inner running maximum of each row is itself a reduction: the innermost loop is preferred.
  assert.match(optimised(rowMax, [f64, f64, "int", "int"]), /for j\.\d+ = 0 lt n step 1 vector 8/);
});

test("loops the vectoriser refuses", () => {
  // The inner bound depends on the outer counter: lanes would run different trip counts.
  function triangular(A: Float64Array, y: Float64Array, n: number) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < i; j++) s += A[i * n + j];
      y[i] = s;
    }
  }
  assert.doesNotMatch(optimised(triangular, [f64, f64, "int"]), /vector/);
  // `s` carries over from one outer iteration to the next.
  function carried(A: Float64Array, y: Float64Array, n: number) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) s += A[i * n + j];
      y[i] = s;
    }
  }
  assert.doesNotMatch(optimised(carried, [f64, f64, "int"]), /vector/);
  // A store inside the inner loop at a subscript that uses the inner counter: iterations i and i + 1
  // both write A[i + 1] (the inner loop alone is vectorised: there its elements are distinct).
  function overlap(A: Float64Array, x: Float64Array, n: number) {
    for (let i = 0; i < n; i++) {
      const t = x[i] * 2;
      for (let k = 0; k < 3; k++) A[k + i] = t + k;
    }
  }
  const ov = optimised(overlap, [f64, f64, "int"]);
  assert.doesNotMatch(ov, /for i\.\d+ = 0 lt n step 1 vector/);
  assert.match(ov, /for k\.\d+ = 0 lt 3 step 1 vector 2/);
  sameOnTargets("overlap", overlap, [5, 0, 1, 2, 9].map((n) => () => { const r = mulberry32(n); return [new Float64Array(n + 3), randFloats(r, n), n]; }));
  // A branch that is not a running extreme.
  function clampSum(a: Float64Array, out: Float64Array) {
    for (let i = 0; i < a.length; i++) if (a[i] > 0) out[i] = a[i];
  }
  assert.doesNotMatch(optimised(clampSum, [f64, f64]), /vector/);
  // A running maximum whose variable is also read elsewhere in the body is not a reduction.
  function peek(a: Float64Array, out: Float64Array) {
    let m = -Infinity;
    for (let i = 0; i < a.length; i++) {
      out[i] = m;
      if (a[i] > m) m = a[i];
    }
    return m;
  }
  assert.doesNotMatch(optimised(peek, [f64, f64]), /vector/);
});

test("inspect('wat') shows the vector loops: lanes gathered for a strided load, partial sums combined", () => {
  const mv = jit(matvec);
  const rng = mulberry32(3);
  mv(randFloats(rng, 12), randFloats(rng, 4), new Float64Array(3), 3, 4);
  const wat = mv.inspect("wat");
  assert.match(wat, /f64x2\.replace_lane 1/);
  assert.match(wat, /f64x2\.mul/);
  const s = jit(sum, { fastmath: true });
  s(randFloats(rng, 10));
  const w2 = s.inspect("wat");
  assert.equal((w2.match(/f64x2\.add/g) ?? []).length >= 4, true, "four accumulators, combined");
  assert.match(w2, /f64x2\.extract_lane 1/);
});

// ---- bitwise identical to plain JS, every target --------------------------------------------------

test("outer-loop vector loops equal plain JS bitwise on every target, over many sizes", () => {
  // Native first sees a mid size (17), then every size on wasm and js.
  const sizes = [17, ...SIZES];
  sameOnTargets("horner", horner, sizes.map((n) => () => { const r = mulberry32(n + 1); return [randFloats(r, (n % 5) + 1), randFloats(r, n, -2, 2), new Float64Array(n)]; }));
  sameOnTargets("horner f32", hornerF32, sizes.map((n) => () => { const r = mulberry32(n + 2); return [randFloats(r, (n % 5) + 1), randFloats(r, n, -2, 2, Float32Array), new Float64Array(n)]; }));
  const dims = sizes.map((n) => [(n * 7) % 11, n % 6] as const);
  sameOnTargets("matvec", matvec, dims.map(([m, k], n) => () => { const r = mulberry32(n + 3); return [randFloats(r, m * k), randFloats(r, k), new Float64Array(m), m, k]; }));
  sameOnTargets("matvec int", matvecInt, dims.map(([m, k], n) => () => { const r = mulberry32(n + 4); return [randInts(r, m * k, -50, 50), randFloats(r, k), new Float64Array(m), m, k]; }));
  sameOnTargets("row max", rowMax, dims.map(([m, k], n) => () => { const r = mulberry32(n + 5); return [edgy(r, m * k), new Float64Array(m), m, k]; }));
  const shapes = [[9, 13], [0, 0], [1, 1], [3, 3], [3, 4], [4, 7], [5, 10], [12, 6]] as const;
  sameOnTargets("conv", conv3, shapes.map(([m, n]) => () => { const r = mulberry32(m * 31 + n); return [ndRand(r, m, n), ndRand(r, 3, 3), zeros([m, n])]; }));
});

test("views that fail the stride test run the scalar fast path and stay exact", () => {
  const f = jit(conv3);
  const rng = mulberry32(17);
  const img = ndRand(rng, 9, 12), K = ndRand(rng, 3, 3);
  for (const [view, out] of [[img.T, zeros([12, 9])], [img.step(1, 2), zeros([9, 6])]] as const) {
    const want = zeros(out.shape as [number, number]), got = zeros(out.shape as [number, number]);
    conv3(view, K, want);
    f(view, K, got);
    assert.ok(want.data.every((x, i) => Object.is(x, got.data[i])));
  }
});

test("min/max reductions and running extremes equal plain JS bitwise, NaN and ±0 included", () => {
  const seeds = [0, 1, 2, 3];
  const cases = (make: (n: number, seed: number) => unknown[]) => [17, ...SIZES].flatMap((n) => seeds.map((seed) => () => make(n, seed)));
  sameOnTargets("running max", runningMax, cases((n, seed) => [edgy(mulberry32(seed * 100 + n), n)]));
  sameOnTargets("running max of zeros", runningMax, cases((n, seed) => [zeros01(mulberry32(seed * 100 + n + 7), n)]));
  sameOnTargets("running min", runningMin, cases((n, seed) => [edgy(mulberry32(seed * 100 + n + 1), n, 0), [0, -0, NaN, 1][seed]!]));
  sameOnTargets("Math.max/min", mathMaxMin, cases((n, seed) => { const r = mulberry32(seed * 100 + n + 2); return [edgy(r, n, seed === 0 ? 0 : 0.05), edgy(r, n, 0)]; }));
  sameOnTargets("max and store", maxAndScale, cases((n, seed) => [zeros01(mulberry32(seed * 100 + n + 3), n), new Float64Array(n)]));
});

// ---- fastmath ---------------------------------------------------------------------------------------

test("fastmath is off by default: a sum keeps the order of plain JS (bitwise)", () => {
  const f = jit(sum);
  const rng = mulberry32(5);
  for (const n of SIZES) {
    const a = randFloats(rng, n, -1e10, 1e10);
    assert.ok(Object.is(f(a), sum(a)), `n=${n}`);
  }
});

test("fastmath reductions: exact where every order gives the same result, close otherwise", () => {
  const fs = jit(sum, { fastmath: true }), fd = jit(dotMinus, { fastmath: true }), fp = jit(product, { fastmath: true });
  const fsm = jit(sumAndMax, { fastmath: true });
  const rng = mulberry32(9);
  for (const n of [...SIZES, 1000, 1001]) {
    // Small integers: every partial sum is exact, so any order gives plain JS's bits.
    const ints = Float64Array.from(randInts(rng, n, -1000, 1000));
    assert.ok(Object.is(fs(ints), sum(ints)), `sum of integers, n=${n}`);
    const nonPositive = Float64Array.from(randInts(rng, n, -3, 1), (x) => (x === 0 && rng() < 0.5 ? -0 : x));
    assert.ok(Object.is(fsm(nonPositive), sumAndMax(nonPositive)), `sum and max, n=${n}`);
    const ints2 = Float64Array.from(randInts(rng, n, -30, 30));
    assert.ok(Object.is(fd(ints, ints2), dotMinus(ints, ints2)), `dot of integers, n=${n}`);
    // Powers of two with few factors: the product is exact in any order.
    const pow = Float64Array.from({ length: n }, () => [0.5, 2, -1, 1, -2][Math.floor(rng() * 5)]!);
    if (n <= 64) assert.ok(Object.is(fp(pow), product(pow)), `product, n=${n}`);
    // General floats: the same sum up to rounding.
    const a = randFloats(rng, n), b = randFloats(rng, n);
    const want = dotMinus(a, b), got = fd(a, b);
    assert.ok(Math.abs(got - want) <= 1e-12 * (100 + n), `dot n=${n}: ${got} vs ${want}`);
    // NaN and infinities propagate as in plain JS.
    if (n > 3) {
      const c = a.slice();
      c[n - 2] = NaN;
      assert.ok(Number.isNaN(fs(c)));
      c[n - 2] = Infinity;
      assert.equal(fs(c), Infinity);
    }
  }
});

test("fastmath on the native and js targets gives plain JS's order (allowed, and exact here)", () => {
  const rng = mulberry32(13);
  const a = randFloats(rng, 37);
  for (const target of ["js", "wasm"] as const) {
    const f = jit(mathMaxMin, { target, fastmath: true });
    assert.ok(Object.is(f(a, a), mathMaxMin(a, a)), target);
  }
});

// ---- a stored array read at another subscript ---------------------------------------------------

test("a stored array read at a fixed distance: vectorised behind a run-time test, exact for every distance", () => {
  function shift(a: Float64Array, d: number, lo: number, hi: number) {
    for (let j = lo; j < hi; j++) a[j + d] = a[j] * 0.5 + 1;
  }
  function luRows(A: Float64Array, n: number) {
    for (let k = 0; k < n; k++)
      for (let i = k + 1; i < n; i++) {
        const l = A[i * n + k] / A[k * n + k];
        A[i * n + k] = l;
        for (let j = k + 1; j < n; j++) A[i * n + j] -= l * A[k * n + j];
      }
  }
  assert.match(optimised(shift, [f64, "int", "int", "int"]), /for j\.\d+ = lo lt hi step 1 vector 2 if or\(le\(d, 0\), ge\(d, 2\)\) \{/);
  assert.match(optimised(luRows, [f64, "int"]), /vector 2 if or\(le\(sub\(mul\(i\.\d+, n\), mul\(k\.\d+, n\)\), 0\), ge\(sub\(mul\(i\.\d+, n\), mul\(k\.\d+, n\)\), 2\)\)/);
  // A read d iterations after the store with 0 < d < 2 must see it: those distances run scalar.
  const cases = [-5, -2, -1, 0, 1, 2, 3, 7].flatMap((d) => [0, 1, 2, 3, 5, 9, 16].map((n) => () => {
    const lo = Math.max(0, -d), hi = Math.min(n, n - d);
    return [Float64Array.from({ length: n + 2 }, (_, i) => i * 1.5 - 3), d, lo, hi];
  }));
  sameOnTargets("shift", shift, cases);
  sameOnTargets("luRows", luRows, [0, 1, 2, 3, 4, 7, 12].map((n) => () => {
    const r = mulberry32(n + 90);
    const A = randFloats(r, n * n, -1, 1);
    for (let i = 0; i < n; i++) A[i * n + i] += n + 1; // diagonally dominant: no zero pivots
    return [A, n];
  }));
});
