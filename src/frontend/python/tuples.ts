// Tuple return values. numbat's IR returns one value, so a returned tuple travels as one float64
// array that the JS wrapper (index.ts) unpacks: first the dimensions of each array item, then each
// item in order — a number in one slot, an array's elements in row-major order. The wrapper rebuilds
// numbers, booleans and arrays (fresh copies, with the items' dtypes) from it.

import type { Expr, Stmt, Var } from "../../ir/nodes.js";
import { type ArrayType, type ScalarType, type Type, DTYPES, isArray, sameType } from "../../ir/types.js";
import { dimOf, nest, ref, toElement } from "../arrays.js";
import { zeros, type DTypeName, type NdArray } from "../../runtime/ndarray.js";
import type { LoopContext } from "../arrays.js";

export type TupleItem = ScalarType | ArrayType;

const TUPLE_RETURNS = Symbol("numbat.python.tupleReturns");

/** Records, on a compiled Python function, what its signatures return as tuples (for callers in the same source). */
export function attachTupleReturns(f: Function, byTypes: (types: readonly Type[]) => TupleReturn | undefined): void {
  Object.defineProperty(f, TUPLE_RETURNS, { value: byTypes });
}

export function tupleReturnOf(f: unknown, types: readonly Type[]): TupleReturn | undefined {
  const get = (f as { [TUPLE_RETURNS]?: (t: readonly Type[]) => TupleReturn | undefined } | undefined)?.[TUPLE_RETURNS];
  return get?.(types);
}
export interface TupleReturn { readonly items: readonly TupleItem[] }

const I = (value: number): Expr => ({ k: "const", type: "int", value });
const add = (a: Expr, b: Expr): Expr => ({ k: "binary", op: "add", a, b, type: "int" });
const toF64 = (x: Expr): Expr => (x.type === "f64" ? x : { k: "cast", op: x.type === "bool" ? "b2f" : "i2f", x, type: "f64" });

/** Joins the item types of two returns (int ⊔ float = float); undefined when they cannot agree. */
export function joinTuple(a: TupleReturn | undefined, b: TupleReturn): TupleReturn | undefined {
  if (!a) return b;
  if (a.items.length !== b.items.length) return undefined;
  const items: TupleItem[] = [];
  for (let i = 0; i < a.items.length; i++) {
    const x = a.items[i]!, y = b.items[i]!;
    if (isArray(x) || isArray(y)) {
      if (!isArray(x) || !isArray(y) || !sameType(x, y)) return undefined;
      items.push(x);
    } else if (x === y) items.push(x);
    else if (x === "bool" || y === "bool") return undefined;
    else items.push("f64");
  }
  return { items };
}

/** Statements that pack `values` (pure scalars, or array variables) into a fresh float64 array, returned in `out`. */
export function packTuple(cx: LoopContext, values: readonly Expr[], out: Var): Stmt[] {
  return cx.collect(() => {
    let size: Expr = I(0);
    const header: Expr[] = [];
    for (const v of values) {
      if (!isArray(v.type)) { size = add(size, I(1)); continue; }
      const arr = (v as { v: Var }).v;
      let n: Expr = I(1);
      for (let d = 0; d < v.type.ndim; d++) {
        header.push(dimOf(arr, d));
        n = { k: "binary", op: "mul", a: n, b: dimOf(arr, d), type: "int" };
      }
      size = add(size, n);
    }
    const total = cx.temp("tsize", "int");
    cx.emit({ k: "assign", v: total, x: add(size, I(header.length)) });
    cx.emit({ k: "assign", v: out, x: { k: "alloc", fill: "empty", shape: [ref(total)], type: out.type as ArrayType, loc: cx.loc } });
    header.forEach((h, i) => cx.emit({ k: "store", arr: out, idx: [I(i)], x: toF64(h), loc: cx.loc }));
    const pos = cx.temp("tpos", "int");
    cx.emit({ k: "assign", v: pos, x: I(header.length) });
    const bump: Stmt = { k: "assign", v: pos, x: add(ref(pos), I(1)) };
    for (const v of values) {
      if (!isArray(v.type)) {
        cx.emit({ k: "store", arr: out, idx: [ref(pos)], x: toF64(v), loc: cx.loc });
        cx.emit(bump);
        continue;
      }
      const arr = (v as { v: Var }).v, t = v.type;
      const shape = Array.from({ length: t.ndim }, (_, d) => dimOf(arr, d));
      // The element's slot is affine in the counters (pos + row-major flat index).
      const flat = (idx: Expr[]) => idx.reduce<Expr>((acc, i, d) => add(d === 0 ? I(0) : { k: "binary", op: "mul", a: acc, b: shape[d]!, type: "int" }, i), I(0));
      for (const s of nest(cx, shape, (idx) => [
        { k: "store", arr: out, idx: [add(ref(pos), flat(idx))], x: toF64({ k: "load", arr, idx, type: DTYPES[t.dtype].scalar, loc: cx.loc }), loc: cx.loc },
      ])) cx.emit(s);
      cx.emit({ k: "assign", v: pos, x: add(ref(pos), shape.reduce<Expr>((a, b) => ({ k: "binary", op: "mul", a, b, type: "int" }), I(1))) });
    }
  });
}

/** In IR, the items of a tuple packed by a called function: pure scalar expressions and fresh array variables. */
export function unpackTupleIR(cx: LoopContext, packed: Var, t: TupleReturn): Expr[] {
  const at = (i: Expr): Expr => ({ k: "load", arr: packed, idx: [i], type: "f64", loc: cx.loc });
  const toInt = (x: Expr): Expr => ({ k: "cast", op: "f2idx", x, type: "int" });
  let h = 0;
  const shapes = t.items.map((it) => (isArray(it) ? Array.from({ length: it.ndim }, () => {
    const d = cx.temp("dim", "int");
    cx.emit({ k: "assign", v: d, x: toInt(at(I(h++))) });
    return ref(d);
  }) : []));
  let pos: Expr = I(h);
  return t.items.map((it, i) => {
    if (!isArray(it)) {
      const v = cx.temp("item", it);
      const x = at(pos);
      cx.emit({ k: "assign", v, x: it === "f64" ? x : it === "int" ? toInt(x) : { k: "binary", op: "ne", a: x, b: { k: "const", type: "f64", value: 0 }, type: "bool" } });
      pos = add(pos, I(1));
      return ref(v);
    }
    const shape = shapes[i]!;
    const arr = cx.temp("item", { ...it, nd: true });
    cx.emit({ k: "assign", v: arr, x: { k: "alloc", fill: "empty", shape, type: arr.type as ArrayType, loc: cx.loc } });
    const base = cx.temp("pos", "int");
    cx.emit({ k: "assign", v: base, x: pos });
    const flat = (idx: Expr[]) => idx.reduce<Expr>((acc, j, d) => add(d === 0 ? I(0) : { k: "binary", op: "mul", a: acc, b: shape[d]!, type: "int" }, j), I(0));
    const dtype = it.dtype;
    for (const s of nest(cx, shape, (idx) => [{ k: "store", arr, idx, x: toElement(at(add(ref(base), flat(idx))), dtype), loc: cx.loc }])) cx.emit(s);
    pos = add(ref(base), shape.reduce<Expr>((a, b) => ({ k: "binary", op: "mul", a, b, type: "int" }), I(1)));
    return ref(arr);
  });
}

/** The JS values of a packed tuple. */
export function unpackTuple(data: Float64Array, t: TupleReturn): unknown[] {
  let h = 0;
  const shapes = t.items.map((it) => (isArray(it) ? Array.from({ length: it.ndim }, () => data[h++]!) : []));
  let p = h;
  return t.items.map((it, i) => {
    if (!isArray(it)) {
      const x = data[p++]!;
      return it === "bool" ? x !== 0 : x;
    }
    const a: NdArray = zeros(shapes[i]!, DTYPES[it.dtype].name as DTypeName);
    const d = a.data as unknown as number[];
    for (let k = 0; k < d.length; k++) d[k] = data[p++]!;
    return a;
  });
}
