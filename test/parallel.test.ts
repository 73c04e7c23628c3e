// Parallel loops (issue 5): prange kernels run on the worker pool and are compared with plain JS —
// bitwise where no reduction is involved, within a tolerance for float reductions — for 1, 2 and 3
// threads, sizes 0, 1 and odd, static and dynamic scheduling; allocation in workers, errors thrown in
// workers, compile-time rejections, parallel: true, a crashed worker, shutdown, and a process that
// exits with the pool still alive.
// The pool is shared by the whole file (starting a worker costs ~30 ms).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { CompileError, jit, prange, shutdown, zeros, type NdArray } from "../src/index.js";
import { poolInternals, tripCount } from "../src/runtime/pool.js";
import { chunkTrips } from "../src/runtime/pool-protocol.js";
import { heap } from "../src/runtime/memory.js";
import { mulberry32, sameResult as same } from "./harness.js";
import { matrixMultiplyRows } from "../examples/seed-prange.js";
import { rand, mat, stencil, rowHistograms, strided, timeSteps, nested, norm, callsHelper, scaleInPlace, callsParallelCallee, intKernel, firstAbove, sum, sumOffset, product, minMax, intSum, dot2, throwsAt, outOfBounds, allocPerIteration, makeRow, allocInCallee } from "./corpus/prange.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => any;
type Opts = { threads?: number; schedule?: "static" | "dynamic"; chunk?: number; parallel?: boolean; scope?: Record<string, unknown>; boundscheck?: boolean };
const J = (f: AnyFn, o: Opts) => (jit as unknown as (f: AnyFn, o: Opts) => AnyFn & { inspect(w: string): string })(f, o);

before(async () => {
  await poolInternals.warmup(2); // 3 threads = the caller + 2 workers
});
after(async () => {
  await shutdown();
});

const SIZES = [0, 1, 2, 7, 101];
const THREADS = [1, 2, 3];

const jitted = new Map<AnyFn, Map<string, AnyFn & { inspect(w: string): string }>>();

/** Runs `fn` plainly and jitted (each on fresh inputs from `args`); compares results and final inputs. */
function differential(fn: AnyFn, args: () => unknown[], opts: Opts, tol = 0): AnyFn & { inspect(w: string): string } {
  // One jitted function per kernel and options (compiling is most of the cost of these tests).
  const key = JSON.stringify(opts);
  const byOpts = jitted.get(fn) ?? new Map();
  jitted.set(fn, byOpts);
  const f = (opts.scope ? undefined : byOpts.get(key)) ?? J(fn, opts);
  if (!opts.scope) byOpts.set(key, f);
  const plainArgs = args(), jitArgs = args();
  const expected = fn(...plainArgs);
  const got = f(...jitArgs);
  same(got, expected, tol);
  plainArgs.forEach((a, i) => same(jitArgs[i], a, 0, `argument ${i}`));
  return f;
}

const outlined = (f: { inspect(w: string): string }) => /export "par\d+"/.test(f.inspect("wat"));

// ---- kernels (those shared with test/native-parallel.test.ts are in test/corpus/prange.ts) --------

function axpy(a: number, x: Float64Array, y: Float64Array, out: Float64Array) {
  for (const i of prange(x.length)) out[i] = a * x[i]! + Math.sin(y[i]!);
}

const matmul = matrixMultiplyRows; // the seed with a prange outer loop

function rowSums(A: NdArray, out: Float64Array) {
  const [m, n] = A.shape;
  for (const i of prange(m)) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A.get(i, j);
    out[i] = s;
  }
}

function conditionalWrite(x: Float64Array, out: Float64Array) {
  for (const i of prange(x.length)) {
    if (x[i]! < 0) continue;
    let t = x[i]!;
    if (t > 0.5) t = 0.5;
    out[i] = t;
  }
}

// ---- tests ---------------------------------------------------------------------------------------

describe("prange kernels are bitwise identical to plain JS", () => {
  for (const threads of THREADS) {
    test(`elementwise, stencil, matmul, histograms, row sums [${threads} thread${threads > 1 ? "s" : ""}]`, () => {
      for (const n of SIZES) {
        differential(axpy, () => [1.5, rand(n, 1), rand(n, 2), new Float64Array(n)], { threads });
        differential(stencil, () => [mat(n, n + 2, 3), mat(n, n + 2, 4)], { threads });
        differential(matmul, () => [mat(n, n + 1, 5), mat(n + 1, n, 6)], { threads });
        differential(rowHistograms, () => [mat(n, 13, 7), zeros([n, 5]), 5], { threads });
        differential(rowSums, () => [mat(n, 9, 8), new Float64Array(n)], { threads });
        differential(strided, () => [rand(n + 4, 9), new Float64Array(n + 4)], { threads });
        differential(intKernel, () => [Int32Array.from(rand(n, 10), (v) => Math.round(v * 1000)), new Int32Array(n)], { threads });
        differential(conditionalWrite, () => [rand(n, 11), new Float64Array(n)], { threads });
        differential(firstAbove, () => [mat(n, 6, 12), new Int32Array(n), 0.5], { threads });
      }
    });
  }

  test("the loops are outlined (wasm exports par<k>) and workers run chunks", () => {
    const before = poolInternals.stats().workerChunks;
    const f = differential(matmul, () => [mat(64, 64, 1), mat(64, 64, 2)], { threads: 3 });
    assert.ok(outlined(f));
    poolInternals.setMainRuns(false);
    try {
      differential(axpy, () => [2, rand(1000, 1), rand(1000, 2), new Float64Array(1000)], { threads: 3 });
    } finally {
      poolInternals.setMainRuns(true);
    }
    assert.ok(poolInternals.stats().workerChunks >= before + 3, "workers ran chunks");
  });

  test("opt: 0, boundscheck: false, boolean and integer live-ins", () => {
    function flagged(x: Float64Array, out: Float64Array, neg: boolean, k: number) {
      for (const i of prange(x.length)) out[i] = neg ? -x[i]! * k : x[i]! + k;
    }
    for (const extra of [{ opt: 0 }, { boundscheck: false }]) {
      differential(axpy, () => [1.5, rand(33, 1), rand(33, 2), new Float64Array(33)], { threads: 3, ...extra } as Opts);
      differential(matmul, () => [mat(9, 8, 5), mat(8, 7, 6)], { threads: 3, ...extra } as Opts);
      differential(sum, () => [rand(99, 30)], { threads: 3, ...extra } as Opts, 1e-12);
    }
    for (const neg of [true, false]) assert.ok(outlined(differential(flagged, () => [rand(21, 3), new Float64Array(21), neg, 3], { threads: 2 })));
  });

  test("threads: 1 and parallel: false compile prange as an ordinary loop", () => {
    assert.ok(!outlined(differential(axpy, () => [2, rand(9, 1), rand(9, 2), new Float64Array(9)], { threads: 1 })));
    assert.ok(!outlined(differential(axpy, () => [2, rand(9, 1), rand(9, 2), new Float64Array(9)], { threads: 3, parallel: false })));
  });

  test("dynamic scheduling, several chunk sizes", () => {
    for (const chunk of [undefined, 1, 3, 1000])
      for (const n of [0, 1, 50, 257]) {
        differential(axpy, () => [0.5, rand(n, 12), rand(n, 13), new Float64Array(n)], { threads: 3, schedule: "dynamic", chunk });
        differential(rowHistograms, () => [mat(n, 4, 14), zeros([n, 3]), 3], { threads: 2, schedule: "dynamic", chunk });
      }
  });

  test("prange in a sequential loop, nested prange, calls inside prange, a callee with prange", () => {
    for (const threads of [2, 3]) {
      differential(timeSteps, () => [rand(37, 15), new Float64Array(37), 20], { threads });
      differential(nested, () => [mat(5, 7, 16), zeros([5, 7])], { threads });
      differential(callsHelper, () => [rand(33, 17), rand(33, 18), new Float64Array(33)], { threads, scope: { norm: J(norm, { threads }) } });
      const f = differential(callsParallelCallee, () => [rand(41, 19)], { threads, scope: { scaleInPlace: J(scaleInPlace, { threads }) } });
      assert.ok(outlined(f));
    }
  });

  test("typed arrays outside numbat's heap are copied in and back", () => {
    differential(axpy, () => [3, rand(300, 20), rand(300, 21), new Float64Array(new ArrayBuffer(8 * 310), 16, 300)], { threads: 3 });
  });

  test("memory that grows after the workers started is visible to them", () => {
    const n = 3_000_000; // 24 MB: grows the heap
    const before = heap.stats().memoryBytes;
    const x = zeros([n]), out = zeros([n]);
    const f = J(axpy, { threads: 3 });
    f(2, x.data, x.data, out.data);
    assert.ok(heap.stats().memoryBytes > before);
    assert.equal(out.data[n - 1], 0);
  });
});

describe("reductions", () => {
  for (const threads of THREADS) {
    test(`+=, -=, *=, Math.min/max, ints, nested [${threads} thread${threads > 1 ? "s" : ""}]`, () => {
      for (const n of SIZES) {
        differential(sum, () => [rand(n, 30)], { threads }, 1e-12);
        differential(sumOffset, () => [rand(n, 31)], { threads }, 1e-12);
        differential(product, () => [rand(n, 32)], { threads }, 1e-12);
        differential(minMax, () => [rand(n, 33)], { threads }); // exact: min and max do not round
        differential(intSum, () => [Int32Array.from(rand(n, 34), (v) => Math.round(v * 1e6))], { threads }); // exact
        differential(dot2, () => [mat(n, 6, 35), rand(6, 36)], { threads }, 1e-12);
      }
    });
  }

  test("a sum that starts at 0 is bitwise the sequential one with one chunk, and deterministic for a fixed thread count", () => {
    const x = rand(10001, 40);
    assert.ok(Object.is(J(sum, { threads: 2 })(x.subarray(0, 1)), sum(x.subarray(0, 1))));
    for (const threads of [2, 3]) {
      const f = J(sum, { threads });
      const first = f(x);
      for (let r = 0; r < 5; r++) assert.ok(Object.is(f(x), first));
    }
    const d = J(sum, { threads: 3, schedule: "dynamic", chunk: 100 });
    const first = d(x);
    for (let r = 0; r < 5; r++) assert.ok(Object.is(d(x), first));
  });
});

// ---- errors --------------------------------------------------------------------------------------

describe("allocation inside prange loops (worker threads ask the calling thread)", () => {
  test("temporary arrays per iteration, directly and in a callee, and the heap returns to where it was", () => {
    for (const threads of [2, 3])
      for (const n of [0, 1, 9, 200]) {
        differential(allocPerIteration, () => [rand(n, 60), new Float64Array(n), 5], { threads });
        differential(allocInCallee, () => [rand(n, 61), new Float64Array(n)], { threads, scope: { makeRow: J(makeRow, {}) } });
      }
    poolInternals.setMainRuns(false);
    try {
      differential(allocPerIteration, () => [rand(300, 62), new Float64Array(300), 4], { threads: 3, schedule: "dynamic", chunk: 7 });
    } finally {
      poolInternals.setMainRuns(true);
    }
    // (The plain functions allocate heap arrays too, freed only by the garbage collector: measure jitted calls alone.)
    const g = J(allocInCallee, { threads: 3, scope: { makeRow: J(makeRow, {}) } });
    const x = rand(100, 65), out = new Float64Array(100);
    g(x, out);
    const live = heap.stats().liveBytes;
    for (let r = 0; r < 5; r++) g(x, out);
    assert.equal(heap.stats().liveBytes, live, "kernel allocations are freed when the call ends");
  });

  test("allocations that grow the memory, and a bad size, from worker threads", () => {
    differential(allocPerIteration, () => [rand(8, 63), new Float64Array(8), 1_000_000], { threads: 3 });
    const f = J(allocPerIteration, { threads: 3 });
    assert.throws(() => f(new Float64Array(10), new Float64Array(10), -1), (e: unknown) => e instanceof RangeError && /invalid array size -1 at allocPerIteration:/.test((e as Error).message));
    differential(allocPerIteration, () => [rand(50, 64), new Float64Array(50), 3], { threads: 3 });
  });
});

describe("errors in parallel loops", () => {
  test("an exception in a worker reaches the caller with its class and message, and the next call works", () => {
    const f = J(throwsAt, { threads: 3 });
    poolInternals.setMainRuns(false);
    try {
      for (const schedule of ["static", "dynamic"] as const) {
        const g = J(throwsAt, { threads: 3, schedule, chunk: 10 });
        assert.throws(() => g(new Float64Array(300), 250), (e: unknown) => e instanceof RangeError && e.message === "bad element");
        assert.throws(() => g(new Float64Array(300), 9), (e: unknown) => e instanceof RangeError && e.message === "bad element");
      }
      // The lowest failing chunk wins, as the first failing iteration would sequentially.
      assert.throws(() => f(new Float64Array(300), 99), (e: unknown) => e instanceof RangeError && e.message === "bad element");
      const b = J(outOfBounds, { threads: 3 });
      assert.throws(() => b(new Float64Array(100), 1), (e: unknown) => e instanceof RangeError && /index 100 is out of bounds of 'x' \(size 100\) at outOfBounds:/.test((e as Error).message));
    } finally {
      poolInternals.setMainRuns(true);
    }
    // The calling thread's own chunk throws while workers run theirs.
    assert.throws(() => f(new Float64Array(300), 0), (e: unknown) => e instanceof RangeError && e.message === "bad element");
    const x = new Float64Array(300);
    f(x, -5);
    assert.ok(x.every((v) => v === 1));
    differential(axpy, () => [2, rand(500, 1), rand(500, 2), new Float64Array(500)], { threads: 3 });
  });

  test("a crashed worker is replaced", async () => {
    const spawned = poolInternals.stats().spawned;
    await poolInternals.crash(0);
    poolInternals.setMainRuns(false);
    try {
      differential(axpy, () => [2, rand(500, 1), rand(500, 2), new Float64Array(500)], { threads: 3 });
    } finally {
      poolInternals.setMainRuns(true);
    }
    assert.equal(poolInternals.stats().spawned, spawned + 1);
    await poolInternals.warmup(2);
    assert.equal(poolInternals.stats().alive, 2);
  });

  test("shutdown() stops the workers; a later parallel loop starts new ones", async () => {
    await shutdown();
    assert.equal(poolInternals.stats().workers, 0);
    differential(matmul, () => [mat(20, 20, 1), mat(20, 20, 2)], { threads: 3 });
    await poolInternals.warmup(2);
    differential(matmul, () => [mat(20, 20, 1), mat(20, 20, 2)], { threads: 3 });
  });
});

describe("prange loops that cannot run in parallel are compile errors (NB110)", () => {
  const cases: [string, AnyFn, RegExp][] = [
    ["same element", function race(x: Float64Array, out: Float64Array) { for (const i of prange(x.length)) out[0] = out[0]! + x[i]!; }, /every iteration of the prange loop writes the same element of 'out'/],
    ["same elements in an inner loop", function race2(A: NdArray, out: Float64Array) {
      const [m, n] = A.shape;
      for (const i of prange(m)) for (let j = 0; j < n; j++) out[j] = out[j]! + A.get(i, j);
    }, /writes the same element of 'out'/],
    ["carried value", function carried(x: Float64Array, out: Float64Array) {
      let prev = 0;
      for (const i of prange(x.length)) { out[i] = prev; prev = x[i]!; }
    }, /'prev' can be read before it is assigned/],
    ["used after the loop", function last(x: Float64Array) {
      let t = 0;
      for (const i of prange(x.length)) t = x[i]!;
      return t;
    }, /'t' is assigned in the prange loop and also used outside it/],
    ["break", function brk(x: Float64Array) {
      for (const i of prange(x.length)) { if (x[i]! < 0) break; x[i] = 1; }
    }, /cannot break out of itself/],
    ["return", function ret(x: Float64Array) {
      for (const i of prange(x.length)) { if (x[i]! < 0) return i; }
      return -1;
    }, /cannot return from the function/],
    ["mixed reduction", function mixed(x: Float64Array) {
      let s = 1;
      for (const i of prange(x.length)) { s += x[i]!; s *= 2; }
      return s;
    }, /'s' is updated with both/],
  ];
  for (const [name, fn, message] of cases) {
    test(name, () => {
      const f = J(fn, { threads: 2 });
      const args = fn.length === 1 ? [new Float64Array(4)] : [fn.name.startsWith("race2") ? zeros([2, 2]) : new Float64Array(4), new Float64Array(4)];
      assert.throws(() => f(...args), (e: unknown) => e instanceof CompileError && e.code === "NB110" && message.test(e.message) && e.message.includes(" | "));
    });
  }

  test("a histogram over shared bins is not provable: accepted (documented as a race)", () => {
    function hist(x: Int32Array, h: Int32Array) { for (const i of prange(x.length)) h[x[i]!] = h[x[i]!]! + 1; }
    assert.doesNotThrow(() => J(hist, { threads: 2 })(new Int32Array(8), new Int32Array(2)));
  });
});

describe("parallel: true parallelises loops proven independent", () => {
  test("the seed matmul and an elementwise loop run on threads, bitwise identical", async () => {
    const { matrixMultiplyLoops } = await import("../examples/seed.js");
    for (const n of [0, 1, 9, 33]) {
      const f = differential(matrixMultiplyLoops, () => [mat(n, n + 2, 50), mat(n + 2, n + 1, 51)], { threads: 3, parallel: true });
      assert.ok(outlined(f));
    }
    function ew(a: Float64Array, b: Float64Array) { for (let i = 0; i < a.length; i++) b[i] = a[i]! * 2 + 1; }
    assert.ok(outlined(differential(ew, () => [rand(77, 52), new Float64Array(77)], { threads: 2, parallel: true })));
    // Aliased views: the run-time disjointness guard sends them to the sequential version.
    function shift(a: Float64Array, b: Float64Array) { for (let i = 0; i < b.length; i++) b[i] = a[i]! + 1; }
    differential(shift, () => { const x = rand(50, 53); return [x.subarray(0, 49), x.subarray(1)]; }, { threads: 2, parallel: true });
  });

  test("loops with a dependence or a reduction stay sequential", () => {
    function prefix(a: Float64Array) { for (let i = 1; i < a.length; i++) a[i] = a[i - 1]! + a[i]!; }
    assert.ok(!outlined(differential(prefix, () => [rand(40, 54)], { threads: 2, parallel: true })));
    function total(a: Float64Array) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]!; return s; }
    assert.ok(!outlined(differential(total, () => [rand(40, 55)], { threads: 2, parallel: true })));
  });
});

describe("the pool and the process", () => {
  test("trip counts and chunk boundaries", () => {
    const count = (start: number, end: number, step: number, cmp: "lt" | "le" | "gt" | "ge") => {
      let n = 0;
      const go = { lt: (v: number) => v < end, le: (v: number) => v <= end, gt: (v: number) => v > end, ge: (v: number) => v >= end }[cmp];
      for (let v = start; go(v); v += step) n++;
      return n;
    };
    for (const [start, end] of [[0, 0], [0, 1], [0, 10], [3, 17], [-5, 5], [10, 0], [7, 7]] as const)
      for (const step of [1, 2, 3, 5]) {
        assert.equal(tripCount(start, end, step, "lt"), count(start, end, step, "lt"));
        assert.equal(tripCount(start, end, step, "le"), count(start, end, step, "le"));
        assert.equal(tripCount(end, start, -step, "gt"), count(end, start, -step, "gt"));
        assert.equal(tripCount(end, start, -step, "ge"), count(end, start, -step, "ge"));
      }
    for (const trips of [0, 1, 5, 97]) for (const [nchunks, chunk] of [[1, 0], [3, 0], [7, 0], [Math.ceil(trips / 4), 4]] as const) {
      const seen: number[] = [];
      for (let c = 0; c < nchunks; c++) { const [a, b] = chunkTrips(c, trips, nchunks, chunk); for (let t = a; t < b; t++) seen.push(t); }
      assert.deepEqual(seen, Array.from({ length: trips }, (_, t) => t));
    }
  });

  const root = fileURLToPath(new URL("../", import.meta.url)); // dist/
  test("the worker pool never keeps the process alive; NUMBAT_NUM_THREADS sets the thread count", () => {
    const script = `
      import { jit, prange } from "./src/index.js";
      import { poolInternals } from "./src/runtime/pool.js";
      const f = jit(function (x) { for (const i of prange(x.length)) x[i] = i * 2; });
      const x = new Float64Array(100);
      f(x);
      console.log(x[99], poolInternals.stats().workers);
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 20000, env: { ...process.env, NUMBAT_NUM_THREADS: "3" } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), "198 2");
  });
});
