(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $axpy (param $a f64) (param $x.ptr i32) (param $x.len i64) (param $y.ptr i32) (param $y.len i64)
    (local $i_3 i64)
    (local $tmp_i32 i32)
    (local $span i64)
    (local $span_1 i64)
    (local $span_2 i64)
    (local $span_3 i64)
    (local $end2 i64)
    (local $splat v128)
    (local $y_base i32)
    (local $tmp_i64 i64)
    (local $x_base i32)
    (local $y_base_1 i32)
    (local $end1 i64)
    (local $end0 i64)
    local.get $y.len
    i64.const -1
    i64.add
    local.get $y.len
    i64.lt_s
    local.tee $tmp_i32
    if (result i32)
      local.get $y.len
      i64.const -1
      i64.add
      local.get $x.len
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      i64.const 0
      local.set $span
      local.get $y.len
      i64.const -1
      i64.add
      local.set $span_1
      i64.const 0
      local.set $span_2
      local.get $x.len
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
      local.get $y.ptr
      i64.extend_i32_u
      local.get $span_1
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $x.ptr
      i64.extend_i32_u
      local.get $span_2
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.get $x.ptr
      i64.extend_i32_u
      local.get $span_3
      i64.const 1
      i64.add
      i64.const 8
      i64.mul
      i64.add
      local.get $y.ptr
      i64.extend_i32_u
      local.get $span
      i64.const 8
      i64.mul
      i64.add
      i64.le_u
      i32.or
      if
        i64.const 0
        local.set $i_3
        local.get $y.len
        local.set $end2
        local.get $a
        f64x2.splat
        local.set $splat
        i64.const 0
        local.set $tmp_i64
        local.get $y.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 3
        i32.shl
        i32.add
        local.set $y_base
        i64.const 0
        local.set $tmp_i64
        local.get $x.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 3
        i32.shl
        i32.add
        local.set $x_base
        i64.const 0
        local.set $tmp_i64
        local.get $y.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 3
        i32.shl
        i32.add
        local.set $y_base_1
        block $vbrk2
          loop $vtop2
            local.get $i_3
            i64.const 1
            i64.add
            local.get $end2
            i64.ge_s
            br_if $vbrk2
            local.get $y_base
            local.get $i_3
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            local.get $splat
            local.get $x_base
            local.get $i_3
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            v128.load
            f64x2.mul
            local.get $y_base_1
            local.get $i_3
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            v128.load
            f64x2.add
            v128.store
            local.get $i_3
            i64.const 2
            i64.add
            local.set $i_3
            br $vtop2
          end
        end
        block $brk2
          loop $top2
            local.get $i_3
            local.get $end2
            i64.ge_s
            br_if $brk2
            block $cont2
              local.get $i_3
              local.set $tmp_i64
              local.get $y.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              local.get $a
              local.get $i_3
              local.set $tmp_i64
              local.get $x.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              f64.load
              f64.mul
              local.get $i_3
              local.set $tmp_i64
              local.get $y.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              f64.load
              f64.add
              f64.store
            end
            local.get $i_3
            i64.const 1
            i64.add
            local.set $i_3
            br $top2
          end
        end
      else
        i64.const 0
        local.set $i_3
        local.get $y.len
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
              local.get $y.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              local.get $a
              local.get $i_3
              local.set $tmp_i64
              local.get $x.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              f64.load
              f64.mul
              local.get $i_3
              local.set $tmp_i64
              local.get $y.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 3
              i32.shl
              i32.add
              f64.load
              f64.add
              f64.store
            end
            local.get $i_3
            i64.const 1
            i64.add
            local.set $i_3
            br $top1
          end
        end
      end
    else
      i64.const 0
      local.set $i_3
      local.get $y.len
      local.set $end0
      block $brk0
        loop $top0
          local.get $i_3
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            local.get $i_3
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $y.len
            i64.ge_u
            if
              i32.const 0
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $y.len
              f64.convert_i64_s
              i32.const 0
              call $env.oob
              unreachable
            end
            local.get $y.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            local.get $a
            local.get $i_3
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $x.len
            i64.ge_u
            if
              i32.const 1
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $x.len
              f64.convert_i64_s
              i32.const 1
              call $env.oob
              unreachable
            end
            local.get $x.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            f64.load
            f64.mul
            local.get $i_3
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $y.len
            i64.ge_u
            if
              i32.const 2
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $y.len
              f64.convert_i64_s
              i32.const 2
              call $env.oob
              unreachable
            end
            local.get $y.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            f64.load
            f64.add
            f64.store
          end
          local.get $i_3
          i64.const 1
          i64.add
          local.set $i_3
          br $top0
        end
      end
    end
  )
  (func $main (param $p0 f64) (param $p1 i32) (param $p2 f64) (param $p3 i32) (param $p4 f64)
    local.get $p0
    local.get $p1
    local.get $p2
    i64.trunc_sat_f64_s
    local.get $p3
    local.get $p4
    i64.trunc_sat_f64_s
    call $axpy
  )
)
