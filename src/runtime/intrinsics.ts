// What a typed array really is: its element type, length, offset and buffer, read through the built-in
// getters of %TypedArray%.prototype (its internal slots), captured when numbat loads. An argument's own
// properties can say anything — `Object.defineProperty(a, "length", { value: 64 })`, a spoofed
// Symbol.toStringTag, a subclass or a tampered prototype overriding the getters — and compiled code that
// trusted them would read or write outside the array. These readers cannot be fooled: on anything that
// is not a typed array (a Proxy of one included) `typedArrayTag` is undefined and the others throw.

const TYPED_ARRAY_PROTO = Object.getPrototypeOf(Int8Array.prototype) as object;
/** `f` called with `this` = its argument; immune to later changes of Function.prototype.call. */
const uncurry = <R>(f: () => R): ((self: unknown) => R) => Function.prototype.call.bind(f) as (self: unknown) => R;
const getter = <R>(key: PropertyKey): ((self: unknown) => R) => uncurry(Object.getOwnPropertyDescriptor(TYPED_ARRAY_PROTO, key)!.get as () => R);

/** The constructor name ("Float64Array") of a typed array, else undefined (never throws, never runs user code). */
export const typedArrayTag: (x: unknown) => string | undefined = getter(Symbol.toStringTag);
/** The element count: 0 for a detached buffer or a view that a shrunk resizable buffer no longer covers. */
export const lengthOf: (a: unknown) => number = getter("length");
export const byteLengthOf: (a: unknown) => number = getter("byteLength");
export const byteOffsetOf: (a: unknown) => number = getter("byteOffset");
export const bufferOf: (a: unknown) => ArrayBufferLike = getter("buffer");

/** Where a typed array's elements are, read once from its internal slots. */
export interface RealView {
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly length: number;
}

/** The real buffer, offset and sizes of typed array `a` (which must be one). */
export function realView(a: unknown): RealView {
  return { buffer: bufferOf(a), byteOffset: byteOffsetOf(a), byteLength: byteLengthOf(a), length: lengthOf(a) };
}

/** Whether `x` is a typed array (any element type; a Proxy or an object posing as one is not). */
export const isTypedArray = (x: unknown): x is ArrayBufferView => typedArrayTag(x) !== undefined;

type TypedArrayCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;
const CTORS: Readonly<Record<string, TypedArrayCtor>> = Object.freeze({
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
  BigInt64Array, BigUint64Array,
} as unknown as Record<string, TypedArrayCtor>);
const TA_SET = uncurry((TYPED_ARRAY_PROTO as { set: () => void }).set) as unknown as (self: unknown, src: unknown) => void;

/**
 * A fresh view of the same memory with the same element type, fixed to the length the array has now: an
 * honest object (no overridden properties; not length-tracking) for code that reads `.length`,
 * `.buffer` and the like. Empty when the buffer is detached.
 */
export function honestView<T extends ArrayBufferView>(a: T): T {
  const Ctor = CTORS[typedArrayTag(a)!]!;
  const n = lengthOf(a);
  if (n === 0) return new (Ctor as unknown as new (n: number) => T)(0);
  return new Ctor(bufferOf(a), byteOffsetOf(a), n) as T;
}

/** The bytes of a typed array, as a Uint8Array over the same memory (its real extent). */
export function bytesOf(a: ArrayBufferView): Uint8Array {
  const n = byteLengthOf(a);
  return n === 0 ? new Uint8Array(0) : new Uint8Array(bufferOf(a), byteOffsetOf(a), n);
}

/** A copy of a typed array in fresh memory (same element type), without the array's own, overridable methods. */
export function copyOf<T extends ArrayBufferView>(a: T): T {
  const c = new (CTORS[typedArrayTag(a)!]! as unknown as new (n: number) => T)(lengthOf(a));
  TA_SET(c, a);
  return c;
}
