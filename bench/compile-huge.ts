// Compile time of very long functions (issue 10): numbat's own phases (parse, lower, passes, codegen) and
// V8's compilation of the module, for straight-line functions of 1,000 to 10,000 lines (the hostile-test
// function: an array access, a branch and an integer update per three lines), on the wasm target.
//
//   npm run bench:compile                       1,000, 2,000, 5,000 and 10,000 lines
//   node dist/bench/compile-huge.js --lines 2000,20000 [--turbofan]
//
// --turbofan also times V8's optimising compiler on each module in a child process (what numbat did for
// every module before it chose Liftoff for very large ones; minutes at 10,000 lines, so capped at 300 s).
// Writes bench/results/compile-huge.json.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction } from "../src/frontend/lower.js";
import { optimize } from "../src/passes/pipeline.js";
import { compileWasm } from "../src/backends/wasm/codegen.js";
import { wasmTier } from "../src/backends/wasm/runtime.js";
import { typeOfValue } from "../src/runtime/signature.js";
import { jit } from "../src/index.js";
import { machine } from "./machine.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : def;
}
const sizes = arg("lines", "1000,2000,5000,10000").split(",").map(Number);
const turbofan = process.argv.includes("--turbofan");

/** The function of test/hostile.test.ts ("huge functions"). */
function longFunction(n: number): (a: Float64Array) => number {
  const lines = Array.from({ length: n }, (_, k) =>
    k % 3 === 0 ? `s = s * 0.5 + a[${k % 7} % a.length];` : k % 3 === 1 ? `if (s > ${k}) s -= ${k % 11};` : `t = (t + ${k}) & 1023;`);
  return new Function("a", `let s = 0;\nlet t = 0;\n${lines.join("\n")}\nreturn s + t;`) as (a: Float64Array) => number;
}

/** Seconds V8's optimising compiler takes on `bytes`, in a child with eager TurboFan-only compilation. */
function turbofanSeconds(bytes: Uint8Array): number | string {
  const dir = mkdtempSync(join(tmpdir(), "numbat-tf-"));
  try {
    writeFileSync(join(dir, "m.wasm"), bytes);
    const script = `const b = require("fs").readFileSync(${JSON.stringify(join(dir, "m.wasm"))}); const t = performance.now(); new WebAssembly.Module(b); console.log((performance.now() - t) / 1000);`;
    const r = spawnSync(process.execPath, ["--no-liftoff", "--no-wasm-lazy-compilation", "-e", script], { encoding: "utf8", timeout: 300_000 });
    return r.status === 0 ? Number(r.stdout.trim()) : r.error ? "over 300 s" : `failed: ${r.stderr.trim().split("\n").at(-1)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const a = new Float64Array([1, 2, 3, 4, 5, 6, 7]);
const rows = [];
console.log(" lines  parse  lower  passes  codegen  module KB  checks  tier       first call (jit)  TurboFan alone");
for (const n of sizes) {
  const fn = longFunction(n);
  const t: number[] = [performance.now()];
  const parsed = parseFunction(fn);
  t.push(performance.now());
  const env = { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } };
  const lowered = lowerFunction(parsed, [typeOfValue(a, "a", "f")], env, "f_0");
  t.push(performance.now());
  const ir = optimize(lowered, 1, { autoParallel: false });
  t.push(performance.now());
  const mod = compileWasm(ir, { boundscheck: true, parallel: false });
  t.push(performance.now());
  // The whole first call through jit (every phase again, then V8's compilation and the run), in this process.
  const f = jit(fn, { target: "wasm" });
  const t0 = performance.now();
  const got = f(a);
  const firstCall = (performance.now() - t0) / 1000;
  if (!Object.is(got, fn(a))) throw new Error(`${n} lines: jit gives ${got}, plain JS ${fn(a)}`);
  const phase = (i: number) => (t[i + 1]! - t[i]!) / 1000;
  const row = {
    lines: n, parse_s: phase(0), lower_s: phase(1), passes_s: phase(2), codegen_s: phase(3),
    module_bytes: mod.bytes.length, checks: mod.sites.locs.length + mod.sites.messages.length, tier: wasmTier(mod),
    first_call_s: firstCall, turbofan_s: turbofan ? turbofanSeconds(mod.bytes) : undefined,
  };
  rows.push(row);
  const s = (x: number) => x.toFixed(2).padStart(5);
  console.log(`${String(n).padStart(6)}  ${s(row.parse_s)}  ${s(row.lower_s)}  ${s(row.passes_s).padStart(6)}  ${s(row.codegen_s).padStart(7)}  ` +
    `${(row.module_bytes / 1024).toFixed(0).padStart(9)}  ${String(row.checks).padStart(6)}  ${row.tier.padEnd(9)}  ${(firstCall.toFixed(2) + " s").padStart(16)}  ` +
    `${turbofan ? (typeof row.turbofan_s === "number" ? row.turbofan_s.toFixed(2) + " s" : row.turbofan_s) : "(--turbofan)"}`);
}
const out = join(ROOT, "bench", "results", "compile-huge.json");
writeFileSync(out, JSON.stringify({ machine: machine(ROOT), node: process.version, rows }, null, 2) + "\n");
console.log(`wrote ${out}`);
