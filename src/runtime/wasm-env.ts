// What a compiled wasm module imports from JS, on any thread: the heap, its error exits (which turn
// the small site numbers the module passes back into messages), fmod, and the engine's own Math
// functions. The calling thread (backends/wasm/runtime.ts) gives it the heap allocator; a pool worker
// (runtime/pool-thread.ts) gives it an allocator that asks the calling thread.

import { outOfBounds, remainderByZero, userError } from "./errors.js";

/** Site tables of a compiled module: what the small integers passed to its error exits stand for. */
export interface ErrorSites {
  readonly locs: string[]; // "fn:line:col"
  readonly arrays: string[]; // array names for bounds errors
  readonly messages: { cls: string; msg: string }[];
}

/** The module's `alloc` import (count, dtype index, fill, site) -> pointer. */
export type AllocFn = (count: number, dtype: number, fill: number, site: number) => number;

export type WasmEnv = Record<string, Function | WebAssembly.Memory>;

/** The imports of a module with these sites and imported Math functions ([name, arity], in import order). */
export function moduleEnv(memory: WebAssembly.Memory, sites: ErrorSites, mathImports: readonly [string, number][], alloc: AllocFn): WasmEnv {
  const env: WasmEnv = {
    memory,
    throw_user(id: number) {
      const m = sites.messages[id]!;
      throw userError(m.cls as "Error", m.msg);
    },
    oob(arr: number, axis: number, ndim: number, index: number, size: number, site: number) {
      throw outOfBounds(sites.arrays[arr]!, axis, ndim, index, size, sites.locs[site]!);
    },
    rem0(site: number) {
      throw remainderByZero(sites.locs[site]!);
    },
    alloc,
    fmod: (a: number, b: number) => a % b,
  };
  const MathFns = Math as unknown as Record<string, Function>;
  for (const [name] of mathImports) env[`math_${name}`] = name.startsWith("hypot") ? Math.hypot : MathFns[name]!;
  return env;
}
