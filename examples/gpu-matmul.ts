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

/**
 * Register blocking: each thread computes an 8 x 8 block of C in 64 accumulators, so one step of k
 * loads 8 elements of A and 8 of B for 64 multiply-adds (the naive kernel loads 2 for 1). Each
 * element still sums its products in increasing k, as the naive kernel does. This is what
 * jit(fn, { target: "webgpu" }) makes of the plain triple loop (src/passes/gpu-block.ts). Launch with
 * groupSize [16, 16] and groups [ceil(n / 128), ceil(n / 128)]; n must be a multiple of 8.
 */
export function matmulBlocked(A: Vec, B: Vec, C: Vec, n: number): void {
  const row = gpu.globalId.y * 8, col = gpu.globalId.x * 8;
  if (row >= n || col >= n) return;
  const r0 = row * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
  let c40 = 0, c41 = 0, c42 = 0, c43 = 0, c44 = 0, c45 = 0, c46 = 0, c47 = 0;
  let c50 = 0, c51 = 0, c52 = 0, c53 = 0, c54 = 0, c55 = 0, c56 = 0, c57 = 0;
  let c60 = 0, c61 = 0, c62 = 0, c63 = 0, c64 = 0, c65 = 0, c66 = 0, c67 = 0;
  let c70 = 0, c71 = 0, c72 = 0, c73 = 0, c74 = 0, c75 = 0, c76 = 0, c77 = 0;
  for (let k = 0; k < n; k++) {
    const kc = k * n + col;
    const b0 = B[kc]!, b1 = B[kc + 1]!, b2 = B[kc + 2]!, b3 = B[kc + 3]!, b4 = B[kc + 4]!, b5 = B[kc + 5]!, b6 = B[kc + 6]!, b7 = B[kc + 7]!;
    let a = 0;
    a = A[r0 + k]!; c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3; c04 += a * b4; c05 += a * b5; c06 += a * b6; c07 += a * b7;
    a = A[r1 + k]!; c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3; c14 += a * b4; c15 += a * b5; c16 += a * b6; c17 += a * b7;
    a = A[r2 + k]!; c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3; c24 += a * b4; c25 += a * b5; c26 += a * b6; c27 += a * b7;
    a = A[r3 + k]!; c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3; c34 += a * b4; c35 += a * b5; c36 += a * b6; c37 += a * b7;
    a = A[r4 + k]!; c40 += a * b0; c41 += a * b1; c42 += a * b2; c43 += a * b3; c44 += a * b4; c45 += a * b5; c46 += a * b6; c47 += a * b7;
    a = A[r5 + k]!; c50 += a * b0; c51 += a * b1; c52 += a * b2; c53 += a * b3; c54 += a * b4; c55 += a * b5; c56 += a * b6; c57 += a * b7;
    a = A[r6 + k]!; c60 += a * b0; c61 += a * b1; c62 += a * b2; c63 += a * b3; c64 += a * b4; c65 += a * b5; c66 += a * b6; c67 += a * b7;
    a = A[r7 + k]!; c70 += a * b0; c71 += a * b1; c72 += a * b2; c73 += a * b3; c74 += a * b4; c75 += a * b5; c76 += a * b6; c77 += a * b7;
  }
  C[r0 + col] = c00; C[r0 + col + 1] = c01; C[r0 + col + 2] = c02; C[r0 + col + 3] = c03; C[r0 + col + 4] = c04; C[r0 + col + 5] = c05; C[r0 + col + 6] = c06; C[r0 + col + 7] = c07;
  C[r1 + col] = c10; C[r1 + col + 1] = c11; C[r1 + col + 2] = c12; C[r1 + col + 3] = c13; C[r1 + col + 4] = c14; C[r1 + col + 5] = c15; C[r1 + col + 6] = c16; C[r1 + col + 7] = c17;
  C[r2 + col] = c20; C[r2 + col + 1] = c21; C[r2 + col + 2] = c22; C[r2 + col + 3] = c23; C[r2 + col + 4] = c24; C[r2 + col + 5] = c25; C[r2 + col + 6] = c26; C[r2 + col + 7] = c27;
  C[r3 + col] = c30; C[r3 + col + 1] = c31; C[r3 + col + 2] = c32; C[r3 + col + 3] = c33; C[r3 + col + 4] = c34; C[r3 + col + 5] = c35; C[r3 + col + 6] = c36; C[r3 + col + 7] = c37;
  C[r4 + col] = c40; C[r4 + col + 1] = c41; C[r4 + col + 2] = c42; C[r4 + col + 3] = c43; C[r4 + col + 4] = c44; C[r4 + col + 5] = c45; C[r4 + col + 6] = c46; C[r4 + col + 7] = c47;
  C[r5 + col] = c50; C[r5 + col + 1] = c51; C[r5 + col + 2] = c52; C[r5 + col + 3] = c53; C[r5 + col + 4] = c54; C[r5 + col + 5] = c55; C[r5 + col + 6] = c56; C[r5 + col + 7] = c57;
  C[r6 + col] = c60; C[r6 + col + 1] = c61; C[r6 + col + 2] = c62; C[r6 + col + 3] = c63; C[r6 + col + 4] = c64; C[r6 + col + 5] = c65; C[r6 + col + 6] = c66; C[r6 + col + 7] = c67;
  C[r7 + col] = c70; C[r7 + col + 1] = c71; C[r7 + col + 2] = c72; C[r7 + col + 3] = c73; C[r7 + col + 4] = c74; C[r7 + col + 5] = c75; C[r7 + col + 6] = c76; C[r7 + col + 7] = c77;
}
