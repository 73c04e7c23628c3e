// Byte copies between numbat's heap and ordinary typed arrays (the copy-in and copy-out of kernel
// arguments, results moved out of the heap).
//
// When the heap is shared memory (a SharedArrayBuffer, so that prange loops can run on workers),
// V8's TypedArray.prototype.set copies with relaxed atomic stores of one word at a time: 2 MiB
// took 113 µs into shared memory against 54 µs between ordinary buffers (2-core EPYC, Node 20).
// For an O(n) kernel the copy-in is as long as the kernel itself. In Node, large copies that touch
// shared memory go through libc's memmove (bound with koffi, which passes typed arrays' memory
// without copying); elsewhere, or without koffi or libc, `set` does it.

import { createRequire } from "node:module";

type Memmove = (dst: Uint8Array, src: Uint8Array, bytes: number) => unknown;

/** Below this size `set` is as fast (the foreign call costs ~0.1 µs). */
const NATIVE_MIN_BYTES = 16 * 1024;

let memmove: Memmove | null | undefined; // undefined: not looked up yet; null: unavailable

const LIBC: Partial<Record<string, readonly string[]>> = {
  linux: ["libc.so.6", "libc.musl-x86_64.so.1", "libc.musl-aarch64.so.1"],
  darwin: ["libSystem.B.dylib"],
  freebsd: ["libc.so.7"],
  win32: ["msvcrt.dll"],
};

function loadMemmove(): Memmove | null {
  if (typeof process === "undefined" || process.env?.NUMBAT_NATIVE_COPY === "0") return null;
  let koffi: typeof import("koffi");
  try {
    koffi = createRequire(import.meta.url)("koffi") as typeof import("koffi");
  } catch {
    return null;
  }
  for (const name of LIBC[process.platform] ?? []) {
    try {
      return koffi.load(name).func("void *memmove(void *dst, const void *src, size_t n)") as unknown as Memmove;
    } catch {
      // try the next name
    }
  }
  return null;
}

const isShared = (b: ArrayBufferLike): boolean => typeof SharedArrayBuffer !== "undefined" && b instanceof SharedArrayBuffer;


/** dst.set(src) for byte views of equal length, at memmove speed when shared memory is involved. */
export function copyBytes(dst: Uint8Array, src: Uint8Array): void {
  const n = src.byteLength;
  if (n >= NATIVE_MIN_BYTES && (isShared(dst.buffer) || isShared(src.buffer))) {
    if (memmove === undefined) memmove = loadMemmove();
    if (memmove && dst.byteLength >= n) {
      memmove(dst, src, n);
      return;
    }
  }
  dst.set(src);
}
