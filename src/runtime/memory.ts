// The heap shared by compiled kernels and the JS side: one WebAssembly.Memory plus a best-fit allocator
// whose bookkeeping lives in JS (kernels never see it), so a stray kernel store cannot corrupt the free list.
// Arrays numbat hands out live here, which lets kernels read and write them without copying.

/** The part of WebAssembly.Memory used here. Declared locally because the project's lib (ES2022, no DOM) has
 *  no WebAssembly types; a real WebAssembly.Memory is what `memory` holds at run time. */
export interface WasmMemory { readonly buffer: ArrayBuffer | SharedArrayBuffer; grow(deltaPages: number): number }
const WasmMemoryCtor = (globalThis as unknown as {
  WebAssembly: { Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory };
}).WebAssembly.Memory;

const PAGE = 65536;
const MAX_PAGES = 65536; // 4 GiB: the wasm32 limit
const ALIGN = 16;
/** [0, 1024) is never handed out: address 0 stays an invalid pointer and [16, 1024) is runtime scratch. */
export const HEAP_BASE = 1024;

/**
 * A map from addresses (positive integers below 2^53) to numbers: open addressing in a Float64Array, linear
 * probing, deletion by shifting the run back (no tombstones). The heap deletes and re-inserts the same key
 * over and over (a block freed and handed out again), which V8's Map handles in time proportional to the
 * number of such deletions since its last rehash: with 500,000 live blocks each kernel call took ~1 ms.
 */
export class AddrMap {
  private slots = new Float64Array(32); // [key, value] pairs; key 0 = empty
  private mask = 15; // capacity - 1 (pairs); the capacity is a power of two
  private shift = 28; // 32 - log2(capacity)
  size = 0;

  /** Home slot: Fibonacci hashing (the high bits of the product) of the key's low 32 bits. */
  private index(key: number): number {
    return Math.imul(key % 2 ** 32 | 0, 0x9e3779b1) >>> this.shift;
  }

  get(key: number): number | undefined {
    const s = this.slots;
    for (let i = this.index(key); ; i = (i + 1) & this.mask) {
      const k = s[2 * i]!;
      if (k === key) return s[2 * i + 1];
      if (k === 0) return undefined;
    }
  }

  set(key: number, value: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    const s = this.slots;
    let i = this.index(key);
    for (; s[2 * i] !== 0; i = (i + 1) & this.mask) if (s[2 * i] === key) { s[2 * i + 1] = value; return; }
    s[2 * i] = key;
    s[2 * i + 1] = value;
    this.size++;
  }

  delete(key: number): boolean {
    const s = this.slots, mask = this.mask;
    let i = this.index(key);
    for (; s[2 * i] !== key; i = (i + 1) & mask) if (s[2 * i] === 0) return false;
    // Move later entries of the run into the hole when their home slot does not lie in (hole, entry].
    for (let j = (i + 1) & mask; s[2 * j] !== 0; j = (j + 1) & mask) {
      const home = this.index(s[2 * j]!);
      if (i <= j ? home <= i || home > j : home <= i && home > j) {
        s[2 * i] = s[2 * j]!;
        s[2 * i + 1] = s[2 * j + 1]!;
        i = j;
      }
    }
    s[2 * i] = 0;
    this.size--;
    return true;
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Float64Array(2 * capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.set(old[i]!, old[i + 1]!);
  }
}

export class Heap {
  /** One WebAssembly.Memory for all kernels. Shared (SharedArrayBuffer-backed) when possible, because growing
   *  shared memory never detaches existing views, so typed arrays handed out stay valid; otherwise non-shared
   *  (then `buffer` is replaced, and old views detached, on growth). */
  readonly memory: WasmMemory;
  readonly shared: boolean;
  private readonly live = new AddrMap(); // ptr -> block size (a multiple of ALIGN)
  private liveBytes = 0;
  // Free blocks: by start and by end for O(1) coalescing, and as parallel arrays sorted by (size, addr) for
  // best-fit by binary search. The unused tail of memory is an ordinary free block.
  private readonly freeByStart = new AddrMap();
  private readonly freeByEnd = new AddrMap();
  private readonly fSize: number[] = [];
  private readonly fAddr: number[] = [];
  private end: number; // bytes of memory the allocator has accounted for
  private readonly seen = new WeakSet<ArrayBufferLike>();

  constructor(initialPages = 16) {
    if (!Number.isInteger(initialPages) || initialPages < 1 || initialPages > MAX_PAGES)
      throw new RangeError(`numbat: bad initial heap size ${initialPages} pages (expected 1..${MAX_PAGES})`);
    let memory: WasmMemory | undefined;
    if (typeof SharedArrayBuffer !== "undefined") {
      // Shared memory reserves its maximum up front; retry smaller where address space is restricted.
      for (const maximum of [MAX_PAGES, 16384, 4096]) {
        if (maximum < initialPages) break;
        try { memory = new WasmMemoryCtor({ initial: initialPages, maximum, shared: true }); break; } catch { /* next */ }
      }
    }
    this.shared = memory !== undefined;
    this.memory = memory ?? new WasmMemoryCtor({ initial: initialPages, maximum: MAX_PAGES });
    this.end = HEAP_BASE;
    this.sync();
  }

  /** Allocate `bytes` (rounded up to 16, 16-byte aligned; 0 gives a unique 16-byte block). Grows memory as needed. */
  alloc(bytes: number): number {
    if (typeof bytes !== "number" || !(bytes >= 0) || !Number.isFinite(bytes))
      throw new RangeError(`numbat: bad allocation size ${String(bytes)} (expected a non-negative number)`);
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    let i = this.firstFit(size);
    if (i === this.fSize.length) { this.grow(size); i = this.firstFit(size); }
    const addr = this.fAddr[i], blockSize = this.fSize[i];
    this.unlinkFree(i, addr, blockSize);
    if (blockSize > size) this.insertFree(addr + size, blockSize - size);
    this.live.set(addr, size);
    this.liveBytes += size;
    return addr;
  }

  free(ptr: number): void {
    const size = this.live.get(ptr);
    if (size === undefined) throw new Error(`numbat: free of pointer ${ptr}, which is not allocated (double free?)`);
    this.live.delete(ptr);
    this.liveBytes -= size;
    this.release(ptr, size);
  }

  /** Size of the live block at `ptr` (rounded), or undefined when `ptr` is not a live block. */
  sizeOf(ptr: number): number | undefined {
    return this.live.get(ptr);
  }

  /** Current ArrayBuffer/SharedArrayBuffer of the memory (refetched: growth replaces the object). */
  get buffer(): ArrayBufferLike {
    const b = this.memory.buffer;
    this.seen.add(b);
    return b;
  }

  /** True when `buf` is (or was, before growth) this memory's buffer: such views already live in the heap. */
  owns(buf: ArrayBufferLike): boolean {
    return this.seen.has(buf) || buf === this.buffer;
  }

  stats(): { liveBytes: number; liveBlocks: number; memoryBytes: number } {
    return { liveBytes: this.liveBytes, liveBlocks: this.live.size, memoryBytes: this.memory.buffer.byteLength };
  }

  /** Index of the smallest free block with size >= `size` (lowest address among equals), or length if none. */
  private firstFit(size: number): number {
    let lo = 0, hi = this.fSize.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (this.fSize[mid] < size) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** Position of (size, addr) in the sorted arrays. */
  private position(size: number, addr: number): number {
    let lo = 0, hi = this.fSize.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.fSize[mid] < size || (this.fSize[mid] === size && this.fAddr[mid] < addr)) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  private insertFree(addr: number, size: number): void {
    const i = this.position(size, addr);
    this.fSize.splice(i, 0, size);
    this.fAddr.splice(i, 0, addr);
    this.freeByStart.set(addr, size);
    this.freeByEnd.set(addr + size, addr);
  }

  private unlinkFree(i: number, addr: number, size: number): void {
    this.fSize.splice(i, 1);
    this.fAddr.splice(i, 1);
    this.freeByStart.delete(addr);
    this.freeByEnd.delete(addr + size);
  }

  /** Return [addr, addr+size) to the free list, merging with free neighbours on both sides. */
  private release(addr: number, size: number): void {
    const before = this.freeByEnd.get(addr);
    if (before !== undefined) {
      const bs = addr - before;
      this.unlinkFree(this.position(bs, before), before, bs);
      addr = before; size += bs;
    }
    const afterSize = this.freeByStart.get(addr + size);
    if (afterSize !== undefined) {
      this.unlinkFree(this.position(afterSize, addr + size), addr + size, afterSize);
      size += afterSize;
    }
    this.insertFree(addr, size);
  }

  /** Adopt memory that appeared beyond `end` (our own growth, or a kernel's memory.grow) as free space. */
  private sync(): void {
    const len = this.buffer.byteLength;
    if (len > this.end) { const old = this.end; this.end = len; this.release(old, len - old); }
  }

  /** Grow so that a block of `size` bytes fits: at least double, falling back to exactly what is needed. */
  private grow(size: number): void {
    this.sync(); // a kernel may have grown memory itself
    if (this.firstFit(size) < this.fSize.length) return;
    const tail = this.freeByEnd.get(this.end);
    const missing = size - (tail === undefined ? 0 : this.end - tail);
    const cur = this.end / PAGE;
    const need = Math.ceil(missing / PAGE);
    for (const pages of [Math.min(Math.max(need, cur), MAX_PAGES - cur), need]) {
      if (pages < need || cur + pages > MAX_PAGES) continue;
      try { this.memory.grow(pages); this.sync(); return; } catch (e) { if (!(e instanceof RangeError)) throw e; }
    }
    throw new RangeError(`numbat: out of memory: cannot allocate ${size} bytes (heap is ${this.end} bytes)`);
  }
}

/** The process-wide default heap. */
export const heap: Heap = new Heap();
