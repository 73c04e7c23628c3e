// Integer semantics: bit tricks with JS's 32-bit operators, shifts >= 32, `|0` of big floats,
// Math.imul/clz32, sums past 2^31 (exact below 2^53), int/float mixing, every compound assignment,
// ++/-- inside expressions, and typed-array stores that narrow.
//
// No kernel here makes -0 out of integer operations (integer `*`, unary `-` or `%` giving -0 in JS):
// numbat's integers hold +0 there by contract, so those cases are not differential.

import { EDGE_VALUES, edgeValuesSigned, mulberry32, randFloats, randInts, withEdges, type Kernel } from "../harness.js";

/** Kernighan popcount loop with `>>>` and `&=`. */
export function popcountSum(a: Int32Array, counts: Int32Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i] >>> 0;
    let c = 0;
    while (x !== 0) {
      x &= x - 1;
      c++;
    }
    counts[i] = c;
    total += c;
  }
  return total;
}

/** SWAR popcount with Math.imul. */
export function popcountSwar(a: Int32Array, counts: Int32Array): void {
  for (let i = 0; i < a.length; i++) {
    let x = a[i];
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    x = (x + (x >>> 4)) & 0x0f0f0f0f;
    counts[i] = Math.imul(x, 0x01010101) >>> 24;
  }
}

/** Shift counts are taken mod 32 (also 33, 64, negative and fractional counts). */
export function shifts(a: Int32Array, s: Float64Array, out: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    out[3 * i] = a[i] << s[i];
    out[3 * i + 1] = a[i] >> s[i];
    out[3 * i + 2] = a[i] >>> s[i];
  }
}

/** Literal shift counts >= 32 on integer values. */
export function literalShifts(a: Int32Array, out: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    out[6 * i] = x << 32;
    out[6 * i + 1] = x << 33;
    out[6 * i + 2] = x >> 40;
    out[6 * i + 3] = x >>> 32;
    out[6 * i + 4] = x >>> 63;
    out[6 * i + 5] = 1 << 31;
  }
}

/** ToInt32/ToUint32 of floats of every size: `|0`, `~~`, `>>>0`, `~`, `&`, `^`. */
export function toInt32Family(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[6 * i] = v | 0;
    out[6 * i + 1] = ~~v;
    out[6 * i + 2] = v >>> 0;
    out[6 * i + 3] = ~v;
    out[6 * i + 4] = v & 0xff;
    out[6 * i + 5] = v ^ -1;
  }
}

export function imulClz(a: Float64Array, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    out[2 * i] = Math.imul(a[i], b[i]);
    out[2 * i + 1] = Math.clz32(a[i]);
  }
}

export function imulClzInt(a: Int32Array, b: Int32Array, out: Int32Array): void {
  for (let i = 0; i < a.length; i++) out[i] = Math.imul(a[i], b[i]) ^ Math.clz32(a[i] | b[i]);
}

/** Sum of i*i: passes 2^31 early, exact in both since it stays below 2^53. */
export function sumSquares(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += i * i;
  return s;
}

/** The same with 32-bit wrap-around requested by `| 0`. */
export function sumSquaresWrapped(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + i * i) | 0;
  return s;
}

/** 18! is above 2^31 and below 2^53. */
export function factorial(n: number): number {
  let p = 1;
  for (let i = 2; i <= n; i++) p *= i;
  return p;
}

/** An int variable that becomes float: `let s = 0; s += 0.5`. */
export function intFloatMix(a: Int32Array): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    s += 0.5;
    c = c + a[i] / 3;
    if (a[i] > 0) s += a[i];
  }
  return s * 1000 + c;
}

/** Integer division is float division; integer `%` with non-zero divisors. */
export function intDivMod(a: Int32Array, b: Int32Array, q: Float64Array, r: Int32Array): void {
  for (let i = 0; i < a.length; i++) {
    q[i] = a[i] / b[i];
    if (b[i] !== 0) r[i] = a[i] % b[i];
  }
}

/** Float `%` (fmod), including zero divisors (NaN) and signed zero results. */
export function floatMod(a: Float64Array, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < a.length; i++) out[i] = a[i] % b[i];
}

export function gcdAll(a: Int32Array, b: Int32Array, out: Int32Array): void {
  for (let i = 0; i < a.length; i++) {
    let x = a[i];
    let y = b[i];
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    out[i] = x;
  }
}

/** Every compound assignment operator, on float and on integer variables. */
export function compoundAll(a: Float64Array, b: Int32Array, out: Float64Array): number {
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i];
    x += 1.25; out[k++] = x;
    x -= 0.5; out[k++] = x;
    x *= -3; out[k++] = x;
    x /= 7; out[k++] = x;
    x %= 2; out[k++] = x;
    x **= 2; out[k++] = x;
    let y = b[i];
    y += 17; out[k++] = y;
    y -= 5; out[k++] = y;
    y *= 3; out[k++] = y;
    y <<= 3; out[k++] = y;
    y >>= 1; out[k++] = y;
    y >>>= 2; out[k++] = y;
    y &= 0x7fff; out[k++] = y;
    y %= 1000; out[k++] = y;
    y |= 0x100; out[k++] = y;
    y ^= 0x5a5a; out[k++] = y;
    y **= 2; out[k++] = y;
    let z = a[i];
    z |= 3; out[k++] = z;
    z ^= 0xf0; out[k++] = z;
    z <<= 34; out[k++] = z;
    z >>>= 1; out[k++] = z;
    let w = b[i];
    w /= 4; out[k++] = w;
  }
  return k;
}

/** ++/-- prefix and postfix inside expressions: `out[k++] = x` compaction. */
export function compactPositive(a: Float64Array, out: Float64Array): number {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > 0) out[k++] = a[i];
  return k;
}

export function incDecExpressions(n: number, out: Float64Array): number {
  let i = 0;
  let j = n;
  let k = 0;
  while (i < j) out[k++] = i++ * 10 + --j;
  out[k++] = ++i + j--;
  out[k++] = i-- - --j;
  let x = 0.5;
  out[k++] = x++;
  out[k++] = ++x;
  out[k++] = x--;
  out[k++] = --x;
  return k;
}

/** Reverse copy with `b[--j] = a[i++]`, and ++/-- on array elements as expression values. */
export function reverseAndBump(a: Float64Array, b: Float64Array, c: Int32Array): number {
  let i = 0;
  let j = b.length;
  while (j > 0) b[--j] = a[i++];
  let s = 0;
  for (let t = 0; t < c.length; t++) {
    s += c[t]++;
    s += ++c[t];
    s += c[t]--;
    s += --c[t];
    a[t] += 1;
    s += ++a[t];
  }
  return s;
}

/** Stores that narrow: each typed array applies its own conversion. */
export function narrowStores(
  src: Float64Array, i32: Int32Array, u32: Uint32Array, i16: Int16Array, u16: Uint16Array,
  i8: Int8Array, u8: Uint8Array, u8c: Uint8ClampedArray, f32: Float32Array,
): void {
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    i32[i] = v;
    u32[i] = v;
    i16[i] = v;
    u16[i] = v;
    i8[i] = v;
    u8[i] = v;
    u8c[i] = v;
    f32[i] = v;
  }
}

/** Integer-typed values stored into narrow arrays, then read back (u32 reads above 2^31). */
export function narrowIntStores(
  i32: Int32Array, u32: Uint32Array, i16: Int16Array, u16: Uint16Array, i8: Int8Array, u8: Uint8Array, u8c: Uint8ClampedArray,
): number {
  let s = 0;
  for (let k = 0; k < i32.length; k++) {
    i32[k] = k * 123456789;
    u32[k] = k * -123456789 - 1;
    i16[k] = k * 5000;
    u16[k] = k * 5000 - 70000;
    i8[k] = k * 37;
    u8[k] = k * 37 - 1000;
    u8c[k] = k * 37 - 500;
    s += i32[k] + u32[k] + i16[k] + u16[k] + i8[k] + u8[k] + u8c[k];
  }
  return s;
}

export function xorshift32(out: Uint32Array, seed: number): number {
  let x = seed | 0;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x;
  }
  return x >>> 0;
}

export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const NARROW_VALUES = [
  3.7, -3.7, 300, NaN, 2 ** 32 + 5, 2.5, 3.5, -2.5, 0.5, 1.5, 254.5, 255.5, 256, -0.5, -1, 65535.6, 65536, -129,
  128, 127.9, 200, -32769, 32768, 1e20, -1e20, 2 ** 31, -(2 ** 31) - 1, 4294967295.9, 1e-300, 1 / 3,
  3.4028235677973366e38, 3.4028236e38, 1e-46, 1.401298464324817e-45, 16777217, -16777217,
];

const narrowArgs = (values: number[]) => () => {
  const n = values.length;
  return [
    Float64Array.from(values), new Int32Array(n), new Uint32Array(n), new Int16Array(n), new Uint16Array(n),
    new Int8Array(n), new Uint8Array(n), new Uint8ClampedArray(n), new Float32Array(n),
  ];
};

const BIG_FLOATS = [
  1e10 + 0.7, -1e10 - 0.7, 2 ** 32 + 5.5, -(2 ** 32) - 5.5, 4294967295.9, 2 ** 31 + 0.5, -(2 ** 31) - 0.5, 1e20, -1e20, 2 ** 52 + 1,
  2 ** 63, 2 ** 64 + 2 ** 40, 1e300, 0.9999, -0.9999,
];

export const intKernels: Kernel[] = [
  {
    name: "popcount loop (>>>, &=)", fn: popcountSum,
    args: () => { const a = Int32Array.from([0, -1, 1, -(2 ** 31), 2 ** 31 - 1, ...randInts(mulberry32(70), 200, -(2 ** 31), 2 ** 31 - 1)]); return [a, new Int32Array(a.length)]; },
  },
  {
    name: "SWAR popcount (Math.imul)", fn: popcountSwar,
    args: () => { const a = Int32Array.from([0, -1, 1, -(2 ** 31), 2 ** 31 - 1, ...randInts(mulberry32(71), 200, -(2 ** 31), 2 ** 31 - 1)]); return [a, new Int32Array(a.length)]; },
  },
  {
    name: "shifts by variable counts (mod 32, negative, fractional)", fn: shifts,
    args: () => {
      const r = mulberry32(72);
      const n = 120;
      const a = Int32Array.from([1, -1, 2 ** 31 - 1, -(2 ** 31), ...randInts(r, n - 4, -(2 ** 31), 2 ** 31 - 1)]);
      const s = Float64Array.from([0, 31, 32, 33, 63, 64, -1, -33, 1.9, 35.5, ...randInts(r, n - 10, -70, 70)]);
      return [a, s, new Float64Array(3 * n)];
    },
  },
  {
    name: "literal shifts >= 32", fn: literalShifts,
    args: () => { const a = Int32Array.from([0, 1, -1, 2 ** 31 - 1, -(2 ** 31), ...randInts(mulberry32(73), 40, -(2 ** 31), 2 ** 31 - 1)]); return [a, new Float64Array(6 * a.length)]; },
  },
  {
    name: "|0, ~~, >>>0, ~, &, ^ of big floats", fn: toInt32Family,
    args: () => { const x = withEdges(mulberry32(74), 100, BIG_FLOATS); return [x, new Float64Array(6 * x.length)]; },
  },
  {
    name: "Math.imul and Math.clz32 on edge values", fn: imulClz,
    args: () => {
      const vals = [...edgeValuesSigned(), ...BIG_FLOATS, 3, 7, 65535, 65537];
      const a = Float64Array.from(vals);
      const b = Float64Array.from(vals.map((_, i) => vals[(i * 7 + 3) % vals.length]));
      return [a, b, new Float64Array(2 * a.length)];
    },
  },
  {
    name: "Math.imul and Math.clz32 on Int32Array", fn: imulClzInt,
    args: () => { const r = mulberry32(75); return [randInts(r, 300, -(2 ** 31), 2 ** 31 - 1), randInts(r, 300, -(2 ** 31), 2 ** 31 - 1), new Int32Array(300)]; },
  },
  { name: "sum of i*i up to 1e5 (past 2^31)", fn: sumSquares, args: () => [100000] },
  { name: "sum of i*i wrapped with |0", fn: sumSquaresWrapped, args: () => [100000] },
  { name: "18! (past 2^31, below 2^53)", fn: factorial, args: () => [18] },
  { name: "int/float mixing (s += 0.5)", fn: intFloatMix, args: () => [randInts(mulberry32(76), 100, -50, 50)] },
  {
    name: "integer / is float division, integer % by non-zero", fn: intDivMod,
    args: () => {
      const r = mulberry32(77);
      const n = 200;
      const a = randInts(r, n, -1000, 1000);
      const b = randInts(r, n, -30, 30);
      // Keep integer % away from -0 (a negative multiple of b gives -0 in JS; numbat's ints hold +0).
      for (let i = 0; i < n; i++) if (b[i] !== 0 && a[i] <= 0 && a[i] % b[i] === 0) a[i] = Math.abs(a[i]) + 1;
      a[0] = 0; b[0] = 0; // 0/0: NaN (the % is skipped)
      a[1] = 5; b[1] = 0;
      a[2] = -5; b[2] = 0;
      a[3] = 0; b[3] = -3; // 0 / -3 is -0 in float division: that one is real
      return [a, b, new Float64Array(n), new Int32Array(n)];
    },
  },
  {
    name: "float % (fmod) on edge values", fn: floatMod,
    args: () => {
      const vals = [...edgeValuesSigned(), 3, -3, 2.5, 1e-300, 7.25, -6.5];
      const [xs, ys] = [Float64Array.from(vals.flatMap((v) => vals.map(() => v))), Float64Array.from(vals.flatMap(() => vals))];
      return [xs, ys, new Float64Array(xs.length)];
    },
  },
  {
    name: "gcd loop (%)", fn: gcdAll,
    args: () => { const r = mulberry32(78); return [randInts(r, 200, 1, 1000000), randInts(r, 200, 1, 1000000), new Int32Array(200)]; },
  },
  {
    name: "every compound assignment operator", fn: compoundAll,
    args: () => {
      const r = mulberry32(79);
      const a = withEdges(r, 40, BIG_FLOATS);
      const b = Int32Array.from(Array.from(a, () => Math.floor(r() * 200000) - 100000));
      return [a, b, new Float64Array(22 * a.length)];
    },
  },
  {
    name: "out[k++] = x compaction", fn: compactPositive,
    args: () => { const a = withEdges(mulberry32(80), 100); return [a, new Float64Array(a.length)]; },
  },
  { name: "++/-- prefix and postfix in expressions", fn: incDecExpressions, args: () => [9, new Float64Array(20)] },
  {
    name: "b[--j] = a[i++] and ++/-- on array elements", fn: reverseAndBump,
    args: () => { const r = mulberry32(81); return [randFloats(r, 30), new Float64Array(30), randInts(r, 30, -100, 100)]; },
  },
  { name: "narrowing stores into every typed array", fn: narrowStores, args: narrowArgs([...NARROW_VALUES, ...EDGE_VALUES, -0]) },
  {
    name: "integer stores that wrap, then read back", fn: narrowIntStores,
    args: () => { const n = 64; return [new Int32Array(n), new Uint32Array(n), new Int16Array(n), new Uint16Array(n), new Int8Array(n), new Uint8Array(n), new Uint8ClampedArray(n)]; },
  },
  { name: "xorshift32 into a Uint32Array", fn: xorshift32, args: () => [new Uint32Array(100), 2463534242] },
  { name: "FNV-1a hash of bytes", fn: fnv1a, args: () => [randInts(mulberry32(82), 500, 0, 255, Uint8Array)] },
  { name: "floats in [0,1) stored to Float32Array", fn: narrowStores, args: narrowArgs(Array.from(randFloats(mulberry32(83), 64, 0, 1))) },
];
