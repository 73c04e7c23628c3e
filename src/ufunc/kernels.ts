// Source text of the loop kernels behind universal functions, one per call shape class: the rank of
// the loop nest, which operands are scalars, and for each array operand whether each loop steps it by
// 0 (broadcast), 1 (contiguous) or a run-time stride. The kernel is jitted like any function, so the
// loops are compiled (vectorised where exact, split over threads with prange), and the user's function
// is pasted into the body (InlineForm) or called (compiled into the same module).
//
// Parameters, in order: the trip counts nb$n<j>; per operand k, nb$a<k> (its data or its scalar value),
// then for arrays nb$o<k> (offset) and nb$s<k>_<j> for each loop j with a run-time stride.

import type { InlineForm } from "./inline.js";

/** How a loop steps an operand: not at all, by one element, or by a run-time stride. */
export type Step = 0 | 1 | "s";

export type OperandClass = { readonly kind: "scalar" } | { readonly kind: "array"; readonly steps: readonly Step[] };

export function stepOf(stride: number): Step {
  return stride === 0 ? 0 : stride === 1 ? 1 : "s";
}

/** Parameter names of one operand (k) for loops with these steps. */
function operandParams(k: number, c: OperandClass): string[] {
  if (c.kind === "scalar") return [`nb$a${k}`];
  return [`nb$a${k}`, `nb$o${k}`, ...c.steps.flatMap((s, j) => (s === "s" ? [`nb$s${k}_${j}`] : []))];
}

/** The run-time values of those parameters. */
export function operandArgs(c: OperandClass, value: unknown, offset: number, strides: readonly number[]): unknown[] {
  if (c.kind === "scalar") return [value];
  return [value, offset, ...c.steps.flatMap((s, j) => (s === "s" ? [strides[j]] : []))];
}

/** The element of array operand k at the current loop counters; `axis` adds an outer counter term. */
function element(k: number, steps: readonly Step[], axis?: { step: Step; counter: string }): string {
  let index = `nb$o${k}`;
  steps.forEach((s, j) => {
    if (s === 1) index += ` + nb$i${j}`;
    else if (s === "s") index += ` + nb$i${j} * nb$s${k}_${j}`;
  });
  if (axis && axis.step !== 0) {
    index += axis.step === 1 ? ` + ${axis.counter}` : ` + ${axis.counter} * nb$sk${k}`;
  }
  return `nb$a${k}[${index}]`;
}

function value(k: number, c: OperandClass): string {
  return c.kind === "scalar" ? `nb$a${k}` : element(k, c.steps);
}

/** `nb$r = f(args...)` as statements: the function pasted in, or called as nb$f. */
function apply(f: InlineForm | undefined, args: readonly string[], target: string, bool: boolean): string {
  const wrap = (x: string) => (bool ? `(${x} ? 1 : 0)` : x);
  if (!f) return `${target} = ${wrap(`nb$f(${args.join(", ")})`)};`;
  const binds = f.params.map((p, i) => `let ${p} = ${args[i]};`).join(" ");
  return `{ ${binds}\n${f.prelude}\n${target} = ${wrap(f.result)}; }`;
}

/**
 * Loops nb$i0..nb$i<rank-1> around `body`; with `parallel`, the outermost is a prange (rank 1: over blocks
 * of `block`); with `gpu`, the outermost three are nested pranges (the launch grid of GPU offload).
 */
function nest(rank: number, body: string, parallel: boolean, block: number, gpu = false): string {
  let s = body;
  for (let j = rank - 1; j >= 0; j--) {
    if (gpu && j < 3) s = `for (const nb$i${j} of prange(nb$n${j})) {\n${s}\n}`;
    else if (j === 0 && parallel && rank === 1)
      s = `for (const nb$c of prange(nb$nc)) { const nb$lo = nb$c * ${block}; const nb$hi = Math.min(nb$lo + ${block}, nb$n0);\n` +
        `for (let nb$i0 = nb$lo; nb$i0 < nb$hi; nb$i0++) {\n${s}\n} }`;
    else if (j === 0 && parallel) s = `for (const nb$i0 of prange(nb$n0)) {\n${s}\n}`;
    else s = `for (let nb$i${j} = 0; nb$i${j} < nb$n${j}; nb$i${j}++) {\n${s}\n}`;
  }
  return s;
}

export interface ElementwiseSpec {
  readonly rank: number;
  readonly inputs: readonly OperandClass[];
  readonly out: readonly Step[];
  readonly f: InlineForm | undefined;
  /** The function returns a boolean: stored as 1 or 0. */
  readonly bool: boolean;
  readonly parallel: boolean;
  /** A GPU target: every loop of the grid is a prange. */
  readonly gpu?: boolean;
}

/** Rank-1 parallel loops run in blocks of this many elements (each block vectorised). */
export const PARALLEL_BLOCK = 1 << 14;

/** out[i...] = f(in0[i...], in1[i...], ...). Parameters: counts (and nb$nc, the block count, when parallel rank 1), inputs, output (operand index = inputs.length). */
export function elementwiseSource(spec: ElementwiseSpec): string {
  const n = spec.inputs.length;
  const counts = Array.from({ length: spec.rank }, (_, j) => `nb$n${j}`);
  if (spec.parallel && !spec.gpu && spec.rank === 1) counts.push("nb$nc");
  const params = [...counts, ...spec.inputs.flatMap((c, k) => operandParams(k, c)), ...operandParams(n, { kind: "array", steps: spec.out })];
  const body = apply(spec.f, spec.inputs.map((c, k) => value(k, c)), element(n, spec.out), spec.bool);
  return `function nb$elementwise(${params.join(", ")}) {\n${nest(spec.rank, body, spec.parallel, PARALLEL_BLOCK, spec.gpu)}\n}`;
}

export interface AlongAxisSpec {
  /** Loops besides the axis loop. */
  readonly rank: number;
  /** The input's steps over those loops, and along the axis. */
  readonly x: readonly Step[];
  readonly xAxis: Step;
  /** The output's steps over those loops, and along the axis (0 for reduce). */
  readonly out: readonly Step[];
  readonly outAxis: Step;
  readonly f: InlineForm | undefined;
  readonly bool: boolean;
  /**
   * Where the intermediates need no rounding (an f64 result in an f64 output): the axis loop innermost,
   * folding into a local (accumulate stores each step too), for an input contiguous along the axis.
   * Same operations in the same order per element.
   */
  readonly inner?: boolean;
}

/**
 * For k from nb$k0 to nb$m - 1, outermost and in order: out[k] = f(out[k - 1], x[k]) when out steps along
 * the axis (accumulate), else out = f(out, x[k]) (reduce). Each element sees its operations left to right,
 * and every intermediate is rounded to the output's dtype, as NumPy's ufunc.reduce/accumulate.
 * Parameters: nb$k0, nb$m, the counts, x (operand 0, then nb$sk0), out (operand 1, then nb$sk1).
 */
export function alongAxisSource(spec: AlongAxisSpec): string {
  const counts = Array.from({ length: spec.rank }, (_, j) => `nb$n${j}`);
  const axisStride = (k: number, s: Step) => (s === "s" ? [`nb$sk${k}`] : []);
  const params = ["nb$k0", "nb$m", ...counts,
    ...operandParams(0, { kind: "array", steps: spec.x }), ...axisStride(0, spec.xAxis),
    ...operandParams(1, { kind: "array", steps: spec.out }), ...axisStride(1, spec.outAxis)];
  const prev = element(1, spec.out, { step: spec.outAxis, counter: "(nb$k - 1)" });
  const target = element(1, spec.out, { step: spec.outAxis, counter: "nb$k" });
  const xk = element(0, spec.x, { step: spec.xAxis, counter: "nb$k" });
  if (spec.inner) {
    const step = apply(spec.f, ["nb$acc", xk], "nb$acc", false);
    const fold = spec.outAxis === 0
      ? `let nb$acc = ${target};\nfor (let nb$k = nb$k0; nb$k < nb$m; nb$k++) {\n${step}\n}\n${target} = nb$acc;`
      : `let nb$acc = ${element(1, spec.out, { step: spec.outAxis, counter: "(nb$k0 - 1)" })};\nfor (let nb$k = nb$k0; nb$k < nb$m; nb$k++) {\n${step}\n${target} = nb$acc;\n}`;
    return `function nb$alongAxis(${params.join(", ")}) {\n${nest(spec.rank, fold, false, 0)}\n}`;
  }
  const body = apply(spec.f, [prev, xk], target, spec.bool);
  return `function nb$alongAxis(${params.join(", ")}) {\nfor (let nb$k = nb$k0; nb$k < nb$m; nb$k++) {\n${nest(spec.rank, body, false, 0)}\n}\n}`;
}
