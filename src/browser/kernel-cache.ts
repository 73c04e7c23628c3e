// Browser version of driver/kernel-cache.ts for the browser build (build.ts): a page has no disk
// cache, so `jit(fn, { cache: true })` compiles as without it (docs/browser.md).

import type { CacheSubject, CachedKernel, Describe } from "../driver/kernel-cache.js";

export function fingerprint(_s: CacheSubject, _describe: Describe): string {
  return "";
}

export function kernelKey(_s: CacheSubject, _signature: string, _describe: Describe): string {
  return "";
}

export function loadKernel(_key: string): CachedKernel | undefined {
  return undefined;
}

export function storeKernel(): void {
  // nothing is kept
}
