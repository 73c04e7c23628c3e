// Random programs in numbat's language subset (Csmith-style): a kernel, up to two helper kernels it
// calls through `scope`, and the kinds of its parameters. Every program is valid plain JS that
// terminates quickly, reads and writes arrays in bounds only, and stays clear of the documented
// deviations of docs/semantics.md, so any difference between plain JS and numbat is a bug:
//
// - Termination: every loop has a counter that the body never assigns, advanced on every iteration
//   (also on `continue`), and a limit that is a small literal, an array extent, or Math.min(e, K);
//   nested trip counts are multiplied and capped (KERNEL_MAX_MULT, HELPER_MAX_MULT).
// - Bounds: an index is a loop counter proven in range for that array's extent (arrays of one "length
//   class" have equal lengths), or `(e & 0x7fffffff) % n` / a clamp, guarded by `n > 0` unless a loop
//   already proves the extent positive. Plain JS would read `undefined` out of bounds where numbat
//   throws (semantics.md, "Arrays").
// - Integers: see ast.ts. numbat computes integer-valued code exactly as JS does (issue 16), so on odd
//   seeds ("wide" programs) integer arithmetic grows past 2^53 and 2^63 (literals to 2^70), `*`, `%`
//   and unary `-` make -0, and `%` divides by whatever it gets (0 included: NaN). On even seeds the
//   older, tamer shapes: operands masked with `& 0x...` to stay within 2^53, divisors that cannot be 0,
//   `+ 0` after `*`, `%` and unary `-`.
// - Variables are always initialised ("read before it is assigned reads as 0"), argument counts match.

import { mulberry32, type Rng } from "../harness.js";
import type { Expr, FnDef, Kind, Stmt, Target } from "./ast.js";
import { FLOAT_DTYPES, INT_DTYPES, INT_DTYPE_BOUND, isFloatDType, type DType, type ParamSpec } from "./inputs.js";

/** Bound on integer results: 2^53 is JS's exact range, and 2^52 leaves room for the rounding of the
 *  bound arithmetic itself (2 + (2^53 - 1) is 2^53 in doubles). */
export const LIM = 2 ** 52;
const KERNEL_MAX_MULT = 768;
const HELPER_MAX_MULT = 48;
const LEN_MAX = 24;
const DIM_MAX = 6;

export interface HelperDef {
  fn: FnDef;
  /** Pass the jitted helper in the kernel's scope (true) or the plain function (numbat jits it implicitly). */
  jit: boolean;
}

export interface Program {
  kernel: FnDef;
  helpers: HelperDef[];
  params: ParamSpec[];
}

export interface GenOptions {
  /** Statements per kernel, roughly. */
  size?: number;
  /** Expression depth. */
  depth?: number;
  helpers?: boolean;
  /** Integer arithmetic past 2^53, -0 and `% 0` (default: on odd seeds). */
  wideInts?: boolean;
  /**
   * Program shapes to leave out because they trigger known, unfixed numbat bugs (see known.ts), so
   * that a run can find the others:
   * - "compound-effects": `x op= rhs` / `a[i] op= rhs` where rhs or the index has side effects;
   * - "alloc-in-loop": arrays allocated inside loops;
   * - "assign-params": assignments to parameters;
   * - "predicate-effects": Number.isNaN/isFinite/isInteger/... of expressions with side effects.
   */
  avoid?: readonly string[];
}

interface ArrInfo {
  dtype: DType | "any";
  nd: boolean;
  /** Length class per axis: arrays whose axis has the same class have the same extent. */
  len: string[];
}

interface VarInfo {
  name: string;
  kind: "i" | "f" | "b" | "arr";
  /** kind "i": |value| <= cap when numbat types it as an integer. */
  cap: number;
  /** kind "i": magnitude budget consumed by increments (+=, ++) so far; must stay <= cap / 2. */
  used: number;
  mutable: boolean;
  sure: boolean;
  /** Loop nesting depth at the declaration: increments deeper in run mult/multAt(depth) times more. */
  depth: number;
  arr?: ArrInfo;
  /** A loop counter in [P, extent(cls) - 1 - Q]. */
  safe?: { cls: string; P: number; Q: number };
  /** A const holding the extent of length class `lenOf`. */
  lenOf?: string;
  /** An array parameter that another parameter aliases (the same object). */
  aliased?: boolean;
}

interface LoopInfo {
  label?: string;
  trip: number;
}

interface HelperInfo {
  name: string;
  /** No array parameter, throw, allocation or call: a call has no side effects (and may run in a prange loop). */
  pure: boolean;
  params: ("num" | "arr")[];
  ret: "num" | "void";
  retKind: "i" | "f";
  retBound: number;
}

type RetKind = "num" | "void" | "bool" | "arr";

const HELPER_PARAM_BOUND = 2 ** 31;

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

/** Weighted choice among [weight, value] pairs (weights <= 0 are skipped). */
function choose<T>(rng: Rng, options: readonly (readonly [number, T])[]): T {
  const total = options.reduce((s, [w]) => s + Math.max(0, w), 0);
  let r = rng() * total;
  for (const [w, v] of options) {
    if (w <= 0) continue;
    r -= w;
    if (r < 0) return v;
  }
  return options.filter(([w]) => w > 0).at(-1)![1];
}

// ---- expression constructors ------------------------------------------------------------------------

const lit = (text: string, kind: Kind, b: number): Expr => ({ t: "lit", text, kind, b: Math.max(1, b), sure: kind === "i" });
const intLit = (n: number): Expr => lit(String(n), "i", Math.abs(n));
const zero = (): Expr => intLit(0);
const varE = (v: VarInfo): Expr => ({ t: "var", name: v.name, kind: v.kind === "arr" ? "i" : v.kind, b: Math.max(1, v.cap), sure: v.sure });
const prop = (text: string, b = 1024): Expr => ({ t: "prop", text, kind: "i", b, sure: true });

function kindOfNum(e: Expr): { kind: "i" | "f"; b: number } {
  return e.kind === "b" ? { kind: "i", b: 1 } : { kind: e.kind, b: e.b };
}

const MASKS = [0xff, 0xffff, 0xfffff, 0x3ffffff, 0x7fffffff];

export class Gen {
  readonly rng: Rng;
  private nextName = 0;
  private scopes: VarInfo[][] = [];
  private loops: LoopInfo[] = [];
  private mult = 1;
  private multStack: number[] = [1];
  private stmtsLeft = 0;
  private positive: string[] = [];
  private retKind: RetKind = "void";
  private retArr: VarInfo | undefined;
  private helpers: HelperInfo[] = [];
  private retKinds: { kind: "i" | "f"; b: number }[] = [];
  private allocs = 0;
  private maxMult = KERNEL_MAX_MULT;
  /** Loads inside index expressions nest at most this deep (data-dependent indices). */
  private loadDepth = 0;
  /** Names expressions must not read (arrays a prange loop writes, its reduction variables). */
  private hidden = new Set<string>();
  private inPrange = false;
  private depth: number;
  private size: number;
  private readonly avoid: Set<string>;
  /** GenOptions.wideInts. */
  private readonly wide: boolean;

  constructor(seed: number, private readonly opts: GenOptions = {}) {
    this.rng = mulberry32(seed);
    this.avoid = new Set(opts.avoid ?? []);
    this.wide = opts.wideInts ?? Math.abs(seed) % 2 === 1;
    // Mostly small programs: they compile fast, and small failures shrink fast.
    this.depth = opts.depth ?? choose(this.rng, [[1, 1], [3, 2], [2, 3]] as const);
    this.size = opts.size ?? 3 + Math.floor(this.rng() * this.rng() * 24);
  }

  private r(): number {
    return this.rng();
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.nextName++}`;
  }

  // ---- scopes -------------------------------------------------------------------------------------

  private vars(): VarInfo[] {
    const all = this.scopes.flat();
    return this.hidden.size ? all.filter((v) => !this.hidden.has(v.name)) : all;
  }

  private declare(v: Omit<VarInfo, "depth" | "used"> & Partial<Pick<VarInfo, "used">>): VarInfo {
    const full: VarInfo = { used: 0, ...v, depth: this.loops.length };
    this.scopes[this.scopes.length - 1]!.push(full);
    return full;
  }

  private inScope<T>(f: () => T): T {
    this.scopes.push([]);
    try {
      return f();
    } finally {
      this.scopes.pop();
    }
  }

  /** How many times a statement here runs per lifetime of a variable declared at loop depth `depth`. */
  private runsSince(depth: number): number {
    return this.mult / this.multStack[depth]!;
  }

  private arrays(filter?: (a: VarInfo) => boolean): VarInfo[] {
    return this.vars().filter((v) => v.kind === "arr" && (!filter || filter(v)));
  }

  // ---- taming -------------------------------------------------------------------------------------

  /** `e` with |value| <= cap when it is an integer: masked (a kept node) when its bound is larger. */
  tame(e: Expr, cap: number): Expr {
    if (e.kind !== "i" || e.b <= cap) return e;
    const masks = MASKS.filter((m) => m <= cap);
    if (masks.length === 0) return intLit(1);
    const m = pick(this.rng, masks);
    if (m === 0x7fffffff && this.r() < 0.4) return { t: "bin", op: "|", a: e, c: zero(), kind: "i", b: 2 ** 31, sure: true, keep: true };
    if (m === 0x7fffffff && this.r() < 0.3) {
      const s = 1 + Math.floor(this.r() * 20);
      return { t: "bin", op: ">>", a: e, c: intLit(s), kind: "i", b: 2 ** 31, sure: true, keep: true };
    }
    return { t: "bin", op: "&", a: e, c: intLit(m), kind: "i", b: m, sure: true, keep: true };
  }

  /** `x + 0`: turns a JS -0 into +0 (wide programs mostly leave the -0: numbat keeps it too). */
  private plusZero(x: Expr): Expr {
    if (this.wide && this.r() < 0.7) return x;
    return { t: "bin", op: "+", a: x, c: zero(), kind: x.kind, b: x.b, sure: x.sure, keep: true };
  }

  /** A divisor that is not 0 when it is an integer. */
  private nonzero(d: Expr): Expr {
    if (d.kind === "f" || (this.wide && this.r() < 0.3)) return d;
    if (d.t === "lit" && Number(d.text) !== 0) return d;
    if (this.r() < 0.5) return { t: "bin", op: "|", a: d, c: intLit(1), kind: "i", b: 2 ** 31, sure: true, keep: true };
    const masked: Expr = { t: "bin", op: "&", a: d, c: intLit(15), kind: "i", b: 15, sure: true, keep: true };
    return { t: "bin", op: "+", a: masked, c: intLit(1), kind: "i", b: 16, sure: true, keep: true };
  }

  /** Arithmetic with the bounds and -0 rules applied. */
  arith(op: string, a0: Expr, c0: Expr): Expr {
    let a = a0, c = c0;
    const A = kindOfNum(a), C = kindOfNum(c);
    if (op === "/" || op === "**") return { t: "bin", op, a, c, kind: "f", b: 1 };
    const ints = A.kind === "i" && C.kind === "i";
    if (!ints) return { t: "bin", op, a, c, kind: "f", b: 1 };
    const sure = !!(a.sure && c.sure);
    switch (op) {
      case "+":
      case "-": {
        if (A.b + C.b > LIM && !(this.wide && this.r() < 0.5)) {
          if (A.b >= C.b) a = this.tame(a, 2 ** 31);
          else c = this.tame(c, 2 ** 31);
          const A2 = kindOfNum(a), C2 = kindOfNum(c);
          if (A2.b + C2.b > LIM) {
            a = this.tame(a, 2 ** 31);
            c = this.tame(c, 2 ** 31);
          }
        }
        return { t: "bin", op, a, c, kind: "i", b: kindOfNum(a).b + kindOfNum(c).b, sure };
      }
      case "*": {
        if (A.b * C.b > LIM && !(this.wide && this.r() < 0.5)) {
          a = this.tame(a, 2 ** 26);
          c = this.tame(c, 2 ** 26);
        }
        return this.plusZero({ t: "bin", op, a, c, kind: "i", b: Math.max(1, kindOfNum(a).b * kindOfNum(c).b), sure });
      }
      case "%":
        return this.plusZero({ t: "bin", op, a, c: this.nonzero(c), kind: "i", b: A.b, sure });
      default:
        throw new Error(`arith: ${op}`);
    }
  }

  private bitwise(op: string, a: Expr, c: Expr): Expr {
    if (op === "&" && c.t === "lit" && Number(c.text) >= 0) return { t: "bin", op, a, c, kind: "i", b: Math.max(1, Number(c.text)), sure: true };
    return { t: "bin", op, a, c, kind: "i", b: op === ">>>" ? 2 ** 32 : 2 ** 31, sure: true };
  }

  private neg(x: Expr): Expr {
    const X = kindOfNum(x);
    const e: Expr = { t: "un", op: "-", x, kind: X.kind, b: X.b, sure: x.sure };
    return X.kind === "i" ? this.plusZero(e) : e;
  }

  // ---- expressions --------------------------------------------------------------------------------

  private intLiteral(): Expr {
    const r = this.r();
    if (r < 0.8) return intLit(Math.floor(this.r() * 20) - 4);
    if (this.wide && r < 0.9) return intLit(pick(this.rng, [2 ** 60, -(2 ** 62), 2 ** 70, 3e17, 2 ** 53 + 2, -(2 ** 53) - 2, 2 ** 63, 1103515245, 16777619, 2166136261]));
    return intLit(pick(this.rng, [2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32 - 1, 65535, 255, 2 ** 53 - 1, -(2 ** 53 - 1), 1000003, 2 ** 30]));
  }

  private floatLiteral(): Expr {
    const text = pick(this.rng, [
      "0.5", "1.5", "2.25", "0.1", "1.0", "3.0", "0.0", "1e-310", "1e308", "1e-7", "NaN", "Infinity", "-0", "-0.75", "-2.5",
      "Math.PI", "Math.E", "Number.EPSILON", "Number.MAX_VALUE", "Number.MIN_VALUE", "Math.SQRT2", "Number.NaN", "Number.NEGATIVE_INFINITY",
    ]);
    return text.includes(".") && /^[A-Z]/.test(text) ? { t: "prop", text, kind: "f", b: 1 } : lit(text, "f", 1);
  }

  private numLeaf(fx: boolean): Expr {
    if (this.loadDepth >= 2) return this.r() < 0.5 ? this.intLiteral() : this.floatLiteral();
    const vs = this.vars().filter((v) => v.kind === "i" || v.kind === "f");
    const arrs = this.arrays();
    return choose<() => Expr>(this.rng, [
      [vs.length ? 10 : 0, () => varE(pick(this.rng, vs))],
      [arrs.length ? (this.loadDepth === 0 ? 6 : 1) : 0, () => this.load(pick(this.rng, arrs), fx)],
      [4, () => this.intLiteral()],
      [3, () => this.floatLiteral()],
      [arrs.length ? 2 : 0, () => this.extent(pick(this.rng, arrs))],
      [0.3, () => prop(pick(this.rng, ["Number.MAX_SAFE_INTEGER", "Number.MIN_SAFE_INTEGER"]), 2 ** 53 - 1)],
    ])();
  }

  /** A length-like property of an array: a.length, A.shape[k], A.size. */
  private extent(a: VarInfo): Expr {
    if (!a.arr!.nd) return prop(`${a.name}.length`);
    return choose(this.rng, [
      [2, prop(`${a.name}.shape[0]`)],
      [2, prop(`${a.name}.shape[1]`)],
      [1, prop(`${a.name}.size`)],
    ]);
  }

  num(d: number, fx = true): Expr {
    if (d <= 0 || this.r() < 0.25) return this.numLeaf(fx);
    const sub = (): Expr => this.num(d - 1, fx);
    return choose<() => Expr>(this.rng, [
      [10, () => this.arith(pick(this.rng, ["+", "-", "*", "+", "-", "*", "/", "%"]), sub(), sub())],
      [1, () => this.arith("**", sub(), sub())],
      [4, () => this.bitwise(pick(this.rng, ["&", "|", "^", "<<", ">>", ">>>"]), sub(), this.r() < 0.5 ? sub() : intLit(Math.floor(this.r() * 40)))],
      [1, () => ({ t: "un", op: "~", x: sub(), kind: "i", b: 2 ** 31, sure: true })],
      [2, () => this.neg(sub())],
      [0.5, () => { const x = sub(); const X = kindOfNum(x); return { t: "un", op: "+", x, kind: X.kind, b: X.b, sure: x.sure }; }],
      [5, () => this.mathCall(d, fx)],
      [3, () => this.ternary(d, fx)],
      [2, () => this.logicalNum(d, fx)],
      [this.helpers.some((h) => h.ret === "num" && (fx || h.pure)) ? 2 : 0, () => this.helperCall(d, fx, true) ?? sub()],
      [fx ? 1.2 : 0, () => this.effectExpr(d) ?? sub()],
      [1, () => this.arith("+", this.bool(d - 1, fx), sub())],
    ])();
  }

  private mathCall(d: number, fx: boolean): Expr {
    const sub = () => this.num(d - 1, fx);
    const r = this.r();
    if (r < 0.35) {
      const fn = pick(this.rng, ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "exp", "expm1", "log", "log1p", "log2", "log10", "cbrt", "sqrt", "fround"]);
      return { t: "call", fn: `Math.${fn}`, args: [sub()], kind: "f", b: 1 };
    }
    if (r < 0.6) {
      const fn = pick(this.rng, ["abs", "floor", "ceil", "trunc", "round", "sign"]);
      const x = sub(), X = kindOfNum(x);
      return { t: "call", fn: `Math.${fn}`, args: [x], kind: X.kind, b: fn === "sign" ? 1 : X.b, sure: X.kind === "i" && x.sure };
    }
    if (r < 0.8) {
      const n = choose(this.rng, [[1, 0], [2, 1], [8, 2], [3, 3]] as const);
      const args = Array.from({ length: n }, sub);
      const allInt = n > 0 && args.every((a) => kindOfNum(a).kind === "i");
      return { t: "call", fn: pick(this.rng, ["Math.min", "Math.max"]), args, kind: allInt ? "i" : "f", b: allInt ? Math.max(...args.map((a) => kindOfNum(a).b)) : 1, sure: allInt && args.every((a) => a.sure) };
    }
    if (r < 0.88) return { t: "call", fn: "Math.imul", args: [sub(), sub()], kind: "i", b: 2 ** 31, sure: true };
    if (r < 0.92) return { t: "call", fn: "Math.clz32", args: [sub()], kind: "i", b: 32, sure: true };
    if (r < 0.97) return { t: "call", fn: pick(this.rng, ["Math.pow", "Math.atan2"]), args: [sub(), sub()], kind: "f", b: 1 };
    return { t: "call", fn: "Math.hypot", args: Array.from({ length: Math.floor(this.r() * 4) }, sub), kind: "f", b: 1 };
  }

  private ternary(d: number, fx: boolean): Expr {
    const c = this.r() < 0.85 ? this.bool(d - 1, fx) : this.num(d - 1, fx);
    const a = this.num(d - 1, fx), e = this.num(d - 1, fx);
    const A = kindOfNum(a), E = kindOfNum(e);
    const ints = A.kind === "i" && E.kind === "i";
    return { t: "cond", c, a, e, kind: ints ? "i" : "f", b: ints ? Math.max(A.b, E.b) : 1, sure: ints && !!a.sure && !!e.sure };
  }

  private logicalNum(d: number, fx: boolean): Expr {
    const a = this.num(d - 1, fx), c = this.num(d - 1, fx);
    const A = kindOfNum(a), C = kindOfNum(c);
    if (a.kind === "b" || c.kind === "b") return this.arith("+", a, c);
    // `??`: a number is never null, so the value is the left operand and the right one never runs.
    if (this.r() < 0.15) return { t: "bin", op: "??", a, c, kind: A.kind, b: A.b, sure: a.sure };
    const ints = A.kind === "i" && C.kind === "i";
    return { t: "bin", op: pick(this.rng, ["&&", "||"]), a, c, kind: ints ? "i" : "f", b: ints ? Math.max(A.b, C.b) : 1, sure: ints && !!a.sure && !!c.sure };
  }

  bool(d: number, fx = true): Expr {
    const bs = this.vars().filter((v) => v.kind === "b");
    if (d <= 0 || this.r() < 0.15) {
      return choose<() => Expr>(this.rng, [
        [bs.length ? 4 : 0, () => varE(pick(this.rng, bs))],
        [1, () => lit(this.r() < 0.5 ? "true" : "false", "b", 1)],
        [6, () => this.compare(0, fx)],
      ])();
    }
    const sub = () => this.bool(d - 1, fx);
    return choose<() => Expr>(this.rng, [
      [10, () => this.compare(d - 1, fx)],
      [3, () => ({ t: "bin", op: pick(this.rng, ["&&", "||"]), a: sub(), c: sub(), kind: "b", b: 1 })],
      [2, () => ({ t: "un", op: "!", x: this.r() < 0.7 ? sub() : this.num(d - 1, fx), kind: "b", b: 1 })],
      [2, () => ({ t: "call", fn: pick(this.rng, ["Number.isNaN", "Number.isFinite", "Number.isInteger", "Number.isSafeInteger", "isNaN", "isFinite"]), args: [this.num(d - 1, fx && !this.avoid.has("predicate-effects"))], kind: "b", b: 1 })],
      [1, () => ({ t: "bin", op: pick(this.rng, ["===", "!==", "==", "!="]), a: sub(), c: sub(), kind: "b", b: 1 })],
      [1, () => ({ t: "cond", c: sub(), a: sub(), e: sub(), kind: "b", b: 1 })],
      [bs.length ? 2 : 0, () => varE(pick(this.rng, bs))],
      [fx && bs.some((v) => v.mutable) ? 0.5 : 0, () => {
        const v = pick(this.rng, bs.filter((b) => b.mutable));
        return { t: "assign", target: { t: "var", name: v.name }, op: "=", value: sub(), kind: "b", b: 1 };
      }],
    ])();
  }

  private compare(d: number, fx: boolean): Expr {
    const op = pick(this.rng, ["<", "<=", ">", ">=", "===", "!==", "==", "!=", "<", ">"]);
    return { t: "bin", op, a: this.num(d, fx), c: this.num(d, fx), kind: "b", b: 1 };
  }

  /** An assignment or ++/-- used as a value. */
  private effectExpr(d: number): Expr | undefined {
    const muts = this.vars().filter((v) => (v.kind === "i" || v.kind === "f") && v.mutable);
    const arrs = this.arrays((a) => !a.arr!.nd);
    const r = this.r();
    if (r < 0.55 && muts.length) {
      const v = pick(this.rng, muts);
      const a = this.assignVar(v, d - 1, true);
      if (!a) return undefined;
      if (a.t === "assign") return { t: "assign", target: a.target, op: a.op, value: a.value, kind: v.kind as Kind, b: Math.max(1, v.cap), sure: false };
      if (a.t === "update") return { t: "update", target: a.target, op: a.op, prefix: a.prefix, kind: v.kind as Kind, b: Math.max(1, v.cap) };
      return undefined;
    }
    if (arrs.length) {
      const X = pick(this.rng, arrs);
      const ix = this.index(X, 0, false);
      if (ix.guarded) return undefined;
      const el = this.elemKind(X);
      const target: Target = { t: "elem", arr: X.name, idx: [ix.e] };
      if (this.r() < 0.3) return { t: "update", target, op: this.r() < 0.5 ? "++" : "--", prefix: this.r() < 0.5, kind: el.kind, b: el.b + 1 };
      let value = this.num(d - 1, false);
      const V = kindOfNum(value);
      if (this.r() < 0.6) return { t: "assign", target, op: "=", value, kind: V.kind, b: V.b };
      const op = pick(this.rng, ["+", "-", "*"]);
      const ints = el.kind === "i" && V.kind === "i";
      if (ints) value = this.tame(value, op === "*" ? 2 ** 20 : 2 ** 40);
      const vb = kindOfNum(value).b;
      const e: Expr = { t: "assign", target, op: op + "=", value, kind: ints ? "i" : "f", b: ints ? (op === "*" ? el.b * vb : el.b + vb) : 1 };
      // The value of `x[k] *= v` is the product before the store narrows it: -0 in JS for 0 * -1.
      return ints && op === "*" ? this.plusZero(e) : e;
    }
    return undefined;
  }

  // ---- arrays -------------------------------------------------------------------------------------

  private elemKind(a: VarInfo): { kind: "i" | "f"; b: number } {
    const d = a.arr!.dtype;
    if (d === "any") return { kind: "i", b: 2 ** 32 };
    return isFloatDType(d) ? { kind: "f", b: 1 } : { kind: "i", b: INT_DTYPE_BOUND[d] };
  }

  private extentExpr(a: VarInfo, axis: number): Expr {
    return a.arr!.nd ? prop(`${a.name}.shape[${axis}]`) : prop(`${a.name}.length`);
  }

  /** An in-bounds index for axis `axis` of `a`; `guarded`: only in bounds when the array is not empty. */
  index(a: VarInfo, axis: number, fx: boolean): { e: Expr; guarded: boolean } {
    const cls = a.arr!.len[axis]!;
    const counters = this.vars().filter((v) => v.safe?.cls === cls);
    if (counters.length && this.r() < 0.8) {
      const c = pick(this.rng, counters);
      const { P, Q } = c.safe!;
      const r = this.r();
      const cv = varE(c);
      if (r < 0.55) return { e: cv, guarded: false };
      if (r < 0.75 && (P > 0 || Q > 0)) {
        const dd = -P + Math.floor(this.r() * (P + Q + 1));
        if (dd === 0) return { e: cv, guarded: false };
        return { e: { t: "bin", op: dd > 0 ? "+" : "-", a: cv, c: intLit(Math.abs(dd)), kind: "i", b: cv.b + Math.abs(dd), sure: c.sure, keep: true }, guarded: false };
      }
      if (r < 0.83) return { e: { t: "bin", op: ">>", a: cv, c: intLit(1), kind: "i", b: cv.b, sure: true, keep: true }, guarded: false };
      if (r < 0.9) {
        // A float index that is integral: converted exactly (semantics.md, "An index must be an integer").
        const half: Expr = { t: "bin", op: "/", a: cv, c: intLit(2), kind: "f", b: 1, keep: true };
        return { e: { t: "call", fn: "Math.floor", args: [half], kind: "f", b: 1, keep: true }, guarded: false };
      }
      // extent - 1 - c
      const ext = this.extentExpr(a, axis);
      const m1: Expr = { t: "bin", op: "-", a: ext, c: intLit(1), kind: "i", b: ext.b + 1, sure: true, keep: true };
      return { e: { t: "bin", op: "-", a: m1, c: cv, kind: "i", b: m1.b + cv.b, sure: c.sure, keep: true }, guarded: false };
    }
    const guarded = !this.positive.includes(cls);
    const raw = this.r() < 0.5 ? this.numLeaf(fx) : this.num(1, fx);
    const ext = this.extentExpr(a, axis);
    if (this.r() < 0.7) {
      const masked: Expr = { t: "bin", op: "&", a: raw, c: intLit(0x7fffffff), kind: "i", b: 0x7fffffff, sure: true, keep: true };
      return { e: { t: "bin", op: "%", a: masked, c: ext, kind: "i", b: ext.b, sure: true, keep: true }, guarded };
    }
    const asInt: Expr = { t: "bin", op: "|", a: raw, c: zero(), kind: "i", b: 2 ** 31, sure: true, keep: true };
    const lo: Expr = { t: "call", fn: "Math.max", args: [asInt, zero()], kind: "i", b: 2 ** 31, sure: true, keep: true };
    const hi: Expr = { t: "bin", op: "-", a: ext, c: intLit(1), kind: "i", b: ext.b + 1, sure: true, keep: true };
    return { e: { t: "call", fn: "Math.min", args: [lo, hi], kind: "i", b: ext.b + 1, sure: true, keep: true }, guarded };
  }

  private guardCond(a: VarInfo): Expr {
    const ext = a.arr!.nd ? prop(`${a.name}.size`) : prop(`${a.name}.length`);
    return { t: "bin", op: ">", a: ext, c: zero(), kind: "b", b: 1, keep: true };
  }

  private load(a: VarInfo, fx: boolean): Expr {
    const ndim = a.arr!.len.length;
    this.loadDepth++;
    const ixs = Array.from({ length: ndim }, (_, k) => this.index(a, k, fx && this.r() < 0.3));
    this.loadDepth--;
    const el = this.elemKind(a);
    const e: Expr = { t: "load", arr: a.name, nd: a.arr!.nd, idx: ixs.map((x) => x.e), kind: el.kind, b: el.b, sure: el.kind === "i" && a.arr!.dtype !== "any" };
    if (!ixs.some((x) => x.guarded)) return e;
    return { t: "cond", c: this.guardCond(a), a: e, e: zero(), kind: el.kind, b: el.b, keep: true };
  }

  // ---- statements ---------------------------------------------------------------------------------

  private wrapGuard(a: VarInfo, guarded: boolean, s: Stmt[]): Stmt[] {
    return guarded ? [{ t: "if", c: this.guardCond(a), then: s, else: null, keep: true }] : s;
  }

  /** Assignment to a scalar variable (respecting its kind and bound); undefined if none fits. */
  private assignVar(v: VarInfo, d: number, fx: boolean): Stmt | undefined {
    const target: Target = { t: "var", name: v.name };
    if (v.kind === "b") return { t: "assign", target, op: "=", value: this.bool(d, fx) };
    if (v.kind === "f") {
      if (this.r() < 0.15) return { t: "update", target, op: this.r() < 0.5 ? "++" : "--", prefix: this.r() < 0.5 };
      const op = pick(this.rng, ["=", "=", "+=", "+=", "-=", "*=", "/=", "%=", "**=", "|=", "&=", "^=", "<<=", ">>=", ">>>="]);
      return { t: "assign", target, op, value: this.num(d, op === "=" ? fx : this.fxCompound(fx)) };
    }
    // kind "i": plain assignments stay within cap/2; increments consume the other half.
    const runs = this.runsSince(v.depth);
    const r = this.r();
    if (r < 0.2 && v.used + runs <= v.cap / 2) {
      v.used += runs;
      return { t: "update", target, op: this.r() < 0.5 ? "++" : "--", prefix: this.r() < 0.5 };
    }
    if (r < 0.45) {
      const e = this.num(d, this.fxCompound(fx));
      if (kindOfNum(e).kind === "i" && v.used + runs * kindOfNum(e).b <= v.cap / 2) {
        v.used += runs * kindOfNum(e).b;
        return { t: "assign", target, op: this.r() < 0.5 ? "+=" : "-=", value: e };
      }
    }
    if (r < 0.6 && v.cap >= 2 ** 40) {
      return { t: "assign", target, op: pick(this.rng, ["&=", "|=", "^=", "<<=", ">>=", ">>>="]), value: this.num(d, this.fxCompound(fx)) };
    }
    const e = this.num(d, fx);
    if (kindOfNum(e).kind !== "i") {
      // Keep it an integer variable: an int ⊔ f64 variable would be a float everywhere, which is fine
      // for correctness but the generator's bound bookkeeping assumes "i" values only.
      return { t: "assign", target, op: "=", value: this.tame(this.bitwise("|", e, zero()), v.cap / 2) };
    }
    if (this.r() < 0.3) {
      // v = (v op e) & mask: a bounded read-modify-write
      const mixed = this.arith(pick(this.rng, ["+", "-", "*"]), varE(v), e);
      return { t: "assign", target, op: "=", value: this.tame(mixed, Math.min(v.cap / 2, 0xfffff)) };
    }
    return { t: "assign", target, op: "=", value: this.tame(e, v.cap / 2) };
  }

  /** Whether the operands of a compound assignment may have side effects. */
  private fxCompound(fx: boolean): boolean {
    return fx && !this.avoid.has("compound-effects");
  }

  private storeStmt(): Stmt[] {
    const arrs = this.arrays();
    if (!arrs.length) return [];
    const a = pick(this.rng, arrs);
    const el = this.elemKind(a);
    if (a.arr!.nd) {
      const ixs = [this.index(a, 0, false), this.index(a, 1, false)];
      let value = this.num(this.depth - 1);
      if (this.r() < 0.4) {
        const cur: Expr = { t: "load", arr: a.name, nd: true, idx: ixs.map((x) => x.e), kind: el.kind, b: el.b };
        value = el.kind === "i" && kindOfNum(value).kind === "i" ? this.arith(pick(this.rng, ["+", "-"]), cur, this.tame(value, 2 ** 40)) : this.arith(pick(this.rng, ["+", "-", "*", "/"]), cur, value);
      }
      return this.wrapGuard(a, ixs.some((x) => x.guarded), [{ t: "set", arr: a.name, idx: ixs.map((x) => x.e), value }]);
    }
    const update = this.r() < 0.1;
    const op = choose(this.rng, [[6, "="], [3, "+="], [1, "-="], [1, "*="], [0.5, "/="], [0.5, "%="], [0.5, "**="], [0.4, "|="], [0.4, "&="], [0.4, "^="], [0.3, "<<="], [0.3, ">>="], [0.3, ">>>="]] as const);
    const fx = op === "=" && !update ? true : this.fxCompound(true);
    const ix = this.index(a, 0, fx && this.r() < 0.2);
    const target: Target = { t: "elem", arr: a.name, idx: [ix.e] };
    let s: Stmt;
    if (update) s = { t: "update", target, op: this.r() < 0.5 ? "++" : "--", prefix: this.r() < 0.5 };
    else {
      let value = this.num(this.depth - 1, fx);
      if (el.kind === "i" && kindOfNum(value).kind === "i") {
        if (op === "+=" || op === "-=") value = this.tame(value, 2 ** 40);
        if (op === "*=") value = this.tame(value, 2 ** 20);
        if (op === "%=") value = this.nonzero(value);
      }
      s = { t: "assign", target, op, value };
    }
    return this.wrapGuard(a, ix.guarded, [s]);
  }

  private declStmt(): Stmt[] {
    const kw = choose(this.rng, [[5, "let"], [3, "const"], [1, "var"]] as const);
    const name = this.fresh("v");
    const k = choose(this.rng, [[5, "i"], [5, "f"], [2, "b"]] as const);
    // The initializer is generated before the name is declared: it cannot refer to itself.
    if (k === "b") {
      const init = this.bool(this.depth);
      this.declare({ name, kind: "b", cap: 1, mutable: kw !== "const", sure: false });
      return [{ t: "decl", kw, name, init }];
    }
    if (k === "f") {
      // Certainly a float: a float literal, or an expression mixed with one.
      const init = this.r() < 0.5 ? this.floatLiteral() : this.arith(pick(this.rng, ["+", "*", "-"]), this.num(this.depth - 1), this.floatLiteral());
      const fixed = init.kind === "f" ? init : lit("0.5", "f", 1);
      this.declare({ name, kind: "f", cap: 1, mutable: kw !== "const", sure: false });
      return [{ t: "decl", kw, name, init: fixed }];
    }
    const cap = pick(this.rng, [2 ** 20, 2 ** 32, 2 ** 40, 2 ** 52]);
    const arrs = this.arrays();
    if (kw === "const" && arrs.length && this.r() < 0.25) {
      const a = pick(this.rng, arrs);
      const axis = a.arr!.nd ? Math.floor(this.r() * 2) : 0;
      this.declare({ name, kind: "i", cap: 1024, mutable: false, sure: true, lenOf: a.arr!.len[axis] });
      return [{ t: "decl", kw, name, init: this.extentExpr(a, axis) }];
    }
    const init = this.tame(this.r() < 0.3 ? this.intLiteral() : this.num(this.depth), cap / 2);
    const i = kindOfNum(init).kind === "i" ? init : this.tame(this.bitwise("|", init, zero()), cap / 2);
    this.declare({ name, kind: "i", cap, mutable: kw !== "const", sure: false });
    return [{ t: "decl", kw, name, init: i }];
  }

  private shapeStmt(): Stmt[] {
    const nds = this.arrays((a) => a.arr!.nd);
    if (!nds.length) return [];
    const a = pick(this.rng, nds);
    const names = [this.fresh("m"), this.fresh("n")];
    const prop = this.r() < 0.85 ? "shape" : "stride";
    names.forEach((name, k) =>
      this.declare({ name, kind: "i", cap: prop === "shape" ? 1024 : 2 ** 20, mutable: false, sure: true, lenOf: prop === "shape" ? a.arr!.len[k] : undefined }));
    return [{ t: "shape", kw: "const", names, arr: a.name, prop }];
  }

  private allocStmt(): Stmt[] {
    if (this.allocs >= 3) return [];
    this.allocs++;
    const name = this.fresh("t");
    const srcs = this.lenSources();
    const size = (): { e: Expr; cls: string } => {
      if (srcs.length && this.r() < 0.6) return pick(this.rng, srcs);
      const n = 1 + Math.floor(this.r() * 12);
      return { e: intLit(n), cls: `K${n}` };
    };
    if (this.r() < 0.65) {
      const ctor = choose(this.rng, [[5, "Float64Array"], [1, "Float32Array"], [2, "Int32Array"], [1, "Uint8Array"], [1, "Int16Array"]] as const);
      const s = size();
      this.declare({ name, kind: "arr", cap: 0, mutable: false, sure: false, arr: { dtype: ctor, nd: false, len: [s.cls] } });
      return [{ t: "alloc", name, ctor, dims: [s.e] }];
    }
    const s0 = size(), s1 = size();
    const dtype = this.r() < 0.8 ? undefined : pick(this.rng, ["int32", "float32"] as const);
    const ctor = this.r() < 0.8 ? "zeros" : "ones";
    this.declare({ name, kind: "arr", cap: 0, mutable: false, sure: false, arr: { dtype: dtype === "int32" ? "Int32Array" : dtype === "float32" ? "Float32Array" : "Float64Array", nd: true, len: [s0.cls, s1.cls] } });
    return [{ t: "alloc", name, ctor, dims: [s0.e, s1.e], dtype }];
  }

  /** Expressions that are the extent of some length class. */
  private lenSources(): { e: Expr; cls: string }[] {
    const out: { e: Expr; cls: string }[] = [];
    for (const a of this.arrays()) {
      a.arr!.len.forEach((cls, k) => out.push({ e: this.extentExpr(a, k), cls }));
    }
    for (const v of this.vars()) if (v.lenOf) out.push({ e: varE(v), cls: v.lenOf });
    return out;
  }

  private tripOf(cls: string): number {
    if (cls.startsWith("K")) return Number(cls.slice(1));
    if (cls.startsWith("D")) return DIM_MAX;
    return LEN_MAX;
  }

  private maybeLabel(): string | undefined {
    return this.r() < 0.3 ? this.fresh("L") : undefined;
  }

  /** Runs `f` inside a loop of trip count <= trip. */
  private inLoop<T>(info: LoopInfo, f: () => T): T {
    this.loops.push(info);
    this.mult *= Math.max(1, info.trip);
    this.multStack.push(this.mult);
    try {
      return this.inScope(f);
    } finally {
      this.multStack.pop();
      this.loops.pop();
      this.mult /= Math.max(1, info.trip);
    }
  }

  private loopBody(n: number): Stmt[] {
    return this.stmts(n);
  }

  private loopStmt(): Stmt[] {
    const budget = Math.min(6, Math.max(1, Math.floor(this.stmtsLeft / 2)));
    const srcs = this.lenSources().filter((s) => this.mult * this.tripOf(s.cls) <= this.maxMult);
    const kind = choose(this.rng, [[srcs.length ? 8 : 0, "class"], [3, "count"], [2, "while"], [2, "do"], [1.5, "general"], [srcs.length ? 1.5 : 0, "prange"]] as const);
    const label = this.maybeLabel();
    const maxK = Math.max(1, Math.min(12, Math.floor(this.maxMult / this.mult)));
    if (this.mult * 2 > this.maxMult) return [];
    const K = 1 + Math.floor(this.r() * maxK);
    switch (kind) {
      case "class": {
        const s = pick(this.rng, srcs);
        const trip = this.tripOf(s.cls);
        const P = this.r() < 0.7 ? 0 : Math.floor(this.r() * 3);
        const Q = this.r() < 0.7 ? 0 : Math.floor(this.r() * 3);
        const v = this.fresh("i");
        const down = this.r() < 0.25;
        const step = this.r() < 0.8 ? 1 : 2;
        const endE: Expr = Q === 0 ? s.e : { t: "bin", op: "-", a: s.e, c: intLit(Q), kind: "i", b: s.e.b + Q, sure: true, keep: true };
        const body = this.inLoop({ label, trip }, () => {
          this.declare({ name: v, kind: "i", cap: trip + 4, mutable: false, sure: true, safe: { cls: s.cls, P, Q } });
          // The body runs only when the extent is > P + Q >= 0.
          this.positive.push(s.cls);
          try {
            return this.loopBody(budget);
          } finally {
            this.positive.pop();
          }
        });
        if (!down) {
          return [{ t: "for", label, v, init: intLit(P), cmp: "<", end: endE, update: step === 1 ? (this.r() < 0.7 ? `${v}++` : `++${v}`) : (this.r() < 0.5 ? `${v} += 2` : `${v} = ${v} + 2`), body }];
        }
        const start: Expr = { t: "bin", op: "-", a: endE, c: intLit(1), kind: "i", b: endE.b + 1, sure: true, keep: true };
        // `i >= P` and `i > P - 1` both stop at P.
        const ge = this.r() < 0.5;
        return [{ t: "for", label, v, init: start, cmp: ge ? ">=" : ">", end: intLit(ge ? P : P - 1), update: step === 1 ? `${v}--` : `${v} -= 2`, body }];
      }
      case "prange": {
        const s = pick(this.rng, srcs);
        if (this.r() < 0.6 && !this.inPrange) return this.prangeStmt(s, label);
        // range(...): an ordinary sequential loop, any body.
        const trip = this.tripOf(s.cls);
        const v = this.fresh("i");
        const P = this.r() < 0.7 ? 0 : 1;
        const body = this.inLoop({ label, trip }, () => {
          this.declare({ name: v, kind: "i", cap: trip + 4, mutable: false, sure: true, safe: { cls: s.cls, P, Q: 0 } });
          this.positive.push(s.cls);
          try {
            return this.loopBody(budget);
          } finally {
            this.positive.pop();
          }
        });
        const args = P === 0 && this.r() < 0.6 ? [s.e] : [intLit(P), s.e];
        return [{ t: "forof", label, v, fn: "range", args, body }];
      }
      case "count": {
        const v = this.fresh("i");
        const lim = this.limit(K);
        const down = this.r() < 0.3;
        const body = this.inLoop({ label, trip: K + 1 }, () => {
          this.declare({ name: v, kind: "i", cap: K + 4, mutable: false, sure: false });
          return this.loopBody(budget);
        });
        const extra = this.r() < 0.2 ? this.inLoop({ trip: K + 1 }, () => this.bool(1)) : undefined;
        if (down) return [{ t: "for", label, v, init: lim, cmp: pick(this.rng, [">", ">="]), end: zero(), update: pick(this.rng, [`${v}--`, `${v} -= 1`, `${v} -= 3`]), extra, body }];
        return [{ t: "for", label, v, init: intLit(Math.floor(this.r() * 2)), cmp: pick(this.rng, ["<", "<="]), end: lim, update: pick(this.rng, [`${v}++`, `${v} += 1`, `${v} += 2`, `${v} = ${v} + 1`]), extra, body }];
      }
      case "general": {
        const v = this.fresh("i");
        const lim = this.limit(K);
        const body = this.inLoop({ label, trip: K + 1 }, () => {
          this.declare({ name: v, kind: "i", cap: K + 4, mutable: false, sure: false });
          return this.loopBody(budget);
        });
        return [{ t: "for", label, v, init: zero(), cmp: "<", end: lim, update: `${v}++`, extra: this.inLoop({ trip: K + 1 }, () => this.bool(1)), body }];
      }
      case "while":
      case "do": {
        const w = this.fresh("w");
        const lim = this.limit(K);
        const extra = this.r() < 0.4 ? this.inLoop({ trip: K + 1 }, () => this.bool(1)) : undefined;
        const body = this.inLoop({ label, trip: K + 1 }, () => {
          this.declare({ name: w, kind: "i", cap: K + 4, mutable: false, sure: true });
          return this.loopBody(budget);
        });
        return [{ t: kind, label, w, lim, extra, body }];
      }
    }
  }

  /**
   * A prange loop whose iterations are independent, as numbat requires (NB110, src/passes/parallel.ts):
   * arrays it writes are written and read only at the counter's element (rows, for 2-d arrays), scalars
   * are private to an iteration, except reductions whose result does not depend on the order of
   * iterations (integer `+=`/`-=`, Math.min/Math.max), and there are no jumps out, throws, calls of
   * helpers that write arrays, or allocations.
   */
  private prangeStmt(src: { e: Expr; cls: string }, label: string | undefined): Stmt[] {
    const trip = this.tripOf(src.cls);
    const v = this.fresh("i");
    const P = this.r() < 0.7 ? 0 : 1;
    const written = this.arrays((a) => !a.aliased && (a.arr!.nd ? a.arr!.len[0] === src.cls : a.arr!.len[0] === src.cls) && a.arr!.dtype !== "any");
    const W = written.filter(() => this.r() < 0.6).slice(0, 2);
    const outerI = this.vars().filter((x) => x.kind === "i" && x.mutable && !x.safe);
    const outerF = this.vars().filter((x) => x.kind === "f" && x.mutable);
    const runs = this.mult * trip;
    const red: { v: VarInfo; op: "+=" | "-=" | "min" | "max" }[] = [];
    if (outerI.length && this.r() < 0.4) {
      const rv = pick(this.rng, outerI);
      if (rv.used + runs * 0xff <= rv.cap / 2) {
        rv.used += runs * 0xff;
        red.push({ v: rv, op: this.r() < 0.7 ? "+=" : "-=" });
      }
    }
    if (outerF.length && this.r() < 0.4) red.push({ v: pick(this.rng, outerF), op: this.r() < 0.5 ? "min" : "max" });
    const savedHidden = this.hidden;
    this.hidden = new Set([...savedHidden, ...W.map((a) => a.name), ...red.map((r) => r.v.name)]);
    this.inPrange = true;
    const body = this.inLoop({ label, trip }, () => {
      const counter = this.declare({ name: v, kind: "i", cap: trip + 4, mutable: false, sure: true, safe: { cls: src.cls, P, Q: 0 } });
      this.positive.push(src.cls);
      try {
        const out: Stmt[] = [];
        const own = (a: VarInfo): Expr => {
          const el = this.elemKind(a);
          const idx = a.arr!.nd ? [varE(counter), this.index(a, 1, false).e] : [varE(counter)];
          return { t: "load", arr: a.name, nd: a.arr!.nd, idx, kind: el.kind, b: el.b };
        };
        const value = (): Expr => {
          const e = this.num(this.depth - 1, false);
          const mine = W.filter((a) => !a.arr!.nd);
          return mine.length && this.r() < 0.4 ? this.arith(pick(this.rng, ["+", "-", "*"]), own(pick(this.rng, mine)), e) : e;
        };
        // Private temporaries.
        for (let k = Math.floor(this.r() * 3); k > 0; k--) {
          const name = this.fresh("v");
          const init = value();
          const kind = kindOfNum(init);
          this.declare({ name, kind: kind.kind, cap: kind.b, used: kind.b, mutable: false, sure: false });
          out.push({ t: "decl", kw: "const", name, init });
        }
        // Writes to the iteration's own elements (and rows).
        for (const a of W) {
          if (!a.arr!.nd) {
            const op = pick(this.rng, ["=", "=", "+=", "*="]);
            out.push({ t: "assign", target: { t: "elem", arr: a.name, idx: [varE(counter)] }, op, value: op === "=" ? value() : this.tame(this.num(this.depth - 1, false), 2 ** 20) });
          } else {
            const ix = this.index(a, 1, false);
            const set: Stmt = { t: "set", arr: a.name, idx: [varE(counter), ix.e], value: value() };
            out.push(...this.wrapGuard(a, ix.guarded, [set]));
          }
        }
        for (const r of red) {
          const target = { t: "var" as const, name: r.v.name };
          if (r.op === "+=" || r.op === "-=") out.push({ t: "assign", target, op: r.op, value: this.tame(this.num(this.depth - 1, false), 0xff) });
          else out.push({ t: "assign", target, op: "=", value: { t: "call", fn: r.op === "min" ? "Math.min" : "Math.max", args: [varE(r.v), this.num(this.depth - 1, false)], kind: "f", b: 1 } });
        }
        return out;
      } finally {
        this.positive.pop();
      }
    });
    this.hidden = savedHidden;
    this.inPrange = false;
    const args = P === 0 && this.r() < 0.6 ? [src.e] : [intLit(P), src.e];
    return [{ t: "forof", label, v, fn: "prange", args, body }];
  }

  /** A loop limit <= K: a literal or Math.min(e, K) (NaN stops the loop at once). */
  private limit(K: number): Expr {
    if (this.r() < 0.5) return intLit(K);
    const e = this.num(1, false);
    const k = kindOfNum(e);
    return { t: "call", fn: "Math.min", args: [e, intLit(K)], kind: k.kind, b: K, sure: false, keep: true };
  }

  /**
   * An integer recurrence that leaves 2^53 (and 2^63) the way hashes, LCGs and sums of powers do:
   * `let w = seed; for (let i = 0; i < K; i++) w = (w * C + f(i)) % M` and friends. `w` is a float to
   * the generator afterwards (numbat makes it one as soon as its range is unbounded).
   */
  private wideIntStmt(): Stmt[] {
    const w = this.fresh("w"), i = this.fresh("i");
    const K = 1 + Math.floor(this.r() * 40);
    const ints = this.vars().filter((v) => v.kind === "i" && !this.hidden.has(v.name));
    const operand = (): Expr => (ints.length && this.r() < 0.4 ? varE(pick(this.rng, ints)) : this.intLiteral());
    const W: Expr = { t: "var", name: w, kind: "f", b: 1 }, I: Expr = { t: "var", name: i, kind: "i", b: K, sure: true };
    const bin = (op: string, a: Expr, c: Expr): Expr => ({ t: "bin", op, a, c, kind: "f", b: 1, keep: true });
    const C = intLit(pick(this.rng, [33, 31, 1103515245, 16777619, 1000003, 2 ** 40, -7, 0]));
    const M = intLit(pick(this.rng, [2147483648, 4294967296, 1000000007, 2 ** 53, 251, -5, 0]));
    const update: Expr = choose<() => Expr>(this.rng, [
      [3, () => bin("%", bin("+", bin("*", W, C), bin("%", I, intLit(251))), M)],
      [2, () => bin("+", W, bin("*", bin("*", I, I), I))],
      [2, () => bin("*", W, bin("-", operand(), I))],
      [1, () => bin("-", bin("*", bin("-", intLit(0), W), I), operand())],
      [1, () => bin("**", bin("%", W, intLit(7)), bin("-", I, intLit(3)))],
      [1, () => bin("%", bin("*", W, operand()), bin("-", I, intLit(2)))],
    ])();
    const body: Stmt[] = [{ t: "assign", target: { t: "var", name: w }, op: "=", value: update }];
    if (this.r() < 0.3) body.push({ t: "assign", target: { t: "var", name: w }, op: "=", value: bin("^", W, I) });
    const stmts: Stmt[] = [
      { t: "decl", kw: "let", name: w, init: operand() },
      { t: "for", v: i, init: intLit(0), cmp: "<", end: intLit(K), update: `${i}++`, body },
    ];
    // Seen by the comparison: stored into a Float64Array argument (-0, NaN and all) where there is one.
    const out = this.arrays((a) => a.arr!.dtype === "Float64Array" && !a.arr!.nd && !this.hidden.has(a.name));
    if (out.length) {
      const a = pick(this.rng, out);
      const len = prop(`${a.name}.length`);
      stmts.push({ t: "if", c: { t: "bin", op: ">", a: len, c: zero(), kind: "b", b: 1 }, then: [{ t: "assign", target: { t: "elem", arr: a.name, idx: [bin("-", len, intLit(1))] }, op: "=", value: W }], else: null, keep: true });
    }
    this.declare({ name: w, kind: "f", cap: 1, mutable: false, sure: false });
    return stmts;
  }

  private ifStmt(): Stmt[] {
    const c = this.r() < 0.85 ? this.bool(this.depth) : this.num(this.depth - 1);
    const n = Math.max(1, Math.min(4, Math.floor(this.stmtsLeft / 2)));
    const then = this.stmts(n);
    const r = this.r();
    if (r < 0.5) return [{ t: "if", c, then, else: null }];
    if (r < 0.75) return [{ t: "if", c, then, else: this.stmts(n) }];
    return [{ t: "if", c, then, else: this.ifStmt() }];
  }

  private jumpStmt(): Stmt[] {
    if (!this.loops.length) return [];
    const kind = this.r() < 0.5 ? "break" : "continue";
    const labelled = this.loops.filter((l) => l.label);
    const label = labelled.length && this.r() < 0.5 ? pick(this.rng, labelled).label : undefined;
    const jump: Stmt = { t: kind, label };
    return [{ t: "if", c: this.bool(this.depth - 1), then: [jump], else: this.r() < 0.2 ? this.stmts(1) : null }];
  }

  private returnValue(): Expr | null {
    switch (this.retKind) {
      case "void": return null;
      case "bool": return this.bool(this.depth);
      case "arr": {
        const same = this.arrays((a) => sameArrType(a, this.retArr!));
        return varE(pick(this.rng, same.length ? same : [this.retArr!]));
      }
      case "num": {
        const e = this.num(this.depth);
        const k = kindOfNum(e);
        this.retKinds.push(k);
        return e;
      }
    }
  }

  private returnStmt(): Stmt[] {
    return [{ t: "if", c: this.bool(this.depth - 1), then: [{ t: "return", e: this.returnValue() }], else: null }];
  }

  private throwStmt(): Stmt[] {
    const cls = pick(this.rng, ["Error", "RangeError", "TypeError"] as const);
    return [{ t: "if", c: this.bool(this.depth - 1), then: [{ t: "throw", cls, msg: `fuzz: ${cls} ${this.nextName++}` }], else: null }];
  }

  private callStmt(): Stmt[] {
    const e = this.helperCall(this.depth - 1, true, false);
    return e ? [{ t: "expr", e }] : [];
  }

  private helperCall(d: number, fx: boolean, wantValue: boolean): Expr | undefined {
    // A helper with an array parameter may write it, and any helper may throw: calls are side effects.
    const hs = this.helpers.filter((h) => (!wantValue || h.ret === "num") && (fx || h.pure));
    // Each call runs the helper's loops: keep calls out of deep loop nests.
    if (!hs.length || this.mult > 64) return undefined;
    const h = pick(this.rng, hs);
    const oneD = this.arrays((a) => !a.arr!.nd);
    if (h.params.includes("arr") && !oneD.length) return undefined;
    const args = h.params.map((p) => (p === "arr" ? varE(pick(this.rng, oneD)) : this.tame(this.num(Math.max(0, d - 1), fx), HELPER_PARAM_BOUND)));
    return { t: "call", fn: h.name, args, kind: h.ret === "void" ? "i" : h.retKind, b: h.retBound };
  }

  private exprStmt(): Stmt[] {
    // Effects in lazy positions: c ? (x = e) : (y = e), c && (flag = e)
    const muts = this.vars().filter((v) => (v.kind === "i" || v.kind === "f") && v.mutable);
    if (!muts.length) return this.storeStmt();
    const one = (): Expr => {
      const v = pick(this.rng, muts);
      const s = this.assignVar(v, this.depth - 1, true);
      if (s?.t === "assign") return { t: "assign", target: s.target, op: s.op, value: s.value, kind: v.kind as Kind, b: v.cap };
      if (s?.t === "update") return { t: "update", target: s.target, op: s.op, prefix: s.prefix, kind: v.kind as Kind, b: v.cap };
      return varE(v);
    };
    const a = one(), b = one();
    const ints = a.kind === "i" && b.kind === "i";
    // A comma expression, or effects in the branches of a ternary.
    if (this.r() < 0.3) return [{ t: "expr", e: { t: "seq", xs: [a, b], kind: b.kind, b: b.b } }];
    return [{ t: "expr", e: { t: "cond", c: this.bool(1), a, e: b, kind: ints ? "i" : "f", b: Math.max(a.b, b.b) } }];
  }

  private stmt(): Stmt[] {
    const inLoop = this.loops.length > 0;
    const canLoop = this.mult * 2 <= this.maxMult && this.loops.length < 4;
    const f = choose<() => Stmt[]>(this.rng, [
      [14, () => this.declStmt()],
      [this.allocs < 3 && !(inLoop && this.avoid.has("alloc-in-loop")) ? 1.5 : 0, () => this.allocStmt()],
      [this.arrays((a) => a.arr!.nd).length ? 1 : 0, () => this.shapeStmt()],
      [14, () => {
        const vs = this.vars().filter((v) => v.mutable && v.kind !== "arr");
        if (!vs.length) return this.declStmt();
        const s = this.assignVar(pick(this.rng, vs), this.depth, true);
        return s ? [s] : [];
      }],
      [this.arrays().length ? 16 : 0, () => this.storeStmt()],
      [9, () => this.ifStmt()],
      [canLoop ? 11 : 0, () => this.loopStmt()],
      [this.wide && canLoop ? 5 : 0, () => this.wideIntStmt()],
      [inLoop ? 6 : 0, () => this.jumpStmt()],
      [this.retKind !== "void" || this.r() < 0.5 ? 2 : 0, () => this.returnStmt()],
      [1.5, () => this.throwStmt()],
      [this.helpers.length ? 3 : 0, () => this.callStmt()],
      [1.5, () => this.exprStmt()],
      [1, () => [{ t: "block", body: this.stmts(2) }]],
    ]);
    return f();
  }

  private stmts(n: number): Stmt[] {
    return this.inScope(() => {
      const out: Stmt[] = [];
      for (let k = 0; k < n && this.stmtsLeft > 0; k++) {
        this.stmtsLeft--;
        out.push(...this.stmt());
      }
      return out;
    });
  }

  // ---- functions ----------------------------------------------------------------------------------

  private reset(): void {
    this.scopes = [[]];
    this.loops = [];
    this.mult = 1;
    this.multStack = [1];
    this.positive = [];
    this.retKinds = [];
    this.allocs = 0;
  }

  /** A helper kernel: 1-3 number parameters (|integer| <= 2^31) and maybe one 1-d array. */
  private helper(index: number): { def: FnDef; info: HelperInfo } {
    this.reset();
    this.maxMult = HELPER_MAX_MULT;
    const name = `h${index}`;
    const nNum = 1 + Math.floor(this.r() * 3);
    const withArr = this.r() < 0.5;
    const kinds: ("num" | "arr")[] = Array.from({ length: nNum }, () => "num" as const);
    if (withArr) kinds.splice(Math.floor(this.r() * (kinds.length + 1)), 0, "arr");
    const params = kinds.map((k, i) => (k === "arr" ? `arr${i}` : `x${i}`));
    kinds.forEach((k, i) => {
      if (k === "arr") this.declare({ name: params[i]!, kind: "arr", cap: 0, mutable: false, sure: false, arr: { dtype: "any", nd: false, len: [`H${index}`] } });
      else this.declare({ name: params[i]!, kind: "i", cap: HELPER_PARAM_BOUND, used: HELPER_PARAM_BOUND / 2, mutable: this.r() < 0.3 && !this.avoid.has("assign-params"), sure: false });
    });
    this.retKind = withArr && this.r() < 0.3 ? "void" : "num";
    this.stmtsLeft = 3 + Math.floor(this.r() * 6);
    const saveDepth = this.depth;
    this.depth = 2;
    const body = this.stmts(this.stmtsLeft);
    if (this.retKind === "num") body.push({ t: "return", e: this.returnValue() });
    this.depth = saveDepth;
    const allInt = this.retKinds.every((k) => k.kind === "i");
    const info: HelperInfo = {
      name, pure: !withArr && !/"t":"throw"|"t":"alloc"|"fn":"h\d/.test(JSON.stringify(body)), params: kinds, ret: this.retKind === "void" ? "void" : "num",
      retKind: allInt ? "i" : "f", retBound: allInt ? Math.max(1, ...this.retKinds.map((k) => k.b)) : 1,
    };
    this.maxMult = KERNEL_MAX_MULT;
    return { def: { name, params, body, style: this.r() < 0.2 ? "arrow" : "function" }, info };
  }

  program(): Program {
    const helpers: HelperDef[] = [];
    this.helpers = [];
    if (this.opts.helpers !== false && this.r() < 0.4) {
      const n = this.r() < 0.7 ? 1 : 2;
      for (let k = 0; k < n; k++) {
        const { def, info } = this.helper(k);
        // A plain (un-jitted) helper is compiled by numbat with default options and an empty scope,
        // so only one that calls nothing can be passed plain.
        const callsOthers = k > 0 && JSON.stringify(def.body).includes('"fn":"h');
        helpers.push({ fn: def, jit: callsOthers || this.r() < 0.7 });
        this.helpers.push(info);
      }
    }
    this.reset();
    // Parameters.
    const params: ParamSpec[] = [];
    const names: string[] = [];
    const nTa = 1 + Math.floor(this.r() * 3);
    const nNd = this.r() < 0.3 ? 1 + Math.floor(this.r() * 2) : 0;
    const nNum = Math.floor(this.r() * 3);
    const nBool = this.r() < 0.2 ? 1 : 0;
    const order = [
      ...Array.from({ length: nTa }, () => "ta"), ...Array.from({ length: nNd }, () => "nd"),
      ...Array.from({ length: nNum }, () => "num"), ...Array.from({ length: nBool }, () => "bool"),
    ];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let ta = 0, nd = 0, num = 0;
    for (const k of order) {
      if (k === "ta") {
        const dtype: DType = choose(this.rng, [[10, "Float64Array"], [2, "Float32Array"], [4, "Int32Array"], ...INT_DTYPES.filter((d) => d !== "Int32Array").map((d) => [0.7, d] as const)]);
        const len = this.r() < 0.75 ? "L0" : "L1";
        const spec: ParamSpec = { k: "ta", dtype, len, heap: this.r() < 0.3 };
        const name = `a${ta++}`;
        params.push(spec);
        names.push(name);
        this.declare({ name, kind: "arr", cap: 0, mutable: false, sure: false, arr: { dtype, nd: false, len: [len] } });
        if (this.r() < 0.08) {
          // The same object again, under another name.
          const alias = `a${ta++}`;
          params.push({ k: "alias", of: params.length - 1 });
          names.push(alias);
          this.vars().at(-1)!.aliased = true;
          this.declare({ name: alias, kind: "arr", cap: 0, mutable: false, sure: false, aliased: true, arr: { dtype, nd: false, len: [len] } });
        }
      } else if (k === "nd") {
        const dtype: DType = this.r() < 0.75 ? "Float64Array" : pick(this.rng, [...FLOAT_DTYPES, "Int32Array", "Uint8Array"] as DType[]);
        const d0 = pick(this.rng, ["D0", "D1", "D2"]), d1 = pick(this.rng, ["D0", "D1", "D2"]);
        const spec: ParamSpec = { k: "nd", dtype, d0, d1, maker: this.r() < 0.6 ? "numbat" : "scijs", view: choose(this.rng, [[6, "none"], [2, "T"], [1, "flip"]] as const) };
        const name = `A${nd++}`;
        params.push(spec);
        names.push(name);
        this.declare({ name, kind: "arr", cap: 0, mutable: false, sure: false, arr: { dtype, nd: true, len: [d0, d1] } });
      } else if (k === "num") {
        const bound = this.r() < 0.6 ? 2 ** 31 : 2 ** 53;
        params.push({ k: "num", bound });
        const name = `p${num++}`;
        names.push(name);
        // used = cap / 2: no increments, since the argument itself may already be as large as the cap.
        this.declare({ name, kind: "i", cap: bound, used: bound / 2, mutable: this.r() < 0.3 && !this.avoid.has("assign-params"), sure: false });
      } else {
        params.push({ k: "bool" });
        const name = `flag${num++}`;
        names.push(name);
        this.declare({ name, kind: "b", cap: 1, mutable: false, sure: false });
      }
    }
    this.retKind = choose(this.rng, [[10, "num"], [4, "void"], [2, "bool"], [3, "arr"]] as const);
    const prologue: Stmt[] = [];
    if (this.retKind === "arr") {
      if (this.r() < 0.5) prologue.push(...this.allocStmt());
      const arrs = this.arrays();
      this.retArr = arrs.at(-1)!;
      if (!this.retArr) this.retKind = "num";
    }
    this.stmtsLeft = Math.max(3, Math.floor(this.size * (0.5 + this.r())));
    const body = [...prologue, ...this.inScope(() => this.stmts(this.stmtsLeft))];
    // The body's own scope is gone; the final return sees only parameters and prologue declarations.
    if (this.retKind !== "void") body.push({ t: "return", e: this.returnValue() });
    const kernel: FnDef = { name: "kernel", params: names, body, style: this.r() < 0.15 ? "arrow" : "function" };
    return { kernel, helpers, params };
  }
}

function sameArrType(a: VarInfo, b: VarInfo): boolean {
  return a.arr!.dtype === b.arr!.dtype && a.arr!.nd === b.arr!.nd && a.arr!.len.length === b.arr!.len.length;
}

export function generate(seed: number, opts: GenOptions = {}): Program {
  return new Gen(seed, opts).program();
}
