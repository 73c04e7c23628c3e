// How the wasm backend spells each IR operator: one table per kind of node (unary, binary, Math
// functions, element loads and stores, SIMD lanes), each typed `satisfies Record<Op, ...>` so that an
// operator added to the IR without a lowering here is a TypeScript error, not a run-time "no lowering".

import type { FunctionBuilder, ValType, WasmOp } from "./encoder.js";
import type { BinaryOp, Expr, Loc, MathFn, ScalarType, Stmt, UnaryOp, Var } from "../../ir/nodes.js";
import type { DType } from "../../ir/types.js";
import type { LaneKind } from "../../passes/vectorize.js";
import type { HelperName } from "./helpers.js";
import { expMatchesEngine } from "./exp.js";

type ForStmt = Extract<Stmt, { k: "for" }>;

/** What an operator's lowering (and the vector code in simd.ts) asks of the function being emitted (codegen.ts#FunctionEmitter). */
export interface Emitter {
  readonly fb: FunctionBuilder;
  /** Module-level indices: helper functions, imports, and error sites. */
  helper(name: HelperName): number;
  importIndex(name: string): number;
  site(loc: Loc): number;
  expr(e: Expr): void;
  loc(v: Var): number[];
  /** A scratch local of type `t`, freed with `release`. */
  tmp(t: ValType): number;
  release(t: ValType, l: number): void;
  /** Leaves the byte address of element `idx` on the stack, after bounds checks unless `unchecked`. */
  address(arr: Var, idx: readonly Expr[], at: Loc, unchecked?: boolean): void;
  /** Local of one component of an array value. */
  part(arr: Var, name: "ptr" | "len" | "off" | `n${number}` | `s${number}`): number;
  /** A counted loop; `inner` emits its body when it sits inside a vector loop (it then runs once for all lanes). */
  forLoop(s: ForStmt, inner?: (stmts: readonly Stmt[]) => void): void;
  /** Integer min/max of the two i64 values on the stack. */
  intMinMax(fn: "min" | "max"): void;
}

export const LOG2_BYTES: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };

/** Math functions computed by numbat's own wasm (bit for bit the engine's, checked once per process) rather than imported. */
export const inlineMath = (fn: MathFn): boolean => fn === "exp" && expMatchesEngine();

// ---- scalar operators ---------------------------------------------------------------------------

type UnaryNode = Extract<Expr, { k: "unary" }>;
type BinaryNode = Extract<Expr, { k: "binary" }>;
type MathNode = Extract<Expr, { k: "math" }>;

/** Unary operators: each lowering evaluates its operand itself. */
export const UNARY = {
  neg: (c, e) => {
    if (e.type === "int") {
      c.fb.op("i64.const", 0);
      c.expr(e.x);
      c.fb.op("i64.sub");
      return;
    }
    c.expr(e.x);
    c.fb.op("f64.neg");
  },
  not: (c, e) => {
    c.expr(e.x);
    c.fb.op("i32.eqz");
  },
  // JS's ~ on the operand's low 32 bits.
  bitnot: (c, e) => {
    c.expr(e.x);
    c.fb.op("i32.wrap_i64").op("i32.const", -1).op("i32.xor").op("i64.extend_i32_s");
  },
} satisfies Record<UnaryOp, (c: Emitter, e: UnaryNode) => void>;

/** A bitwise operator on the operands' low 32 bits, widened back to i64 (unsigned after >>>). */
const bitwise = (op: WasmOp, widen: WasmOp = "i64.extend_i32_s") => (c: Emitter, e: BinaryNode): void => {
  c.expr(e.a);
  c.fb.op("i32.wrap_i64");
  c.expr(e.b);
  c.fb.op("i32.wrap_i64").op(op);
  c.fb.op(widen);
};

/** An operator with one instruction per operand type (bool operands compare as i32). */
const direct = (f64: WasmOp, int: WasmOp, bool: WasmOp) => (c: Emitter, e: BinaryNode): void => {
  c.expr(e.a);
  c.expr(e.b);
  const t = e.a.type as ScalarType;
  c.fb.op(t === "f64" ? f64 : t === "int" ? int : bool);
};

/** Binary operators: each lowering evaluates its operands itself. */
export const BINARY = {
  add: direct("f64.add", "i64.add", "i32.add"),
  sub: direct("f64.sub", "i64.sub", "i32.sub"),
  mul: direct("f64.mul", "i64.mul", "i32.mul"),
  // f64 division, or int division truncating toward zero (Python's frontend; never by 0 or INT64_MIN / -1, see ir/nodes.ts).
  div: (c, e) => {
    if (e.a.type === "bool") throw new Error("wasm codegen: '/' of bool operands");
    direct("f64.div", "i64.div_s", "f64.div")(c, e);
  },
  mod: (c, e) => {
    if (e.a.type === "f64") {
      c.expr(e.a);
      c.expr(e.b);
      c.fb.op("call", c.importIndex("fmod"));
      return;
    }
    // An integer remainder by zero: JS gives NaN, which an int cannot hold (the runtime reports it).
    const b = c.tmp("i64");
    c.expr(e.a);
    c.expr(e.b);
    c.fb.op("local.tee", b).op("i64.eqz");
    c.fb.if(null);
    c.fb.op("i32.const", c.site(e.loc ?? { line: 0, column: 0 })).op("call", c.importIndex("rem0")).op("unreachable");
    c.fb.end();
    c.fb.op("local.get", b).op("i64.rem_s");
    c.release("i64", b);
  },
  bitand: bitwise("i32.and"),
  bitor: bitwise("i32.or"),
  bitxor: bitwise("i32.xor"),
  shl: bitwise("i32.shl"),
  shr: bitwise("i32.shr_s"),
  ushr: bitwise("i32.shr_u", "i64.extend_i32_u"),
  eq: direct("f64.eq", "i64.eq", "i32.eq"),
  ne: direct("f64.ne", "i64.ne", "i32.ne"),
  lt: direct("f64.lt", "i64.lt_s", "i32.lt_s"),
  le: direct("f64.le", "i64.le_s", "i32.le_s"),
  gt: direct("f64.gt", "i64.gt_s", "i32.gt_s"),
  ge: direct("f64.ge", "i64.ge_s", "i32.ge_s"),
} satisfies Record<BinaryOp, (c: Emitter, e: BinaryNode) => void>;

/**
 * Math functions: "import" calls the engine's own function (V8 calls imported Math builtins
 * directly, with its own results); otherwise a lowering that evaluates the arguments itself.
 */
type MathLowering = "import" | ((c: Emitter, e: MathNode) => void);

/** A function of one f64 argument that is one instruction or a helper call. */
const unaryMath = (op: WasmOp | { helper: HelperName }) => (c: Emitter, e: MathNode): void => {
  c.expr(e.args[0]!);
  if (typeof op === "string") c.fb.op(op);
  else c.fb.op("call", c.helper(op.helper));
};

const minMax = (fn: "min" | "max") => (c: Emitter, e: MathNode): void => {
  c.expr(e.args[0]!);
  for (const a of e.args.slice(1)) {
    c.expr(a);
    if (e.type === "f64") c.fb.op(`f64.${fn}`);
    else c.intMinMax(fn);
  }
};

/** Number.isInteger / isSafeInteger: trunc(x) == x excludes NaN; the magnitude test excludes infinities (and unsafe values). */
const integral = (limit: number, cmp: "f64.lt" | "f64.le") => (c: Emitter, e: MathNode): void => {
  c.expr(e.args[0]!);
  const l = c.tmp("f64");
  c.fb.op("local.tee", l).op("f64.trunc").op("local.get", l).op("f64.eq");
  c.fb.op("local.get", l).op("f64.abs").op("f64.const", limit).op(cmp);
  c.fb.op("i32.and");
  c.release("f64", l);
};

export const MATH = {
  abs: (c, e) => {
    c.expr(e.args[0]!);
    if (e.type !== "int" && e.args[0]!.type !== "int") {
      c.fb.op("f64.abs");
      return;
    }
    const l = c.tmp("i64");
    c.fb.op("local.set", l);
    c.fb.op("i64.const", 0).op("local.get", l).op("i64.sub").op("local.get", l).op("local.get", l).op("i64.const", 0).op("i64.lt_s").op("select");
    c.release("i64", l);
  },
  sqrt: unaryMath("f64.sqrt"),
  floor: unaryMath("f64.floor"),
  ceil: unaryMath("f64.ceil"),
  trunc: unaryMath("f64.trunc"),
  round: unaryMath({ helper: "round" }),
  sign: (c, e) => unaryMath({ helper: e.type === "int" || e.args[0]!.type === "int" ? "isign" : "sign" })(c, e),
  fround: (c, e) => {
    c.expr(e.args[0]!);
    c.fb.op("f32.demote_f64").op("f64.promote_f32");
  },
  min: minMax("min"),
  max: minMax("max"),
  imul: (c, e) => {
    c.expr(e.args[0]!);
    c.fb.op("i32.wrap_i64");
    c.expr(e.args[1]!);
    c.fb.op("i32.wrap_i64").op("i32.mul").op("i64.extend_i32_s");
  },
  clz32: (c, e) => {
    c.expr(e.args[0]!);
    c.fb.op("i32.wrap_i64").op("i32.clz").op("i64.extend_i32_u");
  },
  sin: "import", cos: "import", tan: "import", asin: "import", acos: "import", atan: "import", atan2: "import",
  sinh: "import", cosh: "import", tanh: "import", asinh: "import", acosh: "import", atanh: "import",
  exp: "import", expm1: "import", log: "import", log1p: "import", log2: "import", log10: "import",
  cbrt: "import", pow: "import", hypot: "import", random: "import",
  isNaN: (c, e) => {
    c.expr(e.args[0]!);
    const l = c.tmp("f64");
    c.fb.op("local.tee", l).op("local.get", l).op("f64.ne");
    c.release("f64", l);
  },
  isFinite: (c, e) => {
    c.expr(e.args[0]!);
    c.fb.op("f64.abs").op("f64.const", Infinity).op("f64.lt");
  },
  isInteger: integral(Infinity, "f64.lt"),
  isSafeInteger: integral(2 ** 53 - 1, "f64.le"),
} satisfies Record<MathFn, MathLowering>;

/** Math functions the module imports from the engine (unless numbat inlines them: `inlineMath`). */
export const importedMath = (fn: MathFn): boolean => MATH[fn] === "import";

/** The import name of an imported Math function (`hypot` has one import per arity). */
export const mathImportName = (fn: MathFn, arity: number): string => (fn === "hypot" ? `hypot${arity}` : fn);

/** Element loads (to the IR's scalar: f64 or i64) and stores, by element type. */
export const LOAD = {
  f64: ["f64.load"], f32: ["f32.load", "f64.promote_f32"],
  i32: ["i64.load32_s"], u32: ["i64.load32_u"], i16: ["i64.load16_s"], u16: ["i64.load16_u"],
  i8: ["i64.load8_s"], u8: ["i64.load8_u"], u8c: ["i64.load8_u"],
} as const satisfies Record<DType, readonly WasmOp[]>;

export const STORE = {
  f64: ["f64.store"], f32: ["f32.demote_f64", "f32.store"],
  i32: ["i64.store32"], u32: ["i64.store32"], i16: ["i64.store16"], u16: ["i64.store16"],
  i8: ["i64.store8"], u8: ["i64.store8"], u8c: ["i64.store8"],
} as const satisfies Record<DType, readonly WasmOp[]>;

// ---- SIMD lanes ---------------------------------------------------------------------------------

/** Math functions with a lane-wise instruction of the same semantics (min/max take two lanes' registers). */
export const SIMD_MATH: Readonly<Record<LaneKind, Partial<Record<MathFn, WasmOp>>>> = {
  f64x2: { sqrt: "f64x2.sqrt", abs: "f64x2.abs", floor: "f64x2.floor", ceil: "f64x2.ceil", trunc: "f64x2.trunc", min: "f64x2.min", max: "f64x2.max" },
  f32x4: { sqrt: "f32x4.sqrt", abs: "f32x4.abs", floor: "f32x4.floor", ceil: "f32x4.ceil", trunc: "f32x4.trunc", min: "f32x4.min", max: "f32x4.max" },
  i32x4: {},
};

/** Lane-wise instructions of each lane kind for the IR's binary operators (shifts take a scalar count). */
export const SIMD_BINARY: Readonly<Record<LaneKind, Partial<Record<BinaryOp, WasmOp>>>> = {
  f64x2: { add: "f64x2.add", sub: "f64x2.sub", mul: "f64x2.mul", div: "f64x2.div" },
  f32x4: { add: "f32x4.add", sub: "f32x4.sub", mul: "f32x4.mul", div: "f32x4.div" },
  i32x4: { add: "i32x4.add", sub: "i32x4.sub", mul: "i32x4.mul", bitand: "v128.and", bitor: "v128.or", bitxor: "v128.xor", shl: "i32x4.shl", shr: "i32x4.shr_s", ushr: "i32x4.shr_u" },
};

/** `x | 0`, `x ^ 0`, `x + 0`, `x - 0`, `x << 0`, `x >> 0`, `x >>> 0`: the identity on 32-bit lanes. */
export function identity32(e: BinaryNode): boolean {
  if (e.b.k !== "const") return false;
  const c = Number(e.b.value);
  if (e.op === "shl" || e.op === "shr" || e.op === "ushr") return c % 32 === 0;
  return ["add", "sub", "bitor", "bitxor"].includes(e.op) && c % 2 ** 32 === 0;
}
