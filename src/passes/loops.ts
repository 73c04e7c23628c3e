// Loop-nest optimisation: every outermost counted loop whose accesses can be proven in bounds is
// versioned — `if (guard) fast else original` — and the fast copy is interchanged and vectorised
// where that keeps results bitwise identical. The guard collects every run-time condition.

import type { Expr, FuncIR, Stmt } from "../ir/nodes.js";
import { sameExpr } from "./affine.js";
import { allOf, proveInBounds } from "./bounds.js";
import { type FuncContext, funcContext } from "./context.js";
import { interchange } from "./interchange.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import { mapInnermost, vectorize } from "./vectorize.js";

function optimizeNest(root: ForStmt, ctx: FuncContext): Stmt | undefined {
  const versioned = proveInBounds(analyzeNest(root));
  if (!versioned) return undefined;
  const guard = [...versioned.guard];
  let fast = interchange(versioned.fast, ctx) ?? versioned.fast;
  fast = mapInnermost(fast, (l) => {
    const v = vectorize(l, ctx);
    if (!v) return undefined;
    guard.push(...v.guard);
    return v.loop;
  }) ?? fast;
  const unique: Expr[] = [];
  for (const g of guard) if (!unique.some((u) => sameExpr(u, g))) unique.push(g);
  return { k: "if", c: allOf(unique), then: [fast], else: [root] };
}

function rewrite(stmts: readonly Stmt[], ctx: FuncContext, changed: { v: boolean }): Stmt[] {
  return stmts.map((s) => {
    switch (s.k) {
      case "for": {
        const r = optimizeNest(s, ctx);
        if (r) { changed.v = true; return r; }
        return { ...s, body: rewrite(s.body, ctx, changed) };
      }
      case "if": return { ...s, then: rewrite(s.then, ctx, changed), else: rewrite(s.else, ctx, changed) };
      case "loop": return { ...s, body: rewrite(s.body, ctx, changed), update: rewrite(s.update, ctx, changed) };
      default: return s;
    }
  });
}

export function optimizeLoopNests(f: FuncIR): FuncIR | undefined {
  const changed = { v: false };
  const body = rewrite(f.body, funcContext(f), changed);
  return changed.v ? { ...f, body } : undefined;
}
