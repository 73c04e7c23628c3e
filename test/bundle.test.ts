// The package entries are esbuild bundles of dist/src (src/bundle/build.ts, docs/tiers.md#import-time):
// these check that they behave as the modules do where a bundle could differ: code that finds files
// from its own import.meta.url (the thread pool's worker), the disk cache's build key, and one copy
// of numbat's state and classes shared by all entries.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, { default: string }> };
const entry = (sub: string): string => pathToFileURL(join(ROOT, pkg.exports[sub]!.default)).href;

/** Runs an ES module in a fresh node; returns its last stdout line. */
function run(code: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split("\n").pop()!;
}

test("every package entry is a bundle in dist/bundle", () => {
  for (const sub of [".", "./tfjs", "./jax", "./python"]) assert.match(pkg.exports[sub]!.default, /^\.\/dist\/bundle\//);
});

test("a parallel loop through the package entry starts the pool's worker from dist/src", () => {
  const out = run(`
    const { jit, prange, shutdown } = await import(${JSON.stringify(entry("."))});
    const f = jit((a) => { for (const i of prange(a.length)) a[i] = i * 2; return a[a.length - 1]; }, { parallel: true });
    console.log(f(new Float64Array(1 << 16)) + " " + f.signatures.length);
    shutdown();`);
  assert.equal(out, `${((1 << 16) - 1) * 2} 1`);
});

test("the bundle keys cache entries on its own files: a second process hits the entry the first wrote", () => {
  const dir = mkdtempSync(join(tmpdir(), "numbat-bundle-"));
  const stamp = (): string[] => readdirSync(join(dir, "wasm")).map((n) => { const s = statSync(join(dir, "wasm", n)); return `${n}:${s.ino}:${s.mtimeMs}`; });
  try {
    const code = (from: string) => `
      const { jit } = await import(${JSON.stringify(from)});
      const f = jit(function sq(x) { return x * x; }, { cache: true });
      console.log(f(3));`;
    assert.equal(run(code(entry(".")), { NUMBAT_CACHE_DIR: dir }), "9");
    const written = stamp();
    assert.equal(written.length, 1);
    assert.equal(run(code(entry(".")), { NUMBAT_CACHE_DIR: dir }), "9");
    assert.deepEqual(stamp(), written, "the second process compiled and wrote the entry again");
    assert.equal(run(code(pathToFileURL(join(ROOT, "dist/src/index.js")).href), { NUMBAT_CACHE_DIR: dir }), "9");
    assert.equal(stamp().length, 2, "the modules (other files, other code) key their entries apart from the bundle's");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the entries share one copy of numbat: numbat/python takes an NdArray made by numbat's zeros", () => {
  const out = run(`
    const { zeros, NdArray } = await import(${JSON.stringify(entry("."))});
    const { compile } = await import(${JSON.stringify(entry("./python"))});
    const { first } = compile("def first(a):\\n    return a[1] + 1.0\\n");
    const a = zeros([3]); a.set(1, 41);
    console.log(first(a) + " " + (a instanceof NdArray));`);
  assert.equal(out, "42 true");
});
