// Benchmark of Numba's API beyond jit (docs/numba-api.md), each row checked against plain JS:
//   1. vectorize((x) => Math.exp(-x * x)) over 1e7 float64s: plain JS loop · numbat "cpu" (new result;
//      into { out }) · numbat "parallel" · numpy np.exp(-x*x) · Numba @vectorize.
//   2. a 2-d 5-point stencil on 2000 x 2000: plain JS · numbat stencil · the same loops hand-written and
//      jitted · Numba @stencil (after its compile) · Numba @njit of the hand-written loops.
//   3. guvectorize "(m,n),(n,p)->(m,p)" over 50,000 4x4 products: plain JS · numbat guvectorize · the
//      stacked loops hand-written and jitted · numpy np.matmul · Numba @guvectorize.
//
//   npm run bench:numba-api            (add --no-python to skip numpy/Numba; --n 1e6 for a smaller vector)

import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { guvectorize, jit, stencil, vectorize, zeros, type NdArray } from "../src/index.js";

const PYTHON = process.env.NUMBAT_PYTHON ?? "/usr/bin/python3";
const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
const N = Number(arg("--n") ?? 1e7);
const M = 2000;

/** Median milliseconds of `reps` runs after one warm-up. */
function time(f: () => unknown, reps = 7): number {
  f();
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) { const t = performance.now(); f(); ts.push(performance.now() - t); }
  return ts.sort((a, b) => a - b)[reps >> 1]!;
}

/** Medians of `reps` runs of each of `fs`, taken in turns (so that load and collector work fall on each alike). */
function timeInTurns(fs: (() => unknown)[], reps = 9): number[] {
  for (const f of fs) f();
  const ts = fs.map(() => [] as number[]);
  for (let r = 0; r < reps; r++)
    fs.forEach((f, k) => { const t = performance.now(); f(); ts[k]!.push(performance.now() - t); });
  return ts.map((x) => x.sort((a, b) => a - b)[reps >> 1]!);
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) throw new Error(`${what}: element ${i} differs: ${a[i]} vs ${b[i]}`);
}

const rows: [string, string, number][] = [];
const row = (part: string, engine: string, ms: number) => rows.push([part, engine, ms]);

// ---- 1. vectorized exp(-x*x)
const X = zeros([N]);
for (let i = 0; i < N; i++) X.data[i] = ((i * 7919) % 10007) / 2000 - 2.5;
const plainOut = new Float64Array(N);
const plain = () => { const x = X.data; for (let i = 0; i < N; i++) { const v = x[i]!; plainOut[i] = Math.exp(-v * v); } };
row("exp(-x*x)", "plain JS loop", time(plain));
const gauss = vectorize((x: number) => Math.exp(-x * x));
sameBits((gauss(X) as NdArray).data, plainOut, "vectorize");
row("exp(-x*x)", "numbat vectorize (new result)", time(() => gauss(X)));
const out = zeros([N]);
row("exp(-x*x)", "numbat vectorize ({ out })", time(() => gauss(X, { out })));
sameBits(out.data, plainOut, "vectorize out");
const gaussPar = vectorize((x: number) => Math.exp(-x * x), { target: "parallel" });
row("exp(-x*x)", "numbat vectorize, parallel ({ out })", time(() => gaussPar(X, { out })));
sameBits(out.data, plainOut, "vectorize parallel");

// ---- 2. 5-point stencil
const A = zeros([M, M]);
for (let i = 0; i < M; i++) for (let j = 0; j < M; j++) A.set(i, j, Math.sin(i * 0.01) + Math.cos(j * 0.013));
const five = stencil((a: NdArray) => 0.25 * (a.get(-1, 0) + a.get(1, 0) + a.get(0, -1) + a.get(0, 1)));
const hand = jit(function fivePoint(a: NdArray) {
  const [m, n] = a.shape as [number, number];
  const r = zeros([m, n]);
  for (let i = 1; i < m - 1; i++)
    for (let j = 1; j < n - 1; j++) r.set(i, j, 0.25 * (a.get(i - 1, j) + a.get(i + 1, j) + a.get(i, j - 1) + a.get(i, j + 1)));
  return r;
}, { parallel: false });
const plainStencil = (a: NdArray) => {
  const r = new Float64Array(M * M), d = a.data;
  for (let i = 1; i < M - 1; i++)
    for (let j = 1; j < M - 1; j++) r[i * M + j] = 0.25 * (d[(i - 1) * M + j]! + d[(i + 1) * M + j]! + d[i * M + j - 1]! + d[i * M + j + 1]!);
  return r;
};
const ref = plainStencil(A);
sameBits((five(A) as NdArray).data, ref, "stencil");
sameBits((hand(A) as NdArray).data, ref, "hand-written");
row("5-point stencil", "plain JS loop", time(() => plainStencil(A)));
const [tStencil, tHand] = timeInTurns([() => five(A), () => hand(A)]);
row("5-point stencil", "numbat stencil", tStencil!);
row("5-point stencil", "numbat jit, hand-written loops", tHand!);

// ---- 3. a gufunc over a stack of small matrices
const T = 50000;
const S1 = zeros([T, 4, 4]), S2 = zeros([T, 4, 4]);
for (let i = 0; i < S1.size; i++) { S1.data[i] = Math.sin(i); S2.data[i] = Math.cos(i); }
const matmulCore = (A: NdArray, B: NdArray, C: NdArray) => {
  const [m, n] = A.shape as [number, number];
  const p = B.shape[1]!;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A.get(i, k) * B.get(k, j);
      C.set(i, j, s);
    }
};
const gmm = guvectorize(matmulCore, "(m,n),(n,p)->(m,p)");
const stacked = jit(function stacked(A: NdArray, B: NdArray) {
  const [t, m, n] = A.shape as [number, number, number];
  const p = B.shape[2]!;
  const C = zeros([t, m, p]);
  for (let q = 0; q < t; q++)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A.get(q, i, k) * B.get(q, k, j);
        C.set(q, i, j, s);
      }
  return C;
});
const plainStacked = () => {
  const C = new Float64Array(T * 16), a = S1.data, b = S2.data;
  for (let q = 0; q < T; q++)
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += a[q * 16 + i * 4 + k]! * b[q * 16 + k * 4 + j]!;
        C[q * 16 + i * 4 + j] = s;
      }
  return C;
};
const stackRef = plainStacked();
sameBits((gmm(S1, S2) as NdArray).data, stackRef, "guvectorize");
sameBits((stacked(S1, S2) as NdArray).data, stackRef, "stacked");
row("gufunc matmul, 50,000 4x4", "plain JS loop", time(plainStacked));
row("gufunc matmul, 50,000 4x4", "numbat guvectorize", time(() => gmm(S1, S2)));
row("gufunc matmul, 50,000 4x4", "numbat jit, hand-written stacked loops", time(() => stacked(S1, S2)));

// ---- numpy / Numba
if (!process.argv.includes("--no-python")) {
  const script = `
import json, math, time, numpy as np
from numba import vectorize, stencil, njit
N, M = ${N}, ${M}
i = np.arange(N)
x = ((i * 7919) % 10007) / 2000 - 2.5
def med(f, reps=7):
    f(); ts = []
    for _ in range(reps):
        t = time.perf_counter(); f(); ts.append((time.perf_counter() - t) * 1e3)
    return sorted(ts)[reps // 2]
r = {}
r["np"] = med(lambda: np.exp(-x * x))
@vectorize(["float64(float64)"])
def g(v): return math.exp(-v * v)
r["nbvec"] = med(lambda: g(x))
ii, jj = np.meshgrid(np.arange(M), np.arange(M), indexing="ij")
A = np.sin(ii * 0.01) + np.cos(jj * 0.013)
@stencil
def five(a): return 0.25 * (a[-1, 0] + a[1, 0] + a[0, -1] + a[0, 1])
@njit
def st(a): return five(a)
r["nbst"] = med(lambda: st(A))
@njit
def hand(a):
    m, n = a.shape; out = np.zeros((m, n))
    for i in range(1, m - 1):
        for j in range(1, n - 1): out[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])
    return out
r["nbhand"] = med(lambda: hand(A))
from numba import guvectorize
T = 50000
k = np.arange(T * 16)
S1 = np.sin(k).reshape(T, 4, 4); S2 = np.cos(k).reshape(T, 4, 4)
r["npmm"] = med(lambda: np.matmul(S1, S2))
@guvectorize(["void(float64[:,:], float64[:,:], float64[:,:])"], "(m,n),(n,p)->(m,p)")
def gmm(A, B, C):
    m, n = A.shape; p = B.shape[1]
    for i in range(m):
        for j in range(p):
            s = 0.0
            for q in range(n): s += A[i, q] * B[q, j]
            C[i, j] = s
r["nbgu"] = med(lambda: gmm(S1, S2))
print(json.dumps(r))
`;
  const p = spawnSync(PYTHON, ["-c", script], { encoding: "utf8", timeout: 300_000 });
  if (p.status !== 0) console.log(`(numpy/Numba skipped: ${(p.stderr || p.error?.message || "").trim().split("\n").pop()})`);
  else {
    const r = JSON.parse(p.stdout.trim().split("\n").pop()!) as Record<string, number>;
    row("exp(-x*x)", "numpy np.exp(-x*x)", r.np!);
    row("exp(-x*x)", "Numba @vectorize", r.nbvec!);
    row("5-point stencil", "Numba @stencil (in @njit)", r.nbst!);
    row("5-point stencil", "Numba @njit, hand-written loops", r.nbhand!);
    row("gufunc matmul, 50,000 4x4", "numpy np.matmul", r.npmm!);
    row("gufunc matmul, 50,000 4x4", "Numba @guvectorize", r.nbgu!);
  }
}

console.log(`numba-api bench: exp over ${N.toExponential(0)} float64s, stencil on ${M}x${M}; load average ${loadavg()[0]!.toFixed(2)}; median of 7 runs`);
for (const part of new Set(rows.map((r) => r[0]))) {
  console.log(`\n${part}`);
  const mine = rows.filter((r) => r[0] === part), base = mine[0]![2];
  for (const [, engine, ms] of mine) console.log(`  ${engine.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms   ${(base / ms).toFixed(2)}x plain JS`);
}
