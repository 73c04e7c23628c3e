// The matrix product as GPU kernels in numbat's kernel language (docs/kernels.md): one thread per
// element of C, and the tiled version that stages TILE x TILE blocks of A and B in shared memory.
// Flat row-major n x n matrices; the tiled kernel needs n to be a multiple of TILE.
import { gpu } from "../src/index.js";

export const TILE = 16;

type Vec = Float32Array | Float64Array;

export function matmulNaive(A: Vec, B: Vec, C: Vec, n: number): void {
  const col = gpu.globalId.x, row = gpu.globalId.y;
  if (row < n && col < n) {
    let s = 0;
    for (let k = 0; k < n; k++) s += A[row * n + k]! * B[k * n + col]!;
    C[row * n + col] = s;
  }
}

/** Launch with groups [n / TILE, n / TILE], groupSize [TILE, TILE] and scope { TILE }. */
export function matmulTiled(A: Vec, B: Vec, C: Vec, n: number): void {
  const As = gpu.shared(TILE * TILE, "float32");
  const Bs = gpu.shared(TILE * TILE, "float32");
  const tx = gpu.localId.x, ty = gpu.localId.y;
  const col = gpu.groupId.x * TILE + tx, row = gpu.groupId.y * TILE + ty;
  let s = 0;
  for (let t = 0; t < n; t += TILE) {
    As[ty * TILE + tx] = A[row * n + t + tx]!;
    Bs[ty * TILE + tx] = B[(t + ty) * n + col]!;
    gpu.barrier();
    for (let k = 0; k < TILE; k++) s += As[ty * TILE + k]! * Bs[k * TILE + tx]!;
    gpu.barrier();
  }
  C[row * n + col] = s;
}
