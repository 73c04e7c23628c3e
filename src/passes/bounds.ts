// Bounds-check versioning: for a loop nest whose array subscripts are affine in its counters,
// compute before the nest whether every access stays in bounds. The nest is duplicated:
// `if (guard) { nest with unchecked accesses } else { original nest }`. The original, with its
// checks in their original order, still raises the exact error JS semantics require.

import type { Expr, Var } from "../ir/nodes.js";
import { mapStmts } from "../ir/walk.js";
import type { ArrayType } from "../ir/types.js";
import { int } from "./affine.js";
import { type ForStmt, type Load, type Nest, type Store, intervalOf } from "./nest.js";

export interface Versioned {
  /** Conditions that must all hold for the fast copy to run (more may be added by later passes). */
  readonly guard: Expr[];
  readonly fast: ForStmt;
}

/** A comparison, folded when both sides are constants. */
function cmp(op: "ge" | "lt" | "eq", a: Expr, b: Expr): Expr {
  if (a.k === "const" && b.k === "const") {
    const x = a.value as number, y = b.value as number;
    return { k: "const", type: "bool", value: op === "ge" ? x >= y : op === "lt" ? x < y : x === y };
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
