// What every worker thread of the pool runs, in Node (runtime/pool-worker.ts) and in a browser
// (browser/pool-worker.ts): a compiled module's imports on a worker, allocation requests to the
// calling thread, the loop that claims and runs chunks of a region, and the brief spin before sleeping.
// The two workers differ only in how they sleep and receive messages (Atomics.wait and the port in
// Node, Atomics.waitAsync and mailboxes in a browser).

import {
  ABORT, CMD, DONE, DOORBELL, ENV, F_CHUNK, F_START, F_STEP, F_TRIPS, GEN, NCHUNKS, NEXT, REQ, REQ_WORDS, R_ASKED, R_DONE, R_NONE, STATE, S_BUSY, WORKER_CHUNKS,
  chunkTrips, type AllocErrorMessage, type ErrorMessage, type ModuleMessage,
} from "./pool-protocol.js";
import { type AllocFn, moduleEnv } from "./wasm-env.js";

/** The control block as the worker sees it: 32-bit words and the f64 view of the same bytes. */
export interface Control {
  readonly ctl: Int32Array;
  readonly f64: Float64Array;
}

/** Wakes the calling thread (it sleeps on the doorbell while it waits for chunks or serves requests). */
export function ring({ ctl }: Control): void {
  Atomics.add(ctl, DOORBELL, 1);
  Atomics.notify(ctl, DOORBELL);
}

/**
 * The `alloc` import on worker `index`: a request in its slot of the control block, which the calling
 * thread serves while it waits for the chunks. A failed request's error comes from `takeError`.
 */
export function requestAlloc(c: Control, index: number, takeError: () => AllocErrorMessage | undefined): AllocFn {
  const { ctl, f64 } = c;
  const req = REQ + REQ_WORDS * index;
  return (count, dtype, fill, site) => {
    f64[(req + 6) / 2] = count;
    Atomics.store(ctl, req + 1, dtype);
    Atomics.store(ctl, req + 2, fill);
    Atomics.store(ctl, req + 3, site);
    Atomics.store(ctl, req, R_ASKED);
    ring(c);
    let s = Atomics.load(ctl, req);
    while (s === R_ASKED) {
      Atomics.wait(ctl, req, R_ASKED);
      s = Atomics.load(ctl, req);
    }
    Atomics.store(ctl, req, R_NONE);
    if (s === R_DONE) return Atomics.load(ctl, req + 4);
    const e = takeError() ?? { name: "Error", message: "numbat: allocation on a worker thread failed" };
    throw new (e.name === "RangeError" ? RangeError : e.name === "TypeError" ? TypeError : Error)(e.message);
  };
}

function internal(what: string): () => never {
  return () => { throw new Error(`numbat: internal error: ${what} called on a worker thread`); };
}

/** Instantiates a module sent to a worker: the heap, its errors and Math imports, the worker's allocator. */
export function instantiateOnWorker(m: ModuleMessage, memory: WebAssembly.Memory, alloc: AllocFn): Record<string, Function> {
  const env = moduleEnv(memory, m.sites, m.mathImports, alloc);
  // Anything else the module imports (par_begin, par_run) cannot be needed by a loop body: a stub that says so.
  for (const imp of WebAssembly.Module.imports(m.module)) if (imp.kind === "function" && !(imp.name in env)) env[imp.name] = internal(imp.name);
  return new WebAssembly.Instance(m.module, { env }).exports as Record<string, Function>;
}

/**
 * Claims chunks of the published region (Atomics.add on NEXT) until none is left and runs each through
 * `fn()` (the module's `par<k>`), reporting a chunk that threw with `post`; with dynamic scheduling a
 * failure skips the chunks not started yet. `running` hears which chunk runs (-1 after it).
 */
export function runChunks(c: Control, fn: () => Function, post: (m: ErrorMessage) => void, running?: (chunk: number) => void): void {
  const { ctl, f64 } = c;
  const nchunks = Atomics.load(ctl, NCHUNKS);
  const env = Atomics.load(ctl, ENV);
  const start = f64[F_START]!, step = f64[F_STEP]!, trips = f64[F_TRIPS]!, chunk = f64[F_CHUNK]!;
  for (;;) {
    const k = Atomics.add(ctl, NEXT, 1);
    if (k >= nchunks) return;
    if (Atomics.load(ctl, ABORT) === 0) {
      running?.(k);
      try {
        const [t0, t1] = chunkTrips(k, trips, nchunks, chunk);
        fn()(env, start + t0 * step, start + t1 * step, k);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        post({ kind: "error", chunk: k, name: err.name, message: err.message });
        if (chunk > 0) Atomics.store(ctl, ABORT, 1); // dynamic scheduling: skip the chunks not started yet
      }
      running?.(-1);
      Atomics.add(ctl, WORKER_CHUNKS, 1);
    }
    if (Atomics.add(ctl, DONE, 1) + 1 === nchunks) ring(c);
  }
}

/** The generation number after spinning up to `spinUs` for one other than `seen` (back-to-back regions start faster). */
export function spinForGeneration({ ctl }: Control, seen: number, spinUs: number): number {
  let g = Atomics.load(ctl, GEN);
  if (g === seen && spinUs > 0) {
    const until = performance.now() + spinUs / 1000;
    for (let k = 0; g === seen; k++) {
      if ((k & 63) === 63 && performance.now() > until) break;
      g = Atomics.load(ctl, GEN);
    }
  }
  return g;
}

/** Publishes worker `index`'s state (S_IDLE, S_BUSY, S_GONE) to the calling thread. */
export function setState({ ctl }: Control, index: number, state: number): void {
  Atomics.store(ctl, STATE + index, state);
  Atomics.notify(ctl, STATE + index);
}

/**
 * The command of the job published as generation `g` (even: complete), or undefined when a newer one
 * replaced it meanwhile. The worker announces itself busy first: the calling thread waits for busy
 * workers before writing the next job, so the job cannot change while this worker reads it.
 */
export function claimJob(c: Control, index: number, g: number): number | undefined {
  Atomics.store(c.ctl, STATE + index, S_BUSY);
  return Atomics.load(c.ctl, GEN) === g ? Atomics.load(c.ctl, CMD) : undefined;
}
