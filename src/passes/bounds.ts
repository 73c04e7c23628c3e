// Bounds-check versioning: for a loop nest whose array subscripts are affine in its counters,
// compute before the nest whether every access stays in bounds. The nest is duplicated:
// `if (guard) { nest with unchecked accesses } else { original nest }`. The original, with its
// checks in their original order, still raises the exact error JS semantics require.
// `guardedIndices` (below) finds the checks a dominating `if` test makes redundant.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { childBlocks, forEachExpr, forEachStmt, mapStmts, stmtExprs } from "../ir/walk.js";
import type { ArrayType } from "../ir/types.js";
import { int } from "./affine.js";
import { type ForStmt, type Load, type Nest, type Store, intervalOf } from "./nest.js";

export interface Versioned {
  /** Conditions that must all hold for the fast copy to run (more may be added by later passes). */
  readonly guard: Expr[];
  readonly fast: ForStmt;
}

/** A comparison, folded when both sides are constants. */
function cmp(op: "ge" | "lt" | "eq" | "le", a: Expr, b: Expr): Expr {
  if (a.k === "const" && b.k === "const") {
    const x = a.value as number, y = b.value as number;
    return { k: "const", type: "bool", value: op === "ge" ? x >= y : op === "lt" ? x < y : op === "le" ? x <= y : x === y };
  }
  return { k: "binary", op, a, b, type: "bool" };
}

export function sizeOf(arr: Var, d: number): Expr {
  const t = arr.type as ArrayType;
  return t.nd ? { k: "prop", arr, prop: "shape", dim: d, type: "int" } : { k: "prop", arr, prop: "length", dim: 0, type: "int" };
}

export function proveInBounds(nest: Nest): Versioned | undefined {
  const guard: Expr[] = [];
  const proven = new Set<Load | Store>();
  for (const a of nest.accesses) {
    const conds: Expr[] = [];
    const ok = a.subs.every((sub, d) => {
      const r = intervalOf(sub, nest);
      if (!r) return false;
      conds.push(cmp("ge", r.lo, int(0)), cmp("lt", r.hi, sizeOf(a.arr, d)));
      return true;
    });
    if (!ok) continue;
    proven.add(a.node);
    guard.push(...conds);
  }
  if (proven.size === 0) return undefined;
  const [fast] = mapStmts(
    [nest.root],
    (e, orig) => (e.k === "load" && proven.has(orig as Load) ? { ...e, unchecked: true } : e),
    (s, orig) => (s.k === "store" && proven.has(orig as Store) ? { ...s, unchecked: true } : s),
  );
  return { guard, fast: fast as ForStmt };
}

/** `c1 && c2 && ...` (true when empty). */
export function allOf(conds0: readonly Expr[]): Expr {
  if (conds0.some((c) => c.k === "const" && c.value === false)) return { k: "const", type: "bool", value: false };
  const conds = conds0.filter((c) => c.k !== "const");
  if (conds.length === 0) return { k: "const", type: "bool", value: true };
  return conds.reduce((a, b) => ({ k: "logical", op: "and", a, b, type: "bool" }));
}

export { cmp };

// ---- checks a dominating test makes redundant ---------------------------------------------------------
//
// `if (b >= 0 && b < nb) counts[b]++` with `nb = counts.length`: inside the branch the index is known
// to be in bounds, so the access needs no check. Facts are "0 <= x < size of (array, axis)" for
// variables, gathered from the conjuncts of dominating `if` tests and propagated through assignments
// (`idx = f2idx(b)`). An f64 variable that only ever holds integral values (floor, ceil, trunc,
// round, int conversions) and passes such a test is not NaN, not infinite and integral: `f2idx` of it
// is a plain truncation (the backend drops its fractional test). Sizes are read from arrays that are
// never reassigned, directly or through variables assigned once from them (a variable not assigned
// yet reads 0, and no x satisfies 0 <= x < 0), so the fact holds whenever the test held.

type Cast = Extract<Expr, { k: "cast" }>;

/** What dominating tests prove: accesses in bounds, and `f2idx` casts of integral values in range. */
export interface GuardedFacts {
  readonly accesses: ReadonlySet<Load | Store>;
  readonly casts: ReadonlySet<Cast>;
}

/** "array id:axis" keys of the sizes a variable is known to lie below (and at or above 0). */
type Facts = Map<Var, readonly string[]>;

export function guardedIndices(f: FuncIR): GuardedFacts {
  const assigns = new Map<Var, Expr[]>();
  const inLoop = new Set<Var>();
  const scan = (stmts: readonly Stmt[], depth: number): void => {
    for (const s of stmts) {
      // push, not copy: a variable assigned n times must not cost O(n²).
      if (s.k === "assign" || s.k === "for") {
        const x = s.k === "assign" ? s.x : s.start, list = assigns.get(s.v);
        if (list) list.push(x); else assigns.set(s.v, [x]);
        if (depth > 0) inLoop.add(s.v);
      }
      for (const b of childBlocks(s)) scan(b, depth + (s.k === "for" || s.k === "loop" ? 1 : 0));
    }
  };
  scan(f.body, 0);
  const params = new Set(f.params);
  // An array whose value never changes once set: a parameter never assigned, or a local assigned once outside loops.
  const fixedArray = (a: Var) => (params.has(a) ? !assigns.has(a) : assigns.get(a)?.length === 1 && !inLoop.has(a));
  const single = (v: Var): Expr | undefined => (!params.has(v) && assigns.get(v)?.length === 1 ? assigns.get(v)![0] : undefined);
  const sizeKey = (e: Expr, depth = 0): string | undefined => {
    if (depth > 8) return undefined;
    if (e.k === "prop" && (e.prop === "length" || e.prop === "shape") && fixedArray(e.arr)) return `${e.arr.id}:${e.prop === "length" ? 0 : e.dim}`;
    if (e.k === "cast" && e.op === "i2f") return sizeKey(e.x, depth + 1);
    const def = e.k === "var" ? single(e.v) : undefined;
    return def && sizeKey(def, depth + 1);
  };
  const integral = new Map<Var, boolean>();
  const isIntegral = (v: Var): boolean => {
    let r = integral.get(v);
    if (r === undefined) {
      const xs = assigns.get(v) ?? [];
      r = v.type === "f64" && !params.has(v) && xs.every((x) =>
        (x.k === "math" && ["floor", "ceil", "trunc", "round"].includes(x.fn)) || (x.k === "cast" && (x.op === "i2f" || x.op === "b2f")) ||
        (x.k === "const" && Number.isInteger(x.value)));
      integral.set(v, r);
    }
    return r;
  };
  const zero = (e: Expr) => e.k === "const" && e.value === 0;
  const minusOne = (e: Expr) => e.k === "const" && e.value === -1;
  /** Facts a true condition gives: conjuncts `x >= 0` (or `x > -1`) and `x < size`, on the same variable. */
  const learn = (c: Expr, facts: Facts): void => {
    const lower = new Set<Var>(), upper = new Map<Var, string[]>();
    const conjunct = (e: Expr): void => {
      if (e.k === "logical" && e.op === "and") { conjunct(e.a); conjunct(e.b); return; }
      if (e.k !== "binary") return;
      // Normalise to `x op y` with the variable on the left.
      const flip = { lt: "gt", gt: "lt", le: "ge", ge: "le" } as const;
      const [x, op, y] = e.a.k === "var" ? [e.a, e.op, e.b] : e.b.k === "var" && e.op in flip ? [e.b, flip[e.op as keyof typeof flip], e.a] : [undefined, e.op, e.b];
      if (!x || x.k !== "var" || (x.type !== "int" && x.type !== "f64")) return;
      if ((op === "ge" && zero(y)) || (op === "gt" && minusOne(y) && x.type === "int")) lower.add(x.v);
      const key = op === "lt" ? sizeKey(y) : undefined;
      if (key) upper.set(x.v, [...(upper.get(x.v) ?? []), key]);
    };
    conjunct(c);
    for (const [v, keys] of upper) if (lower.has(v)) facts.set(v, [...new Set([...(facts.get(v) ?? []), ...keys])]);
  };
  const accesses = new Set<Load | Store>(), unprovenAccess = new Set<Load | Store>();
  const casts = new Set<Cast>(), unprovenCast = new Set<Cast>();
  /** The size keys an int index expression is known to lie below. */
  const indexKeys = (e: Expr, facts: Facts): readonly string[] => {
    if (e.k === "var") return facts.get(e.v) ?? [];
    if (e.k === "cast" && e.op === "f2idx" && e.x.k === "var" && isIntegral(e.x.v)) return facts.get(e.x.v) ?? [];
    return [];
  };
  const visit = (e: Expr, facts: Facts): void => {
    forEachExpr([{ k: "expr", x: e }], (x) => {
      if (x.k === "cast" && x.op === "f2idx") (indexKeys(x, facts).length ? casts : unprovenCast).add(x);
      if (x.k === "load") (inBounds(x, facts) ? accesses : unprovenAccess).add(x);
    });
  };
  const inBounds = (a: Load | Store, facts: Facts): boolean =>
    a.idx.every((i, d) => indexKeys(i, facts).includes(`${a.arr.id}:${d}`));
  const kill = (facts: Facts, stmts: readonly Stmt[]): void =>
    forEachStmt(stmts, (s) => { if (s.k === "assign" || s.k === "for") facts.delete(s.v); });
  const walk = (stmts: readonly Stmt[], facts: Facts): void => {
    for (const s of stmts) {
      switch (s.k) {
        case "assign": {
          visit(s.x, facts);
          const keys = s.v.type === "int" ? indexKeys(s.x, facts) : [];
          facts.delete(s.v);
          if (keys.length) facts.set(s.v, keys);
          break;
        }
        case "store":
          s.idx.forEach((i) => visit(i, facts));
          visit(s.x, facts);
          (inBounds(s, facts) ? accesses : unprovenAccess).add(s);
          break;
        case "if": {
          visit(s.c, facts);
          const then = new Map(facts);
          learn(s.c, then);
          walk(s.then, then);
          walk(s.else, new Map(facts));
          kill(facts, [s]);
          break;
        }
        case "for": case "loop": {
          stmtExprs(s).forEach((x) => visit(x, facts));
          kill(facts, [s]);
          for (const b of childBlocks(s)) walk(b, new Map(facts));
          break;
        }
        default: stmtExprs(s).forEach((x) => visit(x, facts));
      }
    }
  };
  walk(f.body, new Map());
  for (const a of unprovenAccess) accesses.delete(a);
  for (const c of unprovenCast) casts.delete(c);
  return { accesses, casts };
}

/** Marks the accesses that dominating tests prove in bounds as unchecked (`guardedIndices`). */
export function dropGuardedChecks(f: FuncIR): FuncIR | undefined {
  const { accesses } = guardedIndices(f);
  const fresh = [...accesses].filter((a) => !a.unchecked);
  if (!fresh.length) return undefined;
  const proven = new Set<Load | Store>(fresh);
  const body = mapStmts(
    f.body,
    (e, orig) => (e.k === "load" && proven.has(orig as Load) ? { ...e, unchecked: true } : e),
    (s, orig) => (s.k === "store" && proven.has(orig as Store) ? { ...s, unchecked: true } : s),
  );
  return { ...f, body };
}
