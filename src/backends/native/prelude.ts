// The fixed C text every native module starts with: the error/allocation context, and the helpers
// that give C operations JS's exact semantics (ToInt32, index conversion, Uint8ClampedArray stores,
// Math.round/sign/min/max, `**`, V8's Math.hypot, cbrt and exp). Mirrors src/backends/wasm/helpers.ts.

import { MAX_ALLOC_BYTES } from "../../runtime/errors.js";
import { VL } from "./vector.js";
import { hypotBody } from "../cstyle/hypot.js";

/** Error kinds written to `nb_ctx.kind`; the runtime maps them to the errors of runtime/errors.ts. */
export const ERROR_KINDS = { ok: 0, user: 1, oob: 2, rem0: 3, badsize: 4, nomem: 5, toobig: 6 } as const;

/** Layout of the doubles the entry wrapper writes on failure (`nb_out`). */
export const OUT = { kind: 0, site: 1, arr: 2, axis: 3, ndim: 4, index: 5, size: 6, bytes: 7 } as const;

export const PRELUDE = String.raw`#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#define NB_EXPORT __attribute__((visibility("default")))
#define NB_COLD __attribute__((cold, noinline))
#define NB_UNLIKELY(x) __builtin_expect(!!(x), 0)
/* Before loops whose iterations the optimiser proved independent. */
#if defined(__clang__)
#define NB_IVDEP _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define NB_IVDEP _Pragma("GCC ivdep")
#else
#define NB_IVDEP
#endif
/* Outer-loop vectorisation (backends/native/vector.ts): one lane per iteration, NB_VL lanes. */
#define NB_VL ${VL}
typedef double nb_vd __attribute__((vector_size(NB_VL * sizeof(double))));
#define nb_vld(p) ({ nb_vd nb_v_; __builtin_memcpy(&nb_v_, (p), sizeof nb_v_); nb_v_; })
#define nb_vst(p, x) do { nb_vd nb_v_ = (x); __builtin_memcpy((p), &nb_v_, sizeof nb_v_); } while (0)
#define nb_vsplat(x) ({ double nb_s_ = (x); (nb_vd){ ${Array.from({ length: VL }, () => "nb_s_").join(", ")} }; })

/* Per-call state: the first failure, and the arrays the kernel allocated (freed when the call ends). */
typedef struct {
  int32_t kind, site, arr, axis, ndim;
  double index, size, bytes;
  void **allocs;
  int64_t nallocs, cap;
} nb_ctx;

enum { NB_OK = ${ERROR_KINDS.ok}, NB_USER = ${ERROR_KINDS.user}, NB_OOB = ${ERROR_KINDS.oob}, NB_REM0 = ${ERROR_KINDS.rem0}, NB_BADSIZE = ${ERROR_KINDS.badsize}, NB_NOMEM = ${ERROR_KINDS.nomem}, NB_TOOBIG = ${ERROR_KINDS.toobig} };

static NB_COLD void nb_oob(nb_ctx *ctx, int32_t arr, int32_t axis, int32_t ndim, int64_t index, int64_t size, int32_t site) {
  ctx->kind = NB_OOB; ctx->arr = arr; ctx->axis = axis; ctx->ndim = ndim;
  ctx->index = (double)index; ctx->size = (double)size; ctx->site = site;
}
static NB_COLD void nb_fail_at(nb_ctx *ctx, int32_t kind, int32_t site) { ctx->kind = kind; ctx->site = site; }

/* calloc'd and recorded in the context; NULL (with the context's error set) on failure. */
static void *nb_alloc(nb_ctx *ctx, int64_t count, int64_t elem, int32_t site) {
  int64_t bytes;
  if (count < 0) { ctx->kind = NB_BADSIZE; ctx->size = (double)count; ctx->site = site; return NULL; }
  if (__builtin_mul_overflow(count, elem, &bytes)) bytes = INT64_MAX;
  /* The limit wasm has (runtime/errors.ts MAX_ALLOC_BYTES), so every target gives one answer; and no
     allocation the system would grant lazily and then kill the process for touching. */
  if (bytes > ${MAX_ALLOC_BYTES}LL) { ctx->kind = NB_TOOBIG; ctx->size = (double)count; ctx->bytes = bytes == INT64_MAX ? (double)count * (double)elem : (double)bytes; ctx->site = site; return NULL; }
  if (ctx->nallocs == ctx->cap) {
    int64_t cap = ctx->cap ? 2 * ctx->cap : 8;
    void **grown = (void **)realloc(ctx->allocs, (size_t)cap * sizeof(void *));
    if (!grown) { ctx->kind = NB_NOMEM; ctx->size = (double)count; ctx->bytes = (double)bytes; ctx->site = site; return NULL; }
    ctx->allocs = grown; ctx->cap = cap;
  }
  void *p = calloc(count ? (size_t)count : 1, (size_t)elem);
  if (!p) { ctx->kind = NB_NOMEM; ctx->size = (double)count; ctx->bytes = (double)bytes; ctx->site = site; return NULL; }
  ctx->allocs[ctx->nallocs++] = p;
  return p;
}
static int32_t nb_owns(const nb_ctx *ctx, const void *p) {
  for (int64_t i = 0; i < ctx->nallocs; i++) if (ctx->allocs[i] == p) return 1;
  return 0;
}
/* Frees every allocation of the call except keep (the returned array, which the caller takes). */
static void nb_release(nb_ctx *ctx, const void *keep) {
  for (int64_t i = 0; i < ctx->nallocs; i++) if (ctx->allocs[i] != keep) free(ctx->allocs[i]);
  free(ctx->allocs);
}
static void nb_report(const nb_ctx *ctx, double *out) {
  out[${OUT.kind}] = ctx->kind; out[${OUT.site}] = ctx->site; out[${OUT.arr}] = ctx->arr; out[${OUT.axis}] = ctx->axis;
  out[${OUT.ndim}] = ctx->ndim; out[${OUT.index}] = ctx->index; out[${OUT.size}] = ctx->size; out[${OUT.bytes}] = ctx->bytes;
}

/* The caller copies a returned allocation into a numbat array, then gives it back. */
NB_EXPORT void nb_take(void *dst, const void *src, int64_t bytes) {
#if defined(__linux__)
  /* A large result lands in pages of numbat's heap touched for the first time: fault them in with one
     call (a page fault each costs tens of microseconds in some VMs: 8 MB took 27 ms, populated 7 ms).
     Kernels before 5.14 answer EINVAL and the copy faults them in as before. */
  if (bytes >= (1 << 20)) {
    uintptr_t lo = ((uintptr_t)dst + 4095) & ~(uintptr_t)4095, hi = ((uintptr_t)dst + (uintptr_t)bytes) & ~(uintptr_t)4095;
    if (hi > lo) madvise((void *)lo, hi - lo, 23 /* MADV_POPULATE_WRITE */);
  }
#endif
  memcpy(dst, src, (size_t)bytes);
  free((void *)src);
}

/* JS numbers to int64 as wasm's i64.trunc_sat_f64_s: NaN -> 0, saturating. */
static inline int64_t nb_sat(double x) {
  return x != x ? 0 : x >= 9223372036854775808.0 ? INT64_MAX : x < -9223372036854775808.0 ? INT64_MIN : (int64_t)x;
}
/* JS ToInt32: NaN/Inf -> 0; truncate; modulo 2^32 (exact reduction above 2^63). */
static inline int64_t nb_f2i32(double x) {
  int64_t t;
  if (fabs(x) < 9223372036854775808.0) t = (int64_t)x;
  else if (x - x == 0) { double r = trunc(x); t = (int64_t)(r - floor(r / 4294967296.0) * 4294967296.0); }
  else t = 0;
  return (int32_t)(uint32_t)(uint64_t)t;
}
/* An integral float converts exactly; anything else becomes -1, which bounds checks reject. */
static inline int64_t nb_f2idx(double x) { int64_t t = nb_sat(x); return (double)t == x ? t : -1; }
/* Uint8ClampedArray stores: round half to even, clamp to 0..255, NaN -> 0. */
static inline int64_t nb_f2u8c(double x) { double r = nearbyint(x); r = r > 0 ? r : 0; r = r < 255 ? r : 255; return (int64_t)r; }
static inline int64_t nb_i2u8c(int64_t x) { return x > 255 ? 255 : x < 0 ? 0 : x; }
static inline int32_t nb_truthy(double x) { return x != 0 && x == x; }

static inline int64_t nb_i32(int64_t x) { return (int32_t)(uint32_t)(uint64_t)x; }
static inline int64_t nb_and(int64_t a, int64_t b) { return (int32_t)((uint32_t)a & (uint32_t)b); }
static inline int64_t nb_or(int64_t a, int64_t b) { return (int32_t)((uint32_t)a | (uint32_t)b); }
static inline int64_t nb_xor(int64_t a, int64_t b) { return (int32_t)((uint32_t)a ^ (uint32_t)b); }
static inline int64_t nb_shl(int64_t a, int64_t b) { return (int32_t)((uint32_t)a << ((uint32_t)b & 31)); }
static inline int64_t nb_shr(int64_t a, int64_t b) { return (int32_t)(uint32_t)a >> ((uint32_t)b & 31); }
static inline int64_t nb_ushr(int64_t a, int64_t b) { return (uint32_t)a >> ((uint32_t)b & 31); }
static inline int64_t nb_bitnot(int64_t a) { return (int32_t)~(uint32_t)a; }
static inline int64_t nb_imul(int64_t a, int64_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }
static inline int64_t nb_clz32(int64_t a) { return (uint32_t)a ? __builtin_clz((uint32_t)a) : 32; }
/* Integer remainder (the divisor is known non-zero); i64.rem_s gives 0 for INT64_MIN % -1, C traps. */
static inline int64_t nb_irem(int64_t a, int64_t b) { return b == -1 ? 0 : a % b; }

static inline int64_t nb_iabs(int64_t x) { return x < 0 ? -x : x; }
static inline int64_t nb_imin(int64_t a, int64_t b) { return a < b ? a : b; }
static inline int64_t nb_imax(int64_t a, int64_t b) { return a > b ? a : b; }
static inline int64_t nb_isign(int64_t x) { return (x > 0) - (x < 0); }
/* Math.min/max: NaN wins, -0 < +0. */
static inline double nb_fmin(double a, double b) { return a < b ? a : b < a ? b : a == b ? (signbit(a) ? a : b) : a + b; }
static inline double nb_fmax(double a, double b) { return a > b ? a : b > a ? b : a == b ? (signbit(a) ? b : a) : a + b; }
/* Math.round: halves go up; keeps -0 and NaN. */
static inline double nb_round(double x) { double r = ceil(x); return r - 0.5 > x ? r - 1 : r; }
static inline double nb_sign(double x) { return (x > 0 || x < 0) ? (x > 0 ? 1.0 : -1.0) : x; }
static inline int32_t nb_isnan(double x) { return x != x; }
static inline int32_t nb_isfinite(double x) { return fabs(x) < INFINITY; }
static inline int32_t nb_isinteger(double x) { return trunc(x) == x && fabs(x) < INFINITY; }
static inline int32_t nb_issafeinteger(double x) { return trunc(x) == x && fabs(x) <= 9007199254740991.0; }
/* JS **: unlike C, 1 ** NaN and (+-1) ** +-Infinity are NaN. */
static inline double nb_pow(double x, double y) {
  if (y != y || ((x == 1 || x == -1) && (y == INFINITY || y == -INFINITY))) return NAN;
  return pow(x, y);
}
/* Math.cbrt as V8 computes it (its fdlibm port, FreeBSD s_cbrt.c): bitwise equal, unlike glibc's cbrt. */
static double nb_cbrt(double x) {
  static const uint32_t B1 = 715094163, B2 = 696219795;
  static const double P0 = 1.87595182427177009643, P1 = -1.88497979543377169875, P2 = 1.621429720105354466140,
                      P3 = -0.758397934778766047437, P4 = 0.145996192886612446982;
  uint64_t bits, tb;
  memcpy(&bits, &x, 8);
  uint32_t hx = (uint32_t)(bits >> 32), low = (uint32_t)bits;
  uint32_t sign = hx & 0x80000000u;
  double r, s, t = 0.0, w;
  hx &= 0x7fffffffu;
  if (hx >= 0x7ff00000u) return x + x;
  if (hx < 0x00100000u) {
    if ((hx | low) == 0) return x;
    tb = (uint64_t)0x43500000u << 32; memcpy(&t, &tb, 8); /* 2^54 */
    t *= x;
    memcpy(&tb, &t, 8);
    tb = (uint64_t)(sign | (((uint32_t)(tb >> 32) & 0x7fffffffu) / 3 + B2)) << 32;
  } else {
    tb = (uint64_t)(sign | (hx / 3 + B1)) << 32;
  }
  memcpy(&t, &tb, 8);
  r = (t * t) * (t / x);
  t = t * ((P0 + r * (P1 + r * P2)) + ((r * r) * r) * (P3 + r * P4));
  memcpy(&tb, &t, 8);
  tb = (tb + 0x80000000u) & 0xffffffffc0000000ull;
  memcpy(&t, &tb, 8);
  s = t * t;
  r = x / s;
  w = t + t;
  r = (r - t) / (w + r);
  return t + t * r;
}
/* Math.exp as V8 computes it (its fdlibm port, base/ieee754.cc; the same steps as the wasm backend's
   exp.ts): bitwise equal, unlike glibc's exp. The module is built with -ffp-contract=off. */
static double nb_exp(double x) {
  static const double ln2HI = 6.93147180369123816490e-01, ln2LO = 1.90821492927058770002e-10,
                      invln2 = 1.44269504088896338700e+00, P1 = 1.66666666666666019037e-01,
                      P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
                      P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08,
                      o_threshold = 7.09782712893383973096e+02, u_threshold = -7.45133219101941108420e+02,
                      twom1000 = 9.33263618503218878990e-302, two1023 = 8.988465674311579539e307;
  uint64_t bits, tb;
  memcpy(&bits, &x, 8);
  uint32_t hx = (uint32_t)(bits >> 32);
  int32_t neg = (int32_t)(hx >> 31), k = 0;
  double hi = 0, lo = 0, t, c, y, twopk;
  hx &= 0x7fffffffu;
  if (hx >= 0x40862e42u) {
    if (x != x) return x + x;
    if (hx >= 0x7ff00000u) return neg ? 0.0 : x;
    if (x > o_threshold) return INFINITY;
    if (x < u_threshold) return 0.0;
  }
  if (hx > 0x3fd62e42u) {
    if (hx < 0x3ff0a2b2u) {
      if (x == 1.0) return 2.718281828459045;
      hi = x - (neg ? -ln2HI : ln2HI);
      lo = neg ? -ln2LO : ln2LO;
      k = 1 - neg - neg;
    } else {
      k = (int32_t)(invln2 * x + (neg ? -0.5 : 0.5));
      t = k;
      hi = x - t * ln2HI;
      lo = t * ln2LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000u) {
    return 1.0 + x;
  }
  t = x * x;
  c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k == 1024) return y * 2.0 * two1023;
  if (k >= -1021) {
    tb = (uint64_t)(0x3ff + k) << 52;
    memcpy(&twopk, &tb, 8);
    return y * twopk;
  }
  tb = (uint64_t)(0x3ff + k + 1000) << 52;
  memcpy(&twopk, &tb, 8);
  return y * twopk * twom1000;
}
/* V8's Math.hypot (builtins/math.tq): scale by the largest magnitude, Kahan-compensated sum of squares. */
static double nb_hypot(int32_t n, const double *v) {
${hypotBody({ T: "double", int: "int32_t", fabs: "fabs", sqrt: "sqrt", inf: "INFINITY", nan: "NAN" })}
}
`;

/**
 * Math.random: xorshift128+ (V8's generator, seeded separately: the streams differ from V8's). The state
 * is per thread (prange loops may call it from OpenMP threads): the first thread starts from the seed,
 * each other thread from the seed mixed with its arrival number.
 */
export const RANDOM = String.raw`static uint64_t nb_seed0 = 0x9E3779B97F4A7C15ull, nb_seed1 = 0xBF58476D1CE4E5B9ull, nb_threads_seen = 0;
static __thread uint64_t nb_rs0, nb_rs1;
static __thread int32_t nb_rs_ready;
NB_EXPORT void nb_seed(double a, double b) { nb_seed0 = (uint64_t)a ^ 0x9E3779B97F4A7C15ull; nb_seed1 = ((uint64_t)b << 1) | 1; }
static double nb_random(void) {
  if (NB_UNLIKELY(!nb_rs_ready)) {
    uint64_t k = __atomic_fetch_add(&nb_threads_seen, 1, __ATOMIC_RELAXED);
    nb_rs0 = nb_seed0 ^ (k * 0xD1B54A32D192ED03ull); nb_rs1 = nb_seed1; nb_rs_ready = 1;
  }
  uint64_t s1 = nb_rs0, s0 = nb_rs1;
  nb_rs0 = s0;
  s1 ^= s1 << 23; s1 ^= s1 >> 17; s1 ^= s0; s1 ^= s0 >> 26;
  nb_rs1 = s1;
  return (double)((nb_rs0 + nb_rs1) >> 11) * 0x1.0p-53;
}
`;

/** Helpers of parallel regions (prange loops; backends/native/parallel.ts). */
export const PARALLEL = String.raw`/* A chunk's failure, moved to the caller's context (the chunk's own allocations are freed separately). */
static void nb_copy_error(nb_ctx *dst, const nb_ctx *src) {
  dst->kind = src->kind; dst->site = src->site; dst->arr = src->arr; dst->axis = src->axis; dst->ndim = src->ndim;
  dst->index = src->index; dst->size = src->size; dst->bytes = src->bytes;
}
`;
