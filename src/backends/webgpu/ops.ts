// How WGSL spells numbat's IR operations: precedence-aware code fragments and one table per op kind
// (binary, unary, cast, Math), each typed `Record<Op, ...>` so a missing op is a compile error.
//
// Scalar mapping in a kernel (float "f32"): IR `int` is i32 (wraps on overflow), IR `f64` is f32, IR
// `bool` is bool. Where a WGSL builtin differs from JS (Math.round, Math.sign, Math.min/max with NaN
// and -0, pow's special cases, float `%`, ToInt32), the table calls a helper from prelude.ts instead.

import type { BinaryOp, CastOp, MathFn, UnaryOp } from "../../ir/nodes.js";
import type { ScalarType } from "../../ir/types.js";
import type { Helper } from "./prelude.js";

// ---- code fragments with WGSL precedence ----------------------------------------------------------
//
// WGSL's grammar is stricter than C's: `<<`, `>>`, `&`, `|`, `^` take unary expressions as operands
// (`a + b << c` and `a & b == c` are errors), relations do not chain, and `&&` / `||` / the bitwise
// operators chain only with themselves. A fragment records its level and, for those chains, its operator.

export const P = { EXPR: 0, REL: 3, SHIFT: 4, ADD: 5, MUL: 6, UNARY: 7, PRIMARY: 8 } as const;

export interface W {
  readonly s: string;
  readonly p: number;
  /** Set on `&&`, `||`, `&`, `|`, `^` results: the operator the fragment may chain with. */
  readonly chain?: string;
}
export const w = (s: string, p: number, chain?: string): W => (chain ? { s, p, chain } : { s, p });
export const prim = (s: string): W => w(s, P.PRIMARY);
/** `c` as an operand needing at least level `min`. */
export const wrap = (c: W, min: number): string => (c.p >= min ? c.s : `(${c.s})`);
/** Left-associative arithmetic: `a op b` where the left operand may be at the op's own level. */
const arith = (op: string, p: number, a: W, b: W): W => w(`${wrap(a, p)} ${op} ${wrap(b, p + 1)}`, p);
/** Chainable operators (`&&`, `||`, bitwise): operands of level `min`, or a chain of the same operator on the left. */
const chain = (op: string, min: number, a: W, b: W): W =>
  w(`${a.chain === op ? a.s : wrap(a, min)} ${op} ${wrap(b, min)}`, P.EXPR, op);
export const rel = (op: string, a: W, b: W): W => w(`${wrap(a, P.SHIFT)} ${op} ${wrap(b, P.SHIFT)}`, P.REL);
export const and = (a: W, b: W): W => chain("&&", P.REL, a, b);
export const or = (a: W, b: W): W => chain("||", P.REL, a, b);
/** A prefix operator; `- -x` never prints as the decrement token `--`. */
export const un = (op: string, x: W): W => {
  const inner = wrap(x, P.UNARY);
  return w(`${op}${(op === "-" && inner.startsWith("-")) || (op === "!" && inner.startsWith("!")) ? `(${inner})` : inner}`, P.UNARY);
};
export const call = (fn: string, args: readonly W[]): W => prim(`${fn}(${args.map((a) => a.s).join(", ")})`);

// ---- literals ------------------------------------------------------------------------------------

/**
 * An f32 literal for a JS number (rounded to binary32 as Math.fround does). WGSL rejects non-finite
 * constant expressions, so infinities and NaN are built at run time from their bits (`nb_f32`).
 */
export function f32Lit(x: number, need: (h: Helper) => void): W {
  const f = Math.fround(x);
  if (!Number.isFinite(f)) {
    need("nb_f32");
    return prim(`nb_f32(${Number.isNaN(f) ? "0x7fc00000u" : f > 0 ? "0x7f800000u" : "0xff800000u"})`);
  }
  if (Object.is(f, -0)) return w("-0.0f", P.UNARY);
  let s = String(Math.abs(f));
  if (!/[.e]/.test(s)) s += ".0";
  return f < 0 ? w(`-${s}f`, P.UNARY) : prim(`${s}f`);
}

/** An i32 literal; IR ints outside the i32 range wrap (the documented WebGPU integer contract). */
export function i32Lit(x: number): W {
  const v = x | 0;
  if (v === -2147483648) return prim("i32(-2147483648)");
  return v < 0 ? w(`-${-v}i`, P.UNARY) : prim(`${v}i`);
}

// ---- the op tables ---------------------------------------------------------------------------------

type Need = (h: Helper) => void;
const helper = (need: Need, h: Helper, args: readonly W[]): W => { need(h); return call(h, args); };
/** A WGSL shift count: u32, masked as JS masks it (constant counts are folded, so WGSL never sees one >= 32). */
const shiftCount = (b: W): W => (/^\d+i$/.test(b.s) ? prim(`${Number(b.s.slice(0, -1)) & 31}u`) : call("u32", [b]));

/** `t` is the operands' IR type (both operands have it; the IR inserts casts). */
export const BINARY: Record<BinaryOp, (a: W, b: W, t: ScalarType, need: Need) => W> = {
  add: (a, b) => arith("+", P.ADD, a, b),
  sub: (a, b) => arith("-", P.ADD, a, b),
  mul: (a, b) => arith("*", P.MUL, a, b),
  div: (a, b) => arith("/", P.MUL, a, b),
  // Integer `%` truncates like JS (the caller handles a zero divisor); float `%` is JS's exact fmod.
  mod: (a, b, t, need) => (t === "int" ? arith("%", P.MUL, a, b) : helper(need, "nb_fmod", [a, b])),
  bitand: (a, b) => chain("&", P.UNARY, a, b),
  bitor: (a, b) => chain("|", P.UNARY, a, b),
  bitxor: (a, b) => chain("^", P.UNARY, a, b),
  shl: (a, b) => w(`${wrap(a, P.UNARY)} << ${shiftCount(b).s}`, P.SHIFT),
  shr: (a, b) => w(`${wrap(a, P.UNARY)} >> ${shiftCount(b).s}`, P.SHIFT),
  // JS `>>>` is an unsigned shift; its result is reinterpreted as i32 (values >= 2^31 wrap, as documented).
  ushr: (a, b) => call("i32", [w(`u32(${a.s}) >> ${shiftCount(b).s}`, P.SHIFT)]),
  eq: (a, b) => rel("==", a, b),
  ne: (a, b) => rel("!=", a, b),
  lt: (a, b) => rel("<", a, b),
  le: (a, b) => rel("<=", a, b),
  gt: (a, b) => rel(">", a, b),
  ge: (a, b) => rel(">=", a, b),
};

export const UNARY: Record<UnaryOp, (x: W) => W> = {
  neg: (x) => un("-", x),
  not: (x) => un("!", x),
  bitnot: (x) => un("~", x),
};

/** `from` is the operand's IR type. */
export const CAST: Record<CastOp, (x: W, from: ScalarType, need: Need) => W> = {
  i2f: (x) => call("f32", [x]),
  b2i: (x) => prim(`select(0i, 1i, ${x.s})`),
  b2f: (x) => prim(`select(0.0f, 1.0f, ${x.s})`),
  f2i32: (x, _f, need) => helper(need, "nb_toint32", [x]), // JS ToInt32: NaN/Inf -> 0, modulo 2^32
  f2idx: (x, _f, need) => helper(need, "nb_f2idx", [x]), // non-integral -> -1 (no bounds check follows on GPU)
  // true when non-zero and not NaN
  truthy: (x, from, need) => (from === "int" ? rel("!=", x, prim("0i")) : from === "bool" ? x : helper(need, "nb_truthy", [x])),
  f2u8c: (x, _f, need) => helper(need, "nb_u8c", [x]),
  i2u8c: (x) => call("clamp", [x, prim("0i"), prim("255i")]),
};

const isInt = (t: ScalarType): boolean => t === "int";
/** A float-only WGSL builtin: int arguments are converted first. */
const floatFn = (fn: string) => (args: readonly W[], t: ScalarType): W => call(fn, isInt(t) ? args.map((a) => call("f32", [a])) : args);
const floatHelper = (h: Helper) => (args: readonly W[], t: ScalarType, need: Need): W =>
  helper(need, h, isInt(t) ? args.map((a) => call("f32", [a])) : args);
/** Variadic min/max folded right: JS gives the same result in any grouping. */
const fold = (fn: string, h: Helper, empty: number) => (args: readonly W[], t: ScalarType, need: Need): W => {
  if (args.length === 0) return f32Lit(empty, need);
  if (args.length === 1) return args[0]!;
  const pair = (a: W, b: W): W => (isInt(t) ? call(fn, [a, b]) : helper(need, h, [a, b]));
  return args.slice(0, -1).reduceRight((acc, a) => pair(a, acc), args[args.length - 1]!);
};
/** Predicates on ints are constants (an int is never NaN and always finite and integral here). */
const pred = (h: Helper, forInt: string) => (args: readonly W[], t: ScalarType, need: Need): W =>
  (isInt(t) ? prim(forInt) : helper(need, h, args));

/** `t` is the arguments' IR type (the IR coerces all arguments of one call to one type). */
export const MATH: Record<MathFn, (args: readonly W[], t: ScalarType, need: Need) => W> = {
  abs: (a) => call("abs", a),
  sqrt: floatFn("sqrt"),
  floor: (a, t) => (isInt(t) ? a[0]! : call("floor", a)),
  ceil: (a, t) => (isInt(t) ? a[0]! : call("ceil", a)),
  trunc: (a, t) => (isInt(t) ? a[0]! : call("trunc", a)),
  round: (a, t, need) => (isInt(t) ? a[0]! : helper(need, "nb_round", a)), // JS rounds half up; WGSL round() is half-to-even
  sign: (a, t, need) => (isInt(t) ? call("sign", a) : helper(need, "nb_sign", a)), // keeps -0 and NaN
  fround: (a, t) => (isInt(t) ? call("f32", a) : a[0]!), // every float is binary32 already
  min: fold("min", "nb_min", Infinity),
  max: fold("max", "nb_max", -Infinity),
  imul: (a) => arith("*", P.MUL, a[0]!, a[1]!), // i32 multiplication wraps, exactly Math.imul
  clz32: (a) => call("i32", [call("countLeadingZeros", [call("u32", a)])]),
  sin: floatFn("sin"),
  cos: floatFn("cos"),
  tan: floatFn("tan"),
  asin: floatFn("asin"),
  acos: floatFn("acos"),
  atan: floatFn("atan"),
  atan2: floatFn("atan2"),
  sinh: floatFn("sinh"),
  cosh: floatFn("cosh"),
  tanh: floatFn("tanh"),
  asinh: floatFn("asinh"),
  acosh: floatFn("acosh"),
  atanh: floatFn("atanh"),
  exp: floatFn("exp"),
  expm1: floatHelper("nb_expm1"),
  log: floatFn("log"),
  log1p: floatHelper("nb_log1p"),
  log2: floatFn("log2"),
  log10: floatHelper("nb_log10"),
  cbrt: floatHelper("nb_cbrt"),
  pow: floatHelper("nb_pow"),
  hypot: (a, t, need) => {
    const args = isInt(t) ? a.map((x) => call("f32", [x])) : a;
    if (args.length === 0) return prim("0.0f");
    if (args.length === 1) return call("abs", args);
    const h = `nb_hypot${args.length}` as Helper;
    need(h);
    return call(h, args);
  },
  // Rejected before emission (rules.ts): no per-thread random source matches JS's.
  random: () => { throw new Error("WGSL: Math.random reached the emitter"); },
  isNaN: pred("nb_isnan", "false"),
  isFinite: pred("nb_isfinite", "true"),
  isInteger: pred("nb_isint", "true"),
  isSafeInteger: pred("nb_issafe", "true"),
};
