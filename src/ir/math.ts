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

export const MATH_FNS = {
  abs: { arity: 1, result: "keep", owner: "Math" },
  sqrt: { arity: 1, result: "f64", owner: "Math" },
  floor: { arity: 1, result: "keep", owner: "Math" },
  ceil: { arity: 1, result: "keep", owner: "Math" },
  trunc: { arity: 1, result: "keep", owner: "Math" },
  round: { arity: 1, result: "keep", owner: "Math" },
  sign: { arity: 1, result: "keep", owner: "Math" },
  fround: { arity: 1, result: "f64", owner: "Math" },
  min: { arity: "n", result: "keep", owner: "Math" },
  max: { arity: "n", result: "keep", owner: "Math" },
  imul: { arity: 2, result: "int32", owner: "Math" },
  clz32: { arity: 1, result: "int32", owner: "Math" },
  sin: { arity: 1, result: "f64", owner: "Math" },
  cos: { arity: 1, result: "f64", owner: "Math" },
  tan: { arity: 1, result: "f64", owner: "Math" },
  asin: { arity: 1, result: "f64", owner: "Math" },
  acos: { arity: 1, result: "f64", owner: "Math" },
  atan: { arity: 1, result: "f64", owner: "Math" },
  atan2: { arity: 2, result: "f64", owner: "Math" },
  sinh: { arity: 1, result: "f64", owner: "Math" },
  cosh: { arity: 1, result: "f64", owner: "Math" },
  tanh: { arity: 1, result: "f64", owner: "Math" },
  asinh: { arity: 1, result: "f64", owner: "Math" },
  acosh: { arity: 1, result: "f64", owner: "Math" },
  atanh: { arity: 1, result: "f64", owner: "Math" },
  exp: { arity: 1, result: "f64", owner: "Math" },
  expm1: { arity: 1, result: "f64", owner: "Math" },
  log: { arity: 1, result: "f64", owner: "Math" },
  log1p: { arity: 1, result: "f64", owner: "Math" },
  log2: { arity: 1, result: "f64", owner: "Math" },
  log10: { arity: 1, result: "f64", owner: "Math" },
  cbrt: { arity: 1, result: "f64", owner: "Math" },
  pow: { arity: 2, result: "f64", owner: "Math" },
  hypot: { arity: "n", result: "f64", owner: "Math" },
  random: { arity: 0, result: "f64", owner: "Math" },
  isNaN: { arity: 1, result: "bool", owner: "Number" },
  isFinite: { arity: 1, result: "bool", owner: "Number" },
  isInteger: { arity: 1, result: "bool", owner: "Number" },
  isSafeInteger: { arity: 1, result: "bool", owner: "Number" },
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
