// Index-set splitting (src/passes/skip.ts): `if (j === k) continue` at the top of a counted loop
// becomes two loops around k. Printed IR in and out for the pass alone, the loops it leaves alone,
// bounds versioning through the min/max bounds it creates, and plain-JS equality on every target
// for skipped values before, inside and after the range.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit } from "../src/index.js";
import { splitSkips } from "../src/passes/skip.js";
import { arrayType, type Type } from "../src/ir/types.js";
import { mulberry32, optimisedIR, passAlone, randFloats, sameOnTargets } from "./harness.js";

const f64 = arrayType("f64", 1, false);

const split = (fn: Function, types: Type[]) => passAlone(fn, types, splitSkips);

function forces(x: Float64Array, m: Float64Array, f: Float64Array) {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = x[j] - x[i];
      s += (m[j] * d) / (d * d * Math.sqrt(d * d + 0.01));
    }
    f[i] = s;
  }
}

function skipOne(a: Float64Array, out: Float64Array, k: number, lo: number, hi: number) {
  let s = 0;
  for (let j = lo; j < hi; j++) {
    if (k === j) continue;
    out[j] = a[j] * 2;
    s -= a[j] / 3;
  }
  return s;
}

test("split-skips: the skipped iteration splits the loop in two, with the second copy's own counter and temporaries", () => {
  const out = split(forces, [f64, f64, f64])!;
  assert.ok(out, "the pass applies");
  assert.match(out, /if true \{\n\s+for j\.(\d+) = 0 lt min\(i\.\d+, n\.\d+\) step 1 \{\n\s+d\.(\d+): f64 = sub/);
  assert.match(out, /for j\.\d+ = max\(add\(i\.\d+, 1\), 0\) lt n\.\d+ step 1 \{/);
  assert.doesNotMatch(out, /continue/);
  const counters = [...out.matchAll(/for j\.(\d+)/g)].map((m) => m[1]);
  assert.equal(new Set(counters).size, 2, "each copy has its own counter");
  const temps = [...out.matchAll(/\bd\.(\d+): f64/g)].map((m) => m[1]);
  assert.equal(new Set(temps).size, 2, "each copy has its own temporary");
});

test("split-skips leaves other loops alone", () => {
  function notFirst(a: Float64Array, k: number) {
    let s = 0;
    for (let j = 0; j < a.length; j++) {
      s += a[j];
      if (j === k) continue;
      s *= 2;
    }
    return s;
  }
  function changesK(a: Float64Array, k0: number) {
    let s = 0, k = k0;
    for (let j = 0; j < a.length; j++) {
      if (j === k) continue;
      k = j + 2;
      s += a[j];
    }
    return s;
  }
  function stepTwo(a: Float64Array, k: number) {
    let s = 0;
    for (let j = 0; j < a.length; j += 2) {
      if (j === k) continue;
      s += a[j];
    }
    return s;
  }
  function notEqual(a: Float64Array, k: number) {
    let s = 0;
    for (let j = 0; j < a.length; j++) {
      if (j < k) continue;
      s += a[j];
    }
    return s;
  }
  function breaksOut(a: Float64Array, k: number) {
    let s = 0;
    for (let j = 0; j < a.length; j++) {
      if (j === k) continue;
      if (a[j] < 0) break; // leaves the whole loop: two copies would run the second anyway
      s += a[j];
    }
    return s;
  }
  function counterAfter(a: Float64Array, k: number) {
    let s = 0;
    let j = 0;
    for (j = 0; j < a.length; j++) {
      if (j === k) continue;
      s += a[j];
    }
    return s + 1000 * j; // the counter after the loop: the copies would leave it elsewhere
  }
  for (const fn of [notFirst, changesK, stepTwo, notEqual, breaksOut, counterAfter]) assert.equal(split(fn, [f64, "int"]), undefined, fn.name);
  sameOnTargets("counterAfter", counterAfter, [() => [Float64Array.from([1, 2, 3, 4]), 1], () => [new Float64Array(0), 0]]);
  sameOnTargets("breaksOut", breaksOut, [() => [Float64Array.from([1, 2, -1, 4, 5, 6, 7]), 4], () => [Float64Array.from([1, -2, 3]), 0]]);
});

test("after the split both loops are versioned (min/max bounds) and vectorised with in-order reductions", () => {
  const ir = optimisedIR(forces, [f64, f64, f64]);
  assert.match(ir, /for j\.\d+ = 0 lt min\(i\.\d+, n\.\d+\) step 1 vector 8 ordered \{\n\s+x_r\.\d+: f64 = load! x/);
  assert.match(ir, /for j\.\d+ = max\(add\(i\.\d+, 1\), 0\) lt n\.\d+ step 1 vector 8 ordered/);
});

test("split loops equal plain JS on every target: skipped value before, inside, at the ends of and after the range", () => {
  const n = 23;
  const cases = [-5, -1, 0, 1, 2, 11, 21, 22, 23, 40].flatMap((k) => [[0, n], [3, 17], [5, 5]].map(([lo, hi]) => () => {
    const r = mulberry32(k + 50);
    return [randFloats(r, n, -3, 3), new Float64Array(n), k, lo, hi];
  }));
  sameOnTargets("skipOne", skipOne, cases);
  sameOnTargets("forces", forces, [0, 1, 2, 3, 9, 17, 40].map((size) => () => {
    const r = mulberry32(size);
    return [randFloats(r, size, -10, 10), randFloats(r, size, 0.5, 2), new Float64Array(size)];
  }));
  // An out-of-bounds access in a split loop is still reported (by the checked copy), naming the array and index.
  function shortM(x: Float64Array, m: Float64Array) {
    let s = 0;
    for (let j = 0; j < x.length; j++) {
      if (j === 2) continue;
      s += m[j] * x[j];
    }
    return s;
  }
  for (const target of ["js", "wasm"] as const)
    assert.throws(() => jit(shortM, { target })(new Float64Array(8).fill(1), new Float64Array(5).fill(1)), (e: Error) => e instanceof RangeError && /\bm\b/.test(e.message) && /\b5\b/.test(e.message), target);
});
