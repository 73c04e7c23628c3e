// The regression corpus: one JSON file per case in test/fuzz/corpus/ (source kept in the tree, not
// compiled to dist). Each case is self-contained: the kernel's and helpers' sources, the parameter
// kinds and the exact inputs. The expected result is not stored: it is what plain JS does at replay
// time. A case with `todo` is a known numbat bug: the suite replays it as a todo test.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Case, Category } from "./oracle.js";

export interface CorpusEntry extends Case {
  name: string;
  category: Category;
  config?: string;
  /** What the fuzzer saw when the case was saved (plain vs jitted). */
  detail: string;
  /** Present for known, unfixed numbat bugs: the reason the replay is a todo. */
  todo?: string;
  /** Where it came from: the program and input seeds of the fuzz run, if any. */
  found?: { seed?: number; inputSeed?: number; note?: string };
}

/** test/fuzz/corpus in the source tree (this module runs from dist/test/fuzz/). */
export const CORPUS_DIR = fileURLToPath(new URL("../../../test/fuzz/corpus/", import.meta.url));

export function loadCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusEntry), name: f.replace(/\.json$/, "") }));
}

/** FNV-1a, for stable file names. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Writes `e` as <category>-<config>-<hash>.json unless an identical case is there; returns the path. */
export function saveCase(entry: Omit<CorpusEntry, "name">, dir = CORPUS_DIR): string {
  // The sanitized renderings are derived from the generator's tree; the corpus keeps the source only.
  const { sanitized: _s, strict: _t, ...e } = entry;
  mkdirSync(dir, { recursive: true });
  const name = `${e.category}-${e.config ?? "all"}-${hash(e.kernel + JSON.stringify(e.helpers) + JSON.stringify(e.inputs))}`;
  const path = join(dir, `${name}.json`);
  if (!existsSync(path)) writeFileSync(path, JSON.stringify(e, null, 2) + "\n");
  return path;
}
