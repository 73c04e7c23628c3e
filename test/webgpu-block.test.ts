// Register-blocked offload on WebGPU (src/passes/gpu-block.ts): a prange nest of the matrix-product
// shape gives each thread an 8 × 8 block of outputs. Results are compared with the simulator (which
// runs the unblocked nest, one thread per output) and with plain JS, within the float32 contract's
// tolerance for sums (docs/webgpu.md); sizes not a multiple of the block, non-square and tiny ones
// exercise the edge threads. Nests that only look alike (bounds that depend on the row, stores or
// traps in the k loop, three grid loops) are not blocked, and still give the simulator's results.
//
// No adapter: skipped with the reason (failing when NUMBAT_REQUIRE_WEBGPU=1, as in webgpu.test.ts).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { jit, prange } from "../src/index.js";
import { webgpuTarget } from "../src/backends/webgpu/target.js";

const missing = await webgpuTarget.unavailableReason();
if (missing && process.env.NUMBAT_REQUIRE_WEBGPU === "1") throw new Error(`NUMBAT_REQUIRE_WEBGPU=1 but WebGPU is unavailable: ${missing}`);
const skip = missing ? `no WebGPU adapter: ${missing}` : false;

const REL = 1e-5; // sums: docs/webgpu.md#the-float32-contract

function randomF32(length: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length }, () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; });
}

function assertClose(what: string, want: ArrayLike<number>, got: ArrayLike<number>): void {
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++)
    if (!(Object.is(want[i], got[i]) || Math.abs(want[i]! - got[i]!) <= REL * Math.max(1, Math.abs(want[i]!))))
      assert.fail(`${what}: element ${i}: want ${want[i]}, WebGPU ${got[i]}`);
}

/** Runs `fn` in plain JS, on the simulator (f32) and on WebGPU with fresh copies of `args`; compares every array. */
async function threeWays(fn: (...a: any[]) => void, args: () => unknown[]): Promise<string> {
  const plain = args(), sim = args(), gpu = args();
  fn(...plain);
  await jit(fn, { target: "gpusim", float: "f32" })(...sim);
  const g = jit(fn, { target: "webgpu" });
  await g(...gpu);
  gpu.forEach((a, i) => {
    if (!(a instanceof Float32Array)) return;
    assertClose(`${fn.name} vs simulator, argument ${i}`, sim[i] as Float32Array, a);
    assertClose(`${fn.name} vs plain JS, argument ${i}`, plain[i] as Float32Array, a);
  });
  return g.inspect("code");
}

/** The blocked form: the thread's first row and column are 8 × its id. */
const BLOCKED = /i32\(nb_gid\.y\) \* 8i;[\s\S]*i32\(nb_gid\.x\) \* 8i;/;

function matmul(A: Float32Array, B: Float32Array, C: Float32Array, n: number, m: number, p: number) {
  for (const i of prange(n))
    for (const j of prange(p)) {
      let s = 0;
      for (let k = 0; k < m; k++) s += A[i * m + k]! * B[k * p + j]!;
      C[i * p + j] = s;
    }
}
const product = (n: number, m: number, p: number) => () => [randomF32(n * m, n + 1), randomF32(m * p, p + 2), new Float32Array(n * p).fill(-1), n, m, p];

describe("register-blocked matrix products on WebGPU", { skip }, () => {
  test("square sizes: tiny, not a multiple of the block, several blocks", async () => {
    for (const n of [1, 3, 8, 17, 70]) assert.match(await threeWays(matmul, product(n, n, n)), BLOCKED, `n = ${n}`);
  });

  test("non-square: rows, inner and columns of different lengths (k not a multiple of the unroll)", async () => {
    for (const [n, m, p] of [[13, 7, 29], [64, 101, 9], [2, 150, 70]] as const) assert.match(await threeWays(matmul, product(n, m, p)), BLOCKED, `${n}x${m}x${p}`);
  });

  test("an accumulation into C, a bias after the loop, k <= m - 1, and the function's prologue", async () => {
    function gemmBias(A: Float32Array, B: Float32Array, C: Float32Array, bias: Float32Array, n: number) {
      const m = n + 3;
      for (const i of prange(n))
        for (const j of prange(n)) {
          let s = C[i * n + j]!;
          const t = 0.5;
          for (let k = 0; k <= m - 1; k++) s = s + A[i * m + k]! * B[k * n + j]! * t;
          C[i * n + j] = s + bias[j]!;
        }
    }
    const n = 21, m = n + 3;
    const code = await threeWays(gemmBias, () => [randomF32(n * m, 1), randomF32(m * n, 2), randomF32(n * n, 3), randomF32(n, 4), n]);
    assert.match(code, BLOCKED);
  });

  test("grid loops that start past 0 are blocked from their start; a step of 2 is not blocked", async () => {
    function inner(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
      for (const i of prange(3, n)) for (const j of prange(1, n - 1)) {
        let s = 0;
        for (let k = 2; k < n; k++) s += A[i * n + k]! * B[k * n + j]!;
        C[i * n + j] = s;
      }
    }
    function strided(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
      for (const i of prange(0, n, 2)) for (const j of prange(n)) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A[i * n + k]! * B[k * n + j]!;
        C[i * n + j] = s;
      }
    }
    const n = 27, args = () => [randomF32(n * n, 7), randomF32(n * n, 8), new Float32Array(n * n).fill(-1), n];
    assert.match(await threeWays(inner, args), /let i0_\d+ = i32\(nb_gid\.y\) \* 8i \+ 3i;\n\s*let j0_\d+ = i32\(nb_gid\.x\) \* 8i \+ 1i;/);
    assert.doesNotMatch(await threeWays(strided, args), BLOCKED);
  });

  test("look-alikes are not blocked and still give the simulator's results", async () => {
    function triangular(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
      for (const i of prange(n)) for (const j of prange(n)) {
        let s = 0;
        for (let k = 0; k <= i; k++) s += A[i * n + k]! * B[k * n + j]!;
        C[i * n + j] = s;
      }
    }
    function storeInK(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
      for (const i of prange(n)) for (const j of prange(n)) {
        C[i * n + j] = 0;
        for (let k = 0; k < n; k++) C[i * n + j] = C[i * n + j]! + A[i * n + k]! * B[k * n + j]!;
      }
    }
    function remainder(A: Float32Array, B: Float32Array, C: Float32Array, n: number, q: number) {
      for (const i of prange(n)) for (const j of prange(n)) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A[i * n + (k % q)]! * B[k * n + j]!;
        C[i * n + j] = s;
      }
    }
    function rowsOnly(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
      for (const i of prange(n)) for (const j of prange(n)) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A[i * n + k]! * B[i * n + k]!;
        C[i * n + j] = s;
      }
    }
    const n = 19;
    const args = () => [randomF32(n * n, 5), randomF32(n * n, 6), new Float32Array(n * n)];
    assert.doesNotMatch(await threeWays(triangular, () => [...args(), n]), BLOCKED);
    assert.doesNotMatch(await threeWays(storeInK, () => [...args(), n]), BLOCKED);
    assert.doesNotMatch(await threeWays(remainder, () => [...args(), n, 5]), BLOCKED);
    assert.doesNotMatch(await threeWays(rowsOnly, () => [...args(), n]), BLOCKED);
  });
});
