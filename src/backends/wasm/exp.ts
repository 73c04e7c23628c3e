// Math.exp as V8 computes it (fdlibm's e_exp.c, as adapted in V8's base/ieee754.cc), in wasm, so
// that kernels can run it inline instead of calling out to the engine. Every operation is the same
// IEEE operation in the same order as V8's C code, so the result is the engine's to the last bit;
// `expMatchesEngine` checks that on this engine before the compiler relies on it (runtime/probe).
//
// Method: x = k ln2 + r with |r| <= ln2/2 (r = hi - lo carried in two parts), a degree-5 rational
// approximation of exp(r), then a multiplication by 2^k.

import { type FunctionBuilder, ModuleBuilder } from "./encoder.js";

/** The constants of fdlibm's exp (decimal forms of the C source's hexadecimal words). */
export const EXP_CONST = {
  oThreshold: 7.09782712893383973096e2,
  uThreshold: -7.45133219101941108420e2,
  ln2Hi: 6.93147180369123816490e-1,
  ln2Lo: 1.90821492927058770002e-10,
  invLn2: 1.44269504088896338700,
  p1: 1.66666666666666019037e-1,
  p2: -2.77777777770155933842e-3,
  p3: 6.61375632143793436117e-5,
  p4: -1.65339022054652515390e-6,
  p5: 4.13813679705723846039e-8,
  twoM1000: 9.33263618503218878990e-302,
  two1023: 8.988465674311579539e307,
} as const;

/** High words of |x| that select the branches (fdlibm compares the top 32 bits of x). */
const HX_OVERFLOW = 0x40862e42; // |x| >= 709.78...
const HX_NONFINITE = 0x7ff00000;
const HX_HALF_LN2 = 0x3fd62e42; // |x| > ln2 / 2: reduce
const HX_3HALF_LN2 = 0x3ff0a2b2; // |x| < 3 ln2 / 2: k = +-1
const HX_TINY = 0x3e300000; // |x| < 2^-28: 1 + x

/** Body of `(func (param $x f64) (result f64))`: exp(x), bit for bit V8's Math.exp. */
export function emitExp(fb: FunctionBuilder): void {
  const C = EXP_CONST;
  const x = 0;
  const hx = fb.local("i32", "hx"), neg = fb.local("i32", "neg"), k = fb.local("i32", "k");
  const hi = fb.local("f64", "hi"), lo = fb.local("f64", "lo"), t = fb.local("f64", "t"), c = fb.local("f64", "c"), y = fb.local("f64", "y");
  const retIf = (emitCond: () => void, emitValue: () => void) => {
    emitCond();
    fb.if();
    emitValue();
    fb.op("return");
    fb.end();
  };
  // hx = high word of x; neg = its sign bit; hx &= 0x7fffffff
  fb.op("local.get", x).op("i64.reinterpret_f64").op("i64.const", 32).op("i64.shr_u").op("i32.wrap_i64").op("local.tee", hx);
  fb.op("i32.const", 31).op("i32.shr_u").op("local.set", neg);
  fb.op("local.get", hx).op("i32.const", 0x7fffffff).op("i32.and").op("local.set", hx);

  // Non-finite and out-of-range arguments.
  fb.op("local.get", hx).op("i32.const", HX_OVERFLOW).op("i32.ge_u");
  fb.if();
  retIf(() => fb.op("local.get", x).op("local.get", x).op("f64.ne"), () => fb.op("local.get", x).op("local.get", x).op("f64.add")); // NaN
  retIf(() => fb.op("local.get", hx).op("i32.const", HX_NONFINITE).op("i32.ge_u"), () => // exp(+Inf) = Inf, exp(-Inf) = 0
    fb.op("f64.const", 0).op("local.get", x).op("local.get", neg).op("select"));
  retIf(() => fb.op("local.get", x).op("f64.const", C.oThreshold).op("f64.gt"), () => fb.op("f64.const", Infinity));
  retIf(() => fb.op("local.get", x).op("f64.const", C.uThreshold).op("f64.lt"), () => fb.op("f64.const", 0));
  fb.end();

  // Argument reduction: k, hi, lo with x = k ln2 + (hi - lo).
  fb.op("local.get", hx).op("i32.const", HX_HALF_LN2).op("i32.gt_u");
  fb.if();
  {
    fb.op("local.get", hx).op("i32.const", HX_3HALF_LN2).op("i32.lt_u");
    fb.if();
    retIf(() => fb.op("local.get", x).op("f64.const", 1).op("f64.eq"), () => fb.op("f64.const", Math.E)); // V8 special-cases exp(1)
    fb.op("local.get", x).op("f64.const", -C.ln2Hi).op("f64.const", C.ln2Hi).op("local.get", neg).op("select").op("f64.sub").op("local.set", hi);
    fb.op("f64.const", -C.ln2Lo).op("f64.const", C.ln2Lo).op("local.get", neg).op("select").op("local.set", lo);
    fb.op("i32.const", 1).op("local.get", neg).op("i32.const", 1).op("i32.shl").op("i32.sub").op("local.set", k);
    fb.else();
    fb.op("f64.const", C.invLn2).op("local.get", x).op("f64.mul");
    fb.op("f64.const", -0.5).op("f64.const", 0.5).op("local.get", neg).op("select").op("f64.add");
    fb.op("i32.trunc_f64_s").op("local.tee", k).op("f64.convert_i32_s").op("local.set", t);
    fb.op("local.get", x).op("local.get", t).op("f64.const", C.ln2Hi).op("f64.mul").op("f64.sub").op("local.set", hi);
    fb.op("local.get", t).op("f64.const", C.ln2Lo).op("f64.mul").op("local.set", lo);
    fb.end();
    fb.op("local.get", hi).op("local.get", lo).op("f64.sub").op("local.set", x);
  }
  fb.else();
  retIf(() => fb.op("local.get", hx).op("i32.const", HX_TINY).op("i32.lt_u"), () => fb.op("f64.const", 1).op("local.get", x).op("f64.add"));
  fb.end();

  // t = x^2; c = x - t (P1 + t (P2 + t (P3 + t (P4 + t P5))))
  fb.op("local.get", x).op("local.get", x).op("f64.mul").op("local.set", t);
  fb.op("local.get", x).op("local.get", t);
  fb.op("f64.const", C.p1).op("local.get", t).op("f64.const", C.p2).op("local.get", t).op("f64.const", C.p3);
  fb.op("local.get", t).op("f64.const", C.p4).op("local.get", t).op("f64.const", C.p5).op("f64.mul");
  fb.op("f64.add").op("f64.mul").op("f64.add").op("f64.mul").op("f64.add").op("f64.mul").op("f64.add").op("f64.mul");
  fb.op("f64.sub").op("local.set", c);

  // k = 0: 1 - ((x c) / (c - 2) - x)
  retIf(() => fb.op("local.get", k).op("i32.eqz"), () => {
    fb.op("f64.const", 1).op("local.get", x).op("local.get", c).op("f64.mul").op("local.get", c).op("f64.const", 2).op("f64.sub").op("f64.div");
    fb.op("local.get", x).op("f64.sub").op("f64.sub");
  });
  // y = 1 - ((lo - (x c) / (2 - c)) - hi)
  fb.op("f64.const", 1).op("local.get", lo).op("local.get", x).op("local.get", c).op("f64.mul");
  fb.op("f64.const", 2).op("local.get", c).op("f64.sub").op("f64.div").op("f64.sub");
  fb.op("local.get", hi).op("f64.sub").op("f64.sub").op("local.set", y);
  // Scale by 2^k: twopk built from its exponent bits; two steps where 2^k alone is not a normal double.
  const twoTo = (bias: number) => fb.op("local.get", k).op("i32.const", 0x3ff + bias).op("i32.add").op("i64.extend_i32_u").op("i64.const", 52).op("i64.shl").op("f64.reinterpret_i64");
  retIf(() => fb.op("local.get", k).op("i32.const", 1024).op("i32.eq"), () => fb.op("local.get", y).op("f64.const", 2).op("f64.mul").op("f64.const", C.two1023).op("f64.mul"));
  retIf(() => fb.op("local.get", k).op("i32.const", -1021).op("i32.ge_s"), () => { fb.op("local.get", y); twoTo(0); fb.op("f64.mul"); });
  fb.op("local.get", y);
  twoTo(1000);
  fb.op("f64.mul").op("f64.const", C.twoM1000).op("f64.mul");
}

/** |x| bounds of the two-lane fast path: every branch there is one of the three ordinary reductions. */
const FAST_MIN = 2 ** -28; // below: exp(x) = 1 + x
const FAST_MAX = 708; // below: 2^k is a normal double and k < 1024

/**
 * Body of `(func (param v128 × parts) (result v128 × parts))`: exp of every f64 lane, each bit for bit
 * `emitExp`, with one formula for the three reductions of the scalar code when every |x| lies in
 * [2^-28, 708) (not NaN); otherwise every lane goes to the scalar function `scalarExp`. Why one formula:
 * - for ln2/2 < |x| < 3 ln2/2 the scalar code sets k = +-1, hi = x -+ ln2Hi, lo = +-ln2Lo; the general
 *   reduction k = trunc(x/ln2 +- 1/2) gives the same k there (|x| stays 1e-9 inside both ends, far
 *   beyond the product's rounding error) and then k ln2Hi, k ln2Lo are exactly +-ln2Hi, +-ln2Lo;
 * - without reduction (|x| below the double whose high word is 0x3fd62e43) the scalar code computes
 *   1 - ((x c) / (c - 2) - x); with k = 0 (forced there) the general form has hi = x, lo = +-0 and
 *   (lo - (x c) / (2 - c)) = (x c) / (c - 2) exactly, and 2^0 = 1.
 * exp is one long chain of dependent operations: the registers' chains are interleaved, one
 * instruction of each in turn, so that the processor overlaps them.
 */
export function emitExpLanes(fb: FunctionBuilder, parts: number, scalarExp: number): void {
  const C = EXP_CONST;
  const P = Array.from({ length: parts }, (_, p) => p);
  const locals = (name: string) => P.map((p) => fb.local("v128", `${name}${p}`));
  const ax = locals("ax"), k = locals("k"), hi = locals("hi"), lo = locals("lo"), r = locals("r"), t = locals("t"), c = locals("c"), q = locals("q");
  const splat = (v: number) => fb.op("f64.const", v).op("f64x2.splat");
  const fromHighWord = (w: number) => new Float64Array(new BigUint64Array([BigInt(w) << 32n]).buffer)[0]!;
  /** Runs `step` for every register: the same instruction sequence for each, one after the other. */
  const each = (step: (p: number) => void) => P.forEach(step);

  each((p) => fb.op("local.get", p).op("f64x2.abs").op("local.set", ax[p]!));
  each((p) => {
    fb.op("local.get", ax[p]!);
    splat(FAST_MIN).op("f64x2.ge").op("local.get", ax[p]!);
    splat(FAST_MAX).op("f64x2.lt").op("v128.and");
    if (p > 0) fb.op("v128.and");
  });
  fb.op("i64x2.all_true").op("i32.eqz");
  fb.if();
  // Lane by lane with the scalar code.
  each((p) => {
    fb.op("local.get", p).op("f64x2.extract_lane", 0).op("call", scalarExp).op("f64x2.splat");
    fb.op("local.get", p).op("f64x2.extract_lane", 1).op("call", scalarExp).op("f64x2.replace_lane", 1);
  });
  fb.op("return");
  fb.end();
  // k = trunc(x/ln2 + copysign(1/2, x)) where |x| reaches the high word 0x3fd62e43, else 0
  each((p) => {
    fb.op("local.get", p);
    splat(C.invLn2).op("f64x2.mul");
    splat(0.5).op("local.get", p);
    splat(-0).op("v128.and").op("v128.or").op("f64x2.add").op("f64x2.trunc");
    splat(0).op("local.get", ax[p]!);
    splat(fromHighWord(HX_HALF_LN2 + 1)).op("f64x2.ge").op("v128.bitselect").op("local.set", k[p]!);
  });
  // hi = x - k ln2Hi, lo = k ln2Lo, r = hi - lo
  each((p) => { fb.op("local.get", p).op("local.get", k[p]!); splat(C.ln2Hi).op("f64x2.mul").op("f64x2.sub").op("local.set", hi[p]!); });
  each((p) => { fb.op("local.get", k[p]!); splat(C.ln2Lo).op("f64x2.mul").op("local.set", lo[p]!); });
  each((p) => fb.op("local.get", hi[p]!).op("local.get", lo[p]!).op("f64x2.sub").op("local.set", r[p]!));
  // t = r^2; c = r - t (P1 + t (P2 + t (P3 + t (P4 + t P5)))), Horner step by step
  each((p) => fb.op("local.get", r[p]!).op("local.get", r[p]!).op("f64x2.mul").op("local.set", t[p]!));
  each((p) => { fb.op("local.get", t[p]!); splat(C.p5).op("f64x2.mul"); splat(C.p4).op("f64x2.add").op("local.set", c[p]!); });
  for (const coef of [C.p3, C.p2, C.p1]) each((p) => { fb.op("local.get", t[p]!).op("local.get", c[p]!).op("f64x2.mul"); splat(coef).op("f64x2.add").op("local.set", c[p]!); });
  each((p) => fb.op("local.get", r[p]!).op("local.get", t[p]!).op("local.get", c[p]!).op("f64x2.mul").op("f64x2.sub").op("local.set", c[p]!));
  // q = (r c) / (2 - c)
  each((p) => { fb.op("local.get", r[p]!).op("local.get", c[p]!).op("f64x2.mul"); splat(2).op("local.get", c[p]!).op("f64x2.sub").op("f64x2.div").op("local.set", q[p]!); });
  // (1 - ((lo - q) - hi)) 2^k, 2^k from the exponent bits (k + 1023) << 52; V8 returns Math.E for
  // exp(1) exactly. The results are left on the stack in register order.
  each((p) => {
    splat(1).op("local.get", lo[p]!).op("local.get", q[p]!).op("f64x2.sub").op("local.get", hi[p]!).op("f64x2.sub").op("f64x2.sub");
    fb.op("local.get", k[p]!).op("i32x4.trunc_sat_f64x2_s_zero").op("i64x2.extend_low_i32x4_s");
    fb.op("i64.const", 1023).op("i64x2.splat").op("i64x2.add").op("i32.const", 52).op("i64x2.shl").op("f64x2.mul");
    splat(Math.E);
    fb.op("local.get", p);
    splat(1).op("f64x2.ne").op("v128.bitselect");
  });
}

// ---- the check against the engine ----

let engineAgrees: boolean | undefined;

/**
 * Whether the inline exp gives the engine's Math.exp bit for bit on probe inputs: special values, the
 * edges of every branch, and a deterministic sweep of [-746, 710]. Engines that compute exp another way
 * (a system libm, a fused multiply-add in the C build) fail it, and kernels keep calling Math.exp.
 */
export function expMatchesEngine(): boolean {
  if (engineAgrees !== undefined) return engineAgrees;
  // NUMBAT_INLINE_EXP=0: always call the engine's Math.exp (a way to rule this out, and to test that path).
  if (typeof process !== "undefined" && process.env?.NUMBAT_INLINE_EXP === "0") return (engineAgrees = false);
  try {
    const mb = new ModuleBuilder();
    const fb = mb.addFunction("$exp", ["f64"], ["f64"]);
    emitExp(fb);
    fb.finish();
    mb.exportFunction("exp", fb.index);
    const wasm = (globalThis as unknown as { WebAssembly: { Instance: new (m: unknown, i: object) => { exports: Record<string, Function> }; Module: new (b: Uint8Array) => unknown } }).WebAssembly;
    const exp = new wasm.Instance(new wasm.Module(mb.toBytes()), {}).exports.exp as (v: number) => number;
    engineAgrees = expProbes().every((v) => Object.is(exp(v), Math.exp(v)));
  } catch {
    engineAgrees = false;
  }
  return engineAgrees;
}

/** Inputs the check runs on (exported for the tests, which run many more). */
export function expProbes(): number[] {
  const edges = [0, -0, 1, -1, NaN, Infinity, -Infinity, 2 ** -28, -(2 ** -28), 2 ** -1074, 0.5 * Math.LN2, 1.5 * Math.LN2,
    -0.5 * Math.LN2, -1.5 * Math.LN2, EXP_CONST.oThreshold, EXP_CONST.uThreshold, 709.78, 709.7, -708.4, -708.39, -709.1, -745.1, 1e-300, 700, -700];
  const out = edges.flatMap((v) => [v, nextUp(v), nextDown(v)]);
  let s = 0x9e3779b9;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < 2000; i++) out.push(-746 + 1456 * rand(), (rand() - 0.5) * 4, (rand() - 0.5) * 2 ** -20);
  return out;
}

const bits = new Float64Array(1), words = new BigInt64Array(bits.buffer);
function nextUp(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  bits[0] = v;
  words[0]! += v > 0 ? 1n : -1n;
  return bits[0]!;
}
function nextDown(v: number): number {
  return -nextUp(-v);
}
