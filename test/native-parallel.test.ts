// prange on the native target (issue 6): outlined loops run in chunks on OpenMP threads. Compared with
// plain JS — bitwise for kernels without reductions — and with the wasm target, bitwise for every
// kernel including float reductions (the same chunks, partials combined in the same order), for 1, 2
// and 3 threads, sizes 0, 1 and odd, static and dynamic scheduling; errors and allocation in chunks;
// that OpenMP really starts threads and honours `threads` / NUMBAT_NUM_THREADS; and the sequential
// fallback without OpenMP (NUMBAT_OPENMP=0), which gives the same bits.
// Skipped, with the reason printed, where no C compiler exists.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, describe, test } from "node:test";
import { jit, prange, shutdown, zeros } from "../src/index.js";
import { findCompiler, NO_COMPILER } from "../src/backends/native/compiler.js";
import { openmpSupport } from "../src/backends/native/openmp.js";
import { mulberry32, sameResult as same } from "./harness.js";
import { matrixMultiplyRows } from "../examples/seed-prange.js";
import { rand, mat, stencil, rowHistograms, strided, timeSteps, nested, norm, callsHelper, scaleInPlace, callsParallelCallee, intKernel, firstAbove, sum, sumOffset, product, minMax, intSum, dot2, throwsAt, outOfBounds, allocPerIteration, makeRow, allocInCallee } from "./corpus/prange.js";

const compiler = findCompiler();
const skip = compiler ? false : `no C compiler (${NO_COMPILER})`;
if (skip) console.log(`# native prange tests skipped: ${skip}`);
const openmp = compiler ? openmpSupport(compiler) : { ok: false, detail: "no compiler" };
if (compiler && !openmp.ok) console.log(`# OpenMP unavailable (${openmp.detail}): the thread-count tests are skipped`);

after(async () => { await shutdown(); }); // the wasm comparisons start the worker pool

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => any;
type Opts = { target?: "native" | "wasm"; threads?: number; schedule?: "static" | "dynamic"; chunk?: number; parallel?: boolean; scope?: Record<string, unknown>; boundscheck?: boolean; opt?: 0 | 1 };
type Jitted = AnyFn & { inspect(w: string): string };
const J = (f: AnyFn, o: Opts): Jitted => (jit as unknown as (f: AnyFn, o: Opts) => Jitted)(f, o);

const compiled = new Map<string, Jitted>();
function jitOnce(fn: AnyFn, o: Opts): Jitted {
  if (o.scope) return J(fn, o);
  const key = `${fn.name}/${JSON.stringify(o)}`;
  let f = compiled.get(key);
  if (!f) compiled.set(key, (f = J(fn, o)));
  return f;
}

/**
 * Runs `fn` plainly, on native and on wasm with the same options (each on fresh inputs). Native must
 * equal wasm bitwise (results and final arguments); both must equal plain JS within `tol` (0: bitwise).
 */
function check(fn: AnyFn, args: () => unknown[], o: Opts, tol = 0): Jitted {
  const native = jitOnce(fn, { ...o, target: "native" }), wasm = jitOnce(fn, { ...o, target: "wasm" });
  const pa = args(), na = args(), wa = args();
  const expected = fn(...pa), got = native(...na), fromWasm = wasm(...wa);
  same(got, fromWasm, 0, `${fn.name}: native vs wasm`);
  na.forEach((a, i) => same(a, wa[i], 0, `${fn.name}: argument ${i}, native vs wasm`));
  same(got, expected, tol, `${fn.name}: native vs plain JS`);
  na.forEach((a, i) => same(a, pa[i], 0, `${fn.name}: argument ${i}, native vs plain JS`));
  return native;
}

const regions = (f: Jitted): number => (f.inspect("c").match(/#pragma omp parallel for/g) ?? []).length;

// ---- kernels (no C-library Math functions: those may differ from V8's in the last bit) ----------

function axpy(a: number, x: Float64Array, y: Float64Array, out: Float64Array) {
  for (const i of prange(x.length)) out[i] = a * x[i]! + Math.sqrt(Math.abs(y[i]!));
}

const matmul = matrixMultiplyRows; // the seed with a prange outer loop

// ---- errors and allocation (the shared kernels are in test/corpus/prange.ts) ----

function randomFill(out: Float64Array) {
  for (const i of prange(out.length)) out[i] = Math.random();
}

const SIZES = [0, 1, 2, 7, 101];

describe("native prange kernels: bitwise equal to plain JS and to wasm", { skip }, () => {
  for (const threads of [1, 3]) {
    test(`elementwise, stencil, matmul, histograms, strided, ints, early exit from an inner loop [${threads} thread${threads > 1 ? "s" : ""}]`, () => {
      for (const n of SIZES) {
        check(axpy, () => [1.5, rand(n, 1), rand(n, 2), new Float64Array(n)], { threads });
        check(stencil, () => [mat(n, n + 2, 3), mat(n, n + 2, 4)], { threads });
        check(matmul, () => [mat(n, n + 1, 5), mat(n + 1, n, 6)], { threads });
        check(rowHistograms, () => [mat(n, 13, 7), zeros([n, 5]), 5], { threads });
        check(strided, () => [rand(n + 4, 9), new Float64Array(n + 4)], { threads });
        check(intKernel, () => [Int32Array.from(rand(n, 10), (v) => Math.round(v * 1000)), new Int32Array(n)], { threads });
        check(firstAbove, () => [mat(n, 6, 12), new Int32Array(n), 0.5], { threads });
      }
    });
  }

  test("the loops become OpenMP regions with the thread count and schedule of the options; threads: 1 and parallel: false do not", () => {
    const f = check(matmul, () => [mat(9, 9, 1), mat(9, 9, 2)], { threads: 3 });
    assert.ok(regions(f) >= 1);
    assert.match(f.inspect("c"), /num_threads\(3\) schedule\(static, 1\)/);
    const d = check(axpy, () => [2, rand(50, 1), rand(50, 2), new Float64Array(50)], { threads: 2, schedule: "dynamic", chunk: 7 });
    assert.match(d.inspect("c"), /num_threads\(2\) schedule\(dynamic, 1\)/);
    assert.equal(regions(check(axpy, () => [2, rand(9, 1), rand(9, 2), new Float64Array(9)], { threads: 1 })), 0);
    assert.equal(regions(check(axpy, () => [2, rand(9, 1), rand(9, 2), new Float64Array(9)], { threads: 3, parallel: false })), 0);
  });

  test("opt: 0, boundscheck: false, boolean and integer live-ins", () => {
    function flagged(x: Float64Array, out: Float64Array, neg: boolean, k: number) {
      for (const i of prange(x.length)) out[i] = neg ? -x[i]! * k : x[i]! + k;
    }
    for (const extra of [{ opt: 0 as const }, { boundscheck: false }]) {
      check(matmul, () => [mat(9, 8, 5), mat(8, 7, 6)], { threads: 3, ...extra });
      check(sum, () => [rand(99, 30)], { threads: 3, ...extra }, 1e-12);
    }
    for (const neg of [true, false]) assert.ok(regions(check(flagged, () => [rand(21, 3), new Float64Array(21), neg, 3], { threads: 2 })) > 0);
  });

  test("dynamic scheduling, several chunk sizes", () => {
    for (const chunk of [undefined, 1, 3, 1000])
      for (const n of [0, 1, 50, 257]) {
        check(axpy, () => [0.5, rand(n, 12), rand(n, 13), new Float64Array(n)], { threads: 3, schedule: "dynamic", chunk });
        check(sum, () => [rand(n, 14)], { threads: 2, schedule: "dynamic", chunk }, 1e-12);
      }
  });

  test("prange in a sequential loop, nested prange, calls inside prange, a callee with prange", () => {
    for (const threads of [2, 3]) {
      check(timeSteps, () => [rand(37, 15), new Float64Array(37), 20], { threads });
      check(nested, () => [mat(5, 7, 16), zeros([5, 7])], { threads });
      check(callsHelper, () => [rand(33, 17), rand(33, 18), new Float64Array(33)], { threads, scope: { norm } });
      const f = check(callsParallelCallee, () => [rand(41, 19)], { threads, scope: { scaleInPlace } });
      assert.ok(regions(f) > 0);
    }
  });

  test("typed arrays outside numbat's heap, and parallel: true on the seed", async () => {
    check(axpy, () => [3, rand(300, 20), rand(300, 21), new Float64Array(new ArrayBuffer(8 * 310), 16, 300)], { threads: 3 });
    const { matrixMultiplyLoops } = await import("../examples/seed.js");
    for (const n of [0, 1, 33]) assert.ok(regions(check(matrixMultiplyLoops, () => [mat(n, n + 2, 50), mat(n + 2, n + 1, 51)], { threads: 3, parallel: true })) > 0);
  });
});

describe("native prange reductions: the same bits as wasm", { skip }, () => {
  for (const threads of [1, 2, 3]) {
    test(`+=, -=, *=, Math.min/max, ints, nested [${threads} thread${threads > 1 ? "s" : ""}]`, () => {
      for (const n of SIZES) {
        check(sum, () => [rand(n, 30)], { threads }, 1e-12);
        check(sumOffset, () => [rand(n, 31)], { threads }, 1e-12);
        check(product, () => [rand(n, 32)], { threads }, 1e-12);
        check(minMax, () => [rand(n, 33)], { threads }); // exact: min and max do not round
        check(intSum, () => [Int32Array.from(rand(n, 34), (v) => Math.round(v * 1e6))], { threads }); // exact
        check(dot2, () => [mat(n, 6, 35), rand(6, 36)], { threads }, 1e-12);
      }
    });
  }

  test("deterministic from call to call; one element gives the sequential sum", () => {
    const x = rand(10001, 40);
    const f = jitOnce(sum, { target: "native", threads: 3 });
    const first = f(x);
    for (let r = 0; r < 5; r++) assert.ok(Object.is(f(x), first));
    assert.ok(Object.is(f(x.subarray(0, 1)), sum(x.subarray(0, 1))));
  });
});

describe("native prange: errors and allocation in chunks", { skip }, () => {
  test("a throw in a chunk reaches the caller with its class and message (the lowest chunk's); the next call works", () => {
    for (const schedule of ["static", "dynamic"] as const) {
      const g = jitOnce(throwsAt, { target: "native", threads: 3, schedule, chunk: 10 });
      for (const bad of [250, 99, 9, 0]) assert.throws(() => g(new Float64Array(300), bad), (e: unknown) => e instanceof RangeError && e.message === "bad element");
      const x = new Float64Array(300);
      g(x, -5);
      assert.ok(x.every((v) => v === 1));
    }
    const b = jitOnce(outOfBounds, { target: "native", threads: 3 }), w = jitOnce(outOfBounds, { target: "wasm", threads: 3 });
    let fromWasm: Error | undefined;
    try { w(new Float64Array(100), 1); } catch (e) { fromWasm = e as Error; }
    assert.ok(fromWasm instanceof RangeError);
    assert.throws(() => b(new Float64Array(100), 1), (e: unknown) => e instanceof RangeError && e.message === fromWasm!.message);
    check(axpy, () => [2, rand(500, 1), rand(500, 2), new Float64Array(500)], { threads: 3 });
  });

  test("temporary arrays per iteration, directly and in a callee; a bad size", () => {
    for (const threads of [2, 3])
      for (const n of [0, 1, 9, 200]) {
        check(allocPerIteration, () => [rand(n, 60), new Float64Array(n), 5], { threads });
        check(allocInCallee, () => [rand(n, 61), new Float64Array(n)], { threads, scope: { makeRow } });
      }
    const f = jitOnce(allocPerIteration, { target: "native", threads: 3 });
    assert.throws(() => f(new Float64Array(10), new Float64Array(10), -1), (e: unknown) => e instanceof RangeError && /invalid array size -1 at allocPerIteration:/.test((e as Error).message));
    check(allocPerIteration, () => [rand(50, 64), new Float64Array(50), 3], { threads: 3, schedule: "dynamic", chunk: 7 });
  });

  test("Math.random in a prange body: every thread has its own generator", () => {
    const f = jitOnce(randomFill, { target: "native", threads: 3 });
    const out = new Float64Array(3000);
    f(out);
    assert.ok(out.every((v) => v >= 0 && v < 1));
    assert.ok(new Set(out).size > 2990, "values repeat: threads share a stream");
  });
});

describe("OpenMP threads, the thread count, and the fallback without OpenMP", { skip }, () => {
  const root = fileURLToPath(new URL("../", import.meta.url)); // dist/
  /** In a fresh process: the threads before and after one parallel call, and a float sum (its bits). */
  const script = (opts: string) => `
    import { readdirSync } from "node:fs";
    import { jit, prange } from "./src/index.js";
    const f = jit(function total(x) { let s = 0; for (const i of prange(x.length)) s += x[i] * x[i] + 1 / (i + 1); return s; }, ${opts});
    const x = Float64Array.from({ length: 100001 }, (_, i) => Math.cos(i));
    f(new Float64Array(0)); // compiled and loaded: only OpenMP's threads can appear below
    const before = readdirSync("/proc/self/task").length;
    const s = f(x);
    const after = readdirSync("/proc/self/task").length;
    let src = "";
    try { src = f.inspect("c"); } catch { /* the wasm target has no C */ }
    console.log(JSON.stringify({ added: after - before, bits: new BigUint64Array(new Float64Array([s]).buffer)[0].toString(), threads: (src.match(/num_threads\\((\\d+)\\)/) ?? [])[1] }));
  `;
  const run = (opts: string, env: Record<string, string>) => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script(opts)], { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env, ...env } });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { added: number; bits: string; threads: string };
  };

  test("threads: 3 starts two OpenMP threads; NUMBAT_NUM_THREADS=3 does too; NUMBAT_OPENMP=0 runs the same chunks in order, same bits", { skip: !openmp.ok && "no OpenMP" }, () => {
    const viaOption = run(`{ target: "native", threads: 3 }`, {});
    assert.equal(viaOption.threads, "3");
    assert.ok(viaOption.added >= 2, `OpenMP threads started: ${viaOption.added}`);
    const viaEnv = run(`{ target: "native" }`, { NUMBAT_NUM_THREADS: "3" });
    assert.equal(viaEnv.threads, "3");
    assert.ok(viaEnv.added >= 2, `OpenMP threads started: ${viaEnv.added}`);
    assert.equal(viaEnv.bits, viaOption.bits);
    const sequential = run(`{ target: "native", threads: 3 }`, { NUMBAT_OPENMP: "0" });
    assert.equal(sequential.added, 0, "no threads without OpenMP");
    assert.equal(sequential.bits, viaOption.bits, "the fallback combines the same chunks");
    const wasm = run(`{ target: "wasm", threads: 3 }`, {});
    assert.equal(wasm.bits, viaOption.bits, "wasm with 3 threads gives the same bits");
  });
});
