// End-to-end tests of the `numbat` command: run as a child process (as users run it) for help,
// usage errors, `inspect` on a fixture module, `bench --from` and one tiny real `bench` run.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { splitSignature, typeOfExample } from "./cmd-inspect.js";
import { COMMANDS } from "./main.js";

const MAIN = fileURLToPath(new URL("./main.js", import.meta.url));
const ENTRY = pathToFileURL(fileURLToPath(new URL("../index.js", import.meta.url))).href;
const TMP = mkdtempSync(join(tmpdir(), "numbat-cli-"));
after(() => rmSync(TMP, { recursive: true, force: true }));

function numbat(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8", cwd: TMP, env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KERNELS = join(TMP, "kernels.mjs");
writeFileSync(
  KERNELS,
  `import { jit } from ${JSON.stringify(ENTRY)};
export const GAIN = 2;
export function dot(a, b) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s * GAIN; }
export const sq = jit((x) => x * x);
export const norm = jit(function norm(a) { let s = 0; for (let i = 0; i < a.length; i++) s += sq(a[i]); return Math.sqrt(s); }, { scope: { sq }, boundscheck: false });
export function trace(A) { let s = 0; for (let i = 0; i < A.shape[0]; i++) s += A.get(i, i); return s; }
export function bad(a) { const o = { x: a[0] }; return o.x; }
export function answer() { return 42; }
`,
);

describe("numbat (the command)", () => {
  test("--help lists every command; no command prints it and fails", () => {
    const r = numbat("--help");
    assert.equal(r.status, 0);
    for (const c of COMMANDS) assert.ok(r.stdout.includes(c.name), c.name);
    assert.equal(numbat().status, 2);
  });

  test("every command has --help (exit 0) and rejects unknown options (exit 2)", () => {
    for (const c of COMMANDS) {
      const h = numbat(c.name, "--help");
      assert.equal(h.status, 0, c.name);
      assert.match(h.stdout, new RegExp(`usage: numbat ${c.name}`));
      const bad = numbat(c.name, "--no-such-option");
      assert.equal(bad.status, 2, c.name);
      assert.match(bad.stderr, new RegExp(`numbat ${c.name} --help`));
    }
  });

  test("an unknown command fails with the list of commands", () => {
    const r = numbat("frobnicate");
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'[^]*doctor/);
  });

  test("--version prints package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
    assert.equal(numbat("--version").stdout.trim(), pkg.version);
  });

  test("doctor --json is a report with six checks", () => {
    const r = numbat("doctor", "--json", "--no-probe", "--gpu-timeout", "3000");
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.checks.length, 6);
  });
});

describe("numbat inspect", () => {
  test("signature and example-argument parsing", () => {
    assert.deepEqual(splitSignature("ndarray<float64,2>, ndarray<float64,2>,int"), ["ndarray<float64,2>", "ndarray<float64,2>", "int"]);
    assert.deepEqual(splitSignature(""), []);
    assert.deepEqual([3, 2.5, -0, true, [[1, 2]], { Float32Array: [1] }].map((v, i) => typeOfExample(v, `#${i}`)), ["int", "f64", "f64", "bool", "ndarray<float64,2>", "Float32Array"]);
    assert.throws(() => typeOfExample("s", "#1"), /argument #1/);
  });

  test("--ir (default) with --sig; module exports are the kernel's scope", () => {
    const r = numbat("inspect", KERNELS, "--fn", "dot", "--sig", "Float64Array,Float64Array");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^func dot_\w+\(a: Float64Array, b: Float64Array\) -> f64/);
    assert.match(r.stdout, /2/); // GAIN inlined as a constant
  });

  test("--wat and --js together, with --args", () => {
    const r = numbat("inspect", KERNELS, "--fn", "dot", "--args", '[{"Float64Array":[1]},{"Float64Array":[2]}]', "--wat", "--js");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /;; ---- wat: dot\(Float64Array, Float64Array\), target wasm ----\n\(module/);
    assert.match(r.stdout, /\/\/ ---- js: dot\(Float64Array, Float64Array\), target js ----/);
  });

  test("an already-jitted export keeps its own options (scope, boundscheck)", () => {
    const r = numbat("inspect", KERNELS, "--fn", "norm", "--sig", "Float64Array", "--ir");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /call /);
    assert.ok(!/load a\[/.test(r.stdout) || /load! /.test(r.stdout));
  });

  test("n-d arrays from --args, and a function without parameters", () => {
    assert.equal(numbat("inspect", KERNELS, "--fn", "trace", "--args", "[[[1,2],[3,4]]]").status, 0);
    const r = numbat("inspect", KERNELS, "--fn", "answer");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /return 42/);
  });

  test("a compile error: the message with its code frame, exit status 1", () => {
    const r = numbat("inspect", KERNELS, "--fn", "bad", "--sig", "Float64Array");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\[NB101\][^]*\^\^\^[^]*help:/);
  });

  test("usage errors name the problem, exit status 2", () => {
    const cases: [string[], RegExp][] = [
      [["inspect", KERNELS, "--fn", "nope", "--sig", "int"], /no exported function 'nope'[^]*dot/],
      [["inspect", KERNELS, "--sig", "int"], /several functions/],
      [["inspect", KERNELS, "--fn", "dot"], /takes 2 arguments/],
      [["inspect", KERNELS, "--fn", "dot", "--sig", "Float64Array,quux"], /unknown type "quux"/],
      [["inspect", KERNELS, "--fn", "dot", "--args", "[1,"], /not valid JSON/],
      [["inspect", join(TMP, "missing.mjs"), "--fn", "f"], /no such file/],
      [["inspect"], /which file/],
      [["inspect", KERNELS, "--fn", "dot", "--sig", "Float64Array,Float64Array", "--target", "bogus"], /target "bogus" is not available/],
    ];
    for (const [args, re] of cases) {
      const r = numbat(...args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, re);
    }
  });

  test("a TypeScript file: told to compile it first", () => {
    const ts = join(TMP, "k.ts");
    writeFileSync(ts, "export function f(x: number): number { return x; }\n");
    const r = numbat("inspect", ts, "--fn", "f", "--sig", "int");
    assert.equal(r.status, 2);
    assert.match(r.stderr, /compile it first/);
  });
});

describe("numbat bench", () => {
  test("--from redraws: table, markdown and SVG from a saved run (the tutorial's)", () => {
    const json = join(TMP, "fixture.json");
    writeFileSync(json, readFileSync(new URL("../../../docs/tutorial-bench.json", import.meta.url)));
    const r = numbat("bench", "--from", json);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /numbat wasm/);
    assert.match(r.stdout, /plain JS/);
    assert.ok(existsSync(join(TMP, "fixture.svg")));
    const md = numbat("bench", "--from", json, "--markdown", "--svg", join(TMP, "other.svg"));
    assert.match(md.stdout, /^\| N \| plain JS/);
    assert.equal(numbat("bench", "--from", json, "--sizes", "8").status, 2);
  });

  test("a tiny real run: JSON, SVG and a table, every numbat result identical to plain JS", () => {
    const out = join(TMP, "tiny.json");
    const r = numbat("bench", "--sizes", "8,16", "--quick", "--no-python", "--min-time", "0.01", "--out", out);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const json = JSON.parse(readFileSync(out, "utf8"));
    assert.deepEqual(json.results.map((x: { n: number }) => x.n), [8, 16]);
    assert.equal(json.numbat_identical_to_plain_js, true);
    assert.ok(readFileSync(join(TMP, "tiny.svg"), "utf8").startsWith("<svg"));
    assert.match(r.stdout, /numbat results are bitwise identical/);
    assert.match(r.stderr, /N=16: numbat wasm \.\.\./); // not a terminal: the script's own log lines
  });
});
