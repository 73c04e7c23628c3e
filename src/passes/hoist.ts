// Loop-invariant int -> f64 conversions: `i2f(e)` inside a loop, of an int expression the loop never
// changes (`x[i] - lo` with an integer `lo`, `b < nb` against an f64 `b`), is computed once before the
// outermost loop that contains it, into a temporary; so is `f2i32(e)`, the ToInt32 of an invariant float
// (`h ^ seed` with a seed beyond the small-int arguments, which are floats). V8's WebAssembly
// compiler does not move code out of loops, so each such conversion otherwise costs an instruction per iteration. Exact: the same
// conversion of the same value; it cannot fail, so computing it when the loop runs zero times is harmless.
// Only outermost loops get the temporaries: a statement added between nested loops would break the
// perfect nests the loop optimiser looks for (this pass runs after it anyway).

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { childBlocks, forEachStmt, mapExpr, mapStmts } from "../ir/walk.js";
import { invariant, sameExpr } from "./affine.js";
import { freshNames } from "./fresh.js";

export function hoistConversions(f: FuncIR): FuncIR | undefined {
  const fresh = freshNames(f);
  const rewrite = (stmts: readonly Stmt[]): Stmt[] => {
    const out: Stmt[] = [];
    for (const s of stmts) {
      if (s.k !== "for" && s.k !== "loop") {
        const blocks = childBlocks(s);
        out.push(blocks.length && s.k === "if" ? { ...s, then: rewrite(s.then), else: rewrite(s.else) } : s);
        continue;
      }
      const assigned = new Set<Var>();
      forEachStmt([s], (x) => { if (x.k === "assign" || x.k === "for") assigned.add(x.v); });
      const facts = { loopVars: new Set<Var>(), assigned };
      // Conversions in the body (not the counted loop's own bounds, evaluated once already).
      const hoisted: { e: Expr; v: Var }[] = [];
      const swap = (e: Expr): Expr => {
        if (e.k !== "cast" || (e.op !== "i2f" && e.op !== "f2i32") || !invariant(e.x, facts)) return e;
        let h = hoisted.find((x) => sameExpr(x.e, e));
        if (!h) {
          h = { e, v: fresh.variable({ name: "conv", type: e.type }) };
          hoisted.push(h);
        }
        return { k: "var", v: h.v, type: e.type };
      };
      const inner = (ss: readonly Stmt[]) => mapStmts(ss, (e) => swap(e));
      const loop: Stmt = s.k === "for"
        ? { ...s, body: inner(s.body) }
        : { ...s, pre: s.pre && mapExpr(s.pre, swap), post: s.post && mapExpr(s.post, swap), body: inner(s.body), update: inner(s.update) };
      for (const h of hoisted) out.push({ k: "assign", v: h.v, x: h.e });
      out.push(loop);
    }
    return out;
  };
  const body = rewrite(f.body);
  return fresh.added.length ? { ...f, body, locals: [...f.locals, ...fresh.added] } : undefined;
}
