// The baseline tier (src/driver/baseline.ts, docs/tiers.md): a small first call on target "auto" runs
// the js backend on the unoptimised IR, later calls the optimised wasm; the answers are plain JS's bits
// on both tiers, errors are the same, and `tier: "eager"`, an explicit target or a large first call
// skip it. The optimised code is built at the second call or when the process is idle.

import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { jit, zeros } from "../src/index.js";
import { smallCall, BASELINE_LIMIT } from "../src/driver/baseline.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { assertSameValue } from "./harness.js";

function filled(m: number, n: number, seed: number) {
  const A = zeros([m, n]);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A.set(i, j, Math.sin(seed + i * n + j));
  return A;
}

function lcgFill(a: Float64Array, seed: number) {
  let s = seed;
  for (let i = 0; i < a.length; i++) { s = (s * 1103515245 + 12345) % 2147483648; a[i] = s / 2147483648 - 0.5; }
  return s;
}

test("baseline tier: the first small call runs it, the second the optimised wasm, same bits", () => {
  const A = filled(17, 13, 1), B = filled(13, 9, 2);
  const want = matrixMultiplyLoops(A, B);
  const f = jit(matrixMultiplyLoops);
  assert.equal(f.tier, undefined);
  assertSameValue(f(A, B), want, "first call");
  assert.equal(f.tier, "baseline");
  assert.deepEqual(f.signatures, ["ndarray<float64,2>, ndarray<float64,2>"]);
  assertSameValue(f(A, B), want, "second call");
  assert.equal(f.tier, "wasm");
  assert.match(f.inspect("wat"), /f64x2/);
});

test("baseline tier: integer code and written arrays agree with plain JS on both tiers", () => {
  const f = jit(lcgFill);
  for (const call of ["baseline", "wasm"]) {
    const a = new Float64Array(100), b = new Float64Array(100);
    const want = lcgFill(a, 7), got = f(b, 7);
    assert.equal(got, want, call);
    assertSameValue(b, a, call);
    assert.equal(f.tier, call);
  }
});

test("baseline tier: inspect() after a baseline call shows the optimised code, which later calls run", () => {
  const f = jit(lcgFill);
  f(new Float64Array(10), 1);
  assert.equal(f.tier, "baseline");
  assert.match(f.inspect("ir"), /func lcgFill/);
  assert.equal(f.tier, "wasm");
});

test("baseline tier: run-time errors are the same as on wasm", () => {
  const get = (a: Float64Array, i: number) => a[i]! * 2;
  const base = jit(get), eager = jit(get, { tier: "eager" });
  const message = (g: typeof get) => { try { g(new Float64Array(4), 9); return "no error"; } catch (e) { return `${(e as Error).name}: ${(e as Error).message}`; } };
  assert.equal(message(base), message(eager));
  assert.match(message(eager), /^RangeError: index 9 is out of bounds/);
});

test("baseline tier: skipped with tier: 'eager', an explicit target, fastmath, or a large first call", () => {
  const sum = (a: Float64Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]!; return s; };
  const small = new Float64Array(8).fill(1);
  for (const opts of [{ tier: "eager" as const }, { target: "wasm" as const }, { fastmath: true }]) {
    const f = jit(sum, opts);
    f(small);
    assert.equal(f.tier, "wasm", JSON.stringify(opts));
  }
  const big = jit(sum);
  assert.equal(big(new Float64Array(BASELINE_LIMIT + 1).fill(1)), BASELINE_LIMIT + 1);
  assert.equal(big.tier, "wasm");
  assert.throws(() => jit(sum, { tier: "lazy" as never }), /tier option must be "auto" or "eager"/);
});

test("baseline tier: a function that allocates a typed array compiles at once (its result lives in numbat's heap)", () => {
  const twice = jit((x: Float64Array) => { const y = new Float64Array(x.length); for (let i = 0; i < x.length; i++) y[i] = 2 * x[i]!; return y; });
  const y = twice(new Float64Array([1, 2]));
  assert.equal(twice.tier, "wasm");
  assert.ok(y.buffer instanceof SharedArrayBuffer);
});

test("baseline tier: the optimised code is built when the process is idle", async () => {
  const f = jit(lcgFill);
  f(new Float64Array(10), 3);
  assert.equal(f.tier, "baseline");
  for (let k = 0; k < 50 && f.tier === "baseline"; k++) await sleep(10);
  assert.equal(f.tier, "wasm");
});

test("baseline tier: what counts as a small call", () => {
  assert.ok(smallCall([zeros([64, 64]), zeros([64, 64]), 3, true]));
  assert.ok(!smallCall([zeros([128, 128]), zeros([128, 128])]));
  assert.ok(!smallCall([new Float64Array(10), 1e6]));
  assert.ok(!smallCall([{ shape: "lies" }]));
});
