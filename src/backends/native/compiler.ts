// The system C compiler and the on-disk cache of compiled libraries.
//
// A library is keyed by a hash of the C source, the compiler's identity (`cc --version`), the flags,
// the CPU (for -march=native) and numbat's version. Entries are written under a temporary name and
// renamed into place, so concurrent processes never see a partial file; each entry ends with a
// trailer holding a hash of its contents, and an entry whose trailer does not match (truncated,
// corrupted) is rebuilt instead of being loaded.

import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { trustedFolder } from "../../runtime/cache-trust.js";
import { arch, cpus, platform } from "node:os";
import { join } from "node:path";
import { cacheDir as sharedCacheDir, hashKey, numbatVersion, readSealed, sealTrailer, tempPath } from "../../runtime/disk-cache.js";

/**
 * Bitwise-faithful float semantics: no fast-math, no contraction into FMA; ints wrap (-fwrapv) as
 * wasm's i64 does; no strict aliasing (views of different types may share a buffer).
 */
export const CFLAGS = ["-std=gnu99", "-O3", "-march=native", "-ffp-contract=off", "-fno-math-errno", "-fwrapv", "-fno-strict-aliasing", "-fvisibility=hidden", "-shared", "-fPIC"];

export interface CompilerInfo {
  /** The command run (`cc`, `gcc`, `clang`, or NUMBAT_CC). */
  readonly command: string;
  /** First line of `--version`. */
  readonly version: string;
  /** All of `--version`: part of the cache key. */
  readonly identity: string;
}

export const NO_COMPILER = "no C compiler found: install gcc or clang (apt-get install gcc), or use target: 'wasm'";

/** Finds a working C compiler: NUMBAT_CC when set, else the first of cc, gcc, clang that runs. */
export function findCompiler(env: NodeJS.ProcessEnv = process.env): CompilerInfo | undefined {
  const candidates = env.NUMBAT_CC ? [env.NUMBAT_CC] : ["cc", "gcc", "clang"];
  for (const command of candidates) {
    const r = spawnSync(command, ["--version"], { encoding: "utf8", env, timeout: 10_000 });
    if (r.status === 0 && r.stdout) return { command, version: r.stdout.split("\n")[0]!.trim(), identity: r.stdout.trim() };
  }
  return undefined;
}

let found: CompilerInfo | null | undefined;

/** The compiler for this process (looked up once); throws the documented error when there is none. */
export function requireCompiler(): CompilerInfo {
  if (found === undefined) found = findCompiler() ?? null;
  if (found === null) throw new Error(`numbat: ${NO_COMPILER}${process.env.NUMBAT_CC ? ` (NUMBAT_CC=${process.env.NUMBAT_CC} does not run)` : ""}`);
  return found;
}

/** What the native target would use, for a `doctor` command: compiler, cache folder, CPU. */
export function describeNative(): { compiler: CompilerInfo | undefined; cacheDir: string; cpu: string; flags: string[] } {
  return { compiler: findCompiler(), cacheDir: cacheDir(), cpu: cpuIdentity().split("\n")[0]!, flags: CFLAGS };
}

/** NUMBAT_CACHE_DIR, else $XDG_CACHE_HOME/numbat or ~/.cache/numbat, else a folder under the temp dir. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return sharedCacheDir("native", env);
}

let cpuId: string | undefined;
/** The CPU model and feature flags: -march=native code is only valid on the CPU it was built for. */
function cpuIdentity(): string {
  if (cpuId !== undefined) return cpuId;
  let id = `${platform()} ${arch()} ${cpus()[0]?.model ?? "unknown"}`;
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const field = (name: string): string => info.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, "m"))?.[1] ?? "";
    id += `\n${field("flags") || field("Features")}`;
  } catch {
    // not Linux: the model name has to do
  }
  return (cpuId = id);
}

export function cacheKey(source: string, cc: CompilerInfo, flags: readonly string[] = CFLAGS): string {
  return hashKey([source, cc.command, cc.identity, flags.join(" "), cpuIdentity(), numbatVersion()]);
}

const TRAILER_MAGIC = "NUMBAT-NATIVE-OK";

/** Whether the file at `path` is a complete entry (its trailer matches its contents). */
export function entryIsValid(path: string): boolean {
  return readSealed(path, TRAILER_MAGIC) !== undefined;
}

export interface BuiltLibrary {
  readonly path: string;
  /** True when the library came from the cache, false when it was compiled now. */
  readonly cached: boolean;
  /** Wall time of the lookup (and compilation), in milliseconds. */
  readonly ms: number;
}

export interface BuildOptions {
  readonly cacheDir?: string;
  readonly compiler?: CompilerInfo;
  /** Flags after CFLAGS (`-fopenmp` for modules with parallel loops); part of the key. */
  readonly extraFlags?: readonly string[];
}

/** The cached library for `source`, compiling it when missing or invalid. */
export function buildLibrary(source: string, opts: BuildOptions = {}): BuiltLibrary {
  const t0 = performance.now();
  const cc = opts.compiler ?? requireCompiler();
  const dir = opts.cacheDir === undefined ? cacheDir() : trustedFolder(opts.cacheDir, ".", true);
  const flags = [...CFLAGS, ...(opts.extraFlags ?? [])];
  const key = cacheKey(source, cc, flags);
  const path = join(dir, `${key}.so`);
  if (entryIsValid(path)) return { path, cached: true, ms: performance.now() - t0 };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = tempPath(join(dir, key));
  const src = `${tmp}.c`, obj = `${tmp}.so`;
  try {
    writeFileSync(src, source, { mode: 0o600 });
    const r = spawnSync(cc.command, [...flags, "-o", obj, src, "-lm"], { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) {
      const why = r.error ? r.error.message : (r.stderr || r.stdout || `exit status ${r.status}`).trim();
      throw new Error(`numbat: internal error: the C compiler rejected the generated code (${cc.command}):\n${why.slice(0, 4000)}\n(the source is in inspect("c"))`);
    }
    appendFileSync(obj, sealTrailer(readFileSync(obj), TRAILER_MAGIC));
    chmodSync(obj, 0o700); // the compiler made it 0755 less the umask: no one else may write what numbat loads
    // The source beside the library, for people reading the cache; then the library, atomically.
    renameSync(src, join(dir, `${key}.c`));
    renameSync(obj, path);
  } finally {
    rmSync(src, { force: true });
    rmSync(obj, { force: true });
  }
  return { path, cached: false, ms: performance.now() - t0 };
}

/** Removes a cache entry (used when one passes its check but still fails to load). */
export function evictLibrary(path: string): void {
  rmSync(path, { force: true });
}
