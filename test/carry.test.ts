// Carrying a stored value to the next iteration in a register (src/passes/carry.ts): the IR it
// produces, bitwise equality with plain JS over many sizes on every target, and the loops it leaves alone.

import { test } from "node:test";
import assert from "node:assert/strict";
import { zeros, type NdArray } from "../src/index.js";
import { TARGETS, assertSameValue, cloneArgs, jitFn, mulberry32, randFloats, type AnyFn, optimisedIR, sameOnTargets } from "./harness.js";
import { arrayType, type Type } from "../src/ir/types.js";

const f64 = arrayType("f64", 1, false);
const nd2 = arrayType("f64", 2, true);



function prefixSum(a: Float64Array, out: Float64Array) {
  const n = a.length;
  if (n === 0) return;
  out[0] = a[0];
  for (let i = 1; i < n; i++) out[i] = out[i - 1] + a[i];
}

/** Backwards, with the carried value used twice. */
function suffixMix(a: Float64Array, out: Float64Array, n: number) {
  for (let i = n - 2; i >= 0; i--) out[i] = out[i + 1] * 0.5 + a[i] * out[i + 1];
}

/** Along the rows of an n-d array, in place. */
function rowScan(A: NdArray) {
  const [m, n] = A.shape;
  for (let i = 0; i < m; i++) for (let j = 1; j < n; j++) A.set(i, j, A.get(i, j - 1) * 0.75 + A.get(i, j));
}

const SIZES = [0, 1, 2, 3, 8, 17, 100];

test("a value stored in one iteration and read in the next is carried in a register", () => {
  const ps = optimisedIR(prefixSum, [f64, f64]);
  assert.match(ps, /out_prev_r\.\d+: f64 = cond\(lt\(1, n\.\d+\), load! out\[sub\(1, 1\)\], 0\.0\)\n\s+for i\.\d+ = 1 lt n\.\d+ step 1 \{\n\s+out_prev_r\.\d+ = add\(out_prev_r\.\d+, load! a\[i\.\d+\]\)\n\s+store! out\[i\.\d+\] = out_prev_r\.\d+/);
  assert.match(optimisedIR(suffixMix, [f64, f64, "int"]), /step -1 \{\n\s+out_prev_r\.\d+ = add\(mul\(out_prev_r\.\d+, 0\.5\), mul\(load! a\[i\.\d+\], out_prev_r\.\d+\)\)/);
  assert.match(optimisedIR(rowScan, [nd2]), /A_prev_r/);
});

test("loops that read the element after storing, or store twice, are left alone", () => {
  function readAfter(a: Float64Array, out: Float64Array) {
    for (let i = 1; i < a.length; i++) {
      out[i] = out[i - 1] + a[i];
      a[i] = out[i - 1];
    }
  }
  assert.doesNotMatch(optimisedIR(readAfter, [f64, f64]), /_prev/);
  function twoBack(a: Float64Array, out: Float64Array) {
    for (let i = 2; i < a.length; i++) out[i] = out[i - 2] + a[i];
  }
  assert.doesNotMatch(optimisedIR(twoBack, [f64, f64]), /_prev/);
});

test("carried loops equal plain JS bitwise on every target", () => {
  sameOnTargets("prefix sum", prefixSum, [17, ...SIZES].map((n) => () => { const r = mulberry32(n); return [randFloats(r, n, -1e3, 1e3), new Float64Array(n)]; }));
  sameOnTargets("suffix mix", suffixMix, [17, ...SIZES].map((n) => () => { const r = mulberry32(n + 50); return [randFloats(r, n), randFloats(r, n), n]; }));
  sameOnTargets("row scan", rowScan, [[5, 9], [0, 0], [1, 1], [3, 1], [2, 17]].map(([m, n]) => () => {
    const A = zeros([m!, n!]);
    const r = mulberry32(m! * 7 + n!);
    for (let i = 0; i < A.data.length; i++) A.data[i] = r() * 2 - 1;
    return [A];
  }));
  // An aliased output: `out` and `a` are the same array, so reads of a[i] see earlier stores.
  const f = jitFn(prefixSum, {});
  const x = randFloats(mulberry32(3), 40), y = x.slice();
  prefixSum(x, x);
  f(y, y);
  assertSameValue(y, x, "aliased prefix sum");
});
