// The NumPy subset of Numba's nopython mode: array creation, attributes, indexing and slicing (views),
// elementwise arithmetic and math with broadcasting, reductions, dot/matmul. Whole-array work is
// built with frontend/arrays.ts (lazy elementwise values, loop nests), so it goes through the same
// passes as hand-written loops.

import type { Expr, MathFn, Stmt } from "../../ir/nodes.js";
import { type ArrayType, type DType, type ScalarType, arrayType, elemType } from "../../ir/types.js";
import {
  type ArrayRef, type BaseAxis, type Elementwise, type Reduction, addInt, assignInto, baseIndex, baseType, broadcast, broadcast2, fromRef, fromScalar,
  isWhole, loadAt, map, materialize, mulInt, nest, reduce, ref, sameExpr, toElement, transpose, wholeArray,
} from "../arrays.js";
import type { Pos, PyExpr, PyStmt } from "./ast.js";
import { type PyLowering, type Val, not } from "./lower.js";
import { F, I, coerce, pyMax, pyMin } from "./scalar.js";
import { cudaMember } from "./cuda.js";

type Call = Extract<PyExpr, { k: "call" }>;

const DTYPE_NAMES: Record<string, DType | "int64" | "bool"> = {
  float64: "f64", float_: "f64", double: "f64", float32: "f32", single: "f32", int32: "i32", intc: "i32", uint32: "u32", int16: "i16", uint16: "u16",
  int8: "i8", uint8: "u8", int64: "int64", int_: "int64", intp: "int64", bool_: "bool",
};

const UFUNCS: Record<string, MathFn> = {
  sqrt: "sqrt", exp: "exp", expm1: "expm1", log: "log", log1p: "log1p", log2: "log2", log10: "log10", sin: "sin", cos: "cos", tan: "tan",
  arcsin: "asin", arccos: "acos", arctan: "atan", sinh: "sinh", cosh: "cosh", tanh: "tanh", arcsinh: "asinh", arccosh: "acosh", arctanh: "atanh",
  floor: "floor", ceil: "ceil", trunc: "trunc", abs: "abs", absolute: "abs", fabs: "abs", cbrt: "cbrt",
};

export class NumpyLowering {
  constructor(private readonly py: PyLowering) {}

  /** The dtype an elementwise value is stored with: float64 for floats, int32 for ints (numbat has no int64 arrays). */
  dtypeOfLazy(el: Elementwise): DType {
    return el.type === "f64" ? "f64" : el.type === "bool" ? "u8" : "i32";
  }

  // ---- names: np.float64, np.pi, math.pi, numba.prange --------------------------------------------

  member(path: string, attr: string, at: Pos): Val {
    const full = `${path}.${attr}`;
    const consts: Record<string, number> = {
      "math.pi": Math.PI, "math.e": Math.E, "math.tau": 2 * Math.PI, "math.inf": Infinity, "math.nan": NaN,
      "numpy.pi": Math.PI, "numpy.e": Math.E, "numpy.inf": Infinity, "numpy.nan": NaN, "numpy.NaN": NaN, "numpy.Inf": Infinity,
    };
    if (full in consts) return { k: "scalar", e: F(consts[full]!) };
    if (path === "numba" && attr === "prange") return { k: "global", path: "numba.prange" };
    if (path.startsWith("numba.cuda")) return cudaMember(this.py, path, attr, at);
    if (path === "numpy" || path === "math" || path === "numba" || path === "numpy.random") return { k: "global", path: full };
    return this.py.fail(at, `'${full}' is not supported`, undefined, "NB105");
  }

  /** A dtype argument: np.float64, np.float32, np.int32, float, int, 'float64'... */
  dtype(e: PyExpr | undefined, fallback: DType): DType {
    if (!e) return fallback;
    let name: string | undefined;
    if (e.k === "str") name = e.value;
    else if (e.k === "name" && (e.id === "float" || e.id === "int" || e.id === "bool")) name = e.id === "float" ? "float64" : e.id === "int" ? "int64" : "bool_";
    else if (e.k === "attr" && e.obj.k === "name" && this.py.mod.imports.get(e.obj.id) === "numpy") name = e.attr;
    const d = name ? DTYPE_NAMES[name] : undefined;
    if (d === "int64") return this.py.fail(e.pos, "numbat arrays have no int64 dtype yet", "use np.int32 (or np.float64) for arrays; scalar ints are int64", "NB104");
    if (d === "bool") return this.py.fail(e.pos, "boolean arrays are not supported yet", "use np.uint8 or np.int32", "NB104");
    if (!d) return this.py.fail(e.pos, "unsupported dtype", "use np.float64, np.float32, np.int32, np.uint8, ...", "NB104");
    return d;
  }

  // ---- array attributes and methods ---------------------------------------------------------------

  arrayAttribute(v: Val, attr: string, at: Pos): Val {
    const shape = v.k === "array" ? v.r.shape : v.k === "lazy" ? v.el.shape : [];
    switch (attr) {
      case "shape": return { k: "tuple", items: shape.map((e) => ({ k: "scalar", e })) };
      case "ndim": return { k: "scalar", e: I(shape.length) };
      case "size": return { k: "scalar", e: shape.reduce<Expr>((p, s) => mulInt(p, s), I(1)) };
      case "T": {
        if (v.k === "array") return { k: "array", r: transpose(v.r) };
        return this.arrayAttribute({ k: "array", r: wholeArray(this.materialize(v)) }, "T", at);
      }
      default: return this.py.fail(at, `array attribute '.${attr}' is not supported`, "supported: .shape, .ndim, .size, .T", "NB105");
    }
  }

  method(obj: Val, name: string, e: Call): Val {
    const axisArg = e.kwargs.find((k) => k.name === "axis")?.value ?? e.args[0];
    switch (name) {
      case "sum": case "prod": case "max": case "min": case "argmax": case "argmin": case "mean":
        return this.reduction(name, obj, e.pos, axisArg);
      case "copy": return this.copy(obj, e.pos);
      case "any": case "all": return this.anyAll(name, obj, e.pos);
      case "fill": {
        const x = this.py.scalar(e.args[0]!);
        if (obj.k !== "array") this.py.fail(e.pos, "fill() needs an array");
        for (const s of assignInto(this.py, (obj as { r: ArrayRef }).r, fromScalar(this.py.spill(x, "fill")))) this.py.emit(s);
        return { k: "none" };
      }
      default: return this.py.fail(e.pos, `array method '.${name}()' is not supported`, "supported: .sum() .prod() .max() .min() .argmax() .argmin() .mean() .copy() .fill()", "NB104");
    }
  }

  /** A fresh array with the value's elements (`.copy()`, `np.copy`): never the same array. */
  private copy(v: Val, at: Pos): Val {
    const el = this.elementwise(v, at);
    const dtype = v.k === "array" ? baseType(v.r).dtype : this.dtypeOfLazy(el);
    return { k: "array", r: wholeArray(materialize(this.py, el, dtype)) };
  }

  /** The value as an array variable: the array itself when it is a whole array, else a fresh one. */
  materialize(v: Val): import("../../ir/nodes.js").Var {
    if (v.k === "array") return isWhole(v.r) ? v.r.base : materialize(this.py, fromRef(v.r, this.py.loc), baseType(v.r).dtype);
    if (v.k === "lazy") return materialize(this.py, v.el, this.dtypeOfLazy(v.el));
    return this.py.fail(undefined, "expected an array");
  }

  elementwise(v: Val, at: Pos): Elementwise {
    if (v.k === "array") return fromRef(v.r, this.py.loc);
    if (v.k === "lazy") return v.el;
    if (v.k === "scalar") return fromScalar(this.py.spill(v.e, "s"));
    return this.py.fail(at, "expected a number or an array");
  }

  // ---- indexing -----------------------------------------------------------------------------------

  /** `A[i, j]` (an element), `A[i]` of a 2-d array (a row view), `A[1:-1, ::2]` (a view); tuples by constant index. */
  index(obj: Val, items: readonly PyExpr[], at: Pos): Val {
    if (obj.k === "tuple") {
      const it = items[0]!;
      if (items.length !== 1 || it.k === "slice") this.py.fail(at, "a tuple takes one constant index");
      const k = constIndex(it);
      if (k === undefined) return this.py.fail(it.pos, "a tuple index must be a constant integer");
      const n = obj.items.length, i = k < 0 ? k + n : k;
      if (i < 0 || i >= n) this.py.fail(it.pos, `tuple index ${k} out of range`);
      return obj.items[i]!;
    }
    if (obj.k === "lazy") obj = { k: "array", r: wholeArray(this.materialize(obj)) };
    if (obj.k !== "array") return this.py.fail(at, "only arrays and tuples can be indexed", undefined, "NB204");
    const r = obj.r;
    if (items.length > r.shape.length) this.py.fail(at, `too many indices: the array has ${r.shape.length} dimension${r.shape.length === 1 ? "" : "s"}, indexed with ${items.length}`, undefined, "NB201");
    const { view, scalar } = this.select(r, items);
    if (scalar) return { k: "scalar", e: loadAt(view, [], this.py.loc) };
    return { k: "array", r: view };
  }

  /** The view selected by subscripts; `scalar` when every axis is fixed. */
  private select(r: ArrayRef, items: readonly PyExpr[]): { view: ArrayRef; scalar: boolean } {
    // Each view axis of r becomes fixed (an index) or a narrower range (a slice); missing trailing items are ':'.
    const picks: ({ fixed: Expr } | { start: Expr; step: Expr; len: Expr })[] = [];
    const vals = items.map((it, d) => (it.k === "slice" ? undefined : this.indexValue(it, r.shape[d]!)));
    items.forEach((it, d) => {
      if (it.k === "slice") picks.push(this.slice(it, r.shape[d]!));
      else picks.push({ fixed: vals[d]! });
    });
    for (let d = items.length; d < r.shape.length; d++) picks.push({ start: I(0), step: I(1), len: r.shape[d]! });
    // Compose with r's own mapping: view axis d of r -> base axes.
    const newAxisOf: (number | undefined)[] = [];
    let n = 0;
    for (const p of picks) newAxisOf.push("fixed" in p ? undefined : n++);
    const axes: BaseAxis[] = r.axes.map((a) => {
      if ("fixed" in a) return a;
      const p = picks[a.axis]!;
      if ("fixed" in p) return { fixed: addInt(a.start, mulInt(a.step, p.fixed)) };
      return { start: addInt(a.start, mulInt(a.step, p.start)), step: mulInt(a.step, p.step), axis: newAxisOf[a.axis]! };
    });
    const shape = picks.flatMap((p) => ("fixed" in p ? [] : [p.len]));
    return { view: { base: r.base, axes, shape }, scalar: shape.length === 0 };
  }

  /** An integer index; negative values count from the end (Numba's wraparound), skipped when provably non-negative. */
  private indexValue(it: PyExpr, size: Expr): Expr {
    const v = this.py.expr(it);
    if (v.k !== "scalar" || v.e.type === "f64") return this.py.fail(it.pos, "array indices must be integers", undefined, "NB200");
    const e = coerce(v.e, "int");
    if (e.k === "const") return (e.value as number) < 0 ? addInt(size, e) : e;
    if (this.nonNegative(e)) return e;
    const s = this.py.spill(e, "ix");
    return { k: "cond", c: { k: "binary", op: "lt", a: s, b: I(0), type: "bool" }, a: { k: "binary", op: "add", a: s, b: size, type: "int" }, b: s, type: "int" };
  }

  /** Loop counters of range loops starting at a non-negative constant with a positive step, and sums/products of such values. */
  private nonNegative(e: Expr): boolean {
    if (e.k === "const") return (e.value as number) >= 0;
    if (e.k === "prop" || e.k === "gpu") return true;
    if (e.k === "var") return this.py.nonNegativeCounter(e.v);
    if (e.k === "binary" && (e.op === "add" || e.op === "mul")) return this.nonNegative(e.a) && this.nonNegative(e.b);
    return false;
  }

  /** Python's slice.indices(size): clamped start, step and the number of elements. */
  private slice(s: Extract<PyExpr, { k: "slice" }>, size: Expr): { start: Expr; step: Expr; len: Expr } {
    const stepV = s.step ? this.intOf(s.step) : I(1);
    if (stepV.k !== "const") return this.py.fail(s.step!.pos, "a slice step must be a constant integer");
    const step = stepV.value as number;
    if (step === 0) this.py.fail(s.step!.pos, "slice step cannot be zero");
    const sz = this.py.spill(size, "sz");
    const clamp = (x: Expr | undefined, dflt: Expr, lo: Expr, hi: Expr): Expr => {
      if (!x) return dflt;
      const e = this.py.spill(x, "sl");
      // negative: += size, then clamp into [lo, hi]
      const adj: Expr = { k: "cond", c: { k: "binary", op: "lt", a: e, b: I(0), type: "bool" }, a: { k: "binary", op: "add", a: e, b: sz, type: "int" }, b: e, type: "int" };
      const a = this.py.spill(adj, "sl");
      return this.py.spill(pyMin(pyMax(a, lo), hi) as Expr, "sl");
    };
    const lo = s.lo ? this.intOf(s.lo) : undefined, hi = s.hi ? this.intOf(s.hi) : undefined;
    let start: Expr, stop: Expr;
    if (step > 0) {
      start = lo && lo.k === "const" && (lo.value as number) >= 0 ? this.py.spill(pyMin(lo, sz), "sl") : clamp(lo, I(0), I(0), sz);
      stop = hi ? clamp(hi, sz, I(0), sz) : sz;
    } else {
      const last = this.py.spill({ k: "binary", op: "sub", a: sz, b: I(1), type: "int" }, "sl");
      start = clamp(lo, last, I(-1), last);
      stop = hi ? clamp(hi, I(-1), I(-1), last) : I(-1);
    }
    // len = max(0, ceil((stop - start) / step))
    const span: Expr = { k: "binary", op: "sub", a: stop, b: start, type: "int" };
    const n: Expr = step > 0
      ? { k: "binary", op: "div", a: { k: "binary", op: "add", a: span, b: I(step - 1), type: "int" }, b: I(step), type: "int" }
      : { k: "binary", op: "div", a: { k: "binary", op: "add", a: span, b: I(step + 1), type: "int" }, b: I(step), type: "int" };
    const len = this.py.spill(pyMax(n, I(0)), "len");
    return { start, step: I(step), len };
  }

  private intOf(e: PyExpr): Expr {
    const v = this.py.expr(e);
    if (v.k !== "scalar" || v.e.type === "f64") return this.py.fail(e.pos, "slice bounds must be integers", undefined, "NB200");
    return coerce(v.e, "int");
  }

  /** `A[i, j] = x`, `A[i, :] = row`, `A[:] = 0` */
  storeSubscript(t: Extract<PyExpr, { k: "subscript" }>, v: Val): void {
    const obj = this.py.expr(t.obj);
    if (obj.k !== "array") return this.py.fail(t.obj.pos, "only arrays support item assignment", undefined, "NB204");
    if (t.items.length > obj.r.shape.length) this.py.fail(t.pos, "too many indices for the array", undefined, "NB201");
    const { view, scalar } = this.select(obj.r, t.items);
    const dtype = baseType(view).dtype;
    if (scalar) {
      if (v.k !== "scalar") return this.py.fail(t.pos, "setting an array element with a sequence", undefined, "NB200");
      this.py.emit({ k: "store", arr: view.base, idx: baseIndex(view, []), x: toElement(v.e, dtype), loc: this.py.loc });
      return;
    }
    this.assignView(view, v, t.pos);
  }

  /** Stores a value (broadcast) into every element of a view; a right side reading the same array is copied first (NumPy's overlap rule). */
  assignView(view: ArrayRef, v: Val, at: Pos): void {
    let el = this.elementwise(v, at);
    if (v.k !== "scalar" && this.reads(el, view)) el = fromRef(wholeArray(materialize(this.py, el, baseType(view).dtype)), this.py.loc);
    const checked = this.broadcastTo(el, view.shape, at);
    for (const s of assignInto(this.py, view, checked)) this.py.emit(s);
  }

  /** Does evaluating `el` load from `view`'s base array? */
  private reads(el: Elementwise, view: ArrayRef): boolean {
    let hit = false;
    const visit = (e: Expr): void => {
      if (hit) return;
      if (e.k === "load" && e.arr === view.base) { hit = true; return; }
      for (const v of Object.values(e)) if (v && typeof v === "object" && "k" in v) visit(v as Expr);
      if (e.k === "math") e.args.forEach(visit);
      if (e.k === "load") e.idx.forEach(visit);
    };
    visit(el.at(el.shape.map(() => I(0))));
    return hit;
  }

  /** `el` checked to broadcast to `shape` exactly (the target's shape does not change). */
  private broadcastTo(el: Elementwise, shape: readonly Expr[], at: Pos): Elementwise {
    if (el.shape.length > shape.length) this.py.fail(at, `cannot assign a ${el.shape.length}-d value to a ${shape.length}-d slice`, undefined, "NB200");
    const target: Elementwise = { shape, type: el.type, at: () => I(0) };
    const fail = () => this.py.raise("ValueError", "could not broadcast input array into the target's shape");
    const b = broadcast2(this.py, target, el, el.type, (_t, x) => x, fail);
    // The result's shape must be the target's: a size-1 target axis against a larger value is an error.
    b.shape.forEach((s, d) => {
      if (!sameExpr(s, shape[d]!)) this.py.emit({ k: "if", c: { k: "binary", op: "ne", a: s, b: shape[d]!, type: "bool" }, then: [fail()], else: [] });
    });
    return { shape, type: el.type, at: b.at, ...(b.fastWhen && { fastWhen: b.fastWhen }) };
  }

  /** `A[i, j] += x` and `A[1:, :] *= 2`: the subscripts are evaluated once. */
  augStore(t: Extract<PyExpr, { k: "subscript" }>, op: string, value: PyExpr, at: Pos): void {
    const obj = this.py.expr(t.obj);
    if (obj.k !== "array") return this.py.fail(t.obj.pos, "only arrays support item assignment", undefined, "NB204");
    if (t.items.length > obj.r.shape.length) this.py.fail(t.pos, "too many indices for the array", undefined, "NB201");
    const { view, scalar } = this.select(obj.r, t.items);
    if (!scalar) return this.updateInPlace(view, op, this.py.expr(value), at);
    const idx = baseIndex(view, []).map((e) => this.py.spill(e, "ix"));
    const cur: Expr = { k: "load", arr: view.base, idx, type: elemType(baseType(view)), loc: this.py.loc };
    const rhs = this.py.expr(value);
    if (rhs.k !== "scalar") return this.py.fail(value.pos, "setting an array element with a sequence", undefined, "NB200");
    const x = this.py.scalarBinop(op, cur, rhs.e, at);
    this.py.emit({ k: "store", arr: view.base, idx, x: toElement(x, baseType(view).dtype), loc: this.py.loc });
  }

  updateInPlace(r: ArrayRef, op: string, rhs: Val, at: Pos): void {
    const cur: Val = { k: "array", r };
    const value = this.elementwiseBinop(op, cur, rhs, at);
    this.assignView(r, value, at);
  }

  // ---- loops over arrays --------------------------------------------------------------------------

  /** Item k of an array along its first axis: a number (1-d) or a view (a row of a 2-d array). */
  item(v: Val, k: Expr, at: Pos): Val {
    const r = v.k === "array" ? v.r : v.k === "lazy" ? wholeArray(this.materialize(v)) : this.py.fail(at, "expected an array");
    const axes: BaseAxis[] = r.axes.map((a) => ("fixed" in a ? a : a.axis === 0 ? { fixed: addInt(a.start, mulInt(a.step, k)) } : { ...a, axis: a.axis - 1 }));
    const view: ArrayRef = { base: r.base, axes, shape: r.shape.slice(1) };
    return view.shape.length === 0 ? { k: "scalar", e: loadAt(view, [], this.py.loc) } : { k: "array", r: view };
  }

  private iterable(v: Val, at: Pos): Val & { k: "array" } {
    if (v.k === "lazy") return { k: "array", r: wholeArray(this.materialize(v)) };
    if (v.k !== "array") return this.py.fail(at, "for loops run over range(...), arrays, enumerate(...) and zip(...)");
    return v;
  }

  /** `for x in a`: elements of a 1-d array, rows of a 2-d one. */
  elementLoop(s: Extract<PyStmt, { k: "for" }>, v: Val): void {
    const a = this.iterable(v, s.iter.pos);
    this.py.countedLoop(s, a.r.shape[0]!, (k) => this.py.assignTo(s.target, this.item(a, k, s.iter.pos), s.target.pos));
  }

  /** `for i, x in enumerate(a[, start])` */
  enumerateLoop(s: Extract<PyStmt, { k: "for" }>, it: Call): void {
    if (it.args.length < 1 || it.args.length > 2) this.py.fail(it.pos, "enumerate() takes an array and an optional start", undefined, "NB202");
    const a = this.iterable(this.py.expr(it.args[0]!), it.args[0]!.pos);
    const start = it.args[1] ? this.py.spill(this.py.intArg(it.args[1], "enumerate"), "e") : I(0);
    if (s.target.k !== "tuple" || s.target.elts.length !== 2) this.py.fail(s.target.pos, "enumerate gives pairs: for i, x in enumerate(a)");
    const [ti, tx] = (s.target as { elts: PyExpr[] }).elts;
    this.py.countedLoop(s, a.r.shape[0]!, (k) => {
      this.py.assignTo(ti!, { k: "scalar", e: addInt(start, k) }, ti!.pos);
      this.py.assignTo(tx!, this.item(a, k, it.pos), tx!.pos);
    });
  }

  /** `for x, y in zip(a, b)`: as many items as the shortest array. */
  zipLoop(s: Extract<PyStmt, { k: "for" }>, it: Call): void {
    if (it.args.length < 1) this.py.fail(it.pos, "zip() needs arrays", undefined, "NB202");
    const arrays = this.py.operands(it.args).map((v, i) => this.iterable(v, it.args[i]!.pos));
    if (s.target.k !== "tuple" || s.target.elts.length !== arrays.length) this.py.fail(s.target.pos, `zip gives ${arrays.length}-tuples: unpack them into ${arrays.length} names`);
    const n = arrays.map((a) => a.r.shape[0]!).reduce((m, x) => this.py.spill(pyMin(m, x), "n"));
    const targets = (s.target as { elts: PyExpr[] }).elts;
    this.py.countedLoop(s, n, (k) => arrays.forEach((a, i) => this.py.assignTo(targets[i]!, this.item(a, k, it.pos), targets[i]!.pos)));
  }

  // ---- elementwise operations ---------------------------------------------------------------------

  elementwiseBinop(op: string, a: Val, b: Val, at: Pos): Val {
    const ea = this.elementwise(a, at), eb = this.elementwise(b, at);
    const t: ScalarType = op === "/" ? "f64" : ea.type === "f64" || eb.type === "f64" ? "f64" : "int";
    const el = broadcast2(this.py, ea, eb, t, (x, y) => this.py.scalarBinop(op, x, y, at, true), () => this.py.raise("ValueError", "operands could not be broadcast together"));
    return { k: "lazy", el };
  }

  /** `A > 0`: a lazy boolean array (stored as uint8 when it must be stored). */
  elementwiseCompare(op: string, a: Val, b: Val, at: Pos): Val {
    const ea = this.elementwise(a, at), eb = this.elementwise(b, at);
    return { k: "lazy", el: broadcast2(this.py, ea, eb, "bool", (x, y) => this.py.compare2(op, x, y, at), () => this.py.raise("ValueError", "operands could not be broadcast together")) };
  }

  elementwiseUnary(op: "-" | "+", v: Val, at: Pos): Val {
    const el = this.elementwise(v, at);
    if (op === "+") return { k: "lazy", el };
    return { k: "lazy", el: map(el, el.type, (x) => ({ k: "unary", op: "neg", x, type: x.type as ScalarType })) };
  }

  elementwiseMath(fn: MathFn, v: Val, at: Pos): Val {
    const el = this.elementwise(v, at);
    const keep = fn === "abs" || fn === "floor" || fn === "ceil" || fn === "trunc";
    const t: ScalarType = keep && el.type !== "f64" ? "int" : "f64";
    return { k: "lazy", el: map(el, t, (x) => (t === "int" ? { k: "math", fn, args: [coerce(x, "int")], type: "int" } : { k: "math", fn, args: [coerce(x, "f64")], type: "f64" })) };
  }

  // ---- reductions ---------------------------------------------------------------------------------

  /** any: some element is true; all: no element is false (NaN is true, as in Python). */
  private anyAll(name: "any" | "all", v: Val, at: Pos): Val {
    const el = this.elementwise(v, at);
    const count = map(el, "int", (x) => ({ k: "cast", op: "b2i", x: name === "any" ? truthOf(x) : not(truthOf(x)), type: "int" }));
    const n = reduce(this.py, count, "sum", () => this.py.raise("ValueError", "empty"));
    return { k: "scalar", e: { k: "binary", op: name === "any" ? "gt" : "eq", a: n, b: I(0), type: "bool" } };
  }

  reduction(name: string, v: Val, at: Pos, axisArg?: PyExpr): Val {
    if (v.k === "scalar") return v;
    const el = this.elementwise(v, at);
    if (axisArg && axisArg.k !== "none") return this.axisReduction(name, el, axisArg, at);
    const kind = (name === "mean" ? "sum" : name.replace(/^a(max|min)$/, "$1")) as Reduction;
    const empty = () => this.py.raise("ValueError", `zero-size array to reduction operation ${name} which has no identity`);
    const r = reduce(this.py, el, kind, empty);
    if (name !== "mean") return { k: "scalar", e: r };
    const size = el.shape.reduce<Expr>((p, s) => mulInt(p, s), I(1));
    return { k: "scalar", e: { k: "binary", op: "div", a: coerce(r, "f64"), b: coerce(size, "f64"), type: "f64" } };
  }

  /** `A.sum(axis=k)` and friends: one reduction per element of the result, along axis k in increasing order. */
  private axisReduction(name: string, el: Elementwise, axisArg: PyExpr, at: Pos): Val {
    const k0 = constIndex(axisArg);
    if (k0 === undefined) return this.py.fail(axisArg.pos, "axis must be a constant integer");
    const n = el.shape.length, k = k0 < 0 ? k0 + n : k0;
    if (k < 0 || k >= n) this.py.fail(axisArg.pos, `axis ${k0} is out of bounds for an array of dimension ${n}`);
    if (name !== "sum" && name !== "prod" && name !== "mean" && name !== "max" && name !== "min") return this.py.fail(at, `${name} with an axis is not supported`);
    const outShape = el.shape.filter((_, d) => d !== k);
    const t: ScalarType = name === "mean" ? "f64" : el.type === "bool" ? "int" : el.type;
    const dtype: DType = t === "f64" ? "f64" : "i32";
    if (outShape.length === 0) return this.reduction(name, { k: "lazy", el }, at);
    const out = this.py.temp(name, arrayType(dtype, outShape.length, true));
    this.py.emit({ k: "assign", v: out, x: { k: "alloc", fill: "empty", shape: outShape.map((s) => this.py.spill(s, "n")), type: out.type as ArrayType, loc: this.py.loc } });
    if (name === "max" || name === "min") {
      const len = this.py.spill(el.shape[k]!, "n");
      this.py.emit({ k: "if", c: { k: "binary", op: "eq", a: len, b: I(0), type: "bool" }, then: [this.py.raise("ValueError", `zero-size array to reduction operation ${name} which has no identity`)], else: [] });
    }
    for (const s of nest(this.py, outShape, (idx) => this.py.collect(() => {
      const inner: Elementwise = { shape: [el.shape[k]!], type: el.type, at: ([j], fast) => el.at([...idx.slice(0, k), j!, ...idx.slice(k)], fast), ...(el.fastWhen && { fastWhen: el.fastWhen }) };
      let r = reduce(this.py, inner, name === "mean" ? "sum" : (name as Reduction), () => this.py.raise("ValueError", "zero-size reduction"));
      if (name === "mean") r = { k: "binary", op: "div", a: coerce(r, "f64"), b: coerce(el.shape[k]!, "f64"), type: "f64" };
      this.py.emit({ k: "store", arr: out, idx, x: toElement(r, dtype), loc: this.py.loc });
    }))) this.py.emit(s);
    return { k: "array", r: wholeArray(out) };
  }

  /** `A @ B` and np.dot: sums of products in increasing k, as the loops would compute them. */
  matmul(a: Val, b: Val, at: Pos): Val {
    if (a.k === "scalar" || b.k === "scalar") return this.elementwiseBinop("*", a, b, at);
    const ea = this.elementwise(a, at), eb = this.elementwise(b, at);
    const t: ScalarType = ea.type === "f64" || eb.type === "f64" ? "f64" : "int";
    const zero = t === "f64" ? F(0) : I(0);
    const na = ea.shape.length, nb = eb.shape.length;
    const inner = this.py.spill(ea.shape[na - 1]!, "k");
    const other = this.py.spill(eb.shape[nb === 1 ? 0 : nb - 2]!, "k");
    this.py.emit({ k: "if", c: { k: "binary", op: "ne", a: inner, b: other, type: "bool" }, then: [this.py.raise("ValueError", "matmul: the inner dimensions do not match")], else: [] });
    if (na > 2 || nb > 2) return this.py.fail(at, "dot/matmul of arrays with more than 2 dimensions is not supported");
    const prod = (x: Expr, y: Expr): Expr => ({ k: "binary", op: "mul", a: coerce(x, t), b: coerce(y, t), type: t });
    if (na === 1 && nb === 1) {
      const s = this.py.temp("dot", t), kk = this.py.temp("k", "int");
      this.py.emit({ k: "assign", v: s, x: zero });
      this.py.emit({ k: "for", label: this.py.label(), v: kk, start: I(0), end: inner, step: 1, cmp: "lt", parallel: false, body: [{ k: "assign", v: s, x: { k: "binary", op: "add", a: ref(s), b: prod(ea.at([ref(kk)]), eb.at([ref(kk)])), type: t } }] });
      return { k: "scalar", e: ref(s) };
    }
    const outShape = [...(na === 2 ? [ea.shape[0]!] : []), ...(nb === 2 ? [eb.shape[1]!] : [])];
    const dtype: DType = t === "f64" ? "f64" : "i32";
    const out = this.py.temp("mm", arrayType(dtype, outShape.length, true));
    this.py.emit({ k: "assign", v: out, x: { k: "alloc", fill: "zeros", shape: outShape.map((s) => this.py.spill(s, "n")), type: out.type as ArrayType, loc: this.py.loc } });
    // C[i, j] += A[i, k] * B[k, j] in the seed's loop order; the optimiser interchanges and tiles it.
    const i = this.py.temp("i", "int"), j = this.py.temp("j", "int"), k = this.py.temp("k", "int");
    const ai = na === 2 ? [ref(i), ref(k)] : [ref(k)];
    const bi = nb === 2 ? [ref(k), ref(j)] : [ref(k)];
    const ci = [...(na === 2 ? [ref(i)] : []), ...(nb === 2 ? [ref(j)] : [])];
    const upd: Stmt = { k: "store", arr: out, idx: ci, x: toElement({ k: "binary", op: "add", a: { k: "load", arr: out, idx: ci, type: elemType(out.type as ArrayType), loc: this.py.loc }, b: prod(ea.at(ai), eb.at(bi)), type: t }, dtype), loc: this.py.loc };
    let body: Stmt[] = [{ k: "for", label: this.py.label(), v: k, start: I(0), end: inner, step: 1, cmp: "lt", parallel: false, body: [upd] }];
    if (nb === 2) body = [{ k: "for", label: this.py.label(), v: j, start: I(0), end: this.py.spill(eb.shape[1]!, "n"), step: 1, cmp: "lt", parallel: false, body }];
    if (na === 2) body = [{ k: "for", label: this.py.label(), v: i, start: I(0), end: this.py.spill(ea.shape[0]!, "n"), step: 1, cmp: "lt", parallel: false, body }];
    for (const s of body) this.py.emit(s);
    return { k: "array", r: wholeArray(out) };
  }

  // ---- numpy functions ----------------------------------------------------------------------------

  call(name: string, e: Call): Val {
    const kw = (n: string) => e.kwargs.find((k) => k.name === n)?.value;
    for (const k of e.kwargs) if (!["dtype", "axis"].includes(k.name)) this.py.fail(k.value.pos, `np.${name}(): keyword '${k.name}' is not supported`, undefined, "NB104");
    if (name in UFUNCS) {
      const v = this.py.expr(e.args[0]!);
      const fn = UFUNCS[name]!;
      if (v.k === "scalar") {
        const keep = fn === "abs" && v.e.type !== "f64";
        return { k: "scalar", e: keep ? { k: "math", fn, args: [coerce(v.e, "int")], type: "int" } : { k: "math", fn, args: [coerce(v.e, "f64")], type: "f64" } };
      }
      return this.elementwiseMath(fn, v, e.pos);
    }
    switch (name) {
      case "zeros": case "ones": case "empty": return this.create(name, e.args[0], this.dtype(kw("dtype") ?? e.args[1], "f64"), e.pos);
      case "full": {
        const arr = this.create("empty", e.args[0], this.dtype(kw("dtype") ?? e.args[2], "f64"), e.pos);
        const x = this.py.scalar(e.args[1]!);
        for (const s of assignInto(this.py, (arr as { r: ArrayRef }).r, fromScalar(this.py.spill(x, "fill")))) this.py.emit(s);
        return arr;
      }
      case "zeros_like": case "ones_like": case "empty_like": {
        const v = this.py.expr(e.args[0]!);
        const shape = v.k === "array" ? v.r.shape : v.k === "lazy" ? v.el.shape : this.py.fail(e.pos, `np.${name} takes an array`);
        const dt = kw("dtype") ? this.dtype(kw("dtype"), "f64") : v.k === "array" ? baseType(v.r).dtype : this.dtypeOfLazy((v as { el: Elementwise }).el);
        return this.allocShape(name.replace("_like", "") as "zeros", shape, dt);
      }
      case "arange": {
        const args = e.args.map((a) => this.py.scalar(a));
        const float = args.some((a) => a.type === "f64");
        const dt = kw("dtype") ? this.dtype(kw("dtype"), "f64") : float ? "f64" : this.py.fail(e.pos, "np.arange of ints makes an int64 array, which numbat does not have yet", "pass dtype=np.int32 or dtype=np.float64, or float arguments", "NB104");
        const t: ScalarType = float ? "f64" : "int";
        const [start, stop, step] = args.length === 1 ? [coerce(I(0), t), coerce(args[0]!, t), coerce(I(1), t)] : [coerce(args[0]!, t), coerce(args[1]!, t), coerce(args[2] ?? I(1), t)];
        const st = this.py.spill(start, "a"), sp = this.py.spill(step, "a");
        // len = ceil((stop - start) / step), at least 0
        const q: Expr = { k: "binary", op: "div", a: coerce({ k: "binary", op: "sub", a: stop, b: st, type: t }, "f64"), b: coerce(sp, "f64"), type: "f64" };
        const len = this.py.spill({ k: "cast", op: "f2idx", x: { k: "math", fn: "max", args: [{ k: "math", fn: "ceil", args: [q], type: "f64" }, F(0)], type: "f64" }, type: "int" }, "len");
        const arr = this.allocShape("empty", [len], dt);
        const r = (arr as { r: ArrayRef }).r;
        const body = nest(this.py, [len], ([i]) => [{ k: "store", arr: r.base, idx: [i!], x: toElement({ k: "binary", op: "add", a: st, b: { k: "binary", op: "mul", a: coerce(i!, t), b: sp, type: t }, type: t }, dt), loc: this.py.loc }]);
        for (const s of body) this.py.emit(s);
        return arr;
      }
      case "sum": case "prod": case "max": case "min": case "amax": case "amin": case "argmax": case "argmin": case "mean":
        return this.reduction(name, this.py.expr(e.args[0]!), e.pos, kw("axis") ?? e.args[1]);
      case "dot": case "matmul": {
        const [a, b] = this.py.operands(e.args);
        return this.matmul(a!, b!, e.pos);
      }
      case "maximum": case "minimum": {
        const [a, b] = this.py.operands(e.args);
        const ea = this.elementwise(a!, e.pos), eb = this.elementwise(b!, e.pos);
        const t: ScalarType = ea.type === "f64" || eb.type === "f64" ? "f64" : "int";
        // NumPy's maximum propagates NaN from either side.
        const pick = (x: Expr, y: Expr): Expr => {
          const cx = coerce(x, t), cy = coerce(y, t);
          const better: Expr = { k: "binary", op: name === "maximum" ? "ge" : "le", a: cx, b: cy, type: "bool" };
          return t === "f64" ? { k: "cond", c: { k: "binary", op: "ne", a: cx, b: cx, type: "bool" }, a: cx, b: { k: "cond", c: better, a: cx, b: cy, type: t }, type: t } : { k: "cond", c: better, a: cx, b: cy, type: t };
        };
        if (a!.k === "scalar" && b!.k === "scalar") return { k: "scalar", e: pick(this.py.spill(a!.e, "m"), this.py.spill(b!.e, "m")) };
        return { k: "lazy", el: broadcast2(this.py, ea, eb, t, pick, () => this.py.raise("ValueError", "operands could not be broadcast together")) };
      }
      case "add": case "subtract": case "multiply": case "divide": case "true_divide": case "floor_divide": case "mod": case "remainder": case "power": {
        const op = { add: "+", subtract: "-", multiply: "*", divide: "/", true_divide: "/", floor_divide: "//", mod: "%", remainder: "%", power: "**" }[name]!;
        if (e.args.length !== 2) this.py.fail(e.pos, `np.${name} takes two arguments`, undefined, "NB202");
        const [a, b] = this.py.operands(e.args);
        return this.elementwiseBinop(op, a!, b!, e.pos);
      }
      case "square": {
        const v = this.py.expr(e.args[0]!);
        return this.elementwiseBinop("*", v, v, e.pos);
      }
      case "negative": return this.elementwiseUnary("-", this.py.expr(e.args[0]!), e.pos);
      case "copy": return this.copy(this.py.expr(e.args[0]!), e.pos);
      case "clip": {
        if (e.args.length !== 3) this.py.fail(e.pos, "np.clip(a, lo, hi) takes three arguments", undefined, "NB202");
        const [a, lo, hi] = this.py.operands(e.args).map((v, i) => this.elementwise(v!, e.args[i]!.pos));
        const t: ScalarType = [a!, lo!, hi!].some((x) => x.type === "f64") ? "f64" : "int";
        // NumPy's clip: minimum(maximum(a, lo), hi), NaN kept
        const clip = ([x, l, h]: Expr[]): Expr => {
          const cx = coerce(x!, t), cl = coerce(l!, t), ch = coerce(h!, t);
          const up: Expr = { k: "cond", c: { k: "binary", op: "lt", a: cx, b: cl, type: "bool" }, a: cl, b: cx, type: t };
          return { k: "cond", c: { k: "binary", op: "gt", a: up, b: ch, type: "bool" }, a: ch, b: up, type: t };
        };
        return { k: "lazy", el: broadcast(this.py, [a!, lo!, hi!], t, clip, () => this.py.raise("ValueError", "operands could not be broadcast together")) };
      }
      case "linspace": {
        // Numba's and NumPy's formula: start + i * step with step = (stop - start) / (num - 1), the last element stop itself.
        if (e.args.length !== 3) this.py.fail(e.pos, "np.linspace(start, stop, num) takes three arguments", undefined, "NB202");
        const [a, b] = e.args.slice(0, 2).map((x) => this.py.spill(coerce(this.py.scalar(x), "f64"), "l"));
        const num = this.py.spill(this.py.intArg(e.args[2]!, "linspace"), "n");
        const arr = this.allocShape("empty", [num], "f64");
        const r = (arr as { r: ArrayRef }).r;
        const step = this.py.spill({ k: "binary", op: "div", a: { k: "binary", op: "sub", a: b!, b: a!, type: "f64" }, b: coerce({ k: "binary", op: "sub", a: num, b: I(1), type: "int" }, "f64"), type: "f64" }, "step");
        // one element: start (the step, 0 / 0 or x / 0, is not used)
        const at = (i: Expr): Expr => ({ k: "cond", c: { k: "binary", op: "gt", a: num, b: I(1), type: "bool" }, a: { k: "binary", op: "add", a: a!, b: { k: "binary", op: "mul", a: coerce(i, "f64"), b: step, type: "f64" }, type: "f64" }, b: a!, type: "f64" });
        for (const st of nest(this.py, [num], ([i]) => [{ k: "store", arr: r.base, idx: [i!], x: at(i!), loc: this.py.loc }])) this.py.emit(st);
        this.py.emit({ k: "if", c: { k: "binary", op: "gt", a: num, b: I(1), type: "bool" }, then: [{ k: "store", arr: r.base, idx: [{ k: "binary", op: "sub", a: num, b: I(1), type: "int" }], x: b!, loc: this.py.loc }], else: [] });
        return arr;
      }
      case "cumsum": case "cumprod": {
        // The running sum in row-major order, flattened (NumPy without an axis).
        const el = this.elementwise(this.py.expr(e.args[0]!), e.pos);
        const t: ScalarType = el.type === "f64" ? "f64" : "int";
        const size = this.py.spill(el.shape.reduce<Expr>((p, x) => mulInt(p, x), I(1)), "n");
        const out = this.allocShape("empty", [size], t === "f64" ? "f64" : "i32");
        const base = (out as { r: ArrayRef }).r.base;
        const acc = this.py.temp(name, t), pos = this.py.temp("pos", "int");
        this.py.emit({ k: "assign", v: acc, x: name === "cumsum" ? (t === "f64" ? F(0) : I(0)) : (t === "f64" ? F(1) : I(1)) });
        this.py.emit({ k: "assign", v: pos, x: I(0) });
        for (const st of nest(this.py, el.shape, (idx) => [
          { k: "assign", v: acc, x: { k: "binary", op: name === "cumsum" ? "add" : "mul", a: ref(acc), b: coerce(el.at(idx), t), type: t } },
          { k: "store", arr: base, idx: [ref(pos)], x: toElement(ref(acc), elemType(base.type as ArrayType) === "f64" ? "f64" : "i32"), loc: this.py.loc },
          { k: "assign", v: pos, x: { k: "binary", op: "add", a: ref(pos), b: I(1), type: "int" } },
        ])) this.py.emit(st);
        return out;
      }
      case "where": {
        if (e.args.length !== 3) this.py.fail(e.pos, "np.where(condition, x, y) takes three arguments (the one-argument form is not supported)", undefined, "NB202");
        const [c, a, b] = this.py.operands(e.args).map((v, i) => this.elementwise(v!, e.args[i]!.pos));
        const t: ScalarType = a!.type === b!.type ? a!.type : a!.type === "f64" || b!.type === "f64" ? "f64" : "int";
        const el = broadcast(this.py, [c!, a!, b!], t, ([x, y, z]) => ({ k: "cond", c: x!.type === "bool" ? x! : { k: "binary", op: "ne", a: x!, b: x!.type === "int" ? I(0) : F(0), type: "bool" }, a: coerce(y!, t), b: coerce(z!, t), type: t }),
          () => this.py.raise("ValueError", "operands could not be broadcast together"));
        return { k: "lazy", el };
      }
      case "any": case "all": return this.anyAll(name, this.py.expr(e.args[0]!), e.pos);
      case "isnan": {
        const v = this.py.expr(e.args[0]!);
        if (v.k === "scalar") return { k: "scalar", e: { k: "math", fn: "isNaN", args: [coerce(v.e, "f64")], type: "bool" } };
        return { k: "lazy", el: map(this.elementwise(v, e.pos), "bool", (x) => ({ k: "math", fn: "isNaN", args: [coerce(x, "f64")], type: "bool" })) };
      }
      case "float64": case "float32": case "int32": case "int64": {
        const x = this.py.scalar(e.args[0]!);
        if (name === "float64") return { k: "scalar", e: coerce(x, "f64") };
        if (name === "float32") return { k: "scalar", e: { k: "math", fn: "fround", args: [coerce(x, "f64")], type: "f64" } };
        if (x.type !== "f64") return { k: "scalar", e: coerce(x, "int") };
        return { k: "scalar", e: { k: "cast", op: "f2idx", x: { k: "math", fn: "trunc", args: [x], type: "f64" }, type: "int" } };
      }
      default: return this.py.fail(e.pos, `np.${name} is not supported`, "docs/python.md lists the supported NumPy functions", "NB104");
    }
  }

  /** np.zeros/ones/empty(shape): shape is an int or a tuple of ints. */
  private create(fill: "zeros" | "ones" | "empty", shapeArg: PyExpr | undefined, dtype: DType, at: Pos): Val {
    if (!shapeArg) return this.py.fail(at, `np.${fill} needs a shape`, undefined, "NB202");
    const v = this.py.expr(shapeArg);
    const dims = v.k === "tuple" ? v.items : [v];
    if (dims.length === 0) this.py.fail(shapeArg.pos, "0-dimensional arrays are not supported", "use a number");
    const shape = dims.map((d) => (d.k === "scalar" && d.e.type !== "f64" ? coerce(d.e, "int") : this.py.fail(shapeArg.pos, "array dimensions must be integers", undefined, "NB200")));
    return this.allocShape(fill, shape, dtype);
  }

  private allocShape(fill: "zeros" | "ones" | "empty", shape: readonly Expr[], dtype: DType): Val {
    const t = arrayType(dtype, shape.length, true);
    const v = this.py.temp(fill, t);
    this.py.emit({ k: "assign", v, x: { k: "alloc", fill, shape: shape.map((s) => this.py.spill(s, "n")), type: t, loc: this.py.loc } });
    return { k: "array", r: wholeArray(v) };
  }
}

function truthOf(x: Expr): Expr {
  return x.type === "bool" ? x : { k: "binary", op: "ne", a: x, b: x.type === "int" ? I(0) : F(0), type: "bool" };
}

function constIndex(e: PyExpr): number | undefined {
  if (e.k === "num" && e.int) return e.value;
  if (e.k === "unary" && e.op === "-" && e.x.k === "num" && e.x.int) return -e.x.value;
  return undefined;
}

