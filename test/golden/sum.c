/* numbat native module for sum (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { double *ptr; int64_t len; } nb_f64_vec;
static double nbf_sum(nb_ctx *ctx, nb_f64_vec a_0);

static double nbf_sum(nb_ctx *ctx, nb_f64_vec a_0) {
  double s_1 = 0;
  int64_t i_2 = 0;
  double a_r_3 = 0;
  int64_t nb_end1 = 0;
  int64_t nb_end0 = 0;
  s_1 = 0.0;
  if (a_0.len + -1 < a_0.len) {
    i_2 = 0;
    nb_end1 = a_0.len;
    for (; i_2 < nb_end1; i_2++) {
      a_r_3 = a_0.ptr[i_2];
      s_1 = s_1 + a_r_3;
    }
  } else {
    i_2 = 0;
    nb_end0 = a_0.len;
    for (; i_2 < nb_end0; i_2++) {
      s_1 = s_1 + a_0.ptr[({ if (__builtin_expect((uint64_t)i_2 >= (uint64_t)a_0.len, 0)) { nb_oob(ctx, 0, 0, 1, i_2, a_0.len, 0); goto nb_fail; } i_2; })];
    }
  }
  return s_1;
nb_fail:
  return 0;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_len) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f64_vec a0 = { (double *)a0_ptr, nb_sat(a0_len) };
  double r = nbf_sum(ctx, a0);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_out[0] = (double)r;
  nb_release(ctx, NULL);
  return 0;
}
