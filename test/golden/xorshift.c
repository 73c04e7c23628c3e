/* numbat native module for hashAll (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { int32_t *ptr; int64_t len; } nb_i32_vec;
static void nbf_xorshift(nb_ctx *ctx, nb_i32_vec src_0, nb_i32_vec dst_1);

static void nbf_xorshift(nb_ctx *ctx, nb_i32_vec src_0, nb_i32_vec dst_1) {
  int64_t i_2 = 0;
  int64_t x_3 = 0;
  int64_t nb_end2 = 0;
  int64_t nb_end1 = 0;
  int64_t nb_end0 = 0;
  if (src_0.len + -1 < dst_1.len && src_0.len + -1 < src_0.len) {
    if (((dst_1.len + -1) < 0 || (src_0.len + -1) < 0 || (uintptr_t)(dst_1.ptr + (dst_1.len + -1) + 1) <= (uintptr_t)(src_0.ptr + 0) || (uintptr_t)(src_0.ptr + (src_0.len + -1) + 1) <= (uintptr_t)(dst_1.ptr + 0))) {
      i_2 = 0;
      nb_end2 = src_0.len;
      NB_IVDEP
      for (; i_2 < nb_end2; i_2++) {
        x_3 = nb_xor((int64_t)src_0.ptr[i_2], 2654435769);
        x_3 = nb_xor(x_3, nb_shl(x_3, 13));
        x_3 = nb_xor(x_3, nb_ushr(x_3, 17));
        x_3 = nb_xor(x_3, nb_shl(x_3, 5));
        dst_1.ptr[i_2] = (int32_t)nb_or(nb_imul(x_3, 2246822507), 0);
      }
    } else {
      i_2 = 0;
      nb_end1 = src_0.len;
      for (; i_2 < nb_end1; i_2++) {
        x_3 = nb_xor((int64_t)src_0.ptr[i_2], 2654435769);
        x_3 = nb_xor(x_3, nb_shl(x_3, 13));
        x_3 = nb_xor(x_3, nb_ushr(x_3, 17));
        x_3 = nb_xor(x_3, nb_shl(x_3, 5));
        dst_1.ptr[i_2] = (int32_t)nb_or(nb_imul(x_3, 2246822507), 0);
      }
    }
  } else {
    i_2 = 0;
    nb_end0 = src_0.len;
    for (; i_2 < nb_end0; i_2++) {
      x_3 = nb_xor((int64_t)src_0.ptr[({ if (__builtin_expect((uint64_t)i_2 >= (uint64_t)src_0.len, 0)) { nb_oob(ctx, 0, 0, 1, i_2, src_0.len, 0); goto nb_fail; } i_2; })], 2654435769);
      x_3 = nb_xor(x_3, nb_shl(x_3, 13));
      x_3 = nb_xor(x_3, nb_ushr(x_3, 17));
      x_3 = nb_xor(x_3, nb_shl(x_3, 5));
      dst_1.ptr[({ if (__builtin_expect((uint64_t)i_2 >= (uint64_t)dst_1.len, 0)) { nb_oob(ctx, 1, 0, 1, i_2, dst_1.len, 1); goto nb_fail; } i_2; })] = (int32_t)nb_or(nb_imul(x_3, 2246822507), 0);
    }
  }
nb_fail:
  return;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_len, void *a1_ptr, double a1_len) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_i32_vec a0 = { (int32_t *)a0_ptr, nb_sat(a0_len) };
  nb_i32_vec a1 = { (int32_t *)a1_ptr, nb_sat(a1_len) };
  nbf_xorshift(ctx, a0, a1);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_release(ctx, NULL);
  return 0;
}
