// Differential fuzzing (issue 10) in the suite: a seeded, time-bounded run of generated programs
// against plain JS on every configuration (test/fuzz/), the regression corpus of shrunk failures, and
// unit tests of the generator, the sanitizer and the shrinker. The long run is `npm run fuzz`.
//
// NUMBAT_FUZZ_MS sets the run's length (default 25 s), NUMBAT_FUZZ_SEED its first seed.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderFn } from "./fuzz/ast.js";
import { loadCorpus } from "./fuzz/corpus.js";
import { fuzzInWorker, programFor, summary, type Failure } from "./fuzz/driver.js";
import { generate } from "./fuzz/gen.js";
import { drawInputs } from "./fuzz/inputs.js";
import { AVOID_KNOWN, KNOWN_BUGS, knownBugOf } from "./fuzz/known.js";
import { BUG_CATEGORIES, caseOf, check, CONFIGS, type Case } from "./fuzz/oracle.js";
import { shrink } from "./fuzz/shrink.js";
import { mulberry32 } from "./harness.js";

const FUZZ_MS = Number(process.env.NUMBAT_FUZZ_MS ?? 25000);
const FUZZ_SEED = Number(process.env.NUMBAT_FUZZ_SEED ?? 0x5eed0001);

function report(f: Failure): string {
  const v = f.shrunkVerdict ?? f.verdict;
  return [
    `seed ${f.seed}: ${v.category}${v.config ? ` [${v.config}]` : ""}: ${v.detail.split("\n")[0]}`,
    f.source ? `${f.shrunkVerdict ? "shrunk program" : "program"}:\n${f.source}` : "",
    f.inputs ? `inputs:\n  ${f.inputs}` : "",
  ].filter(Boolean).join("\n");
}

describe("fuzz: generator, sanitizer and shrinker", () => {
  test("programs are a function of the seed", () => {
    for (const seed of [1, 2, 99, 123456]) {
      const a = generate(seed), b = generate(seed);
      assert.equal(renderFn(a.kernel), renderFn(b.kernel));
      assert.deepEqual(a.params, b.params);
      assert.deepEqual(drawInputs(mulberry32(seed), a.params), drawInputs(mulberry32(seed), b.params));
    }
    assert.notEqual(renderFn(generate(1).kernel), renderFn(generate(2).kernel));
  });

  test("generated programs are valid: their plain runs stay in bounds, in range and in time", () => {
    // The sanitized rendering checks every index and integer remainder; plain JS must not fail.
    for (let seed = 1; seed <= 150; seed++) {
      const { program, draw } = programFor(seed, AVOID_KNOWN);
      const v = check(caseOf(program, draw(0)), { configs: [] });
      assert.ok(v.category === "ok", `seed ${seed}: ${v.category}: ${v.detail}`);
    }
  });

  test("the sanitizer rejects programs outside the contract (out of bounds); integer % 0, beyond 2^53 and -0 are inside it now", () => {
    const bad: Case = {
      kernel: "function kernel(a0) {\n  return a0[a0.length];\n}",
      helpers: [],
      params: [{ k: "ta", dtype: "Float64Array", len: "L0", heap: false }],
      inputs: { lens: { L0: 2 }, dims: {}, values: [[1, 2]] },
      sanitized: { kernel: "function kernel(a0) {\n  return a0[$ix(a0.length, a0.length)];\n}", helpers: [] },
    };
    assert.equal(check(bad).category, "invalid");
    // Issue 16: numbat computes these exactly as JS does, so they are compared like everything else.
    const rem: Case = { ...bad, kernel: "function kernel(a0) {\n  return 3 % (a0.length - 2);\n}", sanitized: { kernel: "function kernel(a0) {\n  return $ar(\"%\", 3, $ar(\"-\", a0.length, 2));\n}", helpers: [] } };
    assert.equal(check(rem).category, "ok");
    const big: Case = { ...bad, kernel: "function kernel(a0) {\n  return 9007199254740991 + a0.length;\n}", sanitized: { kernel: "function kernel(a0) {\n  return $ar(\"+\", 9007199254740991, a0.length);\n}", helpers: [] } };
    assert.equal(check(big).category, "ok");
    const negZero: Case = { ...bad, kernel: "function kernel(a0) {\n  return 0 * -a0.length;\n}", sanitized: { kernel: "function kernel(a0) {\n  return $ar(\"*\", 0, $neg(a0.length, false));\n}", helpers: [] } };
    assert.equal(check(negZero).category, "ok");
  });

  test("the shrinker reduces a failing program to what the failure needs", () => {
    // A synthetic failure: "any kernel that calls Math.imul". The shrinker must keep one call and
    // drop everything else it can.
    let seed = 1;
    while (!renderFn(generate(seed).kernel).includes("Math.imul(")) seed++;
    const { program, draw } = programFor(seed);
    const fails = (c: Case) => c.kernel.includes("Math.imul(");
    const verdictOf = (c: Case) => (fails(c) ? { category: "value" as const, detail: "synthetic", key: "value:synthetic" } : { category: "ok" as const, detail: "", key: "ok" });
    const before = renderFn(program.kernel);
    const r = shrink(program, draw(0), verdictOf(caseOf(program, draw(0))), { verdictOf, budgetMs: 20000 });
    const after = renderFn(r.program.kernel);
    assert.ok(after.includes("Math.imul("), after);
    assert.ok(after.length < Math.min(before.length, 200), `${before.length} -> ${after.length} characters:\n${after}`);
    assert.ok(r.accepted > 0 && r.tried >= r.accepted);
  });
});

describe("fuzz: regression corpus (test/fuzz/corpus)", () => {
  const corpus = loadCorpus();
  test("the corpus is well formed", () => {
    for (const e of corpus) {
      assert.equal(e.params.length, e.inputs.values.length, e.name);
      assert.ok(e.kernel.length > 0 && Array.isArray(e.helpers), e.name);
    }
  });
  for (const e of corpus) {
    // Expected = plain JS, now; every configuration must match it.
    test(e.name, { todo: e.todo }, () => {
      const v = check(e, { configs: CONFIGS, calls: 2 });
      assert.equal(v.category, "ok", `${v.category}${v.config ? ` [${v.config}]` : ""}: ${v.detail}\n${e.kernel}`);
    });
  }
});

describe("fuzz: seeded run", () => {
  const known: Failure[] = [];
  test(`generated programs agree with plain JS on every configuration (${(FUZZ_MS / 1000).toFixed(0)} s, seed ${FUZZ_SEED})`, async (t) => {
    // Known, unfixed bugs (known.ts) are left out of the programs so that this run looks for others;
    // their reproducers are in the corpus as todo tests.
    const stats = await fuzzInWorker({ seed: FUZZ_SEED, ms: FUZZ_MS, avoid: AVOID_KNOWN, shrink: true, shrinkMs: 8000, shrinkPerKey: 1, stallMs: 30000 });
    t.diagnostic(summary(stats));
    t.diagnostic(`configurations: ${CONFIGS.map((c) => c.name).join(", ")} (wasm-nobc on even seeds); known bugs avoided: ${KNOWN_BUGS.map((b) => b.id).join(", ")}`);
    for (const [k, n] of Object.entries(stats.keys)) t.diagnostic(`  ${k}: ${n}`);
    assert.ok(stats.programs >= 20, `only ${stats.programs} programs ran`);
    // Failures of known bugs that cannot be avoided are reported by the todo test below.
    known.push(...stats.failures.filter((f) => knownBugOf(f.verdict)));
    for (const f of known) t.diagnostic(`known bug ${knownBugOf(f.verdict)!.id}: seed ${f.seed}`);
    const bugs = stats.failures.filter((f) => !knownBugOf(f.verdict) && (f.verdict.key === "hang" || BUG_CATEGORIES.includes(f.verdict.category)));
    const compile = stats.failures.filter((f) => f.verdict.category === "compile");
    const generator = stats.failures.filter((f) => ["invalid", "plain", "slow"].includes(f.verdict.category));
    assert.equal(bugs.length, 0, `numbat disagrees with plain JS:\n\n${bugs.slice(0, 3).map(report).join("\n\n")}`);
    assert.equal(compile.length, 0, `numbat rejects generated programs:\n\n${compile.slice(0, 3).map(report).join("\n\n")}`);
    assert.equal(generator.length, 0, `the generator made invalid programs:\n\n${generator.slice(0, 3).map(report).join("\n\n")}`);
  });
  test("... and no known bug showed up", { todo: "known numbat bugs (test/fuzz/known.ts)" }, () => {
    assert.equal(known.length, 0, known.slice(0, 3).map(report).join("\n\n"));
  });
});
