// Real JavaScript compiles as written (issue 17): functions taken unmodified from npm packages
// (test/realworld-suite.ts), jitted with no options but the target, give plain JS's bits on every
// target, special values included; BLAS routines on caller-allocated arrays write the same bits.

import { test } from "node:test";
import assert from "node:assert/strict";
import { jit } from "../src/index.js";
import { TARGETS } from "./harness.js";
import { blasCases, scalarCases, scalarInputs, secondInputs } from "./realworld-suite.js";

type AnyFn = (...args: any[]) => unknown;
const targets = ["default", ...TARGETS.filter((t) => t !== "wasm")] as const;
const compile = (fn: AnyFn, target: string): AnyFn => (target === "default" ? jit(fn) : jit(fn, { target: target as "js" | "native" })) as AnyFn;

const xs = scalarInputs(120);
// The native target compiles each function with the C compiler (about 2 s apiece when its disk cache is
// cold): it checks the acceptance set unless NUMBAT_REALWORLD_NATIVE=all asks for every function.
const NATIVE_SET = new Set(["erf", "besselj0", "gamma", "ddot", "daxpy", "dnrm2", "dscal"]);
const checked = (target: string, name: string) => target !== "native" || process.env.NUMBAT_REALWORLD_NATIVE === "all" || NATIVE_SET.has(name);

for (const target of targets) {
  test(`stdlib math functions, unmodified, give plain JS's bits [${target}]`, () => {
    for (const { name, fn, arity } of scalarCases().filter((c) => checked(target, c.name))) {
      const f = compile(fn, target);
      const ys = arity === 2 ? secondInputs(name) : [undefined];
      for (const x of xs)
        for (const y of ys) {
          const args = arity === 2 ? [x, y] : [x];
          const got = f(...args), want = fn(...args);
          assert.ok(Object.is(got, want), `${name}(${args.map(String).join(", ")}) [${target}]: ${String(got)}, plain JS ${String(want)}`);
        }
    }
  });

  test(`stdlib BLAS routines, unmodified, give plain JS's bits and write the same arrays [${target}]`, () => {
    for (const { name, fn, calls } of blasCases().filter((c) => checked(target, c.name))) {
      const f = compile(fn, target);
      for (const n of [16, 37, 1000])
        for (const args of calls(n)) {
          const mine = args.map((a) => (a instanceof Float64Array ? a.slice() : a));
          const got = f(...mine), want = fn(...args);
          const what = `${name}(${args.map((a) => (a instanceof Float64Array ? `[${a.length}]` : String(a))).join(", ")}) [${target}]`;
          if (want instanceof Float64Array) assert.ok(got === mine[args.indexOf(want)], `${what} returns its array argument`);
          else assert.ok(Object.is(got, want), `${what}: ${String(got)}, plain JS ${String(want)}`);
          args.forEach((a, i) => {
            if (!(a instanceof Float64Array)) return;
            const b = mine[i] as Float64Array;
            for (let k = 0; k < a.length; k++) assert.ok(Object.is(a[k], b[k]), `${what}: argument ${i}[${k}] is ${b[k]}, plain JS ${a[k]}`);
          });
        }
    }
  });
}

test("a free name that resolves to something a kernel cannot use is a compile error at its use, saying what it is", () => {
  const settings = { gain: 2 };
  const label = "x";
  const usesObject = function usesObject(x: number) { return x * (settings as unknown as number); };
  const usesString = function usesString(x: number) { return x + label.length; };
  assert.throws(() => jit(usesObject)(1), (e: Error & { code?: string }) => e.code === "NB103" && /'settings' is an object/.test(e.message) && /x \* settings/.test(e.message));
  assert.throws(() => jit(usesString)(1), (e: Error & { code?: string }) => e.code === "NB103" && /'label' \(a string\)/.test(e.message));
});

test("module constants are read when compiled, typed arrays by reference, Math functions under other names", () => {
  const { sqrt } = Math;
  const abs = Math.abs;
  const table = new Float64Array([1, 2, 3]);
  let scale = 2;
  const f = jit(function f(i: number) { return sqrt(abs(table[i]! * scale)); });
  assert.equal(f(1), 2);
  table[1] = 8;
  assert.equal(f(1), 4, "the kernel reads the array itself");
  scale = 8;
  assert.equal(f(1), 4, "numbers are constants, read at the first compile");
  const write = jit(function write(v: number) { table[0] = v; });
  write(-5);
  assert.equal(table[0], -5, "writes reach the caller's array");
});

test("switch: fall-through, default in the middle, break and continue inside loops", () => {
  // (source text: TypeScript's noFallthroughCasesInSwitch rejects the fall-through this tests)
  const sw = new Function(`return function sw(n) {
    let r = 0;
    for (let i = 0; i < n; i++) {
      switch (i % 5) {
        case 0: r += 1;
        case 1: r += 10; break;
        default: r += 100;
        case 3: if (i > 6) continue; r += 1000; break;
        case 4: r -= 1;
      }
      r *= 2;
    }
    return r;
  }`)() as (n: number) => number;
  for (const target of TARGETS) {
    const f = jit(sw, { target });
    for (const n of [0, 1, 4, 9, 23]) assert.equal(f(n), sw(n), `sw(${n}) [${target}]`);
  }
});

test("recursion: direct, mutual, and through a named function expression", () => {
  function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
  function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
  function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
  const fact = jit(function f(n: number): number { return n <= 1 ? 1 : n * f(n - 1); });
  for (const target of TARGETS) {
    assert.equal(jit(fib, { target })(20), 6765);
    assert.equal(jit(isEven, { target })(11), false);
    assert.equal(jit(isOdd, { target })(11), true);
  }
  assert.equal(fact(10), 3628800);
});
