// Arguments that lie about themselves (issue 16, item 4), shared by test/hostile.test.ts: typed arrays whose
// length or Symbol.toStringTag is overridden (own property, subclass getter, tampered prototype), Proxies,
// detached and resizable buffers, views at huge offsets, ndarray-protocol objects whose fields change
// between reads, plus a seeded fuzz over the same lies. Each case either gives plain JS's result, with the
// same effect on every array, or a TypeError/RangeError naming the parameter; and no call may touch an
// array it was not given (a sentinel argument and the bytes around each view are compared afterwards).
//
// Run as a program (`node dist/test/lying-args.js native`), it prints the verdicts for one target as
// JSON: the native target runs in a child process, so a crash there fails the test instead of the suite.

import { jit } from "../src/index.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => any;
export type Target = "js" | "wasm" | "native";

// Kernels (their source is what numbat compiles).
function fillThenSum(a: Float64Array, b: Float64Array) {
  for (let i = 0; i < a.length; i++) a[i] = 7;
  let s = 0;
  for (let i = 0; i < b.length; i++) s += b[i];
  return s;
}
function sumAny(a: Uint8Array) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
function lengthOf(a: Float64Array) {
  return a.length;
}
function sumND(A: { shape: number[]; get(i: number): number }) {
  let s = 0;
  for (let i = 0; i < A.shape[0]; i++) s += A.get(i);
  return s;
}
function scaleND(A: { shape: number[]; get(i: number): number; set(i: number, v: number): void }) {
  for (let i = 0; i < A.shape[0]; i++) A.set(i, A.get(i) * 2);
  return A.get(0);
}
function sumBoth(A: { shape: number[]; get(i: number): number }, B: { get(i: number): number }) {
  let s = 0;
  for (let i = 0; i < A.shape[0]; i++) s += A.get(i);
  return s + B.get(0);
}
function flatAndND(a: Float64Array, B: { get(i: number): number }) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s + B.get(0);
}
const KERNELS = { fillThenSum, sumAny, lengthOf, sumND, scaleND, sumBoth, flatAndND } as const;

/** A minimal ndarray-protocol object over fields that may be getters. */
function nd(fields: { data: () => unknown; shape: () => unknown; stride: () => unknown; offset: () => unknown }) {
  return {
    get data() { return fields.data(); },
    get shape() { return fields.shape(); },
    get stride() { return fields.stride(); },
    get offset() { return fields.offset(); },
    get(i: number) { const d = this.data as Float64Array; return d[(this.offset as number) + i * (this.stride as number[])[0]!]!; },
    set(i: number, v: number) { const d = this.data as Float64Array; d[(this.offset as number) + i * (this.stride as number[])[0]!] = v; },
  };
}
const alternating = <T>(...values: T[]) => { let n = 0; return () => values[n++ % values.length]!; };

export interface LyingCase {
  readonly name: string;
  readonly kernel: keyof typeof KERNELS;
  /** A function of its own (a closure over the lying array, say) instead of `kernel`: made afresh for each run. */
  readonly fn?: () => AnyFn;
  /** Fresh arguments (called twice: once for plain JS, once for the jitted call). */
  readonly args: () => unknown[];
  /**
   * "plain": must give plain JS's result; "error": a TypeError or RangeError naming `param`; "plainOrError":
   * one of those two; "either": an error naming `param` or any number (plain JS's result depends on when
   * a lying getter runs, which compiled code reads once).
   */
  readonly want: "plain" | "error" | "plainOrError" | "either";
  readonly param: string;
  /** Runs around both calls (e.g. tampering with a prototype, then restoring it). */
  readonly around?: <T>(f: () => T) => T;
}

const f64 = (...xs: number[]) => Float64Array.from(xs);
const ones = (n: number) => new Float64Array(n).fill(1);
const withLength = <T extends object>(a: T, length: unknown): T => Object.defineProperty(a, "length", { value: length });

function detachedF64(n: number): Float64Array {
  const buf = new ArrayBuffer(8 * n);
  const a = new Float64Array(buf);
  structuredClone(buf, { transfer: [buf] });
  return a;
}
function resizable(bytes: number, max: number): ArrayBuffer {
  return new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(bytes, { maxByteLength: max });
}
const resize = (b: ArrayBuffer, n: number) => (b as unknown as { resize(n: number): void }).resize(n);

function tamper(proto: object, key: PropertyKey, get: () => unknown) {
  return <T>(f: () => T): T => {
    const before = Object.getOwnPropertyDescriptor(proto, key);
    Object.defineProperty(proto, key, { get, configurable: true });
    try { return f(); } finally {
      if (before) Object.defineProperty(proto, key, before);
      else delete (proto as Record<PropertyKey, unknown>)[key];
    }
  };
}
const TYPED_ARRAY_PROTO = Object.getPrototypeOf(Int8Array.prototype) as object;

export const CASES: readonly LyingCase[] = [
  { name: "own length larger than the array", kernel: "fillThenSum", param: "a", want: "error", args: () => [withLength(new Float64Array(8), 64), ones(8)] },
  { name: "own length smaller than the array", kernel: "fillThenSum", param: "a", want: "error", args: () => [withLength(new Float64Array(8), 2), ones(8)] },
  { name: "own length that is not a number", kernel: "lengthOf", param: "a", want: "error", args: () => [withLength(new Float64Array(2), "2")] },
  { name: "own length on the second argument", kernel: "fillThenSum", param: "b", want: "error", args: () => [new Float64Array(2), withLength(ones(2), 1e6)] },
  { name: "a subclass whose length getter lies", kernel: "lengthOf", param: "a", want: "error", args: () => [new (class extends Float64Array { override get length() { return 100; } })(3)] },
  { name: "a subclass whose length getter tells the truth", kernel: "fillThenSum", param: "a", want: "plain", args: () => [new (class extends Float64Array { override get length() { return super.length; } })(3), ones(3)] },
  { name: "a plain subclass", kernel: "fillThenSum", param: "a", want: "plain", args: () => [new (class extends Float64Array {})(5), ones(4)] },
  { name: "Float64Array.prototype.length overridden", kernel: "fillThenSum", param: "a", want: "error", args: () => [new Float64Array(4), ones(4)], around: tamper(Float64Array.prototype, "length", () => 1000) },
  { name: "%TypedArray%.prototype.length overridden", kernel: "sumAny", param: "a", want: "error", args: () => [Uint8Array.of(1, 2, 3)], around: tamper(TYPED_ARRAY_PROTO, "length", () => 50) },
  { name: "a null prototype (plain JS: length undefined)", kernel: "lengthOf", param: "a", want: "error", args: () => [Object.setPrototypeOf(new Float64Array(2), null)] },
  { name: "own Symbol.toStringTag claiming Float64Array", kernel: "sumAny", param: "a", want: "plain", args: () => [Object.defineProperty(Uint8Array.of(1, 2, 3), Symbol.toStringTag, { value: "Float64Array" })] },
  { name: "a subclass whose toStringTag claims Float64Array", kernel: "sumAny", param: "a", want: "plain", args: () => [new (class extends Int8Array { override get [Symbol.toStringTag](): "Int8Array" { return "Float64Array" as "Int8Array"; } } as unknown as Int8ArrayConstructor)([1, -2, 3])] },
  { name: "%TypedArray%.prototype[Symbol.toStringTag] overridden", kernel: "sumAny", param: "a", want: "plain", args: () => [Int16Array.of(300, -7)], around: tamper(TYPED_ARRAY_PROTO, Symbol.toStringTag, () => "Float64Array") },
  { name: "a Proxy of a Float64Array", kernel: "fillThenSum", param: "a", want: "error", args: () => [new Proxy(new Float64Array(4), {}), ones(4)] },
  { name: "a Proxy whose length trap lies", kernel: "lengthOf", param: "a", want: "error", args: () => [new Proxy(new Float64Array(4), { get: (t, k) => (k === "length" ? 1e9 : Reflect.get(t, k)) })] },
  { name: "a detached buffer", kernel: "fillThenSum", param: "a", want: "plain", args: () => [detachedF64(4), ones(2)] },
  { name: "a length-tracking view of a resizable buffer", kernel: "fillThenSum", param: "a", want: "plain", args: () => [new Float64Array(resizable(32, 128)), ones(2)] },
  { name: "a resizable buffer shrunk below the view", kernel: "fillThenSum", param: "a", want: "plain", args: () => { const b = resizable(64, 128); const a = new Float64Array(b, 32); resize(b, 16); return [a, ones(2)]; } },
  { name: "a resizable buffer shrunk inside the view", kernel: "fillThenSum", param: "a", want: "plain", args: () => { const b = resizable(64, 128); const a = new Float64Array(b, 8); resize(b, 40); return [a, ones(2)]; } },
  { name: "a growable SharedArrayBuffer", kernel: "fillThenSum", param: "a", want: "plain", args: () => { const s = new (SharedArrayBuffer as unknown as new (n: number, o: object) => SharedArrayBuffer)(16, { maxByteLength: 64 }); const a = new Float64Array(s); (s as unknown as { grow(n: number): void }).grow(48); return [a, ones(3)]; } },
  { name: "a view past 4 GiB into a large buffer", kernel: "fillThenSum", param: "a", want: "plain", args: () => [new Float64Array(new ArrayBuffer(2 ** 32 + 32), 2 ** 32 + 8, 2), ones(2)] },
  { name: "a view at the very end of its buffer", kernel: "fillThenSum", param: "a", want: "plain", args: () => [new Float64Array(new ArrayBuffer(1 << 20), (1 << 20) - 8, 1), ones(2)] },
  { name: "an ndarray whose shape grows after the first read", kernel: "sumND", param: "A", want: "either", args: () => { const data = f64(1, 2); return [nd({ data: () => data, shape: alternating([2], [100000]), stride: () => [1], offset: () => 0 })]; } },
  { name: "an ndarray whose offset jumps after the first read", kernel: "scaleND", param: "A", want: "either", args: () => { const data = f64(1, 2); return [nd({ data: () => data, shape: () => [2], stride: () => [1], offset: alternating(0, 1e9) })]; } },
  { name: "an ndarray whose data shrinks after the first read", kernel: "scaleND", param: "A", want: "either", args: () => [nd({ data: alternating(f64(1, 2, 3, 4), f64(1)), shape: () => [4], stride: () => [1], offset: () => 0 })] },
  { name: "an ndarray whose data changes type after the first read", kernel: "scaleND", param: "A", want: "either", args: () => [nd({ data: alternating<ArrayBufferView>(f64(1, 2, 3, 4), new Int8Array(4)), shape: () => [4], stride: () => [1], offset: () => 0 })] },
  { name: "an ndarray whose data has a lying length", kernel: "sumND", param: "A", want: "either", args: () => { const data = withLength(f64(1, 2), 1000); return [nd({ data: () => data, shape: () => [200], stride: () => [1], offset: () => 0 })]; } },
  { name: "an ndarray whose shape is a Proxy that changes", kernel: "sumND", param: "A", want: "either", args: () => { let n = 0; const shape = new Proxy([2], { get: (t, k) => (k === "0" ? (n++ ? 1e6 : 2) : Reflect.get(t, k)) }); const data = f64(1, 2); return [nd({ data: () => data, shape: () => shape, stride: () => [1], offset: () => 0 })]; } },
  { name: "an ndarray whose offset is an object with valueOf", kernel: "sumND", param: "A", want: "either", args: () => { const data = f64(1, 2); return [nd({ data: () => data, shape: () => [2], stride: () => [1], offset: () => ({ valueOf: () => 0 }) })]; } },
  // Arrays a kernel binds from its enclosing scope are read as what they are, too.
  { name: "a bound Uint8Array whose constructor claims Float64Array", kernel: "sumAny", param: "u", want: "plain", args: () => [], fn: () => {
    const u = Object.defineProperty(Uint8Array.of(1, 2, 3), "constructor", { value: Float64Array });
    return () => { let s = 0; for (let i = 0; i < u.length; i++) s += u[i]!; return s; };
  } },
  { name: "a bound Int8Array whose toStringTag claims Float64Array", kernel: "sumAny", param: "u", want: "plain", args: () => [], fn: () => {
    const u = Object.defineProperty(Int8Array.of(1, -2, 3), Symbol.toStringTag, { value: "Float64Array" });
    return () => { let s = 0; for (let i = 0; i < u.length; i++) s += u[i]!; return s; };
  } },
  { name: "a bound Float64Array whose length lies", kernel: "sumAny", param: "u", want: "error", args: () => [], fn: () => {
    const u = withLength(f64(1, 2, 3), 1000);
    return () => { let s = 0; for (let i = 0; i < u.length; i++) s += u[i]!; return s; };
  } },
  // A getter of one argument that detaches another's buffer: it runs before any view is checked.
  { name: "an ndarray getter that detaches another ndarray's data", kernel: "sumBoth", param: "A", want: "plainOrError", args: () => {
    const buf = new ArrayBuffer(32), A = nd({ data: () => new Float64Array(buf), shape: () => [4], stride: () => [1], offset: () => 0 });
    const dB = f64(5); let reads = 0;
    const B = nd({ data: () => dB, shape: () => [1], stride: () => [1], offset: () => { if (++reads === 2) structuredClone(buf, { transfer: [buf] }); return 0; } });
    return [A, B];
  } },
  // (numbat reads B's fields twice, to classify and to call, plain JS once: the second read detaches here.)
  { name: "an ndarray getter that detaches a flat argument's buffer", kernel: "flatAndND", param: "a", want: "either", args: () => {
    const a = f64(1, 2, 3, 4), dB = f64(5); let reads = 0;
    const B = nd({ data: () => dB, shape: () => [1], stride: () => [1], offset: () => { if (++reads === 2) structuredClone(a.buffer, { transfer: [a.buffer] }); return 0; } });
    return [a, B];
  } },
  { name: "an ndarray getter that shrinks a flat argument's resizable buffer", kernel: "flatAndND", param: "a", want: "either", args: () => {
    const buf = resizable(64, 64), a = new Float64Array(buf).fill(2), dB = f64(5); let reads = 0;
    const B = nd({ data: () => dB, shape: () => [1], stride: () => [1], offset: () => { if (++reads === 2) resize(buf, 8); return 0; } });
    return [a, B];
  } },
];

/** A seeded generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUZZ_CTORS = [Float64Array, Float32Array, Int32Array, Uint8Array, Int16Array, Uint8ClampedArray] as const;

/** Random lies over random typed arrays: `count` cases from `seed` (the same cases on every target). */
export function fuzzCases(seed: number, count: number): LyingCase[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: LyingCase[] = [];
  for (let k = 0; k < count; k++) {
    const Ctor = pick(FUZZ_CTORS), n = 1 + Math.floor(r() * 9), pad = Math.floor(r() * 3), lie = Math.floor(r() * 7), other = Math.floor(r() * 1e6);
    const tag = pick(["Float64Array", "Int8Array", "BigInt64Array", "Array"]), shrinkTo = Math.floor(r() * (n + pad + 2));
    const make = (): unknown => {
      const buf = lie === 5 ? resizable((n + pad) * Ctor.BYTES_PER_ELEMENT, 1024) : new ArrayBuffer((n + pad) * Ctor.BYTES_PER_ELEMENT);
      const a = new Ctor(buf, pad * Ctor.BYTES_PER_ELEMENT, lie === 5 ? undefined : n) as unknown as Float64Array;
      for (let i = 0; i < a.length; i++) a[i] = (i * 37) % 11;
      switch (lie) {
        case 0: return withLength(a, n + 1 + (other % 100)); // longer
        case 1: return withLength(a, other % n); // shorter
        case 2: return Object.defineProperty(a, Symbol.toStringTag, { value: tag });
        case 3: { structuredClone(buf, { transfer: [buf] }); return a; }
        case 4: return new Proxy(a, {});
        case 5: { resize(buf, shrinkTo * Ctor.BYTES_PER_ELEMENT); return a; } // tracking; possibly out of bounds now
        default: return a;
      }
    };
    // make() builds the same array each time: it draws nothing from r() itself.
    const kernel = pick(["fillThenSum", "sumAny", "lengthOf"] as const);
    const want = lie === 0 || lie === 1 || lie === 4 ? "error" : "plain";
    out.push({ name: `fuzz #${k} (${Ctor.name}, lie ${lie}, ${kernel})`, kernel, param: "a", want, args: () => (kernel === "fillThenSum" ? [make(), ones(3)] : [make()]) });
  }
  return out;
}

/** The bytes of every typed array among `args` (their whole buffers, where readable), for comparing effects. */
function snapshot(args: readonly unknown[]): string {
  return args.map((a) => {
    if (!ArrayBuffer.isView(a)) return typeof a;
    try {
      const b = (a as Uint8Array).buffer;
      return b.byteLength > 1 << 20 ? "large" : Array.from(new Uint8Array(b)).join(",");
    } catch { return "unreadable"; }
  }).join("|");
}

const compiled = new Map<string, AnyFn>();
/** One jitted function per kernel and target, so that each signature compiles once. */
function jitted(kernel: keyof typeof KERNELS, target: Target): AnyFn {
  const key = `${kernel} ${target}`;
  let f = compiled.get(key);
  if (!f) compiled.set(key, (f = jit(KERNELS[kernel] as AnyFn, { target }) as AnyFn));
  return f;
}

/** The verdict of one case on one target: "ok", or what went wrong. */
export function runCase(c: LyingCase, target: Target): string {
  const fn = c.fn ? c.fn() : (KERNELS[c.kernel] as AnyFn);
  const run = (f: AnyFn): { value?: unknown; error?: unknown; after: string } => {
    const args = c.args();
    try {
      const value = f(...args);
      return { value, after: snapshot(args) };
    } catch (error) {
      return { error, after: snapshot(args) };
    }
  };
  const around = c.around ?? (<T>(f: () => T) => f());
  const plain = around(() => run(fn));
  const got = around(() => run(c.fn ? (jit(c.fn(), { target }) as AnyFn) : jitted(c.kernel, target)));
  if (got.error !== undefined) {
    const e = got.error as Error;
    const named = (e instanceof TypeError || e instanceof RangeError) && new RegExp(`'${c.param}'`).test(e.message);
    if (c.want === "plain") return `threw ${e?.constructor?.name}: ${e?.message}`;
    return named ? "ok" : `threw ${e?.constructor?.name} not naming '${c.param}': ${e?.message}`;
  }
  if (c.want === "either") return typeof got.value === "number" ? "ok" : `returned ${String(got.value)}`;
  if (c.want === "plainOrError" && plain.error === undefined && Object.is(got.value, plain.value)) return "ok";
  if (c.want === "error") return `returned ${String(got.value)} (plain JS ${String(plain.value)}) where a TypeError was due`;
  if (plain.error !== undefined) return `returned ${String(got.value)} where plain JS threw ${String(plain.error)}`;
  if (!Object.is(got.value, plain.value)) return `returned ${String(got.value)}, plain JS ${String(plain.value)}`;
  if (got.after !== plain.after) return "left the arrays different from plain JS";
  return "ok";
}

/** Every case (the fixed ones and the fuzz), run on `target`: name -> verdict. */
export function runAll(target: Target, fuzzSeed = 16, fuzzCount = 60): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of [...CASES, ...fuzzCases(fuzzSeed, fuzzCount)]) out[c.name] = runCase(c, target);
  return out;
}

if (process.argv[1]?.endsWith("lying-args.js") && process.argv[2]) {
  console.log(JSON.stringify(runAll(process.argv[2] as Target)));
}
