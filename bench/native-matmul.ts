// Benchmark: the seed's naive matrix product (examples/seed.ts), f64, on the native target (C through
// the system compiler) side by side with the wasm target and plain JS, in one run on the same inputs.
// Every result is checked bitwise against plain JS. Also measures the native compile latency: cold
// (an empty disk cache) and a disk-cache hit (a fresh process finding the library compiled).
//
//   node dist/bench/native-matmul.js                  N = 256, 512, 1024
//   node dist/bench/native-matmul.js --sizes 128,256 [--min-time 0.5] [--out FILE]
//
// Writes bench/results/native-matmul.json.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jit, zeros } from "../src/index.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { buildLibrary, describeNative } from "../src/backends/native/compiler.js";
import { createRequire } from "node:module";
import { prng, randomMatrix } from "../examples/random.js";

type Matrix = ReturnType<typeof zeros>;
const SIG = [["ndarray<float64,2>", "ndarray<float64,2>"]];
const HERE = dirname(fileURLToPath(import.meta.url));

function findRoot(start: string): string {
  let dir = start;
  while (!(existsSync(join(dir, "package.json")) && existsSync(join(dir, "bench")))) {
    const up = dirname(dir);
    if (up === dir) return join(start, "..", "..");
    dir = up;
  }
  return dir;
}


function bitwiseEqual(X: Matrix, Y: Matrix): boolean {
  const a = new BigUint64Array((X.data as Float64Array).slice().buffer), b = new BigUint64Array((Y.data as Float64Array).slice().buffer);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Best wall time (s) of at least 3 calls and `minTime` seconds; a call slower than 2 s runs once more only. */
function best(f: () => Matrix, minTime: number): { s: number; runs: number; result: Matrix } {
  let t0 = performance.now();
  const result = f();
  let s = (performance.now() - t0) / 1000, total = s, runs = 1;
  const maxRuns = s > 2 ? 2 : 1000;
  while (runs < maxRuns && (runs < 3 || total < minTime)) {
    t0 = performance.now();
    f();
    const dt = (performance.now() - t0) / 1000;
    total += dt;
    runs++;
    s = Math.min(s, dt);
  }
  return { s, runs, result };
}

interface ChildTiming {
  /** The whole jit() with eager compilation: parse, lower, optimise, generate C, cache lookup or compile, load. */
  jit_ms: number;
  /** Of which: the library — cache lookup (hash, integrity check) or compile, then dlopen through koffi. */
  library_ms: number;
  cached: boolean;
}

/** In a fresh child process: compile the seed for native (eagerly) and report the times. */
function child(): void {
  const t0 = performance.now();
  const f = jit(matrixMultiplyLoops, { target: "native", signatures: SIG });
  const jitMs = performance.now() - t0;
  const source = f.inspect("c");
  // The library step alone, as a fresh process meets it: a second module with the same source would be
  // served from the in-process table, so time a rename-free copy: a comment makes a new source.
  const probe = `${source}\n/* probe ${process.pid} */\n`;
  buildLibrary(probe); // make sure the probe entry exists (cold in the first child)
  const t1 = performance.now();
  const lib = buildLibrary(probe);
  const handle = koffiLoad(lib.path);
  handle.func("nb_main", "int32_t", ["void *"]);
  const timing: ChildTiming = { jit_ms: jitMs, library_ms: performance.now() - t1, cached: lib.cached };
  process.stdout.write(JSON.stringify(timing));
}

function koffiLoad(path: string): { func: (name: string, ret: string, args: string[]) => unknown } {
  const koffi = createRequire(import.meta.url)("koffi") as { load: (p: string) => { func: (name: string, ret: string, args: string[]) => unknown } };
  return koffi.load(path);
}

function compileInChild(cacheDir: string): ChildTiming {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child"], { encoding: "utf8", env: { ...process.env, NUMBAT_CACHE_DIR: cacheDir } });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildTiming;
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes("--child")) return child();
  const opt = (name: string): string | undefined => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const sizes = (opt("--sizes") ?? "256,512,1024").split(",").map(Number);
  const minTime = Number(opt("--min-time") ?? "0.5");
  const out = opt("--out") ?? join(findRoot(HERE), "bench", "results", "native-matmul.json");
  const info = describeNative();
  if (!info.compiler) throw new Error("no C compiler: the native benchmark needs gcc or clang");

  // Compile latency: cold (fresh cache folder, fresh process), then a disk-cache hit (another fresh process).
  const dir = mkdtempSync(join(tmpdir(), "numbat-bench-cache-"));
  const cold: ChildTiming[] = [], hit: ChildTiming[] = [];
  try {
    for (let k = 0; k < 3; k++) {
      rmSync(dir, { recursive: true, force: true });
      cold.push(compileInChild(dir));
      hit.push(compileInChild(dir));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const tw = performance.now();
  jit(matrixMultiplyLoops, { target: "wasm", signatures: SIG });
  const wasmCompileMs = performance.now() - tw;
  const m = (xs: ChildTiming[], k: "jit_ms" | "library_ms"): number => median(xs.map((x) => x[k]));
  console.log("compile latency of the seed matmul, medians of 3 fresh processes:");
  console.log(`  native, empty cache: whole jit() ${m(cold, "jit_ms").toFixed(1)} ms`);
  console.log(`  native, disk-cache hit: whole jit() ${m(hit, "jit_ms").toFixed(1)} ms, of which cache lookup + dlopen ${m(hit, "library_ms").toFixed(2)} ms`);
  console.log(`  wasm (in this process, warm): whole jit() ${wasmCompileMs.toFixed(1)} ms`);

  const native = jit(matrixMultiplyLoops, { target: "native", signatures: SIG });
  const wasm = jit(matrixMultiplyLoops, { target: "wasm", signatures: SIG });
  const rows: Record<string, unknown>[] = [];
  console.log(`\n${"N".padStart(5)} ${"plain JS".padStart(18)} ${"wasm".padStart(18)} ${"native".padStart(18)} ${"native/JS".padStart(10)} ${"native/wasm".padStart(12)}`);
  for (const n of sizes) {
    const next = prng(12345 + n);
    const A = randomMatrix(n, n, next), B = randomMatrix(n, n, next);
    const flops = 2 * n ** 3;
    const js = best(() => matrixMultiplyLoops(A, B), minTime);
    const w = best(() => wasm(A, B), minTime);
    const c = best(() => native(A, B), minTime);
    const gf = (s: number): number => flops / s / 1e9;
    const row = {
      n,
      plain_js: { best_s: js.s, gflops: gf(js.s), runs: js.runs },
      wasm: { best_s: w.s, gflops: gf(w.s), runs: w.runs, bitwise_equal_to_js: bitwiseEqual(w.result, js.result) },
      native: { best_s: c.s, gflops: gf(c.s), runs: c.runs, bitwise_equal_to_js: bitwiseEqual(c.result, js.result) },
      speedup_native_vs_js: js.s / c.s,
      speedup_native_vs_wasm: w.s / c.s,
    };
    rows.push(row);
    const cell = (s: number): string => `${(s * 1000).toFixed(1)} ms ${gf(s).toFixed(2).padStart(6)} GF`.padStart(18);
    console.log(`${String(n).padStart(5)} ${cell(js.s)} ${cell(w.s)} ${cell(c.s)} ${(js.s / c.s).toFixed(1).padStart(9)}x ${(w.s / c.s).toFixed(2).padStart(11)}x${row.native.bitwise_equal_to_js && row.wasm.bitwise_equal_to_js ? "" : "  MISMATCH"}`);
  }
  const result = {
    benchmark: "native-matmul: the seed's naive i-j-k loops (examples/seed.ts), float64, N x N; native vs wasm vs plain JS",
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memory_gib: +(totalmem() / 2 ** 30).toFixed(1), node: process.version },
    compiler: info.compiler.version,
    flags: info.flags,
    compile_ms: {
      native_cold_jit_median: m(cold, "jit_ms"),
      native_cache_hit_jit_median: m(hit, "jit_ms"),
      native_cache_hit_library_median: m(hit, "library_ms"),
      native_cold: cold,
      native_cache_hit: hit,
      wasm_jit_in_process: wasmCompileMs,
      note: "jit_ms: the whole eager jit() in a fresh process (parse, lower, optimise, C generation, `cc --version`, koffi import, library); library_ms: cache lookup (sha256 + integrity check) and dlopen of a cached library",
    },
    config: { sizes, min_time_s: minTime, boundscheck: true, threads: 1 },
    results: rows,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nwrote ${out}`);
}

main();
