// The background build of a tier-up (backends/native/tierup.ts), run as a child process so that the C
// compiler never blocks the caller's event loop: it builds one library exactly as a synchronous native
// compile does (compiler lookup, OpenMP probe, disk cache), then writes the outcome to
// <job>/result.json, atomically (a temporary file, then a rename), where the parent looks for it.
//
//   node build-child.js <job folder holding module.c and job.json>

import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NO_COMPILER, buildLibrary, findCompiler } from "./compiler.js";
import { OPENMP_FLAGS, openmpSupport } from "./openmp.js";

/** What the parent finds in result.json. */
export type BuildResult =
  | { readonly ok: true; readonly path: string; readonly cached: boolean; readonly ms: number }
  | { readonly ok: false; readonly error: string };

/** What the parent writes to job.json. */
export interface BuildJob {
  /** Parallel regions in the module: OpenMP flags when there are any and the compiler supports them. */
  readonly regions: number;
  /** The cache folder the parent resolved (trusted, or its private one: runtime/cache-trust.ts). */
  readonly cacheDir?: string;
}

function build(dir: string): BuildResult {
  try {
    const job = JSON.parse(readFileSync(join(dir, "job.json"), "utf8")) as BuildJob;
    const source = readFileSync(join(dir, "module.c"), "utf8");
    const cc = findCompiler();
    if (!cc) return { ok: false, error: `numbat: ${NO_COMPILER}` };
    const flags = job.regions > 0 && openmpSupport(cc, job.cacheDir).ok ? OPENMP_FLAGS : [];
    const lib = buildLibrary(source, { compiler: cc, extraFlags: flags, cacheDir: job.cacheDir });
    return { ok: true, path: lib.path, cached: lib.cached, ms: lib.ms };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const dir = process.argv[2];
if (dir) {
  const result = build(dir);
  const tmp = join(dir, `result.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(result));
  renameSync(tmp, join(dir, "result.json"));
  rmSync(join(dir, "module.c"), { force: true });
}
