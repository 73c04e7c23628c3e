// Dense row-major arrays (a flat typed array and a shape: what tensor libraries hold) to and from
// what numbat kernels take and return. Shared by numbat/tfjs and numbat/jax.

import { NdArray, type TypedArray } from "../runtime/ndarray.js";

/** A tensor's elements in row-major order, with its shape. */
export interface Dense {
  readonly data: TypedArray;
  readonly shape: readonly number[];
}

/** What a kernel receives for a dense array: a number (rank 0), a typed array (rank 1), an n-d view. No copy. */
export function kernelArg({ data, shape }: Dense): number | TypedArray | NdArray {
  if (shape.length === 0) return data[0]!;
  if (shape.length === 1) return data;
  return new NdArray(data, [...shape]);
}

interface NdResult { readonly data: TypedArray; readonly shape: readonly number[]; readonly stride: readonly number[]; readonly offset: number }

const isNd = (x: unknown): x is NdResult =>
  typeof x === "object" && x !== null && !ArrayBuffer.isView(x) && ArrayBuffer.isView((x as NdResult).data) && Array.isArray((x as NdResult).shape);

/** True when `a` covers its data exactly in row-major order (then its data is the dense array, uncopied). */
function isDenseRowMajor(a: NdResult): boolean {
  let expect = 1;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    if (a.shape[d] !== 1 && a.stride[d] !== expect) return false;
    expect *= a.shape[d]!;
  }
  return a.offset === 0 && a.data.length === expect;
}

/**
 * A kernel's result (or a derivative) as a dense array: numbers become rank 0, typed arrays rank 1, and
 * n-d arrays keep their data when it is already dense row-major; other views are gathered into a copy.
 */
export function denseOf(x: unknown, what: string): Dense {
  if (typeof x === "number") return { data: new Float64Array([x]), shape: [] };
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return { data: x as TypedArray, shape: [(x as TypedArray).length] };
  if (!isNd(x)) throw new TypeError(`${what} returned ${x === undefined ? "nothing" : typeof x}; it must return a number or an array`);
  if (isDenseRowMajor(x)) return { data: x.data, shape: [...x.shape] };
  const size = x.shape.reduce((a, b) => a * b, 1);
  const out = new (x.data.constructor as new (n: number) => TypedArray)(size);
  const idx = new Array<number>(x.shape.length).fill(0);
  for (let k = 0; k < size; k++) {
    let p = x.offset;
    for (let d = 0; d < idx.length; d++) p += idx[d]! * x.stride[d]!;
    out[k] = x.data[p]!;
    for (let d = idx.length - 1; d >= 0 && ++idx[d]! === x.shape[d]; d--) idx[d] = 0;
  }
  return { data: out, shape: [...x.shape] };
}
