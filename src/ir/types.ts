// The type lattice of numbat's IR: three scalar kinds and array types.
// `int` is a machine integer (i64 in wasm) holding a value that type inference proved an exact JS
// number: an integer within ±2^53 whose -0 cannot be seen (frontend/ranges.ts).

export type ScalarType = "bool" | "int" | "f64";

/**
 * Integer arguments specialise as `int` up to this magnitude (runtime/signature.ts), larger ones as
 * f64: then `i * n + k` with counters below such arguments is provably within ±2^53 (frontend/ranges.ts).
 */
export const SMALL_INT = 2 ** 26;
/** Typed arrays hold at most 2^32 elements (V8's limit; numbat's wasm heap is smaller still). */
export const MAX_LENGTH = 2 ** 32;

/** Element type of an array in memory. Loads widen to `int` or `f64`; stores narrow as JS typed arrays do. */
export type DType = "f64" | "f32" | "i32" | "u32" | "i16" | "u16" | "i8" | "u8" | "u8c";

export interface ArrayType {
  readonly kind: "array";
  readonly dtype: DType;
  readonly ndim: number;
  /** true: an ndarray-protocol object (shape/stride/offset); false: a bare typed array (1-d). */
  readonly nd: boolean;
}

export type Type = ScalarType | ArrayType | "void";

export interface DTypeInfo {
  readonly bytes: number;
  readonly scalar: "int" | "f64";
  readonly ctor: string; // the JS constructor name
  readonly name: string; // the name users write in zeros(shape, name)
}

export const DTYPES = {
  f64: { bytes: 8, scalar: "f64", ctor: "Float64Array", name: "float64" },
  f32: { bytes: 4, scalar: "f64", ctor: "Float32Array", name: "float32" },
  i32: { bytes: 4, scalar: "int", ctor: "Int32Array", name: "int32" },
  u32: { bytes: 4, scalar: "int", ctor: "Uint32Array", name: "uint32" },
  i16: { bytes: 2, scalar: "int", ctor: "Int16Array", name: "int16" },
  u16: { bytes: 2, scalar: "int", ctor: "Uint16Array", name: "uint16" },
  i8: { bytes: 1, scalar: "int", ctor: "Int8Array", name: "int8" },
  u8: { bytes: 1, scalar: "int", ctor: "Uint8Array", name: "uint8" },
  u8c: { bytes: 1, scalar: "int", ctor: "Uint8ClampedArray", name: "uint8c" },
} as const satisfies Record<DType, DTypeInfo>;

export const DTYPE_NAMES = Object.keys(DTYPES) as DType[];

export function dtypeOfCtorName(ctor: string): DType | undefined {
  return DTYPE_NAMES.find((d) => DTYPES[d].ctor === ctor);
}

export function dtypeOfUserName(name: string): DType | undefined {
  return DTYPE_NAMES.find((d) => DTYPES[d].name === name || d === name || DTYPES[d].ctor === name);
}

export function isArray(t: Type): t is ArrayType {
  return typeof t === "object";
}

export function isScalar(t: Type): t is ScalarType {
  return t === "bool" || t === "int" || t === "f64";
}

export function arrayType(dtype: DType, ndim: number, nd: boolean): ArrayType {
  return { kind: "array", dtype, ndim, nd };
}

export function sameType(a: Type, b: Type): boolean {
  if (isArray(a) && isArray(b)) return a.dtype === b.dtype && a.ndim === b.ndim && a.nd === b.nd;
  return a === b;
}

/** Element scalar type read from an array. */
export function elemType(t: ArrayType): "int" | "f64" {
  return DTYPES[t.dtype].scalar;
}

export function typeToString(t: Type): string {
  if (isArray(t)) return t.nd ? `ndarray<${DTYPES[t.dtype].name},${t.ndim}>` : DTYPES[t.dtype].ctor;
  return t;
}

/** Numba-style unification of numbers: int ⊔ f64 = f64. Returns undefined where no join exists. */
export function joinTypes(a: Type | undefined, b: Type): Type | undefined {
  if (a === undefined) return b;
  if (sameType(a, b)) return a;
  if ((a === "int" && b === "f64") || (a === "f64" && b === "int")) return "f64";
  return undefined;
}
