// The process's WebGPU device: found once, shared by every kernel and device array, replaced after
// a device loss. In a browser it comes from navigator.gpu; in Node from the `webgpu` npm package (Dawn)
// through node-gpu.ts (which also finds SwiftShader on machines without a GPU), loaded only when a
// WebGPU kernel or `numbat doctor` asks. This module imports nothing from Node, so the browser build
// keeps it (and stubs node-gpu.ts).

/// <reference types="@webgpu/types" />

export interface WebGpu {
  readonly device: GPUDevice;
  /** What the adapter calls itself, e.g. "SwiftShader driver 5.0.0 (google)". */
  readonly adapterName: string;
  readonly source: "navigator.gpu" | "webgpu package";
  /** How Vulkan was found, where numbat set it up (the SwiftShader ICD), for messages and `doctor`. */
  readonly setup: string | undefined;
  /** Set when the device is lost: every buffer and pipeline made on it is gone. */
  lost: string | null;
  /** Compiled pipelines by WGSL text (kernels compiled again, e.g. per signature, reuse them). */
  readonly pipelines: Map<string, Promise<GPUComputePipeline>>;
}

interface Entry {
  readonly gpu: GPU;
  readonly source: WebGpu["source"];
  readonly setup: string | undefined;
  /** A new GPU object (Node); null in browsers. */
  readonly create: (() => GPU) | null;
  swiftShaderTried: boolean;
}
let entry: Promise<Entry> | null = null;

/** navigator.gpu, or a GPU object from the `webgpu` package. Throws an Error saying why not. */
function gpuEntry(): Promise<Entry> {
  return (entry ??= (async (): Promise<Entry> => {
    const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
    if (nav?.gpu) return { gpu: nav.gpu, source: "navigator.gpu", setup: undefined, create: null, swiftShaderTried: true };
    if (typeof process === "undefined" || !process.versions?.node) throw new Error("this JavaScript environment has no navigator.gpu (WebGPU)");
    const { dawn } = await import("./node-gpu.js");
    const d = await dawn();
    return { gpu: d.create(), source: "webgpu package", setup: d.setup, create: d.create, swiftShaderTried: !d.canFallBack };
  })().catch((err) => { entry = null; throw err; }));
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms); });
  try { return await Promise.race([p, timeout]); } finally { clearTimeout(timer); }
}

/** An adapter, falling back to SwiftShader once when the default search finds none. */
async function requestAdapter(timeoutMs: number): Promise<{ e: Entry; adapter: GPUAdapter | null }> {
  let e = await gpuEntry();
  const ask = () => withTimeout(e.gpu.requestAdapter({ powerPreference: "high-performance" }), timeoutMs, "requestAdapter()");
  let adapter = await ask();
  if (!adapter && !e.swiftShaderTried && e.create) {
    e.swiftShaderTried = true;
    const setup = await (await import("./node-gpu.js")).useSwiftShader();
    if (setup) {
      // Vulkan reads VK_ICD_FILENAMES when Dawn creates its instance: a new GPU object sees it.
      e = { ...e, gpu: e.create(), setup };
      entry = Promise.resolve(e);
      adapter = await ask();
    }
  }
  return { e, adapter };
}

export function adapterName(a: GPUAdapter): string {
  const info = a.info;
  const main = info.description || [info.vendor, info.architecture, info.device].filter(Boolean).join(" ") || "unnamed adapter";
  return info.vendor && !main.toLowerCase().includes(info.vendor.toLowerCase()) ? `${main} (${info.vendor})` : main;
}

/** For `numbat doctor`: the adapter's name (null when there is none), without creating a device. */
export async function findAdapter(timeoutMs = 5000): Promise<{ source: WebGpu["source"]; adapter: string | null; setup: string | undefined }> {
  const { e, adapter } = await requestAdapter(timeoutMs);
  return { source: e.source, adapter: adapter ? adapterName(adapter) : null, setup: e.setup };
}

export const NO_ADAPTER_HELP =
  "WebGPU found no GPU adapter. On Linux without a GPU, install Debian's chromium package: it ships the SwiftShader " +
  "Vulkan driver, which numbat then uses (or set VK_ICD_FILENAMES to a Vulkan driver's ICD JSON yourself)";

/** The same in a browser, where the browser chooses (or refuses) the adapter. */
const NO_BROWSER_ADAPTER_HELP =
  "navigator.gpu.requestAdapter() found no GPU adapter: WebGPU is disabled or blocklisted in this browser for this GPU. " +
  "Chromium without a GPU offers SwiftShader (WebGPU on the CPU) when started with --enable-unsafe-webgpu (docs/browser.md)";

/** Limits a compute kernel may need, raised to what the adapter allows (the defaults are low). */
const LIMITS = [
  "maxStorageBuffersPerShaderStage", "maxComputeWorkgroupStorageSize", "maxComputeInvocationsPerWorkgroup",
  "maxComputeWorkgroupSizeX", "maxComputeWorkgroupSizeY", "maxComputeWorkgroupSizeZ", "maxComputeWorkgroupsPerDimension",
  "maxStorageBufferBindingSize", "maxBufferSize",
] as const;

let current: Promise<WebGpu> | null = null;

/** The shared device (created on first use). Throws an Error with what to do when WebGPU is unavailable. */
export function acquireDevice(): Promise<WebGpu> {
  return (current ??= openDevice().catch((err) => { current = null; throw err; }));
}

async function openDevice(): Promise<WebGpu> {
  const { e, adapter } = await requestAdapter(30_000);
  if (!adapter) {
    if (e.source === "navigator.gpu") throw new Error(NO_BROWSER_ADAPTER_HELP);
    const env = typeof process !== "undefined" ? process.env.VK_ICD_FILENAMES : undefined;
    throw new Error(`${NO_ADAPTER_HELP}.${e.setup ? ` Tried: ${e.setup}.` : env ? ` VK_ICD_FILENAMES is ${env}.` : ""}`);
  }
  const requiredLimits: Record<string, number> = {};
  for (const k of LIMITS) requiredLimits[k] = adapter.limits[k];
  const device = await adapter.requestDevice({ requiredLimits, label: "numbat" });
  const gpu: WebGpu = { device, adapterName: adapterName(adapter), source: e.source, setup: e.setup, lost: null, pipelines: new Map() };
  void device.lost.then((info) => {
    gpu.lost = `${info.reason}${info.message ? `: ${info.message}` : ""}`;
    if (current) void current.then((g) => { if (g === gpu) current = null; }, () => undefined);
  });
  return gpu;
}

/** Throws when the device behind `gpu` is gone (its buffers and pipelines with it). */
export function checkAlive(gpu: WebGpu): void {
  if (gpu.lost !== null)
    throw new Error(`the WebGPU device was lost (${gpu.lost}); device arrays and kernels made before are gone: create them again`);
}
