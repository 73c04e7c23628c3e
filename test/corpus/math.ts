// Math.* on edge values and random values of every magnitude: one kernel per function, so a failure
// names the function. Also Math constants, Number constants and predicates, `**`, and Math on ints.
// Bitwise equality with V8 is the contract (V8 computes these with its fdlibm port).

import { edgeValuesSigned, mulberry32, pairs, randFloats, randInts, withEdges, type Kernel } from "../harness.js";

/** Inputs where the functions have special cases, overflow, lose precision or reduce arguments. */
const SPECIAL = [
  1, -1, 2, -2, 3, 10, 100, 1e-10, -1e-10, 1e-300, 1e-20, 0.1, 1 / 3, 0.4, -0.4, 0.6, -0.6, 2.5, -2.5, 3.5,
  0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 4503599627370497,
  Math.PI, -Math.PI, Math.PI / 2, Math.PI / 4, (3 * Math.PI) / 4, Math.E, Math.LN2, 1e22, 1e300, 2 ** 60, 2 ** 120,
  709.78, 709.79, 710, -745.13, -745.14, -746, 0.9999999999999999, 1.0000000000000002, 0.5000000000000001,
  0.7071067811865476, 0.999, -0.999, 1.5707963267948966, 22, -22, 0.25, 1e-5, 3.4028235677973366e38, 3.4028236e38, 1e-46,
];

function unaryArgs(seed: number): () => unknown[] {
  return () => {
    const r = mulberry32(seed);
    const x = withEdges(r, 300, [...SPECIAL, ...randFloats(r, 100, -1, 1)]);
    return [x, new Float64Array(x.length)];
  };
}

function binaryArgs(seed: number): () => unknown[] {
  return () => {
    const r = mulberry32(seed);
    const vals = [...edgeValuesSigned(), 2, -2, 3, 0.1, 1 / 3, 10, -10, 0.25, 100, 1e-300, 1.0000000000000002];
    const [ex, ey] = pairs(vals);
    const x = Float64Array.from([...ex, ...randFloats(r, 300, -10, 10), ...randFloats(r, 100, -1e6, 1e6)]);
    const y = Float64Array.from([...ey, ...randFloats(r, 300, -10, 10), ...randFloats(r, 100, -3, 3)]);
    return [x, y, new Float64Array(x.length)];
  };
}
export function mathSin(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.sin(x[i]);
}
export function mathCos(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.cos(x[i]);
}
export function mathTan(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.tan(x[i]);
}
export function mathAsin(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.asin(x[i]);
}
export function mathAcos(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.acos(x[i]);
}
export function mathAtan(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.atan(x[i]);
}
export function mathSinh(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.sinh(x[i]);
}
export function mathCosh(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.cosh(x[i]);
}
export function mathTanh(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]);
}
export function mathAsinh(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.asinh(x[i]);
}
export function mathAcosh(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.acosh(x[i]);
}
export function mathAtanh(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.atanh(x[i]);
}
export function mathExp(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
}
export function mathExpm1(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.expm1(x[i]);
}
export function mathLog(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]);
}
export function mathLog1p(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.log1p(x[i]);
}
export function mathLog2(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.log2(x[i]);
}
export function mathLog10(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.log10(x[i]);
}
export function mathCbrt(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.cbrt(x[i]);
}
export function mathSqrt(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.sqrt(x[i]);
}
export function mathAbs(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]);
}
export function mathFloor(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.floor(x[i]);
}
export function mathCeil(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.ceil(x[i]);
}
export function mathTrunc(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.trunc(x[i]);
}
export function mathRound(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.round(x[i]);
}
export function mathSign(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.sign(x[i]);
}
export function mathFround(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.fround(x[i]);
}
export function mathAtan2(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.atan2(x[i], y[i]);
}
export function mathPow(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.pow(x[i], y[i]);
}
export function mathHypot(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.hypot(x[i], y[i]);
}
export function mathMin(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.min(x[i], y[i]);
}
export function mathMax(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.max(x[i], y[i]);
}
export function mathHypot3MinMax3(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const z = x[(i * 7) % x.length];
    out[3 * i] = Math.hypot(x[i], y[i], z);
    out[3 * i + 1] = Math.min(x[i], y[i], z);
    out[3 * i + 2] = Math.max(x[i], y[i], z);
  }
}

/** The `**` operator, including exponents a compiler might strength-reduce (2, 0.5, -1, 3). */
export function powOperator(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[5 * i] = v ** y[i];
    out[5 * i + 1] = v ** 2;
    out[5 * i + 2] = v ** 0.5;
    out[5 * i + 3] = v ** -1;
    out[5 * i + 4] = Math.pow(v, 3);
  }
}

/** Math on integer arguments (results compared as numbers). */
export function mathOnInts(a: Int32Array, b: Int32Array, out: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    let k = 10 * i;
    out[k++] = Math.abs(x);
    out[k++] = Math.sign(x);
    out[k++] = Math.min(x, y);
    out[k++] = Math.max(x, y, 0.5);
    out[k++] = Math.floor(x / 7);
    out[k++] = Math.sqrt(x);
    out[k++] = Math.pow(y & 0xffff, 2);
    out[k++] = Math.hypot(x, y);
    out[k++] = Math.round(x / 2);
    out[k++] = Math.trunc(y / 3);
  }
}

export function mathConstants(out: Float64Array): void {
  out[0] = Math.E;
  out[1] = Math.LN2;
  out[2] = Math.LN10;
  out[3] = Math.LOG2E;
  out[4] = Math.LOG10E;
  out[5] = Math.PI;
  out[6] = Math.SQRT1_2;
  out[7] = Math.SQRT2;
  out[8] = 2 * Math.PI * Math.SQRT2 - Math.E / Math.LN10;
}

export function numberConstants(out: Float64Array): void {
  out[0] = Number.EPSILON;
  out[1] = Number.MAX_SAFE_INTEGER;
  out[2] = Number.MIN_SAFE_INTEGER;
  out[3] = Number.MAX_VALUE;
  out[4] = Number.MIN_VALUE;
  out[5] = Number.POSITIVE_INFINITY;
  out[6] = Number.NEGATIVE_INFINITY;
  out[7] = Number.NaN;
}

export function numberPredicates(x: Float64Array, out: Int32Array): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    out[4 * i] = Number.isNaN(x[i]) ? 1 : 0;
    out[4 * i + 1] = Number.isFinite(x[i]) ? 1 : 0;
    out[4 * i + 2] = Number.isInteger(x[i]) ? 1 : 0;
    out[4 * i + 3] = Number.isSafeInteger(x[i]) ? 1 : 0;
    if (Number.isInteger(x[i] * 0.5)) count++;
  }
  return count;
}

/** Number predicates on integer-typed values (always integers, never NaN). */
export function numberPredicatesInt(a: Int32Array): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) if (Number.isInteger(a[i]) && Number.isFinite(a[i]) && !Number.isNaN(a[i])) c++;
  return c;
}

export const mathKernels: Kernel[] = [
  { name: "Math.sin", fn: mathSin, args: unaryArgs(100) },
  { name: "Math.cos", fn: mathCos, args: unaryArgs(101) },
  { name: "Math.tan", fn: mathTan, args: unaryArgs(102) },
  { name: "Math.asin", fn: mathAsin, args: unaryArgs(103) },
  { name: "Math.acos", fn: mathAcos, args: unaryArgs(104) },
  { name: "Math.atan", fn: mathAtan, args: unaryArgs(105) },
  { name: "Math.sinh", fn: mathSinh, args: unaryArgs(106) },
  { name: "Math.cosh", fn: mathCosh, args: unaryArgs(107) },
  { name: "Math.tanh", fn: mathTanh, args: unaryArgs(108) },
  { name: "Math.asinh", fn: mathAsinh, args: unaryArgs(109) },
  { name: "Math.acosh", fn: mathAcosh, args: unaryArgs(110) },
  { name: "Math.atanh", fn: mathAtanh, args: unaryArgs(111) },
  { name: "Math.exp", fn: mathExp, args: unaryArgs(112) },
  { name: "Math.expm1", fn: mathExpm1, args: unaryArgs(113) },
  { name: "Math.log", fn: mathLog, args: unaryArgs(114) },
  { name: "Math.log1p", fn: mathLog1p, args: unaryArgs(115) },
  { name: "Math.log2", fn: mathLog2, args: unaryArgs(116) },
  { name: "Math.log10", fn: mathLog10, args: unaryArgs(117) },
  { name: "Math.cbrt", fn: mathCbrt, args: unaryArgs(118) },
  { name: "Math.sqrt", fn: mathSqrt, args: unaryArgs(119) },
  { name: "Math.abs", fn: mathAbs, args: unaryArgs(120) },
  { name: "Math.floor", fn: mathFloor, args: unaryArgs(121) },
  { name: "Math.ceil", fn: mathCeil, args: unaryArgs(122) },
  { name: "Math.trunc", fn: mathTrunc, args: unaryArgs(123) },
  { name: "Math.round", fn: mathRound, args: unaryArgs(124) },
  { name: "Math.sign", fn: mathSign, args: unaryArgs(125) },
  { name: "Math.fround", fn: mathFround, args: unaryArgs(126) },
  { name: "Math.atan2", fn: mathAtan2, args: binaryArgs(127) },
  { name: "Math.pow", fn: mathPow, args: binaryArgs(128) },
  { name: "Math.hypot", fn: mathHypot, args: binaryArgs(129) },
  { name: "Math.min", fn: mathMin, args: binaryArgs(130) },
  { name: "Math.max", fn: mathMax, args: binaryArgs(131) },
  {
    name: "Math.hypot, Math.min, Math.max with three arguments", fn: mathHypot3MinMax3,
    args: () => { const [x, y, out] = binaryArgs(140)() as Float64Array[]; return [x, y, new Float64Array(3 * out.length)]; },
  },
  {
    name: "** operator", fn: powOperator,
    args: () => { const [x, y, out] = binaryArgs(141)() as Float64Array[]; return [x, y, new Float64Array(5 * out.length)]; },
  },
  {
    name: "Math on integer arguments", fn: mathOnInts,
    args: () => {
      const r = mulberry32(142);
      const a = Int32Array.from([0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 7, -7, ...randInts(r, 100, -(2 ** 31), 2 ** 31 - 1)]);
      const b = Int32Array.from([0, -1, 1, -(2 ** 31), 2 ** 31 - 1, 3, -3, ...randInts(r, 100, -1000, 1000)]);
      return [a, b, new Float64Array(10 * a.length)];
    },
  },
  { name: "Math constants", fn: mathConstants, args: () => [new Float64Array(9)] },
  { name: "Number constants", fn: numberConstants, args: () => [new Float64Array(8)] },
  {
    name: "Number.isNaN/isFinite/isInteger/isSafeInteger", fn: numberPredicates,
    args: () => { const x = withEdges(mulberry32(143), 50, [2 ** 53 + 2, -(2 ** 53) + 1, 1e21, 3, -4]); return [x, new Int32Array(4 * x.length)]; },
  },
  { name: "Number predicates on integers", fn: numberPredicatesInt, args: () => [randInts(mulberry32(144), 20, -5, 5)] },
];
