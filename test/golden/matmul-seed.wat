(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $matmul_seed (param $A.ptr i32) (param $A.n0 i64) (param $A.n1 i64) (param $A.s0 i64) (param $A.s1 i64) (param $A.off i64) (param $B.ptr i32) (param $B.n0 i64) (param $B.n1 i64) (param $B.s0 i64) (param $B.s1 i64) (param $B.off i64) (result i32 i64 i64 i64 i64 i64)
    (local $m_2 i64)
    (local $n_3 i64)
    (local $n2_4 i64)
    (local $p_5 i64)
    (local $C.ptr_6 i32)
    (local $C.n0_6 i64)
    (local $C.n1_6 i64)
    (local $C.s0_6 i64)
    (local $C.s1_6 i64)
    (local $C.off_6 i64)
    (local $i_7 i64)
    (local $j_8 i64)
    (local $k_9 i64)
    (local $i_blk_r_10 i64)
    (local $j_blk_r_11 i64)
    (local $k_blk_r_12 i64)
    (local $C_r_13 f64)
    (local $C_r_14 f64)
    (local $C_r_15 f64)
    (local $C_r_16 f64)
    (local $C_r_17 f64)
    (local $C_r_18 f64)
    (local $C_r_19 f64)
    (local $C_r_20 f64)
    (local $A_r_21 f64)
    (local $B_r_22 f64)
    (local $A_r_23 f64)
    (local $A_r_24 f64)
    (local $A_r_25 f64)
    (local $A_r_26 f64)
    (local $A_r_27 f64)
    (local $A_r_28 f64)
    (local $A_r_29 f64)
    (local $C_r_30 f64)
    (local $B_r_31 f64)
    (local $B_r_32 f64)
    (local $B_r_33 f64)
    (local $B_r_34 f64)
    (local $C_r_35 f64)
    (local $B_r_36 f64)
    (local $dim i64)
    (local $dim_1 i64)
    (local $stride i64)
    (local $stride_1 i64)
    (local $tmp_i32 i32)
    (local $tmp_i32_1 i32)
    (local $tmp_i32_2 i32)
    (local $tmp_i32_3 i32)
    (local $tmp_i32_4 i32)
    (local $end25 i64)
    (local $tmp_i64 i64)
    (local $end26 i64)
    (local $end27 i64)
    (local $end28 i64)
    (local $tmp_i64_1 i64)
    (local $end29 i64)
    (local $C_r_f64x2_0 v128)
    (local $C_r_f64x2_1 v128)
    (local $C_r_f64x2_0_1 v128)
    (local $C_r_f64x2_1_1 v128)
    (local $C_r_f64x2_0_2 v128)
    (local $C_r_f64x2_1_2 v128)
    (local $C_r_f64x2_0_3 v128)
    (local $C_r_f64x2_1_3 v128)
    (local $C_r_f64x2_0_4 v128)
    (local $C_r_f64x2_1_4 v128)
    (local $C_r_f64x2_0_5 v128)
    (local $C_r_f64x2_1_5 v128)
    (local $C_r_f64x2_0_6 v128)
    (local $C_r_f64x2_1_6 v128)
    (local $C_r_f64x2_0_7 v128)
    (local $C_r_f64x2_1_7 v128)
    (local $A_r_f64x2_0 v128)
    (local $A_r_f64x2_1 v128)
    (local $B_r_f64x2_0 v128)
    (local $B_r_f64x2_1 v128)
    (local $A_r_f64x2_0_1 v128)
    (local $A_r_f64x2_1_1 v128)
    (local $A_r_f64x2_0_2 v128)
    (local $A_r_f64x2_1_2 v128)
    (local $A_r_f64x2_0_3 v128)
    (local $A_r_f64x2_1_3 v128)
    (local $A_r_f64x2_0_4 v128)
    (local $A_r_f64x2_1_4 v128)
    (local $A_r_f64x2_0_5 v128)
    (local $A_r_f64x2_1_5 v128)
    (local $A_r_f64x2_0_6 v128)
    (local $A_r_f64x2_1_6 v128)
    (local $A_r_f64x2_0_7 v128)
    (local $A_r_f64x2_1_7 v128)
    (local $C_base i32)
    (local $C_base_1 i32)
    (local $C_base_2 i32)
    (local $C_base_3 i32)
    (local $C_base_4 i32)
    (local $C_base_5 i32)
    (local $C_base_6 i32)
    (local $C_base_7 i32)
    (local $C_base_8 i32)
    (local $C_base_9 i32)
    (local $C_base_10 i32)
    (local $C_base_11 i32)
    (local $C_base_12 i32)
    (local $C_base_13 i32)
    (local $C_base_14 i32)
    (local $C_base_15 i32)
    (local $end30 i64)
    (local $B_at i32)
    (local $end30_1 i64)
    (local $end31 i64)
    (local $end32 i64)
    (local $end33 i64)
    (local $C_r_f64x2_0_8 v128)
    (local $B_r_f64x2_0_1 v128)
    (local $B_r_f64x2_0_2 v128)
    (local $B_r_f64x2_0_3 v128)
    (local $B_r_f64x2_0_4 v128)
    (local $splat v128)
    (local $splat_1 v128)
    (local $splat_2 v128)
    (local $splat_3 v128)
    (local $C_base_16 i32)
    (local $C_base_17 i32)
    (local $B_base i32)
    (local $B_base_1 i32)
    (local $B_base_2 i32)
    (local $B_base_3 i32)
    (local $end34 i64)
    (local $end35 i64)
    (local $C_r_f64x2_0_9 v128)
    (local $B_r_f64x2_0_5 v128)
    (local $splat_4 v128)
    (local $C_base_18 i32)
    (local $C_base_19 i32)
    (local $B_base_4 i32)
    (local $end14 i64)
    (local $end15 i64)
    (local $end16 i64)
    (local $end17 i64)
    (local $end18 i64)
    (local $end19 i64)
    (local $end20 i64)
    (local $end21 i64)
    (local $end22 i64)
    (local $end23 i64)
    (local $end24 i64)
    (local $end0 i64)
    (local $end1 i64)
    (local $end2 i64)
    local.get $A.n0
    local.set $m_2
    local.get $A.n1
    local.set $n_3
    local.get $B.n0
    local.set $n2_4
    local.get $B.n1
    local.set $p_5
    local.get $n_3
    local.get $n2_4
    i64.ne
    if
      i32.const 0
      call $env.throw_user
      unreachable
    end
    local.get $m_2
    local.set $dim
    local.get $p_5
    local.set $dim_1
    f64.const 1
    local.get $dim
    f64.convert_i64_s
    f64.mul
    local.get $dim_1
    f64.convert_i64_s
    f64.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call $env.alloc
    local.get $dim
    local.get $dim_1
    i64.const 1
    local.set $stride
    local.get $stride
    local.get $dim_1
    i64.mul
    local.set $stride_1
    local.get $stride_1
    local.get $stride
    i64.const 0
    local.set $C.off_6
    local.set $C.s1_6
    local.set $C.s0_6
    local.set $C.n1_6
    local.set $C.n0_6
    local.set $C.ptr_6
    local.get $m_2
    i64.const -1
    i64.add
    local.get $C.n0_6
    i64.lt_s
    local.tee $tmp_i32_4
    if (result i32)
      local.get $p_5
      i64.const -1
      i64.add
      local.get $C.n1_6
      i64.lt_s
    else
      local.get $tmp_i32_4
    end
    local.tee $tmp_i32_3
    if (result i32)
      local.get $m_2
      i64.const -1
      i64.add
      local.get $A.n0
      i64.lt_s
    else
      local.get $tmp_i32_3
    end
    local.tee $tmp_i32_2
    if (result i32)
      local.get $n_3
      i64.const -1
      i64.add
      local.get $A.n1
      i64.lt_s
    else
      local.get $tmp_i32_2
    end
    local.tee $tmp_i32_1
    if (result i32)
      local.get $n_3
      i64.const -1
      i64.add
      local.get $B.n0
      i64.lt_s
    else
      local.get $tmp_i32_1
    end
    local.tee $tmp_i32
    if (result i32)
      local.get $p_5
      i64.const -1
      i64.add
      local.get $B.n1
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      local.get $C.s1_6
      i64.const 1
      i64.eq
      local.tee $tmp_i32
      if (result i32)
        local.get $B.s1
        i64.const 1
        i64.eq
      else
        local.get $tmp_i32
      end
      if
        i32.const 1
        if
          i64.const 0
          local.set $i_blk_r_10
          local.get $m_2
          local.get $m_2
          i64.const 8
          local.tee $tmp_i64
          i64.eqz
          if
            i32.const 1
            call $env.rem0
            unreachable
          end
          local.get $tmp_i64
          i64.rem_s
          i64.sub
          local.set $end25
          block $brk25
            loop $top25
              local.get $i_blk_r_10
              local.get $end25
              i64.ge_s
              br_if $brk25
              block $cont25
                i64.const 0
                local.set $j_blk_r_11
                local.get $p_5
                local.set $end26
                block $brk26
                  loop $top26
                    local.get $j_blk_r_11
                    local.get $end26
                    i64.ge_s
                    br_if $brk26
                    block $cont26
                      i64.const 0
                      local.set $k_blk_r_12
                      local.get $n_3
                      local.set $end27
                      block $brk27
                        loop $top27
                          local.get $k_blk_r_12
                          local.get $end27
                          i64.ge_s
                          br_if $brk27
                          block $cont27
                            local.get $i_blk_r_10
                            local.set $i_7
                            local.get $i_blk_r_10
                            i64.const 64
                            i64.add
                            local.get $m_2
                            local.get $m_2
                            i64.const 8
                            local.tee $tmp_i64
                            i64.eqz
                            if
                              i32.const 2
                              call $env.rem0
                              unreachable
                            end
                            local.get $tmp_i64
                            i64.rem_s
                            i64.sub
                            local.set $tmp_i64_1
                            local.set $tmp_i64
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            i64.lt_s
                            select
                            local.set $end28
                            block $brk28
                              loop $top28
                                local.get $i_7
                                local.get $end28
                                i64.ge_s
                                br_if $brk28
                                block $cont28
                                  local.get $j_blk_r_11
                                  local.set $j_8
                                  local.get $j_blk_r_11
                                  i64.const 512
                                  i64.add
                                  local.get $p_5
                                  local.set $tmp_i64
                                  local.set $tmp_i64_1
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  i64.lt_s
                                  select
                                  local.set $end29
                                  local.get $i_7
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base
                                  local.get $i_7
                                  i64.const 1
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_1
                                  local.get $i_7
                                  i64.const 2
                                  i64.add
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_2
                                  local.get $i_7
                                  i64.const 3
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_3
                                  local.get $i_7
                                  i64.const 4
                                  i64.add
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_4
                                  local.get $i_7
                                  i64.const 5
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_5
                                  local.get $i_7
                                  i64.const 6
                                  i64.add
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_6
                                  local.get $i_7
                                  i64.const 7
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_7
                                  local.get $i_7
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_8
                                  local.get $i_7
                                  i64.const 1
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_9
                                  local.get $i_7
                                  i64.const 2
                                  i64.add
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_10
                                  local.get $i_7
                                  i64.const 3
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_11
                                  local.get $i_7
                                  i64.const 4
                                  i64.add
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_12
                                  local.get $i_7
                                  i64.const 5
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_13
                                  local.get $i_7
                                  i64.const 6
                                  i64.add
                                  local.set $tmp_i64
                                  i64.const 0
                                  local.set $tmp_i64_1
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64_1
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_14
                                  local.get $i_7
                                  i64.const 7
                                  i64.add
                                  local.set $tmp_i64_1
                                  i64.const 0
                                  local.set $tmp_i64
                                  local.get $C.ptr_6
                                  local.get $C.off_6
                                  local.get $tmp_i64_1
                                  local.get $C.s0_6
                                  i64.mul
                                  i64.add
                                  local.get $tmp_i64
                                  local.get $C.s1_6
                                  i64.mul
                                  i64.add
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_15
                                  block $vbrk29
                                    loop $vtop29
                                      local.get $j_8
                                      i64.const 3
                                      i64.add
                                      local.get $end29
                                      i64.ge_s
                                      br_if $vbrk29
                                      local.get $C_base_8
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0
                                      local.get $C_base_8
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1
                                      local.get $C_base_9
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_1
                                      local.get $C_base_9
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_1
                                      local.get $C_base_10
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_2
                                      local.get $C_base_10
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_2
                                      local.get $C_base_11
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_3
                                      local.get $C_base_11
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_3
                                      local.get $C_base_12
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_4
                                      local.get $C_base_12
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_4
                                      local.get $C_base_13
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_5
                                      local.get $C_base_13
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_5
                                      local.get $C_base_14
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_6
                                      local.get $C_base_14
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_6
                                      local.get $C_base_15
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_7
                                      local.get $C_base_15
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_7
                                      local.get $k_blk_r_12
                                      local.set $k_9
                                      local.get $k_blk_r_12
                                      i64.const 128
                                      i64.add
                                      local.get $n_3
                                      local.set $tmp_i64_1
                                      local.set $tmp_i64
                                      local.get $tmp_i64
                                      local.get $tmp_i64_1
                                      local.get $tmp_i64
                                      local.get $tmp_i64_1
                                      i64.lt_s
                                      select
                                      local.set $end30
                                      block $brk30
                                        loop $top30
                                          local.get $k_9
                                          local.get $end30
                                          i64.ge_s
                                          br_if $brk30
                                          block $cont30
                                            local.get $i_7
                                            local.set $tmp_i64_1
                                            local.get $k_9
                                            local.set $tmp_i64
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64_1
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0
                                            local.set $A_r_f64x2_1
                                            local.get $k_9
                                            local.set $tmp_i64
                                            local.get $j_8
                                            local.set $tmp_i64_1
                                            local.get $B.ptr
                                            local.get $B.off
                                            local.get $tmp_i64
                                            local.get $B.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64_1
                                            local.get $B.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            local.tee $B_at
                                            v128.load
                                            local.set $B_r_f64x2_0
                                            local.get $B_at
                                            v128.load offset=16
                                            local.set $B_r_f64x2_1
                                            local.get $C_r_f64x2_0
                                            local.get $A_r_f64x2_0
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0
                                            local.get $C_r_f64x2_1
                                            local.get $A_r_f64x2_1
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1
                                            local.get $i_7
                                            i64.const 1
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $k_9
                                            local.set $tmp_i64
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64_1
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0_1
                                            local.set $A_r_f64x2_1_1
                                            local.get $C_r_f64x2_0_1
                                            local.get $A_r_f64x2_0_1
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0_1
                                            local.get $C_r_f64x2_1_1
                                            local.get $A_r_f64x2_1_1
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1_1
                                            local.get $i_7
                                            i64.const 2
                                            i64.add
                                            local.set $tmp_i64
                                            local.get $k_9
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64_1
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0_2
                                            local.set $A_r_f64x2_1_2
                                            local.get $C_r_f64x2_0_2
                                            local.get $A_r_f64x2_0_2
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0_2
                                            local.get $C_r_f64x2_1_2
                                            local.get $A_r_f64x2_1_2
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1_2
                                            local.get $i_7
                                            i64.const 3
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $k_9
                                            local.set $tmp_i64
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64_1
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0_3
                                            local.set $A_r_f64x2_1_3
                                            local.get $C_r_f64x2_0_3
                                            local.get $A_r_f64x2_0_3
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0_3
                                            local.get $C_r_f64x2_1_3
                                            local.get $A_r_f64x2_1_3
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1_3
                                            local.get $i_7
                                            i64.const 4
                                            i64.add
                                            local.set $tmp_i64
                                            local.get $k_9
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64_1
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0_4
                                            local.set $A_r_f64x2_1_4
                                            local.get $C_r_f64x2_0_4
                                            local.get $A_r_f64x2_0_4
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0_4
                                            local.get $C_r_f64x2_1_4
                                            local.get $A_r_f64x2_1_4
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1_4
                                            local.get $i_7
                                            i64.const 5
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $k_9
                                            local.set $tmp_i64
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64_1
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0_5
                                            local.set $A_r_f64x2_1_5
                                            local.get $C_r_f64x2_0_5
                                            local.get $A_r_f64x2_0_5
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0_5
                                            local.get $C_r_f64x2_1_5
                                            local.get $A_r_f64x2_1_5
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1_5
                                            local.get $i_7
                                            i64.const 6
                                            i64.add
                                            local.set $tmp_i64
                                            local.get $k_9
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64_1
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0_6
                                            local.set $A_r_f64x2_1_6
                                            local.get $C_r_f64x2_0_6
                                            local.get $A_r_f64x2_0_6
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0_6
                                            local.get $C_r_f64x2_1_6
                                            local.get $A_r_f64x2_1_6
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1_6
                                            local.get $i_7
                                            i64.const 7
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $k_9
                                            local.set $tmp_i64
                                            local.get $A.ptr
                                            local.get $A.off
                                            local.get $tmp_i64_1
                                            local.get $A.s0
                                            i64.mul
                                            i64.add
                                            local.get $tmp_i64
                                            local.get $A.s1
                                            i64.mul
                                            i64.add
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0_7
                                            local.set $A_r_f64x2_1_7
                                            local.get $C_r_f64x2_0_7
                                            local.get $A_r_f64x2_0_7
                                            local.get $B_r_f64x2_0
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_0_7
                                            local.get $C_r_f64x2_1_7
                                            local.get $A_r_f64x2_1_7
                                            local.get $B_r_f64x2_1
                                            f64x2.mul
                                            f64x2.add
                                            local.set $C_r_f64x2_1_7
                                          end
                                          local.get $k_9
                                          i64.const 1
                                          i64.add
                                          local.set $k_9
                                          br $top30
                                        end
                                      end
                                      local.get $C_base
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0
                                      v128.store
                                      local.get $C_base
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1
                                      v128.store offset=16
                                      local.get $C_base_1
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_1
                                      v128.store
                                      local.get $C_base_1
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_1
                                      v128.store offset=16
                                      local.get $C_base_2
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_2
                                      v128.store
                                      local.get $C_base_2
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_2
                                      v128.store offset=16
                                      local.get $C_base_3
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_3
                                      v128.store
                                      local.get $C_base_3
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_3
                                      v128.store offset=16
                                      local.get $C_base_4
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_4
                                      v128.store
                                      local.get $C_base_4
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_4
                                      v128.store offset=16
                                      local.get $C_base_5
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_5
                                      v128.store
                                      local.get $C_base_5
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_5
                                      v128.store offset=16
                                      local.get $C_base_6
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_6
                                      v128.store
                                      local.get $C_base_6
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_6
                                      v128.store offset=16
                                      local.get $C_base_7
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_7
                                      v128.store
                                      local.get $C_base_7
                                      local.get $j_8
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_7
                                      v128.store offset=16
                                      local.get $j_8
                                      i64.const 4
                                      i64.add
                                      local.set $j_8
                                      br $vtop29
                                    end
                                  end
                                  block $brk29
                                    loop $top29
                                      local.get $j_8
                                      local.get $end29
                                      i64.ge_s
                                      br_if $brk29
                                      block $cont29
                                        local.get $i_7
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_13
                                        local.get $i_7
                                        i64.const 1
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_14
                                        local.get $i_7
                                        i64.const 2
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_15
                                        local.get $i_7
                                        i64.const 3
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_16
                                        local.get $i_7
                                        i64.const 4
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_17
                                        local.get $i_7
                                        i64.const 5
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_18
                                        local.get $i_7
                                        i64.const 6
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_19
                                        local.get $i_7
                                        i64.const 7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_20
                                        local.get $k_blk_r_12
                                        local.set $k_9
                                        local.get $k_blk_r_12
                                        i64.const 128
                                        i64.add
                                        local.get $n_3
                                        local.set $tmp_i64_1
                                        local.set $tmp_i64
                                        local.get $tmp_i64
                                        local.get $tmp_i64_1
                                        local.get $tmp_i64
                                        local.get $tmp_i64_1
                                        i64.lt_s
                                        select
                                        local.set $end30_1
                                        block $brk30
                                          loop $top30
                                            local.get $k_9
                                            local.get $end30_1
                                            i64.ge_s
                                            br_if $brk30
                                            block $cont30
                                              local.get $i_7
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_21
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $j_8
                                              local.set $tmp_i64_1
                                              local.get $B.ptr
                                              local.get $B.off
                                              local.get $tmp_i64
                                              local.get $B.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $B.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $B_r_22
                                              local.get $C_r_13
                                              local.get $A_r_21
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_13
                                              local.get $i_7
                                              i64.const 1
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_23
                                              local.get $C_r_14
                                              local.get $A_r_23
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_14
                                              local.get $i_7
                                              i64.const 2
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $k_9
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_24
                                              local.get $C_r_15
                                              local.get $A_r_24
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_15
                                              local.get $i_7
                                              i64.const 3
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_25
                                              local.get $C_r_16
                                              local.get $A_r_25
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_16
                                              local.get $i_7
                                              i64.const 4
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $k_9
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_26
                                              local.get $C_r_17
                                              local.get $A_r_26
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_17
                                              local.get $i_7
                                              i64.const 5
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_27
                                              local.get $C_r_18
                                              local.get $A_r_27
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_18
                                              local.get $i_7
                                              i64.const 6
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $k_9
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_28
                                              local.get $C_r_19
                                              local.get $A_r_28
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_19
                                              local.get $i_7
                                              i64.const 7
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_29
                                              local.get $C_r_20
                                              local.get $A_r_29
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_20
                                            end
                                            local.get $k_9
                                            i64.const 1
                                            i64.add
                                            local.set $k_9
                                            br $top30
                                          end
                                        end
                                        local.get $i_7
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_13
                                        f64.store
                                        local.get $i_7
                                        i64.const 1
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_14
                                        f64.store
                                        local.get $i_7
                                        i64.const 2
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_15
                                        f64.store
                                        local.get $i_7
                                        i64.const 3
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_16
                                        f64.store
                                        local.get $i_7
                                        i64.const 4
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_17
                                        f64.store
                                        local.get $i_7
                                        i64.const 5
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_18
                                        f64.store
                                        local.get $i_7
                                        i64.const 6
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_19
                                        f64.store
                                        local.get $i_7
                                        i64.const 7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_20
                                        f64.store
                                      end
                                      local.get $j_8
                                      i64.const 1
                                      i64.add
                                      local.set $j_8
                                      br $top29
                                    end
                                  end
                                end
                                local.get $i_7
                                i64.const 8
                                i64.add
                                local.set $i_7
                                br $top28
                              end
                            end
                          end
                          local.get $k_blk_r_12
                          i64.const 128
                          i64.add
                          local.set $k_blk_r_12
                          br $top27
                        end
                      end
                    end
                    local.get $j_blk_r_11
                    i64.const 512
                    i64.add
                    local.set $j_blk_r_11
                    br $top26
                  end
                end
              end
              local.get $i_blk_r_10
              i64.const 64
              i64.add
              local.set $i_blk_r_10
              br $top25
            end
          end
          local.get $m_2
          local.get $m_2
          i64.const 8
          local.tee $tmp_i64
          i64.eqz
          if
            i32.const 3
            call $env.rem0
            unreachable
          end
          local.get $tmp_i64
          i64.rem_s
          i64.sub
          local.set $i_7
          local.get $m_2
          local.set $end31
          block $brk31
            loop $top31
              local.get $i_7
              local.get $end31
              i64.ge_s
              br_if $brk31
              block $cont31
                i32.const 1
                if
                  i64.const 0
                  local.set $k_9
                  local.get $n_3
                  local.get $n_3
                  i64.const 4
                  local.tee $tmp_i64
                  i64.eqz
                  if
                    i32.const 4
                    call $env.rem0
                    unreachable
                  end
                  local.get $tmp_i64
                  i64.rem_s
                  i64.sub
                  local.set $end32
                  block $brk32
                    loop $top32
                      local.get $k_9
                      local.get $end32
                      i64.ge_s
                      br_if $brk32
                      block $cont32
                        i64.const 0
                        local.set $j_8
                        local.get $p_5
                        local.set $end33
                        local.get $i_7
                        local.set $tmp_i64
                        local.get $k_9
                        local.set $tmp_i64_1
                        local.get $A.ptr
                        local.get $A.off
                        local.get $tmp_i64
                        local.get $A.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $A.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat
                        local.get $i_7
                        local.set $tmp_i64_1
                        local.get $k_9
                        i64.const 1
                        i64.add
                        local.set $tmp_i64
                        local.get $A.ptr
                        local.get $A.off
                        local.get $tmp_i64_1
                        local.get $A.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $A.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_1
                        local.get $i_7
                        local.set $tmp_i64
                        local.get $k_9
                        i64.const 2
                        i64.add
                        local.set $tmp_i64_1
                        local.get $A.ptr
                        local.get $A.off
                        local.get $tmp_i64
                        local.get $A.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $A.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_2
                        local.get $i_7
                        local.set $tmp_i64_1
                        local.get $k_9
                        i64.const 3
                        i64.add
                        local.set $tmp_i64
                        local.get $A.ptr
                        local.get $A.off
                        local.get $tmp_i64_1
                        local.get $A.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $A.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_3
                        local.get $i_7
                        local.set $tmp_i64
                        i64.const 0
                        local.set $tmp_i64_1
                        local.get $C.ptr_6
                        local.get $C.off_6
                        local.get $tmp_i64
                        local.get $C.s0_6
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $C.s1_6
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_16
                        local.get $i_7
                        local.set $tmp_i64_1
                        i64.const 0
                        local.set $tmp_i64
                        local.get $C.ptr_6
                        local.get $C.off_6
                        local.get $tmp_i64_1
                        local.get $C.s0_6
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $C.s1_6
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_17
                        local.get $k_9
                        local.set $tmp_i64
                        i64.const 0
                        local.set $tmp_i64_1
                        local.get $B.ptr
                        local.get $B.off
                        local.get $tmp_i64
                        local.get $B.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $B.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base
                        local.get $k_9
                        i64.const 1
                        i64.add
                        local.set $tmp_i64_1
                        i64.const 0
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $B.off
                        local.get $tmp_i64_1
                        local.get $B.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $B.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_1
                        local.get $k_9
                        i64.const 2
                        i64.add
                        local.set $tmp_i64
                        i64.const 0
                        local.set $tmp_i64_1
                        local.get $B.ptr
                        local.get $B.off
                        local.get $tmp_i64
                        local.get $B.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $B.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_2
                        local.get $k_9
                        i64.const 3
                        i64.add
                        local.set $tmp_i64_1
                        i64.const 0
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $B.off
                        local.get $tmp_i64_1
                        local.get $B.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $B.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_3
                        block $vbrk33
                          loop $vtop33
                            local.get $j_8
                            i64.const 1
                            i64.add
                            local.get $end33
                            i64.ge_s
                            br_if $vbrk33
                            local.get $C_base_17
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.set $C_r_f64x2_0_8
                            local.get $B_base
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.set $B_r_f64x2_0_1
                            local.get $C_r_f64x2_0_8
                            local.get $splat
                            local.get $B_r_f64x2_0_1
                            f64x2.mul
                            f64x2.add
                            local.set $C_r_f64x2_0_8
                            local.get $B_base_1
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.set $B_r_f64x2_0_2
                            local.get $C_r_f64x2_0_8
                            local.get $splat_1
                            local.get $B_r_f64x2_0_2
                            f64x2.mul
                            f64x2.add
                            local.set $C_r_f64x2_0_8
                            local.get $B_base_2
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.set $B_r_f64x2_0_3
                            local.get $C_r_f64x2_0_8
                            local.get $splat_2
                            local.get $B_r_f64x2_0_3
                            f64x2.mul
                            f64x2.add
                            local.set $C_r_f64x2_0_8
                            local.get $B_base_3
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.set $B_r_f64x2_0_4
                            local.get $C_r_f64x2_0_8
                            local.get $splat_3
                            local.get $B_r_f64x2_0_4
                            f64x2.mul
                            f64x2.add
                            local.set $C_r_f64x2_0_8
                            local.get $C_base_16
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            local.get $C_r_f64x2_0_8
                            v128.store
                            local.get $j_8
                            i64.const 2
                            i64.add
                            local.set $j_8
                            br $vtop33
                          end
                        end
                        block $brk33
                          loop $top33
                            local.get $j_8
                            local.get $end33
                            i64.ge_s
                            br_if $brk33
                            block $cont33
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $j_8
                              local.set $tmp_i64_1
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $C_r_30
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_31
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_31
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $k_9
                              i64.const 1
                              i64.add
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_32
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              i64.const 1
                              i64.add
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_32
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $k_9
                              i64.const 2
                              i64.add
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_33
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              i64.const 2
                              i64.add
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_33
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $k_9
                              i64.const 3
                              i64.add
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_34
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              i64.const 3
                              i64.add
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_34
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $i_7
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64_1
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $C_r_30
                              f64.store
                            end
                            local.get $j_8
                            i64.const 1
                            i64.add
                            local.set $j_8
                            br $top33
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 4
                      i64.add
                      local.set $k_9
                      br $top32
                    end
                  end
                  local.get $n_3
                  local.get $n_3
                  i64.const 4
                  local.tee $tmp_i64
                  i64.eqz
                  if
                    i32.const 5
                    call $env.rem0
                    unreachable
                  end
                  local.get $tmp_i64
                  i64.rem_s
                  i64.sub
                  local.set $k_9
                  local.get $n_3
                  local.set $end34
                  block $brk34
                    loop $top34
                      local.get $k_9
                      local.get $end34
                      i64.ge_s
                      br_if $brk34
                      block $cont34
                        i64.const 0
                        local.set $j_8
                        local.get $p_5
                        local.set $end35
                        local.get $i_7
                        local.set $tmp_i64
                        local.get $k_9
                        local.set $tmp_i64_1
                        local.get $A.ptr
                        local.get $A.off
                        local.get $tmp_i64
                        local.get $A.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $A.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_4
                        local.get $i_7
                        local.set $tmp_i64_1
                        i64.const 0
                        local.set $tmp_i64
                        local.get $C.ptr_6
                        local.get $C.off_6
                        local.get $tmp_i64_1
                        local.get $C.s0_6
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $C.s1_6
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_18
                        local.get $i_7
                        local.set $tmp_i64
                        i64.const 0
                        local.set $tmp_i64_1
                        local.get $C.ptr_6
                        local.get $C.off_6
                        local.get $tmp_i64
                        local.get $C.s0_6
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $C.s1_6
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_19
                        local.get $k_9
                        local.set $tmp_i64_1
                        i64.const 0
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $B.off
                        local.get $tmp_i64_1
                        local.get $B.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $B.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_4
                        block $vbrk35
                          loop $vtop35
                            local.get $j_8
                            i64.const 1
                            i64.add
                            local.get $end35
                            i64.ge_s
                            br_if $vbrk35
                            local.get $C_base_19
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.set $C_r_f64x2_0_9
                            local.get $B_base_4
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.set $B_r_f64x2_0_5
                            local.get $C_r_f64x2_0_9
                            local.get $splat_4
                            local.get $B_r_f64x2_0_5
                            f64x2.mul
                            f64x2.add
                            local.set $C_r_f64x2_0_9
                            local.get $C_base_18
                            local.get $j_8
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            local.get $C_r_f64x2_0_9
                            v128.store
                            local.get $j_8
                            i64.const 2
                            i64.add
                            local.set $j_8
                            br $vtop35
                          end
                        end
                        block $brk35
                          loop $top35
                            local.get $j_8
                            local.get $end35
                            i64.ge_s
                            br_if $brk35
                            block $cont35
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $j_8
                              local.set $tmp_i64_1
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $C_r_35
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_36
                              local.get $C_r_35
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_36
                              f64.mul
                              f64.add
                              local.set $C_r_35
                              local.get $i_7
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64_1
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $C_r_35
                              f64.store
                            end
                            local.get $j_8
                            i64.const 1
                            i64.add
                            local.set $j_8
                            br $top35
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 1
                      i64.add
                      local.set $k_9
                      br $top34
                    end
                  end
                end
              end
              local.get $i_7
              i64.const 1
              i64.add
              local.set $i_7
              br $top31
            end
          end
        end
      else
        i32.const 1
        if
          i64.const 0
          local.set $i_blk_r_10
          local.get $m_2
          local.get $m_2
          i64.const 8
          local.tee $tmp_i64
          i64.eqz
          if
            i32.const 6
            call $env.rem0
            unreachable
          end
          local.get $tmp_i64
          i64.rem_s
          i64.sub
          local.set $end14
          block $brk14
            loop $top14
              local.get $i_blk_r_10
              local.get $end14
              i64.ge_s
              br_if $brk14
              block $cont14
                i64.const 0
                local.set $j_blk_r_11
                local.get $p_5
                local.set $end15
                block $brk15
                  loop $top15
                    local.get $j_blk_r_11
                    local.get $end15
                    i64.ge_s
                    br_if $brk15
                    block $cont15
                      i64.const 0
                      local.set $k_blk_r_12
                      local.get $n_3
                      local.set $end16
                      block $brk16
                        loop $top16
                          local.get $k_blk_r_12
                          local.get $end16
                          i64.ge_s
                          br_if $brk16
                          block $cont16
                            local.get $i_blk_r_10
                            local.set $i_7
                            local.get $i_blk_r_10
                            i64.const 64
                            i64.add
                            local.get $m_2
                            local.get $m_2
                            i64.const 8
                            local.tee $tmp_i64
                            i64.eqz
                            if
                              i32.const 7
                              call $env.rem0
                              unreachable
                            end
                            local.get $tmp_i64
                            i64.rem_s
                            i64.sub
                            local.set $tmp_i64_1
                            local.set $tmp_i64
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            i64.lt_s
                            select
                            local.set $end17
                            block $brk17
                              loop $top17
                                local.get $i_7
                                local.get $end17
                                i64.ge_s
                                br_if $brk17
                                block $cont17
                                  local.get $j_blk_r_11
                                  local.set $j_8
                                  local.get $j_blk_r_11
                                  i64.const 512
                                  i64.add
                                  local.get $p_5
                                  local.set $tmp_i64
                                  local.set $tmp_i64_1
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  i64.lt_s
                                  select
                                  local.set $end18
                                  block $brk18
                                    loop $top18
                                      local.get $j_8
                                      local.get $end18
                                      i64.ge_s
                                      br_if $brk18
                                      block $cont18
                                        local.get $i_7
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_13
                                        local.get $i_7
                                        i64.const 1
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_14
                                        local.get $i_7
                                        i64.const 2
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_15
                                        local.get $i_7
                                        i64.const 3
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_16
                                        local.get $i_7
                                        i64.const 4
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_17
                                        local.get $i_7
                                        i64.const 5
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_18
                                        local.get $i_7
                                        i64.const 6
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_19
                                        local.get $i_7
                                        i64.const 7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_20
                                        local.get $k_blk_r_12
                                        local.set $k_9
                                        local.get $k_blk_r_12
                                        i64.const 128
                                        i64.add
                                        local.get $n_3
                                        local.set $tmp_i64_1
                                        local.set $tmp_i64
                                        local.get $tmp_i64
                                        local.get $tmp_i64_1
                                        local.get $tmp_i64
                                        local.get $tmp_i64_1
                                        i64.lt_s
                                        select
                                        local.set $end19
                                        block $brk19
                                          loop $top19
                                            local.get $k_9
                                            local.get $end19
                                            i64.ge_s
                                            br_if $brk19
                                            block $cont19
                                              local.get $i_7
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_21
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $j_8
                                              local.set $tmp_i64_1
                                              local.get $B.ptr
                                              local.get $B.off
                                              local.get $tmp_i64
                                              local.get $B.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $B.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $B_r_22
                                              local.get $C_r_13
                                              local.get $A_r_21
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_13
                                              local.get $i_7
                                              i64.const 1
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_23
                                              local.get $C_r_14
                                              local.get $A_r_23
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_14
                                              local.get $i_7
                                              i64.const 2
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $k_9
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_24
                                              local.get $C_r_15
                                              local.get $A_r_24
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_15
                                              local.get $i_7
                                              i64.const 3
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_25
                                              local.get $C_r_16
                                              local.get $A_r_25
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_16
                                              local.get $i_7
                                              i64.const 4
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $k_9
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_26
                                              local.get $C_r_17
                                              local.get $A_r_26
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_17
                                              local.get $i_7
                                              i64.const 5
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_27
                                              local.get $C_r_18
                                              local.get $A_r_27
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_18
                                              local.get $i_7
                                              i64.const 6
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $k_9
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64_1
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_28
                                              local.get $C_r_19
                                              local.get $A_r_28
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_19
                                              local.get $i_7
                                              i64.const 7
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $k_9
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $A.off
                                              local.get $tmp_i64_1
                                              local.get $A.s0
                                              i64.mul
                                              i64.add
                                              local.get $tmp_i64
                                              local.get $A.s1
                                              i64.mul
                                              i64.add
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_29
                                              local.get $C_r_20
                                              local.get $A_r_29
                                              local.get $B_r_22
                                              f64.mul
                                              f64.add
                                              local.set $C_r_20
                                            end
                                            local.get $k_9
                                            i64.const 1
                                            i64.add
                                            local.set $k_9
                                            br $top19
                                          end
                                        end
                                        local.get $i_7
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_13
                                        f64.store
                                        local.get $i_7
                                        i64.const 1
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_14
                                        f64.store
                                        local.get $i_7
                                        i64.const 2
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_15
                                        f64.store
                                        local.get $i_7
                                        i64.const 3
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_16
                                        f64.store
                                        local.get $i_7
                                        i64.const 4
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_17
                                        f64.store
                                        local.get $i_7
                                        i64.const 5
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_18
                                        f64.store
                                        local.get $i_7
                                        i64.const 6
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $j_8
                                        local.set $tmp_i64_1
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64_1
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_19
                                        f64.store
                                        local.get $i_7
                                        i64.const 7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $j_8
                                        local.set $tmp_i64
                                        local.get $C.ptr_6
                                        local.get $C.off_6
                                        local.get $tmp_i64_1
                                        local.get $C.s0_6
                                        i64.mul
                                        i64.add
                                        local.get $tmp_i64
                                        local.get $C.s1_6
                                        i64.mul
                                        i64.add
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_20
                                        f64.store
                                      end
                                      local.get $j_8
                                      i64.const 1
                                      i64.add
                                      local.set $j_8
                                      br $top18
                                    end
                                  end
                                end
                                local.get $i_7
                                i64.const 8
                                i64.add
                                local.set $i_7
                                br $top17
                              end
                            end
                          end
                          local.get $k_blk_r_12
                          i64.const 128
                          i64.add
                          local.set $k_blk_r_12
                          br $top16
                        end
                      end
                    end
                    local.get $j_blk_r_11
                    i64.const 512
                    i64.add
                    local.set $j_blk_r_11
                    br $top15
                  end
                end
              end
              local.get $i_blk_r_10
              i64.const 64
              i64.add
              local.set $i_blk_r_10
              br $top14
            end
          end
          local.get $m_2
          local.get $m_2
          i64.const 8
          local.tee $tmp_i64
          i64.eqz
          if
            i32.const 8
            call $env.rem0
            unreachable
          end
          local.get $tmp_i64
          i64.rem_s
          i64.sub
          local.set $i_7
          local.get $m_2
          local.set $end20
          block $brk20
            loop $top20
              local.get $i_7
              local.get $end20
              i64.ge_s
              br_if $brk20
              block $cont20
                i32.const 1
                if
                  i64.const 0
                  local.set $k_9
                  local.get $n_3
                  local.get $n_3
                  i64.const 4
                  local.tee $tmp_i64
                  i64.eqz
                  if
                    i32.const 9
                    call $env.rem0
                    unreachable
                  end
                  local.get $tmp_i64
                  i64.rem_s
                  i64.sub
                  local.set $end21
                  block $brk21
                    loop $top21
                      local.get $k_9
                      local.get $end21
                      i64.ge_s
                      br_if $brk21
                      block $cont21
                        i64.const 0
                        local.set $j_8
                        local.get $p_5
                        local.set $end22
                        block $brk22
                          loop $top22
                            local.get $j_8
                            local.get $end22
                            i64.ge_s
                            br_if $brk22
                            block $cont22
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $j_8
                              local.set $tmp_i64_1
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $C_r_30
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_31
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_31
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $k_9
                              i64.const 1
                              i64.add
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_32
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              i64.const 1
                              i64.add
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_32
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $k_9
                              i64.const 2
                              i64.add
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_33
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              i64.const 2
                              i64.add
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_33
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $k_9
                              i64.const 3
                              i64.add
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_34
                              local.get $C_r_30
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              i64.const 3
                              i64.add
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_34
                              f64.mul
                              f64.add
                              local.set $C_r_30
                              local.get $i_7
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64_1
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $C_r_30
                              f64.store
                            end
                            local.get $j_8
                            i64.const 1
                            i64.add
                            local.set $j_8
                            br $top22
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 4
                      i64.add
                      local.set $k_9
                      br $top21
                    end
                  end
                  local.get $n_3
                  local.get $n_3
                  i64.const 4
                  local.tee $tmp_i64
                  i64.eqz
                  if
                    i32.const 10
                    call $env.rem0
                    unreachable
                  end
                  local.get $tmp_i64
                  i64.rem_s
                  i64.sub
                  local.set $k_9
                  local.get $n_3
                  local.set $end23
                  block $brk23
                    loop $top23
                      local.get $k_9
                      local.get $end23
                      i64.ge_s
                      br_if $brk23
                      block $cont23
                        i64.const 0
                        local.set $j_8
                        local.get $p_5
                        local.set $end24
                        block $brk24
                          loop $top24
                            local.get $j_8
                            local.get $end24
                            i64.ge_s
                            br_if $brk24
                            block $cont24
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $j_8
                              local.set $tmp_i64_1
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $C_r_35
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $B.off
                              local.get $tmp_i64_1
                              local.get $B.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $B.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.set $B_r_36
                              local.get $C_r_35
                              local.get $i_7
                              local.set $tmp_i64
                              local.get $k_9
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $A.off
                              local.get $tmp_i64
                              local.get $A.s0
                              i64.mul
                              i64.add
                              local.get $tmp_i64_1
                              local.get $A.s1
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $B_r_36
                              f64.mul
                              f64.add
                              local.set $C_r_35
                              local.get $i_7
                              local.set $tmp_i64_1
                              local.get $j_8
                              local.set $tmp_i64
                              local.get $C.ptr_6
                              local.get $C.off_6
                              local.get $tmp_i64_1
                              local.get $C.s0_6
                              i64.mul
                              i64.add
                              local.get $tmp_i64
                              local.get $C.s1_6
                              i64.mul
                              i64.add
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $C_r_35
                              f64.store
                            end
                            local.get $j_8
                            i64.const 1
                            i64.add
                            local.set $j_8
                            br $top24
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 1
                      i64.add
                      local.set $k_9
                      br $top23
                    end
                  end
                end
              end
              local.get $i_7
              i64.const 1
              i64.add
              local.set $i_7
              br $top20
            end
          end
        end
      end
    else
      i64.const 0
      local.set $i_7
      local.get $m_2
      local.set $end0
      block $brk0
        loop $top0
          local.get $i_7
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            i64.const 0
            local.set $j_8
            local.get $p_5
            local.set $end1
            block $brk1
              loop $top1
                local.get $j_8
                local.get $end1
                i64.ge_s
                br_if $brk1
                block $cont1
                  i64.const 0
                  local.set $k_9
                  local.get $n_3
                  local.set $end2
                  block $brk2
                    loop $top2
                      local.get $k_9
                      local.get $end2
                      i64.ge_s
                      br_if $brk2
                      block $cont2
                        local.get $i_7
                        local.set $tmp_i64
                        local.get $tmp_i64
                        local.get $C.n0_6
                        i64.ge_u
                        if
                          i32.const 0
                          i32.const 0
                          i32.const 2
                          local.get $tmp_i64
                          f64.convert_i64_s
                          local.get $C.n0_6
                          f64.convert_i64_s
                          i32.const 11
                          call $env.oob
                          unreachable
                        end
                        local.get $j_8
                        local.set $tmp_i64_1
                        local.get $tmp_i64_1
                        local.get $C.n1_6
                        i64.ge_u
                        if
                          i32.const 1
                          i32.const 1
                          i32.const 2
                          local.get $tmp_i64_1
                          f64.convert_i64_s
                          local.get $C.n1_6
                          f64.convert_i64_s
                          i32.const 12
                          call $env.oob
                          unreachable
                        end
                        local.get $C.ptr_6
                        local.get $C.off_6
                        local.get $tmp_i64
                        local.get $C.s0_6
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $C.s1_6
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.get $i_7
                        local.set $tmp_i64_1
                        local.get $tmp_i64_1
                        local.get $C.n0_6
                        i64.ge_u
                        if
                          i32.const 2
                          i32.const 0
                          i32.const 2
                          local.get $tmp_i64_1
                          f64.convert_i64_s
                          local.get $C.n0_6
                          f64.convert_i64_s
                          i32.const 13
                          call $env.oob
                          unreachable
                        end
                        local.get $j_8
                        local.set $tmp_i64
                        local.get $tmp_i64
                        local.get $C.n1_6
                        i64.ge_u
                        if
                          i32.const 3
                          i32.const 1
                          i32.const 2
                          local.get $tmp_i64
                          f64.convert_i64_s
                          local.get $C.n1_6
                          f64.convert_i64_s
                          i32.const 14
                          call $env.oob
                          unreachable
                        end
                        local.get $C.ptr_6
                        local.get $C.off_6
                        local.get $tmp_i64_1
                        local.get $C.s0_6
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $C.s1_6
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        local.get $i_7
                        local.set $tmp_i64
                        local.get $tmp_i64
                        local.get $A.n0
                        i64.ge_u
                        if
                          i32.const 4
                          i32.const 0
                          i32.const 2
                          local.get $tmp_i64
                          f64.convert_i64_s
                          local.get $A.n0
                          f64.convert_i64_s
                          i32.const 15
                          call $env.oob
                          unreachable
                        end
                        local.get $k_9
                        local.set $tmp_i64_1
                        local.get $tmp_i64_1
                        local.get $A.n1
                        i64.ge_u
                        if
                          i32.const 5
                          i32.const 1
                          i32.const 2
                          local.get $tmp_i64_1
                          f64.convert_i64_s
                          local.get $A.n1
                          f64.convert_i64_s
                          i32.const 16
                          call $env.oob
                          unreachable
                        end
                        local.get $A.ptr
                        local.get $A.off
                        local.get $tmp_i64
                        local.get $A.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64_1
                        local.get $A.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        local.get $k_9
                        local.set $tmp_i64_1
                        local.get $tmp_i64_1
                        local.get $B.n0
                        i64.ge_u
                        if
                          i32.const 6
                          i32.const 0
                          i32.const 2
                          local.get $tmp_i64_1
                          f64.convert_i64_s
                          local.get $B.n0
                          f64.convert_i64_s
                          i32.const 17
                          call $env.oob
                          unreachable
                        end
                        local.get $j_8
                        local.set $tmp_i64
                        local.get $tmp_i64
                        local.get $B.n1
                        i64.ge_u
                        if
                          i32.const 7
                          i32.const 1
                          i32.const 2
                          local.get $tmp_i64
                          f64.convert_i64_s
                          local.get $B.n1
                          f64.convert_i64_s
                          i32.const 18
                          call $env.oob
                          unreachable
                        end
                        local.get $B.ptr
                        local.get $B.off
                        local.get $tmp_i64_1
                        local.get $B.s0
                        i64.mul
                        i64.add
                        local.get $tmp_i64
                        local.get $B.s1
                        i64.mul
                        i64.add
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64.mul
                        f64.add
                        f64.store
                      end
                      local.get $k_9
                      i64.const 1
                      i64.add
                      local.set $k_9
                      br $top2
                    end
                  end
                end
                local.get $j_8
                i64.const 1
                i64.add
                local.set $j_8
                br $top1
              end
            end
          end
          local.get $i_7
          i64.const 1
          i64.add
          local.set $i_7
          br $top0
        end
      end
    end
    local.get $C.ptr_6
    local.get $C.n0_6
    local.get $C.n1_6
    local.get $C.s0_6
    local.get $C.s1_6
    local.get $C.off_6
    return
    unreachable
  )
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 f64) (param $p3 f64) (param $p4 f64) (param $p5 f64) (param $p6 i32) (param $p7 f64) (param $p8 f64) (param $p9 f64) (param $p10 f64) (param $p11 f64)
    (local $l12 i32)
    (local $l13 i64)
    (local $l14 i64)
    (local $l15 i64)
    (local $l16 i64)
    (local $l17 i64)
    local.get $p0
    local.get $p1
    i64.trunc_sat_f64_s
    local.get $p2
    i64.trunc_sat_f64_s
    local.get $p3
    i64.trunc_sat_f64_s
    local.get $p4
    i64.trunc_sat_f64_s
    local.get $p5
    i64.trunc_sat_f64_s
    local.get $p6
    local.get $p7
    i64.trunc_sat_f64_s
    local.get $p8
    i64.trunc_sat_f64_s
    local.get $p9
    i64.trunc_sat_f64_s
    local.get $p10
    i64.trunc_sat_f64_s
    local.get $p11
    i64.trunc_sat_f64_s
    call $matmul_seed
    local.set $l17
    local.set $l16
    local.set $l15
    local.set $l14
    local.set $l13
    local.set $l12
    i32.const 16
    local.get $l12
    f64.convert_i32_u
    f64.store
    i32.const 24
    local.get $l13
    f64.convert_i64_s
    f64.store
    i32.const 32
    local.get $l14
    f64.convert_i64_s
    f64.store
    i32.const 40
    local.get $l15
    f64.convert_i64_s
    f64.store
    i32.const 48
    local.get $l16
    f64.convert_i64_s
    f64.store
    i32.const 56
    local.get $l17
    f64.convert_i64_s
    f64.store
  )
)
