// WebAssembly code generation from numbat IR. One module per entry function: its callees become
// internal functions, and an exported `main` wrapper converts the JS-friendly ABI (f64 numbers,
// i32 pointers) to the internal one (i64 integers, arrays as component locals).

import { ModuleBuilder, type FunctionBuilder, type ValType } from "./encoder.js";
import type { ArrayType, Expr, FuncIR, Loc, ScalarType, Stmt, Type, Var } from "../../ir/nodes.js";
import { DTYPES, DTYPE_NAMES, isArray } from "../../ir/types.js";
import { forEachExpr, forEachStmt } from "../../ir/walk.js";
import { type GuardedFacts, guardedIndices } from "../../passes/bounds.js";
import { MATH_FNS } from "../../ir/math.js";
import { heap } from "../../runtime/memory.js";
import type { ErrorSites } from "../../runtime/wasm-env.js";
import { HELPERS, type HelperName, emitHelper } from "./helpers.js";
import { BINARY, type Emitter, LOAD, LOG2_BYTES, MATH, STORE, UNARY, importedMath, inlineMath, mathImportName } from "./ops.js";
import { VectorLoop } from "./simd.js";
import { type Outlined, outlineParallel, outlinedInfo } from "../../passes/parallel.js";

export interface WasmOptions {
  readonly boundscheck: boolean;
  /** Outline parallel loops (prange) into exported functions that worker threads run (docs/parallel.md). */
  readonly parallel?: boolean;
}

/** Site tables: the JS side turns the small integers passed to error imports back into messages. */
export type WasmSites = ErrorSites;

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
        if (e.k === "math" && importedMath(e.fn) && !inlineMath(e.fn)) used.set(mathImportName(e.fn, e.args.length), e.args.length);
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
class FunctionEmitter implements Emitter {
  private locals = new Map<Var, number[]>();
  private scratch = new Map<ValType, number[]>();
  /** Index conversions that dominating tests prove integral and in range. */
  private readonly guarded: GuardedFacts;

  constructor(private readonly g: WasmCodegen, private readonly f: FuncIR, readonly fb: FunctionBuilder) {
    this.guarded = guardedIndices(f);
  }

  helper(name: HelperName): number {
    return this.g.helper(name);
  }

  importIndex(name: string): number {
    return this.g.importIndex(name);
  }

  site(loc: Loc): number {
    return this.g.site(this.f, loc);
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

  loc(v: Var): number[] {
    return this.locals.get(v) ?? this.declare(v);
  }

  /** A scratch local of type `t`, freed with `release`. */
  tmp(t: ValType): number {
    const pool = this.scratch.get(t) ?? [];
    this.scratch.set(t, pool);
    return pool.pop() ?? this.fb.local(t, `tmp_${t}`);
  }

  release(t: ValType, l: number): void {
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

  forLoop(s: Extract<Stmt, { k: "for" }>, inner?: (stmts: readonly Stmt[]) => void): void {
    const fb = this.fb;
    const [v] = this.loc(s.v);
    const end = this.fb.local("i64", `end${s.label}`);
    this.expr(s.start);
    fb.op("local.set", v!);
    this.expr(s.end);
    fb.op("local.set", end);
    const exitIf = { lt: "i64.ge_s", le: "i64.gt_s", gt: "i64.le_s", ge: "i64.lt_s" } as const;
    if (s.vector && !inner) {
      // A loop-carried distance the vectoriser could not settle: the SIMD part only where it allows.
      if (s.vectorIf) {
        this.expr(s.vectorIf);
        this.fb.if();
      }
      new VectorLoop(this, s).emit(s, v!, end, exitIf[s.cmp]);
      if (s.vectorIf) this.fb.end();
    }
    fb.block(null, `brk${s.label}`);
    fb.loop(null, `top${s.label}`);
    fb.op("local.get", v!).op("local.get", end).op(exitIf[s.cmp]).brIf(`brk${s.label}`);
    fb.block(null, `cont${s.label}`);
    if (inner) inner(s.body);
    else this.block(s.body);
    fb.end();
    fb.op("local.get", v!).op("i64.const", s.step).op("i64.add").op("local.set", v!);
    fb.br(`top${s.label}`);
    fb.end();
    fb.end();
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
  part(arr: Var, name: "ptr" | "len" | "off" | `n${number}` | `s${number}`): number {
    const t = arr.type as ArrayType;
    const ls = this.loc(arr);
    if (name === "ptr") return ls[0]!;
    if (name === "len") return ls[1]!;
    if (name === "off") return ls[1 + 2 * t.ndim]!;
    const d = Number(name.slice(1));
    return ls[name[0] === "n" ? 1 + d : 1 + t.ndim + d]!;
  }

  /** Leaves the byte address of element `idx` on the stack, after bounds checks. */
  address(arr: Var, idx: readonly Expr[], at: Loc, unchecked = false): void {
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
    for (const o of STORE[t.dtype]) this.fb.op(o);
  }

  private load(e: Extract<Expr, { k: "load" }>): void {
    const t = e.arr.type as ArrayType;
    this.address(e.arr, e.idx, e.loc, e.unchecked);
    for (const o of LOAD[t.dtype]) this.fb.op(o);
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
      case "unary": return UNARY[e.op](this, e);
      case "binary": return BINARY[e.op](this, e);
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
    const lowering = MATH[e.fn];
    if (inlineMath(e.fn)) {
      this.expr(e.args[0]!);
      this.fb.op("call", this.g.helper(e.fn as HelperName));
    } else if (lowering === "import") {
      for (const a of e.args) this.expr(a);
      this.fb.op("call", this.g.importIndex(`math_${mathImportName(e.fn, e.args.length)}`));
    } else lowering(this, e);
  }

  intMinMax(fn: "min" | "max"): void {
    const fb = this.fb;
    const a = this.tmp("i64"), b = this.tmp("i64");
    fb.op("local.set", b).op("local.set", a);
    fb.op("local.get", a).op("local.get", b).op("local.get", a).op("local.get", b).op(fn === "min" ? "i64.lt_s" : "i64.gt_s").op("select");
    this.release("i64", a);
    this.release("i64", b);
  }
}

export { MATH_FNS };
