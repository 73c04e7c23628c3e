// The thread pool behind parallel loops (prange): persistent Node worker threads, created lazily and
// unref()ed so they never keep the process alive, each instantiating the same compiled
// WebAssembly.Module over numbat's shared memory. A region is published through a shared control
// block (pool-protocol.ts) and joined with Atomics.wait; the calling thread runs chunks too.
// docs/parallel.md describes the design; `shutdown()` (exported by the package) stops the threads.

import { availableParallelism } from "node:os";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { heap } from "./memory.js";
import {
  ABORT, CMD, CMD_CRASH, CMD_EXIT, CMD_RUN, CONTROL_BYTES, DONE, DOORBELL, ENV, F_CHUNK, F_START, F_STEP, F_TRIPS, GEN, MAX_WORKERS,
  MODULE, NCHUNKS, NEXT, REGION, REQ, REQ_WORDS, R_ASKED, R_DONE, R_FAILED, STATE, S_BUSY, S_GONE, TARGET, WORKER_CHUNKS, chunkTrips,
  type AllocErrorMessage, type ErrorMessage, type ModuleMessage,
} from "./pool-protocol.js";
import type { AllocFn } from "./wasm-env.js";

/** The module's `alloc` import: served for workers by the main thread. */
export type { AllocFn } from "./wasm-env.js";

export type Schedule = "static" | "dynamic";

/** How one jitted function runs its parallel loops. */
export interface ParallelConfig {
  /** Threads per region, the calling thread included. */
  readonly threads: number;
  readonly schedule: Schedule;
  /** Iterations per chunk with dynamic scheduling (undefined: about 8 chunks per thread). */
  readonly chunk?: number;
}

/** What the pool needs of a compiled module (a subset of backends/wasm's WasmModule). */
export interface ParallelModule {
  readonly regions: readonly {
    readonly exportName: string; readonly step: number; readonly cmp: "lt" | "le" | "gt" | "ge";
    readonly slots: number; readonly reductions: number; readonly allocates: boolean;
  }[];
  readonly sites: ModuleMessage["sites"];
  readonly mathImports: [string, number][];
}

/** Dynamic scheduling never makes more chunks than this (each chunk has its own reduction partials). */
const MAX_CHUNKS = 1 << 16;

let noSharedWarned = false;

/** Threads for a jitted function: the `threads` option, else NUMBAT_NUM_THREADS, else os.availableParallelism(). */
export function resolveThreads(requested?: number): number {
  // Threads share numbat's heap, which needs SharedArrayBuffer (in browsers: a cross-origin isolated
  // page, served with COOP/COEP). Without it, parallel loops run on the calling thread.
  if (typeof SharedArrayBuffer === "undefined") {
    if (!noSharedWarned && (requested === undefined || requested > 1)) {
      noSharedWarned = true;
      console.warn("numbat: SharedArrayBuffer is not available (in a browser: the page is not cross-origin isolated; serve it with COOP/COEP headers), so prange loops run on one thread");
    }
    return 1;
  }
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1) throw new TypeError(`numbat: the threads option must be a positive integer, got ${String(requested)}`);
    return Math.min(requested, MAX_WORKERS + 1);
  }
  const env = typeof process !== "undefined" ? process.env?.NUMBAT_NUM_THREADS : undefined;
  if (env !== undefined && env !== "") {
    const n = Number(env);
    if (Number.isInteger(n) && n >= 1) return Math.min(n, MAX_WORKERS + 1);
    if (!badEnvWarned) {
      badEnvWarned = true;
      console.warn(`numbat: ignoring NUMBAT_NUM_THREADS="${env}" (expected a positive integer); using ${availableParallelism()} threads`);
    }
  }
  return Math.min(availableParallelism(), MAX_WORKERS + 1);
}

let badEnvWarned = false;

/** Number of iterations of `for (v = start; v cmp end; v += step)`. */
export function tripCount(start: number, end: number, step: number, cmp: "lt" | "le" | "gt" | "ge"): number {
  switch (cmp) {
    case "lt": return start < end ? Math.ceil((end - start) / step) : 0;
    case "le": return start <= end ? Math.floor((end - start) / step) + 1 : 0;
    case "gt": return start > end ? Math.ceil((start - end) / -step) : 0;
    case "ge": return start >= end ? Math.floor((start - end) / -step) + 1 : 0;
  }
}

// ---- availability ----------------------------------------------------------------------------------

let warned = false;

/** Threads need shared memory and Atomics.wait; browsers without cross-origin isolation have neither. */
function threadsAvailable(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean };
  const ok = heap.shared && typeof Atomics.wait === "function" && g.crossOriginIsolated !== false;
  if (!ok && !warned) {
    warned = true;
    console.warn("numbat: WebAssembly threads are unavailable here (no SharedArrayBuffer: serve the page with COOP/COEP headers for cross-origin isolation); parallel loops run on one thread");
  }
  return ok;
}

// ---- the pool --------------------------------------------------------------------------------------

interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Modules posted to this worker so far (they are posted in id order). */
  sent: number;
  dead: boolean;
}

const SPIN_US = (() => {
  const env = typeof process !== "undefined" ? process.env?.NUMBAT_SPIN_US : undefined;
  const n = env ? Number(env) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 100;
})();

class Pool {
  readonly control = new SharedArrayBuffer(CONTROL_BYTES);
  readonly ctl = new Int32Array(this.control);
  readonly f64 = new Float64Array(this.control);
  readonly slots: Slot[] = [];
  readonly modules: ModuleMessage[] = [];
  private readonly moduleIds = new WeakMap<WebAssembly.Module, number>();
  spawned = 0;
  regions = 0;
  mainRuns = true;

  /** Starts (or replaces crashed) workers until `n` are alive. They come online asynchronously. */
  ensure(n: number): void {
    for (let w = 0; w < Math.min(n, MAX_WORKERS); w++) {
      const s = this.slots[w];
      if (s && !s.dead && Atomics.load(this.ctl, STATE + w) !== S_GONE) continue;
      this.spawn(w);
    }
  }

  private spawn(w: number): void {
    const old = this.slots[w];
    if (old) { old.dead = true; void old.worker.terminate(); }
    Atomics.store(this.ctl, STATE + w, 0);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(new URL("./pool-worker.js", import.meta.url), {
      // startGen: the worker ignores the generation current now (a command published before it existed).
      workerData: { control: this.control, memory: heap.memory, port: port2, index: w, spinUs: SPIN_US, startGen: Atomics.load(this.ctl, GEN) },
      transferList: [port2 as never],
    });
    const slot: Slot = { worker, port: port1, sent: 0, dead: false };
    // A crashed worker (an 'error' event, or exit) is replaced the next time a region starts.
    worker.on("error", () => { slot.dead = true; });
    worker.on("exit", () => { slot.dead = true; });
    worker.unref();
    port1.unref();
    this.slots[w] = slot;
    this.spawned++;
    this.sendModules(slot);
  }

  private sendModules(s: Slot): void {
    while (s.sent < this.modules.length) s.port.postMessage(this.modules[s.sent++]!);
  }

  /** The module's id in the pool, posting it to every worker the first time. */
  register(module: WebAssembly.Module, mod: ParallelModule): number {
    let id = this.moduleIds.get(module);
    if (id !== undefined) return id;
    id = this.modules.length;
    this.moduleIds.set(module, id);
    this.modules.push({ kind: "module", id, module, sites: mod.sites, mathImports: mod.mathImports });
    for (const s of this.slots) if (s && !s.dead) this.sendModules(s);
    return id;
  }

  /** Publishes a job: GEN odd, wait until no worker is still reading the previous one, write, GEN even. */
  private publish(write: () => void, wake: number): void {
    const ctl = this.ctl;
    Atomics.add(ctl, GEN, 1);
    for (let w = 0; w < this.slots.length; w++) {
      while (Atomics.load(ctl, STATE + w) === S_BUSY) Atomics.wait(ctl, STATE + w, S_BUSY, 5);
    }
    write();
    Atomics.add(ctl, GEN, 1);
    Atomics.notify(ctl, GEN, wake);
  }

  /** Runs chunks [0, nchunks) of a region on the pool and this thread; throws the error of the lowest failing chunk. */
  run(moduleId: number, region: number, exports: Record<string, Function>, env: number, start: number, step: number, trips: number, nchunks: number, chunk: number, alloc?: AllocFn): void {
    const ctl = this.ctl;
    this.regions++;
    // A region that allocates keeps this thread free to serve the workers' allocation requests.
    const mainRuns = this.mainRuns && !alloc;
    this.publish(() => {
      Atomics.store(ctl, CMD, CMD_RUN);
      Atomics.store(ctl, MODULE, moduleId);
      Atomics.store(ctl, REGION, region);
      Atomics.store(ctl, ENV, env);
      Atomics.store(ctl, NCHUNKS, nchunks);
      this.f64[F_START] = start;
      this.f64[F_STEP] = step;
      this.f64[F_TRIPS] = trips;
      this.f64[F_CHUNK] = chunk;
      Atomics.store(ctl, ABORT, 0);
      Atomics.store(ctl, DONE, 0);
      Atomics.store(ctl, NEXT, 0);
    }, Math.min(this.slots.length, nchunks - (mainRuns ? 1 : 0)));
    const errors: { chunk: number; error: Error }[] = [];
    if (mainRuns) {
      const fn = exports[`par${region}`]!;
      for (;;) {
        const c = Atomics.add(ctl, NEXT, 1);
        if (c >= nchunks) break;
        if (Atomics.load(ctl, ABORT) === 0) {
          try {
            const [t0, t1] = chunkTrips(c, trips, nchunks, chunk);
            fn(env, start + t0 * step, start + t1 * step, c);
          } catch (e) {
            errors.push({ chunk: c, error: e instanceof Error ? e : new Error(String(e)) });
            if (chunk > 0) Atomics.store(ctl, ABORT, 1);
          }
        }
        Atomics.add(ctl, DONE, 1);
      }
    }
    this.join(nchunks, alloc);
    for (const s of this.slots) {
      if (!s) continue;
      for (let m = receiveMessageOnPort(s.port); m; m = receiveMessageOnPort(s.port)) {
        const e = m.message as ErrorMessage;
        if (e.kind === "error") errors.push({ chunk: e.chunk, error: rebuild(e) });
      }
    }
    if (errors.length) throw errors.reduce((a, b) => (b.chunk < a.chunk ? b : a)).error;
  }

  /**
   * Waits until every chunk is done (spinning briefly, then sleeping on the doorbell), serving the
   * workers' allocation requests meanwhile.
   */
  private join(nchunks: number, alloc: AllocFn | undefined): void {
    const ctl = this.ctl;
    if (Atomics.load(ctl, DONE) >= nchunks) return;
    const until = performance.now() + SPIN_US / 1000;
    for (let k = 0; ; k++) {
      const bell = Atomics.load(ctl, DOORBELL);
      if (alloc && this.serve(alloc)) continue;
      if (Atomics.load(ctl, DONE) >= nchunks) return;
      if ((k & 63) !== 63 || performance.now() < until) continue; // spin first
      Atomics.wait(ctl, DOORBELL, bell, 100);
      if (Atomics.load(ctl, DONE) < nchunks && this.slots.every((s, w) => !s || s.dead || Atomics.load(ctl, STATE + w) === S_GONE))
        this.ensure(this.slots.length); // every worker is gone: start new ones so the region can finish
    }
  }

  /** Serves pending allocation requests; true if there was any. */
  private serve(alloc: AllocFn): boolean {
    const ctl = this.ctl;
    let any = false;
    for (let w = 0; w < this.slots.length; w++) {
      const req = REQ + REQ_WORDS * w;
      if (Atomics.load(ctl, req) !== R_ASKED) continue;
      any = true;
      try {
        const ptr = alloc(this.f64[(req + 6) / 2]!, Atomics.load(ctl, req + 1), Atomics.load(ctl, req + 2), Atomics.load(ctl, req + 3));
        Atomics.store(ctl, req + 4, ptr);
        Atomics.store(ctl, req, R_DONE);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const m: AllocErrorMessage = { kind: "allocError", name: err.name, message: err.message };
        this.slots[w]!.port.postMessage(m);
        Atomics.store(ctl, req, R_FAILED);
      }
      Atomics.notify(ctl, req);
    }
    return any;
  }

  /** Test hook: worker `w` exits as if it had crashed. Resolves once it is gone. */
  crash(w: number): Promise<void> {
    const s = this.slots[w];
    if (!s || s.dead) return Promise.resolve();
    s.worker.ref(); // an unref()ed worker's exit event would not keep the awaiting caller alive
    const gone = new Promise<void>((resolve) => s.worker.once("exit", () => resolve()));
    this.publish(() => {
      Atomics.store(this.ctl, CMD, CMD_CRASH);
      Atomics.store(this.ctl, TARGET, w);
      Atomics.store(this.ctl, NCHUNKS, 0);
    }, this.slots.length);
    return gone;
  }

  async stop(): Promise<void> {
    this.publish(() => Atomics.store(this.ctl, CMD, CMD_EXIT), this.slots.length);
    await Promise.all(this.slots.map((s) => { s.worker.ref(); return s.worker.terminate(); }));
  }
}

const ERROR_CTORS: Record<string, new (msg: string) => Error> = {
  Error, RangeError, TypeError, ReferenceError, SyntaxError, EvalError, URIError,
  RuntimeError: WebAssembly.RuntimeError, CompileError: WebAssembly.CompileError,
};

/** The error a worker reported, as the same class with the same message. */
function rebuild(e: ErrorMessage): Error {
  const err = new (ERROR_CTORS[e.name] ?? Error)(e.message);
  if (!(e.name in ERROR_CTORS)) err.name = e.name;
  return err;
}

let pool: Pool | undefined;

function thePool(): Pool {
  return (pool ??= new Pool());
}

// ---- what compiled modules import --------------------------------------------------------------

/** The environment block: one per process (regions never nest), grown as needed, in numbat's heap. */
let envPtr = 0;
let envBytes = 0;

function envBlock(bytes: number): number {
  if (bytes > envBytes) {
    if (envPtr) heap.free(envPtr);
    envBytes = Math.max(256, 2 ** Math.ceil(Math.log2(bytes)));
    envPtr = heap.alloc(envBytes);
  }
  return envPtr;
}

/**
 * `par_begin` and `par_run`, the imports through which a module's code runs its parallel regions.
 * `par_begin(region, start, end)` sizes the region (trip count, chunks) and returns the environment
 * block the caller fills with live-ins; `par_run(region)` runs every chunk and returns how many there
 * were (the caller then combines that many reduction partials).
 */
export function parallelImports(mod: ParallelModule, module: WebAssembly.Module, config: ParallelConfig, exports: () => Record<string, Function>, alloc: AllocFn): Record<string, Function> {
  let cur = { region: -1, start: 0, trips: 0, nchunks: 0, chunk: 0, env: 0 };
  return {
    par_begin(region: number, start: number, end: number): number {
      const r = mod.regions[region]!;
      const trips = tripCount(start, end, r.step, r.cmp);
      const threads = threadsAvailable() ? config.threads : 1;
      let nchunks = 0, chunk = 0;
      if (trips > 0) {
        if (config.schedule === "dynamic" && threads > 1) {
          chunk = Math.max(config.chunk ?? Math.ceil(trips / (8 * threads)), Math.ceil(trips / MAX_CHUNKS), 1);
          nchunks = Math.ceil(trips / chunk);
        } else nchunks = Math.min(threads, trips);
      }
      const env = envBlock(8 * (r.slots + nchunks * r.reductions));
      cur = { region, start, trips, nchunks, chunk, env };
      return env;
    },
    par_run(region: number): number {
      const { start, trips, nchunks, chunk, env } = cur;
      if (cur.region !== region) throw new Error("numbat: internal error: par_run without par_begin");
      cur = { ...cur, region: -1 };
      const r = mod.regions[region]!;
      const ex = exports();
      if (nchunks <= 1 || config.threads <= 1 || !threadsAvailable()) {
        // One chunk (or no threads): run them here, in order.
        const fn = ex[r.exportName]!;
        for (let c = 0; c < nchunks; c++) {
          const [t0, t1] = chunkTrips(c, trips, nchunks, chunk);
          fn(env, start + t0 * r.step, start + t1 * r.step, c);
        }
        return nchunks;
      }
      const p = thePool();
      p.ensure(config.threads - 1);
      p.run(p.register(module, mod), region, ex, env, start, r.step, trips, nchunks, chunk, r.allocates ? alloc : undefined);
      return nchunks;
    },
  };
}

/** Stops the worker threads (a later parallel loop starts new ones). Resolves when they have exited. */
export async function shutdown(): Promise<void> {
  const p = pool;
  pool = undefined;
  if (envPtr) { heap.free(envPtr); envPtr = 0; envBytes = 0; }
  if (p) await p.stop();
}

/** Internals for tests and benchmarks; not part of the public API. */
export const poolInternals = {
  /** Starts `n` workers and resolves once they all wait for work. */
  async warmup(n: number): Promise<void> {
    const p = thePool();
    p.ensure(n);
    const until = Date.now() + 30_000;
    for (let w = 0; w < n; w++) {
      while (Atomics.load(p.ctl, STATE + w) === 0 && !p.slots[w]!.dead && Date.now() < until) await new Promise((r) => setTimeout(r, 2));
    }
  },
  /** Whether the calling thread runs chunks too (tests turn it off to force work onto workers). */
  setMainRuns(on: boolean): void {
    thePool().mainRuns = on;
  },
  crash(w: number): Promise<void> {
    return pool ? pool.crash(w) : Promise.resolve();
  },
  stats(): { workers: number; alive: number; spawned: number; regions: number; workerChunks: number } {
    const p = pool;
    if (!p) return { workers: 0, alive: 0, spawned: 0, regions: 0, workerChunks: 0 };
    const alive = p.slots.filter((s, w) => s && !s.dead && Atomics.load(p.ctl, STATE + w) !== S_GONE).length;
    return { workers: p.slots.length, alive, spawned: p.spawned, regions: p.regions, workerChunks: Atomics.load(p.ctl, WORKER_CHUNKS) };
  },
};
