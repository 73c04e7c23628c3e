// What lowering knows about int values (for lower-expr.ts and lower.ts): the range of every int
// expression (ranges.ts) and the facts tests guarantee where they guard, the recomputation in f64 of
// an int that may be -0 where the sign can be seen, and which variables declared without a value may
// still be unassigned (a read there is NB208: JS would read undefined).

import type { Node, ParsedFunction } from "./parse.js";
import { BINARY_OPS, type Expr, type Var } from "../ir/nodes.js";
import { type ArrayType, type Type, isArray } from "../ir/types.js";
import * as R from "./ranges.js";
import { type LowerEnv, type LoopFrame, LoweringState, varRef } from "./lower-state.js";

/** The range of every int variable (by key), kept across the rounds of the type fixpoint. */
export interface VarRanges {
  readonly ranges: Map<string, R.Range>;
  /** How often each variable's range grew: after a few times it is widened (ranges.ts widen). */
  readonly growth: Map<string, number>;
  /** What a variable's constant increments can add up to (noteIncrement). */
  readonly budgets: Map<string, number>;
}

type Compare = "lt" | "le" | "gt" | "ge" | "eq" | "ne";
const FLIP = { lt: "ge", le: "gt", gt: "le", ge: "lt", eq: "ne", ne: "eq" } as const;
const MIRROR = { lt: "gt", le: "ge", gt: "lt", ge: "le", eq: "eq", ne: "ne" } as const;

export abstract class RangeLowering extends LoweringState {
  /** Ranges of compiler temporaries (they have no key; each is assigned in one place). */
  private tempRanges = new Map<Var, R.Range>();
  private rangeCache = new WeakMap<Expr, R.Range>();
  /**
   * Ranges that a test guarantees where it guards (`while (it < maxIter)`, `if (i < n)`), per
   * variable, until the variable is assigned; a stack with one map per guarded region.
   */
  private facts: Map<Var, { range: R.Range; alive: boolean }>[] = [new Map()];
  /** Variables declared without a value and not yet certainly assigned at this point of the lowering. */
  protected unassigned = new Set<Var>();
  /** How many times the statement being lowered can run: the product of the enclosing loops' trip counts. */
  protected tripStack: number[] = [1];
  /** This round's sum of each variable's increments times their trip bounds (noteIncrement). */
  private increments = new Map<string, number>();

  constructor(fn: ParsedFunction, argTypes: Type[], env: LowerEnv, types: Map<string, Type>, irName: string, protected readonly varRanges: VarRanges) {
    super(fn, argTypes, env, types, irName);
  }

  protected keyOf(v: Var): string | undefined {
    return (v as Var & { key?: string }).key;
  }

  // ---- ranges -----------------------------------------------------------------------------------

  /** The range of an int expression (and whether JS may hold -0 where the int holds 0). */
  protected rangeOf(e: Expr): R.Range {
    let r = this.rangeCache.get(e);
    if (!r) this.rangeCache.set(e, (r = this.computeRange(e)));
    return r;
  }

  private computeRange(e: Expr): R.Range {
    switch (e.k) {
      case "const": return typeof e.value === "number" ? R.constRange(e.value) : R.range(0, 1);
      case "var": {
        const key = this.keyOf(e.v);
        let base = (key ? this.varRanges.ranges.get(key) : this.tempRanges.get(e.v)) ?? (e.v.param ? R.SMALL : R.FULL);
        const budget = key ? this.varRanges.budgets.get(key) : undefined;
        if (budget !== undefined) base = { ...base, hi: base.hi + budget }; // noteIncrement
        const fact = this.facts[this.facts.length - 1]!.get(e.v);
        return fact?.alive ? R.intersect(base, fact.range) : base;
      }
      case "unary": return e.op === "neg" ? R.negate(this.rangeOf(e.x)) ?? R.FULL : e.op === "bitnot" ? R.INT32 : R.range(0, 1);
      case "binary": {
        const kind = BINARY_OPS[e.op].kind;
        if (kind === "bitwise") return R.bitwise(e.op);
        if (kind === "compare") return R.range(0, 1);
        return R.arith(e.op, this.rangeOf(e.a), this.rangeOf(e.b), sameVar(e.a, e.b)) ?? R.FULL;
      }
      case "cast":
        switch (e.op) {
          case "b2i": return R.range(0, 1);
          case "f2i32": return R.INT32;
          case "i2u8c": case "f2u8c": return R.range(0, 255);
          default: return R.FULL;
        }
      case "math": return R.mathRange(e.fn, e.args.map((a) => this.rangeOf(a)));
      case "cond": case "logical": return R.join(this.rangeOf(e.a), this.rangeOf(e.b));
      case "load": case "atomic": return R.dtypeRange((e.arr.type as ArrayType).dtype);
      case "prop": return R.propRange(e.prop);
      case "gpu": return R.range(0, R.MAX_LENGTH);
      default: return R.FULL;
    }
  }

  /** Is `a op b` of int operands an exact int (else it is computed in f64, as JS does)? */
  protected exactInt(op: "add" | "sub" | "mul" | "mod", a: Expr, b: Expr): boolean {
    // GPU kernels compute ints as GPU ints (docs/kernels.md: keep them within ±2^31; WGSL has no f64,
    // so a promoted index would be computed in f32, inexact beyond 2^24, and slowly).
    if (this.env.kernel) return true;
    return R.arith(op, this.rangeOf(a), this.rangeOf(b), sameVar(a, b)) !== undefined;
  }

  /** Records that int variable `v` receives values in `r`; a range that keeps growing is widened. */
  protected noteRange(v: Var, r: R.Range): void {
    this.kill(v);
    const key = this.keyOf(v);
    if (!key) { this.tempRanges.set(v, R.join(this.tempRanges.get(v), r)); return; }
    const { ranges, growth } = this.varRanges;
    const old = ranges.get(key);
    let next = R.join(old, r);
    if (R.sameRange(old, next)) return;
    const times = (growth.get(key) ?? 0) + 1;
    growth.set(key, times);
    if (old && times > 3) next = R.widen(old, next);
    ranges.set(key, next);
    this.changed = true;
  }

  /**
   * `v = v + c` (`v++`, `v += c`) with a constant 0 <= c: a counter. Its growth is bounded by how often
   * it can run — c times the trip counts of the counted loops around it — so such a variable's range
   * is that of its other assignments plus this budget, rather than widened to unbounded (a count of
   * matches in a loop over an array stays an int). Returns false for any other assignment.
   */
  protected noteIncrement(v: Var, x: Expr): boolean {
    const key = this.keyOf(v);
    const runs = this.tripStack[this.tripStack.length - 1]!;
    // (In a loop without a trip count, `it < maxIter` facts bound it better: an ordinary assignment.)
    if (!key || runs === Infinity || x.k !== "binary" || x.op !== "add" || x.a.k !== "var" || x.a.v !== v || x.b.k !== "const" || typeof x.b.value !== "number" || x.b.value < 0) return false;
    this.kill(v);
    const spent = (this.increments.get(key) ?? 0) + x.b.value * runs;
    this.increments.set(key, spent);
    const { budgets } = this.varRanges;
    if ((budgets.get(key) ?? 0) < spent) { budgets.set(key, spent); this.changed = true; }
    return true;
  }

  /** An int parameter: small (runtime/signature.ts), unless an assignment in the body widened it. */
  protected noteParam(key: string): void {
    if (!this.varRanges.ranges.has(key)) this.varRanges.ranges.set(key, R.SMALL);
  }

  /**
   * `e` as a float with exactly JS's value. Ints are exact; one that may be -0 (the int holds 0) is
   * recomputed in f64, where -0 survives: its operations are exact there too. A variable that may
   * hold -0 becomes a float variable (in the next round of inference).
   */
  protected exactF64(e: Expr): Expr {
    if (e.type === "f64") return e;
    if (e.type === "bool") return { k: "cast", op: "b2f", x: e, type: "f64" };
    if (e.k === "const" && typeof e.value === "number") return { k: "const", type: "f64", value: e.value };
    if (this.rangeOf(e).negZero) {
      switch (e.k) {
        case "unary": if (e.op === "neg") return { ...e, x: this.exactF64(e.x), type: "f64" }; break;
        case "binary": if (BINARY_OPS[e.op].kind === "arith") return { ...e, a: this.exactF64(e.a), b: this.exactF64(e.b), type: "f64" }; break;
        case "math": return { ...e, args: e.args.map((a) => this.exactF64(a)), type: "f64" };
        case "cond": case "logical": return { ...e, a: this.exactF64(e.a), b: this.exactF64(e.b), type: "f64" };
        case "var": {
          const key = this.keyOf(e.v);
          if (key && this.types.get(key) === "int") { this.types.set(key, "f64"); this.changed = true; }
          break;
        }
      }
    }
    return { k: "cast", op: "i2f", x: e, type: "f64" };
  }

  /** A value leaving for JS (a return value, an argument): -0 must keep its sign. */
  protected observable(e: Expr): Expr {
    return e.type === "int" && this.rangeOf(e).negZero ? this.exactF64(e) : e;
  }

  /** An int argument of a jitted callee must be small (as at the dispatcher); others pass as floats. */
  protected calleeArgument(e: Expr): Expr {
    return e.type === "int" && !R.within(this.rangeOf(e), R.SMALL) ? this.exactF64(e) : e;
  }

  /** Assigns a compiler temporary (an int that may be -0 is kept as a float: the temporary has no later round). */
  protected setTemp(name: string, e: Expr): Var {
    const x = this.observable(e);
    const tmp = this.temp(name, x.type);
    if (x.type === "int") this.noteRange(tmp, this.rangeOf(x));
    // A spilled array argument is that array: what is stored through the temporary is copied back.
    if (x.k === "var" && isArray(x.type)) this.arrayFlows.push([tmp, x.v]);
    this.out.push({ k: "assign", v: tmp, x });
    return tmp;
  }

  /** A temporary holding an index (whose -0 is never seen). */
  protected indexTemp(name: string, e: Expr): Expr {
    const tmp = this.temp(name, e.type);
    if (e.type === "int") this.noteRange(tmp, { ...this.rangeOf(e), negZero: false });
    this.out.push({ k: "assign", v: tmp, x: e });
    return varRef(tmp);
  }

  /** Would a temporary holding one of these ints need to be a float (it may be -0)? */
  protected mayBeNegZero(...es: Expr[]): boolean {
    return es.some((e) => e.type === "int" && this.rangeOf(e).negZero);
  }

  // ---- facts from tests -------------------------------------------------------------------------

  /** A test's facts (or its negation's) hold in `f`, until the variables are assigned. */
  protected guarded<T>(test: Expr | null, negated: boolean, f: () => T): T {
    const next = new Map(this.facts[this.facts.length - 1]!);
    if (test) for (const [v, range] of this.factsOf(test, negated)) {
      const old = next.get(v);
      next.set(v, { range: old?.alive ? R.intersect(old.range, range) : range, alive: true });
    }
    this.facts.push(next);
    try {
      return f();
    } finally {
      this.facts.pop();
    }
  }

  /** What `test` (or its negation) says about the int variables it compares. */
  private factsOf(test: Expr, negated: boolean): [Var, R.Range][] {
    if (test.k === "logical" && test.op === (negated ? "or" : "and")) return [...this.factsOf(test.a, negated), ...this.factsOf(test.b, negated)];
    if (test.k === "unary" && test.op === "not") return this.factsOf(test.x, !negated);
    if (test.k !== "binary" || BINARY_OPS[test.op].kind !== "compare" || test.a.type !== "int" || test.b.type !== "int") return [];
    const op: Compare = negated ? FLIP[test.op as Compare] : (test.op as Compare);
    const out: [Var, R.Range][] = [];
    const bound = (v: Var, cmp: Compare, other: R.Range): void => {
      const r = R.compared(cmp, other);
      if (r) out.push([v, r]);
    };
    if (test.a.k === "var") bound(test.a.v, op, this.rangeOf(test.b));
    if (test.b.k === "var") bound(test.b.v, MIRROR[op], this.rangeOf(test.a));
    return out;
  }

  /** `v` is assigned: what tests said about it no longer holds, in any enclosing guarded region. */
  protected kill(v: Var): void {
    for (const m of this.facts) {
      const f = m.get(v);
      if (f) f.alive = false;
    }
  }

  // ---- definite assignment (NB208) --------------------------------------------------------------

  protected checkAssigned(v: Var, node: Node): void {
    if (this.unassigned.has(v))
      this.fail("NB208", node, `'${v.name}' may be read here before it is assigned (plain JS would read undefined)`, `give it a value where it is declared, e.g. let ${v.name} = 0`);
  }

  /**
   * Lowers a loop. What its body assigns is not certainly assigned after it (it may run zero times);
   * a test before the loop says nothing about a variable the loop assigns (a read at the top of the
   * body may see the previous iteration's value).
   */
  protected loopScope<T>(assigned: Iterable<Var>, f: () => T): T {
    for (const v of assigned) this.kill(v);
    const before = new Set(this.unassigned);
    const result = f();
    for (const v of this.unassigned) before.add(v);
    this.unassigned = before;
    return result;
  }

  /** Before a loop's update: variables unassigned at the end of the body or at a `continue`. */
  protected joinContinues(frame: LoopFrame): void {
    for (const s of frame.continued) for (const v of s) this.unassigned.add(v);
  }

  /** Lowers a lazily evaluated operand: what it assigns is not certainly assigned afterwards. */
  protected maybeRuns<T>(f: () => T): T {
    const before = new Set(this.unassigned);
    const result = f();
    this.unassigned = before;
    return result;
  }
}

export function sameVar(a: Expr, b: Expr): boolean {
  return a.k === "var" && b.k === "var" && a.v === b.v;
}
