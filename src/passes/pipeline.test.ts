// The pipeline's names: every pass and loop-nest step has its own, and NUMBAT_DUMP_IR / NUMBAT_SKIP_PASSES
// reach each by it (debug.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PIPELINE, optimize } from "./pipeline.js";
import { parseFunction } from "../frontend/parse.js";
import { lowerFunction } from "../frontend/lower.js";
import { arrayType } from "../ir/types.js";
import { printFunc } from "../ir/printer.js";

function axpy(a: number, x: Float64Array, y: Float64Array) {
  for (let i = 0; i < y.length; i++) y[i] = a * x[i]! + y[i]!;
}
const lowered = () => lowerFunction(parseFunction(axpy), ["f64", arrayType("f64", 1, false), arrayType("f64", 1, false)], {
  scope: {}, builtinName: () => undefined, resolveCallee: (_c, _t, fail) => fail("no calls"),
}, "axpy");

/** Runs `fn` with environment variables set, returning what it wrote to stderr. */
function withEnv(vars: Record<string, string>, fn: () => void): string {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const write = process.stderr.write;
  let err = "";
  Object.assign(process.env, vars);
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof write;
  try { fn(); } finally {
    process.stderr.write = write;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
  return err;
}

test("every pass and loop-nest step has a name of its own", () => {
  const names = PIPELINE.flatMap((p) => [p.name, ...(p.steps ?? []).map((s) => s.name)]);
  assert.equal(new Set(names).size, names.length, names.join(", "));
  assert.ok(names.includes("vectorize") && names.includes("interchange"));
});

test("NUMBAT_DUMP_IR=<step> prints the nest a loop-nest step made", () => {
  const err = withEnv({ NUMBAT_DUMP_IR: "vectorize" }, () => optimize(lowered(), 1));
  assert.match(err, /--- after loop-nests\/vectorize\n.*vector 2/s);
  assert.doesNotMatch(err, /after hoist-conversions/);
});

test("NUMBAT_SKIP_PASSES=<step> leaves that step out", () => {
  let ir = "";
  withEnv({ NUMBAT_SKIP_PASSES: "vectorize" }, () => { ir = printFunc(optimize(lowered(), 1)); });
  assert.doesNotMatch(ir, /vector \d/);
  assert.match(printFunc(optimize(lowered(), 1)), /vector 2/);
});
