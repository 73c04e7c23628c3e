// The GPU section of examples/browser: the seed's matrix product on float32 matrices, as the tiled
// shared-memory kernel of docs/kernels.md and as an offloaded prange nest (jit), both with target
// "webgpu" on the browser's own navigator.gpu, checked against plain JS computing in float32.
// runner.ts runs it in the page's worker; test/browser.test.ts runs the same kernels on the simulator
// in Node and compares. No side effects at import, so the test can import it.

/// <reference types="@webgpu/types" />

import { gpu, jit, kernel, prange, toDevice, type DeviceArray } from "../../src/index.js";
import { adapterName } from "../../src/backends/webgpu/device.js";
import { prng } from "../random.js";

export const TILE = 16;

// The kernels as text, compiled with `new Function` below: a bundler reprints code it bundles (and may
// rename `gpu` or `prange`), and numbat compiles a function's text (docs/browser.md).
export const TILED_SOURCE = `function matmulTiled(A, B, C, n) {
  const As = gpu.shared(TILE * TILE, "float32");
  const Bs = gpu.shared(TILE * TILE, "float32");
  const tx = gpu.localId.x, ty = gpu.localId.y;
  const row = gpu.groupId.y * TILE + ty, col = gpu.groupId.x * TILE + tx;
  let s = 0;
  for (let t = 0; t < n; t += TILE) {
    As[ty * TILE + tx] = row < n && t + tx < n ? A[row * n + t + tx] : 0;
    Bs[ty * TILE + tx] = t + ty < n && col < n ? B[(t + ty) * n + col] : 0;
    gpu.barrier();
    for (let k = 0; k < TILE; k++) s += As[ty * TILE + k] * Bs[k * TILE + tx];
    gpu.barrier();
  }
  if (row < n && col < n) C[row * n + col] = s;
}`;

export const OFFLOAD_SOURCE = `function matmulOffloaded(A, B, C, n) {
  for (const i of prange(n))
    for (const j of prange(n)) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k] * B[k * n + j];
      C[i * n + j] = s;
    }
}`;

/** Matrices as host arrays or device arrays (jit and kernels on a GPU target take both). */
type Mat = Float32Array | DeviceArray;
type MatmulFn = (A: Mat, B: Mat, C: Mat, n: number) => void;

/** The tiled kernel's function (for kernel(), with scope { TILE }). */
export function tiledFunction(): MatmulFn {
  return new Function("gpu", "TILE", `"use strict"; return (${TILED_SOURCE});`)(gpu, TILE) as MatmulFn;
}

/** The prange nest's function (for jit() with a GPU target). */
export function offloadFunction(): MatmulFn {
  return new Function("prange", `"use strict"; return (${OFFLOAD_SOURCE});`)(prange) as MatmulFn;
}

/** Two n×n float32 matrices with entries in [-1, 1), the same for every caller with the same seed. */
export function randomF32(n: number, seed = 42): [Float32Array, Float32Array] {
  const next = prng(seed);
  const m = () => Float32Array.from({ length: n * n }, () => 2 * next() - 1);
  return [m(), m()];
}

/** The seed's triple loop in plain JS, rounding every product and sum to float32 as a GPU does. */
export function matmulF32(A: Float32Array, B: Float32Array, n: number): Float32Array {
  const C = new Float32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s = Math.fround(s + Math.fround(A[i * n + k]! * B[k * n + j]!));
      C[i * n + j] = s;
    }
  return C;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return a.length === b.length ? worst : NaN;
}

/**
 * The float32 tolerance of test/webgpu.test.ts for long sums (docs/webgpu.md#the-float32-contract):
 * 1e-5 relative to max(1, |want|), since WGSL lets a driver fuse a * b + c into one rounding.
 */
export const REL_TOLERANCE = 1e-5;

/** Whether every element of `got` is within REL_TOLERANCE of `want`. */
export function withinTolerance(want: ArrayLike<number>, got: ArrayLike<number>): boolean {
  if (want.length !== got.length) return false;
  for (let i = 0; i < want.length; i++)
    if (!(Math.abs(want[i]! - got[i]!) <= REL_TOLERANCE * Math.max(1, Math.abs(want[i]!)))) return false;
  return true;
}

export interface GpuTiming {
  /** First call: compiling the WGSL (shader module, pipeline) and one product. */
  readonly firstMs: number;
  /** Best of the later calls, arrays on the device, each awaited to completion. */
  readonly ms: number;
  readonly gflops: number;
  /** Largest |difference| from plain JS in float32 (matmulF32). */
  readonly maxDiff: number;
  /** Every element within REL_TOLERANCE of plain JS. */
  readonly ok: boolean;
}

export interface GpuResult {
  readonly kind: "gpu";
  readonly n: number;
  readonly adapter: string;
  /** A fallback adapter: WebGPU on the CPU (SwiftShader in Chromium without a GPU). */
  readonly fallback: boolean;
  /** Plain JS in float32 (matmulF32), one call. */
  readonly plainMs: number;
  readonly tiled: GpuTiming;
  readonly offloaded: GpuTiming;
  /** The products, for the test. */
  readonly C: Float32Array;
  readonly Coffloaded: Float32Array;
}

/** No adapter: `reason` says why and what to do. */
export interface GpuUnavailable { readonly kind: "gpu"; readonly n: number; readonly adapter: null; readonly reason: string }

/** What navigator.gpu offers: the adapter's name (as numbat names it) and whether it is a fallback (CPU) one. */
export type AdapterProbe = { readonly name: string; readonly fallback: boolean } | { readonly name: null; readonly reason: string };

/** The adapter navigator.gpu offers, asked for as numbat asks (src/backends/webgpu/device.ts). */
export async function probeAdapter(): Promise<AdapterProbe> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (!nav?.gpu) return { name: null, reason: "this browser offers no WebGPU here (navigator.gpu is missing; WebGPU also needs a secure context: https or localhost)" };
  const adapter = await nav.gpu.requestAdapter({ powerPreference: "high-performance" });
  if (!adapter)
    return { name: null, reason: "navigator.gpu.requestAdapter() found no adapter: WebGPU is disabled or not supported for this GPU (Chromium on a machine without a GPU offers SwiftShader only with --enable-unsafe-webgpu)" };
  // isFallbackAdapter moved from the adapter to adapter.info in the spec; browsers have one or the other.
  const fallback = (adapter.info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false;
  return { name: adapterName(adapter), fallback };
}

const REPS = 3;

async function timed(first: () => Promise<void>, C: DeviceArray, want: Float32Array, n: number): Promise<{ t: GpuTiming; C: Float32Array }> {
  let t = performance.now();
  await first();
  const firstMs = performance.now() - t;
  let ms = Infinity;
  for (let rep = 0; rep < REPS; rep++) {
    t = performance.now();
    await first();
    ms = Math.min(ms, performance.now() - t);
  }
  const got = (await C.toHost()) as Float32Array;
  return { t: { firstMs, ms, gflops: (2 * n ** 3) / (ms * 1e6), maxDiff: maxAbsDiff(got, want), ok: withinTolerance(want, got) }, C: got };
}

/** Runs both GPU versions on n×n matrices with target "webgpu"; without an adapter, says why. */
export async function runGpu(n: number): Promise<GpuResult | GpuUnavailable> {
  if (!Number.isInteger(n) || n < 1 || n > 4096) throw new RangeError(`n must be an integer from 1 to 4096, got ${n}`);
  const probe = await probeAdapter();
  if (probe.name === null) return { kind: "gpu", n, adapter: null, reason: probe.reason };
  const [A, B] = randomF32(n);
  let t = performance.now();
  const want = matmulF32(A, B, n);
  const plainMs = performance.now() - t;

  const tiled = kernel(tiledFunction(), { target: "webgpu", scope: { TILE } });
  const offloaded = jit(offloadFunction(), { target: "webgpu" });
  const dA = await toDevice(A, "webgpu"), dB = await toDevice(B, "webgpu");
  const dC = await toDevice(new Float32Array(n * n), "webgpu"), dC2 = await toDevice(new Float32Array(n * n), "webgpu");
  try {
    const groups = Math.ceil(n / TILE);
    const k = await timed(() => tiled.launch({ groups: [groups, groups], groupSize: [TILE, TILE] }, dA, dB, dC, n), dC, want, n);
    const o = await timed(() => offloaded(dA, dB, dC2, n), dC2, want, n);
    return { kind: "gpu", n, adapter: probe.name, fallback: probe.fallback, plainMs, tiled: k.t, offloaded: o.t, C: k.C, Coffloaded: o.C };
  } finally {
    [dA, dB, dC, dC2].forEach((d) => d.free());
  }
}
