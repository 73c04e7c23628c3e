// ufunc.reduce and ufunc.accumulate (NumPy's methods): a generated kernel whose outermost loop walks the
// axis in order, so each result element receives f(f(f(x0, x1), x2), ...) left to right, with every
// intermediate stored in the result's dtype (as NumPy rounds its intermediates).

import { DTYPES } from "../ir/types.js";
import { loopNest } from "./broadcast.js";
import { runElementwise } from "./elementwise.js";
import type { InlineForm } from "./inline.js";
import { alongAxisSource, operandArgs, stepOf } from "./kernels.js";
import { type ArrayOperand, allocate, toOperand } from "./operands.js";
import type { AccumulateOptions, ReduceOptions, UfuncCore, UfuncResult } from "./vectorize.js";

const IDENTITY: InlineForm = { params: ["nb$v"], prelude: "", result: "nb$v" };

function arrayArg(core: UfuncCore, x: unknown, method: string): ArrayOperand {
  if (core.nin !== 2) throw new TypeError(`${core.who}.${method}: only functions of two arguments can ${method} (this one takes ${core.nin})`);
  const op = toOperand(x, `${core.who}.${method}: argument`);
  if (op.kind !== "array") throw new TypeError(`${core.who}.${method}: cannot ${method} a number or a 0-d array; pass an array`);
  return op;
}

function normaliseAxis(axis: number, ndim: number, who: string): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw new RangeError(`${who}: axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

const without = <T>(xs: readonly T[], i: number): T[] => xs.filter((_, j) => j !== i);

/** x's slice at index k along `axis`, as an operand. */
function slice(a: ArrayOperand, axis: number, k: number): ArrayOperand {
  return { ...a, shape: without(a.shape, axis), stride: without(a.stride, axis), offset: a.offset + k * a.stride[axis]!, bare: false };
}

/** The result dtype and the scalar function's result type for f(acc, x). */
function resultOf(core: UfuncCore, x: ArrayOperand) {
  const t = DTYPES[x.dtype].scalar;
  const ret = core.retType([t, t]);
  const dtype = core.dtypeFor([x, x], ret);
  core.retType([DTYPES[dtype].scalar, t]); // the accumulator reads back in the result's dtype
  return { ret, dtype };
}

/** Runs out[k] = f(out[k-1 or k], x[k]) for k in [k0, m) along `axis` of x (and of out when `outAxis`). */
function alongAxis(core: UfuncCore, x: ArrayOperand, axis: number, out: ArrayOperand, outAxis: number | undefined, k0: number, ret: "int" | "f64" | "bool"): void {
  const m = x.shape[axis]!;
  const rest = without(x.shape, axis);
  if (k0 >= m || rest.some((d) => d === 0)) return;
  const outStrides = outAxis === undefined ? out.stride : without(out.stride, outAxis);
  const nest = loopNest(rest, [without(x.stride, axis), outStrides], 1);
  const xSteps = nest.strides[0]!.map(stepOf), outSteps = nest.strides[1]!.map(stepOf);
  const xk = x.stride[axis]!, ok = outAxis === undefined ? 0 : out.stride[outAxis]!;
  const inner = ret === "f64" && out.dtype === "f64" && (Math.abs(xk) === 1 || nest.extents.length === 0);
  const source = alongAxisSource({ rank: nest.extents.length, x: xSteps, xAxis: stepOf(xk), out: outSteps, outAxis: stepOf(ok), f: core.inline, bool: ret === "bool", inner });
  const args: unknown[] = [k0, m, ...nest.extents,
    ...operandArgs({ kind: "array", steps: xSteps }, x.data, x.offset, nest.strides[0]!), ...(stepOf(xk) === "s" ? [xk] : []),
    ...operandArgs({ kind: "array", steps: outSteps }, out.data, out.offset, nest.strides[1]!), ...(stepOf(ok) === "s" ? [ok] : [])];
  core.cpu.get(source, false)(...args);
}

/** x as a C-ordered 1-d operand (copied by a compiled loop unless it already is one). */
function flatten(core: UfuncCore, x: ArrayOperand): ArrayOperand {
  const size = x.shape.reduce((a, b) => a * b, 1);
  let contiguous = true;
  for (let i = x.shape.length - 1, s = 1; i >= 0; s *= x.shape[i]!, i--) if (x.shape[i] !== 1 && x.stride[i] !== s) contiguous = false;
  if (contiguous) return { ...x, shape: [size], stride: [1] };
  const copy = toOperand(allocate(x.shape, x.dtype), "copy") as ArrayOperand;
  runElementwise(core.cpu, { inputs: [x], out: copy, shape: x.shape, f: IDENTITY, bool: false, parallel: false });
  return { ...copy, shape: [size], stride: [1] };
}

export function reduceAlong(core: UfuncCore, input: unknown, o: ReduceOptions): UfuncResult {
  const who = `${core.who}.reduce`;
  let x = arrayArg(core, input, "reduce");
  let axis: number;
  if (o.axis === null) { x = flatten(core, x); axis = 0; } else axis = normaliseAxis(o.axis ?? 0, x.shape.length, who);
  const { ret, dtype } = resultOf(core, x);
  const shape = without(x.shape, axis);
  const nd = allocate(shape.length ? shape : [1], dtype);
  const out = { ...(toOperand(nd, "out") as ArrayOperand), shape, stride: shape.length ? nd.stride : [] };
  const start = o.initial ?? (x.shape[axis] === 0 ? core.options.identity : undefined);
  if (x.shape[axis] === 0 && start === undefined)
    throw new RangeError(`${who}: zero-size array to reduction operation ${core.py.name || "anonymous"} which has no identity (pass { initial } or vectorize's identity option)`);
  if (start !== undefined) runElementwise(core.cpu, { inputs: [{ kind: "scalar", value: start }], out, shape, f: IDENTITY, bool: false, parallel: false });
  else runElementwise(core.cpu, { inputs: [slice(x, axis, 0)], out, shape, f: IDENTITY, bool: false, parallel: false });
  alongAxis(core, x, axis, out, undefined, start === undefined ? 1 : 0, ret);
  return shape.length ? nd : nd.data[0]!;
}

export function accumulateAlong(core: UfuncCore, input: unknown, o: AccumulateOptions): UfuncResult {
  const who = `${core.who}.accumulate`;
  const x = arrayArg(core, input, "accumulate");
  const axis = normaliseAxis(o.axis ?? 0, x.shape.length, who);
  const { ret, dtype } = resultOf(core, x);
  const nd = allocate(x.shape, dtype);
  const out = toOperand(nd, "out") as ArrayOperand;
  if (x.shape[axis] === 0) return x.bare ? nd.data : nd;
  runElementwise(core.cpu, { inputs: [slice(x, axis, 0)], out: slice(out, axis, 0), shape: without(x.shape, axis), f: IDENTITY, bool: false, parallel: false });
  alongAxis(core, x, axis, out, axis, 1, ret);
  return x.bare ? nd.data : nd;
}
