// The native target against plain JS: the whole differential corpus (bitwise, except the documented
// libm tolerance for transcendental functions), error objects identical to wasm's, zero-copy argument
// passing, returned arrays, the disk cache (hits, corrupted entries, concurrent builders) and the
// error given when there is no C compiler. Skipped, with the reason printed, where no compiler exists.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { corpus } from "../../../test/corpus/index.js";
import { differential, fmt, isNdLike, isTypedArray, jitFn, resolveScope, type AnyFn, type Jitted, type Kernel } from "../../../test/harness.js";
import { jit, zeros, NdArray } from "../../index.js";
import { matrixMultiplyLoops } from "../../../examples/seed.js";
import { buildLibrary, entryIsValid, findCompiler, NO_COMPILER } from "./compiler.js";
import { LIBM_CALL, LIBM_ULPS, closeEnough } from "./tolerance.js";

const compiler = findCompiler();
const skip = compiler ? false : `no C compiler (${NO_COMPILER})`;
if (skip) console.log(`# native tests skipped: ${skip}`);

const NATIVE = "native" as never; // the harness's Target type names js and wasm only

// ---------------------------------------------------------------------------------------------------
// Comparison with the libm tolerance

function closeNumber(actual: unknown, expected: number, where: string, tolerant: boolean): void {
  if (typeof actual === "number" && closeEnough(actual, expected, tolerant)) return;
  assert.fail(`${where}: expected ${fmt(expected)}, got ${fmt(actual)}${tolerant ? ` (more than ${LIBM_ULPS} ulps)` : ""}`);
}

function closeElements(actual: ArrayLike<number>, expected: ArrayLike<number>, where: string, tolerant: boolean): void {
  assert.equal(actual.length, expected.length, `${where}: length`);
  for (let i = 0; i < expected.length; i++) closeNumber(actual[i], expected[i]!, `${where}[${i}]`, tolerant);
}

function closeValue(actual: unknown, expected: unknown, where: string, tolerant: boolean): void {
  if (typeof expected === "number") return closeNumber(actual, expected, where, tolerant);
  if (isTypedArray(expected)) {
    assert.ok(isTypedArray(actual), `${where}: expected ${fmt(expected)}, got ${fmt(actual)}`);
    assert.equal(actual.constructor.name, expected.constructor.name, `${where}: array type`);
    return closeElements(actual, expected, where, tolerant);
  }
  if (isNdLike(expected)) {
    assert.ok(isNdLike(actual), `${where}: expected ${fmt(expected)}, got ${fmt(actual)}`);
    assert.deepEqual([...actual.shape], [...expected.shape], `${where}: shape`);
    const n = expected.shape.reduce((a, b) => a * b, 1);
    const flat = (x: typeof expected): number[] => {
      const out: number[] = [];
      const idx = x.shape.map(() => 0);
      for (let k = 0; k < n; k++) {
        out.push(x.get(...idx));
        for (let d = idx.length - 1; d >= 0 && ++idx[d]! === x.shape[d]; d--) idx[d] = 0;
      }
      return out;
    };
    return closeElements(flat(actual), flat(expected), where, tolerant);
  }
  assert.deepEqual(actual, expected, where);
}

function contents(args: readonly unknown[]): (ArrayLike<number> | null)[] {
  return args.map((a) => (isTypedArray(a) ? Array.from(a) : isNdLike(a) ? Array.from(a.data) : null));
}

/**
 * The corpus check on native. Kernels whose IR calls libm functions (LIBM_FNS) are compared with a
 * tolerance of LIBM_ULPS on every float; all others go through the harness's bitwise `differential`.
 */
function nativeDifferential(k: Kernel): void {
  const jopts = { target: NATIVE, boundscheck: k.boundscheck, scope: resolveScope(k.scope, { target: NATIVE }) };
  const jitted: Jitted = jitFn(k.fn, jopts);
  const probe = k.args();
  let probeError: unknown;
  try { jitted(...probe); } catch (e) { probeError = e; }
  const ir = jitted.signatures && (jitted.signatures as string[]).length ? jitted.inspect!("ir") : "";
  if (!LIBM_CALL.test(ir)) {
    differential(k.name, k.fn, k.args, { scope: k.scope, boundscheck: k.boundscheck, targets: [NATIVE] });
    return;
  }
  if (probeError) throw probeError;
  const ref = k.args();
  const expected = (k.fn as AnyFn)(...ref);
  for (let call = 1; call <= 2; call++) {
    const where = `${k.name} [native, call ${call}, libm tolerance ${LIBM_ULPS} ulps]`;
    const args = k.args();
    closeValue(jitted(...args), expected, `${where}: return value`, true);
    const got = contents(args), want = contents(ref);
    want.forEach((w, i) => { if (w) closeElements(got[i]!, w, `${where}: argument ${i}`, true); });
  }
}

describe("native: differential corpus", { skip }, () => {
  for (const { group, kernels } of corpus) {
    describe(group, () => {
      for (const k of kernels) test(k.name, () => nativeDifferential(k));
    });
  }
  test("cbrt (V8's fdlibm code, ported) is bitwise on values of every magnitude", () => {
    const k = jit((x: Float64Array, out: Float64Array) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.cbrt(x[i]!);
    }, { target: "native" });
    const x = Float64Array.from({ length: 20000 }, (_, i) => (i % 2 ? -1 : 1) * Math.abs(Math.sin(i)) * 10 ** ((i % 617) - 308));
    const out = new Float64Array(x.length);
    k(x, out);
    for (let i = 0; i < x.length; i++) assert.ok(Object.is(out[i], Math.cbrt(x[i]!)), `cbrt(${x[i]})`);
  });
  test("the tolerance is needed only where libm is called: hypot (V8's algorithm, ported) is bitwise", () => {
    const k = jit((x: Float64Array, y: Float64Array, out: Float64Array) => {
      for (let i = 0; i < x.length; i++) out[i] = Math.hypot(x[i]!, y[i]!, 0.5);
    }, { target: "native" });
    const x = Float64Array.from({ length: 2000 }, (_, i) => Math.sin(i) * 10 ** ((i % 40) - 20));
    const y = Float64Array.from({ length: 2000 }, (_, i) => Math.cos(i * 7) * 10 ** ((i % 17) - 8));
    const out = new Float64Array(2000);
    k(x, y, out);
    for (let i = 0; i < 2000; i++) assert.ok(Object.is(out[i], Math.hypot(x[i]!, y[i]!, 0.5)), `hypot at ${i}`);
  });
});

// ---------------------------------------------------------------------------------------------------
// Errors: the same objects as the wasm target

function thrown(f: () => unknown): Error {
  try { f(); } catch (e) { return e as Error; }
  assert.fail("expected a throw");
}

function readPast(data: Float64Array, n: number) {
  let s = 0;
  for (let i = 0; i <= n; i++) s += data[i]!;
  return s;
}
function fractionalIndex(grid: Float64Array) {
  let s = 0;
  for (let i = 0; i < 4; i++) s += grid[i / 2]!;
  return s;
}
function ndWritePast(target: NdArray) {
  for (let i = 0; i < 4; i++) target.set(i, 1, 2.5);
}
function negativeSize(n: number) {
  const a = new Float64Array(n);
  return a.length;
}
function checkedSqrt(x: number): number {
  if (x < 0) throw new RangeError("Negative input.");
  return Math.sqrt(x);
}
function sqrtAll(a: Float64Array) {
  for (let i = 0; i < a.length; i++) a[i] = checkedSqrt(a[i]!);
}
/** Both operands fail: JS order says the left one is reported. */
function twoBadReads(a: Float64Array, b: Float64Array) {
  return a[a.length] + b[b.length + 1];
}

describe("native: run-time errors match wasm", { skip }, () => {
  const cases: [string, AnyFn, () => unknown[], Record<string, unknown>?][] = [
    ["read past the end", readPast, () => [new Float64Array(4), 4]],
    ["non-integer index", fractionalIndex, () => [new Float64Array(8)]],
    ["n-d write past an axis", ndWritePast as AnyFn, () => [zeros([3, 2])]],
    ["negative allocation size", negativeSize, () => [-3]],
    ["user RangeError from a callee", sqrtAll, () => [Float64Array.from([4, -1, 9])], { checkedSqrt }],
    ["the left of two failing operands", twoBadReads, () => [new Float64Array(2), new Float64Array(3)]],
  ];
  for (const [name, fn, args, scope] of cases) {
    test(name, () => {
      const wasm = thrown(() => jit(fn, { target: "wasm", scope })(...args()));
      const nat = thrown(() => jit(fn, { target: "native", scope })(...args()));
      assert.equal(nat.constructor, wasm.constructor, `class: ${nat.message}`);
      assert.equal(nat.message, wasm.message);
    });
  }
  test("writes made before a throw are visible, as in JS", () => {
    const a = Float64Array.from([4, -1, 9]);
    assert.throws(() => jit(sqrtAll, { target: "native", scope: { checkedSqrt } })(a), RangeError);
    assert.deepEqual([...a], [2, -1, 9]);
  });
  test("the seed's Error on mismatched shapes", () => {
    const e = thrown(() => jit(matrixMultiplyLoops, { target: "native" })(zeros([2, 3]), zeros([4, 2])));
    assert.equal(e.constructor, Error);
    assert.equal(e.message, "Inner matrix dimensions must agree.");
  });
});

// ---------------------------------------------------------------------------------------------------
// Memory: zero copy, aliasing, returned arrays

function addInto(a: Float64Array, b: Float64Array) {
  for (let i = 0; i < a.length; i++) a[i] += b[i]!;
}
function shiftLeft(a: Float64Array, b: Float64Array) {
  for (let i = 0; i < b.length; i++) a[i] = b[i]!;
}
function identity(A: NdArray) {
  return A;
}
function fresh(n: number) {
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = i * 1000;
  return out;
}

describe("native: code generation details", { skip }, () => {
  test("negating negative constants and -0", () => {
    const k = (x: number) => -(-5) - -(-0.0) + -(-x) * -(-2.5);
    for (const x of [1, -0, 3.5]) assert.ok(Object.is(jit(k, { target: "native" })(x), k(x)));
  });
});

describe("native: memory", { skip }, () => {
  test("heap arrays, plain typed arrays and SharedArrayBuffer views are written in place", () => {
    const k = jit(addInto, { target: "native" });
    const heapArr = zeros([5]).data as Float64Array;
    const plain = new Float64Array(5);
    const shared = new Float64Array(new SharedArrayBuffer(80), 2 * 8, 5); // offset view of a SAB
    const b = Float64Array.from([1, 2, 3, 4, 5]);
    for (const a of [heapArr, plain, shared]) {
      k(a, b);
      assert.deepEqual([...a], [1, 2, 3, 4, 5]);
    }
  });
  test("overlapping views of one buffer alias as in JS", () => {
    const make = (): Float64Array[] => {
      const buf = new Float64Array([0, 1, 2, 3, 4, 5, 6, 7]);
      return [buf.subarray(0, 7), buf.subarray(1, 8)];
    };
    const [pa, pb] = make();
    shiftLeft(pa!, pb!);
    const [na, nb] = make();
    jit(shiftLeft, { target: "native" })(na!, nb!);
    assert.deepEqual([...na!], [...pa!]);
  });
  test("a returned argument is the caller's own object; an allocation is a numbat array", () => {
    const A = zeros([2, 3]);
    assert.equal(jit(identity as AnyFn, { target: "native" })(A), A);
    const r = jit(fresh, { target: "native" })(5) as Int16Array;
    assert.ok(r instanceof Int16Array);
    assert.deepEqual([...r], [0, 1000, 2000, 3000, 4000]);
    const C = jit(matrixMultiplyLoops, { target: "native" })(zeros([2, 2]), zeros([2, 2]));
    assert.ok(C instanceof NdArray);
  });
  test("Math.random gives floats in [0, 1)", () => {
    const k = jit((out: Float64Array) => {
      for (let i = 0; i < out.length; i++) out[i] = Math.random();
    }, { target: "native" });
    const out = new Float64Array(1000);
    k(out);
    assert.ok(out.every((x) => x >= 0 && x < 1));
    assert.ok(new Set(out).size > 990);
  });
});

// ---------------------------------------------------------------------------------------------------
// Targets and introspection

describe("native: target option", { skip }, () => {
  test('"auto" stays wasm', () => {
    const k = jit(readPast, {});
    k(new Float64Array(3), 2);
    assert.match(k.inspect("wat"), /func/);
    assert.throws(() => k.inspect("c"), /not available for target "wasm"/);
  });
  test('inspect("c") shows the generated C', () => {
    const k = jit(readPast, { target: "native" });
    k(new Float64Array(3), 2);
    assert.match(k.inspect("c"), /NB_EXPORT int32_t nb_main\(double \*nb_out/);
    assert.throws(() => k.inspect("wat"), /try "ir" or "c"/);
  });
});

const here = fileURLToPath(new URL(".", import.meta.url));
const indexJs = join(here, "..", "..", "index.js");

describe("native: no C compiler", () => {
  test("findCompiler finds nothing on an empty PATH", () => {
    assert.equal(findCompiler({ PATH: "/nonexistent" }), undefined);
  });
  test('target: "native" throws an Error naming what is missing', () => {
    const script = `import(${JSON.stringify(indexJs)}).then(({ jit }) => {
      try { jit((x) => x + 1, { target: "native" }); console.log("no error"); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
    });`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, NUMBAT_CC: "/nonexistent/cc" } });
    assert.match(r.stdout, /^Error: numbat: no C compiler found: install gcc or clang \(apt-get install gcc\), or use target: 'wasm'/);
  });
});

// ---------------------------------------------------------------------------------------------------
// The disk cache

describe("native: disk cache", { skip }, () => {
  let dir = "";
  before(() => { dir = mkdtempSync(join(tmpdir(), "numbat-cache-test-")); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const source = (tag: string): string => `/* ${tag} */\n__attribute__((visibility("default"))) int nb_answer(void) { return 42; }\n`;

  test("a second build is a cache hit; cold and cached latencies", () => {
    const cold = buildLibrary(source("hit"), { cacheDir: dir });
    const hit = buildLibrary(source("hit"), { cacheDir: dir });
    assert.equal(cold.cached, false);
    assert.equal(hit.cached, true);
    assert.equal(hit.path, cold.path);
    console.log(`# native cache: cold compile ${cold.ms.toFixed(1)} ms, cache hit ${hit.ms.toFixed(2)} ms`);
  });

  test("a truncated or corrupted entry is rebuilt", () => {
    const first = buildLibrary(source("corrupt"), { cacheDir: dir });
    truncateSync(first.path, Math.floor(statSync(first.path).size / 2));
    assert.equal(entryIsValid(first.path), false);
    const again = buildLibrary(source("corrupt"), { cacheDir: dir });
    assert.equal(again.cached, false);
    assert.equal(entryIsValid(again.path), true);
    writeFileSync(again.path, "garbage");
    assert.equal(buildLibrary(source("corrupt"), { cacheDir: dir }).cached, false);
  });

  test("a kernel whose cached library was damaged still runs (rebuilt)", () => {
    const env = { ...process.env, NUMBAT_CACHE_DIR: dir };
    const script = `import(${JSON.stringify(indexJs)}).then(({ jit }) => {
      const k = jit(function damaged(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 3; return s; }, { target: "native" });
      console.log(k(Float64Array.from([1, 2, 3])));
    });`;
    const run = (): string => spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env }).stdout.trim();
    assert.equal(run(), "18");
    for (const f of readdirSync(join(dir, "native"))) if (f.endsWith(".so")) truncateSync(join(dir, "native", f), 100);
    assert.equal(run(), "18");
  });

  test("concurrent processes building the same library all succeed and leave one valid entry", async () => {
    const shared = mkdtempSync(join(tmpdir(), "numbat-cache-race-"));
    const compilerJs = join(here, "compiler.js");
    const script = `import(${JSON.stringify(compilerJs)}).then(({ buildLibrary }) => {
      const r = buildLibrary(${JSON.stringify(source("race"))}, { cacheDir: ${JSON.stringify(shared)} });
      console.log(r.path);
    });`;
    const runs = Array.from({ length: 4 }, () => new Promise<{ code: number | null; out: string }>((resolve) => {
      const p = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      p.stdout.on("data", (d) => (out += d));
      p.on("close", (code) => resolve({ code, out: out.trim() }));
    }));
    const results = await Promise.all(runs);
    try {
      assert.ok(results.every((r) => r.code === 0), JSON.stringify(results));
      const paths = new Set(results.map((r) => r.out));
      assert.equal(paths.size, 1);
      const path = [...paths][0]!;
      assert.ok(existsSync(path) && entryIsValid(path));
      assert.deepEqual(readdirSync(shared).filter((f) => f.includes(".tmp")), []);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
