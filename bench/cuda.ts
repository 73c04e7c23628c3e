// Benchmark: matrix product C = A B, N x N (default 4096), f32 and f64, on the CUDA target: a naive
// kernel (one thread per element of C) and a tiled shared-memory kernel, both in numbat's kernel
// language, side by side with cuBLAS through CuPy when `python3 -c "import cupy"` works. Also the
// compile latency: CUDA C generation, nvcc to PTX cold (an empty disk cache) and cached, and on a GPU
// the first launch (ptxas to a cubin, module load) cold and cached.
//
//   node dist/bench/cuda.js [--n 4096] [--min-time 1] [--no-python] [--out FILE]
//
// Without a GPU it reports the compile latency only, says why it cannot run the kernels, and exits 0.
// Results are checked: the tiled product must equal the naive one bitwise (same order of additions,
// no FMA contraction) and a sample of elements must equal the same dot products computed on the host.
// Writes bench/results/cuda.json.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gpu, kernel, toDevice, type DeviceArray } from "../src/index.js";
import type { FuncIR } from "../src/ir/nodes.js";
import { arrayType } from "../src/ir/types.js";
import { compilePtx, cubinFor, findNvcc, findPtxas, DEFAULT_ARCH } from "../src/backends/cuda/compiler.js";
import { generateCuda } from "../src/backends/cuda/cuda-c.js";
import { createCudaTarget } from "../src/backends/cuda/target.js";
import { prng } from "../examples/random.js";
import { matmulNaive, matmulTiled, TILE } from "../examples/gpu-matmul.js";
import { machine } from "./machine.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = existsSync(join(HERE, "..", "package.json")) ? join(HERE, "..") : join(HERE, "..", "..");
const PYTHON = process.env.NUMBAT_PYTHON ?? "python3";

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg("n") ?? 4096);
const MIN_TIME = Number(arg("min-time") ?? 1);

// ---- the kernels ----------------------------------------------------------------------------------

/** The f64 variant's source differs only in the shared dtype: numbat compiles per source text. */
const matmulTiledF32 = matmulTiled;
const matmulTiledF64 = new Function("gpu", "TILE", `return ${matmulTiled.toString().replaceAll('"float32"', '"float64"')}`)(gpu, TILE) as typeof matmulTiled;

type Float = "f32" | "f64";
const KERNELS = { naive: matmulNaive, tiled: matmulTiled } as const;
const fnFor = (name: keyof typeof KERNELS, float: Float): Function => (name === "tiled" ? (float === "f32" ? matmulTiledF32 : matmulTiledF64) : KERNELS[name]);

function lowered(name: keyof typeof KERNELS, float: Float): FuncIR {
  const dt = float === "f32" ? "f32" : "f64";
  const k = kernel(fnFor(name, float), { target: "gpusim", float, scope: { TILE } });
  return k.lower([arrayType(dt, 1, false), arrayType(dt, 1, false), arrayType(dt, 1, false), "int"], [TILE, TILE, 1]);
}

// ---- compile latency ------------------------------------------------------------------------------

interface Latency { kernel: string; float: Float; codegen_ms: number; nvcc_cold_ms: number; nvcc_cached_ms: number; ptxas_cold_ms?: number; ptxas_cached_ms?: number }

function compileLatency(arch: number, withCubin: number | null): Latency[] {
  const out: Latency[] = [];
  const dir = mkdtempSync(join(tmpdir(), "numbat-cuda-bench-"));
  const ptxas = withCubin !== null ? findPtxas() : null;
  try {
    for (const name of ["naive", "tiled"] as const)
      for (const float of ["f32", "f64"] as const) {
        const ir = lowered(name, float);
        let t0 = performance.now();
        const mod = generateCuda(ir);
        const codegen = performance.now() - t0;
        const cold = compilePtx(mod.source, { arch, cacheDir: dir });
        const warm = compilePtx(mod.source, { arch, cacheDir: dir });
        const row: Latency = { kernel: name, float, codegen_ms: codegen, nvcc_cold_ms: cold.ms, nvcc_cached_ms: warm.ms };
        if (ptxas && withCubin !== null) {
          t0 = performance.now();
          cubinFor(cold.ptx, withCubin, ptxas, dir);
          row.ptxas_cold_ms = performance.now() - t0;
          t0 = performance.now();
          cubinFor(cold.ptx, withCubin, ptxas, dir);
          row.ptxas_cached_ms = performance.now() - t0;
        }
        out.push(row);
      }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// ---- timing on the GPU ----------------------------------------------------------------------------

interface Run { kernel: string; float: Float; n: number; seconds: number; gflops: number; runs: number; checked: string }

async function time(f: () => Promise<void>): Promise<{ s: number; runs: number }> {
  await f(); // warm-up (and compilation)
  let best = Infinity, total = 0, runs = 0;
  while (runs < 3 || (total < MIN_TIME && runs < 50)) {
    const t0 = performance.now();
    await f();
    const dt = (performance.now() - t0) / 1000;
    best = Math.min(best, dt);
    total += dt;
    runs++;
  }
  return { s: best, runs };
}

function hostDot(A: ArrayLike<number>, B: ArrayLike<number>, n: number, i: number, j: number, float: Float): number {
  const r = float === "f32" ? Math.fround : (x: number) => x;
  let s = 0;
  for (let k = 0; k < n; k++) s = r(s + r(A[i * n + k]! * B[k * n + j]!));
  return s;
}

async function gpuRuns(): Promise<Run[]> {
  const runs: Run[] = [];
  const rnd = prng(42);
  for (const float of ["f32", "f64"] as const) {
    const Ctor = float === "f32" ? Float32Array : Float64Array;
    const A = new Ctor(N * N), B = new Ctor(N * N);
    for (let i = 0; i < N * N; i++) { A[i] = rnd() * 2 - 1; B[i] = rnd() * 2 - 1; }
    const dA = await toDevice(A, "cuda"), dB = await toDevice(B, "cuda");
    const results: Record<string, DeviceArray> = {};
    for (const name of ["naive", "tiled"] as const) {
      const dC = await toDevice(new Ctor(N * N), "cuda");
      const k = kernel(fnFor(name, float), { target: "cuda", float, scope: { TILE } });
      const grid = { groups: [Math.ceil(N / TILE), Math.ceil(N / TILE)], groupSize: [TILE, TILE] };
      const t = await time(() => k.launch(grid, dA, dB, dC, N));
      results[name] = dC;
      const C = await dC.toHost();
      const sample = [[0, 0], [N - 1, N - 1], [N >> 1, 7], [3, N - 2]];
      const bad = sample.filter(([i, j]) => !Object.is(C[i! * N + j!], hostDot(A, B, N, i!, j!, float)));
      runs.push({ kernel: name, float, n: N, seconds: t.s, gflops: (2 * N ** 3) / t.s / 1e9, runs: t.runs, checked: bad.length ? `MISMATCH at ${JSON.stringify(bad)}` : "4 elements bitwise equal to host dot products" });
      console.log(`  ${name.padEnd(6)} ${float}: ${(t.s * 1e3).toFixed(1)} ms, ${((2 * N ** 3) / t.s / 1e9).toFixed(1)} GFLOP/s (${runs[runs.length - 1]!.checked})`);
    }
    const n1 = (await results.naive!.toHost()) as ArrayLike<number>, t1 = (await results.tiled!.toHost()) as ArrayLike<number>;
    let same = n1.length === t1.length;
    for (let i = 0; same && i < n1.length; i++) same = Object.is(n1[i], t1[i]);
    console.log(`  tiled ${same ? "==" : "!="} naive, bitwise (${float})`);
    if (!same) runs.push({ kernel: "tiled-vs-naive", float, n: N, seconds: 0, gflops: 0, runs: 0, checked: "MISMATCH" });
    Object.values(results).forEach((d) => d.free());
    dA.free();
    dB.free();
  }
  return runs;
}

function cupyRuns(): { available: boolean; reason?: string; runs?: { float: Float; seconds: number; gflops: number }[] } {
  if (process.argv.includes("--no-python")) return { available: false, reason: "--no-python" };
  const script = `
import time, json, cupy as cp
n = ${N}
out = []
for name, dt in (("f32", cp.float32), ("f64", cp.float64)):
    a = cp.random.random((n, n)).astype(dt); b = cp.random.random((n, n)).astype(dt)
    cp.matmul(a, b); cp.cuda.Device().synchronize()
    best, total, runs = 1e9, 0.0, 0
    while runs < 3 or (total < ${MIN_TIME} and runs < 50):
        t0 = time.perf_counter(); cp.matmul(a, b); cp.cuda.Device().synchronize(); dt_ = time.perf_counter() - t0
        best = min(best, dt_); total += dt_; runs += 1
    out.append({"float": name, "seconds": best, "gflops": 2 * n**3 / best / 1e9})
print(json.dumps(out))
`;
  const r = spawnSync(PYTHON, ["-c", script], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) return { available: false, reason: (r.error?.message ?? r.stderr ?? "").trim().split("\n").pop() ?? "python3 failed" };
  return { available: true, runs: JSON.parse(r.stdout.trim().split("\n").pop()!) };
}

// ---- main -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const nvcc = findNvcc();
  const target = createCudaTarget();
  const missing = await target.unavailableReason();
  const device = missing ? null : target.session().device;
  const arch = device ? target.session().arch : DEFAULT_ARCH;
  console.log(`CUDA matmul benchmark, N = ${N}`);
  console.log(`  nvcc: ${nvcc ? `${nvcc.version} (${nvcc.path})` : "not found"}; device: ${device ? `${device.name}, sm_${device.cc}` : `none (${missing})`}`);

  let latency: Latency[] = [];
  if (nvcc) {
    latency = compileLatency(arch, device ? device.cc : null);
    console.log(`\nCompile latency (compute_${arch}):`);
    for (const l of latency)
      console.log(`  ${l.kernel.padEnd(6)} ${l.float}: codegen ${l.codegen_ms.toFixed(1)} ms, nvcc cold ${l.nvcc_cold_ms.toFixed(0)} ms, cached ${l.nvcc_cached_ms.toFixed(2)} ms` +
        (l.ptxas_cold_ms !== undefined ? `; ptxas cold ${l.ptxas_cold_ms.toFixed(0)} ms, cached ${l.ptxas_cached_ms!.toFixed(2)} ms` : ""));
  } else console.log("\nno nvcc: cannot measure compile latency");

  let runs: Run[] = [];
  let cupy: ReturnType<typeof cupyRuns> = { available: false, reason: "no GPU" };
  if (missing) console.log(`\nNo CUDA GPU here, so the kernels cannot run: ${missing}`);
  else {
    console.log(`\nMatrix product on ${device!.name}:`);
    runs = await gpuRuns();
    cupy = cupyRuns();
    if (cupy.available) for (const r of cupy.runs!) console.log(`  cuBLAS (CuPy) ${r.float}: ${(r.seconds * 1e3).toFixed(1)} ms, ${r.gflops.toFixed(1)} GFLOP/s`);
    else console.log(`  cuBLAS through CuPy: not measured (${cupy.reason})`);
  }

  const out = arg("out") ?? join(ROOT, "bench", "results", "cuda.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine: machine(ROOT), n: N, nvcc: nvcc?.version ?? null, device, unavailable: missing, compile: latency, runs, cupy }, null, 2) + "\n");
  console.log(`\nwrote ${out}`);
  if (runs.some((r) => r.checked.startsWith("MISMATCH"))) process.exitCode = 1;
}

await main();
