// The optimiser's pipeline: a named list of passes run in order over each function's IR. `loop-nests`
// applies its own named steps to each loop nest (LOOP_NEST_STEPS in loops.ts). The switches in
// debug.ts print the IR after any pass or step by name (as Numba's NUMBA_DEBUG_PRINT_AFTER), leave
// passes out, and verify the IR after every pass (always under the test runner).

import type { FuncIR, Stmt } from "../ir/nodes.js";
import { printFunc } from "../ir/printer.js";
import { verifyFunc } from "../ir/verify.js";
import { LOOP_NEST_STEPS, optimizeLoopNests } from "./loops.js";
import { dump, dumping, skipping, verifying } from "./debug.js";
import { dropGuardedChecks } from "./bounds.js";
import { hoistConversions } from "./hoist.js";
import { promoteElements } from "./promote-elements.js";
import { hoistAddresses } from "./hoist-addresses.js";
import { splitSkips } from "./skip.js";
import { interleaveEscapeLoops } from "./interleave.js";

/** Options of the jitted function that passes act on. */
export interface PassOptions {
  /** `parallel: true` (wasm target with threads): outermost loops proven independent become parallel. */
  readonly autoParallel?: boolean;
  /** `fastmath: true`: floating-point reductions may be reassociated (vectorised with partial sums). */
  readonly fastmath?: boolean;
}

export interface Pass {
  readonly name: string;
  /** Returns the rewritten function, or undefined when nothing changed. */
  readonly run: (f: FuncIR, opts: PassOptions) => FuncIR | undefined;
  /** The named steps a pass applies in turn to each part it rewrites (each dumpable and skippable by name). */
  readonly steps?: readonly { readonly name: string; readonly does: string }[];
}

export const PIPELINE: readonly Pass[] = [
  { name: "split-skips", run: splitSkips },
  { name: "interleave-escapes", run: interleaveEscapeLoops },
  { name: "loop-nests", run: optimizeLoopNests, steps: LOOP_NEST_STEPS },
  { name: "guarded-bounds", run: dropGuardedChecks },
  { name: "hoist-conversions", run: hoistConversions },
  { name: "hoist-addresses", run: hoistAddresses },
  { name: "promote-elements", run: promoteElements },
];

export function optimize(f: FuncIR, level: number, opts: PassOptions = {}): FuncIR {
  if (level <= 0) return f;
  const verify = verifying();
  let cur = f;
  for (const pass of PIPELINE) {
    if (skipping(pass.name)) continue;
    const next = pass.run(cur, opts);
    if (next) cur = next;
    if (next && verify) {
      try { verifyFunc(cur); } catch (e) { throw new Error(`numbat: internal error: the IR after pass '${pass.name}' is invalid: ${(e as Error).message}`); }
    }
    if (dumping(pass.name)) dump(`after ${pass.name}${next ? "" : " (unchanged)"}`, printFunc(cur));
  }
  return cur;
}

export type { Stmt };
