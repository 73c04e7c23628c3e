// The hoist-addresses pass (src/passes/hoist-addresses.ts) alone: IR in, IR out; and differentially, the
// kernels whose subscripts it rewrites (column walks, transposed products, triangular nests, indirect
// subscripts) on every target.

import { test } from "node:test";
import assert from "node:assert/strict";
import { hoistAddresses } from "../src/passes/hoist-addresses.js";
import { arrayType } from "../src/ir/types.js";
import { mulberry32, passAlone, sameOnTargets } from "./harness.js";

const f64 = arrayType("f64", 1, false);
const i32 = arrayType("i32", 1, false);

function colSums(a: Float64Array, out: Float64Array, m: number, n: number) {
  for (let j = 0; j < n; j++) {
    out[j] = 0;
    for (let i = 0; i < m; i++) out[j] += a[i * n + j]!;
  }
}

function transposedMv(a: Float64Array, x: Float64Array, y: Float64Array, n: number) {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[j] += a[i * n + j]! * x[i]!;
}

function lowerTri(a: Float64Array, b: Float64Array, n: number) {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * n + k]! * b[k]!;
    b[i] = s / a[i * n + i]!;
  }
}

function gather(a: Float64Array, idx: Int32Array, n: number) {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += a[idx[i * n + j]! + i * 3]!;
  return s;
}

test("hoist-addresses: a row offset leaves the loop that does not change it, before the outermost such loop", () => {
  const out = passAlone(transposedMv, [f64, f64, f64, "int"], hoistAddresses)!;
  // i * n is computed once per i, before the j loop; the j loop's subscript reads the temporary.
  assert.match(out, /for i\.\d+ = 0 lt n step 1 \{\n\s+addr\.\d+: int = mul\(i\.\d+, n\)\n\s+for j\.\d+/);
  assert.match(out, /load a\[add\(addr\.\d+, j\.\d+\)\]/);
});

test("hoist-addresses: equal offsets share one temporary; what varies in the loop stays", () => {
  const out = passAlone(lowerTri, [f64, f64, "int"], hoistAddresses)!;
  assert.equal(out.match(/addr\.\d+: int = mul\(i\.\d+, n\)/g)?.length, 1, out);
  assert.match(out, /load a\[add\(addr\.\d+, k\.\d+\)\]/);
  // a column walk's i * n varies with the inner counter: nothing to hoist there.
  assert.equal(passAlone(colSums, [f64, f64, "int", "int"], hoistAddresses), undefined);
});

test("hoist-addresses: inside an indirect subscript, only the invariant part moves", () => {
  const out = passAlone(gather, [f64, i32, "int"], hoistAddresses)!;
  assert.match(out, /addr\.\d+: int = mul\(i\.\d+, n\)/);
  assert.match(out, /load idx\[add\(addr\.\d+, j\.\d+\)\]/);
  assert.match(out, /load a\[add\(load idx\[add\(addr\.\d+, j\.\d+\)\], addr\.\d+\)\]/);
});

test("hoist-addresses: same results as plain JS on every target", () => {
  const rand = mulberry32(5);
  const arr = (n: number) => Float64Array.from({ length: n }, () => rand() - 0.5);
  const n = 13, m = 7;
  const A = arr(n * n), X = arr(n), Y = arr(n), I = Int32Array.from({ length: n * n }, (_, k) => (k * 7) % (n * n - 3 * n));
  for (let i = 0; i < n; i++) A[i * n + i] = 2 + A[i * n + i]!;
  sameOnTargets("colSums", colSums, [() => [A.slice(0, m * n), new Float64Array(n), m, n], () => [new Float64Array(0), new Float64Array(0), 0, 0]]);
  sameOnTargets("transposedMv", transposedMv, [() => [A.slice(), X.slice(), Y.slice(), n], () => [A.slice(), X.slice(), Y.slice(), 1]]);
  sameOnTargets("lowerTri", lowerTri, [() => [A.slice(), X.slice(), n], () => [A.slice(), X.slice(), 0]]);
  sameOnTargets("gather", gather, [() => [A.slice(), I.slice(), n]]);
});
