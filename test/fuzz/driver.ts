// The fuzz loop shared by the test suite (test/fuzz.test.ts) and the long run (bench/fuzz.ts):
// generate a program from a seed, draw a few input sets, check plain JS against every configuration,
// and shrink and save what fails. `fuzzInWorker` runs the loop in a worker thread under a watchdog, so
// a hang (a kernel that never returns, or a compiler that never finishes) is reported instead of
// stalling the run.

import { Worker } from "node:worker_threads";
import { mulberry32 } from "../harness.js";
import { saveCase } from "./corpus.js";
import { generate, type Program } from "./gen.js";
import { describeInputs, drawInputs, type Inputs } from "./inputs.js";
import { BUG_CATEGORIES, caseOf, checkInputs, CONFIGS, type Category, type Config, type Verdict } from "./oracle.js";
import { shrink } from "./shrink.js";

export interface FuzzOptions {
  /** Seed of the first program; program k uses seed + k. */
  seed: number;
  /** Stop after this long (ms). */
  ms?: number;
  /** Stop after this many programs. */
  count?: number;
  /** Input sets per program (each compiled configuration runs on all of them). */
  inputsPerProgram?: number;
  /** Shrink failures (at most `shrinkPerKey` per distinct failure). */
  shrink?: boolean;
  shrinkMs?: number;
  shrinkPerKey?: number;
  /** Save shrunk failures of the bug categories into this corpus directory. */
  saveDir?: string;
  /** Program shapes to leave out (GenOptions.avoid; known.ts lists the flags of known bugs). */
  avoid?: readonly string[];
}

export interface Failure {
  seed: number;
  verdict: Verdict;
  /** The reduced reproducer, when shrinking ran. */
  source?: string;
  inputs?: string;
  shrunkVerdict?: Verdict;
  saved?: string;
}

export interface FuzzStats {
  programs: number;
  /** Program × input set pairs compared. */
  runs: number;
  ms: number;
  counts: Partial<Record<Category | "hang", number>>;
  failures: Failure[];
  /** Distinct failure keys and how often each was seen. */
  keys: Record<string, number>;
}

export function inputSeed(seed: number, k: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0;
}

export function programFor(seed: number, avoid?: readonly string[]): { program: Program; draw: (k: number) => Inputs } {
  const program = generate(seed, { avoid });
  const draw = (k: number) => drawInputs(mulberry32(inputSeed(seed, k)), program.params);
  return { program, draw };
}

/**
 * Configurations per program: the JS backend and wasm always, wasm without bounds checks for every
 * other program (compiling is most of the cost of a program, and it adds little that wasm does not),
 * the native target for every fourth (odd seeds: the "wide" integer programs of gen.ts).
 */
export function configsFor(seed: number): readonly Config[] {
  return CONFIGS.filter((c) => (c.target === "native" ? seed % 4 === 1 : seed % 2 === 0 || c.boundscheck));
}

export function sourceOf(p: Program): string {
  const c = caseOf(p, { lens: {}, dims: {}, values: [] });
  return [...c.helpers.map((h) => `// scope: ${h.name}${h.jit ? " (jitted)" : " (plain function)"}\n${h.src}`), c.kernel].join("\n\n");
}

export interface ProgramResult {
  category: Category;
  key: string;
  runs: number;
  failure?: Failure;
}

export interface FuzzHooks {
  /** Before each program and each shrink step (a heartbeat). */
  event?: (e: { seed: number; phase: "run" | "shrink" }) => void;
  /** After each program. */
  result?: (r: ProgramResult) => void;
}

export function fuzz(opts: FuzzOptions, hooks: FuzzHooks = {}): FuzzStats {
  const onEvent = hooks.event ?? (() => {});
  const start = performance.now();
  const stats: FuzzStats = { programs: 0, runs: 0, ms: 0, counts: {}, failures: [], keys: {} };
  const shrunkPerKey = new Map<string, number>();
  const nInputs = opts.inputsPerProgram ?? 3;
  for (let k = 0; ; k++) {
    if (opts.count !== undefined && k >= opts.count) break;
    if (opts.ms !== undefined && performance.now() - start > opts.ms) break;
    const seed = (opts.seed + k) >>> 0;
    onEvent({ seed, phase: "run" });
    const { program, draw } = programFor(seed, opts.avoid);
    const inputs = Array.from({ length: nInputs }, (_, j) => draw(j));
    const c = caseOf(program, inputs[0]!);
    let verdict: Verdict, failing: Inputs;
    try {
      ({ verdict, inputs: failing } = checkInputs(c, inputs, { configs: configsFor(seed), calls: 1 }));
    } catch (e) {
      // The oracle itself must not throw; count it as a crash of the harness.
      verdict = { category: "crash", detail: `the oracle threw ${String(e)}`, key: "crash:oracle" };
      failing = inputs[0]!;
    }
    stats.programs++;
    stats.runs += nInputs;
    stats.counts[verdict.category] = (stats.counts[verdict.category] ?? 0) + 1;
    if (verdict.category === "ok") {
      hooks.result?.({ category: "ok", key: "ok", runs: nInputs });
      continue;
    }
    stats.keys[verdict.key] = (stats.keys[verdict.key] ?? 0) + 1;
    const failure: Failure = { seed, verdict, source: sourceOf(program), inputs: describeInputs(program.params, failing) };
    stats.failures.push(failure);
    const n = shrunkPerKey.get(verdict.key) ?? 0;
    // Invalid programs (generator bugs) are reported as generated: shrinking them proves nothing.
    const worthShrinking = BUG_CATEGORIES.includes(verdict.category) || verdict.category === "compile";
    if (opts.shrink && worthShrinking && n < (opts.shrinkPerKey ?? 2)) {
      shrunkPerKey.set(verdict.key, n + 1);
      const r = shrink(program, failing, verdict, { budgetMs: opts.shrinkMs ?? 15000, onStep: () => onEvent({ seed, phase: "shrink" }) });
      failure.source = sourceOf(r.program);
      failure.inputs = describeInputs(r.program.params, r.inputs);
      failure.shrunkVerdict = r.verdict;
      if (opts.saveDir && BUG_CATEGORIES.includes(r.verdict.category)) {
        const rc = caseOf(r.program, r.inputs);
        failure.saved = saveCase({
          ...rc, category: r.verdict.category, config: r.verdict.config, detail: r.verdict.detail,
          todo: `numbat bug found by the fuzzer (seed ${seed}); not fixed yet`, found: { seed, note: "shrunk" },
        }, opts.saveDir);
      }
    }
    hooks.result?.({ category: verdict.category, key: verdict.key, runs: nInputs, failure });
  }
  stats.ms = performance.now() - start;
  return stats;
}

// ---- the watchdog -------------------------------------------------------------------------------------

export interface WorkerOptions extends FuzzOptions {
  /** A program (or one shrink step) running longer than this is a hang: the worker is replaced. */
  stallMs?: number;
  log?: (line: string) => void;
  /** Called with the running totals after every program. */
  progress?: (s: FuzzStats) => void;
}

export type WorkerMsg =
  | { type: "event"; seed: number; phase: "run" | "shrink" }
  | { type: "result"; r: ProgramResult }
  | { type: "done" }
  | { type: "error"; message: string };

/** Runs `fuzz` in worker threads; a stalled worker is terminated, its program reported as a hang. */
export async function fuzzInWorker(opts: WorkerOptions): Promise<FuzzStats> {
  const total: FuzzStats = { programs: 0, runs: 0, ms: 0, counts: {}, failures: [], keys: {} };
  const start = performance.now();
  let seed = opts.seed;
  const stallMs = opts.stallMs ?? 30000;
  const add = (category: Category | "hang", key: string, runs: number, failure?: Failure) => {
    total.programs++;
    total.runs += runs;
    total.counts[category] = (total.counts[category] ?? 0) + 1;
    if (category !== "ok") total.keys[key] = (total.keys[key] ?? 0) + 1;
    if (failure) total.failures.push(failure);
    total.ms = performance.now() - start;
    opts.progress?.(total);
  };
  for (;;) {
    const elapsed = performance.now() - start;
    if (opts.ms !== undefined && elapsed >= opts.ms) break;
    if (opts.count !== undefined && total.programs >= opts.count) break;
    const { log: _log, stallMs: _stall, progress: _progress, ...plain } = opts;
    const sub: FuzzOptions = {
      ...plain, seed,
      ms: opts.ms === undefined ? undefined : opts.ms - elapsed,
      count: opts.count === undefined ? undefined : opts.count - total.programs,
    };
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: sub });
    const outcome = await new Promise<{ done?: true; hung?: number; error?: string }>((resolve) => {
      let last = seed;
      let timer = setTimeout(onStall, stallMs);
      function onStall(): void {
        void worker.terminate();
        resolve({ hung: last });
      }
      worker.on("message", (m: WorkerMsg) => {
        clearTimeout(timer);
        if (m.type === "event") {
          last = m.seed;
          timer = setTimeout(onStall, stallMs);
        } else if (m.type === "result") {
          add(m.r.category, m.r.key, m.r.runs, m.r.failure);
          if (m.r.category !== "ok") opts.log?.(`seed ${m.r.failure?.seed}: ${m.r.category}: ${m.r.failure?.verdict.detail.split("\n")[0]}`);
          timer = setTimeout(onStall, stallMs);
        } else if (m.type === "done") resolve({ done: true });
        else resolve({ error: m.message });
      });
      worker.on("error", (e) => { clearTimeout(timer); resolve({ error: String(e) }); });
      worker.on("exit", () => { clearTimeout(timer); resolve({ error: "the worker exited" }); });
    });
    if (outcome.done) break;
    if (outcome.hung !== undefined) {
      opts.log?.(`hang: seed ${outcome.hung} did not finish within ${stallMs} ms`);
      const { program } = programFor(outcome.hung, opts.avoid);
      add("hang", "hang", 0, { seed: outcome.hung, verdict: { category: "crash", detail: `hang: no result within ${stallMs} ms`, key: "hang" }, source: sourceOf(program) });
      seed = outcome.hung + 1;
      continue;
    }
    throw new Error(`fuzz worker failed: ${outcome.error}`);
  }
  total.ms = performance.now() - start;
  return total;
}

/** A one-line summary: programs/s and counts per category. */
export function summary(s: FuzzStats): string {
  const rate = s.programs / (s.ms / 1000);
  const counts = Object.entries(s.counts).sort().map(([k, v]) => `${k} ${v}`).join(", ");
  return `${s.programs} programs (${s.runs} program-input runs) in ${(s.ms / 1000).toFixed(1)} s: ${rate.toFixed(1)} programs/s; ${counts}`;
}
