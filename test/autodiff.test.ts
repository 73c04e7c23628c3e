// Automatic differentiation (src/autodiff, docs/autodiff.md): gradients of the corpus in
// test/corpus/autodiff.ts checked against central finite differences of the plain function and
// against closed-form gradients, forward mode against reverse mode, on every target; plus the
// documented subgradients, the API's shapes and the compile errors with their code frames.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CompileError, NdArray, grad, jacfwd, jacrev, jit, jvp, valueAndGrad, vjp, zeros } from "../src/index.js";
import { AD_CORPUS, logisticLoss, type AdCase } from "./corpus/autodiff.js";
import { TARGETS, mulberry32 } from "./harness.js";
import { matrixMultiplyLoops } from "../examples/seed.js";

type AnyFn = (...args: any[]) => any;
type Value = number | ArrayLike<number> | NdArray;

const flat = (x: Value): number[] => (typeof x === "number" ? [x] : x instanceof NdArray ? Array.from(x.data) : Array.from(x as ArrayLike<number>));

function close(got: number, want: number, rel: number, what: string): void {
  const ok = got === want || Math.abs(got - want) <= rel * Math.max(1, Math.abs(want), Math.abs(got));
  assert.ok(ok, `${what}: got ${got}, want ${want} (difference ${Math.abs(got - want)}, tolerance ${rel} relative)`);
}

function closeAll(got: Value, want: Value, rel: number, what: string): void {
  const g = flat(got), w = flat(want);
  assert.equal(g.length, w.length, `${what}: ${g.length} elements, want ${w.length}`);
  g.forEach((x, i) => close(x, w[i]!, rel, `${what}[${i}]`));
}

/** Number of scalars in argument `a`, and a way to read/perturb element j of a fresh copy. */
const sizeOf = (a: unknown): number => (typeof a === "number" ? 1 : flat(a as Value).length);
function perturbed(c: AdCase, k: number, j: number, delta: number): unknown[] {
  const args = c.args();
  const a = args[k];
  if (typeof a === "number") args[k] = a + delta;
  else if (a instanceof NdArray) a.data[j] += delta;
  else (a as Float64Array)[j] += delta;
  return args;
}
const elementOf = (a: unknown, j: number): number => (typeof a === "number" ? a : flat(a as Value)[j]!);

/** Central finite differences of the plain function, per differentiated argument. */
function finiteDifferences(c: AdCase): number[][] {
  const base = c.args();
  return c.argnums.map((k) => Array.from({ length: sizeOf(base[k]) }, (_, j) => {
    const h = 1e-5 * Math.max(1, Math.abs(elementOf(base[k], j)));
    return (c.fn(...perturbed(c, k, j, h)) - c.fn(...perturbed(c, k, j, -h))) / (2 * h);
  }));
}

/** A random direction shaped like each differentiated argument. */
function directions(c: AdCase, seed: number): unknown[] {
  const rng = mulberry32(seed);
  const args = c.args();
  return c.argnums.map((k) => {
    const a = args[k];
    if (typeof a === "number") return rng() - 0.5;
    if (a instanceof NdArray) { const d = zeros(a.shape); for (let i = 0; i < d.data.length; i++) d.data[i] = rng() - 0.5; return d; }
    return Float64Array.from(a as Float64Array, () => rng() - 0.5);
  });
}

const snapshot = (args: unknown[]): number[][] => args.map((a) => (typeof a === "number" ? [a] : flat(a as Value)));

for (const target of TARGETS) {
  describe(`autodiff on ${target}: the corpus`, () => {
    for (const c of AD_CORPUS) {
      if (target === "native" && !c.native) continue;
      test(c.name, () => {
        const f = jit(c.fn, { target, scope: c.scope });
        const args = c.args();
        const before = snapshot(args);
        const [value, grads] = valueAndGrad(f, [...c.argnums])(...args);
        assert.deepEqual(snapshot(args), before, "the arguments are left as they were");
        close(value, c.fn(...c.args()), target === "native" ? 1e-12 : 0, "value");
        // Each gradient has its argument's shape and kind.
        grads.forEach((g, i) => {
          const a = args[c.argnums[i]!];
          if (typeof a === "number") assert.equal(typeof g, "number");
          else if (a instanceof NdArray) assert.deepEqual((g as NdArray).shape, a.shape);
          else assert.ok(g instanceof Float64Array && g.length === (a as Float64Array).length);
        });
        // Against central finite differences of the plain function.
        finiteDifferences(c).forEach((fd, i) => closeAll(grads[i]!, fd, c.fdTol ?? 1e-6, `d/d(arg ${c.argnums[i]}) vs finite differences`));
        // Against the closed form.
        if (c.analytic) c.analytic(...c.args()).forEach((want, i) => closeAll(grads[i]!, want, 1e-10, `d/d(arg ${c.argnums[i]}) vs analytic`));
        // Forward mode along a random direction equals the gradient's dot product with it.
        const dirs = directions(c, 7);
        const [v2, tangent] = jvp(f, [...c.argnums])(c.args() as never, dirs);
        close(v2 as number, value, 1e-12, "jvp value");
        const dot = grads.reduce<number>((s, g, i) => s + flat(g).reduce((t, x, j) => t + x * flat(dirs[i] as Value)[j]!, 0), 0);
        close(tangent as number, dot, 1e-9, "jvp tangent vs gradient · direction");
      });
    }
  });
}

describe("autodiff: API", () => {
  test("grad with one index returns that derivative; numbers differentiate as floats", () => {
    const f = jit((x: number, n: number) => x ** 3 + n);
    assert.equal(grad(f)(2, 5), 12);
    assert.equal(grad(f)(2.5, 5), 3 * 2.5 * 2.5);
    assert.deepEqual(grad(f, [0, 1])(2, 5), [12, 1]);
  });

  test("integer and boolean arguments are constants; asking for their derivative is a TypeError", () => {
    const f = jit((x: Float64Array, idx: Int32Array, flag: boolean) => (flag ? x[idx[0]!]! * 2 : 0));
    const x = new Float64Array([1, 2, 3]), idx = new Int32Array([2]);
    assert.deepEqual(grad(f)(x, idx, true), new Float64Array([0, 0, 2]));
    assert.throws(() => grad(f, 1)(x, idx, true), /integer array.*no derivative/);
    assert.throws(() => grad(f, 2)(x, idx, true), /boolean.*no derivative/);
    assert.throws(() => grad(f, 3)(x, idx, true), /argument 3, which does not exist/);
  });

  test("vjp of the seed matmul: dA = W Bᵀ, dB = Aᵀ W", () => {
    for (const target of TARGETS) {
      const mm = jit(matrixMultiplyLoops, { target });
      const A = zeros([3, 4]), B = zeros([4, 2]), W = zeros([3, 2]);
      const rng = mulberry32(3);
      for (const M of [A, B, W]) for (let i = 0; i < M.data.length; i++) M.data[i] = rng() - 0.5;
      const [C, back] = vjp(mm)(A, B);
      assert.deepEqual((C as NdArray).shape, [3, 2]);
      const [dA, dB] = back(W) as NdArray[];
      for (let i = 0; i < 3; i++) for (let k = 0; k < 4; k++) {
        let s = 0;
        for (let j = 0; j < 2; j++) s += W.get(i, j) * B.get(k, j);
        close(dA!.get(i, k), s, 1e-14, `${target} dA[${i},${k}]`);
      }
      for (let k = 0; k < 4; k++) for (let j = 0; j < 2; j++) {
        let s = 0;
        for (let i = 0; i < 3; i++) s += A.get(i, k) * W.get(i, j);
        close(dB!.get(k, j), s, 1e-14, `${target} dB[${k},${j}]`);
      }
      assert.throws(() => back(zeros([2, 3])), /cotangent must be an array of shape \[3,2\]/);
    }
  });

  test("jacfwd and jacrev agree with each other and with the closed form", () => {
    const field = jit(function field(x: Float64Array) {
      const y = new Float64Array(3);
      y[0] = x[0]! * x[1]!;
      y[1] = Math.sin(x[2]!) + x[0]!;
      y[2] = x[1]! * x[1]! * x[2]!;
      return y;
    });
    const x = new Float64Array([0.3, -1.2, 0.8]);
    const want = [x[1]!, x[0]!, 0, 1, 0, Math.cos(x[2]!), 0, 2 * x[1]! * x[2]!, x[1]! * x[1]!];
    const Jf = jacfwd(field)(x) as NdArray, Jr = jacrev(field)(x) as NdArray;
    assert.deepEqual(Jf.shape, [3, 3]);
    closeAll(Jf, want, 1e-15, "jacfwd");
    closeAll(Jr, want, 1e-15, "jacrev");
    const [y, ty] = jvp(field)([x], [new Float64Array([1, 0, 0])]);
    closeAll(y as Float64Array, [x[0]! * x[1]!, Math.sin(x[2]!) + x[0]!, x[1]! * x[1]! * x[2]!], 0, "jvp value of an array function");
    closeAll(ty as Float64Array, [x[1]!, 1, 0], 0, "jvp tangent of an array function");
    const sq = jit((t: number) => t * t);
    assert.equal(jacfwd(sq)(3), 6);
    assert.equal(jacrev(sq)(3), 6);
  });

  test("the tape holds only what the reverse sweep needs: one value per sample for logistic regression", () => {
    const f = jit(logisticLoss);
    const c = AD_CORPUS.find((x) => x.name === "logisticLoss")!;
    const g = grad(f, 2);
    g(...(c.args() as [never, never, never]));
    assert.equal(g.tape!.bytes, 8 * 40);
    assert.match(g.inspect("ir"), /_vjp/);
  });
});

describe("autodiff: subgradients at kinks and ties (docs/autodiff.md)", () => {
  for (const target of TARGETS.filter((t) => t !== "native")) {
    test(`${target}: abs, min, max, floor, fround`, () => {
      const abs = jit((x: number) => Math.abs(x), { target });
      assert.equal(grad(abs)(0), 0);
      assert.equal(grad(abs)(-3), -1);
      assert.equal(grad(abs)(2), 1);
      const max = jit((x: number, y: number) => Math.max(x, y), { target });
      assert.deepEqual(grad(max, [0, 1])(2, 2), [1, 0], "a tie goes to the first argument");
      assert.deepEqual(grad(max, [0, 1])(1, 2), [0, 1]);
      const min3 = jit((x: number, y: number, z: number) => Math.min(x, y, z), { target });
      assert.deepEqual(grad(min3, [0, 1, 2])(4, 1, 1), [0, 1, 0]);
      const [, t] = jvp(min3)([4, 1, 1], [10, 20, 30]);
      assert.equal(t, 20, "forward mode follows the same argument");
      const fl = jit((x: number) => Math.floor(x) + Math.round(x) + Math.sign(x) + Math.trunc(x) + Math.ceil(x), { target });
      assert.equal(grad(fl)(1.5), 0);
      const fr = jit((x: number) => Math.fround(x) * 2, { target });
      assert.equal(grad(fr)(0.1), 2);
      const sq = jit((x: number) => Math.sqrt(x), { target });
      assert.equal(grad(sq)(0), Infinity);
    });
  }
});

describe("autodiff: compile errors", () => {
  function compileError(fn: AnyFn, call: (f: AnyFn) => unknown, code: string, frame: RegExp): CompileError {
    const f = jit(fn);
    try {
      call(f);
    } catch (e) {
      assert.ok(e instanceof CompileError, `expected a CompileError, got ${String(e)}`);
      assert.equal(e.code, code, e.message);
      assert.match(e.message, frame);
      return e;
    }
    assert.fail("no error");
  }

  test("NB500: a derivative through an integer conversion, pointing at the conversion", () => {
    const e = compileError(function toInt(x: number) {
      const k = x | 0;
      return k * x;
    }, (f) => grad(f)(1.5), "NB500", />\s*2 \|\s+const k = x \| 0;/);
    assert.match(e.message, /converted to a 32-bit integer/);
    compileError(function index(a: Float64Array, x: number) {
      return a[x * 2];
    }, (f) => grad(f, 1)(new Float64Array(4), 1.5), "NB500", /return a\[x \* 2\][^]*\^/);
    // The same function is fine when the index is a constant.
    const ok = jit(function index(a: Float64Array, x: number) { return a[x * 2]! * x; });
    assert.deepEqual(grad(ok, 0)(new Float64Array([1, 2, 3, 4]), 1), new Float64Array([0, 0, 1, 0]));
    compileError(function store(a: Int32Array, x: number) {
      a[0] = x * 3;
      return x + a[0]!;
    }, (f) => grad(f, 1)(new Int32Array(2), 1.5), "NB500", /a\[0\] = x \* 3/);
  });

  test("NB501: Math.random, and calls where the derivative cannot follow them", () => {
    compileError(function noisy(x: number) {
      return x * Math.random();
    }, (f) => grad(f)(1.5), "NB501", /Math\.random/);
    const h = jit((x: number) => x * x);
    const f = jit(function lazyCall(x: number) { return x > 0 ? h(x) : 0; }, { scope: { h } });
    assert.throws(() => grad(f)(1.5), (e: unknown) => e instanceof CompileError && e.code === "NB501" && /h\(x\)/.test(e.message));
  });

  test("NB502: an array variable reassigned while the derivative needs the old one", () => {
    compileError(function realloc(x: number) {
      let a = new Float64Array(2);
      let s = 0;
      for (let i = 0; i < 3; i++) {
        a = new Float64Array(2);
        a[0] = x * i;
        s += a[0]! * a[0]!;
      }
      return s;
    }, (f) => grad(f)(1.5), "NB502", /a = new Float64Array\(2\)/);
  });

  test("NB503: results without a derivative", () => {
    compileError(function arr(x: number) {
      const a = new Float64Array(1);
      a[0] = x;
      return a;
    }, (f) => grad(f)(1.5), "NB503", /return a/);
    compileError(function count(x: number) {
      let n = 0;
      if (x > 1) n = 3;
      return n;
    }, (f) => grad(f)(1.5), "NB503", /return n/);
  });
});
