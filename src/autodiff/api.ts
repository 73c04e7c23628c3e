// The public autodiff API: grad, valueAndGrad, vjp, jvp, jacfwd, jacrev. Each derivative is compiled
// per argument-type signature from the function's lowered IR (derive.ts) by the function's own
// dispatcher, so it runs on the same target (wasm, js or native) with the same options.
//
// Arguments are never modified: arrays the function writes are copied before the derivative runs
// (the derivative replays the function's writes on its own copies).

import { copyOf } from "../runtime/intrinsics.js";
import type { FuncIR } from "../ir/nodes.js";
import { DTYPES, elemType, isArray, type ArrayType, type Type } from "../ir/types.js";
import { Dispatcher, dispatcherOf, type Inspectable } from "../driver/dispatcher.js";
import { signatureKey, typeOfValue } from "../runtime/signature.js";
import { protocolArgs } from "../runtime/ndarray-protocols.js";
import { NdArray, zeros, type DTypeName } from "../runtime/ndarray.js";
import { Diag, type Source } from "./diag.js";
import { derive, type Mode } from "./derive.js";

/** Which arguments to differentiate with respect to: one index, or several (the rest are constants). */
export type Argnums = number | readonly number[];

/** A derivative with respect to one argument: a number for a number, a Float64Array for a typed array, a float64 NdArray for an n-d array. */
export type Derivative = number | Float64Array | NdArray;

/** Memory used by the tape of the latest reverse-mode call. */
export interface TapeStats {
  /** Bytes of values pushed (8 per value): what the reverse sweep needed stored. */
  readonly bytes: number;
  /** Bytes allocated for the tape (it grows by doubling). */
  readonly capacityBytes: number;
}

/** What every function returned by grad/valueAndGrad/vjp/jvp/jacfwd/jacrev has besides being callable. */
export interface DerivativeInfo {
  /** The derived IR ("ir") or generated code ("wat", "js", "c") of the latest signature compiled. */
  inspect(what: Inspectable): string;
  /** Tape memory of the latest reverse-mode call (undefined before the first one, and for forward mode). */
  readonly tape: TapeStats | undefined;
}

type AnyFn = (...args: any[]) => any;

interface Compiled {
  readonly run: (args: readonly unknown[]) => unknown;
  readonly text: (what: Inspectable) => string;
  readonly ir: FuncIR;
  readonly primal: FuncIR;
}

/** Derivatives of one function: compiled per (mode, active arguments, signature). */
class Differentiator {
  readonly d: Dispatcher;
  private readonly cache = new Map<string, Compiled>();
  private readonly tapeHints = new Map<string, number>();
  latest: Compiled | undefined;
  tape: TapeStats | undefined;

  constructor(f: AnyFn) {
    if (typeof f !== "function") throw new TypeError(`numbat autodiff: expected a function, got ${f === null ? "null" : typeof f}`);
    this.d = dispatcherOf(f)!;
  }

  get name(): string {
    return this.d.parsed.name;
  }

  /** The arguments with other libraries' n-d arrays seen through numbat's protocol (runtime/ndarray-protocols.ts). */
  protocol(args: readonly unknown[]): readonly unknown[] {
    return protocolArgs(args, (i) => this.d.parsed.params[i]?.name, this.name).args;
  }

  /** Argument types, with numbers being differentiated typed as floats (3 is an int to the dispatcher). */
  types(args: readonly unknown[], active: readonly number[]): Type[] {
    const params = this.d.parsed.params;
    if (args.length !== params.length)
      throw new TypeError(`${this.name}: expected ${params.length} argument${params.length === 1 ? "" : "s"}, got ${args.length}`);
    return args.map((a, i) => {
      const t = typeOfValue(a, params[i]?.name ?? `#${i}`, this.name);
      if (!active.includes(i)) return t;
      if (t === "int" || t === "f64") return "f64";
      if (isArray(t) && elemType(t) === "f64") return t;
      throw new TypeError(`${this.name}: argument ${i} ('${params[i]?.name}') is ${t === "bool" ? "a boolean" : `an integer array (${DTYPES[(t as ArrayType).dtype].ctor})`}, which has no derivative; leave it out of argnums`);
    });
  }

  compiled(mode: Mode, result: "scalar" | "any", active: readonly number[], types: Type[]): Compiled {
    const key = `${mode}|${result}|${active.join(",")}|${signatureKey(types)}`;
    let c = this.cache.get(key);
    if (!c) {
      const primal = this.d.loweredIR(types);
      const ir = derive(primal, { mode, active, result }, new Diag(this.source()), (g) => sourceOf(this.d, g));
      c = { ...this.d.compileDerived(ir), ir, primal };
      this.cache.set(key, c);
    }
    this.latest = c;
    return c;
  }

  private source(): Source {
    return { name: this.d.parsed.name, source: this.d.parsed.source };
  }

  /** Reverse mode: returns the function's float result (NaN for array results) and the derivatives for `active`. */
  reverse(args: readonly unknown[], active: readonly number[], result: "scalar" | "any", seed: (ret: Type) => unknown): { value: number; grads: Derivative[] } {
    const types = this.types(args, active);
    const c = this.compiled("reverse", result, active, types);
    const call = protect(args, c.primal);
    const gradArrays = active.filter((i) => isArray(types[i]!)).map((i) => zerosLike(args[i], types[i] as ArrayType));
    const nScalars = active.filter((i) => !isArray(types[i]!)).length;
    const gout = new Float64Array(nScalars + 2);
    const key = signatureKey(types);
    const hint = this.tapeHints.get(key) ?? 0;
    const value = c.run([...call, ...gradArrays, seed(c.primal.ret), gout, hint]);
    this.tapeHints.set(key, gout[nScalars]!);
    this.tape = { bytes: gout[nScalars]! * 8, capacityBytes: gout[nScalars + 1]! * 8 };
    let s = 0, a = 0;
    const grads = active.map((i) => (isArray(types[i]!) ? gradArrays[a++]! : gout[s++]!));
    return { value: typeof value === "number" ? value : NaN, grads };
  }

  /** Forward mode: the result and its tangent along `tangents` (one per active argument). */
  forward(args: readonly unknown[], active: readonly number[], tangents: readonly unknown[]): [unknown, unknown] {
    const types = this.types(args, active);
    if (tangents.length !== active.length) throw new TypeError(`${this.name}: expected ${active.length} tangent${active.length === 1 ? "" : "s"} (one per differentiated argument), got ${tangents.length}`);
    const c = this.compiled("forward", "any", active, types);
    const t = active.map((i, k) => asShadow(tangents[k], types[i]!, `tangent ${k}`, args[i]));
    const out = new Float64Array(1);
    const call = protect(args, c.primal);
    if (isArray(c.primal.ret)) {
      const tan = c.run([...call, ...t, out]);
      return [this.d.call(protect(args, c.primal)), tan];
    }
    const value = c.run([...call, ...t, out]);
    return [value, out[0]!];
  }
}

const differentiators = new WeakMap<Function, Differentiator>();
function differentiator(f: AnyFn): Differentiator {
  let d = differentiators.get(f);
  if (!d) differentiators.set(f, (d = new Differentiator(f)));
  return d;
}

function normalize(argnums: Argnums, fnName: string, nargs?: number): number[] {
  const list = typeof argnums === "number" ? [argnums] : [...argnums];
  for (const i of list)
    if (!Number.isInteger(i) || i < 0 || (nargs !== undefined && i >= nargs))
      throw new TypeError(`${fnName}: argnums ${JSON.stringify(argnums)} names argument ${i}, which does not exist`);
  if (new Set(list).size !== list.length) throw new TypeError(`${fnName}: argnums ${JSON.stringify(argnums)} repeats an argument`);
  return list;
}

function attach<T extends Function>(fn: T, d: Differentiator): T & DerivativeInfo {
  Object.defineProperty(fn, "tape", { get: () => d.tape });
  (fn as unknown as { inspect: unknown }).inspect = (what: Inspectable) => {
    if (!d.latest) throw new Error(`${d.name}: no derivative compiled yet; call it once before inspecting it`);
    return d.latest.text(what);
  };
  return fn as T & DerivativeInfo;
}

/**
 * The gradient of a function returning a float, by reverse mode. With one argument index (default 0)
 * it returns that argument's derivative; with a list, one derivative per listed argument.
 *
 * @example
 * const f = jit((x, w) => { let s = 0; for (let i = 0; i < x.length; i++) s += w * x[i] * x[i]; return s; });
 * grad(f)(new Float64Array([1, 2]), 3);        // Float64Array [6, 12]
 * grad(f, [0, 1])(new Float64Array([1, 2]), 3); // [Float64Array [6, 12], 5]
 */
export function grad<F extends AnyFn>(f: F, argnums: number): ((...args: Parameters<F>) => Derivative) & DerivativeInfo;
export function grad<F extends AnyFn>(f: F, argnums: readonly number[]): ((...args: Parameters<F>) => Derivative[]) & DerivativeInfo;
export function grad<F extends AnyFn>(f: F): ((...args: Parameters<F>) => Derivative) & DerivativeInfo;
export function grad(f: AnyFn, argnums: Argnums = 0): ((...args: unknown[]) => Derivative | Derivative[]) & DerivativeInfo {
  const d = differentiator(f);
  const g = (...given: unknown[]) => {
    const args = d.protocol(given);
    const active = normalize(argnums, d.name, args.length);
    const { grads } = d.reverse(args, active, "scalar", () => 1);
    return typeof argnums === "number" ? grads[0]! : grads;
  };
  return attach(g, d);
}

/** Like grad, but returns `[value, gradient]`: the function's result comes from the same call. */
export function valueAndGrad<F extends AnyFn>(f: F, argnums: number): ((...args: Parameters<F>) => [number, Derivative]) & DerivativeInfo;
export function valueAndGrad<F extends AnyFn>(f: F, argnums: readonly number[]): ((...args: Parameters<F>) => [number, Derivative[]]) & DerivativeInfo;
export function valueAndGrad<F extends AnyFn>(f: F): ((...args: Parameters<F>) => [number, Derivative]) & DerivativeInfo;
export function valueAndGrad(f: AnyFn, argnums: Argnums = 0): ((...args: unknown[]) => [number, Derivative | Derivative[]]) & DerivativeInfo {
  const d = differentiator(f);
  const g = (...given: unknown[]): [number, Derivative | Derivative[]] => {
    const args = d.protocol(given);
    const active = normalize(argnums, d.name, args.length);
    const { value, grads } = d.reverse(args, active, "scalar", () => 1);
    return [value, typeof argnums === "number" ? grads[0]! : grads];
  };
  return attach(g, d);
}

/** Every argument that is a number or a float array: the default of vjp and jvp. */
function floatArgs(args: readonly unknown[]): number[] {
  return args.flatMap((a, i) => {
    if (typeof a === "number") return [i];
    try {
      const t = typeOfValue(a, `#${i}`, "");
      return isArray(t) && elemType(t) === "f64" ? [i] : [];
    } catch { return []; }
  });
}

/**
 * Reverse mode for any float or float-array result: `vjp(f)(...args)` returns `[out, pullback]`, and
 * `pullback(cotangent)` returns the cotangent's product with the Jacobian for each differentiated
 * argument (default: every number and float array argument), as a list.
 *
 * @example
 * const [C, back] = vjp(matmul)(A, B);
 * const [dA, dB] = back(ones(C.shape));   // d(sum C)/dA, d(sum C)/dB
 */
export function vjp<F extends AnyFn>(f: F, argnums?: Argnums): ((...args: Parameters<F>) => [ReturnType<F>, (cotangent: number | ArrayLikeND) => Derivative[]]) & DerivativeInfo {
  const d = differentiator(f);
  const g = (...given: unknown[]) => {
    const args = d.protocol(given);
    const active = argnums === undefined ? floatArgs(args) : normalize(argnums, d.name, args.length);
    const types = d.types(args, active);
    const primal = d.compiled("reverse", "any", active, types).primal;
    const saved = protect(args, primal); // the pullback differentiates at the arguments as they are now
    const out = d.d.call(protect(args, primal));
    const pullback = (cotangent: number | ArrayLikeND): Derivative[] =>
      d.reverse(saved, active, "any", (ret) => asShadow(cotangent, ret, "the cotangent", out, true)).grads;
    return [out, pullback];
  };
  return attach(g, d) as never;
}

/**
 * Forward mode: `jvp(f)(primals, tangents)` returns `[out, tangentOut]`, the result and its directional
 * derivative along `tangents` (one per differentiated argument; default: every number and float array).
 *
 * @example
 * const [y, dy] = jvp(f)([x, 3], [dx, 0]);
 */
export function jvp<F extends AnyFn>(f: F, argnums?: Argnums): ((primals: Parameters<F>, tangents: readonly unknown[]) => [ReturnType<F>, number | Float64Array | NdArray]) & DerivativeInfo {
  const d = differentiator(f);
  const g = (given: readonly unknown[], tangents: readonly unknown[]) => {
    if (!Array.isArray(given) || !Array.isArray(tangents)) throw new TypeError(`${d.name}: jvp(f)(primals, tangents) takes two arrays`);
    const primals = d.protocol(given);
    const active = argnums === undefined ? floatArgs(primals) : normalize(argnums, d.name, primals.length);
    return d.forward(primals, active, tangents);
  };
  return attach(g, d) as never;
}

/**
 * The Jacobian of a small function with respect to argument `argnum` (default 0), by forward mode
 * (one jvp per input element). Its shape is the result's shape followed by the argument's shape;
 * a number when both are numbers.
 */
export function jacfwd<F extends AnyFn>(f: F, argnum = 0): ((...args: Parameters<F>) => number | NdArray) & DerivativeInfo {
  const d = differentiator(f);
  const g = (...given: unknown[]) => {
    const args = d.protocol(given);
    const [i] = normalize(argnum, d.name, args.length);
    const x = args[i!];
    const n = sizeOf(x);
    let outShape: number[] | undefined, J: NdArray | undefined;
    for (let j = 0; j < Math.max(n, 1); j++) {
      const [y, t] = d.forward(args, [i!], [basis(x, j)]);
      if (!J) {
        outShape = shapeOf(y);
        if (outShape.length === 0 && shapeOf(x).length === 0) return t as number;
        J = zeros([...outShape, ...shapeOf(x)]);
        if (n === 0) return J;
      }
      const col = flat(t);
      for (let k = 0; k < col.length; k++) J.data[k * n + j] = col[k]!;
    }
    return J!;
  };
  return attach(g, d);
}

/**
 * The Jacobian of a small function with respect to argument `argnum` (default 0), by reverse mode
 * (one pullback per result element). Same shape as jacfwd's.
 */
export function jacrev<F extends AnyFn>(f: F, argnum = 0): ((...args: Parameters<F>) => number | NdArray) & DerivativeInfo {
  const d = differentiator(f);
  const g = (...given: unknown[]) => {
    const args = d.protocol(given);
    const [i] = normalize(argnum, d.name, args.length);
    const x = args[i!];
    const types = d.types(args, [i!]);
    const primal = d.compiled("reverse", "any", [i!], types).primal;
    const y = d.d.call(protect(args, primal));
    const outShape = shapeOf(y), inShape = shapeOf(x);
    if (outShape.length === 0 && inShape.length === 0) return d.reverse(args, [i!], "any", () => 1).grads[0] as number;
    const J = zeros([...outShape, ...inShape]);
    const m = sizeOf(y), n = sizeOf(x);
    for (let k = 0; k < m; k++) {
      const row = flat(d.reverse(args, [i!], "any", (ret) => asShadow(basis(y, k), ret, "the cotangent", y, true)).grads[0]!);
      for (let j = 0; j < n; j++) J.data[k * n + j] = row[j]!;
    }
    return J;
  };
  return attach(g, d);
}

// ---- values ------------------------------------------------------------------------------------------

/** An ndarray-protocol object (numbat's NdArray, scijs ndarray). */
export interface ArrayLikeND {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
}

const isND = (x: unknown): x is ArrayLikeND => typeof x === "object" && x !== null && !ArrayBuffer.isView(x) && Array.isArray((x as ArrayLikeND).shape);

function shapeOf(x: unknown): number[] {
  if (typeof x === "number") return [];
  if (ArrayBuffer.isView(x)) return [(x as unknown as ArrayLike<number>).length];
  if (isND(x)) return [...x.shape];
  throw new TypeError(`numbat autodiff: expected a number or an array, got ${typeof x}`);
}

const sizeOf = (x: unknown): number => shapeOf(x).reduce((a, b) => a * b, 1);

/** Elements of a number or array in row-major order. */
function flat(x: unknown): number[] {
  if (typeof x === "number") return [x];
  if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number>);
  const a = x as ArrayLikeND;
  const out: number[] = [];
  const walk = (d: number, off: number): void => {
    if (d === a.shape.length) { out.push(a.data[off]!); return; }
    for (let i = 0; i < a.shape[d]!; i++) walk(d + 1, off + i * a.stride[d]!);
  };
  walk(0, a.offset);
  return out;
}

/** The j-th unit vector shaped like `x` (a number: 1). */
function basis(x: unknown, j: number): unknown {
  if (typeof x === "number") return 1;
  const e = zerosLike(x, typeOfValue(x, "x", "") as ArrayType);
  if (e instanceof Float64Array) e[j] = 1;
  else e.data[j] = 1;
  return e;
}

/** A zero float64 array shaped like array `x` (bare stays bare). */
function zerosLike(x: unknown, t: ArrayType): Float64Array | NdArray {
  return t.nd ? zeros((x as ArrayLikeND).shape as number[]) : new Float64Array((x as ArrayLike<number>).length);
}

/**
 * `v` as the derivative type of type `t` (f64, Float64Array or float64 ndarray), checking its shape
 * against `like`. A copy, unless `readOnly` (a cotangent: reverse mode only reads it) and `v` already
 * has that type.
 */
function asShadow(v: unknown, t: Type, what: string, like: unknown, readOnly = false): unknown {
  if (!isArray(t)) {
    if (typeof v !== "number") throw new TypeError(`numbat autodiff: ${what} must be a number, got ${typeof v}`);
    return v;
  }
  const want = shapeOf(like);
  const got = typeof v === "number" || ArrayBuffer.isView(v) || isND(v) ? shapeOf(v) : undefined;
  if (!got || got.length !== want.length || got.some((n, i) => n !== want[i]))
    throw new TypeError(`numbat autodiff: ${what} must be an array of shape [${want}], got ${got ? `shape [${got}]` : typeof v}`);
  if (readOnly && (t.nd ? isND(v) && v.data instanceof Float64Array : v instanceof Float64Array)) return v;
  // Otherwise a copy: forward mode writes tangents of arrays the function writes into these.
  if (!t.nd) return Float64Array.from(v as ArrayLike<number>);
  const out = zeros(want);
  flat(v).forEach((x, k) => { out.data[k] = x; });
  return out;
}

/** The arguments, with a copy of each array the function writes (so the caller's arrays stay as they are). */
function protect(args: readonly unknown[], ir: FuncIR): unknown[] {
  return args.map((a, i) => {
    const p = ir.params[i];
    if (!p || !isArray(p.type) || !ir.written.has(p)) return a;
    if (ArrayBuffer.isView(a)) return copyOf(a); // not a.slice(): the array's own (or its species') could lie
    const nd = a as ArrayLikeND;
    const copy = zeros(nd.shape as number[], DTYPES[p.type.dtype].name as DTypeName);
    flat(nd).forEach((x, k) => { copy.data[k] = x; });
    return copy;
  });
}

/** The source of a function inlined into `d`'s (for code frames of errors inside callees). */
function sourceOf(d: Dispatcher, g: FuncIR, seen = new Set<Dispatcher>()): Source | undefined {
  if (seen.has(d)) return undefined;
  seen.add(d);
  for (const v of Object.values(d.options.scope ?? {})) {
    if (typeof v !== "function") continue;
    const cd = dispatcherOf(v);
    if (!cd) continue;
    if (cd.parsed.name === g.sourceName) return { name: cd.parsed.name, source: cd.parsed.source };
    const deeper = sourceOf(cd, g, seen);
    if (deeper) return deeper;
  }
  return undefined;
}
