// The dispatcher and runtime seen from the public API: specialisation per signature, eager
// signatures, introspection, and memory that stays flat over many calls.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit, zeros, array } from "../src/index.js";
import { heap } from "../src/runtime/memory.js";

function scale(a: Float64Array, s: number) {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * s;
  return a;
}

test("compiles once per argument-type signature", () => {
  const f = jit((x: number) => x / 2);
  assert.equal(f(3), 1.5);
  assert.equal(f(3), 1.5);
  assert.equal(f(2.5), 1.25);
  assert.deepEqual(f.signatures, ["int", "f64"]);
});

test("signatures compile eagerly, and inspect shows IR, WAT and JS", () => {
  const f = jit(scale, { signatures: [["Float64Array", "f64"]] });
  assert.deepEqual(f.signatures, ["Float64Array, f64"]);
  assert.match(f.inspect("ir"), /store a\[i\.\d+\] = mul\(load a\[i\.\d+\], s\)/);
  assert.match(f.inspect("wat"), /\(func \$main/);
  assert.match(f.inspect("wat"), /f64\.mul/);
  const g = jit(scale, { target: "js" });
  g(new Float64Array(2), 2);
  assert.match(g.inspect("js"), /function/);
  assert.throws(() => f.inspect("ir", "int"), /no compiled signature/);
  assert.throws(() => jit(scale).inspect("ir"), /nothing compiled yet/);
});

test("bad signature strings are rejected with the accepted spellings", () => {
  assert.throws(() => jit(scale, { signatures: [["Float64Array", "double"]] }), /unknown type "double".*ndarray<float64,2>/);
});

test("returning an argument gives back the caller's own object", () => {
  const f = jit(scale);
  const a = new Float64Array([1, 2]);
  assert.equal(f(a, 3), a);
  assert.deepEqual([...a], [3, 6]);
  const h = heap.stats().liveBytes;
  const b = zeros(4);
  const g = jit(function fill(A: { shape: number[]; set(i: number, v: number): number }) {
    for (let i = 0; i < A.shape[0]!; i++) A.set(i, i);
    return A;
  });
  assert.equal(g(b), b);
  assert.ok(heap.stats().liveBytes >= h);
});

test("the jitted function keeps name and length, and exposes the original as .py", () => {
  const f = jit(scale);
  assert.equal(f.name, "scale");
  assert.equal(f.length, 2);
  assert.equal(f.py, scale);
});

test("argument errors name the parameter", () => {
  const f = jit(scale);
  assert.throws(() => f([1, 2] as unknown as Float64Array, 2), (e: Error) => e instanceof TypeError && /'a' is a plain JS Array/.test(e.message));
  assert.throws(() => f(new Float64Array(1), "2" as unknown as number), (e: Error) => e instanceof TypeError && /'s' is a string/.test(e.message));
  assert.throws(() => (f as unknown as (a: Float64Array) => void)(new Float64Array(1)), (e: Error) => e instanceof TypeError && /expected 2 arguments, got 1/.test(e.message));
});

test("heap memory does not grow over 100,000 calls (copied arguments, returned allocations)", () => {
  const copyIn = jit(function sum(a: Float64Array) {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]!;
    return s;
  });
  const allocating = jit(function twice(a: Float64Array) {
    const out = new Float64Array(a.length);
    const tmp = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) { tmp[i] = a[i]!; out[i] = 2 * tmp[i]!; }
    return out;
  });
  const a = new Float64Array(64).fill(1);
  copyIn(a);
  allocating(a);
  const before = heap.stats();
  for (let i = 0; i < 100_000; i++) copyIn(a);
  const afterCopies = heap.stats();
  assert.equal(afterCopies.liveBytes, before.liveBytes, "copied-in arguments are freed after each call");
  assert.equal(afterCopies.memoryBytes, before.memoryBytes, "the heap did not grow");
  // Returned arrays are owned by JS objects and freed by the FinalizationRegistry when collected;
  // temporaries are freed at once. Without a GC hook we can only bound the growth.
  for (let i = 0; i < 100_000; i++) allocating(a);
  const after = heap.stats();
  assert.ok(after.memoryBytes <= Math.max(before.memoryBytes, 64 << 20), `heap grew to ${after.memoryBytes} bytes`);
});

test("n-d arrays from array() work as arguments, and views are checked against their data", () => {
  const total = jit(function total(A: { shape: number[]; get(i: number, j: number): number }) {
    let s = 0;
    for (let i = 0; i < A.shape[0]!; i++) for (let j = 0; j < A.shape[1]!; j++) s += A.get(i, j);
    return s;
  });
  const A = array([[1, 2], [3, 4]]);
  assert.equal(total(A), 10);
  assert.equal(total(A.T), 10);
  const bad = { data: new Float64Array(3), shape: [2, 2], stride: [2, 1], offset: 0 };
  assert.throws(() => total(bad as never), (e: Error) => e instanceof RangeError && /reaches outside its data/.test(e.message));
});

test("arrays handed out earlier stay valid when a kernel grows the heap", () => {
  const make = jit(function make(n: number, v: number) {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = v + i;
    return a;
  });
  const small = make(4, 1);
  const before = heap.stats().memoryBytes;
  const big = make(8 << 20, 2); // 64 MiB: forces memory.grow inside the call
  assert.ok(heap.stats().memoryBytes > before, "the heap grew");
  assert.deepEqual([...small], [1, 2, 3, 4]);
  assert.equal(big[(8 << 20) - 1], 2 + (8 << 20) - 1);
  small[0] = 42;
  const sum = jit(function sum(a: Float64Array) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]!; return s; });
  assert.equal(sum(small), 42 + 2 + 3 + 4);
});
