// Runs generated loop kernels: one jitted kernel per source text (the source encodes the call shape
// class), reused for every call of that class; jit itself specialises each on the dtypes it meets.

import { jit } from "../index.js";
import { dispatcherOf } from "../driver/dispatcher.js";
import type { Type } from "../ir/types.js";
import { broadcastStrides, loopNest } from "./broadcast.js";
import type { InlineForm } from "./inline.js";
import { type OperandClass, PARALLEL_BLOCK, elementwiseSource, operandArgs, stepOf, type Step } from "./kernels.js";
import type { ArrayOperand, Operand } from "./operands.js";

export type Kernel = (...args: unknown[]) => unknown;

/** "parallel" ufunc calls over fewer elements run the single-threaded kernel. */
export const PARALLEL_MIN = 1 << 15;

export interface KernelOptions {
  readonly scope: Record<string, unknown>;
  /** The scalar function, called by kernels that do not paste it in. */
  readonly callee: Function;
  readonly parallel: boolean;
  readonly threads?: number;
  /** A GPU target: kernels are offloaded (calls return promises). */
  readonly gpu?: "webgpu" | "gpusim";
}

/** The jitted kernels of one universal function, by source text. */
export class KernelCache {
  private readonly kernels = new Map<string, Kernel>();
  constructor(private readonly options: KernelOptions) {}

  get(source: string, parallel: boolean): Kernel {
    let k = this.kernels.get(source);
    if (!k) {
      const fn = new Function(`return ${source}`)() as Kernel;
      const { scope, callee, threads, gpu } = this.options;
      if (gpu) k = jit(fn, { target: gpu, scope }) as unknown as Kernel;
      else k = jit(fn, { scope: { ...scope, nb$f: callee }, ...(parallel ? { threads } : { parallel: false }) }) as Kernel;
      this.kernels.set(source, k);
    }
    return k;
  }

  /** Compiles `source` now for these parameter types (eager signatures). */
  compile(source: string, parallel: boolean, types: readonly string[]): void {
    dispatcherOf(this.get(source, parallel))!.compileSignature(types);
  }

  get gpu(): boolean {
    return this.options.gpu !== undefined;
  }

  get size(): number {
    return this.kernels.size;
  }

  get all(): Kernel[] {
    return [...this.kernels.values()];
  }
}

/** The result type of the scalar function for these argument types (compiling it, so its own errors point at its source). */
export function resultType(callee: Function, types: Type[]): Type {
  return dispatcherOf(callee)!.irFor(types).ret;
}

export interface ElementwiseCall {
  readonly inputs: readonly Operand[];
  readonly out: ArrayOperand;
  /** The broadcast shape (= out.shape). */
  readonly shape: readonly number[];
  readonly f: InlineForm | undefined;
  readonly bool: boolean;
  readonly parallel: boolean;
}

/** out = f(inputs...) elementwise over `shape`, through the cached kernel for this call's shape class (a promise on GPU targets). */
export function runElementwise(cache: KernelCache, call: ElementwiseCall): unknown {
  const { inputs, out, shape } = call;
  const gpu = cache.gpu;
  if (shape.some((d) => d === 0)) return undefined;
  const strides = [...inputs.map((o) => (o.kind === "array" ? broadcastStrides(o, shape) : shape.map(() => 0))), out.stride.slice()];
  const nest = loopNest(shape, strides, inputs.length);
  const rank = nest.extents.length;
  // Threads only pay off for enough elements (a parallel region costs microseconds to start).
  const size = shape.reduce((a, b) => a * b, 1);
  const parallel = rank > 0 && (gpu || (call.parallel && size >= PARALLEL_MIN));
  const classes: OperandClass[] = inputs.map((o, k) => (o.kind === "scalar" ? o : { kind: "array", steps: nest.strides[k]!.map(stepOf) }));
  const outSteps: Step[] = nest.strides[inputs.length]!.map(stepOf);
  const source = elementwiseSource({ rank, inputs: classes.map((c) => (c.kind === "scalar" ? { kind: "scalar" } : c)), out: outSteps, f: call.f, bool: call.bool, parallel, gpu });
  const args: unknown[] = [...nest.extents];
  if (parallel && !gpu && rank === 1) args.push(Math.ceil(nest.extents[0]! / PARALLEL_BLOCK));
  inputs.forEach((o, k) => args.push(...(o.kind === "scalar" ? [o.value] : operandArgs(classes[k]!, o.data, o.offset, nest.strides[k]!))));
  args.push(...operandArgs({ kind: "array", steps: outSteps }, out.data, out.offset, nest.strides[inputs.length]!));
  return cache.get(source, parallel)(...args);
}
