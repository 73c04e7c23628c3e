// Automatic differentiation (src/autodiff, docs/autodiff.md): gradients of the corpus in
// test/corpus/autodiff.ts checked against central finite differences of the plain function and
// against closed-form gradients, forward mode against reverse mode, on every target; plus the
// documented subgradients, the API's shapes and the compile errors with their code frames.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CompileError, NdArray, grad, jacfwd, jacrev, jit, jvp, valueAndGrad, vjp, zeros } from "../src/index.js";
import { AD_CORPUS, bilinear, logisticLoss, scaledMatmulLoss, type AdCase } from "./corpus/autodiff.js";
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
      const before = Array.from(W.data);
      const [dA, dB] = back(W) as NdArray[];
      assert.deepEqual(Array.from(W.data), before, "the cotangent is read, not copied, and left as it was");
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

  test("a pullback leaves its cotangent alone, also when the result is an argument written in place", () => {
    for (const target of TARGETS) {
      const scale = jit(function scaleInPlace(x: Float64Array, s: number) {
        for (let i = 0; i < x.length; i++) x[i] = x[i]! * s;
        return x;
      }, { target });
      const x = new Float64Array([1, 2, 3]), w = new Float64Array([0.5, -1, 2]);
      const [y, back] = vjp(scale)(x, 3);
      assert.deepEqual(y, new Float64Array([3, 6, 9]));
      assert.deepEqual(x, new Float64Array([1, 2, 3]), `${target}: the argument`);
      const [dx, ds] = back(w as never) as [Float64Array, number];
      assert.deepEqual(w, new Float64Array([0.5, -1, 2]), `${target}: the cotangent`);
      assert.deepEqual(dx, new Float64Array([1.5, -3, 6]));
      assert.equal(ds, 0.5 * 1 - 1 * 2 + 2 * 3);
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

// The reverse sweep's free-running nests (src/autodiff/arrange.ts), IR in and IR out: the derived IR
// as the transform leaves it (opt: 0, so the loop optimiser does not rewrite it), variable ids removed.
describe("autodiff: distributing and reordering the reverse sweep's loop nests", () => {
  const derivedIR = (d: { inspect(what: "ir"): string }): string => d.inspect("ir").replace(/\b([A-Za-z_]\w*)\.\d+\b/g, "$1");
  /** The outermost statements of the derived function's body that are loops, with what each stores into. */
  const topNests = (ir: string): string[] => {
    const out: string[] = [];
    let cur: string[] | undefined;
    for (const line of ir.split("\n")) {
      if (/^  for /.test(line)) out.push((cur = []) as never);
      else if (!/^   /.test(line)) cur = undefined;
      const m = /store (\w+)\[/.exec(line);
      if (cur && m && !cur.includes(m[1]!)) cur.push(m[1]!);
    }
    return (out as unknown as string[][]).map((c) => c.join(" "));
  };
  const rnd = (seed: number, ...shape: number[]): NdArray => {
    const rng = mulberry32(seed), a = zeros(shape);
    for (let i = 0; i < a.data.length; i++) a.data[i] = rng() - 0.5;
    return a;
  };

  test("the seed matmul's reverse nest becomes one nest per adjoint, each shaped like the forward product", () => {
    const v = vjp(jit(matrixMultiplyLoops, { opt: 0 }));
    const [, back] = v(rnd(1, 3, 4), rnd(2, 4, 2));
    back(rnd(3, 3, 2));
    const ir = derivedIR(v);
    // IR in: one i-j-k nest accumulating into both adjoints. IR out: dA = C̄ Bᵀ over i-j-k from a
    // transposed copy of B (unit stride in k), dB = Aᵀ C̄ over k-i-j (unit stride in j), each into a
    // fresh local array added into the result at the end.
    assert.ok(ir.includes(`
  B_T: ndarray<float64,2> = empty<float64>[shape(B, 1), shape(B, 0)]
  for r = 0 lt shape(B, 0) step 1 {
    for c = 0 lt shape(B, 1) step 1 {
      store B_T[c, r] = load B[r, c]
    }
  }
  for i = 0 lt m step 1 {
    for j = 0 lt p step 1 {
      for k = 0 lt n step 1 {
        store A_bar_loc[i, k] = add(load A_bar_loc[i, k], mul(load C_bar[i, j], load B_T[j, k]))
      }
    }
  }
  for k = 0 lt n step 1 {
    for i = 0 lt m step 1 {
      for j = 0 lt p step 1 {
        store B_bar_loc[k, j] = add(load B_bar_loc[k, j], mul(load A[i, k], load C_bar[i, j]))
      }
    }
  }
`), ir);
    assert.match(ir, /A_bar_loc: ndarray<float64,2> = zeros<float64>\[shape\(A, 0\), shape\(A, 1\)\]/);
    assert.match(ir, /store A_bar\[i0, i1\] = add\(load A_bar\[i0, i1\], load A_bar_loc\[i0, i1\]\)/);
    // No nest stores into two arrays.
    for (const stores of topNests(ir)) assert.ok(!stores.includes(" "), `a nest stores into ${stores}\n${ir}`);
  });

  test("a nest whose element does not move with the innermost counter keeps it in a local (a dot product)", () => {
    // B is written, so no transposed copy: dA's nest runs i-k-j, a dot product over j.
    const g = grad(jit(scaledMatmulLoss, { opt: 0 }), [0, 1]);
    g(rnd(4, 3, 4), rnd(5, 4, 2), rnd(6, 3, 2));
    const ir = derivedIR(g);
    assert.ok(ir.includes(`
  for i = 0 lt m step 1 {
    for k = 0 lt n step 1 {
      A_bar_sum: f64 = load A_bar_loc[i, k]
      for j = 0 lt p step 1 {
        A_bar_sum = add(A_bar_sum, mul(load C_bar[i, j], load B[k, j]))
      }
      store A_bar_loc[i, k] = A_bar_sum
    }
  }
`), ir);
    assert.doesNotMatch(ir, /B_T/);
    // C̄ (a local array's adjoint) is accumulated by a free-running nest too, in source order.
    assert.ok(ir.includes(`
  for i = 0 lt m step 1 {
    for j = 0 lt p step 1 {
      store C_bar[i, j] = add(load C_bar[i, j], mul(s_bar, load W[i, j]))
    }
  }
`), ir);
  });

  test("four adjoints (three arrays and a scalar) from one nest: four nests, each in its best order", () => {
    const g = grad(jit(bilinear, { opt: 0 }), [0, 1, 2, 3]);
    g(new Float64Array(3), rnd(7, 3, 5), new Float64Array(5), 0.5);
    const ir = derivedIR(g);
    const reverse = ir.slice(ir.indexOf("r_bar = add(r_bar, seed)"));
    assert.deepEqual(topNests(reverse).slice(0, 4), ["", "x_bar_loc", "M_bar_loc", "y_bar_loc"], reverse);
    assert.match(reverse, /x_bar_sum: f64 = load x_bar_loc\[i\]\n {4}for j = /);
    assert.match(reverse, /s_bar = add\(s_bar, /);
  });

  test("loops that are not distributed: one loop with two adjoints, and a triangular nest", () => {
    const dot = grad(jit((x: Float64Array, y: Float64Array) => { let s = 0; for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!; return s; }, { opt: 0 }), [0, 1]);
    assert.deepEqual(dot(new Float64Array([1, 2]), new Float64Array([3, 4])), [new Float64Array([3, 4]), new Float64Array([1, 2])]);
    assert.deepEqual(topNests(derivedIR(dot)).filter((n) => n.includes("x_bar")), ["x_bar y_bar"], "a single loop stays fused (one pass over memory)");
    const tri = grad(jit(function tri(L: NdArray, x: Float64Array) {
      let s = 0;
      for (let i = 0; i < x.length; i++) for (let j = 0; j <= i; j++) s += L.get(i, j) * x[j]! * x[i]!;
      return s;
    }, { opt: 0 }), [0, 1]);
    const L = zeros([3, 3]);
    L.data.fill(1);
    const [dL, dx] = tri(L, new Float64Array([1, 2, 3])) as [NdArray, Float64Array];
    assert.deepEqual(Array.from(dL.data), [1, 0, 0, 2, 4, 0, 3, 6, 9]);
    assert.deepEqual(dx, new Float64Array([7, 8, 9]));
    const ir = derivedIR(tri);
    assert.ok(topNests(ir).includes("L_bar x_bar"), "bounds that depend on another counter keep the nest as it is");
  });

  test("each element's terms are added in one fixed order: the same bits on every target as loops in that order", () => {
    const [m, n, p] = [7, 5, 6];
    const A = rnd(8, m, n), B = rnd(9, n, p), W = rnd(10, m, p);
    // dA[i,k] = Σ_j W[i,j] B[k,j] and dB[k,j] = Σ_i A[i,k] W[i,j], each summed in ascending order from 0.
    const dA = zeros([m, n]), dB = zeros([n, p]);
    for (let i = 0; i < m; i++) for (let k = 0; k < n; k++) { let s = 0; for (let j = 0; j < p; j++) s += W.get(i, j) * B.get(k, j); dA.set(i, k, s); }
    for (let k = 0; k < n; k++) for (let j = 0; j < p; j++) { let s = 0; for (let i = 0; i < m; i++) s += A.get(i, k) * W.get(i, j); dB.set(k, j, s); }
    for (const target of TARGETS) {
      for (const opt of [0, 1] as const) {
        const [, back] = vjp(jit(matrixMultiplyLoops, { target, opt }))(A, B);
        const [gA, gB] = back(W) as NdArray[];
        if (target === "native") {
          closeAll(gA!, dA, 1e-14, `native dA (opt ${opt})`);
          closeAll(gB!, dB, 1e-14, `native dB (opt ${opt})`);
        } else {
          assert.deepEqual(Array.from(gA!.data), Array.from(dA.data), `${target} dA (opt ${opt})`);
          assert.deepEqual(Array.from(gB!.data), Array.from(dB.data), `${target} dB (opt ${opt})`);
        }
      }
    }
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
