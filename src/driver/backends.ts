// The CPU targets as the driver sees them: one table with one small Backend per target, so that the
// dispatcher asks "build this IR" instead of branching on the target. GPU targets have their own
// contract (runtime/gpu-target.ts) behind kernel() and jit()'s offload (driver/kernel.ts).

import type { FuncIR } from "../ir/nodes.js";
import { printModule } from "../ir/printer.js";
import { compileWasm, type WasmModule } from "../backends/wasm/codegen.js";
import { instantiateWasm } from "../backends/wasm/runtime.js";
import { compileJs } from "../backends/js/codegen.js";
import { compileNative } from "../backends/native/runtime.js";
import { requireCompiler } from "../backends/native/compiler.js";
import type { ParallelConfig } from "../runtime/pool.js";

export type CpuTarget = "wasm" | "js" | "native";

export type Inspectable = "ir" | "wat" | "js" | "c";

export type Run = (args: readonly unknown[]) => unknown;

/** How the dispatcher compiles for every target. */
export interface BuildOptions {
  readonly boundscheck: boolean;
  /** prange loops on threads (wasm: worker threads, native: OpenMP); undefined: they run in order. */
  readonly parallel: ParallelConfig | undefined;
}

/** One signature compiled by a backend. */
export interface Built {
  readonly run: Run;
  /** The target's own text for inspect() (wat, JS source, C). */
  readonly source: () => string;
  /** The wasm module, for the policies that need it (disk cache, foreign-array choice). */
  readonly wasm?: WasmModule;
}

export interface Backend {
  /** What inspect() calls the target's own text. */
  readonly text: Exclude<Inspectable, "ir">;
  /** Throws, naming what is missing, when the target cannot run in this process. */
  readonly requireAvailable: () => void;
  readonly build: (ir: FuncIR, opts: BuildOptions) => Built;
}

export const BACKENDS = {
  wasm: {
    text: "wat",
    requireAvailable: () => {},
    build: (ir, opts) => {
      const wasm = compileWasm(ir, { boundscheck: opts.boundscheck, parallel: opts.parallel !== undefined });
      return { run: instantiateWasm(wasm, ir, opts.parallel), source: () => wasm.wat(), wasm };
    },
  },
  js: {
    text: "js",
    requireAvailable: () => {},
    build: (ir, opts) => {
      const js = compileJs(ir, { boundscheck: opts.boundscheck });
      return { run: (args) => js.fn(...args), source: () => js.source };
    },
  },
  native: {
    text: "c",
    requireAvailable: () => void requireCompiler(),
    build: (ir, opts) => {
      const nat = compileNative(ir, { boundscheck: opts.boundscheck, parallel: opts.parallel });
      return { run: nat.run, source: () => nat.module.source };
    },
  },
} satisfies Record<CpuTarget, Backend>;

/** inspect()'s answer for a signature compiled for `target`: its IR or the target's own text. */
export function inspector(target: CpuTarget, ir: () => FuncIR, source: () => string): (what: Inspectable) => string {
  return (what) => {
    if (what === "ir") return printModule(ir());
    if (what === BACKENDS[target].text) return source();
    return unavailable(what, target);
  };
}

export function unavailable(what: string, target: CpuTarget): never {
  throw new Error(`inspect("${what}") is not available for target "${target}"; try "ir" or "${BACKENDS[target].text}"`);
}
