// Tests for the wasm encoder: every opcode in the table is validated by V8 and checked against a JS
// reference (scalar ops directly, SIMD ops lane by lane), plus control flow, memory, imports, the
// value-stack checker's errors, the name section and the WAT printer.

import { test } from "node:test";
import assert from "node:assert/strict";
import { ModuleBuilder, OP_NAMES, opFacts, watFloat, type FunctionBuilder, type OpFacts, type ValType, type WasmOp } from "./encoder.js";

function instantiate(m: ModuleBuilder, imports: WebAssembly.Imports = {}): any {
  const bytes = m.toBytes();
  assert.ok(WebAssembly.validate(bytes), "module validates");
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), imports).exports;
}

/** One exported function `f` built by `body`. */
function single(params: ValType[], results: ValType[], body: (f: FunctionBuilder) => void, setup?: (m: ModuleBuilder) => void): any {
  const m = new ModuleBuilder();
  setup?.(m);
  const f = m.addFunction("f", params, results);
  body(f);
  f.finish();
  m.exportFunction("f", f.index);
  return instantiate(m).f;
}

const ALL = OP_NAMES;
const OPS = Object.fromEntries(ALL.map((n) => [n, opFacts(n)!])) as Record<WasmOp, OpFacts>;
const SCALAR = new Set<string>(["i32", "i64", "f32", "f64"]);
const DYNAMIC = ALL.filter((n) => OPS[n].pop === null);

// ---------------------------------------------------------------------------------------------------
// JS reference semantics for every scalar numeric op

const TRAP = Symbol("trap");
type Val = number | bigint;
type Ref = (...a: any[]) => Val | typeof TRAP;
const dv = new DataView(new ArrayBuffer(8));
const f32 = Math.fround;

function intRefs(w: 32 | 64): Record<string, Ref> {
  const W = BigInt(w), s = (x: bigint) => BigInt.asIntN(w, x), u = (x: bigint) => BigInt.asUintN(w, x);
  const out = (x: bigint): Val => (w === 32 ? Number(s(x)) : s(x));
  const b = (f: (a: bigint, b: bigint) => bigint | typeof TRAP) => (a: Val, c: Val) => {
    const r = f(BigInt(a), BigInt(c));
    return r === TRAP ? TRAP : out(r);
  };
  const cmp = (f: (a: bigint, b: bigint) => boolean) => (a: Val, c: Val) => +f(BigInt(a), BigInt(c));
  const MIN = -(1n << (W - 1n));
  const rot = (a: bigint, k: bigint) => (u(a) << k) | (u(a) >> ((W - k) % W));
  return {
    eqz: (a: Val) => +(BigInt(a) === 0n),
    eq: cmp((a, c) => s(a) === s(c)), ne: cmp((a, c) => s(a) !== s(c)),
    lt_s: cmp((a, c) => s(a) < s(c)), lt_u: cmp((a, c) => u(a) < u(c)),
    gt_s: cmp((a, c) => s(a) > s(c)), gt_u: cmp((a, c) => u(a) > u(c)),
    le_s: cmp((a, c) => s(a) <= s(c)), le_u: cmp((a, c) => u(a) <= u(c)),
    ge_s: cmp((a, c) => s(a) >= s(c)), ge_u: cmp((a, c) => u(a) >= u(c)),
    clz: (a: Val) => out(BigInt(w - (u(BigInt(a)) === 0n ? 0 : u(BigInt(a)).toString(2).length))),
    ctz: (a: Val) => { const x = u(BigInt(a)); let n = 0n; while (n < W && !((x >> n) & 1n)) n++; return out(n); },
    popcnt: (a: Val) => out(BigInt([...u(BigInt(a)).toString(2)].filter((c) => c === "1").length)),
    add: b((a, c) => a + c), sub: b((a, c) => a - c), mul: b((a, c) => a * c),
    div_s: b((a, c) => (s(c) === 0n || (s(a) === MIN && s(c) === -1n) ? TRAP : s(a) / s(c))),
    div_u: b((a, c) => (u(c) === 0n ? TRAP : u(a) / u(c))),
    rem_s: b((a, c) => (s(c) === 0n ? TRAP : s(a) % s(c))),
    rem_u: b((a, c) => (u(c) === 0n ? TRAP : u(a) % u(c))),
    and: b((a, c) => a & c), or: b((a, c) => a | c), xor: b((a, c) => a ^ c),
    shl: b((a, c) => a << (u(c) % W)), shr_s: b((a, c) => s(a) >> (u(c) % W)), shr_u: b((a, c) => u(a) >> (u(c) % W)),
    rotl: b((a, c) => rot(a, u(c) % W)), rotr: b((a, c) => rot(a, (W - (u(c) % W)) % W)),
  };
}

function nearest(x: number): number {
  const r = x - Math.floor(x) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}
function floatRefs(round: (x: number) => number): Record<string, Ref> {
  const u = (f: (a: number) => number) => (a: number) => round(f(a));
  const b = (f: (a: number, c: number) => number) => (a: number, c: number) => round(f(a, c));
  const sign = (x: number) => x < 0 || Object.is(x, -0);
  return {
    eq: (a, c) => +(a === c), ne: (a, c) => +(a !== c), lt: (a, c) => +(a < c),
    gt: (a, c) => +(a > c), le: (a, c) => +(a <= c), ge: (a, c) => +(a >= c),
    abs: u(Math.abs), neg: u((a) => -a), ceil: u(Math.ceil), floor: u(Math.floor), trunc: u(Math.trunc),
    nearest: u(nearest), sqrt: u(Math.sqrt),
    add: b((a, c) => a + c), sub: b((a, c) => a - c), mul: b((a, c) => a * c), div: b((a, c) => a / c),
    min: b(Math.min), max: b(Math.max),
    copysign: b((a, c) => (Number.isNaN(c) ? NaN : sign(a) === sign(c) ? a : -a)),
  };
}

function bigToF32(x: bigint): number { // exact single rounding (Number() then fround would round twice)
  const neg = x < 0n, m = neg ? -x : x, bits = m.toString(2).length;
  if (bits <= 24) return Number(x);
  const sh = BigInt(bits - 24), half = 1n << (sh - 1n);
  let q = m >> sh;
  const r = m - (q << sh);
  if (r > half || (r === half && q & 1n)) q++;
  const v = Number(q) * 2 ** Number(sh);
  return neg ? -v : v;
}
const trunc = (lo: number, hi: number, big: boolean, sat: boolean) => (x: number): Val | typeof TRAP => {
  let t = Math.trunc(x);
  if (Number.isNaN(x)) { if (!sat) return TRAP; t = 0; }
  if (t < lo || t >= hi) { if (!sat) return TRAP; t = t < lo ? lo : hi - 1; }
  if (big) return BigInt.asIntN(64, t === hi - 1 && hi > 2 ** 53 ? BigInt(hi) - 1n : BigInt(t));
  return t | 0;
};
const bits = (fn: () => void, get: () => Val): Val => { fn(); return get(); };

const REFS: Record<string, Ref> = {};
for (const [p, refs] of [["i32", intRefs(32)], ["i64", intRefs(64)], ["f32", floatRefs(f32)], ["f64", floatRefs((x) => x)]] as const)
  for (const [k, r] of Object.entries(refs)) if (`${p}.${k}` in OPS) REFS[`${p}.${k}`] = r;
Object.assign(REFS, {
  "i32.wrap_i64": (a: bigint) => Number(BigInt.asIntN(32, a)),
  "i64.extend_i32_s": (a: number) => BigInt(a), "i64.extend_i32_u": (a: number) => BigInt(a >>> 0),
  "f32.convert_i32_s": (a: number) => f32(a), "f32.convert_i32_u": (a: number) => f32(a >>> 0),
  "f32.convert_i64_s": (a: bigint) => bigToF32(a), "f32.convert_i64_u": (a: bigint) => bigToF32(BigInt.asUintN(64, a)),
  "f64.convert_i32_s": (a: number) => a, "f64.convert_i32_u": (a: number) => a >>> 0,
  "f64.convert_i64_s": (a: bigint) => Number(a), "f64.convert_i64_u": (a: bigint) => Number(BigInt.asUintN(64, a)),
  "f32.demote_f64": (a: number) => f32(a), "f64.promote_f32": (a: number) => a,
  "i32.reinterpret_f32": (a: number) => bits(() => dv.setFloat32(0, a), () => dv.getInt32(0)),
  "f32.reinterpret_i32": (a: number) => bits(() => dv.setInt32(0, a), () => dv.getFloat32(0)),
  "i64.reinterpret_f64": (a: number) => bits(() => dv.setFloat64(0, a), () => dv.getBigInt64(0)),
  "f64.reinterpret_i64": (a: bigint) => bits(() => dv.setBigInt64(0, a), () => dv.getFloat64(0)),
  "i32.extend8_s": (a: number) => (a << 24) >> 24, "i32.extend16_s": (a: number) => (a << 16) >> 16,
  "i64.extend8_s": (a: bigint) => BigInt.asIntN(8, a), "i64.extend16_s": (a: bigint) => BigInt.asIntN(16, a),
  "i64.extend32_s": (a: bigint) => BigInt.asIntN(32, a),
});
for (const sat of [false, true]) for (const src of ["f32", "f64"]) {
  const s = sat ? "sat_" : "";
  REFS[`i32.trunc_${s}${src}_s`] = trunc(-(2 ** 31), 2 ** 31, false, sat);
  REFS[`i32.trunc_${s}${src}_u`] = trunc(0, 2 ** 32, false, sat);
  REFS[`i64.trunc_${s}${src}_s`] = trunc(-(2 ** 63), 2 ** 63, true, sat);
  REFS[`i64.trunc_${s}${src}_u`] = trunc(0, 2 ** 64, true, sat);
}

const SAMPLES: Record<string, Val[]> = {
  i32: [0, 1, -1, 5, -7, 31, 32, 33, 0x7fffffff, -0x80000000, 0x12345678, -0x5a5a5a5b],
  i64: [0n, 1n, -1n, 5n, -7n, 63n, 64n, 65n, 0x7fffffffffffffffn, -0x8000000000000000n, 0x0123456789abcdefn, 0x20000001n],
  f64: [0, -0, 1, -1.5, 2.5, -0.5, 0.49999999999999994, 3.7, 1e300, -1e-310, 2 ** 53 + 2, 4294967295.5, -2147483648.9,
    9.3e18, Infinity, -Infinity, NaN],
};
SAMPLES.f32 = SAMPLES.f64.map((x) => f32(x as number));

const same = (a: unknown, b: unknown) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

const isScalarOp = (n: WasmOp) => {
  const f = OPS[n];
  return f.imm === "" && f.pop !== null && f.pop.length > 0 && [...f.pop, ...f.push!].every((t) => SCALAR.has(t));
};

test("every scalar numeric op matches its JS reference", () => {
  const ops = ALL.filter(isScalarOp);
  assert.ok(ops.length > 120, `${ops.length} scalar ops`);
  const m = new ModuleBuilder();
  for (const n of ops) {
    const f = OPS[n], fb = m.addFunction(n, [...f.pop!], [...f.push!]);
    f.pop!.forEach((_, i) => fb.op("local.get", i));
    fb.op(n).finish();
    m.exportFunction(n, fb.index);
  }
  const ex = instantiate(m);
  let checks = 0;
  for (const n of ops) {
    const ref = REFS[n], f = OPS[n];
    assert.ok(ref, `no JS reference for ${n}`);
    const tuples: Val[][] = f.pop!.length === 1 ? SAMPLES[f.pop![0]].map((a) => [a])
      : SAMPLES[f.pop![0]].flatMap((a) => SAMPLES[f.pop![1]].map((b) => [a, b]));
    for (const args of tuples) {
      if (n.endsWith("copysign") && Number.isNaN(args[1])) continue; // JS NaN sign bits are unspecified
      const want = ref(...args);
      const call = () => ex[n](...args);
      if (want === TRAP) assert.throws(call, WebAssembly.RuntimeError, `${n}(${args}) should trap`);
      else { const got = call(); assert.ok(same(got, want), `${n}(${args.join(", ")}) = ${got}, want ${String(want)}`); }
      checks++;
    }
  }
  assert.ok(checks > 5000);
});

// ---------------------------------------------------------------------------------------------------
// SIMD: every op with only v128 (and scalar shift-count) operands, checked lane by lane

type Shape = "i8x16" | "i16x8" | "i32x4" | "i64x2" | "f32x4" | "f64x2";
const LANES: Record<Shape, [number, any, string]> = {
  i8x16: [16, Int8Array, "i32"], i16x8: [8, Int16Array, "i32"], i32x4: [4, Int32Array, "i32"],
  i64x2: [2, BigInt64Array, "i64"], f32x4: [4, Float32Array, "f32"], f64x2: [2, Float64Array, "f64"],
};
const MASK_SHAPE: Record<string, Shape> = { f32x4: "i32x4", f64x2: "i64x2", i32x4: "i32x4", i64x2: "i64x2" };
const shapeOf = (n: string): Shape => (n.startsWith("v128.") ? "i32x4" : (n.slice(0, 5) as Shape));
const srcShape = (n: string): Shape => (n.match(/_(i32x4|f32x4|f64x2|i64x2)/)?.[1] as Shape) ?? shapeOf(n);

/** Whole-vector reference: (lanes of each v128 operand, scalar operands) -> result lanes (or a scalar). */
type VRef = (v: Val[][], s: Val[]) => Val[] | Val;
/** Lane i of the result = scalar op on lane i of each operand; comparisons give all-ones/zero masks. */
const lanewise = (scalar: string, masks: boolean): VRef => (v, s) => {
  const r = REFS[scalar];
  return v[0].map((_, i) => {
    const x = r(...v.map((lanes) => lanes[i]), ...s) as Val;
    return !masks ? x : v[0].length === 2 ? (x ? -1n : 0n) : x ? -1 : 0;
  });
};
const SIMD_ONLY: Record<string, VRef> = {
  "v128.not": (v) => v[0].map((a) => ~(a as number)),
  "v128.and": (v) => v[0].map((a, i) => (a as number) & (v[1][i] as number)),
  "v128.andnot": (v) => v[0].map((a, i) => (a as number) & ~(v[1][i] as number)),
  "v128.or": (v) => v[0].map((a, i) => (a as number) | (v[1][i] as number)),
  "v128.xor": (v) => v[0].map((a, i) => (a as number) ^ (v[1][i] as number)),
  "v128.bitselect": (v) => v[0].map((a, i) => ((a as number) & (v[2][i] as number)) | ((v[1][i] as number) & ~(v[2][i] as number))),
  "v128.any_true": (v) => +v[0].some((a) => a !== 0),
  "i32x4.all_true": (v) => +v[0].every((a) => a !== 0),
  "i64x2.all_true": (v) => +v[0].every((a) => a !== 0n),
  "i32x4.bitmask": (v) => v[0].reduce((m: number, a, i) => m | ((a as number) < 0 ? 1 << i : 0), 0),
  "i64x2.bitmask": (v) => v[0].reduce((m: number, a, i) => m | ((a as bigint) < 0n ? 1 << i : 0), 0),
  "i32x4.abs": (v) => v[0].map((a) => Math.abs(a as number) | 0),
  "i64x2.abs": (v) => v[0].map((a) => BigInt.asIntN(64, (a as bigint) < 0n ? -(a as bigint) : (a as bigint))),
  "i32x4.neg": (v) => v[0].map((a) => -(a as number) | 0),
  "i64x2.neg": (v) => v[0].map((a) => BigInt.asIntN(64, -(a as bigint))),
  "i32x4.min_s": (v) => v[0].map((a, i) => Math.min(a as number, v[1][i] as number)),
  "i32x4.max_s": (v) => v[0].map((a, i) => Math.max(a as number, v[1][i] as number)),
  "i32x4.min_u": (v) => v[0].map((a, i) => ((a as number) >>> 0 < (v[1][i] as number) >>> 0 ? a : v[1][i])),
  "i32x4.max_u": (v) => v[0].map((a, i) => ((a as number) >>> 0 > (v[1][i] as number) >>> 0 ? a : v[1][i])),
  "f32x4.pmin": (v) => v[0].map((a, i) => ((v[1][i] as number) < (a as number) ? v[1][i] : a)),
  "f64x2.pmin": (v) => v[0].map((a, i) => ((v[1][i] as number) < (a as number) ? v[1][i] : a)),
  "f32x4.pmax": (v) => v[0].map((a, i) => ((a as number) < (v[1][i] as number) ? v[1][i] : a)),
  "f64x2.pmax": (v) => v[0].map((a, i) => ((a as number) < (v[1][i] as number) ? v[1][i] : a)),
  "i8x16.swizzle": (v) => v[0].map((_, i) => { const k = (v[1][i] as number) & 0xff; return k < 16 ? v[0][k] : 0; }),
};

/** Reference for a SIMD op from the scalar op of the same name (f64x2.add -> f64.add, ...). */
function simdRef(n: string): { ref: VRef; out: Shape; in: Shape } | undefined {
  const shape = shapeOf(n), src = srcShape(n), op = n.slice(6);
  if (SIMD_ONLY[n]) return { ref: SIMD_ONLY[n], in: src, out: shape };
  const scalarOf = (s: Shape) => LANES[s][2];
  const conv = op.match(/^(convert|trunc_sat|promote|demote|extend)_(low_|high_)?([if]\d+)x\d_?(s|u)?/);
  if (conv) {
    const [, kind, half, from, sign] = conv;
    const name = `${scalarOf(shape)}.${kind}_${from}${sign ? "_" + sign : ""}`; // e.g. f64.convert_i32_s
    if (!REFS[name]) return undefined;
    const r = REFS[name], [nOut] = LANES[shape], off = half === "high_" ? LANES[src][0] / 2 : 0;
    return { in: src, out: shape, ref: (v) => Array.from({ length: nOut }, (_, i) => (i < Math.min(nOut, LANES[src][0]) ? r(v[0][i + off]) as Val : shape === "i64x2" ? 0n : 0)) };
  }
  const scalar = `${scalarOf(shape)}.${op}`;
  if (!REFS[scalar]) return undefined;
  const isCmp = /^(eq|ne|lt|gt|le|ge)(_[su])?$/.test(op);
  return { in: shape, out: isCmp ? MASK_SHAPE[shape] : shape, ref: lanewise(scalar, isCmp) };
}

let seed = 12345;
const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % k;

test("every lane-wise SIMD op matches its scalar reference", () => {
  const ops = ALL.filter((n) => {
    const f = OPS[n];
    return f.pop !== null && f.imm === "" && f.pop.includes("v128");
  });
  const m = new ModuleBuilder();
  m.addMemory({ initial: 1 });
  m.exportMemory("mem");
  const specs = new Map<string, ReturnType<typeof simdRef>>();
  for (const n of ops) {
    const spec = simdRef(n);
    assert.ok(spec, `no reference for ${n}`);
    specs.set(n, spec);
    const f = OPS[n], toMem = f.push![0] === "v128", scalars = f.pop!.filter((t) => t !== "v128");
    const fb = m.addFunction(n, [...scalars], toMem ? [] : [...f.push!]);
    if (toMem) fb.op("i32.const", 64);
    f.pop!.forEach((t, k) => (t === "v128" ? fb.op("i32.const", 16 * k).op("v128.load") : fb.op("local.get", 0)));
    fb.op(n);
    if (toMem) fb.op("v128.store");
    fb.finish();
    m.exportFunction(n, fb.index);
  }
  const ex = instantiate(m), buf: ArrayBuffer = ex.mem.buffer;
  for (const n of ops) {
    const { ref, in: inS, out: outS } = specs.get(n)!, f = OPS[n];
    const [nIn, InArr, inT] = LANES[inS], [, OutArr] = LANES[outS];
    for (let trial = 0; trial < 12; trial++) {
      const vs: Val[][] = [], ss: Val[] = [];
      f.pop!.forEach((t, k) => {
        if (t !== "v128") { ss.push(t === "i64" ? BigInt(rand(70)) : rand(70)); return; }
        const pool = inT === "i32" && nIn > 4 ? [0, 1, -1, 7, -100, 127, 15, 16, 3] : SAMPLES[inT];
        const lanes = Array.from({ length: nIn }, () => pool[rand(pool.length)]);
        new InArr(buf, 16 * k, nIn).set(lanes);
        vs.push(Array.from(new InArr(buf, 16 * k, nIn)));
      });
      const want = ref(vs, ss), ret = ex[n](...ss);
      const got = f.push![0] === "v128" ? Array.from(new OutArr(buf, 64, 16 / OutArr.BYTES_PER_ELEMENT)) : ret;
      const ok = Array.isArray(want) ? want.every((w, i) => same((got as Val[])[i], w)) : same(got, want);
      assert.ok(ok, `${n}(${vs.map((v) => `[${v}]`)}${ss.length ? ", " + ss : ""}) = ${got}, want ${want}`);
    }
  }
});

test("SIMD lanes, constants, shuffles and lane loads", () => {
  const m = new ModuleBuilder();
  m.addMemory({ initial: 1 });
  m.exportMemory("mem");
  const add = (name: string, params: ValType[], results: ValType[], body: (f: FunctionBuilder) => void) => {
    const f = m.addFunction(name, params, results);
    body(f);
    f.finish();
    m.exportFunction(name, f.index);
  };
  const shapes: [Shape, ValType][] = [["i8x16", "i32"], ["i16x8", "i32"], ["i32x4", "i32"], ["i64x2", "i64"], ["f32x4", "f32"], ["f64x2", "f64"]];
  for (const [s, t] of shapes) {
    const sfx = s === "i8x16" || s === "i16x8" ? "_s" : "";
    for (const lane of [0, LANES[s][0] - 1]) {
      add(`${s}.splat${lane}`, [t], [t], (f) => f.op("local.get", 0).op(`${s}.splat` as WasmOp).op(`${s}.extract_lane${sfx}` as WasmOp, lane));
      // replace one lane of v128.const 0 and store it at 0
      add(`${s}.replace${lane}`, [t], [], (f) => f.op("i32.const", 0).op("v128.const", new Uint8Array(16))
        .op("local.get", 0).op(`${s}.replace_lane` as WasmOp, lane).op("v128.store"));
    }
  }
  add("u8lane", [], ["i32"], (f) => f.op("i32.const", 200).op("i8x16.splat").op("i8x16.extract_lane_u", 5));
  add("u16lane", [], ["i32"], (f) => f.op("i32.const", 40000).op("i16x8.splat").op("i16x8.extract_lane_u", 7));
  add("const", [], ["f64"], (f) => f.op("v128.const", new Float64Array([1.5, -2.25])).op("f64x2.extract_lane", 1));
  const rev = Uint8Array.from({ length: 16 }, (_, i) => 31 - i);
  add("shuffle", [], [], (f) => f.op("i32.const", 0).op("i32.const", 0).op("v128.load").op("i32.const", 16).op("v128.load")
    .op("i8x16.shuffle", rev).op("v128.store", { offset: 32 }));
  add("splat32", [], [], (f) => f.op("i32.const", 64).op("i32.const", 4).op("v128.load32_splat").op("v128.store"));
  add("splat64", [], [], (f) => f.op("i32.const", 64).op("i32.const", 8).op("v128.load64_splat").op("v128.store"));
  add("zero32", [], [], (f) => f.op("i32.const", 64).op("i32.const", 4).op("v128.load32_zero").op("v128.store"));
  add("zero64", [], [], (f) => f.op("i32.const", 64).op("i32.const", 8).op("v128.load64_zero").op("v128.store"));
  const ex = instantiate(m), mem = new Uint8Array(ex.mem.buffer);
  const vals: Record<ValType, Val> = { i32: -3, i64: -(2n ** 40n), f32: 1.25, f64: -7.5, v128: 0 };
  for (const [s, t] of shapes) {
    for (const lane of [0, LANES[s][0] - 1]) {
      assert.equal(ex[`${s}.splat${lane}`](vals[t]), vals[t], `${s} splat/extract lane ${lane}`);
      ex[`${s}.replace${lane}`](vals[t]);
      const lanes = Array.from(new LANES[s][1](ex.mem.buffer, 0, LANES[s][0]));
      assert.deepEqual(lanes, lanes.map((_, i) => (i === lane ? vals[t] : t === "i64" ? 0n : 0)), `${s}.replace_lane ${lane}`);
    }
  }
  assert.equal(ex.u8lane(), 200);
  assert.equal(ex.u16lane(), 40000);
  assert.equal(ex.const(), -2.25);
  for (let i = 0; i < 32; i++) mem[i] = i;
  ex.shuffle();
  assert.deepEqual(Array.from(mem.subarray(32, 48)), Array.from(rev));
  const lanes32 = () => Array.from(new Int32Array(ex.mem.buffer, 64, 4));
  ex.splat32(); assert.deepEqual(lanes32(), [0x07060504, 0x07060504, 0x07060504, 0x07060504]);
  ex.splat64(); assert.deepEqual(lanes32(), [0x0b0a0908, 0x0f0e0d0c, 0x0b0a0908, 0x0f0e0d0c]);
  ex.zero32(); assert.deepEqual(lanes32(), [0x07060504, 0, 0, 0]);
  ex.zero64(); assert.deepEqual(lanes32(), [0x0b0a0908, 0x0f0e0d0c, 0, 0]);
});

test("every op in the table is covered by a semantic test", () => {
  const memOps = ALL.filter((n) => OPS[n].imm === "mem" || OPS[n].imm === "mem0" || OPS[n].imm === "mem00");
  const laneOps = ALL.filter((n) => ["lane", "v128", "shuffle"].includes(OPS[n].imm) || /splat$/.test(n));
  const consts = ["i32.const", "i64.const", "f32.const", "f64.const", "nop"];
  for (const n of ALL) {
    const covered = isScalarOp(n) || (OPS[n].pop?.includes("v128") && OPS[n].imm === "") || memOps.includes(n) ||
      laneOps.includes(n) || DYNAMIC.includes(n) || consts.includes(n);
    assert.ok(covered, `${n} has no test`);
  }
});

// ---------------------------------------------------------------------------------------------------
// Control flow, memory, calls

test("arithmetic on each type", () => {
  assert.equal(single(["i32", "i32"], ["i32"], (f) => f.op("local.get", 0).op("local.get", 1).op("i32.mul").op("i32.const", -3).op("i32.add"))(6, 7), 39);
  assert.equal(single(["i64"], ["i64"], (f) => f.op("local.get", 0).op("i64.const", 1n << 40n).op("i64.mul"))(3n), 3n << 40n);
  assert.equal(single([], ["i64"], (f) => f.op("i64.const", -(2n ** 63n)))(), -(2n ** 63n));
  assert.equal(single([], ["i64"], (f) => f.op("i64.const", 2 ** 53))(), 2n ** 53n);
  assert.equal(single([], ["i32"], (f) => f.op("i32.const", 0xffffffff))(), -1);
  assert.equal(single(["f32"], ["f32"], (f) => f.op("local.get", 0).op("f32.const", 0.1).op("f32.add"))(1), f32(1 + f32(0.1)));
  assert.equal(single(["f64"], ["f64"], (f) => f.op("local.get", 0).op("f64.sqrt").op("f64.const", 0.5).op("f64.mul"))(16), 2);
});

test("loop summing 1..n with br_if", () => {
  const sum = single(["i64"], ["i64"], (f) => {
    const acc = f.local("i64", "acc"), i = f.local("i64", "i");
    f.block(null, "done").loop(null, "next");
    f.op("local.get", i).op("local.get", 0).op("i64.ge_s").brIf("done");
    f.op("local.get", i).op("i64.const", 1).op("i64.add").op("local.tee", i);
    f.op("local.get", acc).op("i64.add").op("local.set", acc).br("next");
    f.end().end().op("local.get", acc);
  });
  assert.equal(sum(100n), 5050n);
  assert.equal(sum(0n), 0n);
});

test("if/else with results, select, br_table, early return, multi-value", () => {
  const sign = single(["f64"], ["i32"], (f) => {
    f.op("local.get", 0).op("f64.const", 0).op("f64.lt").if("i32").op("i32.const", -1)
      .else().op("local.get", 0).op("f64.const", 0).op("f64.gt").if("i32").op("i32.const", 1).else().op("i32.const", 0).end().end();
  });
  assert.deepEqual([sign(-2), sign(0), sign(3)], [-1, 0, 1]);
  const sel = single(["i32"], ["f64"], (f) => f.op("f64.const", 1).op("f64.const", 2).op("local.get", 0).op("select"));
  assert.deepEqual([sel(1), sel(0)], [1, 2]);
  const table = single(["i32"], ["i32"], (f) => {
    f.block(null, "c").block(null, "b").block(null, "a").op("local.get", 0).brTable(["a", "b"], "c")
      .end().op("i32.const", 10).op("return").end().op("i32.const", 20).op("return").end().op("i32.const", 30);
  });
  assert.deepEqual([table(0), table(1), table(2), table(9)], [10, 20, 30, 30]);
  const early = single(["i32"], ["i32"], (f) => f.op("local.get", 0).op("i32.eqz").if().op("i32.const", 99).op("return").end().op("i32.const", 1));
  assert.deepEqual([early(0), early(5)], [99, 1]);
  // multi-value results, checked through a wasm caller
  const m = new ModuleBuilder();
  const two = m.addFunction("two", ["i32"], ["i32", "f64"]);
  two.op("local.get", 0).op("local.get", 0).op("f64.convert_i32_s").op("f64.const", 0.5).op("f64.add").finish();
  const caller = m.addFunction("caller", [], ["f64"]);
  caller.op("i32.const", 4).op("call", two.index).op("local.set", caller.local("f64")).op("f64.convert_i32_s")
    .op("local.get", 0).op("f64.mul").finish();
  m.exportFunction("caller", caller.index);
  assert.equal(instantiate(m).caller(), 18);
});

test("code after br is polymorphic and still validates", () => {
  const f = single([], ["f64"], (f) => f.block("f64").op("f64.const", 1).br(0).op("f64.add").op("i32.const", 2).op("drop").end());
  assert.equal(f(), 1);
  assert.equal(single([], ["i32"], (f) => f.op("unreachable").op("i64.eqz")).length, 0);
});

function memoryModule(shared: boolean) {
  const m = new ModuleBuilder();
  m.importMemory("env", "mem", { initial: 1, maximum: 4, shared });
  const copy = m.addFunction("copy", ["i32", "i32"], []);
  copy.nameParam(0, "src"); copy.nameParam(1, "dst");
  // narrow and wide loads -> stores at dst: f64 doubled, i32 from i8 (sign) and u16, i64.store32 of i64.load32_u
  copy.op("local.get", 1).op("local.get", 0).op("f64.load").op("f64.const", 2).op("f64.mul").op("f64.store");
  copy.op("local.get", 1).op("local.get", 0).op("i32.load8_s", { offset: 8 }).op("i32.store", { offset: 8 });
  copy.op("local.get", 1).op("local.get", 0).op("i32.load16_u", { offset: 10, align: 0 }).op("i32.store16", { offset: 12 });
  copy.op("local.get", 1).op("local.get", 0).op("i64.load32_u", { offset: 16 }).op("i64.store32", { offset: 16 });
  copy.op("local.get", 1).op("local.get", 0).op("i64.load8_u", { offset: 20 }).op("i64.store8", { offset: 20 });
  copy.op("local.get", 1).op("local.get", 0).op("f32.load", { offset: 24 }).op("f32.store", { offset: 24 });
  copy.finish();
  m.exportFunction("copy", copy.index);
  const bulk = m.addFunction("bulk", [], ["i32"]);
  bulk.op("i32.const", 512).op("i32.const", 7).op("i32.const", 16).op("memory.fill");
  bulk.op("i32.const", 600).op("i32.const", 512).op("i32.const", 16).op("memory.copy");
  bulk.op("i32.const", 1).op("memory.grow").op("drop").op("memory.size").finish();
  m.exportFunction("bulk", bulk.index);
  return m;
}

for (const shared of [false, true]) {
  test(`loads and stores on an imported ${shared ? "shared" : "non-shared"} memory`, () => {
    const mem = new WebAssembly.Memory({ initial: 1, maximum: 4, shared });
    assert.equal(mem.buffer instanceof SharedArrayBuffer, shared);
    const ex = instantiate(memoryModule(shared), { env: { mem } });
    const dv = new DataView(mem.buffer);
    dv.setFloat64(0, 1.25, true); dv.setInt8(8, -5); dv.setUint16(10, 65000, true);
    dv.setUint32(16, 0xdeadbeef, true); dv.setUint8(20, 0xab); dv.setFloat32(24, -3.5, true);
    ex.copy(0, 256);
    assert.equal(dv.getFloat64(256, true), 2.5);
    assert.equal(dv.getInt32(264, true), -5);
    assert.equal(dv.getUint16(268, true), 65000);
    assert.equal(dv.getUint32(272, true), 0xdeadbeef);
    assert.equal(dv.getUint8(276), 0xab);
    assert.equal(dv.getFloat32(280, true), -3.5);
    assert.equal(ex.bulk(), 2);
    assert.deepEqual(Array.from(new Uint8Array(mem.buffer, 600, 16)), Array(16).fill(7));
  });
}

test("every scalar load and store reads/writes the right width, sign and type", () => {
  const m = new ModuleBuilder();
  m.addMemory({ initial: 1 });
  m.exportMemory("mem");
  const ops = ALL.filter((n) => OPS[n].imm === "mem" && !n.startsWith("v128"));
  for (const n of ops) { // loads: (addr) -> value at addr+3, unaligned; stores: (addr, value) at addr+3
    const f = OPS[n], fb = m.addFunction(n, [...f.pop!], [...f.push!]);
    f.pop!.forEach((_, i) => fb.op("local.get", i));
    fb.op(n, { offset: 3, align: 0 }).finish();
    m.exportFunction(n, fb.index);
  }
  const ex = instantiate(m), dv = new DataView(ex.mem.buffer);
  const fill = () => { for (let i = 0; i < 32; i++) dv.setUint8(i, 0x81 + i * 7); };
  const read = (t: string, w: number, signed: boolean, at: number): Val => {
    if (t[0] === "f") return w === 32 ? dv.getFloat32(at, true) : dv.getFloat64(at, true);
    let v = 0n;
    for (let i = w / 8 - 1; i >= 0; i--) v = (v << 8n) | BigInt(dv.getUint8(at + i));
    v = signed ? BigInt.asIntN(w, v) : v;
    return t === "i32" ? Number(BigInt.asIntN(32, v)) : BigInt.asIntN(64, v);
  };
  for (const n of ops) {
    const [, t, kind, width, sign] = n.match(/^(\w+)\.(load|store)(\d+)?(_[su])?$/)!;
    const w = width ? +width : +t.slice(1), signed = sign !== "_u";
    fill();
    if (kind === "load") assert.ok(same(ex[n](5), read(t, w, signed, 8)), `${n}`);
    else {
      const v = { i32: -0x12345679, i64: -0x123456789abcdefn, f32: -1.25, f64: Math.E }[t]!;
      const ref = new DataView(new ArrayBuffer(8)); // the value's low w bits, little-endian
      if (t === "f32") ref.setFloat32(0, v as number, true);
      else if (t === "f64") ref.setFloat64(0, v as number, true);
      else ref.setBigInt64(0, BigInt(v), true);
      ex[n](5, v);
      const got = Array.from({ length: 9 }, (_, i) => dv.getUint8(8 + i));
      const exp = Array.from({ length: 9 }, (_, i) => (i < w / 8 ? ref.getUint8(i) : (0x81 + (8 + i) * 7) & 0xff));
      assert.deepEqual(got, exp, `${n} wrote ${got}`);
    }
  }
});

test("shared memory needs a maximum; memory ops need a memory", () => {
  assert.throws(() => new ModuleBuilder().importMemory("env", "mem", { initial: 1, shared: true }), /maximum/);
  const m = new ModuleBuilder();
  m.addFunction("f", [], ["i32"]).op("memory.size").finish();
  assert.throws(() => m.toBytes(), /no memory/);
});

test("calling an imported JS function; imports after functions are refused", () => {
  const m = new ModuleBuilder();
  const seen: number[] = [];
  const log = m.importFunction("env", "log", ["f64"], []);
  const hyp = m.importFunction("env", "hypot", ["f64", "f64"], ["f64"]);
  const f = m.addFunction("f", ["f64"], ["f64"]);
  f.op("local.get", 0).op("call", log).op("local.get", 0).op("f64.const", 4).op("call", hyp).finish();
  m.exportFunction("f", f.index);
  assert.equal(f.index, 2);
  assert.throws(() => m.importFunction("env", "late", [], []), /after addFunction/);
  const ex = instantiate(m, { env: { log: (x: number) => seen.push(x), hypot: Math.hypot } });
  assert.equal(ex.f(3), 5);
  assert.deepEqual(seen, [3]);
});

test("globals", () => {
  const g = single([], ["f64"], (f) => f.op("f64.const", 2.5).op("global.set", 0).op("global.get", 0).op("global.get", 1).op("f64.add"),
    (m) => { m.addGlobal("f64", true); m.addGlobal("f64", false, 0.25); });
  assert.equal(g(), 2.75);
});

test("trunc_sat saturates instead of trapping", () => {
  const sat = single(["f64"], ["i32"], (f) => f.op("local.get", 0).op("i32.trunc_sat_f64_s"));
  assert.deepEqual([sat(1e20), sat(-1e20), sat(NaN), sat(-7.9)], [2147483647, -2147483648, 0, -7]);
  const sat64 = single(["f32"], ["i64"], (f) => f.op("local.get", 0).op("i64.trunc_sat_f32_u"));
  assert.deepEqual([sat64(-1), sat64(Infinity), sat64(3.5)], [0n, -1n, 3n]);
});

test("SIMD f64x2 add of two vectors in memory", () => {
  const m = new ModuleBuilder();
  m.importMemory("env", "mem", { initial: 1 });
  const f = m.addFunction("vadd", ["i32", "i32", "i32", "i32"], []); // a, b, out, n (n even)
  const i = f.local("i32", "i");
  f.block(null, "done").loop(null, "next");
  f.op("local.get", i).op("local.get", 3).op("i32.ge_u").brIf("done");
  f.op("local.get", 2).op("local.get", i).op("i32.const", 3).op("i32.shl").op("i32.add");
  f.op("local.get", 0).op("local.get", i).op("i32.const", 3).op("i32.shl").op("i32.add").op("v128.load");
  f.op("local.get", 1).op("local.get", i).op("i32.const", 3).op("i32.shl").op("i32.add").op("v128.load", { align: 3 });
  f.op("f64x2.add").op("v128.store");
  f.op("local.get", i).op("i32.const", 2).op("i32.add").op("local.set", i).br("next").end().end().finish();
  m.exportFunction("vadd", f.index);
  const mem = new WebAssembly.Memory({ initial: 1 });
  const a = new Float64Array(mem.buffer, 0, 6), b = new Float64Array(mem.buffer, 64, 6), out = new Float64Array(mem.buffer, 128, 6);
  a.set([1, 2, 3, 4, 5, 6]); b.set([10, 20, 30, 40, 50, 60.5]);
  instantiate(m, { env: { mem } }).vadd(0, 64, 128, 6);
  assert.deepEqual(Array.from(out), [11, 22, 33, 44, 55, 66.5]);
});

test("f64.const keeps -0 and NaN payloads bit-exact", () => {
  const constBits = (x: number): bigint =>
    BigInt.asUintN(64, single([], ["i64"], (f) => f.op("f64.const", x).op("i64.reinterpret_f64"))());
  const fromBits = (b: bigint) => new Float64Array(new BigUint64Array([b]).buffer)[0];
  // Keep NaNs in plain variables: V8 quiets signalling NaNs that pass through JS arrays.
  const payloadNaN = fromBits(0x7ff8000000000abcn), negNaN = fromBits(0xfff8000000000000n);
  const signalling = fromBits(0x7ff4000000000abcn), negPayload = fromBits(0xfffc00000000beefn);
  assert.equal(constBits(payloadNaN), 0x7ff8000000000abcn);
  assert.equal(constBits(negNaN), 0xfff8000000000000n);
  assert.equal(constBits(signalling), 0x7ff4000000000abcn);
  assert.equal(constBits(negPayload), 0xfffc00000000beefn);
  assert.equal(constBits(-0), 1n << 63n);
  assert.equal(constBits(Math.PI), 0x400921fb54442d18n);
  assert.ok(Object.is(single([], ["f64"], (f) => f.op("f64.const", -0))(), -0));
  assert.equal(watFloat(payloadNaN, "f64"), "nan:0x8000000000abc");
  assert.equal(watFloat(signalling, "f64"), "nan:0x4000000000abc");
  assert.equal(watFloat(negNaN, "f64"), "-nan");
  assert.equal(watFloat(NaN, "f64"), "nan");
  assert.equal(watFloat(-0, "f64"), "-0");
  assert.equal(watFloat(-Infinity, "f32"), "-inf");
  assert.equal(watFloat(1e21, "f64"), "1e+21");
});

// ---------------------------------------------------------------------------------------------------
// The checker

test("checker: type mismatch names the function, op and types", () => {
  const f = new ModuleBuilder().addFunction("kernel", ["f64"], ["f64"]);
  f.op("local.get", 0).op("i32.const", 1);
  assert.throws(() => f.op("f64.add"), (e: Error) => /\$kernel/.test(e.message) && /f64\.add/.test(e.message) &&
    e.message.includes("expected [f64 f64] but the stack has [f64 i32]"));
  const g = () => new ModuleBuilder().addFunction("g", [], []);
  assert.throws(() => g().op("i32.eqz"), /i32\.eqz: expected \[i32\] but the stack has \[\] \(1 missing\)/);
  assert.throws(() => g().op("local.get", 3), /no local 3/);
  assert.throws(() => g().op("i32.const", 0).op("f64.load", { align: 4 }), /align 4 > natural 3/);
  assert.throws(() => g().op("v128.const", new Uint8Array(16)).op("f64x2.extract_lane", 2), /bad lane 2/);
  assert.throws(() => g().op("i32.nope" as WasmOp), /unknown instruction/);
  assert.throws(() => g().op("nop", 1), /takes no immediate/);
  assert.throws(() => g().op("i32.const", 1.5), /bad i32/);
  assert.throws(() => g().op("call", 7), /no function 7/);
  assert.throws(() => g().op("f64.const", 1).op("i32.const", 1).op("select"), /select: expected a value/);
  assert.throws(() => g().op("i32.const", 1).op("f64.const", 1).op("i32.const", 1).op("select"), /select: operands differ/);
});

test("checker: unbalanced stacks, blocks and labels", () => {
  const m = new ModuleBuilder();
  const f = m.addFunction("unbalanced", [], ["i32"]);
  f.op("i32.const", 1).op("i32.const", 2);
  assert.throws(() => f.finish(), /\$unbalanced.*end of function.*1 extra value/);
  const g = m.addFunction("empty", [], ["f64"]);
  assert.throws(() => g.finish(), /expected \[f64\] but the stack has \[\]/);
  const h = m.addFunction("blocks", [], []);
  h.block("i32", "outer");
  assert.throws(() => h.end(), /end of block \$outer: expected \[i32\]/);
  assert.throws(() => h.br("nowhere"), /no enclosing label \$nowhere/);
  assert.throws(() => h.br(5), /bad depth 5/);
  assert.throws(() => h.else(), /no open if/);
  h.op("f64.const", 1);
  assert.throws(() => h.br("outer"), /br: expected \[i32\] but the stack has \[f64\]/);
  const k = m.addFunction("ifnoelse", [], []);
  k.op("i32.const", 1).if("i32").op("i32.const", 2);
  assert.throws(() => k.end(), /has no else/);
  const u = m.addFunction("open", [], []);
  u.block();
  assert.throws(() => u.finish(), /1 block\(s\) still open/);
  assert.throws(() => m.toBytes(), /unfinished/);
});

// ---------------------------------------------------------------------------------------------------
// Names, text, speed

test("name section: V8 stack traces show function names", () => {
  const m = new ModuleBuilder();
  const boom = m.addFunction("numbat_kernel_boom", [], []);
  boom.op("unreachable").finish();
  const outer = m.addFunction("outer", [], []);
  outer.op("call", boom.index).finish();
  m.exportFunction("run", outer.index);
  const ex = instantiate(m);
  try { ex.run(); assert.fail("should trap"); } catch (e) {
    assert.ok(e instanceof WebAssembly.RuntimeError);
    assert.match((e as Error).stack!, /numbat_kernel_boom/);
    assert.match((e as Error).stack!, /outer/);
  }
  const bytes = m.toBytes();
  assert.ok(new TextDecoder().decode(bytes).includes("numbat_kernel_boom"));
});

test("toWat prints readable, indented text", () => {
  const m = new ModuleBuilder();
  m.importFunction("env", "log", ["f64"], []);
  m.importMemory("env", "mem", { initial: 1, maximum: 16, shared: true });
  const f = m.addFunction("sum", ["i32", "i32"], ["f64"]);
  f.nameParam(0, "ptr");
  const acc = f.local("f64", "acc");
  f.local("i32");
  f.block(null, "exit").loop(null, "top");
  f.op("local.get", 1).op("i32.eqz").brIf("exit");
  f.op("local.get", acc).op("local.get", 0).op("f64.load", { offset: 8 }).op("f64.add").op("local.set", acc);
  f.op("local.get", 1).op("i32.const", -1).op("i32.add").op("local.set", 1).br(0).end().end();
  f.op("local.get", acc).op("f64.const", -0).op("f64.add").op("f64.const", Infinity).op("f64.min");
  f.op("local.get", 0).op("i32.eqz").if("f64").op("f64.const", 1.5).else().op("f64.const", NaN).end().op("f64.add");
  f.op("local.get", 1).op("drop").finish();
  m.exportFunction("sum", f.index);
  const wat = m.toWat();
  for (const line of [
    "(module",
    '  (import "env" "log" (func $env.log (param f64)))',
    '  (import "env" "mem" (memory 1 16 shared))',
    '  (export "sum" (func $sum))',
    "  (func $sum (param $ptr i32) (param $p1 i32) (result f64)",
    "    (local $acc f64)",
    "    (local $l3 i32)",
    "    block $exit",
    "      loop $top",
    "        br_if $exit",
    "        f64.load offset=8",
    "        br 0",
    "      end",
    "    end",
    "    f64.const -0",
    "    f64.const inf",
    "    if (result f64)",
    "      f64.const 1.5",
    "    else",
    "      f64.const nan",
    "        i32.const -1",
  ]) assert.ok(wat.split("\n").includes(line), `missing line ${JSON.stringify(line)} in\n${wat}`);
  assert.ok(wat.endsWith("  )\n)"));
});

test("building a few thousand instructions is fast", () => {
  const build = () => {
    const m = new ModuleBuilder();
    m.addMemory({ initial: 1 });
    const f = m.addFunction("big", ["i32"], ["f64"]);
    const x = f.local("f64");
    for (let i = 0; i < 1000; i++)
      f.op("local.get", 0).op("f64.load", { offset: 8 * i }).op("local.get", x).op("f64.add").op("local.set", x);
    f.op("local.get", x).finish();
    return m.toBytes();
  };
  for (let i = 0; i < 20; i++) build(); // warm up
  const t0 = performance.now(), N = 50;
  for (let i = 0; i < N; i++) build();
  const ms = (performance.now() - t0) / N;
  assert.ok(WebAssembly.validate(build()));
  assert.ok(ms < 5, `5000 instructions took ${ms.toFixed(3)} ms`);
  console.log(`# encoder: 5000 instructions + toBytes in ${ms.toFixed(3)} ms`);
});
