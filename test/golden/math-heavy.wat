(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "math_sin" (func $env.math_sin (param f64) (result f64)))
  (import "env" "math_atan2" (func $env.math_atan2 (param f64 f64) (result f64)))
  (import "env" "math_hypot3" (func $env.math_hypot3 (param f64 f64 f64) (result f64)))
  (import "env" "math_pow" (func $env.math_pow (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $$round (param $p0 f64) (result f64)
    (local $r f64)
    local.get $p0
    f64.ceil
    local.tee $r
    f64.const 1
    f64.sub
    local.get $r
    local.get $r
    f64.const 0.5
    f64.sub
    local.get $p0
    f64.gt
    select
  )
  (func $$sign (param $p0 f64) (result f64)
    f64.const 1
    f64.const -1
    local.get $p0
    f64.const 0
    f64.gt
    select
    local.get $p0
    local.get $p0
    f64.const 0
    f64.gt
    local.get $p0
    f64.const 0
    f64.lt
    i32.or
    select
  )
  (func $math_heavy (param $x.ptr i32) (param $x.len i64) (param $out.ptr i32) (param $out.len i64) (result f64)
    (local $acc_2 f64)
    (local $i_3 i64)
    (local $v_4 f64)
    (local $r_5 f64)
    (local $h_6 f64)
    (local $tmp_i32 i32)
    (local $end1 i64)
    (local $tmp_i64 i64)
    (local $tmp_i64_1 i64)
    (local $end0 i64)
    f64.const 0
    local.set $acc_2
    local.get $x.len
    i64.const -1
    i64.add
    local.get $out.len
    i64.lt_s
    local.tee $tmp_i32
    if (result i32)
      local.get $x.len
      i64.const -1
      i64.add
      local.get $x.len
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      i64.const 0
      local.set $i_3
      local.get $x.len
      local.set $end1
      block $brk1
        loop $top1
          local.get $i_3
          local.get $end1
          i64.ge_s
          br_if $brk1
          block $cont1
            local.get $i_3
            local.set $tmp_i64
            local.get $x.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            f64.load
            local.set $v_4
            local.get $v_4
            f64.abs
            f64.sqrt
            local.get $v_4
            call $env.math_sin
            local.get $v_4
            i64.const 1
            local.get $i_3
            i64.add
            f64.convert_i64_s
            call $env.math_atan2
            f64.mul
            f64.add
            local.set $r_5
            local.get $v_4
            local.get $r_5
            f64.const 2
            call $env.math_hypot3
            f64.const 1.5
            local.get $v_4
            f64.floor
            call $env.math_pow
            f64.sub
            local.set $h_6
            local.get $i_3
            local.set $tmp_i64
            local.get $out.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            local.get $r_5
            local.get $h_6
            f64.min
            local.get $v_4
            f64.const 3
            f64.mul
            call $$round
            local.get $v_4
            f64.const 1
            f64.sub
            call $$sign
            f64.mul
            f64.add
            f64.store
            local.get $acc_2
            local.get $i_3
            i64.const 3
            local.tee $tmp_i64
            i64.eqz
            if
              i32.const 0
              call $env.rem0
              unreachable
            end
            local.get $tmp_i64
            i64.rem_s
            i64.const 1
            local.set $tmp_i64_1
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $tmp_i64_1
            local.get $tmp_i64
            local.get $tmp_i64_1
            i64.gt_s
            select
            f64.convert_i64_s
            f64.add
            local.set $acc_2
          end
          local.get $i_3
          i64.const 1
          i64.add
          local.set $i_3
          br $top1
        end
      end
    else
      i64.const 0
      local.set $i_3
      local.get $x.len
      local.set $end0
      block $brk0
        loop $top0
          local.get $i_3
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            local.get $i_3
            local.set $tmp_i64_1
            local.get $tmp_i64_1
            local.get $x.len
            i64.ge_u
            if
              i32.const 0
              i32.const 0
              i32.const 1
              local.get $tmp_i64_1
              f64.convert_i64_s
              local.get $x.len
              f64.convert_i64_s
              i32.const 1
              call $env.oob
              unreachable
            end
            local.get $x.ptr
            local.get $tmp_i64_1
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            f64.load
            local.set $v_4
            local.get $v_4
            f64.abs
            f64.sqrt
            local.get $v_4
            call $env.math_sin
            local.get $v_4
            i64.const 1
            local.get $i_3
            i64.add
            f64.convert_i64_s
            call $env.math_atan2
            f64.mul
            f64.add
            local.set $r_5
            local.get $v_4
            local.get $r_5
            f64.const 2
            call $env.math_hypot3
            f64.const 1.5
            local.get $v_4
            f64.floor
            call $env.math_pow
            f64.sub
            local.set $h_6
            local.get $i_3
            local.set $tmp_i64_1
            local.get $tmp_i64_1
            local.get $out.len
            i64.ge_u
            if
              i32.const 1
              i32.const 0
              i32.const 1
              local.get $tmp_i64_1
              f64.convert_i64_s
              local.get $out.len
              f64.convert_i64_s
              i32.const 2
              call $env.oob
              unreachable
            end
            local.get $out.ptr
            local.get $tmp_i64_1
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            local.get $r_5
            local.get $h_6
            f64.min
            local.get $v_4
            f64.const 3
            f64.mul
            call $$round
            local.get $v_4
            f64.const 1
            f64.sub
            call $$sign
            f64.mul
            f64.add
            f64.store
            local.get $acc_2
            local.get $i_3
            i64.const 3
            local.tee $tmp_i64_1
            i64.eqz
            if
              i32.const 3
              call $env.rem0
              unreachable
            end
            local.get $tmp_i64_1
            i64.rem_s
            i64.const 1
            local.set $tmp_i64
            local.set $tmp_i64_1
            local.get $tmp_i64_1
            local.get $tmp_i64
            local.get $tmp_i64_1
            local.get $tmp_i64
            i64.gt_s
            select
            f64.convert_i64_s
            f64.add
            local.set $acc_2
          end
          local.get $i_3
          i64.const 1
          i64.add
          local.set $i_3
          br $top0
        end
      end
    end
    local.get $acc_2
    return
    unreachable
  )
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 i32) (param $p3 f64) (result f64)
    local.get $p0
    local.get $p1
    i64.trunc_sat_f64_s
    local.get $p2
    local.get $p3
    i64.trunc_sat_f64_s
    call $math_heavy
  )
)
