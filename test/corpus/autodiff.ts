// The autodiff corpus: functions returning a float, each with fresh inputs, the arguments to
// differentiate, and (where one is known in closed form) the analytic gradient. test/autodiff.test.ts
// checks every entry against central finite differences of the plain function, against the analytic
// gradient, and forward mode against reverse mode, on every target.

import { array, zeros } from "../../src/index.js";
import { mulberry32, randFloats } from "../harness.js";
import { matrixMultiplyLoops } from "../../examples/seed.js";

type AnyFn = (...args: any[]) => any;
type ND = ReturnType<typeof zeros>;

export interface AdCase {
  readonly name: string;
  readonly fn: AnyFn;
  /** Fresh arguments (deterministic). */
  readonly args: () => unknown[];
  /** Arguments to differentiate with respect to. */
  readonly argnums: readonly number[];
  /** The gradient in closed form, one entry per argnum (numbers or flat arrays). */
  readonly analytic?: (...args: any[]) => (number | ArrayLike<number>)[];
  readonly scope?: Record<string, unknown>;
  /** Also run on the native target (each native compile costs a C compiler run). */
  readonly native?: boolean;
  /** Relative tolerance of the finite-difference check (default 1e-6). */
  readonly fdTol?: number;
}

const rand = (seed: number, n: number, lo = -1, hi = 1): Float64Array => randFloats(mulberry32(seed), n, lo, hi);
const nd2 = (seed: number, m: number, n: number): ND => {
  const a = zeros([m, n]);
  a.data.set(rand(seed, m * n));
  return a;
};

// ---- polynomials ------------------------------------------------------------------------------------

function poly(x: number) {
  return 3 * x ** 4 - 2 * x * x * x + x - 5;
}

function horner(c: Float64Array, x: number) {
  let y = 0;
  for (let i = c.length - 1; i >= 0; i--) y = y * x + c[i];
  return y;
}

// ---- softmax / log-sum-exp (numerically stable) ------------------------------------------------------

function logSumExp(x: Float64Array) {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) m = Math.max(m, x[i]);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i] - m);
  return m + Math.log(s);
}

function softmaxCrossEntropy(logits: Float64Array, label: number) {
  let m = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > m) m = logits[i];
  let s = 0;
  for (let i = 0; i < logits.length; i++) s += Math.exp(logits[i] - m);
  return m + Math.log(s) - logits[label];
}

const softmax = (x: Float64Array): Float64Array => {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

// ---- logistic regression ------------------------------------------------------------------------------

export function logisticLoss(X: ND, y: Float64Array, w: Float64Array) {
  const [n, d] = X.shape;
  let L = 0;
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += X.get(i, j) * w[j];
    L += Math.log1p(Math.exp(-y[i] * z));
  }
  return L / n;
}

function logisticGrad(X: ND, y: Float64Array, w: Float64Array): Float64Array[] {
  const [n, d] = X.shape;
  const g = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += X.get(i, j) * w[j];
    const s = 1 / (1 + Math.exp(y[i] * z)); // σ(-y z)
    for (let j = 0; j < d; j++) g[j] += (-y[i] * X.get(i, j) * s) / n;
  }
  return [g];
}

// ---- the seed matmul, reduced to a float --------------------------------------------------------------

/** Σ C ∘ W with C = A B: its gradient is W Bᵀ for A and Aᵀ W for B. */
function matmulLoss(A: ND, B: ND, W: ND) {
  const C = matmul(A, B);
  const [m, p] = C.shape;
  let s = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) s += C.get(i, j) * W.get(i, j);
  return s;
}
const matmul = matrixMultiplyLoops;

function matmulLossGrad(A: ND, B: ND, W: ND): Float64Array[] {
  const [m, n] = A.shape, p = B.shape[1]!;
  const dA = new Float64Array(m * n), dB = new Float64Array(n * p);
  for (let i = 0; i < m; i++) for (let k = 0; k < n; k++) for (let j = 0; j < p; j++) {
    dA[i * n + k] += W.get(i, j) * B.get(k, j);
    dB[k * p + j] += A.get(i, k) * W.get(i, j);
  }
  return [dA, dB];
}

// ---- reverse nests that accumulate into several adjoints (src/autodiff/arrange.ts) ------------------------

/** The seed matmul's loss with B doubled in place first: B is written, so dA's nest reads B itself (a dot product). */
export function scaledMatmulLoss(A: ND, B: ND, W: ND) {
  const [m, n] = A.shape;
  const p = B.shape[1]!;
  for (let k = 0; k < n; k++) for (let j = 0; j < p; j++) B.set(k, j, B.get(k, j) * 2);
  const C = zeros([m, p]);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++)
      for (let k = 0; k < n; k++) C.set(i, j, C.get(i, j) + A.get(i, k) * B.get(k, j));
  let s = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) s += C.get(i, j) * W.get(i, j);
  return s;
}

function scaledMatmulLossGrad(A: ND, B: ND, W: ND): Float64Array[] {
  const [g0, g1] = matmulLossGrad(A, B, W);
  return [g0!.map((x) => 2 * x), g1!.map((x) => 2 * x)];
}

/** s · xᵀ M y: one reverse nest accumulating into x, M, y and the scalar s. */
export function bilinear(x: Float64Array, M: ND, y: Float64Array, s: number) {
  const [m, n] = M.shape;
  let r = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) r += s * x[i] * M.get(i, j) * y[j];
  return r;
}

function bilinearGrad(x: Float64Array, M: ND, y: Float64Array, s: number): (number | Float64Array)[] {
  const [m, n] = M.shape as [number, number];
  const dx = new Float64Array(m), dM = new Float64Array(m * n), dy = new Float64Array(n);
  let r = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    dx[i] += s * M.get(i, j) * y[j]!;
    dM[i * n + j] = s * x[i]! * y[j]!;
    dy[j] += s * x[i]! * M.get(i, j);
    r += x[i]! * M.get(i, j) * y[j]!;
  }
  return [dx, dM, dy, r];
}

/** A 2-d grid's gradient energy: each reverse iteration accumulates into three elements of u's adjoint. */
function gridEnergy(u: ND) {
  const [m, n] = u.shape;
  let e = 0;
  for (let i = 0; i < m - 1; i++)
    for (let j = 0; j < n - 1; j++) e += (u.get(i + 1, j) - u.get(i, j)) ** 2 + (u.get(i, j + 1) - u.get(i, j)) ** 2;
  return e;
}

// ---- an RK4 integrator, many steps ---------------------------------------------------------------------

/** A damped, driven pendulum, integrated with classic RK4; returns the final angle. */
function rk4Pendulum(theta0: number, omega0: number, damping: number, steps: number, h: number) {
  let th = theta0, om = omega0, t = 0;
  for (let s = 0; s < steps; s++) {
    const k1t = om, k1o = -damping * om - Math.sin(th) + 0.5 * Math.cos(t);
    const k2t = om + 0.5 * h * k1o, k2o = -damping * (om + 0.5 * h * k1o) - Math.sin(th + 0.5 * h * k1t) + 0.5 * Math.cos(t + 0.5 * h);
    const k3t = om + 0.5 * h * k2o, k3o = -damping * (om + 0.5 * h * k2o) - Math.sin(th + 0.5 * h * k2t) + 0.5 * Math.cos(t + 0.5 * h);
    const k4t = om + h * k3o, k4o = -damping * (om + h * k3o) - Math.sin(th + h * k3t) + 0.5 * Math.cos(t + h);
    th += (h / 6) * (k1t + 2 * k2t + 2 * k3t + k4t);
    om += (h / 6) * (k1o + 2 * k2o + 2 * k3o + k4o);
    t += h;
  }
  return th;
}

/** RK4 on an array state (a chain of coupled oscillators), updated in place through scratch arrays. */
function rk4Chain(y: Float64Array, k: number, steps: number, h: number) {
  const n = y.length;
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n), tmp = new Float64Array(n);
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) k1[i] = -k * y[i] + (i > 0 ? y[i - 1] : 0) - Math.tanh(y[i]);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k1[i];
    for (let i = 0; i < n; i++) k2[i] = -k * tmp[i] + (i > 0 ? tmp[i - 1] : 0) - Math.tanh(tmp[i]);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k2[i];
    for (let i = 0; i < n; i++) k3[i] = -k * tmp[i] + (i > 0 ? tmp[i - 1] : 0) - Math.tanh(tmp[i]);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
    for (let i = 0; i < n; i++) k4[i] = -k * tmp[i] + (i > 0 ? tmp[i - 1] : 0) - Math.tanh(tmp[i]);
    for (let i = 0; i < n; i++) y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
  let e = 0;
  for (let i = 0; i < n; i++) e += y[i] * y[i];
  return e;
}

// ---- control flow -------------------------------------------------------------------------------------

/** A loop left by `break` once the running sum passes a threshold. */
function sumUntil(x: Float64Array, limit: number) {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i] * x[i];
    if (s > limit) break;
  }
  return s;
}

/** while with continue and break, an early return, a ternary and || on numbers. */
function branchy(x: Float64Array, a: number) {
  let s = 0, i = 0;
  while (true) {
    if (i >= x.length) break;
    const v = x[i];
    i++;
    if (v < -0.8) continue;
    if (v > 0.95) return s * a;
    s += v > 0 ? Math.sin(v * a) : v * v * a;
    s = s || 1e-3;
  }
  return s + a;
}

/** Gauss-Seidel smoothing of its argument in place, then a sum of squares. */
function smoothInPlace(x: Float64Array, iters: number) {
  const n = x.length;
  for (let it = 0; it < iters; it++)
    for (let i = 1; i < n - 1; i++) x[i] = 0.5 * x[i] + 0.25 * (x[i - 1] + x[i + 1]) + 0.1 * x[i] * x[i];
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * x[i];
  return s;
}

/** Products and quotients that overwrite the scalars they read (`p *= ...`). */
function products(x: Float64Array) {
  let p = 1, q = 0;
  for (let i = 0; i < x.length; i++) {
    p *= 1 + x[i] * x[i];
    q = q / p + x[i];
  }
  return p + q;
}

/** Calls another jitted function (inlined by the derivative). */
function norm2(v: Float64Array) {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
function normalizedDot(a: Float64Array, b: Float64Array) {
  const na = norm2(a);
  const nb = norm2(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s / (na * nb);
}

/** Every differentiable Math function, each on a domain where it is smooth. */
function mathZoo(x: number, y: number) {
  const u = 0.3 * x, v = 1.5 + 0.2 * y; // u in (-1, 1), v > 1
  return Math.sqrt(v) + Math.sin(x) + Math.cos(y) + Math.tan(u) + Math.asin(u) + Math.acos(u) + Math.atan(x) + Math.atan2(y, x)
    + Math.sinh(u) + Math.cosh(u) + Math.tanh(x) + Math.asinh(x) + Math.acosh(v) + Math.atanh(u)
    + Math.exp(u) + Math.expm1(u) + Math.log(v) + Math.log1p(v) + Math.log2(v) + Math.log10(v) + Math.cbrt(v)
    + Math.pow(v, y) + v ** 1.5 + Math.hypot(x, y, 1) + Math.abs(x) + Math.min(x, y, 5) + Math.max(x * y, -7)
    + Math.floor(x) * x + (x % 0.7) + x / v - -x;
}

const SEED = 0x5eed;

export const AD_CORPUS: readonly AdCase[] = [
  { name: "polynomial", fn: poly, args: () => [0.7], argnums: [0], analytic: (x: number) => [12 * x ** 3 - 6 * x * x + 1], native: true },
  {
    name: "horner", fn: horner, args: () => [rand(SEED, 6), 0.9], argnums: [0, 1],
    analytic: (c: Float64Array, x: number) => [c.map((_, i) => x ** i), c.reduce((s, ci, i) => s + (i > 0 ? i * ci * x ** (i - 1) : 0), 0)],
  },
  { name: "logSumExp", fn: logSumExp, args: () => [rand(SEED + 1, 9, -30, 30)], argnums: [0], analytic: (x: Float64Array) => [softmax(x)], native: true },
  {
    name: "logSumExp (huge values stay finite)", fn: logSumExp, args: () => [Float64Array.from([1000, 999, 998, -1000])], argnums: [0], fdTol: 1e-4,
    analytic: (x: Float64Array) => [softmax(x)],
  },
  {
    name: "softmaxCrossEntropy", fn: softmaxCrossEntropy, args: () => [rand(SEED + 2, 7, -5, 5), 3], argnums: [0],
    analytic: (x: Float64Array, k: number) => [softmax(x).map((p, i) => p - (i === k ? 1 : 0))],
  },
  {
    name: "logisticLoss", fn: logisticLoss, argnums: [2], native: true, analytic: logisticGrad,
    args: () => {
      const X = nd2(SEED + 3, 40, 5);
      const y = rand(SEED + 4, 40).map((v) => (v > 0 ? 1 : -1));
      return [X, y, rand(SEED + 5, 5)];
    },
  },
  {
    name: "matmulLoss (seed matmul, gradient for A and B)", fn: matmulLoss, argnums: [0, 1], native: true, analytic: matmulLossGrad,
    scope: { matmul: matrixMultiplyLoops },
    args: () => [nd2(SEED + 6, 4, 3), nd2(SEED + 7, 3, 5), nd2(SEED + 8, 4, 5)],
  },
  {
    name: "scaledMatmulLoss (B written: dA as a dot product)", fn: scaledMatmulLoss, argnums: [0, 1], native: true, analytic: scaledMatmulLossGrad,
    args: () => [nd2(SEED + 17, 5, 3), nd2(SEED + 18, 3, 4), nd2(SEED + 19, 5, 4)],
  },
  {
    name: "bilinear (one reverse nest, four adjoints)", fn: bilinear, argnums: [0, 1, 2, 3], native: true, analytic: bilinearGrad,
    args: () => [rand(SEED + 20, 4), nd2(SEED + 21, 4, 6), rand(SEED + 22, 6), 0.7],
  },
  { name: "gridEnergy (several elements of one adjoint per iteration)", fn: gridEnergy, argnums: [0], args: () => [nd2(SEED + 23, 6, 5)] },
  { name: "rk4Pendulum (2000 steps)", fn: rk4Pendulum, args: () => [0.4, -0.2, 0.3, 2000, 0.01], argnums: [0, 1, 2], native: true, fdTol: 1e-5 },
  { name: "rk4Chain (array state, 300 steps)", fn: rk4Chain, args: () => [rand(SEED + 9, 6), 0.8, 300, 0.02], argnums: [0, 1], fdTol: 1e-5 },
  { name: "sumUntil (break)", fn: sumUntil, args: () => [rand(SEED + 10, 30), 2.5], argnums: [0, 1], native: true },
  { name: "branchy (while, continue, early return, ?:, ||)", fn: branchy, args: () => [rand(SEED + 11, 40), 1.3], argnums: [0, 1] },
  { name: "branchy (no early return)", fn: branchy, args: () => [rand(SEED + 12, 25, -0.9, 0.9), 0.7], argnums: [0, 1] },
  { name: "smoothInPlace (in-place updates)", fn: smoothInPlace, args: () => [rand(SEED + 13, 12), 5], argnums: [0], native: true },
  { name: "products (overwriting *=)", fn: products, args: () => [rand(SEED + 14, 8)], argnums: [0] },
  {
    name: "normalizedDot (calls a jitted function)", fn: normalizedDot, args: () => [rand(SEED + 15, 5), rand(SEED + 16, 5)], argnums: [0, 1],
    scope: { norm2 },
  },
  { name: "mathZoo", fn: mathZoo, args: () => [0.61, -0.83], argnums: [0, 1], fdTol: 1e-5 },
];

export { array };
