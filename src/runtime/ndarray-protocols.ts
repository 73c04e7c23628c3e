// Other libraries' n-d arrays as arguments. numbat's protocol is scijs's: `data` (a typed array),
// `shape`, `stride` and `offset`, so scijs `ndarray` and numbat's NdArray pass as they are.
// `@stdlib/ndarray` objects carry the same facts under other names (`strides`, plus `dtype` and
// `order` strings); a call sees them through a plain view object sharing their data, so kernels
// read and write the caller's elements exactly as for numbat's own arrays.

import { DTYPES, dtypeOfCtorName } from "../ir/types.js";
import { typedArrayTag } from "./intrinsics.js";

interface StdlibLike { readonly data: unknown; readonly shape: unknown; readonly strides: unknown; readonly offset: unknown; readonly dtype: unknown }

/** The view a call sees for one argument: scijs's field names over the caller's own data. */
interface ProtocolView { readonly data: unknown; readonly shape: unknown; readonly stride: unknown; readonly offset: unknown }

function isStdlibLike(x: unknown): x is StdlibLike {
  return typeof x === "object" && x !== null && !ArrayBuffer.isView(x) && !("stride" in x) && "strides" in x && "data" in x;
}

/** From the data's internal slot (runtime/intrinsics.ts), not its overridable toStringTag. */
function dtypeNameOf(data: unknown): string | undefined {
  const tag = typedArrayTag(data);
  const d = tag === undefined ? undefined : dtypeOfCtorName(tag);
  return d && DTYPES[d].name;
}

/**
 * A stdlib-style ndarray as a protocol view. Its `dtype` string must name its data's element type:
 * "generic" (a plain Array), "bool" (Uint8Array data read as booleans) and complex dtypes have no
 * kernel counterpart, and are refused here rather than read as something else.
 */
function stdlibView(x: StdlibLike, param: () => string, fnName: string): ProtocolView {
  const { data, dtype } = x;
  const name = dtypeNameOf(data);
  if (name === undefined || (typeof dtype === "string" && dtype !== name))
    throw new TypeError(`${fnName}: argument '${param()}' is an ndarray of dtype ${JSON.stringify(dtype)}; jitted functions take ndarrays whose data is a typed array of a numeric dtype (float64, float32, int32, uint32, int16, uint16, int8, uint8, uint8c)`);
  return { data, shape: x.shape, stride: x.strides, offset: x.offset };
}

/**
 * The arguments as a call sees them: `args` itself when every one already speaks the protocol,
 * otherwise a copy where stdlib-style ndarrays are replaced by views (`originals` maps each view back
 * to the caller's object, so a kernel that returns its argument returns the caller's object).
 */
export function protocolArgs(args: readonly unknown[], paramName: (i: number) => string | undefined, fnName: string): { args: readonly unknown[]; originals?: Map<unknown, unknown> } {
  let out: unknown[] | undefined;
  let originals: Map<unknown, unknown> | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!isStdlibLike(a)) continue;
    const view = stdlibView(a, () => paramName(i) ?? `#${i}`, fnName);
    (out ??= args.slice())[i] = view;
    (originals ??= new Map()).set(view, a);
  }
  return out ? { args: out, originals } : { args };
}

/** A call's result, with a view made by protocolArgs given back as the caller's object. */
export function callerResult(result: unknown, originals: Map<unknown, unknown>): unknown {
  return originals.get(result) ?? result;
}
