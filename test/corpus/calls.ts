// Calls between jitted functions, kernels that allocate and return arrays, and the ways a function
// can be written: declarations, expressions, arrows, and the `var` style of TypeScript's own output.
//
// A caller reaches its callees here through the module scope (plain JS) and through `scope` with
// `callee(...)` entries (jitted: the harness jits each callee for the same target first).

import { empty, ones, zeros } from "../../src/index.js";
import { callee, mulberry32, randFloats, randInts, withEdges, type Kernel, type ND } from "../harness.js";

// ---------------------------------------------------------------------------------------------------
// Callees

export function dotSelf(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

export function normOf(a: Float64Array): number {
  return Math.sqrt(dotSelf(a));
}

export function scaleInPlace(a: Float64Array, s: number): void {
  for (let i = 0; i < a.length; i++) a[i] *= s;
}

export function clampTo(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function isAbove(x: number, t: number): boolean {
  return x > t;
}

export function sumOf(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

export function makeRamp(n: number): Float64Array {
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = i * 0.5 - 1;
  return r;
}

export function rowSum(A: ND, i: number): number {
  let s = 0;
  for (let j = 0; j < A.shape[1]; j++) s += A.get(i, j);
  return s;
}

export function writeSquares(out: Int32Array, start: number, count: number): number {
  for (let k = 0; k < count; k++) out[start + k] = (start + k) * (start + k);
  return start + count;
}

// ---------------------------------------------------------------------------------------------------
// Callers

/** Depth 2: normalize -> normOf -> dotSelf; a callee returning a number and one writing an array. */
export function normalize(a: Float64Array): number {
  const n = normOf(a);
  if (n > 0) scaleInPlace(a, 1 / n);
  return n;
}

/** The same callee at two signatures: clampTo(float, int, int) and clampTo(int, int, int). */
export function clampAll(a: Float64Array, b: Int32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    a[i] = clampTo(a[i], -1, 1);
    s += clampTo(b[i], -10, 10);
  }
  return s;
}

export function countAbove(a: Float64Array, t: number): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) if (isAbove(a[i], t)) c++;
  return c;
}

/** A callee that allocates and returns an array; the caller reads it and passes it on. */
export function rampStats(n: number): number {
  const r = makeRamp(n);
  return sumOf(r) * 100 + r[n - 1];
}

/** A callee that allocates and returns an array, returned again by the caller. */
export function rampTwice(n: number): Float64Array {
  const r = makeRamp(n);
  scaleInPlace(r, 2);
  return r;
}

export function rowSums(A: ND, out: Float64Array): void {
  for (let i = 0; i < A.shape[0]; i++) out[i] = rowSum(A, i);
}

export function squaresInChunks(out: Int32Array, chunk: number): number {
  let next = 0;
  let calls = 0;
  while (next + chunk <= out.length) {
    next = writeSquares(out, next, chunk);
    calls++;
  }
  writeSquares(out, next, out.length - next);
  return calls;
}

// ---------------------------------------------------------------------------------------------------
// Allocation

export function cumsumCopy(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    out[i] = s;
  }
  return out;
}

export function polyTable(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i * i - 5 * i + 3;
  return out;
}

export function outerProduct(x: Float64Array, y: Float64Array) {
  const C = zeros([x.length, y.length]);
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < y.length; j++) C.set(i, j, x[i] * y[j]);
  return C;
}

export function countsByRemainder(a: Int32Array, m: number) {
  const c = zeros(m, "int32");
  for (let i = 0; i < a.length; i++) {
    const r = a[i] % m;
    c.set(r, c.get(r) + 1);
  }
  return c;
}

export function float32Grid(m: number, p: number) {
  const G = zeros([m, p], "float32");
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) G.set(i, j, i / 3 + j / 7);
  return G;
}

export function onesTrace(n: number): number {
  const O = ones([n, n]);
  let s = 0;
  for (let i = 0; i < n; i++) s += O.get(i, i) * (i + 0.25);
  return s;
}

export function squaresEmpty(n: number) {
  const e = empty([n]);
  for (let i = 0; i < n; i++) e.set(i, i * i);
  return e;
}

export function emptyAllocation(): Float64Array {
  return new Float64Array(0);
}

// ---------------------------------------------------------------------------------------------------
// Function styles

export const arrowSum = (a: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

export const arrowConcise = (x: number, y: number) => x * y + 1;

export const anonymousExpression = function (a: Float64Array, b: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

export const namedExpression = function chebyshev(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    if (d > m) m = d;
  }
  return m;
};

/** TypeScript-compiler-style output: `var` everywhere, blocks around every body. */
export function tsStyle(a: Float64Array, b: number) {
  var s = 0;
  for (var i = 0; i < a.length; i++) {
    s += a[i];
  }
  return s * b;
}

/** `var` is function-scoped: declared in blocks, used after them, re-declared. */
export function varFunctionScope(a: Float64Array) {
  if (a.length > 0) {
    var first = a[0];
  } else {
    var first = -1;
  }
  var last = 0;
  var x = 0.5;
  for (var i = 0; i < a.length; i++) {
    var x = a[i];
    last = x;
  }
  var count = i;
  for (var i = 0; i < 3; i++) {
    count += i;
  }
  return first * 1000 + last + count + x;
}

/** What `tsc --target ES5` makes of `const [m, n] = A.shape`. */
export function tsDownlevelShape(A: ND) {
  var _a = A.shape, m = _a[0], n = _a[1];
  var s = 0;
  for (var i = 0; i < m; i++) {
    for (var j = 0; j < n; j++) {
      s += A.get(i, j) * (i - j);
    }
  }
  return s;
}

/** What `tsc --target ES5` makes of `for (const x of a)`: the array aliased in a var. */
export function tsDownlevelForOf(a: Float64Array) {
  var total = 0;
  for (var _i = 0, a_1 = a; _i < a_1.length; _i++) {
    var x = a_1[_i];
    total += x * x;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------

export const callKernels: Kernel[] = [
  {
    name: "nested calls: normalize -> normOf -> dotSelf, scaleInPlace", fn: normalize,
    args: () => [randFloats(mulberry32(200), 50, -3, 3)],
    scope: { normOf: callee(normOf, { dotSelf: callee(dotSelf) }), scaleInPlace: callee(scaleInPlace) },
  },
  {
    name: "nested calls: scalar callee at two signatures", fn: clampAll,
    args: () => { const r = mulberry32(201); return [withEdges(r, 50), randInts(r, 81, -20, 20)]; },
    scope: { clampTo: callee(clampTo) },
  },
  {
    name: "nested calls: callee returning a boolean", fn: countAbove,
    args: () => [withEdges(mulberry32(202), 100), 0.25],
    scope: { isAbove: callee(isAbove) },
  },
  {
    name: "nested calls: callee returning an allocated array", fn: rampStats,
    args: () => [37], scope: { makeRamp: callee(makeRamp), sumOf: callee(sumOf) },
  },
  {
    name: "nested calls: returned array passed on and returned", fn: rampTwice,
    args: () => [11], scope: { makeRamp: callee(makeRamp), scaleInPlace: callee(scaleInPlace) },
  },
  {
    name: "nested calls: n-d array argument", fn: rowSums,
    args: () => {
      const r = mulberry32(203);
      const A = zeros([5, 7]);
      for (let i = 0; i < 5; i++) for (let j = 0; j < 7; j++) A.set(i, j, r() - 0.5);
      return [A.T, new Float64Array(7)];
    },
    scope: { rowSum: callee(rowSum) },
  },
  {
    name: "nested calls: callee writing into an Int32Array at an offset", fn: squaresInChunks,
    args: () => [new Int32Array(23), 5], scope: { writeSquares: callee(writeSquares) },
  },
  { name: "allocates new Float64Array(n) and returns it", fn: cumsumCopy, args: () => [randFloats(mulberry32(204), 40)] },
  { name: "allocates new Int32Array(n) and returns it", fn: polyTable, args: () => [30] },
  {
    name: "allocates zeros([m, p]) and returns it", fn: outerProduct,
    args: () => { const r = mulberry32(205); return [randFloats(r, 6), randFloats(r, 4)]; }, scope: { zeros },
  },
  {
    name: "allocates zeros(n, \"int32\") and returns it", fn: countsByRemainder,
    args: () => [randInts(mulberry32(206), 200, 0, 1000), 7], scope: { zeros },
  },
  { name: "allocates zeros([m, p], \"float32\") and returns it", fn: float32Grid, args: () => [4, 5], scope: { zeros } },
  { name: "allocates ones([n, n])", fn: onesTrace, args: () => [6], scope: { ones } },
  { name: "allocates empty([n]), fills and returns it", fn: squaresEmpty, args: () => [9], scope: { empty } },
  { name: "allocates and returns an empty Float64Array", fn: emptyAllocation, args: () => [] },
  { name: "arrow function with a block body", fn: arrowSum, args: () => [randFloats(mulberry32(207), 20)] },
  { name: "arrow function with an expression body", fn: arrowConcise, args: () => [2.5, -4] },
  {
    name: "anonymous function expression", fn: anonymousExpression,
    args: () => { const r = mulberry32(208); return [randFloats(r, 30), randFloats(r, 30)]; },
  },
  {
    name: "named function expression", fn: namedExpression,
    args: () => { const r = mulberry32(209); return [randFloats(r, 30), randFloats(r, 30)]; },
  },
  { name: "TypeScript-style var loop", fn: tsStyle, args: () => [randFloats(mulberry32(210), 25), 3] },
  { name: "var is function-scoped", fn: varFunctionScope, args: () => [randFloats(mulberry32(211), 12)] },
  {
    name: "tsc ES5 output: shape destructuring", fn: tsDownlevelShape,
    args: () => {
      const r = mulberry32(212);
      const A = zeros([3, 4]);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) A.set(i, j, r());
      return [A];
    },
  },
  { name: "tsc ES5 output: for-of over a typed array", fn: tsDownlevelForOf, args: () => [randFloats(mulberry32(213), 25)] },
];
