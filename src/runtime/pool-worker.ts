// A worker thread of the pool (pool.ts). It instantiates each compiled kernel module it is sent over
// numbat's shared WebAssembly.Memory, then loops: wait for a published region (Atomics.wait on GEN),
// claim chunks with Atomics.add, run each through the module's exported `par<k>` function, report
// errors on its port, count the chunk done. It never touches the heap allocator (main thread only):
// a kernel allocation is a request the main thread serves while it waits for the chunks.

import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import {
  CMD_CRASH, CMD_EXIT, DONE, GEN, MODULE, REGION, S_GONE, S_IDLE, TARGET,
  type AllocErrorMessage, type ErrorMessage, type ModuleMessage,
} from "./pool-protocol.js";
import { type Control, claimJob, instantiateOnWorker, requestAlloc, ring, runChunks, setState, spinForGeneration } from "./pool-thread.js";

interface Data { control: SharedArrayBuffer; memory: WebAssembly.Memory; port: MessagePort; index: number; spinUs: number; startGen: number }
const { control, memory, port, index, spinUs, startGen } = workerData as Data;
const c: Control = { ctl: new Int32Array(control), f64: new Float64Array(control) };
const ctl = c.ctl;
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
    ring(c);
  }
  setState(c, index, S_GONE);
});

function post(m: ErrorMessage): void {
  port.postMessage(m);
}

/** Messages from the main thread: modules to instantiate, answers to failed allocation requests. */
function receive(): boolean {
  const m = receiveMessageOnPort(port);
  if (!m) return false;
  const msg = m.message as ModuleMessage | AllocErrorMessage;
  if (msg.kind === "module") instances[msg.id] = instantiateOnWorker(msg, memory, alloc);
  else allocErrors.push(msg);
  return true;
}

/** The `alloc` import on a worker: ask the main thread (a failure's error arrives on the port). */
const alloc = requestAlloc(c, index, () => {
  while (allocErrors.length === 0 && receive());
  return allocErrors.shift();
});

function instance(id: number): Record<string, Function> {
  while (!instances[id]) {
    if (!receive()) throw new Error(`numbat: internal error: module ${id} was never sent to worker ${index}`);
  }
  return instances[id]!;
}

/** Runs chunks of the published region until none is left. */
function work(): void {
  let fn: Function | undefined;
  runChunks(c, () => (fn ??= instance(Atomics.load(ctl, MODULE))[`par${Atomics.load(ctl, REGION)}`]!), post, (chunk) => { running = chunk; });
}

/** Waits for a generation other than `seen` (spinning briefly first: back-to-back regions start faster). */
function nextGeneration(seen: number): number {
  let g = spinForGeneration(c, seen, spinUs);
  while (g === seen) {
    Atomics.wait(ctl, GEN, seen);
    g = Atomics.load(ctl, GEN);
  }
  return g;
}

setState(c, index, S_IDLE);
for (let seen = startGen; ; ) {
  const g = (seen = nextGeneration(seen));
  if (g & 1) continue; // being written: wait for the even value
  const cmd = claimJob(c, index, g);
  if (cmd === CMD_EXIT) break;
  if (cmd === CMD_CRASH && Atomics.load(ctl, TARGET) === index) process.exit(70);
  if (cmd !== undefined && cmd !== CMD_CRASH) work();
  setState(c, index, S_IDLE);
}
setState(c, index, S_GONE);
port.close();
