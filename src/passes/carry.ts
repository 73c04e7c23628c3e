// Carries a value from one iteration to the next in a register instead of memory (predictive
// commoning): in an innermost loop that stores X[f(i)] and reads X[f(i - step)] — the element the
// previous iteration stored, as in a prefix sum `out[i] = out[i - 1] + a[i]` — the read becomes a
// temporary holding the value just stored (the store-to-load round trip leaves the critical path). Exact: an f64 store does not round, and the loop's only
// store is that one, so the memory still holds the carried value when the original would read it.
// The first iteration's value is loaded before the loop (only when the loop runs at all).

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import type { ArrayType } from "../ir/types.js";
import { forEachExpr, mapExpr } from "../ir/walk.js";
import { type Affine, constCoeff, sameExpr, sameList } from "./affine.js";
import { type ForStmt, type Load, analyzeNest } from "./nest.js";
import { sequence } from "./fresh.js";

/** An affine base split into its invariant expression and constant offset. */
function splitConst(base: Expr | null): [Expr | null, number] {
  if (base === null) return [null, 0];
  if (base.k === "const") return [null, base.value as number];
  if (base.k === "binary" && base.op === "add" && base.b.k === "const") return [base.a, base.b.value as number];
  return [base, 0];
}

/** Does subscript `load` name the element that subscript `store` named one iteration (of `step`) earlier? */
function previous(load: Affine, store: Affine, v: Var, step: number): boolean {
  if (load.terms.size !== store.terms.size) return false;
  for (const [x, c] of store.terms) {
    const d = load.terms.get(x);
    if (!d || !sameExpr(c, d)) return false;
  }
  const [lb, lc] = splitConst(load.base), [sb, sc] = splitConst(store.base);
  if ((lb === null) !== (sb === null) || (lb && sb && !sameExpr(lb, sb))) return false;
  const k = store.terms.has(v) ? constCoeff(store.terms.get(v)) : 0;
  return k !== undefined && lc - sc === -step * k;
}

const pure = (e: Expr) => {
  let ok = true;
  forEachExpr([{ k: "expr", x: e }], (x) => {
    if (x.k === "call" || x.k === "alloc" || (x.k === "math" && x.fn === "random") || (x.k === "binary" && x.op === "mod")) ok = false;
  });
  return ok;
};

/** `if true { t = first ? X[f(start - step)] : 0; loop }`, or undefined when the pattern is absent. */
export function carryStored(loop: ForStmt, newTemp: (name: string) => Var): Stmt | undefined {
  if (Math.abs(loop.step) !== 1 || !pure(loop.start) || !pure(loop.end)) return undefined;
  if (!loop.body.every((s) => s.k === "assign" || s.k === "store")) return undefined;
  const stores = loop.body.filter((s) => s.k === "store");
  const st = stores[0];
  if (stores.length !== 1 || st?.k !== "store" || !st.unchecked || (st.arr.type as ArrayType).dtype !== "f64") return undefined;
  const nest = analyzeNest(loop);
  if (nest.irregular || !nest.accesses.every((a) => a.node.unchecked)) return undefined;
  const X = st.arr;
  const storeSubs = nest.accesses.find((a) => a.node === st)!.subs;
  if (storeSubs.some((s) => !s) || !storeSubs.some((s) => s!.terms.has(loop.v))) return undefined;
  // Every read of X is of the previous iteration's element, and happens before the store.
  // (Reads of the element about to be stored are left as they are: memory still holds its old value.)
  const others = nest.accesses.filter((a) => a.arr === X && !a.store && !sameList(a.node.idx, st.idx));
  const reads = others.filter((a) => a.subs.every((s, d) => s && previous(s, storeSubs[d]!, loop.v, loop.step)));
  if (reads.length === 0 || reads.length !== others.length) return undefined;
  const at = loop.body.indexOf(st);
  let late = false;
  forEachExpr(loop.body.slice(at + 1), (e) => { if (e.k === "load" && e.arr === X) late = true; });
  if (late) return undefined;
  const t = newTemp(`${X.name}_prev`);
  const tv: Expr = { k: "var", v: t, type: "f64" };
  const readNodes = new Set(reads.map((a) => a.node as Load));
  const body: Stmt[] = loop.body.map((s) => {
    const swap = (e: Expr) => mapExpr(e, (x, orig) => (orig.k === "load" && readNodes.has(orig as Load) ? tv : x));
    if (s === st) return s;
    return s.k === "assign" ? { ...s, x: swap(s.x) } : s.k === "store" ? { ...s, x: swap(s.x) } : s;
  });
  body.splice(at, 1, { k: "assign", v: t, x: mapExpr(st.x, (x, orig) => (orig.k === "load" && readNodes.has(orig as Load) ? tv : x)) }, { ...st, x: tv });
  // The first iteration's element, read only if the loop runs (the optimiser proved it in bounds then).
  const first = reads[0]!.node as Load;
  const init: Expr = {
    k: "cond", type: "f64",
    c: { k: "binary", op: loop.cmp, a: loop.start, b: loop.end, type: "bool" },
    a: { ...first, idx: first.idx.map((i) => mapExpr(i, (x) => (x.k === "var" && x.v === loop.v ? loop.start : x))) },
    b: { k: "const", type: "f64", value: 0 },
  };
  return sequence([{ k: "assign", v: t, x: init }, { ...loop, body }]);
}
