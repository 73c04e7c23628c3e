// Tests of `numbat bench`'s parts that need no benchmark run: reading the bench script's progress
// lines, the time estimates, the progress bar's arithmetic, the terminal and markdown tables, and
// the SVG plot drawn from a fixture result.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatBench, markdownTable, plan, stepOf } from "./cmd-bench.js";
import { type BenchJson, benchPoints, benchSvg, logTicks } from "./plot.js";
import { ProgressBar, StepProgress } from "./progress.js";

const FIXTURE: BenchJson = {
  date: "2026-01-02T03:04:05.000Z",
  machine: { cpu: "Test CPU <x&y>", cores: 2, node: "v20.0.0", numbat: "0.1.0" },
  config: { sizes: [64, 128], quick: false, min_time_s: 0.5 },
  results: [
    {
      n: 64,
      engines: [
        { engine: "plain JS", time_s: 0.0015, runs: 10, gflops: 0.35, vs_plain_js: 1 },
        { engine: "numbat wasm", time_s: 0.00015, runs: 100, gflops: 3.5, vs_plain_js: 10, max_abs_diff: 0, bitwise_identical: true },
        { engine: "Numba @njit", skipped: "--no-python" },
      ],
    },
    {
      n: 128,
      engines: [
        { engine: "plain JS", time_s: 0.012, runs: 5, gflops: 0.35, vs_plain_js: 1 },
        { engine: "numbat wasm", time_s: 0.001, runs: 50, gflops: 4.2, vs_plain_js: 12, max_abs_diff: 0, bitwise_identical: true },
        { engine: "Numba @njit", skipped: "--no-python" },
      ],
    },
  ],
  cold_compile: { wasm: { compile_s: 0.03 }, js: { error: "boom" } },
  import_time: { median_s: 0.07 },
  python: { error: "--no-python" },
  numbat_identical_to_plain_js: true,
  numbat_errors: {},
};

describe("following the bench script", () => {
  test("stepOf() recognises each progress line of bench/matmul.ts", () => {
    assert.equal(stepOf("measuring package import time (5 fresh processes) ...")?.key, "import");
    assert.equal(stepOf("measuring cold compile latency, target wasm (3 fresh processes) ...")?.key, "cold:wasm");
    assert.deepEqual(stepOf("N=512: numbat js ..."), { key: "N=512:numbat js", label: "N=512 numbat js" });
    assert.equal(stepOf("Python reference (/usr/bin/python3 bench/matmul_ref.py) ...")?.key, "python");
    assert.equal(stepOf("numpy  N=64:     0.006 ms (best of 10000)"), undefined);
  });

  test("plan() has a step for every line the script prints, in order, with growing estimates", () => {
    const steps = plan([64, 256, 1024], 0.5, false, true);
    assert.deepEqual(steps.slice(0, 4).map((s) => s.key), ["import", "cold:wasm", "cold:js", "N=64:plain JS"]);
    assert.equal(steps.at(-1)!.key, "python");
    const plain = steps.filter((s) => s.key.endsWith(":plain JS")).map((s) => s.estimate);
    assert.ok(plain[0]! < plain[1]! && plain[1]! < plain[2]!, String(plain));
    assert.ok(plain[0]! >= 0.5, "a point takes at least --min-time");
    assert.ok(!plan([64], 0.2, true, false).some((s) => s.key === "python"));
  });

  test("StepProgress: the fraction grows as steps start, and reaches the end", () => {
    const steps = [{ key: "a", label: "A", estimate: 1 }, { key: "b", label: "B", estimate: 3 }];
    const logged: string[] = [];
    const p = new StepProgress(steps, null, (s) => logged.push(s));
    assert.equal(p.status().fraction, 0);
    p.start("a");
    p.start("nonsense"); // not planned, no label: ignored
    p.start("b");
    const mid = p.status();
    assert.ok(mid.fraction >= 0 && mid.fraction < 1);
    assert.ok(mid.left > 0);
    p.start("c", "C (a step the plan did not know)");
    p.finish();
    assert.equal(p.status().left, 0);
    assert.deepEqual(logged, ["A ...", "B ...", "C (a step the plan did not know) ..."]);
  });

  test("ProgressBar draws within the terminal width and clears its line", () => {
    let out = "";
    const stream = { columns: 60, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    const bar = new ProgressBar(stream);
    bar.draw(0.5, "N=256 numbat wasm", "3s elapsed, ~4s left", true);
    const line = out.split("\r\x1b[K").pop()!;
    assert.ok(line.length <= 59, line);
    assert.match(line, / 50%/);
    bar.log("a message");
    assert.match(out, /a message\n/);
    bar.clear();
    assert.ok(out.endsWith("\r\x1b[K"));
  });
});

describe("reports", () => {
  test("the terminal table has a row per engine and size, and the start-up costs", () => {
    const text = formatBench(FIXTURE);
    assert.match(text, /64 {2}numbat wasm +150\.0 µs/);
    assert.match(text, /128 {2}numbat wasm +1\.00 ms/);
    assert.match(text, /Numba @njit +skipped/);
    assert.match(text, /wasm 30\.0 ms, js error \(boom\)/);
    assert.match(text, /bitwise identical to plain JS/);
  });

  test("the markdown table: one row per N, one column per engine", () => {
    assert.equal(
      markdownTable(FIXTURE),
      [
        "| N | plain JS | numbat wasm | Numba @njit |",
        "|---:|---:|---:|---:|",
        "| 64 | 1.50 ms | 150.0 µs (10.0×) | — |",
        "| 128 | 12.00 ms | 1.00 ms (12.0×) | — |",
      ].join("\n"),
    );
  });
});

describe("the SVG plot", () => {
  test("logTicks: powers of ten, with 1-2-5 steps over short ranges", () => {
    assert.deepEqual(logTicks(0.0011, 9.5), [0.01, 0.1, 1]);
    assert.deepEqual(logTicks(0.3, 4.2), [0.5, 1, 2]);
  });

  test("benchPoints keeps the cells that ran", () => {
    assert.deepEqual(benchPoints(FIXTURE).map((p) => `${p.n} ${p.engine}`), ["64 plain JS", "64 numbat wasm", "128 plain JS", "128 numbat wasm"]);
  });

  test("a standalone, well-formed SVG with both panels, the legend and escaped text", async () => {
    const svg = await benchSvg(FIXTURE);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.trimEnd().endsWith("</svg>"));
    assert.ok(svg.includes("Test CPU &lt;x&amp;y&gt;"));
    for (const s of ["plain JS", "numbat wasm", "time per product", "GFLOP/s"]) assert.ok(svg.includes(s), s);
    assert.ok(!svg.includes("Numba"), "a skipped engine is not drawn");
    assert.ok((svg.match(/<path/g) ?? []).length >= 4, "lines for each engine in both panels");
    assert.ok(!/<style/.test(svg), "Plot's CSS (for HTML pages) is not carried into the file");
    // Tags balance: every element opened is closed (or self-closing).
    const tags = [...svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)];
    const stack: string[] = [];
    for (const [, close, name, self] of tags) {
      if (self) continue;
      if (close) assert.equal(stack.pop(), name, `unbalanced </${name}>`);
      else stack.push(name!);
    }
    assert.deepEqual(stack, []);
  });

  test("no measured points: a clear error", async () => {
    const empty = { ...FIXTURE, results: [{ n: 64, engines: [{ engine: "plain JS", error: "x" }] }] };
    await assert.rejects(benchSvg(empty), /no measured points/);
  });
});
