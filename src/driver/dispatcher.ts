// The dispatcher behind every jitted function: compiles lazily for each argument-type signature
// (Numba's dispatcher), caches the result, and resolves calls between jitted functions.

import { parseFunction, type ParsedFunction } from "../frontend/parse.js";
import { lowerFunction, type LowerEnv } from "../frontend/lower.js";
import type { FuncIR, Type } from "../ir/nodes.js";
import { optimize } from "../passes/pipeline.js";
import { float32Model } from "../passes/float32.js";
import { compileWasm } from "../backends/wasm/codegen.js";
import { copyClock, instantiateWasm } from "../backends/wasm/runtime.js";
import { TierUp, type TierUpPolicy, tierUpPolicy } from "../backends/native/tierup.js"; // tier-up to native (issue 6)
import { checkLength, signatureKey, typeOfValue } from "../runtime/signature.js";
import { callerResult, protocolArgs } from "../runtime/ndarray-protocols.js";
import { readViews } from "../runtime/views.js";
import { type ArrayType, isArray } from "../ir/types.js";
import { CompileError } from "../diagnostics/error.js";
import { parseTypeString } from "./typestring.js";
import { empty, ones, zeros } from "../runtime/ndarray.js";
import { prange } from "../runtime/prange.js";
import { type ParallelConfig, resolveThreads } from "../runtime/pool.js"; // parallel loops (issue 5)
import { type CacheSubject, kernelKey, loadKernel, storeKernel } from "./kernel-cache.js"; // on-disk cache (issue 9)
import type { WasmModule } from "../backends/wasm/codegen.js";
import { foreignAware } from "./foreign.js";
import { effectiveScope, mathFunctionName, namesInSource } from "../frontend/resolve.js";
import { closureVariables } from "./closure-scope.js";
import { SelfReference, lowerWithRecursion } from "./recursion.js";
import type { DiagnosticCode } from "../diagnostics/messages.js";
import { BACKENDS, type BuildOptions, type Built, type CpuTarget, type Inspectable, type Run, inspector, unavailable } from "./backends.js";
import { logTier, smallCall, whenIdle } from "./baseline.js";
import { forEachExpr, forEachStmt } from "../ir/walk.js";

export type Target = "auto" | "wasm" | "js" | "native";

export interface JitOptions {
  /** Where compiled code runs: "wasm" (default for "auto"), "js" (generated JavaScript, the reference) or "native" (C via the system compiler). */
  target?: Target;
  /** Check every array access (default true); false removes the checks for speed. */
  boundscheck?: boolean;
  /** Names the kernel may use from outside: other jitted functions, plain functions, numbers, booleans. */
  scope?: Record<string, unknown>;
  /** Optimisation level: 1 (default) runs the loop optimiser, 0 compiles the IR as lowered. */
  opt?: 0 | 1;
  /**
   * Allow reassociation of floating-point reductions (default false): `s += a[i]`, `s += a[i] * b[i]`
   * run as several partial sums in SIMD lanes. Results may differ from plain JS in the last bits;
   * docs/semantics.md#fastmath lists exactly what changes.
   */
  fastmath?: boolean;
  /**
   * The float32 model (default false): every `+ - * /` and `Math.sqrt` of float32 values (Float32Array
   * elements, Math.fround results, constants exact in binary32, variables holding only such values) is
   * rounded to binary32, as if written inside Math.fround — computed in f32 SIMD lanes.
   * docs/semantics.md#float32 gives the exact rule.
   */
  float32?: boolean;
  /** Signatures to compile eagerly, e.g. [["ndarray<float64,2>", "ndarray<float64,2>"]] or [["f64", "int"]]. */
  signatures?: readonly (readonly string[])[];
  // ---- parallel loops (issue 5, docs/parallel.md); the wasm and native targets ----
  /** `prange` loops run on worker threads unless false (then they are ordinary loops). */
  parallel?: boolean;
  /** Threads per parallel loop, the calling one included (default: NUMBAT_NUM_THREADS, else os.availableParallelism()); 1 compiles prange loops sequentially. */
  threads?: number;
  /** "static" (default): one contiguous chunk of iterations per thread; "dynamic": chunks of `chunk` iterations taken from a shared counter. */
  schedule?: "static" | "dynamic";
  /** Iterations per chunk with dynamic scheduling (default: about 8 chunks per thread). */
  chunk?: number;
  // ---- on-disk cache (issue 9, docs/cache.md) ----
  /**
   * Keep compiled wasm on disk and reuse it in later processes, as Numba's `cache=True` (default false;
   * target wasm). Keyed by the source, the argument types, the options above and, transitively, the
   * functions in `scope`. Location: NUMBAT_CACHE_DIR, else ~/.cache/numbat ($XDG_CACHE_HOME/numbat).
   */
  cache?: boolean;
  // ---- tier-up to native (issue 6, docs/native.md#tier-up) ----
  /**
   * Target "auto" only: run on wasm at once, build the native library in the background (a child
   * process) once the function is hot, and switch to it when it is loaded. `true` (or "native") is
   * `{ calls: 100, ms: 10 }`: hot after 100 calls, or after one call of at least 10 ms (`calls: 0`
   * builds at once). Stays on wasm without a C compiler, when the build fails, and for functions that
   * call C-library Math functions (whose last bit could differ).
   */
  tierUp?: boolean | "native" | { calls?: number; ms?: number };
  /**
   * Target "auto": "auto" (default) runs a small first call on the baseline tier (the js backend on the
   * unoptimised IR, cheap to produce) and builds the optimised wasm when idle or at the second call;
   * "eager" compiles the optimised code at the first call. docs/tiers.md.
   */
  tier?: "auto" | "eager";
}

export type { Inspectable } from "./backends.js";

/**
 * A frontend other than the JS one (e.g. src/frontend/python): the function it parsed once (name,
 * parameter names, source for messages) and its lowering to IR for one argument signature.
 */
export interface FrontendHook {
  readonly parsed: ParsedFunction;
  lower(types: Type[], env: LowerEnv, irName: string): FuncIR;
  /** Integer arguments up to this magnitude are `int` (default: JS's small ints, runtime/signature.ts). */
  readonly intLimit?: number;
}

interface Compiled {
  readonly key: string;
  readonly ir: FuncIR;
  readonly run: Run;
  readonly text: (what: Inspectable) => string;
  /** The tier-up of this signature (issue 6), when `tierUp` is on. */
  readonly tier?: TierUp;
}

const BUILTINS = new Map<unknown, string>([[zeros, "zeros"], [ones, "ones"], [empty, "empty"], [prange, "prange"]]);
// A process can hold two copies of numbat (the package bundle and dist/src modules): each tags its own
// builtins under a registry symbol, so a kernel may use either copy's zeros/prange.
const BUILTIN_TAG = Symbol.for("numbat.builtin");
for (const [f, name] of BUILTINS) Object.defineProperty(f, BUILTIN_TAG, { value: name });
const builtinOf = (v: unknown): string | undefined =>
  BUILTINS.get(v) ?? (typeof v === "function" ? ((v as unknown as Record<symbol, unknown>)[BUILTIN_TAG] as string | undefined) : undefined);
let nextId = 0;

export class Dispatcher {
  private parsedFn: ParsedFunction | undefined;
  private readonly irs = new Map<string, FuncIR>();
  private readonly compiled = new Map<string, Compiled>();
  private readonly inProgress = new Map<string, SelfReference>();
  /** Signatures whose first call ran on the baseline tier and whose optimised code is not built yet (driver/baseline.ts). */
  private readonly baselines = new Map<string, { types: Type[]; c: Compiled }>();
  /** Whether small first calls may run on the baseline tier. */
  private readonly baselineTier: boolean;
  private readonly id = nextId++;
  readonly target: CpuTarget;
  readonly boundscheck: boolean;
  /** Parallel loops (issue 5): how this function's prange loops run on the wasm target. */
  readonly parallel: ParallelConfig | undefined;
  /** Tier-up to native (issue 6): when to start the background build, or undefined when off. */
  readonly tierUp: TierUpPolicy | undefined;

  constructor(readonly fn: Function, readonly options: JitOptions, private readonly frontend?: FrontendHook) {
    const t = options.target ?? "auto";
    if (!["auto", "wasm", "js", "native"].includes(t))
      throw new TypeError(`numbat: target "${t}" is not available in this version; use "wasm" (the default), "js" or "native"`);
    this.target = t === "js" || t === "native" ? t : "wasm";
    BACKENDS[this.target].requireAvailable(); // fail early, naming what is missing (native: a C compiler)
    this.boundscheck = options.boundscheck ?? true;
    this.parallel = parallelConfig(options, this.target);
    this.tierUp = tierUpPolicy(options.tierUp);
    if (this.tierUp && t !== "auto") throw new TypeError(`numbat: tierUp needs target "auto" (it starts on wasm and moves to native), not "${t}"`);
    // An explicit target, the disk cache, tier-up and fastmath (whose wasm sums are reassociated) compile their own code at once.
    this.baselineTier = t === "auto" && options.tier !== "eager" && !options.cache && !this.tierUp && !options.fastmath && !options.signatures?.length;
  }

  get parsed(): ParsedFunction {
    return (this.parsedFn ??= this.frontend?.parsed ?? parseFunction(this.fn));
  }

  private lower(types: Type[], irName: string): FuncIR {
    const lowered = this.frontend ? this.frontend.lower(types, this.env(), irName) : lowerFunction(this.parsed, types, this.env(), irName);
    return this.options.float32 ? float32Model(lowered) : lowered;
  }

  get signatures(): string[] {
    return [...new Set([...this.compiled.keys(), ...this.baselines.keys()])];
  }

  /** Lowered IR for one signature; also used when another kernel calls this one. */
  irFor(types: Type[], fail?: (detail: string, help?: string, code?: DiagnosticCode) => never): FuncIR {
    const key = signatureKey(types);
    const cached = this.irs.get(key);
    if (cached) return cached;
    const pending = this.inProgress.get(key);
    if (pending) return pending.use(); // a recursive call (runtime/recursion.ts)
    const irName = `${this.parsed.name.replace(/\W/g, "_")}_${this.id}_${this.irs.size}`;
    return lowerWithRecursion({
      name: this.parsed.name, irName, types, inProgress: this.inProgress, key, fail,
      lower: () => this.lower(types, irName),
      optimize: (f) => optimize(f, this.options.opt ?? 1, { autoParallel: this.parallel !== undefined && this.options.parallel === true, fastmath: this.options.fastmath === true }),
      cache: (ir) => this.irs.set(key, ir),
    });
  }

  private resolved: Record<string, unknown> | undefined;

  /**
   * What free names mean (frontend/resolve.ts): the enclosing scopes' variables as plain JS sees
   * them, read once (at the first compile, so every signature sees the same constants), `scope` on top.
   */
  private get resolvedScope(): Record<string, unknown> {
    return (this.resolved ??= effectiveScope(this.frontend ? undefined : closureVariables(this.fn), this.options.scope));
  }

  private env(): LowerEnv {
    const scope = this.resolvedScope;
    return {
      scope,
      self: this.fn,
      builtinName: (v) => builtinOf(v) ?? mathFunctionName(v),
      resolveCallee: (callee, types, fail) => {
        const d = dispatcherOf(callee);
        if (!d) return fail("only jitted functions (or plain functions passed in `scope`) can be called from a kernel");
        const want = d.parsed.params.length;
        if (want < types.length) return d.irFor(types.slice(0, want), fail); // extra arguments are ignored, as in JS
        if (want !== types.length)
          return fail(`'${d.parsed.name}' takes ${want} parameter${want === 1 ? "" : "s"} but was called with ${types.length} argument${types.length === 1 ? "" : "s"}`, undefined, "NB202");
        return d.irFor(types, fail);
      },
    };
  }

  compile(types: Type[]): Compiled {
    const key = signatureKey(types);
    const hit = this.compiled.get(key);
    if (hit) return hit;
    try {
      return this.compileUncached(key, types);
    } catch (e) {
      // numbat's passes recurse over the syntax tree: nesting deep enough to exhaust the JS stack
      // becomes a CompileError rather than a raw RangeError from inside the compiler.
      if (e instanceof RangeError && /call stack/.test(e.message))
        throw new CompileError("NB100", "the function nests expressions or statements too deeply for numbat's compiler", 1, 1, this.parsed.name, "",
          "split deeply nested expressions or else-if chains into separate statements or functions");
      throw e;
    }
  }

  /**
   * One signature, from the disk cache or compiled by the target's backend (driver/backends.ts), then
   * wrapped in the layers that apply: n-d view checks (js), the foreign-array choice and tier-up (wasm).
   */
  private compileUncached(key: string, types: Type[]): Compiled {
    const disk = this.diskCache(key, types); // on-disk cache (issue 9)
    if (disk.hit) return disk.hit;
    const ir = this.irFor(types);
    const built: Built = this.target === "js" ? this.jsRunner(ir) : BACKENDS[this.target].build(ir, this.buildOptions);
    if (built.wasm && !ir.bound) disk.store?.(built.wasm, ir); // bound arrays are objects of this process
    const run = built.wasm ? this.withForeignChoice(built.run, ir, built.wasm, () => ir) : built.run;
    let c: Compiled = { key, ir, run, text: inspector(this.target, () => ir, built.source) };
    if (built.wasm && this.tierUp) c = this.withTierUp(c, this.tierUp); // tier-up to native (issue 6)
    c = withBoundArrays(c);
    this.compiled.set(key, c);
    if (this.baselines.delete(key)) logTier(this.parsed.name, key, `optimised ${this.target}`);
    return c;
  }

  /** The baseline tier for one signature: the js backend on the IR as lowered (driver/baseline.ts). */
  private baseline(key: string, types: Type[]): Compiled | undefined {
    const ir = this.lower(types, `${this.parsed.name.replace(/\W/g, "_")}_${this.id}_b${this.baselines.size}`);
    // prange loops asked for threads: they run on the optimised code from the first call. So does a
    // function that allocates a typed array (the js backend's is an ordinary one, wasm's lives in the heap).
    let parallel = false, flatAlloc = false;
    forEachStmt(ir.body, (s) => { if (s.k === "for" && s.parallel) parallel = true; });
    forEachExpr(ir.body, (e) => { if (e.k === "alloc" && !e.type.nd) flatAlloc = true; });
    if ((parallel && this.parallel) || flatAlloc) return undefined;
    const js = this.jsRunner(ir);
    const c = withBoundArrays({ key, ir, run: js.run, text: (w) => this.compile(types).text(w) });
    this.baselines.set(key, { types, c });
    logTier(this.parsed.name, key, "baseline (js backend, unoptimised IR)");
    // Errors surface at the next call, which compiles again in the caller's stack.
    whenIdle(() => { if (this.baselines.has(key)) try { this.compile(types); } catch { /* reported at the next call */ } });
    return c;
  }

  private get buildOptions(): BuildOptions {
    return { boundscheck: this.boundscheck, parallel: this.parallel };
  }

  /** The js backend's function for `ir`, with the n-d view checks the other targets make (generated JS indexes `data` directly). */
  private jsRunner(ir: FuncIR): Built {
    const js = BACKENDS.js.build(ir, this.buildOptions);
    const nd = ir.params.flatMap((p, i) => (isArray(p.type) && p.type.nd ? [i] : []));
    if (!nd.length) return js;
    const run = (args: readonly unknown[]) => {
      // n-d arguments read once (runtime/views.ts); the kernel gets the checked snapshots, and a returned snapshot is the caller's object.
      const own = [...args];
      const views = readViews(ir.params, args);
      for (const i of nd) own[i] = views[i];
      const r = js.run(own);
      const k = nd.find((i) => r === own[i]);
      return k === undefined ? r : args[k];
    };
    return { run, source: js.source };
  }

  /**
   * Target "auto": calls that would copy large arrays into the heap may run the js backend instead,
   * where it measured faster (driver/foreign.ts). Not with fastmath (its wasm sums are reassociated,
   * js's are not), parallel loops or tier-up.
   */
  private withForeignChoice(wasm: (args: readonly unknown[]) => unknown, entry: Pick<FuncIR, "params">, mod: Pick<WasmModule, "regions">, ir: () => FuncIR): (args: readonly unknown[]) => unknown {
    const arrays = entry.params.flatMap((p, i) => (isArray(p.type) ? [i] : []));
    if ((this.options.target ?? "auto") !== "auto" || this.options.fastmath || this.tierUp || mod.regions.length || !arrays.length) return wasm;
    return foreignAware(wasm, () => this.jsRunner(ir()).run, arrays, () => copyClock.ms);
  }

  // ---- on-disk cache (issue 9, docs/cache.md): the wasm target with `cache: true` ----

  /** What identifies this function's code in cache keys: source, scope, and the options that change code. */
  get cacheSubject(): CacheSubject {
    const code = { opt: this.options.opt ?? 1, boundscheck: this.boundscheck, outline: this.parallel !== undefined, auto: this.options.parallel === true, ...(this.options.fastmath ? { fastmath: true } : {}), ...(this.options.float32 ? { float32: true } : {}) };
    return { fn: this.fn, scope: namesInSource(Function.prototype.toString.call(this.fn), this.resolvedScope), code };
  }

  /** A kernel loaded from the disk cache, or (on a miss) how to store the one compiled now. */
  private diskCache(key: string, types: Type[]): { hit?: Compiled; store?: (mod: WasmModule, ir: FuncIR) => void } {
    if (!this.options.cache || this.target !== "wasm") return {};
    const diskKey = kernelKey(this.cacheSubject, key, (v) => builtinOf(v) ?? dispatcherOf(v)?.cacheSubject);
    const k = loadKernel(diskKey);
    if (k) {
      try {
        // The entry holds neither the IR nor the WAT: inspect() (and `ir`) compile them when asked.
        const ir = (): FuncIR => this.irFor(types);
        const run = this.withForeignChoice(instantiateWasm(k.mod, k.entry, this.parallel), k.entry, k.mod, ir);
        const wat = (): string => compileWasm(ir(), { boundscheck: this.boundscheck, parallel: this.parallel !== undefined }).wat();
        const hit: Compiled = { key, get ir() { return ir(); }, run, text: inspector("wasm", ir, wat) };
        this.compiled.set(key, hit);
        return { hit };
      } catch {
        // an entry that passes its checksum but does not instantiate: compile again and overwrite it
      }
    }
    return { store: (mod, ir) => storeKernel(diskKey, mod, ir) };
  }

  /** Before the source is parsed: a kernel in memory or on disk for these arguments, or undefined (then `call` parses and compiles). */
  private fromDiskUnparsed(args: readonly unknown[]): Compiled | undefined {
    let types: Type[];
    try { types = args.map((a, i) => typeOfValue(a, `#${i}`, this.fn.name, this.frontend?.intLimit)); } catch { return undefined; } // `call` reports it, naming the parameter
    const key = signatureKey(types);
    return this.compiled.get(key) ?? this.diskCache(key, types).hit;
  }

  // ---- tier-up to native (issue 6) ----

  /** `wasm` behind a TierUp: calls go to whichever tier is current; inspect("c") once the build started. */
  private withTierUp(wasm: Compiled, policy: TierUpPolicy): Compiled {
    const tier = new TierUp(wasm.ir, wasm.run, { boundscheck: this.boundscheck, parallel: this.parallel }, policy);
    const text = (w: Inspectable): string => (w === "c" ? tier.source() ?? unavailable(w, "wasm") : wasm.text(w));
    return { key: wasm.key, ir: wasm.ir, run: (args) => tier.run(args), text, tier };
  }

  /** The tier-up of a compiled signature (default: the latest), or undefined when tierUp is off. */
  /** Where the latest signature runs: "baseline", the target, or the tier-up's state. */
  tierName(): string | undefined {
    const keys = this.signatures, key = keys[keys.length - 1];
    if (key === undefined) return undefined;
    const c = this.compiled.get(key);
    return c ? c.tier?.tier ?? this.target : "baseline";
  }

  tierOf(signature?: string): TierUp | undefined {
    const all = [...this.compiled.values()];
    return (signature === undefined ? all[all.length - 1] : this.compiled.get(signature))?.tier;
  }

  compileSignature(sig: readonly string[]): void {
    this.compile(sig.map((s) => parseTypeString(s)));
  }

  call(given: readonly unknown[]): unknown {
    const { args, originals } = protocolArgs(given, (i) => this.parsed.params[i]?.name, this.fn.name);
    return originals ? callerResult(this.callProtocol(args), originals) : this.callProtocol(args);
  }

  /** A call whose n-d array arguments all carry scijs's field names (runtime/ndarray-protocols.ts). */
  private callProtocol(args: readonly unknown[]): unknown {
    const cached = this.options.cache && !this.parsedFn ? this.fromDiskUnparsed(args) : undefined; // on-disk cache (issue 9)
    if (cached) return cached.run(args);
    const params = this.parsed.params;
    if (args.length !== params.length)
      throw new TypeError(`${this.parsed.name}: expected ${params.length} argument${params.length === 1 ? "" : "s"}, got ${args.length}`);
    const types = args.map((a, i) => typeOfValue(a, params[i]?.name ?? `#${i}`, this.parsed.name, this.frontend?.intLimit));
    if (this.baselineTier) {
      const key = signatureKey(types);
      const first = !this.compiled.has(key) && !this.baselines.has(key) && smallCall(args) ? this.baseline(key, types) : undefined;
      if (first) return first.run(args);
    }
    return this.compile(types).run(args);
  }

  inspect(what: Inspectable, signature?: string | number): string {
    for (const { types } of [...this.baselines.values()]) this.compile(types); // what runs from now on
    const all = [...this.compiled.values()];
    if (all.length === 0) throw new Error(`${this.parsed.name}: nothing compiled yet; call the function once (or pass \`signatures\`) before inspecting it`);
    const c = signature === undefined ? all[all.length - 1]! : typeof signature === "number" ? all[signature] : this.compiled.get(signature);
    if (!c) throw new Error(`${this.parsed.name}: no compiled signature ${JSON.stringify(signature)}; have: ${this.signatures.join(" | ")}`);
    return c.text(what);
  }

  // ---- autodiff hooks (issue 8, src/autodiff): derivatives are new IR derived from a signature's IR ----

  /** The IR of one signature as lowered, before the optimiser runs (autodiff transforms this). */
  loweredIR(types: Type[]): FuncIR {
    return this.lower(types, `${this.parsed.name.replace(/\W/g, "_")}_${this.id}_d${this.irs.size}`);
  }

  /** Optimises and compiles IR derived from this function, for this function's target and options. */
  compileDerived(derived: FuncIR): { run: Run; text: (what: Inspectable) => string } {
    const ir = optimize(derived, this.options.opt ?? 1);
    const built: Built = BACKENDS[this.target].build(ir, { boundscheck: this.boundscheck, parallel: undefined });
    return { run: built.run, text: inspector(this.target, () => ir, built.source) };
  }
}

/** Parallel loops (issue 5): the thread configuration, or undefined when prange loops run sequentially. */
function parallelConfig(options: JitOptions, target: string): ParallelConfig | undefined {
  const { schedule = "static", chunk } = options;
  if (schedule !== "static" && schedule !== "dynamic") throw new TypeError(`numbat: schedule must be "static" or "dynamic", got ${JSON.stringify(schedule)}`);
  if (chunk !== undefined && (!Number.isInteger(chunk) || chunk < 1)) throw new TypeError(`numbat: the chunk option must be a positive integer, got ${String(chunk)}`);
  const threads = resolveThreads(options.threads);
  if ((target !== "wasm" && target !== "native") || options.parallel === false || threads <= 1) return undefined;
  return { threads, schedule, chunk };
}

/** Arrays the function binds from its enclosing scopes (FuncIR.bound) follow the caller's arguments. */
function withBoundArrays(c: Compiled): Compiled {
  const bound = c.ir.bound;
  if (!bound?.length) return c;
  const run = c.run;
  // Their length property is checked on each call as an argument's is (runtime/signature.ts): the js backend reads it.
  const names = c.ir.params.slice(-bound.length).map((p) => p.name), fn = c.ir.sourceName;
  return { key: c.key, ir: c.ir, text: c.text, ...(c.tier && { tier: c.tier }), run: (args) => {
    bound.forEach((b, k) => checkLength(b, names[k]!, fn));
    return run([...args, ...bound]);
  } };
}

const DISPATCHER = Symbol("numbat.dispatcher");
const implicit = new WeakMap<Function, Dispatcher>();

/** The dispatcher of a jitted function; plain functions get an implicit one (they compile when called from kernels). */
export function dispatcherOf(v: unknown): Dispatcher | undefined {
  if (typeof v !== "function") return undefined;
  const d = (v as unknown as { [DISPATCHER]?: Dispatcher })[DISPATCHER];
  if (d) return d;
  let imp = implicit.get(v);
  if (!imp) implicit.set(v, (imp = new Dispatcher(v, {})));
  return imp;
}

export function attachDispatcher(f: Function, d: Dispatcher): void {
  Object.defineProperty(f, DISPATCHER, { value: d });
}
