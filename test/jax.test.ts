// numbat/jax against the real jax-js (@jax-js/jax 0.1.25, its wasm and cpu backends): numbat functions
// of jax-js arrays give what the same function gives as plain JS on the arrays' data, results are jax-js
// arrays of the result's element type on the argument's device, and traced values are refused.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit, zeros } from "../src/index.js";
import { jaxOp, jaxVjp, fromJax, toJax } from "../src/interop/jax.js";

// jax-js's backends look for a browser's navigator and Float16Array, which Node 20 lacks.
const g = globalThis as { navigator?: unknown; Float16Array?: unknown };
g.navigator ??= { userAgent: "node", hardwareConcurrency: 2 };
g.Float16Array ??= class Float16Array extends Uint16Array {};
const jax = await import("@jax-js/jax");
await jax.init("wasm", "cpu");
const np = jax.numpy;

type Nd = { shape: number[]; get(...i: number[]): number; set(...a: number[]): number };

function rowSums(A: Nd, w: number) {
  const out = new Float32Array(A.shape[0]!);
  for (let i = 0; i < A.shape[0]!; i++) { let s = 0; for (let j = 0; j < A.shape[1]!; j++) s += A.get(i, j) * (j + w); out[i] = s; }
  return out;
}

function outer(x: Float64Array, y: Float64Array) {
  const C = zeros([x.length, y.length]) as unknown as Nd;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) C.set(i, j, x[i]! * y[j]!);
  return C;
}

test("jaxOp: jax-js arrays in, jax-js arrays out, equal to plain JS on the same data", () => {
  for (const device of ["wasm", "cpu"] as const) {
    const values = Array.from({ length: 12 }, (_, k) => Math.sin(k) * 3);
    const A = np.array(values, { shape: [3, 4], dtype: jax.DType.Float32, device });
    const expected = rowSums(fromJax(A.ref) as unknown as Nd, 0.5);
    const r = jaxOp(jit(rowSums))(A, 0.5);
    assert.equal(A.refCount, 0, "the argument was consumed, as jax-js functions do");
    assert.equal(r.device, device);
    assert.equal(r.dtype, "float32");
    assert.deepEqual(r.shape, [3]);
    assert.deepEqual([...(r.dataSync() as Float32Array)], [...expected], `${device}: bitwise`);

    const x = np.array([1, 2, 3], { dtype: jax.DType.Float64, device }), y = np.array([0.5, -1], { dtype: jax.DType.Float64, device });
    const C = jaxOp(jit(outer))(x, y);
    assert.equal(C.dtype, "float64");
    assert.deepEqual(C.shape, [3, 2]);
    assert.deepEqual([...(C.dataSync() as Float64Array)], [0.5, -1, 1, -2, 1.5, -3]);
  }
});

test("jaxOp composes with jax-js ops on either side; scalars become rank-0 arrays", () => {
  const dot = jaxOp(jit(function dot(a: Float32Array, b: Float32Array) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s; }));
  const a = np.arange(5).astype(jax.DType.Float32), b = np.ones([5]);
  const d = dot(np.multiply(a.ref, 2), b);
  assert.deepEqual(d.shape, []);
  assert.equal(np.add(d, 1).item(), 2 * (0 + 1 + 2 + 3 + 4) + 1);
  assert.equal(toJax(new Int32Array([1, 2])).dtype, "int32");
  a.dispose();
});

test("jaxOp refuses traced values (jax.grad, jax.jit, jax.vmap) and dtypes numbat lacks", () => {
  const dot = jaxOp(jit(function dot(a: Float32Array) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!; return s; }));
  const x = np.array([1, 2, 3]);
  assert.throws(() => jax.grad((t: typeof x) => dot(t))(x.ref), /argument 0 is a traced value \(inside jax\.grad, jax\.jit or jax\.vmap\)/);
  assert.throws(() => jax.jit((t: typeof x) => dot(t))(x.ref), /traced value/);
  assert.throws(() => dot(np.array([true, false])), /dtype bool have no numbat counterpart/);
  x.dispose();
});

test("jaxVjp: numbat's gradient chained by hand with jax.vjp equals jax.grad of the same computation in jax ops", () => {
  const scaledTanh = jit(function scaledTanh(x: Float32Array, a: number) {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = Math.tanh(a * x[i]!);
    return y;
  });
  const values = Array.from({ length: 16 }, (_, k) => Math.cos(3 * k));
  const x = np.array(values, { dtype: jax.DType.Float32 });
  const weights = np.arange(16).astype(jax.DType.Float32);
  const lossOf = (y: typeof x) => np.sum(np.multiply(np.square(y), weights.ref));

  const [y, back] = jaxVjp(scaledTanh)(x.ref, 0.8);        // numbat forward
  const [, backLoss] = jax.vjp(lossOf, [y]);                // jax-js forward
  const [dy] = backLoss(np.array(1, { dtype: jax.DType.Float32 }));
  const [dx] = back(dy as typeof x);                        // numbat reverse
  const expected = jax.grad((t: typeof x) => lossOf(np.tanh(np.multiply(t, 0.8))))(x);
  assert.equal(dx!.dtype, "float32");
  assert.deepEqual(dx!.shape, [16]);
  const got = dx!.dataSync(), want = expected.dataSync();
  for (let i = 0; i < 16; i++) assert.ok(Math.abs(got[i]! - want[i]!) <= 1e-5 * (1 + Math.abs(want[i]!)), `element ${i}: ${got[i]} vs ${want[i]}`);
  weights.dispose();
});
