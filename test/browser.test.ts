// The browser build end to end: bundles numbat (src/browser/build.ts), serves examples/browser with
// the cross-origin isolation headers (examples/browser/serve.ts), and drives Debian's headless
// Chromium through playwright-core: the page runs the seed example plainly and jitted in its worker,
// and the jitted numbers must be the plain ones, bit for bit, and equal to what Node computes here.
// Then the prange example on two threads (the pool's Web Workers must run some of its chunks), a
// kernel numbat rejects, and the GPU section: the tiled kernel and the offloaded prange nest with
// target "webgpu" on the browser's navigator.gpu, whose products must match the simulator's (run here
// in Node) and plain JS in float32 within test/webgpu.test.ts's tolerance. Screenshots go to
// test-output/browser/ (git-ignored).
//
// Without Chromium the suite is skipped with the reason printed, unless NUMBAT_REQUIRE_BROWSER=1
// (set by .ci/run), where it fails instead. NUMBAT_CHROMIUM names another browser binary.
//
// WebGPU: on a machine without a GPU, headless Chromium offers SwiftShader's adapter (WebGPU on the
// CPU) only with --enable-unsafe-webgpu (without it, requestAdapter() gives null: Chromium blocklists
// the fallback adapter); with a GPU the same flag lifts the blocklist. Where the page still finds no
// adapter the GPU test is skipped with the reason, unless NUMBAT_REQUIRE_WEBGPU=1 (.ci/run), where it
// fails.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Server } from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { bundle } from "../src/browser/build.js";
import { serve } from "../examples/browser/serve.js";
import type { RunResult } from "../examples/browser/runner.js";
import { REL_TOLERANCE, TILE, matmulF32, maxAbsDiff, offloadFunction, randomF32, tiledFunction, type GpuResult, type GpuUnavailable } from "../examples/browser/gpu.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { prng, randomMatrix } from "../examples/random.js";
import { jit, kernel } from "../src/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", ".."); // dist/test -> repository
const OUT = join(ROOT, "test-output", "browser");

function findChromium(): string | undefined {
  const env = process.env.NUMBAT_CHROMIUM;
  if (env) return env;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
}

/** What makes headless Chromium offer a WebGPU adapter, SwiftShader's on a machine without a GPU. */
const WEBGPU_FLAGS = ["--enable-unsafe-webgpu"];

/** The browser build, made once for both suites. */
let bundled: ReturnType<typeof bundle> | undefined;
const bundleOnce = (): ReturnType<typeof bundle> => (bundled ??= bundle());

const executablePath = findChromium();
const required = process.env.NUMBAT_REQUIRE_BROWSER === "1";
const skip = executablePath ? false : "no Chromium found (apt-get install chromium, or set NUMBAT_CHROMIUM)";
if (skip) console.log(`# browser tests skipped: ${skip}`);

test("a browser is available where one is required (NUMBAT_REQUIRE_BROWSER=1)", { skip: !required && "NUMBAT_REQUIRE_BROWSER is not set" }, () => {
  assert.ok(executablePath, `NUMBAT_REQUIRE_BROWSER=1 but ${skip}`);
});

describe("browser: the example page", { skip }, () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const errors: string[] = [];

  let stubbed: string[] = [];

  before(async () => {
    const b = await bundleOnce();
    stubbed = b.stubbed;
    console.log(`# bundled ${b.files.length} files; Node-only modules stubbed: ${b.stubbed.join(", ") || "none"}`);
    const s = await serve(0);
    server = s.server;
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox", ...WEBGPU_FLAGS], timeout: 120_000 });
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(s.url);
    await page.waitForFunction(() => (globalThis as { numbatReady?: boolean }).numbatReady === true, null, { timeout: 120_000 });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Picks an example (or types `source`), clicks Run, and returns the page's result. */
  async function run(opts: { example?: string; source?: string; n: number; threads: number }): Promise<RunResult | { kind: "error"; message: string }> {
    if (opts.example) await page.selectOption("#example", opts.example);
    if (opts.source !== undefined) await page.fill("#source", opts.source);
    await page.fill("#n", String(opts.n));
    await page.fill("#threads", String(opts.threads));
    await page.click("#run");
    await page.waitForFunction(() => (globalThis as { numbatResult?: unknown }).numbatResult !== undefined, null, { timeout: 120_000 });
    return page.evaluate(() => (globalThis as unknown as { numbatResult: RunResult }).numbatResult);
  }

  test("the page is cross-origin isolated and preloaded with the seed example", async () => {
    assert.equal(await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated), true);
    const words = (s: string): string => s.replace(/\s+/g, " "); // examples/seed.ts as written vs tsc's reprint
    assert.equal(words(await page.inputValue("#source")), words(matrixMultiplyLoops.toString()));
  });

  test("the seed example: jitted gives the plain bits, and the numbers Node computes", async () => {
    const n = 96;
    const r = await run({ n, threads: 1 });
    assert.equal(r.kind, "result", JSON.stringify(r));
    const res = r as RunResult;
    assert.equal(res.same, true, "every element of the jitted product has the plain one's bits");
    const next = prng(42);
    const A = randomMatrix(n, n, next), B = randomMatrix(n, n, next);
    let sum = 0;
    for (const v of matrixMultiplyLoops(A, B).data) sum += v;
    assert.ok(Object.is(res.checksum, sum), `browser checksum ${res.checksum} vs Node ${sum}`);
    assert.equal(await page.textContent("#same"), "yes, every element");
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, "seed.png"), fullPage: true });
    console.log(`# browser: n=${n} plain ${res.plainMs.toFixed(1)} ms, jitted ${res.jitMs.toFixed(2)} ms, first call ${res.firstCallMs.toFixed(1)} ms; screenshot ${join(OUT, "seed.png")}`);
  });

  test("prange on two threads: same bits, and the pool's Web Workers run chunks", async () => {
    let r: RunResult | undefined;
    // The pool's threads start in the background; on a busy machine the calling thread may take
    // every chunk of the first few loops. A few tries at most.
    for (let attempt = 0; attempt < 5 && !(r && r.workerChunks > 0); attempt++) {
      const got = await run({ example: "parallel", n: 160, threads: 2 });
      assert.equal(got.kind, "result", JSON.stringify(got));
      r = got as RunResult;
      assert.equal(r.same, true, "parallel rows give the plain bits");
    }
    assert.ok(r!.poolWorkers >= 1, "a pool worker was started");
    assert.ok(r!.workerChunks > 0, `the pool's workers ran no chunk: ${JSON.stringify(r)}`);
  });

  test("numbat-python.js: the seed's Python compiles in the page, same bits as the JS loops, ValueError", async () => {
    const seedPy = readFileSync(join(ROOT, "examples", "seed.py"), "utf8");
    const r = await page.evaluate(async (src) => {
      const m = await import("/numbat-python.js" as string);
      const f = m.compile(src).matrix_multiply_loops;
      const n = 24, A = m.zeros([n, n]), B = m.zeros([n, n]);
      for (let k = 0; k < n * n; k++) { A.data[k] = Math.sin(k) * 3; B.data[k] = Math.cos(k * 0.7) / 3; }
      const C = f(A, B);
      let same = true;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        let c = 0;
        for (let k = 0; k < n; k++) c += A.get(i, k) * B.get(k, j);
        if (!Object.is(c, C.get(i, j))) same = false;
      }
      let error = "";
      try { f(m.zeros([2, 3]), m.zeros([2, 2])); } catch (e) { error = (e as Error).name; }
      return { same, error };
    }, seedPy);
    assert.deepEqual(r, { same: true, error: "ValueError" });
  });

  test("a kernel numbat cannot compile shows its CompileError", async () => {
    const r = await run({ source: "function bad(A, B) { return A.foo; }", n: 4, threads: 1 });
    assert.equal(r.kind, "error");
    assert.match((r as { message: string }).message, /foo/);
    assert.match((await page.textContent("#status")) ?? "", /^Error: /);
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  });

  test("the bundle keeps the WebGPU backend: only its Node loader (Dawn, SwiftShader, koffi) is stubbed", () => {
    assert.deepEqual(stubbed.filter((m) => m.includes("webgpu")), ["backends/webgpu/node-gpu.js"]);
    const code = readFileSync(join(ROOT, "dist", "browser", "numbat.js"), "utf8");
    assert.match(code, /navigator/);
    assert.match(code, /createComputePipelineAsync/, "the WebGPU target is in the bundle");
    assert.doesNotMatch(code, /import\(\s*["'](?:webgpu|koffi)["']\s*\)|from\s*["'](?:webgpu|koffi)["']/, "neither Dawn nor koffi is imported");
  });

  test("WebGPU: the tiled kernel and the offloaded prange nest on navigator.gpu give the simulator's products", async (t) => {
    await page.waitForFunction(() => (globalThis as { numbatAdapter?: unknown }).numbatAdapter !== undefined, null, { timeout: 120_000 });
    const probe = await page.evaluate(() => (globalThis as unknown as { numbatAdapter: { name: string | null; reason?: string } }).numbatAdapter);
    if (probe.name === null) {
      const why = `headless Chromium (${WEBGPU_FLAGS.join(" ")}) offers no WebGPU adapter: ${probe.reason}`;
      if (process.env.NUMBAT_REQUIRE_WEBGPU === "1") assert.fail(`NUMBAT_REQUIRE_WEBGPU=1 but ${why}`);
      console.log(`# browser WebGPU test skipped: ${why}`);
      t.skip(why);
      return;
    }
    const n = 72; // not a multiple of TILE: the tiled kernel's edge guards matter
    assert.notEqual(n % TILE, 0);
    await page.fill("#gpu-n", String(n));
    await page.click("#gpu-run");
    await page.waitForFunction(() => (globalThis as { numbatGpuResult?: unknown }).numbatGpuResult !== undefined, null, { timeout: 300_000 });
    const got = await page.evaluate(() => {
      const r = (globalThis as unknown as { numbatGpuResult: GpuResult | GpuUnavailable | { kind: "error"; message: string } }).numbatGpuResult;
      return "C" in r ? { ...r, C: Array.from(r.C), Coffloaded: Array.from(r.Coffloaded) } : r;
    });
    assert.equal(got.kind, "gpu", JSON.stringify(got));
    assert.ok("C" in got && got.adapter !== null, JSON.stringify(got));
    assert.equal(got.adapter, probe.name, "the page reports the adapter it ran on");
    assert.ok(got.adapter.length > 0);
    assert.match((await page.textContent("#gpu-status")) ?? "", new RegExp(`n = ${n} on ${got.adapter.replace(/\W/g, "\\$&")}`));

    // The reference: the same kernels on the simulator in float32, here in Node, and plain JS in float32.
    const [A, B] = randomF32(n);
    const sim = new Float32Array(n * n), simOffloaded = new Float32Array(n * n);
    const groups = Math.ceil(n / TILE);
    await kernel(tiledFunction(), { target: "gpusim", float: "f32", scope: { TILE } }).launch({ groups: [groups, groups], groupSize: [TILE, TILE] }, A, B, sim, n);
    await jit(offloadFunction(), { target: "gpusim", float: "f32" })(A, B, simOffloaded, n);
    const plain = matmulF32(A, B, n);
    assert.equal(maxAbsDiff(sim, plain), 0, "the simulator in float32 is plain JS with Math.fround (same summation order)");
    const within = (want: Float32Array, have: number[], what: string): void => {
      assert.equal(have.length, want.length, what);
      for (let i = 0; i < want.length; i++)
        if (!(Math.abs(want[i]! - have[i]!) <= REL_TOLERANCE * Math.max(1, Math.abs(want[i]!))))
          assert.fail(`${what}, element ${i}: simulator ${want[i]}, WebGPU in Chromium ${have[i]} (tolerance ${REL_TOLERANCE} relative)`);
    };
    within(sim, got.C, "tiled kernel");
    within(simOffloaded, got.Coffloaded, "offloaded prange nest");
    // What the page shows is what it computed.
    assert.equal(got.tiled.maxDiff, maxAbsDiff(got.C, plain));
    assert.equal(got.offloaded.maxDiff, maxAbsDiff(got.Coffloaded, plain));
    assert.ok(got.tiled.ok && got.offloaded.ok);
    assert.match((await page.textContent("#tiled-diff")) ?? "", /\u2713/);
    assert.ok(got.tiled.gflops > 0 && got.offloaded.gflops > 0);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, "gpu.png"), fullPage: true });
    console.log(`# browser WebGPU on ${got.adapter}${got.fallback ? " (fallback adapter)" : ""}: n=${n}, tiled ${got.tiled.ms.toFixed(1)} ms (first call ${got.tiled.firstMs.toFixed(0)} ms), ` +
      `offloaded ${got.offloaded.ms.toFixed(1)} ms; max |diff| vs plain f32 ${got.tiled.maxDiff} / ${got.offloaded.maxDiff}; screenshot ${join(OUT, "gpu.png")}`);
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  });
});

describe("browser: WebGPU where Chromium offers no adapter", { skip }, () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  before(async () => {
    await bundleOnce();
    const s = await serve(0);
    server = s.server;
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox"], timeout: 120_000 }); // no --enable-unsafe-webgpu
    page = await browser.newPage();
    await page.goto(s.url);
    await page.waitForFunction(() => (globalThis as { numbatAdapter?: unknown }).numbatAdapter !== undefined, null, { timeout: 120_000 });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test("the GPU section says why; a WebGPU kernel fails with an Error naming the cause; gpusim still runs", async (t) => {
    const probe = await page.evaluate(() => (globalThis as unknown as { numbatAdapter: { name: string | null } }).numbatAdapter);
    if (probe.name !== null) return void t.skip(`Chromium offers an adapter (${probe.name}) even without ${WEBGPU_FLAGS.join(" ")}: a GPU is present`);
    assert.match((await page.textContent("#gpu-status")) ?? "", /^No WebGPU here: .*requestAdapter\(\) found no adapter/);
    assert.equal(await page.isDisabled("#gpu-run"), true);
    // numbat itself, on the page's main thread: the same kernel on webgpu (refused) and on gpusim (runs).
    const r = await page.evaluate(async () => {
      const nb = await import(new URL("numbat.js", (globalThis as unknown as { location: { href: string } }).location.href).href);
      const fn = new Function("gpu", `return function twice(x, n) { const i = gpu.globalId.x; if (i < n) x[i] = 2 * x[i]; }`)(nb.gpu);
      const x = new Float32Array([1, 2, 3]);
      let message = "";
      try {
        await nb.kernel(fn, { target: "webgpu" }).launch({ groups: 1, groupSize: 64 }, x, 3);
      } catch (e) {
        message = String((e as Error).message);
      }
      await nb.kernel(fn, { target: "gpusim", float: "f32" }).launch({ groups: 1, groupSize: 64 }, x, 3);
      return { message, x: Array.from(x) };
    });
    assert.match(r.message, /the "webgpu" target is not available here: navigator\.gpu\.requestAdapter\(\) found no GPU adapter.*--enable-unsafe-webgpu/);
    assert.deepEqual(r.x, [2, 4, 6], "the webgpu launch wrote nothing; the gpusim one doubled x once");
  });
});
