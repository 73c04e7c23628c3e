// What passes that copy loops share: new variables and loop labels (ids and labels after every one
// the function already uses, and the variables made, to add to its locals), a rewrite of every
// counted loop, and several statements in the place of one.

import type { FuncIR, Stmt, Var } from "../ir/nodes.js";
import { forEachExpr, forEachStmt, mapStmts, maxLabel } from "../ir/walk.js";
import { countRefs } from "./context.js";

export interface FreshNames {
  /** A new variable with `like`'s name and type. */
  variable(like: Pick<Var, "name" | "type">): Var;
  /** A new loop label. */
  label(): number;
  /** The variables made so far. */
  readonly added: readonly Var[];
}

export function freshNames(f: FuncIR): FreshNames {
  let nextId = Math.max(0, ...f.params.map((p) => p.id), ...f.locals.map((l) => l.id)) + 1;
  let nextLabel = maxLabel(f.body) + 1;
  const added: Var[] = [];
  return {
    variable: (like) => { const v: Var = { id: nextId++, name: like.name, type: like.type }; added.push(v); return v; },
    label: () => nextLabel++,
    added,
  };
}

/**
 * Rebuilds `f` with `rewrite` applied to every counted loop (innermost first); `rewrite` returns the
 * replacement, or undefined to keep the loop. `refs` are the variables' reference counts in the whole
 * function before the rewrite. Returns undefined when nothing changed.
 */
export function rewriteForLoops(
  f: FuncIR,
  rewrite: (loop: Extract<Stmt, { k: "for" }>, refs: ReadonlyMap<Var, number>, fresh: FreshNames) => Stmt | undefined,
): FuncIR | undefined {
  const refs = countRefs(f.body);
  const fresh = freshNames(f);
  let changed = false;
  const body = mapStmts(f.body, (e) => e, (s) => {
    if (s.k !== "for") return s;
    const r = rewrite(s, refs, fresh);
    if (r) changed = true;
    return r ?? s;
  });
  return changed ? { ...f, body, locals: [...f.locals, ...fresh.added] } : undefined;
}

/**
 * Can `loop` be replaced by copies of itself with other bounds? Its counter must not be read after it
 * (the copies leave it at other values), and the body must not assign what its bounds read (the
 * copies evaluate them again, later).
 */
export function copyableLoop(loop: Extract<Stmt, { k: "for" }>, refs: ReadonlyMap<Var, number>): boolean {
  if (countRefs([loop]).get(loop.v) !== refs.get(loop.v)) return false;
  const assigned = new Set<Var>();
  forEachStmt(loop.body, (s) => { if (s.k === "assign" || s.k === "for") assigned.add(s.v); });
  let ok = true;
  forEachExpr([{ k: "expr", x: loop.start }, { k: "expr", x: loop.end }], (e) => {
    if ((e.k === "var" && assigned.has(e.v)) || (e.k === "prop" && assigned.has(e.arr))) ok = false;
  });
  return ok;
}

/** Several statements where one stood: an always-true `if` keeps the statement count. */
export function sequence(stmts: Stmt[]): Stmt {
  return { k: "if", c: { k: "const", type: "bool", value: true }, then: stmts, else: [] };
}
