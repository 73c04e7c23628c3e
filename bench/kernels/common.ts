// What a benchmark kernel is, and the deterministic inputs the kernels are run on.
//
// Each kernel is a plain JavaScript function written naively, in its textbook loop order; the bench
// runs the very same function plainly (in V8) and through `jit`. `make()` must be deterministic (a
// seeded PRNG, never Math.random), so that two calls build bit-identical inputs: the plain and the
// jitted runs get their own copies and their outputs are compared element by element.

import { zeros } from "../../src/index.js";

export type NdArray = ReturnType<typeof zeros>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFn = (...args: any[]) => unknown;

export interface KernelCase {
  /** Short unique name, used by `--only` and in the JSON. */
  readonly name: string;
  readonly group: "linalg" | "stencil" | "reduction" | "misc";
  /** One line: what the kernel computes and on what kind of arrays. */
  readonly what: string;
  /** The problem size, in words (e.g. "n = 2^18"). */
  readonly size: string;
  /** The kernel: the same function runs plainly and through jit(). */
  readonly fn: AnyFn;
  /** Fresh, deterministic arguments (a new set per call). */
  make(): unknown[];
  /** Floating-point operations per call (for GFLOP/s), when the kernel is arithmetic-bound. */
  readonly flops?: number;
  /** Bytes a call must move at least (for GB/s), when the kernel is memory-bound. */
  readonly bytes?: number;
  /**
   * For kernels that destroy their input (LU in place): restores `args` from `pristine` before every
   * timed call, outside the timed interval. Such kernels run one call per timed run.
   */
  reset?(args: unknown[], pristine: unknown[]): void;
}

export { prng } from "../../examples/random.js";

/** A plain (JS-heap) Float64Array of uniform values in [lo, hi). */
export function randVec(next: () => number, n: number, lo = -1, hi = 1): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = lo + (hi - lo) * next();
  return a;
}

type Typed = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray;
const DTYPE_OF: Record<string, Parameters<typeof zeros>[1]> = {
  Float64Array: "float64", Float32Array: "float32", Int32Array: "int32", Uint32Array: "uint32", Int16Array: "int16",
  Uint16Array: "uint16", Int8Array: "int8", Uint8Array: "uint8", Uint8ClampedArray: "uint8c",
};

/**
 * A copy of a plain typed array in numbat's heap (`zeros(n, dtype).data`): jitted kernels use such arrays
 * without copying them in and out. Undefined for anything else (numbers, n-d arrays, other objects).
 */
export function heapCopy(a: unknown): Typed | undefined {
  if (!ArrayBuffer.isView(a) || a instanceof DataView) return undefined;
  const dtype = DTYPE_OF[(a as Typed)[Symbol.toStringTag]];
  if (dtype === undefined) return undefined;
  const h = zeros((a as Typed).length, dtype).data as Typed;
  h.set(a as Typed & Float64Array);
  return h;
}

/** A plain (JS-heap) Float32Array of uniform values in [lo, hi) (rounded to binary32). */
export function randVec32(next: () => number, n: number, lo = -1, hi = 1): Float32Array {
  return Float32Array.from(randVec(next, n, lo, hi));
}

/** A numbat n-d array (in numbat's heap) of uniform values in [lo, hi), row-major. */
export function randMat(next: () => number, rows: number, cols: number, lo = -1, hi = 1): NdArray {
  const M = zeros([rows, cols]);
  const d = M.data as Float64Array; // zeros() is C-contiguous with offset 0
  for (let i = 0; i < rows * cols; i++) d[i] = lo + (hi - lo) * next();
  return M;
}
