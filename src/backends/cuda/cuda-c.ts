// CUDA C++ from a kernel's IR (`target: "cuda"`), through the C-style renderer: this file supplies the
// CUDA spellings (one table per float precision), the kernel's calling convention, the gpu.* built-ins,
// atomics and barriers. docs/cuda.md has the type rules and what is rejected.
//
// ABI: `extern "C" __global__ void nbk_<name>(...)`, one parameter per scalar (int -> int64_t, bool ->
// int32_t, f64 -> float or double) and two per array (element pointer, then int64_t length). Threads
// that fail (`throw`, integer % by zero) record the first failure in `nb_error` and return; the host
// reads it after the launch and throws the same error the other targets throw.

import type { AtomicOp, Expr, FuncIR, Loc, MathFn } from "../../ir/nodes.js";
import { DTYPES, isArray, type ArrayType, type DType, type ScalarType } from "../../ir/types.js";
import { forEachExpr } from "../../ir/walk.js";
import { CompileError } from "../../diagnostics/error.js";
import {
  CStyleFunction, P, arrayTypesOf, bin, callC, castTo, code, ident, prim, un, wrap,
  type CStyleTarget, type Code, type Failure,
  cBinaryOps,
} from "../cstyle/render.js";
import { CUDA_ERROR_KINDS, CUDA_PRELUDE } from "./prelude.js";

/** How one kernel parameter travels through cuLaunchKernel (each value in its own slot). */
export type CudaParamKind = "ptr" | "i64" | "i32" | "f32" | "f64";

export interface CudaParam {
  /** The C name, for messages and tests. */
  readonly name: string;
  readonly kind: CudaParamKind;
}

export interface CudaSites {
  readonly locs: string[]; // "fn:line:col"
  readonly messages: { cls: "Error" | "RangeError" | "TypeError"; msg: string }[];
}

export interface CudaModule {
  readonly source: string;
  /** The `extern "C"` name to look up in the loaded module. */
  readonly kernelName: string;
  /** Flattened parameters: arrays as (ptr, i64 length), in IR parameter order. */
  readonly params: CudaParam[];
  /** Failure sites: when any exist, the host checks `nb_error` after each launch. */
  readonly sites: CudaSites;
  readonly usesErrors: boolean;
  readonly groupSize: readonly [number, number, number];
}

/** CUDA's limits on a block (every GPU since compute capability 2.0). */
export const CUDA_LIMITS = { threads: 1024, dims: [1024, 1024, 64], sharedBytes: 48 * 1024 } as const;

const AXES = ["x", "y", "z"] as const;

/**
 * The CUDA spellings for one float precision. int = int64_t (IR ints are exact to 2^53), bool =
 * int32_t; IR "f64" is `float` in f32 kernels and `double` in f64 kernels. `+ - * / sqrt` are IEEE
 * operations in both (nvcc -fmad=false keeps a*b+c two roundings; division and sqrt are exact by
 * default); other Math functions are CUDA's libdevice ones (docs/cuda.md lists their ulp bounds).
 */
export function cudaTable(float: "f32" | "f64"): CStyleTarget {
  const F = float === "f32" ? "float" : "double", sfx = float === "f32" ? "f" : "";
  const lib = (fn: string) => (args: readonly Code[]): Code => callC(fn + sfx, args);
  const fold = (fn: string) => (args: readonly Code[]): Code => args.slice(1).reduce((acc, a) => callC(fn, [acc, a]), args[0]!);
  /** floor/ceil/trunc/round of an int is the int itself. */
  const intIdentity = (fn: (a: readonly Code[]) => Code) => (a: readonly Code[], t: ScalarType): Code => (t === "int" ? a[0]! : fn(a));
  const math: Record<MathFn, (args: readonly Code[], t: ScalarType) => Code> = {
    abs: (a, t) => callC(t === "int" ? "nb_iabs" : `fabs${sfx}`, a),
    sqrt: lib("sqrt"),
    floor: intIdentity(lib("floor")),
    ceil: intIdentity(lib("ceil")),
    trunc: intIdentity(lib("trunc")),
    round: intIdentity((a) => callC("nb_round", a)),
    sign: (a, t) => callC(t === "int" ? "nb_isign" : "nb_sign", a),
    fround: ([x]) => (float === "f32" ? x! : castTo("double", castTo("float", x!))),
    min: (a, t) => fold(t === "int" ? "nb_imin" : "nb_fmin")(a),
    max: (a, t) => fold(t === "int" ? "nb_imax" : "nb_fmax")(a),
    imul: (a) => callC("nb_imul", a),
    clz32: (a) => callC("nb_clz32", a),
    pow: (a) => callC("nb_pow", a),
    hypot: (a) => callC("nb_hypot", a),
    random: () => { throw new Error("CUDA renderer: Math.random is rejected before rendering"); },
    isNaN: (a) => callC("nb_isnan", a),
    isFinite: (a) => callC("nb_isfinite", a),
    isInteger: (a) => callC("nb_isinteger", a),
    isSafeInteger: (a) => callC("nb_issafeinteger", a),
    // CUDA's libdevice functions (+ `f` for float): not V8's fdlibm, see docs/cuda.md for their accuracy.
    sin: lib("sin"), cos: lib("cos"), tan: lib("tan"), asin: lib("asin"), acos: lib("acos"), atan: lib("atan"),
    atan2: lib("atan2"), sinh: lib("sinh"), cosh: lib("cosh"), tanh: lib("tanh"), asinh: lib("asinh"),
    acosh: lib("acosh"), atanh: lib("atanh"), exp: lib("exp"), expm1: lib("expm1"), log: lib("log"),
    log1p: lib("log1p"), log2: lib("log2"), log10: lib("log10"), cbrt: lib("cbrt"),
  };
  const table: CStyleTarget = {
    scalar: { bool: "int32_t", int: "int64_t", f64: F },
    elem: { f64: "double", f32: "float", i32: "int32_t", u32: "uint32_t", i16: "int16_t", u16: "uint16_t", i8: "int8_t", u8: "uint8_t", u8c: "uint8_t" },
    float(x) {
      const v = float === "f32" ? Math.fround(x) : x;
      if (Number.isNaN(v)) return castTo(F, prim("NAN"));
      if (v === Infinity) return castTo(F, prim("INFINITY"));
      if (v === -Infinity) return code(`-(${F})INFINITY`, P.UNARY);
      if (Object.is(v, -0)) return code(`-0.0${sfx}`, P.UNARY);
      // The shortest round-trip decimal of the (rounded) value: nvcc parses it back to the same bits.
      const s = String(v), lit = `${/[.e]/.test(s) ? s : `${s}.0`}${sfx}`;
      return v < 0 ? code(lit, P.UNARY) : prim(lit);
    },
    int(x) {
      const s = Math.abs(x) > 2147483647 ? `${x}LL` : `${x}`;
      return x < 0 ? code(s, P.UNARY) : prim(s);
    },
    unary: {
      neg: (x) => un("-", x),
      not: (x) => un("!", x),
      bitnot: (x) => callC("nb_bitnot", [x]),
    },
    binary: cBinaryOps(`fmod${sfx}`),
    cast: {
      i2f: (x) => castTo(F, x),
      b2i: (x) => castTo("int64_t", x),
      b2f: (x) => castTo(F, x),
      f2i32: (x) => callC("nb_f2i32", [x]),
      f2idx: (x) => callC("nb_f2idx", [x]),
      truthy: (x, from) => (from === "f64" ? callC("nb_truthy", [x]) : bin("!=", P.EQ, x, prim("0"))),
      f2u8c: (x) => callC("nb_f2u8c", [x]),
      i2u8c: (x) => callC("nb_i2u8c", [x]),
    },
    math,
    load(el, dtype) {
      if (DTYPES[dtype].scalar === "int") return castTo("int64_t", el);
      return table.elem[dtype] === F ? el : castTo(F, el);
    },
    store(x, dtype) {
      return table.elem[dtype] === F ? x : castTo(table.elem[dtype], x);
    },
  };
  return table;
}

const TABLES = { f32: cudaTable("f32"), f64: cudaTable("f64") };

export function arrayTypeName(t: ArrayType): string {
  return `nb_${t.dtype}_vec`;
}

/** A CompileError for what CUDA cannot express, at `loc` in the kernel's source (no code frame: the target only sees IR). */
export function cudaError(f: FuncIR, loc: Loc | undefined, detail: string, help?: string): CompileError {
  return new CompileError("NB120", `CUDA: ${detail}`, loc?.line || 1, loc?.column || 1, f.sourceName, "", help);
}

/** Atomics CUDA has per element type (the others are rejected): float min/max are CAS loops. */
const ATOMIC_DTYPES: Partial<Record<DType, readonly AtomicOp[]>> = {
  i32: ["add", "sub", "min", "max", "and", "or", "xor", "exchange"],
  u32: ["add", "sub", "min", "max", "and", "or", "xor", "exchange"],
  f32: ["add", "sub", "min", "max", "exchange"],
  f64: ["add", "sub", "min", "max", "exchange"],
};

const ATOMIC_FN: Record<AtomicOp, string> = {
  add: "atomicAdd", sub: "atomicSub", min: "atomicMin", max: "atomicMax", and: "atomicAnd", or: "atomicOr", xor: "atomicXor", exchange: "atomicExch",
};

class CudaKernel extends CStyleFunction {
  readonly sites: CudaSites = { locs: [], messages: [] };
  private readonly float: "f32" | "f64";

  constructor(f: FuncIR) {
    super(TABLES[f.kernel!.float], f, false); // GPU targets do not check bounds (docs/cuda.md)
    this.float = f.kernel!.float;
  }

  arrayType(t: ArrayType): string { return arrayTypeName(t); }
  funcName(f: FuncIR): string { return `nbk_${ident(f.name)}`; }

  /** Flattened parameters, in order. */
  params(): CudaParam[] {
    return this.f.params.flatMap((p): CudaParam[] => {
      const n = this.name(p);
      if (isArray(p.type)) return [{ name: `${n}_ptr`, kind: "ptr" }, { name: `${n}_len`, kind: "i64" }];
      const kind: CudaParamKind = p.type === "int" ? "i64" : p.type === "bool" ? "i32" : this.float;
      return [{ name: n, kind }];
    });
  }

  protected header(): string {
    const [x, y, z] = this.f.kernel!.groupSize;
    const params = this.f.params.flatMap((p) => {
      const n = this.name(p);
      if (!isArray(p.type)) return [`${this.typeName(p.type)} ${n}`];
      return [`${this.t.elem[p.type.dtype]} *${n}_ptr`, `int64_t ${n}_len`];
    });
    return `extern "C" __global__ void __launch_bounds__(${x * y * z}) ${this.funcName(this.f)}(${params.join(", ")})`;
  }

  protected override prologue(): string[] {
    const lines: string[] = [];
    for (const p of this.f.params) if (isArray(p.type)) lines.push(`${this.typeName(p.type)} ${this.name(p)} = { ${this.name(p)}_ptr, ${this.name(p)}_len };`);
    for (const { v, size } of this.f.kernel!.shared) {
      const t = v.type as ArrayType;
      lines.push(`__shared__ ${this.t.elem[t.dtype]} ${this.name(v)}_data[${size}];`);
      lines.push(`${this.typeName(t)} ${this.name(v)} = { ${this.name(v)}_data, ${size} };`);
    }
    return lines;
  }

  protected zeroReturn(): string { return ""; }
  protected vectorHint(): string { return ""; }

  protected raise(x: Failure): string {
    const { sites } = this;
    switch (x.k) {
      case "rem0":
        sites.locs.push(x.loc ? `${this.f.sourceName}:${x.loc.line}:${x.loc.column}` : this.f.sourceName);
        return `nb_raise(${CUDA_ERROR_KINDS.rem0}, ${sites.locs.length - 1}); goto nb_fail;`;
      case "user":
        sites.messages.push({ cls: x.cls as CudaSites["messages"][number]["cls"], msg: x.msg });
        return `nb_raise(${CUDA_ERROR_KINDS.user}, ${sites.messages.length - 1}); goto nb_fail;`;
      case "oob": throw new Error("CUDA renderer: bounds checks are off on GPU targets");
      default: return x satisfies never;
    }
  }

  protected call(): Code { throw new Error("CUDA renderer: kernels call no functions (the frontend rejects calls)"); }
  protected alloc(): Code { throw new Error("CUDA renderer: kernels allocate nothing (the frontend rejects allocation)"); }

  protected override gpuIndex(e: Extract<Expr, { k: "gpu" }>): Code {
    const a = AXES[e.axis], size = this.f.kernel!.groupSize[e.axis];
    switch (e.what) {
      // The block size is fixed at compile time: a constant multiplier instead of blockDim.
      case "globalId": return code(`(int64_t)blockIdx.${a} * ${size} + threadIdx.${a}`, P.ADD);
      case "localId": return castTo("int64_t", prim(`threadIdx.${a}`));
      case "groupId": return castTo("int64_t", prim(`blockIdx.${a}`));
      case "groupSize": return prim(String(size));
      case "numGroups": return castTo("int64_t", prim(`gridDim.${a}`));
      default: return e.what satisfies never;
    }
  }

  protected override atomic(e: Extract<Expr, { k: "atomic" }>, [idx, x]: readonly Code[]): Code {
    const dtype = (e.arr.type as ArrayType).dtype;
    const ptr = `&${this.name(e.arr)}.ptr[${idx!.s}]`;
    const F = this.t.scalar.f64;
    switch (dtype) {
      case "i32": case "u32": {
        const T = dtype === "i32" ? "int" : "unsigned";
        return castTo("int64_t", callC(ATOMIC_FN[e.op], [prim(`(${T} *)${ptr}`), castTo(T, x!)]));
      }
      case "f32": case "f64": {
        const E = this.t.elem[dtype], v = E === F ? x! : castTo(E, x!);
        let r: Code;
        if (e.op === "add" || e.op === "sub") r = callC("atomicAdd", [prim(ptr), e.op === "add" ? v : un("-", v)]);
        else if (e.op === "min" || e.op === "max") r = callC(`nb_atomic_minmax<${e.op === "max"}>`, [prim(ptr), v]);
        else if (e.op === "exchange") r = callC(dtype === "f32" ? "atomicExch" : "nb_atomic_exch", [prim(ptr), v]);
        else throw new Error(`CUDA renderer: atomic ${e.op} on ${dtype} is rejected before rendering`);
        return E === F ? r : castTo(F, r);
      }
      default: throw new Error(`CUDA renderer: atomics on ${dtype} are rejected before rendering`);
    }
  }

  protected override barrier(): string { return "__syncthreads();"; }
}

/** Rejects, with a CompileError, what the CUDA target cannot express. */
function checkKernel(f: FuncIR): void {
  const k = f.kernel!;
  const [x, y, z] = k.groupSize;
  if (x * y * z > CUDA_LIMITS.threads || k.groupSize.some((n, d) => n > CUDA_LIMITS.dims[d]!))
    throw cudaError(f, undefined, `a group of ${k.groupSize.join(" x ")} threads is larger than a CUDA block may be (at most ${CUDA_LIMITS.threads} threads, ${CUDA_LIMITS.dims.join(" x ")})`, "launch with a smaller groupSize and more groups");
  const shared = k.shared.reduce((n, s) => n + s.size * DTYPES[(s.v.type as ArrayType).dtype].bytes, 0);
  if (shared > CUDA_LIMITS.sharedBytes)
    throw cudaError(f, undefined, `the shared arrays take ${shared} bytes; a CUDA block has ${CUDA_LIMITS.sharedBytes} bytes of static shared memory`, "use smaller tiles");
  for (const p of f.params)
    if (isArray(p.type) && p.type.nd) throw cudaError(f, undefined, `'${p.name}' is an n-d array; CUDA kernels take typed arrays`);
  forEachExpr(f.body, (e) => {
    if (e.k === "math" && e.fn === "random") throw cudaError(f, undefined, `Math.random() is not available in CUDA kernels ('${f.sourceName}')`, "generate random numbers on the host and pass them in an array, or hash gpu.globalId.x");
    if (e.k === "call" || e.k === "alloc") throw new Error(`CUDA renderer: '${e.k}' in kernel ${f.name} (the frontend rejects it)`);
    if (e.k === "atomic") {
      const dtype = (e.arr.type as ArrayType).dtype;
      const ops = ATOMIC_DTYPES[dtype];
      if (!ops) throw cudaError(f, e.loc, `atomics on ${DTYPES[dtype].ctor} elements are not supported ('${e.arr.name}')`, "CUDA atomics work on Int32Array, Uint32Array, Float32Array and Float64Array");
      if (!ops.includes(e.op)) throw cudaError(f, e.loc, `atomic ${e.op} on ${DTYPES[dtype].ctor} elements is not supported ('${e.arr.name}')`, "and/or/xor atomics take Int32Array or Uint32Array");
    }
  });
}

/** The CUDA module of one kernel: source, parameter layout and failure sites. */
export function generateCuda(f: FuncIR): CudaModule {
  if (!f.kernel) throw new Error(`CUDA renderer: ${f.name} is not a kernel`);
  checkKernel(f);
  const g = new CudaKernel(f);
  const body = g.render();
  const types = arrayTypesOf([f]).concat(f.kernel.shared.map((s) => s.v.type as ArrayType));
  const structs = new Map(types.map((t) => [arrayTypeName(t), `typedef struct { ${TABLES.f64.elem[t.dtype]} *ptr; int64_t len; } ${arrayTypeName(t)};`]));
  const source = [
    `/* numbat CUDA kernel ${f.sourceName} (generated; ${f.kernel.float} arithmetic) */`,
    CUDA_PRELUDE,
    ...structs.values(),
    "",
    body,
    "",
  ].join("\n");
  const usesErrors = g.sites.locs.length + g.sites.messages.length > 0;
  return { source, kernelName: g.funcName(f), params: g.params(), sites: g.sites, usesErrors, groupSize: f.kernel.groupSize };
}

/** CUDA C++ source of a kernel (the text `k.inspect("code")` shows). */
export function emitCuda(f: FuncIR): string {
  return generateCuda(f).source;
}
