// Small wasm functions for JS conversions that have no single instruction: ToInt32, index
// conversion, Uint8ClampedArray stores, Math.round and Math.sign; and Math.exp (exp.ts). Emitted only when used.

import type { FunctionBuilder, ValType } from "./encoder.js";
import { emitExp, emitExpLanes } from "./exp.js";

export const HELPERS = {
  f2i32: { params: ["f64"], results: ["i64"] },
  f2idx: { params: ["f64"], results: ["i64"] },
  f2u8c: { params: ["f64"], results: ["i64"] },
  round: { params: ["f64"], results: ["f64"] },
  sign: { params: ["f64"], results: ["f64"] },
  isign: { params: ["i64"], results: ["i64"] },
  exp: { params: ["f64"], results: ["f64"] },
  exp2: { params: ["v128"], results: ["v128"] },
  exp4: { params: ["v128", "v128"], results: ["v128", "v128"] },
} as const satisfies Record<string, { params: readonly ValType[]; results: readonly ValType[] }>;

export type HelperName = keyof typeof HELPERS;

const TWO_32 = 4294967296;

/** Emits helper `name`; `index` gives the function index of another helper it calls (emitted before it). */
export function emitHelper(name: HelperName, fb: FunctionBuilder, index: (h: HelperName) => number): void {
  const x = 0;
  switch (name) {
    case "exp": emitExp(fb); return;
    case "exp2": emitExpLanes(fb, 1, index("exp")); return;
    case "exp4": emitExpLanes(fb, 2, index("exp")); return;
    case "f2i32": {
      // JS ToInt32: NaN/±Inf -> 0; otherwise truncate and wrap modulo 2^32. trunc_sat is exact below 2^63;
      // above it, reduce exactly first: t - floor(t / 2^32) * 2^32 is exact for such large t.
      const t = fb.local("f64", "t");
      fb.op("local.get", x).op("f64.abs").op("f64.const", 2 ** 63).op("f64.lt");
      fb.if("i64");
      fb.op("local.get", x).op("i64.trunc_sat_f64_s");
      fb.else();
      fb.op("local.get", x).op("local.get", x).op("f64.sub").op("f64.const", 0).op("f64.eq"); // finite?
      fb.if("i64");
      fb.op("local.get", x).op("f64.trunc").op("local.tee", t);
      fb.op("local.get", t).op("f64.const", TWO_32).op("f64.div").op("f64.floor").op("f64.const", TWO_32).op("f64.mul").op("f64.sub");
      fb.op("i64.trunc_sat_f64_s");
      fb.else();
      fb.op("i64.const", 0);
      fb.end();
      fb.end();
      fb.op("i32.wrap_i64").op("i64.extend_i32_s");
      return;
    }
    case "f2idx": {
      // An integral value converts exactly; anything else becomes -1, which bounds checks reject.
      const t = fb.local("i64", "t");
      fb.op("local.get", x).op("i64.trunc_sat_f64_s").op("local.tee", t).op("f64.convert_i64_s").op("local.get", x).op("f64.eq");
      fb.if("i64");
      fb.op("local.get", t);
      fb.else();
      fb.op("i64.const", -1);
      fb.end();
      return;
    }
    case "f2u8c": {
      // Round half to even, clamp to 0..255; NaN fails both comparisons and ends as 0.
      const r = fb.local("f64", "r");
      fb.op("local.get", x).op("f64.nearest").op("local.set", r);
      fb.op("local.get", r).op("f64.const", 0).op("local.get", r).op("f64.const", 0).op("f64.gt").op("select").op("local.set", r);
      fb.op("local.get", r).op("f64.const", 255).op("local.get", r).op("f64.const", 255).op("f64.lt").op("select");
      fb.op("i64.trunc_sat_f64_s");
      return;
    }
    case "round": {
      // JS Math.round: halves go up. r = ceil(x); if r - 0.5 > x then r - 1. Keeps -0 and NaN.
      const r = fb.local("f64", "r");
      fb.op("local.get", x).op("f64.ceil").op("local.tee", r).op("f64.const", 1).op("f64.sub");
      fb.op("local.get", r);
      fb.op("local.get", r).op("f64.const", 0.5).op("f64.sub").op("local.get", x).op("f64.gt");
      fb.op("select");
      return;
    }
    case "sign": {
      // 1 for positive, -1 for negative, the argument itself for ±0 and NaN.
      fb.op("f64.const", 1).op("f64.const", -1).op("local.get", x).op("f64.const", 0).op("f64.gt").op("select");
      fb.op("local.get", x);
      fb.op("local.get", x).op("f64.const", 0).op("f64.gt").op("local.get", x).op("f64.const", 0).op("f64.lt").op("i32.or");
      fb.op("select");
      return;
    }
    case "isign": {
      fb.op("local.get", x).op("i64.const", 0).op("i64.gt_s").op("i64.extend_i32_u");
      fb.op("local.get", x).op("i64.const", 0).op("i64.lt_s").op("i64.extend_i32_u");
      fb.op("i64.sub");
      return;
    }
  }
}
