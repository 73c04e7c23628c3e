// A prange loop: each row's sum of squares, rows run in parallel (outlined into a region function).
import { prange } from "numbat";

export default function rowNorms(X, out, m, n) {
  for (const i of prange(m)) {
    let s = 0;
    for (let j = 0; j < n; j++) s += X[i * n + j] * X[i * n + j];
    out[i] = Math.sqrt(s);
  }
}

export const options = { parallel: true };
export const args = () => [Float64Array.from({ length: 12 * 7 }, (_, i) => (i % 11) - 5), new Float64Array(12), 12, 7];
