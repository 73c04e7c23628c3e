// Loop-nest optimisation: every outermost counted loop whose accesses can be proven in bounds is
// versioned — `if (guard) fast else original` — and the fast copy is interchanged and vectorised
// where that keeps results bitwise identical. The guard collects every run-time condition.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { scalarize } from "./scalarize.js";
import { carryStored } from "./carry.js";
import { sinkAccumulator } from "./accumulate.js";
import { provablyParallel } from "./parallel.js";
import type { PassOptions } from "./pipeline.js";
import { maxLabel, relabel } from "../ir/walk.js";
import { unrollAndJam } from "./unrolljam.js";
import { type NewTemp, registerTile } from "./regtile.js";
import { sameExpr } from "./affine.js";
import { allOf, proveInBounds } from "./bounds.js";
import { type FuncContext, funcContext } from "./context.js";
import { interchange } from "./interchange.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import { mapInnermost, mapVectorize, vectorize } from "./vectorize.js";

function dedupe(conds: readonly Expr[]): Expr[] {
  const unique: Expr[] = [];
  for (const g of conds) if (!unique.some((u) => sameExpr(u, g))) unique.push(g);
  return unique;
}

/**
 * `if (in bounds) { if (contiguous) vectorised else scalar } else original`: the scalar fast copy
 * (interchanged, jammed, no checks) still serves views that fail only the stride test.
 */
interface Shaped {
  readonly scalar: Stmt;
  readonly vector: Stmt | undefined;
  readonly strides: Expr[];
  readonly guard: Expr[];
  readonly interchanged: boolean;
}

/**
 * Register tiling (regtile.ts) where it applies — the leftover rows and, for a stored view whose rows
 * might overlap, the whole nest keep the ordinary path — else interchange, unroll-and-jam, scalar
 * replacement and vectorisation of one (unchecked) nest.
 */
function reshape(nest: ForStmt, ctx: FuncContext, newTemp: NewTemp, newLabel: () => number): Shaped {
  // `parallel: true` (issue 5): the outer loop runs on threads when its iterations provably touch different elements.
  const par = ctx.autoParallel && !nest.parallel ? provablyParallel(nest, ctx) : undefined;
  if (par) nest = { ...nest, parallel: true };
  const tile = registerTile(nest, ctx, newTemp, newLabel);
  if (!tile) return reshapeNest(nest, par, ctx, newTemp, newLabel);
  // Copies of loops need labels of their own.
  const copy = (l: ForStmt) => relabel([l], newLabel)[0] as ForStmt;
  const rest = reshapeNest(copy(tile.rest), undefined, ctx, newTemp, newLabel);
  const whole = tile.rowsApart ? reshapeNest(copy(nest), undefined, ctx, newTemp, newLabel) : undefined;
  const pick = (t: Stmt[], e: Stmt | undefined): Stmt => ({ k: "if", c: tile.rowsApart ?? { k: "const", type: "bool", value: true }, then: t, else: e ? [e] : [] });
  const scalar = pick([tile.tiled.scalar, rest.scalar], whole?.scalar);
  const vectorised = tile.tiled.vector || rest.vector || whole?.vector;
  const vector = vectorised ? pick([tile.tiled.vector ?? tile.tiled.scalar, rest.vector ?? rest.scalar], whole && (whole.vector ?? whole.scalar)) : undefined;
  const strides = [...tile.tiled.strides, ...rest.strides, ...(whole?.strides ?? [])];
  return { scalar, vector, strides, guard: [...(par ?? []), ...tile.guard, ...rest.guard, ...(whole?.guard ?? [])], interchanged: true };
}

function reshapeNest(nest: ForStmt, par: Expr[] | undefined, ctx: FuncContext, newTemp: NewTemp, newLabel: () => number): Shaped {
  const ic = interchange(nest, ctx);
  const interchanged = ic?.loop ?? nest;
  const jam = unrollAndJam(interchanged, ctx, newLabel, newTemp);
  const scalar = mapInnermost(jam?.stmt ?? interchanged, (l) => {
    const body = scalarize(l.body, l.v, ctx.fresh, newTemp);
    const loop = body ? { ...l, body } : l;
    return carryStored(loop, newTemp) ?? (body && loop);
  });
  const strides: Expr[] = [];
  let vectorised = false;
  const vector = mapVectorize(scalar, (l) => {
    const v = vectorize(l, ctx);
    if (!v) return undefined;
    vectorised = true;
    strides.push(...v.guard);
    return v.loop;
  });
  return { scalar, vector: vectorised ? vector : undefined, strides, guard: [...(par ?? []), ...(ic?.guard ?? []), ...(jam?.guard ?? [])], interchanged: ic !== undefined };
}

/**
 * `if (in bounds ...) { if (contiguous ...) vectorised else scalar } else original`: the scalar fast
 * copy (interchanged, jammed, no checks) still serves views that fail only the stride test.
 */
function optimizeNest(root: ForStmt, ctx: FuncContext, newTemp: NewTemp, newLabel: () => number): Stmt | undefined {
  const versioned = proveInBounds(analyzeNest(root));
  if (!versioned) return undefined;
  const guard = [...versioned.guard];
  // Sinking an accumulator into memory only pays when the accumulation then moves out of the
  // innermost position (interchange); otherwise the register accumulator is better.
  const sunk = sinkAccumulator(versioned.fast, ctx, newLabel);
  let parts = sunk ? (sunk.stmts as ForStmt[]).map((n) => reshape(n, ctx, newTemp, newLabel)) : undefined;
  if (parts && parts[1]!.interchanged) guard.push(...sunk!.guard);
  else parts = [reshape(versioned.fast, ctx, newTemp, newLabel)];
  for (const p of parts) guard.push(...p.guard);
  // Every copy of a loop gets its own labels (each version, and the jam's main and remainder loops).
  const fastScalar = relabel(parts.map((p) => p.scalar), newLabel);
  let fast: Stmt[] = fastScalar;
  if (parts.some((p) => p.vector)) {
    const fastVector = relabel(parts.map((p) => p.vector ?? p.scalar), newLabel);
    const strides = dedupe(parts.flatMap((p) => p.strides));
    fast = strides.length ? [{ k: "if", c: allOf(strides), then: fastVector, else: fastScalar }] : fastVector;
  }
  return { k: "if", c: allOf(dedupe(guard)), then: fast, else: [root] };
}

function rewrite(stmts: readonly Stmt[], ctx: FuncContext, changed: { v: boolean }, newTemp: NewTemp, newLabel: () => number): Stmt[] {
  return stmts.map((s) => {
    switch (s.k) {
      case "for": {
        const r = optimizeNest(s, ctx, newTemp, newLabel);
        if (r) { changed.v = true; return r; }
        return { ...s, body: rewrite(s.body, ctx, changed, newTemp, newLabel) };
      }
      case "if": return { ...s, then: rewrite(s.then, ctx, changed, newTemp, newLabel), else: rewrite(s.else, ctx, changed, newTemp, newLabel) };
      case "loop": return { ...s, body: rewrite(s.body, ctx, changed, newTemp, newLabel), update: rewrite(s.update, ctx, changed, newTemp, newLabel) };
      default: return s;
    }
  });
}

export function optimizeLoopNests(f: FuncIR, opts: PassOptions = {}): FuncIR | undefined {
  const changed = { v: false };
  let nextId = Math.max(0, ...f.params.map((p) => p.id), ...f.locals.map((l) => l.id)) + 1;
  const temps: Var[] = [];
  const newTemp = (name: string, type: "f64" | "int" = "f64"): Var => {
    const v: Var = { id: nextId++, name: `${name}_r`, type };
    temps.push(v);
    return v;
  };
  let label = maxLabel(f.body) + 1;
  const body = rewrite(f.body, { ...funcContext(f), autoParallel: opts.autoParallel, fastmath: opts.fastmath }, changed, newTemp, () => label++);
  return changed.v ? { ...f, body, locals: [...f.locals, ...temps] } : undefined;
}
