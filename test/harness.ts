// Differential testing: plain JS is the oracle. `differential` runs a kernel un-jitted and jitted (on
// each target) on identical, freshly built inputs and asserts bitwise-identical results: the return
// value and the final contents of every input array (kernels mutate their inputs).
//
// Inputs are isolated per run by calling `makeArgs` again (it must be deterministic: use `mulberry32`,
// never Math.random) and checking that the rebuilt inputs equal the first build. Rebuilding instead of
// copying keeps whatever a constructor sets up (numbat arrays allocated where compiled code can reach
// them, scijs views with their strides and offsets, aliasing between arguments) exactly as the test
// wrote it. `cloneArgs` is also exported for tests that want a copy of one concrete set of inputs.

import assert from "node:assert/strict";
import { jit, type NdArray } from "../src/index.js";
import { findCompiler } from "../src/backends/native/compiler.js";
import { LIBM_CALL, closeEnough } from "../src/backends/native/tolerance.js";
import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction } from "../src/frontend/lower.js";
import { optimize } from "../src/passes/pipeline.js";
import { verifyFunc } from "../src/ir/verify.js";
import { printFunc } from "../src/ir/printer.js";
import type { Type } from "../src/ir/types.js";
import type { FuncIR } from "../src/ir/nodes.js";

export type Target = "js" | "wasm" | "native";
/** "native" only where a C compiler exists (docs/native.md). */
export const TARGETS: readonly Target[] = findCompiler() ? ["js", "wasm", "native"] : ["js", "wasm"];

/** True while checking a native kernel that calls libm: its floats may differ from V8's by LIBM_ULPS (docs/native.md). */
let libmTolerance = false;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFn = (...args: any[]) => unknown;

/** The part of a jitted callable the harness relies on. */
export type Jitted = ((...args: unknown[]) => unknown) & {
  readonly signatures?: unknown;
  inspect?: (what: "ir" | "wat" | "js") => string;
};

export interface JitOpts {
  target?: Target | "auto";
  boundscheck?: boolean;
  scope?: Record<string, unknown>;
}

/** jit() seen through the harness's own narrow type, so the tests do not depend on its generics. */
export function jitFn(fn: AnyFn, opts: JitOpts): Jitted {
  return (jit as unknown as (fn: AnyFn, opts: JitOpts) => Jitted)(fn, opts);
}

// ---------------------------------------------------------------------------------------------------
// Scope entries that are themselves kernels

const CALLEE = Symbol("numbat.test.callee");

/** A scope entry the harness jits with the same target (and its own scope) before jitting the caller. */
export interface CalleeRef {
  readonly [CALLEE]: true;
  readonly fn: AnyFn;
  readonly scope?: Record<string, unknown>;
}

/**
 * Marks `fn` as a jitted callee: `scope: { g: callee(g) }`. On the plain side the caller reaches `g`
 * through its own lexical scope (the module), on the jitted side through `jit(g, { target })`.
 */
export function callee(fn: AnyFn, scope?: Record<string, unknown>): CalleeRef {
  return { [CALLEE]: true, fn, scope };
}

function isCallee(v: unknown): v is CalleeRef {
  return typeof v === "object" && v !== null && CALLEE in v;
}

/** Replaces every `callee(...)` entry by the callee jitted for `target` (each function jitted once). */
export function resolveScope(
  scope: Record<string, unknown> | undefined,
  opts: JitOpts,
  cache: Map<AnyFn, Jitted> = new Map(),
): Record<string, unknown> | undefined {
  if (scope === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(scope)) {
    if (!isCallee(v)) {
      out[name] = v;
      continue;
    }
    let j = cache.get(v.fn);
    if (j === undefined) {
      j = jitFn(v.fn, { ...opts, scope: resolveScope(v.scope, opts, cache) });
      cache.set(v.fn, j);
    }
    out[name] = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Inputs

/** mulberry32: a tiny seeded PRNG; returns floats in [0, 1). */
export { prng as mulberry32 } from "../examples/random.js";

export type Rng = () => number;

/** The values where floating-point and integer semantics differ most. */
export const EDGE_VALUES: readonly number[] = [
  NaN, 0, -0, Infinity, -Infinity, 5e-324, 2.2250738585072014e-308, 2 ** 31, 2 ** 31 - 1, -(2 ** 31),
  2 ** 53, 2 ** 53 - 1, 1.5, -1.5, 0.5, -0.5, 1e308,
];

/** EDGE_VALUES and their negations (NaN and the zeros once each). */
export function edgeValuesSigned(): number[] {
  const out: number[] = [];
  for (const v of EDGE_VALUES) {
    if (!out.some((w) => Object.is(w, v))) out.push(v);
    if (!out.some((w) => Object.is(w, -v))) out.push(-v);
  }
  return out;
}

type NumCtor<T> = { new (n: number): T; from(src: ArrayLike<number>): T };

export function edgeArray(): Float64Array {
  return Float64Array.from(EDGE_VALUES);
}

/** `n` uniform floats in [lo, hi). */
export function randFloats(rng: Rng, n: number, lo?: number, hi?: number): Float64Array;
export function randFloats<T>(rng: Rng, n: number, lo: number, hi: number, ctor: NumCtor<T>): T;
export function randFloats(rng: Rng, n: number, lo = -1, hi = 1, ctor: NumCtor<unknown> = Float64Array): unknown {
  const a = new Array<number>(n);
  for (let i = 0; i < n; i++) a[i] = lo + (hi - lo) * rng();
  return ctor.from(a);
}

/** `n` uniform integers in [lo, hi]. */
export function randInts(rng: Rng, n: number, lo: number, hi: number): Int32Array;
export function randInts<T>(rng: Rng, n: number, lo: number, hi: number, ctor: NumCtor<T>): T;
export function randInts(rng: Rng, n: number, lo: number, hi: number, ctor: NumCtor<unknown> = Int32Array): unknown {
  const a = new Array<number>(n);
  for (let i = 0; i < n; i++) a[i] = lo + Math.floor((hi - lo + 1) * rng());
  return ctor.from(a);
}

/** Floats of every magnitude: sign * 10^U(-lo, hi) mixed with uniform ones. */
export function randWide(rng: Rng, n: number, decades = 20): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (i % 3 === 0) out.push((r * 2 - 1) * 10);
    else out.push((rng() < 0.5 ? -1 : 1) * 10 ** ((r * 2 - 1) * decades));
  }
  return out;
}

/** Edge values followed by `n` random values of every magnitude, as a Float64Array. */
export function withEdges(rng: Rng, n: number, extra: readonly number[] = []): Float64Array {
  return Float64Array.from([...edgeValuesSigned(), ...extra, ...randWide(rng, n)]);
}

/** Nested array (m x n) of uniform floats in [lo, hi), for `array(...)`. */
export function randNested(rng: Rng, m: number, n: number, lo = -1, hi = 1): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(lo + (hi - lo) * rng());
    rows.push(row);
  }
  return rows;
}

/** All pairs (x, y) of `values`, as two Float64Arrays of length values.length ** 2. */
export function pairs(values: readonly number[]): [Float64Array, Float64Array] {
  const n = values.length;
  const xs = new Float64Array(n * n);
  const ys = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      xs[i * n + j] = values[i];
      ys[i * n + j] = values[j];
    }
  return [xs, ys];
}

// ---------------------------------------------------------------------------------------------------
// Values: recognising, copying, comparing

type TypedArray =
  | Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array
  | Uint8Array | Uint8ClampedArray;

export interface NdLike {
  data: TypedArray;
  shape: number[];
  stride: number[];
  offset: number;
  get(...idx: number[]): number;
}

export function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && !(typeof BigInt64Array !== "undefined" && (v instanceof BigInt64Array || v instanceof BigUint64Array));
}

export function isNdLike(v: unknown): v is NdLike {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return isTypedArray(o.data) && Array.isArray(o.shape) && typeof o.get === "function";
}

/**
 * Deep copy of a list of arguments: typed arrays (and the buffers under them: views, offsets and
 * aliasing between arguments are kept) and ndarray-protocol objects (same prototype, same shape,
 * stride and offset over a copied `data`). Scalars are returned as they are.
 */
export function cloneArgs(args: readonly unknown[]): unknown[] {
  const buffers = new Map<ArrayBufferLike, ArrayBufferLike>();
  const copyBuffer = (b: ArrayBufferLike): ArrayBufferLike => {
    let c = buffers.get(b);
    if (c === undefined) {
      c = b.slice(0);
      buffers.set(b, c);
    }
    return c;
  };
  const copyTyped = (t: TypedArray): TypedArray => {
    const Ctor = t.constructor as new (b: ArrayBufferLike, off: number, len: number) => TypedArray;
    return new Ctor(copyBuffer(t.buffer), t.byteOffset, t.length);
  };
  const copy = (v: unknown): unknown => {
    if (isTypedArray(v)) return copyTyped(v);
    if (isNdLike(v)) {
      const c = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(v)) {
        const x = (v as unknown as Record<string, unknown>)[key];
        c[key] = isTypedArray(x) ? copyTyped(x) : Array.isArray(x) ? x.slice() : x;
      }
      return c;
    }
    if (Array.isArray(v)) return v.map(copy);
    return v;
  };
  return args.map(copy);
}

function bits(x: number): string {
  const f = new Float64Array([x]);
  const u = new Uint32Array(f.buffer);
  return `0x${u[1].toString(16).padStart(8, "0")}${u[0].toString(16).padStart(8, "0")}`;
}

export function fmt(x: unknown): string {
  if (typeof x === "number") return `${Object.is(x, -0) ? "-0" : String(x)} (${bits(x)})`;
  if (isTypedArray(x)) return `${x.constructor.name}(${x.length})`;
  if (isNdLike(x)) return `ndarray<${x.data.constructor.name}>[${x.shape.join(",")}]`;
  if (typeof x === "string") return JSON.stringify(x);
  return String(x);
}

function forEachIndex(shape: readonly number[], f: (idx: number[]) => void): void {
  if (shape.some((d) => d === 0)) return;
  const idx = shape.map(() => 0);
  for (;;) {
    f(idx.slice());
    let d = shape.length - 1;
    while (d >= 0 && ++idx[d] === shape[d]) idx[d--] = 0;
    if (d < 0) return;
  }
}

function sameNumber(actual: unknown, expected: number, where: string): void {
  if (typeof actual !== "number" || !closeEnough(actual, expected, libmTolerance))
    assert.fail(`${where}: expected ${fmt(expected)}, got ${fmt(actual)}`);
}

function sameElements(actual: ArrayLike<number>, expected: ArrayLike<number>, where: string): void {
  assert.equal(actual.length, expected.length, `${where}: length`);
  for (let i = 0; i < expected.length; i++)
    if (!closeEnough(actual[i], expected[i], libmTolerance))
      assert.fail(`${where}[${i}]: expected ${fmt(expected[i])}, got ${fmt(actual[i])} (first mismatch)`);
}

/** Bitwise comparison of a result: numbers with Object.is, arrays element-wise with shape and dtype. */
export function assertSameValue(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") return sameNumber(actual, expected, where);
  if (typeof expected === "boolean" || expected === undefined || expected === null) {
    if (actual !== expected) assert.fail(`${where}: expected ${fmt(expected)}, got ${fmt(actual)}`);
    return;
  }
  if (isTypedArray(expected)) {
    if (!isTypedArray(actual)) assert.fail(`${where}: expected ${fmt(expected)}, got ${fmt(actual)}`);
    assert.equal(actual.constructor.name, expected.constructor.name, `${where}: array type`);
    return sameElements(actual, expected, where);
  }
  if (isNdLike(expected)) {
    if (!isNdLike(actual)) assert.fail(`${where}: expected ${fmt(expected)}, got ${fmt(actual)}`);
    assert.deepEqual([...actual.shape], [...expected.shape], `${where}: shape`);
    assert.equal(actual.data.constructor.name, expected.data.constructor.name, `${where}: dtype`);
    forEachIndex(expected.shape, (idx) => sameNumber(actual.get(...idx), expected.get(...idx), `${where}.get(${idx.join(",")})`));
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) assert.fail(`${where}: expected an Array, got ${fmt(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => assertSameValue(actual[i], e, `${where}[${i}]`));
    return;
  }
  assert.fail(`${where}: the harness cannot compare ${fmt(expected)}`);
}

/** Contents of every array argument (the whole `data` of an ndarray: writes outside a view count too). */
function snapshot(args: readonly unknown[]): (number[] | null)[] {
  return args.map((a) => (isTypedArray(a) ? Array.from(a) : isNdLike(a) ? Array.from(a.data) : null));
}

function assertSameInputs(actual: readonly unknown[], expected: readonly unknown[], where: string): void {
  const sa = snapshot(actual);
  const se = snapshot(expected);
  se.forEach((e, i) => {
    if (e !== null) sameElements(sa[i] ?? [], e, `${where}: argument ${i}`);
  });
}

// ---------------------------------------------------------------------------------------------------
// The differential check

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function run(f: (...a: unknown[]) => unknown, args: unknown[]): Outcome {
  try {
    return { ok: true, value: f(...args) };
  } catch (error) {
    return { ok: false, error };
  }
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
}

export interface DifferentialOpts {
  scope?: Record<string, unknown>;
  boundscheck?: boolean;
  targets?: readonly Target[];
  /** Calls of the jitted function per target, each on fresh inputs (the first compiles). Default 2. */
  calls?: number;
}

/**
 * Runs `fn` plain and jitted on every target and asserts identical results: the return value (numbers
 * bitwise, NaN included; booleans; arrays element-wise with the same shape and element type) and the
 * final contents of every array argument. A plain run that throws must be matched by a jitted throw of
 * the same class and message.
 */
export function differential(name: string, fn: AnyFn, makeArgs: () => unknown[], opts: DifferentialOpts = {}): void {
  const reference = makeArgs();
  const before = snapshot(reference);
  const expected = run(fn as (...a: unknown[]) => unknown, reference);

  for (const target of opts.targets ?? TARGETS) {
    const jopts: JitOpts = { target };
    if (opts.boundscheck !== undefined) jopts.boundscheck = opts.boundscheck;
    const scope = resolveScope(opts.scope, jopts);
    if (scope !== undefined) jopts.scope = scope;
    const jitted = jitFn(fn, jopts);

    for (let call = 0; call < (opts.calls ?? 2); call++) {
      const where = `${name} [${target}, call ${call + 1}]`;
      const args = makeArgs();
      const fresh = snapshot(args);
      fresh.forEach((s, i) => {
        if (s !== null || before[i] !== null) sameElements(s ?? [], before[i] ?? [], `${name}: makeArgs is not deterministic, argument ${i}`);
      });
      const got = run(jitted, args);
      libmTolerance = target === "native" && got.ok && LIBM_CALL.test(jitted.inspect?.("ir") ?? "");
      try {
        if (expected.ok) {
          if (!got.ok) {
            const e = got.error;
            const msg = `${where}: plain JS returned ${fmt(expected.value)} but jitted threw ${describeError(e)}`;
            if (e instanceof Error) e.message = `${msg}\n${e.message}`;
            throw e instanceof Error ? e : new Error(msg);
          }
          assertSameValue(got.value, expected.value, `${where}: return value`);
        } else {
          if (got.ok) assert.fail(`${where}: plain JS threw ${describeError(expected.error)} but jitted returned ${fmt(got.value)}`);
          const e = expected.error as Error;
          const g = got.error as Error;
          assert.equal(g?.constructor, e?.constructor, `${where}: error class (${describeError(g)})`);
          assert.equal(g.message, e.message, `${where}: error message`);
        }
        assertSameInputs(args, reference, `${where}: inputs after the call`);
      } finally {
        libmTolerance = false;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Corpus entries

/** One differential test: `fn` is an ordinary function in numbat's subset; `args` builds its inputs. */
export interface Kernel {
  readonly name: string;
  readonly fn: AnyFn;
  /** Deterministic: every call builds equal inputs (seeded PRNG). */
  readonly args: () => unknown[];
  /** Passed to jit as `scope`; `callee(g)` entries are jitted for the same target first. */
  readonly scope?: Record<string, unknown>;
  readonly boundscheck?: boolean;
}

/** What kernels may assume of an n-d argument (numbat arrays and scijs ndarray views alike). */
export interface ND {
  readonly shape: number[];
  get(...idx: number[]): number;
  set(...idxThenValue: number[]): unknown;
}

/**
 * `fn` plain and jitted on every target, one compilation per target, over freshly made argument
 * lists: the return value and every argument's final contents must be bitwise identical. Native
 * compiles C, which is slow: it checks the first 3 lists only (its IR is the same for every size).
 */
export function sameOnTargets(name: string, fn: AnyFn, cases: readonly (() => unknown[])[]): void {
  for (const target of TARGETS) {
    const f = jitFn(fn, { target });
    cases.slice(0, target === "native" ? 3 : undefined).forEach((make, k) => {
      const want = make(), got = cloneArgs(want);
      const r0 = fn(...want), r1 = f(...got);
      const where = `${name} [${target}, case ${k}]`;
      assertSameValue(r1, r0, `${where}: return value`);
      want.forEach((a, i) => { if (typeof a === "object") assertSameValue(got[i], a, `${where}: argument ${i}`); });
    });
  }
}

/** One pass alone on `fn` lowered for `types`: the printed result (verified), or undefined when it changed nothing. */
export function passAlone(fn: Function, types: Type[], pass: (f: FuncIR) => FuncIR | undefined): string | undefined {
  const ir = lowerFunction(parseFunction(fn), types, { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } }, "f");
  const out = pass(ir);
  if (out) verifyFunc(out);
  return out && printFunc(out);
}

/** The printed IR of `fn` lowered for `types` and optimised, verified before and after the passes. */
export function optimisedIR(fn: Function, types: Type[]): string {
  const ir = lowerFunction(parseFunction(fn), types, { scope: {}, builtinName: () => undefined, resolveCallee: () => { throw new Error("no calls"); } }, "f");
  verifyFunc(ir);
  const opt = optimize(ir, 1);
  verifyFunc(opt);
  return printFunc(opt);
}

/** Numbers, typed arrays and n-d arrays as plain values (n-d arrays by their logical elements). */
function flatResult(x: unknown): unknown {
  if (ArrayBuffer.isView(x)) return Array.from(x as Float64Array);
  if (x && typeof x === "object" && "shape" in x) {
    const A = x as NdArray;
    const out: number[] = [];
    const idx = A.shape.map(() => 0);
    const total = A.shape.reduce((a, b) => a * b, 1);
    for (let k = 0; k < total; k++) {
      out.push((A.get as (...i: number[]) => number)(...idx));
      for (let d = idx.length - 1; d >= 0; d--) { if (++idx[d]! < A.shape[d]!) break; idx[d] = 0; }
    }
    return { shape: [...A.shape], out };
  }
  return x;
}

/** Bitwise (Object.is) equality of results, typed arrays and n-d arrays (by their logical elements); `tol` relative tolerance for numbers. */
export function sameResult(a: unknown, b: unknown, tol = 0, path = "result"): void {
  const fa = flatResult(a), fb = flatResult(b);
  if (typeof fa === "number" && typeof fb === "number") {
    if (tol === 0 || !Number.isFinite(fa) || !Number.isFinite(fb)) assert.ok(Object.is(fa, fb), `${path}: ${fa} vs ${fb}`);
    else assert.ok(Math.abs(fa - fb) <= tol * Math.max(1, Math.abs(fb)), `${path}: ${fa} vs ${fb} (tolerance ${tol})`);
    return;
  }
  if (Array.isArray(fa) && Array.isArray(fb)) {
    assert.equal(fa.length, fb.length, `${path}: length`);
    fa.forEach((x, i) => sameResult(x, fb[i], tol, `${path}[${i}]`));
    return;
  }
  if (fa && typeof fa === "object" && fb && typeof fb === "object") {
    assert.deepEqual((fa as { shape: number[] }).shape, (fb as { shape: number[] }).shape, `${path}: shape`);
    sameResult((fa as { out: number[] }).out, (fb as { out: number[] }).out, tol, path);
    return;
  }
  assert.deepEqual(fa, fb, path);
}
