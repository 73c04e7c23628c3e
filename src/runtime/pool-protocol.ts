// The shared control block of the thread pool (pool.ts, pool-worker.ts): one SharedArrayBuffer, read
// and written with Atomics, through which the main thread publishes a parallel region and the threads
// claim its chunks. docs/parallel.md describes the protocol.

import type { ErrorSites } from "./wasm-env.js";

/** Int32 slots. GEN is a sequence lock: odd while the main thread writes a job, even once published. */
export const GEN = 0;
/** Next chunk to claim (Atomics.add), chunks finished, and the skip flag set after an error. */
export const NEXT = 1;
export const DONE = 2;
export const ABORT = 3;
export const NCHUNKS = 4;
export const MODULE = 5;
export const REGION = 6;
export const ENV = 7;
/** What the published generation asks for: run a region, exit, or (tests) make one worker crash. */
export const CMD = 8;
export const TARGET = 9;
/** Chunks run by worker threads (statistics for tests and benchmarks). */
export const WORKER_CHUNKS = 10;
/** Rung (incremented and notified) when the last chunk is done or a worker asks for an allocation. */
export const DOORBELL = 11;
/** Float64 slots (indices into a Float64Array over the same buffer): the region's iteration space. */
export const F_START = 8;
export const F_STEP = 9;
export const F_TRIPS = 10;
/** Iterations per chunk; 0 for static scheduling (NCHUNKS equal contiguous parts). */
export const F_CHUNK = 11;
/** Int32 index of worker w's state word: STATE + w. */
export const STATE = 32;
export const MAX_WORKERS = 224;
/**
 * Allocation requests: worker w's 8 Int32 slots at REQ + 8w: [state, dtype index, fill, site, pointer],
 * and the element count as a Float64 at Float64 index (REQ + 8w + 6) / 2. Workers cannot use the heap
 * allocator (its bookkeeping lives in the main thread's JS); the main thread serves them while it waits.
 */
export const REQ = STATE + MAX_WORKERS;
export const REQ_WORDS = 8;
export const CONTROL_BYTES = 4 * (REQ + REQ_WORDS * MAX_WORKERS);
/** Request states. */
export const R_NONE = 0;
export const R_ASKED = 1;
export const R_DONE = 2;
export const R_FAILED = 3;

export const CMD_RUN = 0;
export const CMD_EXIT = 1;
export const CMD_CRASH = 2;

/** Worker states. */
export const S_STARTING = 0;
export const S_IDLE = 1;
export const S_BUSY = 2;
export const S_GONE = 3;

/** Trip indices [t0, t1) of chunk c: static splits N into `nchunks` near-equal parts, dynamic takes `chunk` each. */
export function chunkTrips(c: number, trips: number, nchunks: number, chunk: number): [number, number] {
  if (chunk > 0) return [c * chunk, Math.min(trips, (c + 1) * chunk)];
  return [Math.floor((c * trips) / nchunks), Math.floor(((c + 1) * trips) / nchunks)];
}

/** Messages posted to a worker's port. */
export interface ModuleMessage {
  readonly kind: "module";
  readonly id: number;
  readonly module: WebAssembly.Module;
  readonly sites: ErrorSites;
  readonly mathImports: [string, number][];
}

/** Posted to a worker whose allocation request failed (before its request state becomes R_FAILED). */
export interface AllocErrorMessage {
  readonly kind: "allocError";
  readonly name: string;
  readonly message: string;
}

/** Posted by a worker for a chunk that threw, before the chunk counts as done. */
export interface ErrorMessage {
  readonly kind: "error";
  readonly chunk: number;
  readonly name: string;
  readonly message: string;
}
