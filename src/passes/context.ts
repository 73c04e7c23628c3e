// Function-wide facts the loop passes need: which arrays are fresh allocations that nothing else
// can alias, and how often each variable is referenced (to tell iteration-private temporaries).

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { forEachExpr, forEachStmt } from "../ir/walk.js";
import { isArray } from "../ir/types.js";

export interface FuncContext {
  /** Array locals assigned once, from an allocation, and never copied or passed anywhere. */
  readonly fresh: ReadonlySet<Var>;
  /** References (reads and writes) of each variable in the whole function. */
  readonly refs: ReadonlyMap<Var, number>;
  /** `jit(fn, { parallel: true })`: mark outermost loops proven independent as parallel (passes/parallel.ts). */
  readonly autoParallel?: boolean;
  /** `jit(fn, { fastmath: true })`: reductions may be reassociated (docs/semantics.md#fastmath). */
  readonly fastmath?: boolean;
}

export function countRefs(stmts: readonly Stmt[]): Map<Var, number> {
  const refs = new Map<Var, number>();
  const bump = (v: Var) => refs.set(v, (refs.get(v) ?? 0) + 1);
  forEachStmt(stmts, (s) => {
    if (s.k === "assign" || s.k === "for") bump(s.v);
    if (s.k === "store") bump(s.arr);
  });
  forEachExpr(stmts, (e) => {
    if (e.k === "var") bump(e.v);
    if (e.k === "load" || e.k === "prop") bump(e.arr);
  });
  return refs;
}

export function funcContext(f: FuncIR): FuncContext {
  const assigns = new Map<Var, Stmt[]>();
  // push, not copy: a variable assigned n times would cost O(n²) (a 20,000-line function took seconds here).
  forEachStmt(f.body, (s) => {
    if (s.k !== "assign") return;
    const as = assigns.get(s.v);
    if (as) as.push(s); else assigns.set(s.v, [s]);
  });
  // Array values used as values (copied, passed to calls) may alias; a plain `return C` is harmless.
  const escaped = new Set<Var>();
  const returned = new Set<Expr>();
  forEachStmt(f.body, (s) => { if (s.k === "return" && s.x?.k === "var") returned.add(s.x); });
  forEachExpr(f.body, (e) => { if (e.k === "var" && isArray(e.type) && !returned.has(e)) escaped.add(e.v); });
  const fresh = new Set<Var>();
  for (const v of f.locals) {
    const as = assigns.get(v);
    if (isArray(v.type) && as?.length === 1 && (as[0] as Extract<Stmt, { k: "assign" }>).x.k === "alloc" && !escaped.has(v)) fresh.add(v);
  }
  return { fresh, refs: countRefs(f.body) };
}
