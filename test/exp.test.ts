// Math.exp computed inline by the wasm backend (src/backends/wasm/exp.ts: V8's fdlibm exp, scalar and
// two or four lanes at a time; the native target's nb_exp is the same algorithm in C) and in-order vector reductions (`ordered` loops, passes/vectorize.ts):
// the inline exp must equal the engine's Math.exp bit for bit on every branch of the algorithm, and the
// loops that use it — elementwise, and summed in iteration order — must equal plain JS on every target.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { jit } from "../src/index.js";
import { expMatchesEngine, expProbes } from "../src/backends/wasm/exp.js";
import { arrayType } from "../src/ir/types.js";
import { TARGETS, mulberry32, optimisedIR, randFloats, sameOnTargets, withEdges, type Rng } from "./harness.js";

const f64 = arrayType("f64", 1, false);

function expAll(a: Float64Array, out: Float64Array) {
  for (let i = 0; i < a.length; i++) out[i] = Math.exp(a[i]);
}

/** softmax's middle pass: an exp per element, stored and summed in order. */
function expSum(a: Float64Array, out: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const e = Math.exp(a[i]);
    out[i] = e;
    s += e;
  }
  return s;
}

function logSumExp(x: Float64Array) {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i] - m);
  return m + Math.log(s);
}

function sumOfQuotients(a: Float64Array, b: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s -= a[i] / b[i];
  return s;
}

function productOfRoots(a: Float64Array) {
  let p = 1;
  for (let i = 0; i < a.length; i++) p *= Math.sqrt(a[i]);
  return p;
}

function dot(a: Float64Array, b: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Arguments on every branch of exp: tiny (|x| < 2^-28), unreduced (<= ln2/2), k = +-1, general, near overflow and underflow, non-finite. */
function expArgs(rng: Rng, n: number): Float64Array {
  const scales = [1e-9, 0.3, 1, 3, 40, 700, 745];
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (rng() * 2 - 1) * scales[Math.floor(rng() * scales.length)]!;
  const edges = [...expProbes().slice(0, 75), NaN, Infinity, -Infinity, 0, -0, 1, -1, 709.8, -745.2];
  edges.forEach((v, k) => { if (k < n) out[Math.floor(rng() * n)] = v; });
  return out;
}

const SIZES = [0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 33, 100];

test("the inline exp is this engine's Math.exp (the probe accepts it)", () => {
  assert.equal(expMatchesEngine(), true);
  const probes = expProbes();
  assert.ok(probes.length > 6000);
  assert.ok(probes.some((v) => Number.isNaN(v)) && probes.includes(Infinity) && probes.includes(-Infinity));
});

test("exp bit for bit: scalar (opt: 0), two lanes (vector 2) and four lanes (ordered vector 8), 600,000 arguments", () => {
  const scalar = jit(expAll, { opt: 0 }), two = jit(expAll), four = jit(expSum);
  const rng = mulberry32(11);
  for (let round = 0; round < 3; round++) {
    const a = expArgs(rng, 200_000);
    const want = new Float64Array(a.length);
    const wantSum = expSum(a, want);
    for (const [name, f] of [["scalar", scalar], ["two lanes", two], ["four lanes", four]] as const) {
      const got = new Float64Array(a.length);
      const s = f(a, got);
      for (let i = 0; i < a.length; i++)
        if (!Object.is(got[i], want[i])) assert.fail(`${name}: exp(${a[i]}) = ${got[i]}, Math.exp gives ${want[i]}`);
      if (name === "four lanes") assert.ok(Object.is(s, wantSum), `sum ${s} vs ${wantSum}`);
    }
  }
  assert.doesNotMatch(scalar.inspect("wat"), /math_exp|\$exp2/);
  assert.match(two.inspect("wat"), /call \$\$exp2/);
  assert.match(four.inspect("wat"), /call \$\$exp4/);
});

test("native: exp is V8's algorithm in C (nb_exp), bit for bit, 200,000 arguments", { skip: !TARGETS.includes("native") && "no C compiler" }, () => {
  const f = jit(expAll, { target: "native" });
  const a = expArgs(mulberry32(12), 200_000);
  const got = new Float64Array(a.length);
  f(a, got);
  for (let i = 0; i < a.length; i++) if (!Object.is(got[i], Math.exp(a[i]))) assert.fail(`native exp(${a[i]}) = ${got[i]}, Math.exp gives ${Math.exp(a[i])}`);
  assert.match(f.inspect("c"), /nb_exp\(/);
});

test("printed IR: + - * reductions are `ordered` vector loops when the body has work, plain loops otherwise", () => {
  assert.match(optimisedIR(expSum, [f64, f64]), /vector 8 ordered \{/);
  assert.match(optimisedIR(logSumExp, [f64]), /vector 8 \{\n\s+if gt[^\n]*\n\s+\}[\s\S]*vector 8 ordered \{/);
  assert.match(optimisedIR(sumOfQuotients, [f64, f64]), /vector 8 ordered/);
  assert.match(optimisedIR(productOfRoots, [f64]), /vector 8 ordered/);
  // A dot product or a plain sum: lanes would only add extracts to the same chain of additions.
  assert.doesNotMatch(optimisedIR(dot, [f64, f64]), /vector/);
});

test("ordered reductions equal plain JS bitwise on every target, over many sizes and edge values", () => {
  const cases = <T extends unknown[]>(make: (rng: Rng, n: number) => T) => SIZES.map((n, k) => () => make(mulberry32(100 + k), n));
  sameOnTargets("expSum", expSum, cases((r, n) => [expArgs(r, n), new Float64Array(n)]));
  sameOnTargets("logSumExp", logSumExp, cases((r, n) => [randFloats(r, n, -30, 30)]));
  sameOnTargets("sumOfQuotients", sumOfQuotients, cases((r, n) => [withEdges(r, n), randFloats(r, n + 34, -2, 2)]));
  sameOnTargets("productOfRoots", productOfRoots, cases((r, n) => [randFloats(r, n, 0, 3)]));
  // Overflow to Infinity, then NaN from Infinity * 0: the order of the scalar loop decides.
  sameOnTargets("productOfRoots edges", productOfRoots, [() => [Float64Array.from([1e300, 1e300, 1e300, 1e300, 0, 4, 9, 16, 25])]]);
});

test("ordered loops show the in-order combination in the WAT: each lane's value extracted and added", () => {
  const f = jit(sumOfQuotients);
  f(new Float64Array(20).fill(1), new Float64Array(20).fill(3));
  const wat = f.inspect("wat");
  assert.match(wat, /f64x2\.div/);
  assert.match(wat, /f64x2\.extract_lane 0\s+f64\.sub[\s\S]*f64x2\.extract_lane 1\s+f64\.sub/);
});

test("NUMBAT_INLINE_EXP=0: kernels call the engine's Math.exp, lane by lane in vector loops, with the same results", () => {
  const child = `
    import { jit } from ${JSON.stringify(new URL("../src/index.js", import.meta.url).href)};
    ${expSum.toString()}
    const f = jit(expSum);
    const a = Float64Array.from({ length: 37 }, (_, i) => (i - 18) * 0.7), out = new Float64Array(37), want = new Float64Array(37);
    const ok = Object.is(f(a, out), expSum(a, want)) && out.every((v, i) => Object.is(v, want[i]));
    const wat = f.inspect("wat");
    console.log(JSON.stringify({ ok, imported: /math_exp/.test(wat), inline: /\\$\\$exp/.test(wat) }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", child], { encoding: "utf8", env: { ...process.env, NUMBAT_INLINE_EXP: "0" }, cwd: fileURLToPath(new URL(".", import.meta.url)) });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim().split("\n").pop()!), { ok: true, imported: true, inline: false });
});
