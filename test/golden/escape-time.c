/* numbat native module for escapes (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { double *ptr; int64_t len; } nb_f64_vec;
typedef struct { int32_t *ptr; int64_t len; } nb_i32_vec;
static void nbf_escape_time(nb_ctx *ctx, nb_f64_vec cr_0, nb_f64_vec ci_1, nb_i32_vec out_2, int64_t limit_3);

static void nbf_escape_time(nb_ctx *ctx, nb_f64_vec cr_0, nb_f64_vec ci_1, nb_i32_vec out_2, int64_t limit_3) {
  int64_t p_4 = 0;
  double x_5 = 0;
  double y_6 = 0;
  int64_t k_7 = 0;
  double t_8 = 0;
  int64_t nb_end2 = 0;
  int64_t nb_end0 = 0;
  if (out_2.len + -1 < out_2.len && out_2.len + -1 < cr_0.len && out_2.len + -1 < ci_1.len) {
    p_4 = 0;
    nb_end2 = out_2.len;
    for (; p_4 < nb_end2; p_4++) {
      x_5 = 0.0;
      y_6 = 0.0;
      k_7 = 0;
      while (k_7 < limit_3 && x_5 * x_5 + y_6 * y_6 <= 4.0) {
        t_8 = x_5 * x_5 - y_6 * y_6 + cr_0.ptr[p_4];
        y_6 = 2.0 * x_5 * y_6 + ci_1.ptr[p_4];
        x_5 = t_8;
        k_7 = k_7 + 1;
      }
      out_2.ptr[p_4] = (int32_t)k_7;
    }
  } else {
    p_4 = 0;
    nb_end0 = out_2.len;
    for (; p_4 < nb_end0; p_4++) {
      x_5 = 0.0;
      y_6 = 0.0;
      k_7 = 0;
      while (k_7 < limit_3 && x_5 * x_5 + y_6 * y_6 <= 4.0) {
        t_8 = x_5 * x_5 - y_6 * y_6 + cr_0.ptr[({ if (__builtin_expect((uint64_t)p_4 >= (uint64_t)cr_0.len, 0)) { nb_oob(ctx, 0, 0, 1, p_4, cr_0.len, 0); goto nb_fail; } p_4; })];
        y_6 = 2.0 * x_5 * y_6 + ci_1.ptr[({ if (__builtin_expect((uint64_t)p_4 >= (uint64_t)ci_1.len, 0)) { nb_oob(ctx, 1, 0, 1, p_4, ci_1.len, 1); goto nb_fail; } p_4; })];
        x_5 = t_8;
        k_7 = k_7 + 1;
      }
      out_2.ptr[({ if (__builtin_expect((uint64_t)p_4 >= (uint64_t)out_2.len, 0)) { nb_oob(ctx, 2, 0, 1, p_4, out_2.len, 2); goto nb_fail; } p_4; })] = (int32_t)k_7;
    }
  }
nb_fail:
  return;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_len, void *a1_ptr, double a1_len, void *a2_ptr, double a2_len, double a3_in) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f64_vec a0 = { (double *)a0_ptr, nb_sat(a0_len) };
  nb_f64_vec a1 = { (double *)a1_ptr, nb_sat(a1_len) };
  nb_i32_vec a2 = { (int32_t *)a2_ptr, nb_sat(a2_len) };
  int64_t a3 = nb_sat(a3_in);
  nbf_escape_time(ctx, a0, a1, a2, a3);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_release(ctx, NULL);
  return 0;
}
