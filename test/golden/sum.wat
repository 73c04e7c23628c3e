(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $sum (param $a.ptr i32) (param $a.len i64) (result f64)
    (local $s_1 f64)
    (local $i_2 i64)
    (local $a_r_3 f64)
    (local $end1 i64)
    (local $tmp_i64 i64)
    (local $end0 i64)
    f64.const 0
    local.set $s_1
    local.get $a.len
    i64.const -1
    i64.add
    local.get $a.len
    i64.lt_s
    if
      i64.const 0
      local.set $i_2
      local.get $a.len
      local.set $end1
      block $brk1
        loop $top1
          local.get $i_2
          local.get $end1
          i64.ge_s
          br_if $brk1
          block $cont1
            local.get $i_2
            local.set $tmp_i64
            local.get $a.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            f64.load
            local.set $a_r_3
            local.get $s_1
            local.get $a_r_3
            f64.add
            local.set $s_1
          end
          local.get $i_2
          i64.const 1
          i64.add
          local.set $i_2
          br $top1
        end
      end
    else
      i64.const 0
      local.set $i_2
      local.get $a.len
      local.set $end0
      block $brk0
        loop $top0
          local.get $i_2
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            local.get $s_1
            local.get $i_2
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $a.len
            i64.ge_u
            if
              i32.const 0
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $a.len
              f64.convert_i64_s
              i32.const 0
              call $env.oob
              unreachable
            end
            local.get $a.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            f64.load
            f64.add
            local.set $s_1
          end
          local.get $i_2
          i64.const 1
          i64.add
          local.set $i_2
          br $top0
        end
      end
    end
    local.get $s_1
    return
    unreachable
  )
  (func $main (param $p0 i32) (param $p1 f64) (result f64)
    local.get $p0
    local.get $p1
    i64.trunc_sat_f64_s
    call $sum
  )
)
