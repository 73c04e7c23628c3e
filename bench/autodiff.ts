// Benchmark: the cost of a reverse-mode gradient relative to the function itself, side by side.
//
//   node dist/bench/autodiff.js                       defaults below (wasm target)
//   node dist/bench/autodiff.js --quick               smaller sizes, fewer repetitions
//   node dist/bench/autodiff.js --target js --samples 100000 --n 256 --out FILE
//
// 1. The logistic-regression loss over `samples` samples (default 1e6) with 10 features:
//    grad(loss, 2)(X, y, w) against loss(X, y, w). The tape bytes are what the derivative stored.
// 2. The seed matmul at N = `n` (default 512): the pullback of vjp(matmul)(A, B), i.e. dA and dB
//    for a given cotangent W (one call of the derived kernel: forward sweep + reverse sweep), against
//    matmul(A, B).
// The classic bound for reverse mode is gradient time <= 4x function time. Each figure is the
// median of alternating runs. Writes bench/results/autodiff.json (machine description included).

import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { grad, jit, vjp, zeros } from "../src/index.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { logisticLoss } from "../test/corpus/autodiff.js";
import { machine } from "./machine.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = (() => {
  for (let dir = HERE; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "bench"))) return dir;
    if (dirname(dir) === dir) return join(HERE, "..", "..");
  }
})();

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1]! : dflt; };
const quick = argv.includes("--quick");
const target = opt("target", "wasm") as "wasm" | "js" | "native";
const samples = Number(opt("samples", quick ? "100000" : "1000000"));
const features = Number(opt("features", "10"));
const N = Number(opt("n", quick ? "256" : "512"));
const reps = Number(opt("reps", quick ? "3" : "7"));
const out = opt("out", join(ROOT, "bench", "results", "autodiff.json"));

/** Median seconds of `reps` runs of a and b, alternating. */
function sideBySide(a: () => unknown, b: () => unknown): [number, number] {
  a(); b(); // compile and warm up
  const ta: number[] = [], tb: number[] = [];
  for (let r = 0; r < reps; r++) {
    let t = performance.now(); a(); ta.push(performance.now() - t);
    t = performance.now(); b(); tb.push(performance.now() - t);
  }
  const med = (x: number[]) => x.sort((p, q) => p - q)[x.length >> 1]! / 1000;
  return [med(ta), med(tb)];
}

let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5;

// ---- 1. logistic regression -------------------------------------------------------------------------
const X = zeros([samples, features]);
for (let i = 0; i < X.data.length; i++) X.data[i] = rnd();
const y = Float64Array.from({ length: samples }, () => (rnd() > 0 ? 1 : -1));
const w = Float64Array.from({ length: features }, () => rnd());
const loss = jit(logisticLoss, { target });
const gLoss = grad(loss, 2);
const [tLoss, tLossGrad] = sideBySide(() => loss(X, y, w), () => gLoss(X, y, w));
const lrTape = gLoss.tape!;

// ---- 2. the seed matmul -----------------------------------------------------------------------------
const A = zeros([N, N]), B = zeros([N, N]), W = zeros([N, N]);
for (const M of [A, B, W]) for (let i = 0; i < M.data.length; i++) M.data[i] = rnd();
const mm = jit(matrixMultiplyLoops, { target });
const vmm = vjp(mm);
const [, back] = vmm(A, B);
const [tMm, tMmGrad] = sideBySide(() => mm(A, B), () => back(W));
const mmTape = vmm.tape!;

const fmt = (s: number) => `${(s * 1000).toFixed(1)} ms`;
const rows = [
  { case: `logistic-regression loss, ${samples} x ${features}`, primal_s: tLoss, gradient_s: tLossGrad, ratio: tLossGrad / tLoss, tape_bytes: lrTape.bytes, tape_capacity_bytes: lrTape.capacityBytes },
  { case: `seed matmul N=${N}, dA and dB (vjp pullback)`, primal_s: tMm, gradient_s: tMmGrad, ratio: tMmGrad / tMm, tape_bytes: mmTape.bytes, tape_capacity_bytes: mmTape.capacityBytes },
];
console.log(`autodiff, target ${target}: gradient time / function time (reverse mode; the classic bound is 4x)`);
for (const r of rows)
  console.log(`  ${r.case.padEnd(48)} function ${fmt(r.primal_s).padStart(10)}  gradient ${fmt(r.gradient_s).padStart(10)}  ratio ${r.ratio.toFixed(2)}x  tape ${r.tape_bytes} bytes (capacity ${r.tape_capacity_bytes})`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ target, reps, machine: machine(ROOT), results: rows }, null, 2) + "\n");
console.log(`wrote ${out}`);
