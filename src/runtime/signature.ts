// Maps run-time argument values to IR types: the key of the dispatcher's specialisation cache.

import { MAX_LENGTH, SMALL_INT, type Type, arrayType, dtypeOfCtorName, typeToString } from "../ir/types.js";
import { lengthOf, typedArrayTag } from "./intrinsics.js";

/**
 * Integer arguments up to this magnitude specialise as `int` (ir/types.ts SMALL_INT): index arithmetic
 * such as `i * n + k` below such arguments is then provably exact. Larger integers are floats, whose
 * arithmetic is JS's by construction.
 */
const INT_LIMIT = SMALL_INT;

/** The element type of a typed array, from its internal slot (runtime/intrinsics.ts), never from a property it may override. */
function typedArrayDType(x: unknown) {
  const tag = typedArrayTag(x);
  return tag === undefined ? undefined : dtypeOfCtorName(tag);
}

/**
 * A typed array whose `length` property (its own, a subclass's getter or a tampered prototype's) says
 * something other than its real length: compiled code uses the real one, plain JS the property, so
 * numbat cannot run it as plain JS would. (The property is read once here; the real length is what
 * every backend uses, so memory stays safe whatever a getter answers later.)
 */
export function checkLength(x: unknown, param: string, fnName: string): void {
  const said = (x as { length: unknown }).length, real = lengthOf(x);
  if (!Object.is(said, real))
    throw new TypeError(`${fnName}: argument '${param}' is a ${typedArrayTag(x)} whose length property (${typeof said === "number" ? said : typeof said}) is not its length (${real}); numbat reads a typed array's real length, so it cannot run this as plain JS would`);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "a plain JS Array";
  const tag = typedArrayTag(x);
  if (tag !== undefined) return `a ${tag}`;
  if (ArrayBuffer.isView(x)) return "a DataView";
  if (typeof x === "object") return `an object (${Object.prototype.toString.call(x)})`;
  return `a ${typeof x}`;
}

/**
 * The IR type of an argument value. Numbers that are integers (and not -0) within ±2^26 specialise
 * as `int`, others as `f64`, as Numba types Python ints and floats. (`intLimit`: a frontend whose
 * ints are not JS numbers, Python's, takes every integer up to 2^53.)
 */
export function typeOfValue(x: unknown, param: string, fnName: string, intLimit = INT_LIMIT): Type {
  if (typeof x === "number") return Number.isInteger(x) && Math.abs(x) <= intLimit && !Object.is(x, -0) ? "int" : "f64";
  if (typeof x === "boolean") return "bool";
  const dt = typedArrayDType(x);
  if (dt) {
    checkLength(x, param, fnName);
    // Type inference bounds `.length` by 2^32 (frontend/ranges.ts MAX_LENGTH, V8's limit until now).
    if (lengthOf(x) > MAX_LENGTH) throw new RangeError(`${fnName}: argument '${param}' has ${lengthOf(x)} elements; numbat supports typed arrays of up to 2^32`);
    return arrayType(dt, 1, false);
  }
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
