// Marks an innermost counted loop for SIMD (f64x2): each lane computes one iteration with exactly
// the scalar operations, so results are bitwise those of the scalar loop. Legal when iterations are
// independent: stored elements are distinct per iteration (unit stride in the counter), stored
// arrays alias nothing else, and temporaries are iteration-private. Non-contiguous views fall back
// through a run-time stride test added to the nest's guard.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import type { ArrayType } from "../ir/types.js";
import { forEachExpr } from "../ir/walk.js";
import { type Affine, constCoeff, int, sameList } from "./affine.js";
import type { FuncContext } from "./context.js";
import { privateScalars } from "./interchange.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import { cmp } from "./bounds.js";
import { storesIsolated } from "./alias.js";

export const LANES = 2;

/** How a subscript list uses the counter: not at all, or only in the last dimension with coefficient 1. */
function unitInLast(subs: readonly (Affine | undefined)[], v: Var): "none" | "unit" | undefined {
  let use: "none" | "unit" = "none";
  for (let d = 0; d < subs.length; d++) {
    const s = subs[d];
    if (!s) return undefined;
    const c = s.terms.get(v);
    if (!c) continue;
    if (d !== subs.length - 1 || constCoeff(c) !== 1) return undefined;
    use = "unit";
  }
  return use;
}

/** Is `e` computable once per vector iteration's worth of lanes from scalars (depends on neither v nor lane temps)? */
function laneInvariant(e: Expr, v: Var, lanes: ReadonlySet<Var>, stored: ReadonlySet<Var>): boolean {
  let ok = true;
  forEachExpr([{ k: "expr", x: e }], (x) => {
    if (x.k === "var" && (x.v === v || lanes.has(x.v))) ok = false;
    if (x.k === "load" && stored.has(x.arr)) ok = false;
    if (x.k === "call" || x.k === "alloc" || (x.k === "math" && x.fn === "random")) ok = false;
    if (x.k === "load" && !x.unchecked) ok = false;
  });
  return ok;
}

const SIMD_MATH = new Set(["sqrt", "abs", "floor", "ceil", "trunc", "min", "max"]);

/** Can `e` be computed in f64x2 lanes (given its accesses are unit-stride or invariant)? */
function laneExpr(e: Expr, v: Var, lanes: ReadonlySet<Var>, stored: ReadonlySet<Var>, unitLoads: ReadonlySet<Expr>): boolean {
  if (laneInvariant(e, v, lanes, stored)) return e.type === "f64";
  if (e.type !== "f64") return false;
  switch (e.k) {
    case "var": return lanes.has(e.v);
    case "load": return unitLoads.has(e);
    case "binary": return ["add", "sub", "mul", "div"].includes(e.op) && laneExpr(e.a, v, lanes, stored, unitLoads) && laneExpr(e.b, v, lanes, stored, unitLoads);
    case "unary": return e.op === "neg" && laneExpr(e.x, v, lanes, stored, unitLoads);
    case "math": return SIMD_MATH.has(e.fn) && e.args.every((a) => laneExpr(a, v, lanes, stored, unitLoads));
    default: return false;
  }
}

/** Vectorises `loop` (an innermost loop of a fast, unchecked nest) and returns the run-time conditions it needs. */
export function vectorize(loop: ForStmt, ctx: FuncContext): { loop: ForStmt; guard: Expr[] } | undefined {
  if (loop.step !== 1 || (loop.cmp !== "lt" && loop.cmp !== "le")) return undefined;
  if (!loop.body.every((s) => s.k === "assign" || s.k === "store")) return undefined;
  const lanes = privateScalars(loop.body, ctx);
  if (!lanes || [...lanes].some((x) => x.type !== "f64")) return undefined;
  const nest = analyzeNest(loop);
  if (nest.irregular || !nest.accesses.every((a) => a.node.unchecked)) return undefined;
  const stored = new Set(nest.accesses.filter((a) => a.store).map((a) => a.arr));
  const unitLoads = new Set<Expr>();
  const strideOne = new Set<Var>();
  for (const a of nest.accesses) {
    const use = unitInLast(a.subs, loop.v);
    const t = a.arr.type as ArrayType;
    if (a.store) {
      // Each iteration stores its own element; every access to the array uses that same subscript.
      if (use !== "unit" || t.dtype !== "f64") return undefined;
      if (!nest.accesses.every((b) => b.arr !== a.arr || sameList(b.node.idx, a.node.idx))) return undefined;
    }
    if (use === undefined) continue; // not affine: must be lane-invariant (checked below)
    if (use === "unit") {
      if (t.dtype !== "f64") return undefined;
      if (!a.store) unitLoads.add(a.node as Expr);
      if (t.nd) strideOne.add(a.arr);
    }
  }
  for (const s of loop.body) {
    const value = s.k === "assign" || s.k === "store" ? s.x : undefined;
    if (!value || !laneExpr(value, loop.v, lanes, stored, unitLoads)) return undefined;
  }
  const guard = [...strideOne].map((arr) => cmp("eq", { k: "prop", arr, prop: "stride", dim: (arr.type as ArrayType).ndim - 1, type: "int" }, int(1)));
  // Lanes load before they store: a stored array must share no memory with the arrays it reads.
  guard.push(...storesIsolated(nest, ctx.fresh));
  return { loop: { ...loop, vector: LANES }, guard };
}

/** Rebuilds a nest, applying `f` to every innermost loop (a loop whose body has no loops). */
export function mapInnermost(s: Stmt, f: (l: ForStmt) => ForStmt | undefined): Stmt {
  if (s.k === "if") return { ...s, then: s.then.map((x) => mapInnermost(x, f)), else: s.else.map((x) => mapInnermost(x, f)) };
  if (s.k !== "for") return s;
  if (s.body.some((x) => x.k === "for" || x.k === "if")) return { ...s, body: s.body.map((x) => mapInnermost(x, f)) };
  return f(s) ?? s;
}
