// Benchmark: numbat's WebGPU code against jax-js 0.1.25 (a devDependency) on the same Dawn adapter, in
// one process, f32:
//   - matrix product C = A·B (N × N): numbat's offloaded prange nest (jit(fn, { target: "webgpu" }),
//     register-blocked by the compiler), the kernel-language kernels of examples/gpu-matmul.ts (naive,
//     tiled in gpu.shared, register-blocked by hand), against jax-js's np.matmul;
//   - reduction: the sum of N² floats, an offloaded two-nest function (partial sums, then their sum),
//     against np.sum;
//   - elementwise: z = x·y + 2·x over N² floats, one offloaded prange loop, against the same expression
//     under jax.jit (which fuses it into one kernel).
// Inputs live on the device (toDevice / jax arrays); every timed run includes reading the result back
// (jax-js computes lazily: its time is that of .data()), one warm-up each, then RUNS interleaved rounds
// (a change in the machine's load hits all alike), medians. Ratios are jax-js's time over numbat's:
// above 1, numbat is faster. Results are checked against a float64 computation.
//
//   node dist/bench/webgpu.js [--n 512] [--runs 3] [--all] [--out FILE]
//
// N defaults to 1024, and to 512 on SwiftShader (a CPU Vulkan driver, used where there is no GPU).
// Writes bench/results/webgpu.json.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jit, kernel, prange, toDevice, type DeviceArray } from "../src/index.js";
import { acquireDevice } from "../src/backends/webgpu/device.js";
import { prng } from "../examples/random.js";
import { machine } from "./machine.js";
import { matmulBlocked, matmulNaive, matmulTiled, TILE } from "../examples/gpu-matmul.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const { adapterName } = await acquireDevice();
const N = Number(arg("n", /swiftshader/i.test(adapterName) ? "512" : "1024"));
const RUNS = Number(arg("runs", "3"));
/** --all: also the naive and gpu.shared-tiled kernels (slow on SwiftShader: about 2 s a product each). */
const ALL = process.argv.includes("--all");
const OUT = arg("out", join(ROOT, "bench", "results", "webgpu.json"));
if (!(N > 0 && N % TILE === 0)) throw new Error(`--n must be a positive multiple of ${TILE}`);

// ---- jax-js on the same kind of adapter: Dawn from the webgpu package, after numbat set up Vulkan ----
// Under Node 20 jax-js wants navigator.userAgent and a Float16Array (Node 20 has none; it is not used for f32).
const { create, globals } = await import("webgpu");
Object.assign(globalThis, globals);
Object.defineProperty(globalThis, "navigator", { value: { gpu: create([]), userAgent: "node" }, configurable: true });
(globalThis as { Float16Array?: unknown }).Float16Array ??= class Float16Array extends Uint16Array {};
const jax = await import("@jax-js/jax");
await jax.init("webgpu");
jax.defaultDevice("webgpu");
const np = jax.numpy;

// ---- numbat's code ----
const naive = kernel(matmulNaive, { target: "webgpu" });
const tiled = kernel(matmulTiled, { target: "webgpu", scope: { TILE } });
const blocked = kernel(matmulBlocked, { target: "webgpu" });

const matmulOffload = jit(function matmulOffload(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
  for (const i of prange(n))
    for (const j of prange(n)) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k]! * B[k * n + j]!;
      C[i * n + j] = s;
    }
}, { target: "webgpu" });

/** Thread t sums x[t], x[t + T], ... (neighbouring threads read neighbouring elements); one thread sums the T partials. */
const sumOffload = jit(function sumOffload(x: Float32Array, partial: Float32Array, out: Float32Array, n: number) {
  const T = partial.length;
  for (const t of prange(T)) {
    let s = 0;
    for (let i = t; i < n; i += T) s += x[i]!;
    partial[t] = s;
  }
  for (const t of prange(1)) {
    let s = 0;
    for (let i = 0; i < T; i++) s += partial[i]!;
    out[t] = s;
  }
}, { target: "webgpu" });

const elementwiseOffload = jit(function elementwise(x: Float32Array, y: Float32Array, z: Float32Array, n: number) {
  for (const i of prange(n)) z[i] = x[i]! * y[i]! + 2 * x[i]!;
}, { target: "webgpu" });
const jaxElementwise = jax.jit((x: any, y: any) => np.add(np.multiply(x.ref, y), np.multiply(x, 2)));

/** Seconds per run of each runner: one warm-up each, then RUNS interleaved rounds; medians. */
async function time(runs: readonly (() => Promise<unknown>)[]): Promise<number[]> {
  for (const run of runs) await run();
  const ts = runs.map((): number[] => []);
  for (let r = 0; r < RUNS; r++)
    for (let i = 0; i < runs.length; i++) {
      const t0 = performance.now();
      await runs[i]!();
      ts[i]!.push((performance.now() - t0) / 1000);
    }
  return ts.map((t) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)]!);
}

/** Largest error of sampled rows of C against a float64 product, relative to the row's largest |entry|. */
function checkProduct(A: Float32Array, B: Float32Array, C: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < N; i += Math.max(1, Math.floor(N / 8))) {
    const row = new Float64Array(N);
    for (let k = 0; k < N; k++) { const a = A[i * N + k]!; for (let j = 0; j < N; j++) row[j]! += a * B[k * N + j]!; }
    const scale = Math.max(...row.map(Math.abs), 1e-30);
    for (let j = 0; j < N; j++) worst = Math.max(worst, Math.abs(row[j]! - C[i * N + j]!) / scale);
  }
  return worst;
}
const relError = (want: ArrayLike<number>, got: ArrayLike<number>): number => {
  let worst = 0, scale = 1e-30;
  for (let i = 0; i < want.length; i++) { worst = Math.max(worst, Math.abs(want[i]! - got[i]!)); scale = Math.max(scale, Math.abs(want[i]!)); }
  return worst / scale;
};

interface Row { group: string; name: string; what: string; seconds: number; gflops?: number; vsJax: number; maxRelError: number }

async function main(): Promise<void> {
  const r = prng(7);
  const M = N * N;
  const A = Float32Array.from({ length: M }, () => r() * 2 - 1), B = Float32Array.from({ length: M }, () => r() * 2 - 1);
  console.log(`numbat vs jax-js on ${adapterName}, f32, N = ${N} (median of ${RUNS} interleaved runs after a warm-up; results read back)`);
  const dA = await toDevice(A, "webgpu"), dB = await toDevice(B, "webgpu");
  const dC = await toDevice(new Float32Array(M), "webgpu");
  const jA = np.array(A).reshape([N, N]), jB = np.array(B).reshape([N, N]);
  const rows: Row[] = [];
  const last = new Map<string, ArrayLike<number>>();
  const readC = async (name: string, d: DeviceArray) => { const c = await d.toHost(); last.set(name, c as Float32Array); };

  // ---- matrix product ----
  const flops = 2 * N ** 3;
  const mm = [
    { name: "offload", what: "prange i, prange j loops, jit(fn, { target: \"webgpu\" })", run: async () => { await matmulOffload(dA as never, dB as never, dC as never, N); await readC("offload", dC); } },
    { name: "blocked", what: "kernel language, 8x8 outputs per thread (examples/gpu-matmul.ts)", run: async () => { await blocked.launch({ groups: [Math.ceil(N / 128), Math.ceil(N / 128)], groupSize: [16, 16] }, dA, dB, dC, N); await readC("blocked", dC); } },
    ...!ALL ? [] : [{ name: "naive", what: "kernel language, one thread per element", run: async () => { await naive.launch({ groups: [N / 16, N / 16], groupSize: [16, 16] }, dA, dB, dC, N); await readC("naive", dC); } },
    { name: "tiled", what: "kernel language, 16x16 tiles in gpu.shared", run: async () => { await tiled.launch({ groups: [N / TILE, N / TILE], groupSize: [TILE, TILE] }, dA, dB, dC, N); await readC("tiled", dC); } }],
    { name: "jax-js", what: "np.matmul(A, B).data()", run: async () => { last.set("jax-js", await np.matmul(jA.ref, jB.ref).data() as Float32Array); } },
  ];
  const tm = await time(mm.map((k) => k.run));
  const tJax = tm[mm.length - 1]!;
  mm.forEach((k, i) => rows.push({ group: "matmul", name: k.name, what: k.what, seconds: tm[i]!, gflops: flops / tm[i]! / 1e9, vsJax: tJax / tm[i]!, maxRelError: checkProduct(A, B, last.get(k.name)!) }));

  // ---- reduction ----
  const partial = await toDevice(new Float32Array(4096), "webgpu"), out = await toDevice(new Float32Array(1), "webgpu");
  const jX = np.array(A);
  let sum64 = 0;
  for (let i = 0; i < M; i++) sum64 += A[i]!;
  const red = [
    { name: "offload", what: "two prange nests: 4096 strided partial sums, then their sum", run: async () => { await sumOffload(dA as never, partial as never, out as never, M); last.set("sum", await out.toHost() as Float32Array); } },
    { name: "jax-js", what: "np.sum(x).data()", run: async () => { last.set("jsum", await np.sum(jX.ref).data() as Float32Array); } },
  ];
  const tr = await time(red.map((k) => k.run));
  const absSum = A.reduce((s, x) => s + Math.abs(x), 0);
  red.forEach((k, i) => rows.push({ group: "sum", name: k.name, what: k.what, seconds: tr[i]!, vsJax: tr[1]! / tr[i]!, maxRelError: Math.abs(last.get(i ? "jsum" : "sum")![0]! - sum64) / absSum }));

  // ---- elementwise ----
  const dZ = await toDevice(new Float32Array(M), "webgpu");
  const jY = np.array(B);
  const want = Float64Array.from(A, (x, i) => x * B[i]! + 2 * x);
  const ew = [
    { name: "offload", what: "one prange loop: z[i] = x[i] * y[i] + 2 * x[i]", run: async () => { await elementwiseOffload(dA as never, dB as never, dZ as never, M); last.set("ew", await dZ.toHost() as Float32Array); } },
    { name: "jax-js", what: "jax.jit((x, y) => x * y + 2 * x), fused, .data()", run: async () => { last.set("jew", await jaxElementwise(jX.ref, jY.ref).data() as Float32Array); } },
  ];
  const te = await time(ew.map((k) => k.run));
  ew.forEach((k, i) => rows.push({ group: "elementwise", name: k.name, what: k.what, seconds: te[i]!, vsJax: te[1]! / te[i]!, maxRelError: relError(want, last.get(i ? "jew" : "ew")!) }));
  [dA, dB, dC, dZ, partial, out].forEach((d) => d.free());

  for (const x of rows)
    console.log(`  ${x.group.padEnd(11)} ${x.name.padEnd(8)} ${(x.seconds * 1000).toFixed(1).padStart(9)} ms${x.gflops ? `  ${x.gflops.toFixed(2).padStart(6)} GFLOP/s` : "                 "}  ${x.vsJax.toFixed(2).padStart(5)}x jax-js  (max rel. error ${x.maxRelError.toExponential(1)})  ${x.what}`);
  const ratio = (group: string, name: string) => rows.find((x) => x.group === group && x.name === name)!.vsJax;
  const targets = [
    { what: "offloaded matmul", ratio: ratio("matmul", "offload"), atLeast: 1.0 },
    { what: "kernel-language matmul (blocked)", ratio: ratio("matmul", "blocked"), atLeast: 1.0 },
    { what: "reduction", ratio: ratio("sum", "offload"), atLeast: 0.8 },
    { what: "elementwise", ratio: ratio("elementwise", "offload"), atLeast: 0.8 },
  ];
  for (const t of targets) console.log(`${t.what} vs jax-js: ${t.ratio.toFixed(2)}x (target >= ${t.atLeast}x)${t.ratio >= t.atLeast ? "" : "  SHORT"}`);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({
    benchmark: "webgpu f32: numbat vs jax-js 0.1.25", n: N, runs: RUNS, adapter: adapterName, date: new Date().toISOString(),
    machine: machine(ROOT), results: rows, targets: targets.map((t) => ({ ...t, met: t.ratio >= t.atLeast })),
  }, null, 2) + "\n");
  console.log(`wrote ${OUT}`);
}

await main();
process.exit(0); // jax-js keeps its device alive
