// Compile latency with and without the on-disk kernel cache (`jit(fn, { cache: true })`), each measured
// in a fresh process (a warm process has its own in-memory cache): the seed matrix product and a
// kernel calling a jitted helper. Prints medians and the ratio; writes bench/results/cache.json.
//
//   npm run bench:cache     (NUMBAT_BENCH_RUNS=<n> processes per case, default 7)

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { machine } from "./machine.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", ".."); // dist/bench -> the repository

interface Sample { importMs: number; compileMs: number; firstCallMs: number }

/** In the child: import numbat, compile eagerly (timed), make one small call. */
async function child(cache: boolean): Promise<void> {
  const t0 = performance.now();
  const { jit, zeros, ones } = await import("../src/index.js");
  const { matrixMultiplyLoops } = await import("../examples/seed.js");
  const t1 = performance.now();
  const sig = ["ndarray<float64,2>", "ndarray<float64,2>"];
  const sq = jit((x: number) => x * x, { cache });
  const norm = jit(function rowNorms(A: ReturnType<typeof zeros>) {
    const [m, n] = A.shape;
    const out = zeros([m]);
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += sq(A.get(i, j));
      out.set(i, Math.sqrt(s));
    }
    return out;
  }, { cache, scope: { sq }, signatures: [["ndarray<float64,2>"]] });
  const mm = jit(matrixMultiplyLoops, { cache, signatures: [sig] });
  const t2 = performance.now();
  const A = ones([4, 4]);
  mm(A, A);
  norm(A);
  const t3 = performance.now();
  const s: Sample = { importMs: t1 - t0, compileMs: t2 - t1, firstCallMs: t3 - t2 };
  console.log(JSON.stringify(s));
}

function run(cacheDir: string, cache: boolean): Sample {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", String(cache)], {
    encoding: "utf8", env: { ...process.env, NUMBAT_CACHE_DIR: cacheDir },
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Sample;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return child(process.argv[3] === "true");
  const runs = Number(process.env.NUMBAT_BENCH_RUNS ?? 7);
  const cases: Record<string, Sample[]> = { uncached: [], cold: [], hit: [] };
  for (let r = 0; r < runs; r++) {
    // Interleaved, so that machine noise hits every case alike.
    const dir = mkdtempSync(join(tmpdir(), "numbat-bench-cache-"));
    try {
      cases.uncached!.push(run(dir, false));
      cases.cold!.push(run(dir, true)); // empty cache: compiles and stores
      cases.hit!.push(run(dir, true));  // same folder: loads
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const summary = Object.fromEntries(Object.entries(cases).map(([k, xs]) => [k, {
    importMs: median(xs.map((x) => x.importMs)), compileMs: median(xs.map((x) => x.compileMs)), firstCallMs: median(xs.map((x) => x.firstCallMs)),
  }]));
  console.log(`compile latency in a fresh process (seed matmul + a kernel calling a jitted helper; median of ${runs}):`);
  for (const [k, v] of Object.entries(summary))
    console.log(`  ${k.padEnd(9)} compile ${v.compileMs.toFixed(1).padStart(6)} ms   first call ${v.firstCallMs.toFixed(1).padStart(5)} ms   (import ${v.importMs.toFixed(0)} ms)`);
  console.log(`  cache hit vs cold compile: ${(summary.cold!.compileMs / summary.hit!.compileMs).toFixed(1)}x faster`);
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "results", "cache.json"), JSON.stringify({ machine: machine(ROOT), runs, summary, samples: cases }, null, 2) + "\n");
}

await main();
