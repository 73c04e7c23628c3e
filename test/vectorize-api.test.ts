// vectorize (src/ufunc): differential tests against a plain-JS reference of the same semantics —
// NumPy broadcasting, out, dtype promotion, reduce and accumulate — compared bit for bit.

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { NdArray, array, jit, vectorize, zeros, type TypedArray } from "../src/index.js";

declare const K: number; // a scope constant of one kernel below
const require = createRequire(import.meta.url);
type Stdlib = { data: Float64Array; shape: number[]; strides: number[]; offset: number };
const stdlib = require("@stdlib/ndarray-base-ctor") as (dtype: string, data: unknown, shape: number[], strides: number[], offset: number, order: string) => Stdlib;
const scijs = require("ndarray") as (data: TypedArray, shape: number[], stride?: number[], offset?: number) => Nd;
import { mulberry32 } from "./harness.js";
import { webgpuTarget } from "../src/backends/webgpu/target.js";

type Nd = { data: TypedArray; shape: number[]; stride: number[]; offset: number };
type Arg = number | TypedArray | Nd;

const shapeOf = (x: Arg): number[] => (typeof x === "number" ? [] : ArrayBuffer.isView(x) ? [x.length] : x.shape);
function at(x: Arg, idx: number[]): number {
  if (typeof x === "number") return x;
  if (ArrayBuffer.isView(x)) return x[idx[0]!]!;
  let p = x.offset;
  x.shape.forEach((_, k) => (p += x.stride[k]! * idx[k]!));
  return x.data[p]!;
}

/** The reference: NumPy's broadcasting written out plainly, results in C order in a `Ctor` array. */
function reference(fn: (...a: number[]) => number, args: Arg[], Ctor: new (n: number) => TypedArray): { shape: number[]; data: TypedArray } {
  const shapes = args.map(shapeOf);
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const shape: number[] = [];
  for (let j = 0; j < rank; j++) {
    let d = 1;
    for (const s of shapes) {
      const e = s[s.length - rank + j] ?? 1;
      if (e !== 1) { if (d !== 1 && d !== e) throw new Error("mismatch"); d = e; }
    }
    shape.push(d);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Ctor(size);
  const idx = shape.map(() => 0);
  for (let n = 0; n < size; n++) {
    const vals = args.map((a, k) => at(a, idx.slice(rank - shapes[k]!.length).map((i, j) => (shapes[k]![j] === 1 ? 0 : i))));
    data[n] = fn(...vals);
    for (let j = rank - 1; j >= 0 && ++idx[j]! === shape[j]; j--) idx[j] = 0;
  }
  return { shape, data };
}

function cOrder(x: Arg): number[] {
  const shape = shapeOf(x), size = shape.reduce((a, b) => a * b, 1), idx = shape.map(() => 0), out: number[] = [];
  for (let n = 0; n < size; n++) {
    out.push(at(x, idx));
    for (let j = shape.length - 1; j >= 0 && ++idx[j]! === shape[j]; j--) idx[j] = 0;
  }
  return out;
}

function same(actual: unknown, expected: { shape: number[]; data: TypedArray }, where: string): void {
  const a = actual as Arg;
  assert.deepEqual(shapeOf(a), expected.shape, `${where}: shape`);
  const got = cOrder(a);
  const ctor = ArrayBuffer.isView(a) ? a.constructor : (a as Nd).data.constructor;
  assert.equal(ctor, expected.data.constructor, `${where}: dtype`);
  got.forEach((v, i) => assert.ok(Object.is(v, expected.data[i]), `${where}: element ${i}: ${v} vs ${expected.data[i]}`));
}

const rng = mulberry32(7);
function rand(shape: number[], Ctor: new (n: number) => TypedArray = Float64Array, lo = -3, hi = 3): NdArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const d = new Ctor(size);
  for (let i = 0; i < size; i++) d[i] = Ctor === Float64Array || Ctor === Float32Array ? lo + (hi - lo) * rng() : Math.floor(lo + (hi - lo) * rng());
  return new NdArray(array(d as never).data, shape);
}

const gauss = (a: number, b: number) => Math.exp(-a * a) + b;
const NO_WEBGPU = (await webgpuTarget.unavailableReason()) ?? false;
const early0 = (a: number) => {
  if (a < 0) return 0;
  return a;
};

describe("vectorize: broadcasting", () => {
  const f = vectorize(gauss);
  const cases: [string, () => Arg[]][] = [
    ["(3,4) + (4,)", () => [rand([3, 4]), rand([4])]],
    ["(3,1) + (1,4)", () => [rand([3, 1]), rand([1, 4])]],
    ["(2,3,4) + (3,1)", () => [rand([2, 3, 4]), rand([3, 1])]],
    ["(2,1,5,3) + (4,1,1)", () => [rand([2, 1, 5, 3]), rand([4, 1, 1])]],
    ["number + (5,)", () => [0.5, rand([5])]],
    ["typed + typed", () => [rand([7]).data, rand([7]).data]],
    ["typed + (2,7)", () => [rand([7]).data, rand([2, 7])]],
    ["0-d + (3,)", () => [new NdArray(new Float64Array([2.5]), []), rand([3])]],
    ["(0,3) + (3,)", () => [zeros([0, 3]), rand([3])]],
    ["(0,) + (1,)", () => [zeros([0]), rand([1])]],
    ["transposed (4,3)ᵀ + (4,)", () => [rand([4, 3]).transpose(1, 0), rand([4])]],
    ["reversed step", () => [rand([9]).step(-2), rand([5])]],
    ["sub-block view", () => [rand([6, 7]).hi(5, 6).lo(1, 2), rand([4, 1])]],
    ["scijs ndarray, Fortran order", () => [scijs(rand([12]).data, [3, 4], [1, 3], 0), rand([4])]],
  ];
  for (const [name, make] of cases)
    test(name, () => {
      const args = make();
      same(f(...args), reference(gauss, args, Float64Array), name);
    });

  test("@stdlib/ndarray objects (strides) in and as out", () => {
    const s = stdlib("float64", rand([6]).data, [2, 3], [1, 2], 0, "column-major");
    const b = rand([3]);
    const view = { data: s.data, shape: s.shape, stride: s.strides, offset: s.offset } as Nd;
    same(f(s, b), reference(gauss, [view, b], Float64Array), "stdlib in");
    const o = stdlib("float64", new Float64Array(6), [2, 3], [3, 1], 0, "row-major");
    assert.equal(f(view, b, { out: o }), o);
    same({ data: o.data, shape: o.shape, stride: o.strides, offset: o.offset }, reference(gauss, [view, b], Float64Array), "stdlib out");
  });
  test("all numbers give a number", () => {
    assert.ok(Object.is(f(0.5, 2), gauss(0.5, 2)));
  });

  test("mismatched shapes are an error naming them", () => {
    assert.throws(() => f(zeros([3, 4]), zeros([5])), /operands could not be broadcast together with shapes \(3,4\) \(5,\)/);
    assert.throws(() => f(zeros([2, 3]), zeros([3, 2])), /\(2,3\) \(3,2\)/);
    assert.throws(() => f(zeros([2])), /expected 2 arguments/);
    assert.throws(() => (f as (...a: unknown[]) => unknown)("x", 1), /argument 1 is a string/);
    // the function's own errors point at its own source, not at the generated loop
    const bad = vectorize((a: number) => ({ x: a }).x);
    assert.throws(() => bad(zeros([2])), (e: Error) => e.name === "CompileError" && /NB101/.test(e.message) && !/nb\$/.test(e.message));
    assert.throws(() => vectorize((a: number) => { a = a + 1; })(zeros([2])), /must return a number or a boolean/);
  });
});

describe("vectorize: out", () => {
  const f = vectorize(gauss);
  test("writes into out and returns it, also a transposed out", () => {
    const a = rand([3, 4]), b = rand([4]);
    const out = zeros([3, 4]);
    assert.equal(f(a, b, { out }), out);
    same(out, reference(gauss, [a, b], Float64Array), "out");
    const t = zeros([4, 3]).transpose(1, 0);
    f(a, b, { out: t });
    same(t, reference(gauss, [a, b], Float64Array), "transposed out");
    const small = new Float32Array(4);
    f(rand([4]), 1, { out: small });
  });
  test("an input overlapping out elsewhere is read as a copy (NumPy's rule); in place element for element stays in place", () => {
    const sub = vectorize((a: number, b: number) => a - b);
    const x = rand([10]);
    const before = Array.from(x.data);
    const shifted = new NdArray(x.data, [9], [1], 1), lower = new NdArray(x.data, [9], [1], 0);
    sub(shifted, lower, { out: shifted });            // x[1:] = x[1:] - x[:-1], every x read before any write
    for (let i = 1; i < 10; i++) assert.ok(Object.is(x.data[i], before[i]! - before[i - 1]!), `element ${i}`);
    const y = rand([3, 3]);
    const yT = Array.from({ length: 9 }, (_, k) => y.get(k % 3, Math.floor(k / 3)));
    const yv = Array.from(y.data);
    sub(y, y.transpose(1, 0), { out: y });            // y = y - yᵀ: the transposed view is copied first
    for (let k = 0; k < 9; k++) assert.ok(Object.is(y.data[k], yv[k]! - yT[k]!));
    const z = rand([5]), zv = Array.from(z.data);
    sub(z, 1, { out: z });                            // the same view: in place, no copy needed
    z.data.forEach((v, i) => assert.ok(Object.is(v, zv[i]! - 1)));
  });
  test("an out that the inputs do not broadcast to is an error", () => {
    assert.throws(() => f(zeros([3, 4]), zeros([4]), { out: zeros([4]) }), /output operand with shape \(4,\) doesn't match the broadcast shape \(3,4\)/);
  });
});

describe("vectorize: dtypes", () => {
  const add = vectorize((a: number, b: number) => a + b);
  const cases: [string, () => Arg[], new (n: number) => TypedArray][] = [
    ["f32 + f32 stays f32", () => [rand([5], Float32Array), rand([5], Float32Array)], Float32Array],
    ["f32 + number stays f32", () => [rand([5], Float32Array), 0.1], Float32Array],
    ["i32 + i32 stays i32 (wraps)", () => [new Int32Array([2 ** 31 - 1, -5, 7]), new Int32Array([1, 2, 3])], Int32Array],
    ["i32 + f64 is f64", () => [new Int32Array([1, 2, 3]), rand([3])], Float64Array],
    ["u8 + i8 is i16", () => [new Uint8Array([250, 3]), new Int8Array([100, -4])], Int16Array],
    ["f32 + i16 is f32", () => [rand([3], Float32Array), new Int16Array([1, 2, 3])], Float32Array],
    ["f32 + i32 is f64", () => [rand([3], Float32Array), new Int32Array([1, 2, 3])], Float64Array],
  ];
  for (const [name, make, Ctor] of cases)
    test(name, () => {
      const args = make();
      same(add(...args), reference((a, b) => a + b, args, Ctor), name);
    });
  test("a boolean result is a Uint8Array of 0 and 1", () => {
    const gt = vectorize((a: number, b: number) => a > b);
    const a = rand([6]), b = rand([6]);
    same(gt(a.data, b.data), reference((x, y) => (x > y ? 1 : 0), [a.data, b.data], Uint8Array), "bool");
  });
  test("exp of ints is f64; a division is a float", () => {
    const e = vectorize((a: number) => Math.exp(a) / 3);
    const x = new Int32Array([1, 2, -3]);
    same(e(x), reference((a) => Math.exp(a) / 3, [x], Float64Array), "exp");
  });
  test("eager signatures compile now and set the output dtype", () => {
    const mul = vectorize((a: number, b: number) => a * b, { signatures: ["f64(f64, f64)", "f64(f32, f32)"] });
    assert.equal(mul.kernels, 1);
    const a = rand([4], Float32Array), b = rand([4], Float32Array);
    same(mul(a.data, b.data), reference((x, y) => x * y, [a.data, b.data], Float64Array), "declared f64 result");
    assert.throws(() => vectorize((a: number) => a, { signatures: ["f64(f64, f64)"] }), /has 2 arguments, the function takes 1/);
    assert.throws(() => vectorize((a: number) => a, { signatures: ["q(f64)"] }), /unknown type "q"/);
  });
});

describe("vectorize: functions and targets", () => {
  const blocky = (x: number, y: number) => {
    let s = x;
    for (let i = 0; i < 3; i++) s = s * 0.5 + y;
    return s;
  };
  const early = (x: number, y: number) => {
    if (x < 0) return -x * y;
    return Math.sqrt(x) + y;
  };
  for (const [name, fn] of [["block body (pasted in)", blocky], ["early return (called)", early]] as const)
    test(name, () => {
      const a = rand([5, 6]), b = rand([6]);
      same(vectorize(fn)(a, b), reference(fn, [a, b], Float64Array), name);
    });
  test("parallel target: rank 1 in blocks and rank 2 by rows, same bits", () => {
    const p = vectorize(gauss, { target: "parallel", threads: 2 });
    const a = rand([50000]), b = rand([1]);
    same(p(a, b), reference(gauss, [a, b], Float64Array), "rank 1");
    const c = rand([120, 300]), d = rand([300]);
    same(p(c, d), reference(gauss, [c, d], Float64Array), "rank 2");
    assert.match(p.inspect("wat"), /par_run/);
    const small = rand([10, 3]);
    same(p(small, d.hi(3)), reference(gauss, [small, d.hi(3)], Float64Array), "small: one thread");
    assert.doesNotMatch(p.inspect("wat"), /par_run/);
  });
  test("gpusim: the loop nest offloaded as a kernel grid, same bits; reduce stays on the CPU", async () => {
    const g = vectorize(gauss, { target: "gpusim" });
    for (const make of [() => [rand([3, 4]), rand([4])], () => [rand([2, 3, 5, 2]).transpose(3, 2, 1, 0), rand([5, 1, 1])], () => [0.5, rand([6]).data]] as (() => Arg[])[]) {
      const args = make();
      same(await g(...args), reference(gauss, args, Float64Array), "gpusim");
    }
    assert.ok(Object.is(await g(0.5, 2), gauss(0.5, 2)));
    const add = vectorize((a: number, b: number) => a + b, { target: "gpusim" });
    assert.equal(add.reduce(new Float64Array([1, 2, 3])), 6);
    assert.throws(() => vectorize(early0, { target: "gpusim" }), /needs a function numbat can paste into the kernel/);
  });
  test("webgpu: float32 arrays, numbat's heap arrays in and out", { skip: NO_WEBGPU }, async () => {
    const add = vectorize((a: number, b: number) => a + b, { target: "webgpu" });
    const x = rand([4, 3], Float32Array), y = rand([3], Float32Array);   // in numbat's heap (a SharedArrayBuffer)
    same(await add(x, y), reference((a, b) => a + b, [x, y], Float32Array), "f32 add is exact in binary32");
  });
  test("a jitted function brings its own scope", () => {
    const sq = jit((x: number) => x * x);
    const f = jit((a: number) => sq(a) + K, { scope: { sq, K: 1.5 } });
    const a = rand([4]);
    same(vectorize(f)(a.data), reference((x) => x * x + 1.5, [a.data], Float64Array), "scope");
  });
  test("called on numbers inside a jitted function, a ufunc is its scalar function", () => {
    const g = vectorize(gauss);
    const sum = jit(function sum(x: Float64Array) {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += g(x[i]!, 1) as number;
      return s;
    }, { scope: { g } });
    const x = rand([9]).data as Float64Array;
    let s = 0;
    for (let i = 0; i < x.length; i++) s += gauss(x[i]!, 1);
    assert.ok(Object.is(sum(x), s));
  });
  test("kernels are cached per shape class", () => {
    const f = vectorize(gauss);
    f(rand([3, 4]), rand([4]));
    f(rand([5, 2]), rand([2]));
    assert.equal(f.kernels, 1);
    f(rand([3]), rand([3]));
    assert.equal(f.kernels, 2);
  });
});

/** Reference reduce/accumulate: each result element folds along the axis left to right, stored in `Ctor`. */
function refAlong(fn: (a: number, b: number) => number, x: NdArray, axis: number, Ctor: new (n: number) => TypedArray, accumulate: boolean) {
  const shape = accumulate ? x.shape.slice() : x.shape.filter((_, j) => j !== axis);
  const size = shape.reduce((a, b) => a * b, 1), data = new Ctor(size), idx = shape.map(() => 0);
  const cell = new Ctor(1);
  for (let n = 0; n < size; n++) {
    const full = accumulate ? idx.slice() : [...idx.slice(0, axis), 0, ...idx.slice(axis)];
    const upto = accumulate ? idx[axis]! : x.shape[axis]! - 1;
    full[axis] = 0;
    cell[0] = at(x, full);
    for (let k = 1; k <= upto; k++) { full[axis] = k; cell[0] = fn(cell[0]!, at(x, full)); }
    data[n] = cell[0]!;
    for (let j = shape.length - 1; j >= 0 && ++idx[j]! === shape[j]; j--) idx[j] = 0;
  }
  return { shape, data };
}

describe("vectorize: reduce and accumulate", () => {
  const add = vectorize((a: number, b: number) => a + b, { identity: 0 });
  const x = rand([4, 5, 3]);
  for (const axis of [0, 1, 2]) {
    test(`reduce axis ${axis}`, () => same(add.reduce(x, { axis }), refAlong((a, b) => a + b, x, axis, Float64Array, false), `axis ${axis}`));
    test(`accumulate axis ${axis}`, () => same(add.accumulate(x, { axis }), refAlong((a, b) => a + b, x, axis, Float64Array, true), `axis ${axis}`));
  }
  test("negative axis, transposed input, f32 intermediates rounded", () => {
    const t = rand([5, 6]).transpose(1, 0);
    same(add.reduce(t, { axis: -1 }), refAlong((a, b) => a + b, t, 1, Float64Array, false), "axis -1");
    const f = rand([30, 2], Float32Array);
    same(add.reduce(f), refAlong((a, b) => a + b, f, 0, Float32Array, false), "f32");
    const f1 = rand([40], Float32Array);
    same(add.accumulate(f1), refAlong((a, b) => a + b, f1, 0, Float32Array, true), "f32 accumulate, 1-d");
    const big = new NdArray(new Int32Array([2 ** 31 - 1, 5, -3, 2 ** 30, 2 ** 30, 7]), [2, 3]);
    same(add.reduce(big, { axis: 1 }), refAlong((a, b) => a + b, big, 1, Int32Array, false), "int32 wraps at each step");
    same(add.accumulate(big, { axis: 0 }), refAlong((a, b) => a + b, big, 0, Int32Array, true), "int32 accumulate");
  });
  test("axis null folds every element in C order; 1-d gives a number", () => {
    const m = rand([3, 4]);
    const flat = new Float64Array(cOrder(m));
    let s = flat[0]!;
    for (let i = 1; i < flat.length; i++) s = s + flat[i]!;
    assert.ok(Object.is(add.reduce(m, { axis: null }), s));
    assert.ok(Object.is(add.reduce(m.transpose(1, 0), { axis: null }), add.reduce(array(cOrder(m.transpose(1, 0))), { axis: 0 })));
    assert.ok(Object.is(add.reduce(flat), s));
  });
  test("initial, empty axes and identities", () => {
    assert.equal(add.reduce(new Float64Array([1, 2]), { initial: 10 }), 13);
    assert.equal(add.reduce(new Float64Array(0)), 0);
    const max = vectorize((a: number, b: number) => Math.max(a, b));
    assert.throws(() => max.reduce(new Float64Array(0)), /zero-size array to reduction operation .* which has no identity/);
    assert.throws(() => max.reduce(zeros([2, 3]), { axis: 2 }), /axis 2 is out of bounds for array of dimension 2/);
    assert.throws(() => vectorize((a: number) => a).reduce(zeros([2])), /only functions of two arguments/);
  });
});
