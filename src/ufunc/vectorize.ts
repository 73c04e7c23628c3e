// vectorize(fn): a NumPy universal function from a scalar function — broadcasting over numbers, typed
// arrays and n-d arrays of any rank, with an optional `out`, NumPy's dtype promotion, eager signatures,
// and reduce/accumulate. Every loop is a generated kernel compiled by jit (kernels.ts), never a JS loop.

import { jit } from "../index.js";
import { DTYPES, dtypeOfUserName, isScalar, type DType, type Type } from "../ir/types.js";
import type { NdArray, NdArrayLike, NestedArray, TypedArray } from "../runtime/ndarray.js";
import { typeOfValue } from "../runtime/signature.js";
import { broadcastShapes, formatShape } from "./broadcast.js";
import { KernelCache, resultType, runElementwise } from "./elementwise.js";
import { inlineForm, type InlineForm } from "./inline.js";
import { unwrapJitted } from "./source.js";
import { attachDispatcher, dispatcherOf } from "../driver/dispatcher.js";
import { elementwiseSource } from "./kernels.js";
import { type ArrayOperand, type Operand, allocate, dtypeOf, promoteAll, protocolView, resultDType, toOperand } from "./operands.js";
import { accumulateAlong, reduceAlong } from "./reduce.js";

export type UfuncTarget = "cpu" | "parallel" | "webgpu" | "gpusim";

export interface VectorizeOptions {
  /**
   * "cpu" (default): compiled loops on one thread; "parallel": the outer loop split over threads;
   * "gpusim" / "webgpu": the loop nest offloaded as a GPU kernel (calls return promises; reduce and
   * accumulate run on the CPU).
   */
  target?: UfuncTarget;
  /** Compile now for these element types, NumPy/Numba style: "f64(f64, f64)", "f32(f32, f32)", "i32(i32)". The result type sets the output dtype for those inputs. */
  signatures?: readonly string[];
  /** The value reduce() returns for an empty axis (NumPy's ufunc identity). */
  identity?: number;
  /** Names the function refers to besides its parameters (other jitted functions, numbers), as jit's scope. */
  scope?: Record<string, unknown>;
  /** Threads for target "parallel" (default: all cores). */
  threads?: number;
}

/** An @stdlib/ndarray object: numbat's protocol with `strides` for `stride`. */
export interface StdlibNdArrayLike { data: TypedArray; shape: number[]; strides: number[]; offset: number }
/** What a ufunc takes: numbers, booleans, typed arrays, n-d arrays (0-d ones are numbers; scijs and @stdlib ones too), nested JS arrays. */
export type UfuncArg = number | boolean | TypedArray | NdArrayLike | StdlibNdArrayLike | NestedArray;
/** What it returns: a number when every argument is a number, a typed array when every array argument is one, else an NdArray. */
export type UfuncResult = number | TypedArray | NdArray;

export interface ReduceOptions {
  /** The axis to reduce (default 0; negative counts from the end); null reduces every element in C order. */
  axis?: number | null;
  /** The starting value (then the reduction takes every element); default: the first element. */
  initial?: number;
}

export interface AccumulateOptions {
  /** The axis to accumulate along (default 0). */
  axis?: number;
}

export interface Ufunc<F extends (...args: any[]) => any> {
  /** f(x, y, ...) elementwise with broadcasting; a last argument `{ out }` writes into `out` and returns it. */
  (...args: [...UfuncArg[]] | [...UfuncArg[], { out: TypedArray | NdArrayLike | StdlibNdArrayLike }]): UfuncResult;
  /** NumPy's ufunc.reduce: f(f(f(x0, x1), x2), ...) along an axis, left to right. */
  reduce(x: UfuncArg, options?: ReduceOptions): UfuncResult;
  /** NumPy's ufunc.accumulate: r0 = x0, r_k = f(r_{k-1}, x_k) along an axis. */
  accumulate(x: UfuncArg, options?: AccumulateOptions): UfuncResult;
  /** Number of inputs (the function's parameter count). */
  readonly nin: number;
  readonly identity: number | undefined;
  /** The scalar function, jitted (also what a call with only numbers runs). */
  readonly scalar: (...args: Parameters<F>) => number;
  /** The original function. */
  readonly py: F;
  /** Loop kernels compiled so far (one per call shape class). */
  readonly kernels: number;
  /** The IR, WAT or JS of the latest kernel (the loop nest with the function inside). */
  inspect(what: "ir" | "wat" | "js"): string;
}

const TYPE_NAMES: Record<string, DType> = { double: "f64", float: "f32", int: "i32", i64: "f64", int64: "f64", bool: "u8", boolean: "u8" };

function parseSignature(sig: string, who: string): { args: DType[]; ret: DType } {
  const m = /^\s*(\w+)\s*\(([^)]*)\)\s*$/.exec(sig);
  const dt = (s: string): DType => {
    const d = TYPE_NAMES[s.trim()] ?? dtypeOfUserName(s.trim());
    if (!d) throw new TypeError(`${who}: unknown type "${s.trim()}" in signature "${sig}"; use f64, f32, i32, u32, i16, u16, i8, u8`);
    return d;
  };
  if (!m) throw new TypeError(`${who}: bad signature "${sig}"; write it as "f64(f64, f64)"`);
  return { ret: dt(m[1]!), args: m[2]!.trim() === "" ? [] : m[2]!.split(",").map(dt) };
}

export class UfuncCore {
  readonly who: string;
  readonly nin: number;
  readonly scalar: (...args: unknown[]) => unknown;
  readonly inline: InlineForm | undefined;
  readonly cache: KernelCache;
  /** The kernels of reduce and accumulate (always CPU loops): `cache` unless the target is a GPU. */
  readonly cpu: KernelCache;
  readonly parallel: boolean;
  readonly gpu: "webgpu" | "gpusim" | undefined;
  private readonly declared = new Map<string, DType>();

  constructor(readonly py: Function, readonly options: VectorizeOptions) {
    this.who = `vectorize(${py.name || "anonymous"})`;
    const target = options.target ?? "cpu";
    if (!["cpu", "parallel", "gpusim", "webgpu"].includes(target)) throw new TypeError(`${this.who}: unknown target ${JSON.stringify(target)}; use "cpu", "parallel", "gpusim" or "webgpu"`);
    this.parallel = target === "parallel";
    this.gpu = target === "gpusim" || target === "webgpu" ? target : undefined;
    this.nin = py.length;
    this.scalar = jit(py as (...a: unknown[]) => unknown, { scope: options.scope });
    this.inline = inlineForm(py);
    if (this.gpu && !this.inline)
      throw new TypeError(`${this.who}: target "${this.gpu}" needs a function numbat can paste into the kernel: an arrow with an expression body, or a body whose only return is its last statement`);
    const kernelOptions = { scope: options.scope ?? {}, callee: this.scalar, parallel: this.parallel, threads: options.threads };
    this.cache = new KernelCache({ ...kernelOptions, gpu: this.gpu });
    this.cpu = this.gpu ? new KernelCache(kernelOptions) : this.cache;
    for (const s of options.signatures ?? []) this.declare(s);
  }

  /** An eager signature: the scalar function and the contiguous 1-d kernel for arrays of these dtypes, compiled now. */
  private declare(sig: string): void {
    const { args, ret } = parseSignature(sig, this.who);
    if (args.length !== this.nin) throw new TypeError(`${this.who}: signature "${sig}" has ${args.length} argument${args.length === 1 ? "" : "s"}, the function takes ${this.nin}`);
    this.declared.set(args.join(","), ret);
    resultType(this.scalar, args.map((d) => DTYPES[d].scalar));
    if (this.gpu) return; // GPU kernels compile at their first launch
    const source = elementwiseSource({ rank: 1, inputs: args.map(() => ({ kind: "array", steps: [1] })), out: [1], f: this.inline, bool: false, parallel: this.parallel });
    const types = ["int", ...(this.parallel ? ["int"] : []), ...[...args, ret].flatMap((d) => [DTYPES[d].ctor, "int"])];
    this.cache.compile(source, this.parallel, types);
  }

  private elementType(o: Operand, k: number): Type {
    return o.kind === "array" ? DTYPES[o.dtype].scalar : typeOfValue(o.value, `#${k}`, this.who);
  }

  /** The scalar function's result type for these element types, which must be a number or a boolean. */
  retType(types: Type[]): "int" | "f64" | "bool" {
    const t = resultType(this.scalar, types);
    if (!isScalar(t)) throw new TypeError(`${this.who}: the function must return a number or a boolean for (${types.join(", ")}), not ${typeof t === "string" ? t : "an array"}`);
    return t;
  }

  /** The output dtype for these operands. */
  dtypeFor(ops: readonly Operand[], ret: "int" | "f64" | "bool"): DType {
    if (this.declared.size && ops.every((o) => o.kind === "array")) {
      const d = this.declared.get(ops.map((o) => (o as ArrayOperand).dtype).join(","));
      if (d) return d;
    }
    return resultDType(ret, promoteAll(ops));
  }

  /** A C-ordered copy of `a` in the heap, made by a compiled loop. */
  private copy(a: ArrayOperand): ArrayOperand {
    const c = toOperand(allocate(a.shape, a.dtype), "copy") as ArrayOperand;
    runElementwise(this.gpu ? this.cpu : this.cache, { inputs: [a], out: c, shape: a.shape, f: { params: ["nb$v"], prelude: "", result: "nb$v" }, bool: false, parallel: false });
    return c;
  }

  call(raw: unknown[]): UfuncResult | Promise<UfuncResult> {
    let outArg: unknown;
    if (raw.length === this.nin + 1 && isOutOption(raw[raw.length - 1])) outArg = (raw.pop() as { out: unknown }).out;
    if (raw.length !== this.nin) throw new TypeError(`${this.who}: expected ${this.nin} argument${this.nin === 1 ? "" : "s"} (and optionally { out }), got ${raw.length}`);
    const ops = raw.map((x, k) => toOperand(x, `${this.who}: argument ${k + 1}`));
    const types = ops.map((o, k) => this.elementType(o, k));
    const ret = this.retType(types);
    const arrays = ops.filter((o): o is ArrayOperand => o.kind === "array");
    if (outArg === undefined && arrays.length === 0) {
      const r = this.scalar(...ops.map((o) => (o as { value: unknown }).value)) as number;
      return this.gpu ? Promise.resolve(r) : r;
    }
    let shape = broadcastShapes(arrays.map((a) => a.shape), this.who);
    let out: ArrayOperand, result: UfuncResult;
    if (outArg !== undefined) {
      out = outOperand(outArg, this.who);
      const full = broadcastShapes([shape, out.shape], this.who);
      if (formatShape(full) !== formatShape(out.shape))
        throw new RangeError(`${this.who}: output operand with shape ${formatShape(out.shape)} doesn't match the broadcast shape ${formatShape(full)}`);
      shape = full;
      result = outArg as UfuncResult;
    } else {
      const nd = allocate(shape, this.dtypeFor(ops, ret));
      out = toOperand(nd, "out") as ArrayOperand;
      result = arrays.every((a) => a.bare) ? nd.data : nd;
    }
    // As NumPy: an input that shares memory with `out` other than element for element is read as a copy.
    const inputs = outArg === undefined ? ops : ops.map((o) => (o.kind === "array" && overlapsElsewhere(o, out, shape) ? this.copy(o) : o));
    const done = runElementwise(this.cache, { inputs, out, shape, f: this.inline, bool: ret === "bool", parallel: this.parallel });
    return this.gpu ? Promise.resolve(done).then(() => result) : result;
  }
}

/** Byte range [lo, hi) that a view's elements span. */
function span(a: ArrayOperand): [number, number] {
  const bytes = DTYPES[a.dtype].bytes;
  let lo = a.offset, hi = a.offset;
  a.shape.forEach((d, k) => { const r = (d - 1) * a.stride[k]!; if (r < 0) lo += r; else hi += r; });
  return [a.data.byteOffset + lo * bytes, a.data.byteOffset + (hi + 1) * bytes];
}

/** True when `a` (broadcast to `shape`) and `out` share memory other than element i with element i. */
function overlapsElsewhere(a: ArrayOperand, out: ArrayOperand, shape: readonly number[]): boolean {
  if (a.data.buffer !== out.data.buffer || a.shape.some((d) => d === 0) || out.shape.some((d) => d === 0)) return false;
  const [alo, ahi] = span(a), [olo, ohi] = span(out);
  if (ahi <= olo || ohi <= alo) return false;
  const same = a.dtype === out.dtype && a.data.byteOffset + a.offset * DTYPES[a.dtype].bytes === out.data.byteOffset + out.offset * DTYPES[out.dtype].bytes &&
    formatShape(a.shape) === formatShape(shape) && a.stride.every((s, k) => a.shape[k] === 1 || s === out.stride[k]);
  return !same;
}

function isOutOption(x: unknown): x is { out: unknown } {
  return typeof x === "object" && x !== null && !ArrayBuffer.isView(x) && !Array.isArray(x) && "out" in x && !("data" in x);
}

/** The `out` argument as an array operand (0-d included). */
export function outOperand(x: unknown, who: string): ArrayOperand {
  x = protocolView(x, `${who}: out`);
  const dt = dtypeOf(x);
  if (dt) return toOperand(x, `${who}: out`) as ArrayOperand;
  const o = x as NdArrayLike;
  if (typeof o === "object" && o !== null && dtypeOf(o.data) && Array.isArray(o.shape) && Array.isArray(o.stride) && typeof o.offset === "number")
    return { kind: "array", data: o.data, dtype: dtypeOf(o.data)!, shape: o.shape, stride: o.stride, offset: o.offset, bare: false };
  throw new TypeError(`${who}: out must be a typed array or an n-d array`);
}

/** A ufunc on a GPU target: the same, but every call returns a promise (reduce and accumulate run on the CPU). */
export type GpuUfunc<F extends (...args: any[]) => any> = Omit<Ufunc<F>, never> & {
  (...args: [...UfuncArg[]] | [...UfuncArg[], { out: TypedArray | NdArrayLike | StdlibNdArrayLike }]): Promise<UfuncResult>;
};

/**
 * A NumPy universal function from a scalar function (Numba's @vectorize).
 *
 * @example
 * const gauss = vectorize((x, b) => Math.exp(-x * x) + b);
 * gauss(zeros([3, 4]), zeros([4]));   // (3,4), broadcast
 */
export function vectorize<F extends (...args: any[]) => any>(fn: F, options: VectorizeOptions & { target: "gpusim" | "webgpu" }): GpuUfunc<F>;
export function vectorize<F extends (...args: any[]) => any>(fn: F, options?: VectorizeOptions): Ufunc<F>;
export function vectorize<F extends (...args: any[]) => any>(fn: F, options: VectorizeOptions = {}): Ufunc<F> | GpuUfunc<F> {
  if (typeof fn !== "function") throw new TypeError(`vectorize: expected a function, got ${fn === null ? "null" : typeof fn}`);
  const { py, scope } = unwrapJitted(fn, options.scope);
  const core = new UfuncCore(py, { ...options, scope });
  const u = function (...args: unknown[]) {
    return core.call(args);
  } as unknown as Ufunc<F>;
  Object.defineProperty(u, "name", { value: py.name });
  attachDispatcher(u, dispatcherOf(core.scalar)!); // inside a jitted function, a ufunc called on numbers is its scalar function
  Object.defineProperty(u, "nin", { value: core.nin });
  Object.defineProperty(u, "identity", { value: options.identity });
  Object.defineProperty(u, "scalar", { value: core.scalar });
  Object.defineProperty(u, "py", { value: py });
  Object.defineProperty(u, "kernels", { get: () => core.cache.size });
  Object.assign(u, {
    reduce: (x: unknown, o: ReduceOptions = {}) => reduceAlong(core, x, o),
    accumulate: (x: unknown, o: AccumulateOptions = {}) => accumulateAlong(core, x, o),
    inspect: (what: "ir" | "wat" | "js") => {
      const last = core.cache.all.at(-1) as { inspect?: (w: string) => string } | undefined;
      if (!last?.inspect) throw new Error(`${core.who}: nothing compiled yet; call it once (or pass signatures) first`);
      return last.inspect(what);
    },
  });
  return u;
}
