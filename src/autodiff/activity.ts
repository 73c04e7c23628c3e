// Activity analysis: which values carry derivatives. A value is active when it depends, through
// differentiable float operations, on an active argument. Integers, booleans, comparisons, array
// shapes and the results of piecewise-constant functions (floor, sign, ...) are never active.
// Arrays are tracked per alias class (variables assigned from one another share their memory):
// a class becomes active when an active value is stored into it.
//
// The same walk rejects derivatives through integer conversions (NB500): an active float turned
// into an integer (`x | 0`, `a[x]`, a store into an Int32Array) would silently lose its derivative.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { elemType, isArray } from "../ir/types.js";
import { childExprs, forEachStmt, stmtExprs } from "../ir/walk.js";
import { DERIVATIVES } from "./derivatives.js";
import type { Diag } from "./diag.js";

export class Activity {
  /** Active f64 variables. */
  readonly scalars = new Set<Var>();
  private readonly parent = new Map<Var, Var>();
  private readonly activeClasses = new Set<Var>();

  constructor(readonly f: { params: readonly Var[]; body: readonly Stmt[] }, active: readonly Var[]) {
    forEachStmt(f.body, (s) => { if (s.k === "assign" && isArray(s.v.type) && s.x.k === "var") this.union(s.v, s.x.v); });
    for (const p of active) {
      if (p.type === "f64") this.scalars.add(p);
      else if (isArray(p.type) && elemType(p.type) === "f64") this.activeClasses.add(this.cls(p));
    }
    for (let changed = true; changed; ) {
      changed = false;
      forEachStmt(f.body, (s) => {
        if (s.k === "assign" && s.v.type === "f64" && !this.scalars.has(s.v) && this.expr(s.x)) { this.scalars.add(s.v); changed = true; }
        if (s.k === "store" && isArray(s.arr.type) && elemType(s.arr.type) === "f64" && !this.array(s.arr) && this.expr(s.x)) {
          this.activeClasses.add(this.cls(s.arr));
          changed = true;
        }
      });
    }
  }

  /** The alias class of an array variable (its representative). */
  cls(v: Var): Var {
    let r = v;
    while (this.parent.has(r)) r = this.parent.get(r)!;
    return r;
  }

  private union(a: Var, b: Var): void {
    const ra = this.cls(a), rb = this.cls(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }

  /** Does this array variable's memory carry derivatives? */
  array(v: Var): boolean {
    return this.activeClasses.has(this.cls(v));
  }

  /** Does this expression's value carry a derivative? */
  expr(e: Expr): boolean {
    switch (e.k) {
      case "var": return this.scalars.has(e.v);
      case "load": return e.type === "f64" && this.array(e.arr);
      case "unary": return e.op === "neg" && this.expr(e.x);
      case "binary": return e.type === "f64" && (this.expr(e.a) || this.expr(e.b));
      case "math": {
        const k = DERIVATIVES[e.fn].kind;
        return e.type === "f64" && (k === "partials" || k === "select") && e.args.some((a) => this.expr(a));
      }
      case "cond": return e.type === "f64" && (this.expr(e.a) || this.expr(e.b));
      case "logical": return e.type === "f64" && (this.expr(e.a) || this.expr(e.b));
      default: return false; // const, cast (to int/bool, or from int/bool), prop, alloc, disjoint, call (inlined), gpu, atomic
    }
  }

  /** NB500: no active float may become an integer. */
  checkConversions(diag: Diag): void {
    forEachStmt(this.f.body, (s) => {
      const visit = (e: Expr, ancestors: Expr[]): void => {
        if (e.k === "cast" && (e.op === "f2i32" || e.op === "f2idx" || e.op === "f2u8c") && this.expr(e.x)) {
          // The innermost enclosing node with a location, else the statement's own.
          const at = [...ancestors].reverse().find((a) => "loc" in a && a.loc) ?? ("loc" in s ? s : undefined);
          const what = e.op === "f2idx" ? "used as an array index" : s.k === "store" && s.x === e ? "stored into an integer array" : "converted to a 32-bit integer";
          diag.fail("NB500", `this value depends on a differentiated argument and is ${what}; an integer has no derivative, so the result would silently ignore it`,
            { loc: at && "loc" in at ? at.loc : undefined, node: at, varName: s.k === "assign" ? s.v.name : undefined },
            "make the rounding explicit with Math.floor / Math.round / Math.trunc (derivative 0 by definition), or mark the argument constant");
        }
        for (const x of childExprs(e)) visit(x, [...ancestors, e]);
      };
      for (const e of stmtExprs(s)) visit(e, []);
    });
  }
}
