// Functions taken unmodified from numeric npm packages (stdlib's math special functions and BLAS
// base routines, each its own devDependency), with the inputs test/realworld.test.ts checks them on
// and bench/realworld.ts times them with. numbat compiles them with no options: their module
// constants, helper functions and bit-manipulation views resolve as plain JS resolves them
// (docs/language.md#name-resolution).

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
type AnyFn = (...args: any[]) => unknown;
const load = (path: string): AnyFn => require(`@stdlib/${path}`) as AnyFn;

/** Scalar functions of one argument (math-base-special-*). */
export const UNARY = ["erf", "erfc", "besselj0", "besselj1", "bessely0", "gamma", "exp", "ln", "sin", "cos", "tan", "sinh", "tanh", "cbrt"] as const;
/** Scalar functions of two arguments. */
export const BINARY = ["hypot", "pow", "ldexp", "copysign"] as const;

export interface ScalarCase {
  readonly name: string;
  readonly fn: AnyFn;
  readonly arity: 1 | 2;
}

export function scalarCases(): ScalarCase[] {
  return [
    ...UNARY.map((name): ScalarCase => ({ name, fn: load(`math-base-special-${name}/lib/main.js`), arity: 1 })),
    ...BINARY.map((name): ScalarCase => ({ name, fn: load(`math-base-special-${name}/lib/main.js`), arity: 2 })),
  ];
}

/** Special values and a sweep over many magnitudes, both signs (deterministic). */
export function scalarInputs(count = 400): number[] {
  const xs = [0, -0, 0.5, -0.5, 1, -1, 2, 3, -1.25, 1e-300, -1e-300, 5e-324, 2.5e-8, 1e-5, 0.84375, 1.25, 6, 7.5, -20, 28, 170.5, 171.7, 700, -745, 1e10, 1e300, Math.PI, Math.PI / 4, 1e6 * Math.PI, NaN, Infinity, -Infinity];
  let s = 12345;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const mag = 10 ** ((s / 2 ** 32) * 12 - 6);
    xs.push((i % 2 ? -1 : 1) * mag * (1 + (s % 1000) / 1000));
  }
  return xs;
}

/** Second arguments for the two-argument functions (ldexp takes an integer exponent). */
export function secondInputs(name: string): number[] {
  return name === "ldexp" ? [0, 1, -1, 10, -1074, 1023, 2000, -2000] : [2, -0.5, 3, 0.5, -3, 1e-3, 0, -0, 1e300, NaN, Infinity, -Infinity];
}

export interface BlasCase {
  readonly name: string;
  readonly fn: AnyFn;
  /** Argument lists for an input size n: numbers, and Float64Arrays the call may write. */
  readonly calls: (n: number) => unknown[][];
}

function filled(n: number, seed: number): Float64Array {
  const a = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 32 - 0.5;
  }
  return a;
}

export function blasCases(): BlasCase[] {
  const x = (n: number) => filled(n, 1), y = (n: number) => filled(n, 2);
  const blas = (p: string) => load(`blas-base-${p}.js`);
  return [
    { name: "ddot", fn: blas("ddot/lib/ddot"), calls: (n) => [[n, x(n), 1, y(n), 1], [n >> 1, x(n), 2, y(n), -2], [0, x(n), 1, y(n), 1], [7, x(n), 1, y(n), 1]] },
    { name: "ddot.ndarray", fn: blas("ddot/lib/ndarray"), calls: (n) => [[n, x(n), 1, 0, y(n), 1, 0], [n >> 2, x(n), -1, (n >> 2) - 1, y(n), 3, 1]] },
    { name: "daxpy", fn: blas("daxpy/lib/daxpy"), calls: (n) => [[n, 2.5, x(n), 1, y(n), 1], [n >> 1, -0.5, x(n), -2, y(n), 2], [3, 0, x(n), 1, y(n), 1]] },
    { name: "daxpy.ndarray", fn: blas("daxpy/lib/ndarray"), calls: (n) => [[n - 1, 1.5, x(n), 1, 1, y(n), 1, 0]] },
    { name: "dnrm2", fn: blas("dnrm2/lib/dnrm2"), calls: (n) => [[n, x(n), 1], [n >> 1, x(n), 2], [n, new Float64Array(n).fill(1e200), 1], [n, new Float64Array(n).fill(1e-200), 1]] },
    { name: "dscal", fn: blas("dscal/lib/dscal"), calls: (n) => [[n, -0.5, x(n), 1], [n >> 1, 3, x(n), 2], [6, 0, x(n), 1]] },
    { name: "dasum", fn: blas("dasum/lib/dasum"), calls: (n) => [[n, x(n), 1], [n >> 2, x(n), 4]] },
    { name: "dcopy", fn: blas("dcopy/lib/dcopy"), calls: (n) => [[n, x(n), 1, y(n), 1], [n >> 1, x(n), 2, y(n), -1]] },
    { name: "dswap", fn: blas("dswap/lib/dswap"), calls: (n) => [[n, x(n), 1, y(n), 1], [n >> 1, x(n), -2, y(n), 1]] },
    { name: "idamax", fn: blas("idamax/lib/idamax"), calls: (n) => [[n, x(n), 1], [n >> 1, x(n), 2], [0, x(n), 1]] },
    { name: "drot", fn: blas("drot/lib/drot"), calls: (n) => [[n, x(n), 1, y(n), 1, 0.8, 0.6], [n >> 1, x(n), 2, y(n), -2, -0.6, 0.8]] },
  ];
}
