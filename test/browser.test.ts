// The browser build end to end: bundles numbat (src/browser/build.ts), serves examples/browser with
// the cross-origin isolation headers (examples/browser/serve.ts), and drives Debian's headless
// Chromium through playwright-core: the page runs the seed example plainly and jitted in its worker,
// and the jitted numbers must be the plain ones, bit for bit, and equal to what Node computes here.
// Then the prange example on two threads (the pool's Web Workers must run some of its chunks), and
// a kernel numbat rejects. A screenshot goes to test-output/browser/ (git-ignored).
//
// Without Chromium the suite is skipped with the reason printed, unless NUMBAT_REQUIRE_BROWSER=1
// (set by .ci/run), where it fails instead. NUMBAT_CHROMIUM names another browser binary.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Server } from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { bundle } from "../src/browser/build.js";
import { serve } from "../examples/browser/serve.js";
import type { RunResult } from "../examples/browser/runner.js";
import { matrixMultiplyLoops } from "../examples/seed.js";
import { prng, randomMatrix } from "../examples/random.js";

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

  before(async () => {
    const b = await bundle();
    console.log(`# bundled ${b.files.length} files; Node-only modules stubbed: ${b.stubbed.join(", ") || "none"}`);
    const s = await serve(0);
    server = s.server;
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox"], timeout: 120_000 });
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

  test("a kernel numbat cannot compile shows its CompileError", async () => {
    const r = await run({ source: "function bad(A, B) { return A.foo; }", n: 4, threads: 1 });
    assert.equal(r.kind, "error");
    assert.match((r as { message: string }).message, /foo/);
    assert.match((await page.textContent("#status")) ?? "", /^Error: /);
    assert.deepEqual(errors, [], "no uncaught errors in the page");
  });
});
