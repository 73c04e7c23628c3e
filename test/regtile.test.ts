// Register tiling (src/passes/regtile.ts): the IR it produces for a matrix product, the nests it
// leaves alone, and bitwise differential checks of matrix-product variants on every target — sizes
// with and without remainders (rows, columns, cache blocks), non-square shapes, views, a C passed in
// (rows that may overlap), flat arrays, an accumulator, prange — with NaN, ±0 and ±Infinity inputs.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { jit, prange, shutdown, zeros, type NdArray } from "../src/index.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { matrixMultiplyRows } from "../examples/seed-prange.js";
import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction } from "../src/frontend/lower.js";
import { optimizeLoopNests } from "../src/passes/loops.js";
import { BLOCK, TILE_ROWS } from "../src/passes/regtile.js";
import { verifyFunc } from "../src/ir/verify.js";
import { printFunc } from "../src/ir/printer.js";
import { arrayType, type Type } from "../src/ir/types.js";
import { TARGETS, differential, mulberry32 } from "./harness.js";

after(() => shutdown());

/** scijs ndarray: views with any strides (here, rows that overlap). */
const ndarray = createRequire(import.meta.url)("ndarray") as (data: Float64Array, shape: number[], stride: number[]) => unknown;

const nd2 = arrayType("f64", 2, true);
const f64 = arrayType("f64", 1, false);

/** The IR before and after the loop-nest pass (both verified). */
function passIO(fn: Function, types: Type[]): { before: string; after: string } {
  const ir = lowerFunction(parseFunction(fn), types, { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } }, "f");
  verifyFunc(ir);
  const out = optimizeLoopNests(ir) ?? ir;
  verifyFunc(out);
  return { before: printFunc(ir), after: printFunc(out) };
}

function mmInto(A: NdArray, B: NdArray, C: NdArray) {
  const [m, n] = A.shape;
  const p = B.shape[1];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++)
      for (let k = 0; k < n; k++)
        C.set(i, j, C.get(i, j) + A.get(i, k) * B.get(k, j));
}

// The tile as the pass writes it for mmInto (the scalar version: the vector one only adds `vector` to
// the column loop). Eight rows in temporaries across a block of k; one load of B for the eight rows.
const TILE = `for i_blk_r.9 = 0 lt sub(m.3, mod(m.3, 8)) step 64 {
  for j_blk_r.10 = 0 lt p.5 step 512 {
    for k_blk_r.11 = 0 lt n.4 step 128 {
      for i.6 = i_blk_r.9 lt min(add(i_blk_r.9, 64), sub(m.3, mod(m.3, 8))) step 8 {
        for j.7 = j_blk_r.10 lt min(add(j_blk_r.10, 512), p.5) step 1 {
          C_r.12 = load! C[i.6, j.7]
          C_r.13 = load! C[add(i.6, 1), j.7]
          C_r.14 = load! C[add(i.6, 2), j.7]
          C_r.15 = load! C[add(i.6, 3), j.7]
          C_r.16 = load! C[add(i.6, 4), j.7]
          C_r.17 = load! C[add(i.6, 5), j.7]
          C_r.18 = load! C[add(i.6, 6), j.7]
          C_r.19 = load! C[add(i.6, 7), j.7]
          for k.8 = k_blk_r.11 lt min(add(k_blk_r.11, 128), n.4) step 1 {
            A_r.20 = load! A[i.6, k.8]
            B_r.21 = load! B[k.8, j.7]
            C_r.12 = add(C_r.12, mul(A_r.20, B_r.21))
            A_r.22 = load! A[add(i.6, 1), k.8]
            C_r.13 = add(C_r.13, mul(A_r.22, B_r.21))
            A_r.23 = load! A[add(i.6, 2), k.8]
            C_r.14 = add(C_r.14, mul(A_r.23, B_r.21))
            A_r.24 = load! A[add(i.6, 3), k.8]
            C_r.15 = add(C_r.15, mul(A_r.24, B_r.21))
            A_r.25 = load! A[add(i.6, 4), k.8]
            C_r.16 = add(C_r.16, mul(A_r.25, B_r.21))
            A_r.26 = load! A[add(i.6, 5), k.8]
            C_r.17 = add(C_r.17, mul(A_r.26, B_r.21))
            A_r.27 = load! A[add(i.6, 6), k.8]
            C_r.18 = add(C_r.18, mul(A_r.27, B_r.21))
            A_r.28 = load! A[add(i.6, 7), k.8]
            C_r.19 = add(C_r.19, mul(A_r.28, B_r.21))
          }
          store! C[i.6, j.7] = C_r.12
          store! C[add(i.6, 1), j.7] = C_r.13
          store! C[add(i.6, 2), j.7] = C_r.14
          store! C[add(i.6, 3), j.7] = C_r.15
          store! C[add(i.6, 4), j.7] = C_r.16
          store! C[add(i.6, 5), j.7] = C_r.17
          store! C[add(i.6, 6), j.7] = C_r.18
          store! C[add(i.6, 7), j.7] = C_r.19
        }
      }
    }
  }
}`;

/** `text` with every line's leading indentation removed (the nest's depth in the function varies). */
const dedent = (text: string): string => text.split("\n").map((l) => l.trimStart()).join("\n");

test("IR in, IR out: the i-j-k product becomes cache blocks around an 8-row register tile", () => {
  const { before, after } = passIO(mmInto, [nd2, nd2, nd2]);
  assert.match(before, /for i\.6 = 0 lt m\.3 step 1 \{\n\s+for j\.7 = 0 lt p\.5 step 1 \{\n\s+for k\.8 = 0 lt n\.4 step 1 \{\n\s+store C\[i\.6, j\.7\] = add\(load C\[i\.6, j\.7\], mul\(load A\[i\.6, k\.8\], load B\[k\.8, j\.7\]\)\)/);
  assert.equal(TILE_ROWS, 8);
  assert.deepEqual(BLOCK, { rows: 64, cols: 512, k: 128 });
  assert.ok(dedent(after).includes(dedent(TILE)), `the scalar tile:\n${after}`);
  // The vector version marks the column loop (outer-loop vectorisation); the stride test guards it.
  assert.match(after, /for j\.7 = j_blk_r\.10 lt min\(add\(j_blk_r\.10, 512\), p\.5\) step 1 vector \d+ \{\n\s+C_r\.12: f64 = load! C\[i\.6, j\.7\]/);
  assert.match(after, /eq\(stride\(C, 1\), 1\), eq\(stride\(B, 1\), 1\)/);
  // C is a parameter: its rows must not overlap, else the untiled (interchanged) nest runs.
  assert.match(after, /if gt\(abs\(stride\(C, 0\)\), mul\(abs\(stride\(C, 1\)\), add\(p\.5, -1\)\)\) \{\n\s+for i_blk_r/);
  // The leftover rows (m mod 8) take the ordinary path: interchanged to i-k-j and jammed.
  assert.match(after, /for i\.6 = sub\(m\.3, mod\(m\.3, 8\)\) lt m\.3 step 1 \{\n\s+if true \{\n\s+for k\.8 = 0 lt sub\(n\.4, mod\(n\.4, 4\)\) step 4 \{\n\s+for j\.7 = 0 lt p\.5 step 1 vector 2/);
});

test("the seed (C allocated inside) needs no overlap test; a prange row loop becomes the parallel row-block loop", () => {
  const seed = passIO(matrixMultiplyLoops, [nd2, nd2]).after;
  assert.doesNotMatch(seed, /abs\(stride/);
  assert.match(seed, /for i_blk_r\.\d+ = 0 lt sub\(m\.2, mod\(m\.2, 8\)\) step 64 \{/);
  const par = passIO(matrixMultiplyRows, [nd2, nd2]).after;
  assert.match(par, /for i_blk_r\.\d+ = 0 lt sub\(m\.2, mod\(m\.2, 8\)\) step 64 parallel \{/);
  // Leftover rows keep the prange flag too (vector and scalar copies, and the original nest): 5 in all.
  assert.equal(par.match(/parallel/g)?.length, 5);
  assert.doesNotMatch(par, /for (j|k)[._]\S* = .* parallel/, "only row loops are parallel");
});

test("nests that are not product-shaped accumulations are left to the other passes", () => {
  // Nothing loaded without the row counter: no reuse across rows.
  function rowwise(A: NdArray, C: NdArray) {
    const [m, n] = A.shape;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) C.set(i, j, C.get(i, j) + A.get(i, k) * A.get(i, j));
  }
  assert.doesNotMatch(passIO(rowwise, [nd2, nd2]).after, /_blk_r/);
  // Every counter picks the stored element: nothing accumulates across a loop.
  function outer3(A: NdArray, B: NdArray, T: NdArray) {
    const [m, n] = A.shape;
    const p = B.shape[1];
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) T.set(i, j, k, A.get(i, k) * B.get(k, j));
  }
  const after3 = passIO(outer3, [nd2, nd2, arrayType("f64", 3, true)]).after;
  assert.match(after3, /load!/, "versioned (bounds proven)");
  assert.doesNotMatch(after3, /_blk_r/);
  // A float32 element rounds at every store: it cannot live in an f64 temporary.
  const f32nd = arrayType("f32", 2, true);
  assert.doesNotMatch(passIO(mmInto, [f32nd, f32nd, f32nd]).after, /_blk_r/);
  // The order of updates to one element would change (C[i,j] also read at [j,i]): not even interchanged.
  function transposedRead(A: NdArray, C: NdArray) {
    const [m] = A.shape;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) for (let k = 0; k < m; k++) C.set(i, j, C.get(j, i) + A.get(i, k) * A.get(k, j));
  }
  assert.doesNotMatch(passIO(transposedRead, [nd2, nd2]).after, /_blk_r/);
});

// ---- differential: plain JS against every target, bitwise ------------------------------------------

const rand = mulberry32(2024);
const SPECIAL = [NaN, -0, 0, Infinity, -Infinity, 1e308, -1e-310];

/** A matrix of random values with some NaN, ±0, ±Infinity and huge/denormal entries (deterministic per seed). */
function matrix(rows: number, cols: number, seed: number): NdArray {
  const r = mulberry32(seed), M = zeros([rows, cols]);
  for (let i = 0; i < M.data.length; i++) M.data[i] = r() < 0.03 ? SPECIAL[Math.floor(r() * SPECIAL.length)]! : r() * 2 - 1;
  return M;
}

// (m, n, p): below, at and around the tile (8 rows, 16-lane vectors) and a cache block (64 rows, 128 k).
const SHAPES: [number, number, number][] = [
  [0, 0, 0], [0, 3, 2], [3, 0, 2], [1, 1, 1], [3, 3, 3], [5, 5, 5], [8, 8, 8], [9, 4, 17], [17, 17, 17],
  [64, 64, 64], [100, 100, 100], [8, 129, 3], [67, 5, 33], [16, 2, 130], [9, 3, 530],
];

test("the seed and its variants equal plain JS bitwise on every target (tile, block and vector remainders)", () => {
  for (const [m, n, p] of SHAPES) {
    const s = m * 10_000 + n * 100 + p;
    differential(`seed ${m}x${n}x${p}`, matrixMultiplyLoops, () => [matrix(m, n, s), matrix(n, p, s + 1)]);
    differential(`into C ${m}x${n}x${p}`, mmInto, () => [matrix(m, n, s), matrix(n, p, s + 1), matrix(m, p, s + 2)]);
  }
});

test("transposed and strided views, a C that is a view, overlapping rows of C", () => {
  const [m, n, p] = [19, 13, 21];
  differential("A and B transposed", matrixMultiplyLoops, () => [matrix(n, m, 1).T, matrix(p, n, 2).T]);
  differential("A a strided view", matrixMultiplyLoops, () => [matrix(2 * m, n + 3, 3).step(2, 1).lo(0, 3), matrix(n, p, 4)]);
  // C transposed: a row spans more than the row stride, so the run-time test picks the untiled nest.
  differential("C transposed", mmInto, () => [matrix(m, n, 5), matrix(n, p, 6), matrix(p, m, 7).T]);
  // C a window of a wider array: rows far apart, vector tile.
  differential("C a window", mmInto, () => [matrix(m, n, 8), matrix(n, p, 9), matrix(m + 2, p + 5, 10).lo(1, 2).hi(m, p)]);
  // Rows of C that overlap (stride 1 along both axes): only the untiled order is exact, and the run-time test sends it there.
  differential("C rows overlap", mmInto, () => {
    const c = new Float64Array(m + p).map((_, i) => (i % 7) - 3);
    return [matrix(m, n, 11), matrix(n, p, 12), ndarray(c, [m, p], [1, 1])];
  });
  // C aliasing A: the disjointness test fails and the original nest runs.
  differential("C is A", mmInto, () => { const A = matrix(m, m, 13); return [A, matrix(m, m, 14), A]; });
});

test("flat Float64Array products (C allocated inside, and passed in) equal plain JS bitwise", () => {
  function flat(a: Float64Array, b: Float64Array, m: number, n: number, p: number) {
    const c = new Float64Array(m * p);
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) c[i * p + j] += a[i * n + k]! * b[k * p + j]!;
    return c;
  }
  function flatInto(a: Float64Array, b: Float64Array, c: Float64Array, m: number, n: number, p: number) {
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) c[i * p + j] = c[i * p + j]! + a[i * n + k]! * b[k * p + j]!;
  }
  assert.match(passIO(flat, [f64, f64, "int", "int", "int"]).after, /i_blk_r/);
  assert.match(passIO(flatInto, [f64, f64, f64, "int", "int", "int"]).after, /i_blk_r/);
  for (const [m, n, p] of SHAPES.filter(([m]) => m <= 67)) {
    const s = m * 977 + n * 31 + p;
    differential(`flat ${m}x${n}x${p}`, flat, () => [matrix(1, m * n, s).data, matrix(1, n * p, s + 1).data, m, n, p]);
    differential(`flat into ${m}x${n}x${p}`, flatInto, () => [matrix(1, m * n, s).data, matrix(1, n * p, s + 1).data, matrix(1, m * p, s + 2).data, m, n, p]);
  }
});

test("an accumulator (sunk, then tiled), `<=` bounds, i-k-j order with a temporary: plain JS bitwise", () => {
  function dot(A: NdArray, B: NdArray) {
    const [m, n] = A.shape;
    const p = B.shape[1];
    const C = zeros([m, p]);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A.get(i, k) * B.get(k, j);
        C.set(i, j, s);
      }
    return C;
  }
  function inclusive(A: NdArray, B: NdArray) {
    const [m, n] = A.shape;
    const p = B.shape[1];
    const C = zeros([m, p]);
    for (let i = 0; i <= m - 1; i++) for (let j = 0; j <= p - 1; j++) for (let k = 0; k <= n - 1; k++) C.set(i, j, C.get(i, j) + A.get(i, k) * B.get(k, j));
    return C;
  }
  // Written i-k-j, with a temporary, storing the transpose: the pass picks the roles from the subscripts.
  function ikjTransposed(A: NdArray, B: NdArray) {
    const [m, n] = A.shape;
    const p = B.shape[1];
    const C = zeros([p, m]);
    for (let i = 0; i < m; i++)
      for (let k = 0; k < n; k++)
        for (let j = 0; j < p; j++) {
          const t = A.get(i, k) * B.get(k, j);
          C.set(j, i, C.get(j, i) + t);
        }
    return C;
  }
  // Not an accumulation but the same shape: each element's last write wins, in the same order.
  function lastWins(A: NdArray, C: NdArray) {
    const [m, n] = A.shape;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) C.set(i, k, A.get(i, j) - A.get(k, j) * C.get(i, k));
  }
  assert.match(passIO(lastWins, [nd2, nd2]).after, /_blk_r/);
  for (const [m, n] of [[9, 9], [40, 17], [70, 20]] as const) differential(`last write wins ${m}x${n}`, lastWins, () => [matrix(m, n, m), matrix(m, n, n)]);
  assert.match(passIO(dot, [nd2, nd2]).after, /_blk_r/);
  assert.match(passIO(ikjTransposed, [nd2, nd2]).after, /for j_blk_r\.\d+ = 0 lt sub\(p\.\d+, mod\(p\.\d+, 8\)\) step 64/);
  for (const [m, n, p] of [[0, 0, 0], [5, 3, 17], [17, 9, 33], [64, 130, 20]] as const) {
    differential(`accumulator ${m}x${n}x${p}`, dot, () => [matrix(m, n, m + 1), matrix(n, p, p + 2)]);
    differential(`<= bounds ${m}x${n}x${p}`, inclusive, () => [matrix(m, n, m + 3), matrix(n, p, p + 4)]);
    differential(`i-k-j into the transpose ${m}x${n}x${p}`, ikjTransposed, () => [matrix(m, n, m + 5), matrix(n, p, p + 6)]);
  }
});

test("prange seed on 2 threads (wasm workers, OpenMP) equals plain JS bitwise", () => {
  const same = (a: NdArray, b: NdArray) => a.shape.every((d, i) => d === b.shape[i]) && a.data.every((x, i) => Object.is(x, b.data[i]));
  for (const target of TARGETS.filter((t) => t !== "js")) {
    const f = jit(matrixMultiplyRows, { target, threads: 2 });
    for (const [m, n, p] of [[0, 0, 0], [1, 1, 1], [9, 4, 17], [100, 100, 100], [130, 7, 40]] as const) {
      const A = matrix(m, n, m + n), B = matrix(n, p, n + p);
      assert.ok(same(f(A, B), matrixMultiplyRows(A, B)), `${target} ${m}x${n}x${p}`);
    }
  }
  // prange is a real import the kernel refers to; keep the binding used.
  assert.equal(typeof prange, "function");
});

test("random shapes around the tile and block edges", () => {
  const f = TARGETS.filter((t) => t !== "js").map((target) => jit(matrixMultiplyLoops, { target }));
  for (let trial = 0; trial < 25; trial++) {
    const m = Math.floor(rand() * 140), n = Math.floor(rand() * 140), p = Math.floor(rand() * 40);
    const A = matrix(m, n, trial), B = matrix(n, p, trial + 100);
    const want = matrixMultiplyLoops(A, B);
    for (const g of f) {
      const got = g(A, B);
      assert.ok(got.data.every((x, i) => Object.is(x, want.data[i])), `m=${m} n=${n} p=${p}`);
    }
  }
});

test("outer-loop vector loops in C (backends/native/vector.ts): counter-dependent lanes, Math, strided loads", () => {
  function poly(x: Float64Array, c: Float64Array, y: Float64Array, out: Float64Array) {
    for (let i = 0; i < out.length; i++) {
      let s = 0;
      const xi = x[i]!;
      for (let k = 0; k < c.length; k++) s = s * xi + c[k]! - Math.sqrt(Math.abs(xi)) * (i + 1) + y[2 * i]!;
      out[i] = Math.max(s, -1e300) / (i + 2) + -s;
    }
  }
  assert.match(passIO(poly, [f64, f64, f64, f64]).after, /for i\.\d+ = 0 lt .* vector \d+ \{/);
  for (const n of [0, 1, 15, 16, 17, 33, 100]) {
    differential(`poly n=${n}`, poly, () => {
      const r = mulberry32(n + 1);
      const x = Float64Array.from({ length: n }, () => (r() < 0.1 ? SPECIAL[Math.floor(r() * SPECIAL.length)]! : r() * 4 - 2));
      return [x, Float64Array.from({ length: 5 }, () => r() - 0.5), Float64Array.from({ length: 2 * n + 1 }, () => r()), new Float64Array(n)];
    });
  }
});
