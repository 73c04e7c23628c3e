// Other classic numeric loops: escape-time fractal, all-pairs n-body forces, polynomial evaluation.

import { type KernelCase, prng, randVec } from "./common.js";

/** Escape-time Mandelbrot set over [-2.25, 0.75] x [-1.5, 1.5]: iteration counts into an Int32Array. */
export function mandelbrot(out: Int32Array, w: number, h: number, maxIter: number): void {
  for (let py = 0; py < h; py++) {
    const y0 = -1.5 + (3 * py) / h;
    for (let px = 0; px < w; px++) {
      const x0 = -2.25 + (3 * px) / w;
      let x = 0;
      let y = 0;
      let it = 0;
      while (it < maxIter && x * x + y * y <= 4) {
        const xt = x * x - y * y + x0;
        y = 2 * x * y + y0;
        x = xt;
        it++;
      }
      out[py * w + px] = it;
    }
  }
}

/** All-pairs gravitational accelerations with softening (one force evaluation; a[i] = sum over j != i). */
export function nbodyForces(
  x: Float64Array, y: Float64Array, z: Float64Array, m: Float64Array,
  ax: Float64Array, ay: Float64Array, az: Float64Array,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    let fx = 0;
    let fy = 0;
    let fz = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = x[j] - x[i];
      const dy = y[j] - y[i];
      const dz = z[j] - z[i];
      const r2 = dx * dx + dy * dy + dz * dz + 1e-3;
      const inv = m[j] / (r2 * Math.sqrt(r2));
      fx += dx * inv;
      fy += dy * inv;
      fz += dz * inv;
    }
    ax[i] = fx;
    ay[i] = fy;
    az[i] = fz;
  }
}

/** Horner's rule for the polynomial with coefficients c (c[k] multiplies x^k) at every x[i]. */
export function polyval(c: Float64Array, x: Float64Array, out: Float64Array): void {
  const d = c.length - 1;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    let y = c[d];
    for (let k = d - 1; k >= 0; k--) y = y * xi + c[k];
    out[i] = y;
  }
}

/** murmur3's 32-bit finaliser of every key (xor-shifts and 32-bit multiplies), Int32Array in and out. */
export function hashInt32(keys: Int32Array, out: Int32Array, seed: number): void {
  for (let i = 0; i < keys.length; i++) {
    let h = keys[i] ^ seed;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = h;
  }
}

// ---------------------------------------------------------------------------------------------------

const MW = 512, MH = 512, MAXIT = 200;
const NB = 2048;
const PN = 1 << 18, DEG = 8;

export const miscKernels: KernelCase[] = [
  {
    name: "mandelbrot", group: "misc", fn: mandelbrot,
    what: "escape-time iteration counts (while loop with a data-dependent exit) into an Int32Array",
    size: `${MW} x ${MH}, max ${MAXIT} iterations`,
    make: () => [new Int32Array(MW * MH), MW, MH, MAXIT],
  },
  {
    name: "nbody", group: "misc", fn: nbodyForces,
    what: "all-pairs accelerations, softened 1/r^3 with Math.sqrt, `if (j === i) continue`, 7 Float64Arrays",
    size: `n = ${NB}`,
    make: () => {
      const r = prng(401);
      return [randVec(r, NB), randVec(r, NB), randVec(r, NB), randVec(r, NB, 0.5, 1.5), new Float64Array(NB), new Float64Array(NB), new Float64Array(NB)];
    },
    flops: 20 * NB * (NB - 1),
  },
  {
    name: "horner", group: "misc", fn: polyval,
    what: "degree-8 polynomial by Horner's rule at each x[i] (inner loop counts down), Float64Array",
    size: `n = 2^18, degree ${DEG}`,
    make: () => { const r = prng(402); return [randVec(r, DEG + 1), randVec(r, PN), new Float64Array(PN)]; },
    flops: 2 * DEG * PN,
  },
  {
    name: "hash_i32", group: "misc", fn: hashInt32,
    what: "murmur3 fmix32 of every key: xor-shifts and Math.imul, Int32Array in, Int32Array out",
    size: "n = 2^18",
    make: () => { const r = prng(403); return [Int32Array.from({ length: PN }, () => Math.floor(r() * 2 ** 32) - 2 ** 31), new Int32Array(PN), 0x9747b28c | 0]; },
    bytes: 8 * PN,
  },
];
