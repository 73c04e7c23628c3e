// Register blocking of an offloaded matrix-product nest (WebGPU): each thread computes a block of
// ROWS × COLS outputs instead of one. The recognised shape is two grid loops (row i, column j) around
//   prefix (scalar assignments: s = 0); for k { scalar assignments: s = s + A[i, k] * B[k, j] }; suffix (assignments, stores)
// where the k loop reads something without the row counter (B[k, j]: shared by the block's rows) and
// something without the column counter (A[i, k]: shared by its columns). The thread's body becomes
//   i0 = start + gid.y · ROWS; j0 = start + gid.x · COLS
//   prefix for each (r, c) of the block; for k (unrolled K_UNROLL times) { body for each (r, c) };
//   for each (r, c): if (i0 + r, j0 + c in range) suffix
// with the scalars of each (r, c) renamed apart and repeated loads in the k body loaded once (scalarize),
// so a k step loads ROWS + COLS values for ROWS · COLS multiply-adds. Exact: each output element gets
// the same operations in the same order (k increasing) as in its own thread. Copies for rows or columns
// past the end run on clamped garbage (WebGPU bounds every access; nothing in the shape can trap or
// act) and store nothing.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { isArray } from "../ir/types.js";
import { forEachExpr, forEachStmt, mapStmts } from "../ir/walk.js";
import { add, int, invariant, sub } from "./affine.js";
import type { FreshNames } from "./fresh.js";
import { type ForStmt, type Load, analyzeNest } from "./nest.js";
import { scalarize } from "./scalarize.js";

/** Outputs per thread: rows × columns (64 accumulators: on SwiftShader 8 × 8 beat 4 × 4 and 4 × 8, measured side by side). */
export const BLOCK_ROWS = 8, BLOCK_COLS = 8;
/** k steps per iteration of the accumulation loop (2 ran as fast as 4 on SwiftShader, and the shader compiles faster). */
export const K_UNROLL = 2;

export interface BlockedNest {
  /** The thread's statements (after the function's prologue). */
  readonly body: Stmt[];
  /** Iterations of each grid loop (x, y, z) that one thread runs. */
  readonly perThread: readonly [number, number, number];
  /** Threads per group: 8 × 8 (as many threads as 16 × 16 one-output threads would cover, spread over 4× the groups). */
  readonly groupSize: readonly [number, number, number];
}

const ref = (v: Var): Expr => ({ k: "var", v, type: v.type });
const gid = (axis: 0 | 1): Expr => ({ k: "gpu", what: "globalId", axis, type: "int" });

/**
 * The blocked thread body of grid loops `loops` (x axis first) around `body`, or undefined when the
 * nest is not exactly the product shape. `outer` holds the variables set outside the nest (parameters,
 * the prologue): a body that assigns one is left alone (each copy would need the outer value).
 */
export function blockProduct(loops: readonly ForStmt[], body: readonly Stmt[], outer: ReadonlySet<Var>, fresh: FreshNames): BlockedNest | undefined {
  if (loops.length !== 2 || !loops.every((l) => l.step === 1 && (l.cmp === "lt" || l.cmp === "le"))) return undefined;
  const [col, row] = loops as [ForStmt, ForStmt];
  const at = body.findIndex((s) => s.k === "for");
  const k = body[at] as ForStmt | undefined;
  if (!k || k.parallel || k.step !== 1 || (k.cmp !== "lt" && k.cmp !== "le")) return undefined;
  const scalar = (s: Stmt): boolean => s.k === "assign" && !isArray(s.v.type);
  const prefix = body.slice(0, at), suffix = body.slice(at + 1);
  if (!prefix.every(scalar) || !k.body.every(scalar) || !suffix.every((s) => scalar(s) || s.k === "store")) return undefined;
  const nest = analyzeNest(row);
  if (nest.irregular || !invariant(k.start, nest.facts) || !invariant(k.end, nest.facts)) return undefined;
  let plain = true;
  forEachExpr([...body], (e) => {
    if (e.k === "atomic" || e.k === "gpu" || (e.k === "binary" && e.op === "mod" && e.type === "int") || (e.k === "math" && e.fn === "random")) plain = false;
  });
  const own = new Set<Var>();
  forEachStmt(body, (s) => { if (s.k === "assign") own.add(s.v); });
  // The counters' values after the k loop (or of k before it) would be those of the blocked loops.
  let countersRead = false;
  forEachExpr([...prefix, ...suffix], (e) => { if (e.k === "var" && e.v === k.v) countersRead = true; });
  if (!plain || countersRead || [...own].some((v) => outer.has(v))) return undefined;
  // The product shape: loads in the k loop shared by the block's rows and by its columns.
  const inK = new Set<Load>();
  forEachExpr(k.body, (e) => { if (e.k === "load") inK.add(e); });
  const kLoads = nest.accesses.filter((a) => !a.store && inK.has(a.node as Load) && a.subs.every((s) => s) && a.subs.some((s) => s!.terms.has(k.v)));
  const without = (v: Var) => kLoads.some((a) => a.subs.every((s) => !s!.terms.has(v)));
  if (!without(row.v) || !without(col.v)) return undefined;

  const i0 = fresh.variable({ name: `${row.v.name}0`, type: "int" }), j0 = fresh.variable({ name: `${col.v.name}0`, type: "int" });
  const block: { r: number; c: number; names: Map<Var, Var> }[] = [];
  for (let r = 0; r < BLOCK_ROWS; r++)
    for (let c = 0; c < BLOCK_COLS; c++) block.push({ r, c, names: new Map([...own].map((v) => [v, fresh.variable(v)])) });
  /** `ss` for output (r, c), its k counter at `kAt`. */
  const copy = (ss: readonly Stmt[], b: (typeof block)[number], kAt: Expr = ref(k.v)): Stmt[] =>
    mapStmts(ss, (e) => {
      if (e.k !== "var") return e;
      if (e.v === row.v) return add(ref(i0), int(b.r))!;
      if (e.v === col.v) return add(ref(j0), int(b.c))!;
      if (e.v === k.v) return kAt;
      const to = b.names.get(e.v);
      return to ? ref(to) : e;
    }, (s) => (s.k === "assign" && b.names.has(s.v) ? { ...s, v: b.names.get(s.v)! } : s));
  const temp = (name: string): Var => fresh.variable({ name, type: "f64" });
  const step = (counter: Var, u: number): Stmt[] => {
    const jammed = block.flatMap((b) => copy(k.body, b, add(ref(counter), int(u))!));
    return scalarize(jammed, counter, new Set(), temp) ?? jammed;
  };

  // for k = start; k < mainEnd; k += K_UNROLL { K_UNROLL steps }; for k' = mainEnd; k' cmp end { one step }
  const kEnd = k.cmp === "le" ? add(k.end, int(1))! : k.end;
  const kLast = fresh.variable({ name: `${k.v.name}_end`, type: "int" });
  const count = sub(ref(kLast), k.start);
  const mainEnd = fresh.variable({ name: `${k.v.name}_main`, type: "int" });
  const rest = fresh.variable(k.v);
  const unrolled = Array.from({ length: K_UNROLL }, (_, u) => step(k.v, u)).flat();
  const inRange = (v: Var, u: number, l: ForStmt): Expr => ({ k: "binary", op: l.cmp, a: add(ref(v), int(u))!, b: l.end, type: "bool" });
  const both = (r: number, c: number): Expr => ({ k: "logical", op: "and", a: inRange(i0, r, row), b: inRange(j0, c, col), type: "bool" });
  const thread: Stmt[] = [
    ...block.flatMap((b) => copy(prefix, b)),
    { k: "assign", v: kLast, x: kEnd },
    { k: "assign", v: mainEnd, x: sub(ref(kLast), { k: "binary", op: "mod", a: count, b: int(K_UNROLL), type: "int" }) },
    { ...k, end: ref(mainEnd), cmp: "lt", step: K_UNROLL, body: unrolled },
    { ...k, label: fresh.label(), v: rest, start: ref(mainEnd), end: ref(kLast), cmp: "lt", body: step(rest, 0) },
    ...block.map((b): Stmt => ({ k: "if", c: both(b.r, b.c), then: copy(suffix, b), else: [] })),
  ];
  const origin = (v: Var, l: ForStmt, size: number, axis: 0 | 1): Stmt =>
    ({ k: "assign", v, x: add(l.start, { k: "binary", op: "mul", a: gid(axis), b: int(size), type: "int" })! });
  return {
    body: [origin(i0, row, BLOCK_ROWS, 1), origin(j0, col, BLOCK_COLS, 0), { k: "if", c: both(0, 0), then: thread, else: [] }],
    perThread: [BLOCK_COLS, BLOCK_ROWS, 1],
    groupSize: [8, 8, 1],
  };
}
