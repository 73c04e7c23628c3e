// numbat/tfjs: a numbat function as a TensorFlow.js op. Its forward pass runs numbat's compiled code
// on the tensors' data; its gradient is numbat's compiled reverse mode (vjp), registered with
// tf.customGrad, so the op composes with tf.grad, tf.valueAndGrad, tf.variableGrads and optimisers.
// @tensorflow/tfjs-core is an optional peer dependency: only this entry point imports it.

import * as tf from "@tensorflow/tfjs-core";
import { vjp } from "../autodiff/api.js";
import { CompileError } from "../diagnostics/error.js";
import { type Dense, denseOf, kernelArg } from "./dense.js";
import { NdArray } from "../runtime/ndarray.js";
import { dispatcherOf } from "../driver/dispatcher.js";
import { typeOfValue } from "../runtime/signature.js";

export interface TfOpOptions {
  /**
   * Positions of the arguments that get gradients (default: every float32 tensor argument). Others
   * (int32 tensors, numbers) get none: tf sees them as constants.
   */
  readonly argnums?: readonly number[];
}

/** An argument of the op: tensors are numbat arrays inside (rank 0: a number); numbers and booleans pass as they are. */
export type TfOpArg = tf.Tensor | number | boolean;

/** The tensor's data as numbat sees it. On the CPU backend dataSync() is the tensor's own storage: no copy (numbat's vjp copies an argument before writing it). */
function denseOfTensor(t: tf.Tensor): Dense {
  if (t.dtype !== "float32" && t.dtype !== "int32" && t.dtype !== "bool")
    throw new TypeError(`numbat/tfjs: tensors of dtype ${t.dtype} have no numbat counterpart; use float32 or int32`);
  return { data: t.dataSync() as Float32Array | Int32Array | Uint8Array, shape: t.shape };
}

/** A dense result as a float32 tensor: numbat's Float32Array results are adopted without a copy. */
function tensorOf(d: Dense): tf.Tensor {
  const data = d.data instanceof Float32Array ? d.data : Float32Array.from(d.data);
  return tf.tensor(data, [...d.shape], "float32");
}

/**
 * The arguments, with a copy of each one that is a tensor's storage and that the function writes:
 * tensors are immutable, and on the CPU backend dataSync() is the storage itself.
 */
function unaliased(fn: (...args: any[]) => unknown, args: unknown[], fromTensor: readonly boolean[]): unknown[] {
  if (!fromTensor.some((t, i) => t && typeof args[i] === "object")) return args;
  const d = dispatcherOf(fn)!;
  const ir = d.irFor(args.map((a, i) => typeOfValue(a, `#${i}`, d.parsed.name)));
  return args.map((a, i) => {
    if (!fromTensor[i] || typeof a !== "object" || !ir.written.has(ir.params[i]!)) return a;
    return a instanceof NdArray ? new NdArray(a.data.slice(), a.shape) : (a as Float32Array).slice();
  });
}

/** What decides the compiled signature of an argument (roughly: enough to tell calls apart). */
function kindOf(a: unknown): string {
  if (typeof a === "number") return Number.isInteger(a) ? "int" : "f64";
  if (ArrayBuffer.isView(a)) return a.constructor.name;
  if (typeof a === "object" && a !== null) return `${(a as NdArray).data.constructor.name}/${(a as NdArray).shape.length}`;
  return typeof a;
}

/**
 * The forward call, keeping numbat's pullback. A function numbat cannot differentiate (a compile error
 * NB500-NB503, docs/autodiff.md) still runs forward; its gradient, if tf asks for it, is that error.
 */
function forward(fn: (...args: any[]) => unknown, active: number[], args: unknown[], failed: Map<string, CompileError>): { out: unknown; pullback: ((ct: number | NdArray) => unknown[]) | CompileError } {
  // Failures are remembered per kind of call, so that forward calls don't compile the derivative again.
  const key = `${active}|${args.map(kindOf).join(",")}`;
  const known = failed.get(key);
  if (known) return { out: fn(...args), pullback: known };
  try {
    const [out, pullback] = vjp(fn, active)(...args);
    return { out, pullback };
  } catch (e) {
    if (!(e instanceof CompileError && /^NB50\d$/.test(e.code))) throw e;
    failed.set(key, e);
    return { out: fn(...args), pullback: e };
  }
}

/**
 * `fn` (jitted or plain: numbat compiles it either way) as an op on tensors. Rank-0 tensors arrive as
 * numbers, rank-1 as typed arrays, higher ranks as numbat n-d arrays (`A.get(i, j)`, `A.shape`); the
 * result (number, typed array or n-d array) comes back as a float32 tensor.
 *
 * @example
 * const sumsq = tfOp(jit((x) => { let s = 0; for (let i = 0; i < x.length; i++) s += x[i] * x[i]; return s; }));
 * tf.grad((x) => sumsq(x))(tf.tensor1d([1, 2, 3])).print(); // [2, 4, 6]
 */
export function tfOp(fn: (...args: any[]) => unknown, options: TfOpOptions = {}): (...args: TfOpArg[]) => tf.Tensor {
  if (typeof fn !== "function") throw new TypeError(`numbat/tfjs: tfOp expects a function, got ${fn === null ? "null" : typeof fn}`);
  const name = `tfOp(${fn.name || "anonymous"})`;
  const failed = new Map<string, CompileError>();
  return (...args: TfOpArg[]): tf.Tensor => {
    const dense = args.map((a) => (a instanceof tf.Tensor ? denseOfTensor(a) : undefined));
    const kernelArgs = unaliased(fn, args.map((a, i) => (dense[i] ? kernelArg(dense[i]!) : a)), dense.map((d) => d !== undefined));
    const active = options.argnums ? [...options.argnums] : args.flatMap((a, i) => (a instanceof tf.Tensor && a.dtype === "float32" ? [i] : []));
    for (const i of active)
      if (!(args[i] instanceof tf.Tensor) || (args[i] as tf.Tensor).dtype !== "float32")
        throw new TypeError(`${name}: argnums names argument ${i}, which is not a float32 tensor`);
    if (active.length === 0) return tensorOf(denseOf(fn(...kernelArgs), name));
    const op = tf.customGrad((...inputs: unknown[]) => {
      const save = inputs.pop() as tf.GradSaveFunc;
      save(inputs as tf.Tensor[]);
      const { out, pullback } = forward(fn, active, kernelArgs, failed);
      const result = denseOf(out, name);
      return {
        value: tensorOf(result),
        gradFunc: (dy: tf.Tensor) => {
          if (pullback instanceof CompileError) throw pullback;
          const cotangent = kernelArg({ data: dy.dataSync() as Float32Array, shape: result.shape }) as number | NdArray; // rank 1: a typed array, which pullbacks take too
          return pullback(cotangent).map((g, k) => tensorOf({ data: denseOf(g, name).data, shape: (args[active[k]!] as tf.Tensor).shape }));
        },
      };
    });
    return op(...active.map((i) => args[i] as tf.Tensor));
  };
}
