// numbat's IR: a typed, structured tree. Loops and branches stay regions (not a CFG) so loop nests
// are visible to the optimiser and map directly onto WebAssembly's structured control flow, C and JS.
//
// Invariants (checked by verify.ts):
// - every Expr carries its result type; operands of binary ops already have the operand type the op
//   expects (the frontend inserts `cast` nodes);
// - array-typed expressions appear only as `assign` sources, `return` values and call arguments;
// - loads and stores index array *variables*.

import type { ArrayType, DType, ScalarType, Type } from "./types.js";

export interface Loc {
  readonly line: number;
  readonly column: number;
}

export interface Var {
  readonly id: number;
  readonly name: string;
  type: Type;
  /** Array params that the function never writes (directly or through calls): no copy-back needed. */
  readonly param?: boolean;
}

export type UnaryOp = "neg" | "not" | "bitnot";

/**
 * `div` on int truncates toward zero (Python's frontend builds floor division from it); the producer
 * guarantees a non-zero divisor and never INT64_MIN / -1, which trap in wasm and C.
 */
export type BinaryOp =
  | "add" | "sub" | "mul" | "div" | "mod"
  | "bitand" | "bitor" | "bitxor" | "shl" | "shr" | "ushr"
  | "eq" | "ne" | "lt" | "le" | "gt" | "ge";

export interface OpInfo {
  readonly js: string; // JS spelling, shared by the printer and the JS backend
  readonly kind: "arith" | "bitwise" | "compare";
}

export const BINARY_OPS = {
  add: { js: "+", kind: "arith" },
  sub: { js: "-", kind: "arith" },
  mul: { js: "*", kind: "arith" },
  div: { js: "/", kind: "arith" },
  mod: { js: "%", kind: "arith" },
  bitand: { js: "&", kind: "bitwise" },
  bitor: { js: "|", kind: "bitwise" },
  bitxor: { js: "^", kind: "bitwise" },
  shl: { js: "<<", kind: "bitwise" },
  shr: { js: ">>", kind: "bitwise" },
  ushr: { js: ">>>", kind: "bitwise" },
  eq: { js: "===", kind: "compare" },
  ne: { js: "!==", kind: "compare" },
  lt: { js: "<", kind: "compare" },
  le: { js: "<=", kind: "compare" },
  gt: { js: ">", kind: "compare" },
  ge: { js: ">=", kind: "compare" },
} as const satisfies Record<BinaryOp, OpInfo>;

/**
 * Casts between scalar kinds.
 * - i2f: int -> f64 (exact within 2^53)
 * - b2i: bool -> int (0/1); b2f: bool -> f64
 * - f2i32: f64 -> int with JS ToInt32 semantics (NaN/Inf -> 0, modulo 2^32) — for bitwise operands
 * - f2idx: f64 -> int for indexing: a non-integral value becomes -1, which every bounds check rejects
 * - truthy: int/f64 -> bool (x != 0 and not NaN)
 * - f2u8c / i2u8c: the conversion a Uint8ClampedArray store applies (clamp to 0..255, round half to even, NaN -> 0)
 */
export type CastOp = "i2f" | "b2i" | "b2f" | "f2i32" | "f2idx" | "truthy" | "f2u8c" | "i2u8c";

/** Math functions with a direct lowering or an engine import; see ir/math.ts for their facts. */
export type MathFn =
  | "abs" | "sqrt" | "floor" | "ceil" | "trunc" | "round" | "sign" | "fround"
  | "min" | "max" | "imul" | "clz32"
  | "sin" | "cos" | "tan" | "asin" | "acos" | "atan" | "atan2"
  | "sinh" | "cosh" | "tanh" | "asinh" | "acosh" | "atanh"
  | "exp" | "expm1" | "log" | "log1p" | "log2" | "log10" | "cbrt" | "pow" | "hypot" | "random"
  | "isNaN" | "isFinite" | "isInteger" | "isSafeInteger";

export type ArrayProp = "length" | "shape" | "stride" | "offset" | "size";

export type FillKind = "zeros" | "ones" | "empty";

/** A GPU kernel's thread position (kernels only; see docs/kernels.md). */
export type GpuIndex = "globalId" | "localId" | "groupId" | "groupSize" | "numGroups";

/** Read-modify-write operations of `gpu.atomicAdd(arr, i, v)` etc. (kernels only). */
export type AtomicOp = "add" | "sub" | "min" | "max" | "and" | "or" | "xor" | "exchange";

export type Expr =
  | { readonly k: "const"; readonly type: ScalarType; readonly value: number | boolean }
  | { readonly k: "var"; readonly v: Var; readonly type: Type }
  | { readonly k: "unary"; readonly op: UnaryOp; readonly x: Expr; readonly type: ScalarType }
  | { readonly k: "binary"; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr; readonly type: ScalarType; readonly loc?: Loc }
  | { readonly k: "cast"; readonly op: CastOp; readonly x: Expr; readonly type: ScalarType }
  | { readonly k: "math"; readonly fn: MathFn; readonly args: readonly Expr[]; readonly type: ScalarType }
  /** Lazy ternary: only the chosen branch is evaluated. */
  | { readonly k: "cond"; readonly c: Expr; readonly a: Expr; readonly b: Expr; readonly type: ScalarType }
  /** JS `&&` / `||`: returns an operand's value, evaluates `b` only when needed. */
  | { readonly k: "logical"; readonly op: "and" | "or"; readonly a: Expr; readonly b: Expr; readonly type: ScalarType }
  /** `unchecked`: the optimiser proved the access in bounds, so no check is emitted. */
  | { readonly k: "load"; readonly arr: Var; readonly idx: readonly Expr[]; readonly type: ScalarType; readonly loc: Loc; readonly unchecked?: boolean }
  /** `A.length`, `A.shape[d]`, `A.stride[d]`, `A.offset`, `A.size` */
  | { readonly k: "prop"; readonly arr: Var; readonly prop: ArrayProp; readonly dim: number; readonly type: "int" }
  | { readonly k: "call"; readonly fn: FuncIR; readonly args: readonly Expr[]; readonly type: Type; readonly loc: Loc }
  /**
   * Do two arrays' memory ranges avoid each other? `spans` are element-index ranges [aLo, aHi] and
   * [bLo, bHi] within each array's data (empty when hi < lo). Used by optimiser guards.
   */
  | { readonly k: "disjoint"; readonly a: Var; readonly b: Var; readonly spans: readonly [Expr, Expr, Expr, Expr]; readonly type: "bool" }
  /** A fresh array owned by numbat (zeros/ones/empty/new Float64Array(n)); C-contiguous. */
  | { readonly k: "alloc"; readonly fill: FillKind; readonly shape: readonly Expr[]; readonly type: ArrayType; readonly loc: Loc }
  /** Kernels only: `gpu.globalId.x` etc.; axis 0/1/2 = x/y/z. */
  | { readonly k: "gpu"; readonly what: GpuIndex; readonly axis: 0 | 1 | 2; readonly type: "int" }
  /**
   * Kernels only: atomically `arr[idx] = op(arr[idx], x)`; the value is the element's old value.
   * `x` already has the array's element scalar type.
   */
  | { readonly k: "atomic"; readonly op: AtomicOp; readonly arr: Var; readonly idx: readonly Expr[]; readonly x: Expr; readonly type: "int" | "f64"; readonly loc: Loc };

export type Stmt =
  | { readonly k: "assign"; readonly v: Var; readonly x: Expr }
  | { readonly k: "store"; readonly arr: Var; readonly idx: readonly Expr[]; readonly x: Expr; readonly loc: Loc; readonly unchecked?: boolean }
  | { readonly k: "if"; readonly c: Expr; readonly then: Stmt[]; readonly else: Stmt[] }
  /**
   * Counted loop: `for (v = start; v cmp end; v += step) body`, with `end` evaluated once (the frontend
   * only forms it when `end` is loop-invariant and the body never assigns `v`).
   */
  | {
      readonly k: "for"; readonly label: number; readonly v: Var; readonly start: Expr; readonly end: Expr; readonly step: number;
      readonly cmp: "lt" | "le" | "gt" | "ge"; readonly body: Stmt[]; readonly parallel: boolean;
      /** Set by the vectoriser: iterations may run `vector` at a time in SIMD lanes (then the rest one by one). */
      readonly vector?: number;
      /** Set with `vector`: `+ - *` reductions take each lane's operand in iteration order (no reassociation). */
      readonly ordered?: boolean;
      /** Set with `vector`: the SIMD part runs only if this holds when the loop starts (else every iteration is scalar). */
      readonly vectorIf?: Expr;
      /** Set with `vector`: what a lane holds (passes/vectorize.ts#laneKind), so the backend need not decide it again. */
      readonly lanes?: "f64x2" | "f32x4" | "i32x4";
    }
  /**
   * General loop: each iteration tests `pre` (when present), runs `body`, then `update`, then tests
   * `post` (when present). `continue` jumps to `update`. Covers while, do-while and non-canonical for.
   */
  | { readonly k: "loop"; readonly label: number; readonly pre: Expr | null; readonly body: Stmt[]; readonly update: Stmt[]; readonly post: Expr | null }
  | { readonly k: "break"; readonly label: number }
  | { readonly k: "continue"; readonly label: number }
  | { readonly k: "return"; readonly x: Expr | null }
  | { readonly k: "throw"; readonly cls: ErrorClass; readonly msg: string; readonly loc: Loc }
  | { readonly k: "expr"; readonly x: Expr }
  /** Kernels only: `gpu.barrier()`, every thread of the group waits here; orders shared and global memory. */
  | { readonly k: "barrier" };

export type ErrorClass = "Error" | "RangeError" | "TypeError"
  // Python's exceptions, raised by code from the Python frontend (src/frontend/python)
  | "ValueError" | "ZeroDivisionError" | "IndexError" | "AssertionError" | "RuntimeError" | "ArithmeticError" | "Exception";

export interface FuncIR {
  /** Unique within a module: the source name plus a signature suffix. */
  readonly name: string;
  readonly params: Var[];
  readonly ret: Type;
  readonly body: Stmt[];
  /** Every local (params excluded), for backends that declare them up front. */
  readonly locals: Var[];
  /** Array params the function (or a callee) stores to: these need copy-back after the call. */
  readonly written: ReadonlySet<Var>;
  /** Functions this one calls, in a callee-before-caller order. */
  readonly callees: FuncIR[];
  readonly sourceName: string;
  /** Set for GPU kernels (src/frontend/lower.ts with `kernel`), absent for ordinary functions. */
  readonly kernel?: KernelInfo;
  /**
   * Arrays from the function's enclosing scopes, bound by reference (frontend/resolve.ts): the values
   * of its last `bound.length` params, which every caller passes (the dispatcher, for the entry).
   */
  readonly bound?: readonly ArrayBufferView[];
}

/** What a GPU kernel adds to a function: its group shape, shared arrays and float precision. */
export interface KernelInfo {
  /** Threads per group (CUDA: block), fixed at compile time (WGSL needs it in the shader). */
  readonly groupSize: readonly [number, number, number];
  /** `const t = gpu.shared(256, "float32")`: one array per group; `v.type` is a bare 1-d array type. */
  readonly shared: readonly { readonly v: Var; readonly size: number }[];
  /** Precision of float arithmetic: "f64" is JS's; "f32" rounds every float operation to binary32. */
  readonly float: "f32" | "f64";
}

export type { ArrayType, DType, ScalarType, Type };
