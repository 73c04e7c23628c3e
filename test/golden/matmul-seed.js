// The seed itself: the naive i-j-k product of two n-d arrays through get/set, allocating the result.
import { zeros } from "numbat";

export default function matrixMultiplyLoops(A, B) {
  const [m, n] = A.shape;
  const [n2, p] = B.shape;
  if (n !== n2) throw new Error("Inner matrix dimensions must agree.");
  const C = zeros([m, p]);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++)
      for (let k = 0; k < n; k++)
        C.set(i, j, C.get(i, j) + A.get(i, k) * B.get(k, j));
  return C;
}

const mat = (m, n, seed) => {
  const M = zeros([m, n]);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) M.set(i, j, ((i * 31 + j * 17 + seed) % 13) / 4 - 1.5);
  return M;
};
export const args = () => [mat(6, 11, 1), mat(11, 9, 2)];
