// `numbat bench`: runs the seed comparison (bench/matmul.ts, as a child process, so that every
// measurement and check stays in one place) over a range of N with a progress bar, then prints a
// table and writes the JSON and an SVG plot. `--from FILE.json` redraws from an earlier run.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { type Command, UsageError, parse, parseSizes } from "./command.js";
import { type BenchCell, type BenchJson, benchSvg } from "./plot.js";
import { ProgressBar, type Step, StepProgress } from "./progress.js";
import { bold, dim, fmtTime, green, red, renderTable } from "./table.js";

const DEFAULT_SIZES = [64, 128, 256, 512, 1024];
const QUICK_SIZES = [64, 128, 256];

const HELP = `usage: numbat bench [--sizes 64,128,256,512,1024] [--quick] [--no-python] [--min-time S]
                    [--out FILE.json] [--svg FILE.svg] [--json | --markdown] [--no-progress]
       numbat bench --from FILE.json [--svg FILE.svg] [--json | --markdown]

The seed's comparison: the naive i-j-k matrix product of two N x N float64 matrices, run as
  plain JS             the function itself, in V8
  numbat wasm, js      jit() on each available target
  Numba @njit          the same loops in Python, and numpy's A @ B (BLAS), through Debian's
  numpy A@B (BLAS)     /usr/bin/python3 when python3-numba and python3-numpy are installed
over a range of N; every numbat result is checked bit for bit against plain JS. It prints a
table, writes the JSON (all figures, machine description) and an SVG plot of time and GFLOP/s
against N on log scales. bench/README.md explains each figure.

A full run takes a few minutes (plain JS at N = 1024 alone takes about 30 s); a progress bar
on stderr shows how far it is.

options:
  --sizes LIST     matrix sizes (default ${DEFAULT_SIZES.join(",")}; with --quick ${QUICK_SIZES.join(",")})
  --quick          fewer sizes and shorter measurements
  --no-python      skip numpy and Numba
  --min-time S     measure each point for at least S seconds (default 0.5; 0.2 with --quick)
  --out FILE       where to write the JSON (default numbat-bench.json)
  --svg FILE       where to write the plot (default: the JSON's path with .svg)
  --json           print the JSON on stdout instead of the table
  --markdown       print a markdown table (time and speed-up over plain JS) instead
  --no-progress    plain log lines instead of the progress bar
  --from FILE      do not run: print the table and draw the plot of an earlier run's JSON
  -h, --help       this text

Exit status: 0; 1 when a numbat result differs from plain JS or a target failed; 2 on a usage
error. NUMBAT_PYTHON=/path/to/python3 picks another Python.`;

// Rough speeds (GFLOP/s) of each engine, only for the progress bar's first time estimates.
const RATE: Record<string, number> = { "plain JS": 0.08, "numbat wasm": 0.5, "numbat js": 0.3 };

/** Seconds the bench's timing rule spends on a point whose one run takes `t1` (bench/README.md). */
function pointTime(t1: number, minTime: number, quick: boolean): number {
  if (t1 >= 8 || (quick && t1 >= 1)) return t1;
  if (t1 >= 1) return 2 * t1;
  return Math.max(3 * t1, minTime + t1);
}

/** The steps bench/matmul.ts goes through, in order, keyed by what it prints on stderr. */
export function plan(sizes: number[], minTime: number, quick: boolean, python: boolean): Step[] {
  const steps: Step[] = [
    { key: "import", label: "package import time", estimate: 1.2 },
    { key: "cold:wasm", label: "cold compile, wasm", estimate: 1.2 },
    { key: "cold:js", label: "cold compile, js", estimate: 1.2 },
  ];
  for (const n of sizes)
    for (const engine of ["plain JS", "numbat wasm", "numbat js"])
      steps.push({ key: `N=${n}:${engine}`, label: `N=${n} ${engine}`, estimate: pointTime((2 * n ** 3) / (RATE[engine]! * 1e9), minTime, quick) });
  if (python) {
    const py = sizes.reduce((a, n) => a + pointTime((2 * n ** 3) / 0.9e9, minTime, quick) + pointTime((2 * n ** 3) / 30e9, minTime, quick), 2);
    steps.push({ key: "python", label: "numpy and Numba", estimate: py });
  }
  return steps;
}

/** Which step a line of the bench's stderr starts, if any: its key, and a label for steps not in the plan. */
export function stepOf(line: string): { key: string; label?: string } | undefined {
  if (/^measuring package import time/.test(line)) return { key: "import" };
  const cold = /^measuring cold compile latency, target (\w+)/.exec(line);
  if (cold) return { key: `cold:${cold[1]}`, label: `cold compile, ${cold[1]}` };
  const run = /^N=(\d+): (.+?) \.\.\.$/.exec(line);
  if (run) return { key: `N=${run[1]}:${run[2]}`, label: `N=${run[1]} ${run[2]}` };
  if (/^Python reference/.test(line)) return { key: "python" };
  return undefined;
}

function benchScript(): string {
  return fileURLToPath(new URL("../../bench/matmul.js", import.meta.url));
}

/** Runs bench/matmul.js; resolves to its exit status. Its stdout (its own table) is kept for errors. */
async function runBench(args: string[], steps: Step[], bar: boolean): Promise<{ status: number; stdout: string }> {
  const child = spawn(process.execPath, [benchScript(), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const progress = bar ? new StepProgress(steps, new ProgressBar()) : null;
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  const onInt = () => child.kill("SIGINT");
  process.on("SIGINT", onInt);
  const lines = createInterface({ input: child.stderr });
  lines.on("line", (line) => {
    if (!progress) return void process.stderr.write(line + "\n");
    const step = stepOf(line);
    if (step) progress.start(step.key, step.label);
    else if (!/^(numpy|numba)\b/.test(line)) progress.note(line); // Python's per-size lines: the bar says it
  });
  const status = await new Promise<number>((done) => child.on("close", (code, signal) => done(code ?? (signal ? 130 : 1))));
  process.off("SIGINT", onInt);
  progress?.finish();
  return { status, stdout };
}

function fmtDiff(c: BenchCell): string {
  if (c.max_abs_diff === undefined || c.max_abs_diff === null) return "—";
  if (c.bitwise_identical) return "0 (bitwise)";
  return c.max_abs_diff === 0 ? "0 (±0 differ)" : c.max_abs_diff.toExponential(1);
}

/** The terminal report of a run: the table and the start-up costs. */
export function formatBench(json: BenchJson): string {
  const rows: (string[] | null)[] = [];
  json.results.forEach(({ n, engines }, i) => {
    if (i > 0) rows.push(null);
    for (const c of engines) {
      if (c.skipped !== undefined || c.error !== undefined) {
        rows.push([String(n), c.engine, c.skipped !== undefined ? "skipped" : red("error"), "", "", "", (c.skipped ?? c.error)!]);
        continue;
      }
      const g = c.gflops!, v = c.vs_plain_js!;
      rows.push([String(n), c.engine, fmtTime(c.time_s!), String(c.runs ?? ""), g.toFixed(g >= 100 ? 0 : 2), `${v.toFixed(v >= 100 ? 0 : 2)}x`, fmtDiff(c)]);
    }
  });
  const out = [
    bold("numbat bench") + " — the seed's naive i-j-k matrix product, float64, N x N",
    dim(`${json.machine.cpu} · ${json.machine.cores} cores · node ${json.machine.node} · numbat ${json.machine.numbat} · ${json.date}`),
    "",
    renderTable(
      [{ head: "N", right: true }, { head: "engine" }, { head: "time (best)", right: true }, { head: "runs", right: true }, { head: "GFLOP/s", right: true }, { head: "vs plain JS", right: true }, { head: "max |Δ| vs plain JS", max: 60 }],
      rows,
    ),
    "",
  ];
  const ms = (s: number | undefined) => (s === undefined ? "—" : `${(s * 1e3).toFixed(1)} ms`);
  const cold = Object.entries(json.cold_compile ?? {}).map(([t, c]) => `${t} ${c.error ? `error (${c.error.slice(0, 60)})` : ms(c.compile_s)}`);
  if (cold.length) out.push(`numbat cold compile latency (fresh process): ${cold.join(", ")}`);
  if (json.import_time) out.push(`numbat package import: ${json.import_time.error ? `error (${json.import_time.error})` : ms(json.import_time.median_s)}`);
  const py = json.python;
  if (py && !py.error) out.push(`Python ${py.python}, numpy ${py.numpy}, Numba ${py.numba} (compile ${ms(py.numba_compile_s)}), BLAS: ${(py.blas ?? []).map((b) => b.split("/").pop()).join(", ") || "unknown"}`);
  else if (py?.error) out.push(`numpy / Numba: skipped (${py.error})`);
  const failed = Object.entries(json.numbat_errors ?? {});
  if (json.numbat_identical_to_plain_js === false) out.push(red("MISMATCH: a numbat result differs from plain JS (last column)."));
  else out.push(green("numbat results are bitwise identical to plain JS") + (failed.length ? " where they ran." : " at every size."));
  for (const [t, e] of failed) out.push(red(`FAILED: numbat target ${t}: ${e}`));
  return out.join("\n");
}

/**
 * A markdown table of a run for the docs: one row per N, one column per engine, each cell the best
 * time and the speed-up over plain JS (docs/tutorial.md embeds it; test/docs.test.ts checks it).
 */
export function markdownTable(json: BenchJson): string {
  const engines = [...new Set(json.results.flatMap((r) => r.engines.map((c) => c.engine)))];
  const cell = (c: BenchCell | undefined) => {
    if (!c || c.time_s === undefined || c.error !== undefined || c.skipped !== undefined) return "—";
    const v = c.vs_plain_js!;
    return c.engine === "plain JS" ? fmtTime(c.time_s) : `${fmtTime(c.time_s)} (${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)}×)`;
  };
  const head = `| N | ${engines.join(" | ")} |`;
  const rule = `|${"---:|".repeat(engines.length + 1)}`;
  const rows = json.results.map(({ n, engines: cells }) => `| ${n} | ${engines.map((e) => cell(cells.find((c) => c.engine === e))).join(" | ")} |`);
  return [head, rule, ...rows].join("\n");
}

export const benchCommand: Command = {
  name: "bench",
  summary: "the seed's matrix product: plain JS, numbat, numpy/Numba over a range of N; table, JSON, SVG plot",
  help: HELP,
  async run(argv) {
    const { values } = parse(argv, {
      sizes: { type: "string" },
      quick: { type: "boolean" },
      "no-python": { type: "boolean" },
      "min-time": { type: "string" },
      out: { type: "string" },
      svg: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      "no-progress": { type: "boolean" },
      from: { type: "string" },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const say = (s: string) => (values.json || values.markdown ? console.error(s) : console.log(s));
    let json: BenchJson;
    let status = 0;
    let jsonPath: string;
    if (values.from !== undefined) {
      for (const f of ["sizes", "quick", "no-python", "min-time", "out"] as const)
        if (values[f] !== undefined) throw new UsageError(`--${f} does nothing with --from (it only redraws)`);
      jsonPath = resolve(values.from);
      if (!existsSync(jsonPath)) throw new UsageError(`no such file: ${values.from}`);
      json = JSON.parse(readFileSync(jsonPath, "utf8")) as BenchJson;
      if (!Array.isArray(json.results)) throw new UsageError(`${values.from} is not a numbat bench result (no "results")`);
    } else {
      if (!existsSync(benchScript()))
        throw new UsageError(`the benchmark script ${benchScript()} is missing: it is part of the numbat repository (bench/matmul.ts), not of the npm package; clone the repository and run npm ci && npm run build`);
      const quick = !!values.quick;
      const sizes = values.sizes !== undefined ? parseSizes(values.sizes, "--sizes") : quick ? QUICK_SIZES : DEFAULT_SIZES;
      const minTime = values["min-time"] !== undefined ? Number(values["min-time"]) : quick ? 0.2 : 0.5;
      if (!(minTime > 0)) throw new UsageError("--min-time takes a number of seconds, e.g. --min-time 0.5");
      jsonPath = resolve(values.out ?? "numbat-bench.json");
      const args = ["--sizes", sizes.join(","), "--min-time", String(minTime), "--out", jsonPath];
      if (quick) args.push("--quick");
      if (values["no-python"]) args.push("--no-python");
      const bar = !values["no-progress"] && !!process.stderr.isTTY;
      const started = Date.now();
      const run = await runBench(args, plan(sizes, minTime, quick, !values["no-python"]), bar);
      // The script writes its JSON last: an older file at that path is not this run's result.
      if (!existsSync(jsonPath) || statSync(jsonPath).mtimeMs < started - 1000) {
        console.error(run.stdout);
        console.error(red(`numbat bench: the benchmark exited with status ${run.status} and wrote no results`));
        return run.status || 1;
      }
      json = JSON.parse(readFileSync(jsonPath, "utf8")) as BenchJson;
      status = run.status;
    }
    if (values.json) console.log(JSON.stringify(json, null, 2));
    else if (values.markdown) console.log(markdownTable(json));
    else console.log(formatBench(json));
    const svgPath = resolve(values.svg ?? jsonPath.replace(/\.json$/, "") + ".svg");
    try {
      const svg = await benchSvg(json);
      mkdirSync(dirname(svgPath), { recursive: true });
      writeFileSync(svgPath, svg);
      say(`\nwrote ${values.from === undefined ? `${relative(process.cwd(), jsonPath)}, ` : ""}${relative(process.cwd(), svgPath)}`);
    } catch (e) {
      console.error(red(`numbat bench: no plot: ${(e as Error).message}`));
      status ||= 1;
    }
    return status;
  },
};
