// Interleaving of escape-time loops: a counted loop whose iterations each run a data-dependent
// `while` over private scalars (the Mandelbrot iteration) runs LANES iterations at a time, their
// while loops fused into one that advances every still-active lane:
//
//   for (v ...) { pre; while (C) W; post }
//     =>  for (v ... step L) { pre_0 .. pre_L-1; a_k = C_k;
//                              while (a_0 || ... ) { if (a_0) { W_0; a_0 = C_0 } ... }
//                              post_0 .. post_L-1 }    + the remaining iterations as before
//
// Each lane runs exactly its own statements in its own order; only statements of different lanes
// interleave. That is invisible when the lanes share nothing: every variable the body assigns is
// private to one iteration (renamed per lane), the while loop and `pre` read no array and cannot
// throw (lane 1's `pre` runs before lane 0's stores), and `post` (stores included) still runs lane by
// lane in counter order. A single escape loop is a chain of dependent operations; interleaved, the processor
// overlaps the lanes' chains.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { forEachExpr, forEachStmt, mapStmts, relabel, stmtExprs } from "../ir/walk.js";
import { isArray } from "../ir/types.js";
import { countRefs } from "./context.js";
import { type FreshNames, copyableLoop, rewriteForLoops, sequence } from "./fresh.js";
import { add, int, sub } from "./affine.js";

export const LANES = 4;

type ForStmt = Extract<Stmt, { k: "for" }>;
type LoopStmt = Extract<Stmt, { k: "loop" }>;

/** Anything that could throw, call out, or draw random numbers. */
function pure(exprs: readonly Expr[]): boolean {
  let ok = true;
  for (const x of exprs)
    forEachExpr([{ k: "expr", x }], (e) => {
      if (e.k === "call" || e.k === "alloc" || e.k === "load" || e.k === "atomic" || e.k === "gpu") ok = false;
      if (e.k === "binary" && (e.op === "mod" || e.op === "div") && e.type === "int") ok = false;
      if (e.k === "cast" && e.op === "f2idx") ok = false;
      if (e.k === "math" && e.fn === "random") ok = false;
    });
  return ok;
}

interface Shape { pre: Stmt[]; loop: LoopStmt; post: Stmt[] }

/** `pre; while (C) W; post` with the restrictions of the header, or undefined. */
function escapeShape(f: ForStmt, refs: ReadonlyMap<Var, number>): Shape | undefined {
  if (f.step !== 1 || f.cmp !== "lt") return undefined;
  const at = f.body.findIndex((s) => s.k === "loop");
  if (at < 0) return undefined;
  const loop = f.body[at] as LoopStmt;
  const pre = f.body.slice(0, at), post = f.body.slice(at + 1);
  if (!loop.pre || loop.post || loop.update.length || !loop.body.every((s) => s.k === "assign")) return undefined;
  if (!pre.every((s) => s.k === "assign") || !post.every((s) => s.k === "assign" || s.k === "store")) return undefined;
  if (!pure([loop.pre, ...loop.body.flatMap(stmtExprs), ...pre.flatMap(stmtExprs)])) return undefined;
  let ok = true;
  forEachExpr(post, (e) => { if (e.k === "call" || e.k === "alloc" || (e.k === "math" && e.fn === "random")) ok = false; });
  // Every assigned variable is a scalar private to this loop's body.
  const local = countRefs(f.body);
  forEachStmt(f.body, (s) => {
    if (s.k === "assign" && (isArray(s.v.type) || local.get(s.v) !== refs.get(s.v))) ok = false;
  });
  return ok ? { pre, loop, post } : undefined;
}


function interleave(f: ForStmt, shape: Shape, fresh: FreshNames): Stmt {
  const assigned = new Set<Var>();
  forEachStmt(f.body, (s) => { if (s.k === "assign") assigned.add(s.v); });
  // Lane k: the counter is v + k, private variables renamed (lane 0 keeps the originals).
  const lanes = Array.from({ length: LANES }, (_, k) => {
    const names = new Map<Var, Var>(k === 0 ? [] : [...assigned].map((x) => [x, fresh.variable(x)]));
    const counter: Expr = k === 0 ? { k: "var", v: f.v, type: "int" } : add({ k: "var", v: f.v, type: "int" }, int(k))!;
    const map = (stmts: readonly Stmt[]) => mapStmts(stmts,
      (e) => (e.k === "var" && e.v === f.v ? counter : e.k === "var" && names.has(e.v) ? { ...e, v: names.get(e.v)! } : e),
      (s) => (s.k === "assign" && names.has(s.v) ? { ...s, v: names.get(s.v)! } : s));
    const active: Var = fresh.variable({ name: `active${k}`, type: "bool" });
    const cond = map([{ k: "expr", x: shape.loop.pre! }])[0] as Extract<Stmt, { k: "expr" }>;
    return { pre: map(shape.pre), body: map(shape.loop.body), post: map(shape.post), cond: cond.x, active };
  });
  const isActive = (a: Var): Expr => ({ k: "var", v: a, type: "bool" });
  const any = lanes.map((l) => isActive(l.active)).reduce((a, b) => ({ k: "logical", op: "or", a, b, type: "bool" }));
  // A lane that has finished skips its step: its branch is then predictable, and lanes that run much
  // longer than their neighbours (inside the set) cost the others nothing. (Masking every assignment
  // with a select instead measured 25% slower on the Mandelbrot kernel.)
  const fused: LoopStmt = {
    k: "loop", label: fresh.label(), pre: any, update: [], post: null,
    body: lanes.map((l): Stmt => ({ k: "if", c: isActive(l.active), then: [...l.body, { k: "assign", v: l.active, x: l.cond }], else: [] })),
  };
  const body: Stmt[] = [
    ...lanes.flatMap((l) => l.pre),
    ...lanes.map((l): Stmt => ({ k: "assign", v: l.active, x: l.cond })),
    fused,
    ...lanes.flatMap((l) => l.post),
  ];
  const count = sub(f.end, f.start);
  const mainEnd: Expr = add(f.start, sub(count, { k: "binary", op: "mod", a: count, b: int(LANES), type: "int" }))!;
  const main: ForStmt = { ...f, end: mainEnd, step: LANES, body };
  const rest = relabel([{ ...f, start: mainEnd }], fresh.label)[0]!;
  return sequence([main, rest]);
}

export function interleaveEscapeLoops(fn: FuncIR): FuncIR | undefined {
  return rewriteForLoops(fn, (s, refs, fresh) => {
    if (s.parallel || !copyableLoop(s, refs)) return undefined;
    const shape = escapeShape(s, refs);
    return shape && interleave(s, shape, fresh);
  });
}
