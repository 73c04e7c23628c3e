// The contract between the kernel API (driver/kernel.ts) and each GPU backend (gpusim, webgpu, cuda).
// A backend turns a lowered kernel (a FuncIR with `.kernel`) into something launchable, and owns the
// device memory its launches read and write. The kernel API does the rest: argument checking, host
// arrays copied to and from the device around a launch, and DeviceArray objects users keep on the device.

import type { FuncIR } from "../ir/nodes.js";
import type { DType } from "../ir/types.js";

export type GpuTargetName = "gpusim" | "webgpu" | "cuda";

/** Number of groups (CUDA: blocks) and threads per group, each as [x, y, z]. */
export interface LaunchGrid {
  readonly groups: readonly [number, number, number];
  readonly groupSize: readonly [number, number, number];
}

/** Memory on one device, `byteLength` bytes; contents are raw element bytes (little-endian). */
export interface DeviceBuffer {
  readonly byteLength: number;
  /** Replaces bytes [byteOffset, byteOffset + data.byteLength). */
  write(data: ArrayBufferView, byteOffset?: number): Promise<void>;
  /** A copy of the whole buffer's bytes. */
  read(): Promise<ArrayBuffer>;
  /** Gives the memory back; later use is an error. Idempotent. */
  free(): void;
}

/** One kernel argument, in parameter order: an array in device memory or a scalar. */
export type LaunchArg =
  | { readonly kind: "array"; readonly buffer: DeviceBuffer; readonly dtype: DType; readonly length: number }
  | { readonly kind: "scalar"; readonly type: "int" | "f64" | "bool"; readonly value: number | boolean };

export interface CompiledKernel {
  /** The generated code (WGSL, CUDA C / PTX, or JS for gpusim), shown by `k.inspect(...)`. */
  readonly text: string;
  /** Runs the kernel over `grid`; resolves when it has finished and its writes are visible to `read()`. */
  launch(grid: LaunchGrid, args: readonly LaunchArg[]): Promise<void>;
}

export interface GpuTarget {
  readonly name: GpuTargetName;
  /** null when the target works here; otherwise why not, in words a user can act on. */
  unavailableReason(): Promise<string | null>;
  /**
   * Compiles a lowered kernel for this target. Throws CompileError (with the kernel's source location)
   * for what the target cannot express, e.g. f64 arrays on WebGPU.
   */
  compile(ir: FuncIR): Promise<CompiledKernel>;
  /** Device memory of `byteLength` bytes, zero-filled. */
  alloc(byteLength: number): Promise<DeviceBuffer>;
}
