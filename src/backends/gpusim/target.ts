// The GPU simulator (Numba's NUMBA_ENABLE_CUDASIM): runs the kernel language on the CPU with the grid,
// shared memory and barriers emulated, so every kernel runs everywhere and the GPU targets have a
// reference to be tested against. Each thread is a generator made by the JS backend, where
// `gpu.barrier()` is a `yield`: a group's threads advance in turns from one barrier to the next, so a
// barrier orders memory exactly as on a GPU. Floats round to binary32 after every operation when the
// kernel's `float` is "f32" (the JS backend inserts Math.fround), and every access is bounds-checked.

import { compileJs } from "../js/codegen.js";
import type { FuncIR } from "../../ir/nodes.js";
import { DTYPES } from "../../ir/types.js";
import type { CompiledKernel, DeviceBuffer, GpuTarget, LaunchArg, LaunchGrid } from "../../runtime/gpu-target.js";

type ThreadFn = (...args: unknown[]) => Generator<undefined, void, undefined>;
type Ctor = new (buffer: ArrayBufferLike, byteOffset?: number, length?: number) => ArrayLike<number>;

class HostBuffer implements DeviceBuffer {
  private bytes: Uint8Array | null;
  constructor(byteLength: number) { this.bytes = new Uint8Array(byteLength); }
  get byteLength(): number { return this.mem.byteLength; }
  get mem(): Uint8Array {
    if (!this.bytes) throw new Error("numbat gpusim: this device array was freed");
    return this.bytes;
  }
  async write(data: ArrayBufferView, byteOffset = 0): Promise<void> {
    this.mem.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), byteOffset);
  }
  async read(): Promise<ArrayBuffer> { return this.mem.slice().buffer; }
  free(): void { this.bytes = null; }
}

function compile(ir: FuncIR): CompiledKernel {
  const js = compileJs(ir, { boundscheck: true });
  const thread = js.fn as unknown as ThreadFn;
  const k = ir.kernel!;
  return {
    text: js.source,
    launch: async (grid, args) => run(thread, ir, grid, args, k.float === "f32"),
  };
}

function run(thread: ThreadFn, ir: FuncIR, grid: LaunchGrid, args: readonly LaunchArg[], f32: boolean): void {
  const values = args.map((a) => {
    if (a.kind === "scalar") return f32 && a.type === "f64" ? Math.fround(a.value as number) : a.value;
    const ctor = globalThis[DTYPES[a.dtype].ctor as keyof typeof globalThis] as Ctor;
    const mem = (a.buffer as HostBuffer).mem;
    return new ctor(mem.buffer, mem.byteOffset, a.length);
  });
  const [gx, gy, gz] = grid.groups, [sx, sy, sz] = grid.groupSize;
  const shared = ir.kernel!.shared;
  for (let z = 0; z < gz; z++) for (let y = 0; y < gy; y++) for (let x = 0; x < gx; x++) {
    const groupShared = shared.map((s) => {
      const ctor = globalThis[DTYPES[(s.v.type as { dtype: keyof typeof DTYPES }).dtype].ctor as keyof typeof globalThis] as new (n: number) => unknown;
      return new ctor(s.size);
    });
    const threads: Generator<undefined, void, undefined>[] = [];
    for (let lz = 0; lz < sz; lz++) for (let ly = 0; ly < sy; ly++) for (let lx = 0; lx < sx; lx++) {
      const g = {
        globalId: [x * sx + lx, y * sy + ly, z * sz + lz], localId: [lx, ly, lz], groupId: [x, y, z],
        groupSize: grid.groupSize, numGroups: grid.groups, shared: groupShared,
      };
      threads.push(thread(...values, g));
    }
    runGroup(threads, ir.sourceName, [x, y, z]);
  }
}

/** Runs a group's threads from barrier to barrier; all of them must reach each barrier (or none). */
function runGroup(threads: Generator<undefined, void, undefined>[], name: string, group: number[]): void {
  let live = threads;
  while (live.length > 0) {
    const waiting: Generator<undefined, void, undefined>[] = [];
    for (const t of live) if (!t.next().done) waiting.push(t);
    if (waiting.length > 0 && waiting.length < live.length)
      throw new Error(`${name}: gpu.barrier() was reached by ${waiting.length} of the ${live.length} threads still running in group (${group.join(", ")}); every thread of a group must reach each barrier (GPUs hang or misbehave otherwise)`);
    live = waiting;
  }
}

export const gpusimTarget: GpuTarget = {
  name: "gpusim",
  unavailableReason: async () => null,
  compile: async (ir) => compile(ir),
  alloc: async (byteLength) => new HostBuffer(byteLength),
};
