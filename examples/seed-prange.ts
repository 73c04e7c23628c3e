// The seed's naive matrix product (examples/seed.ts) with its outer loop written as prange: each
// iteration computes one row of C, so the rows run on several threads (wasm workers, or OpenMP on the
// native target). The loops are otherwise the seed's, and so are the results, bit for bit.
import { prange, zeros } from "../src/index.js";

export const matrixMultiplyRows: (A: ReturnType<typeof zeros>, B: ReturnType<typeof zeros>) => ReturnType<typeof zeros> =
function matrixMultiplyRows(A, B) {
  const [m, n] = A.shape;
  const [n2, p] = B.shape;
  if (n !== n2) throw new Error("Inner matrix dimensions must agree.");
  const C = zeros([m, p]);
  for (const i of prange(m))
    for (let j = 0; j < p; j++)
      for (let k = 0; k < n; k++)
        C.set(i, j, C.get(i, j) + A.get(i, k) * B.get(k, j));
  return C;
};
