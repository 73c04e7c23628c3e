// Stencil kernels, each in its textbook loop order.

import { type KernelCase, type NdArray, prng, randMat, randVec, randVec32 } from "./common.js";
import { zeros } from "../../src/index.js";

/** One Jacobi sweep of the 2-d 5-point stencil on n-d arrays: B = average of A's four neighbours. */
export function jacobi2dNd(A: NdArray, B: NdArray): void {
  const [m, n] = A.shape;
  for (let i = 1; i < m - 1; i++)
    for (let j = 1; j < n - 1; j++)
      B.set(i, j, 0.25 * (A.get(i - 1, j) + A.get(i + 1, j) + A.get(i, j - 1) + A.get(i, j + 1)));
}

/** `iters` Jacobi sweeps on flat n x n Float64Arrays, swapping the two buffers after each sweep. */
export function jacobi2dFlat(a: Float64Array, b: Float64Array, n: number, iters: number): Float64Array {
  for (let t = 0; t < iters; t++) {
    for (let i = 1; i < n - 1; i++)
      for (let j = 1; j < n - 1; j++)
        b[i * n + j] = 0.25 * (a[(i - 1) * n + j] + a[(i + 1) * n + j] + a[i * n + j - 1] + a[i * n + j + 1]);
    const tmp = a;
    a = b;
    b = tmp;
  }
  return a;
}

/** The same sweeps on Float32Arrays (a function of its own, so that V8 specialises each for its arrays). */
export function jacobi2dF32(a: Float32Array, b: Float32Array, n: number, iters: number): Float32Array {
  for (let t = 0; t < iters; t++) {
    for (let i = 1; i < n - 1; i++)
      for (let j = 1; j < n - 1; j++)
        b[i * n + j] = 0.25 * (a[(i - 1) * n + j] + a[(i + 1) * n + j] + a[i * n + j - 1] + a[i * n + j + 1]);
    const tmp = a;
    a = b;
    b = tmp;
  }
  return a;
}

/** 1-d 3-point stencil (binomial smoothing), b from a. */
export function stencil1d(a: Float64Array, b: Float64Array): void {
  const n = a.length;
  for (let i = 1; i < n - 1; i++) b[i] = 0.25 * a[i - 1] + 0.5 * a[i] + 0.25 * a[i + 1];
}

/** 2-d convolution with a 3 x 3 kernel (n-d arrays), interior points, out(i, j) = sum K(di, dj) img(i+di, j+dj). */
export function conv2d3x3(img: NdArray, K: NdArray, out: NdArray): void {
  const [m, n] = img.shape;
  for (let i = 1; i < m - 1; i++)
    for (let j = 1; j < n - 1; j++) {
      let s = 0;
      for (let di = -1; di <= 1; di++)
        for (let dj = -1; dj <= 1; dj++) s += K.get(di + 1, dj + 1) * img.get(i + di, j + dj);
      out.set(i, j, s);
    }
}

// ---------------------------------------------------------------------------------------------------

const J_ND = 1024;
const J_FLAT = 512, J_ITERS = 10;
const S1 = 1 << 18;
const CONV = 1024;

export const stencilKernels: KernelCase[] = [
  {
    name: "jacobi2d_nd", group: "stencil", fn: jacobi2dNd,
    what: "one 5-point Jacobi sweep, n-d arrays, B.set(i, j, 0.25 * (four A.get neighbours)), B a parameter",
    size: `${J_ND} x ${J_ND}`,
    make: () => [randMat(prng(201), J_ND, J_ND), zeros([J_ND, J_ND])],
    flops: 4 * (J_ND - 2) ** 2, bytes: 16 * J_ND * J_ND,
  },
  {
    name: "jacobi2d_flat", group: "stencil", fn: jacobi2dFlat,
    what: "10 Jacobi sweeps, flat Float64Array, i*n+j indexing, buffers swapped after each sweep",
    size: `${J_FLAT} x ${J_FLAT}, ${J_ITERS} sweeps`,
    make: () => { const r = prng(202); return [randVec(r, J_FLAT * J_FLAT), new Float64Array(J_FLAT * J_FLAT), J_FLAT, J_ITERS]; },
    flops: 4 * J_ITERS * (J_FLAT - 2) ** 2, bytes: 16 * J_ITERS * J_FLAT * J_FLAT,
  },
  {
    name: "jacobi2d_f32", group: "stencil", fn: jacobi2dF32,
    what: "the same 10 Jacobi sweeps on flat Float32Arrays (f64 arithmetic, binary32 stores, as in JS)",
    size: `${J_FLAT} x ${J_FLAT}, ${J_ITERS} sweeps`,
    make: () => { const r = prng(205); return [randVec32(r, J_FLAT * J_FLAT), new Float32Array(J_FLAT * J_FLAT), J_FLAT, J_ITERS]; },
    flops: 4 * J_ITERS * (J_FLAT - 2) ** 2, bytes: 8 * J_ITERS * J_FLAT * J_FLAT,
  },
  {
    name: "stencil1d", group: "stencil", fn: stencil1d,
    what: "b[i] = 0.25 a[i-1] + 0.5 a[i] + 0.25 a[i+1], Float64Array",
    size: "n = 2^18",
    make: () => { const r = prng(203); return [randVec(r, S1), new Float64Array(S1)]; },
    flops: 5 * (S1 - 2), bytes: 16 * S1,
  },
  {
    name: "conv2d_nd", group: "stencil", fn: conv2d3x3,
    what: "3 x 3 convolution, n-d image, kernel and output, 4 nested loops, scalar accumulator",
    size: `${CONV} x ${CONV}`,
    make: () => { const r = prng(204); return [randMat(r, CONV, CONV), randMat(r, 3, 3), zeros([CONV, CONV])]; },
    flops: 18 * (CONV - 2) ** 2,
  },
];
