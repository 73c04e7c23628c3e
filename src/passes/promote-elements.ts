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

/** `e` as Σ coeff·var + c over int variables, or undefined when it is not that. */
interface Linear { coef: Map<Var, number>; c: number }
function linear(e: Expr): Linear | undefined {
  if (e.type !== "int") return undefined;
  if (e.k === "const") return { coef: new Map(), c: e.value as number };
  if (e.k === "var") return { coef: new Map([[e.v, 1]]), c: 0 };
  if (e.k === "unary" && e.op === "neg") return scaled(linear(e.x), -1);
  if (e.k !== "binary") return undefined;
  if (e.op === "add" || e.op === "sub") return sum(linear(e.a), scaled(linear(e.b), e.op === "sub" ? -1 : 1));
  if (e.op === "mul" && e.a.k === "const") return scaled(linear(e.b), e.a.value as number);
  if (e.op === "mul" && e.b.k === "const") return scaled(linear(e.a), e.b.value as number);
  return undefined;
}
function scaled(l: Linear | undefined, k: number): Linear | undefined {
  return l && { coef: new Map([...l.coef].map(([v, c]) => [v, c * k])), c: l.c * k };
}
function sum(a: Linear | undefined, b: Linear | undefined): Linear | undefined {
  if (!a || !b) return undefined;
  const coef = new Map(a.coef);
  for (const [v, c] of b.coef) coef.set(v, (coef.get(v) ?? 0) + c);
  return { coef, c: a.c + b.c };
}

/** Is `d` (a function of the loop's counter and invariants) below zero on every iteration of `loop`? */
function alwaysNegative(d: Linear, loop: For): boolean {
  const a = d.coef.get(loop.v) ?? 0;
  let bound: Linear | undefined = { coef: new Map([...d.coef].filter(([v]) => v !== loop.v)), c: d.c };
  // The counter runs over [start, end - 1] (lt, step > 0) or [end + 1, start] (gt, step < 0).
  const up = loop.cmp === "lt" && loop.step > 0, down = loop.cmp === "gt" && loop.step < 0;
  if (!up && !down) return false;
  const hi = up ? sum(linear(loop.end), { coef: new Map(), c: -1 }) : linear(loop.start);
  const lo = up ? linear(loop.start) : sum(linear(loop.end), { coef: new Map(), c: 1 });
  if (a > 0) bound = sum(bound, scaled(hi, a));
  else if (a < 0) bound = sum(bound, scaled(lo, a));
  return !!bound && [...bound.coef.values()].every((c) => c === 0) && bound.c < 0;
}

/** Does a load at `q` never touch the element at `p` while `loop` runs? (1-D subscripts only.) */
function neverEqual(q: readonly Expr[], p: readonly Expr[], loop: For): boolean {
  if (q.length !== 1 || p.length !== 1) return false;
  const d = sum(linear(q[0]!), scaled(linear(p[0]!), -1));
  return !!d && (alwaysNegative(d, loop) || alwaysNegative(scaled(d, -1)!, loop));
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
    const at = mine.find((a) => a.store);
    // Every access at the stored subscript, or a load that never reaches that element (x[j], j < i).
    return t.dtype === "f64" && at !== undefined && !assigned.has(w) && !at.idx.some((x) => reads(x, assigned)) &&
      mine.every((a) => sameList(a.idx, at.idx) || (!a.store && neverEqual(a.idx, at.idx, loop)));
  });
  if (!chosen.length) return undefined;
  const guards: Expr[] = [];
  for (const w of chosen)
    for (const r of arrays) if (r !== w && !fresh.has(w) && !fresh.has(r) && !(chosen.includes(r) && arrays.indexOf(r) < arrays.indexOf(w))) guards.push(disjoint(w, r));
  const temps = new Map(chosen.map((w) => {
    const at = acc.find((a) => a.arr === w && a.store)!;
    return [w, { v: names.variable({ name: `${w.name}_e`, type: "f64" }), idx: at.idx, loc: at.loc }];
  }));
  const expr = (e: Expr): Expr => {
    const t = e.k === "load" ? temps.get(e.arr) : undefined;
    if (e.k === "load" && t && sameList(e.idx, t.idx)) return { k: "var", v: t.v, type: "f64" };
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
