// Affine analysis of integer index expressions: e = base + Σ coeff_v · v over loop variables v,
// with `base` and every coefficient invariant in the loop nest. The loop optimiser builds bounds
// guards, dependence tests and stride checks on top of it.

import type { Expr, Var } from "../ir/nodes.js";

export interface Affine {
  /** Invariant part (an int expression), or null for 0. */
  readonly base: Expr | null;
  /** Coefficient of each loop variable (an invariant int expression). */
  readonly terms: ReadonlyMap<Var, Expr>;
}

export interface NestFacts {
  /** Loop counters of the nest. */
  readonly loopVars: ReadonlySet<Var>;
  /** Every variable the nest assigns (its counters included): reading them is not invariant. */
  readonly assigned: ReadonlySet<Var>;
}

export const int = (value: number): Expr => ({ k: "const", type: "int", value });

export function add(a: Expr | null, b: Expr | null): Expr | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.k === "const" && b.k === "const") return int((a.value as number) + (b.value as number));
  if (isConst(a, 0)) return b;
  if (isConst(b, 0)) return a;
  if (a.k === "const") return add(b, a);
  // (x + c1) + c2 -> x + (c1 + c2)
  if (b.k === "const" && a.k === "binary" && a.op === "add" && a.b.k === "const") return add(a.a, int((a.b.value as number) + (b.value as number)));
  return { k: "binary", op: "add", a, b, type: "int" };
}

export function mul(a: Expr, b: Expr): Expr {
  if (a.k === "const" && b.k === "const") return int((a.value as number) * (b.value as number));
  if (isConst(a, 0) || isConst(b, 0)) return int(0);
  if (isConst(a, 1)) return b;
  if (isConst(b, 1)) return a;
  return { k: "binary", op: "mul", a, b, type: "int" };
}

export function sub(a: Expr, b: Expr): Expr {
  if (isConst(b, 0)) return a;
  if (b.k === "const") return add(a, int(-(b.value as number)))!;
  return { k: "binary", op: "sub", a, b, type: "int" };
}

export function isConst(e: Expr, v?: number): boolean {
  return e.k === "const" && (v === undefined || e.value === v);
}

/** Is `e` computable before the nest with the same value (no loads, calls or nest-assigned vars)? */
export function invariant(e: Expr, facts: NestFacts): boolean {
  switch (e.k) {
    case "const": return true;
    case "var": return !facts.assigned.has(e.v);
    case "prop": return !facts.assigned.has(e.arr); // stores never change a shape; reassignment does
    case "unary": case "cast": return invariant(e.x, facts);
    // Integer `%` can throw (by zero) unless its divisor is a non-zero constant.
    case "binary": return (e.op !== "mod" || (e.b.k === "const" && e.b.value !== 0)) && invariant(e.a, facts) && invariant(e.b, facts);
    case "math": return e.fn !== "random" && e.args.every((a) => invariant(a, facts));
    case "cond": return invariant(e.c, facts) && invariant(e.a, facts) && invariant(e.b, facts);
    case "logical": return invariant(e.a, facts) && invariant(e.b, facts);
    default: return false;
  }
}

/** The affine form of an int expression, or undefined when it is not affine in the nest's counters. */
export function affine(e: Expr, facts: NestFacts): Affine | undefined {
  if (e.type !== "int") return undefined;
  if (e.k === "var" && facts.loopVars.has(e.v)) return { base: null, terms: new Map([[e.v, int(1)]]) };
  if (invariant(e, facts)) return { base: e, terms: new Map() };
  if (e.k === "binary" && (e.op === "add" || e.op === "sub")) {
    const a = affine(e.a, facts), b0 = affine(e.b, facts);
    if (!a || !b0) return undefined;
    const b = e.op === "sub" ? scale(b0, int(-1)) : b0;
    const terms = new Map(a.terms);
    for (const [v, c] of b.terms) terms.set(v, terms.has(v) ? add(terms.get(v)!, c)! : c);
    return { base: add(a.base, b.base), terms };
  }
  if (e.k === "binary" && e.op === "mul") {
    const a = affine(e.a, facts), b = affine(e.b, facts);
    if (!a || !b) return undefined;
    if (a.terms.size === 0) return scale(b, e.a);
    if (b.terms.size === 0) return scale(a, e.b);
    return undefined;
  }
  if (e.k === "unary" && e.op === "neg") {
    const a = affine(e.x, facts);
    return a && scale(a, int(-1));
  }
  return undefined;
}

function scale(a: Affine, c: Expr): Affine {
  const terms = new Map<Var, Expr>();
  for (const [v, k] of a.terms) terms.set(v, mul(k, c));
  return { base: a.base && mul(a.base, c), terms };
}

/** The constant value of a coefficient, when it is one. */
export function constCoeff(e: Expr | undefined): number | undefined {
  return e?.k === "const" ? (e.value as number) : undefined;
}

/** Structural equality of expressions (same vars, same ops). */
export function sameExpr(a: Expr, b: Expr): boolean {
  if (a.k !== b.k || a.type !== b.type) return false;
  switch (a.k) {
    case "const": return Object.is(a.value, (b as typeof a).value);
    case "var": return a.v === (b as typeof a).v;
    case "prop": { const o = b as typeof a; return a.arr === o.arr && a.prop === o.prop && a.dim === o.dim; }
    case "unary": case "cast": { const o = b as typeof a; return a.op === o.op && sameExpr(a.x, o.x); }
    case "binary": { const o = b as typeof a; return a.op === o.op && sameExpr(a.a, o.a) && sameExpr(a.b, o.b); }
    case "load": { const o = b as typeof a; return a.arr === o.arr && sameList(a.idx, o.idx); }
    case "math": { const o = b as typeof a; return a.fn === o.fn && sameList(a.args, o.args); }
    case "disjoint": { const o = b as typeof a; return a.a === o.a && a.b === o.b && sameList(a.spans, o.spans); }
    default: return false;
  }
}

export function sameList(a: readonly Expr[], b: readonly Expr[]): boolean {
  return a.length === b.length && a.every((x, i) => sameExpr(x, b[i]!));
}
