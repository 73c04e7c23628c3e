/* numbat native module for matmulFlat (generated) */
/* PRELUDE: backends/native/prelude.ts */


typedef struct { double *ptr; int64_t len; } nb_f64_vec;
static void nbf_matmul_flat(nb_ctx *ctx, nb_f64_vec A_0, nb_f64_vec B_1, nb_f64_vec C_2, int64_t m_3, int64_t n_4, int64_t p_5);

static void nbf_matmul_flat(nb_ctx *ctx, nb_f64_vec A_0, nb_f64_vec B_1, nb_f64_vec C_2, int64_t m_3, int64_t n_4, int64_t p_5) {
  int64_t i_6 = 0;
  int64_t j_7 = 0;
  double s_8 = 0;
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
  int64_t addr_30 = 0;
  int64_t addr_31 = 0;
  int64_t addr_32 = 0;
  int64_t addr_33 = 0;
  int64_t addr_34 = 0;
  int64_t addr_35 = 0;
  int64_t addr_36 = 0;
  int64_t addr_37 = 0;
  int64_t addr_38 = 0;
  int64_t addr_39 = 0;
  int64_t addr_40 = 0;
  int64_t addr_41 = 0;
  int64_t addr_42 = 0;
  int64_t addr_43 = 0;
  int64_t addr_44 = 0;
  int64_t addr_45 = 0;
  int64_t addr_46 = 0;
  int64_t addr_47 = 0;
  int64_t addr_48 = 0;
  int64_t addr_49 = 0;
  int64_t addr_50 = 0;
  int64_t addr_51 = 0;
  int64_t addr_52 = 0;
  int64_t addr_53 = 0;
  int64_t addr_54 = 0;
  int64_t addr_55 = 0;
  int64_t addr_56 = 0;
  int64_t addr_57 = 0;
  int64_t addr_58 = 0;
  int64_t addr_59 = 0;
  int64_t addr_60 = 0;
  int64_t addr_61 = 0;
  int64_t addr_62 = 0;
  int64_t addr_63 = 0;
  int64_t addr_64 = 0;
  int64_t addr_65 = 0;
  int64_t addr_66 = 0;
  int64_t addr_67 = 0;
  int64_t addr_68 = 0;
  int64_t addr_69 = 0;
  int64_t addr_70 = 0;
  int64_t addr_71 = 0;
  int64_t addr_72 = 0;
  int64_t addr_73 = 0;
  int64_t addr_74 = 0;
  int64_t addr_75 = 0;
  int64_t addr_76 = 0;
  int64_t addr_77 = 0;
  int64_t addr_78 = 0;
  int64_t addr_79 = 0;
  int64_t addr_80 = 0;
  int64_t addr_81 = 0;
  int64_t addr_82 = 0;
  int64_t addr_83 = 0;
  int64_t addr_84 = 0;
  int64_t addr_85 = 0;
  int64_t addr_86 = 0;
  int64_t addr_87 = 0;
  int64_t addr_88 = 0;
  int64_t addr_89 = 0;
  int64_t nb_end32 = 0;
  int64_t nb_end35 = 0;
  int64_t nb_end36 = 0;
  int64_t nb_end37 = 0;
  int64_t nb_end39 = 0;
  int64_t nb_end19 = 0;
  int64_t nb_end22 = 0;
  int64_t nb_end23 = 0;
  int64_t nb_end24 = 0;
  int64_t nb_end26 = 0;
  if (nb_imin(0, p_5 * (m_3 + -1)) >= 0 && nb_imax(0, p_5 * (m_3 + -1)) + (p_5 + -1) < C_2.len && nb_imin(0, n_4 * (m_3 + -1)) >= 0 && nb_imax(0, n_4 * (m_3 + -1)) + (n_4 + -1) < A_0.len && nb_imin(0, p_5 * (n_4 + -1)) >= 0 && nb_imax(0, p_5 * (n_4 + -1)) + (p_5 + -1) < B_1.len && p_5 >= p_5 && (((C_2.len + -1) < 0 || (A_0.len + -1) < 0 || (uintptr_t)(C_2.ptr + (C_2.len + -1) + 1) <= (uintptr_t)(A_0.ptr + 0) || (uintptr_t)(A_0.ptr + (A_0.len + -1) + 1) <= (uintptr_t)(C_2.ptr + 0))) && (((C_2.len + -1) < 0 || (B_1.len + -1) < 0 || (uintptr_t)(C_2.ptr + (C_2.len + -1) + 1) <= (uintptr_t)(B_1.ptr + 0) || (uintptr_t)(B_1.ptr + (B_1.len + -1) + 1) <= (uintptr_t)(C_2.ptr + 0)))) {
    if ((((C_2.len + -1) < 0 || (A_0.len + -1) < 0 || (uintptr_t)(C_2.ptr + (C_2.len + -1) + 1) <= (uintptr_t)(A_0.ptr + 0) || (uintptr_t)(A_0.ptr + (A_0.len + -1) + 1) <= (uintptr_t)(C_2.ptr + 0))) && (((C_2.len + -1) < 0 || (B_1.len + -1) < 0 || (uintptr_t)(C_2.ptr + (C_2.len + -1) + 1) <= (uintptr_t)(B_1.ptr + 0) || (uintptr_t)(B_1.ptr + (B_1.len + -1) + 1) <= (uintptr_t)(C_2.ptr + 0)))) {
      i_6 = 0;
      for (; i_6 < m_3; i_6++) {
        addr_30 = i_6 * p_5;
        j_7 = 0;
        NB_IVDEP
        for (; j_7 < p_5; j_7++) {
          C_2.ptr[addr_30 + j_7] = 0.0;
        }
      }
      if (1) {
        i_blk_r_10 = 0;
        nb_end32 = m_3 - nb_irem(m_3, 8);
        for (; i_blk_r_10 < nb_end32; i_blk_r_10 += 64) {
          j_blk_r_11 = 0;
          for (; j_blk_r_11 < p_5; j_blk_r_11 += 512) {
            k_blk_r_12 = 0;
            for (; k_blk_r_12 < n_4; k_blk_r_12 += 128) {
              i_6 = i_blk_r_10;
              nb_end35 = nb_imin(i_blk_r_10 + 64, m_3 - nb_irem(m_3, 8));
              for (; i_6 < nb_end35; i_6 += 8) {
                addr_31 = i_6 * p_5;
                addr_32 = (i_6 + 1) * p_5;
                addr_33 = (i_6 + 2) * p_5;
                addr_34 = (i_6 + 3) * p_5;
                addr_35 = (i_6 + 4) * p_5;
                addr_36 = (i_6 + 5) * p_5;
                addr_37 = (i_6 + 6) * p_5;
                addr_38 = (i_6 + 7) * p_5;
                addr_39 = i_6 * n_4;
                addr_40 = (i_6 + 1) * n_4;
                addr_41 = (i_6 + 2) * n_4;
                addr_42 = (i_6 + 3) * n_4;
                addr_43 = (i_6 + 4) * n_4;
                addr_44 = (i_6 + 5) * n_4;
                addr_45 = (i_6 + 6) * n_4;
                addr_46 = (i_6 + 7) * n_4;
                j_7 = j_blk_r_11;
                nb_end36 = nb_imin(j_blk_r_11 + 512, p_5);
                for (; j_7 < nb_end36 && (uint64_t)nb_end36 - (uint64_t)j_7 >= 16; j_7 += 16) {
                  nb_vd C_r_13_v0, C_r_13_v1, C_r_14_v0, C_r_14_v1, C_r_15_v0, C_r_15_v1, C_r_16_v0, C_r_16_v1, C_r_17_v0, C_r_17_v1, C_r_18_v0, C_r_18_v1, C_r_19_v0, C_r_19_v1, C_r_20_v0, C_r_20_v1, A_r_21_v0, A_r_21_v1, B_r_22_v0, B_r_22_v1, A_r_23_v0, A_r_23_v1, A_r_24_v0, A_r_24_v1, A_r_25_v0, A_r_25_v1, A_r_26_v0, A_r_26_v1, A_r_27_v0, A_r_27_v1, A_r_28_v0, A_r_28_v1, A_r_29_v0, A_r_29_v1;
                  C_r_13_v0 = (nb_vld(&C_2.ptr[addr_31 + j_7]));
                  C_r_13_v1 = (nb_vld(&C_2.ptr[addr_31 + (j_7 + 8)]));
                  C_r_14_v0 = (nb_vld(&C_2.ptr[addr_32 + j_7]));
                  C_r_14_v1 = (nb_vld(&C_2.ptr[addr_32 + (j_7 + 8)]));
                  C_r_15_v0 = (nb_vld(&C_2.ptr[addr_33 + j_7]));
                  C_r_15_v1 = (nb_vld(&C_2.ptr[addr_33 + (j_7 + 8)]));
                  C_r_16_v0 = (nb_vld(&C_2.ptr[addr_34 + j_7]));
                  C_r_16_v1 = (nb_vld(&C_2.ptr[addr_34 + (j_7 + 8)]));
                  C_r_17_v0 = (nb_vld(&C_2.ptr[addr_35 + j_7]));
                  C_r_17_v1 = (nb_vld(&C_2.ptr[addr_35 + (j_7 + 8)]));
                  C_r_18_v0 = (nb_vld(&C_2.ptr[addr_36 + j_7]));
                  C_r_18_v1 = (nb_vld(&C_2.ptr[addr_36 + (j_7 + 8)]));
                  C_r_19_v0 = (nb_vld(&C_2.ptr[addr_37 + j_7]));
                  C_r_19_v1 = (nb_vld(&C_2.ptr[addr_37 + (j_7 + 8)]));
                  C_r_20_v0 = (nb_vld(&C_2.ptr[addr_38 + j_7]));
                  C_r_20_v1 = (nb_vld(&C_2.ptr[addr_38 + (j_7 + 8)]));
                  k_9 = k_blk_r_12;
                  { int64_t nb_vend0 = nb_imin(k_blk_r_12 + 128, n_4);
                  for (; k_9 < nb_vend0; k_9++) {
                    A_r_21_v0 = nb_vsplat((A_0.ptr[addr_39 + k_9]));
                    A_r_21_v1 = nb_vsplat((A_0.ptr[addr_39 + k_9]));
                    B_r_22_v0 = (nb_vld(&B_1.ptr[k_9 * p_5 + j_7]));
                    B_r_22_v1 = (nb_vld(&B_1.ptr[k_9 * p_5 + (j_7 + 8)]));
                    C_r_13_v0 = (C_r_13_v0 + A_r_21_v0 * B_r_22_v0);
                    C_r_13_v1 = (C_r_13_v1 + A_r_21_v1 * B_r_22_v1);
                    A_r_23_v0 = nb_vsplat((A_0.ptr[addr_40 + k_9]));
                    A_r_23_v1 = nb_vsplat((A_0.ptr[addr_40 + k_9]));
                    C_r_14_v0 = (C_r_14_v0 + A_r_23_v0 * B_r_22_v0);
                    C_r_14_v1 = (C_r_14_v1 + A_r_23_v1 * B_r_22_v1);
                    A_r_24_v0 = nb_vsplat((A_0.ptr[addr_41 + k_9]));
                    A_r_24_v1 = nb_vsplat((A_0.ptr[addr_41 + k_9]));
                    C_r_15_v0 = (C_r_15_v0 + A_r_24_v0 * B_r_22_v0);
                    C_r_15_v1 = (C_r_15_v1 + A_r_24_v1 * B_r_22_v1);
                    A_r_25_v0 = nb_vsplat((A_0.ptr[addr_42 + k_9]));
                    A_r_25_v1 = nb_vsplat((A_0.ptr[addr_42 + k_9]));
                    C_r_16_v0 = (C_r_16_v0 + A_r_25_v0 * B_r_22_v0);
                    C_r_16_v1 = (C_r_16_v1 + A_r_25_v1 * B_r_22_v1);
                    A_r_26_v0 = nb_vsplat((A_0.ptr[addr_43 + k_9]));
                    A_r_26_v1 = nb_vsplat((A_0.ptr[addr_43 + k_9]));
                    C_r_17_v0 = (C_r_17_v0 + A_r_26_v0 * B_r_22_v0);
                    C_r_17_v1 = (C_r_17_v1 + A_r_26_v1 * B_r_22_v1);
                    A_r_27_v0 = nb_vsplat((A_0.ptr[addr_44 + k_9]));
                    A_r_27_v1 = nb_vsplat((A_0.ptr[addr_44 + k_9]));
                    C_r_18_v0 = (C_r_18_v0 + A_r_27_v0 * B_r_22_v0);
                    C_r_18_v1 = (C_r_18_v1 + A_r_27_v1 * B_r_22_v1);
                    A_r_28_v0 = nb_vsplat((A_0.ptr[addr_45 + k_9]));
                    A_r_28_v1 = nb_vsplat((A_0.ptr[addr_45 + k_9]));
                    C_r_19_v0 = (C_r_19_v0 + A_r_28_v0 * B_r_22_v0);
                    C_r_19_v1 = (C_r_19_v1 + A_r_28_v1 * B_r_22_v1);
                    A_r_29_v0 = nb_vsplat((A_0.ptr[addr_46 + k_9]));
                    A_r_29_v1 = nb_vsplat((A_0.ptr[addr_46 + k_9]));
                    C_r_20_v0 = (C_r_20_v0 + A_r_29_v0 * B_r_22_v0);
                    C_r_20_v1 = (C_r_20_v1 + A_r_29_v1 * B_r_22_v1);
                  } }
                  nb_vst(&C_2.ptr[addr_31 + j_7], (C_r_13_v0));
                  nb_vst(&C_2.ptr[addr_31 + (j_7 + 8)], (C_r_13_v1));
                  nb_vst(&C_2.ptr[addr_32 + j_7], (C_r_14_v0));
                  nb_vst(&C_2.ptr[addr_32 + (j_7 + 8)], (C_r_14_v1));
                  nb_vst(&C_2.ptr[addr_33 + j_7], (C_r_15_v0));
                  nb_vst(&C_2.ptr[addr_33 + (j_7 + 8)], (C_r_15_v1));
                  nb_vst(&C_2.ptr[addr_34 + j_7], (C_r_16_v0));
                  nb_vst(&C_2.ptr[addr_34 + (j_7 + 8)], (C_r_16_v1));
                  nb_vst(&C_2.ptr[addr_35 + j_7], (C_r_17_v0));
                  nb_vst(&C_2.ptr[addr_35 + (j_7 + 8)], (C_r_17_v1));
                  nb_vst(&C_2.ptr[addr_36 + j_7], (C_r_18_v0));
                  nb_vst(&C_2.ptr[addr_36 + (j_7 + 8)], (C_r_18_v1));
                  nb_vst(&C_2.ptr[addr_37 + j_7], (C_r_19_v0));
                  nb_vst(&C_2.ptr[addr_37 + (j_7 + 8)], (C_r_19_v1));
                  nb_vst(&C_2.ptr[addr_38 + j_7], (C_r_20_v0));
                  nb_vst(&C_2.ptr[addr_38 + (j_7 + 8)], (C_r_20_v1));
                }
                NB_IVDEP
                for (; j_7 < nb_end36; j_7++) {
                  C_r_13 = C_2.ptr[addr_31 + j_7];
                  C_r_14 = C_2.ptr[addr_32 + j_7];
                  C_r_15 = C_2.ptr[addr_33 + j_7];
                  C_r_16 = C_2.ptr[addr_34 + j_7];
                  C_r_17 = C_2.ptr[addr_35 + j_7];
                  C_r_18 = C_2.ptr[addr_36 + j_7];
                  C_r_19 = C_2.ptr[addr_37 + j_7];
                  C_r_20 = C_2.ptr[addr_38 + j_7];
                  k_9 = k_blk_r_12;
                  nb_end37 = nb_imin(k_blk_r_12 + 128, n_4);
                  for (; k_9 < nb_end37; k_9++) {
                    A_r_21 = A_0.ptr[addr_39 + k_9];
                    B_r_22 = B_1.ptr[k_9 * p_5 + j_7];
                    C_r_13 = C_r_13 + A_r_21 * B_r_22;
                    A_r_23 = A_0.ptr[addr_40 + k_9];
                    C_r_14 = C_r_14 + A_r_23 * B_r_22;
                    A_r_24 = A_0.ptr[addr_41 + k_9];
                    C_r_15 = C_r_15 + A_r_24 * B_r_22;
                    A_r_25 = A_0.ptr[addr_42 + k_9];
                    C_r_16 = C_r_16 + A_r_25 * B_r_22;
                    A_r_26 = A_0.ptr[addr_43 + k_9];
                    C_r_17 = C_r_17 + A_r_26 * B_r_22;
                    A_r_27 = A_0.ptr[addr_44 + k_9];
                    C_r_18 = C_r_18 + A_r_27 * B_r_22;
                    A_r_28 = A_0.ptr[addr_45 + k_9];
                    C_r_19 = C_r_19 + A_r_28 * B_r_22;
                    A_r_29 = A_0.ptr[addr_46 + k_9];
                    C_r_20 = C_r_20 + A_r_29 * B_r_22;
                  }
                  C_2.ptr[addr_31 + j_7] = C_r_13;
                  C_2.ptr[addr_32 + j_7] = C_r_14;
                  C_2.ptr[addr_33 + j_7] = C_r_15;
                  C_2.ptr[addr_34 + j_7] = C_r_16;
                  C_2.ptr[addr_35 + j_7] = C_r_17;
                  C_2.ptr[addr_36 + j_7] = C_r_18;
                  C_2.ptr[addr_37 + j_7] = C_r_19;
                  C_2.ptr[addr_38 + j_7] = C_r_20;
                }
              }
            }
          }
        }
        i_6 = m_3 - nb_irem(m_3, 8);
        for (; i_6 < m_3; i_6++) {
          if (1) {
            addr_47 = i_6 * p_5;
            k_9 = 0;
            nb_end39 = n_4 - nb_irem(n_4, 4);
            for (; k_9 < nb_end39; k_9 += 4) {
              addr_48 = i_6 * n_4 + k_9;
              addr_49 = k_9 * p_5;
              addr_50 = i_6 * n_4 + (k_9 + 1);
              addr_51 = (k_9 + 1) * p_5;
              addr_52 = i_6 * n_4 + (k_9 + 2);
              addr_53 = (k_9 + 2) * p_5;
              addr_54 = i_6 * n_4 + (k_9 + 3);
              addr_55 = (k_9 + 3) * p_5;
              j_7 = 0;
              NB_IVDEP
              for (; j_7 < p_5; j_7++) {
                C_2.ptr[addr_47 + j_7] = C_2.ptr[addr_47 + j_7] + A_0.ptr[addr_48] * B_1.ptr[addr_49 + j_7];
                C_2.ptr[addr_47 + j_7] = C_2.ptr[addr_47 + j_7] + A_0.ptr[addr_50] * B_1.ptr[addr_51 + j_7];
                C_2.ptr[addr_47 + j_7] = C_2.ptr[addr_47 + j_7] + A_0.ptr[addr_52] * B_1.ptr[addr_53 + j_7];
                C_2.ptr[addr_47 + j_7] = C_2.ptr[addr_47 + j_7] + A_0.ptr[addr_54] * B_1.ptr[addr_55 + j_7];
              }
            }
            addr_56 = i_6 * p_5;
            k_9 = n_4 - nb_irem(n_4, 4);
            for (; k_9 < n_4; k_9++) {
              addr_57 = i_6 * n_4 + k_9;
              addr_58 = k_9 * p_5;
              j_7 = 0;
              NB_IVDEP
              for (; j_7 < p_5; j_7++) {
                C_2.ptr[addr_56 + j_7] = C_2.ptr[addr_56 + j_7] + A_0.ptr[addr_57] * B_1.ptr[addr_58 + j_7];
              }
            }
          }
        }
      }
    } else {
      i_6 = 0;
      for (; i_6 < m_3; i_6++) {
        addr_59 = i_6 * p_5;
        j_7 = 0;
        for (; j_7 < p_5; j_7++) {
          C_2.ptr[addr_59 + j_7] = 0.0;
        }
      }
      if (1) {
        i_blk_r_10 = 0;
        nb_end19 = m_3 - nb_irem(m_3, 8);
        for (; i_blk_r_10 < nb_end19; i_blk_r_10 += 64) {
          j_blk_r_11 = 0;
          for (; j_blk_r_11 < p_5; j_blk_r_11 += 512) {
            k_blk_r_12 = 0;
            for (; k_blk_r_12 < n_4; k_blk_r_12 += 128) {
              i_6 = i_blk_r_10;
              nb_end22 = nb_imin(i_blk_r_10 + 64, m_3 - nb_irem(m_3, 8));
              for (; i_6 < nb_end22; i_6 += 8) {
                addr_60 = i_6 * p_5;
                addr_61 = (i_6 + 1) * p_5;
                addr_62 = (i_6 + 2) * p_5;
                addr_63 = (i_6 + 3) * p_5;
                addr_64 = (i_6 + 4) * p_5;
                addr_65 = (i_6 + 5) * p_5;
                addr_66 = (i_6 + 6) * p_5;
                addr_67 = (i_6 + 7) * p_5;
                addr_68 = i_6 * n_4;
                addr_69 = (i_6 + 1) * n_4;
                addr_70 = (i_6 + 2) * n_4;
                addr_71 = (i_6 + 3) * n_4;
                addr_72 = (i_6 + 4) * n_4;
                addr_73 = (i_6 + 5) * n_4;
                addr_74 = (i_6 + 6) * n_4;
                addr_75 = (i_6 + 7) * n_4;
                j_7 = j_blk_r_11;
                nb_end23 = nb_imin(j_blk_r_11 + 512, p_5);
                for (; j_7 < nb_end23; j_7++) {
                  C_r_13 = C_2.ptr[addr_60 + j_7];
                  C_r_14 = C_2.ptr[addr_61 + j_7];
                  C_r_15 = C_2.ptr[addr_62 + j_7];
                  C_r_16 = C_2.ptr[addr_63 + j_7];
                  C_r_17 = C_2.ptr[addr_64 + j_7];
                  C_r_18 = C_2.ptr[addr_65 + j_7];
                  C_r_19 = C_2.ptr[addr_66 + j_7];
                  C_r_20 = C_2.ptr[addr_67 + j_7];
                  k_9 = k_blk_r_12;
                  nb_end24 = nb_imin(k_blk_r_12 + 128, n_4);
                  for (; k_9 < nb_end24; k_9++) {
                    A_r_21 = A_0.ptr[addr_68 + k_9];
                    B_r_22 = B_1.ptr[k_9 * p_5 + j_7];
                    C_r_13 = C_r_13 + A_r_21 * B_r_22;
                    A_r_23 = A_0.ptr[addr_69 + k_9];
                    C_r_14 = C_r_14 + A_r_23 * B_r_22;
                    A_r_24 = A_0.ptr[addr_70 + k_9];
                    C_r_15 = C_r_15 + A_r_24 * B_r_22;
                    A_r_25 = A_0.ptr[addr_71 + k_9];
                    C_r_16 = C_r_16 + A_r_25 * B_r_22;
                    A_r_26 = A_0.ptr[addr_72 + k_9];
                    C_r_17 = C_r_17 + A_r_26 * B_r_22;
                    A_r_27 = A_0.ptr[addr_73 + k_9];
                    C_r_18 = C_r_18 + A_r_27 * B_r_22;
                    A_r_28 = A_0.ptr[addr_74 + k_9];
                    C_r_19 = C_r_19 + A_r_28 * B_r_22;
                    A_r_29 = A_0.ptr[addr_75 + k_9];
                    C_r_20 = C_r_20 + A_r_29 * B_r_22;
                  }
                  C_2.ptr[addr_60 + j_7] = C_r_13;
                  C_2.ptr[addr_61 + j_7] = C_r_14;
                  C_2.ptr[addr_62 + j_7] = C_r_15;
                  C_2.ptr[addr_63 + j_7] = C_r_16;
                  C_2.ptr[addr_64 + j_7] = C_r_17;
                  C_2.ptr[addr_65 + j_7] = C_r_18;
                  C_2.ptr[addr_66 + j_7] = C_r_19;
                  C_2.ptr[addr_67 + j_7] = C_r_20;
                }
              }
            }
          }
        }
        i_6 = m_3 - nb_irem(m_3, 8);
        for (; i_6 < m_3; i_6++) {
          if (1) {
            addr_76 = i_6 * p_5;
            k_9 = 0;
            nb_end26 = n_4 - nb_irem(n_4, 4);
            for (; k_9 < nb_end26; k_9 += 4) {
              addr_77 = i_6 * n_4 + k_9;
              addr_78 = k_9 * p_5;
              addr_79 = i_6 * n_4 + (k_9 + 1);
              addr_80 = (k_9 + 1) * p_5;
              addr_81 = i_6 * n_4 + (k_9 + 2);
              addr_82 = (k_9 + 2) * p_5;
              addr_83 = i_6 * n_4 + (k_9 + 3);
              addr_84 = (k_9 + 3) * p_5;
              j_7 = 0;
              for (; j_7 < p_5; j_7++) {
                C_2.ptr[addr_76 + j_7] = C_2.ptr[addr_76 + j_7] + A_0.ptr[addr_77] * B_1.ptr[addr_78 + j_7];
                C_2.ptr[addr_76 + j_7] = C_2.ptr[addr_76 + j_7] + A_0.ptr[addr_79] * B_1.ptr[addr_80 + j_7];
                C_2.ptr[addr_76 + j_7] = C_2.ptr[addr_76 + j_7] + A_0.ptr[addr_81] * B_1.ptr[addr_82 + j_7];
                C_2.ptr[addr_76 + j_7] = C_2.ptr[addr_76 + j_7] + A_0.ptr[addr_83] * B_1.ptr[addr_84 + j_7];
              }
            }
            addr_85 = i_6 * p_5;
            k_9 = n_4 - nb_irem(n_4, 4);
            for (; k_9 < n_4; k_9++) {
              addr_86 = i_6 * n_4 + k_9;
              addr_87 = k_9 * p_5;
              j_7 = 0;
              for (; j_7 < p_5; j_7++) {
                C_2.ptr[addr_85 + j_7] = C_2.ptr[addr_85 + j_7] + A_0.ptr[addr_86] * B_1.ptr[addr_87 + j_7];
              }
            }
          }
        }
      }
    }
  } else {
    i_6 = 0;
    for (; i_6 < m_3; i_6++) {
      addr_88 = i_6 * n_4;
      addr_89 = i_6 * p_5;
      j_7 = 0;
      for (; j_7 < p_5; j_7++) {
        s_8 = 0.0;
        k_9 = 0;
        for (; k_9 < n_4; k_9++) {
          s_8 = s_8 + ({ double nb_t1 = A_0.ptr[({ int64_t nb_t0 = addr_88 + k_9; if (__builtin_expect((uint64_t)nb_t0 >= (uint64_t)A_0.len, 0)) { nb_oob(ctx, 0, 0, 1, nb_t0, A_0.len, 0); goto nb_fail; } nb_t0; })]; double nb_t3 = B_1.ptr[({ int64_t nb_t2 = k_9 * p_5 + j_7; if (__builtin_expect((uint64_t)nb_t2 >= (uint64_t)B_1.len, 0)) { nb_oob(ctx, 1, 0, 1, nb_t2, B_1.len, 1); goto nb_fail; } nb_t2; })]; nb_t1 * nb_t3; });
        }
        C_2.ptr[({ int64_t nb_t4 = addr_89 + j_7; if (__builtin_expect((uint64_t)nb_t4 >= (uint64_t)C_2.len, 0)) { nb_oob(ctx, 2, 0, 1, nb_t4, C_2.len, 2); goto nb_fail; } nb_t4; })] = s_8;
      }
    }
  }
nb_fail:
  return;
}

NB_EXPORT int32_t nb_main(double *nb_out, void *a0_ptr, double a0_len, void *a1_ptr, double a1_len, void *a2_ptr, double a2_len, double a3_in, double a4_in, double a5_in) {
  nb_ctx nb_state = {0};
  nb_ctx *ctx = &nb_state;
  nb_f64_vec a0 = { (double *)a0_ptr, nb_sat(a0_len) };
  nb_f64_vec a1 = { (double *)a1_ptr, nb_sat(a1_len) };
  nb_f64_vec a2 = { (double *)a2_ptr, nb_sat(a2_len) };
  int64_t a3 = nb_sat(a3_in);
  int64_t a4 = nb_sat(a4_in);
  int64_t a5 = nb_sat(a5_in);
  nbf_matmul_flat(ctx, a0, a1, a2, a3, a4, a5);
  if (ctx->kind) { nb_report(ctx, nb_out); nb_release(ctx, NULL); return ctx->kind; }
  nb_release(ctx, NULL);
  return 0;
}
