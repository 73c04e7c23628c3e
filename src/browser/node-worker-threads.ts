// Browser version of `node:worker_threads` for the browser build (build.ts): what runtime/pool.ts uses
// (Worker, MessageChannel, receiveMessageOnPort), on Web Workers that run pool-worker.ts (bundled as
// numbat-pool-worker.js beside numbat.js).
//
// The difference that matters: a thread blocked in a kernel call receives no postMessage events, and
// Node's receiveMessageOnPort has no browser equivalent. So each port pairs a real MessagePort, for
// compiled modules (a WebAssembly.Module cannot be serialised), with two Mailboxes in shared memory
// for everything else (error reports, failed allocations), which a blocked thread can read.

import { Mailbox } from "./mailbox.js";

interface WebPort {
  postMessage(m: unknown, transfer?: unknown[]): void;
  close(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
}
interface WebWorker {
  postMessage(m: unknown, transfer?: unknown[]): void;
  terminate(): void;
  addEventListener(type: "error", f: (e: { message?: string; preventDefault?(): void }) => void): void;
}
const G = globalThis as unknown as {
  Worker: new (url: URL, options: { type: "module"; name?: string }) => WebWorker;
  MessageChannel: new () => { port1: WebPort; port2: WebPort };
  document?: unknown;
};

const MAIN_THREAD =
  "numbat: parallel loops on several threads run only inside a Web Worker in the browser (a page's main thread cannot block); " +
  "call the kernel from a worker, or pass threads: 1";

/** One end of a channel as it crosses to a worker. */
export interface PortInit {
  readonly real: WebPort;
  readonly inbox: SharedArrayBuffer;
  readonly outbox: SharedArrayBuffer;
}

export class MessagePort {
  constructor(readonly real: WebPort, readonly inbox: Mailbox, readonly outbox: Mailbox) {}

  /** Modules go through the real port; other messages through shared memory. */
  postMessage(m: unknown): void {
    const mod = (m as { module?: unknown } | null)?.module;
    if (mod instanceof WebAssembly.Module) this.real.postMessage(m);
    else if (!this.outbox.post(m)) console.warn("numbat: a thread-pool message was dropped (its mailbox is full)");
  }

  init(): PortInit {
    return { real: this.real, inbox: this.inbox.buffer, outbox: this.outbox.buffer };
  }

  ref(): void {}
  unref(): void {}
  close(): void {
    this.real.close();
  }
}

export class MessageChannel {
  readonly port1: MessagePort;
  readonly port2: MessagePort;
  constructor() {
    const c = new G.MessageChannel();
    const a = new Mailbox(), b = new Mailbox();
    this.port1 = new MessagePort(c.port1, a, b);
    this.port2 = new MessagePort(c.port2, b, a);
  }
}

/** The next message that arrived through shared memory (synchronous, as in Node). */
export function receiveMessageOnPort(port: MessagePort): { message: unknown } | undefined {
  const m = port.inbox.take();
  return m === undefined ? undefined : { message: m };
}

type Listener = (arg: unknown) => void;

export class Worker {
  private readonly w: WebWorker;
  private readonly listeners = new Map<string, { f: Listener; once: boolean }[]>();
  private exited = false;

  /** `url` names Node's worker script; the browser runs the bundled pool-worker.ts instead. */
  constructor(_url: URL, options: { workerData: Record<string, unknown>; transferList?: unknown[] }) {
    if (G.document !== undefined) throw new Error(MAIN_THREAD);
    this.w = new G.Worker(new URL("./numbat-pool-worker.js", import.meta.url), { type: "module", name: "numbat-pool" });
    const data: Record<string, unknown> = {};
    const transfer: unknown[] = [];
    for (const [k, v] of Object.entries(options.workerData)) {
      if (v instanceof MessagePort) {
        data[k] = v.init();
        transfer.push(v.real);
      } else data[k] = v;
    }
    this.w.postMessage({ workerData: data }, transfer);
    this.w.addEventListener("error", (e) => {
      e.preventDefault?.();
      this.emit("error", new Error(e.message ?? "numbat: a pool worker failed"));
      this.exit();
    });
  }

  on(event: string, f: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { f, once: false }]);
    return this;
  }

  once(event: string, f: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { f, once: true }]);
    return this;
  }

  ref(): void {}
  unref(): void {}

  terminate(): Promise<number> {
    this.w.terminate();
    this.exit();
    return Promise.resolve(1);
  }

  private exit(): void {
    if (this.exited) return;
    this.exited = true;
    this.emit("exit", 1);
  }

  private emit(event: string, arg: unknown): void {
    const ls = this.listeners.get(event) ?? [];
    this.listeners.set(event, ls.filter((l) => !l.once));
    for (const l of ls) l.f(arg);
  }
}
