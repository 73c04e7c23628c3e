// An escape-time loop (the Mandelbrot iteration): a while loop inside a counted loop, which
// interleave-escapes runs four iterations at a time.
export default function escapes(cr, ci, out, limit) {
  for (let p = 0; p < out.length; p++) {
    let x = 0, y = 0, k = 0;
    while (k < limit && x * x + y * y <= 4) {
      const t = x * x - y * y + cr[p];
      y = 2 * x * y + ci[p];
      x = t;
      k++;
    }
    out[p] = k;
  }
}

export const args = () => [
  Float64Array.from({ length: 13 }, (_, i) => -2 + i * 0.2),
  Float64Array.from({ length: 13 }, (_, i) => -1 + i * 0.15),
  new Int32Array(13),
  50,
];
