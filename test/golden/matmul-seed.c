/* numbat native module for matrixMultiplyLoops (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { double *ptr; int64_t n0, n1, s0, s1, off; } nb_f64_nd2;
static nb_f64_nd2 nb_alloc_nb_f64_nd2(nb_ctx *ctx, int64_t n0, int64_t n1, int32_t fill, int32_t site) {
  nb_f64_nd2 r = {0};
  if (n0 < 0) { ctx->kind = NB_BADSIZE; ctx->size = (double)n0; ctx->site = site; return r; }
  if (n1 < 0) { ctx->kind = NB_BADSIZE; ctx->size = (double)n1; ctx->site = site; return r; }
  int64_t count = 1;
  if (__builtin_mul_overflow(count, n0, &count)) count = INT64_MAX;
  if (__builtin_mul_overflow(count, n1, &count)) count = INT64_MAX;
  double *p = (double *)nb_alloc(ctx, count, sizeof(double), site);
  if (!p) return r;
  if (fill == 1) for (int64_t i = 0; i < count; i++) p[i] = 1;
  r.ptr = p;
  r.n0 = n0;
  r.n1 = n1;
  r.s1 = 1;
  r.s0 = r.s1 * n1;
  r.off = 0;
  return r;
}
static nb_f64_nd2 nbf_matmul_seed(nb_ctx *ctx, nb_f64_nd2 A_0, nb_f64_nd2 B_1);

static nb_f64_nd2 nbf_matmul_seed(nb_ctx *ctx, nb_f64_nd2 A_0, nb_f64_nd2 B_1) {
  int64_t m_2 = 0;
  int64_t n_3 = 0;
  int64_t n2_4 = 0;
  int64_t p_5 = 0;
  nb_f64_nd2 C_6 = {0};
  int64_t i_7 = 0;
  int64_t j_8 = 0;
  int64_t k_9 = 0;
  int64_t i_blk_r_10 = 0;
  int64_t j_blk_r_11 = 0;
  int64_t k_blk_r_12 = 0;
  double C_r_13 = 0;
  double C_r_14 = 0;
  double C_r_15 = 0;
  double C_r_16 = 0;
  double C_r_17 = 0;
  double C_r_18 = 0;
  double C_r_19 = 0;
  double C_r_20 = 0;
  double A_r_21 = 0;
  double B_r_22 = 0;
  double A_r_23 = 0;
  double A_r_24 = 0;
  double A_r_25 = 0;
  double A_r_26 = 0;
  double A_r_27 = 0;
  double A_r_28 = 0;
  double A_r_29 = 0;
  double C_r_30 = 0;
  double B_r_31 = 0;
  double B_r_32 = 0;
  double B_r_33 = 0;
  double B_r_34 = 0;
  double C_r_35 = 0;
  double B_r_36 = 0;
  int64_t nb_end25 = 0;
  int64_t nb_end28 = 0;
  int64_t nb_end29 = 0;
  int64_t nb_end30 = 0;
  int64_t nb_end32 = 0;
  int64_t nb_end14 = 0;
  int64_t nb_end17 = 0;
  int64_t nb_end18 = 0;
  int64_t nb_end19 = 0;
  int64_t nb_end21 = 0;
  m_2 = A_0.n0;
  n_3 = A_0.n1;
  n2_4 = B_1.n0;
  p_5 = B_1.n1;
  if (n_3 != n2_4) {
    nb_fail_at(ctx, NB_USER, 0); goto nb_fail;
  }
  C_6 = ({ nb_f64_nd2 nb_t0 = nb_alloc_nb_f64_nd2(ctx, m_2, p_5, 0, 0); if (NB_UNLIKELY(ctx->kind)) goto nb_fail; nb_t0; });
  if (m_2 + -1 < C_6.n0 && p_5 + -1 < C_6.n1 && m_2 + -1 < A_0.n0 && n_3 + -1 < A_0.n1 && n_3 + -1 < B_1.n0 && p_5 + -1 < B_1.n1) {
    if (C_6.s1 == 1 && B_1.s1 == 1) {
      if (1) {
        i_blk_r_10 = 0;
        nb_end25 = m_2 - nb_irem(m_2, 8);
        for (; i_blk_r_10 < nb_end25; i_blk_r_10 += 64) {
          j_blk_r_11 = 0;
          for (; j_blk_r_11 < p_5; j_blk_r_11 += 512) {
            k_blk_r_12 = 0;
            for (; k_blk_r_12 < n_3; k_blk_r_12 += 128) {
              i_7 = i_blk_r_10;
              nb_end28 = nb_imin(i_blk_r_10 + 64, m_2 - nb_irem(m_2, 8));
              for (; i_7 < nb_end28; i_7 += 8) {
                j_8 = j_blk_r_11;
                nb_end29 = nb_imin(j_blk_r_11 + 512, p_5);
                for (; j_8 < nb_end29 && (uint64_t)nb_end29 - (uint64_t)j_8 >= 16; j_8 += 16) {
                  nb_vd C_r_13_v0, C_r_13_v1, C_r_14_v0, C_r_14_v1, C_r_15_v0, C_r_15_v1, C_r_16_v0, C_r_16_v1, C_r_17_v0, C_r_17_v1, C_r_18_v0, C_r_18_v1, C_r_19_v0, C_r_19_v1, C_r_20_v0, C_r_20_v1, A_r_21_v0, A_r_21_v1, B_r_22_v0, B_r_22_v1, A_r_23_v0, A_r_23_v1, A_r_24_v0, A_r_24_v1, A_r_25_v0, A_r_25_v1, A_r_26_v0, A_r_26_v1, A_r_27_v0, A_r_27_v1, A_r_28_v0, A_r_28_v1, A_r_29_v0, A_r_29_v1;
                  C_r_13_v0 = (nb_vld(&C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1]));
                  C_r_13_v1 = (nb_vld(&C_6.ptr[C_6.off + i_7 * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  C_r_14_v0 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + j_8 * C_6.s1]));
                  C_r_14_v1 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  C_r_15_v0 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + j_8 * C_6.s1]));
                  C_r_15_v1 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  C_r_16_v0 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + j_8 * C_6.s1]));
                  C_r_16_v1 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  C_r_17_v0 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + j_8 * C_6.s1]));
                  C_r_17_v1 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  C_r_18_v0 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + j_8 * C_6.s1]));
                  C_r_18_v1 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  C_r_19_v0 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + j_8 * C_6.s1]));
                  C_r_19_v1 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  C_r_20_v0 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + j_8 * C_6.s1]));
                  C_r_20_v1 = (nb_vld(&C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + (j_8 + 8) * C_6.s1]));
                  k_9 = k_blk_r_12;
                  { int64_t nb_vend0 = nb_imin(k_blk_r_12 + 128, n_3);
                  for (; k_9 < nb_vend0; k_9++) {
                    A_r_21_v0 = nb_vsplat((A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1]));
                    A_r_21_v1 = nb_vsplat((A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1]));
                    B_r_22_v0 = (nb_vld(&B_1.ptr[B_1.off + k_9 * B_1.s0 + j_8 * B_1.s1]));
                    B_r_22_v1 = (nb_vld(&B_1.ptr[B_1.off + k_9 * B_1.s0 + (j_8 + 8) * B_1.s1]));
                    C_r_13_v0 = (C_r_13_v0 + A_r_21_v0 * B_r_22_v0);
                    C_r_13_v1 = (C_r_13_v1 + A_r_21_v1 * B_r_22_v1);
                    A_r_23_v0 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 1) * A_0.s0 + k_9 * A_0.s1]));
                    A_r_23_v1 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 1) * A_0.s0 + k_9 * A_0.s1]));
                    C_r_14_v0 = (C_r_14_v0 + A_r_23_v0 * B_r_22_v0);
                    C_r_14_v1 = (C_r_14_v1 + A_r_23_v1 * B_r_22_v1);
                    A_r_24_v0 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 2) * A_0.s0 + k_9 * A_0.s1]));
                    A_r_24_v1 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 2) * A_0.s0 + k_9 * A_0.s1]));
                    C_r_15_v0 = (C_r_15_v0 + A_r_24_v0 * B_r_22_v0);
                    C_r_15_v1 = (C_r_15_v1 + A_r_24_v1 * B_r_22_v1);
                    A_r_25_v0 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 3) * A_0.s0 + k_9 * A_0.s1]));
                    A_r_25_v1 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 3) * A_0.s0 + k_9 * A_0.s1]));
                    C_r_16_v0 = (C_r_16_v0 + A_r_25_v0 * B_r_22_v0);
                    C_r_16_v1 = (C_r_16_v1 + A_r_25_v1 * B_r_22_v1);
                    A_r_26_v0 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 4) * A_0.s0 + k_9 * A_0.s1]));
                    A_r_26_v1 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 4) * A_0.s0 + k_9 * A_0.s1]));
                    C_r_17_v0 = (C_r_17_v0 + A_r_26_v0 * B_r_22_v0);
                    C_r_17_v1 = (C_r_17_v1 + A_r_26_v1 * B_r_22_v1);
                    A_r_27_v0 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 5) * A_0.s0 + k_9 * A_0.s1]));
                    A_r_27_v1 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 5) * A_0.s0 + k_9 * A_0.s1]));
                    C_r_18_v0 = (C_r_18_v0 + A_r_27_v0 * B_r_22_v0);
                    C_r_18_v1 = (C_r_18_v1 + A_r_27_v1 * B_r_22_v1);
                    A_r_28_v0 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 6) * A_0.s0 + k_9 * A_0.s1]));
                    A_r_28_v1 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 6) * A_0.s0 + k_9 * A_0.s1]));
                    C_r_19_v0 = (C_r_19_v0 + A_r_28_v0 * B_r_22_v0);
                    C_r_19_v1 = (C_r_19_v1 + A_r_28_v1 * B_r_22_v1);
                    A_r_29_v0 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 7) * A_0.s0 + k_9 * A_0.s1]));
                    A_r_29_v1 = nb_vsplat((A_0.ptr[A_0.off + (i_7 + 7) * A_0.s0 + k_9 * A_0.s1]));
                    C_r_20_v0 = (C_r_20_v0 + A_r_29_v0 * B_r_22_v0);
                    C_r_20_v1 = (C_r_20_v1 + A_r_29_v1 * B_r_22_v1);
                  } }
                  nb_vst(&C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1], (C_r_13_v0));
                  nb_vst(&C_6.ptr[C_6.off + i_7 * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_13_v1));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + j_8 * C_6.s1], (C_r_14_v0));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_14_v1));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + j_8 * C_6.s1], (C_r_15_v0));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_15_v1));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + j_8 * C_6.s1], (C_r_16_v0));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_16_v1));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + j_8 * C_6.s1], (C_r_17_v0));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_17_v1));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + j_8 * C_6.s1], (C_r_18_v0));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_18_v1));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + j_8 * C_6.s1], (C_r_19_v0));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_19_v1));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + j_8 * C_6.s1], (C_r_20_v0));
                  nb_vst(&C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + (j_8 + 8) * C_6.s1], (C_r_20_v1));
                }
                NB_IVDEP
                for (; j_8 < nb_end29; j_8++) {
                  C_r_13 = C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1];
                  C_r_14 = C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + j_8 * C_6.s1];
                  C_r_15 = C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + j_8 * C_6.s1];
                  C_r_16 = C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + j_8 * C_6.s1];
                  C_r_17 = C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + j_8 * C_6.s1];
                  C_r_18 = C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + j_8 * C_6.s1];
                  C_r_19 = C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + j_8 * C_6.s1];
                  C_r_20 = C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + j_8 * C_6.s1];
                  k_9 = k_blk_r_12;
                  nb_end30 = nb_imin(k_blk_r_12 + 128, n_3);
                  for (; k_9 < nb_end30; k_9++) {
                    A_r_21 = A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1];
                    B_r_22 = B_1.ptr[B_1.off + k_9 * B_1.s0 + j_8 * B_1.s1];
                    C_r_13 = C_r_13 + A_r_21 * B_r_22;
                    A_r_23 = A_0.ptr[A_0.off + (i_7 + 1) * A_0.s0 + k_9 * A_0.s1];
                    C_r_14 = C_r_14 + A_r_23 * B_r_22;
                    A_r_24 = A_0.ptr[A_0.off + (i_7 + 2) * A_0.s0 + k_9 * A_0.s1];
                    C_r_15 = C_r_15 + A_r_24 * B_r_22;
                    A_r_25 = A_0.ptr[A_0.off + (i_7 + 3) * A_0.s0 + k_9 * A_0.s1];
                    C_r_16 = C_r_16 + A_r_25 * B_r_22;
                    A_r_26 = A_0.ptr[A_0.off + (i_7 + 4) * A_0.s0 + k_9 * A_0.s1];
                    C_r_17 = C_r_17 + A_r_26 * B_r_22;
                    A_r_27 = A_0.ptr[A_0.off + (i_7 + 5) * A_0.s0 + k_9 * A_0.s1];
                    C_r_18 = C_r_18 + A_r_27 * B_r_22;
                    A_r_28 = A_0.ptr[A_0.off + (i_7 + 6) * A_0.s0 + k_9 * A_0.s1];
                    C_r_19 = C_r_19 + A_r_28 * B_r_22;
                    A_r_29 = A_0.ptr[A_0.off + (i_7 + 7) * A_0.s0 + k_9 * A_0.s1];
                    C_r_20 = C_r_20 + A_r_29 * B_r_22;
                  }
                  C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1] = C_r_13;
                  C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + j_8 * C_6.s1] = C_r_14;
                  C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + j_8 * C_6.s1] = C_r_15;
                  C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + j_8 * C_6.s1] = C_r_16;
                  C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + j_8 * C_6.s1] = C_r_17;
                  C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + j_8 * C_6.s1] = C_r_18;
                  C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + j_8 * C_6.s1] = C_r_19;
                  C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + j_8 * C_6.s1] = C_r_20;
                }
              }
            }
          }
        }
        i_7 = m_2 - nb_irem(m_2, 8);
        for (; i_7 < m_2; i_7++) {
          if (1) {
            k_9 = 0;
            nb_end32 = n_3 - nb_irem(n_3, 4);
            for (; k_9 < nb_end32; k_9 += 4) {
              j_8 = 0;
              NB_IVDEP
              for (; j_8 < p_5; j_8++) {
                C_r_30 = C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1];
                B_r_31 = B_1.ptr[B_1.off + k_9 * B_1.s0 + j_8 * B_1.s1];
                C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1] * B_r_31;
                B_r_32 = B_1.ptr[B_1.off + (k_9 + 1) * B_1.s0 + j_8 * B_1.s1];
                C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + (k_9 + 1) * A_0.s1] * B_r_32;
                B_r_33 = B_1.ptr[B_1.off + (k_9 + 2) * B_1.s0 + j_8 * B_1.s1];
                C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + (k_9 + 2) * A_0.s1] * B_r_33;
                B_r_34 = B_1.ptr[B_1.off + (k_9 + 3) * B_1.s0 + j_8 * B_1.s1];
                C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + (k_9 + 3) * A_0.s1] * B_r_34;
                C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1] = C_r_30;
              }
            }
            k_9 = n_3 - nb_irem(n_3, 4);
            for (; k_9 < n_3; k_9++) {
              j_8 = 0;
              NB_IVDEP
              for (; j_8 < p_5; j_8++) {
                C_r_35 = C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1];
                B_r_36 = B_1.ptr[B_1.off + k_9 * B_1.s0 + j_8 * B_1.s1];
                C_r_35 = C_r_35 + A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1] * B_r_36;
                C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1] = C_r_35;
              }
            }
          }
        }
      }
    } else if (1) {
      i_blk_r_10 = 0;
      nb_end14 = m_2 - nb_irem(m_2, 8);
      for (; i_blk_r_10 < nb_end14; i_blk_r_10 += 64) {
        j_blk_r_11 = 0;
        for (; j_blk_r_11 < p_5; j_blk_r_11 += 512) {
          k_blk_r_12 = 0;
          for (; k_blk_r_12 < n_3; k_blk_r_12 += 128) {
            i_7 = i_blk_r_10;
            nb_end17 = nb_imin(i_blk_r_10 + 64, m_2 - nb_irem(m_2, 8));
            for (; i_7 < nb_end17; i_7 += 8) {
              j_8 = j_blk_r_11;
              nb_end18 = nb_imin(j_blk_r_11 + 512, p_5);
              for (; j_8 < nb_end18; j_8++) {
                C_r_13 = C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1];
                C_r_14 = C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + j_8 * C_6.s1];
                C_r_15 = C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + j_8 * C_6.s1];
                C_r_16 = C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + j_8 * C_6.s1];
                C_r_17 = C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + j_8 * C_6.s1];
                C_r_18 = C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + j_8 * C_6.s1];
                C_r_19 = C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + j_8 * C_6.s1];
                C_r_20 = C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + j_8 * C_6.s1];
                k_9 = k_blk_r_12;
                nb_end19 = nb_imin(k_blk_r_12 + 128, n_3);
                for (; k_9 < nb_end19; k_9++) {
                  A_r_21 = A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1];
                  B_r_22 = B_1.ptr[B_1.off + k_9 * B_1.s0 + j_8 * B_1.s1];
                  C_r_13 = C_r_13 + A_r_21 * B_r_22;
                  A_r_23 = A_0.ptr[A_0.off + (i_7 + 1) * A_0.s0 + k_9 * A_0.s1];
                  C_r_14 = C_r_14 + A_r_23 * B_r_22;
                  A_r_24 = A_0.ptr[A_0.off + (i_7 + 2) * A_0.s0 + k_9 * A_0.s1];
                  C_r_15 = C_r_15 + A_r_24 * B_r_22;
                  A_r_25 = A_0.ptr[A_0.off + (i_7 + 3) * A_0.s0 + k_9 * A_0.s1];
                  C_r_16 = C_r_16 + A_r_25 * B_r_22;
                  A_r_26 = A_0.ptr[A_0.off + (i_7 + 4) * A_0.s0 + k_9 * A_0.s1];
                  C_r_17 = C_r_17 + A_r_26 * B_r_22;
                  A_r_27 = A_0.ptr[A_0.off + (i_7 + 5) * A_0.s0 + k_9 * A_0.s1];
                  C_r_18 = C_r_18 + A_r_27 * B_r_22;
                  A_r_28 = A_0.ptr[A_0.off + (i_7 + 6) * A_0.s0 + k_9 * A_0.s1];
                  C_r_19 = C_r_19 + A_r_28 * B_r_22;
                  A_r_29 = A_0.ptr[A_0.off + (i_7 + 7) * A_0.s0 + k_9 * A_0.s1];
                  C_r_20 = C_r_20 + A_r_29 * B_r_22;
                }
                C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1] = C_r_13;
                C_6.ptr[C_6.off + (i_7 + 1) * C_6.s0 + j_8 * C_6.s1] = C_r_14;
                C_6.ptr[C_6.off + (i_7 + 2) * C_6.s0 + j_8 * C_6.s1] = C_r_15;
                C_6.ptr[C_6.off + (i_7 + 3) * C_6.s0 + j_8 * C_6.s1] = C_r_16;
                C_6.ptr[C_6.off + (i_7 + 4) * C_6.s0 + j_8 * C_6.s1] = C_r_17;
                C_6.ptr[C_6.off + (i_7 + 5) * C_6.s0 + j_8 * C_6.s1] = C_r_18;
                C_6.ptr[C_6.off + (i_7 + 6) * C_6.s0 + j_8 * C_6.s1] = C_r_19;
                C_6.ptr[C_6.off + (i_7 + 7) * C_6.s0 + j_8 * C_6.s1] = C_r_20;
              }
            }
          }
        }
      }
      i_7 = m_2 - nb_irem(m_2, 8);
      for (; i_7 < m_2; i_7++) {
        if (1) {
          k_9 = 0;
          nb_end21 = n_3 - nb_irem(n_3, 4);
          for (; k_9 < nb_end21; k_9 += 4) {
            j_8 = 0;
            for (; j_8 < p_5; j_8++) {
              C_r_30 = C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1];
              B_r_31 = B_1.ptr[B_1.off + k_9 * B_1.s0 + j_8 * B_1.s1];
              C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1] * B_r_31;
              B_r_32 = B_1.ptr[B_1.off + (k_9 + 1) * B_1.s0 + j_8 * B_1.s1];
              C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + (k_9 + 1) * A_0.s1] * B_r_32;
              B_r_33 = B_1.ptr[B_1.off + (k_9 + 2) * B_1.s0 + j_8 * B_1.s1];
              C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + (k_9 + 2) * A_0.s1] * B_r_33;
              B_r_34 = B_1.ptr[B_1.off + (k_9 + 3) * B_1.s0 + j_8 * B_1.s1];
              C_r_30 = C_r_30 + A_0.ptr[A_0.off + i_7 * A_0.s0 + (k_9 + 3) * A_0.s1] * B_r_34;
              C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1] = C_r_30;
            }
          }
          k_9 = n_3 - nb_irem(n_3, 4);
          for (; k_9 < n_3; k_9++) {
            j_8 = 0;
            for (; j_8 < p_5; j_8++) {
              C_r_35 = C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1];
              B_r_36 = B_1.ptr[B_1.off + k_9 * B_1.s0 + j_8 * B_1.s1];
              C_r_35 = C_r_35 + A_0.ptr[A_0.off + i_7 * A_0.s0 + k_9 * A_0.s1] * B_r_36;
              C_6.ptr[C_6.off + i_7 * C_6.s0 + j_8 * C_6.s1] = C_r_35;
            }
          }
        }
      }
    }
  } else {
    i_7 = 0;
    for (; i_7 < m_2; i_7++) {
      j_8 = 0;
      for (; j_8 < p_5; j_8++) {
        k_9 = 0;
        for (; k_9 < n_3; k_9++) {
          { int64_t nb_t1 = ({ if (__builtin_expect((uint64_t)i_7 >= (uint64_t)C_6.n0, 0)) { nb_oob(ctx, 0, 0, 2, i_7, C_6.n0, 1); goto nb_fail; } i_7; }); int64_t nb_t2 = ({ if (__builtin_expect((uint64_t)j_8 >= (uint64_t)C_6.n1, 0)) { nb_oob(ctx, 1, 1, 2, j_8, C_6.n1, 2); goto nb_fail; } j_8; }); double nb_t3 = ({ double nb_t6 = ({ int64_t nb_t4 = ({ if (__builtin_expect((uint64_t)i_7 >= (uint64_t)C_6.n0, 0)) { nb_oob(ctx, 2, 0, 2, i_7, C_6.n0, 3); goto nb_fail; } i_7; }); int64_t nb_t5 = ({ if (__builtin_expect((uint64_t)j_8 >= (uint64_t)C_6.n1, 0)) { nb_oob(ctx, 3, 1, 2, j_8, C_6.n1, 4); goto nb_fail; } j_8; }); C_6.ptr[C_6.off + nb_t4 * C_6.s0 + nb_t5 * C_6.s1]; }); double nb_t13 = ({ double nb_t9 = ({ int64_t nb_t7 = ({ if (__builtin_expect((uint64_t)i_7 >= (uint64_t)A_0.n0, 0)) { nb_oob(ctx, 4, 0, 2, i_7, A_0.n0, 5); goto nb_fail; } i_7; }); int64_t nb_t8 = ({ if (__builtin_expect((uint64_t)k_9 >= (uint64_t)A_0.n1, 0)) { nb_oob(ctx, 5, 1, 2, k_9, A_0.n1, 6); goto nb_fail; } k_9; }); A_0.ptr[A_0.off + nb_t7 * A_0.s0 + nb_t8 * A_0.s1]; }); double nb_t12 = ({ int64_t nb_t10 = ({ if (__builtin_expect((uint64_t)k_9 >= (uint64_t)B_1.n0, 0)) { nb_oob(ctx, 6, 0, 2, k_9, B_1.n0, 7); goto nb_fail; } k_9; }); int64_t nb_t11 = ({ if (__builtin_expect((uint64_t)j_8 >= (uint64_t)B_1.n1, 0)) { nb_oob(ctx, 7, 1, 2, j_8, B_1.n1, 8); goto nb_fail; } j_8; }); B_1.ptr[B_1.off + nb_t10 * B_1.s0 + nb_t11 * B_1.s1]; }); nb_t9 * nb_t12; }); nb_t6 + nb_t13; }); C_6.ptr[C_6.off + nb_t1 * C_6.s0 + nb_t2 * C_6.s1] = nb_t3; }
        }
      }
    }
  }
  return C_6;
nb_fail:
  return (nb_f64_nd2){0};
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_n0, double a0_n1, double a0_s0, double a0_s1, double a0_off, void *a1_ptr, double a1_n0, double a1_n1, double a1_s0, double a1_s1, double a1_off) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f64_nd2 a0 = { (double *)a0_ptr, nb_sat(a0_n0), nb_sat(a0_n1), nb_sat(a0_s0), nb_sat(a0_s1), nb_sat(a0_off) };
  nb_f64_nd2 a1 = { (double *)a1_ptr, nb_sat(a1_n0), nb_sat(a1_n1), nb_sat(a1_s0), nb_sat(a1_s1), nb_sat(a1_off) };
  nb_f64_nd2 r = nbf_matmul_seed(ctx, a0, a1);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_out[0] = (double)(uintptr_t)r.ptr;
  nb_out[1] = (double)r.n0;
  nb_out[2] = (double)r.n1;
  nb_out[3] = (double)r.s0;
  nb_out[4] = (double)r.s1;
  nb_out[5] = (double)r.off;
  nb_out[6] = -2;
  if (nb_out[6] == -2 && r.ptr == a0.ptr && r.n0 == a0.n0 && r.n1 == a0.n1 && r.s0 == a0.s0 && r.s1 == a0.s1 && r.off == a0.off) nb_out[6] = 0;
  if (nb_out[6] == -2 && r.ptr == a1.ptr && r.n0 == a1.n0 && r.n1 == a1.n1 && r.s0 == a1.s0 && r.s1 == a1.s1 && r.off == a1.off) nb_out[6] = 1;
  if (nb_owns(ctx, r.ptr)) nb_out[6] = -1;
  nb_release(ctx, nb_out[6] == -1 ? (const void *)r.ptr : NULL);
  return 0;
}
