// Loop interchange of a perfect, rectangular nest (the seed's i-j-k matrix product becomes i-k-j),
// only where it keeps every stored element's sequence of updates — and so every rounding — intact:
// each stored array is a fresh allocation, touched only at one subscript per element, and that
// subscript is injective in the counters it uses. The counters it does not use keep their relative
// order under any permutation, so each element still accumulates in the original order.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { forEachExpr } from "../ir/walk.js";
import { type FuncContext, countRefs } from "./context.js";
import { storesIsolated } from "./alias.js";
import { type Affine, add, constCoeff, int, invariant, sameList, sub as minus } from "./affine.js";
import { type ForStmt, type Nest, analyzeNest, counterRange } from "./nest.js";

/** The loops of a perfect nest, outermost first, or undefined if `root` is not one. */
export function perfectNest(root: ForStmt): ForStmt[] | undefined {
  const loops = [root];
  let cur = root;
  while (cur.body.length === 1 && cur.body[0]!.k === "for") {
    cur = cur.body[0] as ForStmt;
    loops.push(cur);
  }
  return cur.body.every((s) => s.k === "assign" || s.k === "store") ? loops : undefined;
}

/** Temporaries assigned in `body` that are written before read there and used nowhere else. */
export function privateScalars(body: readonly Stmt[], ctx: FuncContext): Set<Var> | undefined {
  const local = countRefs(body);
  const written = new Set<Var>();
  for (const s of body) if (s.k === "assign") written.add(s.v);
  // Temporaries the optimiser created itself are not in ctx.refs; they are private by construction.
  for (const v of written) if (ctx.refs.has(v) && local.get(v) !== ctx.refs.get(v)) return undefined;
  // A read before the write would carry a value over from the previous iteration.
  const seen = new Set<Var>();
  for (const s of body) {
    let early = false;
    forEachExpr([s], (e) => { if (e.k === "var" && written.has(e.v) && !seen.has(e.v)) early = true; });
    if (early) return undefined;
    if (s.k === "assign") seen.add(s.v);
  }
  return written;
}

/**
 * Does the nest's innermost body keep each stored element's updates independent of loop order?
 * Returns the run-time conditions that make it so (empty when none are needed), or undefined.
 */
export function orderIndependent(loops: readonly ForStmt[], ctx: FuncContext): Expr[] | undefined {
  const root = loops[0]!;
  const nest = analyzeNest(root);
  if (nest.irregular) return undefined;
  const body = loops[loops.length - 1]!.body;
  if (!privateScalars(body, ctx)) return undefined;
  // Rectangular: bounds don't depend on the nest's counters.
  if (!loops.every((l) => l.step === 1 && (l.cmp === "lt" || l.cmp === "le") && invariant(l.start, nest.facts) && invariant(l.end, nest.facts))) return undefined;
  // Every access proven in bounds (an out-of-bounds error would otherwise fire at a different point).
  if (!nest.accesses.every((a) => a.node.unchecked)) return undefined;
  // No integer remainder (it can throw) anywhere in the body.
  let throws = false;
  forEachExpr(body, (e) => { if (e.k === "binary" && e.op === "mod" && e.type === "int") throws = true; });
  if (throws) return undefined;
  // Stored arrays must not share memory with the others (checked at run time unless freshly allocated).
  const guard: Expr[] = storesIsolated(nest, ctx.fresh);
  const stored = new Set(nest.accesses.filter((a) => a.store).map((a) => a.arr));
  for (const w of stored) {
    const accesses = nest.accesses.filter((a) => a.arr === w);
    const first = accesses[0]!;
    if (!accesses.every((a) => sameList(a.node.idx, first.node.idx))) return undefined;
    const cond = injectiveSubscript(first.subs, [], nest);
    if (!cond) return undefined;
    guard.push(...cond);
  }
  return guard;
}

/**
 * Conditions under which a subscript list names a different element for each combination of the
 * counters it uses (each counter in one dimension, each dimension injective), and uses every
 * counter in `required`; undefined when that cannot be shown.
 */
export function injectiveSubscript(subs: readonly (Affine | undefined)[], required: readonly Var[], nest: Nest): Expr[] | undefined {
  const guard: Expr[] = [];
  const used = new Set<Var>();
  for (const sub of subs) {
    if (!sub) return undefined;
    for (const v of sub.terms.keys()) {
      if (used.has(v)) return undefined;
      used.add(v);
    }
    const cond = injective(sub, nest);
    if (!cond) return undefined;
    guard.push(...cond);
  }
  return required.every((v) => used.has(v)) ? guard : undefined;
}

/**
 * Conditions under which one subscript dimension maps distinct counter values to distinct elements:
 * one counter with a constant coefficient always; `a·s + f` (a flat row-major index) when `a` is at
 * least the number of values `f` takes.
 */
function injective(sub: Affine, nest: Nest): Expr[] | undefined {
  const terms = [...sub.terms];
  if (terms.length === 0) return [];
  if (terms.length === 1) return constCoeff(terms[0]![1]) ? [] : undefined;
  if (terms.length > 2) return undefined;
  const fastIdx = terms.findIndex(([, c]) => Math.abs(constCoeff(c) ?? 0) === 1);
  if (fastIdx < 0) return undefined;
  const [fast] = terms[fastIdx]!;
  const [, slowCoeff] = terms[1 - fastIdx]!;
  const r = counterRange(nest, fast);
  if (!r) return undefined;
  const count = add(minus(r.hi, r.lo), int(1))!;
  return [{ k: "binary", op: "ge", a: slowCoeff, b: count, type: "bool" }];
}

/** How well `v` suits the innermost position: unit-stride and invariant accesses are cheap, strided ones are not. */
function innermostScore(v: Var, root: ForStmt): number {
  let score = 0;
  for (const a of analyzeNest(root).accesses) {
    const dims = a.subs.map((s) => (s?.terms.has(v) ? constCoeff(s.terms.get(v)) : 0));
    const last = dims.length - 1;
    const strided = dims.some((c, d) => c !== 0 && d !== last);
    if (strided || (dims[last] !== 0 && Math.abs(dims[last] ?? 2) !== 1)) score -= 2;
    else if (dims[last] !== 0) score += a.store ? 3 : 2;
    else score += 1;
  }
  return score;
}

/** Interchanges the nest so the best counter is innermost; undefined when illegal or already best. */
export function interchange(root: ForStmt, ctx: FuncContext): { loop: ForStmt; guard: Expr[] } | undefined {
  const loops = perfectNest(root);
  const guard = loops && loops.length >= 2 ? orderIndependent(loops, ctx) : undefined;
  if (!loops || !guard) return undefined;
  const scores = loops.map((l) => innermostScore(l.v, root));
  let best = loops.length - 1;
  // A parallel loop (prange) stays outermost: it is the one whose iterations run on different threads.
  scores.forEach((s, i) => { if (s > scores[best]! && !(i === 0 && root.parallel)) best = i; });
  if (best === loops.length - 1) return undefined;
  const order = [...loops.slice(0, best), ...loops.slice(best + 1), loops[best]!];
  const body = loops[loops.length - 1]!.body;
  return { loop: order.reduceRight<Stmt[]>((inner, l) => [{ ...l, body: inner }], body)[0] as ForStmt, guard };
}
