// An n-d array kernel through get/set: a 5-point stencil, bounds checks versioned out of the nest.
import { zeros } from "numbat";

export default function smooth(A, B) {
  const [m, n] = A.shape;
  for (let i = 1; i < m - 1; i++)
    for (let j = 1; j < n - 1; j++)
      B.set(i, j, 0.25 * (A.get(i - 1, j) + A.get(i + 1, j) + A.get(i, j - 1) + A.get(i, j + 1)));
}

export const args = () => {
  const A = zeros([7, 8]);
  for (let i = 0; i < 7; i++) for (let j = 0; j < 8; j++) A.set(i, j, (i * 5 + j * 3) % 7);
  return [A, zeros([7, 8])];
};
