// Integer ranges: the facts that let an `int` (a machine integer) stand for a JS number exactly.
//
// In JS every number is a double. An IR `int` value is exact only while it stays within ±2^53 and
// is never -0. Type inference (lower.ts) gives every int value a range [lo, hi] and a flag `negZero`
// ("JS may hold -0 here, the int holds 0"); an operation whose result may leave ±2^53, or `%` by a
// divisor that may be 0, is computed in f64 instead, which is exactly what JS computes. A value that
// may be -0 stays an int while -0 cannot be seen (indices, comparisons, `+ k`, bitwise operators)
// and is recomputed in f64 where it can (exactF64 in lower.ts).

import type { ArrayProp, BinaryOp, MathFn } from "../ir/nodes.js";
import { type DType, MAX_LENGTH, SMALL_INT } from "../ir/types.js";

export interface Range {
  readonly lo: number;
  readonly hi: number;
  /** JS may hold -0 where the int holds 0. */
  readonly negZero: boolean;
}

/** The largest magnitude an exact int may have: every integer up to 2^53 is a double. */
export const INT_EXACT = 2 ** 53;
export { MAX_LENGTH, SMALL_INT } from "../ir/types.js";

export const FULL: Range = { lo: -INT_EXACT, hi: INT_EXACT, negZero: false };
export const INT32: Range = { lo: -(2 ** 31), hi: 2 ** 31 - 1, negZero: false };
export const UINT32: Range = { lo: 0, hi: 2 ** 32 - 1, negZero: false };
export const SMALL: Range = { lo: -SMALL_INT, hi: SMALL_INT, negZero: false };

export function range(lo: number, hi: number, negZero = false): Range {
  return { lo, hi, negZero };
}

export function constRange(x: number): Range {
  return { lo: x, hi: x, negZero: Object.is(x, -0) };
}

export function fitsInt(r: Range): boolean {
  return r.lo >= -INT_EXACT && r.hi <= INT_EXACT;
}

/** Is every value of `r` in `outer` (and never -0 where `outer` excludes it)? */
export function within(r: Range, outer: Range): boolean {
  return r.lo >= outer.lo && r.hi <= outer.hi && (!r.negZero || outer.negZero);
}

export function intersect(a: Range, b: Range): Range {
  const lo = Math.max(a.lo, b.lo), hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi, negZero: a.negZero && b.negZero } : a;
}

/** The values of an int `v` for which `v cmp x` holds, x in `other`; undefined when that says nothing. */
export function compared(cmp: "lt" | "le" | "gt" | "ge" | "eq" | "ne", other: Range): Range | undefined {
  switch (cmp) {
    case "lt": return range(-Infinity, other.hi - 1, true);
    case "le": return range(-Infinity, other.hi, true);
    case "gt": return range(other.lo + 1, Infinity, true);
    case "ge": return range(other.lo, Infinity, true);
    case "eq": return range(other.lo, other.hi, true);
    default: return undefined;
  }
}

export function join(a: Range | undefined, b: Range): Range {
  if (!a) return b;
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), negZero: a.negZero || b.negZero };
}

export function sameRange(a: Range | undefined, b: Range): boolean {
  return !!a && a.lo === b.lo && a.hi === b.hi && a.negZero === b.negZero;
}

/** Widening: a bound that keeps moving goes to infinity (then arithmetic on it is f64). */
export function widen(old: Range, grown: Range): Range {
  return { lo: grown.lo < old.lo ? -Infinity : old.lo, hi: grown.hi > old.hi ? Infinity : old.hi, negZero: grown.negZero };
}

const has0 = (r: Range): boolean => r.lo <= 0 && r.hi >= 0;

/**
 * The range of `a op b` for int operands, or undefined when the result may not be an exact int
 * (outside ±2^53, or NaN from `% 0`): then the operation is computed in f64.
 */
export function arith(op: BinaryOp, a: Range, b: Range, square = false): Range | undefined {
  let r: Range;
  if (square && op === "mul") {
    // x * x: never negative, never -0 (even for x = -0).
    const m = Math.max(Math.abs(a.lo), Math.abs(a.hi));
    r = range(has0(a) ? 0 : Math.min(a.lo * a.lo, a.hi * a.hi), m * m);
    return fitsInt(r) ? r : undefined;
  }
  switch (op) {
    case "add": r = range(a.lo + b.lo, a.hi + b.hi, a.negZero && b.negZero); break;
    case "sub": r = range(a.lo - b.hi, a.hi - b.lo, a.negZero && has0(b)); break;
    case "mul": {
      const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((p) => (Number.isNaN(p) ? 0 : p));
      // 0 times a negative number (or -0 times a positive one) is -0.
      const nz = (has0(a) && (b.lo < 0 || b.negZero)) || (has0(b) && (a.lo < 0 || a.negZero)) || (a.negZero && b.hi >= 0) || (b.negZero && a.hi >= 0);
      r = range(Math.min(...ps), Math.max(...ps), nz);
      break;
    }
    case "mod": {
      if (has0(b)) return undefined; // x % 0 is NaN
      const m = Math.max(Math.abs(b.lo), Math.abs(b.hi)) - 1;
      // The result takes the dividend's sign: -4 % 2 is -0.
      r = range(a.lo < 0 ? Math.max(a.lo, -m) : 0, a.hi > 0 ? Math.min(a.hi, m) : 0, a.lo < 0 || a.negZero);
      break;
    }
    default: return undefined;
  }
  return fitsInt(r) ? r : undefined;
}

/** `-x`: -0 when x may be 0. */
export function negate(x: Range): Range | undefined {
  const r = range(-x.hi, -x.lo, has0(x));
  return fitsInt(r) ? r : undefined;
}

/** Ranges of bitwise results: JS's int32 (uint32 for `>>>`). */
export function bitwise(op: BinaryOp): Range {
  return op === "ushr" ? UINT32 : INT32;
}

/** Range of an int-valued Math function of int arguments. */
export function mathRange(fn: MathFn, args: readonly Range[]): Range {
  switch (fn) {
    case "abs": {
      const x = args[0]!;
      const m = Math.max(Math.abs(x.lo), Math.abs(x.hi));
      return range(has0(x) ? 0 : Math.min(Math.abs(x.lo), Math.abs(x.hi)), m);
    }
    case "min": return args.reduce((a, b) => range(Math.min(a.lo, b.lo), Math.min(a.hi, b.hi), a.negZero || b.negZero));
    case "max": return args.reduce((a, b) => range(Math.max(a.lo, b.lo), Math.max(a.hi, b.hi), a.negZero || b.negZero));
    case "sign": return range(-1, 1, args[0]!.negZero);
    case "clz32": return range(0, 32);
    case "imul": return INT32;
    default: return FULL;
  }
}

export function dtypeRange(d: DType): Range {
  switch (d) {
    case "i8": return range(-128, 127);
    case "u8": case "u8c": return range(0, 255);
    case "i16": return range(-32768, 32767);
    case "u16": return range(0, 65535);
    case "i32": return INT32;
    case "u32": return UINT32;
    default: return FULL;
  }
}

export function propRange(p: ArrayProp): Range {
  return p === "stride" ? FULL : range(0, MAX_LENGTH);
}

/** How many times a counted loop whose counter takes values in `counter` can run its body. */
export function trips(counter: Range, step: number): number {
  return Math.floor((counter.hi - counter.lo) / Math.abs(step)) + 1;
}

/**
 * The counter of `for (i = start; i cmp end; i += step)` inside the body, or undefined when the
 * counter's last increment could leave ±2^53 (then the loop is a general one and JS's rounding applies).
 */
export function counterRange(start: Range, end: Range, step: number, cmp: "lt" | "le" | "gt" | "ge"): Range | undefined {
  if (step > 0) {
    const hi = cmp === "lt" ? end.hi - 1 : end.hi;
    if (hi + step > INT_EXACT) return undefined;
    return range(start.lo, Math.max(start.lo, hi));
  }
  const lo = cmp === "gt" ? end.lo + 1 : end.lo;
  if (lo + step < -INT_EXACT) return undefined;
  return range(Math.min(start.hi, lo), start.hi);
}
