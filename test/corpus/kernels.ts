// The GPU kernel corpus: kernels in numbat's kernel language with their launch grids and inputs.
// Every GPU target is tested on it: the simulator against plain JS (kernels without barriers run as
// ordinary functions, thread by thread) or against a host computation (`expect`), and the WebGPU and
// CUDA targets against the simulator.
//
// `gpu` is numbat's exported object; kernels reference it as a free name, as they would in user code.

import { gpu, type LaunchConfig } from "../../src/index.js";
import { prng } from "../../examples/random.js";
import { matmulBlocked, matmulNaive, matmulTiled, TILE } from "../../examples/gpu-matmul.js";

export interface KernelCase {
  readonly name: string;
  readonly fn: Function;
  /** Fresh arguments for one launch. */
  readonly args: () => unknown[];
  readonly grid: LaunchConfig;
  /** Runs on WebGPU: only float32/int32/uint32 arrays, int atomics (and then float "f32"). */
  readonly webgpu: boolean;
  /** Uses gpu.barrier(), so it cannot run as a plain function: `expect` gives the reference. */
  readonly barriers?: boolean;
  /** Results (the arguments after the launch) computed on the host, for kernels with barriers. */
  readonly expect?: (args: unknown[]) => unknown[];
  /** Atomics whose order matters for floats: results compared with a tolerance even in f64. */
  readonly unordered?: boolean;
  readonly scope?: Record<string, unknown>;
}

const rand = (n: number, seed: number, scale = 1): number[] => {
  const r = prng(seed);
  return Array.from({ length: n }, () => (r() * 2 - 1) * scale);
};
const f32 = (n: number, seed: number, scale = 1) => new Float32Array(rand(n, seed, scale));
const i32 = (n: number, seed: number, mod: number) => new Int32Array(rand(n, seed, mod).map(Math.trunc));

const N = 200;
const M = 2 * TILE; // matrix size for the matmul kernels (a multiple of TILE)

export const KERNELS: KernelCase[] = [
  {
    name: "saxpy",
    fn: function saxpy(a: number, x: Float32Array, y: Float32Array, n: number) {
      const i = gpu.globalId.x;
      if (i < n) y[i] = a * x[i]! + y[i]!;
    },
    args: () => [2.5, f32(N, 1), f32(N, 2), N],
    grid: { groups: Math.ceil(N / 64), groupSize: 64 },
    webgpu: true,
  },
  {
    name: "addInt",
    fn: function addInt(a: Int32Array, b: Int32Array, out: Int32Array) {
      const i = gpu.globalId.x;
      if (i < out.length) out[i] = (a[i]! + b[i]!) | 0;
    },
    args: () => [i32(N, 3, 1e6), i32(N, 4, 1e6), new Int32Array(N)],
    grid: { groups: 4, groupSize: 64 },
    webgpu: true,
  },
  {
    name: "matmulNaive",
    fn: matmulNaive,
    args: () => [f32(M * M, 5), f32(M * M, 6), new Float32Array(M * M), M],
    grid: { groups: [M / 8, M / 8], groupSize: [8, 8] },
    webgpu: true,
  },
  {
    name: "matmulBlocked",
    fn: matmulBlocked,
    args: () => [f32(M * M, 5), f32(M * M, 6), new Float32Array(M * M), M],
    grid: { groups: [Math.ceil(M / 128), Math.ceil(M / 128)], groupSize: [16, 16] },
    webgpu: true,
  },
  {
    name: "matmulTiled",
    fn: matmulTiled,
    args: () => [f32(M * M, 5), f32(M * M, 6), new Float32Array(M * M), M],
    grid: { groups: [M / TILE, M / TILE], groupSize: [TILE, TILE] },
    webgpu: true,
    barriers: true,
    scope: { TILE },
    expect: ([A, B, C, n]) => {
      const a = A as Float32Array, b = B as Float32Array, c = new Float32Array(C as Float32Array), m = n as number;
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += a[i * m + k]! * b[k * m + j]!;
        c[i * m + j] = s;
      }
      return [A, B, c, n];
    },
  },
  {
    name: "groupSum",
    fn: function groupSum(a: Float32Array, out: Float32Array, n: number) {
      const t = gpu.shared(64, "float32");
      const l = gpu.localId.x, i = gpu.globalId.x;
      t[l] = i < n ? a[i]! : 0;
      gpu.barrier();
      for (let s = 32; s > 0; s >>= 1) {
        if (l < s) t[l] += t[l + s]!;
        gpu.barrier();
      }
      if (l === 0) out[gpu.groupId.x] = t[0]!;
    },
    args: () => [f32(256, 7), new Float32Array(4), 256],
    grid: { groups: 4, groupSize: 64 },
    webgpu: true,
    barriers: true,
    expect: ([a, out, n]) => {
      const x = a as Float32Array, o = new Float32Array((out as Float32Array).length);
      for (let g = 0; g < o.length; g++) {
        const t = Float32Array.from({ length: 64 }, (_, l) => (g * 64 + l < (n as number) ? x[g * 64 + l]! : 0));
        for (let s = 32; s > 0; s >>= 1) for (let l = 0; l < s; l++) t[l] += t[l + s]!;
        o[g] = t[0]!;
      }
      return [a, o, n];
    },
  },
  {
    name: "histogram",
    fn: function histogram(data: Int32Array, bins: Int32Array, n: number) {
      const i = gpu.globalId.x;
      if (i < n) {
        const b = ((data[i]! % bins.length) + bins.length) % bins.length;
        gpu.atomicAdd(bins, b, 1);
      }
    },
    args: () => [i32(N, 8, 1000), new Int32Array(10), N],
    grid: { groups: 4, groupSize: 64 },
    webgpu: true,
  },
  {
    name: "atomicsInt",
    fn: function atomicsInt(x: Int32Array, out: Int32Array, old: Int32Array) {
      const i = gpu.globalId.x;
      if (i < x.length) {
        const v = x[i]!;
        gpu.atomicMin(out, 0, v);
        gpu.atomicMax(out, 1, v);
        gpu.atomicAnd(out, 2, v | 0x0f0);
        gpu.atomicOr(out, 3, v & 0x0f0);
        gpu.atomicXor(out, 4, v);
        gpu.atomicSub(out, 5, 1);
        old[i] = gpu.atomicAdd(out, 6, 0); // adding 0 reads atomically: the same value whatever the order
      }
    },
    args: () => [i32(N, 9, 1e6), new Int32Array([2147483647, -2147483648, -1, 0, 0, 0, 7]), new Int32Array(N)],
    grid: { groups: 4, groupSize: 64 },
    webgpu: true,
  },
  {
    name: "transposeShared",
    fn: function transposeShared(a: Float32Array, out: Float32Array, n: number) {
      const tile = gpu.shared(64, "float32");
      const x = gpu.groupId.x * 8 + gpu.localId.x, y = gpu.groupId.y * 8 + gpu.localId.y;
      tile[gpu.localId.y * 8 + gpu.localId.x] = a[y * n + x]!;
      gpu.barrier();
      const tx = gpu.groupId.y * 8 + gpu.localId.x, ty = gpu.groupId.x * 8 + gpu.localId.y;
      out[ty * n + tx] = tile[gpu.localId.x * 8 + gpu.localId.y]!;
    },
    args: () => [f32(M * M, 10), new Float32Array(M * M), M],
    grid: { groups: [M / 8, M / 8], groupSize: [8, 8] },
    webgpu: true,
    barriers: true,
    expect: ([a, out, n]) => {
      const x = a as Float32Array, m = n as number, o = new Float32Array((out as Float32Array).length);
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) o[j * m + i] = x[i * m + j]!;
      return [a, o, n];
    },
  },
  {
    name: "stencil",
    fn: function stencil(u: Float32Array, v: Float32Array, w: number) {
      const i = gpu.globalId.x, n = u.length;
      if (i === 0 || i === n - 1) v[i] = u[i]!;
      else if (i < n) v[i] = u[i]! + w * (u[i - 1]! - 2 * u[i]! + u[i + 1]!);
    },
    args: () => [f32(N, 11), new Float32Array(N), 0.25],
    grid: { groups: 4, groupSize: 64 },
    webgpu: true,
  },
  {
    name: "mandelbrot",
    fn: function mandelbrot(out: Int32Array, w: number, h: number, maxIter: number) {
      const px = gpu.globalId.x, py = gpu.globalId.y;
      if (px >= w || py >= h) return;
      const cx = -2 + (3 * px) / w, cy = -1.25 + (2.5 * py) / h;
      let x = 0, y = 0, k = 0;
      while (k < maxIter) {
        const x2 = x * x, y2 = y * y;
        if (x2 + y2 > 4) break;
        y = 2 * x * y + cy;
        x = x2 - y2 + cx;
        k++;
      }
      out[py * w + px] = k;
    },
    args: () => [new Int32Array(24 * 16), 24, 16, 50],
    grid: { groups: [3, 2], groupSize: [8, 8] },
    webgpu: true,
  },
  {
    name: "intBits",
    fn: function intBits(seed: Uint32Array, out: Uint32Array) {
      const i = gpu.globalId.x;
      if (i >= out.length) return;
      let s = seed[i]! | 0;
      for (let r = 0; r < 4; r++) {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
      }
      out[i] = (s >>> 0) % 100000;
    },
    args: () => [new Uint32Array(rand(N, 12, 2 ** 31).map((x) => Math.abs(Math.trunc(x)) + 1)), new Uint32Array(N)],
    grid: { groups: 4, groupSize: 64 },
    webgpu: true,
  },
  {
    name: "mathFns",
    fn: function mathFns(x: Float32Array, out: Float32Array) {
      const i = gpu.globalId.x;
      if (i >= x.length) return;
      const v = x[i]!;
      out[i * 8] = Math.sqrt(Math.abs(v));
      out[i * 8 + 1] = Math.exp(v);
      out[i * 8 + 2] = Math.sin(v) + Math.cos(v);
      out[i * 8 + 3] = Math.floor(v * 3) + Math.ceil(v * 2) + Math.trunc(v * 5);
      out[i * 8 + 4] = Math.min(v, 0.25) * Math.max(v, -0.5);
      out[i * 8 + 5] = Math.log(Math.abs(v) + 1) + Math.tanh(v);
      out[i * 8 + 6] = Math.pow(Math.abs(v), 1.5) + Math.atan2(v, 0.5);
      out[i * 8 + 7] = Math.round(v * 4) + Math.sign(v);
    },
    args: () => [f32(64, 13, 2), new Float32Array(64 * 8)],
    grid: { groups: 1, groupSize: 64 },
    webgpu: true,
  },
  {
    name: "grid3d",
    fn: function grid3d(out: Int32Array) {
      const x = gpu.globalId.x, y = gpu.globalId.y, z = gpu.globalId.z;
      const w = gpu.numGroups.x * gpu.groupSize.x, h = gpu.numGroups.y * gpu.groupSize.y;
      out[(z * h + y) * w + x] = x + 100 * y + 10000 * z + gpu.localId.x * gpu.groupId.z;
    },
    args: () => [new Int32Array(8 * 6 * 4)],
    grid: { groups: [2, 3, 2], groupSize: [4, 2, 2] },
    webgpu: true,
  },
  {
    name: "controlFlow",
    fn: function controlFlow(a: Int32Array, out: Int32Array, flip: boolean) {
      const i = gpu.globalId.x;
      if (i >= a.length) return;
      let acc = 0;
      outer: for (let j = 0; j < 8; j++) {
        if ((a[i]! + j) % 3 === 0) continue;
        for (let k = 0; k < 8; k++) {
          if (k * j > 20) continue outer;
          if (acc > 500) break outer;
          acc += flip ? k - j : j * k;
        }
      }
      let m = a[i]!;
      do { m = m > 0 ? m - 7 : m + 5; } while (m > 10 || m < -10);
      out[i] = acc * 100 + m;
    },
    args: () => [i32(N, 14, 100), new Int32Array(N), true],
    grid: { groups: 4, groupSize: 64 },
    webgpu: true,
  },
  {
    name: "dotF64",
    fn: function dotF64(a: Float64Array, b: Float64Array, out: Float64Array) {
      const i = gpu.globalId.x;
      if (i < a.length) gpu.atomicAdd(out, 0, a[i]! * b[i]!);
    },
    args: () => [new Float64Array(rand(N, 15)), new Float64Array(rand(N, 16)), new Float64Array(1)],
    grid: { groups: 4, groupSize: 64 },
    webgpu: false,
    unordered: true,
  },
  {
    name: "scaleF64",
    fn: function scaleF64(a: Float64Array, s: number) {
      const i = gpu.globalId.x;
      if (i < a.length) a[i] = Math.sqrt(a[i]! * a[i]! + s) / 3;
    },
    args: () => [new Float64Array(rand(N, 17)), 1e-3],
    grid: { groups: 4, groupSize: 64 },
    webgpu: false,
  },
];

/** Launch grid as [x, y, z] triples. */
export function gridOf(c: KernelCase): { groups: [number, number, number]; groupSize: [number, number, number] } {
  const t = (v: number | readonly number[] | undefined): [number, number, number] => {
    const a = v === undefined ? [1] : typeof v === "number" ? [v] : [...v];
    return [a[0] ?? 1, a[1] ?? 1, a[2] ?? 1];
  };
  return { groups: t(c.grid.groups), groupSize: t(c.grid.groupSize) };
}

/**
 * The plain-JS oracle for kernels without barriers: calls the function once per thread, in order,
 * with numbat's `gpu` object describing that thread.
 */
export function runPlain(c: KernelCase, args: unknown[]): void {
  const { groups, groupSize } = gridOf(c);
  const set = (o: { x: number; y: number; z: number }, v: readonly number[]) => { o.x = v[0]!; o.y = v[1]!; o.z = v[2]!; };
  set(gpu.groupSize, groupSize);
  set(gpu.numGroups, groups);
  for (let gz = 0; gz < groups[2]; gz++) for (let gy = 0; gy < groups[1]; gy++) for (let gx = 0; gx < groups[0]; gx++)
    for (let lz = 0; lz < groupSize[2]; lz++) for (let ly = 0; ly < groupSize[1]; ly++) for (let lx = 0; lx < groupSize[0]; lx++) {
      set(gpu.groupId, [gx, gy, gz]);
      set(gpu.localId, [lx, ly, lz]);
      set(gpu.globalId, [gx * groupSize[0] + lx, gy * groupSize[1] + ly, gz * groupSize[2] + lz]);
      c.fn(...args);
    }
}
