// Tests for the shared heap: alignment, reserved low memory, errors, growth that keeps views valid, and an
// allocator stress run that must end with nothing live and a fully coalesced free list.

import { test } from "node:test";
import assert from "node:assert/strict";
import { AddrMap, Heap, HEAP_BASE, heap } from "./memory.js";
import { prng as rng } from "../../examples/random.js"; // mulberry32: a failing stress run can be replayed


test("alloc: 16-byte aligned, above the reserved scratch, distinct, sizes rounded", () => {
  const h = new Heap(1);
  const ptrs = [0, 1, 15, 16, 17, 100, 1000].map((n) => h.alloc(n));
  for (const p of ptrs) { assert.equal(p % 16, 0); assert.ok(p >= HEAP_BASE); }
  assert.equal(new Set(ptrs).size, ptrs.length);
  assert.deepEqual(h.stats().liveBlocks, 7);
  assert.equal(h.stats().liveBytes, 16 + 16 + 16 + 16 + 32 + 112 + 1008);
  for (const p of ptrs) h.free(p);
  assert.deepEqual(h.stats(), { liveBytes: 0, liveBlocks: 0, memoryBytes: 65536 });
});

test("free: double free and unknown pointers throw", () => {
  const h = new Heap(1);
  const p = h.alloc(64);
  h.free(p);
  assert.throws(() => h.free(p), /not allocated \(double free\?\)/);
  assert.throws(() => h.free(12345), Error);
  assert.throws(() => h.alloc(-1), RangeError);
  assert.throws(() => h.alloc(NaN), RangeError);
});

test("freed memory is reused (best fit) and neighbours coalesce", () => {
  const h = new Heap(1);
  const a = h.alloc(100), b = h.alloc(100), c = h.alloc(100);
  h.free(b);
  assert.equal(h.alloc(100), b); // the hole fits exactly
  h.free(a); h.free(b);
  assert.equal(h.alloc(200), a); // a and b merged into one 224-byte hole
  h.free(a); h.free(c);
  // Everything merged back with the tail: one allocation can take the whole heap without growth.
  assert.equal(h.alloc(65536 - HEAP_BASE), HEAP_BASE);
  assert.equal(h.stats().memoryBytes, 65536);
});

test("growth: shared memory keeps old views valid and old buffers owned", () => {
  const h = new Heap(1);
  const p = h.alloc(64);
  const before = h.buffer;
  const small = new Float64Array(before, p, 8);
  small[3] = 42;
  const big = h.alloc(1 << 20); // forces growth
  assert.ok(h.stats().memoryBytes >= (1 << 20) + 65536);
  assert.notEqual(h.buffer, before);
  assert.ok(h.owns(before) && h.owns(h.buffer));
  assert.ok(!h.owns(new ArrayBuffer(8)));
  if (h.shared) {
    assert.equal(small[3], 42);
    small[4] = 7;
    assert.equal(new Float64Array(h.buffer, p, 8)[4], 7); // the same memory through the new buffer
  }
  h.free(big); h.free(p);
  assert.equal(h.stats().liveBytes, 0);
});

test("growth at least doubles, so many small allocations grow rarely", () => {
  const h = new Heap(1);
  const sizes = new Set<number>();
  for (let i = 0; i < 10000; i++) { h.alloc(100); sizes.add(h.stats().memoryBytes); }
  assert.ok(sizes.size <= 6, `grew ${sizes.size - 1} times`); // 1.1 MB live: 64K -> 128K -> ... -> 2M
});

test("out of memory is a clear RangeError", () => {
  const h = new Heap(1);
  assert.throws(() => h.alloc(2 ** 33), /^RangeError: numbat: out of memory: cannot allocate 8589934592 bytes \(heap is \d+ bytes\)$/);
  assert.equal(h.stats().liveBlocks, 0);
  const p = h.alloc(10); // still usable
  h.free(p);
});

test("the default heap is shared when SharedArrayBuffer exists", () => {
  assert.equal(heap.shared, typeof SharedArrayBuffer !== "undefined");
  if (heap.shared) assert.ok(heap.buffer instanceof SharedArrayBuffer);
});

test("stress: 100,000 random allocs/frees in random order leave nothing live and no fragmentation", () => {
  const h = new Heap(1);
  const rand = rng(12345);
  const live: { ptr: number; n: number; tag: number }[] = [];
  let liveBytes = 0, peak = 0, ops = 0;
  const u8 = () => new Uint8Array(h.buffer);
  const check = (b: { ptr: number; n: number; tag: number }) => {
    const m = u8();
    // First and last byte carry the block's tag: an overlapping allocation would have overwritten them.
    assert.equal(m[b.ptr], b.tag); assert.equal(m[b.ptr + b.n - 1], b.tag);
  };
  while (ops < 100_000) {
    if (live.length === 0 || rand() < 0.55) {
      // Mostly small sizes with an occasional large one, as arrays are.
      const n = 1 + Math.floor(rand() < 0.02 ? rand() * 200_000 : rand() * 2000);
      const ptr = h.alloc(n), tag = 1 + (ops % 255), m = u8();
      assert.equal(ptr % 16, 0);
      m[ptr] = tag; m[ptr + n - 1] = tag;
      live.push({ ptr, n, tag });
      liveBytes += Math.max(16, Math.ceil(n / 16) * 16);
      peak = Math.max(peak, liveBytes);
    } else {
      const i = Math.floor(rand() * live.length);
      const b = live[i];
      live[i] = live[live.length - 1]; live.pop();
      check(b);
      h.free(b.ptr);
      liveBytes -= Math.max(16, Math.ceil(b.n / 16) * 16);
    }
    ops++;
    assert.equal(h.stats().liveBytes, liveBytes);
  }
  // Free the rest in random order.
  while (live.length) {
    const i = Math.floor(rand() * live.length);
    const b = live[i];
    live[i] = live[live.length - 1]; live.pop();
    check(b); h.free(b.ptr);
  }
  const { liveBytes: lb, liveBlocks, memoryBytes } = h.stats();
  assert.equal(lb, 0); assert.equal(liveBlocks, 0);
  // Doubling growth plus fragmentation: memory stays within a small factor of the peak live size.
  assert.ok(memoryBytes <= 4 * peak + 4 * 65536, `memory ${memoryBytes} vs peak ${peak}`);
  // Fully coalesced: the whole heap is one free block again.
  assert.equal(h.alloc(memoryBytes - HEAP_BASE), HEAP_BASE);
  assert.equal(h.stats().memoryBytes, memoryBytes);
});

test("AddrMap agrees with Map under random inserts, updates and deletes (keys up to 2^32 and past it)", () => {
  const rnd = rng(7);
  const a = new AddrMap(), m = new Map<number, number>();
  for (let i = 0; i < 200_000; i++) {
    // Clustered keys (16- and 128-byte strides) make long probe runs; a few land at 2^32 and beyond.
    const key = 1024 + Math.floor(rnd() * 3000) * (rnd() < 0.5 ? 16 : 128) + (rnd() < 0.01 ? 2 ** 32 : 0);
    const r = rnd();
    if (r < 0.45) { a.set(key, i); m.set(key, i); }
    else if (r < 0.9) assert.equal(a.delete(key), m.delete(key));
    else assert.equal(a.get(key), m.get(key));
    assert.equal(a.size, m.size);
  }
  for (const [k, v] of m) assert.equal(a.get(k), v);
  assert.equal(a.get(4096 + 2 ** 33), undefined);
});
