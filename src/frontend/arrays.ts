// Whole-array operations as IR loops, for any frontend: strided views of array variables, lazy
// elementwise expressions with NumPy broadcasting, and the loop nests that materialise, assign or
// reduce them. Nothing here knows Python: the Python frontend (frontend/python) uses it for
// `A[1:-1, ::2]`, `np.sqrt(A) * 2 + B`, `np.sum(A * B)`, `A @ B`; a JS namespace can use the same.
//
// The nests are ordinary counted `for` loops over the result in row-major order, so every element
// is computed with its scalar operations in the order a hand-written loop would use, and the
// optimiser (bounds versioning, vectorisation, tiling) sees them like any other loop.

import type { BinaryOp, Expr, Loc, Stmt, Var } from "../ir/nodes.js";
import { type ArrayType, type DType, type ScalarType, DTYPES, arrayType, elemType } from "../ir/types.js";

/** Where the builders put statements and get fresh variables and loop labels. */
export interface LoopContext {
  emit(s: Stmt): void;
  temp(name: string, t: ScalarType | ArrayType): Var;
  label(): number;
  /** Statements built by `f` (collected instead of emitted). */
  collect(f: () => void): Stmt[];
  readonly loc: Loc;
}

export const int = (value: number): Expr => ({ k: "const", type: "int", value });
export const ref = (v: Var): Expr => ({ k: "var", v, type: v.type });
export const binary = (op: BinaryOp, a: Expr, b: Expr, loc?: Loc): Expr => {
  const type: ScalarType = ["eq", "ne", "lt", "le", "gt", "ge"].includes(op) ? "bool" : (a.type as ScalarType);
  return loc ? { k: "binary", op, a, b, type, loc } : { k: "binary", op, a, b, type };
};

/** a + b on ints, folding constants (subscripts stay readable for the optimiser's affine analysis). */
export function addInt(a: Expr, b: Expr): Expr {
  if (a.k === "const" && a.value === 0) return b;
  if (b.k === "const" && b.value === 0) return a;
  if (a.k === "const" && b.k === "const") return int((a.value as number) + (b.value as number));
  return binary("add", a, b);
}
export function mulInt(a: Expr, b: Expr): Expr {
  if (a.k === "const" && a.value === 1) return b;
  if (b.k === "const" && b.value === 1) return a;
  if ((a.k === "const" && a.value === 0) || (b.k === "const" && b.value === 0)) return int(0);
  return binary("mul", a, b);
}

/** One axis of the base array: fixed at an index, or walked by a view axis from `start` by `step`. */
export type BaseAxis = { readonly fixed: Expr } | { readonly start: Expr; readonly step: Expr; readonly axis: number };

/** A strided view of an array variable (the whole array is the identity view). Its expressions are pure. */
export interface ArrayRef {
  readonly base: Var;
  readonly axes: readonly BaseAxis[];
  readonly shape: readonly Expr[];
}

export const baseType = (r: ArrayRef): ArrayType => r.base.type as ArrayType;

export function dimOf(v: Var, d: number): Expr {
  const t = v.type as ArrayType;
  return t.nd ? { k: "prop", arr: v, prop: "shape", dim: d, type: "int" } : { k: "prop", arr: v, prop: "length", dim: 0, type: "int" };
}

export function wholeArray(v: Var): ArrayRef {
  const t = v.type as ArrayType;
  const axes: BaseAxis[] = [], shape: Expr[] = [];
  for (let d = 0; d < t.ndim; d++) {
    axes.push({ start: int(0), step: int(1), axis: d });
    shape.push(dimOf(v, d));
  }
  return { base: v, axes, shape };
}

export function isWhole(r: ArrayRef): boolean {
  return r.axes.every((a, d) => "axis" in a && a.axis === d && a.start.k === "const" && a.start.value === 0 && a.step.k === "const" && a.step.value === 1);
}

/** The base indices of a view element. */
export function baseIndex(r: ArrayRef, idx: readonly Expr[]): Expr[] {
  return r.axes.map((a) => ("fixed" in a ? a.fixed : addInt(a.start, mulInt(a.step, idx[a.axis]!))));
}

export function loadAt(r: ArrayRef, idx: readonly Expr[], loc: Loc): Expr {
  return { k: "load", arr: r.base, idx: baseIndex(r, idx), type: elemType(baseType(r)), loc };
}

/** The transpose (`A.T`): view axes in reverse order. */
export function transpose(r: ArrayRef): ArrayRef {
  const n = r.shape.length;
  return { base: r.base, axes: r.axes.map((a) => ("fixed" in a ? a : { ...a, axis: n - 1 - a.axis })), shape: [...r.shape].reverse() };
}

/** A lazy elementwise value over `shape`: `at` builds the scalar expression of one element. */
export interface Elementwise {
  readonly shape: readonly Expr[];
  readonly type: ScalarType;
  /**
   * `fast`: `fastWhen` holds (every broadcast axis had equal sizes), so operands are indexed without
   * their size-1 multipliers — plain subscripts the vectoriser reads as contiguous.
   */
  at(idx: readonly Expr[], fast?: boolean): Expr;
  /** Set when broadcasting left run-time size-1 multipliers: the condition for `at(idx, true)`. */
  readonly fastWhen?: Expr;
}

/** Statements for `e`'s loop nest, twice when broadcasting may stretch an axis: plain indices when every size matched. */
export function versioned(e: Elementwise, build: (fast: boolean) => Stmt[]): Stmt[] {
  if (!e.fastWhen) return build(false);
  return [{ k: "if", c: e.fastWhen, then: build(true), else: build(false) }];
}

export function fromRef(r: ArrayRef, loc: Loc): Elementwise {
  return { shape: r.shape, type: elemType(baseType(r)), at: (idx) => loadAt(r, idx, loc) };
}

/** A scalar broadcast to every element (`x` must be pure: a constant or a variable). */
export function fromScalar(x: Expr): Elementwise {
  return { shape: [], type: x.type as ScalarType, at: () => x };
}

export function map(e: Elementwise, type: ScalarType, f: (x: Expr) => Expr): Elementwise {
  return { shape: e.shape, type, at: (idx, fast) => f(e.at(idx, fast)), ...(e.fastWhen && { fastWhen: e.fastWhen }) };
}

/**
 * NumPy broadcasting: shapes aligned on the right; at each axis the sizes must be equal or 1
 * (checked at run time, `fail` raising the error), and a size-1 axis repeats its element.
 * `f` combines one element of each operand.
 */
export function broadcast(cx: LoopContext, ops: readonly Elementwise[], type: ScalarType, f: (xs: Expr[]) => Expr, fail: () => Stmt): Elementwise {
  const n = Math.max(...ops.map((o) => o.shape.length));
  const shape: Expr[] = [];
  const scale: (Expr | null)[][] = ops.map(() => []);
  for (let d = 0; d < n; d++) {
    const here = ops.map((o) => (d - (n - o.shape.length) >= 0 ? o.shape[d - (n - o.shape.length)]! : undefined));
    const present = here.filter((x): x is Expr => x !== undefined);
    if (present.every((x) => sameExpr(x, present[0]!))) {
      shape.push(present[0]!);
      ops.forEach((_, i) => scale[i]!.push(null));
      continue;
    }
    // Different sizes at run time are fine only when they are 1; such an operand's index is then 0.
    const sizes = present.map((x) => { const t = cx.temp("bs", "int"); cx.emit({ k: "assign", v: t, x }); return t; });
    const size = cx.temp("bsize", "int");
    cx.emit({ k: "assign", v: size, x: ref(sizes[0]!) });
    for (const t of sizes.slice(1)) {
      const ok = { k: "cond", c: binary("eq", ref(size), ref(t)), a: { k: "const", type: "bool", value: true }, b: { k: "cond", c: binary("eq", ref(size), int(1)), a: { k: "const", type: "bool", value: true }, b: binary("eq", ref(t), int(1)), type: "bool" }, type: "bool" } as Expr;
      cx.emit({ k: "if", c: ok, then: [], else: [fail()] });
      cx.emit({ k: "assign", v: size, x: { k: "cond", c: binary("eq", ref(size), int(1)), a: ref(t), b: ref(size), type: "int" } });
    }
    let j = 0;
    ops.forEach((_, i) => {
      if (here[i] === undefined) { scale[i]!.push(null); return; }
      const m = cx.temp("bm", "int");
      cx.emit({ k: "assign", v: m, x: { k: "cond", c: binary("ne", ref(sizes[j++]!), ref(size)), a: int(0), b: int(1), type: "int" } });
      scale[i]!.push(ref(m));
    });
    shape.push(ref(size));
  }
  const pick = (o: Elementwise, i: number, idx: readonly Expr[], fast?: boolean) => {
    const off = n - o.shape.length;
    return o.at(idx.slice(off).map((x, d) => (!fast && scale[i]![d + off] ? mulInt(x, scale[i]![d + off]!) : x)), fast);
  };
  // Every multiplier 1 (and every operand's own condition): the fast nest's plain indices are right.
  const conds = [...scale.flat().filter((m): m is Expr => m !== null).map((m) => binary("eq", m, int(1))), ...ops.flatMap((o) => (o.fastWhen ? [o.fastWhen] : []))];
  const fastWhen = conds.reduce<Expr | undefined>((acc, c) => (acc ? { k: "cond", c: acc, a: c, b: { k: "const", type: "bool", value: false }, type: "bool" } : c), undefined);
  return { shape, type, at: (idx, fast) => f(ops.map((o, i) => pick(o, i, idx, fast))), ...(fastWhen && { fastWhen }) };
}

export function broadcast2(cx: LoopContext, a: Elementwise, b: Elementwise, type: ScalarType, f: (x: Expr, y: Expr) => Expr, fail: () => Stmt): Elementwise {
  return broadcast(cx, [a, b], type, ([x, y]) => f(x!, y!), fail);
}

export function sameExpr(a: Expr, b: Expr): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "const" && b.k === "const") return a.value === b.value && a.type === b.type;
  if (a.k === "var" && b.k === "var") return a.v === b.v;
  if (a.k === "prop" && b.k === "prop") return a.arr === b.arr && a.prop === b.prop && a.dim === b.dim;
  if (a.k === "binary" && b.k === "binary") return a.op === b.op && sameExpr(a.a, b.a) && sameExpr(a.b, b.b);
  return false;
}

/** A row-major nest of counted loops over `shape`; `body` receives the counters. */
export function nest(cx: LoopContext, shape: readonly Expr[], body: (idx: Expr[]) => Stmt[], parallel = false): Stmt[] {
  const counters = shape.map((_, d) => cx.temp(`i${d}`, "int"));
  const bounds = shape.map((s, d) => {
    if (s.k === "const" || s.k === "var" || s.k === "prop") return s;
    const t = cx.temp(`n${d}`, "int");
    cx.emit({ k: "assign", v: t, x: s });
    return ref(t);
  });
  let stmts = body(counters.map(ref));
  for (let d = shape.length - 1; d >= 0; d--)
    stmts = [{ k: "for", label: cx.label(), v: counters[d]!, start: int(0), end: bounds[d]!, step: 1, cmp: "lt", body: stmts, parallel: parallel && d === 0 }];
  return stmts;
}

/** The conversion a store into an array of `dtype` applies to a scalar (NumPy's casting of values). */
export function toElement(x: Expr, dtype: DType): Expr {
  const want = DTYPES[dtype].scalar;
  if (x.type === "bool") return { k: "cast", op: want === "int" ? "b2i" : "b2f", x, type: want };
  if (x.type === want) return x;
  if (want === "f64") return { k: "cast", op: "i2f", x, type: "f64" };
  if (dtype === "u8c") return { k: "cast", op: "f2u8c", x, type: "int" };
  return { k: "cast", op: "f2i32", x: { k: "math", fn: "trunc", args: [x], type: "f64" }, type: "int" };
}

/** A fresh C-contiguous array of `dtype` holding `e`. */
export function materialize(cx: LoopContext, e: Elementwise, dtype: DType, name = "t"): Var {
  if (e.shape.length === 0) throw new Error("materialize: a 0-d value");
  const t = arrayType(dtype, e.shape.length, true);
  const v = cx.temp(name, t);
  const shape = e.shape.map((s, d) => {
    if (s.k === "const" || s.k === "var") return s;
    const n = cx.temp(`n${d}`, "int");
    cx.emit({ k: "assign", v: n, x: s });
    return ref(n);
  });
  cx.emit({ k: "assign", v, x: { k: "alloc", fill: "empty", shape, type: t, loc: cx.loc } });
  const shaped: Elementwise = { ...e, shape };
  for (const s of assignInto(cx, wholeArray(v), shaped)) cx.emit(s);
  return v;
}

/** Stores `e` (broadcast to the target's shape by the caller) into every element of `target`. */
export function assignInto(cx: LoopContext, target: ArrayRef, e: Elementwise): Stmt[] {
  const dtype = baseType(target).dtype;
  const off = target.shape.length - e.shape.length;
  return versioned(e, (fast) => nest(cx, target.shape, (idx) => [{ k: "store", arr: target.base, idx: baseIndex(target, idx), x: toElement(e.at(idx.slice(off), fast), dtype), loc: cx.loc }]));
}

export type Reduction = "sum" | "prod" | "max" | "min" | "argmax" | "argmin";

/**
 * Reduces every element of `e` in row-major order, as Numba's loops do: sums and products start
 * from 0 / 1 and add one element at a time; max/min start from the first element and a NaN wins;
 * argmax/argmin give the flat index of the first extreme (or of the first NaN). `empty` raises the
 * error for a zero-size max/min/argmax/argmin.
 */
export function reduce(cx: LoopContext, e: Elementwise, kind: Reduction, empty: () => Stmt): Expr {
  const t: ScalarType = e.type === "bool" ? "int" : e.type;
  const el = (idx: readonly Expr[], fast?: boolean) => {
    const x = e.at(idx, fast);
    return x.type === "bool" ? ({ k: "cast", op: "b2i", x, type: "int" } as Expr) : x;
  };
  if (kind === "sum" || kind === "prod") {
    const acc = cx.temp(kind, t);
    cx.emit({ k: "assign", v: acc, x: t === "int" ? int(kind === "sum" ? 0 : 1) : { k: "const", type: "f64", value: kind === "sum" ? 0 : 1 } });
    for (const s of versioned(e, (fast) => nest(cx, e.shape, (idx) => [{ k: "assign", v: acc, x: binary(kind === "sum" ? "add" : "mul", ref(acc), el(idx, fast)) }]))) cx.emit(s);
    return ref(acc);
  }
  const size = e.shape.reduce<Expr>((p, s) => mulInt(p, s), int(1));
  cx.emit({ k: "if", c: binary("eq", size, int(0)), then: [empty()], else: [] });
  const best = cx.temp("best", t), at = cx.temp("at", "int"), flat = cx.temp("flat", "int");
  cx.emit({ k: "assign", v: best, x: el(e.shape.map(() => int(0))) });
  cx.emit({ k: "assign", v: at, x: int(0) });
  cx.emit({ k: "assign", v: flat, x: int(0) });
  const better = kind === "max" || kind === "argmax" ? "gt" : "lt";
  const x = cx.temp("x", t);
  for (const s of versioned(e, (fast) => nest(cx, e.shape, (idx) => {
    const take: Stmt[] = [{ k: "assign", v: best, x: ref(x) }, { k: "assign", v: at, x: ref(flat) }];
    // A NaN, once taken, stays (best == best fails); a NaN element is taken (x != x).
    const c: Expr = t === "f64"
      ? { k: "cond", c: binary("eq", ref(best), ref(best)), a: { k: "cond", c: binary(better, ref(x), ref(best)), a: { k: "const", type: "bool", value: true }, b: binary("ne", ref(x), ref(x)), type: "bool" }, b: { k: "const", type: "bool", value: false }, type: "bool" }
      : binary(better, ref(x), ref(best));
    return [{ k: "assign", v: x, x: el(idx, fast) }, { k: "if", c, then: take, else: [] }, { k: "assign", v: flat, x: binary("add", ref(flat), int(1)) }];
  }))) cx.emit(s);
  return kind === "max" || kind === "min" ? ref(best) : ref(at);
}
