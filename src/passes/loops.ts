// Loop-nest optimisation: every outermost counted loop whose accesses can be proven in bounds is
// versioned — `if (guard) fast else original` — and the fast copy is interchanged and vectorised
// where that keeps results bitwise identical. The guard collects every run-time condition.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { scalarize } from "./scalarize.js";
import { unrollAndJam } from "./unrolljam.js";
import { sameExpr } from "./affine.js";
import { allOf, proveInBounds } from "./bounds.js";
import { type FuncContext, funcContext } from "./context.js";
import { interchange } from "./interchange.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import { mapInnermost, vectorize } from "./vectorize.js";

function optimizeNest(root: ForStmt, ctx: FuncContext, newTemp: (name: string) => Var): Stmt | undefined {
  const versioned = proveInBounds(analyzeNest(root));
  if (!versioned) return undefined;
  const guard = [...versioned.guard];
  const interchanged = interchange(versioned.fast, ctx) ?? versioned.fast;
  let fast: Stmt = unrollAndJam(interchanged, ctx) ?? interchanged;
  fast = mapInnermost(fast, (l) => {
    const body = scalarize(l.body, l.v, ctx.fresh, newTemp) ?? l.body;
    const v = vectorize({ ...l, body }, ctx);
    if (!v) return { ...l, body };
    guard.push(...v.guard);
    return v.loop;
  });
  const unique: Expr[] = [];
  for (const g of guard) if (!unique.some((u) => sameExpr(u, g))) unique.push(g);
  return { k: "if", c: allOf(unique), then: [fast], else: [root] };
}

function rewrite(stmts: readonly Stmt[], ctx: FuncContext, changed: { v: boolean }, newTemp: (name: string) => Var): Stmt[] {
  return stmts.map((s) => {
    switch (s.k) {
      case "for": {
        const r = optimizeNest(s, ctx, newTemp);
        if (r) { changed.v = true; return r; }
        return { ...s, body: rewrite(s.body, ctx, changed, newTemp) };
      }
      case "if": return { ...s, then: rewrite(s.then, ctx, changed, newTemp), else: rewrite(s.else, ctx, changed, newTemp) };
      case "loop": return { ...s, body: rewrite(s.body, ctx, changed, newTemp), update: rewrite(s.update, ctx, changed, newTemp) };
      default: return s;
    }
  });
}

export function optimizeLoopNests(f: FuncIR): FuncIR | undefined {
  const changed = { v: false };
  let nextId = Math.max(0, ...f.params.map((p) => p.id), ...f.locals.map((l) => l.id)) + 1;
  const temps: Var[] = [];
  const newTemp = (name: string): Var => {
    const v: Var = { id: nextId++, name: `${name}_r`, type: "f64" };
    temps.push(v);
    return v;
  };
  const body = rewrite(f.body, funcContext(f), changed, newTemp);
  return changed.v ? { ...f, body, locals: [...f.locals, ...temps] } : undefined;
}
