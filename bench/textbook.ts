// Benchmark: the textbook suite (bench/kernels/textbook.ts: Livermore, LAPACK, PolyBench, Rodinia, NAS
// kernels, written as their sources write them), side by side in one node process:
//   plain JS (V8) · numbat wasm (jit, default options, one thread) · numbat native (target "native")
// and the Numba @njit twin of each (bench/textbook_numba.py, run once through /usr/bin/python3 on the
// very same inputs, dumped to a temporary folder).
//
//   npm run build && node dist/bench/textbook.js [--only a,b] [--min-time S] [--no-native] [--no-python] [--out FILE]
//
// Every call runs on arguments restored from a pristine copy (outside the timed interval), so in-place
// kernels time the same work on every call; a time is the best of the calls (at least 5, and at least
// --min-time seconds per engine). numbat engines get their typed arrays in numbat's heap (no copies per
// call), like numpy arrays for Numba. Every result (numbat's and Numba's first call) is compared with
// plain JS element by element with Object.is; a numbat difference fails the run.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { jit } from "../src/index.js";
import { heapCopy } from "./kernels/common.js";
import { type TextbookCase, textbookSuite } from "./kernels/textbook.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;
type Arr = Float64Array | Int32Array;
const isArr = (a: unknown): a is Arr => a instanceof Float64Array || a instanceof Int32Array;

interface Opts { only: string[]; minTime: number; native: boolean; python: boolean; out: string }

function parseArgs(argv: string[]): Opts {
  const o: Opts = { only: [], minTime: 0.15, native: true, python: true, out: "" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--only") o.only.push(...argv[++i]!.split(","));
    else if (a === "--min-time") o.minTime = Number(argv[++i]);
    else if (a === "--no-native") o.native = false;
    else if (a === "--no-python") o.python = false;
    else if (a === "--out") o.out = argv[++i]!;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** The arrays a call may have changed, and its return value, as plain lists. */
const outputs = (args: unknown[], ret: unknown): ArrayLike<number>[] =>
  [...args.filter(isArr).map((a) => a.slice()), ...(typeof ret === "number" ? [[ret]] : [])];

function differs(got: ArrayLike<number>[], want: ArrayLike<number>[]): string | undefined {
  if (got.length !== want.length) return `${got.length} outputs, want ${want.length}`;
  for (let o = 0; o < want.length; o++)
    for (let i = 0; i < want[o]!.length; i++)
      if (!Object.is(got[o]![i], want[o]![i])) return `output ${o}[${i}]: ${got[o]![i]}, plain JS ${want[o]![i]}`;
  return undefined;
}

interface Engine { name: string; f: AnyFn; args: unknown[]; best: number; runs: number; spent: number }

function restore(args: unknown[], pristine: unknown[]): void {
  args.forEach((a, i) => { if (isArr(a)) a.set(pristine[i] as Arr & Float64Array); });
}

function measure(k: TextbookCase, o: Opts, log: (s: string) => void) {
  const pristine = k.make(false);
  const refArgs = k.make(false);
  const want = outputs(refArgs, k.fn(...refArgs));
  const engines: Engine[] = [{ name: "plain", f: k.fn, args: k.make(false), best: Infinity, runs: 0, spent: 0 }];
  const checks: Record<string, string> = {};
  for (const [name, target] of [["wasm", "wasm"], ...(o.native ? [["native", "native"]] : [])] as const) {
    try {
      const f = jit(k.fn, { target: target as "wasm" }) as AnyFn;
      const args = k.make(false).map((a) => heapCopy(a) ?? a);
      const bad = differs(outputs(args, f(...args)), want);
      checks[name] = bad ? `MISMATCH ${bad}` : "bitwise";
      engines.push({ name, f, args, best: Infinity, runs: 0, spent: 0 });
    } catch (e) {
      checks[name] = `ERROR ${(e as Error).message.split("\n")[0]}`;
    }
  }
  log(`${k.name}: timing ${engines.map((e) => e.name).join(", ")}`);
  while (engines.some((e) => e.runs < 5 || e.spent < o.minTime)) {
    for (const e of engines) {
      if (e.runs >= 5 && e.spent >= o.minTime) continue;
      restore(e.args, pristine);
      const t0 = performance.now();
      e.f(...e.args);
      const t = (performance.now() - t0) / 1000;
      e.best = Math.min(e.best, t);
      e.spent += t;
      e.runs++;
    }
  }
  const time = Object.fromEntries(engines.map((e) => [e.name, e.best]));
  return { name: k.name, source: k.source, what: k.what, time_s: time, checks, want, pristine };
}

function runNumba(rows: ReturnType<typeof measure>[], o: Opts, log: (s: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "numbat-textbook-"));
  try {
    const kernels = rows.map((r) => ({
      name: r.name, min_runs: 5, min_time_s: o.minTime,
      args: r.pristine.map((a, i) => {
        if (isArr(a)) {
          const file = `${r.name}.arg${i}`;
          writeFileSync(join(dir, file), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
          return { kind: "array", file, dtype: a instanceof Float64Array ? "float64" : "int32" };
        }
        return { kind: Number.isInteger(a) ? "int" : "float", value: a };
      }),
    }));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ kernels }));
    log("numba: compiling and timing every twin (one python process) ...");
    execFileSync("/usr/bin/python3", [join(ROOT, "bench", "textbook_numba.py"), dir], { stdio: ["ignore", "inherit", "inherit"] });
    const res = JSON.parse(readFileSync(join(dir, "numba.json"), "utf8")) as Record<string, { time_s: number; outputs: { file: string; dtype: string }[]; ret: number | null }>;
    return Object.fromEntries(rows.map((r) => {
      const n = res[r.name]!;
      const got: ArrayLike<number>[] = n.outputs.map((x) => {
        const b = readFileSync(join(dir, x.file));
        const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
        return x.dtype === "float64" ? new Float64Array(ab) : new Int32Array(ab);
      });
      if (n.ret !== null) got.push([n.ret]);
      return [r.name, { time_s: n.time_s, check: differs(got, r.want) ? "differs" : "bitwise" }];
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ROOT = join(dirname(new URL(import.meta.url).pathname), "..", "..");
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const fx = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "—" : `${x.toFixed(2)}x`);
const ms = (s: number | undefined) => (s === undefined ? "—" : (s * 1e3).toFixed(3));

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(s + "\n");
  const load0 = loadavg()[0]!;
  const cases = o.only.length ? textbookSuite.filter((k) => o.only.includes(k.name)) : textbookSuite;
  const rows = cases.map((k) => measure(k, o, log));
  const numba = o.python ? runNumba(rows, o, log) : {};
  const table = rows.map((r) => {
    const t = r.time_s, nb = numba[r.name];
    return {
      name: r.name, source: r.source, plain_ms: t.plain! * 1e3, wasm_ms: t.wasm && t.wasm * 1e3, native_ms: t.native && t.native * 1e3, numba_ms: nb && nb.time_s * 1e3,
      wasm_vs_plain: t.wasm && t.plain! / t.wasm, wasm_vs_numba: t.wasm && nb && nb.time_s / t.wasm,
      native_vs_plain: t.native && t.plain! / t.native, native_vs_numba: t.native && nb && nb.time_s / t.native,
      checks: { ...r.checks, ...(nb ? { numba: nb.check } : {}) },
    };
  });
  console.log(`textbook suite: ${rows.length} kernels, load average ${load0.toFixed(1)} at start; times in ms (best call)`);
  console.log("| kernel | source | plain JS | wasm | native | Numba | wasm/plain | wasm/Numba | native/plain | native/Numba | check (wasm, native, Numba) |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of table)
    console.log(`| ${r.name} | ${r.source} | ${ms(r.plain_ms / 1e3)} | ${ms(r.wasm_ms && r.wasm_ms / 1e3)} | ${ms(r.native_ms && r.native_ms / 1e3)} | ${ms(r.numba_ms && r.numba_ms / 1e3)} | ` +
      `${fx(r.wasm_vs_plain)} | ${fx(r.wasm_vs_numba)} | ${fx(r.native_vs_plain)} | ${fx(r.native_vs_numba)} | ${Object.values(r.checks).join(", ")} |`);
  const gm = (key: keyof (typeof table)[number]) => {
    const xs = table.map((r) => r[key] as number | undefined).filter((x): x is number => x !== undefined && Number.isFinite(x));
    return xs.length === table.length ? geomean(xs) : NaN;
  };
  const summary = { wasm_vs_plain: gm("wasm_vs_plain"), wasm_vs_numba: gm("wasm_vs_numba"), native_vs_plain: gm("native_vs_plain"), native_vs_numba: gm("native_vs_numba") };
  console.log(`\ngeometric means: wasm ${fx(summary.wasm_vs_plain)} plain V8, ${fx(summary.wasm_vs_numba)} Numba; native ${fx(summary.native_vs_plain)} plain V8, ${fx(summary.native_vs_numba)} Numba`);
  const below = table.filter((r) => r.wasm_vs_plain !== undefined && r.wasm_vs_plain < 1).map((r) => r.name);
  console.log(`wasm below 1.0x plain V8: ${below.join(", ") || "none"}; load average ${loadavg()[0]!.toFixed(1)} at end`);
  const bad = rows.filter((r) => Object.values(r.checks).some((c) => c !== "bitwise"));
  for (const r of bad) console.log(`NOT BITWISE ${r.name}: ${JSON.stringify(r.checks)}`);
  if (o.out) {
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, JSON.stringify({ date: new Date().toISOString(), load_average_at_start: load0, summary, results: table }, null, 2) + "\n");
  }
  if (bad.length) process.exitCode = 1;
}

main();
