// Helpers shared by numbat's on-disk caches (compiled wasm kernels: driver/kernel-cache.ts; native
// libraries: backends/native/compiler.ts): where the cache lives, numbat's identity as part of every
// key, hashing, and entries that are checksummed and written atomically.
//
// An entry is `body + sha256(body) + magic`. Readers check that trailer, so a truncated or corrupted
// file is treated as missing (and rebuilt), never loaded. Writers write a uniquely named temporary
// file and rename it into place: concurrent processes writing the same entry each rename a complete
// file, and a reader never sees a partial one.

import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { entryTrusted, trustedFolder } from "./cache-trust.js";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `sub` under NUMBAT_CACHE_DIR, else under $XDG_CACHE_HOME/numbat or ~/.cache/numbat: created with mode
 * 0700, and used only when only this user can write it (runtime/cache-trust.ts); otherwise a private
 * folder of this process (unpredictable name), never a shared one.
 */
export function cacheDir(sub: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.NUMBAT_CACHE_DIR) return trustedFolder(env.NUMBAT_CACHE_DIR, sub, true);
  return trustedFolder(join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "numbat"), sub, false);
}

/** The folder holding numbat's package.json (found upwards from this file), or undefined. */
function packageRoot(): { dir: string; version: string } | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, "package.json");
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "numbat") return { dir, version: pkg.version ?? "0" };
      } catch { /* keep looking */ }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

let version: string | undefined;
/** numbat's own version (package.json), part of every key: a new numbat never loads an old entry. */
export function numbatVersion(): string {
  return (version ??= packageRoot()?.version ?? "unknown");
}

/** Defined (true) only in the package's bundle (src/bundle/build.ts), whose files then hold the code that runs. */
declare const NUMBAT_BUNDLED: boolean | undefined;

let build: string | undefined;
/**
 * numbat's version plus the size and modification time of each of its compiled files: a rebuilt
 * numbat (a developer's checkout, where the version stays the same between commits) never loads code
 * an older compiler generated. Stats only, no reads, once per process: of dist/src's ~300 files, or
 * of the ~20 in dist/bundle when this runs from the bundle (its own code, even when dist/src is newer).
 */
export function numbatBuild(): string {
  if (build !== undefined) return build;
  const h = createHash("sha256").update(numbatVersion());
  const modules = dirname(dirname(fileURLToPath(import.meta.url))); // dist/src (this file is dist/src/runtime/disk-cache.js)
  const src = typeof NUMBAT_BUNDLED === "boolean" ? join(dirname(modules), "bundle") : modules;
  const walk = (dir: string): void => {
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch { return; }
    for (const name of names) {
      const p = dir + sep + name; // what join() gives for these plain names, without its normalising (a third of a cache hit, cold)
      if (name.endsWith(".js") && !name.endsWith(".test.js")) {
        try { const s = statSync(p); h.update(`${p}\0${s.size}\0${s.mtimeMs}\0`); } catch { /* vanished: skip */ }
      } else if (!name.includes(".")) walk(p);
    }
  };
  walk(src);
  return (build = h.digest("hex").slice(0, 16));
}

/** A short, stable key: sha256 of the parts, separated so that ("ab","c") and ("a","bc") differ. */
export function hashKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const part of parts) h.update(part).update("\0");
  return h.digest("hex").slice(0, 32);
}

/** The trailer that seals an entry: sha256 of `body`, then `magic`. */
export function sealTrailer(body: Uint8Array, magic: string): Buffer {
  return Buffer.concat([createHash("sha256").update(body).digest(), Buffer.from(magic)]);
}

/** The body of a sealed entry, or undefined when the file is missing, untrusted (runtime/cache-trust.ts), truncated or corrupted. */
export function readSealed(path: string, magic: string): Buffer | undefined {
  if (!entryTrusted(path)) return undefined;
  let bytes: Buffer;
  try { bytes = readFileSync(path); } catch { return undefined; }
  const n = 32 + Buffer.byteLength(magic);
  if (bytes.length <= n) return undefined;
  const body = bytes.subarray(0, bytes.length - n);
  return sealTrailer(body, magic).equals(bytes.subarray(bytes.length - n)) ? body : undefined;
}

/** A temporary name beside `path`, unique to this process and call. */
export function tempPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

/** Writes `body` sealed with `magic` to `path` atomically (temporary file, then rename). Throws on I/O errors. */
export function writeSealed(path: string, body: Uint8Array, magic: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = tempPath(path);
  try {
    writeFileSync(tmp, Buffer.concat([body, sealTrailer(body, magic)]), { mode: 0o600 });
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
