// Python's scalar arithmetic as IR expressions: int is int64 (wrapping, as in Numba), `/` is always
// float, `//` and `%` floor toward minus infinity with Python's sign rules (ints and floats),
// `min`/`max` pick operands as Python compares them, and truthiness treats NaN as true.
// Operands passed to these builders must be pure (constants, variables): they may be read twice.

import type { BinaryOp, Expr } from "../../ir/nodes.js";
import type { ScalarType } from "../../ir/types.js";

export const I = (value: number): Expr => ({ k: "const", type: "int", value });
export const F = (value: number): Expr => ({ k: "const", type: "f64", value });
const B = (value: boolean): Expr => ({ k: "const", type: "bool", value });
const bin = (op: BinaryOp, a: Expr, b: Expr): Expr =>
  ({ k: "binary", op, a, b, type: ["eq", "ne", "lt", "le", "gt", "ge"].includes(op) ? "bool" : (a.type as ScalarType) });
const cond = (c: Expr, a: Expr, b: Expr): Expr => ({ k: "cond", c, a, b, type: a.type as ScalarType });
const and = (a: Expr, b: Expr): Expr => cond(a, b, B(false));

/** int/bool/f64 to `t` (bool -> 0/1; int -> float). */
export function coerce(e: Expr, t: ScalarType): Expr {
  if (e.type === t) return e;
  if (t === "f64") {
    if (e.k === "const" && typeof e.value === "number") return F(e.value);
    return { k: "cast", op: e.type === "bool" ? "b2f" : "i2f", x: e, type: "f64" };
  }
  if (t === "int" && e.type === "bool") return e.k === "const" ? I(e.value ? 1 : 0) : { k: "cast", op: "b2i", x: e, type: "int" };
  if (t === "bool") return truth(e);
  throw new Error(`coerce ${e.type} to ${t}`);
}

/** Python's truth value: non-zero numbers are true, and so is NaN. */
export function truth(e: Expr): Expr {
  if (e.type === "bool") return e;
  return bin("ne", e, e.type === "int" ? I(0) : F(0));
}

/** The common arithmetic type of two operands (bool counts as int). */
export function arith(a: ScalarType, b: ScalarType): "int" | "f64" {
  return a === "f64" || b === "f64" ? "f64" : "int";
}

/** q = trunc(a / b) for ints, guarding INT64_MIN / -1 (which wraps to INT64_MIN, as Numba). `b` != 0. */
function truncDiv(a: Expr, b: Expr): Expr {
  if (b.k === "const" && b.value !== -1) return bin("div", a, b);
  return cond(bin("eq", b, I(-1)), { k: "unary", op: "neg", x: a, type: "int" }, bin("div", a, b));
}

function truncRem(a: Expr, b: Expr): Expr {
  if (b.k === "const" && b.value !== -1) return bin("mod", a, b);
  return cond(bin("eq", b, I(-1)), I(0), bin("mod", a, b));
}

/** Python's a // b on ints (b != 0): the truncated quotient, minus one when the remainder's sign differs from b's. */
export function intFloorDiv(a: Expr, b: Expr): Expr {
  const r = truncRem(a, b);
  const adjust = and(bin("ne", r, I(0)), bin("ne", bin("lt", r, I(0)), bin("lt", b, I(0))));
  return bin("sub", truncDiv(a, b), cond(adjust, I(1), I(0)));
}

/** Python's a % b on ints (b != 0): the result has b's sign. */
export function intMod(a: Expr, b: Expr, r: Expr = truncRem(a, b)): Expr {
  const adjust = and(bin("ne", r, I(0)), bin("ne", bin("lt", r, I(0)), bin("lt", b, I(0))));
  return cond(adjust, bin("add", r, b), r);
}

/**
 * CPython's float divmod (Objects/floatobject.c, _float_div_mod) for b != 0: `mod` = fmod(a, b)
 * moved to b's sign; `div` = (a - mod) / b, rounded to the nearest integer, with zero's sign of a / b.
 * `fm` is fmod(a, b) (a variable, computed once by the caller).
 */
export function floatMod(fm: Expr, b: Expr): Expr {
  const moved = and(bin("ne", fm, F(0)), bin("ne", bin("lt", b, F(0)), bin("lt", fm, F(0))));
  // mod == 0 takes b's sign: copysign(0, b)
  return cond(bin("eq", fm, F(0)), cond(bin("lt", b, F(0)), F(-0), F(0)), cond(moved, bin("add", fm, b), fm));
}

/** The floor-division half of float divmod; `fm` = fmod(a, b), a, b pure. */
export function floatFloorDiv(a: Expr, b: Expr, fm: Expr): Expr {
  const moved = and(bin("ne", fm, F(0)), bin("ne", bin("lt", b, F(0)), bin("lt", fm, F(0))));
  const div0 = bin("div", bin("sub", a, fm), b);
  const div = cond(moved, bin("sub", div0, F(1)), div0);
  return div;
}

/** Rounds CPython's `div` (already adjusted) to the floor quotient: floor, +1 past .5, zero signed as a / b. */
export function floorQuotient(div: Expr, a: Expr, b: Expr): Expr {
  const fl: Expr = { k: "math", fn: "floor", args: [div], type: "f64" };
  const rounded = cond(bin("gt", bin("sub", div, fl), F(0.5)), bin("add", fl, F(1)), fl);
  return cond(bin("ne", div, F(0)), rounded, bin("mul", bin("div", a, b), F(0)));
}

/** max(a, b) as Python: b if b > a else a (the first of equal or NaN-involved operands wins, except b NaN loses). */
export function pyMax(a: Expr, b: Expr): Expr {
  return cond(bin("gt", b, a), b, a);
}

export function pyMin(a: Expr, b: Expr): Expr {
  return cond(bin("lt", b, a), b, a);
}

/** round(x) with one argument: round half to even, an int. `x` pure f64. */
export function roundHalfEven(x: Expr): Expr {
  const fl: Expr = { k: "math", fn: "floor", args: [x], type: "f64" };
  const diff = bin("sub", x, fl);
  const half = cond(bin("eq", bin("mul", { k: "math", fn: "floor", args: [bin("mul", fl, F(0.5))], type: "f64" }, F(2)), fl), fl, bin("add", fl, F(1)));
  return cond(bin("lt", diff, F(0.5)), fl, cond(bin("gt", diff, F(0.5)), bin("add", fl, F(1)), half));
}

/** An integral f64 (already truncated/floored) as an int. */
export function floatToInt(x: Expr): Expr {
  return { k: "cast", op: "f2idx", x, type: "int" };
}
