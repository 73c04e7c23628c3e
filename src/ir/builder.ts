// Terse constructors for IR nodes, for tests and passes that synthesise code.
// Result types are inferred the way the frontend types them, so hand-built IR passes verify.ts.

import { MATH_FNS } from "./math.js";
import type {
  ArrayProp, BinaryOp, CastOp, ErrorClass, Expr, FillKind, FuncIR, Loc, MathFn, Stmt, UnaryOp, Var,
} from "./nodes.js";
import { BINARY_OPS } from "./nodes.js";
import { forEachExpr, forEachStmt } from "./walk.js";
import { arrayType, elemType, isArray, type ArrayType, type DType, type ScalarType, type Type } from "./types.js";

export const NOLOC: Loc = { line: 0, column: 0 };
export const loc = (line: number, column: number): Loc => ({ line, column });

// Module-wide counters keep ids unique across every function a test builds; reset for golden output.
let nextVarId = 0;
let nextLabel = 0;
export function resetIds(): void { nextVarId = 0; nextLabel = 0; }
export function newVar(name: string, type: Type): Var { return { id: nextVarId++, name, type }; }
export function newLabel(): number { return nextLabel++; }

/** A bare typed array (`Float64Array`...) and an ndarray-protocol object. */
export const ta = (dtype: DType): ArrayType => arrayType(dtype, 1, false);
export const nd = (dtype: DType, ndim: number): ArrayType => arrayType(dtype, ndim, true);

// ---- expressions ----

export function c(value: number | boolean, type?: ScalarType): Expr {
  const t = type ?? (typeof value === "boolean" ? "bool" : Number.isInteger(value) ? "int" : "f64");
  return { k: "const", type: t, value };
}
export const v = (x: Var): Expr => ({ k: "var", v: x, type: x.type });

export function bin(op: BinaryOp, a: Expr, b: Expr, at?: Loc): Expr {
  const type: ScalarType = BINARY_OPS[op].kind === "compare" ? "bool" : (a.type as ScalarType);
  return at ? { k: "binary", op, a, b, type, loc: at } : { k: "binary", op, a, b, type };
}
export const un = (op: UnaryOp, x: Expr): Expr => ({ k: "unary", op, x, type: op === "not" ? "bool" : (x.type as ScalarType) });

const CAST_RESULT: Record<CastOp, ScalarType> = { i2f: "f64", b2i: "int", b2f: "f64", f2i32: "int", f2idx: "int", truthy: "bool", f2u8c: "int", i2u8c: "int" };
export const cast = (op: CastOp, x: Expr): Expr => ({ k: "cast", op, x, type: CAST_RESULT[op] });

export function math(fn: MathFn, args: Expr[], type?: ScalarType): Expr {
  const r = MATH_FNS[fn].result;
  const inferred: ScalarType =
    r === "bool" ? "bool" : r === "int32" ? "int" : r === "keep" && args.every((a) => a.type === "int") ? "int" : "f64";
  return { k: "math", fn, args, type: type ?? inferred };
}
export const cond = (cc: Expr, a: Expr, b: Expr): Expr => ({ k: "cond", c: cc, a, b, type: a.type as ScalarType });
export const and = (a: Expr, b: Expr): Expr => ({ k: "logical", op: "and", a, b, type: a.type as ScalarType });
export const or = (a: Expr, b: Expr): Expr => ({ k: "logical", op: "or", a, b, type: a.type as ScalarType });

export function load(a: Var, idx: Expr[], at: Loc = NOLOC): Expr {
  return { k: "load", arr: a, idx, type: isArray(a.type) ? elemType(a.type) : "f64", loc: at };
}
export const prop = (a: Var, p: ArrayProp, dim = 0): Expr => ({ k: "prop", arr: a, prop: p, dim, type: "int" });
export const call = (fn: FuncIR, args: Expr[], at: Loc = NOLOC): Expr => ({ k: "call", fn, args, type: fn.ret, loc: at });
export const alloc = (fill: FillKind, type: ArrayType, shape: Expr[], at: Loc = NOLOC): Expr =>
  ({ k: "alloc", fill, shape, type, loc: at });

// ---- statements ----

export const assign = (x: Var, e: Expr): Stmt => ({ k: "assign", v: x, x: e });
export const store = (a: Var, idx: Expr[], x: Expr, at: Loc = NOLOC): Stmt => ({ k: "store", arr: a, idx, x, loc: at });
export const if_ = (cc: Expr, then: Stmt[], els: Stmt[] = []): Stmt => ({ k: "if", c: cc, then, else: els });
export const brk = (label: number): Stmt => ({ k: "break", label });
export const cont = (label: number): Stmt => ({ k: "continue", label });
export const ret = (x: Expr | null = null): Stmt => ({ k: "return", x });
export const throw_ = (cls: ErrorClass, msg: string, at: Loc = NOLOC): Stmt => ({ k: "throw", cls, msg, loc: at });
export const exprStmt = (x: Expr): Stmt => ({ k: "expr", x });

export interface ForOpts { step?: number; cmp?: "lt" | "le" | "gt" | "ge"; parallel?: boolean; label?: number }
/** `body` may be a callback receiving the loop's label, for loops whose body breaks out of them. */
export function for_(x: Var, start: Expr, end: Expr, body: Stmt[] | ((label: number) => Stmt[]), o: ForOpts = {}): Stmt {
  const label = o.label ?? newLabel();
  const b = typeof body === "function" ? body(label) : body;
  return { k: "for", label, v: x, start, end, step: o.step ?? 1, cmp: o.cmp ?? "lt", body: b, parallel: o.parallel ?? false };
}

export interface LoopParts { pre?: Expr | null; body: Stmt[]; update?: Stmt[]; post?: Expr | null }
export function loop(parts: LoopParts | ((label: number) => LoopParts), label = newLabel()): Stmt {
  const p = typeof parts === "function" ? parts(label) : parts;
  return { k: "loop", label, pre: p.pre ?? null, body: p.body, update: p.update ?? [], post: p.post ?? null };
}

// ---- functions ----

export interface FuncSpec {
  name: string;
  params: Var[];
  ret: Type;
  body: Stmt[];
  sourceName?: string;
  locals?: Var[];
  written?: Iterable<Var>;
  callees?: FuncIR[];
}

/** Builds a FuncIR, deriving locals (first-use order), transitive callees and written params when not given. */
export function func(spec: FuncSpec): FuncIR {
  const params = new Set(spec.params);
  const locals: Var[] = [];
  const seen = new Set<Var>();
  const direct: FuncIR[] = [];
  const stores: Var[] = [];
  const calls: { fn: FuncIR; args: readonly Expr[] }[] = [];
  const use = (x: Var): void => { if (!params.has(x) && !seen.has(x)) { seen.add(x); locals.push(x); } };
  forEachStmt(spec.body, (s) => {
    if (s.k === "assign" || s.k === "for") use(s.v);
    if (s.k === "store") { use(s.arr); stores.push(s.arr); }
  });
  forEachExpr(spec.body, (e) => {
    if (e.k === "var") use(e.v);
    if (e.k === "load" || e.k === "prop") use(e.arr);
    if (e.k === "call") { if (!direct.includes(e.fn)) direct.push(e.fn); calls.push(e); }
  });
  const callees: FuncIR[] = [];
  const visit = (fn: FuncIR): void => {
    if (callees.includes(fn)) return;
    fn.callees.forEach(visit);
    callees.push(fn);
  };
  direct.forEach(visit);
  const written = new Set<Var>(spec.written ?? [
    ...stores.filter((x) => params.has(x)),
    ...calls.flatMap(({ fn, args }) => args.flatMap((a, i) =>
      a.k === "var" && params.has(a.v) && fn.written.has(fn.params[i]) ? [a.v] : [])),
  ]);
  return {
    name: spec.name, params: spec.params, ret: spec.ret, body: spec.body,
    locals: spec.locals ?? locals, written, callees: spec.callees ?? callees,
    sourceName: spec.sourceName ?? spec.name,
  };
}
