// The WebGPU GpuTarget: kernels compiled to WGSL (wgsl.ts), validated by the device, run as compute
// pipelines; device memory as GPUBuffers. Everything the device does is asynchronous: launches resolve
// when the queue has finished them, reads when the copy has been mapped.

/// <reference types="@webgpu/types" />

import { CompileError } from "../../diagnostics/error.js";
import type { FuncIR } from "../../ir/nodes.js";
import type { CompiledKernel, DeviceBuffer, GpuTarget, LaunchArg, LaunchGrid } from "../../runtime/gpu-target.js";
import { acquireDevice, checkAlive, type WebGpu } from "./device.js";
import { buildWgsl, type WgslKernel } from "./wgsl.js";

// GPUBufferUsage and GPUMapMode flags (WebGPU spec values; Node has no globals for them).
const MAP_READ = 0x0001, COPY_SRC = 0x0004, COPY_DST = 0x0008, UNIFORM = 0x0040, STORAGE = 0x0080;
const MAP_MODE_READ = 0x0001;

export const webgpuTarget: GpuTarget = {
  name: "webgpu",
  async unavailableReason() {
    try {
      await acquireDevice();
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  },
  async compile(ir) {
    const k = buildWgsl(ir); // CompileError for what WebGPU cannot run, before touching a device
    const gpu = await acquireDevice();
    checkLimits(ir, k, gpu);
    const pipeline = await pipelineFor(gpu, ir, k.code);
    return new WebGpuKernel(gpu, ir, k, pipeline);
  },
  async alloc(byteLength) {
    return WebGpuBuffer.create(await acquireDevice(), byteLength);
  },
};

/** The adapter behind the target (opening the device if needed): for reports and benchmarks. */
export async function webgpuAdapterName(): Promise<string> {
  return (await acquireDevice()).adapterName;
}

// ---- compilation ---------------------------------------------------------------------------------

function checkLimits(ir: FuncIR, k: WgslKernel, gpu: WebGpu): void {
  const lim = gpu.device.limits, [x, y, z] = ir.kernel!.groupSize;
  const fail = (detail: string, help: string): never => { throw new CompileError("NB121", detail, 1, 1, ir.sourceName, "", help); };
  const threads = x * y * z;
  if (threads > lim.maxComputeInvocationsPerWorkgroup || x > lim.maxComputeWorkgroupSizeX || y > lim.maxComputeWorkgroupSizeY || z > lim.maxComputeWorkgroupSizeZ)
    fail(`groupSize [${x}, ${y}, ${z}] (${threads} threads) exceeds what ${gpu.adapterName} allows: ${lim.maxComputeInvocationsPerWorkgroup} threads per group, at most [${lim.maxComputeWorkgroupSizeX}, ${lim.maxComputeWorkgroupSizeY}, ${lim.maxComputeWorkgroupSizeZ}]`,
      "use smaller groups and more of them (64 to 256 threads per group is typical)");
  if (k.sharedBytes > lim.maxComputeWorkgroupStorageSize)
    fail(`the kernel's gpu.shared arrays take ${k.sharedBytes} bytes; ${gpu.adapterName} allows ${lim.maxComputeWorkgroupStorageSize} bytes per group`, "use smaller shared arrays (smaller tiles)");
  if (k.buffers.length > lim.maxStorageBuffersPerShaderStage)
    fail(`the kernel uses ${k.buffers.length} arrays; ${gpu.adapterName} binds at most ${lim.maxStorageBuffersPerShaderStage} storage buffers per kernel`, "pack several arrays into one and pass offsets");
}

/** Creates (or reuses) the pipeline; the device's verdict on the WGSL becomes a CompileError. */
function pipelineFor(gpu: WebGpu, ir: FuncIR, code: string): Promise<GPUComputePipeline> {
  let p = gpu.pipelines.get(code);
  if (!p) {
    p = createPipeline(gpu, ir, code);
    gpu.pipelines.set(code, p);
    p.catch(() => gpu.pipelines.delete(code));
  }
  return p;
}

async function createPipeline(gpu: WebGpu, ir: FuncIR, code: string): Promise<GPUComputePipeline> {
  checkAlive(gpu);
  const { device } = gpu;
  // Error scopes are a stack shared by concurrent calls: each is popped in the same turn it was pushed.
  device.pushErrorScope("validation");
  const module = device.createShaderModule({ code, label: ir.sourceName });
  const scoped = device.popErrorScope();
  const info = await module.getCompilationInfo();
  const err = await scoped;
  const errors = info.messages.filter((m) => m.type === "error");
  if (errors.length || err) throw wgslError(ir, code, errors, err?.message ?? "");
  device.pushErrorScope("validation");
  const pending = device.createComputePipelineAsync({ layout: "auto", compute: { module, entryPoint: "main" }, label: ir.sourceName });
  const scoped2 = device.popErrorScope();
  let pipeline: GPUComputePipeline;
  try {
    pipeline = await pending;
  } catch (e) {
    await scoped2;
    throw wgslError(ir, code, [], (e as Error).message);
  }
  const err2 = await scoped2;
  if (err2) throw wgslError(ir, code, [], err2.message);
  return pipeline;
}

/**
 * What the device said about the WGSL, with the line it points at. A barrier outside uniform control
 * flow is the user's to fix (NB121); anything else the device rejects is a numbat bug (NB120).
 */
export function wgslError(ir: FuncIR, code: string, messages: readonly Pick<GPUCompilationMessage, "message" | "lineNum" | "linePos">[], other: string): CompileError {
  const lines = code.split("\n");
  const first = messages[0];
  const where = first && first.lineNum > 0 ? `\n  WGSL line ${first.lineNum}: ${lines[first.lineNum - 1]?.trim()}` : "";
  const text = first ? first.message : other.split("\n").find((l) => /error/i.test(l)) ?? other;
  if (/must only be called from uniform control flow/.test(first?.message ?? other))
    return new CompileError("NB121", `gpu.barrier() is not reached by every thread of the group (${text})${where}`, 1, 1, ir.sourceName, "",
      "WGSL requires all threads of a group to reach each barrier: call gpu.barrier() outside branches and loops whose condition depends on the thread's id, and not after a return (or an integer % by a divisor that may be 0) that only some threads take");
  return new CompileError("NB120", `the WebGPU device rejected the WGSL generated for this kernel: ${text}${where}`, 1, 1, ir.sourceName, "",
    "this is a numbat bug: please report it with the output of k.inspect(\"code\")");
}

// ---- launches ------------------------------------------------------------------------------------

class WebGpuKernel implements CompiledKernel {
  readonly text: string;
  constructor(private gpu: WebGpu, private readonly ir: FuncIR, private readonly k: WgslKernel, private pipeline: GPUComputePipeline) {
    this.text = k.code;
  }

  async launch(grid: LaunchGrid, args: readonly LaunchArg[]): Promise<void> {
    if (this.gpu.lost !== null) {
      // The device was lost since compiling: build the pipeline again on the new one (arrays that
      // lived on the old device are gone, and say so when passed).
      this.gpu = await acquireDevice();
      this.pipeline = await pipelineFor(this.gpu, this.ir, this.k.code);
    }
    const { gpu, ir, k } = this, { device } = gpu;
    const name = ir.sourceName;
    if (args.length !== ir.params.length) throw new TypeError(`${name}: expected ${ir.params.length} arguments, got ${args.length}`);
    const want = ir.kernel!.groupSize;
    if (grid.groupSize.some((n, i) => n !== want[i]))
      throw new RangeError(`${name}: launched with groupSize [${grid.groupSize.join(", ")}] but compiled for [${want.join(", ")}]`);
    const maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
    for (const n of grid.groups) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name}: group counts must be non-negative integers, got [${grid.groups.join(", ")}]`);
      if (n > maxGroups)
        throw new RangeError(`${name}: ${n} groups along one axis exceeds ${gpu.adapterName}'s limit of ${maxGroups}: spread the groups over two or three axes (groups: [x, y]) or make the groups bigger`);
    }
    if (grid.groups.some((n) => n === 0)) return;

    const buffers = k.buffers.map((b) => {
      const a = args[b.param]!;
      if (a.kind !== "array") throw new TypeError(`${name}: parameter ${ir.params[b.param]!.name} is an array, got a scalar`);
      return { ...b, buffer: WebGpuBuffer.of(a.buffer, gpu, ir.params[b.param]!.name) };
    });
    // WebGPU forbids binding one buffer twice in a launch when either binding is writable.
    for (let i = 0; i < buffers.length; i++)
      for (let j = 0; j < i; j++)
        if (buffers[i]!.buffer === buffers[j]!.buffer && (buffers[i]!.writable || buffers[j]!.writable))
          throw new Error(`${name}: the same device array is passed as '${ir.params[buffers[j]!.param]!.name}' and '${ir.params[buffers[i]!.param]!.name}', and the kernel writes one of them; WebGPU does not allow that: pass a copy`);

    const entries: GPUBindGroupEntry[] = buffers.map((b) => ({ binding: b.binding, resource: { buffer: b.buffer } }));
    const params = new DataView(new ArrayBuffer(Math.ceil((k.uniforms.length * 4) / 16) * 16));
    k.uniforms.forEach((u, i) => {
      const a = args[u.param]!, p = ir.params[u.param]!;
      if (u.what === "length") {
        if (a.kind !== "array") throw new TypeError(`${name}: parameter ${p.name} is an array, got a scalar`);
        params.setInt32(4 * i, a.length, true);
      } else {
        if (a.kind !== "scalar") throw new TypeError(`${name}: parameter ${p.name} is a ${String(p.type)}, got an array`);
        const v = Number(a.value);
        if (u.type === "f32") params.setFloat32(4 * i, v, true);
        else if (u.type === "u32") params.setUint32(4 * i, v ? 1 : 0, true);
        else params.setInt32(4 * i, v, true); // ToInt32: wraps outside the i32 range (documented)
      }
    });
    let uniform: GPUBuffer | undefined;
    device.pushErrorScope("validation");
    if (k.uniformBinding !== null) {
      uniform = device.createBuffer({ size: params.byteLength, usage: UNIFORM | COPY_DST, mappedAtCreation: true });
      new Uint8Array(uniform.getMappedRange()).set(new Uint8Array(params.buffer));
      uniform.unmap();
      entries.push({ binding: k.uniformBinding, resource: { buffer: uniform } });
    }
    const enc = device.createCommandEncoder({ label: name });
    const pass = enc.beginComputePass();
    pass.setPipeline(this.pipeline);
    if (entries.length) pass.setBindGroup(0, device.createBindGroup({ layout: this.pipeline.getBindGroupLayout(0), entries }));
    pass.dispatchWorkgroups(grid.groups[0], grid.groups[1], grid.groups[2]);
    pass.end();
    device.queue.submit([enc.finish()]);
    const scoped = device.popErrorScope();
    await device.queue.onSubmittedWorkDone();
    const err = await scoped;
    uniform?.destroy();
    checkAlive(gpu);
    if (err) throw new Error(`${name}: the WebGPU launch failed: ${err.message}`);
  }
}

// ---- device memory -------------------------------------------------------------------------------

const owned = new WeakMap<DeviceBuffer, WebGpuBuffer>();

class WebGpuBuffer implements DeviceBuffer {
  private buf: GPUBuffer | null;

  private constructor(private readonly gpu: WebGpu, readonly byteLength: number, buf: GPUBuffer) {
    this.buf = buf;
    owned.set(this, this);
  }

  static async create(gpu: WebGpu, byteLength: number): Promise<WebGpuBuffer> {
    checkAlive(gpu);
    if (!Number.isInteger(byteLength) || byteLength < 0) throw new RangeError(`device memory size must be a non-negative integer, got ${byteLength}`);
    const max = Math.min(gpu.device.limits.maxBufferSize, gpu.device.limits.maxStorageBufferBindingSize);
    if (byteLength > max) throw new RangeError(`${byteLength} bytes exceed ${gpu.adapterName}'s largest storage buffer (${max} bytes)`);
    // Storage bindings must be non-empty and sizes multiples of 4: round up (the padding is never read).
    const size = Math.max(4, Math.ceil(byteLength / 4) * 4);
    gpu.device.pushErrorScope("out-of-memory");
    const buf = gpu.device.createBuffer({ size, usage: STORAGE | COPY_SRC | COPY_DST, label: "numbat device array" });
    const err = await gpu.device.popErrorScope(); // popped in the turn it was pushed (see createPipeline)
    if (err) { buf.destroy(); throw new RangeError(`out of WebGPU memory allocating ${byteLength} bytes: ${err.message}`); }
    return new WebGpuBuffer(gpu, byteLength, buf);
  }

  /** The GPUBuffer behind a DeviceBuffer of this target on this device. */
  static of(b: DeviceBuffer, gpu: WebGpu, what: string): GPUBuffer {
    const w = owned.get(b);
    if (!w) throw new TypeError(`'${what}' is device memory of another target; WebGPU kernels take WebGPU device arrays (or host arrays)`);
    if (w.gpu !== gpu) { checkAlive(w.gpu); throw new Error(`'${what}' lives on another WebGPU device`); }
    return w.live();
  }

  private live(): GPUBuffer {
    checkAlive(this.gpu);
    if (!this.buf) throw new Error("this device array was freed");
    return this.buf;
  }

  async write(data: ArrayBufferView, byteOffset = 0): Promise<void> {
    const buf = this.live();
    const end = byteOffset + data.byteLength;
    if (!Number.isInteger(byteOffset) || byteOffset < 0 || end > this.byteLength)
      throw new RangeError(`write of ${data.byteLength} bytes at ${byteOffset} is outside the ${this.byteLength}-byte device array`);
    if (data.byteLength === 0) return;
    let bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    // Dawn (the webgpu package) crashes the process on a view of a SharedArrayBuffer, such as numbat's heap: copy it out first.
    if (typeof SharedArrayBuffer !== "undefined" && bytes.buffer instanceof SharedArrayBuffer) bytes = bytes.slice();
    if (byteOffset % 4 !== 0) throw new RangeError(`WebGPU writes start at multiples of 4 bytes, got offset ${byteOffset}`);
    if (bytes.byteLength % 4 !== 0) {
      // Only a write that ends at the array's end may be padded: the padding lands past the end.
      if (end !== this.byteLength) throw new RangeError(`WebGPU writes whole 4-byte words: ${data.byteLength} bytes at ${byteOffset} would overwrite the next bytes`);
      const padded = new Uint8Array(Math.ceil(bytes.byteLength / 4) * 4);
      padded.set(bytes);
      bytes = padded;
    }
    this.gpu.device.queue.writeBuffer(buf, byteOffset, bytes, 0, bytes.byteLength);
  }

  async read(): Promise<ArrayBuffer> {
    const buf = this.live(), { device } = this.gpu;
    const size = buf.size;
    const staging = device.createBuffer({ size, usage: MAP_READ | COPY_DST, label: "numbat readback" });
    try {
      const enc = device.createCommandEncoder();
      enc.copyBufferToBuffer(buf, 0, staging, 0, size);
      device.queue.submit([enc.finish()]);
      await staging.mapAsync(MAP_MODE_READ);
      return staging.getMappedRange(0, size).slice(0, this.byteLength);
    } catch (e) {
      checkAlive(this.gpu);
      throw e;
    } finally {
      staging.destroy();
    }
  }

  free(): void {
    if (this.buf && this.gpu.lost === null) this.buf.destroy();
    this.buf = null;
  }
}
