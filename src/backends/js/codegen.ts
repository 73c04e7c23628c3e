// The plain-JS backend: the reference semantics every other target is tested against, and the fallback
// where wasm is unavailable. Emits readable JS (shown by `inspect("js")`) and builds it with `new Function`;
// ndarray fields are read into locals once so inner loops index typed arrays directly.

import { MATH_FNS } from "../../ir/math.js";
import { BINARY_OPS, type ArrayProp, type BinaryOp, type Expr, type FuncIR, type Loc, type Stmt, type Var } from "../../ir/nodes.js";
import { allFuncs, usedLabels } from "../../ir/printer.js";
import { DTYPES, isArray, type ArrayType } from "../../ir/types.js";
import { forEachExpr, forEachStmt, loopBoundIsStable } from "../../ir/walk.js";
import { MAX_ALLOC_BYTES, allocTooLarge, badAllocSize, outOfBounds, remainderByZero, userError } from "../../runtime/errors.js";
import { empty, ones, zeros, type DTypeName } from "../../runtime/ndarray.js";
import { SourcePrinter } from "../source.js";

export type AllocFn = (shape: number[], dtype: DTypeName) => unknown;
export interface JsRuntime { zeros: AllocFn; ones: AllocFn; empty: AllocFn }
export interface JsOptions {
  boundscheck: boolean;
  /** Allocators for `alloc` of ndarrays; defaults to numbat's own NdArray. */
  rt?: JsRuntime;
}
export interface JsKernel { source: string; fn: (...args: unknown[]) => unknown }

/** What generated code may reference besides its own functions; passed as `new Function` parameters. */
const RUNTIME = ["outOfBounds", "remainderByZero", "badAllocSize", "allocTooLarge", "userError", "zeros", "ones", "empty"] as const;

export function compileJs(entry: FuncIR, opts: JsOptions): JsKernel {
  const source = generateJs(entry, opts.boundscheck);
  const rt = opts.rt ?? { zeros, ones, empty };
  const make = new Function(...RUNTIME, source) as (...rt: unknown[]) => (...args: unknown[]) => unknown;
  const fn = make(outOfBounds, remainderByZero, badAllocSize, allocTooLarge, userError, rt.zeros, rt.ones, rt.empty);
  return { source, fn };
}

// Helpers stay out-of-line so generated expressions never need statements; V8 inlines them.
const HELPERS = {
  $ck: `function $ck(i, n, name, axis, ndim, where) {
  if (!(i >= 0 && i < n)) throw outOfBounds(name, axis, ndim, i, n, where);
  return i;
}`,
  // A load whose element came back undefined had an index outside the array (or not an integer):
  // the same error $ck would give, with -1 for a non-integer as f2idx makes it.
  $oob: `function $oob(i, n, name, axis, ndim, where) {
  throw outOfBounds(name, axis, ndim, Number.isInteger(i) ? i : -1, n, where);
}`,
  $imod: `function $imod(a, b, where) {
  if (b === 0) throw remainderByZero(where);
  return a % b;
}`,
  $sz: `function $sz(n, where, bytes) {
  if (!(Number.isInteger(n) && n >= 0)) throw badAllocSize(n, where);
  if (n * bytes > ${MAX_ALLOC_BYTES}) throw allocTooLarge(n, n * bytes, where);
  return n;
}`,
  // The dimensions of an n-d allocation, whose element count (their product) has the same limit.
  $dims: `function $dims(dims, where, bytes) {
  const n = dims.reduce((a, b) => a * b, 1);
  if (n * bytes > ${MAX_ALLOC_BYTES}) throw allocTooLarge(n, n * bytes, where);
  return dims;
}`,
  // Element ranges [lo, hi] of two typed arrays: do their bytes overlap? (Different buffers never do.)
  $disjoint: `function $disjoint(a, alo, ahi, b, blo, bhi) {
  if (ahi < alo || bhi < blo || a.buffer !== b.buffer) return true;
  const as = a.byteOffset + alo * a.BYTES_PER_ELEMENT, ae = a.byteOffset + (ahi + 1) * a.BYTES_PER_ELEMENT;
  const bs = b.byteOffset + blo * b.BYTES_PER_ELEMENT, be = b.byteOffset + (bhi + 1) * b.BYTES_PER_ELEMENT;
  return ae <= bs || be <= as;
}`,
  // Kernels (gpusim): threads of a group take turns, so a read-modify-write is atomic by construction.
  $atomic: `function $atomic(op, a, i, x) {
  const old = a[i];
  a[i] = op === "add" ? old + x : op === "sub" ? old - x : op === "min" ? Math.min(old, x) : op === "max" ? Math.max(old, x)
    : op === "and" ? old & x : op === "or" ? old | x : op === "xor" ? old ^ x : x;
  return old;
}`,
  $f2idx: `function $f2idx(x) {
  return Number.isInteger(x) ? x : -1;
}`,
  // A Uint8ClampedArray store *is* the reference conversion (clamp, round half to even, NaN -> 0).
  $u8c: `const $u8cBuf = new Uint8ClampedArray(1);
function $u8c(x) {
  $u8cBuf[0] = x;
  return $u8cBuf[0];
}`,
};
type Helper = keyof typeof HELPERS;

// JS precedence levels, just enough to parenthesise only where needed.
const PREC_COND = 2, PREC_OR = 3, PREC_AND = 4, PREC_ADD = 11, PREC_MUL = 12, PREC_UNARY = 14, PREC_PRIMARY = 20;
const BIN_PREC: Record<string, number> = {
  "|": 5, "^": 6, "&": 7, "===": 8, "!==": 8, "<": 9, "<=": 9, ">": 9, ">=": 9,
  "<<": 10, ">>": 10, ">>>": 10, "+": PREC_ADD, "-": PREC_ADD, "*": PREC_MUL, "/": PREC_MUL, "%": PREC_MUL,
};
interface Code { s: string; p: number }
const code = (s: string, p: number): Code => ({ s, p });
const wrap = (c: Code, min: number): string => (c.p >= min ? c.s : `(${c.s})`);
const binop = (js: string, a: Code, b: Code): Code => {
  const p = BIN_PREC[js];
  return code(`${wrap(a, p)} ${js} ${wrap(b, p + 1)}`, p);
};

const ident = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=\d|$)/, "_");

/** The JS source (a `new Function` body taking RUNTIME and returning the entry function). */
export function generateJs(entry: FuncIR, boundscheck: boolean): string {
  // Var names end in `_<id>` and helpers/functions contain `$`, so the three namespaces cannot collide.
  const fnNames = new Map<FuncIR, string>();
  const taken = new Set<string>();
  const funcs = allFuncs(entry);
  for (const f of funcs) {
    let n = `f$${ident(f.name)}`;
    for (let i = 2; taken.has(n); i++) n = `f$${ident(f.name)}$${i}`;
    taken.add(n);
    fnNames.set(f, n);
  }
  const helpers = new Set<Helper>();
  const bodies = funcs.map((f) => new FuncGen(f, f === entry, boundscheck, fnNames, helpers).gen());
  return [
    `"use strict";`,
    ...[...helpers].sort().map((h) => HELPERS[h]),
    ...bodies,
    `return ${fnNames.get(entry)};`,
  ].join("\n") + "\n";
}

class FuncGen extends SourcePrinter {
  /** nd arrays whose data/shape/stride/offset live in locals. */
  private readonly cached = new Set<Var>();
  private readonly labels: Set<number>;
  /** How `continue L` is spelled for each enclosing loop. */
  private readonly cont = new Map<number, string>();

  constructor(
    private readonly f: FuncIR,
    private readonly isEntry: boolean,
    private readonly boundscheck: boolean,
    private readonly fnNames: Map<FuncIR, string>,
    private readonly helpers: Set<Helper>,
  ) {
    super();
    this.labels = usedLabels(f.body);
    const note = (x: Var): void => { if (isArray(x.type) && x.type.nd) this.cached.add(x); };
    forEachStmt(f.body, (s) => { if (s.k === "store") note(s.arr); });
    forEachExpr(f.body, (e) => { if (e.k === "load" || e.k === "prop") note(e.arr); });
  }

  private name(x: Var): string { return `${ident(x.name)}_${x.id}`; }
  private where(l: Loc | undefined): string {
    return JSON.stringify(l ? `${this.f.sourceName}:${l.line}:${l.column}` : this.f.sourceName);
  }

  /** `A_d = A.data, A_n0 = A.shape[0], ..., A_o = A.offset`: valid in `let` and as an expression. */
  private cacheInit(x: Var): string {
    const n = this.name(x), t = x.type as ArrayType;
    const parts = [`${n}_d = ${n}.data`];
    for (let d = 0; d < t.ndim; d++) parts.push(`${n}_n${d} = ${n}.shape[${d}]`);
    for (let d = 0; d < t.ndim; d++) parts.push(`${n}_s${d} = ${n}.stride[${d}]`);
    parts.push(`${n}_o = ${n}.offset`);
    return parts.join(", ");
  }

  gen(): string {
    const { f } = this;
    const params = f.params.map((p) => this.name(p));
    const decls = f.locals.map((x) => {
      const init = isArray(x.type) ? "null" : x.type === "bool" ? "false" : "0";
      if (!this.cached.has(x)) return `${this.name(x)} = ${init}`;
      const n = this.name(x), t = x.type as ArrayType, dims = Array.from({ length: t.ndim }, (_, d) => d);
      return [`${n} = null`, `${n}_d = null`, ...dims.map((d) => `${n}_n${d} = 0`), ...dims.map((d) => `${n}_s${d} = 0`), `${n}_o = 0`].join(", ");
    });
    for (const p of f.params) if (this.cached.has(p)) this.line(`let ${this.cacheInit(p)};`);
    if (decls.length) this.line(`let ${decls.join(", ")};`);
    // A kernel runs as a generator (one per thread): `gpu.barrier()` is a `yield`, so the simulator can
    // advance every thread of a group to the barrier before any goes past it. `$g` holds the thread's
    // position and its group's shared arrays.
    const k = f.kernel;
    if (k) {
      k.shared.forEach((s, i) => this.line(`const ${this.name(s.v)} = $g.shared[${i}];`));
      params.push("$g");
    }
    this.block(f.body);
    return `function${k ? "*" : ""} ${this.fnNames.get(f)}(${params.join(", ")}) {\n${this.out.join("\n")}\n}`;
  }

  private label(n: number): string { return this.labels.has(n) ? `L${n}: ` : ""; }

  protected stmt(s: Stmt): void {
    switch (s.k) {
      case "assign": this.line(`${this.assignExpr(s.v, s.x)};`); return;
      case "store": this.line(`${this.element(s.arr, s.idx, s.loc, s.unchecked)} = ${this.expr(s.x).s};`); return;
      case "expr": this.line(`${this.expr(s.x).s};`); return;
      case "if": this.ifChain(s, this.expr(s.c).s, (c) => this.expr(c).s); return;
      case "for": {
        const v = this.name(s.v), op = BINARY_OPS[s.cmp].js;
        const step = s.step === 1 ? `${v}++` : s.step === -1 ? `${v}--` : s.step > 0 ? `${v} += ${s.step}` : `${v} -= ${-s.step}`;
        this.cont.set(s.label, `continue L${s.label};`);
        const start = this.expr(s.start).s;
        if (loopBoundIsStable(s)) {
          this.line(`${this.label(s.label)}for (${v} = ${start}; ${v} ${op} ${this.expr(s.end).s}; ${step}) {`);
        } else {
          // `end` is evaluated once, after `start`, as the IR specifies.
          this.line(`${v} = ${start};`);
          this.line(`${this.label(s.label)}for (const $e${s.label} = ${this.expr(s.end).s}; ${v} ${op} $e${s.label}; ${step}) {`);
        }
        this.nested(s.body);
        this.line("}");
        return;
      }
      case "loop": this.loop(s); return;
      case "break": this.line(`break L${s.label};`); return;
      case "continue": this.line(this.cont.get(s.label) ?? `continue L${s.label};`); return;
      case "return": {
        if (!s.x) { this.line("return;"); return; }
        const x = this.expr(s.x);
        // Ints never reach the user as -0 (wasm's i64 has none); inside kernels -0 and 0 behave alike.
        this.line(`return ${this.isEntry && s.x.type === "int" ? `${wrap(x, PREC_ADD)} + 0` : x.s};`);
        return;
      }
      case "throw": this.line(`throw userError(${JSON.stringify(s.cls)}, ${JSON.stringify(s.msg)});`); return;
      case "barrier": this.line("yield;"); return;
      default: s satisfies never;
    }
  }

  /** Picks the most natural JS loop: while, do-while, for(;;) or the general labelled-block form. */
  private loop(s: Extract<Stmt, { k: "loop" }>): void {
    const L = `L${s.label}`, lbl = this.label(s.label);
    const pre = s.pre ? this.expr(s.pre).s : "true";
    const updates = s.update.map((u) => this.asExpr(u));
    if (s.post === null && updates.every((u) => u !== undefined)) {
      this.cont.set(s.label, `continue ${L};`);
      this.line(updates.length ? `${lbl}for (; ${pre}; ${updates.join(", ")}) {` : `${lbl}while (${pre}) {`);
      this.nested(s.body);
      this.line("}");
    } else if (s.pre === null && s.update.length === 0) {
      this.cont.set(s.label, `continue ${L};`);
      this.line(`${lbl}do {`);
      this.nested(s.body);
      this.line(`} while (${this.expr(s.post!).s});`);
    } else {
      // `continue` must still run update and the post-test, so it leaves a labelled block instead.
      const hasContinue = usedContinues(s.body).has(s.label);
      this.cont.set(s.label, `break C${s.label};`);
      this.line(`${lbl}while (${pre}) {`);
      this.indented(() => {
        if (hasContinue) {
          this.line(`C${s.label}: {`);
          this.nested(s.body);
          this.line("}");
        } else this.block(s.body);
        this.block(s.update);
        if (s.post) this.line(`if (!(${this.expr(s.post).s})) break;`);
      });
      this.line("}");
    }
  }

  /** A simple statement as a JS expression (for a `for(;;)` update clause), else undefined. */
  private asExpr(s: Stmt): string | undefined {
    if (s.k === "assign") return this.assignExpr(s.v, s.x);
    if (s.k === "store") return `${this.element(s.arr, s.idx, s.loc, s.unchecked)} = ${this.expr(s.x).s}`;
    if (s.k === "expr") return wrap(this.expr(s.x), PREC_COND);
    return undefined;
  }

  private assignExpr(x: Var, e: Expr): string {
    const a = `${this.name(x)} = ${this.expr(e).s}`;
    return this.cached.has(x) ? `${a}, ${this.cacheInit(x)}` : a;
  }

  /**
   * A bounds-checked load from a bare typed array as `A[i] ?? $oob(...)`: a typed array gives
   * undefined exactly for an index outside it or not an integer, so V8's own check is the only one
   * (and an f64 index needs no f2idx). Only for indices cheap and pure enough to compute again on
   * the error path; undefined otherwise.
   */
  private checkedLoad(e: Extract<Expr, { k: "load" }>): Code | undefined {
    const t = e.arr.type as ArrayType;
    if (!this.boundscheck || e.unchecked || t.nd) return undefined;
    const raw = e.idx[0]!;
    const idx = raw.k === "cast" && raw.op === "f2idx" ? raw.x : raw;
    if (!recomputable(idx)) return undefined;
    this.helpers.add("$oob");
    const n = this.name(e.arr), i = this.expr(idx).s;
    return code(`(${n}[${i}] ?? $oob(${i}, ${n}.length, ${JSON.stringify(e.arr.name)}, 0, 1, ${this.where(e.loc)}))`, PREC_PRIMARY);
  }

  /** The element lvalue `A_d[A_o + i * A_s0 + ...]` (or `A[i]` for a bare typed array), bounds-checked on request. */
  private element(arr: Var, idx: readonly Expr[], l: Loc, unchecked = false): string {
    const n = this.name(arr), t = arr.type as ArrayType;
    const where = this.where(l);
    const index = (e: Expr, d: number, size: string): Code => {
      const c = this.expr(e);
      if (!this.boundscheck || unchecked) return c;
      const args = `${size}, ${JSON.stringify(arr.name)}, ${d}, ${t.ndim}, ${where}`;
      // A variable or constant index is tested in line: no call while V8 still interprets the loop
      // (the baseline tier's first call, docs/tiers.md).
      if (e.k === "var" || e.k === "const") {
        this.helpers.add("$oob");
        return code(`(${c.s} >= 0 && ${c.s} < ${size} ? ${c.s} : $oob(${c.s}, ${args}))`, PREC_PRIMARY);
      }
      this.helpers.add("$ck");
      return code(`$ck(${c.s}, ${args})`, PREC_PRIMARY);
    };
    if (!t.nd) return `${n}[${index(idx[0], 0, `${n}.length`).s}]`;
    const terms = [`${n}_o`, ...idx.map((e, d) => `${wrap(index(e, d, `${n}_n${d}`), PREC_MUL)} * ${n}_s${d}`)];
    return `${n}_d[${terms.join(" + ")}]`;
  }

  private expr(e: Expr): Code {
    const c = this.exprF64(e);
    // An f32 kernel rounds every float result to binary32, as the GPU computes it (+ - * / sqrt are
    // then correctly rounded: binary64 is wide enough that rounding twice changes nothing).
    // Loads round too: a Float64Array element is a binary32 value once a GPU has read it.
    if (this.f.kernel?.float === "f32" && e.type === "f64" && (e.k === "binary" || e.k === "math" || e.k === "cast" || e.k === "const" || (e.k === "load" && (e.arr.type as ArrayType).dtype === "f64")))
      return code(`Math.fround(${c.s})`, PREC_PRIMARY);
    return c;
  }

  private exprF64(e: Expr): Code {
    switch (e.k) {
      case "const": {
        const x = e.value;
        if (typeof x === "boolean") return code(String(x), PREC_PRIMARY);
        const s = Object.is(x, -0) ? "-0" : String(x);
        return code(s, s.startsWith("-") ? PREC_UNARY : PREC_PRIMARY);
      }
      case "var": return code(this.name(e.v), PREC_PRIMARY);
      case "unary": {
        const js = e.op === "neg" ? "-" : e.op === "not" ? "!" : "~";
        return code(js + wrap(this.expr(e.x), PREC_UNARY + 1), PREC_UNARY);
      }
      case "binary": return this.binary(e.op, e.a, e.b, e.loc);
      case "cast": {
        const x = this.expr(e.x), op = e.op;
        switch (op) {
          case "i2f": return code(`${wrap(x, PREC_ADD)} + 0`, PREC_ADD); // + 0 turns an int -0 into 0
          case "b2i": case "b2f": return code(`+${wrap(x, PREC_UNARY + 1)}`, PREC_UNARY);
          case "f2i32": return code(`${wrap(x, BIN_PREC["|"])} | 0`, BIN_PREC["|"]);
          case "f2idx": this.helpers.add("$f2idx"); return code(`$f2idx(${x.s})`, PREC_PRIMARY);
          case "truthy": return code(`!!${wrap(x, PREC_UNARY + 1)}`, PREC_UNARY);
          case "f2u8c": case "i2u8c": this.helpers.add("$u8c"); return code(`$u8c(${x.s})`, PREC_PRIMARY);
          default: return op satisfies never;
        }
      }
      case "math": return code(`${MATH_FNS[e.fn].owner}.${e.fn}(${this.args(e.args)})`, PREC_PRIMARY);
      case "cond":
        return code(`${wrap(this.expr(e.c), PREC_OR)} ? ${wrap(this.expr(e.a), PREC_COND)} : ${wrap(this.expr(e.b), PREC_COND)}`, PREC_COND);
      case "logical": {
        const [js, p] = e.op === "and" ? ["&&", PREC_AND] : ["||", PREC_OR];
        return code(`${wrap(this.expr(e.a), p)} ${js} ${wrap(this.expr(e.b), p + 1)}`, p);
      }
      case "load": return this.checkedLoad(e) ?? code(this.element(e.arr, e.idx, e.loc, e.unchecked), PREC_PRIMARY);
      case "prop": return this.prop(e.arr, e.prop, e.dim);
      case "disjoint": {
        this.helpers.add("$disjoint");
        const data = (v: Var) => ((v.type as ArrayType).nd ? `${this.name(v)}_d` : this.name(v));
        const [a0, a1, b0, b1] = e.spans.map((x) => this.expr(x).s);
        return code(`$disjoint(${data(e.a)}, ${a0}, ${a1}, ${data(e.b)}, ${b0}, ${b1})`, PREC_PRIMARY);
      }
      case "call": return code(`${this.fnNames.get(e.fn)}(${this.args(e.args)})`, PREC_PRIMARY);
      case "alloc": {
        const where = this.where(e.loc);
        this.helpers.add("$sz");
        const info = DTYPES[e.type.dtype];
        const sizes = e.shape.map((x) => `$sz(${this.expr(x).s}, ${where}, ${info.bytes})`);
        if (e.type.nd) {
          this.helpers.add("$dims");
          return code(`${e.fill}($dims([${sizes.join(", ")}], ${where}, ${info.bytes}), ${JSON.stringify(info.name)})`, PREC_PRIMARY);
        }
        return code(`new ${info.ctor}(${sizes[0]})${e.fill === "ones" ? ".fill(1)" : ""}`, PREC_PRIMARY);
      }
      case "gpu": return code(`$g.${e.what}[${e.axis}]`, PREC_PRIMARY);
      case "atomic": {
        this.helpers.add("$atomic");
        const t = e.arr.type as ArrayType;
        const at = this.element(e.arr, e.idx, e.loc).slice(this.name(e.arr).length + 1, -1); // the index inside A[...]
        return code(`$atomic(${JSON.stringify(e.op)}, ${t.nd ? `${this.name(e.arr)}_d` : this.name(e.arr)}, ${at}, ${this.expr(e.x).s})`, PREC_PRIMARY);
      }
      default: return e satisfies never;
    }
  }

  private args(es: readonly Expr[]): string { return es.map((x) => wrap(this.expr(x), PREC_COND)).join(", "); }

  private binary(op: BinaryOp, a: Expr, b: Expr, l: Loc | undefined): Code {
    const ca = this.expr(a), cb = this.expr(b);
    const intDivisorMayBeZero = op === "mod" && a.type === "int" && !(b.k === "const" && b.value !== 0);
    if (intDivisorMayBeZero) {
      this.helpers.add("$imod");
      return code(`$imod(${ca.s}, ${cb.s}, ${this.where(l)})`, PREC_PRIMARY);
    }
    if (op === "div" && a.type === "int") return code(`Math.trunc(${ca.s} / ${cb.s})`, PREC_PRIMARY);
    return binop(BINARY_OPS[op].js, ca, cb);
  }

  private prop(arr: Var, p: ArrayProp, dim: number): Code {
    const n = this.name(arr), t = arr.type as ArrayType;
    if (!t.nd) {
      if (p === "stride") return code("1", PREC_PRIMARY);
      if (p === "offset") return code("0", PREC_PRIMARY);
      return code(`${n}.length`, PREC_PRIMARY);
    }
    const size = (): Code => (t.ndim === 0 ? code("1", PREC_PRIMARY)
      : t.ndim === 1 ? code(`${n}_n0`, PREC_PRIMARY)
      : code(Array.from({ length: t.ndim }, (_, d) => `${n}_n${d}`).join(" * "), PREC_MUL));
    switch (p) {
      case "shape": return code(`${n}_n${dim}`, PREC_PRIMARY);
      case "stride": return code(`${n}_s${dim}`, PREC_PRIMARY);
      case "offset": return code(`${n}_o`, PREC_PRIMARY);
      case "length": return t.ndim >= 1 ? code(`${n}_n0`, PREC_PRIMARY) : size(); // as a nested JS array's length
      case "size": return size();
      default: return p satisfies never;
    }
  }
}

/** Whether `x` may change while these statements run (so a loop bound reading it must be hoisted). */
/** Labels targeted by a `continue` somewhere inside these statements. */
function usedContinues(ss: readonly Stmt[]): Set<number> {
  const out = new Set<number>();
  forEachStmt(ss, (s) => { if (s.k === "continue") out.add(s.label); });
  return out;
}

/** An index expression with no effects and little work: variables, constants, + - * of them. */
function recomputable(e: Expr, depth = 0): boolean {
  if (depth > 3) return false;
  if (e.k === "var" || e.k === "const") return true;
  if (e.k === "binary") return (e.op === "add" || e.op === "sub" || e.op === "mul") && recomputable(e.a, depth + 1) && recomputable(e.b, depth + 1);
  return false;
}
