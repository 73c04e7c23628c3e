/* numbat native module for smooth (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { double *ptr; int64_t n0, n1, s0, s1, off; } nb_f64_nd2;
static void nbf_stencil_nd(nb_ctx *ctx, nb_f64_nd2 A_0, nb_f64_nd2 B_1);

static void nbf_stencil_nd(nb_ctx *ctx, nb_f64_nd2 A_0, nb_f64_nd2 B_1) {
  int64_t m_2 = 0;
  int64_t n_3 = 0;
  int64_t i_4 = 0;
  int64_t j_5 = 0;
  int64_t nb_end4 = 0;
  int64_t nb_end5 = 0;
  int64_t nb_end2 = 0;
  int64_t nb_end3 = 0;
  int64_t nb_end0 = 0;
  int64_t nb_end1 = 0;
  m_2 = A_0.n0;
  n_3 = A_0.n1;
  if (m_2 - 1 + -1 < B_1.n0 && n_3 - 1 + -1 < B_1.n1 && m_2 - 1 + -2 < A_0.n0 && n_3 - 1 + -1 < A_0.n1 && m_2 - 1 < A_0.n0 && m_2 - 1 + -1 < A_0.n0 && n_3 - 1 + -2 < A_0.n1 && n_3 - 1 < A_0.n1) {
    if (B_1.s1 == 1 && A_0.s1 == 1 && (((B_1.off + nb_imax(0, (B_1.n0 + -1) * B_1.s0) + nb_imax(0, (B_1.n1 + -1) * B_1.s1)) < (B_1.off + nb_imin(0, (B_1.n0 + -1) * B_1.s0) + nb_imin(0, (B_1.n1 + -1) * B_1.s1)) || (A_0.off + nb_imax(0, (A_0.n0 + -1) * A_0.s0) + nb_imax(0, (A_0.n1 + -1) * A_0.s1)) < (A_0.off + nb_imin(0, (A_0.n0 + -1) * A_0.s0) + nb_imin(0, (A_0.n1 + -1) * A_0.s1)) || (uintptr_t)(B_1.ptr + (B_1.off + nb_imax(0, (B_1.n0 + -1) * B_1.s0) + nb_imax(0, (B_1.n1 + -1) * B_1.s1)) + 1) <= (uintptr_t)(A_0.ptr + (A_0.off + nb_imin(0, (A_0.n0 + -1) * A_0.s0) + nb_imin(0, (A_0.n1 + -1) * A_0.s1))) || (uintptr_t)(A_0.ptr + (A_0.off + nb_imax(0, (A_0.n0 + -1) * A_0.s0) + nb_imax(0, (A_0.n1 + -1) * A_0.s1)) + 1) <= (uintptr_t)(B_1.ptr + (B_1.off + nb_imin(0, (B_1.n0 + -1) * B_1.s0) + nb_imin(0, (B_1.n1 + -1) * B_1.s1)))))) {
      i_4 = 1;
      nb_end4 = m_2 - 1;
      for (; i_4 < nb_end4; i_4++) {
        j_5 = 1;
        nb_end5 = n_3 - 1;
        NB_IVDEP
        for (; j_5 < nb_end5; j_5++) {
          B_1.ptr[B_1.off + i_4 * B_1.s0 + j_5 * B_1.s1] = 0.25 * (A_0.ptr[A_0.off + (i_4 - 1) * A_0.s0 + j_5 * A_0.s1] + A_0.ptr[A_0.off + (i_4 + 1) * A_0.s0 + j_5 * A_0.s1] + A_0.ptr[A_0.off + i_4 * A_0.s0 + (j_5 - 1) * A_0.s1] + A_0.ptr[A_0.off + i_4 * A_0.s0 + (j_5 + 1) * A_0.s1]);
        }
      }
    } else {
      i_4 = 1;
      nb_end2 = m_2 - 1;
      for (; i_4 < nb_end2; i_4++) {
        j_5 = 1;
        nb_end3 = n_3 - 1;
        for (; j_5 < nb_end3; j_5++) {
          B_1.ptr[B_1.off + i_4 * B_1.s0 + j_5 * B_1.s1] = 0.25 * (A_0.ptr[A_0.off + (i_4 - 1) * A_0.s0 + j_5 * A_0.s1] + A_0.ptr[A_0.off + (i_4 + 1) * A_0.s0 + j_5 * A_0.s1] + A_0.ptr[A_0.off + i_4 * A_0.s0 + (j_5 - 1) * A_0.s1] + A_0.ptr[A_0.off + i_4 * A_0.s0 + (j_5 + 1) * A_0.s1]);
        }
      }
    }
  } else {
    i_4 = 1;
    nb_end0 = m_2 - 1;
    for (; i_4 < nb_end0; i_4++) {
      j_5 = 1;
      nb_end1 = n_3 - 1;
      for (; j_5 < nb_end1; j_5++) {
        { int64_t nb_t0 = ({ if (__builtin_expect((uint64_t)i_4 >= (uint64_t)B_1.n0, 0)) { nb_oob(ctx, 0, 0, 2, i_4, B_1.n0, 0); goto nb_fail; } i_4; }); int64_t nb_t1 = ({ if (__builtin_expect((uint64_t)j_5 >= (uint64_t)B_1.n1, 0)) { nb_oob(ctx, 1, 1, 2, j_5, B_1.n1, 1); goto nb_fail; } j_5; }); double nb_t2 = 0.25 * ({ double nb_t16 = ({ double nb_t11 = ({ double nb_t6 = ({ int64_t nb_t3 = ({ int64_t nb_t4 = i_4 - 1; if (__builtin_expect((uint64_t)nb_t4 >= (uint64_t)A_0.n0, 0)) { nb_oob(ctx, 2, 0, 2, nb_t4, A_0.n0, 2); goto nb_fail; } nb_t4; }); int64_t nb_t5 = ({ if (__builtin_expect((uint64_t)j_5 >= (uint64_t)A_0.n1, 0)) { nb_oob(ctx, 3, 1, 2, j_5, A_0.n1, 3); goto nb_fail; } j_5; }); A_0.ptr[A_0.off + nb_t3 * A_0.s0 + nb_t5 * A_0.s1]; }); double nb_t10 = ({ int64_t nb_t7 = ({ int64_t nb_t8 = i_4 + 1; if (__builtin_expect((uint64_t)nb_t8 >= (uint64_t)A_0.n0, 0)) { nb_oob(ctx, 4, 0, 2, nb_t8, A_0.n0, 4); goto nb_fail; } nb_t8; }); int64_t nb_t9 = ({ if (__builtin_expect((uint64_t)j_5 >= (uint64_t)A_0.n1, 0)) { nb_oob(ctx, 5, 1, 2, j_5, A_0.n1, 5); goto nb_fail; } j_5; }); A_0.ptr[A_0.off + nb_t7 * A_0.s0 + nb_t9 * A_0.s1]; }); nb_t6 + nb_t10; }); double nb_t15 = ({ int64_t nb_t12 = ({ if (__builtin_expect((uint64_t)i_4 >= (uint64_t)A_0.n0, 0)) { nb_oob(ctx, 6, 0, 2, i_4, A_0.n0, 6); goto nb_fail; } i_4; }); int64_t nb_t13 = ({ int64_t nb_t14 = j_5 - 1; if (__builtin_expect((uint64_t)nb_t14 >= (uint64_t)A_0.n1, 0)) { nb_oob(ctx, 7, 1, 2, nb_t14, A_0.n1, 7); goto nb_fail; } nb_t14; }); A_0.ptr[A_0.off + nb_t12 * A_0.s0 + nb_t13 * A_0.s1]; }); nb_t11 + nb_t15; }); double nb_t20 = ({ int64_t nb_t17 = ({ if (__builtin_expect((uint64_t)i_4 >= (uint64_t)A_0.n0, 0)) { nb_oob(ctx, 8, 0, 2, i_4, A_0.n0, 8); goto nb_fail; } i_4; }); int64_t nb_t18 = ({ int64_t nb_t19 = j_5 + 1; if (__builtin_expect((uint64_t)nb_t19 >= (uint64_t)A_0.n1, 0)) { nb_oob(ctx, 9, 1, 2, nb_t19, A_0.n1, 9); goto nb_fail; } nb_t19; }); A_0.ptr[A_0.off + nb_t17 * A_0.s0 + nb_t18 * A_0.s1]; }); nb_t16 + nb_t20; }); B_1.ptr[B_1.off + nb_t0 * B_1.s0 + nb_t1 * B_1.s1] = nb_t2; }
      }
    }
  }
nb_fail:
  return;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_n0, double a0_n1, double a0_s0, double a0_s1, double a0_off, void *a1_ptr, double a1_n0, double a1_n1, double a1_s0, double a1_s1, double a1_off) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f64_nd2 a0 = { (double *)a0_ptr, nb_sat(a0_n0), nb_sat(a0_n1), nb_sat(a0_s0), nb_sat(a0_s1), nb_sat(a0_off) };
  nb_f64_nd2 a1 = { (double *)a1_ptr, nb_sat(a1_n0), nb_sat(a1_n1), nb_sat(a1_s0), nb_sat(a1_s1), nb_sat(a1_off) };
  nbf_stencil_nd(ctx, a0, a1);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_release(ctx, NULL);
  return 0;
}
