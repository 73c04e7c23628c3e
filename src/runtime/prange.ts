// prange / range for plain JS: the iteration a kernel's `for (const i of prange(n))` performs.
// Compiled kernels never call these; the compiler recognises the loop instead.

/** Integers start, start+step, ... below stop (above it for a negative step), like Python's range. */
export function* range(start: number, stop?: number, step = 1): Generator<number, void, undefined> {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new RangeError("range: step must not be zero");
  if (step > 0) for (let i = start; i < stop; i += step) yield i;
  else for (let i = start; i > stop; i += step) yield i;
}

/** A loop whose iterations are independent: jitted for the wasm target, it runs on several threads (docs/parallel.md). */
export const prange: typeof range = (start, stop, step) => range(start, stop, step);
