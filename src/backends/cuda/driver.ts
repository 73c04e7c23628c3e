// The CUDA driver API (libcuda.so.1, part of the NVIDIA driver), loaded with koffi on first use: the
// few entry points numbat needs for device memory, transfers, module loading and launches, each
// checked so that a failing call becomes a CudaError naming the call and the CUDA error.
//
// `CudaRaw` is the library as koffi binds it (every function returns a CUresult); `CudaDriver` wraps
// it with the checks. Tests substitute a fake CudaRaw: machines without a GPU can still test error
// mapping and argument packing.

import { createRequire } from "node:module";

type KoffiModule = typeof import("koffi");

/** A CUdeviceptr: koffi returns a Number or a BigInt; numbat keeps BigInt. */
export type DevicePtr = bigint;
/** CUcontext, CUmodule, CUfunction, CUstream: opaque handles (koffi: BigInt addresses). */
export type Handle = unknown;

/** The driver entry points numbat binds, as koffi calls them: out-parameters are 1-element arrays. */
export interface CudaRaw {
  cuInit(flags: number): number;
  cuDriverGetVersion(out: number[]): number;
  cuDeviceGetCount(out: number[]): number;
  cuDeviceGet(out: number[], ordinal: number): number;
  cuDeviceGetName(name: Buffer, len: number, dev: number): number;
  cuDeviceGetAttribute(out: number[], attrib: number, dev: number): number;
  cuDeviceTotalMem_v2(out: (number | bigint)[], dev: number): number;
  cuDevicePrimaryCtxRetain(out: Handle[], dev: number): number;
  cuCtxSetCurrent(ctx: Handle): number;
  cuModuleLoadData(out: Handle[], image: Buffer): number;
  cuModuleGetFunction(out: Handle[], mod: Handle, name: string): number;
  cuModuleGetGlobal_v2(dptr: (number | bigint)[], bytes: (number | bigint)[], mod: Handle, name: string): number;
  cuMemAlloc_v2(out: (number | bigint)[], bytes: number): number;
  cuMemFree_v2(dptr: DevicePtr): number;
  cuMemsetD8_v2(dptr: DevicePtr, value: number, count: number): number;
  cuMemcpyHtoD_v2(dst: DevicePtr, src: ArrayBufferView, bytes: number): number;
  cuMemcpyDtoH_v2(dst: ArrayBufferView, src: DevicePtr, bytes: number): number;
  cuStreamCreate(out: Handle[], flags: number): number;
  cuStreamSynchronize(stream: Handle): number;
  /** kernelParams: the address of an array of addresses, one per parameter value. */
  cuLaunchKernel(f: Handle, gx: number, gy: number, gz: number, bx: number, by: number, bz: number, sharedBytes: number, stream: Handle, kernelParams: BigUint64Array, extra: null): number;
  cuGetErrorName(code: number, out: (string | null)[]): number;
  cuGetErrorString(code: number, out: (string | null)[]): number;
}

/** Names of the CUresults numbat is likeliest to meet, for when cuGetErrorName itself is unavailable. */
export const CU_RESULT_NAMES: Readonly<Record<number, string>> = {
  0: "CUDA_SUCCESS", 1: "CUDA_ERROR_INVALID_VALUE", 2: "CUDA_ERROR_OUT_OF_MEMORY", 3: "CUDA_ERROR_NOT_INITIALIZED",
  4: "CUDA_ERROR_DEINITIALIZED", 34: "CUDA_ERROR_STUB_LIBRARY", 100: "CUDA_ERROR_NO_DEVICE", 101: "CUDA_ERROR_INVALID_DEVICE",
  200: "CUDA_ERROR_INVALID_IMAGE", 201: "CUDA_ERROR_INVALID_CONTEXT", 209: "CUDA_ERROR_NO_BINARY_FOR_GPU",
  218: "CUDA_ERROR_INVALID_PTX", 222: "CUDA_ERROR_UNSUPPORTED_PTX_VERSION", 400: "CUDA_ERROR_INVALID_HANDLE",
  500: "CUDA_ERROR_NOT_FOUND", 600: "CUDA_ERROR_NOT_READY", 700: "CUDA_ERROR_ILLEGAL_ADDRESS",
  701: "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", 702: "CUDA_ERROR_LAUNCH_TIMEOUT", 715: "CUDA_ERROR_ILLEGAL_INSTRUCTION",
  716: "CUDA_ERROR_MISALIGNED_ADDRESS", 719: "CUDA_ERROR_LAUNCH_FAILED", 803: "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH",
  999: "CUDA_ERROR_UNKNOWN",
};

/** What to do about an error, where numbat knows more than the driver's one-line description. */
const HINTS: Readonly<Record<number, string>> = {
  2: "the GPU is out of memory: free device arrays you no longer need (dx.free())",
  100: "the driver sees no CUDA device; run kernels with { target: \"gpusim\" }",
  218: "the driver could not compile the PTX: a driver older than the CUDA toolkit that produced it; update the NVIDIA driver",
  222: "the driver is older than the CUDA toolkit that produced the PTX; update the NVIDIA driver",
  701: "the kernel needs more registers or shared memory than the group size allows: launch with a smaller groupSize",
  700: "a kernel read or wrote outside its arrays (GPU targets do not check bounds); run it with { target: \"gpusim\" } to find the index. The CUDA context is unusable until the process restarts",
  716: "a kernel read or wrote outside its arrays (GPU targets do not check bounds); run it with { target: \"gpusim\" } to find the index. The CUDA context is unusable until the process restarts",
  719: "the kernel failed (often an access outside an array: GPU targets do not check bounds); run it with { target: \"gpusim\" }. The CUDA context is unusable until the process restarts",
};

/** A failed driver call. */
export class CudaError extends Error {
  override readonly name = "CudaError";
  constructor(readonly call: string, readonly code: number, readonly cudaName: string, description: string) {
    const hint = HINTS[code];
    super(`numbat: CUDA ${call} failed: ${cudaName} (${code}): ${description}${hint ? `; ${hint}` : ""}`);
  }
}

/** The name and description of a CUresult, from the driver when it can say, else from numbat's table. */
export function describeResult(raw: Pick<CudaRaw, "cuGetErrorName" | "cuGetErrorString"> | null, code: number): { name: string; description: string } {
  const name: (string | null)[] = [null], text: (string | null)[] = [null];
  try { raw?.cuGetErrorName(code, name); raw?.cuGetErrorString(code, text); } catch { /* fall back to the table */ }
  return { name: name[0] || CU_RESULT_NAMES[code] || `CUresult ${code}`, description: text[0] || "no description from the driver" };
}

export const toPtr = (x: number | bigint | undefined): DevicePtr => BigInt(x ?? 0);

// CUdevice_attribute values (cuda.h).
const CC_MAJOR = 75, CC_MINOR = 76;

export interface DeviceInfo {
  readonly ordinal: number;
  readonly name: string;
  /** Compute capability as a number: 90 for 9.0. */
  readonly cc: number;
  readonly memoryBytes: number;
}

/** The checked driver: one device's primary context, current on this thread, and one stream. */
export class CudaDriver {
  private ctx: Handle = null;
  private streamHandle: Handle = null;

  constructor(readonly raw: CudaRaw) {}

  /** Throws CudaError when `code` is not CUDA_SUCCESS. */
  check(call: string, code: number): void {
    if (code === 0) return;
    const { name, description } = describeResult(this.raw, code);
    throw new CudaError(call, code, name, description);
  }

  init(): void { this.check("cuInit", this.raw.cuInit(0)); }

  driverVersion(): number {
    const v = [0];
    this.check("cuDriverGetVersion", this.raw.cuDriverGetVersion(v));
    return v[0]!;
  }

  deviceCount(): number {
    const n = [0];
    this.check("cuDeviceGetCount", this.raw.cuDeviceGetCount(n));
    return n[0]!;
  }

  device(ordinal: number): DeviceInfo {
    const dev = [0], major = [0], minor = [0], mem: (number | bigint)[] = [0];
    this.check("cuDeviceGet", this.raw.cuDeviceGet(dev, ordinal));
    const buf = Buffer.alloc(256);
    this.check("cuDeviceGetName", this.raw.cuDeviceGetName(buf, buf.length, dev[0]!));
    this.check("cuDeviceGetAttribute", this.raw.cuDeviceGetAttribute(major, CC_MAJOR, dev[0]!));
    this.check("cuDeviceGetAttribute", this.raw.cuDeviceGetAttribute(minor, CC_MINOR, dev[0]!));
    this.check("cuDeviceTotalMem", this.raw.cuDeviceTotalMem_v2(mem, dev[0]!));
    const end = buf.indexOf(0);
    return { ordinal, name: buf.toString("utf8", 0, end < 0 ? buf.length : end), cc: major[0]! * 10 + minor[0]!, memoryBytes: Number(mem[0]) };
  }

  /** Makes device `ordinal`'s primary context current on this thread and creates the stream launches use. */
  open(ordinal: number): void {
    const dev = [0], ctx: Handle[] = [null], stream: Handle[] = [null];
    this.check("cuDeviceGet", this.raw.cuDeviceGet(dev, ordinal));
    this.check("cuDevicePrimaryCtxRetain", this.raw.cuDevicePrimaryCtxRetain(ctx, dev[0]!));
    this.check("cuCtxSetCurrent", this.raw.cuCtxSetCurrent(ctx[0]));
    this.check("cuStreamCreate", this.raw.cuStreamCreate(stream, 0));
    this.ctx = ctx[0];
    this.streamHandle = stream[0];
  }

  get stream(): Handle { return this.streamHandle; }
  get context(): Handle { return this.ctx; }

  alloc(bytes: number): DevicePtr {
    const p: (number | bigint)[] = [0];
    this.check("cuMemAlloc", this.raw.cuMemAlloc_v2(p, Math.max(1, bytes)));
    const ptr = toPtr(p[0]);
    try { this.check("cuMemsetD8", this.raw.cuMemsetD8_v2(ptr, 0, Math.max(1, bytes))); } catch (e) { this.raw.cuMemFree_v2(ptr); throw e; }
    return ptr;
  }

  free(ptr: DevicePtr): void { this.check("cuMemFree", this.raw.cuMemFree_v2(ptr)); }

  /** Host to device, synchronous (pageable host memory). */
  write(dst: DevicePtr, src: ArrayBufferView): void {
    if (src.byteLength === 0) return;
    const bytes = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
    this.check("cuMemcpyHtoD", this.raw.cuMemcpyHtoD_v2(dst, bytes, bytes.byteLength));
  }

  /** Device to host, synchronous. */
  read(dst: ArrayBufferView, src: DevicePtr): void {
    if (dst.byteLength === 0) return;
    const bytes = new Uint8Array(dst.buffer, dst.byteOffset, dst.byteLength);
    this.check("cuMemcpyDtoH", this.raw.cuMemcpyDtoH_v2(bytes, src, bytes.byteLength));
  }

  /** Loads a module from PTX text (the driver JIT-compiles it) or a cubin. */
  loadModule(image: Buffer, what: string): Handle {
    const m: Handle[] = [null];
    this.check(`cuModuleLoadData (${what})`, this.raw.cuModuleLoadData(m, image));
    return m[0];
  }

  getFunction(mod: Handle, name: string): Handle {
    const f: Handle[] = [null];
    this.check(`cuModuleGetFunction(${name})`, this.raw.cuModuleGetFunction(f, mod, name));
    return f[0];
  }

  getGlobal(mod: Handle, name: string): { ptr: DevicePtr; bytes: number } {
    const p: (number | bigint)[] = [0], n: (number | bigint)[] = [0];
    this.check(`cuModuleGetGlobal(${name})`, this.raw.cuModuleGetGlobal_v2(p, n, mod, name));
    return { ptr: toPtr(p[0]), bytes: Number(n[0]) };
  }

  /** Launches `f` on the stream; `params` holds one address per kernel parameter (see packArgs). */
  launch(f: Handle, groups: readonly number[], block: readonly number[], params: BigUint64Array): void {
    this.check("cuLaunchKernel", this.raw.cuLaunchKernel(f, groups[0]!, groups[1]!, groups[2]!, block[0]!, block[1]!, block[2]!, 0, this.streamHandle, params, null));
  }

  synchronize(): void { this.check("cuStreamSynchronize", this.raw.cuStreamSynchronize(this.streamHandle)); }
}

export const LIBCUDA = "libcuda.so.1";

/** Binds libcuda with koffi. Throws a plain Error saying what is missing (koffi, or the driver library). */
export function loadRaw(path: string = process.env.NUMBAT_LIBCUDA ?? LIBCUDA): CudaRaw {
  let koffi: KoffiModule;
  try {
    koffi = createRequire(import.meta.url)("koffi") as KoffiModule;
  } catch (e) {
    throw new Error(`the koffi package is missing (npm install koffi): ${(e as Error).message.split("\n")[0]}`);
  }
  let lib: ReturnType<KoffiModule["load"]>;
  try {
    lib = koffi.load(path);
  } catch (e) {
    throw new Error(`no NVIDIA driver: ${path} could not be loaded (${(e as Error).message.split("\n")[0]}); CUDA kernels need an NVIDIA GPU and its driver`);
  }
  // Handles are opaque pointers; device pointers are 64-bit integers; `void *` buffers pass zero-copy.
  const H = "void *", P = "uint64_t";
  const fn = (name: string, args: readonly (string | ReturnType<KoffiModule["out"]>)[]) => lib.func(name, "int", args as string[]);
  const out = (t: string) => koffi.out(koffi.pointer(t));
  return {
    cuInit: fn("cuInit", ["uint32_t"]),
    cuDriverGetVersion: fn("cuDriverGetVersion", [out("int")]),
    cuDeviceGetCount: fn("cuDeviceGetCount", [out("int")]),
    cuDeviceGet: fn("cuDeviceGet", [out("int"), "int"]),
    cuDeviceGetName: fn("cuDeviceGetName", ["void *", "int", "int"]),
    cuDeviceGetAttribute: fn("cuDeviceGetAttribute", [out("int"), "int", "int"]),
    cuDeviceTotalMem_v2: fn("cuDeviceTotalMem_v2", [out("size_t"), "int"]),
    cuDevicePrimaryCtxRetain: fn("cuDevicePrimaryCtxRetain", [out(H), "int"]),
    cuCtxSetCurrent: fn("cuCtxSetCurrent", [H]),
    cuModuleLoadData: fn("cuModuleLoadData", [out(H), "void *"]),
    cuModuleGetFunction: fn("cuModuleGetFunction", [out(H), H, "const char *"]),
    cuModuleGetGlobal_v2: fn("cuModuleGetGlobal_v2", [out(P), out("size_t"), H, "const char *"]),
    cuMemAlloc_v2: fn("cuMemAlloc_v2", [out(P), "size_t"]),
    cuMemFree_v2: fn("cuMemFree_v2", [P]),
    cuMemsetD8_v2: fn("cuMemsetD8_v2", [P, "uint8_t", "size_t"]),
    cuMemcpyHtoD_v2: fn("cuMemcpyHtoD_v2", [P, "void *", "size_t"]),
    cuMemcpyDtoH_v2: fn("cuMemcpyDtoH_v2", ["void *", P, "size_t"]),
    cuStreamCreate: fn("cuStreamCreate", [out(H), "uint32_t"]),
    cuStreamSynchronize: fn("cuStreamSynchronize", [H]),
    // kernelParams is `void **`; declared `void *` so that a BigUint64Array of addresses passes as is.
    cuLaunchKernel: fn("cuLaunchKernel", [H, "uint32_t", "uint32_t", "uint32_t", "uint32_t", "uint32_t", "uint32_t", "uint32_t", H, "void *", "void *"]),
    cuGetErrorName: fn("cuGetErrorName", ["int", out("const char *")]),
    cuGetErrorString: fn("cuGetErrorString", ["int", out("const char *")]),
  } as unknown as CudaRaw;
}

/** What the driver itself reports, for `numbat doctor`: its CUDA version and each device. Throws when it cannot say. */
export function probeDriver(raw: CudaRaw = loadRaw()): { version: string; devices: DeviceInfo[] } {
  const d = new CudaDriver(raw);
  d.init();
  const v = d.driverVersion();
  const devices = Array.from({ length: d.deviceCount() }, (_, i) => d.device(i));
  return { version: `${Math.floor(v / 1000)}.${(v % 1000) / 10}`, devices };
}
