/* numbat native module for axpy (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { double *ptr; int64_t len; } nb_f64_vec;
static void nbf_axpy(nb_ctx *ctx, double a_0, nb_f64_vec x_1, nb_f64_vec y_2);

static void nbf_axpy(nb_ctx *ctx, double a_0, nb_f64_vec x_1, nb_f64_vec y_2) {
  int64_t i_3 = 0;
  int64_t nb_end2 = 0;
  int64_t nb_end1 = 0;
  int64_t nb_end0 = 0;
  if (y_2.len + -1 < y_2.len && y_2.len + -1 < x_1.len) {
    if (((y_2.len + -1) < 0 || (x_1.len + -1) < 0 || (uintptr_t)(y_2.ptr + (y_2.len + -1) + 1) <= (uintptr_t)(x_1.ptr + 0) || (uintptr_t)(x_1.ptr + (x_1.len + -1) + 1) <= (uintptr_t)(y_2.ptr + 0))) {
      i_3 = 0;
      nb_end2 = y_2.len;
      NB_IVDEP
      for (; i_3 < nb_end2; i_3++) {
        y_2.ptr[i_3] = a_0 * x_1.ptr[i_3] + y_2.ptr[i_3];
      }
    } else {
      i_3 = 0;
      nb_end1 = y_2.len;
      for (; i_3 < nb_end1; i_3++) {
        y_2.ptr[i_3] = a_0 * x_1.ptr[i_3] + y_2.ptr[i_3];
      }
    }
  } else {
    i_3 = 0;
    nb_end0 = y_2.len;
    for (; i_3 < nb_end0; i_3++) {
      { int64_t nb_t0 = ({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)y_2.len, 0)) { nb_oob(ctx, 0, 0, 1, i_3, y_2.len, 0); goto nb_fail; } i_3; }); double nb_t1 = ({ double nb_t2 = a_0 * x_1.ptr[({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)x_1.len, 0)) { nb_oob(ctx, 1, 0, 1, i_3, x_1.len, 1); goto nb_fail; } i_3; })]; double nb_t3 = y_2.ptr[({ if (__builtin_expect((uint64_t)i_3 >= (uint64_t)y_2.len, 0)) { nb_oob(ctx, 2, 0, 1, i_3, y_2.len, 2); goto nb_fail; } i_3; })]; nb_t2 + nb_t3; }); y_2.ptr[nb_t0] = nb_t1; }
    }
  }
nb_fail:
  return;
}

NB_EXPORT int32_t nb_main(double *nb_out, double a0_in, void *a1_ptr, double a1_len, void *a2_ptr, double a2_len) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  double a0 = a0_in;
  nb_f64_vec a1 = { (double *)a1_ptr, nb_sat(a1_len) };
  nb_f64_vec a2 = { (double *)a2_ptr, nb_sat(a2_len) };
  nbf_axpy(ctx, a0, a1, a2);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_release(ctx, NULL);
  return 0;
}
