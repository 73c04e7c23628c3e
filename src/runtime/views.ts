// n-d array arguments, read once and checked, for every backend that indexes memory directly.
//
// The ndarray protocol's fields are ordinary properties: getters, Proxies and arrays of numbers that
// change between two reads. So each field is read exactly once, into a snapshot that the check and the
// call both use (checking one read and calling with another would let a view reach outside its data).

import { DTYPES, isArray, type ArrayType, type Type } from "../ir/types.js";
import { lengthOf, typedArrayTag } from "./intrinsics.js";

/** An n-d argument as read once: the typed array and plain copies of its shape and stride. */
export interface NdView {
  readonly data: ArrayBufferView & { readonly length: number };
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
}

/** `n` numbers from `list` (an Array, or a Proxy of one), each read once. */
function numbers(list: unknown, n: number, what: string, name: string): number[] {
  if (!Array.isArray(list)) throw new TypeError(`numbat: argument '${name}' has no ${what} array`);
  const len = list.length;
  if (len !== n) throw new TypeError(`numbat: argument '${name}' has ${len} dimensions in its ${what}, but was compiled for ${n}`);
  const out: number[] = [];
  for (let d = 0; d < n; d++) out.push(list[d] as number);
  return out;
}

/** The fields of n-d argument `nd`, each read once (getters run here); not checked yet. */
function readFields(nd: unknown, t: ArrayType, name: string): NdView {
  const o = nd as { data: unknown; shape: unknown; stride: unknown; offset: unknown };
  const data = o.data, shape = numbers(o.shape, t.ndim, "shape", name), stride = numbers(o.stride, t.ndim, "stride", name), offset = o.offset as number;
  return { data: data as NdView["data"], shape, stride, offset };
}

/**
 * The views of a call's n-d arguments (undefined for the other parameters): every field of every one read
 * once first, and only then each checked (element type, and inside its data's real length). So a getter
 * of one argument that detaches or shrinks another's buffer runs before the check, never between the
 * check and the call: no user code runs after this returns.
 */
export function readViews(params: readonly { readonly type: Type; readonly name: string }[], args: readonly unknown[]): (NdView | undefined)[] {
  const views = params.map((p, i) => (isArray(p.type) && p.type.nd ? readFields(args[i], p.type, p.name) : undefined));
  views.forEach((v, i) => {
    const t = params[i]!.type, name = params[i]!.name;
    if (!isArray(t)) return;
    // Flat arrays too: whatever path chose the signature (arguments, arrays bound from enclosing scopes),
    // the memory must hold the elements the code was compiled for.
    const data = v ? v.data : args[i], want = DTYPES[t.dtype].ctor;
    if (typedArrayTag(data) !== want) throw new TypeError(`numbat: argument '${name}' was compiled for ${want}${v ? " data" : ""}, but ${v ? "its data " : ""}is ${typedArrayTag(data) ? `a ${typedArrayTag(data)}` : "not a typed array"} now`);
    if (v) checkView(v, t, name);
  });
  return views;
}

/** An n-d view must stay inside its data (its real length: runtime/intrinsics.ts). */
function checkView(nd: NdView, t: ArrayType, name: string): void {
  const size = lengthOf(nd.data);
  if (!Number.isInteger(nd.offset)) throw new TypeError(`numbat: argument '${name}' has a bad offset (${String(nd.offset)})`);
  let lo = nd.offset, hi = nd.offset;
  for (let d = 0; d < t.ndim; d++) {
    const n = nd.shape[d]!, s = nd.stride[d]!;
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(s)) throw new TypeError(`numbat: argument '${name}' has a bad shape or stride`);
    if (n === 0) return;
    if (s > 0) hi += (n - 1) * s;
    else lo += (n - 1) * s;
  }
  // Each term of a sum has one sign, so a term past 2^53 (rounded) still lands far outside: no false pass.
  if (lo < 0 || hi >= size)
    throw new RangeError(`numbat: argument '${name}' is a view (shape [${nd.shape}], stride [${nd.stride}], offset ${nd.offset}) that reaches outside its data (length ${size})`);
}
