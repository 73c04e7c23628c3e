// Loop-invariant address arithmetic: a product inside a subscript that some enclosing loops never
// change — the row offset `(i + u) * n` of `A[(i + u) * n + k]` in a k loop — is computed once, before
// the outermost of those loops, into a temporary; equal expressions share one. V8's WebAssembly
// compiler moves nothing out of loops, so otherwise every access pays its i64 multiply each iteration
// (the register tile's 8 row loads per step of k, the column walks of textbook kernels).
// Exact: the same integer operations on the same values, which cannot fail, so computing them when the
// loop runs zero times is harmless. A temporary is never placed inside a vector loop (every variable
// assigned there is a SIMD lane): what changes inside one stays where it is.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { forEachStmt, mapChildren } from "../ir/walk.js";
import { sameExpr } from "./affine.js";
import { freshNames } from "./fresh.js";

interface Frame {
  /** What the loop changes: its counter and everything its body assigns. */
  readonly assigned: ReadonlySet<Var>;
  /** A vector loop: nothing may be placed in its body. */
  readonly vector: boolean;
  /** Temporaries to compute just before the loop. */
  readonly hoisted: { e: Expr; v: Var }[];
}

/** Integer arithmetic that cannot fail: int variables and constants, array sizes and strides, + - * and negation. */
function pure(e: Expr): boolean {
  switch (e.k) {
    case "const": case "var": return e.type === "int";
    case "prop": return true;
    case "binary": return e.type === "int" && (e.op === "add" || e.op === "sub" || e.op === "mul") && pure(e.a) && pure(e.b);
    case "unary": return e.type === "int" && e.op === "neg" && pure(e.x);
    default: return false;
  }
}

function hasMul(e: Expr): boolean {
  return e.k === "binary" && (e.op === "mul" || hasMul(e.a) || hasMul(e.b));
}

/** Does `e` read anything in `vars` (a variable, or a property of an array variable)? */
function reads(e: Expr, vars: ReadonlySet<Var>): boolean {
  if ((e.k === "var" && vars.has(e.v)) || (e.k === "prop" && vars.has(e.arr))) return true;
  let hit = false;
  mapChildren(e, (c) => { if (!hit && reads(c, vars)) hit = true; return c; });
  return hit;
}

export function hoistAddresses(f: FuncIR): FuncIR | undefined {
  const fresh = freshNames(f);
  const stack: Frame[] = [];

  /** The frame to compute `e` before (outermost loop it is invariant in, not inside a vector loop), or undefined. */
  const placement = (e: Expr): Frame | undefined => {
    let d = 0;
    for (let j = stack.length - 1; j >= 0; j--) if (reads(e, stack[j]!.assigned)) { d = j + 1; break; }
    // Every variable assigned anywhere inside a vector loop is a SIMD lane: stay outside the outermost one.
    const v = stack.findIndex((x) => x.vector);
    if (v >= 0 && d > v) return undefined;
    return d < stack.length ? stack[d] : undefined;
  };

  const subscript = (e: Expr): Expr => {
    if (pure(e) && hasMul(e)) {
      const frame = placement(e);
      if (frame) {
        let h = frame.hoisted.find((x) => sameExpr(x.e, e));
        if (!h) frame.hoisted.push((h = { e, v: fresh.variable({ name: "addr", type: "int" }) }));
        return { k: "var", v: h.v, type: "int" };
      }
    }
    return e.k === "load" ? expr(e) : mapChildren(e, subscript);
  };
  const expr = (e: Expr): Expr => (e.k === "load" ? { ...e, idx: e.idx.map(subscript) } : mapChildren(e, expr));

  const inLoop = (loop: Extract<Stmt, { k: "for" | "loop" }>, run: () => Stmt): Stmt[] => {
    const assigned = new Set<Var>();
    forEachStmt([loop], (x) => { if (x.k === "assign" || x.k === "for") assigned.add(x.v); });
    const frame: Frame = { assigned, vector: loop.k === "for" && loop.vector !== undefined, hoisted: [] };
    stack.push(frame);
    const rebuilt = run();
    stack.pop();
    return [...frame.hoisted.map((h): Stmt => ({ k: "assign", v: h.v, x: h.e })), rebuilt];
  };

  const block = (stmts: readonly Stmt[]): Stmt[] => stmts.flatMap((s): Stmt[] => {
    if (!stack.length && s.k !== "for" && s.k !== "loop" && s.k !== "if") return [s];
    switch (s.k) {
      case "for": return inLoop(s, () => ({ ...s, body: block(s.body) }));
      case "loop": return inLoop(s, () => ({ ...s, body: block(s.body), update: block(s.update) }));
      case "if": return [{ ...s, c: stack.length ? expr(s.c) : s.c, then: block(s.then), else: block(s.else) }];
      case "assign": case "expr": return [{ ...s, x: expr(s.x) }];
      case "store": return [{ ...s, idx: s.idx.map(subscript), x: expr(s.x) }];
      case "return": return [{ ...s, x: s.x && expr(s.x) }];
      default: return [s];
    }
  });

  const body = block(f.body);
  return fresh.added.length ? { ...f, body, locals: [...f.locals, ...fresh.added] } : undefined;
}
