// Scalar clean-ups after the loop optimiser (passes/bounds.ts#guardedIndices, passes/hoist.ts): bounds
// checks that a dominating `0 <= b < size` test proves are dropped, `f2idx` of an integral value in
// that range becomes a plain truncation, and loop-invariant int -> f64 conversions move before the
// loop. The printed IR and the wasm show what changed; the histogram kernel and its variants that must
// keep their checks stay bitwise identical to plain JS (and raise the same errors) on every target.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit } from "../src/index.js";
import { TARGETS, assertSameValue, cloneArgs, jitFn, mulberry32, type AnyFn, optimisedIR } from "./harness.js";
import { arrayType, type Type } from "../src/ir/types.js";

const f64 = arrayType("f64", 1, false);
const i32 = arrayType("i32", 1, false);


/** The body of the first loop in `wat` whose label starts with `label` (up to its back edge). */
function loopBody(wat: string, label: string): string {
  const at = wat.indexOf(`loop $${label}`);
  assert.ok(at >= 0, `no loop ${label}`);
  const name = wat.slice(at + 5).split(/\s/)[0]!;
  const end = wat.indexOf(`br ${name}`, at);
  assert.ok(end > at, `no back edge of ${name}`);
  return wat.slice(at, end);
}

function same(name: string, fn: AnyFn, cases: readonly (() => unknown[])[]): void {
  for (const target of TARGETS) {
    const f = jitFn(fn, { target });
    cases.slice(0, target === "native" ? 3 : undefined).forEach((make, k) => {
      const want = make(), got = cloneArgs(want);
      let e0: unknown, e1: unknown;
      try { fn(...want); } catch (e) { e0 = e; }
      try { f(...got); } catch (e) { e1 = e; }
      const where = `${name} [${target}, case ${k}]`;
      assert.equal(e1 === undefined, e0 === undefined, `${where}: ${String(e0 ?? e1)}`);
      want.forEach((a, i) => { if (typeof a === "object") assertSameValue(got[i], a, `${where}: argument ${i}`); });
    });
  }
}

// ---- kernels -----------------------------------------------------------------------------------------

function histogram(x: Float64Array, counts: Int32Array, lo: number, hi: number) {
  const nb = counts.length;
  for (let b = 0; b < nb; b++) counts[b] = 0;
  const scale = nb / (hi - lo);
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor((x[i] - lo) * scale);
    if (b >= 0 && b < nb) counts[b]++;
  }
}

/** The bound read directly, an int index, the test written the other way round. */
function intIndex(keys: Int32Array, counts: Int32Array) {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] >> 4;
    if (counts.length > k && -1 < k) counts[k] += 1;
  }
}

/** No floor: a fractional b is out of bounds (index -1), so the check stays. */
function fractional(x: Float64Array, counts: Int32Array) {
  for (let i = 0; i < x.length; i++) {
    const b = x[i] * 4;
    if (b >= 0 && b < counts.length) counts[b]++;
  }
}

/** Only a lower bound: the check stays. */
function lowerOnly(x: Float64Array, counts: Int32Array) {
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor(x[i]);
    if (b >= 0) counts[b]++;
  }
}

/** Only an upper bound: negative indices must still be caught. */
function upperOnly(x: Float64Array, counts: Int32Array) {
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor(x[i]);
    if (b < counts.length) counts[b]++;
  }
}

/** b changes between the test and the access: the check stays (and fires for the last bin). */
function moved(x: Float64Array, counts: Int32Array) {
  for (let i = 0; i < x.length; i++) {
    let b = Math.floor(x[i]);
    if (b >= 0 && b < counts.length) {
      b = b + 1;
      counts[b]++;
    }
  }
}

/** The bound variable is assigned twice: it may exceed the size. */
function reassignedBound(x: Float64Array, counts: Int32Array, extra: number) {
  let nb = counts.length;
  nb = nb + extra;
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor(x[i]);
    if (b >= 0 && b < nb) counts[b]++;
  }
}

/** The test guards another array than the one indexed. */
function otherArray(x: Float64Array, counts: Int32Array, small: Int32Array) {
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor(x[i]);
    if (b >= 0 && b < counts.length) small[b]++;
  }
}

// ---- what the passes do ----------------------------------------------------------------------------------

test("a dominating 0 <= b < size test drops the checks; invariant conversions move before the loop", () => {
  const ir = optimisedIR(histogram, [f64, i32, "int", "int"]);
  assert.match(ir, /conv\.\d+: f64 = i2f\(lo\)\n\s+conv\.\d+: f64 = i2f\(nb\.\d+\)\n\s+for i\.\d+ = 0 lt length\(x\)/);
  assert.match(ir, /b\.\d+: f64 = floor\(mul\(sub\(load! x\[i\.\d+\], conv\.\d+\), scale\.\d+\)\)/);
  assert.match(ir, /if and\(ge\(b\.\d+, 0\.0\), lt\(b\.\d+, conv\.\d+\)\) \{\n\s+idx\.\d+: int = f2idx\(b\.\d+\)\n\s+old\.\d+: int = load! counts\[idx\.\d+\]\n\s+store! counts\[idx\.\d+\]/);
  assert.doesNotMatch(ir, /load counts|store counts\[idx/, "no checked access of counts is left in the counting loops");
  assert.match(optimisedIR(intIndex, [i32, i32]), /load! counts\[k\.\d+\][\s\S]*store! counts\[k\.\d+\]/);
});

test("checks stay where the test does not prove the index: fractional, one-sided, moved, reassigned bound, other array", () => {
  for (const [fn, types] of [
    [fractional, [f64, i32]], [lowerOnly, [f64, i32]], [upperOnly, [f64, i32]], [moved, [f64, i32]], [reassignedBound, [f64, i32, "int"]], [otherArray, [f64, i32, i32]],
  ] as const) {
    const ir = optimisedIR(fn, types as unknown as Type[]);
    assert.match(ir, /= load (counts|small)\[/, `${fn.name} keeps its checked load`);
    assert.doesNotMatch(ir, /load! (counts|small)\[/, `${fn.name}`);
  }
});

test("inspect('wat'): the counting loop has no bounds check, no int -> f64 conversion, no fractional test", () => {
  const h = jit(histogram);
  h(new Float64Array(10), new Int32Array(4), 0, 1);
  const wat = h.inspect("wat");
  // The counting loop's fast copy is the first loop that computes a floor.
  const loops = [...wat.matchAll(/loop \$(top\d+)/g)].map((m) => m[1]!);
  const hot = loops.map((l) => loopBody(wat, l)).find((b) => b.includes("f64.floor"))!;
  assert.doesNotMatch(hot, /call \$env\.oob/);
  assert.doesNotMatch(hot, /f64\.convert_i64_s/);
  assert.match(hot, /f64\.floor[\s\S]*i64\.trunc_sat_f64_s\n\s+local\.set \$idx/);
  assert.doesNotMatch(hot, /i64\.trunc_sat_f64_s\n\s+local\.tee/, "no fractional test");
});

// ---- bitwise identical, same errors ---------------------------------------------------------------------

const SIZES = [0, 1, 3, 5, 17, 100];
const EDGES = [NaN, Infinity, -Infinity, -0, 0, 1, 0.999999999, -1e-300, 1e300, 2 ** 63, -(2 ** 63), 0.5];

function values(n: number, seed: number, lo: number, hi: number): Float64Array {
  const r = mulberry32(seed);
  return Float64Array.from({ length: n }, () => (r() < 0.25 ? EDGES[Math.floor(r() * EDGES.length)]! : lo + (hi - lo) * r()));
}

test("histogram and its variants equal plain JS bitwise on every target (NaN, infinities, out-of-range values)", () => {
  same("histogram", histogram, SIZES.flatMap((n) => [() => [values(n, n, -0.2, 1.2), new Int32Array(8), 0, 1], () => [values(n, n + 1, 3, 9), new Int32Array(5), 4, 8]]));
  same("int index", intIndex, SIZES.map((n) => () => [Int32Array.from(values(n, n + 2, -40, 300), (v) => v | 0), new Int32Array(16)]));
  same("lower only (in range)", lowerOnly, SIZES.map((n) => () => [values(n, n + 3, 0, 6).map((v) => (v >= 0 && v < 6 ? v : 2)), new Int32Array(6)]));
  same("reassigned bound", reassignedBound, SIZES.map((n) => () => [values(n, n + 4, -1, 5).map((v) => (Number.isFinite(v) ? v : 0)), new Int32Array(5), 0]));
  same("other array", otherArray, SIZES.map((n) => () => [values(n, n + 5, 0, 3.9).map((v) => (Number.isFinite(v) ? Math.abs(v) % 4 : 0)), new Int32Array(8), new Int32Array(4)]));
});

test("where the checks stay, out-of-range indices still raise the RangeError of unoptimised code", () => {
  const cases: [AnyFn, () => unknown[]][] = [
    [fractional, () => [Float64Array.of(0.25, 0.5, 0.375), new Int32Array(4)]],
    [lowerOnly, () => [Float64Array.of(1, 2, 9), new Int32Array(4)]],
    [upperOnly, () => [Float64Array.of(1, 2, -1), new Int32Array(4)]],
    [moved, () => [Float64Array.of(0, 3.5), new Int32Array(4)]],
    [reassignedBound, () => [Float64Array.of(1, 6), new Int32Array(4), 3]],
    [otherArray, () => [Float64Array.of(1, 6), new Int32Array(8), new Int32Array(4)]],
  ];
  for (const [fn, make] of cases) {
    const msg = (f: AnyFn) => { try { f(...make()); } catch (e) { return e instanceof RangeError ? e.message.replace(/ at .*/, "") : `not a RangeError: ${String(e)}`; } return "no error"; };
    const want = msg(jitFn(fn, { target: "wasm", opt: 0 } as never));
    assert.match(want, /out of bounds/, fn.name);
    for (const target of TARGETS) assert.equal(msg(jitFn(fn, { target })), want, `${fn.name} [${target}]`);
  }
});
