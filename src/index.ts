// numbat's public API: jit(), the array helpers kernels and callers share, and shutdown() for the thread pool.

import { Dispatcher, attachDispatcher, type FrontendHook, type Inspectable, type JitOptions } from "./driver/dispatcher.js";
import { offloadJit, type KernelOptions, type KernelTarget, type Offloaded } from "./driver/kernel.js";
import { GPU_JIT_OPTIONS, JIT_OPTIONS, readOptions } from "./driver/options.js";

export { zeros, ones, empty, full, array, NdArray, type DTypeName, type TypedArray } from "./runtime/ndarray.js";
export { prange, range } from "./runtime/prange.js";
export { CompileError } from "./diagnostics/error.js";
/** Stops the worker threads that run parallel loops (they never keep the process alive; a later parallel loop restarts them). */
export { shutdown } from "./runtime/pool.js";
export type { JitOptions, Inspectable, Target } from "./driver/dispatcher.js";
/** Automatic differentiation of jitted functions (docs/autodiff.md): reverse mode (grad, valueAndGrad, vjp, jacrev) and forward mode (jvp, jacfwd). */
export { grad, valueAndGrad, vjp, jvp, jacfwd, jacrev } from "./autodiff/api.js";
export type { Argnums, Derivative, DerivativeInfo, TapeStats, ArrayLikeND } from "./autodiff/api.js";
export { kernel, toDevice, DeviceArray, type Kernel, type KernelOptions, type KernelTarget, type LaunchConfig } from "./driver/kernel.js";
export { gpu } from "./runtime/gpu-object.js";
export type { Offloaded } from "./driver/kernel.js";

/** jit() for a GPU target: the function's prange loop nests run as kernels; calls return promises (docs/kernels.md). */
export interface GpuJitOptions extends KernelOptions {
  target: KernelTarget;
}

function isGpuOptions(o: JitOptions | GpuJitOptions): o is GpuJitOptions {
  return o.target === "webgpu" || o.target === "cuda" || o.target === "gpusim";
}

/** A jitted function: callable exactly like the original, plus introspection. */
export type Jitted<F extends (...args: any[]) => any> = F & {
  /** The argument-type signatures compiled so far, e.g. "ndarray<float64,2>, ndarray<float64,2>". */
  readonly signatures: string[];
  /** The IR ("ir"), WebAssembly text ("wat") or generated JavaScript ("js") of a compiled signature (default: the latest). */
  inspect(what: Inspectable, signature?: string | number): string;
  /** The original, un-jitted function. */
  readonly py: F;
  /**
   * Where the latest signature runs (docs/tiers.md): "baseline" (its first, small call ran the js
   * backend on the unoptimised IR; the optimised code is not built yet), the target ("wasm", "js",
   * "native"), or with `tierUp` (docs/native.md#tier-up) "building" (native compiling in the
   * background), "native", or "failed"/"kept" (stays on wasm). undefined before the first call.
   */
  readonly tier: "baseline" | "wasm" | "js" | "building" | "native" | "failed" | "kept" | undefined;
};

/**
 * Compiles `fn` (numbers, booleans, typed arrays and n-d arrays; loops; Math) to WebAssembly.
 * Compilation is lazy, once per argument-type signature; `options.signatures` compiles eagerly.
 *
 * @example
 * const dot = jit((a: Float64Array, b: Float64Array) => {
 *   let s = 0;
 *   for (let i = 0; i < a.length; i++) s += a[i] * b[i];
 *   return s;
 * });
 */
export function jit<F extends (...args: any[]) => any>(fn: F, options: GpuJitOptions): Offloaded<F>;
export function jit<F extends (...args: any[]) => any>(fn: F, options?: JitOptions): Jitted<F>;
export function jit<F extends (...args: any[]) => any>(fn: F, options: JitOptions | GpuJitOptions = {}): Jitted<F> | Offloaded<F> {
  if (typeof fn !== "function") throw new TypeError(`jit: expected a function, got ${fn === null ? "null" : typeof fn}`);
  // Read once (driver/options.ts): unknown names are a TypeError, and later changes to `options` or its
  // `scope` change nothing. The copy is checked again against the options of the target it names.
  const read = readOptions<JitOptions | GpuJitOptions>("jit", options, { ...JIT_OPTIONS, ...GPU_JIT_OPTIONS });
  if (isGpuOptions(read)) return offloadJit(fn, readOptions<GpuJitOptions>(`jit (target "${read.target}")`, read, GPU_JIT_OPTIONS));
  return jitDispatched(fn, read as JitOptions);
}

/** @internal The jitted callable around a Dispatcher; `frontend` is how another frontend (src/frontend/python) lowers its source. */
export function jitDispatched<F extends (...args: any[]) => any>(fn: F, options: JitOptions, frontend?: FrontendHook): Jitted<F> {
  options = readOptions<JitOptions>("jit", options, JIT_OPTIONS);
  const d = new Dispatcher(fn, options, frontend);
  const jitted = function (this: unknown, ...args: unknown[]) {
    return d.call(args);
  } as unknown as Jitted<F>;
  Object.defineProperty(jitted, "name", { value: fn.name });
  Object.defineProperty(jitted, "length", { value: fn.length });
  Object.defineProperty(jitted, "signatures", { get: () => d.signatures });
  Object.defineProperty(jitted, "py", { value: fn });
  Object.defineProperty(jitted, "tier", { get: () => d.tierName() });
  (jitted as { inspect: unknown }).inspect = (what: Inspectable, sig?: string | number) => d.inspect(what, sig);
  attachDispatcher(jitted, d);
  for (const sig of options.signatures ?? []) d.compileSignature(sig);
  return jitted;
}
/** Numba's API beyond jit (docs/numba-api.md): NumPy universal functions, generalized ufuncs, stencils and C callbacks. */
export { vectorize, type Ufunc, type GpuUfunc, type UfuncArg, type UfuncResult, type UfuncTarget, type VectorizeOptions, type ReduceOptions, type AccumulateOptions } from "./ufunc/vectorize.js";
export { cfunc, type CFunc } from "./ufunc/cfunc.js";
export { stencil, type Stencil, type StencilOptions } from "./ufunc/stencil.js";
export { guvectorize, type Gufunc, type GuvectorizeOptions } from "./ufunc/guvectorize.js";
