// Soak runs (issue 10): many calls of small kernels and many compilations of distinct functions,
// measuring numbat's heap (live bytes, wasm memory) and the process (RSS, V8 heap) before and after,
// with garbage collection forced between phases. Shared by test/soak.test.ts (reduced counts) and
// bench/soak.ts (the full 1,000,000 calls and 10,000 compilations).

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { array, jit } from "../../src/index.js";
import { heap } from "../../src/runtime/memory.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export interface MemSample {
  liveBytes: number;
  liveBlocks: number;
  memoryBytes: number;
  rss: number;
  jsHeap: number;
  external: number;
}

/** Collects garbage (twice, letting FinalizationRegistry callbacks free heap blocks in between) and samples. */
export async function settle(): Promise<MemSample> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  const h = heap.stats();
  const m = process.memoryUsage();
  return { liveBytes: h.liveBytes, liveBlocks: h.liveBlocks, memoryBytes: h.memoryBytes, rss: m.rss, jsHeap: m.heapUsed, external: m.external };
}

export interface PhaseResult {
  name: string;
  count: number;
  ms: number;
  before: MemSample;
  after: MemSample;
  /** Samples taken every `count / 10` iterations (after settling). */
  trace: MemSample[];
}

const MB = 1024 * 1024;

/** Bounds on the growth over one phase. numbat's own live heap must not grow at all; the rest is the process. */
export const BOUNDS = {
  liveBytes: 0,
  memoryMiB: 16,
  rssMiB: 192,
  jsHeapMiB: 32,
};

export function growth(r: PhaseResult): { liveBytes: number; memoryBytes: number; rssMB: number; jsHeapMB: number } {
  return {
    liveBytes: r.after.liveBytes - r.before.liveBytes,
    memoryBytes: r.after.memoryBytes - r.before.memoryBytes,
    rssMB: (r.after.rss - r.before.rss) / MB,
    jsHeapMB: (r.after.jsHeap - r.before.jsHeap) / MB,
  };
}

export function describePhase(r: PhaseResult): string {
  const g = growth(r);
  const per = r.ms / r.count;
  const rate = per >= 1 ? `${per.toFixed(2)} ms each` : `${(per * 1000).toFixed(2)} µs each`;
  return `${r.name}: ${r.count.toLocaleString("en")} in ${(r.ms / 1000).toFixed(1)} s (${rate}); numbat heap live ${g.liveBytes >= 0 ? "+" : ""}${g.liveBytes} B ` +
    `(${r.after.liveBlocks} blocks), wasm memory ${(r.after.memoryBytes / MB).toFixed(1)} MiB (${g.memoryBytes >= 0 ? "+" : ""}${(g.memoryBytes / MB).toFixed(1)}), ` +
    `RSS ${(r.after.rss / MB).toFixed(0)} MiB (${g.rssMB >= 0 ? "+" : ""}${g.rssMB.toFixed(1)}), JS heap ${(r.after.jsHeap / MB).toFixed(1)} MiB (${g.jsHeapMB >= 0 ? "+" : ""}${g.jsHeapMB.toFixed(1)})`;
}

async function phase(name: string, count: number, body: (i: number) => void, traceEvery = Math.max(1, Math.floor(count / 10))): Promise<PhaseResult> {
  const before = await settle();
  const trace: MemSample[] = [];
  let ms = 0;
  for (let start = 0; start < count; start += traceEvery) {
    const end = Math.min(count, start + traceEvery);
    const t0 = performance.now();
    for (let i = start; i < end; i++) body(i);
    ms += performance.now() - t0;
    trace.push(await settle());
  }
  return { name, count, ms, before, after: trace.at(-1) ?? before, trace };
}

// ---- kernels ------------------------------------------------------------------------------------------

function dot(a: Float64Array, b: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function scaleInPlace(a: Float64Array, k: number) {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * k;
}

function makeSquares(n: number) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i * i;
  return out;
}

function throwsWhenNegative(a: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 0) throw new RangeError("negative element");
    s += a[i]!;
  }
  return s;
}

/**
 * Calls of makeSquares(n) with no forced garbage collection, as a real caller makes them: returned
 * arrays stay in numbat's heap (until V8 collects their views) only within the result budget; past
 * it they are copied out to GC-managed memory (docs/semantics.md#memory). Returns the growth of
 * numbat's live heap and wasm memory, and of RSS, at the end (before any collection), or the error
 * that stopped the loop.
 */
export async function unforcedAllocations(calls: number, n: number, target: "js" | "wasm" = "wasm"): Promise<{ calls: number; n: number; done: number; liveMiB: number; memoryMiB: number; rssMiB: number; error?: string }> {
  const before = await settle();
  const jsq = jit(makeSquares, { target });
  let done = 0;
  let error: string | undefined;
  try {
    for (; done < calls; done++) jsq(n);
  } catch (e) {
    error = e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
  }
  const h = heap.stats(), rss = process.memoryUsage().rss;
  const r = { calls, n, done, liveMiB: (h.liveBytes - before.liveBytes) / MB, memoryMiB: (h.memoryBytes - before.memoryBytes) / MB, rssMiB: (rss - before.rss) / MB, error };
  await settle();
  return r;
}

export interface SoakOptions {
  /** Calls of the small kernel (dot on heap arrays). */
  calls: number;
  /** Calls in each of the other call phases (default: calls). */
  otherCalls?: number;
  compiles: number;
  target?: "js" | "wasm";
  log?: (line: string) => void;
}

/**
 * The call phases: `calls` calls of
 * - dot on numbat heap arrays (zero copy),
 * and `otherCalls` calls each of
 * - scaleInPlace on ordinary Float64Arrays (copied in and back every call),
 * - makeSquares, which allocates and returns a heap array every call (freed by the FinalizationRegistry),
 * - throwsWhenNegative on an input that throws every call (allocations freed on the error path);
 * then `compiles` distinct functions compiled and called once each.
 */
export async function soak(opts: SoakOptions): Promise<PhaseResult[]> {
  const target = opts.target ?? "wasm";
  const other = opts.otherCalls ?? opts.calls;
  const results: PhaseResult[] = [];
  const report = (r: PhaseResult) => {
    results.push(r);
    opts.log?.(describePhase(r));
  };
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`soak: wrong result in ${what}`);
  };

  const jdot = jit(dot, { target });
  const ha = array([1, 2, 3, 4, 5, 6, 7, 8]).data as Float64Array;
  const hb = array([8, 7, 6, 5, 4, 3, 2, 1]).data as Float64Array;
  report(await phase(`${target}: dot(heap arrays)`, opts.calls, () => expect(jdot(ha, hb) === 120, "dot")));

  const jscale = jit(scaleInPlace, { target });
  const pa = new Float64Array([1, -1, 2, -2, 0.5, 4, 8, 16]);
  report(await phase(`${target}: scaleInPlace(Float64Array, copied in and out)`, other, (i) => {
    jscale(pa, i % 2 === 0 ? 2 : 0.5);
  }));
  expect(pa[7] === 16, "scaleInPlace");

  const jsq = jit(makeSquares, { target });
  report(await phase(`${target}: makeSquares(16) (allocates and returns an array)`, other, () => expect(jsq(16)[15] === 225, "makeSquares")));

  const jthrow = jit(throwsWhenNegative, { target });
  const neg = new Float64Array([1, 2, -3, 4]);
  report(await phase(`${target}: throwsWhenNegative (throws every call)`, other, () => {
    try {
      jthrow(neg);
      expect(false, "throwsWhenNegative returned");
    } catch (e) {
      expect(e instanceof RangeError && e.message === "negative element", "throwsWhenNegative");
    }
  }));

  report(await phase(`${target}: compile distinct functions`, opts.compiles, (i) => {
    // Distinct source (constants and shape vary), compiled for one signature and called once.
    const fn = new Function("a", "k", `let s = ${i % 13}.5;\nfor (let j = 0; j < a.length; j++) {\n  s += a[j] * k + ${i};\n  if (s > ${1000 + i}) s = s * 0.5;\n}\nreturn s;`) as (a: Float64Array, k: number) => number;
    const j = jit(fn, { target });
    const a = new Float64Array([1, 2, 3]);
    expect(Object.is(j(a, 2), fn(a, 2)), `compiled function ${i}`);
  }));
  return results;
}
