// Maps run-time argument values to IR types: the key of the dispatcher's specialisation cache.

import { type Type, arrayType, dtypeOfCtorName, typeToString } from "../ir/types.js";

const INT_LIMIT = 2 ** 53;

function typedArrayDType(x: unknown) {
  if (!ArrayBuffer.isView(x)) return undefined;
  const tag = (x as unknown as { [Symbol.toStringTag]: unknown })[Symbol.toStringTag];
  return typeof tag === "string" ? dtypeOfCtorName(tag) : undefined;
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "a plain JS Array";
  if (ArrayBuffer.isView(x)) return `a ${(x as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag]}`;
  if (typeof x === "object") return `an object (${Object.prototype.toString.call(x)})`;
  return `a ${typeof x}`;
}

/**
 * The IR type of an argument value. Numbers that are integers (and not -0) specialise as `int`,
 * others as `f64`, as Numba types Python ints and floats.
 */
export function typeOfValue(x: unknown, param: string, fnName: string): Type {
  if (typeof x === "number") return Number.isInteger(x) && Math.abs(x) <= INT_LIMIT && !Object.is(x, -0) ? "int" : "f64";
  if (typeof x === "boolean") return "bool";
  const dt = typedArrayDType(x);
  if (dt) return arrayType(dt, 1, false);
  if (typeof x === "object" && x !== null) {
    const o = x as { data?: unknown; shape?: unknown; stride?: unknown; offset?: unknown };
    const ddt = typedArrayDType(o.data);
    if (ddt && Array.isArray(o.shape) && Array.isArray(o.stride) && o.shape.length === o.stride.length && typeof o.offset === "number") {
      if (o.shape.length === 0) throw new TypeError(`${fnName}: argument '${param}' is a 0-dimensional array, which kernels don't support; pass the number itself`);
      return arrayType(ddt, o.shape.length, true);
    }
  }
  const hint = Array.isArray(x) ? " (convert it with new Float64Array(array) or numbat's array(...))" : "";
  throw new TypeError(`${fnName}: argument '${param}' is ${describe(x)}; jitted functions take numbers, booleans, typed arrays and n-d arrays${hint}`);
}

export function signatureKey(types: readonly Type[]): string {
  return types.map(typeToString).join(", ");
}
