// Runs a native module: compiles (or fetches from the disk cache) the C library, loads it with koffi
// and marshals each call. Arrays pass zero-copy: koffi hands C the address of a typed array's own
// memory, including views of numbat's SharedArrayBuffer heap, so there is nothing to copy in or back.
// Errors come back as a status code plus details in `out`, and are thrown here as the same error
// objects the wasm backend throws (runtime/errors.ts). An array the kernel allocated (C malloc) is
// copied into a numbat array and freed.

import { createRequire } from "node:module";
import type { ErrorClass, FuncIR } from "../../ir/nodes.js";
import { DTYPES, isArray, type ArrayType } from "../../ir/types.js";
import { outOfBounds, remainderByZero, badAllocSize, userError, allocTooLarge, outOfMemory } from "../../runtime/errors.js";
import { empty, type DTypeName } from "../../runtime/ndarray.js";
import { arrayFields } from "../cstyle/render.js";
import { generateC, type NativeModule, type NativeOptions } from "./codegen.js";
import { buildLibrary, evictLibrary, requireCompiler, type BuiltLibrary, type CompilerInfo } from "./compiler.js";
import { OPENMP_FLAGS, openmpSupport } from "./openmp.js";
import { ERROR_KINDS, OUT } from "./prelude.js";
import { readViews } from "../../runtime/views.js";
import { entryTrusted } from "../../runtime/cache-trust.js";
import { lengthOf } from "../../runtime/intrinsics.js";

type KoffiModule = typeof import("koffi");
type KoffiLib = ReturnType<KoffiModule["load"]>;
type KoffiFn = ReturnType<KoffiLib["func"]>;

let koffiModule: KoffiModule | undefined;
/** koffi, loaded on first use so that wasm-only users never load a native addon. */
function koffi(): KoffiModule {
  if (koffiModule) return koffiModule;
  try {
    koffiModule = createRequire(import.meta.url)("koffi") as KoffiModule;
  } catch (e) {
    throw new Error(`numbat: target 'native' needs the koffi package (npm install koffi): ${(e as Error).message}`);
  }
  return koffiModule;
}

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray;

export type Kernel = (args: readonly unknown[]) => unknown;

export interface NativeKernel {
  readonly module: NativeModule;
  readonly library: BuiltLibrary;
  readonly run: Kernel;
}

interface Loaded { main: KoffiFn; take: KoffiFn; seed?: KoffiFn }
/** Libraries loaded in this process, by path: a library is loaded (and its functions declared) once. */
const loaded = new Map<string, Loaded>();

function load(path: string, mod: NativeModule): Loaded {
  const hit = loaded.get(path);
  if (hit) return hit;
  const k = koffi();
  // Only a library this user owns and no one else can write (runtime/cache-trust.ts), whoever built it.
  if (!entryTrusted(path)) throw new Error(`numbat: refusing to load ${path}: it is missing, or another user could have written it`);
  const lib = k.load(path);
  const l: Loaded = {
    main: lib.func("nb_main", "int32_t", ["void *", ...mod.params]),
    take: lib.func("nb_take", "void", ["void *", "void *", "int64_t"]),
    seed: mod.usesRandom ? lib.func("nb_seed", "void", ["double", "double"]) : undefined,
  };
  l.seed?.(Math.floor(Math.random() * 2 ** 53), Math.floor(Math.random() * 2 ** 53));
  loaded.set(path, l);
  return l;
}

/** Flags after CFLAGS for a module: `-fopenmp` when it has parallel regions and the compiler supports OpenMP. */
export function extraFlags(mod: NativeModule, cc: CompilerInfo = requireCompiler()): string[] {
  return mod.regions > 0 && openmpSupport(cc).ok ? OPENMP_FLAGS : [];
}

/** Compiles `entry` to a native library (or takes it from the cache) and returns its call wrapper. */
export function compileNative(entry: FuncIR, opts: NativeOptions): NativeKernel {
  const mod = generateC(entry, opts);
  const build = (): BuiltLibrary => buildLibrary(mod.source, { extraFlags: extraFlags(mod) });
  let library = build();
  let lib: Loaded;
  try {
    lib = load(library.path, mod);
  } catch (e) {
    // An entry that passed its check but does not load (a foreign or damaged file): build it again.
    if (!library.cached) throw e;
    evictLibrary(library.path);
    library = build();
    lib = load(library.path, mod);
  }
  return { module: mod, library, run: marshal(mod, lib, entry) };
}

/** The call wrapper of a library built elsewhere (a background build: backends/native/tierup.ts). */
export function loadNative(entry: FuncIR, mod: NativeModule, library: BuiltLibrary): NativeKernel {
  return { module: mod, library, run: marshal(mod, load(library.path, mod), entry) };
}

function marshal(mod: NativeModule, lib: Loaded, entry: FuncIR): Kernel {
  const { sites } = mod;
  const params = entry.params;
  const ret = entry.ret;
  const retFields = isArray(ret) ? arrayFields(ret) : [];
  const out = new Float64Array(Math.max(8, retFields.length + 1));
  const main = lib.main;

  const fail = (kind: number): Error => {
    const site = out[OUT.site]!;
    switch (kind) {
      case ERROR_KINDS.user: {
        const m = sites.messages[site]!;
        return userError(m.cls as ErrorClass, m.msg);
      }
      case ERROR_KINDS.oob:
        return outOfBounds(sites.arrays[out[OUT.arr]!]!, out[OUT.axis]!, out[OUT.ndim]!, out[OUT.index]!, out[OUT.size]!, sites.locs[site]!);
      case ERROR_KINDS.rem0: return remainderByZero(sites.locs[site]!);
      case ERROR_KINDS.badsize: return badAllocSize(out[OUT.size]!, sites.locs[site]!);
      case ERROR_KINDS.nomem: return outOfMemory(out[OUT.size]!, out[OUT.bytes]!, sites.locs[site]!);
      case ERROR_KINDS.toobig: return allocTooLarge(out[OUT.size]!, out[OUT.bytes]!, sites.locs[site]!);
      default: return new Error(`numbat: internal error: native kernel returned status ${kind}`);
    }
  };

  return (args) => {
    const flat: unknown[] = [out];
    // n-d arguments read once (their getters are the last user code before the call); lengths are the real
    // ones (runtime/intrinsics.ts): koffi passes each typed array's own memory, which holds exactly that many.
    const views = readViews(params, args);
    for (let i = 0; i < params.length; i++) {
      const t = params[i]!.type;
      const a = args[i];
      if (!isArray(t)) {
        flat.push(typeof a === "boolean" ? (a ? 1 : 0) : a);
      } else if (!t.nd) {
        flat.push(a, lengthOf(a));
      } else {
        const nd = views[i]!;
        flat.push(nd.data);
        for (let d = 0; d < t.ndim; d++) flat.push(nd.shape[d]);
        for (let d = 0; d < t.ndim; d++) flat.push(nd.stride[d]);
        flat.push(nd.offset);
      }
    }
    const status = main(...flat) as number;
    if (status !== 0) throw fail(status);
    if (ret === "void") return undefined;
    if (ret === "bool") return out[0] !== 0;
    if (!isArray(ret)) return out[0];
    return resultArray(ret, out, retFields.length, args, lib);
  };
}

/** The returned array: an argument's own object, or a kernel allocation copied into a numbat array. */
function resultArray(t: ArrayType, out: Float64Array, nfields: number, args: readonly unknown[], lib: Loaded): unknown {
  const owner = out[nfields]!;
  if (owner >= 0) return args[owner];
  if (owner !== -1) throw new Error("numbat: internal error: a returned array matches neither an allocation nor an argument");
  const ptr = out[0]!;
  const shape = t.nd ? Array.from(out.subarray(1, 1 + t.ndim)) : [out[1]!];
  const count = shape.reduce((x, y) => x * y, 1);
  const arr = empty(shape, DTYPES[t.dtype].name as DTypeName);
  lib.take(arr.data, ptr, count * DTYPES[t.dtype].bytes);
  return t.nd ? arr : arr.data;
}

