// Scalar promotion of an array element a loop keeps updating: the textbook
//   for k: cov[i*m + j] += data[k*m + i] * data[k*m + j]          (outputs passed in as arguments)
// becomes
//   if (the loop runs and cov shares no memory with data) { t = cov[i*m + j]; for k: t += ...; cov[i*m + j] = t }
//   else the original loop
// so the element lives in a register instead of a load and a store every iteration (V8's wasm compiler
// keeps neither across iterations; LLVM does this for Numba after its own run-time alias test).
// Exact: f64 elements only (storing and reloading an f64 changes nothing), every access in the loop
// already proven in bounds (nothing can throw midway), the element's subscript invariant in the loop and
// the only subscript the loop uses for that array, no calls; other arrays are tested disjoint at run
// time unless the function allocated them. The element keeps every update in the same order.

import type { Expr, FuncIR, Loc, Stmt, Var } from "../ir/nodes.js";
import type { ArrayType } from "../ir/types.js";
import { forEachExpr, forEachStmt, mapChildren, relabel } from "../ir/walk.js";
import { sameList } from "./affine.js";
import { disjoint } from "./alias.js";
import { funcContext } from "./context.js";
import { type FreshNames, freshNames } from "./fresh.js";

type For = Extract<Stmt, { k: "for" }>;
interface Access { arr: Var; idx: readonly Expr[]; store: boolean; unchecked: boolean; loc: Loc }

/** Every array access in `stmts`, or undefined when they hold anything promotion cannot reason about. */
function accessesOf(stmts: readonly Stmt[]): Access[] | undefined {
  const out: Access[] = [];
  let ok = true;
  forEachStmt(stmts, (s) => {
    if (s.k === "store") out.push({ arr: s.arr, idx: s.idx, store: true, unchecked: !!s.unchecked, loc: s.loc });
    else if (s.k !== "assign" && s.k !== "if") ok = false; // innermost loops only: one copy of each
  });
  forEachExpr(stmts, (e) => {
    if (e.k === "load") out.push({ arr: e.arr, idx: e.idx, store: false, unchecked: !!e.unchecked, loc: e.loc });
    else if (e.k === "call" || e.k === "alloc" || e.k === "atomic" || e.k === "gpu" || (e.k === "binary" && e.op === "mod" && e.type === "int")) ok = false;
  });
  return ok ? out : undefined;
}

function reads(e: Expr, vars: ReadonlySet<Var>): boolean {
  let hit = false;
  forEachExpr([{ k: "expr", x: e }], (x) => { if ((x.k === "var" && vars.has(x.v)) || (x.k === "prop" && vars.has(x.arr))) hit = true; });
  return hit;
}

/** Expressions safe to evaluate once more (for the trip test): no loads that can fail, no calls. */
function repeatable(e: Expr): boolean {
  let ok = true;
  forEachExpr([{ k: "expr", x: e }], (x) => { if ((x.k === "load" && !x.unchecked) || x.k === "call" || x.k === "alloc" || (x.k === "cast" && x.op === "f2idx")) ok = false; });
  return ok;
}

function promoteLoop(loop: For, fresh: ReadonlySet<Var>, names: FreshNames): Stmt | undefined {
  if (loop.vector !== undefined || loop.parallel || !repeatable(loop.start) || !repeatable(loop.end)) return undefined;
  const acc = accessesOf(loop.body);
  if (!acc || acc.some((a) => !a.unchecked)) return undefined;
  const assigned = new Set<Var>([loop.v]);
  forEachStmt(loop.body, (s) => { if (s.k === "assign" || s.k === "for") assigned.add(s.v); });
  const arrays = [...new Set(acc.map((a) => a.arr))];
  const chosen = arrays.filter((w) => {
    const t = w.type as ArrayType;
    const mine = acc.filter((a) => a.arr === w);
    return t.dtype === "f64" && mine.some((a) => a.store) && !assigned.has(w) &&
      mine.every((a) => sameList(a.idx, mine[0]!.idx)) && !mine[0]!.idx.some((x) => reads(x, assigned));
  });
  if (!chosen.length) return undefined;
  const guards: Expr[] = [];
  for (const w of chosen)
    for (const r of arrays) if (r !== w && !fresh.has(w) && !fresh.has(r) && !(chosen.includes(r) && arrays.indexOf(r) < arrays.indexOf(w))) guards.push(disjoint(w, r));
  const temps = new Map(chosen.map((w) => [w, { v: names.variable({ name: `${w.name}_e`, type: "f64" }), idx: acc.find((a) => a.arr === w)!.idx, loc: acc.find((a) => a.arr === w)!.loc }]));
  const expr = (e: Expr): Expr => {
    if (e.k === "load" && temps.has(e.arr)) return { k: "var", v: temps.get(e.arr)!.v, type: "f64" };
    return mapChildren(e, expr);
  };
  const block = (stmts: readonly Stmt[]): Stmt[] => stmts.map((s): Stmt => {
    switch (s.k) {
      case "store": return temps.has(s.arr) ? { k: "assign", v: temps.get(s.arr)!.v, x: expr(s.x) } : { ...s, idx: s.idx.map(expr), x: expr(s.x) };
      case "assign": return { ...s, x: expr(s.x) };
      case "if": return { ...s, c: expr(s.c), then: block(s.then), else: block(s.else) };
      default: return s;
    }
  });
  const before: Stmt[] = [...temps].map(([w, t]) => ({ k: "assign", v: t.v, x: { k: "load", arr: w, idx: t.idx, type: "f64", loc: t.loc, unchecked: true } }));
  const after: Stmt[] = [...temps].map(([w, t]) => ({ k: "store", arr: w, idx: t.idx, x: { k: "var", v: t.v, type: "f64" }, loc: t.loc, unchecked: true }));
  // The element is read before the loop and written after it: only when the loop runs, where its
  // accesses are known to be in bounds.
  const runs: Expr = { k: "binary", op: loop.cmp, a: loop.start, b: loop.end, type: "bool" };
  const cond = [runs, ...guards].reduce((a, b) => ({ k: "logical", op: "and", a, b, type: "bool" }));
  return { k: "if", c: cond, then: [...before, ...relabel([{ ...loop, body: block(loop.body) }], names.label), ...after], else: [loop] };
}

export function promoteElements(f: FuncIR): FuncIR | undefined {
  const { fresh } = funcContext(f);
  const names = freshNames(f);
  let changed = false;
  // Innermost loops first; nothing inside a vector loop (every variable assigned there is a SIMD lane).
  const block = (stmts: readonly Stmt[]): Stmt[] => stmts.map((s): Stmt => {
    switch (s.k) {
      case "for": {
        // Nor inside a parallel loop: which variables each thread owns was settled before this pass.
        if (s.vector !== undefined || s.parallel) return s;
        const inner: For = { ...s, body: block(s.body) };
        const p = promoteLoop(inner, fresh, names);
        if (p) changed = true;
        return p ?? inner;
      }
      case "loop": return { ...s, body: block(s.body), update: block(s.update) };
      case "if": return { ...s, then: block(s.then), else: block(s.else) };
      default: return s;
    }
  });
  const body = block(f.body);
  return changed ? { ...f, body, locals: [...f.locals, ...names.added] } : undefined;
}
