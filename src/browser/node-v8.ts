// Browser version of `node:v8` for the browser build (build.ts): V8 flags cannot be set from a page,
// so runtime/wasm's request for optimised wasm code up front is declined (it catches this error).

export function setFlagsFromString(_flags: string): void {
  throw new Error("V8 flags cannot be set in a browser");
}
