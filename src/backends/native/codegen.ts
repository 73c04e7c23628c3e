// C source from numbat IR (`target: "native"`): the C table of the C-style renderer, the calling
// convention and error exits, and the exported entry `nb_main` that takes JS-friendly arguments.
//
// ABI of nb_main (all a module exports besides nb_take/nb_seed):
//   int32_t nb_main(double *out, <params>)
// Each IR param is passed as wasm's `main` passes it: numbers as doubles (ints saturated on entry),
// booleans as int32, arrays as their `arrayParts` (the data pointer, then len or n.., s.., off as
// doubles). It returns 0 and writes the result to out[0] (an array: ptr, parts, then who owns it:
// -1 a kernel allocation, k >= 0 argument k); or an error kind with details in out (see OUT).

import type { Expr, FuncIR, Loc, MathFn, Stmt } from "../../ir/nodes.js";
import { allFuncs } from "../../ir/printer.js";
import { DTYPES, isArray, sameType, type ArrayType, type Type } from "../../ir/types.js";
import { forEachExpr, forEachStmt } from "../../ir/walk.js";
import {
  CStyleFunction, P, arrayFields, arrayTypesOf, bin, callC, castTo, code, ident, isCheckedMod, prim, un, wrap,
  type CStyleTarget, type Code, type Failure,
  cBinaryOps,
} from "../cstyle/render.js";
import { outlineParallel, outlinedInfo } from "../../passes/parallel.js";
import type { ParallelConfig } from "../../runtime/pool.js";
import type { ErrorSites } from "../../runtime/wasm-env.js";
import { PARALLEL, PRELUDE, RANDOM } from "./prelude.js";
import { driverParams, regionDriver, type RegionParts } from "./parallel.js";
import { vectorMainLoop } from "./vector.js";

export interface NativeOptions {
  readonly boundscheck: boolean;
  /** prange loops run in chunks on this many OpenMP threads (docs/native.md); undefined: in order, as ordinary loops. */
  readonly parallel?: ParallelConfig;
}

/** Site tables: the JS side turns the small integers in `out` back into messages (as wasm's). */
export type NativeSites = ErrorSites;

export interface NativeModule {
  readonly source: string;
  readonly sites: NativeSites;
  /** koffi types of nb_main's parameters after `out`, in order. */
  readonly params: string[];
  readonly usesRandom: boolean;
  /** Parallel regions (outlined prange loops): the library is built with OpenMP when there are any. */
  readonly regions: number;
}

/** Math functions that call the C library (V8 uses its fdlibm port: results may differ, see docs/native.md). */
export const LIBM_FNS = [
  "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
  "expm1", "log", "log1p", "log2", "log10", "pow",
] as const satisfies readonly MathFn[];

const libm = (fn: string) => (args: readonly Code[]): Code => callC(fn, args);
const helper = (fn: string) => (args: readonly Code[]): Code => callC(fn, args);
const fold = (fn: string) => (args: readonly Code[]): Code => args.slice(1).reduce((acc, a) => callC(fn, [acc, a]), args[0]!);

/** The C spellings: int = int64_t (wrapping, -fwrapv), bool = int32_t, f64 = double. */
export const C_TARGET: CStyleTarget = {
  scalar: { bool: "int32_t", int: "int64_t", f64: "double" },
  elem: { f64: "double", f32: "float", i32: "int32_t", u32: "uint32_t", i16: "int16_t", u16: "uint16_t", i8: "int8_t", u8: "uint8_t", u8c: "uint8_t" },
  float(x) {
    if (Number.isNaN(x)) return prim("NAN");
    if (x === Infinity) return prim("INFINITY");
    if (x === -Infinity) return code("-INFINITY", P.UNARY);
    if (Object.is(x, -0)) return code("-0.0", P.UNARY);
    // The shortest round-trip decimal: C compilers parse it to the same double.
    const s = String(x), lit = /[.e]/.test(s) ? s : `${s}.0`;
    return x < 0 ? code(lit, P.UNARY) : prim(lit);
  },
  int(x) {
    const s = `${x}`;
    return x < 0 ? code(s, P.UNARY) : prim(s);
  },
  unary: {
    neg: (x) => un("-", x),
    not: (x) => un("!", x),
    bitnot: (x) => callC("nb_bitnot", [x]),
  },
  binary: cBinaryOps("fmod"),
  cast: {
    i2f: (x) => castTo("double", x),
    b2i: (x) => castTo("int64_t", x),
    b2f: (x) => castTo("double", x),
    f2i32: (x) => callC("nb_f2i32", [x]),
    f2idx: (x) => callC("nb_f2idx", [x]),
    truthy: (x, from) => (from === "f64" ? callC("nb_truthy", [x]) : bin("!=", P.EQ, x, prim("0"))),
    f2u8c: (x) => callC("nb_f2u8c", [x]),
    i2u8c: (x) => callC("nb_i2u8c", [x]),
  },
  math: {
    abs: (a, t) => callC(t === "int" ? "nb_iabs" : "fabs", a),
    sqrt: libm("sqrt"), floor: libm("floor"), ceil: libm("ceil"), trunc: libm("trunc"),
    round: helper("nb_round"),
    sign: (a, t) => callC(t === "int" ? "nb_isign" : "nb_sign", a),
    fround: ([x]) => castTo("double", castTo("float", x!)),
    min: (a, t) => fold(t === "int" ? "nb_imin" : "nb_fmin")(a),
    max: (a, t) => fold(t === "int" ? "nb_imax" : "nb_fmax")(a),
    imul: helper("nb_imul"), clz32: helper("nb_clz32"),
    sin: libm("sin"), cos: libm("cos"), tan: libm("tan"), asin: libm("asin"), acos: libm("acos"), atan: libm("atan"),
    atan2: libm("atan2"), sinh: libm("sinh"), cosh: libm("cosh"), tanh: libm("tanh"), asinh: libm("asinh"),
    acosh: libm("acosh"), atanh: libm("atanh"), exp: helper("nb_exp"), expm1: libm("expm1"), log: libm("log"),
    log1p: libm("log1p"), log2: libm("log2"), log10: libm("log10"), cbrt: helper("nb_cbrt"),
    pow: helper("nb_pow"),
    hypot: (a) => callC("nb_hypot", [prim(String(a.length)), prim(`(const double[]){${a.map((x) => wrap(x, P.ASSIGN)).join(", ")}}`)]),
    random: () => callC("nb_random", []),
    isNaN: helper("nb_isnan"), isFinite: helper("nb_isfinite"), isInteger: helper("nb_isinteger"), isSafeInteger: helper("nb_issafeinteger"),
  },
  load(el, dtype) {
    if (dtype === "f64") return el;
    return castTo(DTYPES[dtype].scalar === "f64" ? "double" : "int64_t", el);
  },
  store(x, dtype) {
    return dtype === "f64" ? x : castTo(C_TARGET.elem[dtype], x);
  },
};

export function arrayTypeName(t: ArrayType): string {
  return `nb_${t.dtype}_${t.nd ? `nd${t.ndim}` : "vec"}`;
}

/** Site tables and per-module facts shared by the functions of one module. */
class ModuleState {
  readonly sites: NativeSites = { locs: [], arrays: [], messages: [] };
  readonly names = new Map<FuncIR, string>();
  readonly mayFail = new Set<FuncIR>();

  constructor(readonly funcs: readonly FuncIR[], readonly boundscheck: boolean) {
    const taken = new Set<string>();
    for (const f of funcs) {
      let n = `nbf_${ident(f.name)}`;
      for (let i = 2; taken.has(n); i++) n = `nbf_${ident(f.name)}_${i}`;
      taken.add(n);
      this.names.set(f, n);
    }
    // Callees come first, so one pass sees each callee's answer before its callers.
    for (const f of funcs) if (this.canFail(f)) this.mayFail.add(f);
  }

  private canFail(f: FuncIR): boolean {
    let fails = false;
    forEachStmt(f.body, (s) => { if (s.k === "throw" || (s.k === "store" && this.boundscheck && !s.unchecked)) fails = true; });
    forEachExpr(f.body, (e) => {
      if ((e.k === "call" && outlinedInfo(e.fn)) || e.k === "alloc" || isCheckedMod(e) || (e.k === "load" && this.boundscheck && !e.unchecked) || (e.k === "call" && this.mayFail.has(e.fn))) fails = true;
    });
    return fails;
  }

  site(fn: FuncIR, loc: Loc | undefined): number {
    this.sites.locs.push(loc ? `${fn.sourceName}:${loc.line}:${loc.column}` : fn.sourceName);
    return this.sites.locs.length - 1;
  }
}

class NativeFunction extends CStyleFunction {
  constructor(private readonly m: ModuleState, f: FuncIR) {
    super(C_TARGET, f, m.boundscheck);
  }

  arrayType(t: ArrayType): string { return arrayTypeName(t); }
  funcName(f: FuncIR): string { return this.m.names.get(f)!; }

  protected header(): string {
    const params = ["nb_ctx *ctx", ...this.f.params.map((p) => `${this.typeName(p.type)} ${this.name(p)}`)];
    // An outlined prange body hands each reduction's partial result back through a pointer.
    outlinedInfo(this.f)?.reductions.forEach((r, k) => params.push(`${this.typeName(r.v.type)} *nb_red${k}`));
    return `static ${this.typeName(this.f.ret)} ${this.funcName(this.f)}(${params.join(", ")})`;
  }

  protected zeroReturn(): string {
    return isArray(this.f.ret) ? `(${this.typeName(this.f.ret)}){0}` : "0";
  }

  protected vectorHint(): string { return "NB_IVDEP"; }

  /** A vectorised loop with inner loops: its main part in GNU C vectors (vector.ts); gcc vectorises the others itself. */
  protected override vectorMain(s: Extract<Stmt, { k: "for" }>, counter: string, end: string): string[] | undefined {
    return vectorMainLoop(s, counter, end, { expr: (e) => this.expr(e), name: (v) => this.name(v), math: (fn, args) => this.t.math[fn](args, "f64") });
  }

  protected override epilogue(): string[] {
    return outlinedInfo(this.f)?.reductions.map((r, k) => `*nb_red${k} = ${this.name(r.v)};`) ?? [];
  }

  /** What the driver of this outlined prange body needs to know (names and types in C). */
  regionParts(): RegionParts {
    const o = outlinedInfo(this.f)!;
    return {
      driver: regionName(this.funcName(this.f)),
      body: this.funcName(this.f),
      liveIns: o.liveIns.map((v) => ({ type: this.typeName(v.type), name: this.name(v) })),
      reductionTypes: o.reductions.map((r) => this.typeName(r.v.type)),
      site: this.m.site(this.f, undefined),
    };
  }

  protected raise(x: Failure): string {
    const { sites } = this.m;
    switch (x.k) {
      case "oob": {
        sites.arrays.push(x.arr.name);
        const t = x.arr.type as ArrayType;
        return `nb_oob(ctx, ${sites.arrays.length - 1}, ${x.axis}, ${t.ndim}, ${x.index}, ${x.size}, ${this.m.site(this.f, x.loc)}); goto nb_fail;`;
      }
      case "rem0": return `nb_fail_at(ctx, NB_REM0, ${this.m.site(this.f, x.loc)}); goto nb_fail;`;
      case "user":
        sites.messages.push({ cls: x.cls, msg: x.msg });
        return `nb_fail_at(ctx, NB_USER, ${sites.messages.length - 1}); goto nb_fail;`;
      default: return x satisfies never;
    }
  }

  /** `({ r = f(ctx, ...); if (ctx->kind) goto nb_fail; r; })`: failures propagate out of callees. */
  private propagate(callText: string, t: Type): Code {
    this.failUsed = true;
    const check = "if (NB_UNLIKELY(ctx->kind)) goto nb_fail;";
    if (t === "void") return prim(`({ ${callText}; ${check} })`);
    const r = this.tmp();
    return prim(`({ ${this.typeName(t)} ${r} = ${callText}; ${check} ${r}; })`);
  }

  protected call(fn: FuncIR, args: readonly Code[], t: Type): Code {
    const o = outlinedInfo(fn);
    if (o) {
      // A prange loop: its driver runs the chunks, then combines each reduction into the variable.
      const acc = o.reductions.map((r) => prim(`&${this.name(r.v)}`));
      return this.propagate(callC(regionName(this.funcName(fn)), [prim("ctx"), ...args, ...acc]).s, "void");
    }
    const c = callC(this.funcName(fn), [prim("ctx"), ...args]);
    return this.m.mayFail.has(fn) ? this.propagate(c.s, t) : c;
  }

  protected alloc(e: Extract<Expr, { k: "alloc" }>, sizes: readonly Code[]): Code {
    const fill = { zeros: 0, ones: 1, empty: 0 }[e.fill];
    const c = callC(`nb_alloc_${arrayTypeName(e.type)}`, [prim("ctx"), ...sizes, prim(String(fill)), prim(String(this.m.site(this.f, e.loc)))]);
    return this.propagate(c.s, e.type);
  }
}

/** `typedef struct { double *ptr; int64_t n0, ..., off; } nb_f64_nd2;` */
function structDef(t: ArrayType): string {
  const [, ...rest] = arrayFields(t);
  return `typedef struct { ${C_TARGET.elem[t.dtype]} *ptr; int64_t ${rest.join(", ")}; } ${arrayTypeName(t)};`;
}

/** The allocator of one array type: checks each size (as the JS backend does), C-contiguous strides. */
function allocDef(t: ArrayType): string {
  const T = arrayTypeName(t), el = C_TARGET.elem[t.dtype];
  const dims = Array.from({ length: t.ndim }, (_, d) => `n${d}`);
  const lines = [`static ${T} nb_alloc_${T}(nb_ctx *ctx, ${dims.map((d) => `int64_t ${d}`).join(", ")}, int32_t fill, int32_t site) {`, `  ${T} r = {0};`];
  for (const d of dims) lines.push(`  if (${d} < 0) { ctx->kind = NB_BADSIZE; ctx->size = (double)${d}; ctx->site = site; return r; }`);
  lines.push(`  int64_t count = 1;`);
  for (const d of dims) lines.push(`  if (__builtin_mul_overflow(count, ${d}, &count)) count = INT64_MAX;`);
  lines.push(`  ${el} *p = (${el} *)nb_alloc(ctx, count, sizeof(${el}), site);`, `  if (!p) return r;`);
  lines.push(`  if (fill == 1) for (int64_t i = 0; i < count; i++) p[i] = 1;`);
  lines.push(`  r.ptr = p;`);
  if (!t.nd) lines.push(`  r.len = n0;`);
  else {
    dims.forEach((d) => lines.push(`  r.${d} = ${d};`));
    for (let d = t.ndim - 1; d >= 0; d--) lines.push(d === t.ndim - 1 ? `  r.s${d} = 1;` : `  r.s${d} = r.s${d + 1} * n${d + 1};`);
    lines.push(`  r.off = 0;`);
  }
  lines.push("  return r;", "}");
  return lines.join("\n");
}

/** koffi type of each value nb_main takes for a param. */
function mainParams(t: Type): string[] {
  if (isArray(t)) return arrayFields(t).map((p) => (p === "ptr" ? "void *" : "double"));
  return [t === "bool" ? "int32_t" : "double"];
}

function entryWrapper(m: ModuleState, entry: FuncIR): string {
  const decls: string[] = [], args: string[] = [], inits: string[] = [];
  entry.params.forEach((p, i) => {
    const t = p.type;
    if (isArray(t)) {
      const fields = arrayFields(t);
      fields.forEach((f) => decls.push(f === "ptr" ? `void *a${i}_ptr` : `double a${i}_${f}`));
      const vals = fields.map((f) => (f === "ptr" ? `(${C_TARGET.elem[t.dtype]} *)a${i}_ptr` : `nb_sat(a${i}_${f})`));
      inits.push(`  ${arrayTypeName(t)} a${i} = { ${vals.join(", ")} };`);
    } else if (t === "bool") {
      decls.push(`int32_t a${i}_in`);
      inits.push(`  int32_t a${i} = a${i}_in;`);
    } else {
      decls.push(`double a${i}_in`);
      inits.push(t === "int" ? `  int64_t a${i} = nb_sat(a${i}_in);` : `  double a${i} = a${i}_in;`);
    }
    args.push(`a${i}`);
  });
  const ret = entry.ret;
  const call = `${m.names.get(entry)}(ctx${args.map((a) => `, ${a}`).join("")})`;
  const lines = [
    `NB_EXPORT int32_t nb_main(${["double *nb_out", ...decls].join(", ")}) {`,
    "  nb_ctx nb_state = {0};",
    "  nb_ctx *ctx = &nb_state;",
    ...inits,
    ret === "void" ? `  ${call};` : `  ${isArray(ret) ? arrayTypeName(ret) : C_TARGET.scalar[ret]} r = ${call};`,
    "  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }",
  ];
  if (ret === "void") lines.push("  nb_release(ctx, NULL);");
  else if (!isArray(ret)) lines.push("  nb_out[0] = (double)r;", "  nb_release(ctx, NULL);");
  else {
    const fields = arrayFields(ret);
    fields.forEach((f, k) => lines.push(`  nb_out[${k}] = (double)${f === "ptr" ? "(uintptr_t)r.ptr" : `r.${f}`};`));
    const owner = `nb_out[${fields.length}]`;
    lines.push(`  ${owner} = -2;`);
    // A returned argument is given back as the caller's own object: the first whose view matches.
    entry.params.forEach((p, i) => {
      if (!sameType(p.type, ret)) return;
      const same = fields.map((f) => `r.${f} == a${i}.${f}`).join(" && ");
      lines.push(`  if (${owner} == -2 && ${same}) ${owner} = ${i};`);
    });
    lines.push(`  if (nb_owns(ctx, r.ptr)) ${owner} = -1;`);
    lines.push(`  nb_release(ctx, ${owner} == -1 ? (const void *)r.ptr : NULL);`);
  }
  lines.push("  return 0;", "}");
  return lines.join("\n");
}

/** The driver of the outlined function `body` (backends/native/parallel.ts). */
const regionName = (body: string): string => body.replace(/^nbf_/, "nbr_");

export function generateC(original: FuncIR, opts: NativeOptions): NativeModule {
  // prange loops become outlined functions run by a driver (OpenMP), as on wasm (docs/parallel.md).
  const entry = opts.parallel ? outlineParallel(original) : original;
  const funcs = allFuncs(entry);
  const m = new ModuleState(funcs, opts.boundscheck);
  const types = arrayTypesOf(funcs);
  const allocTypes = new Map<string, ArrayType>();
  let usesRandom = false;
  for (const f of funcs)
    forEachExpr(f.body, (e) => {
      if (e.k === "alloc") allocTypes.set(arrayTypeName(e.type), e.type);
      if (e.k === "math" && e.fn === "random") usesRandom = true;
    });
  const protos: string[] = [], bodies: string[] = [];
  let regions = 0;
  for (const f of funcs) {
    const g = new NativeFunction(m, f);
    const text = g.render();
    protos.push(`${text.slice(0, text.indexOf(" {\n"))};`);
    bodies.push(text);
    const o = outlinedInfo(f);
    if (o) {
      const parts = g.regionParts();
      protos.push(`static void ${parts.driver}(${["nb_ctx *ctx", ...driverParams(parts)].join(", ")});`);
      bodies.push(regionDriver(o, parts, opts.parallel!));
      regions++;
    }
  }
  const source = [
    `/* numbat native module for ${entry.sourceName} (generated) */`,
    PRELUDE,
    usesRandom ? RANDOM : "",
    regions ? PARALLEL : "",
    ...types.map(structDef),
    ...[...allocTypes.values()].map(allocDef),
    ...protos,
    "",
    bodies.join("\n\n"),
    "",
    entryWrapper(m, entry),
    "",
  ].join("\n");
  return { source, sites: m.sites, params: entry.params.flatMap((p) => mainParams(p.type)), usesRandom, regions };
}
