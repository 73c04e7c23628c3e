// The worker behind examples/browser/index.html (bundled to dist/browser/runner.js; numbat itself is
// imported from ./numbat.js, the library bundle). It turns the kernel text from the page into a
// function, runs it plainly and jitted on the same random matrices, and reports timings and whether
// the results are the same bits. It runs in a worker so that parallel loops can use threads: a
// page's main thread may not block, which numbat's thread pool does while a loop runs. The GPU
// section's requests ("gpu") run gpu.ts: WebGPU kernels on the worker's navigator.gpu.

import { jit, prange, zeros, ones, empty, type NdArray } from "../../src/index.js";
import { prng, randomMatrix } from "../random.js";
import { WORKER_CHUNKS } from "../../src/runtime/pool-protocol.js";
import { OFFLOAD_SOURCE, TILE, TILED_SOURCE, probeAdapter, runGpu } from "./gpu.js";

/** What the page sends: the kernel's text, the matrix size, the threads for prange loops. */
export interface RunRequest { readonly kind: "run"; readonly source: string; readonly n: number; readonly threads: number }
/** The GPU section: both WebGPU versions of the product on n×n float32 matrices (gpu.ts). */
export interface GpuRequest { readonly kind: "gpu"; readonly n: number }

export interface RunResult {
  readonly kind: "result";
  readonly n: number;
  readonly threads: number;
  /** Best of two plain calls. */
  readonly plainMs: number;
  /** First jitted call: compilation plus one run. */
  readonly firstCallMs: number;
  /** Best of the later jitted calls. */
  readonly jitMs: number;
  /** Every element of the jitted result has the bits of the plain one (Object.is). */
  readonly same: boolean;
  readonly checksum: number;
  readonly poolWorkers: number;
  readonly workerChunks: number;
}

const scope = globalThis as unknown as {
  postMessage(m: unknown): void;
  onmessage: ((e: { data: RunRequest | GpuRequest }) => void) | null;
  crossOriginIsolated?: boolean;
  Worker: new (url: URL | string, o?: { type?: string; name?: string }) => { postMessage(m: unknown, t?: unknown[]): void };
};

// Count the pool's threads and read how many chunks they ran (the pool's control block arrives with
// each thread's first message): the page shows both, and the browser test checks them.
let poolWorkers = 0;
let control: SharedArrayBuffer | undefined;
const BaseWorker = scope.Worker;
scope.Worker = class extends BaseWorker {
  constructor(url: URL | string, o?: { type?: string; name?: string }) {
    super(url, o);
    if (o?.name !== "numbat-pool") return;
    poolWorkers++;
    const post = this.postMessage.bind(this);
    this.postMessage = (m: unknown, t?: unknown[]) => {
      control ??= (m as { workerData?: { control?: SharedArrayBuffer } }).workerData?.control;
      post(m, t);
    };
  }
};

/** examples/seed.ts's function, as written there (src/browser/build.ts defines it when bundling). */
declare const NUMBAT_SEED_SOURCE: string;

const PARALLEL_EXAMPLE = `function matrixMultiplyRows(A, B) {
  const [m, n] = A.shape;
  const [n2, p] = B.shape;
  if (n !== n2) throw new Error("Inner matrix dimensions must agree.");
  const C = zeros([m, p]);
  for (const i of prange(m))       // rows on worker threads
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A.get(i, k) * B.get(k, j);
      C.set(i, j, s);
    }
  return C;
}`;

function sameBits(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b);
  const x = (a as NdArray).data, y = (b as NdArray).data;
  if (!x || !y || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  return true;
}

function checksum(r: unknown): number {
  if (typeof r === "number") return r;
  let s = 0;
  for (const v of (r as NdArray).data) s += v;
  return s;
}

async function run(req: RunRequest): Promise<RunResult> {
  // The kernel sees numbat's helpers by name, as a module importing them would.
  const fn = new Function("zeros", "ones", "empty", "prange", `"use strict"; return (${req.source});`)(zeros, ones, empty, prange) as (A: NdArray, B: NdArray) => unknown;
  if (typeof fn !== "function") throw new TypeError("the text box must hold one function");
  const next = prng(42);
  const A = randomMatrix(req.n, req.n, next), B = randomMatrix(req.n, req.n, next);
  // Plain JS: best of two calls (the first also warms V8's own JIT up).
  let plain: unknown, plainMs = Infinity, t = 0;
  for (let rep = 0; rep < 2; rep++) {
    t = performance.now();
    plain = fn(A, B);
    plainMs = Math.min(plainMs, performance.now() - t);
  }
  const f = jit(fn, { threads: req.threads });
  t = performance.now();
  let jitted = f(A, B);
  const firstCallMs = performance.now() - t;
  // The pool's threads start in the background during the first parallel loop; give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 50));
  let jitMs = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    t = performance.now();
    jitted = f(A, B);
    jitMs = Math.min(jitMs, performance.now() - t);
  }
  const workerChunks = control ? Atomics.load(new Int32Array(control), WORKER_CHUNKS) : 0;
  return { kind: "result", n: req.n, threads: req.threads, plainMs, firstCallMs, jitMs, same: sameBits(jitted, plain), checksum: checksum(jitted), poolWorkers, workerChunks };
}

scope.onmessage = async (e) => {
  try {
    scope.postMessage(e.data.kind === "gpu" ? await runGpu(e.data.n) : await run(e.data));
  } catch (err) {
    scope.postMessage({ kind: "error", gpu: e.data.kind === "gpu", message: String((err as Error)?.message ?? err) });
  }
};
scope.postMessage({
  kind: "ready", crossOriginIsolated: scope.crossOriginIsolated === true,
  examples: { seed: NUMBAT_SEED_SOURCE, parallel: PARALLEL_EXAMPLE },
  gpuKernels: `const TILE = ${TILE};\n\n// kernel(matmulTiled, { target: "webgpu", scope: { TILE } })\n${TILED_SOURCE}\n\n// jit(matmulOffloaded, { target: "webgpu" })\n${OFFLOAD_SOURCE}`,
});
// Then whether there is an adapter (asking may take a moment): the page says so before any run.
probeAdapter().then(
  (a) => scope.postMessage({ kind: "adapter", ...a }),
  (err: Error) => scope.postMessage({ kind: "adapter", name: null, reason: `navigator.gpu.requestAdapter() failed: ${err.message}` }));
