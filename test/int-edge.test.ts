// Integer edge cases (issue 16): integer-valued code gives plain JS's bits on every target. Beyond
// 2^53 JS rounds (and beyond 2^63 a machine integer would wrap); -0 comes out of `-x`, `0 * -n`,
// `-4 % 2`, Math.min/max/sign/floor and `**`, and is seen through 1/x, Math.atan2 and stores into a
// Float64Array; `x % 0` is NaN. Each case runs plainly and jitted, and results compare with Object.is.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CompileError } from "../src/index.js";
import { type AnyFn, cloneArgs, fmt, jitFn, TARGETS } from "./harness.js";

type Case = readonly [name: string, fn: AnyFn, argSets: readonly (readonly unknown[])[]];



export const INT_EDGE_CASES: readonly Case[] = [
  // ---- beyond 2^53 and 2^63: JS rounds ----
  ["mul of two arguments", (a: number, b: number) => a * b, [[3e9, 4e9], [2 ** 26, 2 ** 26], [-(2 ** 26), 2 ** 26], [2 ** 40, 2 ** 30]]],
  ["product of three small ints", (a: number, b: number, c: number) => a * b * c, [[2 ** 26, 2 ** 26, 2 ** 26], [-(2 ** 26), 3, 2 ** 26], [1000, 1000, 1000]]],
  ["repeated multiply", (n: number) => { let x = n; for (let i = 0; i < 5; i++) x = x * 1000003; return x; }, [[12345], [-7]]],
  ["add past 2^53", (n: number) => { let s = 9007199254740987; for (let i = 0; i < 10; i++) s += n; return s; }, [[3], [1]]],
  ["sub past -2^53", (a: number) => -9007199254740991 - a - 7, [[1], [2]]],
  ["literal plus argument", (n: number) => 9007199254740991 + n, [[2], [3], [-1]]],
  ["sum of cubes", (n: number) => { let s = 0; for (let i = 0; i < n; i++) s += i * i * i; return s; }, [[100000], [1000]]],
  ["lcg", (n: number) => { let s = 12345; for (let i = 0; i < n; i++) s = (s * 1103515245 + 12345) % 2147483648; return s; }, [[100], [3]]],
  ["djb2 without imul", (n: number) => { let h = 5381; for (let i = 0; i < n; i++) h = (h * 33 + (i % 251)) % 4294967296; return h; }, [[1000]]],
  ["fnv-1a without imul", (n: number) => { let h = 2166136261; for (let i = 0; i < n; i++) { h ^= i & 255; h = (h * 16777619) % 4294967296; } return h; }, [[1000]]],
  ["polynomial hash mod a prime", (n: number) => { let h = 0; for (let i = 0; i < n; i++) h = (h * 31 + i) % 1000000007; return h; }, [[10000]]],
  ["binomial by products", (n: number, k: number) => { let r = 1; for (let i = 1; i <= k; i++) r = r * (n - k + i) / i; return r; }, [[70, 35], [60, 30]]],
  ["factorial", (n: number) => { let r = 1; for (let i = 2; i <= n; i++) r *= i; return r; }, [[25], [18]]],
  ["fibonacci", (n: number) => { let a = 0, b = 1; for (let i = 0; i < n; i++) { const t = a + b; a = b; b = t; } return a; }, [[90], [78]]],
  ["x * 2**40 + 1", (x: number) => x * 2 ** 40 + 1, [[123456789], [-5]]],
  ["counted increments past 2^53", (n: number) => { let c = 9007199254740990; for (let i = 0; i < n; i++) c += 1; return c; }, [[10], [1]]],
  ["a count of matches (bounded by the trip count)", (a: Int32Array) => { let c = 0; for (let i = 0; i < a.length; i++) if (a[i]! > 0) c++; return c * 1009; }, [[Int32Array.from([1, -2, 3, 0])]]],
  ["big increments in a counted loop", (n: number) => { let c = 0; for (let i = 0; i < n; i++) c += 2 ** 50; return c + 1; }, [[20], [3]]],
  ["counter past 2^53 in a while loop", (n: number) => { let k = 9007199254740980; let c = 0; while (c < n) { k++; c++; } return k; }, [[30]]],
  ["int32 products", (a: Int32Array) => { let p = 1; for (let i = 0; i < a.length; i++) p *= a[i]!; return p; }, [[Int32Array.from([2147483647, -2147483648, 3, 5])]]],
  ["ToInt32 of a rounded product", (a: number, b: number) => (a * b * b) | 0, [[50000000, 60000000], [3, 5]]],
  ["wide argument as a loop bound", (n: number) => { let s = 0; for (let i = n - 5; i < n; i++) s += i; return s; }, [[2 ** 40], [2 ** 53]]],
  ["% of a large dividend", (a: number, b: number) => a % b, [[-(2 ** 52), 7], [2 ** 60, 1000], [9007199254740991, 10]]],
  ["** of integers", (a: number, b: number) => a ** b, [[-3, 3], [2, 60], [3, 40], [7, 23]]],
  // ---- -0 ----
  ["-x of 0", (x: number) => -x, [[0], [5]]],
  ["1 / -x", (x: number) => 1 / -x, [[0], [2]]],
  ["0 * negative", (x: number, y: number) => x * y, [[0, -3], [-3, 0], [0, 3]]],
  ["1 / (0 * -n)", (n: number) => 1 / (0 * -n), [[5], [0]]],
  ["atan2 of -0", (x: number) => Math.atan2(-x, -1), [[0], [1]]],
  ["Math.min(-k, 0)", (k: number) => 1 / Math.min(-k, 0), [[0], [3]]],
  ["Math.max(-k, -1)", (k: number) => 1 / Math.max(-k, -1), [[0]]],
  ["Math.max(-k, 0)", (k: number) => 1 / Math.max(-k, 0), [[0]]],
  ["Math.min of three", (k: number) => 1 / Math.min(0, -k, 5), [[0]]],
  ["Math.sign(-k)", (k: number) => 1 / Math.sign(-k), [[0]]],
  ["Math.abs(-k)", (k: number) => 1 / Math.abs(-k), [[0]]],
  ["Math.floor(-k)", (k: number) => 1 / Math.floor(-k), [[0]]],
  ["(-k) ** -1", (k: number) => (-k) ** -1, [[0], [2]]],
  ["(-k) ** 3", (k: number) => 1 / (-k) ** 3, [[0]]],
  ["a ternary of -k", (c: number, k: number) => 1 / (c > 0 ? -k : k), [[1, 0], [0, 0]]],
  ["a variable holding -0", (k: number) => { const z = -k; return 1 / z; }, [[0], [4]]],
  ["-k + 0 and -k - 0", (k: number) => 1 / (-k + 0) + 1 / (-k - 0), [[0]]],
  ["a counter starting at -k", (k: number) => { let s = 0; for (let i = -k; i < 1; i++) s += 1 / i; return s; }, [[0]]],
  ["counter times -2", (n: number) => { let s = 0; for (let i = 0; i < n; i++) s += 1 / (i * -2); return s; }, [[3]]],
  ["x * x is +0", (x: number) => 1 / (x * x), [[0], [3]]],
  ["integer division to -0", (a: number, b: number) => 1 / (a / b), [[0, -5]]],
  ["-0 stored into a Float64Array", (out: Float64Array, k: number) => { out[0] = -k; out[1] = 0 * -k; out[2] = (-k) % 3; out[3] = Math.min(-k, 0); }, [[new Float64Array(4), 0], [new Float64Array(4), 2]]],
  ["-0 returned from a loop variable", (n: number) => { let r = 0; for (let i = 0; i < n; i++) r = -i; return r; }, [[1], [3]]],
  // ---- % ----
  ["% with mixed signs", (a: number, b: number) => a % b, [[-4, 2], [-7, 3], [7, -3], [-7, -3], [0, -3]]],
  ["1 / (a % b)", (a: number, b: number) => 1 / (a % b), [[-4, 2], [4, -2]]],
  ["% by zero", (a: number, b: number) => a % b, [[5, 0], [0, 0], [-5, 0]]],
  ["% by zero in a loop", (a: Int32Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += 10 % a[i]!; return s; }, [[Int32Array.from([3, 0, 4])], [Int32Array.from([3, 7])]]],
  // ---- uninitialised let, certainly assigned before use ----
  ["let assigned on both branches", (c: number) => { let r; if (c > 0) r = 1; else r = 2; return r; }, [[1], [0]]],
  ["let assigned before a loop reads it", (n: number) => { let r; r = n; for (let i = 0; i < n; i++) r += i; return r; }, [[10]]],
];

function same(a: unknown, b: unknown): boolean {
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
    return x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  }
  return Object.is(a, b);
}

describe("integer edge cases give plain JS's bits", () => {
  test(`the table has at least 40 cases (${INT_EDGE_CASES.length})`, () => assert.ok(INT_EDGE_CASES.length >= 40));
  for (const target of TARGETS) {
    test(target, () => {
      const bad: string[] = [];
      for (const [name, fn, argSets] of INT_EDGE_CASES) {
        const f = jitFn(fn, { target });
        for (const args of argSets) {
          const want = cloneArgs(args), got = cloneArgs(args);
          const r0 = fn(...want);
          let r1: unknown;
          try { r1 = f(...got); } catch (e) { r1 = `threw ${String(e)}`; }
          if (!same(r0, r1) || !want.every((w, i) => same(w, got[i]))) bad.push(`${name}(${args.map(fmt).join(", ")}): plain ${fmt(r0)}, jitted ${fmt(r1)}`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }
});

describe("a let read before it is certainly assigned is a compile error (JS would read undefined)", () => {
  const cases: [string, AnyFn][] = [
    ["r = r + 1", function f() { let r: any; r = r + 1; return r; }],
    ["assigned on one branch", function f(c: number) { let r; if (c > 0) r = 1; return r; }],
    ["assigned in a loop that may not run", function f(n: number) { let r; for (let i = 0; i < n; i++) r = i; return r; }],
    ["r++", function f() { let r: any; r++; return r; }],
    ["var", function f() { var r: any; return r * 2; }],
    ["assigned in one case of a switch", function f(x: number) { let r: any; switch (x) { case 1: r = 1; break; } return r; }],
    ["fresh each iteration", function f(n: number) { let s = 0; for (let i = 0; i < n; i++) { let t: any; if (i > 0) t = i; s += t; } return s; }],
  ];
  for (const [name, fn] of cases)
    test(name, () => {
      const err = (() => { try { jitFn(fn, { target: "js" })(...Array(fn.length).fill(1)); } catch (e) { return e; } return undefined; })();
      assert.ok(err instanceof CompileError, `expected a CompileError, got ${String(err)}`);
      assert.match(err.message, /NB208/);
      assert.match(err.message, /'r' may be read here before it is assigned|'t' may be read here before it is assigned/);
    });
});


