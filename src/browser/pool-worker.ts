// A thread of the pool in the browser build (bundled as numbat-pool-worker.js): runtime/pool-worker.ts
// on a Web Worker, speaking the same shared-memory protocol (runtime/pool-protocol.ts) to the same
// pool. Two differences, both because a Web Worker receives messages only from its event loop:
// between regions it waits with Atomics.waitAsync instead of Atomics.wait, so compiled modules posted
// to it arrive (a region whose module is still on its way waits for it); and its error reports and
// the answers to failed allocations travel through shared-memory mailboxes (node-worker-threads.ts).
// A worker that dies is not noticed while the calling thread is blocked; browsers rarely kill one.

import { outOfBounds, remainderByZero, userError } from "../runtime/errors.js";
import {
  ABORT, CMD, CMD_CRASH, CMD_EXIT, DONE, DOORBELL, ENV, F_CHUNK, F_START, F_STEP, F_TRIPS, GEN, MODULE, NCHUNKS, NEXT, REGION, REQ, REQ_WORDS,
  R_ASKED, R_DONE, R_NONE, STATE, S_BUSY, S_GONE, S_IDLE, WORKER_CHUNKS, chunkTrips,
  type AllocErrorMessage, type ErrorMessage, type ModuleMessage,
} from "../runtime/pool-protocol.js";
import { Mailbox } from "./mailbox.js";
import type { PortInit } from "./node-worker-threads.js";

interface Data { control: SharedArrayBuffer; memory: WebAssembly.Memory; port: PortInit; index: number; spinUs: number; startGen: number }
type Exports = Record<string, Function>;

const scope = globalThis as unknown as { onmessage: ((e: { data: unknown }) => void) | null; close(): void };
const waitAsync = (Atomics as unknown as {
  waitAsync(a: Int32Array, i: number, v: number, timeout?: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

const { control, memory, port, index, spinUs, startGen } = await new Promise<Data>((resolve) => {
  scope.onmessage = (e) => resolve((e.data as { workerData: Data }).workerData);
});
const ctl = new Int32Array(control);
const f64 = new Float64Array(control);
const inbox = new Mailbox(port.inbox), outbox = new Mailbox(port.outbox);
const instances: Exports[] = [];
let arrived: () => void = () => {};
port.real.onmessage = (e) => {
  load(e.data as ModuleMessage);
  arrived();
};

function ring(): void {
  Atomics.add(ctl, DOORBELL, 1);
  Atomics.notify(ctl, DOORBELL);
}

/** The `alloc` import: ask the calling thread, which serves requests while it waits for the chunks. */
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
  const e = (inbox.take() as AllocErrorMessage | undefined) ?? { name: "Error", message: "numbat: allocation on a worker thread failed" };
  throw new (e.name === "RangeError" ? RangeError : e.name === "TypeError" ? TypeError : Error)(e.message);
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
  };
  const M = Math as unknown as Record<string, Function>;
  for (const [name] of m.mathImports) env[`math_${name}`] = name.startsWith("hypot") ? Math.hypot : M[name]!;
  for (const imp of WebAssembly.Module.imports(m.module)) if (imp.kind === "function" && !(imp.name in env)) env[imp.name] = internal(imp.name);
  instances[m.id] = new WebAssembly.Instance(m.module, { env }).exports as Exports;
}

/** The module's exports, waiting (on the event loop) for the module if it has not arrived yet. */
async function instance(id: number): Promise<Exports> {
  while (!instances[id]) await new Promise<void>((resolve) => { arrived = resolve; });
  return instances[id]!;
}

/** Runs chunks of the published region until none is left. */
async function work(): Promise<void> {
  const nchunks = Atomics.load(ctl, NCHUNKS);
  const env = Atomics.load(ctl, ENV);
  const start = f64[F_START]!, step = f64[F_STEP]!, trips = f64[F_TRIPS]!, chunk = f64[F_CHUNK]!;
  const region = Atomics.load(ctl, REGION);
  const fn = instances[Atomics.load(ctl, MODULE)]?.[`par${region}`] ?? (await instance(Atomics.load(ctl, MODULE)))[`par${region}`]!;
  for (;;) {
    const c = Atomics.add(ctl, NEXT, 1);
    if (c >= nchunks) return;
    if (Atomics.load(ctl, ABORT) === 0) {
      try {
        const [t0, t1] = chunkTrips(c, trips, nchunks, chunk);
        fn(env, start + t0 * step, start + t1 * step, c);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const m: ErrorMessage = { kind: "error", chunk: c, name: err.name, message: err.message };
        outbox.post(m);
        if (chunk > 0) Atomics.store(ctl, ABORT, 1);
      }
      Atomics.add(ctl, WORKER_CHUNKS, 1);
    }
    if (Atomics.add(ctl, DONE, 1) + 1 === nchunks) ring();
  }
}

/** Waits for a generation other than `seen`: spins briefly, then sleeps on the event loop. */
async function nextGeneration(seen: number): Promise<number> {
  let g = Atomics.load(ctl, GEN);
  if (g === seen && spinUs > 0) {
    const until = performance.now() + spinUs / 1000;
    for (let k = 0; g === seen; k++) {
      if ((k & 63) === 63 && performance.now() > until) break;
      g = Atomics.load(ctl, GEN);
    }
  }
  while (g === seen) {
    const r = waitAsync(ctl, GEN, seen);
    if (r.async) await r.value;
    g = Atomics.load(ctl, GEN);
  }
  return g;
}

const self = STATE + index;
Atomics.store(ctl, self, S_IDLE);
Atomics.notify(ctl, self);
let seen = startGen;
for (;;) {
  const g = await nextGeneration(seen);
  seen = g;
  if (g & 1) continue;
  Atomics.store(ctl, self, S_BUSY);
  if (Atomics.load(ctl, GEN) === g) {
    const cmd = Atomics.load(ctl, CMD);
    if (cmd === CMD_EXIT) break;
    if (cmd !== CMD_CRASH) await work(); // the crash command is a Node test hook
  }
  Atomics.store(ctl, self, S_IDLE);
  Atomics.notify(ctl, self);
}
Atomics.store(ctl, self, S_GONE);
Atomics.notify(ctl, self);
port.real.close();
scope.close();
