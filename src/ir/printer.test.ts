// Golden tests for the IR text form: it is what `inspect("ir")` shows users and what pass tests diff,
// so every node kind's spelling is pinned here.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as b from "./builder.js";
import { printFunc, printModule } from "./printer.js";

const text = (lines: string[]): string => lines.join("\n") + "\n";

function matmul() {
  b.resetIds();
  const M = b.nd("f64", 2);
  const A = b.newVar("A", M), B = b.newVar("B", M);
  const [m, n, n2, p] = ["m", "n", "n2", "p"].map((x) => b.newVar(x, "int"));
  const C = b.newVar("C", M), i = b.newVar("i", "int"), j = b.newVar("j", "int"), k = b.newVar("k", "int");
  return b.func({
    name: "matmul", params: [A, B], ret: M, body: [
      b.assign(m, b.prop(A, "shape", 0)), b.assign(n, b.prop(A, "shape", 1)),
      b.assign(n2, b.prop(B, "shape", 0)), b.assign(p, b.prop(B, "shape", 1)),
      b.if_(b.bin("ne", b.v(n), b.v(n2)), [b.throw_("Error", "Inner matrix dimensions must agree.", b.loc(3, 20))]),
      b.assign(C, b.alloc("zeros", M, [b.v(m), b.v(p)])),
      b.for_(i, b.c(0), b.v(m), [b.for_(j, b.c(0), b.v(p), [b.for_(k, b.c(0), b.v(n), [
        b.store(C, [b.v(i), b.v(j)], b.bin("add", b.load(C, [b.v(i), b.v(j)]),
          b.bin("mul", b.load(A, [b.v(i), b.v(k)]), b.load(B, [b.v(k), b.v(j)])))),
      ])])]),
      b.ret(b.v(C)),
    ],
  });
}

test("matmul prints in the documented form", () => {
  assert.equal(printFunc(matmul()), text([
    "func matmul(A: ndarray<float64,2>, B: ndarray<float64,2>) -> ndarray<float64,2> {",
    "  m.2: int = shape(A, 0)",
    "  n.3: int = shape(A, 1)",
    "  n2.4: int = shape(B, 0)",
    "  p.5: int = shape(B, 1)",
    '  if ne(n.3, n2.4) { throw Error "Inner matrix dimensions must agree." @3:20 }',
    "  C.6: ndarray<float64,2> = zeros<float64>[m.2, p.5]",
    "  for i.7 = 0 lt m.2 step 1 {",
    "    for j.8 = 0 lt p.5 step 1 {",
    "      for k.9 = 0 lt n.3 step 1 {",
    "        store C.6[i.7, j.8] = add(load C.6[i.7, j.8], mul(load A[i.7, k.9], load B[k.9, j.8]))",
    "      }",
    "    }",
    "  }",
    "  return C.6",
    "}",
  ]));
});

test("printing is deterministic", () => {
  assert.equal(printFunc(matmul()), printFunc(matmul()));
});

test("constants keep int and f64 apart", () => {
  b.resetIds();
  const x = b.newVar("x", "f64"), y = b.newVar("y", "int"), z = b.newVar("z", "bool");
  const f = b.func({
    name: "k", params: [], ret: "void", body: [
      b.assign(x, b.c(1, "f64")), b.assign(x, b.c(0.5)), b.assign(x, b.c(-0, "f64")), b.assign(x, b.c(NaN)),
      b.assign(x, b.c(-Infinity)), b.assign(x, b.c(1e21, "f64")), b.assign(y, b.c(-3)), b.assign(z, b.c(true)), b.ret(),
    ],
  });
  assert.equal(printFunc(f), text([
    "func k() -> void {",
    "  x.0: f64 = 1.0", "  x.0 = 0.5", "  x.0 = -0.0", "  x.0 = NaN", "  x.0 = -Infinity", "  x.0 = 1e+21",
    "  y.1: int = -3", "  z.2: bool = true", "  return",
    "}",
  ]));
});

test("every expression kind", () => {
  b.resetIds();
  const A = b.newVar("A", b.ta("i32")), N = b.newVar("N", b.nd("f32", 3));
  const x = b.newVar("x", "f64"), i = b.newVar("i", "int"), t = b.newVar("t", "bool");
  const B = b.newVar("B", b.ta("u8"));
  const f = b.func({
    name: "all", params: [A, N, x], ret: "int", body: [
      b.assign(i, b.bin("shl", b.un("bitnot", b.load(A, [b.c(0)])), b.cast("f2i32", b.un("neg", b.v(x))))),
      b.assign(t, b.and(b.un("not", b.cast("truthy", b.v(x))), b.math("isNaN", [b.v(x)]))),
      b.assign(x, b.cond(b.v(t), b.math("max", [b.v(x), b.cast("i2f", b.prop(N, "size"))]), b.math("random", []))),
      b.assign(i, b.or(b.prop(A, "length"), b.bin("add", b.prop(N, "stride", 2), b.prop(N, "offset")))),
      b.assign(B, b.alloc("ones", b.ta("u8"), [b.v(i)])),
      b.exprStmt(b.load(N, [b.c(0), b.c(1), b.cast("f2idx", b.v(x))])),
      b.ret(b.v(i)),
    ],
  });
  assert.equal(printFunc(f), text([
    "func all(A: Int32Array, N: ndarray<float32,3>, x: f64) -> int {",
    "  i.3: int = shl(bitnot(load A[0]), f2i32(neg(x)))",
    "  t.4: bool = and(not(truthy(x)), isNaN(x))",
    "  x = cond(t.4, max(x, i2f(size(N))), random())",
    "  i.3 = or(length(A), add(stride(N, 2), offset(N)))",
    "  B.5: Uint8Array = ones<Uint8Array>[i.3]",
    "  load N[0, 1, f2idx(x)]",
    "  return i.3",
    "}",
  ]));
});

test("loops print labels only where break/continue target them", () => {
  b.resetIds();
  const A = b.newVar("A", b.ta("f64"));
  const i = b.newVar("i", "int"), j = b.newVar("j", "int"), s = b.newVar("s", "f64");
  const f = b.func({
    name: "loops", params: [A], ret: "f64", body: [
      b.assign(s, b.c(0, "f64")),
      b.assign(i, b.c(0)),
      b.loop((L) => ({
        pre: b.bin("lt", b.v(i), b.prop(A, "length")),
        body: [
          b.if_(b.bin("lt", b.load(A, [b.v(i)]), b.c(0, "f64")), [b.cont(L)], [b.assign(s, b.bin("add", b.v(s), b.load(A, [b.v(i)])))]),
          b.for_(j, b.c(10), b.c(0), (J) => [b.if_(b.bin("eq", b.v(j), b.v(i)), [b.brk(L)], [b.brk(J)])], { step: -2, cmp: "gt", parallel: true }),
        ],
        update: [b.assign(i, b.bin("add", b.v(i), b.c(1)))],
        post: b.bin("ne", b.v(s), b.c(100, "f64")),
      })),
      b.loop({ body: [b.assign(s, b.bin("mul", b.v(s), b.c(2, "f64")))], post: b.bin("lt", b.v(s), b.c(1e6, "f64")) }),
      b.ret(b.v(s)),
    ],
  });
  assert.equal(printFunc(f), text([
    "func loops(A: Float64Array) -> f64 {",
    "  s.3: f64 = 0.0",
    "  i.1: int = 0",
    "  L0: loop while lt(i.1, length(A)) {",
    "    if lt(load A[i.1], 0.0) {",
    "      continue L0",
    "    } else {",
    "      s.3 = add(s.3, load A[i.1])",
    "    }",
    "    L1: for j.2 = 10 gt 0 step -2 parallel {",
    "      if eq(j.2, i.1) {",
    "        break L0",
    "      } else {",
    "        break L1",
    "      }",
    "    }",
    "  } update {",
    "    i.1 = add(i.1, 1)",
    "  } while ne(s.3, 100.0)",
    "  loop {",
    "    s.3 = mul(s.3, 2.0)",
    "  } while lt(s.3, 1000000.0)",
    "  return s.3",
    "}",
  ]));
});

test("else-if chains stay flat", () => {
  b.resetIds();
  const x = b.newVar("x", "int"), r = b.newVar("r", "int");
  const f = b.func({
    name: "sgn", params: [x], ret: "int", body: [
      b.if_(b.bin("lt", b.v(x), b.c(0)), [b.assign(r, b.c(-1))],
        [b.if_(b.bin("gt", b.v(x), b.c(0)), [b.assign(r, b.c(1))], [b.assign(r, b.c(0))])]),
      b.ret(b.v(r)),
    ],
  });
  assert.equal(printFunc(f), text([
    "func sgn(x: int) -> int {",
    "  if lt(x, 0) {",
    "    r.1: int = -1",
    "  } else if gt(x, 0) {",
    "    r.1 = 1",
    "  } else {",
    "    r.1 = 0",
    "  }",
    "  return r.1",
    "}",
  ]));
});

test("printModule puts callees first, each once, and shows written params", () => {
  b.resetIds();
  const X = b.newVar("X", b.ta("f64")), k = b.newVar("k", "int");
  const leaf = b.func({ name: "leaf(Float64Array)", params: [X], ret: "void", body: [b.store(X, [b.c(0)], b.c(1, "f64")), b.ret()] });
  const Y = b.newVar("Y", b.ta("f64"));
  const mid = b.func({ name: "mid", params: [Y], ret: "int", body: [b.exprStmt(b.call(leaf, [b.v(Y)])), b.ret(b.c(1))] });
  const Z = b.newVar("Z", b.ta("f64"));
  const top = b.func({
    name: "top", params: [Z], ret: "int",
    body: [b.assign(k, b.call(mid, [b.v(Z)])), b.exprStmt(b.call(leaf, [b.v(Z)])), b.ret(b.v(k))],
  });
  assert.deepEqual(top.callees, [leaf, mid]);
  assert.equal(printModule(top), [
    text(["func leaf(Float64Array)(X: Float64Array) -> void writes X {", "  store X[0] = 1.0", "  return", "}"]),
    text(["func mid(Y: Float64Array) -> int writes Y {", "  call leaf(Float64Array)(Y)", "  return 1", "}"]),
    text(["func top(Z: Float64Array) -> int writes Z {", "  k.1: int = call mid(Z)", "  call leaf(Float64Array)(Z)", "  return k.1", "}"]),
  ].join("\n"));
});
