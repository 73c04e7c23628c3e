// The seed's matrix product on flat arrays (row-major m×n times n×p): interchange, register tiling
// and bounds versioning all apply to this nest.
export default function matmulFlat(A, B, C, m, n, p) {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k] * B[k * p + j];
      C[i * p + j] = s;
    }
}

const fill = (len, seed) => Float64Array.from({ length: len }, (_, i) => ((i * 7919 + seed) % 23) / 7 - 1.5);
export const args = () => [fill(9 * 5, 1), fill(5 * 10, 2), new Float64Array(9 * 10), 9, 5, 10];
