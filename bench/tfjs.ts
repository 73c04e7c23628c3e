// Benchmark: a TensorFlow.js training step whose hot inner loop is a numbat op (numbat/tfjs's tfOp:
// forward numbat's compiled code, gradient numbat's compiled vjp) against the same model in pure tf
// ops, both on tfjs's CPU backend, tf.train.adam, side by side in one process.
//
//   npm run bench:tfjs                 (node dist/bench/tfjs.js [--quick])
//
// 1. recurrence: a learnable linear filter y[t] = a*y[t-1] + b*x[t] over a series of T samples,
//    loss = mean((y - target)^2). Pure tf builds it from T small ops per step; numbat runs one loop.
// 2. dense: a two-layer net whose hidden layer tanh(X W1 + b1) is a numbat loop nest; the rest is tf.
//    Pure tf runs the hidden layer as tf.matMul + tf.add + tf.tanh, which tfjs's CPU backend does well.
// Each figure is the median time of one optimiser step (forward, gradient, update) over alternating
// runs, after warm-up steps; both versions also report their final loss (they should agree).

import * as tf from "@tensorflow/tfjs";
import { jit } from "../src/index.js";
import { denseTanh as denseTanhLoops } from "../test/corpus/layers.js";
import { tfOp } from "../src/interop/tfjs.js";

tf.env().set("PROD", true); // no "install tfjs-node" banner
await tf.setBackend("cpu");
const quick = process.argv.includes("--quick");

type Nd = { shape: number[]; get(...i: number[]): number; set(...a: number[]): number };

const recurrenceLoss = jit(function recurrenceLoss(a: number, b: number, x: Float32Array, target: Float32Array) {
  let y = 0, s = 0;
  for (let t = 0; t < x.length; t++) {
    y = a * y + b * x[t]!;
    s += (y - target[t]!) * (y - target[t]!);
  }
  return s / x.length;
});

const denseTanh = jit(denseTanhLoops);

interface Model { name: string; vars: tf.Variable[]; loss: () => tf.Scalar }

function recurrenceModels(T: number): [Model, Model] {
  const x = tf.randomNormal([T], 0, 1, "float32", 1);
  const xs = x.dataSync();
  const tgt = new Float32Array(T);
  for (let t = 0, y = 0; t < T; t++) tgt[t] = y = 0.9 * y + 0.5 * xs[t]!;
  const target = tf.tensor1d(tgt);
  const op = tfOp(recurrenceLoss, { argnums: [0, 1] }); // x and target are data: no gradient (tf prunes them too)
  const va = [tf.variable(tf.scalar(0.3)), tf.variable(tf.scalar(0.1))];
  const vb = [tf.variable(tf.scalar(0.3)), tf.variable(tf.scalar(0.1))];
  const xsTf = tf.unstack(x), tgtTf = tf.unstack(target);
  const pure = (): tf.Scalar => {
    let y: tf.Tensor = tf.scalar(0), s: tf.Tensor = tf.scalar(0);
    for (let t = 0; t < T; t++) {
      y = tf.add(tf.mul(vb[0]!, y), tf.mul(vb[1]!, xsTf[t]!));
      s = tf.add(s, tf.square(tf.sub(y, tgtTf[t]!)));
    }
    return tf.div(s, T) as tf.Scalar;
  };
  return [
    { name: `recurrence, T = ${T}`, vars: va, loss: () => op(va[0]!, va[1]!, x, target) as tf.Scalar },
    { name: "", vars: vb, loss: pure },
  ];
}

function denseModels(n: number, d: number, h: number): [Model, Model] {
  const X = tf.randomUniform([n, d], -1, 1, "float32", 2);
  const y = tf.sin(tf.sum(X, 1, true));
  const init = () => [tf.variable(tf.randomNormal([d, h], 0, 0.3, "float32", 3)), tf.variable(tf.zeros([h])), tf.variable(tf.randomNormal([h, 1], 0, 0.3, "float32", 4))];
  const va = init(), vb = init();
  const hidden = tfOp(denseTanh, { argnums: [1, 2] }); // X is data
  return [
    { name: `dense tanh layer, ${n}x${d} -> ${h}`, vars: va, loss: () => tf.mean(tf.square(tf.sub(tf.matMul(hidden(X, va[0]!, va[1]!), va[2]!), y))) as tf.Scalar },
    { name: "", vars: vb, loss: () => tf.mean(tf.square(tf.sub(tf.matMul(tf.tanh(tf.add(tf.matMul(X, vb[0]!), vb[1]!)), vb[2]!), y))) as tf.Scalar },
  ];
}

/** Milliseconds of one adam step of each model (median of alternating rounds) and their final losses. */
function compare(models: [Model, Model], rounds: number, stepsPerRound: number): { ms: [number, number]; loss: [number, number] } {
  const opts = models.map(() => tf.train.adam(0.01));
  const times: [number[], number[]] = [[], []];
  const loss: [number, number] = [NaN, NaN];
  for (let r = -1; r < rounds; r++)
    models.forEach((m, k) => {
      const t0 = performance.now();
      for (let s = 0; s < stepsPerRound; s++) {
        const cost = opts[k]!.minimize(m.loss, true, m.vars)!;
        loss[k] = cost.dataSync()[0]!;
        cost.dispose();
      }
      if (r >= 0) times[k]!.push((performance.now() - t0) / stepsPerRound); // round -1 warms up (compiles, V8 tiers)
    });
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { ms: [median(times[0]), median(times[1])], loss };
}

const rows: string[][] = [];
for (const [models, rounds, steps] of [
  [recurrenceModels(quick ? 200 : 1000), 5, quick ? 2 : 4],
  [denseModels(quick ? 128 : 512, 32, 64), 5, quick ? 4 : 10],
] as const) {
  const { ms, loss } = compare(models, rounds, steps);
  rows.push([models[0].name, ms[0].toFixed(2), ms[1].toFixed(2), (ms[1] / ms[0]).toFixed(1) + "x", loss[0].toPrecision(4), loss[1].toPrecision(4)]);
}
const head = ["model (tfjs CPU backend, adam)", "numbat op ms/step", "pure tf ms/step", "tf / numbat", "loss (numbat)", "loss (tf)"];
console.log(`| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
