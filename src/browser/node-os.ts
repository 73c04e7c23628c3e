// Browser version of `node:os` for the browser build (build.ts): the core count for parallel loops.
// A page's main thread cannot block (Atomics.wait), so thread pools run only from a Web Worker; on the
// main thread this reports one core, and prange loops then run sequentially by default.

const g = globalThis as unknown as { navigator?: { hardwareConcurrency?: number }; document?: unknown };

export function availableParallelism(): number {
  if (g.document !== undefined) return 1;
  return Math.max(1, g.navigator?.hardwareConcurrency ?? 1);
}
