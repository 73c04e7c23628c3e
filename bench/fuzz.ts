// The long differential fuzz run of issue 10: generated programs, plain JS against every numbat
// configuration, failures shrunk and (with --save) written to the regression corpus as todo cases.
//
//   npm run fuzz -- --minutes 30                 # one worker, from a seed based on the clock
//   npm run fuzz -- --minutes 30 --workers 4 --seed 1 --save
//   npm run fuzz -- --minutes 5 --no-avoid       # also generate the shapes of known bugs (known.ts)
//   npm run fuzz -- --save --corpus /tmp/new     # save shrunk failures elsewhere, to review them first
//
// Prints programs/second and the counts per category every 10 seconds, then every distinct failure
// with its shrunk reproducer. Exit status 1 when numbat disagreed with plain JS.

import { availableParallelism } from "node:os";
import { CORPUS_DIR } from "../test/fuzz/corpus.js";
import { fuzzInWorker, summary, type Failure, type FuzzStats } from "../test/fuzz/driver.js";
import { AVOID_KNOWN, KNOWN_BUGS, knownBugOf } from "../test/fuzz/known.js";
import { BUG_CATEGORIES } from "../test/fuzz/oracle.js";

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : def;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

if (flag("help")) {
  console.log("usage: npm run fuzz -- [--minutes 30] [--seed N] [--workers K] [--save] [--corpus DIR] [--no-avoid] [--no-shrink] [--shrink-seconds 20]");
  process.exit(0);
}

const minutes = Number(arg("minutes", "30"));
const seed = Number(arg("seed", String(Date.now() % 1_000_000_000)));
const workers = Math.max(1, Math.min(Number(arg("workers", "1")), availableParallelism()));
const avoid = flag("no-avoid") ? [] : AVOID_KNOWN;
const ms = minutes * 60_000;
const corpusDir = arg("corpus", CORPUS_DIR);

console.log(`fuzzing for ${minutes} min with ${workers} worker${workers > 1 ? "s" : ""}, seeds from ${seed}` +
  ` (worker k: seed + k * 1e8); avoiding known bugs: ${avoid.length ? KNOWN_BUGS.filter((b) => b.avoid).map((b) => b.id).join(", ") : "none"}` +
  `${flag("save") ? `; saving shrunk failures to ${corpusDir}` : ""}`);

const totals: FuzzStats[] = Array.from({ length: workers }, () => ({ programs: 0, runs: 0, ms: 0, counts: {}, failures: [], keys: {} }));
const combined = (): FuzzStats => {
  const s: FuzzStats = { programs: 0, runs: 0, ms: 0, counts: {}, failures: [], keys: {} };
  for (const t of totals) {
    s.programs += t.programs;
    s.runs += t.runs;
    s.ms = Math.max(s.ms, t.ms);
    for (const [k, v] of Object.entries(t.counts)) s.counts[k as keyof typeof s.counts] = (s.counts[k as keyof typeof s.counts] ?? 0) + v;
    for (const [k, v] of Object.entries(t.keys)) s.keys[k] = (s.keys[k] ?? 0) + v;
    s.failures.push(...t.failures);
  }
  return s;
};

const start = performance.now();
const ticker = setInterval(() => {
  const s = combined();
  const elapsed = (performance.now() - start) / 1000;
  const counts = Object.entries(s.counts).sort().map(([k, v]) => `${k} ${v}`).join(", ");
  console.log(`[${elapsed.toFixed(0)} s] ${s.programs} programs, ${(s.programs / elapsed).toFixed(1)} programs/s; ${counts}`);
}, 10_000);

const results = await Promise.all(totals.map((_, k) => fuzzInWorker({
  seed: seed + k * 100_000_000,
  ms,
  avoid,
  shrink: !flag("no-shrink"),
  shrinkMs: Number(arg("shrink-seconds", "20")) * 1000,
  shrinkPerKey: 2,
  saveDir: flag("save") ? corpusDir : undefined,
  stallMs: 60_000,
  log: (l) => console.log(`  [worker ${k}] ${l}`),
  progress: (s) => { totals[k] = s; },
})));
clearInterval(ticker);
results.forEach((r, k) => { totals[k] = r; });
const all = combined();
all.ms = performance.now() - start;

console.log(`\n${summary(all)}`);
const distinct = new Map<string, Failure>();
for (const f of all.failures) if (!distinct.has(f.verdict.key)) distinct.set(f.verdict.key, f);
for (const [key, f] of distinct) {
  const v = f.shrunkVerdict ?? f.verdict;
  const known = knownBugOf(v);
  console.log(`\n== ${key} (${all.keys[key]}x)${known ? ` [known bug: ${known.id}]` : ""}: seed ${f.seed}\n${v.detail.split("\n")[0]}`);
  if (f.source) console.log(`${f.shrunkVerdict ? "shrunk:" : "program:"}\n${f.source}\ninputs: ${f.inputs ?? ""}`);
  if (f.saved) console.log(`saved: ${f.saved}`);
}
const bugs = all.failures.filter((f) => (BUG_CATEGORIES.includes(f.verdict.category) || f.verdict.key === "hang") && !knownBugOf(f.verdict));
process.exitCode = bugs.length ? 1 : 0;
