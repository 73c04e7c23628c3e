// The baseline tier (docs/tiers.md): as V8 runs a function's first calls in code that is cheap to
// produce, a jitted function's first call — when its arguments say the call is small — runs numbat's
// js backend on the IR as lowered, skipping the loop optimiser, wasm code generation and V8's TurboFan
// compile of the module (together about two thirds of a cold first call). The optimised wasm is built
// when the process is next idle, or at the second call, whichever comes first, and runs every call
// after that. Both tiers compute plain JS's bits, so which one answers is never visible in a result.

import { isTypedArray, lengthOf } from "../runtime/intrinsics.js";

/** Elements (summed over array arguments) and integer arguments up to which a first call counts as small. */
export const BASELINE_LIMIT = 1 << 14;

/**
 * Is a first call with these arguments small enough for the baseline tier? Array sizes and integer
 * arguments bound the loops of ordinary kernels; a large one means the call itself will take longer
 * than compiling the optimised code, which must then run it.
 */
export function smallCall(args: readonly unknown[]): boolean {
  let elements = 0;
  for (const a of args) {
    if (typeof a === "number") {
      if (Math.abs(a) > BASELINE_LIMIT) return false;
    } else if (isTypedArray(a)) {
      elements += lengthOf(a);
    } else if (typeof a === "object" && a !== null) {
      const shape = (a as { shape?: unknown }).shape;
      if (!Array.isArray(shape)) return false;
      elements += shape.reduce((p: number, d: unknown) => p * (typeof d === "number" ? d : Infinity), 1);
    }
    if (!(elements <= BASELINE_LIMIT)) return false;
  }
  return true;
}

/** `NUMBAT_LOG=tier`: one line on stderr per tier a signature enters. */
export function logTier(fn: string, signature: string, what: string): void {
  const log = typeof process !== "undefined" ? process.env?.NUMBAT_LOG : undefined;
  if (log && log.split(",").includes("tier")) process.stderr.write(`numbat: ${fn}(${signature}): ${what}\n`);
}

/** Runs `work` once the process is idle (a timer that does not keep the process alive), unless run before. */
export function whenIdle(work: () => void): void {
  const t = setTimeout(work, 0);
  (t as { unref?: () => void }).unref?.();
}
