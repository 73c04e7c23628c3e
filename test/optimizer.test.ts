// The loop optimiser end to end: what it does to the seed (IR checked), that every transformed
// kernel still equals plain JS bit for bit over many shapes, and that it refuses illegal rewrites.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit, zeros, array, type NdArray } from "../src/index.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { mulberry32, optimisedIR } from "./harness.js";
import { arrayType, type Type } from "../src/ir/types.js";

function randomMatrix(rows: number, cols: number, rand: () => number): NdArray {
  const A = zeros([rows, cols]);
  for (let i = 0; i < A.data.length; i++) A.data[i] = rand() * 2 - 1;
  return A;
}

function sameBits(a: NdArray, b: NdArray): boolean {
  return a.shape.every((n, d) => n === b.shape[d]) && a.data.length === b.data.length && a.data.every((x, i) => Object.is(x, b.data[i]));
}


const nd2 = arrayType("f64", 2, true);

test("the seed is versioned, register-tiled (leftover rows interchanged to i-k-j, unroll-and-jammed) and vectorised", () => {
  const text = optimisedIR(matrixMultiplyLoops, [nd2, nd2]);
  // Rows in tiles of 8 (test/regtile.test.ts has the whole tile), the column loop vectorised around the k loop.
  assert.match(text, /for i\.\d+ = i_blk_r\.\d+ lt .* step 8 \{\n\s+for j\.\d+ = j_blk_r\.\d+ lt .* step 1 vector \d+ \{/);
  assert.match(text, /for i\.\d+ = sub\(m\.\d+, mod\(m\.\d+, 8\)\) lt m\.\d+ step 1 \{\n\s+if true \{\n\s+for k\.\d+ = 0 lt .* step 4 \{\n\s+for j\.\d+ = 0 lt p\.\d+ step 1 vector 2/);
  assert.match(text, /eq\(stride\(B, 1\), 1\)/, "the guard checks that B is contiguous in its last axis");
  assert.match(text, /\} else \{\n\s+for i\.\d+ = 0 lt m\.\d+ step 1 \{\n\s+for j/, "the original nest is kept as the fallback");
});

test("optimised seed equals plain JS bitwise over many shapes (remainders of the vector and jam loops)", () => {
  const rand = mulberry32(7);
  const f = jit(matrixMultiplyLoops);
  for (let trial = 0; trial < 60; trial++) {
    const [m, n, p] = [0, 0, 0].map(() => Math.floor(rand() * 11));
    const A = randomMatrix(m!, n!, rand), B = randomMatrix(n!, p!, rand);
    assert.ok(sameBits(f(A, B), matrixMultiplyLoops(A, B)), `m=${m} n=${n} p=${p}`);
  }
});

test("views that fail the guard (transposed, strided, offset) take the original nest and stay exact", () => {
  const rand = mulberry32(11);
  const f = jit(matrixMultiplyLoops);
  const A = randomMatrix(9, 7, rand), B = randomMatrix(9, 6, rand);
  assert.ok(sameBits(f(A.T, B), matrixMultiplyLoops(A.T, B)));
  const big = randomMatrix(12, 14, rand);
  const view = big.hi(10, 13).lo(1, 2).step(1, 2);
  const Bv = randomMatrix(view.shape[1]!, 5, rand);
  assert.ok(sameBits(f(view, Bv), matrixMultiplyLoops(view, Bv)));
});

test("out-of-bounds inside an optimisable nest still raises the exact error", () => {
  const bad = jit(function shifted(A: NdArray, out: NdArray) {
    const C = zeros([3, 3]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) C.set(i, j, A.get(i, j) + 1);
    return C;
  });
  assert.throws(() => bad(zeros([3, 4]), zeros([1, 1])), (e: Error) => e instanceof RangeError && /index 3 is out of bounds on axis 1 of 'C' \(size 3\)/.test(e.message));
});

test("an accumulation whose element order would change is not interchanged", () => {
  // out[i + j] receives updates from several (i, j): interchanging would reorder them.
  function diag(A: NdArray) {
    const [m, n] = A.shape;
    const out = zeros([m! + n!]);
    for (let i = 0; i < m!; i++) for (let j = 0; j < n!; j++) out.set(i + j, out.get(i + j) + A.get(i, j) * 1.1);
    return out;
  }
  const text = optimisedIR(diag, [nd2]);
  assert.match(text, /for i\.\d+ = 0 lt m\.\d+ step 1 \{\n\s+for j\.\d+/, "i stays outside j");
  // Vectorising j is still legal: for a fixed i, each j updates its own element.
  const rand = mulberry32(3);
  const A = randomMatrix(7, 5, rand);
  assert.ok(sameBits(jit(diag)(A), diag(A)));
});

test("kernels writing their parameters keep their order (no aliasing assumptions)", () => {
  function rowsum(A: NdArray, out: NdArray) {
    for (let i = 0; i < A.shape[0]!; i++) for (let j = 0; j < A.shape[1]!; j++) out.set(j, out.get(j) + A.get(i, j));
  }
  const rand = mulberry32(5);
  const A = randomMatrix(6, 5, rand);
  const o1 = zeros([5]), o2 = zeros([5]);
  rowsum(A, o1);
  jit(rowsum)(A, o2);
  assert.ok(sameBits(o1, o2));
  // Aliased: out is a row of A itself.
  const B = randomMatrix(4, 4, rand), B2 = array(B.toArray() as number[][]);
  rowsum(B, B.pick(0, null) as NdArray);
  jit(rowsum)(B2, B2.pick(0, null) as NdArray);
  assert.ok(sameBits(B, B2));
});

test("opt: 0 compiles the IR as lowered", () => {
  const f = jit(matrixMultiplyLoops, { opt: 0 });
  const A = zeros([2, 2]);
  f(A, A);
  assert.doesNotMatch(f.inspect("ir"), /vector|load!/);
});

test("flat row-major matmul is interchanged under a run-time injectivity test, and stays exact", () => {
  function mmflat(a: Float64Array, b: Float64Array, n: number, p: number) {
    const c = new Float64Array(n * p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) c[i * p + j] += a[i * n + k]! * b[k * p + j]!;
    return c;
  }
  const f64 = arrayType("f64", 1, false);
  const text = optimisedIR(mmflat, [f64, f64, "int", "int"]);
  assert.match(text, /ge\(p, p\)/, "row length (p) covers the column range (0 .. p-1)");
  assert.match(text, /vector 2/);
  const rand = mulberry32(21);
  const f = jit(mmflat);
  for (let trial = 0; trial < 40; trial++) {
    const n = Math.floor(rand() * 9), p = Math.floor(rand() * 9);
    const a = Float64Array.from({ length: n * n }, () => rand() - 0.5), b = Float64Array.from({ length: n * p }, () => rand() - 0.5);
    const want = mmflat(a, b, n, p), got = f(a, b, n, p);
    assert.ok(want.every((x, i) => Object.is(x, got[i])), `n=${n} p=${p}`);
  }
  // A row length shorter than the column range makes rows overlap: the guard sends it to the original nest.
  const a = Float64Array.from({ length: 16 }, (_, i) => i), b = Float64Array.from({ length: 16 }, (_, i) => 1 / (i + 1));
  function overlapping(a: Float64Array, b: Float64Array) {
    const c = new Float64Array(40);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) for (let k = 0; k < 4; k++) c[i * 2 + j] += a[i * 4 + k]! * b[k * 4 + j]!;
    return c;
  }
  const want = overlapping(a, b), got = jit(overlapping)(a, b);
  assert.ok(want.every((x, i) => Object.is(x, got[i])));
});

test("loads are not shared across a store that may alias them", () => {
  function twice(x: Float64Array, y: Float64Array, z: Float64Array) {
    for (let i = 0; i < x.length; i++) {
      y[i] = x[i]! + 1;
      z[i] = x[i]! * 2;
    }
  }
  const a = Float64Array.from([1, 2, 3, 4, 5]), b = Float64Array.from(a), za = new Float64Array(5), zb = new Float64Array(5);
  twice(a, a, za);
  jit(twice)(b, b, zb);
  assert.deepEqual([...zb], [...za]);
  assert.deepEqual([...b], [...a]);
});

test("an array variable reassigned inside a nest keeps its bounds checks", () => {
  function f(a: Float64Array, b: Float64Array, n: number) {
    let s = 0;
    let x = a;
    for (let i = 0; i < n; i++) { s += x[i]!; if (i === 1) x = b; }
    return s;
  }
  const a = new Float64Array([1, 2, 3, 4, 5]), b = new Float64Array([10, 20]);
  for (const target of ["wasm", "js"] as const)
    assert.throws(() => jit(f, { target })(a, b, 4), (e: Error) => e instanceof RangeError && /index 2 is out of bounds of 'x' \(size 2\)/.test(e.message));
  assert.equal(jit(f)(a, b, 2), 3);
});

test("kernels that write their parameters vectorise under a run-time disjointness test", () => {
  function axpy(a: number, x: Float64Array, y: Float64Array) {
    for (let i = 0; i < y.length; i++) y[i] = y[i]! + a * x[i]!;
  }
  const f64 = arrayType("f64", 1, false);
  const text = optimisedIR(axpy, ["f64", f64, f64]);
  assert.match(text, /disjoint\(y\[/);
  assert.match(text, /vector 2/);
  const rand = mulberry32(9);
  const f = jit(axpy);
  for (const n of [0, 1, 2, 3, 7, 64]) {
    const x = Float64Array.from({ length: n }, () => rand()), y1 = Float64Array.from({ length: n }, () => rand()), y2 = Float64Array.from(y1);
    axpy(0.3, x, y1);
    f(0.3, x, y2);
    assert.ok(y1.every((v, i) => Object.is(v, y2[i])));
  }
  // Overlapping views of one buffer, both directions, and the same array twice: the guard falls back.
  for (const shift of [-1, 1, 0]) {
    const b1 = Float64Array.from({ length: 40 }, (_, i) => i * 0.7 + 1), b2 = Float64Array.from(b1);
    const view = (b: Float64Array, o: number) => b.subarray(8 + o, 8 + o + 16);
    axpy(1.5, view(b1, shift), view(b1, 0));
    f(1.5, view(b2, shift), view(b2, 0));
    assert.ok(b1.every((v, i) => Object.is(v, b2[i])), `shift ${shift}`);
  }
  const h1 = zeros(20), h2 = zeros(20);
  h1.data.forEach((_, i) => { h1.data[i] = i + 0.5; h2.data[i] = i + 0.5; });
  axpy(2, h1.data.subarray(1, 17) as Float64Array, h1.data.subarray(0, 16) as Float64Array);
  f(2, h2.data.subarray(1, 17) as Float64Array, h2.data.subarray(0, 16) as Float64Array);
  assert.ok(h1.data.every((v, i) => Object.is(v, h2.data[i])), "heap views overlapping");
});

test("a scalar accumulator is sunk into its element and the nest distributed (then interchanged and vectorised)", () => {
  function mmS(a: Float64Array, b: Float64Array, n: number) {
    const c = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * n + j]!;
      c[i * n + j] = s;
    }
    return c;
  }
  const f64 = arrayType("f64", 1, false);
  const text = optimisedIR(mmS, [f64, f64, "int"]);
  assert.match(text, /store! c\.\d+\[add\((?:mul\(i\.\d+, n\)|addr\.\d+), j\.\d+\)\] = c_r/);
  assert.match(text, /for k\.\d+ = 0 lt sub\(n, mod\(n, 4\)\) step 4 \{\n(?:\s+addr\.\d+: int = [^\n]*\n)*\s+for j\.\d+ = 0 lt n step 1 vector 2/);
  const rand = mulberry32(31);
  const f = jit(mmS);
  for (const n of [0, 1, 2, 3, 5, 8, 9]) {
    const a = Float64Array.from({ length: n * n }, () => rand() - 0.5), b = Float64Array.from({ length: n * n }, () => rand() - 0.5);
    const want = mmS(a, b, n), got = f(a, b, n);
    assert.ok(want.every((x, i) => Object.is(x, got[i])), `n=${n}`);
  }
});

test("accumulators are not sunk when an outer counter reuses the element, or into parameters that alias", () => {
  // y[i] is rewritten for every t: distributing would sum over all t instead of keeping the last.
  function repeated(A: NdArray, x: Float64Array, y: Float64Array, reps: number) {
    for (let t = 0; t < reps; t++) for (let i = 0; i < A.shape[0]!; i++) {
      let s = t;
      for (let j = 0; j < A.shape[1]!; j++) s += A.get(i, j) * x[j]!;
      y[i] = s;
    }
  }
  const rand = mulberry32(41);
  const A = randomMatrix(5, 4, rand), x = Float64Array.from({ length: 4 }, () => rand());
  const y1 = new Float64Array(5), y2 = new Float64Array(5);
  repeated(A, x, y1, 3);
  jit(repeated)(A, x, y2, 3);
  assert.ok(y1.every((v, i) => Object.is(v, y2[i])));
  // matvec whose output is the input vector itself.
  function matvec(A: NdArray, x: Float64Array, y: Float64Array) {
    for (let i = 0; i < A.shape[0]!; i++) { let s = 0; for (let j = 0; j < A.shape[1]!; j++) s += A.get(i, j) * x[j]!; y[i] = s; }
  }
  const B = randomMatrix(4, 4, rand);
  const v1 = Float64Array.from({ length: 4 }, () => rand()), v2 = Float64Array.from(v1);
  matvec(B, v1, v1);
  jit(matvec)(B, v2, v2);
  assert.ok(v1.every((v, i) => Object.is(v, v2[i])));
});

/** A named temporary in the body (`const t = a * b`): each jammed copy gets its own. */
function tempInJam(A: NdArray, B: NdArray): NdArray {
  const [m, n] = A.shape;
  const p = B.shape[1]!;
  const C = zeros([m!, p]);
  for (let i = 0; i < m!; i++)
    for (let k = 0; k < n!; k++)
      for (let j = 0; j < p; j++) {
        const t = A.get(i, k) * B.get(k, j);
        C.set(i, j, C.get(i, j) + t);
      }
  return C;
}

test("unroll-and-jam renames a body's temporaries per copy, so the jammed loop still vectorises", () => {
  const text = optimisedIR(tempInJam, [nd2, nd2]);
  // The leftover rows' i-k-j nest: k in steps of 4 (jammed), its j loop vectorised, four distinct temporaries.
  assert.match(text, /for k\.\d+ = 0 lt .* step 4 \{\n\s+for j\.\d+ = 0 lt .* step 1 vector \d+ \{/);
  for (let u = 0; u < 4; u++) assert.match(text, new RegExp(`t_${u}\\w*\\.\\d+: f64 = `));
  const rand = mulberry32(7);
  for (const [m, n, p] of [[0, 3, 2], [1, 1, 1], [5, 7, 3], [9, 6, 17], [13, 10, 33]] as const) {
    const A = randomMatrix(m, n, rand), B = randomMatrix(n, p, rand);
    assert.ok(sameBits(jit(tempInJam)(A, B), tempInJam(A, B)), `${m}x${n}x${p}`);
  }
});

/** A running position (`r[p] = ...; p = p + 1`): the element r[p] changes within one iteration. */
function flatten(A: NdArray): Float64Array {
  const [m, n] = A.shape;
  const r = new Float64Array(m! * n! + 1);
  let p = 0;
  for (let i = 0; i < m!; i++)
    for (let j = 0; j < n!; j++) {
      r[p] = A.get(i, j);
      p = p + 1;
    }
  r[p] = 5;
  return r;
}

test("scalar replacement leaves alone elements whose subscript the body reassigns", () => {
  const A = array([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual([...jit(flatten)(A)], [...flatten(A)]);
});
