// The C-style renderer: IR to the statement/expression syntax shared by C, CUDA and (later) other
// C-family targets. A target supplies one table (`CStyleTarget`: type names, literal, operator, cast
// and Math spellings, each keyed by op so a missing op is a type error) and a `CStyleFunction`
// subclass with the parts that are not syntax: the calling convention, error exits, allocation.
//
// Evaluation order. C leaves the order of operands unspecified, JS does not. Operands that may throw
// (checked loads, calls, integer `%`, allocation) or write memory (calls) are sequenced: when the
// order could be observed they are evaluated into temporaries first, in JS order, inside a GNU
// statement expression `({ ... })` — the one extension used here, supported by gcc and clang. Checks
// leave the function with `goto` to its failure exit, which GNU C allows out of a statement expression.

import { BINARY_OPS, type ArrayProp, type BinaryOp, type CastOp, type Expr, type FuncIR, type Loc, type MathFn, type Stmt, type UnaryOp, type Var } from "../../ir/nodes.js";
import { isArray, type ArrayType, type DType, type ScalarType, type Type } from "../../ir/types.js";
import { childExprs, forEachExpr, forEachStmt, loopBoundIsStable } from "../../ir/walk.js";
import { SourcePrinter } from "../source.js";

// ---- code fragments with C precedence -------------------------------------------------------------

/** C precedence levels: higher binds tighter. */
export const P = {
  COMMA: 1, ASSIGN: 2, COND: 3, OR: 4, AND: 5, BITOR: 6, BITXOR: 7, BITAND: 8, EQ: 9, REL: 10,
  SHIFT: 11, ADD: 12, MUL: 13, UNARY: 15, POSTFIX: 16,
} as const;

export interface Code { readonly s: string; readonly p: number }
export const code = (s: string, p: number): Code => ({ s, p });
export const prim = (s: string): Code => code(s, P.POSTFIX);
/** `c` as an operand of an operator of precedence `min`. */
export const wrap = (c: Code, min: number): string => (c.p >= min ? c.s : `(${c.s})`);
export const bin = (op: string, p: number, a: Code, b: Code): Code => code(`${wrap(a, p)} ${op} ${wrap(b, p + 1)}`, p);
/** A prefix operator; `- -x` never prints as the decrement `--x`. */
export const un = (op: string, x: Code): Code => {
  const inner = wrap(x, P.UNARY);
  return code(`${op}${op === "-" && inner.startsWith("-") ? `(${inner})` : inner}`, P.UNARY);
};
/** The binary operators of every C-family target; `fmod` names the float remainder (fmod, fmodf). */
export function cBinaryOps(fmod: string): Record<BinaryOp, (a: Code, b: Code, t: ScalarType) => Code> {
  return {
    add: (a, b) => bin("+", P.ADD, a, b),
    sub: (a, b) => bin("-", P.ADD, a, b),
    mul: (a, b) => bin("*", P.MUL, a, b),
    div: (a, b) => bin("/", P.MUL, a, b),
    mod: (a, b, t) => (t === "f64" ? callC(fmod, [a, b]) : callC("nb_irem", [a, b])),
    bitand: (a, b) => callC("nb_and", [a, b]),
    bitor: (a, b) => callC("nb_or", [a, b]),
    bitxor: (a, b) => callC("nb_xor", [a, b]),
    shl: (a, b) => callC("nb_shl", [a, b]),
    shr: (a, b) => callC("nb_shr", [a, b]),
    ushr: (a, b) => callC("nb_ushr", [a, b]),
    eq: (a, b) => bin("==", P.EQ, a, b),
    ne: (a, b) => bin("!=", P.EQ, a, b),
    lt: (a, b) => bin("<", P.REL, a, b),
    le: (a, b) => bin("<=", P.REL, a, b),
    gt: (a, b) => bin(">", P.REL, a, b),
    ge: (a, b) => bin(">=", P.REL, a, b),
  };
}

export const castTo = (type: string, x: Code): Code => code(`(${type})${wrap(x, P.UNARY)}`, P.UNARY);
export const callC = (fn: string, args: readonly Code[]): Code => prim(`${fn}(${args.map((a) => wrap(a, P.ASSIGN)).join(", ")})`);

/** A C identifier for a source name (the `_<id>` suffix added by callers keeps it clear of keywords). */
export const ident = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=\d|$)/, "_");

// ---- what a target supplies ----------------------------------------------------------------------

/** Spellings of one C-family target, keyed by op: a missing entry is a TypeScript error. */
export interface CStyleTarget {
  readonly scalar: Record<ScalarType, string>;
  /** Element type in memory of each dtype. */
  readonly elem: Record<DType, string>;
  /** Numeric literals, exact (every binary64 value, including NaN, infinities and -0). */
  float(x: number): Code;
  int(x: number): Code;
  readonly unary: Record<UnaryOp, (x: Code, t: ScalarType) => Code>;
  /** `mod` here is the plain remainder: the renderer adds the integer division-by-zero check. */
  readonly binary: Record<BinaryOp, (a: Code, b: Code, t: ScalarType) => Code>;
  readonly cast: Record<CastOp, (x: Code, from: ScalarType) => Code>;
  /** `t` is the type of the (already coerced) arguments. */
  readonly math: Record<MathFn, (args: readonly Code[], t: ScalarType) => Code>;
  /** Element load: widens the stored element to its scalar type (`elemType`). */
  load(el: Code, dtype: DType): Code;
  /** The value stored into an element of `dtype` (narrowing as JS typed arrays do; the IR already clamped u8c). */
  store(x: Code, dtype: DType): Code;
}

/** A run-time failure the generated code reports before leaving the function. */
export type Failure =
  | { readonly k: "oob"; readonly arr: Var; readonly axis: number; readonly index: string; readonly size: string; readonly loc: Loc }
  | { readonly k: "rem0"; readonly loc: Loc | undefined }
  | { readonly k: "user"; readonly cls: string; readonly msg: string; readonly loc: Loc };

/** Effects of an expression that constrain evaluation order. */
interface Effects { readonly eff: boolean; readonly rd: boolean }

/**
 * Renders one IR function. Array values are structs (`ptr, len` or `ptr, n0.., s0.., off`, the parts
 * of wasm's `arrayParts`), locals are declared up front and zero-initialised (a variable read before
 * assignment reads as 0, as the contract says).
 */
export abstract class CStyleFunction extends SourcePrinter {
  private tmpCount = 0;
  /**
   * Enclosing loops, innermost last: how `break`/`continue` reach each. `id` names the C labels: the
   * optimiser may emit one IR loop twice (versioned nests), and C labels are function-wide.
   */
  private readonly loops: { label: number; id: number; cont: "continue" | "goto" }[] = [];
  private loopCount = 0;
  private readonly gotoBreak = new Set<number>();
  private readonly gotoCont = new Set<number>();
  private readonly effects = new WeakMap<Expr, Effects>();
  /** Whether some path jumps to the failure exit. */
  protected failUsed = false;

  constructor(protected readonly t: CStyleTarget, protected readonly f: FuncIR, protected readonly boundscheck: boolean) {
    super();
  }

  // ---- what a subclass provides ----

  /** Struct type name of an array type. */
  abstract arrayType(t: ArrayType): string;
  /** C name of an IR function. */
  abstract funcName(f: FuncIR): string;
  /** Statements that record `failure` and leave the function (normally ending in `goto nb_fail;`). */
  protected abstract raise(failure: Failure): string;
  /** A call to another IR function (args already in order); failure propagation included. */
  protected abstract call(fn: FuncIR, args: readonly Code[], t: Type): Code;
  /** A fresh array of `e.type` with the given sizes (evaluated, in order); failure propagation included. */
  protected abstract alloc(e: Extract<Expr, { k: "alloc" }>, sizes: readonly Code[]): Code;
  /** The function's header line, without the opening brace. */
  protected abstract header(): string;
  /** The zero value returned on the failure exit and when control falls off the end. */
  protected abstract zeroReturn(): string;
  /** The line before a loop the vectoriser marked (iterations independent). */
  protected abstract vectorHint(): string;
  /**
   * Lines before the loop the vectoriser marked, run with its counter at `start`: a target may run
   * some of the iterations there (its own vector code) and leave the rest to the loop.
   */
  protected vectorMain(_s: Extract<Stmt, { k: "for" }>, _counter: string, _end: string): string[] | undefined { return undefined; }
  // GPU kernels only (a GPU target overrides these; C for the CPU never sees kernel nodes).
  protected gpuIndex(e: Extract<Expr, { k: "gpu" }>): Code { throw new Error(`C-style renderer: gpu.${e.what} needs a GPU target`); }
  protected atomic(e: Extract<Expr, { k: "atomic" }>, _operands: readonly Code[]): Code { throw new Error(`C-style renderer: atomic.${e.op} needs a GPU target`); }
  protected barrier(): string { throw new Error("C-style renderer: barrier needs a GPU target"); }
  /** Lines run when the body completes normally, before the failure exit (e.g. results written through pointers). */
  protected epilogue(): string[] { return []; }
  /** Lines at the top of the body, before the locals (e.g. a kernel's parameters gathered into array structs). */
  protected prologue(): string[] { return []; }

  // ---- names and types ----

  name(x: Var): string { return `${ident(x.name)}_${x.id}`; }
  typeName(t: Type): string {
    if (t === "void") return "void";
    return isArray(t) ? this.arrayType(t) : this.t.scalar[t];
  }
  protected tmp(): string { return `nb_t${this.tmpCount++}`; }

  render(): string {
    const { f } = this;
    this.prologue().forEach((l) => this.line(l));
    for (const v of f.locals) this.line(`${this.typeName(v.type)} ${this.name(v)} = ${isArray(v.type) ? "{0}" : "0"};`);
    const ends = new Set<number>(); // loops the optimiser split share their label (and so this variable)
    forEachStmt(f.body, (s) => { if (s.k === "for" && !inlineBound(s)) ends.add(s.label); });
    ends.forEach((l) => this.line(`int64_t nb_end${l} = 0;`));
    this.block(f.body);
    this.epilogue().forEach((l) => this.line(l));
    const tail: string[] = [];
    if (this.failUsed) tail.push("nb_fail:");
    if (f.ret !== "void") tail.push(`  return ${this.zeroReturn()};`);
    else if (this.failUsed) tail.push("  return;");
    return [`${this.header()} {`, ...this.out, ...tail, "}"].join("\n");
  }

  // ---- statements ----

  protected stmt(s: Stmt): void {
    switch (s.k) {
      case "assign": this.line(`${this.name(s.v)} = ${this.expr(s.x).s};`); return;
      case "store": this.store(s); return;
      case "expr": this.line(`${this.expr(s.x).s};`); return;
      case "if": this.ifChain(s, this.expr(s.c).s, (c) => this.expr(c).s); return;
      case "for": this.forLoop(s); return;
      case "loop": this.loop(s); return;
      case "break": {
        const inner = this.loops[this.loops.length - 1]!, target = this.loopOf(s.label);
        if (inner === target) this.line("break;");
        else { this.gotoBreak.add(target.id); this.line(`goto nb_brk${target.id};`); }
        return;
      }
      case "continue": {
        const inner = this.loops[this.loops.length - 1]!, target = this.loopOf(s.label);
        if (inner === target && inner.cont === "continue") this.line("continue;");
        else { this.gotoCont.add(target.id); this.line(`goto nb_cont${target.id};`); }
        return;
      }
      case "return": this.line(s.x ? `return ${this.expr(s.x).s};` : "return;"); return;
      case "throw": this.fail({ k: "user", cls: s.cls, msg: s.msg, loc: s.loc }).forEach((l) => this.line(l)); return;
      case "barrier": this.line(this.barrier()); return;
      default: s satisfies never;
    }
  }

  private loopOf(label: number): { label: number; id: number; cont: "continue" | "goto" } {
    for (let k = this.loops.length - 1; k >= 0; k--) if (this.loops[k]!.label === label) return this.loops[k]!;
    throw new Error(`C-style renderer: no enclosing loop L${label}`);
  }

  private fail(failure: Failure): string[] {
    this.failUsed = true;
    return this.raise(failure).split("\n");
  }

  /** `for (v = start; v < end; v += step)`, `end` evaluated once after `start`. */
  private forLoop(s: Extract<Stmt, { k: "for" }>): void {
    const v = this.name(s.v), op = BINARY_OPS[s.cmp].js;
    const step = s.step === 1 ? `${v}++` : s.step === -1 ? `${v}--` : s.step > 0 ? `${v} += ${s.step}` : `${v} -= ${-s.step}`;
    this.line(`${v} = ${this.expr(s.start).s};`);
    let end = this.expr(s.end).s;
    if (!inlineBound(s)) {
      this.line(`nb_end${s.label} = ${end};`);
      end = `nb_end${s.label}`;
    }
    // The vectoriser proved the iterations independent (each lane computes exactly the scalar operations).
    // (Not when independence depends on a run-time distance, `vectorIf`: the C compiler decides.)
    if (s.vector && !s.vectorIf) {
      this.vectorMain(s, v, end)?.forEach((l) => this.line(l));
      this.line(this.vectorHint());
    }
    this.loopBody(s.label, "continue", `for (; ${v} ${op} ${end}; ${step}) {`, () => this.block(s.body), "}");
  }

  /**
   * General loop. `continue` must run `update` and the post-test, so those loops jump to a label
   * before them; simpler shapes become plain while / do-while loops.
   */
  private loop(s: Extract<Stmt, { k: "loop" }>): void {
    const pre = s.pre ? this.expr(s.pre).s : "1";
    if (s.update.length === 0 && s.post === null) {
      this.loopBody(s.label, "continue", `while (${pre}) {`, () => this.block(s.body), "}");
    } else if (s.pre === null && s.update.length === 0) {
      this.loopBody(s.label, "continue", "do {", () => this.block(s.body), `} while (${this.expr(s.post!).s});`);
    } else {
      this.loopBody(s.label, "goto", `while (${pre}) {`, (id) => {
        this.block(s.body);
        if (this.gotoCont.has(id)) this.line(`nb_cont${id}: ;`);
        this.block(s.update);
        if (s.post) this.line(`if (!(${this.expr(s.post).s})) break;`);
      }, "}");
    }
  }

  private loopBody(label: number, cont: "continue" | "goto", open: string, body: (id: number) => void, close: string): void {
    const id = this.loopCount++;
    this.line(open);
    this.loops.push({ label, id, cont });
    try { this.indented(() => body(id)); } finally { this.loops.pop(); }
    if (cont === "continue" && this.gotoCont.has(id)) this.line(`  nb_cont${id}: ;`);
    this.line(close);
    if (this.gotoBreak.has(id)) this.line(`nb_brk${id}: ;`);
  }

  // ---- arrays ----

  /** The C expression of an array value's struct. */
  protected parts(arr: Var): string { return this.name(arr); }

  /** An index checked against `size` (when bounds checks are on): evaluates to the index. */
  private checkedIndex(arr: Var, d: number, idx: Code, loc: Loc, checked: boolean, simple: boolean): Code {
    const t = arr.type as ArrayType;
    const size = `${this.name(arr)}.${t.nd ? `n${d}` : "len"}`;
    if (!checked) return idx;
    const i = simple ? idx.s : this.tmp();
    const raise = this.fail({ k: "oob", arr, axis: d, index: i, size, loc }).join(" ");
    const test = `if (__builtin_expect((uint64_t)${i} >= (uint64_t)${size}, 0)) { ${raise} }`;
    return prim(simple ? `({ ${test} ${i}; })` : `({ int64_t ${i} = ${idx.s}; ${test} ${i}; })`);
  }

  /** The element lvalue for already-checked index codes. */
  private element(arr: Var, idx: readonly Code[]): Code {
    const n = this.name(arr), t = arr.type as ArrayType;
    if (!t.nd) return prim(`${n}.ptr[${idx[0]!.s}]`);
    const terms = [`${n}.off`, ...idx.map((c, d) => `${wrap(c, P.MUL)} * ${n}.s${d}`)];
    return prim(`${n}.ptr[${terms.join(" + ")}]`);
  }

  private store(s: Extract<Stmt, { k: "store" }>): void {
    const t = s.arr.type as ArrayType;
    const checked = this.boundscheck && !s.unchecked;
    const operands = [...s.idx, s.x];
    const extra = [...s.idx.map(() => checked), false];
    const lower = (cs: readonly Code[]): string => {
      const idx = cs.slice(0, -1);
      return `${this.element(s.arr, idx).s} = ${this.t.store(cs[cs.length - 1]!, t.dtype).s};`;
    };
    const check = (c: Code, k: number): Code =>
      (k < s.idx.length ? this.checkedIndex(s.arr, k, c, s.loc, checked, isSimple(operands[k]!)) : c);
    if (!this.needsSequence(operands, extra)) {
      this.line(lower(operands.map((e, k) => check(this.expr(e), k))));
      return;
    }
    const names: Code[] = [];
    const decls = operands.map((e, k) => {
      const v = this.tmp();
      names.push(prim(v));
      return `${this.typeName(e.type)} ${v} = ${check(this.expr(e), k).s};`;
    });
    this.line(`{ ${decls.join(" ")} ${lower(names)} }`);
  }

  // ---- expressions ----

  /** What an expression may do that constrains the order of its neighbours. */
  protected effectsOf(e: Expr): Effects {
    const hit = this.effects.get(e);
    if (hit) return hit;
    let eff = false, rd = false;
    for (const c of childExprs(e)) { const x = this.effectsOf(c); eff ||= x.eff; rd ||= x.rd; }
    switch (e.k) {
      case "load": rd = true; eff ||= this.boundscheck && !e.unchecked; break;
      case "call": case "atomic": rd = true; eff = true; break;
      case "alloc": eff = true; break;
      case "binary": eff ||= isCheckedMod(e); break;
      case "math": eff ||= e.fn === "random"; break;
      default: break;
    }
    const r = { eff, rd };
    this.effects.set(e, r);
    return r;
  }

  /** Whether evaluating `es` left to right can be told apart from another order. */
  private needsSequence(es: readonly Expr[], extraEff: readonly boolean[] = []): boolean {
    let effBefore = false, rdBefore = false;
    for (let k = 0; k < es.length; k++) {
      const x = this.effectsOf(es[k]!), eff = x.eff || !!extraEff[k];
      if ((effBefore && (eff || x.rd)) || (rdBefore && eff)) return true;
      effBefore ||= eff;
      rdBefore ||= x.rd;
    }
    return false;
  }

  /**
   * Renders operands and combines them with `build`; when their order is observable, evaluates
   * them into temporaries first (constants and variables stay inline).
   */
  protected sequenced(es: readonly Expr[], build: (cs: readonly Code[]) => Code): Code {
    if (!this.needsSequence(es)) return build(es.map((e) => this.expr(e)));
    const decls: string[] = [];
    const cs = es.map((e) => {
      const c = this.expr(e);
      if (e.k === "const" || e.k === "var") return c;
      const v = this.tmp();
      decls.push(`${this.typeName(e.type)} ${v} = ${c.s};`);
      return prim(v);
    });
    return prim(`({ ${decls.join(" ")} ${build(cs).s}; })`);
  }

  expr(e: Expr): Code {
    const t = this.t;
    switch (e.k) {
      case "const":
        if (e.type === "bool") return prim(e.value ? "1" : "0");
        return e.type === "f64" ? t.float(e.value as number) : t.int(e.value as number);
      case "var": return prim(this.name(e.v));
      case "unary": return t.unary[e.op](this.expr(e.x), e.x.type as ScalarType);
      case "binary": {
        const at = e.a.type as ScalarType;
        if (isCheckedMod(e)) {
          return this.sequenced([e.a, e.b], ([a, b]) => {
            const d = this.tmp();
            const raise = this.fail({ k: "rem0", loc: e.loc }).join(" ");
            return prim(`({ int64_t ${d} = ${b!.s}; if (__builtin_expect(${d} == 0, 0)) { ${raise} } ${t.binary.mod(a!, prim(d), at).s}; })`);
          });
        }
        return this.sequenced([e.a, e.b], ([a, b]) => t.binary[e.op](a!, b!, at));
      }
      case "cast": return t.cast[e.op](this.expr(e.x), e.x.type as ScalarType);
      case "math": {
        const at = (e.args[0]?.type ?? "f64") as ScalarType;
        return this.sequenced(e.args, (cs) => t.math[e.fn](cs, at));
      }
      case "cond": return code(`${wrap(this.expr(e.c), P.OR)} ? ${wrap(this.expr(e.a), P.ASSIGN)} : ${wrap(this.expr(e.b), P.COND)}`, P.COND);
      case "logical": {
        if (e.type === "bool") return bin(e.op === "and" ? "&&" : "||", e.op === "and" ? P.AND : P.OR, this.expr(e.a), this.expr(e.b));
        // JS returns an operand: keep `a`, test it, evaluate `b` only when needed.
        const v = this.tmp(), b = this.expr(e.b);
        const test = t.cast.truthy(prim(v), e.type as ScalarType).s;
        const pick = e.op === "and" ? `${test} ? ${wrap(b, P.ASSIGN)} : ${v}` : `${test} ? ${v} : ${wrap(b, P.COND)}`;
        return prim(`({ ${this.typeName(e.type)} ${v} = ${this.expr(e.a).s}; ${pick}; })`);
      }
      case "load": {
        const dtype = (e.arr.type as ArrayType).dtype;
        const on = this.boundscheck && !e.unchecked;
        const check = (x: Expr, d: number): Code => this.checkedIndex(e.arr, d, this.expr(x), e.loc, on, isSimple(x));
        if (!this.needsSequence(e.idx, e.idx.map(() => on))) return t.load(this.element(e.arr, e.idx.map(check)), dtype);
        const decls: string[] = [], names: Code[] = [];
        e.idx.forEach((x, d) => {
          const v = this.tmp();
          decls.push(`int64_t ${v} = ${check(x, d).s};`);
          names.push(prim(v));
        });
        return prim(`({ ${decls.join(" ")} ${t.load(this.element(e.arr, names), dtype).s}; })`);
      }
      case "prop": return this.prop(e.arr, e.prop, e.dim);
      case "disjoint": {
        // Element ranges [lo, hi] of two arrays: compare their byte addresses (empty ranges never overlap).
        const [a0, a1, b0, b1] = e.spans.map((x) => wrap(this.expr(x), P.MUL));
        const pa = `${this.parts(e.a)}.ptr`, pb = `${this.parts(e.b)}.ptr`;
        const addr = (p: string, i: string) => `(uintptr_t)(${p} + ${i})`;
        return code(`(${a1} < ${a0} || ${b1} < ${b0} || ${addr(pa, `${a1} + 1`)} <= ${addr(pb, b0)} || ${addr(pb, `${b1} + 1`)} <= ${addr(pa, a0)})`, P.OR);
      }
      case "call": return this.sequenced(e.args, (cs) => this.call(e.fn, cs, e.type));
      case "alloc": return this.sequenced(e.shape, (cs) => this.alloc(e, cs));
      case "gpu": return this.gpuIndex(e);
      case "atomic": return this.sequenced([...e.idx, e.x], (cs) => this.atomic(e, cs));
      default: return e satisfies never;
    }
  }

  private prop(arr: Var, p: ArrayProp, dim: number): Code {
    const n = this.name(arr), t = arr.type as ArrayType;
    if (!t.nd) {
      if (p === "stride") return prim("1");
      if (p === "offset") return prim("0");
      return prim(`${n}.len`);
    }
    const size = (): Code => (t.ndim === 1 ? prim(`${n}.n0`) : code(Array.from({ length: t.ndim }, (_, d) => `${n}.n${d}`).join(" * "), P.MUL));
    switch (p) {
      case "shape": return prim(`${n}.n${dim}`);
      case "stride": return prim(`${n}.s${dim}`);
      case "offset": return prim(`${n}.off`);
      case "length": return t.ndim >= 1 ? prim(`${n}.n0`) : size();
      case "size": return size();
      default: return p satisfies never;
    }
  }
}

/** Integer `%` whose divisor may be zero: checked (JS would give NaN, which an int cannot hold). */
export function isCheckedMod(e: Expr): boolean {
  return e.k === "binary" && e.op === "mod" && e.a.type === "int" && !(e.b.k === "const" && e.b.value !== 0);
}

/** A constant or variable: reading it twice is free and has no effect. */
function isSimple(e: Expr): boolean {
  return e.k === "const" || e.k === "var";
}

const inlineBound = loopBoundIsStable;

/** Every array type a module mentions (params, locals, returns, allocations), each once. */
export function arrayTypesOf(funcs: readonly FuncIR[]): ArrayType[] {
  const out = new Map<string, ArrayType>();
  const note = (t: Type): void => { if (isArray(t)) out.set(`${t.dtype}/${t.ndim}/${t.nd}`, t); };
  for (const f of funcs) {
    f.params.forEach((p) => note(p.type));
    f.locals.forEach((v) => note(v.type));
    note(f.ret);
    forEachExpr(f.body, (e) => note(e.type));
  }
  return [...out.values()];
}

/** The struct fields of an array type, named as wasm's `arrayParts`. */
export function arrayFields(t: ArrayType): string[] {
  if (!t.nd) return ["ptr", "len"];
  const dims = Array.from({ length: t.ndim }, (_, d) => d);
  return ["ptr", ...dims.map((d) => `n${d}`), ...dims.map((d) => `s${d}`), "off"];
}
