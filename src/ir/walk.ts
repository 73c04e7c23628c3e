// Generic traversal of IR trees, so passes and backends don't each re-implement the recursion.

import type { Expr, Stmt } from "./nodes.js";

/** Direct sub-expressions of an expression, in evaluation order. */
export function childExprs(e: Expr): readonly Expr[] {
  switch (e.k) {
    case "const": case "var": case "prop": return [];
    case "unary": case "cast": return [e.x];
    case "binary": case "logical": return [e.a, e.b];
    case "cond": return [e.c, e.a, e.b];
    case "math": case "call": return e.args;
    case "load": return e.idx;
    case "alloc": return e.shape;
  }
}

/** Expressions held directly by a statement (not those of nested statements). */
export function stmtExprs(s: Stmt): readonly Expr[] {
  switch (s.k) {
    case "assign": case "expr": return [s.x];
    case "store": return [...s.idx, s.x];
    case "if": return [s.c];
    case "for": return [s.start, s.end];
    case "loop": return [s.pre, s.post].filter((x): x is Expr => x !== null);
    case "return": return s.x ? [s.x] : [];
    case "break": case "continue": case "throw": return [];
  }
}

/** Nested statement lists of a statement. */
export function childBlocks(s: Stmt): readonly Stmt[][] {
  switch (s.k) {
    case "if": return [s.then, s.else];
    case "for": return [s.body];
    case "loop": return [s.body, s.update];
    default: return [];
  }
}

/** Calls `f` on every expression (pre-order) inside `stmts`, nested statements included. */
export function forEachExpr(stmts: readonly Stmt[], f: (e: Expr) => void): void {
  const visit = (e: Expr): void => {
    f(e);
    childExprs(e).forEach(visit);
  };
  forEachStmt(stmts, (s) => stmtExprs(s).forEach(visit));
}

/** Calls `f` on every statement (pre-order) inside `stmts`. */
export function forEachStmt(stmts: readonly Stmt[], f: (s: Stmt) => void): void {
  for (const s of stmts) {
    f(s);
    for (const b of childBlocks(s)) forEachStmt(b, f);
  }
}
