// The seed in Python, two ways: examples/seed.py (verbatim from the seed document) compiled by
// numbat/python, and the same source under Numba's @njit in Debian's python3 — one process each,
// the same N x N matrices (written to a temporary folder), results compared bit for bit.
//
//   npm run bench:python            (N = 1024; NUMBAT_BENCH_N=512 for a shorter run)
//
// Prints both times and the ratio, and writes bench/results/python-seed.json. Times are the best of
// the timed runs, compilation excluded (numbat compiles on a first call at full size, Numba on 2 x 2
// matrices of the same types).

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { compile } from "../src/frontend/python/index.js";
import type { NdArray } from "../src/index.js";
import { prng, randomMatrix } from "../examples/random.js";

const ROOT = resolve(import.meta.dirname, "../..");
const PYTHON = process.env.NUMBAT_PYTHON ?? "/usr/bin/python3";
const N = Number(process.env.NUMBAT_BENCH_N ?? 1024);
const RUNS = Number(process.env.NUMBAT_BENCH_RUNS ?? 2); // Numba's naive loops take ~20 s a run at N = 1024

const NUMBA_SCRIPT = String.raw`
import sys, json, time
import numpy as np
import numba
src, folder, n, runs = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ns = {}
exec(src, ns)
f = numba.njit(ns["matrix_multiply_loops"])
A = np.fromfile(folder + "/A.f64").reshape(n, n)
B = np.fromfile(folder + "/B.f64").reshape(n, n)
t0 = time.perf_counter(); f(A[:2, :2].copy(), B[:2, :2].copy()); compile_s = time.perf_counter() - t0
times = []  # compiled above, on 2 x 2 matrices of the same types
for _ in range(runs):
    t0 = time.perf_counter(); C = f(A, B); times.append(time.perf_counter() - t0)
C.tofile(folder + "/C_numba.f64")
print(json.dumps({"best_s": min(times), "times_s": times, "compile_s": compile_s, "numba": numba.__version__, "numpy": np.__version__}))
`;

function best(runs: number, f: () => NdArray): { best_s: number; times_s: number[]; value: NdArray } {
  const times: number[] = [];
  let value!: NdArray;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    value = f();
    times.push((performance.now() - t0) / 1000);
  }
  return { best_s: Math.min(...times), times_s: times, value };
}

function main(): void {
  const seedPy = join(ROOT, "examples", "seed.py");
  const next = prng(2024);
  const A = randomMatrix(N, N, next), B = randomMatrix(N, N, next);
  const folder = mkdtempSync(join(tmpdir(), "numbat-pyseed-"));
  try {
    writeFileSync(join(folder, "A.f64"), A.data as Float64Array);
    writeFileSync(join(folder, "B.f64"), B.data as Float64Array);
    const gflops = (s: number) => (2 * N ** 3) / s / 1e9;
    console.log(`the seed in Python, N = ${N}: numbat/python vs Numba @njit (${cpus()[0]?.model.trim()}, ${cpus().length} cores)`);

    const f = compile(readFileSync(seedPy, "utf8")).matrix_multiply_loops! as unknown as (A: NdArray, B: NdArray) => NdArray;
    const t0 = performance.now();
    f(A, B); // first call: compile + run
    const firstCall = (performance.now() - t0) / 1000;
    const nb = best(RUNS, () => f(A, B));
    console.log(`  numbat/python   ${nb.best_s.toFixed(3)} s  ${gflops(nb.best_s).toFixed(2)} GFLOP/s  (best of ${RUNS}; first call ${firstCall.toFixed(3)} s)`);

    const py = spawnSync(PYTHON, ["-c", NUMBA_SCRIPT, seedPy, folder, String(N), String(RUNS)], { encoding: "utf8", maxBuffer: 1 << 24 });
    let numba: { best_s: number; times_s: number[]; compile_s: number; numba: string; numpy: string } | undefined;
    let identical: boolean | null = null;
    if (py.status === 0) {
      numba = JSON.parse(py.stdout);
      const C = new Float64Array(readFileSync(join(folder, "C_numba.f64")).buffer.slice(0));
      const mine = nb.value.data as Float64Array;
      identical = C.length === mine.length && C.every((x, i) => Object.is(x, mine[i]));
      console.log(`  Numba @njit     ${numba!.best_s.toFixed(3)} s  ${gflops(numba!.best_s).toFixed(2)} GFLOP/s  (best of ${RUNS}; numba ${numba!.numba}, compile ${numba!.compile_s.toFixed(2)} s)`);
      console.log(`  ratio           ${(numba!.best_s / nb.best_s).toFixed(1)}x  (Numba time / numbat time)`);
      console.log(`  same bits       ${identical ? "yes" : "NO"}`);
    } else console.log(`  Numba: not measured (${PYTHON} with numba: ${py.stderr.trim().split("\n").pop()})`);

    const out = {
      n: N, runs: RUNS, machine: { cpu: cpus()[0]?.model.trim(), cores: cpus().length, node: process.version },
      numbat_python: { best_s: nb.best_s, times_s: nb.times_s, gflops: gflops(nb.best_s), first_call_s: firstCall },
      numba: numba ? { ...numba, gflops: gflops(numba.best_s) } : null,
      ratio: numba ? numba.best_s / nb.best_s : null,
      bitwise_identical: identical,
    };
    mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
    writeFileSync(join(ROOT, "bench", "results", "python-seed.json"), JSON.stringify(out, null, 2) + "\n");
    if (identical === false) process.exitCode = 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
