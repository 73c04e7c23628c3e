// Unroll-and-jam: unrolls the loop around the innermost one by U and fuses the copies into the
// innermost body (i-k-j matmul: four k steps per j iteration), so an element the body updates is
// updated U times in a row and scalar replacement can keep it in a register. Only for nests that
// `orderIndependent` accepts, where it keeps every element's update order.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { mapStmts, relabel } from "../ir/walk.js";
import { add, int, sub } from "./affine.js";
import type { FuncContext } from "./context.js";
import { orderIndependent, perfectNest } from "./interchange.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import type { NewTemp } from "./regtile.js";
import { sequence } from "./fresh.js";
import { isArray as isArrayType } from "../ir/types.js";

export const JAM = 4;

function substitute(stmts: readonly Stmt[], v: Var, by: Expr): Stmt[] {
  return mapStmts(stmts, (e) => (e.k === "var" && e.v === v ? by : e));
}

/** `stmts` with every read and assignment of `from` going to `to`. */
function rename(stmts: readonly Stmt[], from: Var, to: Var): Stmt[] {
  return mapStmts(substitute(stmts, from, { k: "var", v: to, type: to.type }), (e) => e, (s) => (s.k === "assign" && s.v === from ? { ...s, v: to } : s));
}

/** Jams the second-innermost loop of a perfect nest; returns the new nest or undefined. */
export function unrollAndJam(root: ForStmt, ctx: FuncContext, newLabel: () => number, newTemp?: NewTemp): { stmt: Stmt; guard: Expr[] } | undefined {
  const loops = perfectNest(root);
  const guard = loops && loops.length >= 2 ? orderIndependent(loops, ctx) : undefined;
  if (!loops || !guard) return undefined;
  const outer = loops[loops.length - 2]!, inner = loops[loops.length - 1]!;
  // Profitable only if the stored elements don't depend on the jammed counter (they are reused).
  const nest = analyzeNest(root);
  if (nest.accesses.some((a) => a.store && a.subs.some((s) => s?.terms.has(outer.v)))) return undefined;
  if (!nest.accesses.some((a) => a.store)) return undefined;
  const v = outer.v;
  const ref = (k: number): Expr => add({ k: "var", v, type: "int" }, int(k))!;
  const jammedBody: Stmt[] = [];
  // Each copy gets its own temporaries: a temporary shared by the copies (and the remainder loop)
  // would look carried between iterations to the vectoriser, which counts its references.
  const temps = [...new Set(inner.body.flatMap((s) => (s.k === "assign" && s.v.type !== "bool" && !isArrayType(s.v.type) ? [s.v] : [])))];
  for (let u = 0; u < JAM; u++) {
    let copy = substitute(inner.body, v, ref(u));
    if (newTemp) for (const t of temps) copy = rename(copy, t, newTemp(`${t.name}_${u}`, t.type as "f64" | "int"));
    jammedBody.push(...copy);
  }
  // Main loop over whole groups of JAM, then the remainder one by one.
  const end = outer.cmp === "le" ? add(outer.end, int(1))! : outer.end;
  const count = sub(end, outer.start);
  const mainEnd: Expr = add(outer.start, sub(count, { k: "binary", op: "mod", a: count, b: int(JAM), type: "int" }))!;
  const main: ForStmt = { ...outer, end: mainEnd, cmp: "lt", step: JAM, body: [{ ...inner, body: jammedBody }] };
  // The remainder is a copy of the loops: it needs labels of its own.
  const rest = relabel([{ ...outer, start: mainEnd, end, cmp: "lt" }], newLabel)[0]!;
  // Both copies are one statement list, kept as a single root.
  const pair = sequence([main, rest]);
  return { stmt: loops.slice(0, -2).reduceRight<Stmt>((innerStmt, l) => ({ ...l, body: [innerStmt] }), pair), guard };
}
