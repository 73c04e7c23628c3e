// numbat/jax: numbat functions on jax-js arrays (@jax-js/jax, an optional peer dependency that only
// this entry point imports). jax-js 0.1.25 keeps array data in its backend's own memory and has no
// public hook for custom derivatives or host callbacks, so a numbat function is an eager op: its
// inputs' data is read out (jax-js's dataSync copies once), numbat runs on those arrays as they are,
// and the result becomes a jax-js array (np.array copies once into jax-js's memory). Inside jax.grad,
// jax.jit or jax.vmap arguments are tracers without data, and jaxOp refuses them (docs/interop.md
// names the upstream change that would let numbat supply the derivative).

import { Array as JaxArray, numpy as np } from "@jax-js/jax";
import { type Dense, denseOf, kernelArg } from "./dense.js";
import type { NdArray, TypedArray } from "../runtime/ndarray.js";
import { vjp } from "../autodiff/api.js";

/** An argument of a jaxOp: jax-js arrays become numbat arrays (rank 0: a number); numbers and booleans pass as they are. */
export type JaxOpArg = JaxArray | number | boolean;

const DTYPE_OF_DATA = new Map<Function, "float32" | "float64" | "int32" | "uint32">([
  [Float32Array, "float32"], [Float64Array, "float64"], [Int32Array, "int32"], [Uint32Array, "uint32"],
]);

const isTracer = (x: unknown): boolean => typeof x === "object" && x !== null && "aval" in x && !(x instanceof JaxArray);

/**
 * A jax-js array's data and shape, as numbat takes them. Like every jax-js function this consumes the
 * array (it is disposed after reading; pass `x.ref` to keep using `x`). The data is jax-js's own copy,
 * handed over as it is.
 */
export function fromJax(x: JaxArray): number | TypedArray | NdArray {
  return kernelArg(denseOfJax(x, "fromJax"));
}

function denseOfJax(x: JaxArray, what: string): Dense {
  if (![...DTYPE_OF_DATA.values()].includes(x.dtype as never)) // bool arrays' data is an Int32Array: refuse them by name
    throw new TypeError(`${what}: jax-js arrays of dtype ${x.dtype} have no numbat counterpart; use float32, float64, int32 or uint32`);
  return { shape: [...x.shape], data: x.dataSync() as TypedArray };
}

/** A numbat result (number, typed array, n-d array) as a jax-js array of the same element type, on `device` (default: jax-js's). */
export function toJax(x: unknown, device?: JaxArray["device"]): JaxArray {
  return arrayOfDense(denseOf(x, "toJax"), device);
}

function arrayOfDense(d: Dense, device: JaxArray["device"] | undefined): JaxArray {
  const dtype = DTYPE_OF_DATA.get(d.data.constructor);
  if (!dtype) throw new TypeError(`toJax: ${d.data.constructor.name} has no jax-js counterpart; return a Float32Array, Float64Array, Int32Array or Uint32Array`);
  return np.array(d.data as Float32Array, { shape: [...d.shape], dtype: dtype as never, device });
}

/** The checks and conversions every entry point makes: tracers refused, arrays read (and consumed). */
function concreteArgs(args: readonly JaxOpArg[], name: string): { kernelArgs: unknown[]; device: JaxArray["device"] | undefined } {
  args.forEach((a, i) => {
    if (isTracer(a))
      throw new TypeError(`${name}: argument ${i} is a traced value (inside jax.grad, jax.jit or jax.vmap); jax-js 0.1.25 has no custom-derivative or callback hook, so numbat ops run on concrete arrays only (docs/interop.md)`);
  });
  const device = (args.find((a) => a instanceof JaxArray) as JaxArray | undefined)?.device;
  return { kernelArgs: args.map((a) => (a instanceof JaxArray ? kernelArg(denseOfJax(a, name)) : a)), device };
}

/**
 * `fn` (jitted or plain) as a function of jax-js arrays, for forward use: the result is a jax-js array
 * on the first array argument's device. Array arguments are consumed, as jax-js's own functions do.
 *
 * @example
 * const norm2 = jaxOp(jit((x) => { let s = 0; for (let i = 0; i < x.length; i++) s += x[i] * x[i]; return s; }));
 * norm2(np.array([3, 4])).item(); // 25
 */
export function jaxOp(fn: (...args: any[]) => unknown): (...args: JaxOpArg[]) => JaxArray {
  if (typeof fn !== "function") throw new TypeError(`numbat/jax: jaxOp expects a function, got ${fn === null ? "null" : typeof fn}`);
  const name = `jaxOp(${fn.name || "anonymous"})`;
  return (...args: JaxOpArg[]): JaxArray => {
    const { kernelArgs, device } = concreteArgs(args, name);
    return toJax(fn(...kernelArgs), device);
  };
}

/**
 * jax.vjp's shape for a numbat function, outside jax-js's tracing (which has no hook for it): returns
 * `[out, pullback]`, where `pullback(cotangent)` gives, as jax-js arrays of each argument's dtype, the
 * cotangent's product with the Jacobian for each differentiated argument (default: every float array).
 * This is numbat's compiled `vjp`. Chain it by hand with jax.vjp of the jax-js code around it.
 *
 * @example
 * const [y, back] = jaxVjp(layer)(x);          // numbat forward
 * const [loss, backLoss] = jax.vjp(lossFn, [y]); // jax-js forward
 * const [dy] = backLoss(np.array(1));
 * const [dx] = back(dy);                         // numbat reverse
 */
export function jaxVjp(fn: (...args: any[]) => unknown, argnums?: readonly number[]): (...args: JaxOpArg[]) => [JaxArray, (cotangent: JaxArray) => JaxArray[]] {
  if (typeof fn !== "function") throw new TypeError(`numbat/jax: jaxVjp expects a function, got ${fn === null ? "null" : typeof fn}`);
  const name = `jaxVjp(${fn.name || "anonymous"})`;
  return (...args: JaxOpArg[]) => {
    const active = argnums ? [...argnums] : args.flatMap((a, i) => (a instanceof JaxArray && (a.dtype === "float32" || a.dtype === "float64") ? [i] : []));
    const like = active.map((i) => {
      const a = args[i];
      if (!(a instanceof JaxArray) && typeof a !== "number") throw new TypeError(`${name}: argnums names argument ${i}, which is neither a jax-js array nor a number`);
      return a instanceof JaxArray ? { shape: [...a.shape], dtype: a.dtype } : { shape: [], dtype: "float64" };
    });
    const { kernelArgs, device } = concreteArgs(args, name);
    const [out, pullback] = vjp(fn, active)(...kernelArgs);
    const back = (cotangent: JaxArray): JaxArray[] =>
      pullback(kernelArg(denseOfJax(cotangent, name)) as number | NdArray).map((g, k) => {
        const d = denseOf(g, name), want = like[k]!;
        const data = want.dtype === "float32" && !(d.data instanceof Float32Array) ? Float32Array.from(d.data) : d.data;
        return arrayOfDense({ data, shape: want.shape }, device);
      });
    return [toJax(out, device), back];
  };
}
