// The names of the GPU kernel intrinsics (`gpu.*` inside kernel(...)), shared by the frontend and the
// kernel API. Their meaning is in docs/kernels.md; the IR nodes they become are in ir/nodes.ts.

import type { AtomicOp, GpuIndex } from "../ir/nodes.js";

export const GPU_INDEX: readonly GpuIndex[] = ["globalId", "localId", "groupId", "groupSize", "numGroups"];

export const GPU_AXES = { x: 0, y: 1, z: 2 } as const;

/** `gpu.atomicAdd` -> "add", ... */
export const GPU_ATOMICS: Readonly<Record<string, AtomicOp>> = {
  atomicAdd: "add", atomicSub: "sub", atomicMin: "min", atomicMax: "max",
  atomicAnd: "and", atomicOr: "or", atomicXor: "xor", atomicExchange: "exchange",
};

/** What `kernel(fn, options)` fixes at compile time, besides the argument types. */
export interface KernelConfig {
  readonly groupSize: readonly [number, number, number];
  readonly float: "f32" | "f64";
}
