// Tier-up to native (issue 6): `jit(fn, { tierUp })` answers from wasm at once, builds the native
// library in a child process once the function is hot, and switches when it is loaded. Checked: the
// switch happens (awaiting it, and in a synchronous loop that never yields to the event loop), the
// event loop keeps running during the build, every answer before, during and after equals plain JS
// bitwise (prange reductions included, which equal wasm's), the hot-call trigger, and that a missing
// compiler, a failing compiler or a kernel calling C-library Math functions leaves it on wasm.
// Each test uses a fresh cache folder, so builds really run. Skipped where no C compiler exists.

import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, beforeEach, describe, test } from "node:test";
import { jit, prange, shutdown, zeros, type NdArray } from "../src/index.js";
import { dispatcherOf } from "../src/driver/dispatcher.js";
import type { TierUp } from "../src/backends/native/tierup.js";
import { findCompiler, NO_COMPILER } from "../src/backends/native/compiler.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { mulberry32 } from "./harness.js";

const compiler = findCompiler();
const skip = compiler ? false : `no C compiler (${NO_COMPILER})`;
if (skip) console.log(`# tier-up tests skipped: ${skip}`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => any;
type Jitted = AnyFn & { inspect(w: string): string; readonly tier: string | undefined };
const J = (f: AnyFn, o: object): Jitted => (jit as unknown as (f: AnyFn, o: object) => Jitted)(f, o);
const tierOf = (f: Jitted): TierUp => dispatcherOf(f)!.tierOf()!;

function mat(m: number, n: number, seed: number): NdArray {
  const r = mulberry32(seed);
  const A = zeros([m, n]);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A.set(i, j, 2 * r() - 1);
  return A;
}

const bits = (x: NdArray | Float64Array): string => Buffer.from((ArrayBuffer.isView(x) ? x : x.data).slice().buffer).toString("hex");

function sum(x: Float64Array) {
  let s = 0;
  for (const i of prange(x.length)) s += x[i]! * 0.5;
  return s;
}

function waves(x: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.sin(x[i]!);
  return s;
}

let saved: NodeJS.ProcessEnv;
let dir: string;
beforeEach(() => {
  saved = { ...process.env };
  dir = mkdtempSync(join(tmpdir(), "numbat-tierup-test-"));
  process.env.NUMBAT_CACHE_DIR = dir; // read by the build process: a fresh cache, so builds really run
});
afterEach(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});
after(async () => { await shutdown(); });

describe("tier-up from wasm to native", { skip }, () => {
  test("answers from wasm while native builds, with the event loop free; switches once loaded; same bits throughout", async () => {
    const f = J(matrixMultiplyLoops, { tierUp: { calls: 3 } });
    const A = mat(40, 30, 1), B = mat(30, 20, 2);
    const expected = bits(matrixMultiplyLoops(A, B));
    for (let k = 0; k < 3; k++) assert.equal(bits(f(A, B)), expected);
    const tier = tierOf(f);
    assert.equal(tier.tier, "building", "the build starts after `calls` calls");
    assert.equal(f.tier, "building");
    const plain = J(sum, {});
    plain(new Float64Array(2));
    assert.ok(plain.tier === "baseline" || plain.tier === "wasm", `no native tier without tierUp (got ${plain.tier})`);
    assert.match(f.inspect("c"), /nb_main/);
    let ticks = 0, answeredWhileBuilding = 0;
    const timer = setInterval(() => {
      ticks++;
      if (tier.tier === "building") { assert.equal(bits(f(A, B)), expected); answeredWhileBuilding++; }
    }, 5);
    try {
      assert.equal(await tier.settled(), "native", tier.reason);
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 0 && answeredWhileBuilding > 0, `the event loop ran during the build (${ticks} ticks, ${answeredWhileBuilding} answers)`);
    for (let k = 0; k < 3; k++) assert.equal(bits(f(A, B)), expected);
    assert.equal(tier.tier, "native");
    assert.equal(f.tier, "native", "the public status follows");
    assert.match(f.inspect("wat"), /func/, "the wasm text stays available");
  });

  test("a synchronous loop of calls switches too (no await: the caller checks for the finished build)", () => {
    const f = J(sum, { tierUp: { calls: 1 }, threads: 2 });
    const x = Float64Array.from({ length: 5001 }, (_, i) => Math.cos(i));
    const first = f(x); // wasm, 2 threads; starts the build
    const tier = tierOf(f);
    const t0 = Date.now();
    let calls = 0;
    while (tier.tier === "building" && Date.now() - t0 < 120_000) {
      assert.ok(Object.is(f(x), first));
      calls++;
    }
    assert.equal(tier.tier, "native", tier.reason);
    assert.ok(calls > 0);
    assert.ok(Object.is(f(x), first), "a native prange reduction gives wasm's bits");
    assert.match(f.inspect("c"), /num_threads\(2\)/);
  });

  test("one slow call starts the build (tierUp.ms); calls: 0 builds at once; eager signatures", async () => {
    const f = J(matrixMultiplyLoops, { tierUp: { calls: 1_000_000, ms: 0 } });
    const A = mat(8, 8, 3);
    f(A, A);
    assert.equal(tierOf(f).tier, "building");
    const g = J(matrixMultiplyLoops, { tierUp: { calls: 0 }, signatures: [["ndarray<float64,2>", "ndarray<float64,2>"]] });
    assert.equal(tierOf(g).tier, "building");
    assert.equal(await tierOf(g).settled(), "native");
    assert.equal(bits(g(A, A)), bits(matrixMultiplyLoops(A, A)));
    assert.equal(await tierOf(f).settled(), "native");
  });
});

describe("tier-up stays on wasm when native is not to be had", { skip }, () => {
  test("no C compiler: the build fails, the function keeps answering from wasm", async () => {
    process.env.NUMBAT_CC = join(dir, "no-such-cc");
    const f = J(matrixMultiplyLoops, { tierUp: { calls: 1 } });
    const A = mat(6, 6, 4), expected = bits(matrixMultiplyLoops(A, A));
    assert.equal(bits(f(A, A)), expected);
    const tier = tierOf(f);
    assert.equal(await tier.settled(), "failed");
    assert.match(tier.reason ?? "", /no C compiler/);
    assert.equal(bits(f(A, A)), expected);
  });

  test("a compiler that rejects the code: failed, still wasm, same answers", async () => {
    const fake = join(dir, "fake-cc");
    writeFileSync(fake, `#!/bin/sh\nif [ "$1" = --version ]; then echo "fakecc 1.0"; exit 0; fi\necho "fakecc: internal compiler error" >&2\nexit 1\n`);
    chmodSync(fake, 0o755);
    process.env.NUMBAT_CC = fake;
    const f = J(sum, { tierUp: { calls: 1 }, threads: 2 });
    const x = Float64Array.from({ length: 999 }, (_, i) => i / 7);
    const first = f(x);
    const tier = tierOf(f);
    assert.equal(await tier.settled(), "failed");
    assert.match(tier.reason ?? "", /rejected the generated code[\s\S]*internal compiler error/);
    assert.ok(Object.is(f(x), first));
  });

  test("a kernel calling C-library Math functions stays on wasm (its last bits could change)", async () => {
    const f = J(waves, { tierUp: { calls: 0 }, signatures: [["Float64Array"]] });
    const tier = tierOf(f);
    assert.equal(await tier.settled(), "kept");
    assert.match(tier.reason ?? "", /Math\.sin/);
    const x = Float64Array.from({ length: 100 }, (_, i) => i * 0.37);
    assert.ok(Object.is(f(x), waves(x)));
  });

  test("bad options are TypeErrors", () => {
    assert.throws(() => J(sum, { target: "native", tierUp: true }), (e: unknown) => e instanceof TypeError && /tierUp needs target "auto"/.test((e as Error).message));
    assert.throws(() => J(sum, { tierUp: { calls: -1 } }), TypeError);
    assert.throws(() => J(sum, { tierUp: "gpu" }), TypeError);
    assert.equal(dispatcherOf(J(sum, {}))!.tierOf(), undefined);
  });
});
