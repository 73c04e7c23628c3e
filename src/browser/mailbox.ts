// A one-way queue of small JSON messages in a SharedArrayBuffer, read synchronously. The browser's
// thread pool (node-worker-threads.ts, pool-worker.ts) needs it where Node has receiveMessageOnPort:
// a thread blocked inside a kernel call cannot receive postMessage events, but it can read this.

const CAPACITY = 1 << 16;
/** Int32 header: [0] a spin lock, [1] bytes of messages queued. Each message: u32 length, UTF-8 JSON. */
const HEADER = 8;

export class Mailbox {
  private readonly head: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(HEADER + CAPACITY)) {
    this.head = new Int32Array(buffer, 0, 2);
    this.bytes = new Uint8Array(buffer, HEADER);
    this.view = new DataView(buffer, HEADER);
  }

  /** Queues `m`; false when the mailbox is full (the message is dropped). */
  post(m: unknown): boolean {
    const data = new TextEncoder().encode(JSON.stringify(m));
    return this.locked(() => {
      const used = this.head[1]!;
      if (used + 4 + data.length > this.bytes.length) return false;
      this.view.setUint32(used, data.length, true);
      this.bytes.set(data, used + 4);
      this.head[1] = used + 4 + data.length;
      return true;
    });
  }

  /** The oldest message, or undefined when there is none. */
  take(): unknown {
    const data = this.locked(() => {
      const used = this.head[1]!;
      if (used === 0) return undefined;
      const n = this.view.getUint32(0, true);
      const copy = this.bytes.slice(4, 4 + n); // a non-shared copy: TextDecoder refuses shared memory
      this.bytes.copyWithin(0, 4 + n, used);
      this.head[1] = used - 4 - n;
      return copy;
    });
    return data === undefined ? undefined : JSON.parse(new TextDecoder().decode(data));
  }

  private locked<T>(f: () => T): T {
    while (Atomics.compareExchange(this.head, 0, 0, 1) !== 0); // held only for a copy
    try {
      return f();
    } finally {
      Atomics.store(this.head, 0, 0);
    }
  }
}
