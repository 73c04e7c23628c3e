// Calls with large arrays outside numbat's heap (src/driver/foreign.ts): the choice between the wasm
// kernel (which copies them) and the js backend, on a simulated clock, and — through jit — that
// whichever runs, results are plain JS's bit for bit.

import { test } from "node:test";
import assert from "node:assert/strict";
import { foreignAware } from "../src/driver/foreign.js";
import { jit, zeros } from "../src/index.js";
import { mulberry32, randFloats } from "./harness.js";

const MiB = 1 << 20;

/** A fake kernel pair on a simulated clock: each call advances it by its cost; records what ran. */
function simulate(o: { wasmMs: number; jsMs: number; copyMs: number; jsFails?: boolean }) {
  let clock = 0;
  const ran: string[] = [];
  const wasm = () => { clock += o.wasmMs; ran.push("wasm"); return "w"; };
  const js = () => {
    if (o.jsFails) throw new Error("cannot compile for js");
    return () => { clock += o.jsMs; ran.push("js"); return "j"; };
  };
  const run = foreignAware(wasm, js, [0], () => o.copyMs, () => clock);
  return { run, ran };
}

const foreign = (bytes: number) => [new Float64Array(bytes / 8)];

test("small copies and heap arrays always run the wasm kernel", () => {
  const s = simulate({ wasmMs: 10, jsMs: 1, copyMs: 9 });
  for (let i = 0; i < 20; i++) s.run(foreign(MiB / 32));
  const heapArg = zeros(MiB / 8).data;
  for (let i = 0; i < 20; i++) s.run([heapArg]);
  assert.deepEqual(new Set(s.ran), new Set(["wasm"]));
});

test("a kernel whose copies are a small share of the call stays on wasm without trying js", () => {
  const s = simulate({ wasmMs: 100, jsMs: 1, copyMs: 5 });
  for (let i = 0; i < 20; i++) s.run(foreign(4 * MiB));
  assert.ok(s.ran.every((k) => k === "wasm"));
});

test("a one-pass kernel where js is faster: trials alternate, then js runs", () => {
  const s = simulate({ wasmMs: 10, jsMs: 6, copyMs: 5 });
  for (let i = 0; i < 20; i++) s.run(foreign(4 * MiB));
  assert.deepEqual(s.ran.slice(0, 9), ["wasm", "wasm", "js", "js", "js", "wasm", "js", "wasm", "js"]);
  assert.ok(s.ran.slice(9).every((k) => k === "js"));
  // Another size class is measured on its own.
  s.ran.length = 0;
  s.run(foreign(64 * MiB));
  assert.deepEqual(s.ran, ["wasm"]);
});

test("js only slightly faster (within 10%), much slower, or not compilable: wasm", () => {
  const close = simulate({ wasmMs: 10, jsMs: 9.5, copyMs: 5 });
  for (let i = 0; i < 20; i++) close.run(foreign(4 * MiB));
  assert.ok(close.ran.slice(9).every((k) => k === "wasm"));
  const slow = simulate({ wasmMs: 10, jsMs: 25, copyMs: 5 });
  for (let i = 0; i < 20; i++) slow.run(foreign(4 * MiB));
  assert.equal(slow.ran.filter((k) => k === "js").length, 3, "the warm-up calls and one counted trial");
  const fails = simulate({ wasmMs: 10, jsMs: 1, copyMs: 5, jsFails: true });
  for (let i = 0; i < 20; i++) fails.run(foreign(4 * MiB));
  assert.ok(fails.ran.every((k) => k === "wasm"));
});

test("through jit: one-pass kernels on large ordinary arrays give plain JS's results on every call, whichever path runs", () => {
  function sum(a: Float64Array) {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i];
    return s;
  }
  function axpy(a: number, x: Float64Array, y: Float64Array) {
    for (let i = 0; i < x.length; i++) y[i] += a * x[i];
  }
  const r = mulberry32(7);
  const x = randFloats(r, MiB / 4, -1e6, 1e6), y = randFloats(r, MiB / 4);
  const js = jit(sum), jaxpy = jit(axpy);
  const y1 = y.slice(), y2 = y.slice();
  for (let call = 0; call < 14; call++) {
    assert.ok(Object.is(js(x), sum(x)), `sum, call ${call}`);
    axpy(0.5, x, y1);
    jaxpy(0.5, x, y2);
    assert.ok(y1.every((v, i) => Object.is(v, y2[i])), `axpy, call ${call}`);
  }
});
