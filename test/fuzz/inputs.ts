// Kernel inputs for the fuzzer: what each parameter is (ParamSpec, chosen by the generator together
// with the program), concrete values (Inputs, drawn from a seed, JSON-encodable so the regression
// corpus can store them), and `buildArgs`, which makes a fresh, identical argument list for every run
// (plain JS and each jitted configuration get their own copies).

import { createRequire } from "node:module";
import { array, NdArray } from "../../src/index.js";
import type { Rng } from "../harness.js";

const require = createRequire(import.meta.url);
interface SciNd { data: ArrayLike<number>; shape: number[]; stride: number[]; offset: number; transpose(...axes: number[]): SciNd; step(...s: number[]): SciNd }
/** scijs ndarray (no type declarations shipped). */
const ndarray = require("ndarray") as (data: ArrayLike<number>, shape?: number[], stride?: number[], offset?: number) => SciNd;

export type FloatDType = "Float64Array" | "Float32Array";
export type IntDType = "Int32Array" | "Uint32Array" | "Int16Array" | "Uint16Array" | "Int8Array" | "Uint8Array" | "Uint8ClampedArray";
export type DType = FloatDType | IntDType;

export const FLOAT_DTYPES: readonly FloatDType[] = ["Float64Array", "Float32Array"];
export const INT_DTYPES: readonly IntDType[] = ["Int32Array", "Uint32Array", "Int16Array", "Uint16Array", "Int8Array", "Uint8Array", "Uint8ClampedArray"];

/** Largest |element| of an integer dtype (the kind-"i" bound of a load). */
export const INT_DTYPE_BOUND: Record<IntDType, number> = {
  Int32Array: 2 ** 31, Uint32Array: 2 ** 32, Int16Array: 2 ** 15, Uint16Array: 2 ** 16, Int8Array: 128, Uint8Array: 255, Uint8ClampedArray: 255,
};
const INT_RANGE: Record<IntDType, [number, number]> = {
  Int32Array: [-(2 ** 31), 2 ** 31 - 1], Uint32Array: [0, 2 ** 32 - 1], Int16Array: [-(2 ** 15), 2 ** 15 - 1], Uint16Array: [0, 2 ** 16 - 1],
  Int8Array: [-128, 127], Uint8Array: [0, 255], Uint8ClampedArray: [0, 255],
};
const ND_DTYPE_NAME: Record<DType, string> = {
  Float64Array: "float64", Float32Array: "float32", Int32Array: "int32", Uint32Array: "uint32", Int16Array: "int16",
  Uint16Array: "uint16", Int8Array: "int8", Uint8Array: "uint8", Uint8ClampedArray: "uint8c",
};

export const isFloatDType = (d: DType): d is FloatDType => d === "Float64Array" || d === "Float32Array";

export type ParamSpec =
  /** A number; when it is an integer, |value| <= bound (so the generator can bound integer arithmetic). */
  | { k: "num"; bound: number }
  | { k: "bool" }
  /** A typed array of length lens[len]; heap: allocated by numbat (zero-copy) instead of a plain typed array. */
  | { k: "ta"; dtype: DType; len: string; heap: boolean }
  /** A 2-d array of shape [dims[d0], dims[d1]] (after the view is applied). */
  | { k: "nd"; dtype: DType; d0: string; d1: string; maker: "numbat" | "scijs"; view: "none" | "T" | "flip" }
  /** The very same object as parameter `of`. */
  | { k: "alias"; of: number };

/** Numbers encoded for JSON: finite non-(-0) numbers as themselves, the rest as strings. */
export type Enc = number | "NaN" | "-0" | "Infinity" | "-Infinity";

export function enc(x: number): Enc {
  if (Number.isNaN(x)) return "NaN";
  if (Object.is(x, -0)) return "-0";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return x;
}

export function dec(x: Enc | boolean): number {
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  return x === "NaN" ? NaN : x === "-0" ? -0 : x === "Infinity" ? Infinity : -Infinity;
}

export interface Inputs {
  lens: Record<string, number>;
  dims: Record<string, number>;
  /** One entry per parameter: a number, a boolean, the elements of an array (row-major for "nd", before the view), or null for an alias. */
  values: (Enc | boolean | Enc[] | null)[];
}

// ---------------------------------------------------------------------------------------------------
// Drawing values

const FLOAT_EDGES = [
  NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1,
  2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), 1.5, -1.5, 0.5, -0.5, 2.5, 1e308, -1e308, 1, -1, 3, 0.1, 1e-7,
];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

function randFloat(rng: Rng): number {
  const r = rng();
  if (r < 0.25) return pick(rng, FLOAT_EDGES);
  if (r < 0.5) return Math.round((rng() * 2 - 1) * 20);
  if (r < 0.8) return (rng() * 2 - 1) * 10;
  return (rng() < 0.5 ? -1 : 1) * 10 ** ((rng() * 2 - 1) * 30);
}

function randInt(rng: Rng, d: IntDType): number {
  const [lo, hi] = INT_RANGE[d];
  const r = rng();
  if (r < 0.15) return pick(rng, [lo, hi, 0, 1, hi === 255 ? 128 : -1]);
  if (r < 0.6) return Math.max(lo, Math.min(hi, Math.round((rng() * 2 - 1) * 16)));
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function randNum(rng: Rng, bound: number): number {
  const r = rng();
  if (r < 0.45) return Math.floor(rng() * 33) - 8; // small integers, loop-bound sized
  // (2^26 is where integer arguments stop being typed int: runtime/signature.ts.)
  if (r < 0.6) return pick(rng, [0, 1, -1, 2, 7, 2 ** 26, 2 ** 26 + 1, -(2 ** 26) - 1, 3e9, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 2 ** 32 - 1].filter((v) => Math.abs(v) <= bound));
  if (r < 0.75) return Math.round((rng() * 2 - 1) * Math.min(bound, 2 ** 40));
  // Floats (and integers beyond 2^53, which are floats to numbat too): the parameter is typed f64.
  return pick(rng, [NaN, -0, Infinity, -Infinity, 5e-324, 1.5, -2.5, 0.1, 1e300, 2 ** 53 + 2, 2 ** 63, -(2 ** 70), Math.round(rng() * 1e4) / 100 + 0.001]);
}

function values(rng: Rng, dtype: DType, n: number): Enc[] {
  const out: Enc[] = [];
  for (let i = 0; i < n; i++) out.push(enc(isFloatDType(dtype) ? randFloat(rng) : randInt(rng, dtype)));
  return out;
}

/** Concrete values for `params`; lengths and dims (0 now and then: empty arrays) are shared by name. */
export function drawInputs(rng: Rng, params: readonly ParamSpec[], lenMax = 24, dimMax = 6): Inputs {
  const lens: Record<string, number> = {};
  const dims: Record<string, number> = {};
  const size = (table: Record<string, number>, key: string, max: number) => {
    if (!(key in table)) {
      const r = rng();
      table[key] = r < 0.08 ? 0 : r < 0.16 ? 1 : 1 + Math.floor(rng() * max);
    }
    return table[key]!;
  };
  const vals: Inputs["values"] = params.map((p) => {
    switch (p.k) {
      case "num": return enc(randNum(rng, p.bound));
      case "bool": return rng() < 0.5;
      case "ta": return values(rng, p.dtype, size(lens, p.len, lenMax));
      case "nd": return values(rng, p.dtype, size(dims, p.d0, dimMax) * size(dims, p.d1, dimMax));
      case "alias": return null;
    }
  });
  return { lens, dims, values: vals };
}

// ---------------------------------------------------------------------------------------------------
// Building arguments

const CTORS: Record<DType, new (xs: number[]) => ArrayLike<number>> = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
};

/** A fresh argument list; every call builds equal, independent objects (aliases share one object). */
export function buildArgs(params: readonly ParamSpec[], inputs: Inputs): unknown[] {
  const args: unknown[] = [];
  params.forEach((p, i) => {
    const v = inputs.values[i];
    switch (p.k) {
      case "num": args.push(dec(v as Enc)); return;
      case "bool": args.push(v === true); return;
      case "alias": args.push(args[p.of]); return;
      case "ta": {
        const xs = (v as Enc[]).map(dec);
        args.push(p.heap ? array(new CTORS[p.dtype](xs) as never).data : new CTORS[p.dtype](xs));
        return;
      }
      case "nd": {
        const xs = (v as Enc[]).map(dec);
        const m = inputs.dims[p.d0]!, n = inputs.dims[p.d1]!;
        // The base array has the shape that the view turns into [m, n].
        const base = p.view === "T" ? [n, m] : [m, n];
        // Flipping an empty array negates a 0 stride into -0 (scijs and numbat alike), which a kernel
        // reading A.stride sees as -0 and numbat as the integer 0 (semantics.md, "-0"): not flipped.
        const flip = p.view === "flip" && m * n > 0;
        if (p.maker === "numbat") {
          const data = array(new CTORS[p.dtype](xs) as never, ND_DTYPE_NAME[p.dtype] as never).data;
          const nd = new NdArray(data, base);
          args.push(p.view === "T" ? nd.T : flip ? nd.step(-1, 1) : nd);
        } else {
          const nd = ndarray(new CTORS[p.dtype](xs), base);
          args.push(p.view === "T" ? nd.transpose(1, 0) : flip ? nd.step(-1, 1) : nd);
        }
        return;
      }
    }
  });
  return args;
}

/** Plain-JS source of the inputs (for reproducers in reports). */
export function describeInputs(params: readonly ParamSpec[], inputs: Inputs): string {
  const num = (e: Enc) => (typeof e === "number" ? String(e) : e);
  return params.map((p, i) => {
    const v = inputs.values[i];
    switch (p.k) {
      case "num": return num(v as Enc);
      case "bool": return String(v);
      case "alias": return `<same object as argument ${p.of}>`;
      case "ta": return `${p.heap ? "array(" : ""}new ${p.dtype}([${(v as Enc[]).map(num).join(", ")}])${p.heap ? ").data" : ""}`;
      case "nd": {
        const m = inputs.dims[p.d0]!, n = inputs.dims[p.d1]!;
        const base = p.view === "T" ? [n, m] : [m, n];
        const mk = p.maker === "numbat" ? `new NdArray(array(new ${p.dtype}([${(v as Enc[]).map(num).join(", ")}])).data, [${base}])` : `ndarray(new ${p.dtype}([${(v as Enc[]).map(num).join(", ")}]), [${base}])`;
        return mk + (p.view === "T" ? (p.maker === "numbat" ? ".T" : ".transpose(1, 0)") : p.view === "flip" ? ".step(-1, 1)" : "");
      }
    }
  }).join(",\n  ");
}
