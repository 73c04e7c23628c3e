// Soak (issue 10), reduced for the suite: 1,000,000 calls of a small kernel, 50,000 calls of kernels
// that copy arrays in and out, allocate and return arrays, or throw, and 500 compilations of distinct
// functions, on each target. After each phase (garbage collected) numbat's heap must hold exactly
// what it held before, and wasm memory, RSS and the JS heap must stay within the bounds below. Then the
// same allocating kernel without forced collections, and results kept alive through all of it.
// `npm run soak` (bench/soak.ts) runs the full 1,000,000 calls per phase and 10,000 compilations.

import assert from "node:assert/strict";
import { test } from "node:test";
import { BOUNDS, describePhase, growth, settle, soak, unforcedAllocations } from "./fuzz/soak.js";
import { jit, zeros, type NdArray } from "../src/index.js";
import { heap } from "../src/runtime/memory.js";
import { RESULT_BUDGET } from "../src/runtime/ndarray.js";

const MiB = 2 ** 20;

for (const target of ["wasm", "js"] as const) {
  test(`soak [${target}]: 1,000,000 calls, 50,000 copying/allocating/throwing calls, 500 compilations`, async (t) => {
    const results = await soak({ calls: 1_000_000, otherCalls: 50_000, compiles: 500, target });
    for (const r of results) {
      t.diagnostic(describePhase(r));
      const g = growth(r);
      assert.ok(g.liveBytes <= BOUNDS.liveBytes, `${r.name}: numbat heap grew by ${g.liveBytes} B`);
      assert.ok(g.memoryBytes / 2 ** 20 <= BOUNDS.memoryMiB, `${r.name}: wasm memory grew by ${g.memoryBytes} B`);
      assert.ok(g.rssMB <= BOUNDS.rssMiB, `${r.name}: RSS grew by ${g.rssMB.toFixed(1)} MiB`);
      assert.ok(g.jsHeapMB <= BOUNDS.jsHeapMiB, `${r.name}: JS heap grew by ${g.jsHeapMB.toFixed(1)} MiB`);
      // No creeping growth: the last tenth of the phase adds no more than the first tenths.
      const live = r.trace.map((s) => s.liveBytes);
      assert.ok(Math.max(...live) - r.before.liveBytes <= 64 * 1024, `${r.name}: numbat heap peaked ${Math.max(...live) - r.before.liveBytes} B above the start`);
    }
  });
}

// Results of kernels are kept in numbat's heap only up to RESULT_BUDGET bytes awaiting collection; past
// it they are copied into ordinary (GC-managed) ArrayBuffers (docs/semantics.md, "Memory"). Before that,
// 200,000 calls returning 1,024 doubles grew the heap by 1.5 GiB, and 500,000 exhausted it.
test("arrays returned by kernels stay within a bound without anyone forcing a garbage collection", async (t) => {
  const budgetMiB = RESULT_BUDGET / MiB;
  for (const n of [16, 1024]) {
    const r = await unforcedAllocations(200_000, n);
    t.diagnostic(`${r.done} calls of makeSquares(${r.n}) without forced GC: numbat heap +${r.liveMiB.toFixed(1)} MiB live, wasm memory +${r.memoryMiB.toFixed(0)} MiB, RSS +${r.rssMiB.toFixed(0)} MiB${r.error ? `; stopped by ${r.error}` : ""}`);
    assert.equal(r.error, undefined);
    assert.ok(r.liveMiB <= budgetMiB, `numbat heap grew by ${r.liveMiB.toFixed(1)} MiB (bound: the ${budgetMiB} MiB result budget)`);
    // The heap grows by doubling, so its memory may reach twice what is live.
    assert.ok(r.memoryMiB <= 2 * budgetMiB, `wasm memory grew by ${r.memoryMiB.toFixed(0)} MiB`);
    assert.ok(r.rssMiB <= BOUNDS.rssMiB + 2 * budgetMiB, `RSS grew by ${r.rssMiB.toFixed(0)} MiB`);
  }
});

test("results kept alive across many calls keep their contents (no use-after-free)", async () => {
  const fill = jit(function fill(n: number, v: number) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = v + i;
    return out;
  });
  const fillNd = jit(function fillNd(m: number, n: number, v: number) {
    const A = zeros([m, n]);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A.set(i, j, v * 1000 + i * n + j);
    return A;
  });
  const check = (i: number, r: Float64Array | NdArray) => {
    if (r instanceof Float64Array) return r.length === 1024 && r.every((x, k) => x === i + k);
    return r.shape[0] === 4 && r.shape[1] === 8 && r.data.length === 32 && r.data.every((x, k) => x === i * 1000 + k);
  };
  const kept: [number, Float64Array | NdArray][] = [];
  for (let i = 0; i < 30_000; i++) {
    const r = fill(1024, i); // 8 KiB each, 240 MiB in all: well past the budget
    const A = fillNd(4, 8, i);
    if (i % 97 === 0) kept.push([i, r]);
    if (i % 101 === 0) kept.push([i, A]);
    if (i % 12_000 === 11_999) await settle(); // collected results free their blocks, which later calls reuse
  }
  const inHeap = kept.filter(([, r]) => heap.owns((r instanceof Float64Array ? r : r.data).buffer));
  assert.ok(inHeap.length > 0 && inHeap.length < kept.length, `${inHeap.length} of ${kept.length} kept results in the heap: expected some, not all`);
  await settle();
  for (let i = 0; i < 20_000; i++) fill(1024, -1e9); // overwrite every free block
  const B = fillNd(4, 8, -1);
  B.free(); // an explicitly freed block is reused at once...
  for (let i = 0; i < 1000; i++) fillNd(4, 8, -2);
  await settle(); // ...and its finalizer never frees it a second time
  for (const [i, r] of kept) assert.ok(check(i, r), `result of call ${i} changed`);
  for (const [, r] of inHeap) assert.ok(heap.sizeOf((r instanceof Float64Array ? r : r.data).byteOffset) !== undefined, "a kept result's block was freed");
  assert.equal(B.data.length, 0);
  assert.throws(() => jit(function first(X: NdArray) { return X.get(0, 0); })(B), (e: Error) => e instanceof RangeError && /outside its data/.test(e.message));
});
