// The on-disk cache of compiled wasm kernels: `jit(fn, { cache: true })`, as Numba's `cache=True`
// (docs/cache.md). An entry holds the module's bytes and what the runtime needs to call them (the
// signature, the return type, which array parameters the kernel writes, error sites, Math imports,
// parallel regions), so a hit skips lowering, optimisation and code generation.
//
// The key covers everything the code depends on: numbat's build, the argument types, the options
// that change code, and the function's fingerprint — its source and name plus, recursively, every
// value in its `scope`: numbers and booleans by value, jitted (or plain) functions by their own
// fingerprint. So editing a callee, even one reached through another callee, invalidates its callers'
// entries (Numba keys only on the caller's file and misses this: numba/numba#3588).

import type { FuncIR, Type } from "../ir/nodes.js";
import type { WasmModule } from "../backends/wasm/codegen.js";
import { cacheDir, hashKey, numbatBuild, readSealed, writeSealed } from "../runtime/disk-cache.js";
import { join } from "node:path";

/** Bump when the entry layout changes. */
const FORMAT = "1";
const MAGIC = "NUMBAT-WASM-OK";

/** What identifies a jitted function's code (the Dispatcher provides it; this module never imports it). */
export interface CacheSubject {
  readonly fn: Function;
  readonly scope: Readonly<Record<string, unknown>> | undefined;
  /** The options that change the code this function compiles to (opt, boundscheck, parallel...). */
  readonly code: Readonly<Record<string, unknown>>;
}

/** Maps a scope value to a builtin's name (zeros, prange...) or to the subject of a function, else undefined. */
export type Describe = (v: unknown) => string | CacheSubject | undefined;

/** The fingerprint of a function: its source, name, code options and, recursively, its scope. */
export function fingerprint(s: CacheSubject, describe: Describe, visiting = new Set<Function>()): string {
  if (visiting.has(s.fn)) return `cycle:${s.fn.name}`; // recursion is rejected when compiling anyway
  visiting.add(s.fn);
  const parts = [Function.prototype.toString.call(s.fn), s.fn.name, JSON.stringify(s.code)];
  const scope = s.scope ?? {};
  for (const name of Object.keys(scope).sort()) {
    const v = scope[name];
    const d = typeof v === "function" ? describe(v) : undefined;
    parts.push(name, typeof v === "number" ? `num:${Object.is(v, -0) ? "-0" : String(v)}`
      : typeof v === "boolean" ? `bool:${v}`
      : typeof d === "string" ? `builtin:${d}`
      : d ? `fn:${fingerprint(d, describe, visiting)}`
      : `other:${typeof v}`); // a kernel cannot use it: compiling fails before anything is stored
  }
  visiting.delete(s.fn);
  return hashKey(parts);
}

/** The cache key of one compilation of `s` (target wasm) for `signature`. */
export function kernelKey(s: CacheSubject, signature: string, describe: Describe): string {
  return hashKey(["wasm-kernel", FORMAT, numbatBuild(), signature, fingerprint(s, describe)]);
}

function entryPath(key: string): string {
  return join(cacheDir("wasm"), `${key}.nbw`);
}

interface Header {
  readonly sites: WasmModule["sites"];
  readonly mathImports: WasmModule["mathImports"];
  readonly regions: WasmModule["regions"];
  readonly name: string;
  readonly sourceName: string;
  readonly params: { name: string; type: Type }[];
  readonly ret: Type;
  /** Indices of the array parameters the kernel writes (they are copied back after a call). */
  readonly written: number[];
}

/** A cache hit: the module, and an entry function carrying only what the runtime reads (params, ret, written). */
export interface CachedKernel {
  readonly mod: WasmModule;
  readonly entry: FuncIR;
}

/**
 * Entries this process loaded, by file (cache folder and key): a second jit() of the same function
 * (same options, argument types and callees) reads no file and gets the same module bytes, which the
 * wasm runtime compiled once (backends/wasm/runtime.ts).
 */
const loaded = new Map<string, CachedKernel>();

/** The entry for `key`, or undefined when it is missing, damaged or unreadable. Never throws. */
export function loadKernel(key: string): CachedKernel | undefined {
  let path: string;
  try { path = entryPath(key); } catch { return undefined; }
  const known = loaded.get(path);
  if (known) return known;
  const k = readKernel(path);
  if (k) loaded.set(path, k);
  return k;
}

function readKernel(path: string): CachedKernel | undefined {
  try {
    const body = readSealed(path, MAGIC);
    if (!body || body.length < 4) return undefined;
    const n = body.readUInt32LE(0);
    const h = JSON.parse(body.subarray(4, 4 + n).toString("utf8")) as Header;
    const bytes = new Uint8Array(body.subarray(4 + n));
    const params = h.params.map((p, i) => ({ id: -1 - i, name: p.name, type: p.type }));
    const entry: FuncIR = {
      name: h.name, sourceName: h.sourceName, params, ret: h.ret, body: [], locals: [], callees: [],
      written: new Set(h.written.map((i) => params[i]!)),
    };
    const wat = (): string => { throw new Error("numbat: internal error: the WAT of a cached kernel is printed by recompiling it"); };
    return { mod: { bytes, wat, sites: h.sites, mathImports: h.mathImports, regions: h.regions }, entry };
  } catch {
    return undefined; // a malformed entry (a numbat bug or a tampered file) is rebuilt like a damaged one
  }
}

let warned = false;

/** Stores a compiled kernel. A failure (read-only or full disk) is reported once and otherwise ignored. */
export function storeKernel(key: string, mod: WasmModule, ir: FuncIR): void {
  const h: Header = {
    sites: mod.sites, mathImports: mod.mathImports, regions: mod.regions, name: ir.name, sourceName: ir.sourceName,
    params: ir.params.map((p) => ({ name: p.name, type: p.type })), ret: ir.ret,
    written: ir.params.flatMap((p, i) => (ir.written.has(p) ? [i] : [])),
  };
  const json = Buffer.from(JSON.stringify(h), "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  try {
    const path = entryPath(key);
    loaded.delete(path); // an entry that loaded but did not instantiate is being replaced
    writeSealed(path, Buffer.concat([len, json, mod.bytes]), MAGIC);
  } catch (e) {
    if (!warned) console.warn(`numbat: cannot write the kernel cache (${(e as Error).message}); compiled code is not kept`);
    warned = true;
  }
}
