// The one documented difference of the native target: transcendental Math functions come from the C
// library, which may differ from V8's fdlibm port in the last bits. Tests compare kernels that call
// them with this tolerance, on the native target only (docs/native.md lists the measured differences).

import { LIBM_FNS } from "./codegen.js";

/** Largest difference allowed, in units in the last place (glibc 2.36 measured at most 3: sinh, cosh). */
export const LIBM_ULPS = 4;

/** Matches a call of a libm-backed function in `inspect("ir")` text. */
export const LIBM_CALL = new RegExp(`\\b(${LIBM_FNS.join("|")})\\(`);

/** Distance in units in the last place, by the order of bit patterns (Infinity is next to MAX_VALUE); NaN only matches NaN. */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const u = new BigInt64Array(new Float64Array([a, b]).buffer);
  const key = (x: bigint): bigint => (x < 0n ? -(x & 0x7fffffffffffffffn) : x);
  const d = key(u[0]!) - key(u[1]!);
  return Number(d < 0n ? -d : d);
}

/** Object.is, or within LIBM_ULPS when `tolerant`. */
export function closeEnough(actual: number, expected: number, tolerant: boolean): boolean {
  return Object.is(actual, expected) || (tolerant && ulpDistance(actual, expected) <= LIBM_ULPS);
}
