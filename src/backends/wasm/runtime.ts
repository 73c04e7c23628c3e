// Runs a compiled wasm module: instantiates it over numbat's shared heap and marshals each call.
// Arrays already in the heap pass by pointer (zero copy); others are copied in, and copied back only
// when the kernel writes them. Temporaries a kernel allocates are freed when the call ends.

import type { ArrayType, FuncIR } from "../../ir/nodes.js";
import { DTYPES, DTYPE_NAMES, isArray } from "../../ir/types.js";
import { heap } from "../../runtime/memory.js";
import { adoptHeapArray } from "../../runtime/ndarray.js";
import { MAX_ALLOC_BYTES, allocTooLarge, badAllocSize } from "../../runtime/errors.js";
import { type WasmEnv, moduleEnv } from "../../runtime/wasm-env.js";
import { RETURN_SCRATCH, arrayParts, type WasmModule } from "./codegen.js";
import { type AllocFn, type ParallelConfig, parallelImports } from "../../runtime/pool.js";
import { setFlagsFromString } from "node:v8";
import { type NdView, readViews } from "../../runtime/views.js";
import { type RealView, realView } from "../../runtime/intrinsics.js";
import { copyBytes } from "../../runtime/copy.js";

/**
 * V8 first compiles wasm with its baseline compiler (Liftoff) and tiers up hot functions later, but it
 * cannot swap code inside a running call: a long first call of a kernel would run baseline code to the
 * end. Kernels are small and hot, so numbat asks V8 for optimised code up front (NUMBAT_LIFTOFF=1 opts out).
 */
let flagsSet = false;
let noLiftoff = false; // whether numbat turned Liftoff off (what compileModule restores)
function preferOptimizedWasm(): void {
  if (flagsSet) return;
  flagsSet = true;
  if (typeof process !== "undefined" && process.env?.NUMBAT_LIFTOFF === "1") return;
  try {
    setFlagsFromString("--no-liftoff");
    noLiftoff = true;
  } catch {
    // not in Node: browsers keep their defaults
  }
}

/**
 * TurboFan's compile time grows about quadratically with the number of error exits in one function (each
 * bounds or remainder check is `call $oob; unreachable`, a block ending in a throw): 0.25 s for 650 checks,
 * 1.3 s for 1,300, 110 s for the 6,700 of a 10,000-line function (bench/compile-huge.ts measures it).
 * Liftoff compiles the same function in ~60 ms. Modules past these limits are compiled with Liftoff only;
 * the seed's matrix product has 26 checks and 3.8 KB, far below either.
 */
export const OPTIMIZE_LIMITS = { checks: 1000, bytes: 256 * 1024 } as const;

export type WasmTier = "optimized" | "baseline";

/** The tier numbat compiles a module with: "baseline" (Liftoff, linear-time) for very large modules. */
export function wasmTier(mod: Pick<WasmModule, "bytes" | "sites">): WasmTier {
  const checks = mod.sites.locs.length + mod.sites.messages.length;
  return checks > OPTIMIZE_LIMITS.checks || mod.bytes.length > OPTIMIZE_LIMITS.bytes ? "baseline" : "optimized";
}

/** V8 flags a user set on the command line: then numbat does not toggle them. */
const userWasmFlags = typeof process === "undefined" ? false
  : /liftoff|wasm-lazy-compilation|wasm-dynamic-tiering|wasm-tier-up/.test([...(process.execArgv ?? []), process.env?.NODE_OPTIONS ?? ""].join(" "));

/**
 * Compiles `bytes`. For the baseline tier, V8's flags are switched for the duration of the synchronous
 * compilation: Liftoff, eager (every function now, while the flag holds, instead of at its first call), and
 * no tier-up (which would run the super-linear TurboFan compile on a background thread later). The flags are
 * process-wide but read when a module or function is compiled, and nothing else compiles wasm meanwhile.
 */
/** Modules compiled from the same bytes (a disk-cache entry this process loaded before: driver/kernel-cache.ts), by tier. */
const compiledFrom = new WeakMap<Uint8Array, Map<WasmTier, WebAssembly.Module>>();

function compileModule(bytes: Uint8Array, tier: WasmTier): WebAssembly.Module {
  let byTier = compiledFrom.get(bytes);
  if (!byTier) compiledFrom.set(bytes, (byTier = new Map()));
  let module = byTier.get(tier);
  if (!module) byTier.set(tier, (module = compileModuleOnce(bytes, tier)));
  return module;
}

function compileModuleOnce(bytes: Uint8Array, tier: WasmTier): WebAssembly.Module {
  if (tier === "optimized" || userWasmFlags) return new WebAssembly.Module(bytes);
  try {
    setFlagsFromString("--liftoff --no-wasm-lazy-compilation --no-wasm-dynamic-tiering --no-wasm-tier-up");
  } catch {
    return new WebAssembly.Module(bytes); // not in Node: browsers compile with Liftoff first anyway
  }
  try {
    return new WebAssembly.Module(bytes);
  } finally {
    setFlagsFromString(`${noLiftoff ? "--no-liftoff" : "--liftoff"} --wasm-lazy-compilation --wasm-dynamic-tiering --wasm-tier-up`);
  }
}

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray;

const TYPED_CTORS = {
  f64: Float64Array, f32: Float32Array, i32: Int32Array, u32: Uint32Array, i16: Int16Array,
  u16: Uint16Array, i8: Int8Array, u8: Uint8Array, u8c: Uint8ClampedArray,
} as const;

/** Milliseconds the last call spent copying arguments into and out of the heap (driver/foreign.ts reads it). */
export const copyClock = { ms: 0 };

/** Allocations made during the current call (kernels may call kernels through JS, so keep a stack). */
const callStack: number[][] = [];

export type Kernel = (args: readonly unknown[]) => unknown;

/** A module's imports: the heap, its error exits, allocation and the Math functions (not the thread pool's). */
export function wasmImports(mod: WasmModule): WasmEnv {
  const { sites } = mod;
  const alloc = (count: number, dtypeIndex: number, fill: number, site: number): number => {
    if (!Number.isInteger(count) || count < 0) throw badAllocSize(count, sites.locs[site]!);
    const dtype = DTYPE_NAMES[dtypeIndex]!;
    const bytes = count * DTYPES[dtype].bytes;
    if (bytes > MAX_ALLOC_BYTES) throw allocTooLarge(count, bytes, sites.locs[site]!);
    const ptr = heap.alloc(bytes);
    callStack[callStack.length - 1]!.push(ptr);
    if (fill === 1) new (TYPED_CTORS[dtype] as unknown as new (b: ArrayBufferLike, o: number, n: number) => TypedArray)(heap.buffer, ptr, count).fill(1);
    else new Uint8Array(heap.buffer, ptr, bytes).fill(0);
    return ptr;
  };
  return moduleEnv(heap.memory as unknown as WebAssembly.Memory, sites, mod.mathImports, alloc);
}

/** A module instantiated for scalar calls only (cfunc's WebAssembly function): its exports. */
export function instantiateExports(mod: WasmModule): Record<string, unknown> {
  preferOptimizedWasm();
  return new WebAssembly.Instance(compileModule(mod.bytes, wasmTier(mod)), { env: wasmImports(mod) }).exports as Record<string, unknown>;
}

export function instantiateWasm(mod: WasmModule, entry: FuncIR, parallel: ParallelConfig = { threads: 1, schedule: "static" }): Kernel {
  const env = wasmImports(mod);
  preferOptimizedWasm();
  const module = compileModule(mod.bytes, wasmTier(mod));
  // Parallel regions: the pool instantiates this same module on its worker threads (runtime/pool.ts).
  if (mod.regions.length) Object.assign(env, parallelImports(mod, module, parallel, () => instance.exports as Record<string, Function>, env.alloc as AllocFn));
  const instance = new WebAssembly.Instance(module, { env });
  const main = instance.exports.main as (...a: number[]) => number;
  const params = entry.params;
  const written = params.map((p) => entry.written.has(p));
  const ret = entry.ret;

  return (args) => {
    const flat: number[] = [];
    const argPtrs: number[] = [];
    const allocs: number[] = [];
    // n-d arguments first, each field read once (their getters are the last user code before the call);
    // then every array's real buffer, offset and length (runtime/intrinsics.ts), never its own properties.
    const views = readViews(params, args);
    const datas = params.map((p, i) => (!isArray(p.type) ? undefined : realView(p.type.nd ? views[i]!.data : args[i])));
    const regions = copyIn(datas, written);
    callStack.push(allocs);
    try {
      for (let i = 0; i < params.length; i++) {
        const t = params[i]!.type;
        const a = args[i];
        if (!isArray(t)) {
          flat.push(typeof a === "boolean" ? (a ? 1 : 0) : (a as number));
          continue;
        }
        const data = datas[i]!;
        const region = regions.get(data.buffer);
        // An empty array outside the heap is never dereferenced; a small distinct address per argument
        // (below the heap's start) still tells them apart when one is returned.
        const ptr = region ? region.ptr + (data.byteOffset - region.start)
          : data.byteLength === 0 && !heap.owns(data.buffer) ? 1 + (i % 15) : data.byteOffset;
        argPtrs[i] = ptr;
        flat.push(ptr);
        if (!t.nd) flat.push(data.length);
        else {
          const nd = views[i]!;
          for (let d = 0; d < t.ndim; d++) flat.push(nd.shape[d]!);
          for (let d = 0; d < t.ndim; d++) flat.push(nd.stride[d]!);
          flat.push(nd.offset);
        }
      }
      const r = main(...flat);
      if (ret === "void") return undefined;
      if (ret === "bool") return r !== 0;
      if (!isArray(ret)) return r;
      return resultArray(ret, args, views, argPtrs, allocs);
    } finally {
      callStack.pop();
      const t1 = performance.now();
      for (const [buffer, c] of regions) {
        if (c.writeBack) copyBytes(new Uint8Array(buffer, c.start, c.end - c.start), new Uint8Array(heap.buffer, c.ptr, c.end - c.start));
        heap.free(c.ptr);
      }
      if (regions.size) copyClock.ms += performance.now() - t1;
      for (const p of allocs) heap.free(p);
    }
  };
}

interface Region { start: number; end: number; ptr: number; writeBack: boolean }

/**
 * Copies the arrays that don't live in the heap into it: one region per ArrayBuffer, spanning all of
 * its views that are arguments, so views that overlap still alias inside the kernel. Regions keep
 * their offset modulo 16, so element alignment is unchanged.
 */
function copyIn(datas: readonly (RealView | undefined)[], written: readonly boolean[]): Map<ArrayBufferLike, Region> {
  const regions = new Map<ArrayBufferLike, Region>();
  datas.forEach((d, i) => {
    // Empty arrays (detached buffers included) have nothing to copy; their pointer is never used.
    if (!d || d.byteLength === 0 || heap.owns(d.buffer)) return;
    const r = regions.get(d.buffer);
    const start = d.byteOffset - (d.byteOffset % 16), end = d.byteOffset + d.byteLength; // not `& ~15`: offsets pass 2^32
    if (!r) regions.set(d.buffer, { start, end, ptr: 0, writeBack: written[i]! });
    else {
      r.start = Math.min(r.start, start);
      r.end = Math.max(r.end, end);
      r.writeBack ||= written[i]!;
    }
  });
  copyClock.ms = 0;
  if (!regions.size) return regions;
  const t0 = performance.now();
  for (const [buffer, r] of regions) {
    r.ptr = heap.alloc(r.end - r.start);
    copyBytes(new Uint8Array(heap.buffer, r.ptr, r.end - r.start), new Uint8Array(buffer, r.start, r.end - r.start));
  }
  copyClock.ms = performance.now() - t0;
  return regions;
}


function resultArray(t: ArrayType, args: readonly unknown[], views: readonly (NdView | undefined)[], argPtrs: readonly number[], allocs: number[]): unknown {
  const parts = arrayParts(t);
  const desc = Array.from(new Float64Array(heap.buffer, RETURN_SCRATCH, parts.length));
  const ptr = desc[0]!;
  const k = allocs.indexOf(ptr);
  if (k >= 0) {
    allocs.splice(k, 1); // ownership passes to the returned array
    const shape = t.nd ? desc.slice(1, 1 + t.ndim) : [desc[1]!];
    return adoptHeapArray(ptr, t.dtype, shape, t.nd);
  }
  // Otherwise it is an argument: give back the caller's own object (the one whose view matches).
  for (let i = 0; i < args.length; i++) {
    if (argPtrs[i] !== ptr) continue;
    const a = args[i];
    if (!t.nd) return a;
    const nd = views[i]!;
    const same = nd.offset === desc[parts.length - 1] && nd.shape.every((n, d) => n === desc[1 + d] && nd.stride[d] === desc[1 + t.ndim + d]);
    if (same) return a;
  }
  throw new Error("numbat: internal error: a returned array matches neither an allocation nor an argument");
}
