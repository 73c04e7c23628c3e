// One answer per call, whatever runs it (issue 16): integer-heavy kernels — an LCG, djb2 and FNV-1a
// without Math.imul, sums of cubes, binomials, `x * 2**40` — give plain JS's bits on the wasm, js and
// native targets, through tier-up from wasm to native, and on the default target's foreign-array
// path (large arrays outside the heap, where calls may switch between the wasm and js backends).

import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { jit, shutdown } from "../src/index.js";
import { dispatcherOf } from "../src/driver/dispatcher.js";
import { findCompiler } from "../src/backends/native/compiler.js";
import { TARGETS } from "./harness.js";

/** Every integer-heavy computation at once, results into `out` (one compile per tier). */
function integerMix(n: number, x: number, a: Int32Array, out: Float64Array) {
  let s = 12345;
  for (let i = 0; i < n; i++) s = (s * 1103515245 + 12345) % 2147483648;
  out[0] = s;
  let h = 5381;
  for (let i = 0; i < n; i++) h = (h * 33 + (i % 251)) % 4294967296;
  out[1] = h;
  let f = 2166136261;
  for (let i = 0; i < n; i++) { f ^= i & 255; f = (f * 16777619) % 4294967296; }
  out[2] = f;
  let c = 0;
  for (let i = 0; i < n * 100; i++) c += i * i * i;
  out[3] = c;
  let r = 1;
  for (let i = 1; i <= 35; i++) r = r * (70 - 35 + i) / i;
  out[4] = r;
  out[5] = x * 2 ** 40 + 1;
  let p = 0;
  for (let i = 0; i < a.length; i++) p += a[i]! * a[i]! * a[i]!;
  out[6] = p;
  out[7] = 1 / (0 * -x);
}

function cubeSum(a: Int32Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]! * a[i]!;
  return s;
}

const small = Int32Array.from({ length: 1000 }, (_, i) => 100000 + i * 977);
const want = new Float64Array(8);
integerMix(1000, 123456789, small, want);
const bits = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("hex");

after(async () => { await shutdown(); });

describe("integer-heavy kernels give one answer on every tier", () => {
  for (const target of TARGETS)
    test(`target ${target}`, () => {
      const out = new Float64Array(8);
      jit(integerMix, { target })(1000, 123456789, small, out);
      assert.equal(bits(out), bits(want));
    });

  test("tier-up from wasm to native: the same bits before and after the switch", { skip: findCompiler() ? false : "no C compiler" }, async () => {
    const f = jit(integerMix, { tierUp: { calls: 0 } });
    const before = new Float64Array(8);
    f(1000, 123456789, small, before);
    assert.equal(bits(before), bits(want));
    const tier = dispatcherOf(f)!.tierOf()!;
    assert.equal(await tier.settled(), "native", tier.reason);
    const afterSwitch = new Float64Array(8);
    f(1000, 123456789, small, afterSwitch);
    assert.equal(bits(afterSwitch), bits(want));
  });

  test("the default target on a large foreign array (wasm and js trials): every call exact", () => {
    const big = Int32Array.from({ length: 1 << 19 }, (_, i) => 100000 + (i % 1000));
    const expected = cubeSum(big);
    const f = jit(cubeSum);
    for (let k = 0; k < 12; k++) assert.ok(Object.is(f(big), expected), `call ${k}: ${f(big)} vs ${expected}`);
  });
});
