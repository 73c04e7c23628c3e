// A worker thread of the pool (pool.ts). It instantiates each compiled kernel module it is sent over
// numbat's shared WebAssembly.Memory, then loops: wait for a published region (Atomics.wait on GEN),
// claim chunks with Atomics.add, run each through the module's exported `par<k>` function, report
// errors on its port, count the chunk done. It never touches the heap allocator (main thread only):
// a kernel allocation is a request the main thread serves while it waits for the chunks.

import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { outOfBounds, remainderByZero, userError } from "./errors.js";
import {
  ABORT, CMD, CMD_CRASH, CMD_EXIT, DONE, DOORBELL, ENV, F_CHUNK, F_START, F_STEP, F_TRIPS, GEN, MODULE, NCHUNKS, NEXT, REGION, REQ, REQ_WORDS,
  R_ASKED, R_DONE, R_NONE, STATE, S_BUSY, S_GONE, S_IDLE, TARGET, WORKER_CHUNKS, chunkTrips,
  type AllocErrorMessage, type ErrorMessage, type ModuleMessage,
} from "./pool-protocol.js";

interface Data { control: SharedArrayBuffer; memory: WebAssembly.Memory; port: MessagePort; index: number; spinUs: number; startGen: number }
const { control, memory, port, index, spinUs, startGen } = workerData as Data;
const ctl = new Int32Array(control);
const f64 = new Float64Array(control);
const instances: Record<string, Function>[] = [];
/** Allocation errors the main thread sent (they arrive on the port, between module messages). */
const allocErrors: AllocErrorMessage[] = [];
let running = -1; // the chunk being run, for the exit handler

process.on("exit", () => {
  // process.exit() or an uncaught error: the pool replaces this worker. A chunk it was running is lost:
  // report it, so that the region ends with an error instead of waiting forever.
  if (running >= 0) {
    post({ kind: "error", chunk: running, name: "Error", message: `numbat: worker thread ${index} exited while running chunk ${running} of a parallel loop` });
    Atomics.add(ctl, DONE, 1);
    ring();
  }
  Atomics.store(ctl, STATE + index, S_GONE);
  Atomics.notify(ctl, STATE + index);
});

function post(m: ErrorMessage): void {
  port.postMessage(m);
}

function ring(): void {
  Atomics.add(ctl, DOORBELL, 1);
  Atomics.notify(ctl, DOORBELL);
}

/** Messages from the main thread: modules to instantiate, answers to failed allocation requests. */
function receive(): boolean {
  const m = receiveMessageOnPort(port);
  if (!m) return false;
  const msg = m.message as ModuleMessage | AllocErrorMessage;
  if (msg.kind === "module") load(msg);
  else allocErrors.push(msg);
  return true;
}

/** The `alloc` import on a worker: ask the main thread (it serves requests while it waits for chunks). */
const req = REQ + REQ_WORDS * index;
function alloc(count: number, dtype: number, fill: number, site: number): number {
  f64[(req + 6) / 2] = count;
  Atomics.store(ctl, req + 1, dtype);
  Atomics.store(ctl, req + 2, fill);
  Atomics.store(ctl, req + 3, site);
  Atomics.store(ctl, req, R_ASKED);
  ring();
  let s = Atomics.load(ctl, req);
  while (s === R_ASKED) {
    Atomics.wait(ctl, req, R_ASKED);
    s = Atomics.load(ctl, req);
  }
  Atomics.store(ctl, req, R_NONE);
  if (s === R_DONE) return Atomics.load(ctl, req + 4);
  while (allocErrors.length === 0 && receive());
  const e = allocErrors.shift() ?? { name: "Error", message: "numbat: allocation on a worker thread failed" };
  const err = new (e.name === "RangeError" ? RangeError : e.name === "TypeError" ? TypeError : Error)(e.message);
  throw err;
}

function internal(what: string): () => never {
  return () => { throw new Error(`numbat: internal error: ${what} called on a worker thread`); };
}

function load(m: ModuleMessage): void {
  const { sites } = m;
  const env: Record<string, Function | WebAssembly.Memory> = {
    memory,
    throw_user(id: number) {
      const s = sites.messages[id]!;
      throw userError(s.cls as "Error", s.msg);
    },
    oob(arr: number, axis: number, ndim: number, i: number, size: number, site: number) {
      throw outOfBounds(sites.arrays[arr]!, axis, ndim, i, size, sites.locs[site]!);
    },
    rem0(site: number) {
      throw remainderByZero(sites.locs[site]!);
    },
    alloc,
    fmod: (a: number, b: number) => a % b,
    par_begin: internal("par_begin"),
    par_run: internal("par_run"),
  };
  const M = Math as unknown as Record<string, Function>;
  for (const [name] of m.mathImports) env[`math_${name}`] = name.startsWith("hypot") ? Math.hypot : M[name]!;
  // Anything else the module imports (none today) cannot be needed by a loop body: a stub that says so.
  for (const imp of WebAssembly.Module.imports(m.module)) if (imp.kind === "function" && !(imp.name in env)) env[imp.name] = internal(imp.name);
  instances[m.id] = new WebAssembly.Instance(m.module, { env }).exports as Record<string, Function>;
}

function instance(id: number): Record<string, Function> {
  while (!instances[id]) {
    if (!receive()) throw new Error(`numbat: internal error: module ${id} was never sent to worker ${index}`);
  }
  return instances[id]!;
}

/** Runs chunks of the published region until none is left. */
function work(): void {
  const nchunks = Atomics.load(ctl, NCHUNKS);
  const env = Atomics.load(ctl, ENV);
  const start = f64[F_START]!, step = f64[F_STEP]!, trips = f64[F_TRIPS]!, chunk = f64[F_CHUNK]!;
  let fn: Function | undefined;
  for (;;) {
    const c = Atomics.add(ctl, NEXT, 1);
    if (c >= nchunks) return;
    if (Atomics.load(ctl, ABORT) === 0) {
      running = c;
      try {
        fn ??= instance(Atomics.load(ctl, MODULE))[`par${Atomics.load(ctl, REGION)}`]!;
        const [t0, t1] = chunkTrips(c, trips, nchunks, chunk);
        fn(env, start + t0 * step, start + t1 * step, c);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        post({ kind: "error", chunk: c, name: err.name, message: err.message });
        if (chunk > 0) Atomics.store(ctl, ABORT, 1); // dynamic scheduling: skip the chunks not started yet
      }
      running = -1;
      Atomics.add(ctl, WORKER_CHUNKS, 1);
    }
    if (Atomics.add(ctl, DONE, 1) + 1 === nchunks) ring();
  }
}

/** Waits for a generation other than `seen` (spinning briefly first: back-to-back regions start faster). */
function nextGeneration(seen: number): number {
  let g = Atomics.load(ctl, GEN);
  if (g === seen && spinUs > 0) {
    const until = performance.now() + spinUs / 1000;
    for (let k = 0; g === seen; k++) {
      if ((k & 63) === 63 && performance.now() > until) break;
      g = Atomics.load(ctl, GEN);
    }
  }
  while (g === seen) {
    Atomics.wait(ctl, GEN, seen);
    g = Atomics.load(ctl, GEN);
  }
  return g;
}

const self = STATE + index;
Atomics.store(ctl, self, S_IDLE);
Atomics.notify(ctl, self);
let seen = startGen;
for (;;) {
  const g = nextGeneration(seen);
  seen = g;
  if (g & 1) continue; // being written: wait for the even value
  // Announce before reading the job; the main thread waits for BUSY workers before writing the next one.
  Atomics.store(ctl, self, S_BUSY);
  if (Atomics.load(ctl, GEN) === g) {
    const cmd = Atomics.load(ctl, CMD);
    if (cmd === CMD_EXIT) break;
    if (cmd === CMD_CRASH && Atomics.load(ctl, TARGET) === index) process.exit(70);
    if (cmd !== CMD_CRASH) work();
  }
  Atomics.store(ctl, self, S_IDLE);
  Atomics.notify(ctl, self);
}
Atomics.store(ctl, self, S_GONE);
Atomics.notify(ctl, self);
port.close();
