// Name resolution for kernels: a free name means what it means in plain JS. The values come from
// the function's enclosing scopes (driver/closure-scope.ts reads them from V8), overridden by the
// user's `scope`; this module decides what each value is to the compiler:
//
//   number, boolean          a constant, read when the function is compiled
//   typed array              bound by reference: the kernel reads and writes the caller's array
//   Array of numbers         bound by reference to a Float64Array copy made the first time a kernel
//                            reads it (kernels share that copy; plain JS keeps using the Array)
//   Math.abs, Math.floor...  the Math function, under whatever name (`var abs = Math.abs`)
//   other function           compiled as a kernel itself, with its own free names resolved alike
//   anything else            a compile error at the use, naming the kind of value
//
// docs/language.md#name-resolution describes this for users.

import { typedArrayTag } from "../runtime/intrinsics.js";
import { MATH_FNS } from "../ir/math.js";

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray;

const MATH_BY_VALUE = new Map<unknown, string>();
for (const [name, facts] of Object.entries(MATH_FNS)) {
  const owner = facts.owner === "Math" ? Math : Number;
  const v = (owner as unknown as Record<string, unknown>)[name];
  if (typeof v === "function") MATH_BY_VALUE.set(v, `${facts.owner}.${name}`);
}
MATH_BY_VALUE.set(globalThis.isNaN, "Number.isNaN");
MATH_BY_VALUE.set(globalThis.isFinite, "Number.isFinite");

/** `Math.abs` (or another supported Math/Number function) under any name: its qualified name. */
export function mathFunctionName(v: unknown): string | undefined {
  return MATH_BY_VALUE.get(v);
}

const shadows = new WeakMap<unknown[], Float64Array>();

/** A typed array (itself) or an Array of numbers (its Float64Array copy) that a kernel binds by reference. */
export function outerArray(v: unknown): TypedArray | undefined {
  if (ArrayBuffer.isView(v)) return typedArrayTag(v) === undefined ? undefined : (v as TypedArray); // not a DataView
  if (!Array.isArray(v) || !v.every((x) => typeof x === "number")) return undefined;
  let s = shadows.get(v);
  if (!s) shadows.set(v, (s = Float64Array.from(v)));
  return s;
}

/** What a value is, for error messages: "a string", "an object", "undefined"... */
export function describeValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an Array that does not hold only numbers";
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (typeof v === "object") return `an object (${(v as object).constructor?.name ?? "null prototype"})`;
  return typeof v === "string" ? "a string" : `a ${typeof v}`;
}

/**
 * The scope a kernel's free names resolve in: its enclosing scopes' variables (`closure`, when
 * known), with the user's `scope` on top. Values are kept as they are; the lowering reads them.
 */
export function effectiveScope(closure: ReadonlyMap<string, unknown> | undefined, explicit: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const scope: Record<string, unknown> = Object.create(null);
  if (closure) for (const [k, v] of closure) scope[k] = v;
  if (explicit) for (const k of Object.keys(explicit)) scope[k] = explicit[k];
  return scope;
}

/** `obj.prop` for a value from the scope (a module namespace, a function's `.assign`...), or undefined. */
export function memberOf(obj: unknown, prop: string): { value: unknown } | undefined {
  if ((typeof obj !== "object" && typeof obj !== "function") || obj === null || ArrayBuffer.isView(obj) || Array.isArray(obj)) return undefined;
  if (obj === Math || obj === Number) return undefined;
  // Own data properties only: getters could run arbitrary code.
  const d = Object.getOwnPropertyDescriptor(obj, prop);
  return d && "value" in d ? { value: d.value } : undefined;
}

/** The entries of `scope` whose names occur in `source` (what a cache key must cover). */
export function namesInSource(source: string, scope: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const words = new Set(source.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(scope)) if (words.has(k)) out[k] = scope[k];
  return out;
}
