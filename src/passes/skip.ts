// Index-set splitting of one skipped iteration:
//
//   for (j = s; j < e; j++) { if (j === k) continue; body }
//     =>  for (j = s; j < min(k, e); j++) body;  for (j = max(k + 1, s); j < e; j++) body
//
// with k invariant in the loop: the same iterations in the same order, and no branch left, so the
// loop passes see two straight counted loops (the all-pairs force loop `if (j === i) continue` becomes
// two loops whose in-order reductions vectorise). The second copy gets its own labels, counter and
// iteration-private temporaries, so each copy's temporaries stay private to it.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { forEachExpr, forEachStmt, mapStmts, relabel } from "../ir/walk.js";
import { isArray } from "../ir/types.js";
import { countRefs } from "./context.js";
import { type FreshNames, copyableLoop, rewriteForLoops, sequence } from "./fresh.js";
import { add, int } from "./affine.js";

type ForStmt = Extract<Stmt, { k: "for" }>;

/** A bound evaluated twice after the split: a constant, a variable or an array length. */
const simple = (e: Expr): boolean => e.k === "const" || e.k === "var" || (e.k === "prop" && e.prop === "length");

/** The skipped counter value k of `if (j === k) continue` (either operand order), when it is invariant in `loop`. */
function skippedValue(loop: ForStmt): Expr | undefined {
  const first = loop.body[0];
  if (!first || first.k !== "if" || first.else.length || first.then.length !== 1) return undefined;
  const jump = first.then[0]!;
  if (jump.k !== "continue" || jump.label !== loop.label) return undefined;
  const c = first.c;
  if (c.k !== "binary" || c.op !== "eq" || c.a.type !== "int" || c.b.type !== "int") return undefined;
  const isJ = (e: Expr) => e.k === "var" && e.v === loop.v;
  const k = isJ(c.a) ? c.b : isJ(c.b) ? c.a : undefined;
  if (!k || (k.k !== "var" && k.k !== "const")) return undefined;
  // A `break` out of this loop would leave only one of the two copies.
  let breaks = false;
  forEachStmt(loop.body, (s) => { if (s.k === "break" && s.label === loop.label) breaks = true; });
  if (breaks) return undefined;
  if (k.k === "var") {
    let assigned = k.v === loop.v;
    forEachStmt(loop.body, (s) => { if ((s.k === "assign" || s.k === "for") && s.v === k.v) assigned = true; });
    if (assigned) return undefined;
  }
  return k;
}

function splitLoop(loop: ForStmt, k: Expr, refs: ReadonlyMap<Var, number>, fresh: FreshNames): Stmt {
  const body = loop.body.slice(1);
  const minmax = (fn: "min" | "max", a: Expr, b: Expr): Expr => ({ k: "math", fn, args: [a, b], type: "int" });
  const first: ForStmt = { ...loop, end: minmax("min", k, loop.end), body };
  // The copy: fresh labels; a fresh counter and fresh temporaries (variables referenced only here).
  const local = countRefs(loop.body);
  const own = new Map<Var, Var>([[loop.v, fresh.variable(loop.v)]]);
  forEachStmt(body, (s) => {
    if (s.k === "assign" && !isArray(s.v.type) && !own.has(s.v) && refs.get(s.v) === local.get(s.v)) own.set(s.v, fresh.variable(s.v));
  });
  const renamed = mapStmts([{ ...loop, start: minmax("max", add(k, int(1))!, loop.start), body }],
    (e) => (e.k === "var" && own.has(e.v) ? { ...e, v: own.get(e.v)! } : e),
    (s) => ((s.k === "assign" || s.k === "for") && own.has(s.v) ? { ...s, v: own.get(s.v)! } : s));
  return sequence([first, relabel(renamed, fresh.label)[0]!]);
}


export function splitSkips(f: FuncIR): FuncIR | undefined {
  return rewriteForLoops(f, (s, refs, fresh) => {
    if (s.step !== 1 || s.cmp !== "lt" || !simple(s.start) || !simple(s.end) || !copyableLoop(s, refs)) return undefined;
    const k = skippedValue(s);
    if (!k) return undefined;
    let calls = false;
    forEachExpr(s.body, (e) => { if (e.k === "call") calls = true; });
    if (calls) return undefined; // a copied call site would be compiled twice; not worth it
    return splitLoop(s, k, refs, fresh);
  });
}
