// Float32Array in and out, one correctly rounded operation per store: exact in f32x4 lanes.
export default function addF32(a, b, c) {
  for (let i = 0; i < c.length; i++) c[i] = a[i] + b[i];
}

export const args = () => [Float32Array.from({ length: 19 }, (_, i) => i / 7), Float32Array.from({ length: 19 }, (_, i) => 1 / (i + 1)), new Float32Array(19)];
