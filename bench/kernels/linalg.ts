// Linear-algebra kernels, each in its textbook loop order (no hand interchange, no blocking).

import { zeros } from "../../src/index.js";
import { matrixMultiplyLoops } from "../../examples/seed.js";
import { type KernelCase, type NdArray, prng, randMat, randVec, randVec32 } from "./common.js";

/** C = A B on flat row-major Float64Arrays (i*n + j indexing), i-j-k with a scalar accumulator. */
export function matmulFlat(A: Float64Array, B: Float64Array, C: Float64Array, n: number): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k] * B[k * n + j];
      C[i * n + j] = s;
    }
}

/** y = A x, A m x n row-major. */
export function matvec(A: Float64Array, x: Float64Array, y: Float64Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
    y[i] = s;
  }
}

/** y = A^T x, A m x n row-major: one dot product per column, walking down the column. */
export function matvecT(A: Float64Array, x: Float64Array, y: Float64Array, m: number, n: number): void {
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += A[i * n + j] * x[i];
    y[j] = s;
  }
}

export function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** y = a x + y, in place. */
export function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = a * x[i] + y[i];
}

/**
 * The same loop on Float32Arrays. A function of its own: V8 specialises each function for the
 * element types it sees, and sharing `axpy` would slow plain JS on both kernels.
 */
export function saxpy(a: number, x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < y.length; i++) y[i] = a * x[i] + y[i];
}

/** Rank-1 update A = A + alpha x y^T, in place, A n x n row-major. */
export function outerUpdate(A: Float64Array, alpha: number, x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) A[i * n + j] += alpha * x[i] * y[j];
}

/** Gram matrix G = X^T X of an n x p data matrix (n-d), i-j-k. */
export function gram(X: NdArray) {
  const [n, p] = X.shape;
  const G = zeros([p, p]);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++)
      for (let k = 0; k < n; k++) G.set(i, j, G.get(i, j) + X.get(k, i) * X.get(k, j));
  return G;
}

/** Doolittle LU without pivoting, in place (L below the diagonal, unit diagonal implied; U on and above). */
export function luNoPivot(A: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const piv = A[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const l = A[i * n + k] / piv;
      A[i * n + k] = l;
      for (let j = k + 1; j < n; j++) A[i * n + j] -= l * A[k * n + j];
    }
  }
}

/** Cholesky–Banachiewicz (column by column): returns lower-triangular L with A = L L^T (n-d). */
export function cholesky(A: NdArray) {
  const n = A.shape[0];
  const L = zeros([n, n]);
  for (let j = 0; j < n; j++) {
    let d = A.get(j, j);
    for (let k = 0; k < j; k++) d -= L.get(j, k) * L.get(j, k);
    if (!(d > 0)) throw new RangeError("Matrix is not positive definite.");
    const ljj = Math.sqrt(d);
    L.set(j, j, ljj);
    for (let i = j + 1; i < n; i++) {
      let s = A.get(i, j);
      for (let k = 0; k < j; k++) s -= L.get(i, k) * L.get(j, k);
      L.set(i, j, s / ljj);
    }
  }
  return L;
}

// ---------------------------------------------------------------------------------------------------

const N_SEED = 200; // seed matmul on n-d arrays (get/set method calls in plain JS: slow)
const N_FLAT = 320;
const MV = 1024;
const VEC = 1 << 18; // 2 MiB per vector: in cache, so the loop's code is what is measured
const OUTER = 1024;
const GRAM_N = 400, GRAM_P = 200;
const LU_N = 600;
const CHOL_N = 500;

/** A well-conditioned matrix for LU without pivoting: uniform [-1, 1) plus n on the diagonal. */
function diagDominant(seed: number, n: number): Float64Array {
  const A = randVec(prng(seed), n * n);
  for (let i = 0; i < n; i++) A[i * n + i] += n;
  return A;
}

/** A symmetric positive definite n-d matrix: (R + R^T)/2 + n I. */
function spd(seed: number, n: number): NdArray {
  const R = randVec(prng(seed), n * n);
  const A = zeros([n, n]);
  const d = A.data as Float64Array;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) d[i * n + j] = 0.5 * (R[i * n + j] + R[j * n + i]) + (i === j ? n : 0);
  return A;
}

export const linalgKernels: KernelCase[] = [
  {
    name: "matmul_nd", group: "linalg", fn: matrixMultiplyLoops,
    what: "the seed: C = A B, n-d arrays, A.get(i, k) * B.get(k, j), i-j-k, C allocated by the kernel",
    size: `N = ${N_SEED}`,
    make: () => { const r = prng(101); return [randMat(r, N_SEED, N_SEED), randMat(r, N_SEED, N_SEED)]; },
    flops: 2 * N_SEED ** 3,
  },
  {
    name: "matmul_flat", group: "linalg", fn: matmulFlat,
    what: "C = A B, flat Float64Array, A[i*n+k] * B[k*n+j], i-j-k, scalar accumulator, C a parameter",
    size: `N = ${N_FLAT}`,
    make: () => { const r = prng(102); return [randVec(r, N_FLAT ** 2), randVec(r, N_FLAT ** 2), new Float64Array(N_FLAT ** 2), N_FLAT]; },
    flops: 2 * N_FLAT ** 3,
  },
  {
    name: "matvec", group: "linalg", fn: matvec,
    what: "y = A x, flat row-major A, dot product per row",
    size: `${MV} x ${MV}`,
    make: () => { const r = prng(103); return [randVec(r, MV * MV), randVec(r, MV), new Float64Array(MV), MV, MV]; },
    flops: 2 * MV * MV,
  },
  {
    name: "matvec_t", group: "linalg", fn: matvecT,
    what: "y = A^T x, flat row-major A, dot product per column (strided walk down each column)",
    size: `${MV} x ${MV}`,
    make: () => { const r = prng(104); return [randVec(r, MV * MV), randVec(r, MV), new Float64Array(MV), MV, MV]; },
    flops: 2 * MV * MV,
  },
  {
    name: "dot", group: "linalg", fn: dot,
    what: "s = x . y, Float64Array",
    size: "n = 2^18",
    make: () => { const r = prng(105); return [randVec(r, VEC), randVec(r, VEC)]; },
    flops: 2 * VEC, bytes: 16 * VEC,
  },
  {
    name: "axpy", group: "linalg", fn: axpy,
    what: "y = a x + y in place, Float64Array",
    size: "n = 2^18",
    make: () => { const r = prng(106); return [1e-3, randVec(r, VEC), randVec(r, VEC)]; },
    flops: 2 * VEC, bytes: 24 * VEC,
  },
  {
    name: "saxpy_f32", group: "linalg", fn: saxpy,
    what: "the same axpy on Float32Arrays: products and sums in f64 as JS does, rounded to binary32 on the store",
    size: "n = 2^18",
    make: () => { const r = prng(112); return [1e-3, randVec32(r, VEC), randVec32(r, VEC)]; },
    flops: 2 * VEC, bytes: 12 * VEC,
  },
  {
    name: "outer", group: "linalg", fn: outerUpdate,
    what: "rank-1 update A += alpha x y^T in place, flat row-major A",
    size: `${OUTER} x ${OUTER}`,
    make: () => { const r = prng(107); return [randVec(r, OUTER * OUTER), 1e-3, randVec(r, OUTER), randVec(r, OUTER), OUTER]; },
    flops: 3 * OUTER * OUTER, bytes: 16 * OUTER * OUTER,
  },
  {
    name: "gram_nd", group: "linalg", fn: gram,
    what: "G = X^T X, n-d, G.set(i, j, G.get(i, j) + X.get(k, i) * X.get(k, j)), i-j-k (strided inner loop)",
    size: `X ${GRAM_N} x ${GRAM_P}`,
    make: () => [randMat(prng(108), GRAM_N, GRAM_P)],
    flops: 2 * GRAM_N * GRAM_P * GRAM_P,
  },
  {
    name: "lu", group: "linalg", fn: luNoPivot,
    what: "LU without pivoting, in place, flat row-major (k-i-j, triangular loops)",
    size: `N = ${LU_N}`,
    make: () => [diagDominant(109, LU_N), LU_N],
    reset: (args, pristine) => (args[0] as Float64Array).set(pristine[0] as Float64Array),
    flops: (2 / 3) * LU_N ** 3,
  },
  {
    name: "cholesky_nd", group: "linalg", fn: cholesky,
    what: "Cholesky L L^T, n-d, column by column (triangular loops, dot products along rows of L)",
    size: `N = ${CHOL_N}`,
    make: () => [spd(110, CHOL_N)],
    flops: CHOL_N ** 3 / 3,
  },
];
