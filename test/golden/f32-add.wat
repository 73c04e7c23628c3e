(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $f32_add (param $a.ptr i32) (param $a.len i64) (param $b.ptr i32) (param $b.len i64) (param $c.ptr i32) (param $c.len i64)
    (local $i_3 i64)
    (local $tmp_i32 i32)
    (local $tmp_i32_1 i32)
    (local $span i64)
    (local $span_1 i64)
    (local $span_2 i64)
    (local $span_3 i64)
    (local $span_4 i64)
    (local $span_5 i64)
    (local $span_6 i64)
    (local $span_7 i64)
    (local $end2 i64)
    (local $c_base i32)
    (local $tmp_i64 i64)
    (local $a_base i32)
    (local $b_base i32)
    (local $end1 i64)
    (local $end0 i64)
    local.get $c.len
    i64.const -1
    i64.add
    local.get $c.len
    i64.lt_s
    local.tee $tmp_i32_1
    if (result i32)
      local.get $c.len
      i64.const -1
      i64.add
      local.get $a.len
      i64.lt_s
    else
      local.get $tmp_i32_1
    end
    local.tee $tmp_i32
    if (result i32)
      local.get $c.len
      i64.const -1
      i64.add
      local.get $b.len
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      i64.const 0
      local.set $span
      local.get $c.len
      i64.const -1
      i64.add
      local.set $span_1
      i64.const 0
      local.set $span_2
      local.get $a.len
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
      local.get $c.ptr
      i64.extend_i32_u
      local.get $span_1
      i64.const 1
      i64.add
      i64.const 4
      i64.mul
      i64.add
      local.get $a.ptr
      i64.extend_i32_u
      local.get $span_2
      i64.const 4
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.get $a.ptr
      i64.extend_i32_u
      local.get $span_3
      i64.const 1
      i64.add
      i64.const 4
      i64.mul
      i64.add
      local.get $c.ptr
      i64.extend_i32_u
      local.get $span
      i64.const 4
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.tee $tmp_i32
      if (result i32)
        i64.const 0
        local.set $span_4
        local.get $c.len
        i64.const -1
        i64.add
        local.set $span_5
        i64.const 0
        local.set $span_6
        local.get $b.len
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
        local.get $c.ptr
        i64.extend_i32_u
        local.get $span_5
        i64.const 1
        i64.add
        i64.const 4
        i64.mul
        i64.add
        local.get $b.ptr
        i64.extend_i32_u
        local.get $span_6
        i64.const 4
        i64.mul
        i64.add
        i64.le_u
        i32.or
        local.get $b.ptr
        i64.extend_i32_u
        local.get $span_7
        i64.const 1
        i64.add
        i64.const 4
        i64.mul
        i64.add
        local.get $c.ptr
        i64.extend_i32_u
        local.get $span_4
        i64.const 4
        i64.mul
        i64.add
        i64.le_u
        i32.or
      else
        local.get $tmp_i32
      end
      if
        i64.const 0
        local.set $i_3
        local.get $c.len
        local.set $end2
        i64.const 0
        local.set $tmp_i64
        local.get $c.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 2
        i32.shl
        i32.add
        local.set $c_base
        i64.const 0
        local.set $tmp_i64
        local.get $a.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 2
        i32.shl
        i32.add
        local.set $a_base
        i64.const 0
        local.set $tmp_i64
        local.get $b.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 2
        i32.shl
        i32.add
        local.set $b_base
        block $vbrk2
          loop $vtop2
            local.get $i_3
            i64.const 7
            i64.add
            local.get $end2
            i64.ge_s
            br_if $vbrk2
            local.get $c_base
            local.get $i_3
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $a_base
            local.get $i_3
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            v128.load
            local.get $b_base
            local.get $i_3
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            v128.load
            f32x4.add
            v128.store
            local.get $c_base
            local.get $i_3
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $a_base
            local.get $i_3
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            v128.load offset=16
            local.get $b_base
            local.get $i_3
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            v128.load offset=16
            f32x4.add
            v128.store offset=16
            local.get $i_3
            i64.const 8
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
              local.get $c.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              local.get $i_3
              local.set $tmp_i64
              local.get $a.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              f32.load
              f64.promote_f32
              local.get $i_3
              local.set $tmp_i64
              local.get $b.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              f32.load
              f64.promote_f32
              f64.add
              f32.demote_f64
              f32.store
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
        local.get $c.len
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
              local.get $c.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              local.get $i_3
              local.set $tmp_i64
              local.get $a.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              f32.load
              f64.promote_f32
              local.get $i_3
              local.set $tmp_i64
              local.get $b.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              f32.load
              f64.promote_f32
              f64.add
              f32.demote_f64
              f32.store
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
      local.get $c.len
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
            local.get $c.len
            i64.ge_u
            if
              i32.const 0
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $c.len
              f64.convert_i64_s
              i32.const 0
              call $env.oob
              unreachable
            end
            local.get $c.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $i_3
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $a.len
            i64.ge_u
            if
              i32.const 1
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $a.len
              f64.convert_i64_s
              i32.const 1
              call $env.oob
              unreachable
            end
            local.get $a.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            f32.load
            f64.promote_f32
            local.get $i_3
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $b.len
            i64.ge_u
            if
              i32.const 2
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $b.len
              f64.convert_i64_s
              i32.const 2
              call $env.oob
              unreachable
            end
            local.get $b.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            f32.load
            f64.promote_f32
            f64.add
            f32.demote_f64
            f32.store
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
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 i32) (param $p3 f64) (param $p4 i32) (param $p5 f64)
    local.get $p0
    local.get $p1
    i64.trunc_sat_f64_s
    local.get $p2
    local.get $p3
    i64.trunc_sat_f64_s
    local.get $p4
    local.get $p5
    i64.trunc_sat_f64_s
    call $f32_add
  )
)
