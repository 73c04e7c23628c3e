// Loop-nest optimisation: every outermost counted loop whose accesses can be proven in bounds is
// versioned — `if (guard) fast else original` — and the fast copy is interchanged and vectorised
// where that keeps results bitwise identical. The guard collects every run-time condition.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { scalarize } from "./scalarize.js";
import { maxLabel, relabel } from "../ir/walk.js";
import { unrollAndJam } from "./unrolljam.js";
import { sameExpr } from "./affine.js";
import { allOf, proveInBounds } from "./bounds.js";
import { type FuncContext, funcContext } from "./context.js";
import { interchange } from "./interchange.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import { mapInnermost, vectorize } from "./vectorize.js";

function optimizeNest(root: ForStmt, ctx: FuncContext, newTemp: (name: string) => Var, newLabel: () => number): Stmt | undefined {
  const versioned = proveInBounds(analyzeNest(root));
  if (!versioned) return undefined;
  const guard = [...versioned.guard];
  const interchanged = interchange(versioned.fast, ctx) ?? versioned.fast;
  const jammed = unrollAndJam(interchanged, ctx);
  // Every copy of a loop gets its own labels (the fast copy, and the jam's main and remainder loops).
  let fast: Stmt = jammed ? relabelCopies(jammed, newLabel) : relabel([interchanged], newLabel)[0]!;
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

/** Relabels a jammed nest: each loop copy separately, since main and remainder loops share labels. */
function relabelCopies(s: Stmt, newLabel: () => number): Stmt {
  if (s.k === "if") return { ...s, then: s.then.map((x) => relabelCopies(x, newLabel)), else: s.else.map((x) => relabelCopies(x, newLabel)) };
  if (s.k === "for" && s.body.length === 1 && (s.body[0]!.k === "if" || s.body[0]!.k === "for")) return { ...s, label: newLabel(), body: [relabelCopies(s.body[0]!, newLabel)] };
  return relabel([s], newLabel)[0]!;
}

function rewrite(stmts: readonly Stmt[], ctx: FuncContext, changed: { v: boolean }, newTemp: (name: string) => Var, newLabel: () => number): Stmt[] {
  return stmts.map((s) => {
    switch (s.k) {
      case "for": {
        const r = optimizeNest(s, ctx, newTemp, newLabel);
        if (r) { changed.v = true; return r; }
        return { ...s, body: rewrite(s.body, ctx, changed, newTemp, newLabel) };
      }
      case "if": return { ...s, then: rewrite(s.then, ctx, changed, newTemp, newLabel), else: rewrite(s.else, ctx, changed, newTemp, newLabel) };
      case "loop": return { ...s, body: rewrite(s.body, ctx, changed, newTemp, newLabel), update: rewrite(s.update, ctx, changed, newTemp, newLabel) };
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
  let label = maxLabel(f.body) + 1;
  const body = rewrite(f.body, funcContext(f), changed, newTemp, () => label++);
  return changed.v ? { ...f, body, locals: [...f.locals, ...temps] } : undefined;
}
