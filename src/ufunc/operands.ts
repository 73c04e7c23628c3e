// The values a universal function accepts, normalised to one shape: numbers (and booleans, and 0-d
// arrays) are scalars; typed arrays and ndarray-protocol objects are strided arrays; plain JS arrays
// are copied into numbat's heap first. Also NumPy's dtype promotion for the arrays of one call.

import { lengthOf, typedArrayTag } from "../runtime/intrinsics.js";
import { DTYPES, dtypeOfCtorName, type DType } from "../ir/types.js";
import { array, empty, isNdArrayLike, type NdArray, type TypedArray } from "../runtime/ndarray.js";
import { protocolArgs } from "../runtime/ndarray-protocols.js";

/** An @stdlib/ndarray object (`strides`) as a view with scijs's field names over its data; anything else as it is. */
export function protocolView(x: unknown, where: string): unknown {
  return protocolArgs([x], () => "", where).args[0];
}

export interface ScalarOperand {
  readonly kind: "scalar";
  readonly value: number | boolean;
}

export interface ArrayOperand {
  readonly kind: "array";
  readonly data: TypedArray;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
  /** A bare typed array (not an ndarray-protocol object). */
  readonly bare: boolean;
}

export type Operand = ScalarOperand | ArrayOperand;

/** From the array's internal slot (runtime/intrinsics.ts), not its overridable toStringTag. */
export function dtypeOf(x: unknown): DType | undefined {
  const tag = typedArrayTag(x);
  return tag === undefined ? undefined : dtypeOfCtorName(tag);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (typedArrayTag(x) !== undefined) return `a ${typedArrayTag(x)}`;
  if (ArrayBuffer.isView(x)) return "a DataView";
  if (typeof x === "object") return `an object (${Object.prototype.toString.call(x)})`;
  return `a ${typeof x}`;
}

/** `x` as an operand; `where` names it in errors ("vectorize(f): argument 2"). */
export function toOperand(x: unknown, where: string): Operand {
  if (typeof x === "number" || typeof x === "boolean") return { kind: "scalar", value: x };
  x = protocolView(x, where);
  const dt = dtypeOf(x);
  if (dt) {
    const a = x as TypedArray;
    return { kind: "array", data: a, dtype: dt, shape: [lengthOf(a)], stride: [1], offset: 0, bare: true }; // its real length
  }
  if (isNdArrayLike(x)) {
    if (x.shape.length === 0) return { kind: "scalar", value: x.data[x.offset]! };
    return { kind: "array", data: x.data, dtype: dtypeOf(x.data)!, shape: x.shape, stride: x.stride, offset: x.offset, bare: false };
  }
  if (Array.isArray(x)) return toOperand(array(x as never), where);
  throw new TypeError(`${where} is ${describe(x)}; expected a number, a typed array or an n-d array (data, shape, stride, offset)`);
}

const SIGNED: readonly DType[] = ["i8", "i16", "i32"];
const bits = (d: DType): number => DTYPES[d].bytes * 8;
const isFloat = (d: DType): boolean => d === "f64" || d === "f32";

/** NumPy's promote_types over numbat's dtypes (int64, which numbat lacks, becomes float64, which holds every JS integer result exactly up to 2^53). */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === "u8c") a = "u8";
  if (b === "u8c") b = "u8";
  if (a === b) return a;
  if (isFloat(a) || isFloat(b)) {
    if (a === "f64" || b === "f64") return "f64";
    const int = isFloat(a) ? b : a; // f32 with an integer type: exact in f32 up to 16 bits
    return bits(int) <= 16 ? "f32" : "f64";
  }
  const sa = SIGNED.includes(a), sb = SIGNED.includes(b);
  if (sa === sb) return bits(a) >= bits(b) ? a : b;
  const [s, u] = sa ? [a, b] : [b, a];
  if (bits(u) < bits(s)) return s;
  return SIGNED.find((d) => bits(d) > bits(u)) ?? "f64";
}

/** The dtype of a result: the scalar function's result type, narrowed as NumPy would for the promoted input dtype (f32 stays f32, integers stay integers). */
export function resultDType(ret: "int" | "f64" | "bool", inputs: DType | undefined): DType {
  if (ret === "bool") return "u8";
  if (ret === "int") return inputs !== undefined && !isFloat(inputs) ? inputs : "f64";
  return inputs === "f32" ? "f32" : "f64";
}

export function promoteAll(ops: readonly Operand[]): DType | undefined {
  let p: DType | undefined;
  for (const o of ops) if (o.kind === "array") p = p === undefined ? o.dtype : promote(p, o.dtype);
  return p;
}

/** A fresh C-ordered result in numbat's heap. */
export function allocate(shape: readonly number[], dtype: DType): NdArray {
  return empty(shape.slice(), dtype);
}

