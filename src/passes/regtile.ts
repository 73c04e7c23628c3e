// Register tiling of a matrix-product-shaped nest: of the three loops, the "row" and "column"
// counters pick the stored element and the third, k, accumulates into it. The nest becomes
//   for rb (step IB): for cb (step JB): for kb (step KB):                       cache blocks
//     for row = rb.. (step R): for col = cb..: {                               register tile
//       c_u = W[row+u, col] (u < R); for k = kb..: body for rows row..row+R-1; W[row+u, col] = c_u }
// plus the leftover rows as the original nest. Each element of the tile lives in a temporary for a
// whole block of k, each value the body loads without the row counter (B[k, col]) is loaded once for
// R rows, and vectorising the column loop (outer-loop vectorisation) gives R × lanes accumulators;
// the blocks keep the part of B in use in the L2 cache. Exact: each element still receives its
// updates in increasing k (block after block, the element stored and reloaded in between), with the
// same operations — an f64 store does not round, so a temporary changes nothing — and the rows of a
// tile touch different elements. Legal under the interchange test (`orderIndependent`), plus, for a
// stored n-d array the kernel did not allocate, a run-time test that its rows do not overlap. A
// prange row loop becomes the (parallel) loop over row blocks.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import type { ArrayType } from "../ir/types.js";
import { mapStmts } from "../ir/walk.js";
import { type Affine, add, constCoeff, int, mul, sameList, sub } from "./affine.js";
import type { FuncContext } from "./context.js";
import { orderIndependent, perfectNest } from "./interchange.js";
import { type ForStmt, type Load, type Store, analyzeNest } from "./nest.js";
import { scalarize } from "./scalarize.js";
import { binary32Only, vectorize } from "./vectorize.js";

/** Rows of a register tile (times the vector loop's lanes: 16 accumulator registers on wasm and AVX-512). */
export const TILE_ROWS = 8;
/** Cache blocks: rows, columns and k steps (a 128 × 512 block of B is 512 KiB, within L2). */
export const BLOCK = { rows: 64, cols: 512, k: 128 } as const;

/** A fresh temporary (f64 unless told). */
export type NewTemp = (name: string, type?: "f64" | "int") => Var;

export interface Tiling {
  /** Rows [start, start + count - count % R) as tiles; vectorised where the column loop can be. */
  readonly tiled: { readonly scalar: Stmt; readonly vector: Stmt | undefined; readonly strides: Expr[] };
  /** The leftover rows: the original nest over them (for the ordinary optimiser). */
  readonly rest: ForStmt;
  /** Legality conditions (interchange's). */
  readonly guard: Expr[];
  /** For a stored view the kernel did not allocate: its rows do not overlap (else use the untiled nest). */
  readonly rowsApart: Expr | undefined;
}

interface Roles {
  readonly row: ForStmt;
  readonly col: ForStmt;
  readonly k: ForStmt;
  /** The innermost body (whichever loop encloses it). */
  readonly body: readonly Stmt[];
  readonly w: Var;
  /** The dimension of the stored subscript holding the row counter, and its coefficient. */
  readonly rowDim: number;
  readonly rowCoeff: Expr;
}

/** Which loop is which, or undefined when the nest is not a product-shaped accumulation. */
function roles(loops: readonly ForStmt[]): Roles | undefined {
  if (loops.length !== 3) return undefined;
  const nest = analyzeNest(loops[0]!);
  const stores = nest.accesses.filter((a) => a.store);
  const w = stores[0]?.arr;
  if (!w || stores.some((a) => a.arr !== w)) return undefined;
  const t = w.type as ArrayType;
  // The tile keeps elements in temporaries and stores them between blocks of k: exact for f64, and for
  // f32 when every value the nest assigns or stores is binary32 (the float32 model).
  if ((t.dtype !== "f64" && !(t.dtype === "f32" && binary32Only(loops[2]!.body))) || (!t.nd && t.ndim !== 1)) return undefined;
  const subs = stores[0]!.subs as Affine[];
  if (subs.some((s) => !s)) return undefined;
  const last = subs.length - 1;
  const byVar = (v: Var) => loops.find((l) => l.v === v);
  // The column counter: coefficient 1 in the last dimension; the row counter: the other one used.
  const colV = [...subs[last]!.terms].find(([, c]) => constCoeff(c) === 1)?.[0];
  const used = subs.flatMap((s) => [...s.terms.keys()]);
  const rowV = used.find((v) => v !== colV);
  if (!colV || !rowV || used.length !== 2 || !byVar(colV) || !byVar(rowV)) return undefined;
  const row = byVar(rowV)!, col = byVar(colV)!, k = loops.find((l) => l !== row && l !== col)!;
  // A prange loop stays outermost: it must be the row loop. Inner loops are plain.
  if (loops.slice(1).some((l) => l.parallel) || (loops[0]!.parallel && row !== loops[0])) return undefined;
  // Tiling pays when something is loaded without the row counter but with k (B[k, col]): shared by R rows.
  const shared = nest.accesses.some((a) => !a.store && a.subs.every((s) => s && !s.terms.has(rowV)) && a.subs.some((s) => s!.terms.has(k.v)));
  if (!shared) return undefined;
  const rowDim = subs.findIndex((s) => s.terms.has(rowV));
  return { row, col, k, body: loops[2]!.body, w, rowDim, rowCoeff: subs[rowDim]!.terms.get(rowV)! };
}

const countOf = (l: ForStmt): Expr => sub(l.cmp === "le" ? add(l.end, int(1))! : l.end, l.start);

/** |x| of an int expression. */
const abs = (x: Expr): Expr => ({ k: "math", fn: "abs", args: [x], type: "int" });

/**
 * Rows of a stored view far enough apart that no two rows of a tile share an element:
 * |coeff · stride(row dim)| > |stride(last)| · (columns - 1).
 */
function rowsApart(r: Roles, ctx: FuncContext): Expr | undefined {
  const t = r.w.type as ArrayType;
  if (ctx.fresh.has(r.w) || !t.nd) return undefined;
  const stride = (dim: number): Expr => ({ k: "prop", arr: r.w, prop: "stride", dim, type: "int" });
  const span = mul(abs(stride(t.ndim - 1)), add(countOf(r.col), int(-1))!);
  return { k: "binary", op: "gt", a: abs(mul(r.rowCoeff, stride(r.rowDim))), b: span, type: "bool" };
}

/** `stmts` with `v` replaced by `v + u`. */
function shift(stmts: readonly Stmt[], v: Var, u: number): Stmt[] {
  const by = add({ k: "var", v, type: "int" }, int(u))!;
  return mapStmts(stmts, (e) => (e.k === "var" && e.v === v ? by : e));
}

/**
 * The column loop of a tile of `rows` rows: the stored element of each row in a temporary across the
 * k loop, the k loop's body once per row (in row order), scalar replacement of repeated loads.
 */
function tileColumn(r: Roles, rows: number, k: ForStmt, ctx: FuncContext, newTemp: (name: string) => Var): ForStmt {
  const body = r.body;
  const store = body.find((s): s is Store => s.k === "store")!;
  const pre: Stmt[] = [], post: Stmt[] = [], jammed: Stmt[] = [];
  for (let u = 0; u < rows; u++) {
    const copy = shift(body, r.row.v, u);
    const idx = (shift([store], r.row.v, u)[0] as Store).idx;
    const c = newTemp(r.w.name);
    const ref: Expr = { k: "var", v: c, type: "f64" };
    const element: Load = { k: "load", arr: r.w, idx, type: "f64", loc: store.loc, unchecked: true };
    pre.push({ k: "assign", v: c, x: element });
    jammed.push(...mapStmts(copy, (e) => (e.k === "load" && e.arr === r.w && sameList(e.idx, idx) ? ref : e), (s) =>
      (s.k === "store" && s.arr === r.w ? { k: "assign", v: c, x: s.x } : s)));
    post.push({ k: "store", arr: r.w, idx, x: ref, loc: store.loc, unchecked: true });
  }
  const kBody = scalarize(jammed, r.k.v, ctx.fresh, newTemp) ?? jammed;
  return { ...r.col, body: [...pre, { ...k, body: kBody }, ...post] };
}

/** Tiles `root` (a fast, unchecked nest) when legal and profitable; undefined otherwise. */
export function registerTile(root: ForStmt, ctx: FuncContext, newTemp: NewTemp, newLabel: () => number, rows = TILE_ROWS): Tiling | undefined {
  const loops = perfectNest(root);
  const guard = loops ? orderIndependent(loops, ctx) : undefined;
  if (!loops || !guard) return undefined;
  const r = roles(loops);
  if (!r) return undefined;
  // Every stored element is accessed at one subscript (orderIndependent); the body is straight-line.
  if (!r.body.every((s) => s.k === "assign" || s.k === "store")) return undefined;
  const end = r.row.cmp === "le" ? add(r.row.end, int(1))! : r.row.end;
  const count = countOf(r.row);
  const mainEnd = add(r.row.start, sub(count, { k: "binary", op: "mod", a: count, b: int(rows), type: "int" }))!;
  // Block loops over [start, end) in steps of `size`, and the loop they enclose over one block.
  const block = (l: ForStmt, lEnd: Expr, size: number, parallel: boolean) => {
    const v = newTemp(`${l.v.name}_blk`, "int");
    const ref: Expr = { k: "var", v, type: "int" };
    const outer = (body: Stmt[]): ForStmt => ({ k: "for", label: newLabel(), v, start: l.start, end: lEnd, cmp: "lt", step: size, body, parallel });
    const blockEnd: Expr = { k: "math", fn: "min", args: [add(ref, int(size))!, lEnd], type: "int" };
    return { outer, inner: { ...l, start: ref, end: blockEnd, cmp: "lt" as const, parallel: false } };
  };
  const rb = block(r.row, mainEnd, BLOCK.rows, r.row.parallel);
  const cb = block(r.col, r.col.cmp === "le" ? add(r.col.end, int(1))! : r.col.end, BLOCK.cols, false);
  const kb = block(r.k, r.k.cmp === "le" ? add(r.k.end, int(1))! : r.k.end, BLOCK.k, false);
  const rc = { ...r, col: cb.inner };
  const column = tileColumn(rc, rows, kb.inner, ctx, newTemp);
  const tile = (col: ForStmt): ForStmt => rb.outer([cb.outer([kb.outer([{ ...rb.inner, step: rows, body: [col] }])])]);
  // The vectoriser's test runs on a one-row tile: R rows are R copies of it that share only loads of
  // arrays no row stores and touch different elements, so its lanes stay independent.
  const probe = vectorize(tileColumn(rc, 1, kb.inner, ctx, (name) => ({ id: -1, name, type: "f64" })), ctx);
  // A one-row probe's run-time distance test says nothing about the other rows: scalar tile then.
  const vector = probe && !probe.loop.vectorIf ? tile({ ...probe.loop, body: column.body }) : undefined;
  const rest: ForStmt = mapStmts([root], (e) => e, (s) => (s.k === "for" && s.label === r.row.label ? { ...s, start: mainEnd, end, cmp: "lt" } : s))[0] as ForStmt;
  return { tiled: { scalar: tile(column), vector, strides: probe?.guard ?? [] }, rest, guard, rowsApart: rowsApart(r, ctx) };
}
