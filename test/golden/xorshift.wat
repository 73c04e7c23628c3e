(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $xorshift (param $src.ptr i32) (param $src.len i64) (param $dst.ptr i32) (param $dst.len i64)
    (local $i_2 i64)
    (local $x_3 i64)
    (local $tmp_i32 i32)
    (local $span i64)
    (local $span_1 i64)
    (local $span_2 i64)
    (local $span_3 i64)
    (local $end2 i64)
    (local $x_i32x4_0 v128)
    (local $x_i32x4_1 v128)
    (local $dst_base i32)
    (local $tmp_i64 i64)
    (local $src_base i32)
    (local $end1 i64)
    (local $end0 i64)
    local.get $src.len
    i64.const -1
    i64.add
    local.get $dst.len
    i64.lt_s
    local.tee $tmp_i32
    if (result i32)
      local.get $src.len
      i64.const -1
      i64.add
      local.get $src.len
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      i64.const 0
      local.set $span
      local.get $dst.len
      i64.const -1
      i64.add
      local.set $span_1
      i64.const 0
      local.set $span_2
      local.get $src.len
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
      local.get $dst.ptr
      i64.extend_i32_u
      local.get $span_1
      i64.const 1
      i64.add
      i64.const 4
      i64.mul
      i64.add
      local.get $src.ptr
      i64.extend_i32_u
      local.get $span_2
      i64.const 4
      i64.mul
      i64.add
      i64.le_u
      i32.or
      local.get $src.ptr
      i64.extend_i32_u
      local.get $span_3
      i64.const 1
      i64.add
      i64.const 4
      i64.mul
      i64.add
      local.get $dst.ptr
      i64.extend_i32_u
      local.get $span
      i64.const 4
      i64.mul
      i64.add
      i64.le_u
      i32.or
      if
        i64.const 0
        local.set $i_2
        local.get $src.len
        local.set $end2
        i64.const 0
        local.set $tmp_i64
        local.get $dst.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 2
        i32.shl
        i32.add
        local.set $dst_base
        i64.const 0
        local.set $tmp_i64
        local.get $src.ptr
        local.get $tmp_i64
        i32.wrap_i64
        i32.const 2
        i32.shl
        i32.add
        local.set $src_base
        block $vbrk2
          loop $vtop2
            local.get $i_2
            i64.const 7
            i64.add
            local.get $end2
            i64.ge_s
            br_if $vbrk2
            local.get $src_base
            local.get $i_2
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            v128.load
            v128.const i8x16 185 121 55 158 185 121 55 158 185 121 55 158 185 121 55 158
            v128.xor
            local.set $x_i32x4_0
            local.get $src_base
            local.get $i_2
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            v128.load offset=16
            v128.const i8x16 185 121 55 158 185 121 55 158 185 121 55 158 185 121 55 158
            v128.xor
            local.set $x_i32x4_1
            local.get $x_i32x4_0
            local.get $x_i32x4_0
            i32.const 13
            i32x4.shl
            v128.xor
            local.set $x_i32x4_0
            local.get $x_i32x4_1
            local.get $x_i32x4_1
            i32.const 13
            i32x4.shl
            v128.xor
            local.set $x_i32x4_1
            local.get $x_i32x4_0
            local.get $x_i32x4_0
            i32.const 17
            i32x4.shr_u
            v128.xor
            local.set $x_i32x4_0
            local.get $x_i32x4_1
            local.get $x_i32x4_1
            i32.const 17
            i32x4.shr_u
            v128.xor
            local.set $x_i32x4_1
            local.get $x_i32x4_0
            local.get $x_i32x4_0
            i32.const 5
            i32x4.shl
            v128.xor
            local.set $x_i32x4_0
            local.get $x_i32x4_1
            local.get $x_i32x4_1
            i32.const 5
            i32x4.shl
            v128.xor
            local.set $x_i32x4_1
            local.get $dst_base
            local.get $i_2
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $x_i32x4_0
            v128.const i8x16 107 202 235 133 107 202 235 133 107 202 235 133 107 202 235 133
            i32x4.mul
            v128.store
            local.get $dst_base
            local.get $i_2
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $x_i32x4_1
            v128.const i8x16 107 202 235 133 107 202 235 133 107 202 235 133 107 202 235 133
            i32x4.mul
            v128.store offset=16
            local.get $i_2
            i64.const 8
            i64.add
            local.set $i_2
            br $vtop2
          end
        end
        block $brk2
          loop $top2
            local.get $i_2
            local.get $end2
            i64.ge_s
            br_if $brk2
            block $cont2
              local.get $i_2
              local.set $tmp_i64
              local.get $src.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              i64.load32_s
              i32.wrap_i64
              i64.const 2654435769
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $x_3
              i32.wrap_i64
              local.get $x_3
              i32.wrap_i64
              i64.const 13
              i32.wrap_i64
              i32.shl
              i64.extend_i32_s
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $x_3
              i32.wrap_i64
              local.get $x_3
              i32.wrap_i64
              i64.const 17
              i32.wrap_i64
              i32.shr_u
              i64.extend_i32_u
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $x_3
              i32.wrap_i64
              local.get $x_3
              i32.wrap_i64
              i64.const 5
              i32.wrap_i64
              i32.shl
              i64.extend_i32_s
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $i_2
              local.set $tmp_i64
              local.get $dst.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              local.get $x_3
              i32.wrap_i64
              i64.const 2246822507
              i32.wrap_i64
              i32.mul
              i64.extend_i32_s
              i32.wrap_i64
              i64.const 0
              i32.wrap_i64
              i32.or
              i64.extend_i32_s
              i64.store32
            end
            local.get $i_2
            i64.const 1
            i64.add
            local.set $i_2
            br $top2
          end
        end
      else
        i64.const 0
        local.set $i_2
        local.get $src.len
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
              local.get $src.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              i64.load32_s
              i32.wrap_i64
              i64.const 2654435769
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $x_3
              i32.wrap_i64
              local.get $x_3
              i32.wrap_i64
              i64.const 13
              i32.wrap_i64
              i32.shl
              i64.extend_i32_s
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $x_3
              i32.wrap_i64
              local.get $x_3
              i32.wrap_i64
              i64.const 17
              i32.wrap_i64
              i32.shr_u
              i64.extend_i32_u
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $x_3
              i32.wrap_i64
              local.get $x_3
              i32.wrap_i64
              i64.const 5
              i32.wrap_i64
              i32.shl
              i64.extend_i32_s
              i32.wrap_i64
              i32.xor
              i64.extend_i32_s
              local.set $x_3
              local.get $i_2
              local.set $tmp_i64
              local.get $dst.ptr
              local.get $tmp_i64
              i32.wrap_i64
              i32.const 2
              i32.shl
              i32.add
              local.get $x_3
              i32.wrap_i64
              i64.const 2246822507
              i32.wrap_i64
              i32.mul
              i64.extend_i32_s
              i32.wrap_i64
              i64.const 0
              i32.wrap_i64
              i32.or
              i64.extend_i32_s
              i64.store32
            end
            local.get $i_2
            i64.const 1
            i64.add
            local.set $i_2
            br $top1
          end
        end
      end
    else
      i64.const 0
      local.set $i_2
      local.get $src.len
      local.set $end0
      block $brk0
        loop $top0
          local.get $i_2
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            local.get $i_2
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $src.len
            i64.ge_u
            if
              i32.const 0
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $src.len
              f64.convert_i64_s
              i32.const 0
              call $env.oob
              unreachable
            end
            local.get $src.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            i64.load32_s
            i32.wrap_i64
            i64.const 2654435769
            i32.wrap_i64
            i32.xor
            i64.extend_i32_s
            local.set $x_3
            local.get $x_3
            i32.wrap_i64
            local.get $x_3
            i32.wrap_i64
            i64.const 13
            i32.wrap_i64
            i32.shl
            i64.extend_i32_s
            i32.wrap_i64
            i32.xor
            i64.extend_i32_s
            local.set $x_3
            local.get $x_3
            i32.wrap_i64
            local.get $x_3
            i32.wrap_i64
            i64.const 17
            i32.wrap_i64
            i32.shr_u
            i64.extend_i32_u
            i32.wrap_i64
            i32.xor
            i64.extend_i32_s
            local.set $x_3
            local.get $x_3
            i32.wrap_i64
            local.get $x_3
            i32.wrap_i64
            i64.const 5
            i32.wrap_i64
            i32.shl
            i64.extend_i32_s
            i32.wrap_i64
            i32.xor
            i64.extend_i32_s
            local.set $x_3
            local.get $i_2
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $dst.len
            i64.ge_u
            if
              i32.const 1
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $dst.len
              f64.convert_i64_s
              i32.const 1
              call $env.oob
              unreachable
            end
            local.get $dst.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $x_3
            i32.wrap_i64
            i64.const 2246822507
            i32.wrap_i64
            i32.mul
            i64.extend_i32_s
            i32.wrap_i64
            i64.const 0
            i32.wrap_i64
            i32.or
            i64.extend_i32_s
            i64.store32
          end
          local.get $i_2
          i64.const 1
          i64.add
          local.set $i_2
          br $top0
        end
      end
    end
  )
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 i32) (param $p3 f64)
    local.get $p0
    local.get $p1
    i64.trunc_sat_f64_s
    local.get $p2
    local.get $p3
    i64.trunc_sat_f64_s
    call $xorshift
  )
)
