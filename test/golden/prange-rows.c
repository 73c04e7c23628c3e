/* numbat native module for rowNorms (generated) */
/* PRELUDE: backends/native/prelude.ts */

/* PARALLEL: backends/native/prelude.ts */
typedef struct { double *ptr; int64_t len; } nb_f64_vec;
static void nbf_prange_rows_par0(nb_ctx *ctx, int64_t i_lo_1073741824, int64_t i_hi_1073741825, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3);
static void nbr_prange_rows_par0(nb_ctx *ctx, int64_t nb_s, int64_t nb_e, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3);
static void nbf_prange_rows_par1(nb_ctx *ctx, int64_t i_lo_1073741826, int64_t i_hi_1073741827, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3);
static void nbr_prange_rows_par1(nb_ctx *ctx, int64_t nb_s, int64_t nb_e, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3);
static void nbf_prange_rows_par2(nb_ctx *ctx, int64_t i_lo_1073741828, int64_t i_hi_1073741829, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3);
static void nbr_prange_rows_par2(nb_ctx *ctx, int64_t nb_s, int64_t nb_e, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3);
static void nbf_prange_rows(nb_ctx *ctx, nb_f64_vec X_0, nb_f64_vec out_1, int64_t m_2, int64_t n_3);

static void nbf_prange_rows_par0(nb_ctx *ctx, int64_t i_lo_1073741824, int64_t i_hi_1073741825, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3) {
  int64_t i_4 = 0;
  int64_t j_6 = 0;
  double s_5 = 0;
  double X_r_7 = 0;
  i_4 = i_lo_1073741824;
  for (; i_4 < i_hi_1073741825 && (uint64_t)i_hi_1073741825 - (uint64_t)i_4 >= 16; i_4 += 16) {
    nb_vd s_5_v0, s_5_v1, X_r_7_v0, X_r_7_v1;
    s_5_v0 = nb_vsplat((0.0));
    s_5_v1 = nb_vsplat((0.0));
    j_6 = 0;
    { int64_t nb_vend0 = n_3;
    for (; j_6 < nb_vend0; j_6++) {
      X_r_7_v0 = ((nb_vd){ X_0.ptr[i_4 * n_3 + j_6], X_0.ptr[(i_4 + 1) * n_3 + j_6], X_0.ptr[(i_4 + 2) * n_3 + j_6], X_0.ptr[(i_4 + 3) * n_3 + j_6], X_0.ptr[(i_4 + 4) * n_3 + j_6], X_0.ptr[(i_4 + 5) * n_3 + j_6], X_0.ptr[(i_4 + 6) * n_3 + j_6], X_0.ptr[(i_4 + 7) * n_3 + j_6] });
      X_r_7_v1 = ((nb_vd){ X_0.ptr[(i_4 + 8) * n_3 + j_6], X_0.ptr[(i_4 + 9) * n_3 + j_6], X_0.ptr[(i_4 + 10) * n_3 + j_6], X_0.ptr[(i_4 + 11) * n_3 + j_6], X_0.ptr[(i_4 + 12) * n_3 + j_6], X_0.ptr[(i_4 + 13) * n_3 + j_6], X_0.ptr[(i_4 + 14) * n_3 + j_6], X_0.ptr[(i_4 + 15) * n_3 + j_6] });
      s_5_v0 = (s_5_v0 + X_r_7_v0 * X_r_7_v0);
      s_5_v1 = (s_5_v1 + X_r_7_v1 * X_r_7_v1);
    } }
    nb_vst(&out_1.ptr[i_4], (({ nb_vd nb_vt1 = s_5_v0; (nb_vd){ sqrt(nb_vt1[0]), sqrt(nb_vt1[1]), sqrt(nb_vt1[2]), sqrt(nb_vt1[3]), sqrt(nb_vt1[4]), sqrt(nb_vt1[5]), sqrt(nb_vt1[6]), sqrt(nb_vt1[7]) }; })));
    nb_vst(&out_1.ptr[i_4 + 8], (({ nb_vd nb_vt2 = s_5_v1; (nb_vd){ sqrt(nb_vt2[0]), sqrt(nb_vt2[1]), sqrt(nb_vt2[2]), sqrt(nb_vt2[3]), sqrt(nb_vt2[4]), sqrt(nb_vt2[5]), sqrt(nb_vt2[6]), sqrt(nb_vt2[7]) }; })));
  }
  NB_IVDEP
  for (; i_4 < i_hi_1073741825; i_4++) {
    s_5 = 0.0;
    j_6 = 0;
    for (; j_6 < n_3; j_6++) {
      X_r_7 = X_0.ptr[i_4 * n_3 + j_6];
      s_5 = s_5 + X_r_7 * X_r_7;
    }
    out_1.ptr[i_4] = sqrt(s_5);
  }
}

static void nbr_prange_rows_par0(nb_ctx *ctx, int64_t nb_s, int64_t nb_e, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3) {
  int64_t nb_trips = nb_s < nb_e ? (int64_t)ceil(((double)nb_e - (double)nb_s) / 1.0) : 0;
  if (nb_trips <= 0) return;
  int64_t nb_n = nb_trips < 4 ? nb_trips : 4;
  nb_ctx nb_err = {0};
  int64_t nb_errc = INT64_MAX;
  int32_t nb_stop = 0;
#ifdef _OPENMP
#pragma omp parallel for if(nb_n > 1) num_threads(4) schedule(static, 1)
#endif
  for (int64_t nb_c = 0; nb_c < nb_n; nb_c++) {
    int64_t nb_t0 = (int64_t)((__int128)nb_c * nb_trips / nb_n), nb_t1 = (int64_t)((__int128)(nb_c + 1) * nb_trips / nb_n);
    nb_ctx nb_cc = {0};
    nbf_prange_rows_par0(&nb_cc, nb_s + nb_t0 * (int64_t)1, nb_s + nb_t1 * (int64_t)1, X_0, out_1, n_3);
    if (NB_UNLIKELY(nb_cc.kind)) {
      __atomic_store_n(&nb_stop, 1, __ATOMIC_RELAXED);
#ifdef _OPENMP
#pragma omp critical(nb_first_failure)
#endif
      { if (nb_c < nb_errc) { nb_errc = nb_c; nb_copy_error(&nb_err, &nb_cc); } }
    }
    nb_release(&nb_cc, NULL);
  }
  if (nb_errc != INT64_MAX) nb_copy_error(ctx, &nb_err);
}

static void nbf_prange_rows_par1(nb_ctx *ctx, int64_t i_lo_1073741826, int64_t i_hi_1073741827, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3) {
  int64_t i_4 = 0;
  int64_t addr_8 = 0;
  int64_t j_6 = 0;
  double s_5 = 0;
  double X_r_7 = 0;
  i_4 = i_lo_1073741826;
  for (; i_4 < i_hi_1073741827; i_4++) {
    s_5 = 0.0;
    addr_8 = i_4 * n_3;
    j_6 = 0;
    for (; j_6 < n_3; j_6++) {
      X_r_7 = X_0.ptr[addr_8 + j_6];
      s_5 = s_5 + X_r_7 * X_r_7;
    }
    out_1.ptr[i_4] = sqrt(s_5);
  }
}

static void nbr_prange_rows_par1(nb_ctx *ctx, int64_t nb_s, int64_t nb_e, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3) {
  int64_t nb_trips = nb_s < nb_e ? (int64_t)ceil(((double)nb_e - (double)nb_s) / 1.0) : 0;
  if (nb_trips <= 0) return;
  int64_t nb_n = nb_trips < 4 ? nb_trips : 4;
  nb_ctx nb_err = {0};
  int64_t nb_errc = INT64_MAX;
  int32_t nb_stop = 0;
#ifdef _OPENMP
#pragma omp parallel for if(nb_n > 1) num_threads(4) schedule(static, 1)
#endif
  for (int64_t nb_c = 0; nb_c < nb_n; nb_c++) {
    int64_t nb_t0 = (int64_t)((__int128)nb_c * nb_trips / nb_n), nb_t1 = (int64_t)((__int128)(nb_c + 1) * nb_trips / nb_n);
    nb_ctx nb_cc = {0};
    nbf_prange_rows_par1(&nb_cc, nb_s + nb_t0 * (int64_t)1, nb_s + nb_t1 * (int64_t)1, X_0, out_1, n_3);
    if (NB_UNLIKELY(nb_cc.kind)) {
      __atomic_store_n(&nb_stop, 1, __ATOMIC_RELAXED);
#ifdef _OPENMP
#pragma omp critical(nb_first_failure)
#endif
      { if (nb_c < nb_errc) { nb_errc = nb_c; nb_copy_error(&nb_err, &nb_cc); } }
    }
    nb_release(&nb_cc, NULL);
  }
  if (nb_errc != INT64_MAX) nb_copy_error(ctx, &nb_err);
}

static void nbf_prange_rows_par2(nb_ctx *ctx, int64_t i_lo_1073741828, int64_t i_hi_1073741829, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3) {
  int64_t i_4 = 0;
  double s_5 = 0;
  int64_t addr_9 = 0;
  int64_t j_6 = 0;
  i_4 = i_lo_1073741828;
  for (; i_4 < i_hi_1073741829; i_4++) {
    s_5 = 0.0;
    addr_9 = i_4 * n_3;
    j_6 = 0;
    for (; j_6 < n_3; j_6++) {
      s_5 = s_5 + ({ double nb_t1 = X_0.ptr[({ int64_t nb_t0 = addr_9 + j_6; if (__builtin_expect((uint64_t)nb_t0 >= (uint64_t)X_0.len, 0)) { nb_oob(ctx, 0, 0, 1, nb_t0, X_0.len, 2); goto nb_fail; } nb_t0; })]; double nb_t3 = X_0.ptr[({ int64_t nb_t2 = addr_9 + j_6; if (__builtin_expect((uint64_t)nb_t2 >= (uint64_t)X_0.len, 0)) { nb_oob(ctx, 1, 0, 1, nb_t2, X_0.len, 3); goto nb_fail; } nb_t2; })]; nb_t1 * nb_t3; });
    }
    out_1.ptr[({ if (__builtin_expect((uint64_t)i_4 >= (uint64_t)out_1.len, 0)) { nb_oob(ctx, 2, 0, 1, i_4, out_1.len, 4); goto nb_fail; } i_4; })] = sqrt(s_5);
  }
nb_fail:
  return;
}

static void nbr_prange_rows_par2(nb_ctx *ctx, int64_t nb_s, int64_t nb_e, nb_f64_vec X_0, nb_f64_vec out_1, int64_t n_3) {
  int64_t nb_trips = nb_s < nb_e ? (int64_t)ceil(((double)nb_e - (double)nb_s) / 1.0) : 0;
  if (nb_trips <= 0) return;
  int64_t nb_n = nb_trips < 4 ? nb_trips : 4;
  nb_ctx nb_err = {0};
  int64_t nb_errc = INT64_MAX;
  int32_t nb_stop = 0;
#ifdef _OPENMP
#pragma omp parallel for if(nb_n > 1) num_threads(4) schedule(static, 1)
#endif
  for (int64_t nb_c = 0; nb_c < nb_n; nb_c++) {
    int64_t nb_t0 = (int64_t)((__int128)nb_c * nb_trips / nb_n), nb_t1 = (int64_t)((__int128)(nb_c + 1) * nb_trips / nb_n);
    nb_ctx nb_cc = {0};
    nbf_prange_rows_par2(&nb_cc, nb_s + nb_t0 * (int64_t)1, nb_s + nb_t1 * (int64_t)1, X_0, out_1, n_3);
    if (NB_UNLIKELY(nb_cc.kind)) {
      __atomic_store_n(&nb_stop, 1, __ATOMIC_RELAXED);
#ifdef _OPENMP
#pragma omp critical(nb_first_failure)
#endif
      { if (nb_c < nb_errc) { nb_errc = nb_c; nb_copy_error(&nb_err, &nb_cc); } }
    }
    nb_release(&nb_cc, NULL);
  }
  if (nb_errc != INT64_MAX) nb_copy_error(ctx, &nb_err);
}

static void nbf_prange_rows(nb_ctx *ctx, nb_f64_vec X_0, nb_f64_vec out_1, int64_t m_2, int64_t n_3) {
  int64_t i_4 = 0;
  double s_5 = 0;
  int64_t j_6 = 0;
  double X_r_7 = 0;
  int64_t addr_8 = 0;
  int64_t addr_9 = 0;
  if (m_2 + -1 < out_1.len && nb_imin(0, n_3 * (m_2 + -1)) >= 0 && nb_imax(0, n_3 * (m_2 + -1)) + (n_3 + -1) < X_0.len) {
    if (((out_1.len + -1) < 0 || (X_0.len + -1) < 0 || (uintptr_t)(out_1.ptr + (out_1.len + -1) + 1) <= (uintptr_t)(X_0.ptr + 0) || (uintptr_t)(X_0.ptr + (X_0.len + -1) + 1) <= (uintptr_t)(out_1.ptr + 0))) {
      ({ nbr_prange_rows_par0(ctx, 0, m_2, X_0, out_1, n_3); if (NB_UNLIKELY(ctx->kind)) goto nb_fail; });
    } else {
      ({ nbr_prange_rows_par1(ctx, 0, m_2, X_0, out_1, n_3); if (NB_UNLIKELY(ctx->kind)) goto nb_fail; });
    }
  } else {
    ({ nbr_prange_rows_par2(ctx, 0, m_2, X_0, out_1, n_3); if (NB_UNLIKELY(ctx->kind)) goto nb_fail; });
  }
nb_fail:
  return;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_len, void *a1_ptr, double a1_len, double a2_in, double a3_in) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f64_vec a0 = { (double *)a0_ptr, nb_sat(a0_len) };
  nb_f64_vec a1 = { (double *)a1_ptr, nb_sat(a1_len) };
  int64_t a2 = nb_sat(a2_in);
  int64_t a3 = nb_sat(a3_in);
  nbf_prange_rows(ctx, a0, a1, a2, a3);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_release(ctx, NULL);
  return 0;
}
