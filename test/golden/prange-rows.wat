(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "par_begin" (func $env.par_begin (param i32 f64 f64) (result i32)))
  (import "env" "par_run" (func $env.par_run (param i32) (result i32)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (export "par0" (func $prange_rows_par0))
  (export "par1" (func $prange_rows_par1))
  (export "par2" (func $prange_rows_par2))
  (func $prange_rows_par0 (param $env i32) (param $lo f64) (param $hi f64) (param $chunk i32)
    (local $i_lo_1073741824 i64)
    (local $i_hi_1073741825 i64)
    (local $X.ptr_0 i32)
    (local $X.len_0 i64)
    (local $out.ptr_1 i32)
    (local $out.len_1 i64)
    (local $n_3 i64)
    (local $i_4 i64)
    (local $j_6 i64)
    (local $s_5 f64)
    (local $X_r_7 f64)
    (local $end4 i64)
    (local $s_f64x2_0 v128)
    (local $s_f64x2_1 v128)
    (local $X_r_f64x2_0 v128)
    (local $X_r_f64x2_1 v128)
    (local $out_base i32)
    (local $tmp_i64 i64)
    (local $X_lane i32)
    (local $X_lane_1 i32)
    (local $X_lane_2 i32)
    (local $end5 i64)
    (local $X_at i32)
    (local $end5_1 i64)
    local.get $lo
    i64.trunc_sat_f64_s
    local.set $i_lo_1073741824
    local.get $hi
    i64.trunc_sat_f64_s
    local.set $i_hi_1073741825
    local.get $env
    i32.load
    local.set $X.ptr_0
    local.get $env
    i64.load offset=8
    local.set $X.len_0
    local.get $env
    i32.load offset=16
    local.set $out.ptr_1
    local.get $env
    i64.load offset=24
    local.set $out.len_1
    local.get $env
    i64.load offset=32
    local.set $n_3
    local.get $i_lo_1073741824
    local.set $i_4
    local.get $i_hi_1073741825
    local.set $end4
    i64.const 0
    local.set $tmp_i64
    local.get $out.ptr_1
    local.get $tmp_i64
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    local.set $out_base
    i64.const 0
    local.get $n_3
    i64.add
    i32.wrap_i64
    i32.const 3
    i32.shl
    local.set $X_lane
    local.get $X_lane
    i32.const 2
    i32.mul
    local.set $X_lane_1
    local.get $X_lane
    i32.const 3
    i32.mul
    local.set $X_lane_2
    block $vbrk4
      loop $vtop4
        local.get $i_4
        i64.const 3
        i64.add
        local.get $end4
        i64.ge_s
        br_if $vbrk4
        v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
        local.tee $s_f64x2_0
        local.set $s_f64x2_1
        i64.const 0
        local.set $j_6
        local.get $n_3
        local.set $end5
        block $brk5
          loop $top5
            local.get $j_6
            local.get $end5
            i64.ge_s
            br_if $brk5
            block $cont5
              local.get $i_4
              local.get $n_3
              i64.mul
              local.get $j_6
              i64.add
              local.set $tmp_i64
              local.get $X.ptr_0
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              local.tee $X_at
              f64.load
              f64x2.splat
              local.get $X_at
              local.get $X_lane
              i32.add
              f64.load
              f64x2.replace_lane 1
              local.set $X_r_f64x2_0
              local.get $X_at
              local.get $X_lane_1
              i32.add
              f64.load
              f64x2.splat
              local.get $X_at
              local.get $X_lane_2
              i32.add
              f64.load
              f64x2.replace_lane 1
              local.set $X_r_f64x2_1
              local.get $s_f64x2_0
              local.get $X_r_f64x2_0
              local.get $X_r_f64x2_0
              f64x2.mul
              f64x2.add
              local.set $s_f64x2_0
              local.get $s_f64x2_1
              local.get $X_r_f64x2_1
              local.get $X_r_f64x2_1
              f64x2.mul
              f64x2.add
              local.set $s_f64x2_1
            end
            local.get $j_6
            i64.const 1
            i64.add
            local.set $j_6
            br $top5
          end
        end
        local.get $out_base
        local.get $i_4
        i32.wrap_i64
        i32.const 3
        i32.shl
        i32.add
        local.get $s_f64x2_0
        f64x2.sqrt
        v128.store
        local.get $out_base
        local.get $i_4
        i32.wrap_i64
        i32.const 3
        i32.shl
        i32.add
        local.get $s_f64x2_1
        f64x2.sqrt
        v128.store offset=16
        local.get $i_4
        i64.const 4
        i64.add
        local.set $i_4
        br $vtop4
      end
    end
    block $brk4
      loop $top4
        local.get $i_4
        local.get $end4
        i64.ge_s
        br_if $brk4
        block $cont4
          f64.const 0
          local.set $s_5
          i64.const 0
          local.set $j_6
          local.get $n_3
          local.set $end5_1
          block $brk5
            loop $top5
              local.get $j_6
              local.get $end5_1
              i64.ge_s
              br_if $brk5
              block $cont5
                local.get $i_4
                local.get $n_3
                i64.mul
                local.get $j_6
                i64.add
                local.set $tmp_i64
                local.get $X.ptr_0
                local.get $tmp_i64
                i32.wrap_i64
                i32.const 3
                i32.shl
                i32.add
                f64.load
                local.set $X_r_7
                local.get $s_5
                local.get $X_r_7
                local.get $X_r_7
                f64.mul
                f64.add
                local.set $s_5
              end
              local.get $j_6
              i64.const 1
              i64.add
              local.set $j_6
              br $top5
            end
          end
          local.get $i_4
          local.set $tmp_i64
          local.get $out.ptr_1
          local.get $tmp_i64
          i32.wrap_i64
          i32.const 3
          i32.shl
          i32.add
          local.get $s_5
          f64.sqrt
          f64.store
        end
        local.get $i_4
        i64.const 1
        i64.add
        local.set $i_4
        br $top4
      end
    end
  )
  (func $prange_rows_par1 (param $env i32) (param $lo f64) (param $hi f64) (param $chunk i32)
    (local $i_lo_1073741826 i64)
    (local $i_hi_1073741827 i64)
    (local $X.ptr_0 i32)
    (local $X.len_0 i64)
    (local $out.ptr_1 i32)
    (local $out.len_1 i64)
    (local $n_3 i64)
    (local $i_4 i64)
    (local $addr_8 i64)
    (local $j_6 i64)
    (local $s_5 f64)
    (local $X_r_7 f64)
    (local $end2 i64)
    (local $end3 i64)
    (local $tmp_i64 i64)
    local.get $lo
    i64.trunc_sat_f64_s
    local.set $i_lo_1073741826
    local.get $hi
    i64.trunc_sat_f64_s
    local.set $i_hi_1073741827
    local.get $env
    i32.load
    local.set $X.ptr_0
    local.get $env
    i64.load offset=8
    local.set $X.len_0
    local.get $env
    i32.load offset=16
    local.set $out.ptr_1
    local.get $env
    i64.load offset=24
    local.set $out.len_1
    local.get $env
    i64.load offset=32
    local.set $n_3
    local.get $i_lo_1073741826
    local.set $i_4
    local.get $i_hi_1073741827
    local.set $end2
    block $brk2
      loop $top2
        local.get $i_4
        local.get $end2
        i64.ge_s
        br_if $brk2
        block $cont2
          f64.const 0
          local.set $s_5
          local.get $i_4
          local.get $n_3
          i64.mul
          local.set $addr_8
          i64.const 0
          local.set $j_6
          local.get $n_3
          local.set $end3
          block $brk3
            loop $top3
              local.get $j_6
              local.get $end3
              i64.ge_s
              br_if $brk3
              block $cont3
                local.get $addr_8
                local.get $j_6
                i64.add
                local.set $tmp_i64
                local.get $X.ptr_0
                local.get $tmp_i64
                i32.wrap_i64
                i32.const 3
                i32.shl
                i32.add
                f64.load
                local.set $X_r_7
                local.get $s_5
                local.get $X_r_7
                local.get $X_r_7
                f64.mul
                f64.add
                local.set $s_5
              end
              local.get $j_6
              i64.const 1
              i64.add
              local.set $j_6
              br $top3
            end
          end
          local.get $i_4
          local.set $tmp_i64
          local.get $out.ptr_1
          local.get $tmp_i64
          i32.wrap_i64
          i32.const 3
          i32.shl
          i32.add
          local.get $s_5
          f64.sqrt
          f64.store
        end
        local.get $i_4
        i64.const 1
        i64.add
        local.set $i_4
        br $top2
      end
    end
  )
  (func $prange_rows_par2 (param $env i32) (param $lo f64) (param $hi f64) (param $chunk i32)
    (local $i_lo_1073741828 i64)
    (local $i_hi_1073741829 i64)
    (local $X.ptr_0 i32)
    (local $X.len_0 i64)
    (local $out.ptr_1 i32)
    (local $out.len_1 i64)
    (local $n_3 i64)
    (local $i_4 i64)
    (local $s_5 f64)
    (local $addr_9 i64)
    (local $j_6 i64)
    (local $end0 i64)
    (local $end1 i64)
    (local $tmp_i64 i64)
    local.get $lo
    i64.trunc_sat_f64_s
    local.set $i_lo_1073741828
    local.get $hi
    i64.trunc_sat_f64_s
    local.set $i_hi_1073741829
    local.get $env
    i32.load
    local.set $X.ptr_0
    local.get $env
    i64.load offset=8
    local.set $X.len_0
    local.get $env
    i32.load offset=16
    local.set $out.ptr_1
    local.get $env
    i64.load offset=24
    local.set $out.len_1
    local.get $env
    i64.load offset=32
    local.set $n_3
    local.get $i_lo_1073741828
    local.set $i_4
    local.get $i_hi_1073741829
    local.set $end0
    block $brk0
      loop $top0
        local.get $i_4
        local.get $end0
        i64.ge_s
        br_if $brk0
        block $cont0
          f64.const 0
          local.set $s_5
          local.get $i_4
          local.get $n_3
          i64.mul
          local.set $addr_9
          i64.const 0
          local.set $j_6
          local.get $n_3
          local.set $end1
          block $brk1
            loop $top1
              local.get $j_6
              local.get $end1
              i64.ge_s
              br_if $brk1
              block $cont1
                local.get $s_5
                local.get $addr_9
                local.get $j_6
                i64.add
                local.set $tmp_i64
                local.get $tmp_i64
                local.get $X.len_0
                i64.ge_u
                if
                  i32.const 0
                  i32.const 0
                  i32.const 1
                  local.get $tmp_i64
                  f64.convert_i64_s
                  local.get $X.len_0
                  f64.convert_i64_s
                  i32.const 0
                  call $env.oob
                  unreachable
                end
                local.get $X.ptr_0
                local.get $tmp_i64
                i32.wrap_i64
                i32.const 3
                i32.shl
                i32.add
                f64.load
                local.get $addr_9
                local.get $j_6
                i64.add
                local.set $tmp_i64
                local.get $tmp_i64
                local.get $X.len_0
                i64.ge_u
                if
                  i32.const 1
                  i32.const 0
                  i32.const 1
                  local.get $tmp_i64
                  f64.convert_i64_s
                  local.get $X.len_0
                  f64.convert_i64_s
                  i32.const 1
                  call $env.oob
                  unreachable
                end
                local.get $X.ptr_0
                local.get $tmp_i64
                i32.wrap_i64
                i32.const 3
                i32.shl
                i32.add
                f64.load
                f64.mul
                f64.add
                local.set $s_5
              end
              local.get $j_6
              i64.const 1
              i64.add
              local.set $j_6
              br $top1
            end
          end
          local.get $i_4
          local.set $tmp_i64
          local.get $tmp_i64
          local.get $out.len_1
          i64.ge_u
          if
            i32.const 2
            i32.const 0
            i32.const 1
            local.get $tmp_i64
            f64.convert_i64_s
            local.get $out.len_1
            f64.convert_i64_s
            i32.const 2
            call $env.oob
            unreachable
          end
          local.get $out.ptr_1
          local.get $tmp_i64
          i32.wrap_i64
          i32.const 3
          i32.shl
          i32.add
          local.get $s_5
          f64.sqrt
          f64.store
        end
        local.get $i_4
        i64.const 1
        i64.add
        local.set $i_4
        br $top0
      end
    end
  )
  (func $prange_rows (param $X.ptr i32) (param $X.len i64) (param $out.ptr i32) (param $out.len i64) (param $m i64) (param $n i64)
    (local $i_4 i64)
    (local $s_5 f64)
    (local $j_6 i64)
    (local $X_r_7 f64)
    (local $addr_8 i64)
    (local $addr_9 i64)
    (local $tmp_i32 i32)
    (local $tmp_i32_1 i32)
    (local $tmp_i64 i64)
    (local $tmp_i64_1 i64)
    (local $span i64)
    (local $span_1 i64)
    (local $span_2 i64)
    (local $span_3 i64)
    local.get $m
    i64.const -1
    i64.add
    local.get $out.len
    i64.lt_s
    local.tee $tmp_i32_1
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
      local.get $tmp_i32_1
    end
    local.tee $tmp_i32
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
      local.get $X.len
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      i64.const 0
      local.set $span
      local.get $out.len
      i64.const -1
      i64.add
      local.set $span_1
      i64.const 0
      local.set $span_2
      local.get $X.len
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
      local.get $out.ptr
      i64.extend_i32_u
      local.get $span_1
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $X.ptr
      i64.extend_i32_u
      local.get $span_2
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.get $X.ptr
      i64.extend_i32_u
      local.get $span_3
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $out.ptr
      i64.extend_i32_u
      local.get $span
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      if
        i32.const 0
        i64.const 0
        f64.convert_i64_s
        local.get $m
        f64.convert_i64_s
        call $env.par_begin
        local.set $tmp_i32
        local.get $tmp_i32
        local.get $X.ptr
        i32.store
        local.get $tmp_i32
        local.get $X.len
        i64.store offset=8
        local.get $tmp_i32
        local.get $out.ptr
        i32.store offset=16
        local.get $tmp_i32
        local.get $out.len
        i64.store offset=24
        local.get $tmp_i32
        local.get $n
        i64.store offset=32
        i32.const 0
        call $env.par_run
        local.set $tmp_i32_1
      else
        i32.const 1
        i64.const 0
        f64.convert_i64_s
        local.get $m
        f64.convert_i64_s
        call $env.par_begin
        local.set $tmp_i32
        local.get $tmp_i32
        local.get $X.ptr
        i32.store
        local.get $tmp_i32
        local.get $X.len
        i64.store offset=8
        local.get $tmp_i32
        local.get $out.ptr
        i32.store offset=16
        local.get $tmp_i32
        local.get $out.len
        i64.store offset=24
        local.get $tmp_i32
        local.get $n
        i64.store offset=32
        i32.const 1
        call $env.par_run
        local.set $tmp_i32_1
      end
    else
      i32.const 2
      i64.const 0
      f64.convert_i64_s
      local.get $m
      f64.convert_i64_s
      call $env.par_begin
      local.set $tmp_i32
      local.get $tmp_i32
      local.get $X.ptr
      i32.store
      local.get $tmp_i32
      local.get $X.len
      i64.store offset=8
      local.get $tmp_i32
      local.get $out.ptr
      i32.store offset=16
      local.get $tmp_i32
      local.get $out.len
      i64.store offset=24
      local.get $tmp_i32
      local.get $n
      i64.store offset=32
      i32.const 2
      call $env.par_run
      local.set $tmp_i32_1
    end
  )
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 i32) (param $p3 f64) (param $p4 f64) (param $p5 f64)
    local.get $p0
    local.get $p1
    i64.trunc_sat_f64_s
    local.get $p2
    local.get $p3
    i64.trunc_sat_f64_s
    local.get $p4
    i64.trunc_sat_f64_s
    local.get $p5
    i64.trunc_sat_f64_s
    call $prange_rows
  )
)
