// Marks a counted loop for SIMD (f64x2, or f32x4 / i32x4: see below): each lane computes one iteration with exactly the scalar
// operations, so results are bitwise those of the scalar loop. Legal when iterations are independent:
// stored elements are distinct per iteration (unit stride in the counter), stored arrays alias
// nothing else, and temporaries are iteration-private. Non-contiguous views fall back through a
// run-time stride test added to the nest's guard.
//
// Three shapes (the wasm backend emits them, docs/architecture.md):
// - an innermost loop of assignments and stores (`vector 2`);
// - an innermost loop with reductions `r = op(r, x)`: Math.min/max always (they are associative and
//   commutative, NaN and -0 included), `+ - *` with `fastmath` (reassociation). Each of 4 SIMD
//   accumulators keeps 2 partial results, combined after the loop (`vector 8`). Without fastmath a
//   `+ - *` reduction is `ordered`: lanes compute the operands (an exp, a quotient), the scalar
//   accumulator takes them in iteration order — when the body has such work or stores;
// - an outer loop whose inner loops have bounds independent of it (`vector 4`): the inner loops run
//   once for 4 iterations of the outer one (2 × f64x2), each lane keeping its own order of operations
//   — the textbook "outer-loop vectorisation" of Horner, matrix-vector products and convolutions.
// A lane value that depends on the counter but not on another lane value (a strided load, `i2f(i)`)
// is computed lane by lane with the scalar operations.
//
// What a lane holds (`laneKind`, decided from the body alone so that the backend reaches the same
// answer): f64 (f64x2, 2 lanes; Float32Array elements widen on load and round on store, as in JS);
// binary32 (f32x4, 4 lanes) where every value is exact in binary32 and each stored value is at most
// one correctly rounded operation away from such values — then rounding the f64 result to binary32
// gives the f32 operation's result; or int32 (i32x4, 4 lanes) for Int32Array/Uint32Array stores whose
// values only use operations whose low 32 bits depend only on their operands' low 32 bits.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import type { ArrayType, DType } from "../ir/types.js";
import { childExprs, forEachExpr, forEachStmt, stmtExprs } from "../ir/walk.js";
import { type Affine, type NestFacts, affine, constCoeff, int, sameExpr, sameList, sub } from "./affine.js";
import { type FuncContext, countRefs } from "./context.js";
import { type ForStmt, analyzeNest } from "./nest.js";
import { cmp } from "./bounds.js";
import { storesIsolated } from "./alias.js";

/** What one lane of a vector loop holds (see the header). */
export type LaneKind = "f64x2" | "f32x4" | "i32x4";

/** Lanes per SIMD register. */
export const LANES: Readonly<Record<LaneKind, number>> = { f64x2: 2, f32x4: 4, i32x4: 4 };

/**
 * SIMD registers per vector iteration: independent accumulators for reductions, two for outer loops
 * and for 32-bit elements (16 bytes of each array per iteration keeps the loop's own overhead small).
 */
const PARTS = { plain: 1, reduction: 4, outer: 2, narrow: 2 } as const;

/** Element types a vector loop of each kind loads and stores as whole registers (or halves, for f32 in f64x2). */
export function vectorDtype(kind: LaneKind, dtype: DType): boolean {
  return kind === "f64x2" ? dtype === "f64" || dtype === "f32" : kind === "f32x4" ? dtype === "f32" : dtype === "i32" || dtype === "u32";
}

/**
 * How a reduction combines: `+ - *` (fastmath only), Math.min/max, and the running maximum or
 * minimum `if (x > r) r = x` / `if (x < r) r = x` ("pmax"/"pmin": wasm's f64x2.pmax(r, x) is exactly
 * `x > r ? x : r`). The last two keep the first of equal values, which makes one case order-dependent:
 * +0 against -0. The backend reruns the loop in scalar order when the result is a zero.
 */
export type ReduceOp = "add" | "sub" | "mul" | "min" | "max" | "pmax" | "pmin";

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

export function mentions(e: Expr, vars: ReadonlySet<Var> | Var): boolean {
  let hit = false;
  const has = vars instanceof Set ? (x: Var) => vars.has(x) : (x: Var) => x === vars;
  forEachExpr([{ k: "expr", x: e }], (x) => { if (x.k === "var" && has(x.v)) hit = true; });
  return hit;
}

/**
 * How a vector loop accesses element `idx` of an array: "unit" (consecutive elements in consecutive
 * iterations, so one SIMD load or store serves a register's lanes) or "lanes" (each lane computes its
 * own address). Shared by this pass (the stride guard) and the wasm backend (the loads it emits).
 */
export function accessKind(idx: readonly Expr[], v: Var, facts: NestFacts): "unit" | "lanes" {
  return unitInLast(idx.map((i) => affine(i, facts)), v) === "unit" ? "unit" : "lanes";
}

/**
 * The reductions of a vector loop's body: top-level `r = op(r, x)` (`op(x, r)` for + * min max) and
 * `if (x > r) r = x` (`r < x`, and `<` for a minimum), with `r` an f64 mentioned nowhere else in the
 * body. The pass decides which of them are legal; the backend recognises the same statements in a
 * loop marked `vector`.
 */
export function reductions(body: readonly Stmt[]): Map<Var, ReduceOp> {
  const found = new Map<Var, ReduceOp>();
  const refs = countRefs(body);
  for (const s of body) {
    const running = runningExtreme(s);
    if (running && refs.get(running.r) === 2) found.set(running.r, running.op);
    if (s.k !== "assign" || s.v.type !== "f64" || refs.get(s.v) !== 2) continue;
    const r = s.v, x = s.x;
    const isR = (e: Expr) => e.k === "var" && e.v === r;
    if (x.k === "binary" && (x.op === "add" || x.op === "mul") && (isR(x.a) || isR(x.b))) found.set(r, x.op);
    else if (x.k === "binary" && x.op === "sub" && isR(x.a)) found.set(r, "sub");
    else if (x.k === "math" && (x.fn === "min" || x.fn === "max") && x.args.length === 2 && x.args.some(isR)) found.set(r, x.fn);
  }
  return found;
}

/** `if (x > r) r = x` and its mirror forms: the running extreme `r` and the candidate `x`. */
export function runningExtreme(s: Stmt): { r: Var; x: Expr; op: "pmax" | "pmin" } | undefined {
  if (s.k !== "if" || s.else.length !== 0 || s.then.length !== 1) return undefined;
  const set = s.then[0]!, c = s.c;
  if (set.k !== "assign" || set.v.type !== "f64" || c.k !== "binary" || !["gt", "lt"].includes(c.op)) return undefined;
  const isR = (e: Expr) => e.k === "var" && e.v === set.v;
  // x > r and r < x take a new maximum; x < r and r > x a new minimum.
  const [x, xFirst] = isR(c.b) ? [c.a, true] : isR(c.a) ? [c.b, false] : [undefined, false];
  if (!x || x.type !== "f64" || !sameExpr(x, set.x)) return undefined;
  return { r: set.v, x: set.x, op: (c.op === "gt") === xFirst ? "pmax" : "pmin" };
}

const ORDERED_OPS = new Set<ReduceOp>(["add", "sub", "mul"]);

/** `store - load` when both subscripts step by 1 with the counter (an invariant distance in elements). */
function distance(store: Affine | undefined, load: Affine | undefined, v: Var): Expr | undefined {
  if (!store || !load) return undefined;
  if ([...store.terms.keys(), ...load.terms.keys()].some((x) => x !== v)) return undefined;
  const cs = store.terms.get(v), cl = load.terms.get(v);
  if (!cs || !cl || constCoeff(cs) !== 1 || constCoeff(cl) !== 1) return undefined;
  return sub(store.base ?? int(0), load.base ?? int(0));
}

/** Does the body store, divide, or call exp or sqrt (enough work per lane to pay for an in-order reduction)? */
function costly(body: readonly Stmt[]): boolean {
  let hit = body.some((s) => s.k === "store");
  forEachExpr(body, (e) => { if ((e.k === "math" && (e.fn === "exp" || e.fn === "sqrt")) || (e.k === "binary" && e.op === "div")) hit = true; });
  return hit;
}

/** Can `stmts` raise an error or consume random numbers (so that lane-by-lane or hoisted evaluation would be visible)? */
function canThrow(stmts: readonly Stmt[]): boolean {
  let hit = false;
  forEachExpr(stmts, (e) => {
    if (e.k === "call" || e.k === "alloc" || (e.k === "load" && !e.unchecked)) hit = true;
    if (e.k === "binary" && e.op === "mod" && e.type === "int") hit = true;
    if (e.k === "cast" && e.op === "f2idx") hit = true;
    if (e.k === "math" && e.fn === "random") hit = true;
  });
  return hit;
}

const SIMD_MATH = new Set(["sqrt", "abs", "floor", "ceil", "trunc", "min", "max", "fround"]);

/**
 * Can `e` be computed in f64x2 lanes? Values that depend on no lane variable are scalars (splatted) or
 * computed lane by lane; the rest must be lane-wise SIMD operations.
 */
function laneExpr(e: Expr, lanes: ReadonlySet<Var>): boolean {
  if (e.type !== "f64") return false;
  if (!mentions(e, lanes)) return true;
  switch (e.k) {
    case "var": return true;
    case "binary": return ["add", "sub", "mul", "div"].includes(e.op) && laneExpr(e.a, lanes) && laneExpr(e.b, lanes);
    case "unary": return e.op === "neg" && laneExpr(e.x, lanes);
    case "math": return (SIMD_MATH.has(e.fn) || e.fn === "exp") && e.args.every((a) => laneExpr(a, lanes));
    default: return false;
  }
}

/** Operations that never round: applied to binary32 values they give binary32 values (fround: see f32Rounded). */
const F32_EXACT_MATH = new Set(["abs", "floor", "ceil", "trunc", "min", "max"]);

/**
 * Is `e` a binary32 value computed exactly in f32x4 lanes: Float32Array loads, constants exact in
 * binary32, variables holding such values, and operations that do not round (negation, abs, floor,
 * ceil, trunc, min, max — the same in either precision, NaN and -0 included), or `Math.fround` of
 * one rounded operation. A load's subscripts may use the counter but no lane variable.
 */
function f32Exact(e: Expr, vars: ReadonlySet<Var>): boolean {
  switch (e.k) {
    case "const": return e.type === "f64" && Object.is(Math.fround(e.value as number), e.value);
    case "load": return (e.arr.type as ArrayType).dtype === "f32" && !e.idx.some((i) => mentions(i, vars));
    case "var": return vars.has(e.v);
    case "unary": return e.op === "neg" && f32Exact(e.x, vars);
    case "math":
      if (e.fn === "fround") return e.args.length === 1 && f32Rounded(e.args[0]!, vars);
      return F32_EXACT_MATH.has(e.fn) && e.args.length > 0 && e.args.every((a) => f32Exact(a, vars));
    default: return false;
  }
}

/**
 * One correctly rounded operation (+ - * / sqrt) of binary32 values, or an exact value: its f64 result
 * rounded to binary32 is the binary32 operation's result (binary64 has more than 2·24 + 2 bits, so
 * double rounding is innocuous for these operations). Negation commutes with rounding.
 */
function f32Rounded(e: Expr, vars: ReadonlySet<Var>): boolean {
  if (f32Exact(e, vars)) return true;
  if (e.k === "binary" && ["add", "sub", "mul", "div"].includes(e.op)) return f32Exact(e.a, vars) && f32Exact(e.b, vars);
  if (e.k === "math" && e.fn === "sqrt") return e.args.length === 1 && f32Exact(e.args[0]!, vars);
  if (e.k === "unary" && e.op === "neg") return f32Rounded(e.x, vars);
  return false;
}

/** Int operations whose result's low 32 bits depend only on their operands' low 32 bits. */
const MOD32 = new Set(["add", "sub", "mul", "bitand", "bitor", "bitxor"]);

/**
 * Can int `e` be computed modulo 2^32 in i32x4 lanes? Its operations must be + - * Math.imul, bitwise
 * operators (JS's are 32-bit already), negation, or shifts by a count that is the same in every lane;
 * what varies from lane to lane is read from Int32Array/Uint32Array elements, lane variables and the
 * counter. Invariant parts are computed once with the scalar operations and wrapped to 32 bits.
 */
function i32Lanes(e: Expr, vars: ReadonlySet<Var>, v: Var): boolean {
  if (e.type !== "int") return false;
  if (!mentions(e, vars) && !mentions(e, v)) return true;
  switch (e.k) {
    case "var": return true;
    case "load": return ["i32", "u32"].includes((e.arr.type as ArrayType).dtype) && !e.idx.some((i) => mentions(i, vars));
    case "binary":
      if (MOD32.has(e.op)) return i32Lanes(e.a, vars, v) && i32Lanes(e.b, vars, v);
      if (e.op === "shl" || e.op === "shr" || e.op === "ushr") return i32Lanes(e.a, vars, v) && !mentions(e.b, vars) && !mentions(e.b, v);
      return false;
    case "unary": return (e.op === "neg" || e.op === "bitnot") && i32Lanes(e.x, vars, v);
    case "math": return e.fn === "imul" && e.args.every((a) => i32Lanes(a, vars, v));
    default: return false;
  }
}

/**
 * The lanes of an innermost vector loop of assignments and stores (header). f32x4 needs every store
 * to a Float32Array, every assigned variable exact in binary32 and every stored value one rounding
 * away; i32x4 needs every store to an Int32Array/Uint32Array, every assigned variable an int, and
 * every value computable modulo 2^32 — the store keeps only the low 32 bits, as JS's ToInt32 does.
 * Anything else, loops with reductions or inner loops included, has f64 lanes.
 */
export function laneKind(loop: ForStmt): LaneKind {
  const body = loop.body;
  if (reductions(body).size) return "f64x2";
  // Outer-loop vectorisation (inner counted loops run once for all lanes) looks through them.
  const flat: Stmt[] = [];
  let plain = true;
  forEachStmt(body, (s) => { if (s.k === "assign" || s.k === "store") flat.push(s); else if (s.k !== "for") plain = false; });
  if (!plain) return "f64x2";
  const stores = flat.filter((s): s is Extract<Stmt, { k: "store" }> => s.k === "store");
  if (!stores.length) return "f64x2";
  const assigned = new Set<Var>();
  for (const s of flat) if (s.k === "assign") assigned.add(s.v);
  const dtypes = stores.map((s) => (s.arr.type as ArrayType).dtype);
  if (dtypes.every((d) => d === "f32") && f32Stmts(flat, assigned)) return "f32x4";
  const inner = flat.length !== body.length;
  if (!inner && dtypes.every((d) => d === "i32" || d === "u32")) {
    if (flat.every((s) => (s.k === "assign" ? s.v.type === "int" : true) && i32Lanes((s as { x: Expr }).x, assigned, loop.v))) return "i32x4";
  }
  return "f64x2";
}

/** Every assignment a binary32 value and every store one rounding away from such values (`vars` assumed binary32). */
function f32Stmts(stmts: readonly Stmt[], vars: ReadonlySet<Var>): boolean {
  return stmts.every((s) => (s.k === "assign" ? s.v.type === "f64" && f32Exact(s.x, vars) : s.k === "store" ? f32Rounded(s.x, vars) : true));
}

/**
 * Do the assignments and stores of `stmts` (inner loops included) keep only binary32 values: every
 * variable they assign holds one, and every stored value is exact in binary32? Then an f32 array can
 * hold such a variable between uses without changing it (float32 model: passes/float32.ts).
 */
export function binary32Only(stmts: readonly Stmt[]): boolean {
  const flat: Stmt[] = [];
  forEachStmt(stmts, (s) => { if (s.k === "assign" || s.k === "store") flat.push(s); });
  const assigned = new Set<Var>();
  for (const s of flat) if (s.k === "assign") assigned.add(s.v);
  return flat.every((s) => (s.k === "assign" ? s.v.type === "f64" && f32Exact(s.x, assigned) : s.k === "store" ? f32Exact(s.x, assigned) : true));
}

/**
 * Every variable the body assigns is an f64 (an int in i32x4 lanes) private to one iteration of the
 * loop: assigned before it is read (an inner loop may carry it between its own iterations once it is
 * set), referenced nowhere outside the loop. Reduction variables are the exception the backend handles.
 */
function privateLanes(body: readonly Stmt[], reds: ReadonlyMap<Var, ReduceOp>, ctx: FuncContext, type: "f64" | "int"): Set<Var> | undefined {
  const assigned = new Set<Var>();
  forEachStmt(body, (s) => { if (s.k === "assign") assigned.add(s.v); });
  if ([...assigned].some((x) => x.type !== type)) return undefined;
  const local = countRefs(body);
  // Temporaries the optimiser created itself are not in ctx.refs; they are private by construction.
  for (const x of assigned) if (!reds.has(x) && ctx.refs.has(x) && local.get(x) !== ctx.refs.get(x)) return undefined;
  const early = (e: Expr, defined: ReadonlySet<Var>) => {
    let bad = false;
    forEachExpr([{ k: "expr", x: e }], (x) => { if (x.k === "var" && assigned.has(x.v) && !defined.has(x.v) && !reds.has(x.v)) bad = true; });
    return bad;
  };
  const walk = (stmts: readonly Stmt[], defined: Set<Var>): boolean => {
    for (const s of stmts) {
      if (stmtExprs(s).some((e) => early(e, defined))) return false;
      // An inner loop may not run at all: what it assigns is not known to be set after it.
      if (s.k === "for" && !walk(s.body, new Set(defined))) return false;
      if (s.k === "assign") defined.add(s.v);
    }
    return true;
  };
  return walk(body, new Set()) ? assigned : undefined;
}

/** Only assignments, stores, running extremes and counted loops (recursively). */
function straight(stmts: readonly Stmt[]): boolean {
  return stmts.every((s) => s.k === "assign" || s.k === "store" || runningExtreme(s) !== undefined || (s.k === "for" && straight(s.body)));
}

/** Vectorises `loop` (a loop of a fast, unchecked nest) and returns the run-time conditions it needs. */
export function vectorize(loop: ForStmt, ctx: FuncContext): { loop: ForStmt; guard: Expr[] } | undefined {
  if (loop.step !== 1 || (loop.cmp !== "lt" && loop.cmp !== "le")) return undefined;
  if (!straight(loop.body) || canThrow(loop.body)) return undefined;
  const nest = analyzeNest(loop);
  if (nest.irregular || !nest.accesses.every((a) => a.node.unchecked)) return undefined;
  const outer = loop.body.some((s) => s.k === "for");
  const reds = outer ? new Map<Var, ReduceOp>() : reductions(loop.body);
  // Reassociating + - * changes roundings: only with fastmath. Without it, lanes compute the operands and
  // the reduction takes them one by one in iteration order — worth it only when the operands are costly
  // or the loop stores. min/max give the same result in any order.
  let ordered = false;
  for (const [r, op] of reds) {
    if (ctx.fastmath || !ORDERED_OPS.has(op)) continue;
    if (costly(loop.body)) ordered = true;
    else reds.delete(r);
  }
  // A running extreme that is not a recognised reduction is a branch: not vectorised.
  if (loop.body.some((s) => s.k === "if" && !reds.has(runningExtreme(s)!.r))) return undefined;
  const lane = reds.size ? "f64x2" : laneKind(loop);
  const lanes = privateLanes(loop.body, reds, ctx, lane === "i32x4" ? "int" : "f64");
  if (!lanes) return undefined;
  const varying = new Set<Var>([loop.v, ...lanes]);
  // Inner loops run once for all lanes: their bounds may not depend on the counter or a lane.
  let uniform = true;
  forEachStmt(loop.body, (s) => { if (s.k === "for" && (mentions(s.start, varying) || mentions(s.end, varying))) uniform = false; });
  if (!uniform) return undefined;
  const strideOne = new Set<Var>();
  const distances: Expr[] = [];
  for (const a of nest.accesses) {
    const t = a.arr.type as ArrayType;
    const kind = accessKind(a.node.idx, loop.v, nest.facts);
    if (a.store) {
      // Each iteration stores its own element (the counter alone picks it, so no inner counter can
      // make two iterations meet); every access to the array uses that same subscript.
      if (kind !== "unit" || !vectorDtype(lane, t.dtype)) return undefined;
      if (a.subs.some((s) => [...s!.terms.keys()].some((x) => x !== loop.v))) return undefined;
      for (const b of nest.accesses) {
        if (b.arr !== a.arr || sameList(b.node.idx, a.node.idx)) continue;
        // Another element of the stored (flat) array, read at a fixed distance d from the stored one:
        // only a read d > 0 iterations later sees a store, so lanes (which load before they store)
        // are exact unless 0 < d < the vector width. Checked when the loop starts (`vectorIf`).
        const d = b.store || t.nd ? undefined : distance(a.subs[0], b.subs[0], loop.v);
        if (!d) return undefined;
        distances.push(d);
      }
    }
    if (kind === "unit" && vectorDtype(lane, t.dtype) && t.nd) strideOne.add(a.arr);
  }
  let ok = true;
  const extremes = new Set<Stmt>();
  // laneKind has checked every value of 32-bit lanes.
  if (lane === "f64x2") forEachStmt(loop.body, (s) => {
    const running = runningExtreme(s);
    if (running) {
      extremes.add(s.k === "if" ? s.then[0]! : s);
      if (!laneExpr(running.x, lanes)) ok = false;
    } else if ((s.k === "assign" || s.k === "store") && !extremes.has(s)) {
      const r = s.k === "assign" ? reds.get(s.v) : undefined;
      // A reduction's own operand is the accumulator; the other operand must be lane-wise.
      const value = r && s.k === "assign" ? childExprs(s.x).find((c) => !(c.k === "var" && c.v === s.v))! : s.x;
      if (!laneExpr(value, lanes)) ok = false;
    }
  });
  if (!ok) return undefined;
  const guard = [...strideOne].map((arr) => cmp("eq", { k: "prop", arr, prop: "stride", dim: (arr.type as ArrayType).ndim - 1, type: "int" }, int(1)));
  // Lanes load before they store: a stored array must share no memory with the arrays it reads.
  guard.push(...storesIsolated(nest, ctx.fresh));
  // f64 lanes over Float32Arrays also take 2 registers: one iteration then covers 16 bytes of each.
  const narrow = lane !== "f64x2" || nest.accesses.some((a) => (a.arr.type as ArrayType).dtype === "f32");
  const parts = outer ? PARTS.outer : reds.size ? PARTS.reduction : narrow ? PARTS.narrow : PARTS.plain;
  // A loop known to run fewer iterations than one vector step (a 3-tap stencil) gains nothing, and
  // vectorising it would keep an enclosing loop from being vectorised.
  if (loop.start.k === "const" && loop.end.k === "const") {
    const trips = (loop.end.value as number) + (loop.cmp === "le" ? 1 : 0) - (loop.start.value as number);
    if (trips < LANES[lane] * parts) return undefined;
  }
  const width = LANES[lane] * parts;
  const vectorIf = distances.length ? distances.map((d): Expr => ({
    k: "logical", op: "or", a: cmp("le", d, int(0)), b: cmp("ge", d, int(width)), type: "bool",
  })).reduce((x, y) => ({ k: "logical", op: "and", a: x, b: y, type: "bool" })) : undefined;
  const vectorised: ForStmt = { ...loop, vector: width, lanes: lane, ...(ordered ? { ordered } : {}), ...(vectorIf ? { vectorIf } : {}) };
  // A reduction over strided elements loads its lanes one by one: vectorising the enclosing loop instead
  // (its iterations' elements side by side) is better where that is possible (mapVectorize).
  if (reds.size && nest.accesses.some((a) => !a.store && accessKind(a.node.idx, loop.v, nest.facts) === "lanes" && a.node.idx.some((i) => mentions(i, loop.v))))
    gathering.add(vectorised);
  return { loop: vectorised, guard };
}

/** Vector loops that are reductions over strided loads (see the end of `vectorize`). */
const gathering = new WeakSet<Stmt>();

/**
 * Rebuilds a nest, vectorising its innermost loops (a loop whose body has no loops); where an
 * innermost loop cannot be, its enclosing loops are tried, innermost first.
 */
export function mapVectorize(s: Stmt, f: (l: ForStmt) => ForStmt | undefined): Stmt {
  let done = false;
  const visit = (x: Stmt): Stmt => {
    if (x.k === "if") return { ...x, then: x.then.map(visit), else: x.else.map(visit) };
    if (x.k !== "for") return x;
    if (!x.body.some((y) => y.k === "for" || y.k === "if")) {
      const r = f(x);
      if (r) done = true;
      return r ?? x;
    }
    const before = done;
    done = false;
    const body = x.body.map(visit);
    const inner = done;
    done = before || inner;
    if (inner && !body.some((y) => gathering.has(y))) return { ...x, body };
    const r = f(x);
    if (!r && inner) return { ...x, body };
    if (r) done = true;
    return r ?? x;
  };
  return visit(s);
}

/** Rebuilds a nest, applying `f` to every innermost loop (a loop whose body has no loops). */
export function mapInnermost(s: Stmt, f: (l: ForStmt) => Stmt | undefined): Stmt {
  if (s.k === "if") return { ...s, then: s.then.map((x) => mapInnermost(x, f)), else: s.else.map((x) => mapInnermost(x, f)) };
  if (s.k !== "for") return s;
  if (s.body.some((x) => x.k === "for" || x.k === "if")) return { ...s, body: s.body.map((x) => mapInnermost(x, f)) };
  return f(s) ?? s;
}
