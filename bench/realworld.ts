// Benchmark: functions taken unmodified from npm (test/realworld-suite.ts: stdlib's math special
// functions and BLAS base routines), jitted with no options, against the same functions in plain JS,
// side by side in one process, on arrays the caller allocated (never numbat's heap).
//
//   npm run bench:realworld                 every function; writes bench/results/realworld.json
//   node dist/bench/realworld.js --only ddot,erf
//
// Math functions run inside a loop over an input array (`out[i] = erf(x[i])`, the loop itself plain
// or jitted: a kernel calling the function, as numeric code uses it); BLAS routines are called
// directly on 100,000-element Float64Arrays. Each figure is the best of several timed batches;
// ratio = plain time / jitted time (above 1: numbat is faster). Results are checked bit for bit.

import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jit } from "../src/index.js";
import { blasCases, scalarCases, scalarInputs, secondInputs } from "../test/realworld-suite.js";
import { machine } from "./machine.js";

type AnyFn = (...args: any[]) => unknown;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", ".."); // dist/bench -> root
const N_SCALAR = 10_000, N_BLAS = 100_000;
const only = (() => { const i = process.argv.indexOf("--only"); return i > 0 ? new Set(process.argv[i + 1]!.split(",")) : undefined; })();

/** Best milliseconds per call of `f` and `g`, measured alternately (so load on the machine hits both). */
function timePair(f: () => unknown, g: () => unknown): [number, number] {
  for (let i = 0; i < 10; i++) { f(); g(); }
  const t0 = performance.now();
  f();
  const reps = Math.max(1, Math.min(10_000, Math.round(5 / Math.max(1e-3, performance.now() - t0)))); // about 5 ms a batch
  const best = [Infinity, Infinity];
  for (let k = 0; k < 9; k++)
    [f, g].forEach((h, j) => {
      const t = performance.now();
      for (let r = 0; r < reps; r++) h();
      best[j] = Math.min(best[j]!, (performance.now() - t) / reps);
    });
  return best as [number, number];
}

/** `out[i] = fn(x[i])` (or fn(x[i], y[i])) over the inputs; `fn` is a free name, resolved like stdlib's own. */
function mapOf(fn: AnyFn, arity: number): AnyFn {
  return arity === 1
    ? function map1(x: Float64Array, out: Float64Array) { for (let i = 0; i < x.length; i++) out[i] = fn(x[i]) as number; }
    : function map2(x: Float64Array, y: Float64Array, out: Float64Array) { for (let i = 0; i < x.length; i++) out[i] = fn(x[i], y[i]) as number; };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Float64Array && b instanceof Float64Array) return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  return Object.is(a, b);
}

interface Row { name: string; kind: "math" | "blas"; plainUs: number; jitUs: number; ratio: number }
const rows: Row[] = [];
const bad: string[] = [];

const inputs = scalarInputs(2000).filter((v) => Number.isFinite(v));
for (const { name, fn, arity } of scalarCases()) {
  if (only && !only.has(name)) continue;
  const x = Float64Array.from({ length: N_SCALAR }, (_, i) => inputs[i % inputs.length]!);
  const second = secondInputs(name);
  const y = Float64Array.from({ length: N_SCALAR }, (_, i) => second[i % second.length]!);
  const plain = mapOf(fn, arity), jitted = jit(plain) as AnyFn;
  const out1 = new Float64Array(N_SCALAR), out2 = new Float64Array(N_SCALAR);
  const args = (out: Float64Array) => (arity === 1 ? [x, out] : [x, y, out]);
  plain(...args(out1)); jitted(...args(out2));
  if (!same(out1, out2)) bad.push(name);
  const [p, j] = timePair(() => plain(...args(out1)), () => jitted(...args(out2)));
  rows.push({ name, kind: "math", plainUs: (p * 1000) / N_SCALAR, jitUs: (j * 1000) / N_SCALAR, ratio: p / j });
}

for (const { name, fn, calls } of blasCases()) {
  if (only && !only.has(name)) continue;
  const args = calls(N_BLAS)[0]!;
  // Routines that write keep their values in range when called again and again.
  if (name === "dscal") args[1] = -1;
  if (name.startsWith("daxpy")) args[1] = 1e-9;
  const mine = args.map((a) => (a instanceof Float64Array ? a.slice() : a));
  if (!same(fn(...args), (jit(fn) as AnyFn)(...mine)) || !args.every((a, i) => same(a, mine[i]))) bad.push(name);
  const jitted = jit(fn) as AnyFn;
  const [p, j] = timePair(() => fn(...args), () => jitted(...mine));
  rows.push({ name, kind: "blas", plainUs: p * 1000, jitUs: j * 1000, ratio: p / j });
}

const geomean = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / rows.length);
console.log(`${"function".padEnd(14)} ${"plain".padStart(10)} ${"numbat".padStart(10)}  ratio (plain / numbat)`);
for (const r of rows) {
  const unit = r.kind === "math" ? "ns/elem" : "us/call";
  const f = (v: number) => (r.kind === "math" ? v * 1000 : v).toFixed(r.kind === "math" ? 1 : 0).padStart(10);
  console.log(`${r.name.padEnd(14)} ${f(r.plainUs)} ${f(r.jitUs)}  ${r.ratio.toFixed(2)}x  (${unit})${r.ratio < 0.9 ? "  below 0.9x" : ""}`);
}
console.log(`geometric mean ${geomean.toFixed(2)}x over ${rows.length} functions; ${rows.filter((r) => r.ratio < 0.9).length} below 0.9x; load average ${loadavg()[0]!.toFixed(1)}`);
if (bad.length) console.log(`results differ from plain JS: ${bad.join(", ")}`);
if (!only) {
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const file = join(ROOT, "bench", "results", "realworld.json");
  writeFileSync(file, JSON.stringify({ bench: "realworld", date: new Date().toISOString(), machine: machine(ROOT), loadavg: loadavg()[0], geomean, rows }, null, 2) + "\n");
  console.log(`wrote ${file}`);
}
process.exit(bad.length ? 1 : 0);
