// y = a·x + y: the vectorisable loop (f64x2 lanes, two registers per iteration).
export default function axpy(a, x, y) {
  for (let i = 0; i < y.length; i++) y[i] = a * x[i] + y[i];
}

export const args = () => [2.5, Float64Array.from({ length: 21 }, (_, i) => i / 3), Float64Array.from({ length: 21 }, (_, i) => 1 - i)];
