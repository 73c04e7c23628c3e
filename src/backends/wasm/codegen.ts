// WebAssembly code generation from numbat IR. One module per entry function: its callees become
// internal functions, and an exported `main` wrapper converts the JS-friendly ABI (f64 numbers,
// i32 pointers) to the internal one (i64 integers, arrays as component locals).

import { ModuleBuilder, type FunctionBuilder, type ValType } from "./encoder.js";
import type { ArrayType, Expr, FuncIR, Loc, MathFn, ScalarType, Stmt, Type, Var } from "../../ir/nodes.js";
import { DTYPES, DTYPE_NAMES, isArray } from "../../ir/types.js";
import { childExprs, forEachExpr, forEachStmt, mapExpr } from "../../ir/walk.js";
import { type NestFacts, affine } from "../../passes/affine.js";
import { analyzeNest } from "../../passes/nest.js";
import { type GuardedFacts, guardedIndices } from "../../passes/bounds.js";
import { LANES, type LaneKind, accessKind, laneKind, mentions, reductions, runningExtreme, vectorDtype } from "../../passes/vectorize.js";
import { MATH_FNS } from "../../ir/math.js";
import { heap } from "../../runtime/memory.js";
import { HELPERS, type HelperName, emitHelper } from "./helpers.js";
import { expMatchesEngine } from "./exp.js";
import { type Outlined, outlineParallel, outlinedInfo } from "../../passes/parallel.js";

export interface WasmOptions {
  readonly boundscheck: boolean;
  /** Outline parallel loops (prange) into exported functions that worker threads run (docs/parallel.md). */
  readonly parallel?: boolean;
}

/** Site tables: the JS side turns the small integers passed to error imports back into messages. */
export interface WasmSites {
  readonly locs: string[]; // "fn:line:col"
  readonly arrays: string[]; // array names for bounds errors
  readonly messages: { cls: string; msg: string }[];
}

export interface WasmModule {
  readonly bytes: Uint8Array;
  readonly wat: () => string;
  readonly sites: WasmSites;
  /** Imported Math functions, in import order: [importName, arity]. */
  readonly mathImports: [string, number][];
  /** Parallel regions (outlined loops), by region index; empty when the module has none. */
  readonly regions: RegionMeta[];
}

/** A parallel region: the outlined loop body exported as `par<region>(env, lo, hi, chunk)` (docs/parallel.md). */
export interface RegionMeta {
  readonly exportName: string;
  /** The loop's step and comparison: the runtime computes the trip count from (start, end). */
  readonly step: number;
  readonly cmp: "lt" | "le" | "gt" | "ge";
  /** 8-byte live-in slots at the start of the environment block; chunk partials follow them. */
  readonly slots: number;
  /** Reductions: each chunk writes this many 8-byte partial results. */
  readonly reductions: number;
  /** The body allocates (worker threads ask the calling thread, which then only serves them). */
  readonly allocates: boolean;
}

/** The ABI of the exported `main`: how each IR param is passed from JS. */
export function scalarVal(t: ScalarType): ValType {
  return t === "f64" ? "f64" : t === "int" ? "i64" : "i32";
}

/** Component names of an array value; all are i64 except the data pointer. */
export function arrayParts(t: ArrayType): string[] {
  if (!t.nd) return ["ptr", "len"];
  const parts = ["ptr"];
  for (let d = 0; d < t.ndim; d++) parts.push(`n${d}`);
  for (let d = 0; d < t.ndim; d++) parts.push(`s${d}`);
  parts.push("off");
  return parts;
}

function valTypes(t: Type): ValType[] {
  if (t === "void") return [];
  if (isArray(t)) return arrayParts(t).map((p) => (p === "ptr" ? "i32" : "i64"));
  return [scalarVal(t)];
}

/** JS-side types of main's params: numbers arrive as f64, pointers as i32, booleans as i32. */
function mainParamTypes(t: Type): ValType[] {
  if (isArray(t)) return arrayParts(t).map((p) => (p === "ptr" ? "i32" : "f64"));
  return t === "bool" ? ["i32"] : ["f64"];
}

/** Wasm params of an outlined loop body: (env block, first counter value, exclusive end, chunk index). */
const PAR_PARAMS: ValType[] = ["i32", "f64", "f64", "i32"];

/** Scratch address where `main` writes a returned array's descriptor (f64 each). */
export const RETURN_SCRATCH = 16;

const LOG2_BYTES: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };

/** Math functions with an f64x2 / f32x4 instruction of the same semantics. */
const SIMD_MATH = new Set<MathFn>(["sqrt", "abs", "floor", "ceil", "trunc", "min", "max"]);

/** Lane-wise instructions of each lane kind for the IR's binary operators (shifts take a scalar count). */
const SIMD_BINARY: Readonly<Record<LaneKind, Partial<Record<string, string>>>> = {
  f64x2: { add: "f64x2.add", sub: "f64x2.sub", mul: "f64x2.mul", div: "f64x2.div" },
  f32x4: { add: "f32x4.add", sub: "f32x4.sub", mul: "f32x4.mul", div: "f32x4.div" },
  i32x4: { add: "i32x4.add", sub: "i32x4.sub", mul: "i32x4.mul", bitand: "v128.and", bitor: "v128.or", bitxor: "v128.xor", shl: "i32x4.shl", shr: "i32x4.shr_s", ushr: "i32x4.shr_u" },
};

/** `x | 0`, `x ^ 0`, `x + 0`, `x - 0`, `x << 0`, `x >> 0`, `x >>> 0`: the identity on 32-bit lanes. */
function identity32(e: Extract<Expr, { k: "binary" }>): boolean {
  if (e.b.k !== "const") return false;
  const c = Number(e.b.value);
  if (e.op === "shl" || e.op === "shr" || e.op === "ushr") return c % 32 === 0;
  return ["add", "sub", "bitor", "bitxor"].includes(e.op) && c % 2 ** 32 === 0;
}

/** State of the vector loop being emitted (see FunctionEmitter.vectorLoop). */
interface VectorCtx {
  /** The vectorised loop's counter: lane k of part u runs iteration v + per·u + k. */
  readonly v: Var;
  readonly parts: number;
  /** What a lane holds (passes/vectorize.ts#laneKind), and lanes per register. */
  readonly kind: LaneKind;
  readonly per: number;
  readonly facts: NestFacts;
  /** v128 locals (one per part) of each variable the body assigns. */
  readonly lanes: ReadonlyMap<Var, number[]>;
  /** The counter and the lane variables. */
  readonly varying: ReadonlySet<Var>;
  /** Values laneExpr reads from locals (one per part) computed ahead by pairExps. */
  readonly computed: Map<Expr, number[]>;
  /** Reductions of an `ordered` loop: their scalar accumulator takes the lanes' operands in order. */
  readonly ordered: Map<Var, "add" | "sub" | "mul">;
  readonly hoisted: Map<Expr, number>;
  readonly bases: Map<object, { local: number; shift: number }>;
  readonly deps: Map<Expr, boolean>;
  readonly unit: Map<object, boolean>;
  /** Part 0's address of an access whose address is computed in the loop: the other parts reuse it. */
  readonly addrs: Map<object, number>;
  /** Strided loads: byte distance from lane 0 to lane L (index L; hoisted). */
  readonly gathers: Map<Expr, number[]>;
}

const IMPORTED_MATH = new Set<MathFn>(["sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "exp", "expm1", "log", "log1p", "log2", "log10", "cbrt", "pow", "hypot", "random"]);

/** A constant or a variable: evaluating it costs nothing and cannot fail. */
const trivial = (e: Expr): boolean => e.k === "const" || (e.k === "var" && !isArray(e.type));

/**
 * A small expression of scalars and arithmetic that cannot throw or call out: evaluating it
 * unconditionally (instead of branching around it) is cheaper and invisible.
 */
function cheapAndPure(e: Expr): boolean {
  let size = 0, ok = true;
  forEachExpr([{ k: "expr", x: e }], (x) => {
    size++;
    if (!["const", "var", "unary", "binary", "logical"].includes(x.k) || (x.k === "var" && isArray(x.type))) ok = false;
    if (x.k === "binary" && x.type === "int" && (x.op === "div" || x.op === "mod")) ok = false;
  });
  return ok && size <= 12;
}

/** Math functions computed by numbat's own wasm (bit for bit the engine's, checked once per process) rather than imported. */
const inlineMath = (fn: MathFn): boolean => fn === "exp" && expMatchesEngine();

export function compileWasm(entry: FuncIR, opts: WasmOptions): WasmModule {
  return new WasmCodegen(opts.parallel ? outlineParallel(entry) : entry, opts).build();
}

/** Environment-block slots of each live-in of an outlined loop: one 8-byte slot per wasm value. */
function liveInSlots(o: Outlined): number {
  return o.liveIns.reduce((n, v) => n + valTypes(v.type).length, 0);
}

class WasmCodegen {
  private mb = new ModuleBuilder();
  private sites: WasmSites = { locs: [], arrays: [], messages: [] };
  private imports: Record<string, number> = {};
  private mathImports: [string, number][] = [];
  private helpers = new Map<HelperName, number>();
  private funcIndex = new Map<FuncIR, number>();

  constructor(private readonly entry: FuncIR, private readonly opts: WasmOptions) {}

  build(): WasmModule {
    const funcs = [...this.entry.callees, this.entry];
    // The module imports numbat's heap as it is: shared where SharedArrayBuffer exists (threads, views
    // that survive growth), unshared on pages without cross-origin isolation (one thread).
    this.mb.importMemory("env", "memory", { initial: 1, maximum: 65536, shared: heap.shared });
    const imp = (name: string, params: ValType[], results: ValType[] = []) => {
      this.imports[name] = this.mb.importFunction("env", name, params, results);
    };
    imp("throw_user", ["i32"]);
    imp("oob", ["i32", "i32", "i32", "f64", "f64", "i32"]);
    imp("rem0", ["i32"]);
    imp("alloc", ["f64", "i32", "i32", "i32"], ["i32"]);
    imp("fmod", ["f64", "f64"], ["f64"]);
    // Parallel regions: par_begin(region, start, end) -> env block; par_run(region) -> chunks run.
    const outlined = funcs.filter((f) => outlinedInfo(f));
    if (outlined.length) {
      imp("par_begin", ["i32", "f64", "f64"], ["i32"]);
      imp("par_run", ["i32"], ["i32"]);
    }
    // Math functions the module uses: V8 calls imported Math builtins directly, with its own results.
    const used = new Map<string, number>();
    for (const f of funcs)
      forEachExpr(f.body, (e) => {
        if (e.k === "math" && IMPORTED_MATH.has(e.fn) && !inlineMath(e.fn)) used.set(e.fn === "hypot" ? `hypot${e.args.length}` : e.fn, e.args.length);
      });
    for (const [name, arity] of used) {
      imp(`math_${name}`, Array(arity).fill("f64"), ["f64"]);
      this.mathImports.push([name, arity]);
    }
    const usedHelpers = this.scanHelpers(funcs);
    for (const h of usedHelpers) {
      const spec = HELPERS[h];
      const fb = this.mb.addFunction(`$${h}`, [...spec.params], [...spec.results]);
      this.helpers.set(h, fb.index);
      emitHelper(h, fb, (n) => this.helpers.get(n)!);
      fb.finish();
    }
    const builders = funcs.map((f) => {
      const params = outlinedInfo(f) ? PAR_PARAMS : f.params.flatMap((p) => valTypes(p.type));
      const fb = this.mb.addFunction(f.name, params, valTypes(f.ret));
      this.funcIndex.set(f, fb.index);
      return fb;
    });
    funcs.forEach((f, i) => new FunctionEmitter(this, f, builders[i]!).emit());
    this.emitMain();
    const regions: RegionMeta[] = [];
    for (const f of outlined) {
      const o = outlinedInfo(f)!;
      const exportName = `par${o.region}`;
      this.mb.exportFunction(exportName, this.callIndex(f));
      regions[o.region] = { exportName, step: o.step, cmp: o.cmp, slots: liveInSlots(o), reductions: o.reductions.length, allocates: o.allocates };
    }
    return { bytes: this.mb.toBytes(), wat: () => this.mb.toWat(), sites: this.sites, mathImports: this.mathImports, regions };
  }

  private scanHelpers(funcs: FuncIR[]): HelperName[] {
    const need = new Set<HelperName>();
    for (const f of funcs)
      forEachExpr(f.body, (e) => {
        if (e.k === "cast" && (e.op === "f2i32" || e.op === "f2u8c")) need.add(e.op);
        if (e.k === "math" && (e.fn === "round" || e.fn === "sign")) need.add(e.fn === "round" ? "round" : e.type === "int" ? "isign" : "sign");
        if (e.k === "math" && inlineMath(e.fn)) need.add(e.fn as HelperName);
      });
    // exp in a vector loop: the SIMD versions (which call the scalar one for unusual lanes).
    for (const f of funcs)
      forEachStmt(f.body, (s) => {
        if (s.k === "for" && s.vector) forEachExpr(s.body, (e) => { if (e.k === "math" && inlineMath(e.fn)) { need.add("exp2"); need.add("exp4"); } });
      });
    const order = Object.keys(HELPERS) as HelperName[]; // a helper's callees come first
    return [...need].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  importIndex(name: string): number {
    return this.imports[name]!;
  }

  helper(name: HelperName): number {
    return this.helpers.get(name)!;
  }

  callIndex(f: FuncIR): number {
    return this.funcIndex.get(f)!;
  }

  site(fn: FuncIR, loc: Loc): number {
    this.sites.locs.push(`${fn.sourceName}:${loc.line}:${loc.column}`);
    return this.sites.locs.length - 1;
  }

  arraySite(name: string): number {
    this.sites.arrays.push(name);
    return this.sites.arrays.length - 1;
  }

  message(cls: string, msg: string): number {
    this.sites.messages.push({ cls, msg });
    return this.sites.messages.length - 1;
  }

  get boundscheck(): boolean {
    return this.opts.boundscheck;
  }

  /** `main`: JS-friendly params, calls the entry, converts or spills the result. */
  private emitMain(): void {
    const f = this.entry;
    const params = f.params.flatMap((p) => mainParamTypes(p.type));
    const ret = f.ret;
    const results: ValType[] = ret === "void" || isArray(ret) ? [] : ret === "bool" ? ["i32"] : ["f64"];
    const fb = this.mb.addFunction("main", params, results);
    let i = 0;
    for (const p of f.params) {
      for (const t of mainParamTypes(p.type)) {
        fb.op("local.get", i++);
        if (t === "f64" && (isArray(p.type) || p.type === "int")) fb.op("i64.trunc_sat_f64_s");
      }
    }
    fb.op("call", this.callIndex(f));
    if (ret === "int") fb.op("f64.convert_i64_s");
    if (isArray(ret)) {
      // Components are on the stack, last on top: store them back to front.
      const parts = arrayParts(ret);
      const locals = parts.map((p) => fb.local(p === "ptr" ? "i32" : "i64"));
      for (let k = parts.length - 1; k >= 0; k--) fb.op("local.set", locals[k]!);
      parts.forEach((p, k) => {
        fb.op("i32.const", RETURN_SCRATCH + 8 * k).op("local.get", locals[k]!);
        fb.op(p === "ptr" ? "f64.convert_i32_u" : "f64.convert_i64_s");
        fb.op("f64.store");
      });
    }
    fb.finish();
    this.mb.exportFunction("main", fb.index);
  }
}

/** Emits one IR function into its FunctionBuilder. */
class FunctionEmitter {
  private locals = new Map<Var, number[]>();
  private scratch = new Map<ValType, number[]>();
  /** Index conversions that dominating tests prove integral and in range. */
  private readonly guarded: GuardedFacts;

  constructor(private readonly g: WasmCodegen, private readonly f: FuncIR, private readonly fb: FunctionBuilder) {
    this.guarded = guardedIndices(f);
  }

  emit(): void {
    const o = outlinedInfo(this.f);
    if (o) return this.emitOutlined(o);
    let i = 0;
    for (const p of this.f.params) {
      const n = valTypes(p.type).length;
      const idx = Array.from({ length: n }, () => i++);
      this.locals.set(p, idx);
      const names = isArray(p.type) ? arrayParts(p.type).map((x) => `${p.name}.${x}`) : [p.name];
      idx.forEach((l, k) => this.fb.nameParam(l, names[k]!));
    }
    for (const v of this.f.locals) this.declare(v);
    this.block(this.f.body);
    // Falling off the end: JS returns undefined; the frontend only allows that for void functions.
    if (this.f.ret !== "void") this.fb.op("unreachable");
    this.fb.finish();
  }

  /**
   * An outlined loop body, `par<k>(env: i32, lo: f64, hi: f64, chunk: i32)`: loads the live-ins from
   * the environment block, runs iterations [lo, hi) (as counter values, exclusive end), then stores
   * each reduction's partial result in the chunk's slots after the live-ins.
   */
  private emitOutlined(o: Outlined): void {
    const fb = this.fb;
    ["env", "lo", "hi", "chunk"].forEach((n, k) => fb.nameParam(k, n));
    for (const p of this.f.params) this.declare(p);
    const [lo] = this.loc(o.lo), [hi] = this.loc(o.hi);
    fb.op("local.get", 1).op("i64.trunc_sat_f64_s").op("local.set", lo!);
    fb.op("local.get", 2).op("i64.trunc_sat_f64_s").op("local.set", hi!);
    let slot = 0;
    for (const v of o.liveIns) {
      const ls = this.loc(v);
      valTypes(v.type).forEach((t, k) => {
        fb.op("local.get", 0).op(`${t as "i32" | "i64" | "f64"}.load`, { offset: 8 * slot++ }).op("local.set", ls[k]!);
      });
    }
    for (const v of this.f.locals) this.declare(v);
    this.block(this.f.body);
    // Partials: env + 8 * (slots + chunk * reductions + r).
    o.reductions.forEach((r, k) => {
      fb.op("local.get", 0).op("local.get", 3).op("i32.const", 8 * o.reductions.length).op("i32.mul").op("i32.add");
      fb.op("local.get", this.loc(r.v)[0]!).op(r.v.type === "f64" ? "f64.store" : "i64.store", { offset: 8 * (slot + k) });
    });
    fb.finish();
  }

  /**
   * Runs an outlined loop on the thread pool: par_begin gives the environment block, the live-ins are
   * stored into it, par_run runs every chunk (and throws what a chunk threw), then each reduction
   * combines the chunks' partials into the variable, in chunk order.
   */
  private parallelCall(e: Extract<Expr, { k: "call" }>, o: Outlined): void {
    const fb = this.fb;
    const env = this.tmp("i32");
    fb.op("i32.const", o.region);
    this.expr(e.args[0]!);
    fb.op("f64.convert_i64_s");
    this.expr(e.args[1]!);
    fb.op("f64.convert_i64_s");
    fb.op("call", this.g.importIndex("par_begin")).op("local.set", env);
    let slot = 0;
    for (const v of o.liveIns) {
      const ls = this.loc(v);
      valTypes(v.type).forEach((t, k) => {
        fb.op("local.get", env).op("local.get", ls[k]!).op(`${t as "i32" | "i64" | "f64"}.store`, { offset: 8 * slot++ });
      });
    }
    const chunks = this.tmp("i32");
    fb.op("i32.const", o.region).op("call", this.g.importIndex("par_run")).op("local.set", chunks);
    if (o.reductions.length) {
      const c = this.tmp("i32"), at = this.tmp("i32");
      o.reductions.forEach((r, k) => {
        const isF = r.v.type === "f64";
        const [acc] = this.loc(r.v);
        fb.op("i32.const", 0).op("local.set", c);
        fb.op("local.get", env).op("i32.const", 8 * (slot + k)).op("i32.add").op("local.set", at);
        fb.block(null, `rbrk`);
        fb.loop(null, `rtop`);
        fb.op("local.get", c).op("local.get", chunks).op("i32.ge_u").brIf("rbrk");
        fb.op("local.get", acc!).op("local.get", at).op(isF ? "f64.load" : "i64.load");
        if (r.op === "add" || r.op === "mul") fb.op(`${isF ? "f64" : "i64"}.${r.op}`);
        else if (isF) fb.op(`f64.${r.op}`);
        else this.intMinMax(r.op);
        fb.op("local.set", acc!);
        fb.op("local.get", at).op("i32.const", 8 * o.reductions.length).op("i32.add").op("local.set", at);
        fb.op("local.get", c).op("i32.const", 1).op("i32.add").op("local.set", c);
        fb.br("rtop");
        fb.end();
        fb.end();
      });
      this.release("i32", c);
      this.release("i32", at);
    }
    this.release("i32", chunks);
    this.release("i32", env);
  }

  private declare(v: Var): number[] {
    const ts = valTypes(v.type);
    const names = isArray(v.type) ? arrayParts(v.type).map((x) => `${v.name}.${x}`) : [v.name];
    const idx = ts.map((t, k) => this.fb.local(t, `${names[k]}_${v.id}`));
    this.locals.set(v, idx);
    return idx;
  }

  private loc(v: Var): number[] {
    return this.locals.get(v) ?? this.declare(v);
  }

  /** A scratch local of type `t`, freed with `release`. */
  private tmp(t: ValType): number {
    const pool = this.scratch.get(t) ?? [];
    this.scratch.set(t, pool);
    return pool.pop() ?? this.fb.local(t, `tmp_${t}`);
  }

  private release(t: ValType, l: number): void {
    this.scratch.get(t)!.push(l);
  }

  // ---- statements -------------------------------------------------------------------------------

  private block(stmts: readonly Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    const fb = this.fb;
    switch (s.k) {
      case "assign": {
        this.expr(s.x);
        const ls = this.loc(s.v);
        for (let k = ls.length - 1; k >= 0; k--) fb.op("local.set", ls[k]!);
        return;
      }
      case "store": return this.store(s);
      case "expr": {
        this.expr(s.x);
        for (let k = valTypes(s.x.type).length; k > 0; k--) fb.op("drop");
        return;
      }
      case "if":
        this.expr(s.c);
        fb.if(null);
        this.block(s.then);
        if (s.else.length) {
          fb.else();
          this.block(s.else);
        }
        fb.end();
        return;
      case "for": return this.forLoop(s);
      case "loop": return this.loop(s);
      case "break": fb.br(`brk${s.label}`); return;
      case "continue": fb.br(`cont${s.label}`); return;
      case "return":
        if (s.x) this.expr(s.x);
        fb.op("return");
        return;
      case "throw":
        fb.op("i32.const", this.g.message(s.cls, s.msg)).op("call", this.g.importIndex("throw_user")).op("unreachable");
        return;
    }
  }

  private forLoop(s: Extract<Stmt, { k: "for" }>, body: (stmts: readonly Stmt[]) => void = (b) => this.block(b)): void {
    const fb = this.fb;
    const [v] = this.loc(s.v);
    const end = this.fb.local("i64", `end${s.label}`);
    this.expr(s.start);
    fb.op("local.set", v!);
    this.expr(s.end);
    fb.op("local.set", end);
    const exitIf = { lt: "i64.ge_s", le: "i64.gt_s", gt: "i64.le_s", ge: "i64.lt_s" } as const;
    if (s.vector && !this.vec) {
      // A loop-carried distance the vectoriser could not settle: the SIMD part only where it allows.
      if (s.vectorIf) {
        this.expr(s.vectorIf);
        this.fb.if();
      }
      this.vectorLoop(s, v!, end, exitIf[s.cmp]);
      if (s.vectorIf) this.fb.end();
    }
    fb.block(null, `brk${s.label}`);
    fb.loop(null, `top${s.label}`);
    fb.op("local.get", v!).op("local.get", end).op(exitIf[s.cmp]).brIf(`brk${s.label}`);
    fb.block(null, `cont${s.label}`);
    body(s.body);
    fb.end();
    fb.op("local.get", v!).op("i64.const", s.step).op("i64.add").op("local.set", v!);
    fb.br(`top${s.label}`);
    fb.end();
    fb.end();
  }

  /**
   * The SIMD part of a vectorised loop (passes/vectorize.ts): runs `s.vector` iterations at a time
   * while that many remain, as `s.vector / per` registers ("parts") of `per` lanes — f64x2, or f32x4 /
   * i32x4 where `laneKind` says so; the scalar loop that follows finishes the rest. The body is
   * assignments, stores and inner counted loops with uniform bounds (run once for all lanes). Every
   * variable the body assigns lives in one v128 local per part; a reduction's locals are partial
   * accumulators, combined into the variable after the loop.
   */
  private vectorLoop(s: Extract<Stmt, { k: "for" }>, v: number, end: number, exit: "i64.ge_s" | "i64.gt_s" | "i64.le_s" | "i64.lt_s"): void {
    const fb = this.fb;
    const width = s.vector!;
    const kind = laneKind(s), per = LANES[kind];
    const parts = width / per;
    const facts = analyzeNest(s).facts;
    const lanes = new Map<Var, number[]>();
    forEachStmt(s.body, (st) => {
      if (st.k === "assign" && !lanes.has(st.v)) lanes.set(st.v, Array.from({ length: parts }, (_, u) => fb.local("v128", `${st.v.name}_${kind}_${u}`)));
    });
    const vc: VectorCtx = { v: s.v, parts, kind, per, facts, lanes, varying: new Set([s.v, ...lanes.keys()]), ordered: new Map(), computed: new Map(), hoisted: new Map(), bases: new Map(), deps: new Map(), unit: new Map(), addrs: new Map(), gathers: new Map() };
    this.vec = vc;
    // Accumulators start as (r, identity, identity, ...): the combined partials are r op (the loop's operands).
    // In an `ordered` loop the + - * reductions keep their scalar variable instead (vectorBlock).
    const reds = reductions(s.body);
    if (s.ordered) for (const [r, op] of reds) if (op === "add" || op === "sub" || op === "mul") { reds.delete(r); vc.ordered.set(r, op); }
    // A running extreme ends in a zero: +0 and -0 tie, and only scalar order says which came first.
    // Then the loop runs again from the start, in scalar order (stores repeat the same values).
    const rerun = [...reds.values()].some((op) => op === "pmax" || op === "pmin");
    const saved = rerun ? { v: fb.local("i64", "vstart"), r: [...reds.keys()].map((r) => fb.local("f64", `${r.name}_start`)) } : undefined;
    if (saved) {
      fb.op("local.get", v).op("local.set", saved.v);
      [...reds.keys()].forEach((r, k) => fb.op("local.get", this.loc(r)[0]!).op("local.set", saved.r[k]!));
    }
    for (const [r, op] of reds) {
      const [scalar] = this.loc(r);
      lanes.get(r)!.forEach((l, u) => {
        if (op === "min" || op === "max" || op === "pmax" || op === "pmin") fb.op("local.get", scalar!).op("f64x2.splat");
        else {
          fb.op("f64.const", op === "mul" ? 1 : -0).op("f64x2.splat");
          if (u === 0) fb.op("local.get", scalar!).op("f64x2.replace_lane", 0);
        }
        fb.op("local.set", l);
      });
    }
    // Splat loop-invariant values once, before the loop (they read nothing the loop writes and cannot trap).
    const scalarType = kind === "i32x4" ? "int" : "f64";
    const hoist = (e: Expr): void => {
      if (!mentions(e, facts.assigned)) {
        if (e.k === "const" || e.type !== scalarType || !this.cannotTrap(e) || vc.hoisted.has(e)) return;
        const l = fb.local("v128", "splat");
        this.expr(e);
        this.splat();
        fb.op("local.set", l);
        vc.hoisted.set(e, l);
        return;
      }
      // Recurse only through lane-wise operations (laneExpr's cases), never into subscripts or shift counts.
      if (e.k === "binary" && (e.op === "shl" || e.op === "shr" || e.op === "ushr")) hoist(e.a);
      else if (e.k === "binary" || e.k === "unary" || e.k === "math") childExprs(e).forEach(hoist);
    };
    forEachStmt(s.body, (st) => { if (st.k === "assign" || st.k === "store") hoist(st.x); });
    // A contiguous access whose subscripts use no variable of the loop but the counter has the address
    // base + v * elementBytes, with base (the address at v = 0) computed once here.
    const zero: Expr = { k: "const", type: "int", value: 0 };
    const others = new Set([...facts.assigned].filter((x) => x !== s.v));
    const base = (arr: Var, idx: readonly Expr[], key: object): void => {
      if (!this.isUnit(key, arr, idx) || idx.some((i) => mentions(i, others))) return;
      const l = fb.local("i32", `${arr.name}_base`);
      this.address(arr, idx.map((i) => mapExpr(i, (x) => (x.k === "var" && x.v === s.v ? zero : x))), { line: 0, column: 0 }, true);
      fb.op("local.set", l);
      vc.bases.set(key, { local: l, shift: LOG2_BYTES[DTYPES[(arr.type as ArrayType).dtype].bytes]! });
    };
    forEachStmt(s.body, (st) => { if (st.k === "store") base(st.arr, st.idx, st); });
    forEachExpr(s.body, (e) => { if (e.k === "load" && !vc.hoisted.has(e)) base(e.arr, e.idx, e); });
    // A strided load affine in the counter: lane L's address is lane 0's plus L times a distance computed here.
    forEachExpr(s.body, (e) => {
      if (e.k !== "load" || !vectorDtype(kind, (e.arr.type as ArrayType).dtype) || vc.hoisted.has(e) || this.isUnit(e, e.arr, e.idx) || !e.idx.some((i) => mentions(i, s.v))) return;
      const subs = e.idx.map((i) => affine(i, facts));
      if (subs.some((a) => !a)) return;
      const t = e.arr.type as ArrayType;
      fb.op("i64.const", 0);
      subs.forEach((a, d) => {
        const c = a!.terms.get(s.v);
        if (!c) return;
        this.expr(c);
        if (t.nd) fb.op("local.get", this.part(e.arr, `s${d}`)).op("i64.mul");
        fb.op("i64.add");
      });
      const one = fb.local("i32", `${e.arr.name}_lane`);
      fb.op("i32.wrap_i64").op("i32.const", LOG2_BYTES[DTYPES[t.dtype].bytes]!).op("i32.shl").op("local.set", one);
      const dist = [0, one];
      for (let L = 2; L < width; L++) {
        const l = fb.local("i32", `${e.arr.name}_lane`);
        fb.op("local.get", one).op("i32.const", L).op("i32.mul").op("local.set", l);
        dist.push(l);
      }
      vc.gathers.set(e, dist);
    });
    fb.block(null, `vbrk${s.label}`);
    fb.loop(null, `vtop${s.label}`);
    fb.op("local.get", v).op("i64.const", width - 1).op("i64.add").op("local.get", end).op(exit).brIf(`vbrk${s.label}`);
    this.vectorBlock(s.body);
    fb.op("local.get", v).op("i64.const", width).op("i64.add").op("local.set", v);
    fb.br(`vtop${s.label}`);
    fb.end();
    fb.end();
    // Partial results, combined (differences were accumulated separately: they add up).
    for (const [r, op] of reds) {
      const simd = op === "sub" ? "add" : op;
      const acc = lanes.get(r)!;
      fb.op("local.get", acc[0]!);
      for (const l of acc.slice(1)) fb.op("local.get", l).op(`f64x2.${simd}`);
      const t = this.tmp("v128");
      fb.op("local.tee", t).op("f64x2.extract_lane", 0).op("local.get", t).op("f64x2.extract_lane", 1);
      if (op === "pmax" || op === "pmin") {
        // pmax(a, b) = a < b ? b : a; pmin(a, b) = b < a ? b : a.
        const a = this.tmp("f64"), b = this.tmp("f64");
        fb.op("local.set", b).op("local.set", a);
        const [x, y] = op === "pmax" ? [a, b] : [b, a];
        fb.op("local.get", b).op("local.get", a).op("local.get", x).op("local.get", y).op("f64.lt").op("select");
        this.release("f64", a);
        this.release("f64", b);
      } else fb.op(`f64.${simd as "add" | "mul" | "min" | "max"}`);
      fb.op("local.set", this.loc(r)[0]!);
      this.release("v128", t);
    }
    if (saved) {
      const zero = [...reds].filter(([, op]) => op === "pmax" || op === "pmin").map(([r]) => r);
      zero.forEach((r, k) => {
        fb.op("local.get", this.loc(r)[0]!).op("f64.const", 0).op("f64.eq");
        if (k > 0) fb.op("i32.or");
      });
      fb.if(null);
      fb.op("local.get", saved.v).op("local.set", v);
      [...reds.keys()].forEach((r, k) => fb.op("local.get", saved.r[k]!).op("local.set", this.loc(r)[0]!));
      fb.end();
    }
    this.vec = undefined;
  }

  /** Statements of a vector loop: each assignment and store once per part; inner loops once for all lanes. */
  private vectorBlock(stmts: readonly Stmt[]): void {
    const fb = this.fb, vc = this.vec!;
    for (const st of stmts) {
      if (st.k === "for") {
        this.forLoop(st, (b) => this.vectorBlock(b));
        continue;
      }
      const running = runningExtreme(st);
      if (running) {
        // if (x > r) r = x, lane by lane: pmax(r, x) = r < x ? x : r (pmin: x < r ? x : r).
        const ls = vc.lanes.get(running.r)!;
        for (let u = 0; u < vc.parts; u++) {
          fb.op("local.get", ls[u]!);
          this.laneExpr(running.x, u);
          fb.op(`f64x2.${running.op}`).op("local.set", ls[u]!);
        }
        continue;
      }
      if ((st.k === "assign" || st.k === "store") && vc.kind === "f64x2") this.pairExps(st.x);
      const op = st.k === "assign" ? vc.ordered.get(st.v) : undefined;
      if (op && st.k === "assign") {
        // r = r op x: each part's x in lanes, then r takes lane 0, lane 1 of part 0, part 1, ... in order.
        const [r] = this.loc(st.v);
        const x = childExprs(st.x).find((c) => !(c.k === "var" && c.v === st.v))!;
        const t = this.tmp("v128");
        for (let u = 0; u < vc.parts; u++) {
          this.laneExpr(x, u);
          fb.op("local.set", t);
          for (let k = 0; k < vc.per; k++) fb.op("local.get", r!).op("local.get", t).op("f64x2.extract_lane", k).op(`f64.${op}`).op("local.set", r!);
        }
        this.release("v128", t);
        continue;
      }
      if (st.k === "assign" && !this.varies(st.x)) {
        // The same value in every lane: computed once, copied to the other parts.
        const ls = vc.lanes.get(st.v)!;
        this.laneExpr(st.x, 0);
        for (let u = 1; u < vc.parts; u++) fb.op("local.tee", ls[u - 1]!);
        fb.op("local.set", ls[vc.parts - 1]!);
        continue;
      }
      for (let u = 0; u < vc.parts; u++) {
        if (st.k === "assign") {
          this.laneExpr(st.x, u);
          fb.op("local.set", vc.lanes.get(st.v)![u]!);
        } else if (st.k === "store") {
          this.vectorAddress(st, st.arr, st.idx, st.loc, u);
          this.laneExpr(st.x, u);
          const bytes = DTYPES[(st.arr.type as ArrayType).dtype].bytes;
          // f64 lanes into a Float32Array: each lane rounds as a scalar store would, 8 bytes per part.
          if (vc.kind === "f64x2" && bytes === 4) fb.op("f32x4.demote_f64x2_zero").op("i64x2.extract_lane", 0).op("i64.store", { offset: 8 * u });
          else fb.op("v128.store", { offset: 16 * u });
        } else throw new Error(`wasm codegen: cannot vectorise a '${st.k}' statement`);
      }
    }
  }

  private vec: VectorCtx | undefined;

  /**
   * Computes the lane-varying exp calls of `e` two parts at a time (exp4: the two chains of dependent
   * operations interleave), into locals that laneExpr then reads. The statement's parts are independent,
   * so computing part u + 1's exp before part u's statement changes nothing.
   */
  private pairExps(e: Expr): void {
    const fb = this.fb, vc = this.vec!;
    if (vc.parts < 2) return;
    const calls: Expr[] = [];
    const visit = (x: Expr): void => {
      if (x.k === "math" && inlineMath(x.fn) && this.varies(x) && !vc.hoisted.has(x)) calls.push(x);
      else childExprs(x).forEach(visit);
    };
    visit(e);
    for (const call of calls) {
      const ls = Array.from({ length: vc.parts }, () => this.tmp("v128"));
      for (let u = 0; u + 1 < vc.parts; u += 2) {
        this.laneExpr((call as Extract<Expr, { k: "math" }>).args[0]!, u);
        this.laneExpr((call as Extract<Expr, { k: "math" }>).args[0]!, u + 1);
        fb.op("call", this.g.helper("exp4")).op("local.set", ls[u + 1]!).op("local.set", ls[u]!);
      }
      if (vc.parts % 2) {
        this.laneExpr((call as Extract<Expr, { k: "math" }>).args[0]!, vc.parts - 1);
        fb.op("call", this.g.helper("exp2")).op("local.set", ls[vc.parts - 1]!);
      }
      vc.computed.set(call, ls);
    }
  }

  /** Is this access contiguous in the vector loop's counter, of an element type its lanes load whole? Memoised. */
  private isUnit(key: object, arr: Var, idx: readonly Expr[]): boolean {
    const vc = this.vec!;
    let u = vc.unit.get(key);
    if (u === undefined) vc.unit.set(key, (u = vectorDtype(vc.kind, (arr.type as ArrayType).dtype) && accessKind(idx, vc.v, vc.facts) === "unit"));
    return u;
  }

  /** The byte address of lane 0 of a contiguous access at the current counter (parts add their offset). */
  private vectorAddress(key: object, arr: Var, idx: readonly Expr[], loc: Loc, u: number): void {
    const vc = this.vec!;
    const b = vc.bases.get(key);
    if (!b) {
      // Computed for part 0, reused by the others (their memory offset adds one register's bytes per part).
      if (u > 0 && vc.addrs.has(key)) {
        this.fb.op("local.get", vc.addrs.get(key)!);
        return;
      }
      this.address(arr, idx, loc, true);
      if (vc.parts > 1 || vc.gathers.has(key as Expr)) {
        const l = this.fb.local("i32", `${arr.name}_at`);
        vc.addrs.set(key, l);
        this.fb.op("local.tee", l);
      }
      return;
    }
    this.fb.op("local.get", b.local).op("local.get", this.loc(vc.v)[0]!).op("i32.wrap_i64");
    if (b.shift) this.fb.op("i32.const", b.shift).op("i32.shl");
    this.fb.op("i32.add");
  }

  /** Does `e` depend on the vector loop's counter or lane values? Memoised per vector loop. */
  private varies(e: Expr): boolean {
    const vc = this.vec!;
    const known = vc.deps.get(e);
    if (known !== undefined) return known;
    const depends = e.k === "var" ? vc.varying.has(e.v) : childExprs(e).some((c) => this.varies(c));
    vc.deps.set(e, depends);
    return depends;
  }

  /** No run-time error can come out of `e` (so it may be evaluated speculatively). */
  private cannotTrap(e: Expr): boolean {
    let ok = true;
    forEachExpr([{ k: "expr", x: e }], (x) => {
      if (x.k === "call" || x.k === "alloc" || (x.k === "load" && !x.unchecked) || (x.k === "binary" && x.op === "mod" && x.type === "int")) ok = false;
      if (x.k === "cast" && x.op === "f2idx") ok = false;
    });
    return ok;
  }

  /** The scalar on the stack (f64, or int for i32x4) as a lane value of the vector loop's kind. */
  private lane(): void {
    const k = this.vec!.kind;
    if (k === "f32x4") this.fb.op("f32.demote_f64");
    else if (k === "i32x4") this.fb.op("i32.wrap_i64");
  }

  /** The scalar on the stack in every lane. */
  private splat(): void {
    this.lane();
    this.fb.op(`${this.vec!.kind}.splat`);
  }

  /** Sets lane `k` of the register below the scalar on the stack. */
  private replaceLane(k: number): void {
    this.lane();
    this.fb.op(`${this.vec!.kind}.replace_lane`, k);
  }

  /** A constant in every lane, as one v128.const. */
  private constLanes(value: number): void {
    const vc = this.vec!;
    const bytes = new Uint8Array(16);
    if (vc.kind === "f64x2") new Float64Array(bytes.buffer).fill(value);
    else if (vc.kind === "f32x4") new Float32Array(bytes.buffer).fill(value);
    else new Int32Array(bytes.buffer).fill(Number(BigInt.asIntN(32, BigInt(value))));
    this.fb.op("v128.const", bytes);
  }

  /**
   * Emits `e` for part `u` (lanes per·u to per·u + per - 1) as a register of the loop's kind: lane-wise
   * SIMD operations where `e` varies, scalars splatted where it does not, and what depends on the
   * counter alone (strided loads, conversions, imported Math functions) computed lane by lane with
   * the scalar operations.
   */
  private laneExpr(e: Expr, u: number): void {
    const fb = this.fb, vc = this.vec!;
    const kind = vc.kind;
    const hoisted = vc.hoisted.get(e);
    if (hoisted !== undefined) {
      fb.op("local.get", hoisted);
      return;
    }
    const computed = vc.computed.get(e);
    if (computed) {
      fb.op("local.get", computed[u]!);
      if (u === vc.parts - 1) {
        vc.computed.delete(e);
        computed.forEach((l) => this.release("v128", l));
      }
      return;
    }
    if (e.k === "const" && e.type === (kind === "i32x4" ? "int" : "f64")) {
      this.constLanes(e.value as number);
      return;
    }
    if (!this.varies(e)) {
      this.expr(e);
      this.splat();
      return;
    }
    switch (e.k) {
      case "var":
        if (vc.lanes.has(e.v)) {
          fb.op("local.get", vc.lanes.get(e.v)![u]!);
          return;
        }
        break;
      case "load":
        if (this.isUnit(e, e.arr, e.idx)) {
          this.vectorAddress(e, e.arr, e.idx, e.loc, u);
          // f64 lanes from a Float32Array: two elements (8 bytes) per part, widened exactly.
          if (kind === "f64x2" && DTYPES[(e.arr.type as ArrayType).dtype].bytes === 4) fb.op("v128.load64_zero", { offset: 8 * u }).op("f64x2.promote_low_f32x4");
          else fb.op("v128.load", { offset: 16 * u });
          return;
        }
        break;
      case "binary": {
        const op = SIMD_BINARY[kind][e.op];
        if (!op) break;
        // `x | 0`, `x >>> 0`, `x ^ 0`: modulo 2^32 the lanes already hold ToInt32(x).
        if (kind === "i32x4" && identity32(e)) {
          this.laneExpr(e.a, u);
          return;
        }
        this.laneExpr(e.a, u);
        if (e.op === "shl" || e.op === "shr" || e.op === "ushr") {
          // The count is the same in every lane (vectorize.ts); wasm takes it modulo 32, as JS does.
          if (e.b.k === "const") fb.op("i32.const", Number(e.b.value) % 32);
          else {
            this.expr(e.b);
            fb.op("i32.wrap_i64");
          }
        } else this.laneExpr(e.b, u);
        fb.op(op as never);
        return;
      }
      case "unary":
        if (e.op === "neg") {
          this.laneExpr(e.x, u);
          fb.op(`${kind}.neg`);
          return;
        }
        if (e.op === "bitnot" && kind === "i32x4") {
          this.laneExpr(e.x, u);
          fb.op("v128.not");
          return;
        }
        break;
      case "math":
        if (e.fn === "imul" && kind === "i32x4") {
          this.laneExpr(e.args[0]!, u);
          this.laneExpr(e.args[1]!, u);
          fb.op("i32x4.mul");
          return;
        }
        if (e.fn === "fround" && kind !== "i32x4") {
          // f32x4 lanes are binary32 already (vectorize.ts: the argument is one rounding away); f64 lanes round and widen.
          this.laneExpr(e.args[0]!, u);
          if (kind === "f64x2") fb.op("f32x4.demote_f64x2_zero").op("f64x2.promote_low_f32x4");
          return;
        }
        if (e.fn === "exp" && kind === "f64x2") {
          this.laneExpr(e.args[0]!, u);
          if (inlineMath("exp")) fb.op("call", this.g.helper("exp2"));
          else {
            // The engine's own Math.exp, lane by lane.
            const t = this.tmp("v128");
            fb.op("local.tee", t).op("f64x2.extract_lane", 0).op("call", this.g.importIndex("math_exp")).op("f64x2.splat");
            fb.op("local.get", t).op("f64x2.extract_lane", 1).op("call", this.g.importIndex("math_exp")).op("f64x2.replace_lane", 1);
            this.release("v128", t);
          }
          return;
        }
        if (SIMD_MATH.has(e.fn) && kind !== "i32x4") {
          this.laneExpr(e.args[0]!, u);
          for (const a of e.args.slice(1)) {
            this.laneExpr(a, u);
            fb.op(`${kind}.${e.fn}` as never);
          }
          if (e.args.length === 1) fb.op(`${kind}.${e.fn}` as never);
          return;
        }
        break;
    }
    if (mentions(e, new Set(vc.lanes.keys()))) throw new Error(`wasm codegen: cannot vectorise a '${e.k}' expression`);
    const dist = vc.gathers.get(e);
    if (dist && e.k === "load") {
      const dtype = (e.arr.type as ArrayType).dtype;
      for (let k = 0; k < vc.per; k++) {
        const lane = vc.per * u + k;
        if (lane === 0) this.vectorAddress(e, e.arr, e.idx, e.loc, 0);
        else fb.op("local.get", vc.addrs.get(e)!).op("local.get", dist[lane]!).op("i32.add");
        if (kind === "i32x4") fb.op("i32.load");
        else if (kind === "f32x4") fb.op("f32.load");
        else if (dtype === "f32") fb.op("f32.load").op("f64.promote_f32");
        else fb.op("f64.load");
        if (k === 0) fb.op(`${kind}.splat`);
        else fb.op(`${kind}.replace_lane`, k);
      }
      return;
    }
    // Depends on the counter only: each lane runs the scalar code at its own counter value.
    for (let k = 0; k < vc.per; k++) {
      const lane = vc.per * u + k;
      const at: Expr = { k: "binary", op: "add", a: { k: "var", v: vc.v, type: "int" }, b: { k: "const", type: "int", value: lane }, type: "int" };
      this.expr(lane === 0 ? e : mapExpr(e, (x) => (x.k === "var" && x.v === vc.v ? at : x)));
      if (k === 0) this.splat();
      else this.replaceLane(k);
    }
  }

  private loop(s: Extract<Stmt, { k: "loop" }>): void {
    const fb = this.fb;
    fb.block(null, `brk${s.label}`);
    fb.loop(null, `top${s.label}`);
    if (s.pre) this.exitUnless(s.pre, `brk${s.label}`);
    fb.block(null, `cont${s.label}`);
    this.block(s.body);
    fb.end();
    this.block(s.update);
    if (s.post) this.exitUnless(s.post, `brk${s.label}`);
    fb.br(`top${s.label}`);
    fb.end();
    fb.end();
  }

  /** Branches to `label` unless boolean `c` holds; `a && b` becomes two tests, not a materialised value. */
  private exitUnless(c: Expr, label: string): void {
    if (c.k === "logical" && c.op === "and" && c.type === "bool") {
      this.exitUnless(c.a, label);
      this.exitUnless(c.b, label);
      return;
    }
    this.expr(c);
    this.fb.op("i32.eqz").brIf(label);
  }

  // ---- arrays -----------------------------------------------------------------------------------

  /** Local of one component of an array value (the layout of `arrayParts`, computed without allocating). */
  private part(arr: Var, name: "ptr" | "len" | "off" | `n${number}` | `s${number}`): number {
    const t = arr.type as ArrayType;
    const ls = this.loc(arr);
    if (name === "ptr") return ls[0]!;
    if (name === "len") return ls[1]!;
    if (name === "off") return ls[1 + 2 * t.ndim]!;
    const d = Number(name.slice(1));
    return ls[name[0] === "n" ? 1 + d : 1 + t.ndim + d]!;
  }

  /** Leaves the byte address of element `idx` on the stack, after bounds checks. */
  private address(arr: Var, idx: readonly Expr[], at: Loc, unchecked = false): void {
    const fb = this.fb;
    const t = arr.type as ArrayType;
    const bytes = DTYPES[t.dtype].bytes;
    const checked = this.g.boundscheck && !unchecked;
    const idxLocals: number[] = [];
    idx.forEach((e, d) => {
      this.expr(e);
      const l = this.tmp("i64");
      idxLocals.push(l);
      fb.op("local.set", l);
      if (checked) {
        const size = this.part(arr, t.nd ? `n${d}` : "len");
        fb.op("local.get", l).op("local.get", size).op("i64.ge_u");
        fb.if(null);
        fb.op("i32.const", this.g.arraySite(arr.name)).op("i32.const", d).op("i32.const", t.ndim);
        fb.op("local.get", l).op("f64.convert_i64_s").op("local.get", size).op("f64.convert_i64_s");
        fb.op("i32.const", this.g.site(this.f, at)).op("call", this.g.importIndex("oob")).op("unreachable");
        fb.end();
      }
    });
    fb.op("local.get", this.part(arr, "ptr"));
    if (!t.nd) fb.op("local.get", idxLocals[0]!);
    else {
      fb.op("local.get", this.part(arr, "off"));
      idxLocals.forEach((l, d) => {
        fb.op("local.get", l).op("local.get", this.part(arr, `s${d}`)).op("i64.mul").op("i64.add");
      });
    }
    fb.op("i32.wrap_i64");
    if (bytes > 1) fb.op("i32.const", LOG2_BYTES[bytes]!).op("i32.shl");
    fb.op("i32.add");
    idxLocals.forEach((l) => this.release("i64", l));
  }

  private store(s: Extract<Stmt, { k: "store" }>): void {
    const t = s.arr.type as ArrayType;
    this.address(s.arr, s.idx, s.loc, s.unchecked);
    this.expr(s.x);
    const op = { f64: ["f64.store"], f32: ["f32.demote_f64", "f32.store"], i32: ["i64.store32"], u32: ["i64.store32"], i16: ["i64.store16"], u16: ["i64.store16"], i8: ["i64.store8"], u8: ["i64.store8"], u8c: ["i64.store8"] }[t.dtype];
    for (const o of op) this.fb.op(o as never);
  }

  private load(e: Extract<Expr, { k: "load" }>): void {
    const t = e.arr.type as ArrayType;
    this.address(e.arr, e.idx, e.loc, e.unchecked);
    const op = { f64: ["f64.load"], f32: ["f32.load", "f64.promote_f32"], i32: ["i64.load32_s"], u32: ["i64.load32_u"], i16: ["i64.load16_s"], u16: ["i64.load16_u"], i8: ["i64.load8_s"], u8: ["i64.load8_u"], u8c: ["i64.load8_u"] }[t.dtype];
    for (const o of op) this.fb.op(o as never);
  }

  private alloc(e: Extract<Expr, { k: "alloc" }>): void {
    const fb = this.fb;
    const t = e.type;
    const dims = e.shape.map((s) => {
      this.expr(s);
      const l = this.fb.local("i64", "dim");
      fb.op("local.set", l);
      return l;
    });
    // Total element count as f64 (the JS side validates sizes and reports bad ones).
    fb.op("f64.const", 1);
    for (const d of dims) fb.op("local.get", d).op("f64.convert_i64_s").op("f64.mul");
    const fill = { zeros: 0, ones: 1, empty: 2 }[e.fill];
    fb.op("i32.const", DTYPE_NAMES.indexOf(t.dtype)).op("i32.const", fill).op("i32.const", this.g.site(this.f, e.loc));
    fb.op("call", this.g.importIndex("alloc"));
    if (!t.nd) {
      fb.op("local.get", dims[0]!);
      return;
    }
    for (const d of dims) fb.op("local.get", d);
    // C-contiguous strides: s[last] = 1, s[k] = s[k+1] * n[k+1].
    const strides: number[] = [];
    for (let k = dims.length - 1; k >= 0; k--) {
      const l = this.fb.local("i64", "stride");
      if (k === dims.length - 1) fb.op("i64.const", 1);
      else fb.op("local.get", strides[0]!).op("local.get", dims[k + 1]!).op("i64.mul");
      fb.op("local.set", l);
      strides.unshift(l);
    }
    for (const s of strides) fb.op("local.get", s);
    fb.op("i64.const", 0);
  }

  // ---- expressions ------------------------------------------------------------------------------

  expr(e: Expr): void {
    const fb = this.fb;
    switch (e.k) {
      case "const":
        if (e.type === "f64") fb.op("f64.const", e.value as number);
        else if (e.type === "int") fb.op("i64.const", BigInt(e.value as number));
        else fb.op("i32.const", e.value ? 1 : 0);
        return;
      case "var":
        for (const l of this.loc(e.v)) fb.op("local.get", l);
        return;
      case "unary": return this.unary(e);
      case "binary": return this.binary(e);
      case "cast": return this.cast(e);
      case "math": return this.math(e);
      case "cond":
        // Between two values already computed: wasm's select, no branch.
        if (trivial(e.a) && trivial(e.b)) {
          this.expr(e.a);
          this.expr(e.b);
          this.expr(e.c);
          fb.op("select");
          return;
        }
        this.expr(e.c);
        fb.if(scalarVal(e.type));
        this.expr(e.a);
        fb.else();
        this.expr(e.b);
        fb.end();
        return;
      case "logical": {
        // Booleans whose second operand is cheap and cannot fail: both evaluated, no branch.
        if (e.type === "bool" && e.a.type === "bool" && e.b.type === "bool" && cheapAndPure(e.b)) {
          this.expr(e.a);
          this.expr(e.b);
          fb.op(e.op === "and" ? "i32.and" : "i32.or");
          return;
        }
        // a && b: a is falsy ? a : b — keep a in a local to test and return it.
        const vt = scalarVal(e.type);
        const l = this.tmp(vt);
        this.expr(e.a);
        fb.op("local.tee", l);
        this.truthy(e.type);
        fb.if(vt);
        if (e.op === "and") this.expr(e.b);
        else fb.op("local.get", l);
        fb.else();
        if (e.op === "and") fb.op("local.get", l);
        else this.expr(e.b);
        fb.end();
        this.release(vt, l);
        return;
      }
      case "load": return this.load(e);
      case "prop": return this.prop(e);
      case "disjoint": return this.disjoint(e);
      case "call": {
        const o = outlinedInfo(e.fn);
        if (o) return this.parallelCall(e, o);
        for (const a of e.args) this.expr(a);
        fb.op("call", this.g.callIndex(e.fn));
        return;
      }
      case "alloc": return this.alloc(e);
    }
  }

  /** Element ranges [lo, hi] of two arrays: no byte in common (empty ranges never overlap). */
  private disjoint(e: Extract<Expr, { k: "disjoint" }>): void {
    const fb = this.fb;
    const [a0, a1, b0, b1] = e.spans.map((x) => {
      this.expr(x);
      const l = fb.local("i64", "span");
      fb.op("local.set", l);
      return l;
    });
    // Byte address of element `i` of `arr` (or one past `i` when `past`), as i64.
    const addr = (arr: Var, i: number, past: boolean) => {
      fb.op("local.get", this.part(arr, "ptr")).op("i64.extend_i32_u").op("local.get", i);
      if (past) fb.op("i64.const", 1).op("i64.add");
      fb.op("i64.const", DTYPES[(arr.type as ArrayType).dtype].bytes).op("i64.mul").op("i64.add");
    };
    fb.op("local.get", a1!).op("local.get", a0!).op("i64.lt_s");
    fb.op("local.get", b1!).op("local.get", b0!).op("i64.lt_s").op("i32.or");
    addr(e.a, a1!, true); addr(e.b, b0!, false); fb.op("i64.le_u").op("i32.or");
    addr(e.b, b1!, true); addr(e.a, a0!, false); fb.op("i64.le_u").op("i32.or");
  }

  private prop(e: Extract<Expr, { k: "prop" }>): void {
    const fb = this.fb;
    const t = e.arr.type as ArrayType;
    switch (e.prop) {
      case "length": fb.op("local.get", this.part(e.arr, t.nd ? "n0" : "len")); return;
      case "shape": fb.op("local.get", this.part(e.arr, `n${e.dim}`)); return;
      case "stride": fb.op("local.get", this.part(e.arr, `s${e.dim}`)); return;
      case "offset": fb.op("local.get", this.part(e.arr, "off")); return;
      case "size":
        fb.op("i64.const", 1);
        for (let d = 0; d < t.ndim; d++) fb.op("local.get", this.part(e.arr, `n${d}`)).op("i64.mul");
        return;
    }
  }

  /** Converts the value on the stack (of scalar type t) to an i32 truth value. */
  private truthy(t: ScalarType): void {
    const fb = this.fb;
    if (t === "bool") return;
    if (t === "int") {
      fb.op("i64.const", 0).op("i64.ne");
      return;
    }
    const l = this.tmp("f64");
    fb.op("local.tee", l).op("f64.const", 0).op("f64.ne").op("local.get", l).op("local.get", l).op("f64.eq").op("i32.and");
    this.release("f64", l);
  }

  private unary(e: Extract<Expr, { k: "unary" }>): void {
    const fb = this.fb;
    if (e.op === "neg" && e.type === "int") {
      fb.op("i64.const", 0);
      this.expr(e.x);
      fb.op("i64.sub");
      return;
    }
    this.expr(e.x);
    if (e.op === "neg") fb.op("f64.neg");
    else if (e.op === "not") fb.op("i32.eqz");
    else fb.op("i32.wrap_i64").op("i32.const", -1).op("i32.xor").op("i64.extend_i32_s");
  }

  private binary(e: Extract<Expr, { k: "binary" }>): void {
    const fb = this.fb;
    const t = e.a.type as ScalarType;
    const bitwise = { bitand: "i32.and", bitor: "i32.or", bitxor: "i32.xor", shl: "i32.shl", shr: "i32.shr_s", ushr: "i32.shr_u" } as const;
    if (e.op in bitwise) {
      this.expr(e.a);
      fb.op("i32.wrap_i64");
      this.expr(e.b);
      fb.op("i32.wrap_i64").op(bitwise[e.op as keyof typeof bitwise]);
      fb.op(e.op === "ushr" ? "i64.extend_i32_u" : "i64.extend_i32_s");
      return;
    }
    if (e.op === "mod") {
      if (t === "f64") {
        this.expr(e.a);
        this.expr(e.b);
        fb.op("call", this.g.importIndex("fmod"));
        return;
      }
      const b = this.tmp("i64");
      this.expr(e.a);
      this.expr(e.b);
      fb.op("local.tee", b).op("i64.eqz");
      fb.if(null);
      fb.op("i32.const", this.g.site(this.f, e.loc ?? { line: 0, column: 0 })).op("call", this.g.importIndex("rem0")).op("unreachable");
      fb.end();
      fb.op("local.get", b).op("i64.rem_s");
      this.release("i64", b);
      return;
    }
    this.expr(e.a);
    this.expr(e.b);
    const p = t === "f64" ? "f64" : t === "int" ? "i64" : "i32";
    const signed = t === "f64" ? "" : "_s";
    const names = { add: "add", sub: "sub", mul: "mul", div: "div", eq: "eq", ne: "ne", lt: `lt${signed}`, le: `le${signed}`, gt: `gt${signed}`, ge: `ge${signed}` } as const;
    fb.op(`${p}.${names[e.op as keyof typeof names]}` as never);
  }

  private cast(e: Extract<Expr, { k: "cast" }>): void {
    const fb = this.fb;
    this.expr(e.x);
    switch (e.op) {
      case "i2f": fb.op("f64.convert_i64_s"); return;
      case "b2i": fb.op("i64.extend_i32_u"); return;
      case "b2f": fb.op("f64.convert_i32_u"); return;
      case "truthy": this.truthy(e.x.type as ScalarType); return;
      case "i2u8c": {
        // Clamp an integer to 0..255.
        const l = this.tmp("i64");
        fb.op("local.set", l);
        fb.op("i64.const", 255).op("local.get", l).op("local.get", l).op("i64.const", 255).op("i64.gt_s").op("select");
        fb.op("local.set", l);
        fb.op("i64.const", 0).op("local.get", l).op("local.get", l).op("i64.const", 0).op("i64.lt_s").op("select");
        this.release("i64", l);
        return;
      }
      case "f2idx": {
        // An integral value that a dominating test keeps in [0, size) (passes/bounds.ts): a plain truncation.
        if (this.guarded.casts.has(e)) {
          fb.op("i64.trunc_sat_f64_s");
          return;
        }
        // Inline (V8 does not inline wasm calls): exact integer, else -1 for the bounds check to reject.
        const x = this.tmp("f64"), t = this.tmp("i64");
        fb.op("local.tee", x).op("i64.trunc_sat_f64_s").op("local.tee", t).op("i64.const", -1);
        fb.op("local.get", t).op("f64.convert_i64_s").op("local.get", x).op("f64.eq").op("select");
        this.release("f64", x);
        this.release("i64", t);
        return;
      }
      case "f2i32": {
        // The common case inline; magnitudes of 2^63 and beyond (and NaN/Infinity) take the helper.
        const x = this.tmp("f64");
        fb.op("local.tee", x).op("f64.abs").op("f64.const", 2 ** 63).op("f64.lt");
        fb.if("i64");
        fb.op("local.get", x).op("i64.trunc_sat_f64_s").op("i32.wrap_i64").op("i64.extend_i32_s");
        fb.else();
        fb.op("local.get", x).op("call", this.g.helper("f2i32"));
        fb.end();
        this.release("f64", x);
        return;
      }
      default: fb.op("call", this.g.helper(e.op)); return;
    }
  }

  private math(e: Extract<Expr, { k: "math" }>): void {
    const fb = this.fb;
    const fn = e.fn;
    const isInt = e.type === "int" || (e.args[0] && e.args[0].type === "int");
    if (inlineMath(fn)) {
      this.expr(e.args[0]!);
      fb.op("call", this.g.helper(fn as HelperName));
      return;
    }
    if (IMPORTED_MATH.has(fn)) {
      for (const a of e.args) this.expr(a);
      fb.op("call", this.g.importIndex(`math_${fn === "hypot" ? `hypot${e.args.length}` : fn}`));
      return;
    }
    if (fn === "min" || fn === "max") {
      this.expr(e.args[0]!);
      for (const a of e.args.slice(1)) {
        this.expr(a);
        if (e.type === "f64") fb.op(`f64.${fn}`);
        else this.intMinMax(fn);
      }
      return;
    }
    if (fn === "imul") {
      this.expr(e.args[0]!);
      fb.op("i32.wrap_i64");
      this.expr(e.args[1]!);
      fb.op("i32.wrap_i64").op("i32.mul").op("i64.extend_i32_s");
      return;
    }
    this.expr(e.args[0]!);
    switch (fn) {
      case "clz32": fb.op("i32.wrap_i64").op("i32.clz").op("i64.extend_i32_u"); return;
      case "abs":
        if (isInt) {
          const l = this.tmp("i64");
          fb.op("local.set", l);
          fb.op("i64.const", 0).op("local.get", l).op("i64.sub").op("local.get", l).op("local.get", l).op("i64.const", 0).op("i64.lt_s").op("select");
          this.release("i64", l);
        } else fb.op("f64.abs");
        return;
      case "sqrt": case "floor": case "ceil": case "trunc": fb.op(`f64.${fn}`); return;
      case "round": fb.op("call", this.g.helper("round")); return;
      case "sign": fb.op("call", this.g.helper(isInt ? "isign" : "sign")); return;
      case "fround": fb.op("f32.demote_f64").op("f64.promote_f32"); return;
      case "isNaN": {
        const l = this.tmp("f64");
        fb.op("local.tee", l).op("local.get", l).op("f64.ne");
        this.release("f64", l);
        return;
      }
      case "isFinite": fb.op("f64.abs").op("f64.const", Infinity).op("f64.lt"); return;
      case "isInteger": case "isSafeInteger": {
        // trunc(x) == x excludes NaN; the magnitude test excludes infinities (and unsafe values).
        const l = this.tmp("f64");
        fb.op("local.tee", l).op("f64.trunc").op("local.get", l).op("f64.eq");
        fb.op("local.get", l).op("f64.abs").op("f64.const", fn === "isInteger" ? Infinity : 2 ** 53 - 1).op(fn === "isInteger" ? "f64.lt" : "f64.le");
        fb.op("i32.and");
        this.release("f64", l);
        return;
      }
    }
    throw new Error(`wasm codegen: no lowering for Math.${fn}`);
  }

  private intMinMax(fn: "min" | "max"): void {
    const fb = this.fb;
    const a = this.tmp("i64"), b = this.tmp("i64");
    fb.op("local.set", b).op("local.set", a);
    fb.op("local.get", a).op("local.get", b).op("local.get", a).op("local.get", b).op(fn === "min" ? "i64.lt_s" : "i64.gt_s").op("select");
    this.release("i64", a);
    this.release("i64", b);
  }
}

export { MATH_FNS };
