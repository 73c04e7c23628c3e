// Neural-network layers written as numbat loops, shared by test/tfjs.test.ts and bench/tfjs.ts.

import { zeros } from "../../src/index.js";

type Nd = { shape: number[]; get(...i: number[]): number; set(...a: number[]): number };

/** A dense tanh layer, tanh(X W + b), as a loop nest: the hidden layer of a two-layer net. */
export function denseTanh(X: Nd, W: Nd, b: Float32Array) {
  const n = X.shape[0]!, d = X.shape[1]!, h = W.shape[1]!;
  const H = zeros([n, h]) as unknown as Nd;
  for (let i = 0; i < n; i++)
    for (let k = 0; k < h; k++) {
      let s = b[k]!;
      for (let j = 0; j < d; j++) s += X.get(i, j) * W.get(j, k);
      H.set(i, k, Math.tanh(s));
    }
  return H;
}
