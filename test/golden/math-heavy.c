/* numbat native module for waves (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { double *ptr; int64_t len; } nb_f64_vec;
static double nbf_math_heavy(nb_ctx *ctx, nb_f64_vec x_0, nb_f64_vec out_1);

static double nbf_math_heavy(nb_ctx *ctx, nb_f64_vec x_0, nb_f64_vec out_1) {
  double acc_2 = 0;
  int64_t i_3 = 0;
  double v_4 = 0;
  double r_5 = 0;
  double h_6 = 0;
  int64_t nb_end1 = 0;
  int64_t nb_end0 = 0;
  acc_2 = 0.0;
  if (x_0.len + -1 < out_1.len && x_0.len + -1 < x_0.len) {
    i_3 = 0;
    nb_end1 = x_0.len;
    for (; i_3 < nb_end1; i_3++) {
      v_4 = x_0.ptr[i_3];
      r_5 = sqrt(fabs(v_4)) + sin(v_4) * atan2(v_4, (double)(1 + i_3));
      h_6 = nb_hypot(3, (const double[]){v_4, r_5, 2.0}) - nb_pow(1.5, floor(v_4));
      out_1.ptr[i_3] = nb_fmin(r_5, h_6) + nb_round(v_4 * 3.0) * nb_sign(v_4 - 1.0);
      acc_2 = acc_2 + (double)nb_imax(nb_irem(i_3, 3), 1);
    }
  } else {
    i_3 = 0;
    nb_end0 = x_0.len;
    for (; i_3 < nb_end0; i_3++) {
      v_4 = x_0.ptr[({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)x_0.len, 0)) { nb_oob(ctx, 0, 0, 1, i_3, x_0.len, 0); goto nb_fail; } i_3; })];
      r_5 = sqrt(fabs(v_4)) + sin(v_4) * atan2(v_4, (double)(1 + i_3));
      h_6 = nb_hypot(3, (const double[]){v_4, r_5, 2.0}) - nb_pow(1.5, floor(v_4));
      out_1.ptr[({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)out_1.len, 0)) { nb_oob(ctx, 1, 0, 1, i_3, out_1.len, 1); goto nb_fail; } i_3; })] = nb_fmin(r_5, h_6) + nb_round(v_4 * 3.0) * nb_sign(v_4 - 1.0);
      acc_2 = acc_2 + (double)nb_imax(nb_irem(i_3, 3), 1);
    }
  }
  return acc_2;
nb_fail:
  return 0;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_len, void *a1_ptr, double a1_len) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f64_vec a0 = { (double *)a0_ptr, nb_sat(a0_len) };
  nb_f64_vec a1 = { (double *)a1_ptr, nb_sat(a1_len) };
  double r = nbf_math_heavy(ctx, a0, a1);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_out[0] = (double)r;
  nb_release(ctx, NULL);
  return 0;
}
