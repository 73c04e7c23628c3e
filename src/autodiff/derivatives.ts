// The derivative of every Math.* function, one entry per MathFn (a missing entry is a type error).
// Forward mode (forward.ts) and reverse mode (reverse.ts) share this table: a rule gives ∂y/∂x_i as
// IR built from the arguments' values `x` and the result `y` (cheap expressions, safe to repeat).
//
// Subgradients at kinks and ties (docs/autodiff.md lists them for users):
// - abs: sign(x), so 0 at x = 0 (the subgradient of least magnitude);
// - min/max: the whole adjoint goes to the first argument equal to the result ("select");
// - floor, ceil, trunc, round, sign: 0 everywhere (the jumps have no derivative);
// - fround: 1 (the rounding to binary32 is treated as the identity);
// - sqrt at 0 and cbrt at 0 are +Infinity, as the limit; pow's ∂/∂x is 0 when the exponent is 0, and
//   its ∂/∂y is 0 where x = 0; atan2 at (0, 0) and hypot at the origin give 0.

import type { Expr, MathFn } from "../ir/nodes.js";
import { bin, c, cond, math, un } from "../ir/builder.js";

export type Rule =
  /** Differentiable: ∂y/∂x_i for every argument. */
  | { readonly kind: "partials"; readonly d: (x: readonly Expr[], y: Expr) => Expr[] }
  /** Piecewise constant: the derivative is 0 (where it exists). */
  | { readonly kind: "zero" }
  /** min / max: y equals one of its arguments; the derivative follows the first argument equal to y. */
  | { readonly kind: "select" }
  /** Integer or boolean result: never carries a derivative. */
  | { readonly kind: "inactive" }
  /** Cannot be differentiated here (see `why`). */
  | { readonly kind: "reject"; readonly why: string; readonly help: string };

const f = (v: number): Expr => c(v, "f64");
const add = (a: Expr, b: Expr): Expr => bin("add", a, b);
const sub = (a: Expr, b: Expr): Expr => bin("sub", a, b);
const mul = (a: Expr, b: Expr): Expr => bin("mul", a, b);
const div = (a: Expr, b: Expr): Expr => bin("div", a, b);
const eq0 = (a: Expr): Expr => bin("eq", a, f(0));
const sq = (a: Expr): Expr => mul(a, a);
/** `1 / x`-style rules, written once. */
const recip = (d: (x: Expr, y: Expr) => Expr): Rule => ({ kind: "partials", d: (x, y) => [div(f(1), d(x[0]!, y))] });
const one = (d: (x: Expr, y: Expr) => Expr): Rule => ({ kind: "partials", d: (x, y) => [d(x[0]!, y)] });

export const DERIVATIVES = {
  abs: one((x) => math("sign", [x])),
  sqrt: one((_x, y) => div(f(0.5), y)),
  floor: { kind: "zero" },
  ceil: { kind: "zero" },
  trunc: { kind: "zero" },
  round: { kind: "zero" },
  sign: { kind: "zero" },
  fround: one(() => f(1)),
  min: { kind: "select" },
  max: { kind: "select" },
  imul: { kind: "inactive" },
  clz32: { kind: "inactive" },
  sin: one((x) => math("cos", [x])),
  cos: one((x) => un("neg", math("sin", [x]))),
  tan: one((_x, y) => add(f(1), sq(y))),
  asin: recip((x) => math("sqrt", [sub(f(1), sq(x))])),
  acos: one((x) => div(f(-1), math("sqrt", [sub(f(1), sq(x))]))),
  atan: recip((x) => add(f(1), sq(x))),
  // ∂/∂y = x / (x² + y²), ∂/∂x = -y / (x² + y²); 0 at the origin.
  atan2: {
    kind: "partials",
    d: ([yy, xx]) => {
      const r2 = add(sq(xx!), sq(yy!));
      return [cond(eq0(r2), f(0), div(xx!, r2)), cond(eq0(r2), f(0), div(un("neg", yy!), r2))];
    },
  },
  sinh: one((x) => math("cosh", [x])),
  cosh: one((x) => math("sinh", [x])),
  tanh: one((_x, y) => sub(f(1), sq(y))),
  asinh: recip((x) => math("sqrt", [add(sq(x), f(1))])),
  acosh: recip((x) => math("sqrt", [sub(sq(x), f(1))])),
  atanh: recip((x) => sub(f(1), sq(x))),
  exp: one((_x, y) => y),
  expm1: one((_x, y) => add(y, f(1))),
  log: recip((x) => x),
  log1p: recip((x) => add(f(1), x)),
  log2: recip((x) => mul(x, f(Math.LN2))),
  log10: recip((x) => mul(x, f(Math.LN10))),
  cbrt: recip((_x, y) => mul(f(3), sq(y))),
  // ∂/∂x = y·x^(y-1) (0 when y = 0); ∂/∂y = x^y·ln x (0 where x = 0).
  pow: {
    kind: "partials",
    d: ([x, p], y) => [
      cond(eq0(p!), f(0), mul(p!, math("pow", [x!, sub(p!, f(1))]))),
      cond(eq0(x!), f(0), mul(y, math("log", [x!]))),
    ],
  },
  // ∂/∂x_i = x_i / hypot(...); 0 at the origin.
  hypot: { kind: "partials", d: (x, y) => x.map((xi) => cond(eq0(y), f(0), div(xi, y))) },
  random: {
    kind: "reject",
    why: "Math.random() cannot be used in a function being differentiated: the derivative recomputes values and would draw different numbers",
    help: "draw the random numbers outside and pass them in as an argument (a constant, not differentiated)",
  },
  isNaN: { kind: "inactive" },
  isFinite: { kind: "inactive" },
  isInteger: { kind: "inactive" },
  isSafeInteger: { kind: "inactive" },
} as const satisfies Record<MathFn, Rule>;

export function ruleOf(fn: MathFn): Rule {
  return DERIVATIVES[fn];
}
