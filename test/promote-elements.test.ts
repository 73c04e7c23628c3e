// The promote-elements pass (src/passes/promote-elements.ts): an f64 element a loop keeps updating,
// outputs passed in as arguments, lives in a register — behind a run-time disjointness test, so the
// same array passed twice or overlapping views of one buffer still get plain JS's results.

import { test } from "node:test";
import assert from "node:assert/strict";
import { arrayType } from "../src/ir/types.js";
import { mulberry32, optimisedIR, randFloats, sameOnTargets } from "./harness.js";

const f64 = arrayType("f64", 1, false);

/** PolyBench covariance's last nest: cov[i][j] accumulates over k. */
function covNest(cov: Float64Array, data: Float64Array, m: number, n: number) {
  for (let i = 0; i < m; i++)
    for (let j = i; j < m; j++) {
      cov[i * m + j] = 0;
      for (let k = 0; k < n; k++) cov[i * m + j] += data[k * m + i]! * data[k * m + j]!;
      cov[j * m + i] = cov[i * m + j]!;
    }
}

/** Two elements in one loop (PolyBench gesummv): tmp[i] and y[i] may be one array. */
function twoSums(A: Float64Array, x: Float64Array, tmp: Float64Array, y: Float64Array, n: number) {
  for (let i = 0; i < n; i++) {
    tmp[i] = 0;
    y[i] = 0;
    for (let j = 0; j < n; j++) {
      tmp[i] = A[i * n + j]! * x[j]! + tmp[i]!;
      y[i] = x[j]! * x[j]! + y[i]!;
    }
  }
}

/** A conditional update of the element: still one subscript, so still promoted. */
function clampedSum(a: Float64Array, out: Float64Array, m: number, n: number) {
  for (let j = 0; j < n; j++)
    for (let i = 0; i < m; i++) if (a[i * n + j]! > 0) out[j] = out[j]! + a[i * n + j]!;
}

test("the element is loaded before the loop, kept in a variable, stored after it, behind a disjointness test", () => {
  const ir = optimisedIR(covNest, [f64, f64, "int", "int"]);
  assert.match(ir, /cov_e\.\d+: f64 = load! cov\[/);
  assert.match(ir, /cov_e\.\d+ = add\(cov_e\.\d+, mul\(/);
  assert.match(ir, /store! cov\[[^\]]+\] = cov_e\.\d+/);
  assert.match(ir, /disjoint\(cov\[/);
});

/** Forward substitution (PolyBench trisolv): x[i] is updated from x[j], j < i, never itself. */
function forward(L: Float64Array, x: Float64Array, n: number) {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) x[i] -= L[i * n + j]! * x[j]!;
    x[i] = x[i]! / L[i * n + i]!;
  }
}

/** Livermore 6: w[i] from w[i - k - 1], k >= 0, never itself. */
function recurrence(w: Float64Array, b: Float64Array, n: number) {
  for (let i = 1; i < n; i++) {
    w[i] = 0.01;
    for (let k = 0; k < i; k++) w[i] += b[k * n + i]! * w[i - k - 1]!;
  }
}

/** Reads every element, its own included: must stay in memory. */
function allPairs(w: Float64Array, n: number) {
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) w[i] += w[k]! * 0.5;
}

test("the same array read at a subscript that never meets the element: promoted (j < i, i - k - 1 < i), not when it can (k = i)", () => {
  assert.match(optimisedIR(forward, [f64, f64, "int"]), /x_e\.\d+ = sub\(x_e\.\d+, mul\(load! L\[[^\]]+\], load! x\[j/);
  assert.match(optimisedIR(recurrence, [f64, f64, "int"]), /w_e\.\d+ = add\(w_e\.\d+, mul\(load! b\[[^\]]+\], load! w\[sub/);
  assert.doesNotMatch(optimisedIR(allPairs, [f64, "int"]), /w_e\./);
});

test("promoted loops match plain JS bitwise, distinct arrays and aliased ones, on every target", () => {
  const r = (seed: number, n: number) => randFloats(mulberry32(seed), n, -1, 1);
  const buf = r(7, 64);
  sameOnTargets("covNest", covNest, [
    () => [new Float64Array(25), r(1, 30), 5, 6],
    () => { const b = r(2, 40); return [b, b, 5, 6]; }, // the same array twice
    () => [buf.subarray(0, 25), buf.subarray(10, 40), 5, 6], // overlapping views
    () => [new Float64Array(25), r(3, 30), 5, 0], // the k loop never runs
  ]);
  sameOnTargets("twoSums", twoSums, [
    () => [r(4, 36), r(5, 6), new Float64Array(6), new Float64Array(6), 6],
    () => { const t = new Float64Array(6); return [r(4, 36), r(5, 6), t, t, 6]; }, // tmp and y one array
    () => { const x = r(6, 6); return [r(4, 36), x, x, new Float64Array(6), 6]; }, // tmp is x
  ]);
  sameOnTargets("forward", forward, [
    () => { const L = r(10, 36); for (let i = 0; i < 6; i++) L[i * 7] += 6; return [L, r(11, 6), 6]; },
    () => { const b = r(12, 48); for (let i = 0; i < 6; i++) b[i * 7] += 6; return [b, b.subarray(40, 46), 6]; }, // x inside L
  ]);
  sameOnTargets("recurrence", recurrence, [
    () => [new Float64Array(7), r(13, 49), 7],
    () => { const b = r(14, 60); return [b.subarray(2, 9), b, 7]; }, // w inside b
  ]);
  sameOnTargets("allPairs", allPairs, [() => [r(15, 6), 6]]);
  sameOnTargets("clampedSum", clampedSum, [
    () => [r(8, 42), new Float64Array(6), 7, 6],
    () => { const b = r(9, 48); return [b, b.subarray(3, 9), 7, 6]; },
  ]);
});
