// The JS backend is the reference semantics, so each test runs hand-built IR and compares it with the
// plain JS a user would have written (or with the shared error messages for the checked cases).

import assert from "node:assert/strict";
import { test } from "node:test";
import { createRequire } from "node:module";
import * as b from "../../ir/builder.js";
import type { FuncIR, Stmt, Var } from "../../ir/nodes.js";
import type { Type } from "../../ir/types.js";
import { verifyModule } from "../../ir/verify.js";
import { array, NdArray } from "../../runtime/ndarray.js";
import { compileJs, type JsOptions } from "./codegen.js";

const F64 = b.ta("f64"), M = b.nd("f64", 2);
// scijs ndarray (a devDependency without type declarations): a foreign ndarray-protocol implementation.
const ndarray = createRequire(import.meta.url)("ndarray") as
  (data: Float64Array, shape: number[], stride: number[], offset: number) => { get(...i: number[]): number; shape: number[] };

/** Verifies, then compiles: a test IR that breaks an invariant should fail loudly, not pass by luck. */
function compile(f: FuncIR, opts: JsOptions = { boundscheck: true }) {
  verifyModule(f);
  const k = compileJs(f, opts);
  return Object.assign(k.fn, { source: k.source });
}
const fn = (name: string, params: Var[], ret: Type, body: Stmt[], sourceName?: string): FuncIR =>
  b.func({ name, params, ret, body, sourceName });

function sumIR(): FuncIR {
  const A = b.newVar("A", F64), s = b.newVar("s", "f64"), i = b.newVar("i", "int");
  return fn("sum", [A], "f64", [
    b.assign(s, b.c(0, "f64")),
    b.for_(i, b.c(0), b.prop(A, "length"), [b.assign(s, b.bin("add", b.v(s), b.load(A, [b.v(i)])))]),
    b.ret(b.v(s)),
  ]);
}

test("sum of a Float64Array", () => {
  const sum = compile(sumIR());
  const xs = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i));
  let want = 0;
  for (let i = 0; i < xs.length; i++) want += xs[i];
  assert.equal(sum(xs), want);
  assert.equal(sum(new Float64Array(0)), 0);
  assert.match(sum.source, /function f\$sum\(A_\d+\) \{/);
});

function matmulIR(): FuncIR {
  const A = b.newVar("A", M), B = b.newVar("B", M);
  const [m, n, n2, p] = ["m", "n", "n2", "p"].map((x) => b.newVar(x, "int"));
  const C = b.newVar("C", M), i = b.newVar("i", "int"), j = b.newVar("j", "int"), k = b.newVar("k", "int");
  const acc = b.newVar("acc", "f64");
  return fn("matmul", [A, B], M, [
    b.assign(m, b.prop(A, "shape", 0)), b.assign(n, b.prop(A, "shape", 1)),
    b.assign(n2, b.prop(B, "shape", 0)), b.assign(p, b.prop(B, "shape", 1)),
    b.if_(b.bin("ne", b.v(n), b.v(n2)), [b.throw_("Error", "Inner matrix dimensions must agree.", b.loc(3, 20))]),
    b.assign(C, b.alloc("zeros", M, [b.v(m), b.v(p)], b.loc(4, 12))),
    b.for_(i, b.c(0), b.v(m), [b.for_(j, b.c(0), b.v(p), [
      b.assign(acc, b.c(0, "f64")),
      b.for_(k, b.c(0), b.v(n), [
        b.assign(acc, b.bin("add", b.v(acc), b.bin("mul", b.load(A, [b.v(i), b.v(k)]), b.load(B, [b.v(k), b.v(j)])))),
      ]),
      b.store(C, [b.v(i), b.v(j)], b.v(acc)),
    ])]),
    b.ret(b.v(C)),
  ]);
}

function refMatmul(A: { get(i: number, j: number): number; shape: number[] }, B: typeof A): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < A.shape[0]; i++) {
    out.push([]);
    for (let j = 0; j < B.shape[1]; j++) {
      let acc = 0;
      for (let k = 0; k < A.shape[1]; k++) acc += A.get(i, k) * B.get(k, j);
      out[i].push(acc);
    }
  }
  return out;
}
const rows = (x: NdArray): number[][] =>
  Array.from({ length: x.shape[0] }, (_, i) => Array.from({ length: x.shape[1] }, (_, j) => x.get(i, j)));

test("2-d matmul: alloc, strided views, scijs arrays, user errors", () => {
  const mm = compile(matmulIR());
  const A = array([[1, 2, 3], [4, 5, 6]]), B = array([[7, 8], [9, 10], [11, 12]]);
  const C = mm(A, B) as NdArray;
  assert.ok(C instanceof NdArray);
  assert.deepEqual(rows(C), refMatmul(A, B));
  // Transposed views have non-unit strides; the kernel must honour stride and offset.
  const At = B.T.lo(0, 1), Bt = A.T.hi(2);
  assert.deepEqual(rows(mm(At, Bt) as NdArray), refMatmul(At, Bt));
  // Any ndarray-protocol object works, e.g. scijs ndarray with an offset.
  const S = ndarray(new Float64Array([0, 0, 1, 2, 3, 4]), [2, 2], [2, 1], 2);
  assert.deepEqual(rows(mm(S, S) as NdArray), [[7, 10], [15, 22]]);
  assert.throws(() => mm(A, A), (e: Error) => e.constructor === Error && e.message === "Inner matrix dimensions must agree.");
});

test("nd alloc goes through the runtime's allocators, with the user's dtype name", () => {
  const calls: unknown[] = [];
  const stand = (fill: number) => (shape: number[], dtype: string) => {
    calls.push([shape, dtype]);
    const data = new Int16Array(shape.reduce((a, x) => a * x, 1)).fill(fill);
    return { data, shape, stride: [shape[1], 1], offset: 0 };
  };
  const T = b.nd("i16", 2), X = b.newVar("X", T), n = b.newVar("n", "int");
  const f = fn("mk", [n], "int", [
    b.assign(X, b.alloc("ones", T, [b.v(n), b.c(3)])),
    b.store(X, [b.c(1), b.c(2)], b.c(7)),
    b.ret(b.bin("add", b.load(X, [b.c(1), b.c(2)]), b.load(X, [b.c(0), b.c(0)]))),
  ]);
  const k = compile(f, { boundscheck: true, rt: { zeros: stand(0), ones: stand(1), empty: stand(9) } });
  assert.equal(k(2), 8);
  assert.deepEqual(calls, [[[2, 3], "int16"]]);
});

test("bare typed array alloc: zeros/ones/empty, and bad sizes", () => {
  const n = b.newVar("n", "int"), X = b.newVar("X", b.ta("u8c"));
  const ones = compile(fn("ones", [n], b.ta("u8c"), [b.assign(X, b.alloc("ones", b.ta("u8c"), [b.v(n)], b.loc(2, 9))), b.ret(b.v(X))], "mk"));
  assert.deepEqual(ones(3), new Uint8ClampedArray([1, 1, 1]));
  assert.throws(() => ones(-1), { name: "RangeError", message: "invalid array size -1 at mk:2:9: sizes must be non-negative integers" });
  const emptyI32 = compile(fn("z", [n], b.ta("i32"), [b.ret(b.alloc("empty", b.ta("i32"), [b.v(n)]))]));
  assert.deepEqual(emptyI32(2), new Int32Array(2));
});

test("loops: while, do-while, for(;;) and the general form, with break and continue", () => {
  // JS reference:
  //   let i = 0, s = 0;
  //   while (i < n) { i++; if (i % 3 === 0) continue; if (i > lim) break; s += i; }      (while)
  //   do { s += 100; } while (s < 250);                                                   (do-while)
  //   for (let j = 1; j < 40; j *= 2) { if (j === 4) continue; s += j; }                  (for(;;))
  //   let k = 0; do { k++; if (k === 2) continue; s += 1000; } while (k < 4);             (general)
  const n = b.newVar("n", "int"), lim = b.newVar("lim", "int");
  const i = b.newVar("i", "int"), s = b.newVar("s", "int"), j = b.newVar("j", "int"), k = b.newVar("k", "int");
  const inc = (x: Var, by = 1): Stmt => b.assign(x, b.bin("add", b.v(x), b.c(by)));
  const f = fn("loops", [n, lim], "int", [
    b.assign(i, b.c(0)), b.assign(s, b.c(0)),
    b.loop((L) => ({
      pre: b.bin("lt", b.v(i), b.v(n)),
      body: [
        inc(i),
        b.if_(b.bin("eq", b.bin("mod", b.v(i), b.c(3)), b.c(0)), [b.cont(L)]),
        b.if_(b.bin("gt", b.v(i), b.v(lim)), [b.brk(L)]),
        b.assign(s, b.bin("add", b.v(s), b.v(i))),
      ],
    })),
    b.loop({ body: [inc(s, 100)], post: b.bin("lt", b.v(s), b.c(250)) }),
    b.assign(j, b.c(1)),
    b.loop((L) => ({
      pre: b.bin("lt", b.v(j), b.c(40)),
      body: [b.if_(b.bin("eq", b.v(j), b.c(4)), [b.cont(L)]), b.assign(s, b.bin("add", b.v(s), b.v(j)))],
      update: [b.assign(j, b.bin("mul", b.v(j), b.c(2)))],
    })),
    b.assign(k, b.c(0)),
    b.loop((L) => ({
      pre: b.c(true),
      body: [b.if_(b.bin("eq", b.v(k), b.c(1)), [b.cont(L)]), inc(s, 1000)],
      update: [inc(k)],
      post: b.bin("lt", b.v(k), b.c(4)),
    })),
    b.ret(b.v(s)),
  ]);
  const ref = (n: number, lim: number): number => {
    let i = 0, s = 0;
    while (i < n) { i++; if (i % 3 === 0) continue; if (i > lim) break; s += i; }
    do { s += 100; } while (s < 250);
    for (let j = 1; j < 40; j *= 2) { if (j === 4) continue; s += j; }
    let k = 0;
    do { if (k === 1) { k++; continue; } s += 1000; k++; } while (k < 4);
    return s;
  };
  const loops = compile(f);
  for (const [a, c] of [[0, 0], [10, 100], [10, 5], [50, 30]]) assert.equal(loops(a, c), ref(a, c), `loops(${a}, ${c})`);
  assert.match(loops.source, /\bdo \{/);
  assert.match(loops.source, /for \(; j_\d+ < 40; j_\d+ = j_\d+ \* 2\)/);
  assert.match(loops.source, /break C\d+;/);
});

test("counted for: negative steps, <= bounds, end evaluated once", () => {
  const A = b.newVar("A", F64), i = b.newVar("i", "int"), s = b.newVar("s", "f64"), last = b.newVar("last", "int");
  const f = fn("back", [A], "f64", [
    b.assign(s, b.c(0, "f64")),
    b.assign(last, b.bin("sub", b.prop(A, "length"), b.c(1))),
    // for (i = last; i >= 0; i -= 2) { s = s * 10 + A[i]; last = 0; }  — `last` changes, the bound must not
    b.for_(i, b.v(last), b.c(0), [
      b.assign(s, b.bin("add", b.bin("mul", b.v(s), b.c(10, "f64")), b.load(A, [b.v(i)]))),
    ], { step: -2, cmp: "ge" }),
    b.for_(i, b.c(0), b.v(last), [b.assign(last, b.c(0)), b.assign(s, b.bin("add", b.v(s), b.c(0.5)))], { cmp: "le" }),
    b.ret(b.v(s)),
  ]);
  const back = compile(f);
  // Second loop: the bound is read once (4), so it runs i = 0..4 although `last` drops to 0.
  assert.equal(back(new Float64Array([1, 2, 3, 4, 5])), 531 + 2.5);
});

test("integer remainder by zero throws with the source location; float remainder gives NaN", () => {
  const a = b.newVar("a", "int"), d = b.newVar("d", "int"), x = b.newVar("x", "f64");
  const imod = compile(fn("imod", [a, d], "int", [b.ret(b.bin("mod", b.v(a), b.v(d), b.loc(4, 11)))], "rem"));
  assert.equal(imod(7, 3), 1);
  assert.equal(imod(-7, 3), -1);
  assert.throws(() => imod(5, 0), {
    name: "RangeError",
    message: "integer remainder by zero at rem:4:11 (plain JS would give NaN, which an integer cannot hold)",
  });
  const fmod = compile(fn("fmod", [x], "f64", [b.ret(b.bin("mod", b.v(x), b.c(0, "f64")))]));
  assert.ok(Number.isNaN(fmod(5.5)));
  const byConst = compile(fn("k", [a], "int", [b.ret(b.bin("mod", b.v(a), b.c(4)))]));
  assert.equal(byConst(-9), -1);
  assert.doesNotMatch(byConst.source, /\$imod/);
});

test("bounds checks name the array, axis, size and location", () => {
  const A = b.newVar("A", M), V = b.newVar("V", b.ta("i32")), i = b.newVar("i", "int"), j = b.newVar("j", "int");
  const get = compile(fn("get", [A, i, j], "f64", [b.ret(b.load(A, [b.v(i), b.v(j)], b.loc(5, 9)))], "kern"));
  const X = array([[1, 2, 3], [4, 5, 6]]);
  assert.equal(get(X, 1, 2), 6);
  assert.throws(() => get(X, 2, 0), { name: "RangeError", message: "index 2 is out of bounds on axis 0 of 'A' (size 2) at kern:5:9" });
  assert.throws(() => get(X, 0, -1), { name: "RangeError", message: "index -1 is out of bounds on axis 1 of 'A' (size 3) at kern:5:9" });
  const put = compile(fn("put", [V, i], "void", [b.store(V, [b.v(i)], b.c(1), b.loc(2, 3)), b.ret()], "kern"));
  const arr = new Int32Array(4);
  put(arr, 3);
  assert.deepEqual(arr, new Int32Array([0, 0, 0, 1]));
  assert.throws(() => put(arr, 4), { message: "index 4 is out of bounds of 'V' (size 4) at kern:2:3" });
  // A non-integral f64 index becomes -1 through f2idx, which the check rejects.
  const x = b.newVar("x", "f64");
  const at = compile(fn("at", [V, x], "int", [b.ret(b.load(V, [b.cast("f2idx", b.v(x))], b.loc(1, 1)))], "kern"));
  assert.equal(at(arr, 3), 1);
  assert.throws(() => at(arr, 1.5), { message: "index -1 is out of bounds of 'V' (size 4) at kern:1:1" });
  // Without bounds checks the access is the plain JS one.
  const raw = compileJs(b.func({ name: "raw", params: [V, i], ret: "int", body: [b.ret(b.load(V, [b.v(i)]))] }), { boundscheck: false });
  assert.doesNotMatch(raw.source, /\$ck/);
  assert.equal(raw.fn(arr, 3), 1);
});

test("bitwise ops at edge values match JS", () => {
  const a = b.newVar("a", "int"), c = b.newVar("c", "int");
  const ops = ["bitand", "bitor", "bitxor", "shl", "shr", "ushr"] as const;
  const refs: Record<(typeof ops)[number], (a: number, c: number) => number> = {
    bitand: (a, c) => a & c, bitor: (a, c) => a | c, bitxor: (a, c) => a ^ c,
    shl: (a, c) => a << c, shr: (a, c) => a >> c, ushr: (a, c) => a >>> c,
  };
  const edges = [0, 1, -1, 31, 32, 33, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 + 5, -(2 ** 40) - 3, 0xdeadbeef];
  for (const op of ops) {
    const k = compile(fn(op, [a, c], "int", [b.ret(b.bin(op, b.v(a), b.v(c)))]));
    for (const x of edges) for (const y of edges) assert.equal(k(x, y), refs[op](x, y), `${op}(${x}, ${y})`);
  }
  const not = compile(fn("bitnot", [a], "int", [b.ret(b.un("bitnot", b.v(a)))]));
  for (const x of edges) assert.equal(not(x), ~x);
});

test("casts follow the IR contract", () => {
  const x = b.newVar("x", "f64"), p = b.newVar("p", "bool"), n = b.newVar("n", "int");
  const one = (name: string, param: Var, body: Parameters<typeof b.cast>[0], ret: Type) =>
    compile(fn(name, [param], ret, [b.ret(b.cast(body, b.v(param)))]));
  const f2i32 = one("f2i32", x, "f2i32", "int"), f2idx = one("f2idx", x, "f2idx", "int"), truthy = one("truthy", x, "truthy", "bool");
  for (const v of [0, -0, 1.9, -1.9, 2 ** 31, 2 ** 32 + 3.5, NaN, Infinity, -Infinity, 1e300]) {
    assert.equal(f2i32(v), v | 0);
    assert.equal(f2idx(v), Number.isInteger(v) ? v + 0 : -1);
    assert.equal(truthy(v), !!v);
  }
  assert.equal(one("b2i", p, "b2i", "int")(true), 1);
  assert.equal(one("b2f", p, "b2f", "f64")(false), 0);
  const i2truthy = one("itruthy", n, "truthy", "bool");
  assert.equal(i2truthy(0), false);
  assert.equal(i2truthy(-3), true);
  const u8 = one("u8c", x, "f2u8c", "int"), iu8 = one("iu8c", n, "i2u8c", "int");
  for (const v of [-5, 0.5, 1.5, 2.5, 254.5, 300, NaN]) assert.equal(u8(v), new Uint8ClampedArray([v])[0]);
  for (const v of [-5, 7, 256]) assert.equal(iu8(v), new Uint8ClampedArray([v])[0]);
});

test("ints never come back as -0", () => {
  const n = b.newVar("n", "int"), r = b.newVar("r", "f64");
  const neg = compile(fn("neg", [n], "int", [b.ret(b.un("neg", b.v(n)))]));
  assert.ok(Object.is(neg(0), 0));
  const mul = compile(fn("mul", [n], "f64", [b.assign(r, b.cast("i2f", b.bin("mul", b.v(n), b.c(-2)))), b.ret(b.bin("div", b.c(1, "f64"), b.v(r)))]));
  assert.equal(mul(0), Infinity); // wasm's i64 has no -0, so 1 / i2f(0 * -2) is +Infinity
  const fneg = compile(fn("fneg", [r], "f64", [b.ret(b.un("neg", b.v(r)))]));
  assert.ok(Object.is(fneg(0), -0)); // f64 keeps its sign
});

test("math and Number functions, cond and logical", () => {
  const x = b.newVar("x", "f64"), y = b.newVar("y", "f64"), n = b.newVar("n", "int");
  const m = (fnName: Parameters<typeof b.math>[0], args: Var[]) =>
    compile(fn(fnName, args, fnName.startsWith("is") ? "bool" : "f64", [b.ret(b.math(fnName, args.map(b.v)))]));
  assert.equal(m("hypot", [x, y])(3, 4), 5);
  assert.equal(m("atan2", [x, y])(1, -1), Math.atan2(1, -1));
  assert.equal(m("isNaN", [x])(NaN), true);
  assert.equal(m("isFinite", [x])(Infinity), false);
  assert.equal(m("isInteger", [x])(3), true);
  assert.equal(m("isSafeInteger", [x])(2 ** 53), false);
  const clz = compile(fn("clz", [n], "int", [b.ret(b.math("clz32", [b.v(n)]))]));
  assert.equal(clz(1), 31);
  // cond/logical are lazy: the untaken side's call (which stores to V) never runs.
  const V = b.newVar("V", F64), W = b.newVar("W", F64);
  const poke = fn("poke", [W], "bool", [b.store(W, [b.c(0)], b.c(1, "f64")), b.ret(b.c(true))]);
  const lazy = compile(fn("lazy", [V, n], "int", [
    b.ret(b.cond(b.and(b.bin("gt", b.v(n), b.c(0)), b.call(poke, [b.v(V)])), b.c(1), b.or(b.v(n), b.c(7)))),
  ]));
  const buf = new Float64Array(1);
  assert.equal(lazy(buf, 0), 7);
  assert.equal(buf[0], 0);
  assert.equal(lazy(buf, -2), -2);
  assert.equal(lazy(buf, 5), 1);
  assert.equal(buf[0], 1);
});

test("props on bare typed arrays and ndarrays", () => {
  const T = b.nd("f64", 3), A = b.newVar("A", T), V = b.newVar("V", F64);
  const props = (e: ReturnType<typeof b.prop>) => compile(fn("p", [A, V], "int", [b.ret(e)]));
  const X = array([[[1, 2], [3, 4], [5, 6]]]).transpose(2, 1, 0).lo(1);
  const Vs = new Float64Array(5);
  assert.equal(props(b.prop(A, "shape", 2))(X, Vs), 1);
  assert.equal(props(b.prop(A, "stride", 0))(X, Vs), X.stride[0]);
  assert.equal(props(b.prop(A, "offset"))(X, Vs), X.offset);
  assert.equal(props(b.prop(A, "size"))(X, Vs), X.size);
  assert.equal(props(b.prop(A, "length"))(X, Vs), X.shape[0]);
  assert.equal(props(b.prop(V, "length"))(X, Vs), 5);
  assert.equal(props(b.prop(V, "shape", 0))(X, Vs), 5);
  assert.equal(props(b.prop(V, "stride", 0))(X, Vs), 1);
  assert.equal(props(b.prop(V, "offset"))(X, Vs), 0);
});

test("calls: callees share arrays with the caller and write through", () => {
  const Y = b.newVar("Y", M), y = b.newVar("y", "f64");
  const fill = fn("fill(nd,f64)", [Y, y], "f64", [
    b.store(Y, [b.c(0), b.c(1)], b.v(y)),
    b.ret(b.load(Y, [b.c(1), b.c(0)])),
  ]);
  const A = b.newVar("A", M), B = b.newVar("B", M), r = b.newVar("r", "f64");
  const outer = fn("outer", [A], M, [
    b.assign(B, b.v(A)), // an array var copied from a param indexes the same data
    b.assign(r, b.call(fill, [b.v(B), b.c(9, "f64")])),
    b.store(B, [b.c(0), b.c(0)], b.v(r)),
    b.ret(b.v(B)),
  ]);
  const k = compile(outer);
  const X = array([[0, 0], [5, 0]]);
  assert.equal(k(X), X); // returned arrays are the user's own object
  assert.deepEqual(rows(X), [[5, 9], [5, 0]]);
  assert.match(k.source, /function f\$fill_nd_f64_\(/);
});

test("throw statements raise the requested error class", () => {
  const f = fn("boom", [], "void", [b.throw_("TypeError", 'bad "input"', b.loc(1, 1))]);
  assert.throws(() => compile(f)(), (e: Error) => e instanceof TypeError && e.message === 'bad "input"');
});

test("generated source is readable: declared locals, indentation, no unused helpers", () => {
  const src = compile(matmulIR(), { boundscheck: false }).source;
  assert.match(src, /^"use strict";\n/);
  assert.match(src, /let A_\d+_d = A_\d+\.data, A_\d+_n0 = A_\d+\.shape\[0\]/);
  assert.match(src, /\n {6}for \(k_\d+ = 0; k_\d+ < n_\d+; k_\d+\+\+\) \{\n {8}acc_\d+ = acc_\d+ \+ A_\d+_d\[A_\d+_o \+ i_\d+ \* A_\d+_s0 \+ k_\d+ \* A_\d+_s1\] \* /);
  assert.doesNotMatch(src, /\$ck|\$imod/);
  assert.match(src, /\nreturn f\$matmul;\n$/);
});
