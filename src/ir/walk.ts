// Generic traversal of IR trees, so passes and backends don't each re-implement the recursion.

import type { Expr, Stmt } from "./nodes.js";

/**
 * Can a counted loop re-read its bound every iteration (a constant, or a variable the body never
 * assigns) rather than copying it once before the loop, as the IR's semantics require in general?
 */
export function loopBoundIsStable(s: Extract<Stmt, { k: "for" }>): boolean {
  const end = s.end;
  if (end.k === "const") return true;
  if (end.k !== "var") return false;
  let assigned = false;
  forEachStmt(s.body, (t) => { if ((t.k === "assign" || t.k === "for") && t.v === end.v) assigned = true; });
  return !assigned;
}

/** Direct sub-expressions of an expression, in evaluation order. */
export function childExprs(e: Expr): readonly Expr[] {
  switch (e.k) {
    case "const": case "var": case "prop": case "gpu": return [];
    case "unary": case "cast": return [e.x];
    case "atomic": return [...e.idx, e.x];
    case "binary": case "logical": return [e.a, e.b];
    case "cond": return [e.c, e.a, e.b];
    case "math": case "call": return e.args;
    case "load": return e.idx;
    case "alloc": return e.shape;
    case "disjoint": return e.spans;
  }
}

/** Expressions held directly by a statement (not those of nested statements). */
export function stmtExprs(s: Stmt): readonly Expr[] {
  switch (s.k) {
    case "assign": case "expr": return [s.x];
    case "store": return [...s.idx, s.x];
    case "if": return [s.c];
    case "for": return s.vectorIf ? [s.start, s.end, s.vectorIf] : [s.start, s.end];
    case "loop": return [s.pre, s.post].filter((x): x is Expr => x !== null);
    case "return": return s.x ? [s.x] : [];
    case "break": case "continue": case "throw": case "barrier": return [];
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

/** Rebuilds an expression bottom-up, applying `f` to each rebuilt node (return it to keep it); `f` also sees the original. */
export function mapExpr(e: Expr, f: (e: Expr, original: Expr) => Expr): Expr {
  const m = (x: Expr) => mapExpr(x, f);
  let r: Expr;
  switch (e.k) {
    case "const": case "var": case "prop": case "gpu": r = e; break;
    case "atomic": r = { ...e, idx: e.idx.map(m), x: m(e.x) }; break;
    case "unary": case "cast": r = { ...e, x: m(e.x) }; break;
    case "binary": case "logical": r = { ...e, a: m(e.a), b: m(e.b) }; break;
    case "cond": r = { ...e, c: m(e.c), a: m(e.a), b: m(e.b) }; break;
    case "math": case "call": r = { ...e, args: e.args.map(m) }; break;
    case "load": r = { ...e, idx: e.idx.map(m) }; break;
    case "alloc": r = { ...e, shape: e.shape.map(m) }; break;
    case "disjoint": r = { ...e, spans: e.spans.map(m) as unknown as readonly [Expr, Expr, Expr, Expr] }; break;
  }
  return f(r, e);
}

/** Rebuilds statements (a deep copy), applying `fe` to every expression and `fs` to each rebuilt statement. */
export function mapStmts(
  stmts: readonly Stmt[],
  fe: (e: Expr, original: Expr) => Expr,
  fs: (s: Stmt, original: Stmt) => Stmt = (s) => s,
): Stmt[] {
  const me = (e: Expr) => mapExpr(e, fe);
  const ms = (ss: readonly Stmt[]) => mapStmts(ss, fe, fs);
  return stmts.map((s) => {
    let r: Stmt;
    switch (s.k) {
      case "assign": case "expr": r = { ...s, x: me(s.x) }; break;
      case "store": r = { ...s, idx: s.idx.map(me), x: me(s.x) }; break;
      case "if": r = { ...s, c: me(s.c), then: ms(s.then), else: ms(s.else) }; break;
      case "for": r = { ...s, start: me(s.start), end: me(s.end), body: ms(s.body), ...(s.vectorIf ? { vectorIf: me(s.vectorIf) } : {}) }; break;
      case "loop": r = { ...s, pre: s.pre && me(s.pre), post: s.post && me(s.post), body: ms(s.body), update: ms(s.update) }; break;
      case "return": r = { ...s, x: s.x && me(s.x) }; break;
      default: r = { ...s };
    }
    return fs(r, s);
  });
}

/** The largest loop label used in `stmts` (-1 if none). */
export function maxLabel(stmts: readonly Stmt[]): number {
  let max = -1;
  forEachStmt(stmts, (s) => { if (s.k === "for" || s.k === "loop") max = Math.max(max, s.label); });
  return max;
}

/** A copy of `stmts` whose loops get fresh labels (break/continue follow), so copies of a loop can coexist. */
export function relabel(stmts: readonly Stmt[], fresh: () => number): Stmt[] {
  const map = new Map<number, number>();
  forEachStmt(stmts, (s) => { if (s.k === "for" || s.k === "loop") map.set(s.label, fresh()); });
  return mapStmts(stmts, (e) => e, (s) =>
    s.k === "for" || s.k === "loop" || s.k === "break" || s.k === "continue" ? { ...s, label: map.get(s.label) ?? s.label } : s);
}

/** Rebuilds one level of `e` with each direct sub-expression replaced by `f(child)`. */
export function mapChildren(e: Expr, f: (c: Expr) => Expr): Expr {
  switch (e.k) {
    case "const": case "var": case "prop": case "gpu": return e;
    case "atomic": return { ...e, idx: e.idx.map(f), x: f(e.x) };
    case "unary": case "cast": return { ...e, x: f(e.x) };
    case "binary": case "logical": return { ...e, a: f(e.a), b: f(e.b) };
    case "cond": return { ...e, c: f(e.c), a: f(e.a), b: f(e.b) };
    case "math": case "call": return { ...e, args: e.args.map(f) };
    case "load": return { ...e, idx: e.idx.map(f) };
    case "alloc": return { ...e, shape: e.shape.map(f) };
    case "disjoint": return { ...e, spans: e.spans.map(f) as unknown as readonly [Expr, Expr, Expr, Expr] };
  }
}
