// The optimiser's pipeline: a named list of passes run in order over each function's IR.
// NUMBAT_DUMP_IR=<pass name> (or "all") prints the IR after that pass, as Numba's NUMBA_DEBUG_PRINT_AFTER;
// NUMBAT_SKIP_PASSES=<name,...> leaves passes out.

import type { FuncIR, Stmt } from "../ir/nodes.js";
import { printFunc } from "../ir/printer.js";
import { optimizeLoopNests } from "./loops.js";
import { dropGuardedChecks } from "./bounds.js";
import { hoistConversions } from "./hoist.js";
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
}

export const PIPELINE: readonly Pass[] = [
  { name: "split-skips", run: splitSkips },
  { name: "interleave-escapes", run: interleaveEscapeLoops },
  { name: "loop-nests", run: optimizeLoopNests },
  { name: "guarded-bounds", run: dropGuardedChecks },
  { name: "hoist-conversions", run: hoistConversions },
  { name: "hoist-addresses", run: hoistAddresses },
];

export function optimize(f: FuncIR, level: number, opts: PassOptions = {}): FuncIR {
  if (level <= 0) return f;
  const dump = typeof process !== "undefined" ? process.env?.NUMBAT_DUMP_IR : undefined;
  let cur = f;
  // NUMBAT_SKIP_PASSES=a,b leaves passes out (to measure what one buys, or to bisect a miscompile).
  const skip = (typeof process !== "undefined" ? process.env?.NUMBAT_SKIP_PASSES : undefined)?.split(",") ?? [];
  for (const pass of PIPELINE) {
    if (skip.includes(pass.name)) continue;
    const next = pass.run(cur, opts);
    if (next) cur = next;
    if (dump && (dump === "all" || dump === pass.name)) process.stderr.write(`--- after ${pass.name}${next ? "" : " (unchanged)"}\n${printFunc(cur)}\n`);
  }
  return cur;
}

export type { Stmt };
