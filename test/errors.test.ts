// Every error path of numbat, on every target: compile errors (class, code, exact location, a code
// frame with the source line and a caret under the offending column, a hint at what is supported),
// argument type errors at call time, run-time errors (bounds) with the array name
// and location, and user exceptions reaching the caller with their class and message intact.
//
// Locations are relative to the function's own source text (`fn.toString()`, which is what numbat
// parses): line 1 is the line of `function`/the arrow's parameters; columns count from COLUMN_BASE.
// Expected locations are computed from that text here, so they follow whatever tsc emitted.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CompileError, zeros } from "../src/index.js";
import { matrixMultiplyLoops } from "./corpus/linalg.js";
import { callee, differential, jitFn, resolveScope, TARGETS, type AnyFn, type ND, type Target } from "./harness.js";

/** Columns are 1-based (as in editors and V8 stack traces); lines are 1-based. */
const COLUMN_BASE = 1;

interface Loc {
  line: number;
  column: number;
}

/** Location of the `occurrence`-th (0-based) `needle` in `fn.toString()`. */
function locOf(fn: AnyFn, needle: string, occurrence = 0): Loc {
  const src = fn.toString();
  let idx = -1;
  for (let n = 0; n <= occurrence; n++) {
    idx = src.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`test bug: ${JSON.stringify(needle)} (occurrence ${occurrence}) is not in:\n${src}`);
  }
  const before = src.slice(0, idx);
  return { line: before.split("\n").length, column: idx - (before.lastIndexOf("\n") + 1) + COLUMN_BASE };
}

const show = (l: Loc) => `${l.line}:${l.column}`;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected an exception, but the call returned normally");
}

/** The source line must appear in the message with a caret line under the reported column. */
function assertCodeFrame(message: string, srcLine: string, column0: number): void {
  const trimmed = srcLine.trim();
  const indent = srcLine.length - srcLine.trimStart().length;
  const lines = message.split("\n");
  const at = lines.findIndex((l, i) => l.includes(trimmed) && i + 1 < lines.length && lines[i + 1].includes("^"));
  assert.ok(at >= 0, `no code frame (the source line ${JSON.stringify(trimmed)} followed by a caret line) in:\n${message}`);
  const expectedCaret = lines[at].indexOf(trimmed) + (column0 - indent);
  assert.equal(lines[at + 1].indexOf("^"), expectedCaret, `caret not under column ${column0 + COLUMN_BASE} in:\n${message}`);
}

interface CompileCase {
  name: string;
  fn: AnyFn;
  args: () => unknown[];
  /** Where the error must point; several entries where more than one node is a fair answer. */
  at: (fn: AnyFn) => Loc[];
  /** Key words the message must contain. */
  says: RegExp[];
  scope?: Record<string, unknown>;
  /** Puts the jitted function itself into its own scope under this name (recursion through scope). */
  selfInScope?: string;
}

function assertCompileError(c: CompileCase, target: Target): void {
  const scope: Record<string, unknown> = { ...resolveScope(c.scope, { target }) };
  const jitted = jitFn(c.fn, { target, scope });
  if (c.selfInScope !== undefined) scope[c.selfInScope] = jitted;
  const err = thrown(() => jitted(...c.args()));
  if (!(err instanceof CompileError)) assert.fail(`expected a CompileError, got ${err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err)}`);
  assert.ok(err instanceof Error);
  assert.equal(typeof err.code, "string");
  assert.ok(err.code.length > 0, "CompileError.code is empty");
  const candidates = c.at(c.fn);
  const got = { line: err.line, column: err.column };
  assert.ok(
    candidates.some((l) => l.line === got.line && l.column === got.column),
    `location ${show(got)}, expected ${candidates.map(show).join(" or ")}; message:\n${err.message}`,
  );
  // Key words and the hint are looked for in the prose, not in the quoted source of the code frame.
  const prose = err.message.split("\n").filter((l) => !/^\s*>?\s*\d*\s*\|/.test(l)).join("\n");
  for (const re of c.says) assert.match(prose, re);
  assert.ok(err.message.includes(show(got)), `the message does not contain ${show(got)}:\n${err.message}`);
  assert.match(prose, /help:|instead|allowed|only|use /i, `the message should say what is supported instead:\n${err.message}`);
  const srcLine = c.fn.toString().split("\n")[got.line - 1];
  assertCodeFrame(err.message, srcLine, got.column - COLUMN_BASE);
}

// ---------------------------------------------------------------------------------------------------
// Kernels that must not compile

// Free names resolve as in plain JS (frontend/resolve.ts); an object from the enclosing scope is not
// something a kernel can read, and a name defined nowhere is an error at its use.
const outerFactor = { factor: 3 };
declare const helperNotInScope: (x: number) => number;

function objectLiteral(a: Float64Array) {
  const o = { x: a[0] };
  return o.x;
}

function usesOuter(a: Float64Array) {
  return a[0] * (outerFactor as unknown as number);
}

function innerClosure(a: Float64Array) {
  const add = (x: number) => x + a[0];
  return add(1);
}

function usesThis(this: { k: number } | void, a: Float64Array) {
  return a[0] * (this as { k: number }).k;
}

function stringOps(a: Float64Array) {
  const s = "n=" + a.length;
  return s.length;
}

function* generatorKernel(a: Float64Array) {
  yield a[0];
}

async function asyncKernel(a: Float64Array) {
  return a[0];
}

function usesEval(a: Float64Array) {
  return a[0] + eval("1");
}

function callsUnknown(a: Float64Array) {
  return helperNotInScope(a[0]);
}

function wrongIndexCount(A: ND) {
  let s = 0;
  for (let i = 0; i < A.shape[0]; i++) s += A.get(i);
  return s;
}

function tooManyIndices(A: ND) {
  let s = 0;
  for (let i = 0; i < A.shape[0]; i++) s += A.get(i, 0, 0);
  return s;
}

function boolThenNumber(a: Float64Array) {
  let flag: number | boolean = 0;
  if (a[0] > 0)
    flag = a[1] > 0;
  return flag;
}

// Recursion compiles (runtime/recursion.ts), except mutual recursion with arrays bound from the
// enclosing scope.
const visits = new Float64Array(1);
function pingRec(n: number): number {
  visits[0] += 1;
  return n <= 0 ? 0 : pongRec(n - 1);
}
function pongRec(n: number): number {
  return n <= 0 ? 0 : pingRec(n - 1);
}

function tryCatch(a: Float64Array) {
  try {
    return a[0];
  } catch {
    return 0;
  }
}

function newMap(a: Float64Array) {
  const m = new Map();
  return a[0] + m.size;
}

function usesArguments(a: Float64Array) {
  // eslint-disable-next-line prefer-rest-params
  return a[0] + arguments.length;
}

const f64 = () => [Float64Array.from([1, 2, 3])];
const nd2 = () => [zeros([3, 3])];

export const compileCases: CompileCase[] = [
  { name: "object literal", fn: objectLiteral, args: f64, at: (f) => [locOf(f, "{ x:")], says: [/object/i, /support/i] },
  {
    name: "closure over an outer object", fn: usesOuter, args: f64,
    at: (f) => [locOf(f, "outerFactor")], says: [/outerFactor/, /object/i, /argument/],
  },
  {
    name: "inner function (closure)", fn: innerClosure, args: f64,
    at: (f) => [locOf(f, "(x) =>")], says: [/function|closure|arrow/i, /support/i],
  },
  { name: "this", fn: usesThis as AnyFn, args: f64, at: (f) => [locOf(f, "this")], says: [/\bthis\b/, /support/i] },
  { name: "string operations", fn: stringOps, args: f64, at: (f) => [locOf(f, "\"n=\"")], says: [/string/i, /support/i] },
  {
    name: "generator", fn: generatorKernel, args: f64,
    at: (f) => [{ line: 1, column: COLUMN_BASE }, locOf(f, "yield")], says: [/generator|yield/i, /support/i],
  },
  { name: "async function", fn: asyncKernel, args: f64, at: () => [{ line: 1, column: COLUMN_BASE }], says: [/async/i, /support/i] },
  { name: "eval", fn: usesEval, args: f64, at: (f) => [locOf(f, "eval(")], says: [/eval/, /support/i] },
  {
    name: "calling a function that is defined nowhere", fn: callsUnknown, args: f64,
    at: (f) => [locOf(f, "helperNotInScope(")], says: [/helperNotInScope/, /scope/i],
  },
  {
    name: "too few indices on a 2-d array", fn: wrongIndexCount, args: nd2,
    at: (f) => [locOf(f, "A.get(i)")], says: [/ind(ex|ices)/i, /2/],
  },
  {
    name: "too many indices on a 2-d array", fn: tooManyIndices, args: nd2,
    at: (f) => [locOf(f, "A.get(i, 0, 0)")], says: [/ind(ex|ices)/i, /2/],
  },
  {
    name: "a boolean and a number assigned to the same variable", fn: boolThenNumber, args: f64,
    at: (f) => [locOf(f, "flag = a[1]"), locOf(f, "a[1] > 0")], says: [/bool/i, /flag/],
  },
  { name: "mutual recursion with a bound array", fn: pingRec, args: () => [5], at: (f) => [locOf(f, "pongRec(n - 1)")], says: [/recursive/i, /arrays/i] },
  { name: "try/catch", fn: tryCatch, args: f64, at: (f) => [locOf(f, "try {")], says: [/try/i, /support/i] },
  { name: "new of an unsupported class", fn: newMap, args: f64, at: (f) => [locOf(f, "new Map")], says: [/Map/, /support/i] },
  { name: "arguments", fn: usesArguments, args: f64, at: (f) => [locOf(f, "arguments")], says: [/arguments/, /support/i] },
];

describe("compile errors", () => {
  for (const c of compileCases) {
    describe(c.name, () => {
      for (const target of TARGETS) test(target, () => assertCompileError(c, target));
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Argument type errors at call time

function argKernel(values: Float64Array, count: number) {
  let s = 0;
  for (let i = 0; i < count; i++) s += values[i];
  return s;
}

describe("argument type errors", () => {
  const bad: [string, unknown[], RegExp][] = [
    ["a string for an array", ["abc", 2], /values/],
    ["a plain JS Array for a typed array", [[1, 2, 3], 2], /values/],
    ["an object for an array", [{ length: 3 }, 2], /values/],
    ["a string for a number", [new Float64Array(3), "2"], /count/],
    ["an object for a number", [new Float64Array(3), {}], /count/],
  ];
  for (const target of TARGETS) {
    describe(target, () => {
      for (const [what, args, names] of bad) {
        test(what, () => {
          const err = thrown(() => jitFn(argKernel, { target })(...args));
          assert.ok(err instanceof TypeError, `expected a TypeError, got ${String(err)}`);
          assert.match(err.message, names);
        });
      }
      test("after a good call (cached signature), a bad one still throws TypeError", () => {
        const k = jitFn(argKernel, { target });
        assert.equal(k(Float64Array.from([1, 2, 3]), 3), 6);
        const err = thrown(() => k("abc", 2));
        assert.ok(err instanceof TypeError, `expected a TypeError, got ${String(err)}`);
        assert.match(err.message, /values/);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Run-time errors

function readPast(data: Float64Array, n: number) {
  let s = 0;
  for (let i = 0; i <= n; i++) s += data[i];
  return s;
}

function writePast(dest: Float64Array) {
  for (let i = 0; i < dest.length; i++) dest[i + 1] = i;
}

function readBefore(samples: Float64Array) {
  let s = 0;
  for (let i = 0; i < samples.length; i++) s += samples[i - 1];
  return s;
}

function fractionalIndex(grid: Float64Array) {
  let s = 0;
  for (let i = 0; i < 4; i++) s += grid[i / 2];
  return s;
}

function ndReadPast(matrix: ND) {
  let s = 0;
  for (let i = 0; i < matrix.shape[0]; i++)
    for (let j = 0; j < matrix.shape[1]; j++) s += matrix.get(i, j + 1);
  return s;
}

function ndWritePast(target: ND) {
  for (let i = 0; i < 4; i++) target.set(i, 1, 2.5);
}

function intRemainder(a: Int32Array, b: Int32Array, r: Int32Array) {
  for (let i = 0; i < a.length; i++) r[i] = a[i] % b[i];
}

function scalarRemainder(x: number, y: number) {
  return x % y;
}

function inBoundsDot(x: Float64Array, y: Float64Array) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

interface RuntimeCase {
  name: string;
  fn: AnyFn;
  args: () => unknown[];
  array: string;
  at: (fn: AnyFn) => Loc;
}

export const outOfBounds: RuntimeCase[] = [
  { name: "read past the end", fn: readPast, args: () => [new Float64Array(4), 4], array: "data", at: (f) => locOf(f, "data[i]") },
  { name: "write past the end", fn: writePast, args: () => [new Float64Array(5)], array: "dest", at: (f) => locOf(f, "dest[i + 1]") },
  { name: "read before the start", fn: readBefore, args: () => [new Float64Array(3)], array: "samples", at: (f) => locOf(f, "samples[i - 1]") },
  { name: "non-integer index", fn: fractionalIndex, args: () => [new Float64Array(8)], array: "grid", at: (f) => locOf(f, "grid[i / 2]") },
  { name: "n-d read past an axis", fn: ndReadPast, args: () => [zeros([3, 3])], array: "matrix", at: (f) => locOf(f, "matrix.get(i, j + 1)") },
  { name: "n-d write past an axis", fn: ndWritePast, args: () => [zeros([3, 2])], array: "target", at: (f) => locOf(f, "target.set(i, 1, 2.5)") },
];

describe("out-of-bounds access", () => {
  for (const target of TARGETS) {
    describe(target, () => {
      for (const c of outOfBounds) {
        test(c.name, () => {
          const err = thrown(() => jitFn(c.fn, { target })(...c.args()));
          assert.ok(err instanceof RangeError, `expected a RangeError, got ${String(err)}`);
          assert.ok(!(err instanceof CompileError));
          assert.ok(err.message.includes(`'${c.array}'`) || new RegExp(`\\b${c.array}\\b`).test(err.message), `the message does not name '${c.array}': ${err.message}`);
          const loc = c.at(c.fn);
          assert.ok(err.message.includes(show(loc)), `the message does not contain ${show(loc)}: ${err.message}`);
        });
      }
      test("boundscheck: false still runs an in-bounds kernel exactly", () => {
        const make = () => [Float64Array.from([1.5, -2, 3e-3, 4]), Float64Array.from([0.25, 8, -1e3, 2])];
        differential("inBoundsDot (boundscheck: false)", inBoundsDot, make, { targets: [target], boundscheck: false });
      });
    });
  }
});

describe("integer % by zero is NaN, as in JS", () => {
  for (const target of TARGETS) {
    describe(target, () => {
      test("Int32Array elements (stored back into an Int32Array: NaN becomes 0)", () => {
        const make = () => [Int32Array.from([7, 8, -9]), Int32Array.from([2, 0, 4]), new Int32Array(3)];
        differential("intRemainder", intRemainder, make, { targets: [target] });
      });
      test("integer scalars", () => {
        const r = jitFn(scalarRemainder, { target })(7, 0);
        assert.ok(typeof r === "number" && Number.isNaN(r), `got ${String(r)}`);
        assert.ok(Object.is(jitFn(scalarRemainder, { target })(-4, 2), -0));
      });
      test("float % 0 is NaN", () => {
        const r = jitFn(scalarRemainder, { target })(7.5, 0);
        assert.ok(typeof r === "number" && Number.isNaN(r), `got ${String(r)}`);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// User exceptions

function throwsRange(n: number) {
  if (n < 0) throw new RangeError("Size must be non-negative.");
  return n * 2;
}

function throwsType(kind: number) {
  if (kind !== 1) throw new TypeError("Unsupported kind.");
  return 1;
}

function throwsAfterLoop(a: Float64Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    if (s > 10) throw new Error("Sum exceeded the limit.");
  }
  return s;
}

function checkedSqrt(x: number): number {
  if (x < 0) throw new RangeError("Negative input.");
  return Math.sqrt(x);
}

function sqrtAll(a: Float64Array) {
  for (let i = 0; i < a.length; i++) a[i] = checkedSqrt(a[i]);
}

interface ThrowCase {
  name: string;
  fn: AnyFn;
  args: () => unknown[];
  cls: ErrorConstructor | RangeErrorConstructor | TypeErrorConstructor;
  message: string;
  scope?: Record<string, unknown>;
}

const throwCases: ThrowCase[] = [
  {
    name: "the seed's Error on mismatched shapes", fn: matrixMultiplyLoops, args: () => [zeros([2, 3]), zeros([4, 2])],
    cls: Error, message: "Inner matrix dimensions must agree.", scope: { zeros },
  },
  { name: "RangeError", fn: throwsRange, args: () => [-1], cls: RangeError, message: "Size must be non-negative." },
  { name: "TypeError", fn: throwsType, args: () => [2], cls: TypeError, message: "Unsupported kind." },
  { name: "Error thrown from inside a loop", fn: throwsAfterLoop, args: () => [Float64Array.from([4, 5, 6, 7])], cls: Error, message: "Sum exceeded the limit." },
  {
    name: "RangeError thrown by a jitted callee", fn: sqrtAll, args: () => [Float64Array.from([4, 9, -1, 16])],
    cls: RangeError, message: "Negative input.", scope: { checkedSqrt: callee(checkedSqrt) },
  },
];

describe("user exceptions reach the caller", () => {
  for (const target of TARGETS) {
    describe(target, () => {
      for (const c of throwCases) {
        test(c.name, () => {
          const plain = thrown(() => c.fn(...c.args()));
          assert.equal((plain as Error).constructor, c.cls, "test bug: plain JS throws something else");
          const jopts = { target, scope: resolveScope(c.scope, { target }) };
          const err = thrown(() => jitFn(c.fn, jopts)(...c.args()));
          assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
          assert.equal(err.constructor, c.cls, `class: got ${err.constructor.name}: ${err.message}`);
          assert.equal(err.message, c.message);
          assert.ok(!(err instanceof CompileError));
        });
      }
      test("the same kernel returns normally on good input", () => {
        assert.equal(jitFn(throwsRange, { target })(4), 8);
        assert.equal(jitFn(throwsAfterLoop, { target })(Float64Array.from([1, 2])), 3);
      });
    });
  }
});
