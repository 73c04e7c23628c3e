// The textbook suite (issue 21): kernels taken from sources numbat was not tuned for (the Livermore
// loops, LAPACK reference routines, PolyBench, Rodinia, NAS), written as those sources write them.
// bench/textbook.ts times each against plain V8 and its Numba twin (bench/textbook_numba.py, the same
// name); test/textbook.test.ts runs each at its small size, plain vs jitted, on every CPU target.
// make(small) must be deterministic: the bench dumps its arguments for the Numba twin.

import { prng, randVec } from "./common.js";
import * as L from "./livermore.js";
import * as P from "./lapack.js";
import * as B from "./polybench.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

export interface TextbookCase {
  readonly name: string;
  /** Where the loops come from. */
  readonly source: "Livermore" | "LAPACK" | "PolyBench" | "Rodinia" | "NAS";
  readonly what: string;
  readonly fn: AnyFn;
  /** Fresh deterministic arguments: the bench size, or a small one for the tests. */
  make(small: boolean): unknown[];
}

const r = (seed: number, n: number, lo = -1, hi = 1) => randVec(prng(seed), n, lo, hi);
const ints = (seed: number, n: number, lo: number, hi: number) => {
  const next = prng(seed);
  return Int32Array.from({ length: n }, () => lo + Math.floor((hi - lo) * next()));
};
/** A diagonally dominant n x n matrix (uniform [-1, 1) plus n on the diagonal): stable without pivoting. */
const dominant = (seed: number, n: number) => {
  const A = r(seed, n * n);
  for (let i = 0; i < n; i++) A[i * n + i] += n;
  return A;
};
/** A symmetric positive definite n x n matrix: R R^T / n + I, for Cholesky. */
const spd = (seed: number, n: number) => {
  const R = r(seed, n * n);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += R[i * n + k]! * R[j * n + k]!;
      A[i * n + j] = A[j * n + i] = s / n + (i === j ? 1 : 0);
    }
  return A;
};
/** A random CSR matrix with `per` entries a row. */
const csr = (seed: number, n: number, per: number) => {
  const rowstr = Int32Array.from({ length: n + 1 }, (_, i) => i * per);
  return [rowstr, ints(seed, n * per, 0, n), r(seed + 1, n * per)] as const;
};
const pick = (small: boolean, big: number, little: number) => (small ? little : big);

export const textbookSuite: readonly TextbookCase[] = [
  // ---- Livermore loops ----
  { name: "lk1_hydro", source: "Livermore", what: "hydro fragment", fn: L.lk1, make: (s) => { const n = pick(s, 1 << 16, 100); return [new Float64Array(n), r(1, n), r(2, n + 11), 0.5, 0.25, 0.125, n]; } },
  { name: "lk2_iccg", source: "Livermore", what: "ICCG excerpt, halving strides", fn: L.lk2, make: (s) => { const n = pick(s, 1 << 16, 64); return [r(3, 2 * n + 2), r(4, 2 * n + 2, 0, 0.5), n]; } },
  { name: "lk3_inner", source: "Livermore", what: "inner product", fn: L.lk3, make: (s) => { const n = pick(s, 1 << 16, 100); return [r(5, n), r(6, n), n]; } },
  { name: "lk4_banded", source: "Livermore", what: "banded linear equations", fn: L.lk4, make: (s) => { const n = pick(s, 1 << 18, 1001); return [r(7, 2 * n), r(8, n, 0, 0.01), n]; } },
  { name: "lk5_tridiag", source: "Livermore", what: "tri-diagonal elimination (recurrence)", fn: L.lk5, make: (s) => { const n = pick(s, 1 << 16, 100); return [r(9, n), r(10, n), r(11, n, 0, 0.9), n]; } },
  { name: "lk6_linrec", source: "Livermore", what: "general linear recurrence, k < i", fn: L.lk6, make: (s) => { const n = pick(s, 400, 20); return [new Float64Array(n), r(12, n * n, -0.01, 0.01), n]; } },
  { name: "lk7_eos", source: "Livermore", what: "equation of state fragment", fn: L.lk7, make: (s) => { const n = pick(s, 1 << 16, 100); return [new Float64Array(n), r(13, n), r(14, n), r(15, n + 6), 0.5, 0.25, 0.125, n]; } },
  { name: "lk9_predict", source: "Livermore", what: "integrate predictors, px[n][25]", fn: L.lk9, make: (s) => { const n = pick(s, 1 << 14, 50); return [r(16, n * 25), n]; } },
  { name: "lk10_diffpred", source: "Livermore", what: "difference predictors, px, cx [n][25]", fn: L.lk10, make: (s) => { const n = pick(s, 1 << 14, 50); return [r(17, n * 25), r(18, n * 25), n]; } },
  { name: "lk11_firstsum", source: "Livermore", what: "first sum (prefix sum)", fn: L.lk11, make: (s) => { const n = pick(s, 1 << 16, 100); return [new Float64Array(n), r(19, n), n]; } },
  { name: "lk12_firstdiff", source: "Livermore", what: "first difference", fn: L.lk12, make: (s) => { const n = pick(s, 1 << 16, 100); return [new Float64Array(n), r(20, n + 1), n]; } },
  { name: "lk19_linrec", source: "Livermore", what: "general linear recurrence, forward and back", fn: L.lk19, make: (s) => { const n = pick(s, 1 << 16, 100); return [new Float64Array(n), r(21, n), r(22, n, 0, 0.5), n]; } },
  { name: "lk21_matmul", source: "Livermore", what: "px[j][i] += vy[k][i] cx[j][k], j innermost", fn: L.lk21, make: (s) => { const n = pick(s, 2048, 30); return [r(23, n * 25), r(24, 625), r(25, n * 25), n]; } },
  { name: "lk22_planck", source: "Livermore", what: "Planckian distribution (exp)", fn: L.lk22, make: (s) => { const n = pick(s, 1 << 14, 100); return [new Float64Array(n), r(26, n), new Float64Array(n), r(27, n, 0.1, 1), r(28, n, 0.5, 1), n]; } },
  { name: "lk23_implicit", source: "Livermore", what: "2-D implicit hydrodynamics, [7][n] in place", fn: L.lk23, make: (s) => { const n = pick(s, 1 << 14, 40); return [r(29, 7 * n), r(30, 7 * n, 0, 0.2), r(31, 7 * n, 0, 0.2), r(32, 7 * n, 0, 0.2), r(33, 7 * n, 0, 0.2), r(34, 7 * n), n]; } },
  { name: "lk24_firstmin", source: "Livermore", what: "location of the first minimum", fn: L.lk24, make: (s) => { const n = pick(s, 1 << 16, 100); return [r(35, n), n]; } },
  // ---- LAPACK / BLAS reference ----
  { name: "getf2", source: "LAPACK", what: "LU with partial pivoting, column-major", fn: P.getf2, make: (s) => { const n = pick(s, 200, 12); return [r(40, n * n), new Int32Array(n), n]; } },
  { name: "potf2", source: "LAPACK", what: "Cholesky U^T U, column-major", fn: P.potf2, make: (s) => { const n = pick(s, 200, 12); return [spd(41, n), n]; } },
  { name: "trsm", source: "LAPACK", what: "B := L^-1 B, left lower, column-major", fn: P.trsm, make: (s) => { const m = pick(s, 200, 12), n = pick(s, 100, 5); return [dominant(42, m), r(43, m * n), m, n]; } },
  { name: "trmv", source: "LAPACK", what: "x := U x, column-major", fn: P.trmv, make: (s) => { const n = pick(s, 1000, 20); return [r(44, n * n), r(45, n), n]; } },
  { name: "syr2", source: "LAPACK", what: "A += a x y' + a y x', lower, column-major", fn: P.syr2, make: (s) => { const n = pick(s, 1000, 20); return [0.5, r(46, n), r(47, n), r(48, n * n), n]; } },
  // ---- PolyBench ----
  { name: "gemm", source: "PolyBench", what: "C = b C + a A B, i-k-j", fn: B.gemm, make: (s) => { const n = pick(s, 160, 10); return [n, n, n, 1.5, 1.2, r(50, n * n), r(51, n * n), r(52, n * n)]; } },
  { name: "gemver", source: "PolyBench", what: "rank-2 update, A^T y, A x", fn: B.gemver, make: (s) => { const n = pick(s, 400, 12); return [n, 1.5, 1.2, r(53, n * n), r(54, n), r(55, n), r(56, n), r(57, n), r(58, n), r(59, n), r(60, n), r(61, n)]; } },
  { name: "gesummv", source: "PolyBench", what: "y = a A x + b B x", fn: B.gesummv, make: (s) => { const n = pick(s, 400, 12); return [n, 1.5, 1.2, r(62, n * n), r(63, n * n), new Float64Array(n), r(64, n), new Float64Array(n)]; } },
  { name: "atax", source: "PolyBench", what: "y = A^T (A x)", fn: B.atax, make: (s) => { const m = pick(s, 380, 11), n = pick(s, 420, 13); return [m, n, r(65, m * n), r(66, n), new Float64Array(n), new Float64Array(m)]; } },
  { name: "bicg", source: "PolyBench", what: "s = A^T r, q = A p", fn: B.bicg, make: (s) => { const m = pick(s, 380, 11), n = pick(s, 420, 13); return [m, n, r(67, n * m), new Float64Array(m), new Float64Array(n), r(68, m), r(69, n)]; } },
  { name: "mvt", source: "PolyBench", what: "x1 += A y1, x2 += A^T y2", fn: B.mvt, make: (s) => { const n = pick(s, 400, 12); return [n, r(70, n), r(71, n), r(72, n), r(73, n), r(74, n * n)]; } },
  { name: "syrk", source: "PolyBench", what: "C = b C + a A A^T, lower (j <= i)", fn: B.syrk, make: (s) => { const n = pick(s, 160, 10), m = pick(s, 120, 8); return [n, m, 1.5, 1.2, r(75, n * n), r(76, n * m)]; } },
  { name: "trmm", source: "PolyBench", what: "B = a A^T B, A unit lower (k > i)", fn: B.trmm, make: (s) => { const m = pick(s, 160, 10), n = pick(s, 140, 9); return [m, n, 1.5, r(77, m * m), r(78, m * n)]; } },
  { name: "trisolv", source: "PolyBench", what: "L x = b, forward substitution", fn: B.trisolv, make: (s) => { const n = pick(s, 1000, 20); return [n, dominant(79, n), new Float64Array(n), r(80, n)]; } },
  { name: "lu", source: "PolyBench", what: "LU without pivoting, row by row", fn: B.luPoly, make: (s) => { const n = pick(s, 200, 12); return [n, dominant(81, n)]; } },
  { name: "durbin", source: "PolyBench", what: "Toeplitz system (Levinson-Durbin)", fn: B.durbin, make: (s) => { const n = pick(s, 1000, 20); const rr = r(82, n, -0.1, 0.1); for (let i = 0; i < n; i++) rr[i]! /= i + 1; return [n, rr, new Float64Array(n), new Float64Array(n)]; } },
  { name: "covariance", source: "PolyBench", what: "column means, centring, covariance (j >= i)", fn: B.covariance, make: (s) => { const m = pick(s, 120, 8), n = pick(s, 140, 10); return [m, n, n, r(83, n * m), new Float64Array(m * m), new Float64Array(m)]; } },
  { name: "correlation", source: "PolyBench", what: "column means, deviations, correlation", fn: B.correlation, make: (s) => { const m = pick(s, 120, 8), n = pick(s, 140, 10); return [m, n, n, r(84, n * m), new Float64Array(m * m), new Float64Array(m), new Float64Array(m)]; } },
  { name: "jacobi2d", source: "PolyBench", what: "2-D Jacobi, two arrays, t steps", fn: B.jacobi2d, make: (s) => { const n = pick(s, 250, 12); return [pick(s, 20, 3), n, r(85, n * n), r(86, n * n)]; } },
  { name: "seidel2d", source: "PolyBench", what: "2-D Gauss-Seidel in place, 9 points", fn: B.seidel2d, make: (s) => { const n = pick(s, 250, 12); return [pick(s, 10, 3), n, r(87, n * n)]; } },
  { name: "fdtd2d", source: "PolyBench", what: "2-D FDTD (ex, ey, hz)", fn: B.fdtd2d, make: (s) => { const nx = pick(s, 200, 10), ny = pick(s, 240, 12), t = pick(s, 20, 3); return [t, nx, ny, r(88, nx * ny), r(89, nx * ny), r(90, nx * ny), r(91, t)]; } },
  { name: "heat3d", source: "PolyBench", what: "3-D heat, two arrays, t steps", fn: B.heat3d, make: (s) => { const n = pick(s, 40, 6); return [pick(s, 10, 2), n, r(92, n * n * n), r(93, n * n * n)]; } },
  { name: "floyd_warshall", source: "PolyBench", what: "all-pairs shortest paths, int", fn: B.floydWarshall, make: (s) => { const n = pick(s, 180, 10); return [n, ints(94, n * n, 1, 1000)]; } },
  { name: "nussinov", source: "PolyBench", what: "RNA folding DP, upper triangle, int", fn: B.nussinov, make: (s) => { const n = pick(s, 180, 10); return [n, ints(95, n, 0, 4), new Int32Array(n * n)]; } },
  // ---- Rodinia / NAS ----
  { name: "needle", source: "Rodinia", what: "Needleman-Wunsch scores, int", fn: B.needle, make: (s) => { const n = pick(s, 1000, 16); return [n, 10, ints(96, n * n, -50, 50), ints(97, n * n, -10, 10)]; } },
  { name: "spmv_csr", source: "NAS", what: "CG's sparse q = A p, CSR", fn: B.spmvCsr, make: (s) => { const n = pick(s, 1 << 14, 20); const [rs, ci, a] = csr(98, n, 16); return [n, rs, ci, a, r(99, n), new Float64Array(n)]; } },
];
