// Calls with arrays outside numbat's heap. The wasm kernel reads and writes its heap only, so such
// arrays are copied in (and the written ones back out) on every call; for a kernel that makes one
// pass over its data the copies cost about as much as the kernel itself. The same function compiled
// to JavaScript (the js backend: same IR, same optimiser, results bit for bit the same — the
// differential tests hold every target to that) works on the caller's arrays where they are.
//
// Which is faster depends on the kernel and the sizes, so numbat measures rather than guesses: for
// calls that would copy at least MIN_BYTES, the first calls of each size class alternate between the
// two (wasm, wasm, js, js, js, wasm, js, wasm, js; the first two js calls warm V8 up, uncounted), and
// later calls of that class run the faster. Only a kernel whose two first wasm calls both spent
// little of their time copying stays on wasm without trying js. Heap arrays, small copies, fastmath (whose wasm sums are
// reassociated), parallel loops and explicit targets always run as compiled.

import { heap } from "../runtime/memory.js";
import { bufferOf, byteLengthOf, isTypedArray } from "../runtime/intrinsics.js";

/**
 * Copies smaller than this always go to wasm (the copy is then cheap next to the call itself).
 * 64 KiB (8,192 doubles) copies in a few microseconds, about what one pass of a BLAS-1 kernel over
 * it takes: from there on the js backend can win (stdlib's ddot on two 100,000-element arrays, 1.6
 * MB, runs at ~0.4x plain JS on wasm with the copies, ~1x on js); below, the call overhead dominates.
 */
const MIN_BYTES = 1 << 16;
/** js is tried only where the copies took at least this share of a wasm call (one-pass kernels). */
const MIN_COPY_SHARE = 0.2;
/** Timed calls of each kind before the choice. */
const TRIALS = 3;
/** js calls before those, not counted: V8 runs the first ones in its baseline tiers (and compiles meanwhile). */
const JS_WARMUP = 2;
/** js must be this much faster to be chosen: wasm wins ties. */
const MARGIN = 0.9;
/** A js trial this much slower than wasm ends the trials at once. */
const GIVE_UP = 2;

type Run = (args: readonly unknown[]) => unknown;

interface SizeClass {
  readonly wasm: number[]; // milliseconds per foreign byte, per trial
  readonly js: number[];
  choice?: "wasm" | "js";
  /** Whether a wasm trial spent at least MIN_COPY_SHARE of its time copying. */
  copies?: boolean;
}

/** Bytes of the array arguments that do not live in numbat's heap. */
function foreignBytes(args: readonly unknown[], arrays: readonly number[]): number {
  let bytes = 0;
  for (const i of arrays) {
    const a = args[i];
    const view = isTypedArray(a) ? a : (a as { data?: unknown } | undefined)?.data;
    if (isTypedArray(view) && !heap.owns(bufferOf(view))) bytes += byteLengthOf(view);
  }
  return bytes;
}

/**
 * The run function of one signature: `wasm` for most calls, `js()` (compiled on first use; it may
 * throw when the js backend cannot compile the function) for calls with large foreign arrays where
 * it measured faster. `copyMs()` is how long the last wasm call spent copying; `now` is the clock (ms).
 */
export function foreignAware(wasm: Run, js: () => Run, arrays: readonly number[], copyMs: () => number, now: () => number = () => performance.now()): Run {
  const classes = new Map<number, SizeClass>();
  let jsRun: Run | null | undefined; // null: the js backend could not compile it
  const best = (xs: readonly number[]) => Math.min(...xs);
  return (args) => {
    const bytes = foreignBytes(args, arrays);
    if (bytes < MIN_BYTES || jsRun === null) return wasm(args);
    const key = Math.round(Math.log2(bytes) / 2); // size classes a factor of 4 apart
    let c = classes.get(key);
    if (!c) classes.set(key, (c = { wasm: [], js: [] }));
    if (c.choice) return c.choice === "js" ? jsRun!(args) : wasm(args);
    const t0 = now();
    if (c.wasm.length < 2 || c.js.length > c.wasm.length - 2 + JS_WARMUP) {
      // Two wasm calls first (the first may include V8's compile), then alternate; a kernel whose
      // copies are a small part of the second call stays on wasm without a js trial.
      const r = wasm(args);
      const ms = now() - t0;
      c.wasm.push(ms / bytes);
      // One call slowed by something else (a GC, a busy machine) must not decide: both must show it.
      if (copyMs() >= MIN_COPY_SHARE * ms) c.copies = true;
      if (c.wasm.length === 2 && !c.copies) c.choice = "wasm";
      return r;
    }
    if (jsRun === undefined) {
      try { jsRun = js(); } catch { jsRun = null; return wasm(args); }
    }
    const r = jsRun(args);
    c.js.push((now() - t0) / bytes);
    const seen = c.js.slice(JS_WARMUP);
    if (seen.length && best(seen) > GIVE_UP * best(c.wasm)) c.choice = "wasm";
    else if (seen.length === TRIALS) c.choice = best(seen) < MARGIN * best(c.wasm) ? "js" : "wasm";
    return r;
  };
}
