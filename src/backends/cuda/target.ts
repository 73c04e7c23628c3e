// `target: "cuda"`: kernels compiled to PTX by nvcc (cuda-c.ts, compiler.ts) and run through the CUDA
// driver API (driver.ts) on one device: NUMBAT_CUDA_DEVICE (default 0). Where ptxas is present the PTX
// is assembled for the device's exact architecture (cached), so loading needs no JIT; otherwise the
// driver JIT-compiles the PTX. Device memory stays allocated between launches until freed.

import { createRequire } from "node:module";
import type { FuncIR } from "../../ir/nodes.js";
import type { CompiledKernel, DeviceBuffer, GpuTarget, LaunchArg, LaunchGrid } from "../../runtime/gpu-target.js";
import { remainderByZero, userError } from "../../runtime/errors.js";
import { packArgs, slotAddresses } from "./args.js";
import { archFor, compilePtx, cubinFor, findNvcc, findPtxas, nvccArchs, DEFAULT_ARCH, NO_NVCC, type Ptxas } from "./compiler.js";
import { generateCuda, type CudaModule } from "./cuda-c.js";
import { CudaDriver, loadRaw, type CudaRaw, type DeviceInfo, type DevicePtr, type Handle } from "./driver.js";
import { CUDA_ERROR_KINDS } from "./prelude.js";

/** A driver with one device open, and what compiling for that device needs. */
interface Session {
  readonly driver: CudaDriver;
  readonly device: DeviceInfo;
  /** Virtual architecture of the PTX (the device's, capped at what nvcc knows). */
  readonly arch: number;
  readonly ptxas: Ptxas | null;
  /** Host address of a Buffer (koffi.address): kernelParams point into it. */
  readonly address: (b: Buffer) => bigint;
}

export interface CudaTargetOptions {
  /** The driver library as koffi binds it; tests pass a fake. */
  readonly raw?: () => CudaRaw;
  readonly address?: (b: Buffer) => bigint;
  readonly ordinal?: number;
}

function koffiAddress(b: Buffer): bigint {
  return (createRequire(import.meta.url)("koffi") as typeof import("koffi")).address(b);
}

/** Builds the CUDA target over a driver (the real one by default). */
export function createCudaTarget(opts: CudaTargetOptions = {}): GpuTarget & { session(): Session } {
  let session: Session | undefined;
  let failure: string | undefined;

  /** Opens the driver and the device once; later calls give the same session or the same failure. */
  function open(): Session {
    if (session) return session;
    if (failure !== undefined) throw new Error(failure);
    let raw: CudaRaw;
    try {
      raw = (opts.raw ?? loadRaw)();
    } catch (e) {
      throw new Error((failure = (e as Error).message));
    }
    const driver = new CudaDriver(raw);
    try {
      driver.init();
      const count = driver.deviceCount();
      const ordinal = opts.ordinal ?? Number(process.env.NUMBAT_CUDA_DEVICE ?? 0);
      if (count === 0) throw new Error("the NVIDIA driver sees no CUDA device");
      if (!(ordinal >= 0 && ordinal < count)) throw new Error(`NUMBAT_CUDA_DEVICE=${process.env.NUMBAT_CUDA_DEVICE} but the driver sees ${count} device${count === 1 ? "" : "s"} (0 to ${count - 1})`);
      const device = driver.device(ordinal);
      driver.open(ordinal);
      const nvcc = findNvcc();
      const arch = nvcc ? archFor(device.cc, nvccArchs(nvcc)) : DEFAULT_ARCH;
      session = { driver, device, arch, ptxas: findPtxas(nvcc), address: opts.address ?? koffiAddress };
      return session;
    } catch (e) {
      throw new Error((failure = (e as Error).message.replace(/^numbat: /, "")));
    }
  }

  const target = {
    name: "cuda" as const,
    session: open,

    async unavailableReason(): Promise<string | null> {
      try {
        open();
      } catch (e) {
        return (e as Error).message;
      }
      return findNvcc() ? null : NO_NVCC;
    },

    async compile(ir: FuncIR): Promise<CompiledKernel> {
      const mod = generateCuda(ir); // CompileError for what CUDA cannot express
      let s: Session | undefined;
      try { s = open(); } catch { /* no device: PTX for the default architecture, loading fails at launch */ }
      const { ptx } = compilePtx(mod.source, { arch: s?.arch ?? DEFAULT_ARCH });
      const k = new CudaKernel(mod, ptx, open);
      if (s) k.load(s);
      return k;
    },

    async alloc(byteLength: number): Promise<DeviceBuffer> {
      return new CudaBuffer(open(), byteLength);
    },
  };
  return target;
}

/** Device memory that frees itself if dropped without free(). */
const finalizer = new FinalizationRegistry<{ driver: CudaDriver; ptr: DevicePtr }>(({ driver, ptr }) => {
  try { driver.free(ptr); } catch { /* the context is gone */ }
});

export class CudaBuffer implements DeviceBuffer {
  private ptrOrNull: DevicePtr | null;
  private readonly token = {};

  constructor(private readonly s: Session, readonly byteLength: number) {
    this.ptrOrNull = s.driver.alloc(byteLength);
    finalizer.register(this, { driver: s.driver, ptr: this.ptrOrNull }, this.token);
  }

  /** The device address; throws after free(). */
  get ptr(): DevicePtr {
    if (this.ptrOrNull === null) throw new Error("numbat: this CUDA device array was freed");
    return this.ptrOrNull;
  }

  async write(data: ArrayBufferView, byteOffset = 0): Promise<void> {
    if (byteOffset < 0 || byteOffset + data.byteLength > this.byteLength)
      throw new RangeError(`CUDA buffer write of ${data.byteLength} bytes at ${byteOffset} is outside its ${this.byteLength} bytes`);
    this.s.driver.write(this.ptr + BigInt(byteOffset), data);
  }

  async read(): Promise<ArrayBuffer> {
    const out = new ArrayBuffer(this.byteLength);
    this.s.driver.read(new Uint8Array(out), this.ptr);
    return out;
  }

  free(): void {
    if (this.ptrOrNull === null) return;
    const p = this.ptrOrNull;
    this.ptrOrNull = null;
    finalizer.unregister(this.token);
    this.s.driver.free(p);
  }
}

/** One compiled kernel: its source and PTX, and once loaded, its CUfunction. */
class CudaKernel implements CompiledKernel {
  readonly text: string;
  private fn: Handle = null;
  private errorWord: DevicePtr | null = null;

  constructor(readonly mod: CudaModule, readonly ptx: string, private readonly open: () => Session) {
    this.text = mod.source;
  }

  /** Loads the module: a cubin for the device where ptxas can make one, else the PTX (driver JIT). */
  load(s: Session): void {
    if (this.fn) return;
    let module: Handle = null;
    const ptxImage = Buffer.from(`${this.ptx}\0`);
    if (s.ptxas) {
      try {
        module = s.driver.loadModule(cubinFor(this.ptx, s.device.cc, s.ptxas).cubin, `cubin for sm_${s.device.cc}`);
      } catch (e) {
        // A device newer than this ptxas, or a driver that rejects its cubins: let the driver JIT the PTX.
        try { module = s.driver.loadModule(ptxImage, `PTX for compute_${s.arch}`); } catch (e2) {
          throw new Error(`${(e2 as Error).message}\n(loading a cubin failed first: ${(e as Error).message})`);
        }
      }
    } else module = s.driver.loadModule(ptxImage, `PTX for compute_${s.arch}`);
    this.fn = s.driver.getFunction(module, this.mod.kernelName);
    if (this.mod.usesErrors) this.errorWord = s.driver.getGlobal(module, "nb_error").ptr;
  }

  async launch(grid: LaunchGrid, args: readonly LaunchArg[]): Promise<void> {
    const s = this.open();
    this.load(s);
    const want = this.mod.groupSize;
    if (grid.groupSize.some((n, d) => n !== want[d]))
      throw new Error(`CUDA launch: the kernel was compiled for groups of ${want.join(" x ")} threads, launched with ${grid.groupSize.join(" x ")}`);
    const [gx, gy, gz] = grid.groups;
    if (gx > 2 ** 31 - 1 || gy > 65535 || gz > 65535)
      throw new RangeError(`CUDA launch: ${grid.groups.join(" x ")} groups; CUDA allows at most 2147483647 x 65535 x 65535`);
    const values = packArgs(this.mod.params, args, (b) => {
      if (!(b instanceof CudaBuffer)) throw new TypeError("CUDA launch: an array argument lives on another target's device");
      return b.ptr;
    });
    // The driver copies the values during cuLaunchKernel; `values` stays referenced until then.
    s.driver.launch(this.fn, grid.groups, grid.groupSize, slotAddresses(s.address(values), this.mod.params.length));
    s.driver.synchronize();
    if (this.errorWord !== null) this.checkErrors(s, this.errorWord);
  }

  /** Reads (and clears) the failure the kernel's threads recorded, and throws it as the other targets do. */
  private checkErrors(s: Session, word: DevicePtr): void {
    const w = new BigUint64Array(1);
    s.driver.read(w, word);
    if (w[0] === 0n) return;
    s.driver.write(word, new BigUint64Array(1));
    const kind = Number(w[0]! & 0xffn), site = Number(w[0]! >> 8n);
    const { locs, messages } = this.mod.sites;
    if (kind === CUDA_ERROR_KINDS.user && messages[site]) throw userError(messages[site].cls, messages[site].msg);
    if (kind === CUDA_ERROR_KINDS.rem0 && locs[site] !== undefined) throw remainderByZero(locs[site]);
    throw new Error(`numbat: internal error: unknown failure word ${w[0]} from CUDA kernel ${this.mod.kernelName}`);
  }
}

export const cudaTarget: GpuTarget = createCudaTarget();
