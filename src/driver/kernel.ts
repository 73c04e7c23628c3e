// The GPU kernel API: kernel(fn, options) compiles a function written in numbat's kernel language
// (docs/kernels.md) for a GPU target and launches it over a grid of thread groups. One kernel language,
// several targets: "gpusim" (CPU simulator, the reference), "webgpu" and "cuda". Targets load lazily,
// so importing numbat never loads Dawn or libcuda.

import { parseFunction, type ParsedFunction } from "../frontend/parse.js";
import { lowerFunction } from "../frontend/lower.js";
import type { KernelConfig } from "../frontend/gpu.js";
import type { FuncIR } from "../ir/nodes.js";
import { printModule } from "../ir/printer.js";
import { arrayType, DTYPES, dtypeOfCtorName, isArray, type DType, type Type } from "../ir/types.js";
import { signatureKey, typeOfValue } from "../runtime/signature.js";
import { Dispatcher, type FrontendHook } from "./dispatcher.js";
import { KERNEL_OPTIONS, readOptions } from "./options.js";
import { honestView, lengthOf, typedArrayTag } from "../runtime/intrinsics.js";
import { offload, OffloadError } from "../passes/offload.js";
import { compileJs } from "../backends/js/codegen.js";
import { CompileError, codeFrame } from "../diagnostics/error.js";
import type { CompiledKernel, DeviceBuffer, GpuTarget, GpuTargetName, LaunchArg, LaunchGrid } from "../runtime/gpu-target.js";
import type { TypedArray } from "../runtime/ndarray.js";

export type KernelTarget = GpuTargetName;

export interface KernelOptions {
  /** Where the kernel runs (default "gpusim"; NUMBAT_GPU_SIM=1 runs every kernel on "gpusim"). */
  target?: KernelTarget;
  /** Float precision: "f32" (binary32, WebGPU's only choice and its default) or "f64" (default elsewhere). */
  float?: "f32" | "f64";
  /** Numbers the kernel may read from outside (e.g. a tile size used by gpu.shared). */
  scope?: Record<string, unknown>;
}

/** Groups (CUDA: blocks) and threads per group; 1 to 3 numbers each, missing axes are 1. */
export interface LaunchConfig {
  groups: number | readonly number[];
  groupSize?: number | readonly number[];
}

const LOADERS: Record<KernelTarget, () => Promise<GpuTarget>> = {
  gpusim: async () => (await import("../backends/gpusim/target.js")).gpusimTarget,
  webgpu: async () => (await import("../backends/webgpu/target.js" as string)).webgpuTarget as GpuTarget,
  cuda: async () => (await import("../backends/cuda/target.js" as string)).cudaTarget as GpuTarget,
};
const loaded = new Map<KernelTarget, Promise<GpuTarget>>();

async function gpuTarget(name: KernelTarget): Promise<GpuTarget> {
  let t = loaded.get(name);
  if (!t) {
    t = LOADERS[name]().then(async (target) => {
      const why = await target.unavailableReason();
      if (why) throw new Error(`numbat: the "${name}" target is not available here: ${why}. Kernels run on the CPU simulator with { target: "gpusim" } (or NUMBAT_GPU_SIM=1)`);
      return target;
    });
    loaded.set(name, t);
    t.catch(() => loaded.delete(name)); // retry later: a device may appear
  }
  return t;
}

/**
 * Compiles `ir` on target `name`. Compilation comes before the availability check, so a kernel the
 * target cannot express gets its CompileError on every machine, with or without a device.
 */
async function compileOn(name: KernelTarget, ir: FuncIR, parsed: ParsedFunction): Promise<CompiledKernel> {
  const t = await LOADERS[name]();
  try {
    return await t.compile(ir);
  } catch (e) {
    if (e instanceof CompileError) throw withFrame(e, parsed);
    await gpuTarget(name); // throws the "not available here" error when that is the cause
    throw e;
  }
}

function resolveTarget(t: KernelTarget | undefined): KernelTarget {
  if (typeof process !== "undefined" && process.env?.NUMBAT_GPU_SIM === "1") return "gpusim"; // browsers have no process
  const name = t ?? "gpusim";
  if (!(name in LOADERS)) throw new TypeError(`kernel: target must be "gpusim", "webgpu" or "cuda", got ${JSON.stringify(t)}`);
  return name;
}

/** An array in one device's memory; it stays there between launches until toHost() or free(). */
export class DeviceArray {
  /** @internal */
  constructor(readonly target: KernelTarget, readonly dtype: DType, readonly length: number, /** @internal */ readonly buffer: DeviceBuffer) {}

  /** Copies the array back (device reads are asynchronous). */
  async toHost(): Promise<TypedArray> {
    const bytes = await this.buffer.read();
    const ctor = globalThis[DTYPES[this.dtype].ctor as keyof typeof globalThis] as new (b: ArrayBuffer, o: number, n: number) => TypedArray;
    return new ctor(bytes, 0, this.length);
  }

  /** Overwrites the device copy with `data` (same length and type). */
  async write(data: TypedArray): Promise<void> {
    if (dtypeOf(data) !== this.dtype || lengthOf(data) !== this.length)
      throw new TypeError(`DeviceArray.write: expected ${this.length} elements of ${DTYPES[this.dtype].ctor}, got ${typedArrayTag(data) === undefined ? Object.prototype.toString.call(data) : `${lengthOf(data)} of ${typedArrayTag(data)}`}`);
    await this.buffer.write(honestView(data));
  }

  /** Releases the device memory now (it is not garbage-collected promptly otherwise). */
  free(): void { this.buffer.free(); }
}

/** From the array's internal slot (runtime/intrinsics.ts), not its overridable toStringTag. */
function dtypeOf(a: unknown): DType | undefined {
  const tag = typedArrayTag(a);
  return tag === undefined ? undefined : dtypeOfCtorName(tag);
}

/** Copies a typed array to a device; launches then use it in place. */
export async function toDevice(data: TypedArray, target: KernelTarget = "gpusim"): Promise<DeviceArray> {
  const dtype = dtypeOf(data);
  if (!dtype) throw new TypeError(`toDevice: expected a typed array, got ${Object.prototype.toString.call(data)}`);
  data = honestView(data); // fixed to its real length now: targets read .length, .buffer and the like
  const name = resolveTarget(target);
  const buf = await (await gpuTarget(name)).alloc(Math.max(4, data.byteLength));
  await buf.write(data);
  return new DeviceArray(name, dtype, data.length, buf);
}

function axes(v: number | readonly number[] | undefined, what: string, name: string): [number, number, number] {
  const xs = v === undefined ? [1] : typeof v === "number" ? [v] : [...v];
  if (xs.length < 1 || xs.length > 3 || !xs.every((x) => Number.isInteger(x) && x >= 1))
    throw new TypeError(`${name}.launch: ${what} must be 1 to 3 positive integers, got ${JSON.stringify(v)}`);
  return [xs[0]!, xs[1] ?? 1, xs[2] ?? 1];
}

interface Compiled { readonly ir: FuncIR; readonly code: CompiledKernel }

/** A compiled GPU kernel: launch it over a grid; compiled once per argument signature and group size. */
export class Kernel {
  private parsedFn: ParsedFunction | undefined;
  private readonly compiled = new Map<string, Promise<Compiled>>();
  private last: Compiled | undefined;
  readonly target: KernelTarget;
  readonly float: "f32" | "f64";

  /** `frontend`: another frontend's parsing and lowering (src/frontend/python's @cuda.jit kernels). */
  constructor(readonly fn: Function, private readonly options: KernelOptions, private readonly frontend?: FrontendHook) {
    this.target = resolveTarget(options.target);
    const float = options.float ?? (options.target === "webgpu" ? "f32" : "f64");
    if (float !== "f32" && float !== "f64") throw new TypeError(`kernel: float must be "f32" or "f64", got ${JSON.stringify(float)}`);
    this.float = float;
  }

  private get parsed(): ParsedFunction { return (this.parsedFn ??= this.frontend?.parsed ?? parseFunction(this.fn)); }
  get name(): string { return this.parsed.name; }

  /** Lowers the kernel for one signature (synchronous: compile errors surface at the call site). */
  lower(types: Type[], groupSize: readonly [number, number, number]): FuncIR {
    const config: KernelConfig = { groupSize, float: this.float };
    const env = {
      scope: this.options.scope ?? {},
      builtinName: () => undefined,
      resolveCallee: (_: unknown, __: Type[], fail: (d: string) => never) => fail("GPU kernels cannot call other functions"),
      kernel: config,
    };
    const irName = `${this.parsed.name.replace(/\W/g, "_")}_k`;
    return this.frontend ? this.frontend.lower(types, env, irName) : lowerFunction(this.parsed, types, env, irName);
  }

  /**
   * Runs the kernel on `config.groups` groups of `config.groupSize` threads. Resolves when the kernel
   * has finished and host arrays it writes hold the results; device arrays stay on the device.
   */
  async launch(config: LaunchConfig, ...args: unknown[]): Promise<void> {
    const name = this.parsed.name;
    const grid: LaunchGrid = { groups: axes(config.groups, "groups", name), groupSize: axes(config.groupSize, "groupSize", name) };
    const params = this.parsed.params;
    if (args.length !== params.length)
      throw new TypeError(`${name}: expected ${params.length} argument${params.length === 1 ? "" : "s"}, got ${args.length}`);
    const types = args.map((a, i) => argType(a, i, params.map((p) => p.name as string), name, this.target));
    const key = `${signatureKey(types)} | ${grid.groupSize.join("x")}`;
    let c = this.compiled.get(key);
    if (!c) {
      const ir = this.lower(types, grid.groupSize); // throws CompileError synchronously
      c = compileOn(this.target, ir, this.parsed).then((code) => ({ ir, code }));
      this.compiled.set(key, c);
      c.catch(() => this.compiled.delete(key));
    }
    const { ir, code } = await c;
    this.last = { ir, code };
    await runLaunches(await gpuTarget(this.target), [{ ir, code, grid }], args, types);
  }

  /** The IR ("ir") or generated code ("code": WGSL, CUDA C, or JS for gpusim) of the latest launch. */
  inspect(what: "ir" | "code"): string {
    if (!this.last) throw new Error(`${this.name}: nothing compiled yet; launch the kernel once before inspecting it`);
    return what === "ir" ? printModule(this.last.ir) : this.last.code.text;
  }
}

/** A target sees only IR, so its CompileErrors arrive without a code frame: add it from the source. */
function withFrame(e: unknown, parsed: ParsedFunction): unknown {
  if (!(e instanceof CompileError) || e.frame) return e;
  return new CompileError(e.code, e.detail, e.line, e.column, parsed.name, codeFrame(parsed.source, e.line, e.column), e.help);
}

/** Runs kernels one after another on the same arguments: arrays are copied to the device once, and back once. */
async function runLaunches(target: GpuTarget, launches: readonly { ir: FuncIR; code: CompiledKernel; grid: LaunchGrid }[], args: readonly unknown[], types: readonly Type[]): Promise<void> {
  const temps: { buffer: DeviceBuffer; host: TypedArray | null }[] = [];
  const written = (i: number) => launches.some(({ ir }) => ir.written.has(ir.params[i]!));
  try {
    const launchArgs: LaunchArg[] = await Promise.all(args.map(async (a, i): Promise<LaunchArg> => {
      const t = types[i]!;
      if (a instanceof DeviceArray) return { kind: "array", buffer: a.buffer, dtype: a.dtype, length: a.length };
      if (isArray(t)) {
        const host = honestView(a as TypedArray); // targets read .length and .buffer: give them an object that cannot lie
        const buffer = await target.alloc(Math.max(4, host.byteLength));
        await buffer.write(host);
        temps.push({ buffer, host: written(i) ? host : null });
        return { kind: "array", buffer, dtype: t.dtype, length: host.length };
      }
      return { kind: "scalar", type: t as "int" | "f64" | "bool", value: a as number | boolean };
    }));
    for (const { code, grid } of launches) await code.launch(grid, launchArgs);
    for (const { buffer, host } of temps) {
      if (!host) continue;
      const bytes = await buffer.read();
      new Uint8Array(host.buffer, host.byteOffset, host.byteLength).set(new Uint8Array(bytes, 0, host.byteLength));
    }
  } finally {
    for (const { buffer } of temps) buffer.free();
  }
}

/** The IR type of a kernel argument (device arrays included). */
function argType(a: unknown, i: number, params: readonly string[], name: string, target: KernelTarget): Type {
  if (a instanceof DeviceArray) {
    if (a.target !== target) throw new TypeError(`${name}: argument '${params[i]}' lives on "${a.target}", but this code runs on "${target}"`);
    return arrayType(a.dtype, 1, false);
  }
  // GPU kernels keep 32-bit integer semantics (docs/kernels.md), not JS's exact ones: any integer is an int.
  return typeOfValue(a, params[i] ?? `#${i}`, name, 2 ** 53);
}

/** A function with prange loop nests, offloaded to a GPU target (jit(fn, { target: "webgpu" }) and the like). */
export type Offloaded<F extends (...args: any[]) => any> = ((...args: Parameters<F>) => Promise<void>) & {
  /** The IR ("ir") or generated code ("code") of the latest call's kernels. */
  inspect(what: "ir" | "code"): string;
};

/** Compiles the prange loop nests of `fn` as kernels for a GPU target (see passes/offload.ts). */
export function offloadJit<F extends (...args: any[]) => any>(fn: F, options: KernelOptions & { boundscheck?: boolean }): Offloaded<F> {
  const targetName = resolveTarget(options.target);
  const float = options.float ?? (options.target === "webgpu" ? "f32" : "f64");
  const d = new Dispatcher(fn, { target: "js", opt: 0, scope: options.scope });
  const cache = new Map<string, Promise<{ launches: { ir: FuncIR; code: CompiledKernel; loops: readonly { step: number; cmp: string }[]; perThread: readonly number[] }[]; extents: (...a: unknown[]) => unknown }>>();
  let last: { ir: FuncIR; code: CompiledKernel }[] = [];
  const run = async (...args: unknown[]): Promise<void> => {
    const params = d.parsed.params, name = d.parsed.name;
    if (args.length !== params.length) throw new TypeError(`${name}: expected ${params.length} argument${params.length === 1 ? "" : "s"}, got ${args.length}`);
    const types = args.map((a, i) => argType(a, i, params.map((p) => p.name as string), name, targetName));
    const key = signatureKey(types);
    let c = cache.get(key);
    if (!c) {
      let off;
      try {
        off = offload(d.irFor(types), float, { block: targetName === "webgpu" });
      } catch (e) {
        if (e instanceof OffloadError) throw new CompileError("NB122", e.detail, 1, 1, name, "", `GPU targets run prange loop nests (docs/kernels.md#automatic-offload); target "wasm" runs any function`);
        throw e;
      }
      const extents = compileJs(off.extents, { boundscheck: true }).fn;
      c = (async () => ({
        extents,
        launches: await Promise.all(off.nests.map(async (n) => ({ ir: n.kernel, code: await compileOn(targetName, n.kernel, d.parsed), loops: n.loops.map((l) => ({ step: l.step, cmp: l.cmp })), perThread: n.perThread }))),
      }))();
      cache.set(key, c);
      c.catch(() => cache.delete(key));
    }
    const { launches, extents } = await c;
    last = launches;
    // Grid sizes from the loop bounds (evaluated on the host: device arrays answer .length).
    const ext = extents(...args) as Float64Array;
    let at = 0;
    const grids = launches.map(({ ir, code, loops, perThread }) => {
      const size = ir.kernel!.groupSize;
      const groups: [number, number, number] = [1, 1, 1];
      for (let a = 0; a < loops.length; a++, at += 2) {
        const { step, cmp } = loops[a]!;
        const span = cmp === "le" || cmp === "ge" ? ext[at + 1]! - ext[at]! + Math.sign(step) : ext[at + 1]! - ext[at]!;
        const trips = Math.max(0, Math.ceil(span / step));
        groups[a] = Math.max(1, Math.ceil(trips / (size[a]! * perThread[a]!)));
      }
      return { ir, code, grid: { groups, groupSize: size } };
    });
    await runLaunches(await gpuTarget(targetName), grids, args, types);
  };
  const inspect = (what: "ir" | "code"): string => {
    if (!last.length) throw new Error(`${fn.name}: nothing compiled yet; call the function once before inspecting it`);
    return last.map(({ ir, code }) => (what === "ir" ? printModule(ir) : code.text)).join("\n");
  };
  return Object.assign(run, { inspect }) as Offloaded<F>;
}

/**
 * Compiles `fn`, written in numbat's kernel language (docs/kernels.md), as a GPU kernel.
 *
 * @example
 * const add = kernel(function add(a, b, out, n) {
 *   const i = gpu.globalId.x;
 *   if (i < n) out[i] = a[i] + b[i];
 * });
 * await add.launch({ groups: Math.ceil(n / 64), groupSize: 64 }, a, b, out, n);
 */
export function kernel(fn: Function, options: KernelOptions = {}): Kernel {
  if (typeof fn !== "function") throw new TypeError(`kernel: expected a function, got ${fn === null ? "null" : typeof fn}`);
  return new Kernel(fn, readOptions<KernelOptions>("kernel", options, KERNEL_OPTIONS)); // read once (driver/options.ts)
}
