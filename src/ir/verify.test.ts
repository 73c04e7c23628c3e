// One test per verifier rule: each builds a minimal function breaking exactly that rule and checks the
// reported message, so a frontend bug surfaces as a readable violation rather than a miscompile.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as b from "./builder.js";
import type { Expr, FuncIR, Stmt } from "./nodes.js";
import { arrayType, type ArrayType, type Type } from "./types.js";
import { collectErrors, verifyFunc, verifyModule } from "./verify.js";

const F64 = b.ta("f64"), M = b.nd("f64", 2);
const A = b.newVar("A", M), V = b.newVar("V", F64), n = b.newVar("n", "int"), x = b.newVar("x", "f64");
const t = b.newVar("t", "bool"), i = b.newVar("i", "int");

/** A function over params (A: 2-d ndarray, V: Float64Array, n: int, x: f64) with the given body. */
const fn = (body: Stmt[], ret: Type = "void", extra: Partial<FuncIR> = {}): FuncIR =>
  ({ ...b.func({ name: "f", params: [A, V, n, x], ret, body }), ...extra });
/** The single violation the function has. */
function only(f: FuncIR): string {
  const errs = collectErrors(f);
  assert.equal(errs.length, 1, `expected one violation, got:\n${errs.join("\n")}`);
  return errs[0];
}
const expr = (e: Expr): FuncIR => fn([b.exprStmt(e)]);
const bad = (e: Expr, type: string): Expr => ({ ...e, type } as Expr);

test("a well-formed function passes", () => {
  const s = b.newVar("s", "f64"), C = b.newVar("C", M);
  const g = b.func({ name: "g", params: [b.newVar("y", "f64")], ret: "f64", body: [b.ret(b.c(1, "f64"))] });
  const f = fn([
    b.assign(s, b.c(0, "f64")),
    b.assign(C, b.alloc("zeros", M, [b.prop(A, "shape", 0), b.c(3)])),
    b.for_(i, b.c(0), b.prop(V, "length"), (L) => [
      b.if_(b.bin("ge", b.v(i), b.v(n)), [b.brk(L)]),
      b.assign(s, b.bin("add", b.v(s), b.bin("div", b.load(V, [b.v(i)]), b.cast("i2f", b.bin("mod", b.v(i), b.c(7)))))),
      b.store(C, [b.v(i), b.c(0)], b.cond(b.bin("eq", b.c(true), b.c(false)), b.call(g, [b.v(s)]), b.math("sqrt", [b.v(x)]))),
    ], { step: 2 }),
    b.loop((L) => ({ pre: b.or(b.c(false), b.cast("truthy", b.v(n))), body: [b.cont(L)], update: [b.brk(L)], post: b.un("not", b.c(true)) })),
    b.assign(n, b.bin("ushr", b.un("bitnot", b.v(n)), b.cast("f2i32", b.v(x)))),
    b.ret(b.v(C)),
  ], M);
  verifyFunc(f);
  verifyModule(f);
});

test("errors carry the function name and a path, and all are listed", () => {
  const f = fn([b.if_(b.c(true), [b.exprStmt(b.bin("add", b.v(n), b.v(x)))]), b.exprStmt(b.bin("div", b.v(t), b.v(t)))]);
  assert.throws(() => verifyFunc(f), {
    message: "IR verification failed:\n" +
      "  f: body[0].then[0].x: add operands must have the same type, got int, f64\n" +
      "  f: body[1].x: div operands must be int or f64, got bool, bool",
  });
});

test("arith: operands of one type", () => {
  assert.match(only(expr(b.bin("sub", b.v(n), b.v(x)))), /sub operands must have the same type, got int, f64$/);
});
test("arith: int or f64 only", () => {
  assert.match(only(expr(b.bin("mul", b.v(t), b.v(t)))), /mul operands must be int or f64, got bool, bool$/);
});
test("arith: result type is the operand type", () => {
  assert.match(only(expr(bad(b.bin("add", b.v(n), b.v(n)), "f64"))), /add\(int, int\) must have type int, got f64$/);
});
test("div: f64, or int (truncating, for the Python frontend's floor division); the result has the operands' type", () => {
  assert.equal(verifyFunc(fn([b.exprStmt(b.bin("div", b.v(n), b.v(n)))])), undefined);
  assert.match(only(expr(bad(b.bin("div", b.v(n), b.v(n)), "f64"))), /div\(int, int\) must have type int, got f64$/);
  assert.match(only(expr(bad(b.bin("div", b.v(x), b.v(x)), "int"))), /div\(f64, f64\) must have type f64, got int$/);
});
test("mod: int or f64", () => {
  assert.deepEqual(collectErrors(expr(b.bin("mod", b.v(x), b.v(x)))), []);
  assert.match(only(expr(b.bin("mod", b.v(t), b.v(t)))), /mod operands must be int or f64, got bool, bool$/);
});
test("bitwise: int operands and result", () => {
  assert.match(only(expr(b.bin("bitand", b.v(x), b.v(x)))), /bitand operands must be int, got f64, f64$/);
  assert.match(only(expr(bad(b.bin("shl", b.v(n), b.v(n)), "f64"))), /shl\(int, int\) must have type int, got f64$/);
});
test("compare: same operand types, bool only for eq/ne, bool result", () => {
  assert.deepEqual(collectErrors(expr(b.bin("ne", b.v(t), b.v(t)))), []);
  assert.match(only(expr(b.bin("lt", b.v(t), b.v(t)))), /lt operands must be int or f64, got bool, bool$/);
  assert.match(only(expr(b.bin("eq", b.v(n), b.v(x)))), /eq operands must have the same type, got int, f64$/);
  assert.match(only(expr(bad(b.bin("ge", b.v(x), b.v(x)), "int"))), /ge\(f64, f64\) must have type bool, got int$/);
});
test("unary: neg numeric, not bool, bitnot int", () => {
  assert.match(only(expr(b.un("neg", b.v(t)))), /neg operand must be int or f64, got bool$/);
  assert.match(only(expr(bad(b.un("neg", b.v(n)), "f64"))), /neg result must be int, got f64$/);
  assert.match(only(expr(b.un("not", b.v(n)))), /not operand must be bool, got int$/);
  assert.match(only(expr(b.un("bitnot", b.v(x)))), /bitnot operand must be int, got f64$/);
});
test("casts: operand and result types", () => {
  assert.match(only(expr(b.cast("i2f", b.v(x)))), /i2f operand must be int, got f64$/);
  assert.match(only(expr(b.cast("b2i", b.v(n)))), /b2i operand must be bool, got int$/);
  assert.match(only(expr(b.cast("f2idx", b.v(n)))), /f2idx operand must be f64, got int$/);
  assert.match(only(expr(b.cast("truthy", b.v(t)))), /truthy operand must be int or f64, got bool$/);
  assert.match(only(expr(bad(b.cast("f2i32", b.v(x)), "f64"))), /f2i32 result must be int, got f64$/);
  assert.match(only(expr(b.cast("i2u8c", b.v(x)))), /i2u8c operand must be int, got f64$/);
});
test("load: one int index per dimension, element type", () => {
  assert.match(only(expr(b.load(A, [b.v(n)]))), /body\[0\]\.x: load A\.\d+ has 2 dims but is indexed with 1 indices$/);
  assert.match(only(expr(b.load(V, [b.v(x)]))), /body\[0\]\.x\.idx\[0\]: index must be int, got f64$/);
  assert.match(only(expr(bad(b.load(V, [b.v(n)]), "int"))), /load from Float64Array must have type f64, got int$/);
  assert.match(only(expr(b.load(n, [b.v(n)]))), /n\.\d+ is indexed but has type int, not an array$/);
});
test("store: index count and element type", () => {
  assert.match(only(fn([b.store(A, [b.v(n), b.v(n), b.v(n)], b.v(x))])), /store A\.\d+ has 2 dims but is indexed with 3 indices$/);
  assert.match(only(fn([b.store(V, [b.v(n)], b.v(n))])), /body\[0\]\.x: value stored to Float64Array must be f64, got int$/);
  assert.match(only(fn([b.store(V, [b.v(n)], b.v(x))], "void", { written: new Set() })), /param V is stored to but missing from written$/);
});
test("for: int variable and bounds, nonzero integer step", () => {
  const y = b.newVar("y", "f64");
  assert.match(only(fn([b.for_(y, b.c(0), b.c(1), [])])), /for variable y\.\d+ must be int, got f64$/);
  assert.match(only(fn([b.for_(i, b.v(x), b.c(1), [])])), /body\[0\]\.start: for start must be int, got f64$/);
  assert.match(only(fn([b.for_(i, b.c(0), b.v(x), [])])), /body\[0\]\.end: for end must be int, got f64$/);
  assert.match(only(fn([b.for_(i, b.c(0), b.c(1), [], { step: 0 })])), /for step must be a nonzero integer, got 0$/);
  assert.match(only(fn([b.for_(i, b.c(0), b.c(1), [], { step: 0.5 })])), /for step must be a nonzero integer, got 0.5$/);
});
test("break/continue: label of an enclosing loop", () => {
  const inner = b.for_(i, b.c(0), b.c(1), [], { label: 41 });
  assert.match(only(fn([inner, b.brk(41)])), /body\[1\]: break L41 is not inside loop L41$/);
  assert.match(only(fn([b.for_(i, b.c(0), b.c(1), [b.cont(99)])])), /body\[0\]\.body\[0\]: continue L99 is not inside loop L99$/);
  // `continue` from a loop's own update would re-enter the update: not a loop body position.
  const l = b.loop((L) => ({ body: [], update: [b.cont(L)] }));
  assert.match(only(fn([l])), /body\[0\]\.update\[0\]: continue L\d+ is not inside loop L\d+'s body$/);
  const twice = b.for_(i, b.c(0), b.c(1), [b.for_(i, b.c(0), b.c(1), [], { label: 7 })], { label: 7 });
  assert.match(only(fn([twice])), /loop label L7 is used twice$/);
});
test("vars: every var is a param or a local", () => {
  const ghost = b.newVar("ghost", "int");
  const f = fn([b.assign(n, b.v(ghost))], "void", { locals: [] });
  assert.match(only(f), /body\[0\]\.x: var ghost\.\d+ is neither a param nor a local$/);
  assert.match(only(fn([], "void", { locals: [n] })), /locals: param n\.\d+ is also listed as a local$/);
});
test("array-typed expressions only as assign source, return value or call argument", () => {
  assert.match(only(expr(b.v(A))), /body\[0\]\.x: array-typed var used as a scalar/);
  const g = b.func({ name: "g", params: [], ret: M, body: [b.ret(b.alloc("empty", M, [b.c(1), b.c(1)]))] });
  assert.deepEqual(collectErrors(fn([b.exprStmt(b.call(g, []))])), []); // a discarded array result is fine
  const e = b.bin("eq", b.alloc("zeros", F64, [b.c(1)]), b.alloc("zeros", F64, [b.c(1)]));
  assert.match(collectErrors(expr(e))[0], /body\[0\]\.x\.a: array-typed alloc used as a scalar/);
  const W = b.newVar("W", arrayType("f64", 2, false));
  assert.match(only(fn([b.assign(W, b.alloc("ones", W.type as ArrayType, [b.c(1), b.c(1)]))])), /x: bare typed array type with 2 dims/);
});
test("return: type matches the function's", () => {
  assert.match(only(fn([b.ret(b.v(n))], "f64")), /body\[0\]\.x: return value must be f64, got int$/);
  assert.match(only(fn([b.ret(b.v(n))], "void")), /return with a value in a void function$/);
  assert.match(only(fn([b.ret()], "int")), /return without a value in a function returning int$/);
  assert.match(only(fn([b.ret(b.v(V))], M)), /return value must be ndarray<float64,2>, got Float64Array$/);
});
test("cond and logical: operands have the result type", () => {
  assert.match(only(expr(b.cond(b.v(t), b.v(n), b.v(x)))), /body\[0\]\.x\.b: cond branch must be int, got f64$/);
  assert.match(only(expr(b.cond(b.v(n), b.v(n), b.v(n)))), /body\[0\]\.x\.c: cond condition must be bool, got int$/);
  assert.match(only(expr(b.and(b.v(x), b.v(t)))), /body\[0\]\.x\.b: and operand must be f64, got bool$/);
  assert.match(only(expr(bad(b.or(b.v(n), b.v(x)), "f64"))), /x\.a: or operand must be f64, got int$/);
});
test("calls: argument types equal the callee's parameter types", () => {
  const y = b.newVar("y", "f64"), Y = b.newVar("Y", F64);
  const g = b.func({ name: "g", params: [y, Y], ret: "f64", body: [b.store(Y, [b.c(0)], b.v(y)), b.ret(b.v(y))] });
  assert.match(only(expr(b.call(g, [b.v(n), b.v(V)]))), /body\[0\]\.x\.args\[0\]: argument for y must be f64, got int$/);
  assert.match(only(expr(b.call(g, [b.v(x)]))), /call g passes 1 arguments, expects 2$/);
  assert.match(only(expr(bad(b.call(g, [b.v(x), b.v(V)]), "int"))), /call g typed int but returns f64$/);
  assert.match(only(fn([b.exprStmt(b.call(g, [b.v(x), b.v(V)]))], "void", { written: new Set() })), /param V is written by g but missing from written$/);
  assert.match(only(fn([b.exprStmt(b.call(g, [b.v(x), b.v(V)]))], "void", { callees: [] })), /callee g is missing from callees$/);
});
test("other node checks: consts, var types, conditions, props, alloc sizes", () => {
  assert.match(only(expr(b.c(1.5, "int"))), /const 1.5 is not a int$/);
  assert.match(only(expr(bad(b.v(n), "f64"))), /var n\.\d+ read as f64 but has type int$/);
  assert.match(only(fn([b.assign(n, b.v(x))])), /value assigned to n\.\d+ must be int, got f64$/);
  assert.match(only(fn([b.if_(b.v(n), [])])), /body\[0\]\.c: if condition must be bool, got int$/);
  assert.match(only(fn([b.loop({ pre: b.v(x), body: [] })])), /loop pre-test must be bool, got f64$/);
  assert.match(only(expr(b.prop(A, "shape", 2))), /shape axis 2 out of range for ndarray<float64,2>$/);
  const C = b.newVar("C", M);
  assert.match(only(fn([b.assign(C, b.alloc("zeros", M, [b.c(1)]))])), /alloc of ndarray<float64,2> needs 2 sizes, got 1$/);
  assert.match(only(fn([b.assign(V, b.alloc("zeros", F64, [b.v(x)]))])), /shape\[0\]: size must be int, got f64$/);
  assert.match(only(expr(b.math("atan2", [b.v(x)]))), /atan2 takes 2 arguments, got 1$/);
});
