// The full soak of issue 10: 1,000,000 calls of each small kernel and 10,000 compilations of distinct
// functions per target, with numbat's heap, wasm memory, RSS and the JS heap measured (after garbage
// collection) before and after each phase and every tenth of the way. The suite runs a reduced version
// (test/soak.test.ts) with the same bounds, which this script checks too.
//
//   npm run soak                      # both targets, full counts
//   npm run soak -- --calls 200000 --compiles 2000 --targets wasm --json out.json

import { writeFileSync } from "node:fs";
import { BOUNDS, describePhase, growth, soak, unforcedAllocations, type PhaseResult } from "../test/fuzz/soak.js";
import { RESULT_BUDGET } from "../src/runtime/ndarray.js";

// Without forced collections, kernel results may hold up to RESULT_BUDGET of numbat's heap (docs/semantics.md,
// "Memory"); wasm memory grows by doubling, so up to twice that.
const UNFORCED = { liveMiB: RESULT_BUDGET / 2 ** 20, memoryMiB: 2 * RESULT_BUDGET / 2 ** 20, rssMiB: BOUNDS.rssMiB + 2 * RESULT_BUDGET / 2 ** 20 };

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : def;
}

const calls = Number(arg("calls", "1000000"));
const compiles = Number(arg("compiles", "10000"));
const targets = arg("targets", "wasm,js").split(",") as ("wasm" | "js")[];
const out = arg("json", "");

const all: PhaseResult[] = [];
let failed = false;
for (const target of targets) {
  console.log(`== ${target}: ${calls.toLocaleString("en")} calls per call phase, ${compiles.toLocaleString("en")} compilations`);
  const results = await soak({ calls, compiles, target, log: (l) => console.log("  " + l) });
  for (const r of results) {
    const g = growth(r);
    const over: string[] = [];
    if (g.liveBytes > BOUNDS.liveBytes) over.push(`numbat heap +${g.liveBytes} B`);
    if (g.memoryBytes / 2 ** 20 > BOUNDS.memoryMiB) over.push(`wasm memory +${(g.memoryBytes / 2 ** 20).toFixed(1)} MiB`);
    if (g.rssMB > BOUNDS.rssMiB) over.push(`RSS +${g.rssMB.toFixed(1)} MiB`);
    if (g.jsHeapMB > BOUNDS.jsHeapMiB) over.push(`JS heap +${g.jsHeapMB.toFixed(1)} MiB`);
    if (over.length) {
      failed = true;
      console.log(`  OVER BOUND in ${r.name}: ${over.join(", ")}`);
    }
  }
  all.push(...results);
  // The same allocating kernel as a real caller runs it: no forced collections.
  for (const n of [16, 1024]) {
    const r = await unforcedAllocations(calls, n, target);
    const line = `${target}: ${r.done.toLocaleString("en")} calls of makeSquares(${n}) without forced GC: numbat heap +${r.liveMiB.toFixed(1)} MiB live, ` +
      `wasm memory +${r.memoryMiB.toFixed(0)} MiB, RSS +${r.rssMiB.toFixed(0)} MiB${r.error ? `; STOPPED by ${r.error}` : ""}`;
    console.log("  " + line);
    if (r.error || r.liveMiB > UNFORCED.liveMiB || r.memoryMiB > UNFORCED.memoryMiB || r.rssMiB > UNFORCED.rssMiB) {
      failed = true;
      console.log(`  OVER BOUND: ${line}`);
    }
  }
}
console.log(`bounds per phase: numbat heap +${BOUNDS.liveBytes} B, wasm memory +${BOUNDS.memoryMiB} MiB, RSS +${BOUNDS.rssMiB} MiB, JS heap +${BOUNDS.jsHeapMiB} MiB; ` +
  `without forced GC: numbat heap +${UNFORCED.liveMiB} MiB, wasm memory +${UNFORCED.memoryMiB} MiB, RSS +${UNFORCED.rssMiB} MiB: ${failed ? "EXCEEDED" : "all within"}`);
if (out) writeFileSync(out, JSON.stringify(all.map((r) => ({ ...r, summary: describePhase(r) })), null, 2) + "\n");
process.exitCode = failed ? 1 : 0;
