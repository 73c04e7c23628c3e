// numbat's n-d array: a strided view over a typed array, following the ndarray protocol of scijs `ndarray`
// (data/shape/stride/offset, get/set/hi/lo/step/pick/transpose) so scijs and numbat arrays interoperate.
// Constructors allocate in the shared wasm heap so compiled kernels use the arrays without copying.

import { DTYPES, DTYPE_NAMES, dtypeOfCtorName, dtypeOfUserName, type DType } from "../ir/types.js";
import { heap } from "./memory.js";
import { copyBytes } from "./copy.js";
import { bytesOf, lengthOf, typedArrayTag } from "./intrinsics.js";

export type DTypeName = "float64" | "float32" | "int32" | "uint32" | "int16" | "uint16" | "int8" | "uint8" | "uint8c";
export type TypedArray =
  | Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray;
export type NestedArray = number | NestedArray[];
type TypedArrayCtor = { new (length: number): TypedArray; new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray };

const CTORS: Record<DType, TypedArrayCtor> = {
  f64: Float64Array, f32: Float32Array, i32: Int32Array, u32: Uint32Array, i16: Int16Array,
  u16: Uint16Array, i8: Int8Array, u8: Uint8Array, u8c: Uint8ClampedArray,
};

/** The DType of a supported typed array, from its internal slot (runtime/intrinsics.ts; arrays from other realms qualify too). */
function typedDType(x: unknown): DType | undefined {
  const tag = typedArrayTag(x);
  return tag === undefined ? undefined : dtypeOfCtorName(tag);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(describe).join(", ")}]`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object" && v !== null) return Object.prototype.toString.call(v);
  return String(v);
}

function checkShape(shape: unknown): number[] {
  const dims = typeof shape === "number" ? [shape] : Array.isArray(shape) ? shape : undefined;
  if (dims === undefined) throw new TypeError(`numbat: bad shape ${describe(shape)}: expected a non-negative integer or an array of them`);
  dims.forEach((d, i) => {
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0)
      throw new TypeError(`numbat: bad shape ${describe(shape)}: dimension ${i} is ${describe(d)}; dimensions must be non-negative integers`);
  });
  return dims.slice();
}

function resolveDType(name: unknown, fallback: DType): DType {
  if (name === undefined) return fallback;
  const d = typeof name === "string" ? dtypeOfUserName(name) : undefined;
  if (d === undefined)
    throw new TypeError(`numbat: unknown dtype ${describe(name)} (expected one of ${DTYPE_NAMES.map((n) => DTYPES[n].name).join(", ")})`);
  return d;
}

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function cStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  for (let i = shape.length - 1, s = 1; i >= 0; i--) { stride[i] = s; s *= shape[i]; }
  return stride;
}

// Views made by hi/lo/step/pick/transpose skip the constructor's validation: they keep scijs semantics,
// which allow out-of-range bounds (the caller's responsibility, as in scijs).
let trusted = false;
function view<T extends TypedArray>(data: T, shape: number[], stride: number[], offset: number): NdArray<T> {
  trusted = true;
  try { return new NdArray(data, shape, stride, offset); } finally { trusted = false; }
}

export class NdArray<T extends TypedArray = TypedArray> {
  readonly data!: T;
  readonly shape!: number[];
  readonly stride!: number[];
  readonly offset!: number;

  /** stride defaults to C order (row-major); offset defaults as in scijs (0, or the start for negative strides). */
  constructor(data: T, shape: number[], stride?: number[], offset?: number) {
    if (!trusted) {
      if (typedDType(data) === undefined) throw new TypeError(`numbat: NdArray data must be a typed array of a supported dtype, got ${describe(data)}`);
      shape = checkShape(shape);
      if (stride !== undefined && (!Array.isArray(stride) || stride.length !== shape.length || !stride.every(Number.isInteger)))
        throw new TypeError(`numbat: bad stride ${describe(stride)} for shape ${describe(shape)}: expected ${shape.length} integers`);
      if (offset !== undefined && !Number.isInteger(offset)) throw new TypeError(`numbat: bad offset ${describe(offset)}: expected an integer`);
    }
    stride ??= cStrides(shape);
    if (offset === undefined) {
      offset = 0;
      for (let i = 0; i < shape.length; i++) if (stride[i] < 0) offset -= (shape[i] - 1) * stride[i];
    }
    if (!trusted && product(shape) > 0) {
      // Kernels index `data` directly (in wasm, past its end is other live memory), so user-built views must fit.
      let lo = offset, hi = offset;
      for (let i = 0; i < shape.length; i++) { const r = (shape[i] - 1) * stride[i]; if (r < 0) lo += r; else hi += r; }
      if (lo < 0 || hi >= data.length)
        throw new RangeError(`numbat: NdArray view (shape ${describe(shape)}, stride ${describe(stride)}, offset ${offset}) reaches [${lo}, ${hi}], outside its data of length ${data.length}`);
    }
    // Ranks 1-3 get a subclass with small fixed-arity get/set that V8 inlines into loops.
    if (new.target === NdArray && shape.length >= 1 && shape.length <= 3) return new RANKED[shape.length - 1]!(data, shape, stride, offset) as NdArray<T>;
    this.data = data; this.shape = shape; this.stride = stride; this.offset = offset;
  }

  get dtype(): DTypeName { return DTYPES[typedDType(this.data)!].name; }
  get size(): number { return product(this.shape); }
  get dimension(): number { return this.shape.length; }
  /** Axes sorted by increasing |stride| (innermost first), as scijs `order`. */
  get order(): number[] { return this.stride.map((s, i) => [Math.abs(s), i]).sort((a, b) => a[0] - b[0]).map((t) => t[1]); }

  // get/set/index are unchecked, like scijs: this is the plain-JS reference semantics.
  index(...idx: number[]): number {
    const s = this.stride;
    let p = this.offset;
    for (let i = 0; i < s.length; i++) p += s[i] * idx[i];
    return p;
  }
  // The generic element access; ranks 1-3 override these (see RANKED below).
  get(...idx: number[]): number {
    return this.data[this.index(...idx)];
  }
  /** set(i0, ..., v): stores v and returns it. */
  set(...idxAndValue: number[]): number {
    return (this.data[this.index(...idxAndValue)] = idxAndValue[this.stride.length]);
  }

  /** Reversed axes (numpy's `.T`). */
  get T(): NdArray<T> { return view(this.data, this.shape.slice().reverse(), this.stride.slice().reverse(), this.offset); }
  /** Axis i of the result is axis axes[i] of this; missing axes stay in place (scijs: transpose() is a copy of the view). */
  transpose(...axes: number[]): NdArray<T> {
    const n = this.shape.length, shape: number[] = [], stride: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = axes[i] === undefined ? i : axes[i] | 0;
      if (a < 0 || a >= n) throw new RangeError(`numbat: transpose axis ${describe(axes[i])} out of range for a ${n}-d array`);
      shape.push(this.shape[a]); stride.push(this.stride[a]);
    }
    return view(this.data, shape, stride, this.offset);
  }
  /** Truncate each axis to its first idx[i] elements (non-number or negative: keep the axis). */
  hi(...idx: (number | null | undefined)[]): NdArray<T> {
    const shape = this.shape.map((n, i) => { const v = idx[i]; return typeof v !== "number" || v < 0 ? n : v | 0; });
    return view(this.data, shape, this.stride.slice(), this.offset);
  }
  /** Drop the first idx[i] elements of each axis (non-number or negative: keep the axis). */
  lo(...idx: (number | null | undefined)[]): NdArray<T> {
    const shape = this.shape.slice();
    let offset = this.offset;
    for (let i = 0; i < shape.length; i++) {
      const v = idx[i];
      if (typeof v === "number" && v >= 0) { const d = v | 0; offset += this.stride[i] * d; shape[i] -= d; }
    }
    return view(this.data, shape, this.stride.slice(), offset);
  }
  /** Take every steps[i]-th element of each axis; negative steps run backwards from the end. */
  step(...steps: (number | null | undefined)[]): NdArray<T> {
    const shape = this.shape.slice(), stride = this.stride.slice();
    let offset = this.offset;
    for (let i = 0; i < shape.length; i++) {
      const v = steps[i];
      if (typeof v !== "number") continue;
      const d = v | 0;
      if (d === 0) throw new RangeError(`numbat: step ${describe(v)} on axis ${i}: steps must be non-zero integers`);
      if (d < 0) { offset += stride[i] * (shape[i] - 1); shape[i] = Math.ceil(-shape[i] / d); }
      else shape[i] = Math.ceil(shape[i] / d);
      stride[i] *= d;
    }
    return view(this.data, shape, stride, offset);
  }
  /** Fix axis i at idx[i] (non-number or negative: keep the axis); the result has the kept axes only. */
  pick(...idx: (number | null | undefined)[]): NdArray<T> {
    const shape: number[] = [], stride: number[] = [];
    let offset = this.offset;
    for (let i = 0; i < this.shape.length; i++) {
      const v = idx[i];
      if (typeof v === "number" && v >= 0) offset = (offset + this.stride[i] * v) | 0;
      else { shape.push(this.shape[i]); stride.push(this.stride[i]); }
    }
    return view(this.data, shape, stride, offset);
  }

  /** Nested JS arrays in index order (a 0-d array gives its number). */
  toArray(): NestedArray {
    const { data, shape, stride } = this;
    const rec = (axis: number, p: number): NestedArray =>
      axis === shape.length ? data[p] : Array.from({ length: shape[axis] }, (_, i) => rec(axis + 1, p + stride[axis] * i));
    return rec(0, this.offset);
  }

  /** numpy-like text; arrays over 1000 elements show 3 items at each end of long axes. */
  toString(): string {
    const { data, shape, stride } = this;
    const brief = this.size > 1000;
    const rec = (axis: number, p: number): string => {
      if (axis === shape.length) return String(data[p]);
      const n = shape[axis], parts: string[] = [];
      for (let i = 0; i < n; i++) {
        if (brief && n > 6 && i === 3) { parts.push("..."); i = n - 4; continue; }
        parts.push(rec(axis + 1, p + stride[axis] * i));
      }
      return `[${parts.join(", ")}]`;
    };
    return `array(${rec(0, this.offset)}, dtype=${this.dtype})`;
  }

  /**
   * Returns the array's heap block to numbat now instead of when the array is garbage collected (also
   * `using A = zeros(...)`, through Symbol.dispose). Afterwards this array has empty data: reading it gives
   * undefined and passing it to a kernel throws a RangeError. Views of the same storage (A.T, A.hi(...),
   * A.data kept aside) must not be used any more. Only the array numbat handed out (zeros(), array(), a
   * kernel's result) owns its block: on a view, on an array outside the heap, or a second time, free() does
   * nothing.
   */
  free(): void {
    freeArray(this);
  }
}

// ---- Lifetime of heap blocks handed to JS --------------------------------------------------------------
// A block is freed when its data view becomes unreachable (FinalizationRegistry), or at once by free(). The
// registry holds the bare pointer, so it keeps nothing alive. Caveat: a view of the same memory
// made some other way (data.subarray, new Float64Array(data.buffer, ...)) does not keep the block alive; keep
// `data` (or the NdArray) while using such views.
//
// V8 does not see the wasm heap's size, and runs finalizers only between tasks, never inside a synchronous
// loop: kernel results would pile up unreclaimed (200,000 calls returning 1,024 doubles grew the heap by
// 1.5 GiB). So at most RESULT_BUDGET bytes of kernel results stay in the heap awaiting collection; a result
// beyond that is copied into an ordinary ArrayBuffer, which V8 accounts and collects, and its block is freed
// at once (docs/semantics.md, "Memory").

/** Heap bytes that kernel results awaiting collection may hold; later results are copied out of the heap. */
export const RESULT_BUDGET = 64 * 2 ** 20;

/** The NdArray numbat handed out for a block (not its views): the one free() acts on. Bare typed arrays have
 *  none. The record is also the registry's unregister token, so that free() can cancel the finalizer. */
interface Owned { readonly held: number }
const owners = new WeakMap<NdArray, Owned>();
let resultBytes = 0;

// The registry holds a number, not an object, per block (results are many and small): the pointer, negated
// for kernel results, whose bytes count against RESULT_BUDGET.
function release(held: number): void {
  const ptr = Math.abs(held);
  if (held < 0) resultBytes -= heap.sizeOf(ptr)!;
  heap.free(ptr);
}

const registry = new FinalizationRegistry<number>((held) => {
  try { release(held); } catch { /* cannot happen (free() unregisters first); a finalizer must never throw */ }
});

/** `data`, a view of the block at `ptr`, now owns the block: freed when `data` is collected. Returns the
 *  unregister token when `revocable` (for an NdArray, which free() can release early). */
function own(data: TypedArray, ptr: number, result: boolean, revocable: boolean): Owned | undefined {
  const held = result ? -ptr : ptr;
  if (result) resultBytes += heap.sizeOf(ptr)!;
  if (!revocable) { registry.register(data, held); return undefined; }
  const o: Owned = { held };
  registry.register(data, held, o);
  return o;
}

/** Heap bytes held by kernel results that are neither freed nor collected yet (at most RESULT_BUDGET). */
export function heldResultBytes(): number {
  return resultBytes;
}

/** Storage for `size` elements: in the heap when it is shared (views there survive growth), else in JS memory. */
function allocData(dtype: DType, size: number): { data: TypedArray; owned?: Owned } {
  const Ctor = CTORS[dtype];
  if (heap.shared) {
    try {
      const ptr = heap.alloc(size * DTYPES[dtype].bytes);
      const data = new Ctor(heap.buffer, ptr, size);
      return { data, owned: own(data, ptr, false, true) };
    } catch (e) {
      if (!(e instanceof RangeError)) throw e; // heap exhausted: ordinary memory still works, kernels just copy
    }
  }
  return { data: new Ctor(size) };
}

/** A C-order NdArray over `data`, which free() releases when `owned` is given. */
function owning(data: TypedArray, dims: number[], owned: Owned | undefined): NdArray {
  const a = view(data, dims, cStrides(dims), 0);
  if (owned) owners.set(a, owned);
  return a;
}

function make(shape: unknown, dtype: unknown, fill: number | undefined): NdArray {
  const dims = checkShape(shape);
  const { data, owned } = allocData(resolveDType(dtype, "f64"), product(dims));
  if (fill !== undefined) data.fill(fill); // reused heap blocks hold old contents
  return owning(data, dims, owned);
}

/** NdArray.prototype.free: the block goes back to the heap now and `a` is left with empty data. */
function freeArray(a: NdArray): void {
  const o = owners.get(a);
  if (o === undefined) return;
  owners.delete(a);
  registry.unregister(o);
  release(o.held);
  (a as { data: TypedArray }).data = new CTORS[typedDType(a.data)!](0);
}

// Fixed-arity element access per rank: a rest parameter makes every get/set a real call (and the
// plain-JS reference several times slower than scijs's generated classes).
class NdArray1<T extends TypedArray = TypedArray> extends NdArray<T> {
  override get(i: number): number { return this.data[this.offset + this.stride[0] * i]; }
  override set(i: number, v: number): number { return (this.data[this.offset + this.stride[0] * i] = v); }
}
class NdArray2<T extends TypedArray = TypedArray> extends NdArray<T> {
  override get(i: number, j: number): number { const s = this.stride; return this.data[this.offset + s[0] * i + s[1] * j]; }
  override set(i: number, j: number, v: number): number { const s = this.stride; return (this.data[this.offset + s[0] * i + s[1] * j] = v); }
}
class NdArray3<T extends TypedArray = TypedArray> extends NdArray<T> {
  override get(i: number, j: number, k: number): number { const s = this.stride; return this.data[this.offset + s[0] * i + s[1] * j + s[2] * k]; }
  override set(i: number, j: number, k: number, v: number): number { const s = this.stride; return (this.data[this.offset + s[0] * i + s[1] * j + s[2] * k] = v); }
}
const RANKED = [NdArray1, NdArray2, NdArray3] as const;

// `using` (explicit resource management) frees the array at the end of the block. Symbol.dispose is not in this
// project's lib (ES2022), so the method is installed where the runtime has the symbol (Node 20 does).
const dispose = (Symbol as { dispose?: symbol }).dispose;
if (dispose !== undefined)
  Object.defineProperty(NdArray.prototype, dispose, { value: function (this: NdArray) { this.free(); }, writable: true, configurable: true });

export function zeros(shape: number | number[], dtype?: DTypeName | DType): NdArray { return make(shape, dtype, 0); }
export function ones(shape: number | number[], dtype?: DTypeName | DType): NdArray { return make(shape, dtype, 1); }
/** Contents unspecified (whatever the heap block held). */
export function empty(shape: number | number[], dtype?: DTypeName | DType): NdArray { return make(shape, dtype, undefined); }
export function full(shape: number | number[], value: number, dtype?: DTypeName | DType): NdArray {
  if (typeof value !== "number") throw new TypeError(`numbat: full(): fill value ${describe(value)} is not a number`);
  return make(shape, dtype, value);
}

/** A heap copy of `values`: nested arrays (shape inferred, default float64), a typed array or an ndarray-like
 *  (default: its own dtype), or a number (0-d). */
export function array(values: NestedArray | TypedArray | NdArrayLike, dtype?: DTypeName | DType): NdArray {
  const own = typedDType(values);
  if (own !== undefined) {
    const src = values as TypedArray;
    const out = make([lengthOf(src)], resolveDType(dtype, own), undefined);
    if (typedArrayTag(out.data) === typedArrayTag(src)) copyBytes(bytesOf(out.data), bytesOf(src));
    else out.data.set(src);
    return out;
  }
  if (isNdArrayLike(values)) {
    const out = make(values.shape, resolveDType(dtype, typedDType(values.data)!), undefined);
    const { data, shape, stride } = values, n = shape.length, idx = new Array<number>(n).fill(0);
    for (let k = 0, size = out.size; k < size; k++) {
      let p = values.offset;
      for (let i = 0; i < n; i++) p += stride[i] * idx[i];
      out.data[k] = data[p];
      for (let i = n - 1; i >= 0 && ++idx[i] === shape[i]; i--) idx[i] = 0; // odometer, last axis fastest
    }
    return out;
  }
  if (typeof values !== "number" && !Array.isArray(values))
    throw new TypeError(`numbat: array(): cannot make an array from ${describe(values)}`);
  const shape: number[] = [];
  for (let v: unknown = values; Array.isArray(v); v = v[0]) { shape.push(v.length); if (v.length === 0) break; }
  const out = make(shape, dtype, undefined), data = out.data;
  let k = 0;
  const rec = (v: unknown, at: number[]): void => {
    const depth = at.length;
    if (depth === shape.length) {
      if (typeof v !== "number") throw new TypeError(`numbat: array(): element at [${at}] is ${describe(v)}, expected a number`);
      data[k++] = v;
    } else if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new TypeError(`numbat: array(): ragged nesting: element at [${at}] is ${Array.isArray(v) ? `an array of length ${v.length}` : describe(v)}, expected an array of length ${shape[depth]}`);
    } else for (let i = 0; i < v.length; i++) rec(v[i], [...at, i]);
  };
  rec(values, []);
  return out;
}

/** Wrap the heap block at `ptr` (ownership passes to the result: adopt a block once) as an NdArray, or a bare typed
 *  array when nd is false. Within RESULT_BUDGET the result is a view of the block, freed when the view becomes
 *  unreachable (zero copy when passed to the next kernel); beyond it, a copy in an ordinary ArrayBuffer, and the
 *  block is freed now. */
export function adoptHeapArray(ptr: number, dtype: DType, shape: number[], nd: boolean): NdArray | TypedArray {
  if (!(dtype in CTORS)) throw new TypeError(`numbat: adoptHeapArray: unknown dtype ${describe(dtype)}`);
  const dims = checkShape(shape), size = product(dims), bytes = size * DTYPES[dtype].bytes;
  const block = heap.sizeOf(ptr);
  if (block === undefined || block < bytes) throw new Error(`numbat: adoptHeapArray: ${ptr} is not a live heap block of at least ${bytes} bytes`);
  const data = new CTORS[dtype](heap.buffer, ptr, size);
  if (resultBytes + block <= RESULT_BUDGET) {
    const owned = own(data, ptr, true, nd);
    return nd ? owning(data, dims, owned) : data;
  }
  const copy = new CTORS[dtype](size);
  copyBytes(bytesOf(copy), bytesOf(data));
  heap.free(ptr);
  return nd ? view(copy, dims, cStrides(dims), 0) : copy;
}

export interface NdArrayLike { data: TypedArray; shape: number[]; stride: number[]; offset: number }

/** Duck-typed ndarray protocol check (scijs ndarray objects pass); data must be a dtype numbat supports. */
export function isNdArrayLike(x: unknown): x is NdArrayLike {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Record<string, unknown>;
  return typedDType(o.data) !== undefined && Array.isArray(o.shape) && Array.isArray(o.stride) &&
    o.shape.length === o.stride.length && typeof o.offset === "number";
}
