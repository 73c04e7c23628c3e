// Integers and bitwise operators: a xorshift hash of each element, exact in 32-bit lanes (i32x4).
export default function hashAll(src, dst) {
  for (let i = 0; i < src.length; i++) {
    let x = src[i] ^ 0x9e3779b9;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    dst[i] = Math.imul(x, 0x85ebca6b) | 0;
  }
}

export const args = () => [Int32Array.from({ length: 29 }, (_, i) => i * 2654435761), new Int32Array(29)];
