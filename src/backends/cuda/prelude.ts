// The fixed CUDA C++ text every kernel starts with: device helpers that give C operations JS's exact
// semantics (the device twins of src/backends/native/prelude.ts), written once as templates so that
// one spelling serves f32 kernels (`float`) and f64 kernels (`double`), the float atomics CUDA lacks
// (min/max as compare-and-swap loops with Math.min/max semantics), and the error word a failing
// thread writes for the host to read after the launch.

/** Error kinds in the low byte of `nb_error`; the site index is in the bits above. */
import { hypotBody } from "../cstyle/hypot.js";

export const CUDA_ERROR_KINDS = { ok: 0, user: 1, rem0: 3 } as const;

export const CUDA_PRELUDE = String.raw`#include <stdint.h>

#define NB_D static __device__ __forceinline__

/* The first failure of a launch: (site << 8) | kind; 0 while none. The host reads and clears it. */
extern "C" { __device__ unsigned long long nb_error = 0; }
static __device__ __noinline__ void nb_raise(unsigned kind, unsigned site) {
  atomicCAS(&nb_error, 0ULL, ((unsigned long long)site << 8) | kind);
}

/* float and double spellings of the libm functions the templates use. */
NB_D float nb_ceil(float x) { return ceilf(x); }
NB_D double nb_ceil(double x) { return ceil(x); }
NB_D float nb_trunc(float x) { return truncf(x); }
NB_D double nb_trunc(double x) { return trunc(x); }
NB_D float nb_fabs(float x) { return fabsf(x); }
NB_D double nb_fabs(double x) { return fabs(x); }
NB_D float nb_sqrt(float x) { return sqrtf(x); }
NB_D double nb_sqrt(double x) { return sqrt(x); }
NB_D float nb_powlib(float x, float y) { return powf(x, y); }
NB_D double nb_powlib(double x, double y) { return pow(x, y); }

/* JS numbers to int64 as wasm's i64.trunc_sat_f64_s: NaN -> 0, saturating. */
NB_D int64_t nb_sat(double x) {
  return x != x ? 0 : x >= 9223372036854775808.0 ? INT64_MAX : x < -9223372036854775808.0 ? INT64_MIN : (int64_t)x;
}
/* JS ToInt32 (floats convert to double exactly). */
NB_D int64_t nb_f2i32(double x) {
  int64_t t;
  if (fabs(x) < 9223372036854775808.0) t = (int64_t)x;
  else if (x - x == 0) { double r = trunc(x); t = (int64_t)(r - floor(r / 4294967296.0) * 4294967296.0); }
  else t = 0;
  return (int32_t)(uint32_t)(uint64_t)t;
}
/* An integral float converts exactly; anything else becomes -1. */
NB_D int64_t nb_f2idx(double x) { int64_t t = nb_sat(x); return (double)t == x ? t : -1; }
/* Uint8ClampedArray stores: round half to even, clamp to 0..255, NaN -> 0. */
NB_D int64_t nb_f2u8c(double x) { double r = rint(x); r = r > 0 ? r : 0; r = r < 255 ? r : 255; return (int64_t)r; }
NB_D int64_t nb_i2u8c(int64_t x) { return x > 255 ? 255 : x < 0 ? 0 : x; }
template <class T> NB_D int32_t nb_truthy(T x) { return x != 0 && x == x; }

NB_D int64_t nb_and(int64_t a, int64_t b) { return (int32_t)((uint32_t)a & (uint32_t)b); }
NB_D int64_t nb_or(int64_t a, int64_t b) { return (int32_t)((uint32_t)a | (uint32_t)b); }
NB_D int64_t nb_xor(int64_t a, int64_t b) { return (int32_t)((uint32_t)a ^ (uint32_t)b); }
NB_D int64_t nb_shl(int64_t a, int64_t b) { return (int32_t)((uint32_t)a << ((uint32_t)b & 31)); }
NB_D int64_t nb_shr(int64_t a, int64_t b) { return (int32_t)(uint32_t)a >> ((uint32_t)b & 31); }
NB_D int64_t nb_ushr(int64_t a, int64_t b) { return (uint32_t)a >> ((uint32_t)b & 31); }
NB_D int64_t nb_bitnot(int64_t a) { return (int32_t)~(uint32_t)a; }
NB_D int64_t nb_imul(int64_t a, int64_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }
NB_D int64_t nb_clz32(int64_t a) { return __clz((int)(uint32_t)a); }
/* Integer remainder (the divisor is known non-zero); INT64_MIN % -1 is 0, as in wasm. */
NB_D int64_t nb_irem(int64_t a, int64_t b) { return b == -1 ? 0 : a % b; }

NB_D int64_t nb_iabs(int64_t x) { return x < 0 ? -x : x; }
NB_D int64_t nb_imin(int64_t a, int64_t b) { return a < b ? a : b; }
NB_D int64_t nb_imax(int64_t a, int64_t b) { return a > b ? a : b; }
NB_D int64_t nb_isign(int64_t x) { return (x > 0) - (x < 0); }
/* Math.min/max: NaN wins, -0 < +0. */
template <class T> NB_D T nb_fmin(T a, T b) { return a < b ? a : b < a ? b : a == b ? (signbit(a) ? a : b) : a + b; }
template <class T> NB_D T nb_fmax(T a, T b) { return a > b ? a : b > a ? b : a == b ? (signbit(a) ? b : a) : a + b; }
/* Math.round: halves go up; keeps -0 and NaN. */
template <class T> NB_D T nb_round(T x) { T r = nb_ceil(x); return r - (T)0.5 > x ? r - 1 : r; }
template <class T> NB_D T nb_sign(T x) { return (x > 0 || x < 0) ? (x > 0 ? (T)1 : (T)-1) : x; }
template <class T> NB_D int32_t nb_isnan(T x) { return x != x; }
template <class T> NB_D int32_t nb_isfinite(T x) { return x - x == 0; }
template <class T> NB_D int32_t nb_isinteger(T x) { return nb_trunc(x) == x && x - x == 0; }
template <class T> NB_D int32_t nb_issafeinteger(T x) { return nb_trunc(x) == x && nb_fabs(x) <= (T)9007199254740991.0; }
/* JS **: unlike C, 1 ** NaN and (+-1) ** +-Infinity are NaN. */
template <class T> NB_D T nb_pow(T x, T y) {
  if (y != y || ((x == 1 || x == -1) && y - y != 0)) return (T)NAN;
  return nb_powlib(x, y);
}
/* V8's Math.hypot (builtins/math.tq): scale by the largest magnitude, Kahan-compensated sum of squares. */
template <class T, class... R> NB_D T nb_hypot(T x0, R... xs) {
  const T v[] = {x0, (T)xs...};
  const int n = 1 + (int)sizeof...(xs);
${hypotBody({ T: "T", int: "int", fabs: "nb_fabs", sqrt: "nb_sqrt", inf: "(T)INFINITY", nan: "(T)NAN" })}
}

/* Float atomics CUDA lacks: Math.min/max by compare-and-swap on the bits; the old value returned. */
NB_D float nb_bits_float(int b) { return __int_as_float(b); }
NB_D double nb_bits_float(unsigned long long b) { return __longlong_as_double((long long)b); }
NB_D int nb_float_bits(float x) { return __float_as_int(x); }
NB_D unsigned long long nb_float_bits(double x) { return (unsigned long long)__double_as_longlong(x); }
template <bool MAX, class T> NB_D T nb_atomic_minmax(T *p, T x) {
  typedef decltype(nb_float_bits(x)) B;
  B *q = (B *)p;
  B old = *(volatile B *)q, assumed;
  do {
    assumed = old;
    T cur = nb_bits_float(assumed);
    B next = nb_float_bits(MAX ? nb_fmax(cur, x) : nb_fmin(cur, x));
    if (next == assumed) break;
    old = atomicCAS(q, assumed, next);
  } while (old != assumed);
  return nb_bits_float(old);
}
NB_D double nb_atomic_exch(double *p, double x) {
  return __longlong_as_double((long long)atomicExch((unsigned long long *)p, (unsigned long long)__double_as_longlong(x)));
}
`;
