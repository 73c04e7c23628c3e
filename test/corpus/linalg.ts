// Linear-algebra kernels: the seed matmul on every kind of n-d argument (numbat arrays, scijs ndarray,
// transposed and strided views, empty and 1x1 shapes), flat matmuls on Float64Array/Float32Array,
// BLAS-1/2 style loops, decompositions, a stencil with buffer swap and an n-body step.

import { createRequire } from "node:module";
import { array, zeros } from "../../src/index.js";
import { mulberry32, randFloats, randNested, type Kernel, type ND, type Rng } from "../harness.js";
import { matrixMultiplyLoops } from "../../examples/seed.js";

const require = createRequire(import.meta.url);
/** scijs ndarray (no type declarations shipped). */
const ndarray = require("ndarray") as (data: ArrayLike<number>, shape?: number[], stride?: number[], offset?: number) => ND & {
  transpose(...axes: number[]): ND;
  hi(...idx: number[]): ND & { lo(...idx: number[]): ND & { step(...s: number[]): ND } };
  lo(...idx: number[]): ND & { step(...s: number[]): ND };
};

type DTypeName = Parameters<typeof zeros>[1];

/** A numbat array of `shape` filled with uniform values in [-1, 1) (small integers for int dtypes). */
function filled(rng: Rng, shape: number[], dtype?: DTypeName) {
  const X = dtype === undefined ? zeros(shape) : zeros(shape, dtype);
  const isInt = dtype !== undefined && !String(dtype).startsWith("float");
  const idx = shape.map(() => 0);
  const total = shape.reduce((a, b) => a * b, 1);
  for (let n = 0; n < total; n++) {
    let r = n;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = r % shape[d];
      r = Math.floor(r / shape[d]);
    }
    const v = isInt ? Math.floor(rng() * 19) - 9 : rng() * 2 - 1;
    (X as unknown as ND).set(...idx, v);
  }
  return X;
}

/** A scijs ndarray over a fresh Float64Array, row-major. */
function sci(rng: Rng, m: number, n: number) {
  return ndarray(randFloats(rng, m * n), [m, n]);
}

// ---------------------------------------------------------------------------------------------------
// The seed, exactly as in DESIGN.md (one copy, shared with the demo and the benchmarks).

export { matrixMultiplyLoops };

const seedScope = { zeros };
const mm = (name: string, args: () => unknown[]): Kernel => ({ name: `matmul seed: ${name}`, fn: matrixMultiplyLoops, args, scope: seedScope });

const seedCases: Kernel[] = [
  mm("numbat square 6x6", () => {
    const r = mulberry32(1);
    return [array(randNested(r, 6, 6)), array(randNested(r, 6, 6))];
  }),
  mm("numbat rectangular 3x5 * 5x4", () => {
    const r = mulberry32(2);
    return [array(randNested(r, 3, 5)), array(randNested(r, 5, 4))];
  }),
  mm("numbat 1x1", () => [array([[3.5]]), array([[-2.25]])]),
  mm("numbat 0x3 * 3x4 (empty result)", () => {
    const r = mulberry32(3);
    return [filled(r, [0, 3]), filled(r, [3, 4])];
  }),
  mm("numbat 3x0 * 0x4 (all-zero result)", () => {
    const r = mulberry32(4);
    return [filled(r, [3, 0]), filled(r, [0, 4])];
  }),
  mm("numbat transposed views .T", () => {
    const r = mulberry32(5);
    return [filled(r, [5, 3]).T, filled(r, [4, 5]).T];
  }),
  mm("numbat sliced views hi/lo/step (negative step too)", () => {
    const r = mulberry32(6);
    const A = filled(r, [9, 10]).hi(7, 8).lo(1, 2).step(2, 1); // 3x6
    const B = filled(r, [7, 12]).lo(1, 1).step(1, -2); // 6x6, columns reversed
    return [A, B];
  }),
  mm("numbat float32 and int32 arrays", () => {
    const r = mulberry32(7);
    return [filled(r, [4, 3], "float32"), filled(r, [3, 5], "int32")];
  }),
  mm("the same array as both arguments", () => {
    const A = filled(mulberry32(8), [4, 4]);
    return [A, A];
  }),
  mm("scijs ndarray 4x3 * 3x2", () => {
    const r = mulberry32(9);
    return [sci(r, 4, 3), sci(r, 3, 2)];
  }),
  mm("scijs transposed and strided views", () => {
    const r = mulberry32(10);
    const A = sci(r, 5, 4).transpose(1, 0); // 4x5
    const B = sci(r, 8, 7).hi(7, 6).lo(2, 1).step(1, 2); // 5x3
    return [A, B];
  }),
  mm("numbat A times scijs B", () => {
    const r = mulberry32(11);
    return [filled(r, [2, 3]), sci(r, 3, 3)];
  }),
  mm("mismatched inner dimensions throw Error", () => {
    const r = mulberry32(12);
    return [filled(r, [2, 3]), filled(r, [4, 2])];
  }),
];

// ---------------------------------------------------------------------------------------------------
// Flat matmuls with manual i*n+j indexing.

export function matmulFlat(A: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number, p: number): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k] * B[k * p + j];
      C[i * p + j] = s;
    }
}

/** i-k-j order accumulating into C (which starts non-zero): the per-element summation order matters. */
export function matmulFlatIkjAccumulate(A: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number, p: number): void {
  for (let i = 0; i < m; i++)
    for (let k = 0; k < n; k++) {
      const aik = A[i * n + k];
      for (let j = 0; j < p; j++) C[i * p + j] += aik * B[k * p + j];
    }
}

/** Float32Array: arithmetic in binary64, one rounding on each store. */
export function matmulF32(A: Float32Array, B: Float32Array, C: Float32Array, m: number, n: number, p: number): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k] * B[k * p + j];
      C[i * p + j] = s;
    }
}

/** Float32Array accumulation in memory: rounds to binary32 after every step. */
export function matmulF32AccumulateInMemory(A: Float32Array, B: Float32Array, C: Float32Array, m: number, n: number, p: number): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      C[i * p + j] = 0;
      for (let k = 0; k < n; k++) C[i * p + j] += A[i * n + k] * B[k * p + j];
    }
}

/** Binary32 arithmetic spelled with Math.fround. */
export function matmulF32Fround(A: Float32Array, B: Float32Array, C: Float32Array, m: number, n: number, p: number): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = Math.fround(0);
      for (let k = 0; k < n; k++) s = Math.fround(s + Math.fround(A[i * n + k] * B[k * p + j]));
      C[i * p + j] = s;
    }
}

function flatArgs(seed: number, m: number, n: number, p: number, f32: boolean, cInit = false): () => unknown[] {
  return () => {
    const r = mulberry32(seed);
    const make = (len: number, lo: number, hi: number) => (f32 ? randFloats(r, len, lo, hi, Float32Array) : randFloats(r, len, lo, hi));
    const A = make(m * n, -2, 2);
    const B = make(n * p, -2, 2);
    const C = cInit ? make(m * p, -1, 1) : f32 ? new Float32Array(m * p) : new Float64Array(m * p);
    return [A, B, C, m, n, p];
  };
}

// ---------------------------------------------------------------------------------------------------
// BLAS-1/2 style loops.

export function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

export function dotF32(x: Float32Array, y: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

export function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = a * x[i] + y[i];
}

export function matvec(A: Float64Array, x: Float64Array, y: Float64Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
    y[i] = s;
  }
}

/** Matrix-vector product on an n-d matrix; the length comes from `A.shape[0]`. */
export function matvecNd(A: ND, x: Float64Array, y: Float64Array): void {
  const m = A.shape[0];
  const n = A.shape[1];
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A.get(i, j) * x[j];
    y[i] = s;
  }
}

export function prefixSumInPlace(a: Float64Array): number {
  for (let i = 1; i < a.length; i++) a[i] += a[i - 1];
  return a.length > 0 ? a[a.length - 1] : 0;
}

/** A 3-d n-d array summed with a weight per index. */
export function weightedSum3d(T: ND): number {
  const [p, q, r] = T.shape;
  let s = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < q; j++)
      for (let k = 0; k < r; k++) s += T.get(i, j, k) * (i + 2 * j + 3 * k + 1);
  return s;
}

/** Column sums through a 1-d `pick` view (stride != 1) and a 2-d view. */
export function columnSum(col: ND): number {
  let s = 0;
  for (let i = 0; i < col.shape[0]; i++) s += col.get(i);
  return s;
}

/** One operation between load and store on Float32Array: binary32 arithmetic gives the same bits. */
export function addF32(a: Float32Array, b: Float32Array, c: Float32Array): void {
  for (let i = 0; i < c.length; i++) c[i] = a[i] + b[i];
}

/** Two operations on Float32Array: must be computed in binary64 and rounded once (no f32 shortcut). */
export function mulAddF32(a: Float32Array, b: Float32Array, c: Float32Array): void {
  for (let i = 0; i < c.length; i++) c[i] = a[i] * b[i] + c[i];
}

/** A sum whose value depends on the order of additions (no reassociation allowed). */
export function orderedSum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** Float negation and unary plus keep signed zeros. */
export function negate(a: Float64Array, out: Float64Array): void {
  for (let i = 0; i < a.length; i++) out[i] = -a[i] + +a[i] * 0 - -a[i] * 2;
}

// ---------------------------------------------------------------------------------------------------
// Decompositions, stencil, n-body.

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

export function cholesky(A: ND) {
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

/** Symmetric positive definite n x n (M^T M + n I) as a numbat array. */
function spd(seed: number, n: number) {
  const r = mulberry32(seed);
  const M = randNested(r, n, n);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += M[k][i] * M[k][j];
      row.push(s);
    }
    rows.push(row);
  }
  return array(rows);
}

export function jacobi2d(a: Float64Array, b: Float64Array, n: number, iters: number): Float64Array {
  for (let t = 0; t < iters; t++) {
    for (let i = 1; i < n - 1; i++)
      for (let j = 1; j < n - 1; j++)
        b[i * n + j] = 0.25 * (a[(i - 1) * n + j] + a[(i + 1) * n + j] + a[i * n + j - 1] + a[i * n + j + 1]);
    let tmp = a;
    a = b;
    b = tmp;
  }
  return a;
}

export function nbodyStep(
  x: Float64Array, y: Float64Array, z: Float64Array,
  vx: Float64Array, vy: Float64Array, vz: Float64Array,
  mass: Float64Array, dt: number, steps: number,
): number {
  const n = x.length;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) {
      let ax = 0, ay = 0, az = 0;
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const dx = x[j] - x[i];
        const dy = y[j] - y[i];
        const dz = z[j] - z[i];
        const d2 = dx * dx + dy * dy + dz * dz + 0.01;
        const inv = mass[j] / (d2 * Math.sqrt(d2));
        ax += dx * inv;
        ay += dy * inv;
        az += dz * inv;
      }
      vx[i] += dt * ax;
      vy[i] += dt * ay;
      vz[i] += dt * az;
    }
    for (let i = 0; i < n; i++) {
      x[i] += dt * vx[i];
      y[i] += dt * vy[i];
      z[i] += dt * vz[i];
    }
  }
  let e = 0;
  for (let i = 0; i < n; i++) e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
  return e;
}

// ---------------------------------------------------------------------------------------------------

export const linalgKernels: Kernel[] = [
  ...seedCases,
  { name: "matmul flat f64 7x5 * 5x6", fn: matmulFlat, args: flatArgs(20, 7, 5, 6, false) },
  { name: "matmul flat f64 1x1 and empty", fn: matmulFlat, args: flatArgs(21, 1, 1, 1, false) },
  { name: "matmul flat f64 0-size", fn: matmulFlat, args: flatArgs(22, 3, 0, 4, false) },
  { name: "matmul flat f64 i-k-j accumulate", fn: matmulFlatIkjAccumulate, args: flatArgs(23, 6, 7, 5, false, true) },
  { name: "matmul flat f32 (f64 accumulator)", fn: matmulF32, args: flatArgs(24, 5, 9, 4, true) },
  { name: "matmul flat f32 (accumulate in memory)", fn: matmulF32AccumulateInMemory, args: flatArgs(25, 5, 9, 4, true) },
  { name: "matmul flat f32 (Math.fround arithmetic)", fn: matmulF32Fround, args: flatArgs(26, 6, 6, 6, true) },
  {
    name: "dot f64", fn: dot,
    args: () => { const r = mulberry32(30); return [randFloats(r, 1000), randFloats(r, 1000)]; },
  },
  { name: "dot f64 empty", fn: dot, args: () => [new Float64Array(0), new Float64Array(0)] },
  {
    name: "dot f32", fn: dotF32,
    args: () => { const r = mulberry32(31); return [randFloats(r, 999, -3, 3, Float32Array), randFloats(r, 999, -3, 3, Float32Array)]; },
  },
  {
    name: "axpy in place", fn: axpy,
    args: () => { const r = mulberry32(32); return [0.7, randFloats(r, 257), randFloats(r, 257)]; },
  },
  {
    name: "axpy with x and y the same array", fn: axpy,
    args: () => { const x = randFloats(mulberry32(44), 64); return [-1.5, x, x]; },
  },
  {
    name: "axpy on overlapping subarray views of one buffer", fn: axpy,
    args: () => { const buf = randFloats(mulberry32(45), 150); return [0.5, buf.subarray(0, 100), buf.subarray(50, 150)]; },
  },
  {
    name: "dot on subarray views (non-zero byteOffset)", fn: dot,
    args: () => { const buf = randFloats(mulberry32(46), 301); return [buf.subarray(1, 151), buf.subarray(151, 301)]; },
  },
  {
    name: "matvec flat", fn: matvec,
    args: () => { const r = mulberry32(33); return [randFloats(r, 8 * 11), randFloats(r, 11), new Float64Array(8), 8, 11]; },
  },
  {
    name: "matvec on a numbat transposed view", fn: matvecNd,
    args: () => { const r = mulberry32(34); return [filled(r, [6, 4]).T, randFloats(r, 6), new Float64Array(4)]; },
  },
  {
    name: "prefix sum in place", fn: prefixSumInPlace,
    args: () => [randFloats(mulberry32(35), 500, -1e3, 1e3)],
  },
  { name: "prefix sum of an empty array", fn: prefixSumInPlace, args: () => [new Float64Array(0)] },
  {
    name: "3-d weighted sum (numbat)", fn: weightedSum3d,
    args: () => [filled(mulberry32(36), [3, 4, 5])],
  },
  {
    name: "3-d weighted sum (scijs, permuted axes)", fn: weightedSum3d,
    args: () => [(ndarray(randFloats(mulberry32(37), 60), [3, 4, 5]) as ReturnType<typeof ndarray>).transpose(2, 0, 1)],
  },
  {
    name: "column sum through pick(null, j)", fn: columnSum,
    args: () => [filled(mulberry32(38), [7, 5]).pick(null, 3)],
  },
  {
    name: "Float32Array a + b (one operation)", fn: addF32,
    args: () => { const r = mulberry32(47); return [randFloats(r, 203, -1e3, 1e3, Float32Array), randFloats(r, 203, -1, 1, Float32Array), new Float32Array(203)]; },
  },
  {
    name: "Float32Array a * b + c (rounded once)", fn: mulAddF32,
    args: () => { const r = mulberry32(48); return [randFloats(r, 203, -10, 10, Float32Array), randFloats(r, 203, -10, 10, Float32Array), randFloats(r, 203, -100, 100, Float32Array)]; },
  },
  {
    name: "summation order with cancellation", fn: orderedSum,
    args: () => {
      const r = mulberry32(49);
      const a = new Float64Array(1001);
      for (let i = 0; i < a.length; i++) a[i] = i % 4 === 0 ? 1e16 : i % 4 === 2 ? -1e16 : r() * 3;
      return [a];
    },
  },
  {
    name: "float negation keeps signed zeros", fn: negate,
    args: () => { const a = Float64Array.from([0, -0, 1, -1, NaN, Infinity, -Infinity, 5e-324]); return [a, new Float64Array(a.length)]; },
  },
  {
    name: "LU without pivoting (diagonally dominant)", fn: luNoPivot,
    args: () => {
      const n = 12;
      const A = randFloats(mulberry32(40), n * n);
      for (let i = 0; i < n; i++) A[i * n + i] += n;
      return [A, n];
    },
  },
  { name: "Cholesky (allocates and returns L)", fn: cholesky, args: () => [spd(41, 9)], scope: { zeros } },
  { name: "Cholesky of a non-SPD matrix throws RangeError", fn: cholesky, args: () => [array([[1, 2], [2, 1]])], scope: { zeros } },
  {
    name: "Jacobi 2-d with buffer swap", fn: jacobi2d,
    args: () => {
      const n = 16;
      const a = randFloats(mulberry32(42), n * n, 0, 100);
      return [a, Float64Array.from(a), n, 7];
    },
  },
  {
    name: "n-body step", fn: nbodyStep,
    args: () => {
      const r = mulberry32(43);
      const n = 24;
      return [
        randFloats(r, n, -5, 5), randFloats(r, n, -5, 5), randFloats(r, n, -5, 5),
        randFloats(r, n, -0.1, 0.1), randFloats(r, n, -0.1, 0.1), randFloats(r, n, -0.1, 0.1),
        randFloats(r, n, 0.5, 2), 0.01, 5,
      ];
    },
  },
];
