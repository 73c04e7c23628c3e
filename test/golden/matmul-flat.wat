(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $matmul_flat (param $A.ptr i32) (param $A.len i64) (param $B.ptr i32) (param $B.len i64) (param $C.ptr i32) (param $C.len i64) (param $m i64) (param $n i64) (param $p i64)
    (local $i_6 i64)
    (local $j_7 i64)
    (local $s_8 f64)
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
    (local $addr_30 i64)
    (local $addr_31 i64)
    (local $addr_32 i64)
    (local $addr_33 i64)
    (local $addr_34 i64)
    (local $addr_35 i64)
    (local $addr_36 i64)
    (local $addr_37 i64)
    (local $addr_38 i64)
    (local $addr_39 i64)
    (local $addr_40 i64)
    (local $addr_41 i64)
    (local $addr_42 i64)
    (local $addr_43 i64)
    (local $addr_44 i64)
    (local $addr_45 i64)
    (local $addr_46 i64)
    (local $addr_47 i64)
    (local $addr_48 i64)
    (local $addr_49 i64)
    (local $addr_50 i64)
    (local $addr_51 i64)
    (local $addr_52 i64)
    (local $addr_53 i64)
    (local $addr_54 i64)
    (local $addr_55 i64)
    (local $addr_56 i64)
    (local $addr_57 i64)
    (local $addr_58 i64)
    (local $addr_59 i64)
    (local $addr_60 i64)
    (local $addr_61 i64)
    (local $addr_62 i64)
    (local $addr_63 i64)
    (local $addr_64 i64)
    (local $addr_65 i64)
    (local $addr_66 i64)
    (local $addr_67 i64)
    (local $addr_68 i64)
    (local $addr_69 i64)
    (local $addr_70 i64)
    (local $addr_71 i64)
    (local $addr_72 i64)
    (local $addr_73 i64)
    (local $addr_74 i64)
    (local $addr_75 i64)
    (local $addr_76 i64)
    (local $addr_77 i64)
    (local $addr_78 i64)
    (local $addr_79 i64)
    (local $addr_80 i64)
    (local $addr_81 i64)
    (local $addr_82 i64)
    (local $addr_83 i64)
    (local $addr_84 i64)
    (local $addr_85 i64)
    (local $addr_86 i64)
    (local $addr_87 i64)
    (local $addr_88 i64)
    (local $addr_89 i64)
    (local $tmp_i32 i32)
    (local $tmp_i32_1 i32)
    (local $tmp_i32_2 i32)
    (local $tmp_i32_3 i32)
    (local $tmp_i32_4 i32)
    (local $tmp_i32_5 i32)
    (local $tmp_i32_6 i32)
    (local $tmp_i64 i64)
    (local $tmp_i64_1 i64)
    (local $span i64)
    (local $span_1 i64)
    (local $span_2 i64)
    (local $span_3 i64)
    (local $span_4 i64)
    (local $span_5 i64)
    (local $span_6 i64)
    (local $span_7 i64)
    (local $span_8 i64)
    (local $span_9 i64)
    (local $span_10 i64)
    (local $span_11 i64)
    (local $span_12 i64)
    (local $span_13 i64)
    (local $span_14 i64)
    (local $span_15 i64)
    (local $end30 i64)
    (local $end31 i64)
    (local $C_base i32)
    (local $end32 i64)
    (local $end33 i64)
    (local $end34 i64)
    (local $end35 i64)
    (local $end36 i64)
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
    (local $C_base_16 i32)
    (local $end37 i64)
    (local $B_at i32)
    (local $end37_1 i64)
    (local $end38 i64)
    (local $end39 i64)
    (local $end40 i64)
    (local $splat v128)
    (local $splat_1 v128)
    (local $splat_2 v128)
    (local $splat_3 v128)
    (local $C_base_17 i32)
    (local $C_base_18 i32)
    (local $C_base_19 i32)
    (local $C_base_20 i32)
    (local $C_base_21 i32)
    (local $B_base i32)
    (local $C_base_22 i32)
    (local $B_base_1 i32)
    (local $C_base_23 i32)
    (local $B_base_2 i32)
    (local $C_base_24 i32)
    (local $B_base_3 i32)
    (local $end41 i64)
    (local $end42 i64)
    (local $splat_4 v128)
    (local $C_base_25 i32)
    (local $C_base_26 i32)
    (local $B_base_4 i32)
    (local $end17 i64)
    (local $end18 i64)
    (local $end19 i64)
    (local $end20 i64)
    (local $end21 i64)
    (local $end22 i64)
    (local $end23 i64)
    (local $end24 i64)
    (local $end25 i64)
    (local $end26 i64)
    (local $end27 i64)
    (local $end28 i64)
    (local $end29 i64)
    (local $end0 i64)
    (local $end1 i64)
    (local $end2 i64)
    i64.const 0
    local.get $p
    local.get $m
    i64.const -1
    i64.add
    i64.mul
    local.set $tmp_i64_1
    local.set $tmp_i64
    local.get $tmp_i64
    local.get $tmp_i64_1
    local.get $tmp_i64
    local.get $tmp_i64_1
    i64.lt_s
    select
    i64.const 0
    i64.ge_s
    local.tee $tmp_i32_6
    if (result i32)
      i64.const 0
      local.get $p
      local.get $m
      i64.const -1
      i64.add
      i64.mul
      local.set $tmp_i64
      local.set $tmp_i64_1
      local.get $tmp_i64_1
      local.get $tmp_i64
      local.get $tmp_i64_1
      local.get $tmp_i64
      i64.gt_s
      select
      local.get $p
      i64.const -1
      i64.add
      i64.add
      local.get $C.len
      i64.lt_s
    else
      local.get $tmp_i32_6
    end
    local.tee $tmp_i32_5
    if (result i32)
      i64.const 0
      local.get $n
      local.get $m
      i64.const -1
      i64.add
      i64.mul
      local.set $tmp_i64_1
      local.set $tmp_i64
      local.get $tmp_i64
      local.get $tmp_i64_1
      local.get $tmp_i64
      local.get $tmp_i64_1
      i64.lt_s
      select
      i64.const 0
      i64.ge_s
    else
      local.get $tmp_i32_5
    end
    local.tee $tmp_i32_4
    if (result i32)
      i64.const 0
      local.get $n
      local.get $m
      i64.const -1
      i64.add
      i64.mul
      local.set $tmp_i64
      local.set $tmp_i64_1
      local.get $tmp_i64_1
      local.get $tmp_i64
      local.get $tmp_i64_1
      local.get $tmp_i64
      i64.gt_s
      select
      local.get $n
      i64.const -1
      i64.add
      i64.add
      local.get $A.len
      i64.lt_s
    else
      local.get $tmp_i32_4
    end
    local.tee $tmp_i32_3
    if (result i32)
      i64.const 0
      local.get $p
      local.get $n
      i64.const -1
      i64.add
      i64.mul
      local.set $tmp_i64_1
      local.set $tmp_i64
      local.get $tmp_i64
      local.get $tmp_i64_1
      local.get $tmp_i64
      local.get $tmp_i64_1
      i64.lt_s
      select
      i64.const 0
      i64.ge_s
    else
      local.get $tmp_i32_3
    end
    local.tee $tmp_i32_2
    if (result i32)
      i64.const 0
      local.get $p
      local.get $n
      i64.const -1
      i64.add
      i64.mul
      local.set $tmp_i64
      local.set $tmp_i64_1
      local.get $tmp_i64_1
      local.get $tmp_i64
      local.get $tmp_i64_1
      local.get $tmp_i64
      i64.gt_s
      select
      local.get $p
      i64.const -1
      i64.add
      i64.add
      local.get $B.len
      i64.lt_s
    else
      local.get $tmp_i32_2
    end
    local.get $p
    local.get $p
    i64.ge_s
    i32.and
    local.tee $tmp_i32_1
    if (result i32)
      i64.const 0
      local.set $span
      local.get $C.len
      i64.const -1
      i64.add
      local.set $span_1
      i64.const 0
      local.set $span_2
      local.get $A.len
      i64.const -1
      i64.add
      local.set $span_3
      local.get $span_1
      local.get $span
      i64.lt_s
      local.get $span_3
      local.get $span_2
      i64.lt_s
      i32.or
      local.get $C.ptr
      i64.extend_i32_u
      local.get $span_1
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $A.ptr
      i64.extend_i32_u
      local.get $span_2
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.get $A.ptr
      i64.extend_i32_u
      local.get $span_3
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $C.ptr
      i64.extend_i32_u
      local.get $span
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
    else
      local.get $tmp_i32_1
    end
    local.tee $tmp_i32
    if (result i32)
      i64.const 0
      local.set $span_4
      local.get $C.len
      i64.const -1
      i64.add
      local.set $span_5
      i64.const 0
      local.set $span_6
      local.get $B.len
      i64.const -1
      i64.add
      local.set $span_7
      local.get $span_5
      local.get $span_4
      i64.lt_s
      local.get $span_7
      local.get $span_6
      i64.lt_s
      i32.or
      local.get $C.ptr
      i64.extend_i32_u
      local.get $span_5
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $B.ptr
      i64.extend_i32_u
      local.get $span_6
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.get $B.ptr
      i64.extend_i32_u
      local.get $span_7
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $C.ptr
      i64.extend_i32_u
      local.get $span_4
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
    else
      local.get $tmp_i32
    end
    if
      i64.const 0
      local.set $span_8
      local.get $C.len
      i64.const -1
      i64.add
      local.set $span_9
      i64.const 0
      local.set $span_10
      local.get $A.len
      i64.const -1
      i64.add
      local.set $span_11
      local.get $span_9
      local.get $span_8
      i64.lt_s
      local.get $span_11
      local.get $span_10
      i64.lt_s
      i32.or
      local.get $C.ptr
      i64.extend_i32_u
      local.get $span_9
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $A.ptr
      i64.extend_i32_u
      local.get $span_10
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.get $A.ptr
      i64.extend_i32_u
      local.get $span_11
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $C.ptr
      i64.extend_i32_u
      local.get $span_8
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.tee $tmp_i32
      if (result i32)
        i64.const 0
        local.set $span_12
        local.get $C.len
        i64.const -1
        i64.add
        local.set $span_13
        i64.const 0
        local.set $span_14
        local.get $B.len
        i64.const -1
        i64.add
        local.set $span_15
        local.get $span_13
        local.get $span_12
        i64.lt_s
        local.get $span_15
        local.get $span_14
        i64.lt_s
        i32.or
        local.get $C.ptr
        i64.extend_i32_u
        local.get $span_13
        i64.const 1
        i64.add
        i64.const 8
        i64.mul
        i64.add
        local.get $B.ptr
        i64.extend_i32_u
        local.get $span_14
        i64.const 8
        i64.mul
        i64.add
        i64.le_u
        i32.or
        local.get $B.ptr
        i64.extend_i32_u
        local.get $span_15
        i64.const 1
        i64.add
        i64.const 8
        i64.mul
        i64.add
        local.get $C.ptr
        i64.extend_i32_u
        local.get $span_12
        i64.const 8
        i64.mul
        i64.add
        i64.le_u
        i32.or
      else
        local.get $tmp_i32
      end
      if
        i64.const 0
        local.set $i_6
        local.get $m
        local.set $end30
        block $brk30
          loop $top30
            local.get $i_6
            local.get $end30
            i64.ge_s
            br_if $brk30
            block $cont30
              local.get $i_6
              local.get $p
              i64.mul
              local.set $addr_30
              i64.const 0
              local.set $j_7
              local.get $p
              local.set $end31
              local.get $addr_30
              i64.const 0
              i64.add
              local.set $tmp_i64
              local.get $C.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              local.set $C_base
              block $vbrk31
                loop $vtop31
                  local.get $j_7
                  i64.const 1
                  i64.add
                  local.get $end31
                  i64.ge_s
                  br_if $vbrk31
                  local.get $C_base
                  local.get $j_7
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                  v128.store
                  local.get $j_7
                  i64.const 2
                  i64.add
                  local.set $j_7
                  br $vtop31
                end
              end
              block $brk31
                loop $top31
                  local.get $j_7
                  local.get $end31
                  i64.ge_s
                  br_if $brk31
                  block $cont31
                    local.get $addr_30
                    local.get $j_7
                    i64.add
                    local.set $tmp_i64
                    local.get $C.ptr
                    local.get $tmp_i64
                    i32.wrap_i64
                    i32.const 3
                    i32.shl
                    i32.add
                    f64.const 0
                    f64.store
                  end
                  local.get $j_7
                  i64.const 1
                  i64.add
                  local.set $j_7
                  br $top31
                end
              end
            end
            local.get $i_6
            i64.const 1
            i64.add
            local.set $i_6
            br $top30
          end
        end
        i32.const 1
        if
          i64.const 0
          local.set $i_blk_r_10
          local.get $m
          local.get $m
          i64.const 8
          local.tee $tmp_i64
          i64.eqz
          if
            i32.const 0
            call $env.rem0
            unreachable
          end
          local.get $tmp_i64
          i64.rem_s
          i64.sub
          local.set $end32
          block $brk32
            loop $top32
              local.get $i_blk_r_10
              local.get $end32
              i64.ge_s
              br_if $brk32
              block $cont32
                i64.const 0
                local.set $j_blk_r_11
                local.get $p
                local.set $end33
                block $brk33
                  loop $top33
                    local.get $j_blk_r_11
                    local.get $end33
                    i64.ge_s
                    br_if $brk33
                    block $cont33
                      i64.const 0
                      local.set $k_blk_r_12
                      local.get $n
                      local.set $end34
                      block $brk34
                        loop $top34
                          local.get $k_blk_r_12
                          local.get $end34
                          i64.ge_s
                          br_if $brk34
                          block $cont34
                            local.get $i_blk_r_10
                            local.set $i_6
                            local.get $i_blk_r_10
                            i64.const 64
                            i64.add
                            local.get $m
                            local.get $m
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
                            local.set $tmp_i64_1
                            local.set $tmp_i64
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            i64.lt_s
                            select
                            local.set $end35
                            block $brk35
                              loop $top35
                                local.get $i_6
                                local.get $end35
                                i64.ge_s
                                br_if $brk35
                                block $cont35
                                  local.get $i_6
                                  local.get $p
                                  i64.mul
                                  local.set $addr_31
                                  local.get $i_6
                                  i64.const 1
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_32
                                  local.get $i_6
                                  i64.const 2
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_33
                                  local.get $i_6
                                  i64.const 3
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_34
                                  local.get $i_6
                                  i64.const 4
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_35
                                  local.get $i_6
                                  i64.const 5
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_36
                                  local.get $i_6
                                  i64.const 6
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_37
                                  local.get $i_6
                                  i64.const 7
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_38
                                  local.get $i_6
                                  local.get $n
                                  i64.mul
                                  local.set $addr_39
                                  local.get $i_6
                                  i64.const 1
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_40
                                  local.get $i_6
                                  i64.const 2
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_41
                                  local.get $i_6
                                  i64.const 3
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_42
                                  local.get $i_6
                                  i64.const 4
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_43
                                  local.get $i_6
                                  i64.const 5
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_44
                                  local.get $i_6
                                  i64.const 6
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_45
                                  local.get $i_6
                                  i64.const 7
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_46
                                  local.get $j_blk_r_11
                                  local.set $j_7
                                  local.get $j_blk_r_11
                                  i64.const 512
                                  i64.add
                                  local.get $p
                                  local.set $tmp_i64
                                  local.set $tmp_i64_1
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  i64.lt_s
                                  select
                                  local.set $end36
                                  local.get $addr_31
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_1
                                  local.get $addr_32
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_2
                                  local.get $addr_33
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_3
                                  local.get $addr_34
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_4
                                  local.get $addr_35
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_5
                                  local.get $addr_36
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_6
                                  local.get $addr_37
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_7
                                  local.get $addr_38
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_8
                                  local.get $addr_31
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_9
                                  local.get $addr_32
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_10
                                  local.get $addr_33
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_11
                                  local.get $addr_34
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_12
                                  local.get $addr_35
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_13
                                  local.get $addr_36
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_14
                                  local.get $addr_37
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_15
                                  local.get $addr_38
                                  i64.const 0
                                  i64.add
                                  local.set $tmp_i64
                                  local.get $C.ptr
                                  local.get $tmp_i64
                                  i32.wrap_i64
                                  i32.const 3
                                  i32.shl
                                  i32.add
                                  local.set $C_base_16
                                  block $vbrk36
                                    loop $vtop36
                                      local.get $j_7
                                      i64.const 3
                                      i64.add
                                      local.get $end36
                                      i64.ge_s
                                      br_if $vbrk36
                                      local.get $C_base_9
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0
                                      local.get $C_base_9
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1
                                      local.get $C_base_10
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_1
                                      local.get $C_base_10
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_1
                                      local.get $C_base_11
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_2
                                      local.get $C_base_11
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_2
                                      local.get $C_base_12
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_3
                                      local.get $C_base_12
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_3
                                      local.get $C_base_13
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_4
                                      local.get $C_base_13
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_4
                                      local.get $C_base_14
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_5
                                      local.get $C_base_14
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_5
                                      local.get $C_base_15
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_6
                                      local.get $C_base_15
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load offset=16
                                      local.set $C_r_f64x2_1_6
                                      local.get $C_base_16
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      v128.load
                                      local.set $C_r_f64x2_0_7
                                      local.get $C_base_16
                                      local.get $j_7
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
                                      local.get $n
                                      local.set $tmp_i64_1
                                      local.set $tmp_i64
                                      local.get $tmp_i64
                                      local.get $tmp_i64_1
                                      local.get $tmp_i64
                                      local.get $tmp_i64_1
                                      i64.lt_s
                                      select
                                      local.set $end37
                                      block $brk37
                                        loop $top37
                                          local.get $k_9
                                          local.get $end37
                                          i64.ge_s
                                          br_if $brk37
                                          block $cont37
                                            local.get $addr_39
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
                                            i32.wrap_i64
                                            i32.const 3
                                            i32.shl
                                            i32.add
                                            f64.load
                                            f64x2.splat
                                            local.tee $A_r_f64x2_0
                                            local.set $A_r_f64x2_1
                                            local.get $k_9
                                            local.get $p
                                            i64.mul
                                            local.get $j_7
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $B.ptr
                                            local.get $tmp_i64_1
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
                                            local.get $addr_40
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
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
                                            local.get $addr_41
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
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
                                            local.get $addr_42
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
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
                                            local.get $addr_43
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
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
                                            local.get $addr_44
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
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
                                            local.get $addr_45
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
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
                                            local.get $addr_46
                                            local.get $k_9
                                            i64.add
                                            local.set $tmp_i64_1
                                            local.get $A.ptr
                                            local.get $tmp_i64_1
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
                                          br $top37
                                        end
                                      end
                                      local.get $C_base_1
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0
                                      v128.store
                                      local.get $C_base_1
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1
                                      v128.store offset=16
                                      local.get $C_base_2
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_1
                                      v128.store
                                      local.get $C_base_2
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_1
                                      v128.store offset=16
                                      local.get $C_base_3
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_2
                                      v128.store
                                      local.get $C_base_3
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_2
                                      v128.store offset=16
                                      local.get $C_base_4
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_3
                                      v128.store
                                      local.get $C_base_4
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_3
                                      v128.store offset=16
                                      local.get $C_base_5
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_4
                                      v128.store
                                      local.get $C_base_5
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_4
                                      v128.store offset=16
                                      local.get $C_base_6
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_5
                                      v128.store
                                      local.get $C_base_6
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_5
                                      v128.store offset=16
                                      local.get $C_base_7
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_6
                                      v128.store
                                      local.get $C_base_7
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_6
                                      v128.store offset=16
                                      local.get $C_base_8
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_0_7
                                      v128.store
                                      local.get $C_base_8
                                      local.get $j_7
                                      i32.wrap_i64
                                      i32.const 3
                                      i32.shl
                                      i32.add
                                      local.get $C_r_f64x2_1_7
                                      v128.store offset=16
                                      local.get $j_7
                                      i64.const 4
                                      i64.add
                                      local.set $j_7
                                      br $vtop36
                                    end
                                  end
                                  block $brk36
                                    loop $top36
                                      local.get $j_7
                                      local.get $end36
                                      i64.ge_s
                                      br_if $brk36
                                      block $cont36
                                        local.get $addr_31
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_13
                                        local.get $addr_32
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_14
                                        local.get $addr_33
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_15
                                        local.get $addr_34
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_16
                                        local.get $addr_35
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_17
                                        local.get $addr_36
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_18
                                        local.get $addr_37
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_19
                                        local.get $addr_38
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
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
                                        local.get $n
                                        local.set $tmp_i64
                                        local.set $tmp_i64_1
                                        local.get $tmp_i64_1
                                        local.get $tmp_i64
                                        local.get $tmp_i64_1
                                        local.get $tmp_i64
                                        i64.lt_s
                                        select
                                        local.set $end37_1
                                        block $brk37
                                          loop $top37
                                            local.get $k_9
                                            local.get $end37_1
                                            i64.ge_s
                                            br_if $brk37
                                            block $cont37
                                              local.get $addr_39
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_21
                                              local.get $k_9
                                              local.get $p
                                              i64.mul
                                              local.get $j_7
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $B.ptr
                                              local.get $tmp_i64
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
                                              local.get $addr_40
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
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
                                              local.get $addr_41
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
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
                                              local.get $addr_42
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
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
                                              local.get $addr_43
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
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
                                              local.get $addr_44
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
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
                                              local.get $addr_45
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
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
                                              local.get $addr_46
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64
                                              local.get $A.ptr
                                              local.get $tmp_i64
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
                                            br $top37
                                          end
                                        end
                                        local.get $addr_31
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_13
                                        f64.store
                                        local.get $addr_32
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_14
                                        f64.store
                                        local.get $addr_33
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_15
                                        f64.store
                                        local.get $addr_34
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_16
                                        f64.store
                                        local.get $addr_35
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_17
                                        f64.store
                                        local.get $addr_36
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_18
                                        f64.store
                                        local.get $addr_37
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_19
                                        f64.store
                                        local.get $addr_38
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_20
                                        f64.store
                                      end
                                      local.get $j_7
                                      i64.const 1
                                      i64.add
                                      local.set $j_7
                                      br $top36
                                    end
                                  end
                                end
                                local.get $i_6
                                i64.const 8
                                i64.add
                                local.set $i_6
                                br $top35
                              end
                            end
                          end
                          local.get $k_blk_r_12
                          i64.const 128
                          i64.add
                          local.set $k_blk_r_12
                          br $top34
                        end
                      end
                    end
                    local.get $j_blk_r_11
                    i64.const 512
                    i64.add
                    local.set $j_blk_r_11
                    br $top33
                  end
                end
              end
              local.get $i_blk_r_10
              i64.const 64
              i64.add
              local.set $i_blk_r_10
              br $top32
            end
          end
          local.get $m
          local.get $m
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
          local.set $i_6
          local.get $m
          local.set $end38
          block $brk38
            loop $top38
              local.get $i_6
              local.get $end38
              i64.ge_s
              br_if $brk38
              block $cont38
                i32.const 1
                if
                  local.get $i_6
                  local.get $p
                  i64.mul
                  local.set $addr_47
                  i64.const 0
                  local.set $k_9
                  local.get $n
                  local.get $n
                  i64.const 4
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
                  local.set $end39
                  block $brk39
                    loop $top39
                      local.get $k_9
                      local.get $end39
                      i64.ge_s
                      br_if $brk39
                      block $cont39
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.add
                        local.set $addr_48
                        local.get $k_9
                        local.get $p
                        i64.mul
                        local.set $addr_49
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.const 1
                        i64.add
                        i64.add
                        local.set $addr_50
                        local.get $k_9
                        i64.const 1
                        i64.add
                        local.get $p
                        i64.mul
                        local.set $addr_51
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.const 2
                        i64.add
                        i64.add
                        local.set $addr_52
                        local.get $k_9
                        i64.const 2
                        i64.add
                        local.get $p
                        i64.mul
                        local.set $addr_53
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.const 3
                        i64.add
                        i64.add
                        local.set $addr_54
                        local.get $k_9
                        i64.const 3
                        i64.add
                        local.get $p
                        i64.mul
                        local.set $addr_55
                        i64.const 0
                        local.set $j_7
                        local.get $p
                        local.set $end40
                        local.get $addr_48
                        local.set $tmp_i64
                        local.get $A.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat
                        local.get $addr_50
                        local.set $tmp_i64
                        local.get $A.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_1
                        local.get $addr_52
                        local.set $tmp_i64
                        local.get $A.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_2
                        local.get $addr_54
                        local.set $tmp_i64
                        local.get $A.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_3
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_17
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_18
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_19
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_20
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_21
                        local.get $addr_49
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_22
                        local.get $addr_51
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_1
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_23
                        local.get $addr_53
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_2
                        local.get $addr_47
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_24
                        local.get $addr_55
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_3
                        block $vbrk40
                          loop $vtop40
                            local.get $j_7
                            i64.const 1
                            i64.add
                            local.get $end40
                            i64.ge_s
                            br_if $vbrk40
                            local.get $C_base_17
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            local.get $C_base_21
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.get $splat
                            local.get $B_base
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            f64x2.mul
                            f64x2.add
                            v128.store
                            local.get $C_base_18
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            local.get $C_base_22
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.get $splat_1
                            local.get $B_base_1
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            f64x2.mul
                            f64x2.add
                            v128.store
                            local.get $C_base_19
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            local.get $C_base_23
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.get $splat_2
                            local.get $B_base_2
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            f64x2.mul
                            f64x2.add
                            v128.store
                            local.get $C_base_20
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            local.get $C_base_24
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.get $splat_3
                            local.get $B_base_3
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            f64x2.mul
                            f64x2.add
                            v128.store
                            local.get $j_7
                            i64.const 2
                            i64.add
                            local.set $j_7
                            br $vtop40
                          end
                        end
                        block $brk40
                          loop $top40
                            local.get $j_7
                            local.get $end40
                            i64.ge_s
                            br_if $brk40
                            block $cont40
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_48
                              local.set $tmp_i64
                              local.get $A.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_49
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_50
                              local.set $tmp_i64
                              local.get $A.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_51
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_52
                              local.set $tmp_i64
                              local.get $A.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_53
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_47
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_54
                              local.set $tmp_i64
                              local.get $A.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_55
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                            end
                            local.get $j_7
                            i64.const 1
                            i64.add
                            local.set $j_7
                            br $top40
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 4
                      i64.add
                      local.set $k_9
                      br $top39
                    end
                  end
                  local.get $i_6
                  local.get $p
                  i64.mul
                  local.set $addr_56
                  local.get $n
                  local.get $n
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
                  local.set $k_9
                  local.get $n
                  local.set $end41
                  block $brk41
                    loop $top41
                      local.get $k_9
                      local.get $end41
                      i64.ge_s
                      br_if $brk41
                      block $cont41
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.add
                        local.set $addr_57
                        local.get $k_9
                        local.get $p
                        i64.mul
                        local.set $addr_58
                        i64.const 0
                        local.set $j_7
                        local.get $p
                        local.set $end42
                        local.get $addr_57
                        local.set $tmp_i64
                        local.get $A.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64x2.splat
                        local.set $splat_4
                        local.get $addr_56
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_25
                        local.get $addr_56
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $C.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $C_base_26
                        local.get $addr_58
                        i64.const 0
                        i64.add
                        local.set $tmp_i64
                        local.get $B.ptr
                        local.get $tmp_i64
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        local.set $B_base_4
                        block $vbrk42
                          loop $vtop42
                            local.get $j_7
                            i64.const 1
                            i64.add
                            local.get $end42
                            i64.ge_s
                            br_if $vbrk42
                            local.get $C_base_25
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            local.get $C_base_26
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            local.get $splat_4
                            local.get $B_base_4
                            local.get $j_7
                            i32.wrap_i64
                            i32.const 3
                            i32.shl
                            i32.add
                            v128.load
                            f64x2.mul
                            f64x2.add
                            v128.store
                            local.get $j_7
                            i64.const 2
                            i64.add
                            local.set $j_7
                            br $vtop42
                          end
                        end
                        block $brk42
                          loop $top42
                            local.get $j_7
                            local.get $end42
                            i64.ge_s
                            br_if $brk42
                            block $cont42
                              local.get $addr_56
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_56
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $C.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_57
                              local.set $tmp_i64
                              local.get $A.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_58
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64
                              local.get $B.ptr
                              local.get $tmp_i64
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                            end
                            local.get $j_7
                            i64.const 1
                            i64.add
                            local.set $j_7
                            br $top42
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 1
                      i64.add
                      local.set $k_9
                      br $top41
                    end
                  end
                end
              end
              local.get $i_6
              i64.const 1
              i64.add
              local.set $i_6
              br $top38
            end
          end
        end
      else
        i64.const 0
        local.set $i_6
        local.get $m
        local.set $end17
        block $brk17
          loop $top17
            local.get $i_6
            local.get $end17
            i64.ge_s
            br_if $brk17
            block $cont17
              local.get $i_6
              local.get $p
              i64.mul
              local.set $addr_59
              i64.const 0
              local.set $j_7
              local.get $p
              local.set $end18
              block $brk18
                loop $top18
                  local.get $j_7
                  local.get $end18
                  i64.ge_s
                  br_if $brk18
                  block $cont18
                    local.get $addr_59
                    local.get $j_7
                    i64.add
                    local.set $tmp_i64
                    local.get $C.ptr
                    local.get $tmp_i64
                    i32.wrap_i64
                    i32.const 3
                    i32.shl
                    i32.add
                    f64.const 0
                    f64.store
                  end
                  local.get $j_7
                  i64.const 1
                  i64.add
                  local.set $j_7
                  br $top18
                end
              end
            end
            local.get $i_6
            i64.const 1
            i64.add
            local.set $i_6
            br $top17
          end
        end
        i32.const 1
        if
          i64.const 0
          local.set $i_blk_r_10
          local.get $m
          local.get $m
          i64.const 8
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
          local.set $end19
          block $brk19
            loop $top19
              local.get $i_blk_r_10
              local.get $end19
              i64.ge_s
              br_if $brk19
              block $cont19
                i64.const 0
                local.set $j_blk_r_11
                local.get $p
                local.set $end20
                block $brk20
                  loop $top20
                    local.get $j_blk_r_11
                    local.get $end20
                    i64.ge_s
                    br_if $brk20
                    block $cont20
                      i64.const 0
                      local.set $k_blk_r_12
                      local.get $n
                      local.set $end21
                      block $brk21
                        loop $top21
                          local.get $k_blk_r_12
                          local.get $end21
                          i64.ge_s
                          br_if $brk21
                          block $cont21
                            local.get $i_blk_r_10
                            local.set $i_6
                            local.get $i_blk_r_10
                            i64.const 64
                            i64.add
                            local.get $m
                            local.get $m
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
                            local.set $tmp_i64_1
                            local.set $tmp_i64
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            local.get $tmp_i64
                            local.get $tmp_i64_1
                            i64.lt_s
                            select
                            local.set $end22
                            block $brk22
                              loop $top22
                                local.get $i_6
                                local.get $end22
                                i64.ge_s
                                br_if $brk22
                                block $cont22
                                  local.get $i_6
                                  local.get $p
                                  i64.mul
                                  local.set $addr_60
                                  local.get $i_6
                                  i64.const 1
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_61
                                  local.get $i_6
                                  i64.const 2
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_62
                                  local.get $i_6
                                  i64.const 3
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_63
                                  local.get $i_6
                                  i64.const 4
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_64
                                  local.get $i_6
                                  i64.const 5
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_65
                                  local.get $i_6
                                  i64.const 6
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_66
                                  local.get $i_6
                                  i64.const 7
                                  i64.add
                                  local.get $p
                                  i64.mul
                                  local.set $addr_67
                                  local.get $i_6
                                  local.get $n
                                  i64.mul
                                  local.set $addr_68
                                  local.get $i_6
                                  i64.const 1
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_69
                                  local.get $i_6
                                  i64.const 2
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_70
                                  local.get $i_6
                                  i64.const 3
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_71
                                  local.get $i_6
                                  i64.const 4
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_72
                                  local.get $i_6
                                  i64.const 5
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_73
                                  local.get $i_6
                                  i64.const 6
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_74
                                  local.get $i_6
                                  i64.const 7
                                  i64.add
                                  local.get $n
                                  i64.mul
                                  local.set $addr_75
                                  local.get $j_blk_r_11
                                  local.set $j_7
                                  local.get $j_blk_r_11
                                  i64.const 512
                                  i64.add
                                  local.get $p
                                  local.set $tmp_i64
                                  local.set $tmp_i64_1
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  local.get $tmp_i64_1
                                  local.get $tmp_i64
                                  i64.lt_s
                                  select
                                  local.set $end23
                                  block $brk23
                                    loop $top23
                                      local.get $j_7
                                      local.get $end23
                                      i64.ge_s
                                      br_if $brk23
                                      block $cont23
                                        local.get $addr_60
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_13
                                        local.get $addr_61
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_14
                                        local.get $addr_62
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_15
                                        local.get $addr_63
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_16
                                        local.get $addr_64
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_17
                                        local.get $addr_65
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_18
                                        local.get $addr_66
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        f64.load
                                        local.set $C_r_19
                                        local.get $addr_67
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64
                                        local.get $C.ptr
                                        local.get $tmp_i64
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
                                        local.get $n
                                        local.set $tmp_i64_1
                                        local.set $tmp_i64
                                        local.get $tmp_i64
                                        local.get $tmp_i64_1
                                        local.get $tmp_i64
                                        local.get $tmp_i64_1
                                        i64.lt_s
                                        select
                                        local.set $end24
                                        block $brk24
                                          loop $top24
                                            local.get $k_9
                                            local.get $end24
                                            i64.ge_s
                                            br_if $brk24
                                            block $cont24
                                              local.get $addr_68
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
                                              i32.wrap_i64
                                              i32.const 3
                                              i32.shl
                                              i32.add
                                              f64.load
                                              local.set $A_r_21
                                              local.get $k_9
                                              local.get $p
                                              i64.mul
                                              local.get $j_7
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $B.ptr
                                              local.get $tmp_i64_1
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
                                              local.get $addr_69
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
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
                                              local.get $addr_70
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
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
                                              local.get $addr_71
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
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
                                              local.get $addr_72
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
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
                                              local.get $addr_73
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
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
                                              local.get $addr_74
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
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
                                              local.get $addr_75
                                              local.get $k_9
                                              i64.add
                                              local.set $tmp_i64_1
                                              local.get $A.ptr
                                              local.get $tmp_i64_1
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
                                            br $top24
                                          end
                                        end
                                        local.get $addr_60
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_13
                                        f64.store
                                        local.get $addr_61
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_14
                                        f64.store
                                        local.get $addr_62
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_15
                                        f64.store
                                        local.get $addr_63
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_16
                                        f64.store
                                        local.get $addr_64
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_17
                                        f64.store
                                        local.get $addr_65
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_18
                                        f64.store
                                        local.get $addr_66
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_19
                                        f64.store
                                        local.get $addr_67
                                        local.get $j_7
                                        i64.add
                                        local.set $tmp_i64_1
                                        local.get $C.ptr
                                        local.get $tmp_i64_1
                                        i32.wrap_i64
                                        i32.const 3
                                        i32.shl
                                        i32.add
                                        local.get $C_r_20
                                        f64.store
                                      end
                                      local.get $j_7
                                      i64.const 1
                                      i64.add
                                      local.set $j_7
                                      br $top23
                                    end
                                  end
                                end
                                local.get $i_6
                                i64.const 8
                                i64.add
                                local.set $i_6
                                br $top22
                              end
                            end
                          end
                          local.get $k_blk_r_12
                          i64.const 128
                          i64.add
                          local.set $k_blk_r_12
                          br $top21
                        end
                      end
                    end
                    local.get $j_blk_r_11
                    i64.const 512
                    i64.add
                    local.set $j_blk_r_11
                    br $top20
                  end
                end
              end
              local.get $i_blk_r_10
              i64.const 64
              i64.add
              local.set $i_blk_r_10
              br $top19
            end
          end
          local.get $m
          local.get $m
          i64.const 8
          local.tee $tmp_i64_1
          i64.eqz
          if
            i32.const 7
            call $env.rem0
            unreachable
          end
          local.get $tmp_i64_1
          i64.rem_s
          i64.sub
          local.set $i_6
          local.get $m
          local.set $end25
          block $brk25
            loop $top25
              local.get $i_6
              local.get $end25
              i64.ge_s
              br_if $brk25
              block $cont25
                i32.const 1
                if
                  local.get $i_6
                  local.get $p
                  i64.mul
                  local.set $addr_76
                  i64.const 0
                  local.set $k_9
                  local.get $n
                  local.get $n
                  i64.const 4
                  local.tee $tmp_i64_1
                  i64.eqz
                  if
                    i32.const 8
                    call $env.rem0
                    unreachable
                  end
                  local.get $tmp_i64_1
                  i64.rem_s
                  i64.sub
                  local.set $end26
                  block $brk26
                    loop $top26
                      local.get $k_9
                      local.get $end26
                      i64.ge_s
                      br_if $brk26
                      block $cont26
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.add
                        local.set $addr_77
                        local.get $k_9
                        local.get $p
                        i64.mul
                        local.set $addr_78
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.const 1
                        i64.add
                        i64.add
                        local.set $addr_79
                        local.get $k_9
                        i64.const 1
                        i64.add
                        local.get $p
                        i64.mul
                        local.set $addr_80
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.const 2
                        i64.add
                        i64.add
                        local.set $addr_81
                        local.get $k_9
                        i64.const 2
                        i64.add
                        local.get $p
                        i64.mul
                        local.set $addr_82
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.const 3
                        i64.add
                        i64.add
                        local.set $addr_83
                        local.get $k_9
                        i64.const 3
                        i64.add
                        local.get $p
                        i64.mul
                        local.set $addr_84
                        i64.const 0
                        local.set $j_7
                        local.get $p
                        local.set $end27
                        block $brk27
                          loop $top27
                            local.get $j_7
                            local.get $end27
                            i64.ge_s
                            br_if $brk27
                            block $cont27
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_77
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_78
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $B.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_79
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_80
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $B.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_81
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_82
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $B.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_76
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_83
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_84
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $B.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                            end
                            local.get $j_7
                            i64.const 1
                            i64.add
                            local.set $j_7
                            br $top27
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 4
                      i64.add
                      local.set $k_9
                      br $top26
                    end
                  end
                  local.get $i_6
                  local.get $p
                  i64.mul
                  local.set $addr_85
                  local.get $n
                  local.get $n
                  i64.const 4
                  local.tee $tmp_i64_1
                  i64.eqz
                  if
                    i32.const 9
                    call $env.rem0
                    unreachable
                  end
                  local.get $tmp_i64_1
                  i64.rem_s
                  i64.sub
                  local.set $k_9
                  local.get $n
                  local.set $end28
                  block $brk28
                    loop $top28
                      local.get $k_9
                      local.get $end28
                      i64.ge_s
                      br_if $brk28
                      block $cont28
                        local.get $i_6
                        local.get $n
                        i64.mul
                        local.get $k_9
                        i64.add
                        local.set $addr_86
                        local.get $k_9
                        local.get $p
                        i64.mul
                        local.set $addr_87
                        i64.const 0
                        local.set $j_7
                        local.get $p
                        local.set $end29
                        block $brk29
                          loop $top29
                            local.get $j_7
                            local.get $end29
                            i64.ge_s
                            br_if $brk29
                            block $cont29
                              local.get $addr_85
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              local.get $addr_85
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $C.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_86
                              local.set $tmp_i64_1
                              local.get $A.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              local.get $addr_87
                              local.get $j_7
                              i64.add
                              local.set $tmp_i64_1
                              local.get $B.ptr
                              local.get $tmp_i64_1
                              i32.wrap_i64
                              i32.const 3
                              i32.shl
                              i32.add
                              f64.load
                              f64.mul
                              f64.add
                              f64.store
                            end
                            local.get $j_7
                            i64.const 1
                            i64.add
                            local.set $j_7
                            br $top29
                          end
                        end
                      end
                      local.get $k_9
                      i64.const 1
                      i64.add
                      local.set $k_9
                      br $top28
                    end
                  end
                end
              end
              local.get $i_6
              i64.const 1
              i64.add
              local.set $i_6
              br $top25
            end
          end
        end
      end
    else
      i64.const 0
      local.set $i_6
      local.get $m
      local.set $end0
      block $brk0
        loop $top0
          local.get $i_6
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            local.get $i_6
            local.get $n
            i64.mul
            local.set $addr_88
            local.get $i_6
            local.get $p
            i64.mul
            local.set $addr_89
            i64.const 0
            local.set $j_7
            local.get $p
            local.set $end1
            block $brk1
              loop $top1
                local.get $j_7
                local.get $end1
                i64.ge_s
                br_if $brk1
                block $cont1
                  f64.const 0
                  local.set $s_8
                  i64.const 0
                  local.set $k_9
                  local.get $n
                  local.set $end2
                  block $brk2
                    loop $top2
                      local.get $k_9
                      local.get $end2
                      i64.ge_s
                      br_if $brk2
                      block $cont2
                        local.get $s_8
                        local.get $addr_88
                        local.get $k_9
                        i64.add
                        local.set $tmp_i64_1
                        local.get $tmp_i64_1
                        local.get $A.len
                        i64.ge_u
                        if
                          i32.const 0
                          i32.const 0
                          i32.const 1
                          local.get $tmp_i64_1
                          f64.convert_i64_s
                          local.get $A.len
                          f64.convert_i64_s
                          i32.const 10
                          call $env.oob
                          unreachable
                        end
                        local.get $A.ptr
                        local.get $tmp_i64_1
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        local.get $k_9
                        local.get $p
                        i64.mul
                        local.get $j_7
                        i64.add
                        local.set $tmp_i64_1
                        local.get $tmp_i64_1
                        local.get $B.len
                        i64.ge_u
                        if
                          i32.const 1
                          i32.const 0
                          i32.const 1
                          local.get $tmp_i64_1
                          f64.convert_i64_s
                          local.get $B.len
                          f64.convert_i64_s
                          i32.const 11
                          call $env.oob
                          unreachable
                        end
                        local.get $B.ptr
                        local.get $tmp_i64_1
                        i32.wrap_i64
                        i32.const 3
                        i32.shl
                        i32.add
                        f64.load
                        f64.mul
                        f64.add
                        local.set $s_8
                      end
                      local.get $k_9
                      i64.const 1
                      i64.add
                      local.set $k_9
                      br $top2
                    end
                  end
                  local.get $addr_89
                  local.get $j_7
                  i64.add
                  local.set $tmp_i64_1
                  local.get $tmp_i64_1
                  local.get $C.len
                  i64.ge_u
                  if
                    i32.const 2
                    i32.const 0
                    i32.const 1
                    local.get $tmp_i64_1
                    f64.convert_i64_s
                    local.get $C.len
                    f64.convert_i64_s
                    i32.const 12
                    call $env.oob
                    unreachable
                  end
                  local.get $C.ptr
                  local.get $tmp_i64_1
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  local.get $s_8
                  f64.store
                end
                local.get $j_7
                i64.const 1
                i64.add
                local.set $j_7
                br $top1
              end
            end
          end
          local.get $i_6
          i64.const 1
          i64.add
          local.set $i_6
          br $top0
        end
      end
    end
  )
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 i32) (param $p3 f64) (param $p4 i32) (param $p5 f64) (param $p6 f64) (param $p7 f64) (param $p8 f64)
    local.get $p0
    local.get $p1
    i64.trunc_sat_f64_s
    local.get $p2
    local.get $p3
    i64.trunc_sat_f64_s
    local.get $p4
    local.get $p5
    i64.trunc_sat_f64_s
    local.get $p6
    i64.trunc_sat_f64_s
    local.get $p7
    i64.trunc_sat_f64_s
    local.get $p8
    i64.trunc_sat_f64_s
    call $matmul_flat
  )
)
