// Benchmark: f32 matrix product C = A·B on the WebGPU target, side by side on one adapter:
//   - naive: one thread per element, written in numbat's kernel language;
//   - tiled: 16x16 tiles staged in gpu.shared memory with gpu.barrier(), numbat's kernel language
//     (the example of docs/webgpu.md);
//   - offload: the plain triple loop with two prange loops, jit(fn, { target: "webgpu" });
//   - baseline: the same tiled algorithm hand-written in WGSL and run through the WebGPU API directly.
// Arrays stay on the device (toDevice); each timed run is one launch awaited to completion. Results are
// checked against a float64 product on sampled rows. Reports GFLOP/s (2·N³ flops per product) and each
// kernel's ratio to the hand-written baseline (issue 7's target: tiled >= 0.5x).
//
//   node dist/bench/webgpu.js [--n 1024] [--runs 3] [--out FILE]
//
// N defaults to 1024, and to 512 on SwiftShader (a CPU Vulkan driver, used where there is no GPU: one
// N = 1024 tiled product takes about 1.5 minutes there on 2 cores); its figures only show that it runs.
// Writes bench/results/webgpu.json.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gpu, jit, kernel, prange, toDevice } from "../src/index.js";
import { acquireDevice } from "../src/backends/webgpu/device.js";
import { prng } from "../examples/random.js";
import { machine } from "./machine.js";
import { matmulNaive as naiveSource, matmulTiled as tiledSource, TILE } from "../examples/gpu-matmul.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const { adapterName } = await acquireDevice();
const N = Number(arg("n", /swiftshader/i.test(adapterName) ? "512" : "1024"));
const RUNS = Number(arg("runs", "3"));
const OUT = arg("out", join(ROOT, "bench", "results", "webgpu.json"));
if (!(N > 0 && N % TILE === 0)) throw new Error(`--n must be a positive multiple of ${TILE}`);

// The kernels are examples/gpu-matmul.ts (also in the test corpus), compiled for WebGPU.
const matmulNaive = kernel(naiveSource, { target: "webgpu" });
const matmulTiled = kernel(tiledSource, { target: "webgpu", scope: { TILE } });

const matmulOffload = jit(function matmulOffload(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
  for (const i of prange(n))
    for (const j of prange(n)) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k]! * B[k * n + j]!;
      C[i * n + j] = s;
    }
}, { target: "webgpu" });

/** The hand-written baseline: the classic 16x16 shared-memory tiling, u32 indices, 2-d workgroup arrays. */
const BASELINE_WGSL = `
struct Params { n: u32 }
@group(0) @binding(0) var<storage, read> A: array<f32>;
@group(0) @binding(1) var<storage, read> B: array<f32>;
@group(0) @binding(2) var<storage, read_write> C: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;
var<workgroup> As: array<array<f32, 16>, 16>;
var<workgroup> Bs: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
  let n = p.n;
  let row = wid.y * 16u + lid.y;
  let col = wid.x * 16u + lid.x;
  var sum = 0.0;
  for (var t = 0u; t < n; t += 16u) {
    As[lid.y][lid.x] = A[row * n + t + lid.x];
    Bs[lid.y][lid.x] = B[(t + lid.y) * n + col];
    workgroupBarrier();
    for (var k = 0u; k < 16u; k++) {
      sum += As[lid.y][k] * Bs[k][lid.x];
    }
    workgroupBarrier();
  }
  C[row * n + col] = sum;
}`;

async function baseline(A: Float32Array, B: Float32Array) {
  const { device } = await acquireDevice();
  const STORAGE = 0x80, COPY_DST = 0x8, COPY_SRC = 0x4, UNIFORM = 0x40, MAP_READ = 0x1;
  const buf = (data: Float32Array | Uint32Array, usage: number) => {
    const b = device.createBuffer({ size: Math.max(16, data.byteLength), usage: usage | COPY_DST });
    device.queue.writeBuffer(b, 0, data);
    return b;
  };
  const a = buf(A, STORAGE), b = buf(B, STORAGE), c = buf(new Float32Array(N * N), STORAGE | COPY_SRC), u = buf(new Uint32Array([N, 0, 0, 0]), UNIFORM);
  const module = device.createShaderModule({ code: BASELINE_WGSL });
  const errors = (await module.getCompilationInfo()).messages.filter((m) => m.type === "error");
  if (errors.length) throw new Error(`baseline WGSL: ${errors.map((m) => m.message).join("; ")}`);
  const pipeline = await device.createComputePipelineAsync({ layout: "auto", compute: { module, entryPoint: "main" } });
  const group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [a, b, c, u].map((buffer, binding) => ({ binding, resource: { buffer } })) });
  const run = async () => {
    const enc = device.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(N / 16, N / 16);
    pass.end();
    device.queue.submit([enc.finish()]);
    await device.queue.onSubmittedWorkDone();
  };
  const result = async () => {
    const staging = device.createBuffer({ size: N * N * 4, usage: MAP_READ | COPY_DST });
    const enc = device.createCommandEncoder();
    enc.copyBufferToBuffer(c, 0, staging, 0, N * N * 4);
    device.queue.submit([enc.finish()]);
    await staging.mapAsync(1);
    const out = new Float32Array(staging.getMappedRange().slice(0));
    staging.destroy();
    return out;
  };
  return { run, result, free: () => [a, b, c, u].forEach((x) => x.destroy()) };
}

/**
 * Seconds per run of each runner: one warm-up each (it compiles), then RUNS rounds that run every
 * runner once in turn (so a change in the machine's load hits them alike), medians.
 */
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

/** Largest error on sampled rows against a float64 product, relative to the row's largest |entry|. */
function check(A: Float32Array, B: Float32Array, C: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < N; i += Math.max(1, Math.floor(N / 8))) {
    const row = new Float64Array(N);
    for (let k = 0; k < N; k++) { const a = A[i * N + k]!; for (let j = 0; j < N; j++) row[j]! += a * B[k * N + j]!; }
    const scale = Math.max(...row.map(Math.abs), 1e-30);
    for (let j = 0; j < N; j++) worst = Math.max(worst, Math.abs(row[j]! - C[i * N + j]!) / scale);
  }
  return worst;
}

async function main(): Promise<void> {
  const r = prng(7);
  const A = Float32Array.from({ length: N * N }, () => r() * 2 - 1), B = Float32Array.from({ length: N * N }, () => r() * 2 - 1);
  const flops = 2 * N ** 3;
  console.log(`f32 matrix product, N = ${N}, on ${adapterName} (median of ${RUNS} runs after a warm-up)`);

  const base = await baseline(A, B);
  const dA = await toDevice(A, "webgpu"), dB = await toDevice(B, "webgpu");
  const C = await Promise.all([0, 1, 2].map(() => toDevice(new Float32Array(N * N), "webgpu")));
  const kernels = [
    { name: "naive", what: "kernel language, one thread per element, 16x16 groups", run: () => matmulNaive.launch({ groups: [N / 16, N / 16], groupSize: [16, 16] }, dA, dB, C[0]!, N) },
    { name: "tiled", what: "kernel language, 16x16 tiles in gpu.shared", run: () => matmulTiled.launch({ groups: [N / TILE, N / TILE], groupSize: [TILE, TILE] }, dA, dB, C[1]!, N) },
    { name: "offload", what: "prange i, prange j loops, jit(fn, { target: \"webgpu\" })", run: () => matmulOffload(dA as never, dB as never, C[2]! as never, N) },
    { name: "baseline", what: "hand-written WGSL, the same 16x16 tiling", run: base.run },
  ];
  const seconds = await time(kernels.map((k) => k.run));
  const results = [...await Promise.all(C.map((c) => c.toHost())), await base.result()];
  const tBase = seconds[3]!;
  const rows = kernels.map((k, i) => ({
    name: k.name, what: k.what, seconds: seconds[i]!, gflops: flops / seconds[i]! / 1e9, vsBaseline: tBase / seconds[i]!, maxRelError: check(A, B, results[i]!),
  }));
  [dA, dB, ...C].forEach((d) => d.free());
  base.free();

  for (const x of rows)
    console.log(`  ${x.name.padEnd(9)} ${x.gflops.toFixed(2).padStart(8)} GFLOP/s  ${(x.seconds * 1000).toFixed(1).padStart(9)} ms  ${x.vsBaseline.toFixed(2).padStart(5)}x baseline  (max rel. error ${x.maxRelError.toExponential(1)})  ${x.what}`);
  const tiled = rows.find((x) => x.name === "tiled")!;
  console.log(`tiled vs hand-written WGSL: ${tiled.vsBaseline.toFixed(2)}x (target >= 0.5x)`);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({
    benchmark: "webgpu f32 matmul", n: N, runs: RUNS, adapter: adapterName, date: new Date().toISOString(),
    machine: machine(ROOT), results: rows, target: { tiledVsBaseline: tiled.vsBaseline, atLeast: 0.5, met: tiled.vsBaseline >= 0.5 },
  }, null, 2) + "\n");
  console.log(`wrote ${OUT}`);
}

await main();
