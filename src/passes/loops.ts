// Loop-nest optimisation: every outermost counted loop whose accesses can be proven in bounds is
// versioned — `if (guard) fast else original` — and the fast copy is interchanged and vectorised
// where that keeps results bitwise identical. The guard collects every run-time condition.
// Each transform is a named step (LOOP_NEST_STEPS): NUMBAT_DUMP_IR=<step> prints the nest it made,
// NUMBAT_SKIP_PASSES=<step> leaves it out (debug.ts).

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { printFunc } from "../ir/printer.js";
import { dump, dumping, skipping } from "./debug.js";
import { scalarize } from "./scalarize.js";
import { carryStored } from "./carry.js";
import { sinkAccumulator } from "./accumulate.js";
import { provablyParallel } from "./parallel.js";
import type { PassOptions } from "./pipeline.js";
import { relabel } from "../ir/walk.js";
import { freshNames } from "./fresh.js";
import { unrollAndJam } from "./unrolljam.js";
import { type NewTemp, registerTile } from "./regtile.js";
import { sameExpr } from "./affine.js";
import { allOf, proveInBounds } from "./bounds.js";
import { type FuncContext, funcContext } from "./context.js";
import { interchange } from "./interchange.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import { mapInnermost, mapVectorize, vectorize } from "./vectorize.js";

/** The transforms applied to each loop nest, in the order they are tried. */
export const LOOP_NEST_STEPS = [
  { name: "bounds-versioning", does: "if (every access in bounds) fast copy without checks else the original (bounds.ts)" },
  { name: "sink-accumulator", does: "a register accumulator kept in memory where interchange then moves it out of the innermost loop (accumulate.ts)" },
  { name: "auto-parallel", does: "parallel: true: an outer loop whose iterations touch different elements runs on threads (parallel.ts)" },
  { name: "register-tile", does: "product-shaped accumulations in cache blocks around an 8-row tile of registers (regtile.ts)" },
  { name: "interchange", does: "a perfect nest reordered so that unit-stride accesses are innermost (interchange.ts)" },
  { name: "unroll-and-jam", does: "the loop around the innermost one unrolled by 4 and fused (unrolljam.ts)" },
  { name: "scalarize", does: "elements loaded and stored repeatedly kept in temporaries (scalarize.ts)" },
  { name: "carry-stored", does: "a value stored in one iteration and loaded in the next carried in a temporary (carry.ts)" },
  { name: "vectorize", does: "innermost or outer loops marked for SIMD lanes, with their run-time stride tests (vectorize.ts)" },
] as const;

type StepName = (typeof LOOP_NEST_STEPS)[number]["name"];

/** What the steps share while one function's nests are rewritten. */
interface LoopCtx {
  readonly ctx: FuncContext;
  readonly newTemp: NewTemp;
  readonly newLabel: () => number;
  /** Runs step `name` (unless skipped), printing the statements `show` gives of its result when asked. */
  step<T>(name: StepName, run: () => T | undefined, show: (t: T) => readonly Stmt[]): T | undefined;
}

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
function reshape(nest: ForStmt, lc: LoopCtx): Shaped {
  const { ctx } = lc;
  // `parallel: true` (issue 5): the outer loop runs on threads when its iterations provably touch different elements.
  const par = ctx.autoParallel && !nest.parallel ? lc.step("auto-parallel", () => provablyParallel(nest, ctx), () => [{ ...nest, parallel: true }]) : undefined;
  if (par) nest = { ...nest, parallel: true };
  const tile = lc.step("register-tile", () => registerTile(nest, ctx, lc.newTemp, lc.newLabel), (t) => [t.tiled.scalar, t.rest]);
  if (!tile) return reshapeNest(nest, par, lc);
  // Copies of loops need labels of their own.
  const copy = (l: ForStmt) => relabel([l], lc.newLabel)[0] as ForStmt;
  const rest = reshapeNest(copy(tile.rest), undefined, lc);
  const whole = tile.rowsApart ? reshapeNest(copy(nest), undefined, lc) : undefined;
  const pick = (t: Stmt[], e: Stmt | undefined): Stmt => ({ k: "if", c: tile.rowsApart ?? { k: "const", type: "bool", value: true }, then: t, else: e ? [e] : [] });
  const scalar = pick([tile.tiled.scalar, rest.scalar], whole?.scalar);
  const vectorised = tile.tiled.vector || rest.vector || whole?.vector;
  const vector = vectorised ? pick([tile.tiled.vector ?? tile.tiled.scalar, rest.vector ?? rest.scalar], whole && (whole.vector ?? whole.scalar)) : undefined;
  const strides = [...tile.tiled.strides, ...rest.strides, ...(whole?.strides ?? [])];
  return { scalar, vector, strides, guard: [...(par ?? []), ...tile.guard, ...rest.guard, ...(whole?.guard ?? [])], interchanged: true };
}

function reshapeNest(nest: ForStmt, par: Expr[] | undefined, lc: LoopCtx): Shaped {
  const { ctx, newTemp, newLabel } = lc;
  const ic = lc.step("interchange", () => interchange(nest, ctx), (r) => [r.loop]);
  const interchanged = ic?.loop ?? nest;
  const jam = lc.step("unroll-and-jam", () => unrollAndJam(interchanged, ctx, newLabel, newTemp), (r) => [r.stmt]);
  const scalar = mapInnermost(jam?.stmt ?? interchanged, (l) => {
    const body = lc.step("scalarize", () => scalarize(l.body, l.v, ctx.fresh, newTemp), (b) => b);
    const loop = body ? { ...l, body } : l;
    return lc.step("carry-stored", () => carryStored(loop, newTemp), (c) => [c]) ?? (body && loop);
  });
  const strides: Expr[] = [];
  let vectorised = false;
  const vector = mapVectorize(scalar, (l) => {
    const v = lc.step("vectorize", () => vectorize(l, ctx), (r) => [r.loop]);
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
function optimizeNest(root: ForStmt, lc: LoopCtx): Stmt | undefined {
  const versioned = lc.step("bounds-versioning", () => proveInBounds(analyzeNest(root)), (v) => [v.fast]);
  if (!versioned) return undefined;
  const guard = [...versioned.guard];
  // Sinking an accumulator into memory only pays when the accumulation then moves out of the
  // innermost position (interchange); otherwise the register accumulator is better.
  const sunk = lc.step("sink-accumulator", () => sinkAccumulator(versioned.fast, lc.ctx, lc.newLabel), (r) => r.stmts);
  let parts = sunk ? (sunk.stmts as ForStmt[]).map((n) => reshape(n, lc)) : undefined;
  if (parts && parts[1]!.interchanged) guard.push(...sunk!.guard);
  else parts = [reshape(versioned.fast, lc)];
  for (const p of parts) guard.push(...p.guard);
  // Every copy of a loop gets its own labels (each version, and the jam's main and remainder loops).
  const fastScalar = relabel(parts.map((p) => p.scalar), lc.newLabel);
  let fast: Stmt[] = fastScalar;
  if (parts.some((p) => p.vector)) {
    const fastVector = relabel(parts.map((p) => p.vector ?? p.scalar), lc.newLabel);
    const strides = dedupe(parts.flatMap((p) => p.strides));
    fast = strides.length ? [{ k: "if", c: allOf(strides), then: fastVector, else: fastScalar }] : fastVector;
  }
  return { k: "if", c: allOf(dedupe(guard)), then: fast, else: [root] };
}

function rewrite(stmts: readonly Stmt[], lc: LoopCtx, changed: { v: boolean }): Stmt[] {
  return stmts.map((s) => {
    switch (s.k) {
      case "for": {
        const r = optimizeNest(s, lc);
        if (r) { changed.v = true; return r; }
        return { ...s, body: rewrite(s.body, lc, changed) };
      }
      case "if": return { ...s, then: rewrite(s.then, lc, changed), else: rewrite(s.else, lc, changed) };
      case "loop": return { ...s, body: rewrite(s.body, lc, changed), update: rewrite(s.update, lc, changed) };
      default: return s;
    }
  });
}

export function optimizeLoopNests(f: FuncIR, opts: PassOptions = {}): FuncIR | undefined {
  const changed = { v: false };
  const fresh = freshNames(f);
  const newTemp = (name: string, type: "f64" | "int" = "f64"): Var => fresh.variable({ name: `${name}_r`, type });
  const lc: LoopCtx = {
    ctx: { ...funcContext(f), autoParallel: opts.autoParallel, fastmath: opts.fastmath },
    newTemp,
    newLabel: fresh.label,
    step(name, run, show) {
      if (skipping(name)) return undefined;
      const out = run();
      if (out !== undefined && dumping(name)) dump(`after loop-nests/${name}`, printFunc({ ...f, body: [...show(out)], locals: [...f.locals, ...fresh.added] }));
      return out;
    },
  };
  const body = rewrite(f.body, lc, changed);
  return changed.v ? { ...f, body, locals: [...f.locals, ...fresh.added] } : undefined;
}
