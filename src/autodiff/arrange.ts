// Arranging the reverse sweep's free-running loop nests: loops whose iterations only accumulate into
// adjoints (reverse.ts, "reverse loops whose iterations commute") may run in any order, so each such
// nest is rebuilt for the loop optimiser (src/passes):
//
// 1. Distribution. A perfect nest whose body accumulates into several adjoints becomes one nest per
//    adjoint, each with the temporaries it reads (recomputed, under fresh names). Legal because no
//    statement of the body reads what another one accumulates. The seed matmul's reverse
//      for i, j, k: { A_bar[i,k] += C_bar[i,j] * B[k,j]; B_bar[k,j] += A[i,k] * C_bar[i,j] }
//    becomes a nest for A_bar and one for B_bar: the optimiser cannot reorder, jam or vectorise a
//    nest that stores into two arrays it cannot tell apart, but handles each alone as the primal.
// 2. Loop order, per nest. The innermost counter is the one that indexes the last axis of the most
//    accesses (unit stride) and no other axis; the next one in is a counter the accumulated element
//    does not depend on, so the optimiser can unroll-and-jam it and keep the element in a register.
// 3. Transposed reads. A read-only 2-d array parameter read with the innermost counter in its first
//    axis only (B[k,j] with k innermost) is read from a transposed copy made once before the reverse
//    sweep (Bt[j,k]: unit stride), when the nest reads each element several times (a counter the
//    subscripts do not use), so the copy costs less than what it saves. A_bar = C_bar Bᵀ then runs
//    as the forward product does.
// 4. Scalar accumulators. When the accumulated element does not depend on the innermost counter
//    (a dot product), it is loaded into a local before the innermost loop and stored after it.
//
// Each accumulated element still receives its additions in the order of the chosen loop nest (an
// order fixed at compile time); distribution and the accumulator do not change them, only the
// interleaving with other elements' additions.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { alloc, assign, bin, c as constant, for_, load, prop, store, v as ref } from "../ir/builder.js";
import { arrayType, type ArrayType } from "../ir/types.js";
import { forEachExpr, forEachStmt, mapStmts } from "../ir/walk.js";
import type { Fresh } from "./fresh.js";
import { sameExpr } from "./need.js";

type ForStmt = Extract<Stmt, { k: "for" }>;
const int = (n: number): Expr => constant(n, "int");
type Load = Extract<Expr, { k: "load" }>;

export interface FreeLoops {
  /** Each emitted free-running loop level -> the primal loop header it runs (forwards). */
  readonly headers: ReadonlyMap<Stmt, ForStmt>;
  /** Temporaries of the reverse sweep: each assigned once per evaluation of its statement, read after. */
  readonly temps: ReadonlySet<Var>;
  /** Adjoint variable -> its primal variable. */
  readonly primalOf: ReadonlyMap<Var, Var>;
  /** Array parameters the function never writes: their contents are the same all along. */
  readonly readOnly: ReadonlySet<Var>;
  readonly fresh: Fresh;
}

export interface Arranged {
  readonly stmts: Stmt[];
  /** Transposed copies of read-only parameters, to run before the reverse sweep. */
  readonly setup: Stmt[];
  /** Adjoint arrays accumulated inside nests of two or more loops (worth a fresh local, see reverse.ts). */
  readonly reused: ReadonlySet<Var>;
}

/** Rebuilds the free-running nests in `stmts` (the reverse sweep). */
export function arrangeFreeLoops(stmts: readonly Stmt[], ctx: FreeLoops): Arranged {
  const transposed = new Map<Var, Var>();
  const setup: Stmt[] = [];
  const reused = new Set<Var>();
  const { fresh } = ctx;
  const temps = new Set(ctx.temps); // with the copies distribution makes

  const walk = (ss: readonly Stmt[]): Stmt[] => ss.flatMap((s): Stmt[] => {
    if (s.k === "for" && ctx.headers.has(s)) return nest(s);
    switch (s.k) {
      case "for": return [{ ...s, body: walk(s.body) }];
      case "if": return [{ ...s, then: walk(s.then), else: walk(s.else) }];
      case "loop": return [{ ...s, body: walk(s.body), update: walk(s.update) }];
      default: return [s];
    }
  });

  /** The statement accumulates into this adjoint (`x_bar[...] = x_bar[...] + a`, `v_bar = v_bar + a`). */
  const target = (s: Stmt): Var | undefined =>
    s.k === "store" && ctx.primalOf.has(s.arr) ? s.arr : s.k === "assign" && !temps.has(s.v) && ctx.primalOf.has(s.v) ? s.v : undefined;

  const nest = (top: ForStmt): Stmt[] => {
    const headers = [ctx.headers.get(top)!];
    let inner = top.body;
    while (inner.length === 1 && inner[0]!.k === "for" && ctx.headers.has(inner[0]!)) {
      headers.push(ctx.headers.get(inner[0]!)!);
      inner = (inner[0] as ForStmt).body;
    }
    const counters = new Set(headers.map((h) => h.v));
    // Bounds that depend on another counter of the nest (a triangle) fix the loops' order.
    if (headers.some((h) => mentions(h.start, counters) || mentions(h.end, counters))) return [{ ...top, body: walk(top.body) }];
    if (headers.length === 1) return [{ ...top, body: walk(inner) }];
    const flat = inner.every((s) => s.k === "assign" || s.k === "store");
    if (!flat) return [build(order(headers, inner, undefined).loops, walk(inner))];
    return distribute(inner).flatMap((group) => arrangeGroup(headers, group));
  };

  /** One body per accumulated adjoint, in order of first accumulation; shared temporaries are copied under new names. */
  const distribute = (body: readonly Stmt[]): Stmt[][] => {
    const def = new Map<Var, number>();
    body.forEach((s, i) => { if (s.k === "assign" && temps.has(s.v)) def.set(s.v, i); });
    const groups = new Map<Var, Set<number>>();
    body.forEach((s, i) => {
      const t = target(s);
      if (!t) return;
      let set = groups.get(t);
      if (!set) groups.set(t, (set = new Set()));
      const need = (j: number): void => {
        if (set!.has(j)) return;
        set!.add(j);
        forEachExpr([body[j]!], (e) => { if (e.k === "var" && def.has(e.v)) need(def.get(e.v)!); });
      };
      need(i);
    });
    const owned = new Set<Var>();
    return [...groups.values()].map((set) => {
      const stmts = body.filter((_, i) => set.has(i));
      const rename = new Map<Var, Var>();
      for (const s of stmts) if (s.k === "assign" && def.has(s.v)) {
        if (!owned.has(s.v)) { owned.add(s.v); continue; }
        const copy = fresh.local(s.v.name, s.v.type);
        temps.add(copy);
        rename.set(s.v, copy);
      }
      return renameVars(stmts, rename);
    });
  };

  /** The nest for one adjoint's accumulations. */
  const arrangeGroup = (headers: readonly ForStmt[], body: Stmt[]): Stmt[] => {
    body = inlineOnce(body, temps);
    const t = body.map(target).find((x) => x);
    const arrayTarget = t && body.some((s) => s.k === "store" && s.arr === t) ? t : undefined;
    if (arrayTarget) reused.add(arrayTarget);
    const { loops, transpose } = order(headers, body, arrayTarget);
    if (transpose.size) body = mapStmts(body, (e, orig) => (orig.k === "load" && transpose.has(orig) ? transposedLoad(e as Load) : e));
    const v = loops[loops.length - 1]!.v;
    const stores = body.filter((s): s is Extract<Stmt, { k: "store" }> => s.k === "store" && s.arr === arrayTarget);
    const idx = stores[0]?.idx;
    const defined = new Set<Var>([v]);
    for (const s of body) if (s.k === "assign") defined.add(s.v);
    const invariant = (e: Expr) => !mentions(e, defined) && !hasLoad(e);
    if (!arrayTarget || !idx || !stores.every((s) => s.idx.every((x, n) => sameExpr(x, idx[n]!))) || !idx.every(invariant))
      return [build(loops, body)];
    // A dot product: the element lives in a local while the innermost loop runs.
    const acc = fresh.local(`${arrayTarget.name}_sum`, "f64");
    const inner = body.map((s): Stmt => {
      if (s.k !== "store" || s.arr !== arrayTarget) return s;
      const x = s.x as Extract<Expr, { k: "binary" }>;
      return assign(acc, bin("add", ref(acc), x.b));
    });
    const loc = stores[0]!.loc;
    const innermost: ForStmt = { ...loops[loops.length - 1]!, label: fresh.label(), body: inner, parallel: false, vector: undefined };
    const element: Stmt[] = [
      assign(acc, { k: "load", arr: arrayTarget, idx, type: "f64", loc }),
      innermost,
      { k: "store", arr: arrayTarget, idx, x: ref(acc), loc },
    ];
    return [build(loops.slice(0, -1), element)];
  };

  /** A load of read-only 2-d parameter X[a, b] as Xt[b, a], from a copy made (once) before the reverse sweep. */
  const transposedLoad = (e: Load): Expr => {
    let xt = transposed.get(e.arr);
    if (!xt) {
      const x = e.arr, t = x.type as ArrayType;
      xt = fresh.local(`${x.name}_T`, arrayType(t.dtype, 2, true));
      transposed.set(x, xt);
      const r = fresh.local("r", "int"), c = fresh.local("c", "int");
      const copy = store(xt, [ref(c), ref(r)], load(x, [ref(r), ref(c)]));
      setup.push(
        assign(xt, alloc("empty", xt.type as ArrayType, [prop(x, "shape", 1), prop(x, "shape", 0)])),
        for_(r, int(0), prop(x, "shape", 0), [for_(c, int(0), prop(x, "shape", 1), [copy], { label: fresh.label() })], { label: fresh.label() }),
      );
    }
    return { ...e, arr: xt, idx: [e.idx[1]!, e.idx[0]!] };
  };

  /**
   * The loop order for `body`: the innermost counter scores best for unit-stride access (a read of a
   * read-only parameter that a transposed copy would make unit-stride counts as one, where the nest
   * reuses its elements); the next one in does not move the accumulated element. Returns the loads
   * to read transposed.
   */
  const order = (headers: readonly ForStmt[], body: readonly Stmt[], acc: Var | undefined): { loops: ForStmt[]; transpose: Set<Expr> } => {
    const counters = headers.map((h) => h.v);
    const accesses: { e: Expr | Stmt; arr: Var; idx: readonly Expr[]; store: boolean }[] = [];
    forEachStmt(body, (s) => { if (s.k === "store") accesses.push({ e: s, arr: s.arr, idx: s.idx, store: true }); });
    forEachExpr(body, (e) => { if (e.k === "load") accesses.push({ e, arr: e.arr, idx: e.idx, store: false }); });
    const flat = body.every((s) => s.k === "assign" || s.k === "store");
    const transposable = (a: (typeof accesses)[number], v: Var): boolean => {
      const t = a.arr.type as ArrayType;
      if (!flat || a.store || !ctx.readOnly.has(a.arr) || !t.nd || t.ndim !== 2) return false;
      if (!unitIn(a.idx[0]!, v) || mentions(a.idx[1]!, new Set([v]))) return false;
      // Reuse: some counter of the nest picks none of its subscripts.
      return counters.some((u) => !a.idx.some((x) => mentions(x, new Set([u]))));
    };
    const score = (v: Var, transpose?: Set<Expr>): number => {
      let n = 0;
      for (const a of accesses) {
        const uses = a.idx.map((x) => mentions(x, new Set([v])));
        const last = a.idx.length - 1;
        if (!uses.some((u) => u)) n += 1;
        else if (!uses.slice(0, last).some((u) => u) && unitIn(a.idx[last]!, v)) n += a.store ? 3 : 2;
        else if (transposable(a, v)) { n += 2; transpose?.add(a.e as Expr); }
        else n -= 2;
      }
      return n;
    };
    let best = headers[headers.length - 1]!;
    for (const h of headers) if (score(h.v) > score(best.v)) best = h;
    const transpose = new Set<Expr>();
    score(best.v, transpose);
    const rest = headers.filter((h) => h !== best);
    // Next in: a counter the accumulated element does not depend on (the last such in source order).
    const moves = (h: ForStmt) => accesses.some((a) => a.arr === acc && a.idx.some((x) => mentions(x, new Set([h.v]))));
    const still = acc ? [...rest].reverse().find((h) => !moves(h)) : undefined;
    const loops = still ? [...rest.filter((h) => h !== still), still, best] : [...rest, best];
    return { loops, transpose };
  };

  /** Loops `loops` (outermost first, run forwards, fresh labels) around `body`. */
  const build = (loops: readonly ForStmt[], body: Stmt[]): Stmt => {
    let inner = body;
    for (let d = loops.length - 1; d >= 0; d--) inner = [{ ...loops[d]!, label: fresh.label(), body: inner, parallel: false, vector: undefined }];
    return inner[0]!;
  };

  return { stmts: walk(stmts), setup, reused };
}

/** Statements with variables renamed (assignments, reads, array accesses). */
export function renameVars(stmts: readonly Stmt[], map: ReadonlyMap<Var, Var>): Stmt[] {
  if (map.size === 0) return [...stmts];
  return mapStmts(stmts, (e) => {
    if (e.k === "var" && map.has(e.v)) return { ...e, v: map.get(e.v)! };
    if ((e.k === "load" || e.k === "prop") && map.has(e.arr)) return { ...e, arr: map.get(e.arr)! };
    return e;
  }, (s) => {
    if (s.k === "assign" && map.has(s.v)) return { ...s, v: map.get(s.v)! };
    if (s.k === "store" && map.has(s.arr)) return { ...s, arr: map.get(s.arr)! };
    return s;
  });
}

/**
 * A flat body with each temporary read exactly once replaced by its expression: the accumulation
 * then reads like the source (`A_bar[i,k] += C_bar[i,j] * B[k,j]`), which the optimiser jams and
 * vectorises as it does the forward product (a named temporary assigned in a jammed body is not
 * private to one iteration by its test). Exact: the body's only stores are accumulations, which no
 * temporary reads (see `commutes` in reverse.ts), so a value is the same where it is used.
 */
function inlineOnce(body: readonly Stmt[], temps: ReadonlySet<Var>): Stmt[] {
  const uses = new Map<Var, number>();
  forEachExpr(body, (e) => { if (e.k === "var" && temps.has(e.v)) uses.set(e.v, (uses.get(e.v) ?? 0) + 1); });
  const value = new Map<Var, Expr>();
  const out: Stmt[] = [];
  for (const s of body) {
    const [r] = mapStmts([s], (e) => (e.k === "var" && value.has(e.v) ? value.get(e.v)! : e));
    if (r!.k === "assign" && temps.has(r!.v) && uses.get(r!.v) === 1) value.set(r!.v, r!.x);
    else if (!(r!.k === "assign" && temps.has(r!.v) && !uses.has(r!.v))) out.push(r!);
  }
  return out;
}

function mentions(e: Expr, vars: ReadonlySet<Var>): boolean {
  let hit = false;
  forEachExpr([{ k: "expr", x: e }], (x) => { if (x.k === "var" && vars.has(x.v)) hit = true; });
  return hit;
}

function hasLoad(e: Expr): boolean {
  let hit = false;
  forEachExpr([{ k: "expr", x: e }], (x) => { if (x.k === "load" || x.k === "call") hit = true; });
  return hit;
}

/** `e` is `v` plus or minus something that does not depend on `v` (coefficient 1: unit stride). */
function unitIn(e: Expr, v: Var): boolean {
  if (e.k === "var") return e.v === v;
  if (e.k !== "binary" || e.type !== "int") return false;
  const free = (x: Expr) => !mentions(x, new Set([v]));
  if (e.op === "add") return (unitIn(e.a, v) && free(e.b)) || (free(e.a) && unitIn(e.b, v));
  if (e.op === "sub") return unitIn(e.a, v) && free(e.b);
  return false;
}
