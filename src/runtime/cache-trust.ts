// Whom the on-disk caches trust: only the user running numbat. Native cache entries are shared
// libraries that numbat loads into the process, so a folder someone else can write is a folder from
// which someone else's code would run. The rules, as ssh applies them to its keys:
//
// - numbat creates its cache folders with mode 0700 and its files 0600 (libraries 0700);
// - before anything is loaded, the file and its folder must be owned by this user and writable by no
//   one else, and every folder above must be owned by this user or root and not writable by others
//   (unless sticky, as /tmp is);
// - a cache root that fails (NUMBAT_CACHE_DIR set to a shared 0777 folder, one owned by another user)
//   is not used at all: compiled code goes to a private folder with an unpredictable name (mkdtemp,
//   0700) for this process only, and a warning says why, once.
//
// On Windows (no uids, no mode bits) nothing is checked.

import { chmodSync, type Stats, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const uid = typeof process !== "undefined" ? process.getuid?.() : undefined;

const warned = new Set<string>();
/** Warns once per message. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

const mode = (st: Stats): string => (st.mode & 0o7777).toString(8).padStart(3, "0");

/** Why `st`, a folder or file numbat keeps its own entries in, is not trustworthy (undefined: it is). */
function distrust(st: Stats, want: "folder" | "file"): string | undefined {
  if (uid === undefined) return undefined;
  if (want === "folder" ? !st.isDirectory() : !st.isFile()) return `it is not a ${want === "folder" ? "folder" : "regular file"}`;
  if (st.uid !== uid) return `it is owned by uid ${st.uid}, not by this user (uid ${uid})`;
  if (st.mode & 0o022) return `it is writable by ${st.mode & 0o002 ? "everyone" : "its group"} (mode ${mode(st)})`;
  return undefined;
}

/** Why a folder above the cache could let someone else replace what is below it (undefined: none). */
function distrustAbove(dir: string): string | undefined {
  if (uid === undefined) return undefined;
  for (let d = dirname(dir); ; d = dirname(d)) {
    const st = statSync(d);
    if (st.uid !== uid && st.uid !== 0) return `the folder above it, ${d}, is owned by uid ${st.uid}`;
    if (st.mode & 0o022 && !(st.mode & 0o1000)) return `the folder above it, ${d}, is writable by others (mode ${mode(st)})`;
    if (dirname(d) === d) return undefined;
  }
}

/** Why folder `dir` (which exists) is not a safe place for cache entries, or undefined. */
function folderProblem(dir: string): string | undefined {
  const real = realpathSync(dir);
  return distrust(statSync(real), "folder") ?? distrustAbove(real);
}

let fallback: string | undefined;
/** This process's private cache folder: unpredictable name, mode 0700, removed when the process exits. */
function privateFolder(): string {
  if (fallback) return fallback;
  const dir = mkdtempSync(join(tmpdir(), "numbat-"));
  chmodSync(dir, 0o700);
  process.once?.("exit", () => rmSync(dir, { recursive: true, force: true }));
  return (fallback = dir);
}

/** Folder `sub` of this process's private folder, with a warning (once) saying why. */
function insteadOf(sub: string, why: string): string {
  const instead = join(privateFolder(), sub);
  mkdirSync(instead, { recursive: true, mode: 0o700 });
  warnOnce(`numbat: ${why}. Compiled code goes to ${privateFolder()} (private to this process) instead; give NUMBAT_CACHE_DIR a folder only you can write (mode 0700) to keep it between runs`);
  return instead;
}

/**
 * Folder `sub` of cache root `root`, created (mode 0700) when missing, if the root and it can be
 * trusted; otherwise (with a warning, once) the same sub-folder of this process's private folder.
 * A root that cannot be created goes the same way when it is the default one (`chosen` false); one the
 * user chose is returned as it is: writing there fails, and the caller reports it as a read-only cache.
 */
export function trustedFolder(root: string, sub: string, chosen: boolean): string {
  const dir = join(root, sub);
  // The root first: nothing is created inside a root that fails.
  for (const d of [root, dir]) {
    try {
      mkdirSync(d, { recursive: true, mode: 0o700 });
    } catch (e) {
      return chosen ? dir : insteadOf(sub, `cannot create the cache folder ${d} (${(e as Error).message})`);
    }
    const why = folderProblem(d);
    if (why !== undefined) return insteadOf(sub, `not using the cache folder ${d}: ${why}`);
  }
  return dir;
}

/**
 * Whether cache entry `path` may be read (and loaded): a regular file owned by this user, writable by
 * no one else, in a folder that passes the same test. A file that fails is treated as missing (the
 * caller compiles again and replaces it), with a warning saying why, once. A missing file: false, quietly.
 */
export function entryTrusted(path: string): boolean {
  let st: Stats;
  try { st = lstatSync(path); } catch { return false; }
  const why = distrust(st, "file") ?? folderProblem(dirname(path));
  if (why === undefined) return true;
  warnOnce(`numbat: not loading the cache entry ${path}: ${why}; compiling it again`);
  return false;
}
