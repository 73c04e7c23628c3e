// The kernel language on the CPU simulator: every corpus kernel runs as plain JS (thread by thread, for
// kernels without barriers) or against a host computation, and must match bitwise in f64 mode and
// within binary32 rounding in f32 mode. Also the kernel API (device arrays, grids) and its errors.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { CompileError, DeviceArray, gpu, jit, kernel, prange, toDevice } from "../src/index.js";
import { prng } from "../examples/random.js";

const rand = (n: number, seed: number): number[] => {
  const r = prng(seed);
  return Array.from({ length: n }, () => r() * 2 - 1);
};
import { KERNELS, runPlain, type KernelCase } from "./corpus/kernels.js";

const clone = (args: unknown[]): unknown[] => args.map((a) => (ArrayBuffer.isView(a) ? (a as Float64Array).slice() : a));

function reference(c: KernelCase): unknown[] {
  const args = clone(c.args());
  if (c.expect) return c.expect(args);
  runPlain(c, args);
  return args;
}

function sameBits(got: unknown[], want: unknown[], what: string): void {
  got.forEach((g, i) => {
    if (!ArrayBuffer.isView(g)) return;
    const a = g as unknown as ArrayLike<number>, b = want[i] as ArrayLike<number>;
    for (let k = 0; k < a.length; k++)
      if (!Object.is(a[k], b[k])) assert.fail(`${what}: argument ${i}, element ${k}: got ${a[k]}, want ${b[k]}`);
  });
}

/** f32 mode vs the f64 reference: floats within a few binary32 ulps (relative to the inputs' scale). */
function closeF32(got: unknown[], want: unknown[], what: string): void {
  got.forEach((g, i) => {
    if (!(g instanceof Float32Array)) return;
    const b = want[i] as Float32Array;
    const scale = Math.max(1, ...Array.from(b, (x) => Math.abs(x)).filter(Number.isFinite));
    for (let k = 0; k < g.length; k++) {
      const d = Math.abs(g[k]! - b[k]!);
      if (!(d <= 1e-5 * scale) && !(Number.isNaN(g[k]) && Number.isNaN(b[k])))
        assert.fail(`${what}: argument ${i}, element ${k}: got ${g[k]}, want ${b[k]} (|diff| ${d} > ${1e-5 * scale})`);
    }
  });
}

describe("kernel corpus on gpusim", () => {
  for (const c of KERNELS) {
    test(`${c.name}: f64 matches plain JS bitwise`, async () => {
      const k = kernel(c.fn, { target: "gpusim", float: "f64", scope: c.scope });
      const args = clone(c.args());
      await k.launch(c.grid, ...args);
      sameBits(args, reference(c), c.name);
    });
    if (c.webgpu) test(`${c.name}: f32 is within binary32 rounding`, async () => {
      const k = kernel(c.fn, { target: "gpusim", float: "f32", scope: c.scope });
      const args = clone(c.args());
      await k.launch(c.grid, ...args);
      const want = reference(c);
      closeF32(args, want, c.name);
      // Integer results that do not depend on float rounding must be exact.
      if (c.name !== "mandelbrot") args.forEach((a, i) => { if (a instanceof Int32Array || a instanceof Uint32Array) assert.deepEqual(a, want[i]); });
    });
  }
});

describe("kernel API", () => {
  const addOne = kernel(function addOne(a: Float32Array) {
    const i = gpu.globalId.x;
    if (i < a.length) a[i] += 1;
  });

  test("device arrays stay on the device between launches", async () => {
    const host = new Float32Array([1, 2, 3, 4, 5]);
    const d = await toDevice(host);
    assert.ok(d instanceof DeviceArray);
    for (let r = 0; r < 3; r++) await addOne.launch({ groups: 1, groupSize: 8 }, d);
    assert.deepEqual(host, new Float32Array([1, 2, 3, 4, 5]), "the host copy is untouched");
    assert.deepEqual(await d.toHost(), new Float32Array([4, 5, 6, 7, 8]));
    await d.write(new Float32Array(5));
    assert.deepEqual(await d.toHost(), new Float32Array(5));
    d.free();
    await assert.rejects(() => d.toHost(), /freed/);
  });

  test("f32 mode rounds every operation: (a + b) - a", async () => {
    const k = kernel(function cancel(a: number, b: number, out: Float64Array) {
      out[0] = a + b - a;
    }, { float: "f32" });
    const out = new Float64Array(1);
    await k.launch({ groups: 1 }, 1, 1e-9, out);
    assert.equal(out[0], 0); // in binary32, 1 + 1e-9 is 1
    await kernel(k.fn).launch({ groups: 1 }, 1, 1e-9, out);
    assert.equal(out[0], 1 + 1e-9 - 1);
  });

  test("inspect shows the IR and the generated code", async () => {
    await addOne.launch({ groups: 1, groupSize: 8 }, new Float32Array(3));
    assert.match(addOne.inspect("ir"), /gpu\.globalId\.x/);
    assert.match(addOne.inspect("ir"), /kernel groupSize 8x1x1 float f64/);
    assert.match(addOne.inspect("code"), /function\*/);
  });

  test("out-of-bounds accesses throw in the simulator, naming the array", async () => {
    const k = kernel(function oob(a: Float32Array) { a[gpu.globalId.x] = 1; });
    await assert.rejects(() => k.launch({ groups: 1, groupSize: 4 }, new Float32Array(3)), /'a'.*3/s);
  });

  test("a barrier reached by only some threads is an error, not a hang", async () => {
    const k = kernel(function diverge(a: Float32Array) {
      if (gpu.localId.x < 2) gpu.barrier();
      a[gpu.globalId.x] = 1;
    });
    await assert.rejects(() => k.launch({ groups: 1, groupSize: 4 }, new Float32Array(4)), /barrier\(\) was reached by 2 of the 4 threads/);
  });

  test("launch configuration and arguments are checked", async () => {
    await assert.rejects(() => addOne.launch({ groups: 0 }, new Float32Array(1)), /groups must be 1 to 3 positive integers/);
    await assert.rejects(() => addOne.launch({ groups: [1, 1, 1, 1] }, new Float32Array(1)), /groups/);
    await assert.rejects(() => addOne.launch({ groups: 1 }), /expected 1 argument, got 0/);
    await assert.rejects(() => addOne.launch({ groups: 1 }, [1, 2]), /plain JS Array/);
    assert.throws(() => kernel(addOne.fn, { target: "metal" as "cuda" }), /target must be/);
  });

  test("device-array misuse gets a clear error", async () => {
    await assert.rejects(() => toDevice([1, 2] as unknown as Float32Array), /toDevice: expected a typed array, got \[object Array\]/);
    const d = await toDevice(new Float32Array(4));
    await assert.rejects(() => d.write(new Float64Array(4) as unknown as Float32Array), /expected 4 elements of Float32Array, got 4 of Float64Array/);
    await assert.rejects(() => d.write(new Float32Array(3)), /expected 4 elements of Float32Array, got 3/);
    const onCuda = Object.assign(Object.create(DeviceArray.prototype), { target: "cuda", dtype: "f32", length: 4 });
    await assert.rejects(() => addOne.launch({ groups: 1 }, onCuda), /argument 'a' lives on "cuda", but this code runs on "gpusim"/);
    d.free();
  });

  test("plain calls of a kernel with barriers say how to launch it", () => {
    assert.throws(() => gpu.barrier(), /launch the kernel/);
  });
});

describe("kernel diagnostics", () => {
  const compileError = async (fn: Function, code: string, re: RegExp, args: unknown[] = [new Float32Array(4)]) => {
    const err = await kernel(fn).launch({ groups: 1 }, ...args).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof CompileError, `expected CompileError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, re);
    assert.match(err.message, /\|/); // a code frame
  };

  test("kernels return nothing", () => compileError(function r(a: Float32Array) { return a[0]; }, "NB120", /returns a value/));
  test("kernels allocate nothing", () => compileError(function al(a: Float32Array) { const t = new Float32Array(4); a[0] = t[0]!; }, "NB120", /cannot allocate/));
  test("kernels call no functions", () => {
    const f = jit((x: number) => x + 1);
    return assert.rejects(() => kernel(function c(a: Float32Array) { a[0] = f(1); }, { scope: { f } }).launch({ groups: 1 }, new Float32Array(1)), /cannot call other functions/);
  });
  test("n-d arrays are not kernel arguments", () =>
    compileError(function nd(a: unknown) { return; }, "NB120", /n-d array/, [{ data: new Float32Array(4), shape: [2, 2], stride: [2, 1], offset: 0 }]));
  test("unknown axis", () => compileError(function ax(a: Float32Array) { a[0] = (gpu.globalId as any).w; }, "NB121", /axis/));
  test("unknown position", () => compileError(function ps(a: Float32Array) { a[0] = (gpu as any).threadId.x; }, "NB121", /not a thread position/));
  test("shared arrays at the top level only", () =>
    compileError(function sh(a: Float32Array) { if (a[0]! > 0) { const t = gpu.shared(4, "float32"); a[0] = t[0]!; } }, "NB121", /top level/));
  test("shared array size known at compile time", () =>
    compileError(function sz(a: Float32Array, n: number) { const t = gpu.shared(n, "float32"); a[0] = t[0]!; }, "NB121", /known at compile time/, [new Float32Array(4), 4]));
  test("gpu.* outside a kernel", () => {
    const f = jit(function notKernel(a: Float32Array) { a[0] = gpu.globalId.x; });
    assert.throws(() => f(new Float32Array(1)), (e: unknown) => e instanceof CompileError && e.code === "NB121" && /only inside GPU kernels/.test(e.message));
  });
});

describe("automatic offload of prange nests (target gpusim)", () => {
  const plainAndGpu = async (fn: (...a: any[]) => void, make: () => unknown[]) => {
    const want = make(), got = make();
    fn(...want);
    await jit(fn, { target: "gpusim" })(...got);
    sameBits(got, want, fn.name);
  };

  test("the seed matmul, 2-d grid", () =>
    plainAndGpu(function mm(A: Float64Array, B: Float64Array, C: Float64Array, n: number) {
      for (const i of prange(n)) for (const j of prange(n)) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A[i * n + k]! * B[k * n + j]!;
        C[i * n + j] = s;
      }
    }, () => [new Float64Array(rand(33 * 33, 1)), new Float64Array(rand(33 * 33, 2)), new Float64Array(33 * 33), 33]));

  test("prologue scalars, steps, inclusive bounds and several nests", () =>
    plainAndGpu(function steps(a: Float32Array, b: Int32Array) {
      const n = a.length, h = n >> 1;
      for (const i of prange(1, h, 2)) a[i] = a[i]! * 2 + i;
      for (const i of prange(h, n)) a[i] = a[i - h]! - 1;
      for (const k of prange(0, b.length)) b[k] = k * h;
    }, () => [new Float32Array(rand(301, 3)), new Int32Array(50)]));

  test("3-d grid and a dependent inner bound (run in order per thread)", () =>
    plainAndGpu(function tri(out: Float64Array, n: number) {
      for (const i of prange(n)) for (const j of prange(n)) for (const k of prange(2)) {
        let s = 0;
        for (const m of prange(i + 1)) s += m * j; // depends on i: sequential inside the thread
        out[(i * n + j) * 2 + k] = s + k;
      }
    }, () => [new Float64Array(7 * 7 * 2), 7]));

  test("what cannot be offloaded is a CompileError", async () => {
    const bad = async (fn: (...a: any[]) => any, re: RegExp) => {
      const err = await jit(fn, { target: "gpusim" })(new Float64Array(4)).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof CompileError && err.code === "NB122", String(err));
      assert.match((err as Error).message, re);
    };
    await bad(function noLoop(a: Float64Array) { a[0] = 1; }, /only prange loop nests/);
    await bad(function ret(a: Float64Array) { return a[0]; }, /returns a value/);
    await bad(function red(a: Float64Array) {
      let s = 0;
      for (const i of prange(a.length)) s += a[i]!;
      a[0] = s;
    }, /reductions across GPU threads/);
  });
});
