/* numbat native module for addF32 (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { float *ptr; int64_t len; } nb_f32_vec;
static void nbf_f32_add(nb_ctx *ctx, nb_f32_vec a_0, nb_f32_vec b_1, nb_f32_vec c_2);

static void nbf_f32_add(nb_ctx *ctx, nb_f32_vec a_0, nb_f32_vec b_1, nb_f32_vec c_2) {
  int64_t i_3 = 0;
  int64_t nb_end2 = 0;
  int64_t nb_end1 = 0;
  int64_t nb_end0 = 0;
  if (c_2.len + -1 < c_2.len && c_2.len + -1 < a_0.len && c_2.len + -1 < b_1.len) {
    if ((((c_2.len + -1) < 0 || (a_0.len + -1) < 0 || (uintptr_t)(c_2.ptr + (c_2.len + -1) + 1) <= (uintptr_t)(a_0.ptr + 0) || (uintptr_t)(a_0.ptr + (a_0.len + -1) + 1) <= (uintptr_t)(c_2.ptr + 0))) && (((c_2.len + -1) < 0 || (b_1.len + -1) < 0 || (uintptr_t)(c_2.ptr + (c_2.len + -1) + 1) <= (uintptr_t)(b_1.ptr + 0) || (uintptr_t)(b_1.ptr + (b_1.len + -1) + 1) <= (uintptr_t)(c_2.ptr + 0)))) {
      i_3 = 0;
      nb_end2 = c_2.len;
      NB_IVDEP
      for (; i_3 < nb_end2; i_3++) {
        c_2.ptr[i_3] = (float)((double)a_0.ptr[i_3] + (double)b_1.ptr[i_3]);
      }
    } else {
      i_3 = 0;
      nb_end1 = c_2.len;
      for (; i_3 < nb_end1; i_3++) {
        c_2.ptr[i_3] = (float)((double)a_0.ptr[i_3] + (double)b_1.ptr[i_3]);
      }
    }
  } else {
    i_3 = 0;
    nb_end0 = c_2.len;
    for (; i_3 < nb_end0; i_3++) {
      { int64_t nb_t0 = ({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)c_2.len, 0)) { nb_oob(ctx, 0, 0, 1, i_3, c_2.len, 0); goto nb_fail; } i_3; }); double nb_t1 = ({ double nb_t2 = (double)a_0.ptr[({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)a_0.len, 0)) { nb_oob(ctx, 1, 0, 1, i_3, a_0.len, 1); goto nb_fail; } i_3; })]; double nb_t3 = (double)b_1.ptr[({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)b_1.len, 0)) { nb_oob(ctx, 2, 0, 1, i_3, b_1.len, 2); goto nb_fail; } i_3; })]; nb_t2 + nb_t3; }); c_2.ptr[nb_t0] = (float)nb_t1; }
    }
  }
nb_fail:
  return;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_len, void *a1_ptr, double a1_len, void *a2_ptr, double a2_len) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f32_vec a0 = { (float *)a0_ptr, nb_sat(a0_len) };
  nb_f32_vec a1 = { (float *)a1_ptr, nb_sat(a1_len) };
  nb_f32_vec a2 = { (float *)a2_ptr, nb_sat(a2_len) };
  nbf_f32_add(ctx, a0, a1, a2);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_release(ctx, NULL);
  return 0;
}
