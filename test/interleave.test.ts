// Interleaving of escape-time loops (src/passes/interleave.ts): printed IR in and out for the pass
// alone, the loops it must leave alone, and plain-JS equality on every target for widths that leave
// every remainder, lanes that finish far apart, and zero-trip while loops.

import { test } from "node:test";
import assert from "node:assert/strict";
import { LANES, interleaveEscapeLoops } from "../src/passes/interleave.js";
import { mandelbrot } from "../bench/kernels/misc.js";
import { mandelbrot as mandelbrotInside } from "./corpus/control.js";
import { arrayType, type Type } from "../src/ir/types.js";
import { mulberry32, passAlone, randFloats, sameOnTargets } from "./harness.js";

const f64 = arrayType("f64", 1, false);
const i32 = arrayType("i32", 1, false);

const interleaved = (fn: Function, types: Type[]) => passAlone(fn, types, interleaveEscapeLoops);

/** Newton's iteration for sqrt(a[i]) until it stops changing: data-dependent trip counts, f64 results (not interleaved: it loads before the while). */
function newtonSqrt(a: Float64Array, out: Float64Array, steps: Int32Array) {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    let x = v > 1 ? v : 1;
    let prev = 0;
    let n = 0;
    while (x !== prev && n < 100) {
      prev = x;
      x = 0.5 * (x + v / x);
      n++;
    }
    out[i] = x;
    steps[i] = n;
  }
}

test("interleave-escapes: lanes of the counted loop share one while loop, each behind its own flag", () => {
  const out = interleaved(mandelbrot, [i32, "int", "int", "int"])!;
  assert.ok(out);
  assert.match(out, new RegExp(`for px\\.\\d+ = 0 lt sub\\(w, mod\\(w, ${LANES}\\)\\) step ${LANES} \\{`));
  assert.match(out, /loop while or\(/);
  assert.equal((out.match(/if active\d\.\d+ \{/g) ?? []).length, LANES, "one guarded step per lane");
  assert.match(out, /x0\.\d+: f64 = add\(-2\.25, div\(i2f\(mul\(3, add\(px\.\d+, 1\)\)\)/, "lane 1 runs iteration px + 1");
  assert.match(out, /for px\.\d+ = sub\(w, mod\(w, \d\)\) lt w step 1 \{\n(.*\n){4}\s+loop while and/, "the remainder keeps the original loop");
});

test("interleave-escapes leaves alone loops whose lanes would interfere or fail", () => {
  function carried(out: Float64Array, n: number) {
    let x = 0; // carried from one iteration to the next
    for (let i = 0; i < n; i++) {
      while (x < i) x += 0.75;
      out[i] = x;
    }
  }
  function loadsInWhile(a: Float64Array, out: Float64Array) {
    for (let i = 0; i < a.length; i++) {
      let k = 0;
      while (k < a.length && a[k] < a[i]) k++;
      out[i] = k;
    }
  }
  function throwsInWhile(out: Int32Array, d: number) {
    for (let i = 0; i < out.length; i++) {
      let n = i, steps = 0;
      while (n > 0) { if (n === d) throw new Error("hit d"); n = n >> 1; steps++; }
      out[i] = steps;
    }
  }
  function readsWhatItStores(out: Float64Array) {
    for (let i = 1; i < out.length; i++) {
      let x = out[i - 1];
      while (x > 1) x = x / 2;
      out[i] = x + 1;
    }
  }
  assert.equal(interleaved(carried, [f64, "int"]), undefined);
  // The corpus's Mandelbrot also counts the points inside: `inside++` after the while is carried.
  assert.equal(interleaved(mandelbrotInside, [i32, "int", "int", "int"]), undefined);
  assert.equal(interleaved(loadsInWhile, [f64, f64]), undefined);
  // A load before the while could fail for lane 1 before lane 0 has stored its result.
  function loadsBefore(a: Float64Array, out: Float64Array) {
    for (let i = 0; i < out.length; i++) {
      let x = a[i + 2], n = 0;
      while (x > 1) { x = x / 2; n++; }
      out[i] = n;
    }
  }
  assert.equal(interleaved(loadsBefore, [f64, f64]), undefined);
  function counterAfter(out: Int32Array, n: number) {
    let i = 0;
    for (i = 0; i < n; i++) {
      let x = i, steps = 0;
      while (x > 1) { x = x / 2; steps++; }
      out[i] = steps;
    }
    return i; // the copies would leave the counter elsewhere
  }
  assert.equal(interleaved(counterAfter, [i32, "int"]), undefined);
  sameOnTargets("counterAfter", counterAfter, [0, 1, 5, 9].map((n) => () => [new Int32Array(n), n]));
  assert.equal(interleaved(throwsInWhile, [i32, "int"]), undefined);
  assert.equal(interleaved(readsWhatItStores, [f64]), undefined);
});

test("interleaved escape loops equal plain JS on every target: every remainder, lanes finishing far apart", () => {
  const cases = [0, 1, 2, 3, 4, 5, 7, 9, 13].flatMap((w) => [1, 3].map((h) => () => [new Int32Array(w * h), w, h, [0, 1, 17, 200][(w + h) % 4]!]));
  sameOnTargets("mandelbrot", mandelbrot, cases);
  sameOnTargets("newtonSqrt", newtonSqrt, [0, 1, 3, 4, 6, 11, 40].map((n) => () => {
    const r = mulberry32(n);
    const a = randFloats(r, n, 0, 1e6);
    if (n > 2) { a[1] = 0; a[2] = 1e300; } // one step, and many
    return [a, new Float64Array(n), new Int32Array(n)];
  }));
});
