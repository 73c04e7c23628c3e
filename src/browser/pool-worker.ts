// A thread of the pool in the browser build (bundled as numbat-pool-worker.js): runtime/pool-worker.ts
// on a Web Worker, speaking the same shared-memory protocol (runtime/pool-protocol.ts) to the same
// pool. Two differences, both because a Web Worker receives messages only from its event loop:
// between regions it waits with Atomics.waitAsync instead of Atomics.wait, so compiled modules posted
// to it arrive (a region whose module is still on its way waits for it); and its error reports and
// the answers to failed allocations travel through shared-memory mailboxes (node-worker-threads.ts).
// A worker that dies is not noticed while the calling thread is blocked; browsers rarely kill one.

import {
  CMD_CRASH, CMD_EXIT, GEN, MODULE, REGION, S_GONE, S_IDLE,
  type AllocErrorMessage, type ErrorMessage, type ModuleMessage,
} from "../runtime/pool-protocol.js";
import { type Control, claimJob, instantiateOnWorker, requestAlloc, runChunks, setState, spinForGeneration } from "../runtime/pool-thread.js";
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
const c: Control = { ctl: new Int32Array(control), f64: new Float64Array(control) };
const ctl = c.ctl;
const inbox = new Mailbox(port.inbox), outbox = new Mailbox(port.outbox);
const instances: Exports[] = [];
let arrived: () => void = () => {};
port.real.onmessage = (e) => {
  const m = e.data as ModuleMessage;
  instances[m.id] = instantiateOnWorker(m, memory, alloc);
  arrived();
};

/** The `alloc` import: ask the calling thread (a failure's error arrives in the inbox mailbox). */
const alloc = requestAlloc(c, index, () => inbox.take() as AllocErrorMessage | undefined);

/** The module's exports, waiting (on the event loop) for the module if it has not arrived yet. */
async function instance(id: number): Promise<Exports> {
  while (!instances[id]) await new Promise<void>((resolve) => { arrived = resolve; });
  return instances[id]!;
}

/** Runs chunks of the published region until none is left. */
async function work(): Promise<void> {
  const region = Atomics.load(ctl, REGION);
  const fn = instances[Atomics.load(ctl, MODULE)]?.[`par${region}`] ?? (await instance(Atomics.load(ctl, MODULE)))[`par${region}`]!;
  runChunks(c, () => fn, (m: ErrorMessage) => outbox.post(m));
}

/** Waits for a generation other than `seen`: spins briefly, then sleeps on the event loop. */
async function nextGeneration(seen: number): Promise<number> {
  let g = spinForGeneration(c, seen, spinUs);
  while (g === seen) {
    const r = waitAsync(ctl, GEN, seen);
    if (r.async) await r.value;
    g = Atomics.load(ctl, GEN);
  }
  return g;
}

setState(c, index, S_IDLE);
for (let seen = startGen; ; ) {
  const g = (seen = await nextGeneration(seen));
  if (g & 1) continue; // being written: wait for the even value
  const cmd = claimJob(c, index, g);
  if (cmd === CMD_EXIT) break;
  if (cmd !== undefined && cmd !== CMD_CRASH) await work(); // the crash command is a Node test hook
  setState(c, index, S_IDLE);
}
setState(c, index, S_GONE);
port.real.close();
scope.close();
