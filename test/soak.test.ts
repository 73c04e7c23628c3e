// Soak (issue 10), reduced for the suite: 1,000,000 calls of a small kernel, 50,000 calls of kernels
// that copy arrays in and out, allocate and return arrays, or throw, and 500 compilations of distinct
// functions, on each target. After each phase (garbage collected) numbat's heap must hold exactly
// what it held before, and wasm memory, RSS and the JS heap must stay within the bounds below.
// `npm run soak` (bench/soak.ts) runs the full 1,000,000 calls per phase and 10,000 compilations.

import assert from "node:assert/strict";
import { test } from "node:test";
import { BOUNDS, describePhase, growth, soak, unforcedAllocations } from "./fuzz/soak.js";

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

test("arrays returned by kernels are freed without anyone forcing a garbage collection", {
  todo: "numbat bug: returned arrays are freed only when V8 collects their views, and V8 does not see the wasm heap's growth: " +
    "1,000,000 calls returning 16 doubles leave ~120 MiB live; with 1,024 doubles the heap runs out (4 GiB) after ~500,000 calls",
}, async (t) => {
  const r = await unforcedAllocations(300_000, 16);
  t.diagnostic(`${r.done} calls of makeSquares(${r.n}) without forced GC: numbat heap +${r.liveMiB.toFixed(1)} MiB live, wasm memory +${r.memoryMiB.toFixed(0)} MiB, RSS +${r.rssMiB.toFixed(0)} MiB${r.error ? `; stopped by ${r.error}` : ""}`);
  assert.equal(r.error, undefined);
  assert.ok(r.liveMiB <= BOUNDS.memoryMiB, `numbat heap grew by ${r.liveMiB.toFixed(1)} MiB`);
});

