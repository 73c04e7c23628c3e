// numbat's showcase: the seed's naive matrix product, run as plain JavaScript and through `jit`.
//
//   npm run demo              (builds, then runs dist/examples/demo.js)
//   node dist/examples/demo.js [--wat] [--stack]
//     --wat    also prints the generated WebAssembly text
//     --stack  prints the stack trace if numbat fails
//
// It checks the promise numbat makes: the jitted function returns exactly what the plain one
// returns (bit for bit), throws the same errors, and is faster. Exits non-zero otherwise.

import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { jit, zeros } from "../src/index.js";
import { compile as compilePython } from "../src/frontend/python/index.js";
import { matrixMultiplyLoops } from "./seed.js";
import { prng, randomMatrix } from "./random.js";

type Matrix = ReturnType<typeof zeros>;

const TIME_BUDGET_MS = 20_000; // the 512 x 512 round runs only if the whole demo stays under this
const SEED = 2024;

// ---------------------------------------------------------------------------------------------
// Small helpers


const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
function bits(x: number): bigint {
  f64[0] = x;
  return u64[0];
}

/** max |X - Y| over all elements, and whether X and Y hold the very same bits. */
function compare(X: Matrix, Y: Matrix): { maxDiff: number; identical: boolean } {
  const [m, p] = X.shape;
  if (Y.shape.length !== 2 || Y.shape[0] !== m || Y.shape[1] !== p) return { maxDiff: Infinity, identical: false };
  let maxDiff = 0;
  let identical = true;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      const x = X.get(i, j);
      const y = Y.get(i, j);
      if (bits(x) !== bits(y)) identical = false;
      const d = Number.isNaN(x) || Number.isNaN(y) ? (Number.isNaN(x) && Number.isNaN(y) ? 0 : Infinity) : Math.abs(x - y);
      if (d > maxDiff) maxDiff = d;
    }
  return { maxDiff, identical };
}

function timed<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function bestOf<T>(runs: number, f: () => T): { ms: number; value: T; total: number } {
  let best = timed(f);
  let total = best.ms;
  for (let r = 1; r < runs; r++) {
    const t = timed(f);
    total += t.ms;
    if (t.ms < best.ms) best = t;
  }
  return { ...best, total };
}

function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint("1");
const dim = paint("2");
const green = paint("32");
const red = paint("31");

const LABEL = 30;
function row(label: string, value: string, note = ""): void {
  console.log(`  ${label.padEnd(LABEL)}${value.padStart(12)}${note ? "   " + dim(note) : ""}`);
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}: ${e.message}` : `non-Error value ${String(e)}`;
}

// ---------------------------------------------------------------------------------------------

const matmul = jit(matrixMultiplyLoops);
// The same product in the seed's own Python (examples/seed.py, verbatim), compiled by numbat/python.
const seedPy = readFileSync(resolve(import.meta.dirname, "../../examples/seed.py"), "utf8");
const matmulPy = compilePython(seedPy).matrix_multiply_loops! as unknown as (A: Matrix, B: Matrix) => Matrix;
let failed = false;
let compiled = false;

function round(n: number, next: () => number): number {
  console.log();
  console.log(bold(`${n} x ${n} times ${n} x ${n}`) + dim(`  (random float64 in [-1, 1), seed ${SEED})`));
  const A = randomMatrix(n, n, next);
  const B = randomMatrix(n, n, next);
  if (!compiled) {
    // First call: numbat parses, type-checks and compiles for (f64 matrix, f64 matrix), then runs.
    const first = timed(() => matmul(A, B));
    const warm = bestOf(3, () => matmul(A, B));
    compiled = true;
    row("first call (compile + run)", fmtMs(first.ms));
    const latency = first.ms - warm.ms;
    if (latency > 0) row("compile latency", fmtMs(latency), "first call minus a warm call");
    else row("compile latency", "~0 ms", "the first call was no slower than a warm one");
  }

  const plain = bestOf(3, () => matrixMultiplyLoops(A, B));
  const fast = bestOf(5, () => matmul(A, B));
  const python = bestOf(5, () => matmulPy(A, B));
  const { maxDiff, identical: jsSame } = compare(plain.value, fast.value);
  const pySame = compare(plain.value, python.value).identical;
  const identical = jsSame && pySame;
  const speedup = plain.ms / fast.ms;
  const gflops = (ms: number) => `${((2 * n ** 3) / (ms * 1e6)).toFixed(2)} GFLOP/s`;

  row("plain JavaScript", fmtMs(plain.ms), `best of 3 · ${gflops(plain.ms)}`);
  row("numbat jit", fmtMs(fast.ms), `best of 5 · ${gflops(fast.ms)}`);
  row("numbat/python (seed.py)", fmtMs(python.ms), `best of 5 · ${gflops(python.ms)} · the seed's Python, verbatim`);
  row("speed-up", `${speedup.toFixed(1)}x`);
  row("max |difference|", String(maxDiff), maxDiff === 0 ? "" : "must be 0");
  row("bitwise identical", identical ? green("yes") : red("NO"), "plain JS, jit and the Python");
  if (!identical || maxDiff !== 0) failed = true;
  return plain.total + fast.total;
}

function dimensionCheck(): void {
  console.log();
  console.log(bold("dimension check") + dim("  (A is 2 x 3, B is 2 x 2)"));
  const A = zeros([2, 3]);
  const B = zeros([2, 2]);
  const outcome = (f: () => unknown): { text: string; error: unknown } => {
    try {
      f();
      return { text: "returned without throwing", error: undefined };
    } catch (e) {
      return { text: `throws ${describe(e)}`, error: e };
    }
  };
  const plain = outcome(() => matrixMultiplyLoops(A, B));
  const fast = outcome(() => matmul(A, B));
  const python = outcome(() => matmulPy(A, B));
  const same =
    plain.error instanceof Error &&
    fast.error instanceof Error &&
    plain.error.constructor === fast.error.constructor &&
    plain.error.message === fast.error.message;
  console.log(`  ${"plain JavaScript".padEnd(18)}${plain.text}`);
  console.log(`  ${"numbat jit".padEnd(18)}${fast.text}`);
  console.log(`  ${"same error".padEnd(18)}${same ? green("yes") : red("NO")}`);
  // Python raises ValueError with the seed's message.
  const pyOk = python.error instanceof Error && python.error.name === "ValueError" && python.error.message === "Inner matrix dimensions must agree.";
  console.log(`  ${"numbat/python".padEnd(18)}${python.error instanceof Error ? `raises ${python.error.name}: ${python.error.message}` : python.text} ${pyOk ? green("(as Python)") : red("(expected ValueError)")}`);
  if (!same || !pyOk) failed = true;
}

function main(): void {
  const cpu = cpus();
  console.log(bold("numbat demo") + " — the seed's naive matrix product, plain JavaScript vs jit");
  console.log(dim(`node ${process.version} · ${cpu[0]?.model.trim() ?? "unknown CPU"} · ${cpu.length} cores`));
  console.log();
  console.log(dim("  const matmul = jit(matrixMultiplyLoops);   // examples/seed.ts"));
  for (const line of String(matrixMultiplyLoops).split("\n")) console.log(dim("  " + line));
  console.log(dim("  // and, side by side, the seed's Python through numbat/python (examples/seed.py):"));
  for (const line of seedPy.split("\n").filter((l) => l.trim() && !l.startsWith("#") && !/^\s*("""|Perform|Parameters|A:|B:|Returns|Result)/.test(l))) console.log(dim("  " + line));

  const next = prng(SEED);
  try {
    const spent = round(256, next);
    // The product costs n^3: the 512 round takes about 8 times as long as the 256 one did.
    if (performance.now() + 8 * spent < TIME_BUDGET_MS) round(512, next);
    else console.log(dim(`\n  (skipping 512 x 512: it would take about ${fmtMs(8 * spent)})`));
  } catch (e) {
    const stack = process.argv.includes("--stack") && e instanceof Error && e.stack;
    console.error(red(`\nnumbat failed on the seed function: ${stack || describe(e)}`));
    process.exitCode = 1;
    return;
  }

  dimensionCheck();

  if (process.argv.includes("--wat")) {
    console.log();
    console.log(bold("generated WebAssembly") + dim("  (matmul.inspect(\"wat\"))"));
    console.log(matmul.inspect("wat"));
  }

  console.log();
  if (failed) {
    console.log(red("FAILED: the jitted function does not behave exactly like the plain one."));
    process.exitCode = 1;
  } else {
    console.log(green("OK") + ": same numbers, bit for bit, and the same error — only faster.");
  }
}

main();
