// CUDA C++ to PTX with the toolkit's `nvcc`, kept in numbat's on-disk cache, and the `ptxas` check of
// that PTX. Why nvcc rather than NVRTC or PTX written directly from the IR: docs/cuda.md ("Compiling").
//
// A PTX entry is keyed by the source, nvcc's full `--version`, the flags, the virtual architecture and
// numbat's build; entries are sealed and written atomically (runtime/disk-cache.ts), so a concurrent
// or interrupted compile never leaves a partial file that a later run would load.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cacheDir, hashKey, numbatBuild, readSealed, writeSealed } from "../../runtime/disk-cache.js";

/**
 * IEEE float semantics, as the other targets: no a*b+c contraction into FMA, exactly rounded `/` and
 * sqrt, subnormals kept. `-diag-suppress 177`: the prelude defines helpers a kernel may not use.
 */
export const NVCC_FLAGS = ["-fmad=false", "-prec-div=true", "-prec-sqrt=true", "-ftz=false", "-diag-suppress", "177"];

/** The oldest architecture CUDA 13 compiles for; PTX for it runs (JIT-compiled by the driver) on every newer GPU. */
export const DEFAULT_ARCH = 75;

const MAGIC = "NUMBAT-PTX-OK";
const CUBIN_MAGIC = "NUMBAT-CUBIN-OK";

export interface Nvcc {
  readonly path: string;
  /** e.g. "13.0.88". */
  readonly version: string;
  /** All of `--version`: part of the cache key. */
  readonly identity: string;
}

let found: Nvcc | null | undefined;

/** nvcc from NUMBAT_NVCC, PATH, or $CUDA_HOME/bin (default /usr/local/cuda); null when none runs. Looked up once. */
export function findNvcc(env: NodeJS.ProcessEnv = process.env): Nvcc | null {
  if (found !== undefined && env === process.env) return found;
  const home = env.CUDA_HOME ?? env.CUDA_PATH ?? "/usr/local/cuda";
  const candidates = env.NUMBAT_NVCC ? [env.NUMBAT_NVCC] : ["nvcc", join(home, "bin", "nvcc")];
  let r: Nvcc | null = null;
  for (const path of candidates) {
    const out = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 });
    if (out.status !== 0 || !out.stdout) continue;
    const m = /release [\d.]+, V([\d.]+)/.exec(out.stdout);
    r = { path, version: m?.[1] ?? "unknown", identity: out.stdout.trim() };
    break;
  }
  if (env === process.env) found = r;
  return r;
}

export const NO_NVCC = "the CUDA toolkit's nvcc was not found (looked for NUMBAT_NVCC, nvcc on PATH and $CUDA_HOME/bin/nvcc); install the toolkit (e.g. apt-get install cuda-nvcc-13-0) or set NUMBAT_NVCC";

export function requireNvcc(): Nvcc {
  const n = findNvcc();
  if (!n) throw new Error(`numbat: ${NO_NVCC}`);
  return n;
}

/** The virtual architectures this nvcc can target (`--list-gpu-arch`: compute_75, ...), as numbers. */
export function nvccArchs(nvcc: Nvcc): number[] {
  const r = spawnSync(nvcc.path, ["--list-gpu-arch"], { encoding: "utf8", timeout: 20_000 });
  return [...(r.stdout ?? "").matchAll(/compute_(\d+)/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/** The architecture to compile for on a device of compute capability `cc` (e.g. 90): the newest this nvcc knows that is not newer. */
export function archFor(cc: number, known: readonly number[]): number {
  const fit = known.filter((a) => a <= cc);
  return fit.length ? fit[fit.length - 1]! : DEFAULT_ARCH;
}

export interface Ptx {
  readonly ptx: string;
  readonly arch: number;
  /** True when the PTX came from the cache. */
  readonly cached: boolean;
  /** Wall time of the lookup (and compilation), in milliseconds. */
  readonly ms: number;
}

export interface PtxOptions {
  readonly arch?: number;
  readonly cacheDir?: string;
  readonly nvcc?: Nvcc;
}

/** Runs nvcc in a fresh temporary folder; returns the output file's text. Throws with nvcc's diagnostics. */
function runNvcc(nvcc: Nvcc, source: string, args: readonly string[], out: string): string {
  const dir = mkdtempSync(join(tmpdir(), "numbat-nvcc-"));
  try {
    writeFileSync(join(dir, "kernel.cu"), source);
    const r = spawnSync(nvcc.path, [...args, "-o", join(dir, out), join(dir, "kernel.cu")], { encoding: "utf8", timeout: 120_000, cwd: dir });
    if (r.status !== 0 || !existsSync(join(dir, out))) {
      const why = r.error ? r.error.message : (r.stderr || r.stdout || `exit status ${r.status}`).trim();
      throw new Error(`numbat: internal error: nvcc rejected the generated CUDA code:\n${why.slice(0, 4000)}\n(the source is in inspect("code"))`);
    }
    return readFileSync(join(dir, out), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PTX of `source` for `compute_<arch>`, from the cache or compiled now. */
export function compilePtx(source: string, opts: PtxOptions = {}): Ptx {
  const t0 = performance.now();
  const nvcc = opts.nvcc ?? requireNvcc();
  const arch = opts.arch ?? DEFAULT_ARCH;
  const args = ["-ptx", `-arch=compute_${arch}`, ...NVCC_FLAGS];
  const path = join(opts.cacheDir ?? cacheDir("cuda"), `${hashKey([source, nvcc.identity, args.join(" "), numbatBuild()])}.ptx`);
  const hit = readSealed(path, MAGIC);
  if (hit) return { ptx: hit.toString("utf8"), arch, cached: true, ms: performance.now() - t0 };
  const ptx = runNvcc(nvcc, source, args, "kernel.ptx");
  try {
    writeSealed(path, Buffer.from(ptx), MAGIC);
  } catch {
    // a read-only cache folder only costs the next process a compile
  }
  return { ptx, arch, cached: false, ms: performance.now() - t0 };
}

export interface Ptxas {
  readonly path: string;
  /** All of `--version`: part of the cubin cache key. */
  readonly identity: string;
}

/** ptxas from beside nvcc, else PATH; null when none runs. */
export function findPtxas(nvcc: Nvcc | null = findNvcc()): Ptxas | null {
  const candidates = [nvcc && nvcc.path.includes("/") ? join(nvcc.path, "..", "ptxas") : "", "ptxas"].filter(Boolean);
  for (const path of candidates) {
    const r = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 });
    if (r.status === 0) return { path, identity: (r.stdout ?? "").trim() };
  }
  return null;
}

/** Assembles `ptx` into a cubin for `sm_<arch>` with ptxas; throws with ptxas's output when it rejects the PTX. */
export function assemble(ptx: string, arch: number, ptxas: Ptxas): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "numbat-ptxas-"));
  try {
    writeFileSync(join(dir, "kernel.ptx"), ptx);
    const r = spawnSync(ptxas.path, [`-arch=sm_${arch}`, "-o", join(dir, "kernel.cubin"), join(dir, "kernel.ptx")], { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`ptxas -arch=sm_${arch} rejected the PTX:\n${(r.error?.message ?? r.stderr ?? r.stdout).trim().slice(0, 4000)}`);
    return readFileSync(join(dir, "kernel.cubin"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cubin of `ptx` for `sm_<arch>`, from the cache or assembled now (the GPU then loads it without JIT-compiling). */
export function cubinFor(ptx: string, arch: number, ptxas: Ptxas, dir: string = cacheDir("cuda")): { cubin: Buffer; cached: boolean } {
  const path = join(dir, `${hashKey([ptx, ptxas.identity, String(arch), numbatBuild()])}.cubin`);
  const hit = readSealed(path, CUBIN_MAGIC);
  if (hit) return { cubin: hit, cached: true };
  const cubin = assemble(ptx, arch, ptxas);
  try { writeSealed(path, cubin, CUBIN_MAGIC); } catch { /* read-only cache: assemble again next time */ }
  return { cubin, cached: false };
}
