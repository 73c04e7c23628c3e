// The `gpu` object users import next to kernel(). Inside a compiled kernel numbat never reads it: the
// compiler sees `gpu.globalId.x` and friends and emits the target's own built-ins. It exists so that
// kernel source type-checks and runs as plain JS too: a caller may set the thread position fields and
// call the function directly (the tests do, as an oracle for kernels without barriers).

import { dtypeOfUserName, DTYPES } from "../ir/types.js";

interface Axes { x: number; y: number; z: number }
type Indexable = { [i: number]: number };

const axes = (): Axes => ({ x: 0, y: 0, z: 0 });

export const gpu = {
  /** This thread's position in the whole grid: groupId * groupSize + localId. */
  globalId: axes(),
  /** This thread's position in its group. */
  localId: axes(),
  /** The group's position in the grid (CUDA: blockIdx). */
  groupId: axes(),
  /** Threads per group (CUDA: blockDim). */
  groupSize: { x: 1, y: 1, z: 1 } as Axes,
  /** Groups in the grid (CUDA: gridDim). */
  numGroups: { x: 1, y: 1, z: 1 } as Axes,
  /** Waits until every thread of the group gets here; orders shared and global memory. */
  barrier(): void {
    throw new Error("gpu.barrier() needs the threads of a group to run together: launch the kernel (kernel(fn).launch(...)) instead of calling it directly");
  },
  /** An array shared by the threads of a group: `const t = gpu.shared(256, "float32")` at the top of a kernel. */
  shared(size: number, dtype: "float32" | "float64" | "int32" | "uint32"): Float32Array | Float64Array | Int32Array | Uint32Array {
    const d = dtypeOfUserName(dtype);
    if (!d) throw new TypeError(`gpu.shared: unknown dtype ${JSON.stringify(dtype)}`);
    const ctor = globalThis[DTYPES[d].ctor as keyof typeof globalThis] as new (n: number) => Float32Array;
    return new ctor(size);
  },
  /** Atomically adds `v` to `a[i]`; returns the old value. (Likewise the other atomic* functions.) */
  atomicAdd: (a: Indexable, i: number, v: number): number => rmw(a, i, (o) => o + v),
  atomicSub: (a: Indexable, i: number, v: number): number => rmw(a, i, (o) => o - v),
  atomicMin: (a: Indexable, i: number, v: number): number => rmw(a, i, (o) => Math.min(o, v)),
  atomicMax: (a: Indexable, i: number, v: number): number => rmw(a, i, (o) => Math.max(o, v)),
  atomicAnd: (a: Indexable, i: number, v: number): number => rmw(a, i, (o) => o & v),
  atomicOr: (a: Indexable, i: number, v: number): number => rmw(a, i, (o) => o | v),
  atomicXor: (a: Indexable, i: number, v: number): number => rmw(a, i, (o) => o ^ v),
  atomicExchange: (a: Indexable, i: number, v: number): number => rmw(a, i, () => v),
};

function rmw(a: Indexable, i: number, f: (old: number) => number): number {
  const old = a[i]!;
  a[i] = f(old);
  return old;
}
