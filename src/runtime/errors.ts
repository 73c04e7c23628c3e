// Run-time errors raised inside kernels, worded identically by every backend.
// Backends call these through a small import table so messages never drift apart.

import type { ErrorClass } from "../ir/nodes.js";

/** A Python exception as a JS Error subclass whose `name` is the Python class name (instanceof Error holds). */
function pythonError(name: string): new (msg: string) => Error {
  const cls = class extends Error {};
  Object.defineProperty(cls, "name", { value: name });
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
  return cls;
}

export const ERROR_CLASSES: Record<ErrorClass, new (msg: string) => Error> = {
  Error, RangeError, TypeError,
  ValueError: pythonError("ValueError"), ZeroDivisionError: pythonError("ZeroDivisionError"), IndexError: pythonError("IndexError"),
  AssertionError: pythonError("AssertionError"), RuntimeError: pythonError("RuntimeError"), ArithmeticError: pythonError("ArithmeticError"),
  Exception: pythonError("Exception"),
};

/** `where` is "fnName:line:column" of the access in the kernel's source. */
export function outOfBounds(array: string, axis: number, ndim: number, index: number, size: number, where: string): RangeError {
  const axisText = ndim > 1 ? ` on axis ${axis}` : "";
  const what = Number.isInteger(index) ? `index ${index}` : `non-integer index`;
  return new RangeError(`${what} is out of bounds${axisText} of '${array}' (size ${size}) at ${where}`);
}

export function remainderByZero(where: string): RangeError {
  return new RangeError(`integer remainder by zero at ${where} (plain JS would give NaN, which an integer cannot hold)`);
}

/**
 * The largest array a kernel may allocate, on every target alike (one answer whatever the tier): numbat's
 * heap is WebAssembly memory, 4 GiB less what numbat keeps for itself, and returned arrays live there.
 */
export const MAX_ALLOC_BYTES = 2 ** 32 - 2 ** 20;

export function allocTooLarge(count: number, bytes: number, where: string): RangeError {
  return new RangeError(`numbat: cannot allocate ${count} elements (${bytes} bytes) at ${where}: arrays are limited to 4 GiB (numbat's heap is WebAssembly memory)`);
}

export function outOfMemory(count: number, bytes: number, where: string): RangeError {
  return new RangeError(`numbat: cannot allocate ${count} elements (${bytes} bytes) at ${where}: out of memory`);
}

export function badAllocSize(size: number, where: string): RangeError {
  return new RangeError(`invalid array size ${size} at ${where}: sizes must be non-negative integers`);
}

export function userError(cls: ErrorClass, msg: string): Error {
  return new ERROR_CLASSES[cls](msg);
}
