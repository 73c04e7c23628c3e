// prange kernels shared by the parallel-loop tests of the wasm target (test/parallel.test.ts) and the
// native target (test/native-parallel.test.ts): stencils, strided and nested loops, calls, reductions,
// errors and allocation inside parallel loops. Each is also a plain function: the oracle.
import { prange, zeros, type NdArray } from "../../src/index.js";
import { mulberry32 } from "../harness.js";

export function rand(n: number, seed: number): Float64Array {
  const r = mulberry32(seed);
  return Float64Array.from({ length: n }, () => 2 * r() - 1);
}

export function mat(m: number, n: number, seed: number): NdArray {
  const r = mulberry32(seed);
  const A = zeros([m, n]);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A.set(i, j, 2 * r() - 1);
  return A;
}

export function stencil(A: NdArray, B: NdArray) {
  const [m, n] = A.shape;
  for (const i of prange(1, m - 1))
    for (let j = 1; j < n - 1; j++)
      B.set(i, j, 0.25 * (A.get(i - 1, j) + A.get(i + 1, j) + A.get(i, j - 1) + A.get(i, j + 1)));
}

export function rowHistograms(X: NdArray, H: NdArray, bins: number) {
  const [m, n] = X.shape;
  for (const r of prange(m)) {
    for (let j = 0; j < n; j++) {
      const b = Math.min(bins - 1, Math.floor(((X.get(r, j) + 1) / 2) * bins));
      H.set(r, b, H.get(r, b) + 1);
    }
  }
}

export function strided(x: Float64Array, out: Float64Array) {
  for (const i of prange(3, x.length, 2)) out[i] = x[i]! * 2 + x[i - 1]!;
  for (const i of prange(x.length - 1, -1, -3)) out[i] = out[i]! - 1;
}

export function timeSteps(u: Float64Array, v: Float64Array, steps: number) {
  const n = u.length;
  for (let t = 0; t < steps; t++) {
    for (const i of prange(1, n - 1)) v[i] = u[i]! + 0.1 * (u[i - 1]! - 2 * u[i]! + u[i + 1]!);
    for (const i of prange(1, n - 1)) u[i] = v[i]!;
  }
}

export function nested(A: NdArray, out: NdArray) {
  const [m, n] = A.shape;
  for (const i of prange(m))
    for (const j of prange(n)) out.set(i, j, A.get(i, j) * i + j);
}

export function norm(x: number, y: number) {
  return Math.sqrt(x * x + y * y);
}

export function callsHelper(x: Float64Array, y: Float64Array, out: Float64Array) {
  for (const i of prange(x.length)) out[i] = norm(x[i]!, y[i]!);
}

export function scaleInPlace(x: Float64Array, k: number) {
  for (const i of prange(x.length)) x[i] = x[i]! * k;
}

export function callsParallelCallee(x: Float64Array) {
  scaleInPlace(x, 3);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s;
}

export function intKernel(a: Int32Array, out: Int32Array) {
  for (const i of prange(a.length)) out[i] = (a[i]! * 7) ^ (i << 2);
}

export function firstAbove(A: NdArray, out: Int32Array, t: number) {
  const [m, n] = A.shape;
  for (const i of prange(m)) {
    out[i] = -1;
    for (let j = 0; j < n; j++) {
      if (A.get(i, j) <= t) continue;
      out[i] = j;
      break;
    }
  }
}

export function sum(x: Float64Array) {
  let s = 0;
  for (const i of prange(x.length)) s += x[i]!;
  return s;
}

export function sumOffset(x: Float64Array) {
  let s = 100;
  for (const i of prange(x.length)) s -= x[i]! * 0.5;
  return s;
}

export function product(x: Float64Array) {
  let p = 1;
  for (const i of prange(x.length)) p *= 1 + x[i]! / 64;
  return p;
}

export function minMax(x: Float64Array) {
  let lo = Infinity, hi = -Infinity;
  for (const i of prange(x.length)) {
    lo = Math.min(lo, x[i]!);
    hi = Math.max(x[i]! * 2, hi);
  }
  return hi - lo * 3;
}

export function intSum(a: Int32Array) {
  let s = 0, c = 0, m = 0;
  for (const i of prange(a.length)) {
    s += a[i]!;
    if (a[i]! > 0) c++;
    m = Math.max(m, a[i]!);
  }
  return s * 1000003 + c * 1009 + m;
}

export function dot2(A: NdArray, x: Float64Array) {
  const [m, n] = A.shape;
  let total = 0;
  for (const i of prange(m)) {
    let row = 0;
    for (let j = 0; j < n; j++) row += A.get(i, j) * x[j]!;
    total += row * row;
  }
  return total;
}

export function throwsAt(x: Float64Array, bad: number) {
  for (const i of prange(x.length)) {
    if (i === bad) throw new RangeError("bad element");
    if (i === bad + 1) throw new TypeError("later element");
    x[i] = x[i]! + 1;
  }
}

export function outOfBounds(x: Float64Array, k: number) {
  for (const i of prange(x.length)) x[i] = x[i + k]!;
}

export function allocPerIteration(x: Float64Array, out: Float64Array, m: number) {
  for (const i of prange(x.length)) {
    const tmp = new Float64Array(m);
    for (let j = 0; j < m; j++) tmp[j] = x[i]! * j;
    let s = 0;
    for (let j = 0; j < m; j++) s += tmp[j]!;
    out[i] = s;
  }
}

export function makeRow(m: number, v: number) {
  const r = zeros([m]);
  for (let j = 0; j < m; j++) r.set(j, v + j);
  return r;
}

export function allocInCallee(x: Float64Array, out: Float64Array) {
  for (const i of prange(x.length)) {
    const r = makeRow(3, x[i]!);
    out[i] = r.get(0) + r.get(2);
  }
}
