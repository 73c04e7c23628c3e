// Facts about Math.* and Number.* functions: arity and result typing, shared by the frontend
// (type inference) and every backend (which spell them in their own tables).

import type { MathFn } from "./nodes.js";

export interface MathFacts {
  /** Number of arguments; "n" = variadic (min, max, hypot). */
  readonly arity: number | "n";
  /**
   * How the result type follows from the arguments:
   * - "f64": always a float (sin, sqrt, ...)
   * - "keep": int when every argument is int, else f64 (abs, floor, min, ...)
   * - "int32": JS int32 operands and result (imul, clz32)
   * - "bool": a predicate (isNaN, ...)
   */
  readonly result: "f64" | "keep" | "int32" | "bool";
  /** Where the JS value lives: `Math.x`, `Number.x`, or a global function. */
  readonly owner: "Math" | "Number";
}

const math = (arity: number | "n", result: MathFacts["result"]): MathFacts => ({ arity, result, owner: "Math" });
/** Math functions of one argument: always a float, or int for int arguments. */
const float = math(1, "f64"), keep = math(1, "keep");
const predicate: MathFacts = { arity: 1, result: "bool", owner: "Number" };

export const MATH_FNS = {
  abs: keep, sqrt: float, floor: keep, ceil: keep, trunc: keep, round: keep, sign: keep, fround: float,
  min: math("n", "keep"), max: math("n", "keep"), imul: math(2, "int32"), clz32: math(1, "int32"),
  sin: float, cos: float, tan: float, asin: float, acos: float, atan: float, atan2: math(2, "f64"),
  sinh: float, cosh: float, tanh: float, asinh: float, acosh: float, atanh: float,
  exp: float, expm1: float, log: float, log1p: float, log2: float, log10: float, cbrt: float,
  pow: math(2, "f64"), hypot: math("n", "f64"), random: math(0, "f64"),
  isNaN: predicate, isFinite: predicate, isInteger: predicate, isSafeInteger: predicate,
} as const satisfies Record<MathFn, MathFacts>;

export const MATH_FN_NAMES = Object.keys(MATH_FNS) as MathFn[];

/** Math and Number constants a kernel may read. */
export const CONSTANTS: Record<string, number> = {
  "Math.PI": Math.PI, "Math.E": Math.E, "Math.LN2": Math.LN2, "Math.LN10": Math.LN10,
  "Math.LOG2E": Math.LOG2E, "Math.LOG10E": Math.LOG10E, "Math.SQRT2": Math.SQRT2, "Math.SQRT1_2": Math.SQRT1_2,
  "Number.EPSILON": Number.EPSILON, "Number.MAX_VALUE": Number.MAX_VALUE, "Number.MIN_VALUE": Number.MIN_VALUE,
  "Number.MAX_SAFE_INTEGER": Number.MAX_SAFE_INTEGER, "Number.MIN_SAFE_INTEGER": Number.MIN_SAFE_INTEGER,
  "Number.POSITIVE_INFINITY": Infinity, "Number.NEGATIVE_INFINITY": -Infinity, "Number.NaN": NaN,
};
