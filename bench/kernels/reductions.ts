// Reductions and scans, each in its textbook loop order (one pass, left to right).

import { type KernelCase, prng, randVec } from "./common.js";

export function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

export function maxOf(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

/** Euclidean norm, the naive way (no scaling against overflow). */
export function norm2(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** Inclusive prefix sum into `out`, out[i] = out[i-1] + a[i] (a loop-carried dependence). */
export function prefixSum(a: Float64Array, out: Float64Array): void {
  const n = a.length;
  if (n === 0) return;
  out[0] = a[0];
  for (let i = 1; i < n; i++) out[i] = out[i - 1] + a[i];
}

/** Histogram of values in [lo, hi) into `counts` (an Int32Array), which the kernel clears first. */
export function histogram(x: Float64Array, counts: Int32Array, lo: number, hi: number): void {
  const nb = counts.length;
  for (let b = 0; b < nb; b++) counts[b] = 0;
  const scale = nb / (hi - lo);
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor((x[i] - lo) * scale);
    if (b >= 0 && b < nb) counts[b]++;
  }
}

/** softmax(x) into `out`: max, then exponentials and their sum, then normalise. */
export function softmax(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(x[i] - m);
    out[i] = e;
    s += e;
  }
  for (let i = 0; i < n; i++) out[i] /= s;
}

/** log(sum(exp(x))), stabilised by the maximum. */
export function logSumExp(x: Float64Array): number {
  const n = x.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(x[i] - m);
  return m + Math.log(s);
}

// ---------------------------------------------------------------------------------------------------

const N = 1 << 18;
const BINS = 256;

export const reductionKernels: KernelCase[] = [
  {
    name: "sum", group: "reduction", fn: sum,
    what: "s += a[i], Float64Array (sequential order kept: no reassociation)",
    size: "n = 2^18",
    make: () => [randVec(prng(301), N)],
    flops: N, bytes: 8 * N,
  },
  {
    name: "max", group: "reduction", fn: maxOf,
    what: "if (a[i] > m) m = a[i], Float64Array",
    size: "n = 2^18",
    make: () => [randVec(prng(302), N)],
    bytes: 8 * N,
  },
  {
    name: "norm2", group: "reduction", fn: norm2,
    what: "sqrt(sum a[i]*a[i]), Float64Array",
    size: "n = 2^18",
    make: () => [randVec(prng(303), N)],
    flops: 2 * N, bytes: 8 * N,
  },
  {
    name: "prefix_sum", group: "reduction", fn: prefixSum,
    what: "out[i] = out[i-1] + a[i], Float64Array (loop-carried through memory)",
    size: "n = 2^18",
    make: () => { const r = prng(304); return [randVec(r, N), new Float64Array(N)]; },
    flops: N, bytes: 16 * N,
  },
  {
    name: "histogram", group: "reduction", fn: histogram,
    what: "counts[Math.floor((x[i] - lo) * scale)]++ into an Int32Array of 256 bins (data-dependent index)",
    size: "n = 2^18, 256 bins",
    make: () => { const r = prng(305); return [randVec(r, N, 0, 1), new Int32Array(BINS), 0, 1]; },
    bytes: 8 * N,
  },
  {
    name: "softmax", group: "reduction", fn: softmax,
    what: "max pass, Math.exp + sum pass, normalise pass, Float64Array",
    size: "n = 2^18",
    make: () => { const r = prng(306); return [randVec(r, N, -10, 10), new Float64Array(N)]; },
    bytes: 24 * N,
  },
  {
    name: "logsumexp", group: "reduction", fn: logSumExp,
    what: "max pass, then sum of Math.exp(x[i] - m), Float64Array",
    size: "n = 2^18",
    make: () => [randVec(prng(307), N, -10, 10)],
    bytes: 16 * N,
  },
];
