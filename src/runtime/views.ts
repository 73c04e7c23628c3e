// Checks on n-d array arguments shared by every backend that indexes memory directly.

import type { ArrayType } from "../ir/types.js";

export interface NdView {
  readonly data: { readonly length: number };
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
}

/** An n-d view must stay inside its data: compiled kernels index memory without the protocol's help. */
export function checkView(nd: NdView, t: ArrayType, name: string): void {
  let lo = nd.offset, hi = nd.offset;
  for (let d = 0; d < t.ndim; d++) {
    const n = nd.shape[d]!, s = nd.stride[d]!;
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(s)) throw new TypeError(`numbat: argument '${name}' has a bad shape or stride`);
    if (n === 0) return;
    if (s > 0) hi += (n - 1) * s;
    else lo += (n - 1) * s;
  }
  if (!Number.isInteger(nd.offset) || lo < 0 || hi >= nd.data.length)
    throw new RangeError(`numbat: argument '${name}' is a view (shape [${nd.shape}], stride [${nd.stride}], offset ${nd.offset}) that reaches outside its data (length ${nd.data.length})`);
}
