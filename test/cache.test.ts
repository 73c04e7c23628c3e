// The on-disk kernel cache (`jit(fn, { cache: true })`, docs/cache.md). Differential: every corpus
// kernel gives the same results compiled now, loaded from the cache, and run plainly. Then the key
// (a change to a callee, even an indirect one, or to an option invalidates), damaged entries (rebuilt,
// never a crash), concurrent writers, and the cache's location. Each test uses its own temporary
// NUMBAT_CACHE_DIR; child processes stand in for "a later run" where a fresh process matters.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { jit, zeros } from "../src/index.js";
import { readSealed, writeSealed } from "../src/runtime/disk-cache.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { buildLibrary, findCompiler } from "../src/backends/native/compiler.js";
import { allKernels } from "./corpus/index.js";
import { assertSameValue, isNdLike, isTypedArray, jitFn, resolveScope, type JitOpts } from "./harness.js";

const indexUrl = pathToFileURL(fileURLToPath(new URL("../src/index.js", import.meta.url))).href;
const WASM: JitOpts = { target: "wasm", cache: true } as JitOpts;

/** A fresh cache folder as NUMBAT_CACHE_DIR for the duration of `f` (in this process). */
function withCacheDir<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "numbat-cache-test-"));
  const old = process.env.NUMBAT_CACHE_DIR;
  process.env.NUMBAT_CACHE_DIR = dir;
  try {
    return f(dir);
  } finally {
    if (old === undefined) delete process.env.NUMBAT_CACHE_DIR;
    else process.env.NUMBAT_CACHE_DIR = old;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cache entries (path -> inode:mtime) under `dir`. */
function entries(dir: string): Map<string, string> {
  let names: string[] = [];
  try { names = readdirSync(join(dir, "wasm")); } catch { /* none yet */ }
  return new Map(names.map((n) => { const s = statSync(join(dir, "wasm", n)); return [n, `${s.ino}:${s.mtimeMs}`]; }));
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };
function outcome(f: (...a: unknown[]) => unknown, args: unknown[]): Outcome {
  try { return { ok: true, value: f(...args) }; } catch (e) { return { ok: false, error: e as Error }; }
}

function sameOutcome(got: Outcome, want: Outcome, args: unknown[], wantArgs: unknown[], where: string): void {
  if (!want.ok) {
    assert.ok(!got.ok, `${where}: plain JS threw ${want.error.message} but jitted returned`);
    assert.equal(got.error.constructor, want.error.constructor, `${where}: error class`);
    assert.equal(got.error.message, want.error.message, `${where}: error message`);
  } else {
    assert.ok(got.ok, `${where}: jitted threw ${got.ok ? "" : got.error.message}`);
    assertSameValue(got.value, want.value, `${where}: result`);
  }
  wantArgs.forEach((a, i) => {
    if (isTypedArray(a)) assertSameValue(args[i], a, `${where}: argument ${i} after the call`);
    else if (isNdLike(a)) assertSameValue((args[i] as { data: unknown }).data, a.data, `${where}: argument ${i} (data) after the call`);
  });
}

describe("cache: differential over the corpus", () => {
  test("compiled now, loaded from the cache and plain JS agree on every kernel (and the second round only reads)", () => {
    withCacheDir((dir) => {
      const round = (label: string): void => {
        for (const k of allKernels) {
          const jitted = jitFn(k.fn, { ...WASM, boundscheck: k.boundscheck, scope: resolveScope(k.scope, WASM) });
          const wantArgs = k.args(), args = k.args();
          sameOutcome(outcome(jitted, args), outcome(k.fn as (...a: unknown[]) => unknown, wantArgs), args, wantArgs, `${k.name} [${label}]`);
        }
      };
      round("compiled and stored");
      const stored = entries(dir);
      const distinct = new Set(allKernels.map((k) => `${String(k.fn)}|${k.boundscheck}`)).size;
      assert.ok(stored.size >= distinct, `an entry per distinct kernel at least: ${stored.size} < ${distinct}`);
      round("loaded from the cache");
      assert.deepEqual(entries(dir), stored, "a cache hit rewrites nothing");
    });
  });

  test("a hit really runs the stored code: an entry swapped for another kernel's is what runs", () => {
    withCacheDir((dir) => {
      const plus1 = function bump(x: number) { return x + 1; };
      const plus2 = function bump(x: number) { return x + 2; };
      assert.equal(jit(plus1, { cache: true })(1), 2);
      const [a] = [...entries(dir).keys()];
      rmSync(join(dir, "wasm"), { recursive: true });
      assert.equal(jit(plus2, { cache: true })(1), 3);
      const [b] = [...entries(dir).keys()];
      assert.notEqual(a, b, "different sources, different keys");
      // Put plus2's (valid) entry where plus1's key points: a fresh jit of plus1 now runs plus2's code.
      writeFileSync(join(dir, "wasm", a!), readFileSync(join(dir, "wasm", b!)));
      assert.equal(jit(plus1, { cache: true })(1), 3);
      assert.equal(jit(plus1)(1), 2, "without cache: the source's own code");
    });
  });

  test("inspect() of a cached kernel recompiles the IR and WAT it shows", () => {
    withCacheDir(() => {
      const sig = [["ndarray<float64,2>", "ndarray<float64,2>"]];
      const fresh = jit(matrixMultiplyLoops, { cache: true, signatures: sig });
      const hit = jit(matrixMultiplyLoops, { cache: true, signatures: sig });
      const names = (s: string): string => s.replace(/_\d+_\d+/g, "_#"); // IR names carry a per-process dispatcher id
      assert.equal(names(hit.inspect("wat")), names(fresh.inspect("wat")));
      assert.equal(names(hit.inspect("ir")), names(fresh.inspect("ir")));
    });
  });
});

describe("cache: the key", () => {
  const kernel = function scaleSum(a: Float64Array) {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]! * 2;
    return s;
  };
  const a = Float64Array.from([1, 2, 3]);

  test("argument types and code-changing options each get their own entry; run-time options share one", () => {
    withCacheDir((dir) => {
      jit(kernel, { cache: true })(a);
      jit(kernel, { cache: true })(a);
      assert.equal(entries(dir).size, 1);
      jit(kernel as (a: Float64Array | Float32Array) => number, { cache: true })(Float32Array.from([1, 2, 3]));
      assert.equal(entries(dir).size, 2, "another signature");
      jit(kernel, { cache: true, boundscheck: false })(a);
      assert.equal(entries(dir).size, 3, "boundscheck");
      jit(kernel, { cache: true, opt: 0 })(a);
      assert.equal(entries(dir).size, 4, "opt");
      jit(kernel, { cache: true, parallel: true, threads: 2 })(a);
      assert.equal(entries(dir).size, 5, "parallel");
      jit(kernel, { cache: true, parallel: true, threads: 2, schedule: "dynamic" })(a);
      assert.equal(entries(dir).size, 5, "the schedule does not change the code");
      jit(kernel, { cache: true, target: "js" })(a);
      assert.equal(entries(dir).size, 5, "target js is not cached");
    });
  });

  test("a changed callee, direct or through another callee, or a changed scope constant invalidates the caller", () => {
    withCacheDir(() => {
      const outer = function outer(x: number) { return mid(x) + K; };
      const build = (innerFn: (x: number) => number, k: number) => {
        const inner = jit(innerFn);
        const mid = jit(function mid(x: number) { return inner(x) * 10; }, { scope: { inner } });
        return jit(outer, { cache: true, scope: { mid, K: k } });
      };
      assert.equal(build((x) => x + 1, 0)(1), 20);
      assert.equal(build((x) => x + 1, 0)(1), 20);
      assert.equal(build((x) => x + 2, 0)(1), 30, "edited inner (called through mid)");
      assert.equal(build((x) => x + 2, 5)(1), 35, "edited scope constant");
      assert.equal(build((x) => x + 1, 0)(1), 20, "back to the first version: its entry is still there");
    });
    // Only for the types: the kernel refers to names it receives through `scope`.
    function mid(x: number): number { return x; }
    const K = 0;
  });

  test("editing a callee's file between two runs invalidates its caller (numba/numba#3588)", () => {
    const dir = mkdtempSync(join(tmpdir(), "numbat-cache-3588-"));
    try {
      const lib = join(dir, "lib.mjs"), main = join(dir, "main.mjs");
      const writeLib = (body: string): void => writeFileSync(lib, `import { jit } from ${JSON.stringify(indexUrl)};
export const g = jit(function g(x) { ${body} });\n`);
      writeFileSync(main, `import { jit } from ${JSON.stringify(indexUrl)};
import { g } from "./lib.mjs";
const f = jit(function f(x) { return g(x) * 2; }, { cache: true, scope: { g } });
console.log(f(10));\n`);
      const run = (): string => {
        const r = spawnSync(process.execPath, [main], { encoding: "utf8", env: { ...process.env, NUMBAT_CACHE_DIR: join(dir, "cache") } });
        assert.equal(r.status, 0, r.stderr);
        return r.stdout.trim();
      };
      writeLib("return x + 1;");
      assert.equal(run(), "22");
      assert.equal(run(), "22");
      writeLib("return x + 3;");
      assert.equal(run(), "26");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("cache: damaged entries and concurrent writers", () => {
  let dir = "";
  let script = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "numbat-cache-damage-"));
    script = join(dir, "run.mjs");
    writeFileSync(script, `import { jit, array } from ${JSON.stringify(indexUrl)};
import { matrixMultiplyLoops } from ${JSON.stringify(pathToFileURL(fileURLToPath(new URL("../examples/seed.js", import.meta.url))).href)};
const mm = jit(matrixMultiplyLoops, { cache: true });
const C = mm(array([[1, 2], [3, 4]]), array([[5, 6], [7, 8]]));
console.log(JSON.stringify(Array.from(C.data)));\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const expected = JSON.stringify([19, 22, 43, 50]);
  const env = (cache: string) => ({ ...process.env, NUMBAT_CACHE_DIR: cache });
  const runChild = (cache: string): string => {
    const r = spawnSync(process.execPath, [script], { encoding: "utf8", env: env(cache) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "", "no warning either");
    return r.stdout.trim();
  };

  test("truncated, corrupted, emptied or well-sealed but malformed entries are rebuilt, never loaded", () => {
    const cache = join(dir, "damaged");
    assert.equal(runChild(cache), expected);
    const [name] = [...entries(cache).keys()];
    const path = join(cache, "wasm", name!);
    const good = readFileSync(path);
    const damage: [string, () => void][] = [
      ["truncated", () => truncateSync(path, Math.floor(good.length / 2))],
      ["one byte flipped", () => { const b = Buffer.from(good); b[40]! ^= 0xff; writeFileSync(path, b); }],
      ["empty", () => writeFileSync(path, "")],
      ["sealed garbage", () => writeSealed(path, Buffer.from("not a kernel"), "NUMBAT-WASM-OK")],
      ["sealed, bad wasm", () => {
        const b = Buffer.from(readSealed(path, "NUMBAT-WASM-OK")!); // [u32 header length][header][wasm]
        b.fill(0, 4 + b.readUInt32LE(0), 8 + b.readUInt32LE(0)); // the wasm magic number
        writeSealed(path, b, "NUMBAT-WASM-OK");
      }],
    ];
    for (const [what, harm] of damage) {
      writeFileSync(path, good);
      harm();
      assert.equal(runChild(cache), expected, what);
      assert.ok(readSealed(path, "NUMBAT-WASM-OK"), `${what}: rewritten as a valid entry`);
    }
  });

  test("processes writing the same entry at once all succeed and leave one valid entry, no temporary files", async () => {
    const cache = join(dir, "race");
    const outs = await Promise.all(Array.from({ length: 4 }, () => new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, [script], { env: env(cache), stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      p.stdout.on("data", (d) => (out += d));
      p.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}`))));
    })));
    assert.deepEqual(outs, Array(4).fill(expected));
    const names = readdirSync(join(cache, "wasm"));
    assert.equal(names.length, 1, names.join(", "));
    assert.ok(readSealed(join(cache, "wasm", names[0]!), "NUMBAT-WASM-OK"));
    assert.equal(runChild(cache), expected);
  });

  test("an unwritable cache folder: a warning, and the kernel still runs", () => {
    const file = join(dir, "not-a-folder");
    writeFileSync(file, "");
    const r = spawnSync(process.execPath, [script], { encoding: "utf8", env: env(join(file, "cache")) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), expected);
    assert.match(r.stderr, /numbat: cannot write the kernel cache/);
  });
});

describe("cache: location", () => {
  const script = `import(${JSON.stringify(indexUrl)}).then(({ jit }) => console.log(jit((x) => x * 3, { cache: true })(2)));`;
  const base = { ...process.env };
  delete base.NUMBAT_CACHE_DIR;

  test("NUMBAT_CACHE_DIR is honoured", () => {
    withCacheDir((dir) => {
      const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...base, NUMBAT_CACHE_DIR: dir } });
      assert.equal(r.stdout.trim(), "6", r.stderr);
      assert.equal(entries(dir).size, 1);
    });
  });

  test("without it: $XDG_CACHE_HOME/numbat/wasm", () => {
    withCacheDir((dir) => {
      const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...base, XDG_CACHE_HOME: dir } });
      assert.equal(r.stdout.trim(), "6", r.stderr);
      assert.equal(readdirSync(join(dir, "numbat", "wasm")).length, 1);
    });
  });

  test("cache off (the default) writes nothing", () => {
    withCacheDir((dir) => {
      const z = jit(function fill(n: number) { const a = zeros([n]); for (let i = 0; i < n; i++) a.set(i, i); return a; });
      assert.equal(z(3).get(2), 2);
      assert.equal(entries(dir).size, 0);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Whom the cache trusts (issue 16, item 8; runtime/cache-trust.ts): only this user. A folder or entry
// another user owns, or that others may write, is refused (recompiled elsewhere or replaced), with a
// warning that says why; numbat's own folders are 0700 and its files writable by no one else.

describe("cache: trusts only its owner", () => {
  const isRoot = process.getuid?.() === 0;
  const compiler = findCompiler();
  const NOBODY = 65534;
  const SOURCE = "#include <stdint.h>\n__attribute__((visibility(\"default\"))) int32_t nb_trust_probe(void) { return 16; }\n";

  /** What `f` printed with console.warn, and its result. */
  function warnings<T>(f: () => T): { value: T; warned: string } {
    const old = console.warn;
    let warned = "";
    console.warn = (...a: unknown[]) => { warned += a.join(" ") + "\n"; };
    try { return { value: f(), warned }; } finally { console.warn = old; }
  }
  /** Modes (octal) of everything under `dir` that others may write. */
  function writableByOthers(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name), st = statSync(p);
        if (st.mode & 0o022) out.push(`${p} ${(st.mode & 0o777).toString(8)}`);
        if (st.isDirectory()) walk(p);
      }
    };
    walk(dir);
    return out;
  }

  test("numbat's folders are 0700 and its files writable by no one else", { skip: !compiler && "no C compiler" }, () => {
    withCacheDir((dir) => {
      rmSync(dir, { recursive: true });
      const root = join(dir, "a", "b");
      process.env.NUMBAT_CACHE_DIR = root;
      assert.equal(jit((x: number) => x * 5, { cache: true, target: "wasm" })(2), 10);
      const lib = buildLibrary(SOURCE);
      assert.equal(lib.cached, false);
      assert.ok(lib.path.startsWith(root), lib.path);
      for (const d of [join(dir, "a"), root, join(root, "wasm"), join(root, "native")]) assert.equal(statSync(d).mode & 0o777, 0o700, d);
      assert.deepEqual(writableByOthers(dir), []);
      assert.equal(buildLibrary(SOURCE).cached, true, "and trusted when loaded again");
    });
  });

  test("a world-writable cache root is not used: a private folder instead, and a warning", { skip: !compiler && "no C compiler" }, () => {
    withCacheDir((dir) => {
      chmodSync(dir, 0o777);
      const { value: lib, warned } = warnings(() => buildLibrary(SOURCE));
      assert.equal(readdirSync(dir).length, 0, "nothing created in the shared root");
      assert.ok(!lib.path.startsWith(dir), lib.path);
      assert.equal(statSync(join(lib.path, "..")).mode & 0o777, 0o700);
      assert.match(warned, /not using the cache folder .*: it is writable by everyone \(mode 777\)/);
      assert.equal(jit((x: number) => x * 7, { cache: true, target: "wasm" })(2), 14);
      assert.equal(readdirSync(dir).length, 0, "nor by the wasm cache");
    });
  });

  test("a group-writable entry is refused, recompiled and replaced, with a warning", { skip: !compiler && "no C compiler" }, () => {
    withCacheDir(() => {
      const first = buildLibrary(SOURCE);
      chmodSync(first.path, 0o660);
      const { value: again, warned } = warnings(() => buildLibrary(SOURCE));
      assert.equal(again.cached, false, "recompiled");
      assert.equal(again.path, first.path);
      assert.match(warned, /not loading the cache entry .*: it is writable by its group \(mode 660\); compiling it again/);
      assert.equal(statSync(again.path).mode & 0o022, 0, "the replacement is private");
      assert.equal(buildLibrary(SOURCE).cached, true);
    });
  });

  test("an entry owned by another user is refused and replaced (native and wasm)", { skip: (!isRoot && "needs root to chown") || (!compiler && "no C compiler") }, () => {
    withCacheDir((dir) => {
      const first = buildLibrary(SOURCE);
      chownSync(first.path, NOBODY, NOBODY);
      const { value: again, warned } = warnings(() => buildLibrary(SOURCE));
      assert.equal(again.cached, false);
      assert.match(warned, new RegExp(`owned by uid ${NOBODY}, not by this user`));
      assert.equal(statSync(again.path).uid, process.getuid!());
      // wasm: a planted entry with a valid checksum is not loaded
      const sq = jit(function sq(x: number) { return x * x; }, { cache: true, target: "wasm" });
      assert.equal(sq(3), 9);
      const [name] = readdirSync(join(dir, "wasm"));
      chownSync(join(dir, "wasm", name!), NOBODY, NOBODY);
      const { warned: w2 } = warnings(() => assert.equal(jit(function sq(x: number) { return x * x; }, { cache: true, target: "wasm" })(3), 9));
      assert.match(w2, /not loading the cache entry .*\.nbw: it is owned by uid 65534/);
      assert.equal(statSync(join(dir, "wasm", name!)).uid, process.getuid!(), "rewritten by its owner");
    });
  });

  test("a cache folder owned by another user is not used", { skip: (!isRoot && "needs root to chown") || (!compiler && "no C compiler") }, () => {
    withCacheDir((dir) => {
      mkdirSync(join(dir, "native"), { mode: 0o700 });
      chownSync(join(dir, "native"), NOBODY, NOBODY);
      const { value: lib, warned } = warnings(() => buildLibrary(SOURCE));
      assert.ok(!lib.path.startsWith(dir), lib.path);
      assert.match(warned, new RegExp(`not using the cache folder ${join(dir, "native").replace(/[/.]/g, "\\$&")}: it is owned by uid ${NOBODY}`));
      chownSync(dir, NOBODY, NOBODY);
      rmSync(join(dir, "native"), { recursive: true });
      const { value: lib2, warned: w2 } = warnings(() => buildLibrary(`${SOURCE}// 2\n`));
      assert.ok(!lib2.path.startsWith(dir), lib2.path);
      assert.match(w2, /not using the cache folder .*: it is owned by uid 65534/);
      assert.deepEqual(readdirSync(dir), [], "nothing created in the foreign root");
    });
  });
});

describe("cache: entries loaded once per process", () => {
  test("a second jit() of the same function reads no file: it runs with its entry gone, and writes none", () => {
    withCacheDir((dir) => {
      const A = zeros([3, 3]), B = zeros([3, 3]);
      for (let i = 0; i < 9; i++) { A.data[i] = i + 1; B.data[i] = 9 - i; }
      const expected = Array.from(matrixMultiplyLoops(A, B).data);
      const first = jit(matrixMultiplyLoops, { cache: true });
      first(A, B); // compiles and stores
      assert.equal(entries(dir).size, 1);
      const second = jit(matrixMultiplyLoops, { cache: true });
      assert.deepEqual(Array.from(second(A, B).data), expected); // loads the entry (and keeps it)
      for (const name of readdirSync(join(dir, "wasm"))) rmSync(join(dir, "wasm", name));
      const third = jit(matrixMultiplyLoops, { cache: true });
      assert.deepEqual(Array.from(third(A, B).data), expected);
      assert.equal(entries(dir).size, 0, "the third jit() compiled (and stored) again instead of using the loaded entry");
      assert.match(third.inspect("wat"), /\(func/, "inspect() still recompiles the text of a loaded entry");
    });
  });
});
