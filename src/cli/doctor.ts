// Detection of what this machine can run: wasm, SIMD128, threads, a C compiler, WebGPU, CUDA.
// Each check returns data (status, what was found, why not, what to do), for `numbat doctor` and
// for backends that need to know (e.g. a native backend asks findCCompiler() for its compiler).

import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { tmpdir } from "node:os";
import { jit } from "../index.js";
import { probeDriver } from "../backends/cuda/driver.js"; // CUDA line: the driver API's own view (issue 11)
import { findCompiler } from "../backends/native/compiler.js"; // OpenMP note (issue 6)
import { openmpSupport } from "../backends/native/openmp.js"; // OpenMP note (issue 6)

export type Status = "yes" | "no" | "partial";

export interface Check {
  readonly id: "wasm" | "simd" | "threads" | "c" | "webgpu" | "cuda";
  readonly name: string;
  readonly status: Status;
  /** What was found (versions, paths, adapter name) or, when missing, why not. */
  readonly detail: string;
  /** What to do to get it, where something is missing. */
  readonly hint?: string;
}

// ---- WebAssembly -------------------------------------------------------------------------------

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** () -> v128 returning v128.const 0: valid only where the SIMD128 proposal is supported. */
export const SIMD_PROBE = new Uint8Array([
  ...HEADER,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array(16).fill(0), 0x0b, // code: v128.const 0
]);

/** A shared memory and () -> i32 doing i32.atomic.load: valid only where wasm threads are supported. */
export const THREADS_PROBE = new Uint8Array([
  ...HEADER,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type section: () -> i32
  0x03, 0x02, 0x01, 0x00, // function section
  0x05, 0x04, 0x01, 0x03, 0x01, 0x01, // memory section: shared, min 1, max 1
  0x0a, 0x0a, 0x01, 0x08, 0x00, 0x41, 0x00, 0xfe, 0x10, 0x02, 0x00, 0x0b, // i32.const 0; i32.atomic.load
]);

const EMPTY_MODULE = new Uint8Array(HEADER);

function validate(bytes: Uint8Array): boolean {
  try {
    return WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

export function checkWasm(): Check {
  const name = "WebAssembly";
  if (typeof WebAssembly !== "object") return { id: "wasm", name, status: "no", detail: "this JavaScript engine has no WebAssembly object", hint: "use Node.js 20 or newer" };
  if (!validate(EMPTY_MODULE)) return { id: "wasm", name, status: "no", detail: "WebAssembly.validate rejects an empty module" };
  return { id: "wasm", name, status: "yes", detail: `V8 ${process.versions.v8} (Node ${process.version})` };
}

export function checkSimd(): Check {
  const name = "wasm SIMD128";
  if (validate(SIMD_PROBE)) return { id: "simd", name, status: "yes", detail: "a module using v128 validates" };
  return { id: "simd", name, status: "no", detail: "WebAssembly.validate rejects a module using v128", hint: "use Node.js 16.4 or newer (SIMD is on by default since V8 9.1)" };
}

export function checkThreads(): Check {
  const name = "wasm threads";
  const missing: string[] = [];
  if (typeof SharedArrayBuffer !== "function") missing.push("SharedArrayBuffer is not defined");
  if (typeof Atomics !== "object") missing.push("Atomics is not defined");
  let shared = false;
  try {
    const mem = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true } as WebAssembly.MemoryDescriptor);
    shared = typeof SharedArrayBuffer === "function" && mem.buffer instanceof SharedArrayBuffer;
    if (!shared) missing.push("a shared WebAssembly.Memory is not backed by a SharedArrayBuffer");
  } catch (e) {
    missing.push(`new WebAssembly.Memory({ shared: true }) fails: ${(e as Error).message}`);
  }
  if (!validate(THREADS_PROBE)) missing.push("a module with shared memory and atomics does not validate");
  if (missing.length) return { id: "threads", name, status: "no", detail: missing.join("; "), hint: "use Node.js 20 or newer; in a browser, the page must be cross-origin isolated (COOP/COEP headers)" };
  return { id: "threads", name, status: "yes", detail: "SharedArrayBuffer-backed shared memory, atomics; worker threads for parallel loops" };
}

// ---- executables -------------------------------------------------------------------------------

/** Full path of an executable found on PATH (or the path itself if it contains a slash), else null. */
export function which(cmd: string): string | null {
  const isExe = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (cmd.includes("/")) return isExe(cmd) ? cmd : null;
  const exts = process.platform === "win32" ? ["", ...(process.env.PATHEXT ?? ".EXE").split(";")] : [""];
  for (const dir of (process.env.PATH ?? "").split(delimiter))
    for (const ext of exts) {
      const p = join(dir || ".", cmd + ext);
      if (dir && isExe(p)) return p;
    }
  return null;
}

/** stdout (else stderr) of a command, trimmed; null if it could not run or exited non-zero. */
function output(path: string, args: string[], timeoutMs = 10_000): string | null {
  const r = spawnSync(path, args, { encoding: "utf8", timeout: timeoutMs });
  if (r.error || r.status !== 0) return null;
  return (r.stdout || r.stderr).trim();
}

// ---- C compiler --------------------------------------------------------------------------------

export interface CCompiler {
  /** The command as looked up (`$CC`, cc, gcc or clang). */
  readonly command: string;
  readonly path: string;
  /** First line of `--version`, e.g. "cc (Debian 12.2.0-14) 12.2.0". */
  readonly version: string;
  readonly family: "gcc" | "clang" | "other";
  /** Set when `probe` was asked for: can it build a shared library? */
  readonly probe?: { ok: boolean; ms: number; error?: string };
}

/**
 * The C compilers on this machine, in preference order: `$CC` first, then cc, gcc, clang.
 * With `probe`, each one is asked to build a small shared library (-O2 -shared -fPIC).
 */
export function findCCompilers(opts: { probe?: boolean } = {}): CCompiler[] {
  const names = [process.env.CC, "cc", "gcc", "clang"].filter((x): x is string => !!x);
  const found: CCompiler[] = [];
  const seen = new Set<string>();
  for (const command of names) {
    const path = which(command);
    if (!path || seen.has(path)) continue;
    seen.add(path);
    const text = output(path, ["--version"]);
    if (text === null) continue;
    const version = text.split("\n")[0]!.trim();
    const family = /clang/i.test(text) ? "clang" : /gcc|GNU|Free Software Foundation/i.test(text) ? "gcc" : "other";
    found.push({ command, path, version, family, ...(opts.probe ? { probe: probeCompiler(path) } : {}) });
  }
  return found;
}

/** The compiler a native backend should use (the first of findCCompilers), or null. */
export function findCCompiler(opts: { probe?: boolean } = {}): CCompiler | null {
  return findCCompilers(opts)[0] ?? null;
}

function probeCompiler(path: string): { ok: boolean; ms: number; error?: string } {
  const dir = mkdtempSync(join(tmpdir(), "numbat-cc-"));
  try {
    writeFileSync(join(dir, "probe.c"), "double numbat_probe(const double *x, long n) {\n  double s = 0;\n  for (long i = 0; i < n; i++) s += x[i];\n  return s;\n}\n");
    const t0 = performance.now();
    const r = spawnSync(path, ["-O2", "-shared", "-fPIC", "-o", join(dir, "probe.so"), join(dir, "probe.c")], { encoding: "utf8", timeout: 30_000 });
    const ms = performance.now() - t0;
    if (r.error) return { ok: false, ms, error: r.error.message };
    if (r.status !== 0 || !existsSync(join(dir, "probe.so"))) return { ok: false, ms, error: (r.stderr || `exit status ${r.status}`).trim().split("\n")[0] };
    return { ok: true, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function checkCCompiler(opts: { probe?: boolean } = { probe: true }): Check {
  const name = "C compiler";
  const all = findCCompilers(opts);
  if (all.length === 0)
    return { id: "c", name, status: "no", detail: "none of $CC, cc, gcc, clang is on PATH", hint: "install one (Debian/Ubuntu: apt-get install gcc; macOS: xcode-select --install) or set CC" };
  const best = all[0]!;
  const others = all.slice(1).map((c) => c.command).join(", ");
  const where = `${best.command} → ${best.path}: ${best.version}${others ? `; also ${others}` : ""}`;
  if (best.probe && !best.probe.ok)
    return { id: "c", name, status: "partial", detail: `${where}; but it cannot build a shared library: ${best.probe.error}`, hint: "check that the compiler's linker and C library headers are installed (apt-get install build-essential)" };
  const probe = best.probe ? `; builds a shared library in ${Math.round(best.probe.ms)} ms` : "";
  const omp = opts.probe ? openmpNote() : undefined;
  return { id: "c", name, status: "yes", detail: where + probe + (omp?.note ?? ""), ...(omp?.hint ? { hint: omp.hint } : {}) };
}

/** OpenMP for prange loops on the native target (issue 6): with it they run on threads, without it in order. */
function openmpNote(): { note: string; hint?: string } | undefined {
  const cc = findCompiler();
  if (!cc) return undefined;
  const omp = openmpSupport(cc);
  if (omp.ok) return { note: `; OpenMP: yes (${cc.command} -fopenmp), prange loops on target "native" run on threads` };
  return {
    note: `; OpenMP: no (${omp.detail}), so prange loops on target "native" run sequentially (same results)`,
    hint: "for parallel prange loops on target \"native\": gcc needs libgomp (apt-get install libgomp1), clang needs libomp (apt-get install libomp-dev)",
  };
}

// ---- WebGPU ------------------------------------------------------------------------------------

export interface WebGPUInfo {
  /** Where the GPU object came from: the global navigator.gpu, or the `webgpu` npm package (Dawn). */
  readonly source: "navigator.gpu" | "webgpu package";
  readonly adapter: string | null;
}

/**
 * The WebGPU adapter, if any, found as the webgpu target finds it (src/backends/webgpu/device.ts, which
 * falls back to chromium's SwiftShader Vulkan driver on machines without a GPU). Throws an Error whose
 * message says why not.
 */
export async function findWebGPU(timeoutMs = 5000): Promise<WebGPUInfo & { setup?: string }> {
  const { findAdapter } = await import("../backends/webgpu/device.js");
  return findAdapter(timeoutMs);
}

export async function checkWebGPU(timeoutMs = 5000): Promise<Check> {
  const name = "WebGPU";
  try {
    const info = await findWebGPU(timeoutMs);
    if (info.adapter === null)
      return { id: "webgpu", name, status: "partial", detail: `${info.source} is available but requestAdapter() found no GPU adapter`, hint: "a GPU with a Vulkan (Linux), Metal (macOS) or D3D12 (Windows) driver is needed; without a GPU on Linux, apt-get install chromium (numbat then uses its SwiftShader Vulkan driver)" };
    return { id: "webgpu", name, status: "yes", detail: `adapter: ${info.adapter} (${info.source}${info.setup ? `; ${info.setup}` : ""})` };
  } catch (e) {
    const msg = (e as Error).message;
    return { id: "webgpu", name, status: "no", detail: msg, ...(msg.startsWith("not installed") ? { hint: "npm install webgpu (Dawn's Node.js bindings), or run in a browser with WebGPU" } : {}) };
  }
}

// ---- CUDA --------------------------------------------------------------------------------------

export interface CudaInfo {
  /** GPUs as nvidia-smi lists them ("NVIDIA H100 80GB HBM3, driver 550.54, 81559 MiB"). */
  readonly gpus: string[];
  readonly nvidiaSmi: string | null;
  /** The driver library (libcuda.so.1), not the toolkit's link-time stub. */
  readonly libcuda: string | null;
  readonly nvcc: { path: string; version: string } | null;
  readonly nvrtc: string | null;
  readonly devices: boolean;
}

function ldconfigLibs(): Map<string, string> {
  const libs = new Map<string, string>();
  const ldconfig = which("ldconfig") ?? (existsSync("/sbin/ldconfig") ? "/sbin/ldconfig" : null);
  const text = ldconfig ? output(ldconfig, ["-p"]) : null;
  for (const line of (text ?? "").split("\n")) {
    const m = /^\s*(\S+)\s.*=>\s*(\S+)\s*$/.exec(line);
    if (m && !libs.has(m[1]!)) libs.set(m[1]!, m[2]!);
  }
  return libs;
}

function findLibrary(libs: Map<string, string>, names: string[], extraDirs: string[]): string | null {
  for (const n of names) {
    const p = libs.get(n);
    if (p && !p.includes("/stubs/")) return p;
  }
  for (const dir of extraDirs)
    for (const n of names) {
      const p = join(dir, n);
      if (!dir.includes("stubs") && existsSync(p)) return p;
    }
  return null;
}

export function findCuda(): CudaInfo {
  const libs = ldconfigLibs();
  const cudaHome = process.env.CUDA_HOME ?? process.env.CUDA_PATH ?? "/usr/local/cuda";
  const libDirs = [...(process.env.LD_LIBRARY_PATH ?? "").split(":").filter(Boolean), "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib/aarch64-linux-gnu", "/usr/lib/wsl/lib", "/usr/local/nvidia/lib64"];
  const libcuda = findLibrary(libs, ["libcuda.so.1", "libcuda.so"], libDirs);
  const nvrtc = findLibrary(libs, [...libs.keys()].filter((k) => /^libnvrtc\.so(\.\d+)*$/.test(k)), [join(cudaHome, "lib64"), join(cudaHome, "lib")]);
  const nvidiaSmi = which("nvidia-smi");
  let gpus: string[] = [];
  if (nvidiaSmi) {
    const q = output(nvidiaSmi, ["--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"]);
    gpus = (q ?? "").split("\n").map((l) => l.trim()).filter(Boolean).map((l) => {
      const [gpu, driver, mem] = l.split(",").map((s) => s.trim());
      return `${gpu}${driver ? `, driver ${driver}` : ""}${mem ? `, ${mem}` : ""}`;
    });
  }
  const nvccPath = which("nvcc") ?? (existsSync(join(cudaHome, "bin", "nvcc")) ? join(cudaHome, "bin", "nvcc") : null);
  let nvcc: CudaInfo["nvcc"] = null;
  if (nvccPath) {
    const text = output(nvccPath, ["--version"]);
    const m = text ? /release ([\d.]+), V([\d.]+)/.exec(text) : null;
    nvcc = { path: nvccPath, version: m ? `${m[2]}` : (text?.split("\n").pop() ?? "unknown version") };
  }
  const devices = process.platform === "linux" ? existsSync("/dev/nvidia0") || existsSync("/dev/dxg") : gpus.length > 0;
  return { gpus, nvidiaSmi, libcuda, nvcc, nvrtc, devices };
}

export function checkCuda(): Check {
  const name = "CUDA";
  const c = findCuda();
  const toolkit = [c.nvcc ? `nvcc ${c.nvcc.version} (${c.nvcc.path})` : "", c.nvrtc ? `NVRTC ${c.nvrtc}` : ""].filter(Boolean).join(", ");
  if (c.libcuda && (c.gpus.length > 0 || c.devices)) {
    const gpus = c.gpus.length ? c.gpus.join("; ") : "a GPU device node is present";
    // What numbat's cuda target will see: the driver API's own answer (src/backends/cuda/driver.ts).
    let api: string;
    try {
      const p = probeDriver();
      api = `driver API: CUDA ${p.version}, ${p.devices.map((d) => `${d.name} (sm_${d.cc})`).join("; ") || "no device"}`;
    } catch (e) {
      return { id: "cuda", name, status: "partial", detail: `${gpus}; but the driver API fails: ${(e as Error).message}`, hint: "check the driver installation (nvidia-smi) and that this user may open /dev/nvidia*" };
    }
    const compile = c.nvcc ? "" : "; no nvcc: target 'cuda' cannot compile kernels";
    return { id: "cuda", name, status: c.nvcc ? "yes" : "partial", detail: `${gpus}; ${api}; driver library ${c.libcuda}${toolkit ? `; toolkit: ${toolkit}` : ""}${compile}` };
  }
  const missing = [
    c.libcuda ? "" : "no NVIDIA driver library (libcuda.so.1)",
    c.gpus.length || c.devices ? "" : c.nvidiaSmi ? "nvidia-smi lists no GPU" : "no nvidia-smi on PATH and no /dev/nvidia0",
  ].filter(Boolean).join(", ");
  if (toolkit || c.libcuda)
    return { id: "cuda", name, status: "partial", detail: `${missing}${toolkit ? `; the toolkit is installed: ${toolkit}` : ""}`, hint: "CUDA kernels need an NVIDIA GPU and its driver; the toolkit alone can only compile" };
  return { id: "cuda", name, status: "no", detail: `${missing}; no nvcc`, hint: "needs an NVIDIA GPU, its driver, and the CUDA toolkit (nvcc) or NVRTC" };
}

// ---- numbat's own targets ----------------------------------------------------------------------

/** Which `target` names this build of numbat accepts (the others throw "not available"). */
/**
 * The targets numbat can run code on here: jit's CPU targets (a jit() that throws says why not), the
 * GPU simulator (always), and the GPU targets whose check in `checks` passed.
 */
export function numbatTargets(checks: readonly Check[] = []): { target: string; available: boolean; reason?: string }[] {
  const cpu = ["wasm", "js", "native"].map((target) => {
    try {
      jit((x: number) => x, { target: target as "wasm" });
      return { target, available: true };
    } catch (e) {
      return { target, available: false, reason: (e as Error).message };
    }
  });
  const gpu = (["webgpu", "cuda"] as const).map((id) => {
    const c = checks.find((x) => x.id === id);
    return c?.status === "yes" ? { target: id, available: true } : { target: id, available: false, reason: c ? c.detail : "not checked" };
  });
  return [...cpu, { target: "gpusim", available: true }, ...gpu];
}

// ---- the whole report --------------------------------------------------------------------------

export interface DoctorReport {
  readonly node: string;
  readonly platform: string;
  readonly checks: Check[];
  readonly numbatTargets: ReturnType<typeof numbatTargets>;
}

export async function doctor(opts: { probe?: boolean; gpuTimeoutMs?: number } = {}): Promise<DoctorReport> {
  const checks = [checkWasm(), checkSimd(), checkThreads(), checkCCompiler({ probe: opts.probe ?? true }), await checkWebGPU(opts.gpuTimeoutMs), checkCuda()];
  return { node: process.version, platform: `${process.platform} ${process.arch}`, checks, numbatTargets: numbatTargets(checks) };
}
