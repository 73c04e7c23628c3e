// OpenMP for the native target's prange loops: can the C compiler build and link `-fopenmp` code?
// Asked once per compiler by compiling a small parallel library; the answer is remembered in the
// cache folder, so later processes (and cache hits) do not pay for the probe. Without OpenMP, prange
// loops still run in their chunks, one after the other, with the same results (docs/native.md).

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashKey, tempPath } from "../../runtime/disk-cache.js";
import { entryTrusted } from "../../runtime/cache-trust.js";
import { cacheDir, type CompilerInfo } from "./compiler.js";

export const OPENMP_FLAGS = ["-fopenmp"];

export interface OpenMPSupport {
  readonly ok: boolean;
  /** How it was decided: the probe's outcome, or why it was not run. */
  readonly detail: string;
}

const PROBE = `#include <omp.h>
int nb_probe(int n) {
  int s = 0;
#pragma omp parallel for reduction(+:s) num_threads(2)
  for (int i = 0; i < n; i++) s += omp_get_thread_num() >= 0;
  return s;
}
`;

const memo = new Map<string, OpenMPSupport>();

/** Whether `cc` supports OpenMP (NUMBAT_OPENMP=0 says no without asking). */
export function openmpSupport(cc: CompilerInfo, dir: string = cacheDir(), env: NodeJS.ProcessEnv = process.env): OpenMPSupport {
  if (env.NUMBAT_OPENMP === "0") return { ok: false, detail: "disabled by NUMBAT_OPENMP=0" };
  const id = hashKey([cc.command, cc.identity, OPENMP_FLAGS.join(" ")]);
  const hit = memo.get(id);
  if (hit) return hit;
  const file = join(dir, `openmp-${id}.json`);
  try {
    if (!entryTrusted(file)) throw new Error("not there, or not trusted"); // runtime/cache-trust.ts
    const saved = JSON.parse(readFileSync(file, "utf8")) as OpenMPSupport;
    if (typeof saved.ok === "boolean" && typeof saved.detail === "string") {
      memo.set(id, saved);
      return saved;
    }
  } catch { /* not probed yet (or unreadable): probe */ }
  let r: OpenMPSupport;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    r = probe(cc, dir);
  } catch (e) {
    r = { ok: false, detail: `the probe could not run: ${(e as Error).message}` };
  }
  memo.set(id, r);
  if (/could not run/.test(r.detail)) return r; // a time-out or I/O error is not the compiler's answer: not saved
  try {
    const tmp = tempPath(file);
    writeFileSync(tmp, JSON.stringify(r), { mode: 0o600 });
    renameSync(tmp, file);
  } catch { /* a read-only cache: probe again next time */ }
  return r;
}

function probe(cc: CompilerInfo, cache: string): OpenMPSupport {
  const dir = mkdtempSync(join(cache, "omp-probe-"));
  try {
    writeFileSync(join(dir, "probe.c"), PROBE);
    const r = spawnSync(cc.command, [...OPENMP_FLAGS, "-O1", "-shared", "-fPIC", "-o", join(dir, "probe.so"), join(dir, "probe.c")], { encoding: "utf8", timeout: 60_000 });
    if (r.status === 0) return { ok: true, detail: `${cc.command} ${OPENMP_FLAGS.join(" ")} builds and links a parallel library` };
    if (r.error) return { ok: false, detail: `the probe could not run: ${r.error.message}` };
    const why = (r.stderr || r.stdout || `exit status ${r.status}`).trim().split("\n")[0]!;
    return { ok: false, detail: `${cc.command} ${OPENMP_FLAGS.join(" ")} fails: ${why}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
