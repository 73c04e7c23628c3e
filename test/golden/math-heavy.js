// Math functions: engine imports (sin, atan2, hypot, pow), instructions (sqrt, floor, abs, min) and
// helpers (round, sign), with int and f64 operands.
export default function waves(x, out) {
  let acc = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const r = Math.sqrt(Math.abs(v)) + Math.sin(v) * Math.atan2(v, 1 + i);
    const h = Math.hypot(v, r, 2) - Math.pow(1.5, Math.floor(v));
    out[i] = Math.min(r, h) + Math.round(v * 3) * Math.sign(v - 1);
    acc += Math.max(i % 3, 1);
  }
  return acc;
}

export const args = () => [Float64Array.from({ length: 17 }, (_, i) => (i - 8) * 0.75), new Float64Array(17)];
