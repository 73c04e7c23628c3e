// The seed example: the naive matrix product, written the obvious way. This is the project's
// showcase; the demo, the benchmark, the tests and the docs all import this one copy.
// (A typed const rather than a `function` declaration only so that TypeScript infers the
// parameter types; the function's own text, which numbat compiles, is unchanged.)
import { zeros } from "../src/index.js";

export const matrixMultiplyLoops: (A: ReturnType<typeof zeros>, B: ReturnType<typeof zeros>) => ReturnType<typeof zeros> =
function matrixMultiplyLoops(A, B) {
  const [m, n] = A.shape;
  const [n2, p] = B.shape;
  if (n !== n2) throw new Error("Inner matrix dimensions must agree.");
  const C = zeros([m, p]);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++)
      for (let k = 0; k < n; k++)
        C.set(i, j, C.get(i, j) + A.get(i, k) * B.get(k, j));
  return C;
};
