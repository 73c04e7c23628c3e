// numbat/tfjs against the real TensorFlow.js (the @tensorflow/tfjs package: tfjs-core, its CPU backend
// and the gradients of tf's own ops): gradients through a numbat op equal tf's gradients of the same
// computation in tf ops, within float32 tolerance, and models with a numbat op train like pure-tf ones.

import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { jit, zeros } from "../src/index.js";
import { denseTanh as denseTanhLoops } from "./corpus/layers.js";
import { tfOp } from "../src/interop/tfjs.js";

tf.env().set("PROD", true); // no "install tfjs-node" banner (not IS_TEST: its leak check rejects every tf.customGrad on the wasm backend)
await tf.setBackend("cpu");

type Nd = { shape: number[]; get(...i: number[]): number; set(...a: number[]): number };

/** Largest |a - b| relative to the largest |b| (float32 tolerance is a few 1e-7 of that). */
function relErr(a: tf.Tensor, b: tf.Tensor): number {
  assert.deepEqual(a.shape, b.shape);
  const x = a.dataSync(), y = b.dataSync();
  let err = 0, scale = 1e-30;
  for (let i = 0; i < x.length; i++) { err = Math.max(err, Math.abs(x[i]! - y[i]!)); scale = Math.max(scale, Math.abs(y[i]!)); }
  return err / scale;
}

const matmul = jit(function matmul(A: Nd, B: Nd) {
  const C = zeros([A.shape[0]!, B.shape[1]!]) as unknown as Nd;
  for (let i = 0; i < A.shape[0]!; i++)
    for (let j = 0; j < B.shape[1]!; j++) {
      let s = 0;
      for (let k = 0; k < A.shape[1]!; k++) s += A.get(i, k) * B.get(k, j);
      C.set(i, j, s);
    }
  return C;
});

const scaledTanh = jit(function scaledTanh(x: Float32Array, a: number) {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = Math.tanh(a * x[i]!);
  return y;
});

/** Σ_i w[idx[i]] * x[i]: an int32 tensor argument, which gets no gradient. */
const gatherDot = jit(function gatherDot(w: Float32Array, idx: Int32Array, x: Float32Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[idx[i]!]! * x[i]!;
  return s;
});

test("tf.grad through numbat ops equals tf.grad of the same computation in tf ops", () => {
  const A = tf.randomNormal([5, 7], 0, 1, "float32", 1), B = tf.randomNormal([7, 3], 0, 1, "float32", 2);
  const mm = tfOp(matmul);
  const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(mm(a, b))))([A, B]);
  const theirs = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.matMul(a, b))))([A, B]);
  assert.ok(relErr(ours[0]!, theirs[0]!) < 1e-5 && relErr(ours[1]!, theirs[1]!) < 1e-5, "matmul, both arguments");
  assert.ok(relErr(mm(A, B), tf.matMul(A, B)) < 1e-6, "matmul's value");

  const x = tf.randomNormal([50], 0, 1, "float32", 3);
  const st = tfOp(scaledTanh);
  const [v1, g1] = [st(x, 0.7), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(st(t, 0.7), tf.range(0, 50))))(x)];
  const [v2, g2] = [tf.tanh(tf.mul(x, 0.7)), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.tanh(tf.mul(t, 0.7)), tf.range(0, 50))))(x)];
  assert.ok(relErr(v1, v2) < 1e-6 && relErr(g1, g2) < 1e-5, "a number argument passes through, the cotangent is not all ones");

  const w = tf.randomNormal([4], 0, 1, "float32", 4), idx = tf.tensor1d([3, 0, 0, 2, 1, 3], "int32"), xs = tf.randomNormal([6], 0, 1, "float32", 5);
  const gd = tfOp(gatherDot);
  const [gw, gx] = tf.grads((a: tf.Tensor, b: tf.Tensor) => gd(a, idx, b))([w, xs]);
  const [hw, hx] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.gather(a, idx), b)))([w, xs]);
  assert.ok(relErr(gw!, hw!) < 1e-6 && relErr(gx!, hx!) < 1e-6, "int32 tensor arguments are constants");

  const [val, grad] = [tf.valueAndGrad((a: tf.Tensor) => tf.sum(mm(a, B)))(A), tf.valueAndGrad((a: tf.Tensor) => tf.sum(tf.matMul(a, B)))(A)];
  assert.ok(relErr(val.value, grad.value) < 1e-5 && relErr(val.grad, grad.grad) < 1e-5, "tf.valueAndGrad");
});

test("tfOp: only float32 tensors get gradients; other dtypes and bad argnums are refused", () => {
  const gd = tfOp(gatherDot, { argnums: [1] });
  assert.throws(() => gd(tf.ones([2]), tf.tensor1d([0, 1], "int32"), tf.ones([2])), /argnums names argument 1, which is not a float32 tensor/);
  assert.throws(() => tfOp(scaledTanh)(tf.complex([1], [2]), 1), /dtype complex64/);
  const noGrad = tfOp(gatherDot, { argnums: [] }); // forward only: no customGrad, no vjp compilation
  assert.equal(noGrad(tf.tensor1d([1, 2]), tf.tensor1d([1, 1], "int32"), tf.tensor1d([3, 4])).dataSync()[0], 14);
});

test("float32 data numbat allocated passes to and from tf without copies", () => {
  const twice = tfOp(jit(function twice(x: Float32Array) {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = 2 * x[i]!;
    return y;
  }));
  const data = zeros([4], "float32").data as Float32Array; // in numbat's heap
  data.set([1, 2, 3, 4]);
  const t = tf.tensor(data, [4]);
  assert.equal(t.dataSync(), data, "tf's CPU backend keeps the array it is given");
  const y = twice(t);
  assert.deepEqual([...y.dataSync()], [2, 4, 6, 8]);
  assert.ok(y.dataSync().buffer instanceof SharedArrayBuffer, "the result is numbat's heap array, adopted by tf");
});

test("a function numbat cannot differentiate still runs forward; its gradient is the compile error", () => {
  const pick = tfOp(jit(function pick(w: Float32Array, pos: Float32Array) {
    let s = 0;
    for (let i = 0; i < pos.length; i++) s += w[pos[i]! | 0]!; // pos as an index: no derivative (NB500)
    return s;
  }));
  const w = tf.tensor1d([10, 20, 30]), pos = tf.tensor1d([2, 0, 2.5]);
  assert.equal(pick(w, pos).dataSync()[0], 70);
  assert.throws(() => tf.grad((t: tf.Tensor) => pick(t, pos))(w), (e: Error) => e.name === "CompileError" && (e as { code?: string }).code === "NB500");
  const pickW = tfOp(jit(function pickW(w: Float32Array, pos: Float32Array) {
    let s = 0;
    for (let i = 0; i < pos.length; i++) s += w[pos[i]! | 0]!;
    return s;
  }), { argnums: [0] }); // pos is a constant: the derivative with respect to w exists
  assert.deepEqual([...tf.grad((t: tf.Tensor) => pickW(t, pos))(w).dataSync()], [1, 0, 2]);
});

test("a function that writes into its argument leaves the tensor as it was", () => {
  const doubleThenSum = jit(function doubleThenSum(x: Float32Array, M: Nd) {
    let s = 0;
    for (let i = 0; i < x.length; i++) { x[i] = 2 * x[i]!; s += x[i]!; }
    M.set(0, 0, 99);
    return s + M.get(0, 1);
  });
  const x = tf.tensor1d([1, 2, 3]), M = tf.tensor2d([[1, 2], [3, 4]]);
  for (const op of [tfOp(doubleThenSum), tfOp(doubleThenSum, { argnums: [] })]) {
    assert.equal(op(x, M).dataSync()[0], 14);
    assert.deepEqual([...x.dataSync()], [1, 2, 3]);
    assert.deepEqual([...M.dataSync()], [1, 2, 3, 4]);
  }
  assert.deepEqual([...tf.grad((t: tf.Tensor) => tfOp(doubleThenSum)(t, M))(x).dataSync()], [2, 2, 2]);
  assert.deepEqual([...x.dataSync()], [1, 2, 3]);
});

/** Least squares: y ≈ X w, loss = mean((X w - y)^2), the loss a numbat loop. */
const lsqLoss = jit(function lsqLoss(X: Nd, w: Float32Array, y: Float32Array) {
  const n = X.shape[0]!, d = X.shape[1]!;
  let s = 0;
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let j = 0; j < d; j++) p += X.get(i, j) * w[j]!;
    s += (p - y[i]!) * (p - y[i]!);
  }
  return s / n;
});

const denseTanh = jit(denseTanhLoops);

function train(steps: number, lossFn: () => tf.Scalar, vars: tf.Variable[]): number[] {
  const opt = tf.train.adam(0.05);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const cost = opt.minimize(lossFn, true, vars)!;
    losses.push(cost.dataSync()[0]!);
    cost.dispose();
  }
  opt.dispose();
  return losses;
}

test("least squares trains with tf.train.adam to the same loss as pure tf", () => {
  const X = tf.randomNormal([64, 5], 0, 1, "float32", 6), wTrue = tf.tensor1d([1, -2, 0.5, 3, -1]);
  const y = tf.add(tf.squeeze(tf.matMul(X, tf.reshape(wTrue, [5, 1]))), tf.randomNormal([64], 0, 0.1, "float32", 7));
  const loss = tfOp(lsqLoss);
  const w1 = tf.variable(tf.zeros([5])), w2 = tf.variable(tf.zeros([5]));
  const ours = train(150, () => loss(X, w1, y) as tf.Scalar, [w1]);
  const theirs = train(150, () => tf.mean(tf.square(tf.sub(tf.squeeze(tf.matMul(X, tf.reshape(w2, [5, 1]))), y))), [w2]);
  assert.ok(ours.at(-1)! < 0.05 * ours[0]!, `loss ${ours[0]} -> ${ours.at(-1)}`);
  assert.ok(Math.abs(ours.at(-1)! - theirs.at(-1)!) <= 1e-3 * theirs.at(-1)! + 1e-6, `numbat ${ours.at(-1)} vs tf ${theirs.at(-1)}`);
  assert.ok(relErr(w1, w2) < 1e-3);
});

test("a two-layer net whose hidden layer is a numbat loop trains like the pure-tf net, without leaking tensors", () => {
  const X = tf.randomUniform([48, 3], -1, 1, "float32", 8);
  const y = tf.sin(tf.sum(tf.mul(X, tf.tensor1d([1.5, -2, 0.7])), 1, true));
  const init = () => [tf.variable(tf.randomNormal([3, 8], 0, 0.5, "float32", 9)), tf.variable(tf.zeros([8])), tf.variable(tf.randomNormal([8, 1], 0, 0.5, "float32", 10))];
  const [W1a, b1a, W2a] = init(), [W1b, b1b, W2b] = init();
  const hidden = tfOp(denseTanh);
  const ours = () => tf.mean(tf.square(tf.sub(tf.matMul(hidden(X, W1a!, b1a!), W2a!), y))) as tf.Scalar;
  const theirs = () => tf.mean(tf.square(tf.sub(tf.matMul(tf.tanh(tf.add(tf.matMul(X, W1b!), b1b!)), W2b!), y))) as tf.Scalar;
  train(5, ours, [W1a!, b1a!, W2a!]);
  const before = tf.memory().numTensors;
  const a = train(120, ours, [W1a!, b1a!, W2a!]);
  assert.equal(tf.memory().numTensors, before, "every tensor a step makes is disposed");
  const b = [...train(5, theirs, [W1b!, b1b!, W2b!]), ...train(120, theirs, [W1b!, b1b!, W2b!])];
  assert.ok(a.at(-1)! < 0.2 * a[0]!, `loss ${a[0]} -> ${a.at(-1)}`);
  assert.ok(Math.abs(a.at(-1)! - b.at(-1)!) <= 1e-2 * b.at(-1)!, `numbat ${a.at(-1)} vs tf ${b.at(-1)}`);
});

test("on tfjs's wasm backend too: the same gradients, and training steps leak no tensors", async () => {
  await tf.setBackend("wasm");
  try {
    const A = tf.randomNormal([6, 4], 0, 1, "float32", 11), B = tf.randomNormal([4, 3], 0, 1, "float32", 12);
    const mm = tfOp(matmul);
    const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(mm(a, b))))([A, B]);
    const theirs = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.matMul(a, b))))([A, B]);
    assert.ok(relErr(ours[0]!, theirs[0]!) < 1e-5 && relErr(ours[1]!, theirs[1]!) < 1e-5);
    const X = tf.randomNormal([32, 4], 0, 1, "float32", 13), y = tf.randomNormal([32], 0, 1, "float32", 14);
    const w = tf.variable(tf.zeros([4])), loss = tfOp(lsqLoss);
    train(2, () => loss(X, w, y) as tf.Scalar, [w]);
    const before = tf.memory().numTensors;
    const losses = train(20, () => loss(X, w, y) as tf.Scalar, [w]);
    assert.equal(tf.memory().numTensors, before);
    assert.ok(losses.at(-1)! < losses[0]!);
  } finally {
    await tf.setBackend("cpu");
  }
});
