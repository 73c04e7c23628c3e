// stencil and guvectorize (src/ufunc): differential tests against plain-JS references of the same
// semantics, bit for bit, plus their errors.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NdArray, array, guvectorize, jit, stencil, zeros, type TypedArray } from "../src/index.js";
import { mulberry32 } from "./harness.js";

const rng = mulberry32(11);
function rand(shape: number[], Ctor: new (n: number) => TypedArray = Float64Array): NdArray {
  const size = shape.reduce((a, b) => a * b, 1), d = new Ctor(size);
  for (let i = 0; i < size; i++) d[i] = 4 * rng() - 2;
  return new NdArray(array(d as never).data, shape);
}
function sameNd(a: { shape: number[]; get(...i: number[]): number }, b: { shape: number[]; get(...i: number[]): number }, where: string): void {
  assert.deepEqual(a.shape, b.shape, `${where}: shape`);
  const idx = a.shape.map(() => 0), size = a.shape.reduce((x, y) => x * y, 1);
  for (let n = 0; n < size; n++) {
    assert.ok(Object.is(a.get(...idx), b.get(...idx)), `${where}: at [${idx}]: ${a.get(...idx)} vs ${b.get(...idx)}`);
    for (let j = idx.length - 1; j >= 0 && ++idx[j]! === a.shape[j]; j--) idx[j] = 0;
  }
}

/** Reference stencil: a relative accessor around each point where [lo, hi] fits, cval elsewhere. */
function refStencil(kernel: (...a: any[]) => number, args: unknown[], arrays: number[], nbhd: [number, number][], cval = 0): NdArray {
  const first = args[arrays[0]!] as NdArray;
  const out = zeros(first.shape);
  const idx = first.shape.map(() => 0), size = first.size;
  for (let n = 0; n < size; n++) {
    const inside = idx.every((i, d) => i + nbhd[d]![0] >= 0 && i + nbhd[d]![1] < first.shape[d]!);
    if (!inside) out.set(...idx, cval);
    else {
      const rel = args.map((a, k) => (arrays.includes(k) ? { get: (...o: number[]) => (a as NdArray).get(...o.map((x, d) => idx[d]! + x)) } : a));
      out.set(...idx, kernel(...rel));
    }
    for (let j = idx.length - 1; j >= 0 && ++idx[j]! === first.shape[j]; j--) idx[j] = 0;
  }
  return out;
}

const five = (a: NdArray) => 0.25 * (a.get(-1, 0) + a.get(1, 0) + a.get(0, -1) + a.get(0, 1));

describe("stencil", () => {
  test("2-d five-point, neighbourhood inferred", () => {
    const s = stencil(five);
    assert.deepEqual(s.neighborhood, [[-1, 1], [-1, 1]]);
    for (const shape of [[6, 7], [2, 5], [1, 1], [3, 3]]) {
      const a = rand(shape);
      sameNd(s(a) as NdArray, refStencil(five, [a], [0], [[-1, 1], [-1, 1]]), `shape ${shape}`);
    }
  });
  test("target parallel: a direct call on threads, same bits", () => {
    const s = stencil(five, { target: "parallel", threads: 2 });
    const a = rand([50, 40]);
    sameNd(s(a) as NdArray, refStencil(five, [a], [0], [[-1, 1], [-1, 1]]), "parallel");
    const out = zeros([50, 40]);
    s(a, { out });
    sameNd(out, refStencil(five, [a], [0], [[-1, 1], [-1, 1]]), "parallel, out");
  });
  test("transposed input, cval, two arrays and a scalar, early returns (called body)", () => {
    const k = (a: NdArray, b: NdArray, w: number) => {
      if (a.get(0, 0) > 0) return w * a.get(0, -2) - b.get(1, 0);
      return b.get(-1, 1);
    };
    const s = stencil(k, { cval: -1.5 });
    const a = rand([7, 6]).transpose(1, 0), b = rand([6, 7]);
    sameNd(s(a, b, 0.5) as NdArray, refStencil(k, [a, b, 0.5], [0, 1], [[-1, 1], [-2, 1]], -1.5), "k");
  });
  test("1-d on a typed array gives a typed array; { out }", () => {
    const k = (x: NdArray) => x.get(-2) - 2 * x.get(0) + x.get(3);
    const s = stencil(k);
    const x = rand([12]);
    const r = s(x.data) as Float64Array;
    assert.ok(r instanceof Float64Array);
    const ref = refStencil(k, [x], [0], [[-2, 3]]);
    r.forEach((v, i) => assert.ok(Object.is(v, ref.get(i))));
    const out = zeros([12]);
    out.data.fill(7);
    assert.equal(s(x, { out }), out);
    sameNd(out, ref, "out (border rewritten with cval)");
  });
  test("explicit neighborhood allows computed offsets", () => {
    const k = (a: NdArray, r: number) => a.get(-r, 0) + a.get(r, 0);
    const s = stencil(k, { neighborhood: [[-2, 2], [0, 0]] });
    const a = rand([8, 3]);
    sameNd(s(a, 2) as NdArray, refStencil(k, [a, 2], [0], [[-2, 2], [0, 0]]), "r = 2");
  });
  test("called from a jitted function: compiled into it, in prange and parallel", () => {
    const s = stencil(five);
    const iterate = jit(function iterate(a: NdArray, n: number) {
      let b = a;
      for (let t = 0; t < n; t++) b = s(b) as NdArray;
      return b;
    }, { scope: { s }, threads: 2 });
    const a = rand([40, 30]);
    const ref = refStencil(five, [refStencil(five, [refStencil(five, [a], [0], [[-1, 1], [-1, 1]])], [0], [[-1, 1], [-1, 1]])], [0], [[-1, 1], [-1, 1]]);
    sameNd(iterate(a, 3) as NdArray, ref, "3 steps");
    assert.match(iterate.inspect("ir"), /step 1 parallel/);
    assert.match(iterate.inspect("wat"), /par_run/); // the caller's module runs the stencil's loop on the thread pool
  });
  test("errors", () => {
    assert.throws(() => stencil((a: NdArray) => a.get(0, 0) + a.get(1)), /has 1 indices, but other reads have 2/);
    assert.throws(() => stencil((a: NdArray, r: number) => a.get(r)), /is not a constant; pass the neighborhood option/);
    assert.throws(() => stencil((a: NdArray) => a.get(-2), { neighborhood: [[-1, 1]] }), /reads offset -2 in dimension 0, outside the neighborhood/);
    assert.throws(() => stencil((x: number) => x), /reads no neighbour/);
    const s = stencil(five);
    assert.throws(() => s(zeros([4])), /must be a 2-d array/);
    const bad = stencil((a: NdArray) => a.get(0, 0) + ({ x: 1 } as { x: number }).x);
    assert.throws(() => bad(zeros([3, 3])), (e: Error) => e.name === "CompileError" && /NB101/.test(e.message) && !/nb\$/.test(e.message));
    const two = stencil((a: NdArray, b: NdArray) => a.get(0, 0) + b.get(0, 0));
    assert.throws(() => two(zeros([2, 3]), zeros([3, 2])), /every array must have the shape of the first/);
  });
});

/** Reference gufunc: per outer index, copy the core blocks, call fn, copy the outputs back. */
function refMatmulStack(A: NdArray, B: NdArray): NdArray {
  const [k, m, n] = A.shape as [number, number, number], p = B.shape[1]!;
  const C = zeros([k, m, p]);
  for (let t = 0; t < k; t++)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let q = 0; q < n; q++) s += A.get(t, i, q) * B.get(q, j);
        C.set(t, i, j, s);
      }
  return C;
}

describe("guvectorize", () => {
  const mm = (A: NdArray, B: NdArray, C: NdArray) => {
    const [m, n] = A.shape as [number, number];
    const p = B.shape[1]!;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A.get(i, k) * B.get(k, j);
        C.set(i, j, s);
      }
  };
  for (const target of ["cpu", "parallel"] as const)
    test(`(m,n),(n,p)->(m,p) over a stack, ${target}`, () => {
      const g = guvectorize(mm, "(m,n),(n,p)->(m,p)", { target, threads: 2 });
      const A = rand([5, 3, 4]), B = rand([4, 2]);
      sameNd(g(A, B) as NdArray, refMatmulStack(A, B), "stack");
      const At = rand([5, 4, 3]).transpose(0, 2, 1);
      sameNd(g(At, B) as NdArray, refMatmulStack(At, B), "transposed cores");
    });
  test("(n),()->(n) with broadcasting, (n)->() with a 1-element output, given outputs", () => {
    const addc = guvectorize((x: Float64Array, y: number, out: Float64Array) => { for (let i = 0; i < x.length; i++) out[i] = x[i]! * y; }, "(n),()->(n)");
    const x = rand([3, 4]);
    const r = addc(x, array([[2], [3], [-1]])) as NdArray;
    assert.deepEqual(r.shape, [3, 3, 4]);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) for (let i = 0; i < 4; i++) assert.ok(Object.is(r.get(a, b, i), x.get(b, i) * [2, 3, -1][a]!));
    const norm = guvectorize((v: Float64Array, out: Float64Array) => { let s = 0; for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!; out[0] = Math.sqrt(s); }, "(n)->()");
    const nr = norm(x) as NdArray;
    for (let b = 0; b < 3; b++) { let s = 0; for (let i = 0; i < 4; i++) s += x.get(b, i) * x.get(b, i); assert.ok(Object.is(nr.get(b), Math.sqrt(s))); }
    const out = new Float64Array(3);
    assert.equal(norm(x, out), out);
    assert.ok(Object.is(out[2], nr.get(2)));
    const cross = guvectorize((a: Float64Array, b: Float64Array, c: Float64Array) => {
      c[0] = a[1]! * b[2]! - a[2]! * b[1]!;
      c[1] = a[2]! * b[0]! - a[0]! * b[2]!;
      c[2] = a[0]! * b[1]! - a[1]! * b[0]!;
    }, "(3),(3)->(3)");
    const u = rand([4, 3]), w = rand([3]);
    const cr = cross(u, w) as NdArray;
    for (let i = 0; i < 4; i++) assert.ok(Object.is(cr.get(i, 0), u.get(i, 1) * w.get(2) - u.get(i, 2) * w.get(1)));
    assert.throws(() => cross(zeros([2, 4]), w), /input 1 has size 4 in core dimension '3', but the layout gives 3/);
    const f32 = norm(rand([2, 5], Float32Array)) as NdArray;
    assert.ok(f32.data instanceof Float32Array);
  });
  test("dimension mismatches and bad layouts are errors naming them", () => {
    const g = guvectorize(mm, "(m,n),(n,p)->(m,p)");
    assert.throws(() => g(zeros([2, 3]), zeros([4, 2])), /input 2 has size 4 in core dimension 'n', but input 1 gives 3/);
    assert.throws(() => g(zeros([3]), zeros([3, 2])), /input 1 has 1 dimension, but its core "\(m,n\)" needs 2/);
    assert.throws(() => g(zeros([2, 2, 3]), zeros([3, 3, 2])), /could not be broadcast together with shapes \(2,\) \(3,\)/);
    assert.throws(() => guvectorize(mm, "(m,n),(n,p)"), /bad layout/);
    assert.throws(() => guvectorize(mm, "(n)->(n)"), /must take 2 parameters, not 3/);
    assert.throws(() => guvectorize((x: Float64Array, o: Float64Array) => { o[0] = x[0]!; }, "(n)->(q)")(zeros([2])), /core dimension 'q' of an output is not set by any input/);
  });
});
