// Seeded random inputs shared by the demo, the benchmarks and the tests, so every run multiplies
// the same matrices.

import { zeros, type NdArray } from "../src/index.js";

/** mulberry32: a tiny seeded PRNG giving floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rows x cols float64 matrix in numbat's heap with entries uniform in [-1, 1). */
export function randomMatrix(rows: number, cols: number, next: () => number): NdArray {
  const M = zeros([rows, cols]);
  const data = M.data as Float64Array;
  for (let i = 0; i < rows * cols; i++) data[i] = 2 * next() - 1;
  return M;
}
