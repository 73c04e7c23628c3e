// Benchmark: a suite of classic numeric kernels (linear algebra, stencils, reductions, ...), each
// written naively in its textbook loop order, run side by side in one process:
//   plain JS (the function itself, in V8) · numbat (jit, default options) · numbat with opt: 0 ·
//   numbat with fastmath: true (reductions reassociated; checked for closeness, not bits) ·
//   numbat on copies of the typed-array arguments in numbat's heap (no copy-in/copy-back per call)
//
//   npm run build && node dist/bench/kernels.js            the whole suite (a few minutes)
//   node dist/bench/kernels.js --quick                     shorter measurements
//   node dist/bench/kernels.js --only dot,axpy_heap        some kernels (JSON written only with --out)
//   node dist/bench/kernels.js [--min-time S] [--run-time S] [--out FILE] [--list]
//
// Every numbat result is compared with the plain-JS result, element by element with Object.is
// (every output array and the return value); a difference fails the run (exit status 1). See
// bench/README.md for what each figure means. Writes bench/results/kernels.json.

import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { jit } from "../src/index.js";
import { type AnyFn, type KernelCase, heapCopy } from "./kernels/common.js";
import { kernelSuite } from "./kernels/index.js";
import { machine } from "./machine.js";

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/bench when compiled
const ROOT = findRoot(HERE);
const SLOW_S = 1.0; // a first timed run this long is repeated once only...
const VERY_SLOW_S = 8.0; // ...and one this long is not repeated at all

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "bench"))) return dir;
    const up = dirname(dir);
    if (up === dir) return join(start, "..", "..");
    dir = up;
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs and the bitwise comparison

interface NdLike {
  data: ArrayLike<number>;
  shape: number[];
}
const isNd = (x: unknown): x is NdLike => typeof x === "object" && x !== null && "data" in x && "shape" in x && ArrayBuffer.isView((x as NdLike).data);
const isTyped = (x: unknown): x is ArrayLike<number> & { slice(): ArrayLike<number> } => ArrayBuffer.isView(x) && !(x instanceof DataView);

/** One output of a call: an array argument's final contents, or the return value. */
interface Output {
  label: string;
  values: ArrayLike<number>;
  shape?: number[];
  /** When the return value is one of the arguments: its index (a jitted kernel must return the caller's object). */
  sameAsArg?: number;
}

/** Copies of everything a call can have changed or produced: each array argument and the return value. */
function snapshot(args: readonly unknown[], ret: unknown): Output[] {
  const out: Output[] = [];
  args.forEach((a, i) => {
    if (isNd(a)) out.push({ label: `arg ${i}`, values: Array.from(a.data), shape: [...a.shape] });
    else if (isTyped(a)) out.push({ label: `arg ${i}`, values: a.slice() });
  });
  const sameAsArg = args.findIndex((a) => a === ret && typeof a === "object");
  if (typeof ret === "number") out.push({ label: "return value", values: [ret] });
  else if (isNd(ret)) out.push({ label: "return value", values: Array.from(ret.data), shape: [...ret.shape], ...(sameAsArg >= 0 ? { sameAsArg } : {}) });
  else if (isTyped(ret)) out.push({ label: "return value", values: ret.slice(), ...(sameAsArg >= 0 ? { sameAsArg } : {}) });
  else if (ret !== undefined) out.push({ label: `return value (${typeof ret})`, values: [] });
  return out;
}

interface Check {
  bitwise_identical: boolean;
  /** fastmath only: every output within 1e-9 of plain JS relative to the output's largest magnitude, NaN where plain JS has NaN. */
  close?: boolean;
  /** Elements compared (all outputs). */
  elements: number;
  /** The first difference, when there is one. */
  mismatch?: { output: string; index: number; plain: string; numbat: string; differing: number; detail?: string };
}

const show = (v: number | undefined) => (v === undefined ? "missing" : Object.is(v, -0) ? "-0" : String(v));

/** Object.is on every element of every output (so NaN equals NaN and -0 differs from +0). */
function compare(got: Output[], ref: Output[]): Check {
  let elements = 0;
  let first: Check["mismatch"];
  let differing = 0;
  const fail = (m: NonNullable<Check["mismatch"]>) => { if (!first) first = m; };
  if (got.length !== ref.length || got.some((g, i) => g.label !== ref[i]!.label))
    fail({ output: "outputs", index: -1, plain: ref.map((r) => r.label).join(", "), numbat: got.map((g) => g.label).join(", "), differing: 1 });
  for (let o = 0; o < Math.min(got.length, ref.length); o++) {
    const g = got[o]!, r = ref[o]!;
    if (r.sameAsArg !== g.sameAsArg)
      fail({ output: r.label, index: -1, plain: `argument ${r.sameAsArg ?? "none"}`, numbat: `argument ${g.sameAsArg ?? "none"}`, differing: 1, detail: "returned object identity" });
    if (String(r.shape) !== String(g.shape))
      fail({ output: r.label, index: -1, plain: `shape [${r.shape}]`, numbat: `shape [${g.shape}]`, differing: 1 });
    const n = Math.max(g.values.length, r.values.length);
    for (let i = 0; i < n; i++) {
      elements++;
      const a = r.values[i], b = g.values[i];
      if (i >= r.values.length || i >= g.values.length || !Object.is(a, b)) {
        differing++;
        fail({ output: r.label, index: i, plain: show(a), numbat: show(b), differing: 0 });
      }
    }
  }
  if (first) first.differing = Math.max(first.differing, differing);
  return { bitwise_identical: first === undefined, elements, ...(first ? { mismatch: first } : {}) };
}

/** Reassociated results (fastmath): the same values up to rounding. */
function isClose(got: Output[], ref: Output[]): boolean {
  if (got.length !== ref.length) return false;
  return ref.every((r, o) => {
    const g = got[o]!;
    if (g.values.length !== r.values.length) return false;
    let scale = 1;
    for (let i = 0; i < r.values.length; i++) if (Number.isFinite(r.values[i]!)) scale = Math.max(scale, Math.abs(r.values[i]!));
    for (let i = 0; i < r.values.length; i++) {
      const a = r.values[i]!, b = g.values[i]!;
      if (Number.isNaN(a) !== Number.isNaN(b) || (!Number.isFinite(a) && a !== b && !Number.isNaN(a))) return false;
      if (Number.isFinite(a) && !(Math.abs(a - b) <= 1e-9 * scale)) return false;
    }
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Timing

interface Engine {
  readonly name: string;
  readonly f: AnyFn;
  readonly args: unknown[];
  best: number; // seconds per timed run (reps calls)
  runs: number;
  elapsed: number;
  maxRuns: number;
}

/** One timed run: `reps` back-to-back calls (after an untimed reset for kernels that destroy their input). */
function timedRun(k: KernelCase, e: Engine, reps: number, pristine: unknown[]): number {
  if (k.reset) k.reset(e.args, pristine);
  const f = e.f, args = e.args;
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) f(...args);
  return (performance.now() - t0) / 1000;
}

/**
 * Best-of-k for every engine, interleaved (plain, numbat, numbat opt 0, plain, ...) so that slow drifts
 * of a shared machine hit them alike. Each engine gets at least 3 runs and at least `minTime` seconds;
 * a first run over SLOW_S is repeated once only, over VERY_SLOW_S (or SLOW_S with --quick) not at all.
 */
function timeSideBySide(k: KernelCase, engines: Engine[], reps: number, pristine: unknown[], minTime: number, quick: boolean): void {
  const needs = (e: Engine) => e.runs < e.maxRuns && (e.runs < 3 || e.elapsed < minTime);
  for (;;) {
    const todo = engines.filter(needs);
    if (todo.length === 0) return;
    for (const e of todo) {
      const dt = timedRun(k, e, reps, pristine);
      if (e.runs === 0) e.maxRuns = dt >= VERY_SLOW_S || (quick && dt >= SLOW_S) ? 1 : dt >= SLOW_S ? 2 : Infinity;
      e.runs++;
      e.elapsed += dt;
      if (dt < e.best) e.best = dt;
    }
  }
}

function geomean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}: ${e.message.split("\n")[0]}` : String(e);
}

// ---------------------------------------------------------------------------------------------
// Machine description


// ---------------------------------------------------------------------------------------------
// Per-kernel measurement

interface EngineResult {
  engine: string;
  time_s?: number; // best time per call
  runs?: number;
  gflops?: number;
  gbs?: number;
  vs_plain_js?: number;
  first_call_s?: number; // numbat: compile + one call (on V8's baseline wasm tier), in this process
  compile_s?: number; // numbat: median of 3 fresh compilations of the same signature, in this (warm) process
  check?: Check;
  error?: string;
}

interface KernelResult {
  name: string;
  group: string;
  what: string;
  size: string;
  calls_per_run: number;
  flops_per_call?: number;
  bytes_per_call?: number;
  engines: EngineResult[];
  /** What the optimiser did, read off `inspect("ir")` of the opt-1 compilation. */
  ir?: { bounds_checks_versioned: boolean; vectorised_loops: number };
}

/** The numbat engines. "heap args" reuses the default compilation, on heap copies of the typed-array arguments. */
const ENGINES: { name: string; opts: { opt?: 0 | 1; fastmath?: boolean }; heapArgs?: boolean }[] = [
  { name: "numbat", opts: {} },
  { name: "numbat opt:0", opts: { opt: 0 } },
  // Reductions reassociated (docs/semantics.md#fastmath): its results may differ in the last bits.
  { name: "numbat fastmath", opts: { fastmath: true } },
  { name: "numbat heap args", opts: {}, heapArgs: true },
];

function irSummary(ir: string): KernelResult["ir"] {
  return { bounds_checks_versioned: /\b(load|store)!/.test(ir), vectorised_loops: (ir.match(/ vector \d+/g) ?? []).length };
}

/** Compile time alone: jit() with `signatures` compiles eagerly (parse, lower, optimise, codegen, wasm compile). */
function compileTime(fn: AnyFn, opts: object, signature: string): number {
  const sig = signature.split(", ");
  const ts: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    jit(fn, { ...opts, signatures: [sig] });
    ts.push((performance.now() - t0) / 1000);
  }
  return ts.sort((a, b) => a - b)[1]!;
}

function measure(k: KernelCase, o: Opts, log: (s: string) => void): KernelResult {
  const res: KernelResult = {
    name: k.name, group: k.group, what: k.what, size: k.size,
    calls_per_run: 1, ...(k.flops ? { flops_per_call: k.flops } : {}), ...(k.bytes ? { bytes_per_call: k.bytes } : {}), engines: [],
  };
  const pristine = k.make();

  // Plain JS: the reference outputs, from fresh inputs; this first call also warms V8 up.
  log(`${k.name}: plain JS ...`);
  const plainArgs = k.make();
  const ref = snapshot(plainArgs, k.fn(...plainArgs));
  const plain: Engine = { name: "plain JS", f: k.fn, args: plainArgs, best: Infinity, runs: 0, elapsed: 0, maxRuns: Infinity };

  // Calibrate the calls per timed run so that a plain-JS run takes about --run-time seconds.
  const t1 = timedRun(k, plain, 1, pristine);
  const reps = k.reset ? 1 : Math.max(1, Math.min(100_000, Math.round(o.runTime / Math.max(t1, 1e-7))));
  res.calls_per_run = reps;

  const engines: Engine[] = [plain];
  const extra = new Map<Engine, EngineResult>();
  const failed: EngineResult[] = [];
  const hasTyped = pristine.some((a) => heapCopy(a) !== undefined);
  let numbatFn: AnyFn | undefined;
  for (const { name, opts, heapArgs } of ENGINES) {
    if (heapArgs && (!hasTyped || !numbatFn)) continue;
    log(`${k.name}: ${name}: ${heapArgs ? "" : "compile and "}check ...`);
    try {
      const f: AnyFn & { inspect(w: "ir"): string } = heapArgs ? (numbatFn as never) : jit(k.fn, opts);
      if (name === "numbat") numbatFn = f;
      const args = heapArgs ? k.make().map((a) => heapCopy(a) ?? a) : k.make();
      const t0 = performance.now();
      const ret = f(...args);
      const first = (performance.now() - t0) / 1000;
      const out = snapshot(args, ret);
      const check = compare(out, ref);
      if (opts.fastmath) check.close = check.bitwise_identical || isClose(out, ref);
      let compile: number | undefined;
      if (name === "numbat") {
        res.ir = irSummary(f.inspect("ir"));
        compile = compileTime(k.fn, opts, (f as unknown as { signatures: string[] }).signatures[0]!);
      }
      const e: Engine = { name, f, args, best: Infinity, runs: 0, elapsed: 0, maxRuns: Infinity };
      engines.push(e);
      extra.set(e, { engine: name, ...(heapArgs ? {} : { first_call_s: first }), ...(compile !== undefined ? { compile_s: compile } : {}), check });
    } catch (e) {
      failed.push({ engine: name, error: errorText(e) });
    }
  }

  log(`${k.name}: timing ${engines.map((e) => e.name).join(", ")} (${reps} call${reps === 1 ? "" : "s"} per run) ...`);
  timeSideBySide(k, engines, reps, pristine, o.minTime, o.quick);

  for (const e of engines) {
    const t = e.best / reps;
    res.engines.push({
      engine: e.name,
      time_s: t,
      runs: e.runs,
      ...(k.flops ? { gflops: k.flops / t / 1e9 } : {}),
      ...(k.bytes ? { gbs: k.bytes / t / 1e9 } : {}),
      vs_plain_js: plain.best / e.best,
      ...extra.get(e),
    });
  }
  res.engines.push(...failed);
  return res;
}

// ---------------------------------------------------------------------------------------------
// Output

function fmtTime(s: number): string {
  if (s >= 1) return `${s.toFixed(3)} s`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(s >= 0.1 ? 1 : 2)} ms`;
  return `${(s * 1e6).toFixed(s >= 1e-4 ? 0 : 1)} µs`;
}

const fmtX = (x: number) => `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}x`;
const fmtRate = (x: number) => x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2);

function rate(k: KernelResult, e: EngineResult | undefined): string {
  if (!e || e.time_s === undefined) return "";
  if (e.gflops !== undefined) return fmtRate(e.gflops);
  if (e.gbs !== undefined) return fmtRate(e.gbs);
  return "";
}

function table(rows: KernelResult[]): string {
  const head = ["kernel", "size", "plain JS", "numbat", "speed-up", "opt:0", "speed-up", "heap args", "speed-up", "fastmath", "speed-up", "rate: JS → numbat", "compile", "IR", "bitwise"];
  const right = [false, false, true, true, true, true, true, true, true, true, true, false, true, false, false];
  const body = rows.map((k) => {
    const [p, n, z, h, fm] = ["plain JS", "numbat", "numbat opt:0", "numbat heap args", "numbat fastmath"].map((name) => k.engines.find((e) => e.engine === name));
    const time = (e?: EngineResult) => (!e ? "—" : e.error !== undefined ? "error" : fmtTime(e.time_s!));
    const x = (e?: EngineResult) => (e?.vs_plain_js === undefined ? "" : fmtX(e.vs_plain_js));
    const unit = k.flops_per_call ? "GFLOP/s" : k.bytes_per_call ? "GB/s" : "";
    const r = unit ? `${rate(k, p)} → ${rate(k, n) || "—"} ${unit}` : "";
    const compile = n?.compile_s !== undefined ? `${(n.compile_s * 1e3).toFixed(1)} ms` : "";
    const ir = !k.ir ? "" : [k.ir.bounds_checks_versioned ? "nobc" : "bc", k.ir.vectorised_loops ? `simd×${k.ir.vectorised_loops}` : ""].filter(Boolean).join(" ");
    const ok = [n, z, h].filter((e) => e).map((e) => (e!.error !== undefined ? "ERR" : e!.check?.bitwise_identical ? "yes" : "NO")).join("/");
    const fmOk = !fm ? "" : fm.error !== undefined ? " ERR" : fm.check?.bitwise_identical ? " (fm yes)" : fm.check?.close ? " (fm ≈)" : " (fm NO)";
    return [k.name, k.size, time(p), time(n), x(n), time(z), x(z), h ? time(h) : "", x(h), time(fm), x(fm), r, compile, ir, ok + fmOk];
  });
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((x, i) => (right[i] ? x.padStart(w[i]!) : x.padEnd(w[i]!))).join("  ").trimEnd();
  return [line(head), w.map((x) => "-".repeat(x)).join("  "), ...body.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------

interface Opts {
  quick: boolean;
  only: string[];
  minTime: number;
  runTime: number;
  out: string;
  list: boolean;
}

function parseArgs(argv: string[]): Opts {
  const o: Opts = { quick: false, only: [], minTime: NaN, runTime: NaN, out: "", list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (flag === "--quick") o.quick = true;
    else if (flag === "--only") o.only.push(...value().split(",").map((s) => s.trim()).filter(Boolean));
    else if (flag === "--min-time") o.minTime = Number(value());
    else if (flag === "--run-time") o.runTime = Number(value());
    else if (flag === "--out") o.out = value();
    else if (flag === "--list") o.list = true;
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: node dist/bench/kernels.js [--quick] [--only name,name] [--min-time S] [--run-time S] [--out FILE] [--list]");
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  const names = new Set(kernelSuite.map((k) => k.name));
  const unknown = o.only.filter((n) => !names.has(n));
  if (unknown.length) throw new Error(`--only: unknown kernel ${unknown.join(", ")} (have: ${[...names].join(", ")})`);
  if (Number.isNaN(o.minTime)) o.minTime = o.quick ? 0.2 : 0.5;
  if (Number.isNaN(o.runTime)) o.runTime = o.quick ? 0.05 : 0.1;
  if (!(o.minTime >= 0) || !(o.runTime > 0)) throw new Error("--min-time and --run-time take positive numbers of seconds");
  // A partial run does not overwrite the committed results unless asked to.
  if (!o.out && o.only.length === 0) o.out = join(ROOT, "bench", "results", "kernels.json");
  return o;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  if (o.list) {
    for (const k of kernelSuite) console.log(`${k.name.padEnd(14)} ${k.size.padEnd(28)} ${k.what}`);
    return;
  }
  const log = (s: string) => process.stderr.write(s + "\n");
  const mach = machine(ROOT);
  const started = new Date();
  const load0 = loadavg();
  const kernels = o.only.length ? kernelSuite.filter((k) => o.only.includes(k.name)) : kernelSuite;
  console.log(`numbat bench — ${kernels.length} classic kernels, naive loops, float64 unless noted (${o.quick ? "quick" : "full"} run)`);
  console.log(`${mach.cpu} · ${mach.cores} cores · ${mach.simd_flags.join(" ")} · node ${mach.node} · numbat ${mach.numbat}`);
  console.log();

  const rows: KernelResult[] = [];
  for (const k of kernels) {
    try {
      rows.push(measure(k, o, log));
    } catch (e) {
      // The plain-JS function itself failed: a bug in the suite, not in numbat.
      rows.push({ name: k.name, group: k.group, what: k.what, size: k.size, calls_per_run: 0, engines: [{ engine: "plain JS", error: errorText(e) }] });
    }
  }

  console.log(table(rows));
  console.log();
  const speedup = (r: KernelResult, engine: string) => r.engines.find((e) => e.engine === engine)?.vs_plain_js;
  const all = (xs: (number | undefined)[]) => (xs.every((x) => x !== undefined) ? (xs as number[]) : []);
  const summary = {
    kernels: rows.length,
    geomean_numbat: geomean(all(rows.map((r) => speedup(r, "numbat")))),
    geomean_numbat_opt0: geomean(all(rows.map((r) => speedup(r, "numbat opt:0")))),
    geomean_numbat_fastmath: geomean(all(rows.map((r) => speedup(r, "numbat fastmath")))),
    /** Each kernel's "heap args" speed-up where it has one (typed-array arguments), else its "numbat" one. */
    geomean_numbat_heap_args: geomean(all(rows.map((r) => speedup(r, "numbat heap args") ?? speedup(r, "numbat")))),
  };
  const gm = (x: number) => (Number.isNaN(x) ? "n/a (a kernel failed)" : fmtX(x));
  console.log(`geometric mean of the speed-ups over plain JS, ${summary.kernels} kernels:`);
  console.log(`  numbat                         ${gm(summary.geomean_numbat)}`);
  console.log(`  numbat opt:0                   ${gm(summary.geomean_numbat_opt0)}`);
  console.log(`  numbat fastmath                ${gm(summary.geomean_numbat_fastmath)}   (reductions reassociated; close to plain JS, not bitwise)`);
  console.log(`  numbat, arrays in numbat heap  ${gm(summary.geomean_numbat_heap_args)}   (heap args where the kernel takes typed arrays)`);
  console.log("Times are per call (best of k runs, interleaved). heap args: the default compilation called with copies of the");
  console.log("typed-array arguments in numbat's heap (zeros(n).data), so no copy-in/copy-back. rate: GFLOP/s where the kernel");
  console.log("has a flop count, else GB/s. compile: jit() with `signatures` (eager compile), median of 3, warm process. IR (default opt):");
  console.log("nobc = bounds checks versioned away in a fast path, simd×k = k loops vectorised. bitwise: numbat/opt:0/heap args");
  console.log("(fm: fastmath, yes = bitwise, ≈ = within 1e-9 of the largest magnitude).");
  console.log();

  // fastmath may change the last bits: it fails only when its results are not close.
  const failed = (e: EngineResult) => e.check !== undefined && (e.engine === "numbat fastmath" ? e.check.close === false : !e.check.bitwise_identical);
  const mismatches = rows.flatMap((r) => r.engines.filter(failed).map((e) => ({ kernel: r.name, engine: e.engine, ...e.check!.mismatch! })));
  const errors = rows.flatMap((r) => r.engines.filter((e) => e.error !== undefined).map((e) => ({ kernel: r.name, engine: e.engine, error: e.error! })));
  for (const m of mismatches)
    console.log(`MISMATCH ${m.kernel} (${m.engine}): ${m.output}${m.index >= 0 ? `[${m.index}]` : ""}: plain JS ${m.plain}, numbat ${m.numbat}` +
      `${m.detail ? ` (${m.detail})` : ""}; ${m.differing} element(s) differ`);
  for (const e of errors) console.log(`ERROR ${e.kernel} (${e.engine}): ${e.error}`);
  if (!mismatches.length && !errors.length) console.log("numbat results (both opt levels) are bitwise identical to plain JS for every kernel; fastmath results are close.");

  if (o.out) {
    const result = {
      benchmark: "kernels: classic numeric kernels written naively in textbook loop order, plain JS vs numbat (jit, default options) vs numbat opt: 0 vs numbat fastmath: true",
      date: started.toISOString(),
      machine: { ...mach, load_average_at_start: load0.map((x) => Math.round(x * 100) / 100), load_average_at_end: loadavg().map((x) => Math.round(x * 100) / 100) },
      config: {
        quick: o.quick,
        only: o.only.length ? o.only : undefined,
        min_time_s: o.minTime,
        run_time_s: o.runTime,
        slow_run_s: SLOW_S,
        very_slow_run_s: VERY_SLOW_S,
        timing:
          "per engine, best of k timed runs, interleaved across engines; a run is calls_per_run back-to-back calls (chosen so that a plain-JS run takes about run_time_s), " +
          "k >= 3 and >= min_time_s per engine; 2 when the first run takes >= slow_run_s; 1 when >= very_slow_run_s (or >= slow_run_s with --quick). " +
          "Times are per call. Compile time is never inside a timed run (each engine's first call, on fresh inputs, is the bitwise check). " +
          "compile_s: median of 3 eager compilations (jit with `signatures`) of the signature the kernel was called with, in this already-warm process; " +
          "first_call_s: the first call (compile + a run on V8's baseline wasm tier + copies).",
        check: "Object.is on every element of every array argument after the call and on the return value, numbat vs plain JS, from identical fresh inputs",
      },
      summary,
      results: rows,
      numbat_identical_to_plain_js: mismatches.length === 0,
      mismatches,
      errors,
    };
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, JSON.stringify(result, null, 2) + "\n");
    console.log(`wrote ${relative(process.cwd(), o.out) || o.out}`);
  }
  if (mismatches.length || errors.length) process.exitCode = 1;
}

main();
