// Run-time alias tests for the optimiser's guards: arrays the kernel did not allocate itself may
// share memory (two views of one buffer, the same array passed twice), so a rewrite that assumes
// they don't is guarded by `disjoint(...)` on the memory ranges their views can reach.

import type { Expr, Var } from "../ir/nodes.js";
import type { ArrayType } from "../ir/types.js";
import { add, int, mul } from "./affine.js";
import type { Nest } from "./nest.js";

/** Element-index range [lo, hi] of an array view within its data. */
function span(arr: Var): [Expr, Expr] {
  const t = arr.type as ArrayType;
  const prop = (prop: "length" | "shape" | "stride" | "offset", dim = 0): Expr => ({ k: "prop", arr, prop, dim, type: "int" });
  if (!t.nd) return [int(0), add(prop("length"), int(-1))!];
  let lo = prop("offset"), hi = prop("offset");
  for (let d = 0; d < t.ndim; d++) {
    const reach = mul(add(prop("shape", d), int(-1))!, prop("stride", d));
    lo = add(lo, { k: "math", fn: "min", args: [int(0), reach], type: "int" })!;
    hi = add(hi, { k: "math", fn: "max", args: [int(0), reach], type: "int" })!;
  }
  return [lo, hi];
}

export function disjoint(a: Var, b: Var): Expr {
  const [a0, a1] = span(a), [b0, b1] = span(b);
  return { k: "disjoint", a, b, spans: [a0, a1, b0, b1], type: "bool" };
}

/**
 * Conditions under which the arrays stored in `nest` share no memory with any other array it
 * accesses; arrays the function allocated itself (`fresh`) need none.
 */
export function storesIsolated(nest: Nest, fresh: ReadonlySet<Var>): Expr[] {
  const arrays = [...new Set(nest.accesses.map((a) => a.arr))];
  const stored = new Set(nest.accesses.filter((a) => a.store).map((a) => a.arr));
  const conds: Expr[] = [];
  for (const w of stored) {
    if (fresh.has(w)) continue;
    for (const r of arrays) if (r !== w && !fresh.has(r) && !(stored.has(r) && arrays.indexOf(r) < arrays.indexOf(w))) conds.push(disjoint(w, r));
  }
  return conds;
}
