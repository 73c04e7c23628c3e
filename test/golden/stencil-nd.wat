(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $stencil_nd (param $A.ptr i32) (param $A.n0 i64) (param $A.n1 i64) (param $A.s0 i64) (param $A.s1 i64) (param $A.off i64) (param $B.ptr i32) (param $B.n0 i64) (param $B.n1 i64) (param $B.s0 i64) (param $B.s1 i64) (param $B.off i64)
    (local $m_2 i64)
    (local $n_3 i64)
    (local $i_4 i64)
    (local $j_5 i64)
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
    (local $end4 i64)
    (local $end5 i64)
    (local $B_base i32)
    (local $A_base i32)
    (local $A_base_1 i32)
    (local $A_base_2 i32)
    (local $A_base_3 i32)
    (local $end2 i64)
    (local $end3 i64)
    (local $end0 i64)
    (local $end1 i64)
    local.get $A.n0
    local.set $m_2
    local.get $A.n1
    local.set $n_3
    local.get $m_2
    i64.const 1
    i64.sub
    i64.const -1
    i64.add
    local.get $B.n0
    i64.lt_s
    local.tee $tmp_i32_6
    if (result i32)
      local.get $n_3
      i64.const 1
      i64.sub
      i64.const -1
      i64.add
      local.get $B.n1
      i64.lt_s
    else
      local.get $tmp_i32_6
    end
    local.tee $tmp_i32_5
    if (result i32)
      local.get $m_2
      i64.const 1
      i64.sub
      i64.const -2
      i64.add
      local.get $A.n0
      i64.lt_s
    else
      local.get $tmp_i32_5
    end
    local.tee $tmp_i32_4
    if (result i32)
      local.get $n_3
      i64.const 1
      i64.sub
      i64.const -1
      i64.add
      local.get $A.n1
      i64.lt_s
    else
      local.get $tmp_i32_4
    end
    local.tee $tmp_i32_3
    if (result i32)
      local.get $m_2
      i64.const 1
      i64.sub
      local.get $A.n0
      i64.lt_s
    else
      local.get $tmp_i32_3
    end
    local.tee $tmp_i32_2
    if (result i32)
      local.get $m_2
      i64.const 1
      i64.sub
      i64.const -1
      i64.add
      local.get $A.n0
      i64.lt_s
    else
      local.get $tmp_i32_2
    end
    local.tee $tmp_i32_1
    if (result i32)
      local.get $n_3
      i64.const 1
      i64.sub
      i64.const -2
      i64.add
      local.get $A.n1
      i64.lt_s
    else
      local.get $tmp_i32_1
    end
    local.tee $tmp_i32
    if (result i32)
      local.get $n_3
      i64.const 1
      i64.sub
      local.get $A.n1
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      local.get $B.s1
      i64.const 1
      i64.eq
      local.tee $tmp_i32_1
      if (result i32)
        local.get $A.s1
        i64.const 1
        i64.eq
      else
        local.get $tmp_i32_1
      end
      local.tee $tmp_i32
      if (result i32)
        local.get $B.off
        i64.const 0
        local.get $B.n0
        i64.const -1
        i64.add
        local.get $B.s0
        i64.mul
        local.set $tmp_i64_1
        local.set $tmp_i64
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        i64.lt_s
        select
        i64.add
        i64.const 0
        local.get $B.n1
        i64.const -1
        i64.add
        local.get $B.s1
        i64.mul
        local.set $tmp_i64
        local.set $tmp_i64_1
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        i64.lt_s
        select
        i64.add
        local.set $span
        local.get $B.off
        i64.const 0
        local.get $B.n0
        i64.const -1
        i64.add
        local.get $B.s0
        i64.mul
        local.set $tmp_i64_1
        local.set $tmp_i64
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        i64.gt_s
        select
        i64.add
        i64.const 0
        local.get $B.n1
        i64.const -1
        i64.add
        local.get $B.s1
        i64.mul
        local.set $tmp_i64
        local.set $tmp_i64_1
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        i64.gt_s
        select
        i64.add
        local.set $span_1
        local.get $A.off
        i64.const 0
        local.get $A.n0
        i64.const -1
        i64.add
        local.get $A.s0
        i64.mul
        local.set $tmp_i64_1
        local.set $tmp_i64
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        i64.lt_s
        select
        i64.add
        i64.const 0
        local.get $A.n1
        i64.const -1
        i64.add
        local.get $A.s1
        i64.mul
        local.set $tmp_i64
        local.set $tmp_i64_1
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        i64.lt_s
        select
        i64.add
        local.set $span_2
        local.get $A.off
        i64.const 0
        local.get $A.n0
        i64.const -1
        i64.add
        local.get $A.s0
        i64.mul
        local.set $tmp_i64_1
        local.set $tmp_i64
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        i64.gt_s
        select
        i64.add
        i64.const 0
        local.get $A.n1
        i64.const -1
        i64.add
        local.get $A.s1
        i64.mul
        local.set $tmp_i64
        local.set $tmp_i64_1
        local.get $tmp_i64_1
        local.get $tmp_i64
        local.get $tmp_i64_1
        local.get $tmp_i64
        i64.gt_s
        select
        i64.add
        local.set $span_3
        local.get $span_1
        local.get $span
        i64.lt_s
        local.get $span_3
        local.get $span_2
        i64.lt_s
        i32.or
        local.get $B.ptr
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
        local.get $B.ptr
        i64.extend_i32_u
        local.get $span
        i64.const 8
        i64.mul
        i64.add
        i64.le_u
        i32.or
      else
        local.get $tmp_i32
      end
      if
        i64.const 1
        local.set $i_4
        local.get $m_2
        i64.const 1
        i64.sub
        local.set $end4
        block $brk4
          loop $top4
            local.get $i_4
            local.get $end4
            i64.ge_s
            br_if $brk4
            block $cont4
              i64.const 1
              local.set $j_5
              local.get $n_3
              i64.const 1
              i64.sub
              local.set $end5
              local.get $i_4
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
              local.get $i_4
              i64.const 1
              i64.sub
              local.set $tmp_i64_1
              i64.const 0
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
              local.set $A_base
              local.get $i_4
              i64.const 1
              i64.add
              local.set $tmp_i64
              i64.const 0
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
              local.set $A_base_1
              local.get $i_4
              local.set $tmp_i64_1
              i64.const 0
              i64.const 1
              i64.sub
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
              local.set $A_base_2
              local.get $i_4
              local.set $tmp_i64
              i64.const 0
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
              local.set $A_base_3
              block $vbrk5
                loop $vtop5
                  local.get $j_5
                  i64.const 1
                  i64.add
                  local.get $end5
                  i64.ge_s
                  br_if $vbrk5
                  local.get $B_base
                  local.get $j_5
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  v128.const i8x16 0 0 0 0 0 0 208 63 0 0 0 0 0 0 208 63
                  local.get $A_base
                  local.get $j_5
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  v128.load
                  local.get $A_base_1
                  local.get $j_5
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  v128.load
                  f64x2.add
                  local.get $A_base_2
                  local.get $j_5
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  v128.load
                  f64x2.add
                  local.get $A_base_3
                  local.get $j_5
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  v128.load
                  f64x2.add
                  f64x2.mul
                  v128.store
                  local.get $j_5
                  i64.const 2
                  i64.add
                  local.set $j_5
                  br $vtop5
                end
              end
              block $brk5
                loop $top5
                  local.get $j_5
                  local.get $end5
                  i64.ge_s
                  br_if $brk5
                  block $cont5
                    local.get $i_4
                    local.set $tmp_i64_1
                    local.get $j_5
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
                    f64.const 0.25
                    local.get $i_4
                    i64.const 1
                    i64.sub
                    local.set $tmp_i64
                    local.get $j_5
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
                    local.get $i_4
                    i64.const 1
                    i64.add
                    local.set $tmp_i64_1
                    local.get $j_5
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
                    f64.add
                    local.get $i_4
                    local.set $tmp_i64
                    local.get $j_5
                    i64.const 1
                    i64.sub
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
                    f64.add
                    local.get $i_4
                    local.set $tmp_i64_1
                    local.get $j_5
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
                    f64.add
                    f64.mul
                    f64.store
                  end
                  local.get $j_5
                  i64.const 1
                  i64.add
                  local.set $j_5
                  br $top5
                end
              end
            end
            local.get $i_4
            i64.const 1
            i64.add
            local.set $i_4
            br $top4
          end
        end
      else
        i64.const 1
        local.set $i_4
        local.get $m_2
        i64.const 1
        i64.sub
        local.set $end2
        block $brk2
          loop $top2
            local.get $i_4
            local.get $end2
            i64.ge_s
            br_if $brk2
            block $cont2
              i64.const 1
              local.set $j_5
              local.get $n_3
              i64.const 1
              i64.sub
              local.set $end3
              block $brk3
                loop $top3
                  local.get $j_5
                  local.get $end3
                  i64.ge_s
                  br_if $brk3
                  block $cont3
                    local.get $i_4
                    local.set $tmp_i64
                    local.get $j_5
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
                    f64.const 0.25
                    local.get $i_4
                    i64.const 1
                    i64.sub
                    local.set $tmp_i64_1
                    local.get $j_5
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
                    local.get $i_4
                    i64.const 1
                    i64.add
                    local.set $tmp_i64
                    local.get $j_5
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
                    f64.add
                    local.get $i_4
                    local.set $tmp_i64_1
                    local.get $j_5
                    i64.const 1
                    i64.sub
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
                    f64.add
                    local.get $i_4
                    local.set $tmp_i64
                    local.get $j_5
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
                    f64.add
                    f64.mul
                    f64.store
                  end
                  local.get $j_5
                  i64.const 1
                  i64.add
                  local.set $j_5
                  br $top3
                end
              end
            end
            local.get $i_4
            i64.const 1
            i64.add
            local.set $i_4
            br $top2
          end
        end
      end
    else
      i64.const 1
      local.set $i_4
      local.get $m_2
      i64.const 1
      i64.sub
      local.set $end0
      block $brk0
        loop $top0
          local.get $i_4
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            i64.const 1
            local.set $j_5
            local.get $n_3
            i64.const 1
            i64.sub
            local.set $end1
            block $brk1
              loop $top1
                local.get $j_5
                local.get $end1
                i64.ge_s
                br_if $brk1
                block $cont1
                  local.get $i_4
                  local.set $tmp_i64_1
                  local.get $tmp_i64_1
                  local.get $B.n0
                  i64.ge_u
                  if
                    i32.const 0
                    i32.const 0
                    i32.const 2
                    local.get $tmp_i64_1
                    f64.convert_i64_s
                    local.get $B.n0
                    f64.convert_i64_s
                    i32.const 0
                    call $env.oob
                    unreachable
                  end
                  local.get $j_5
                  local.set $tmp_i64
                  local.get $tmp_i64
                  local.get $B.n1
                  i64.ge_u
                  if
                    i32.const 1
                    i32.const 1
                    i32.const 2
                    local.get $tmp_i64
                    f64.convert_i64_s
                    local.get $B.n1
                    f64.convert_i64_s
                    i32.const 1
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
                  f64.const 0.25
                  local.get $i_4
                  i64.const 1
                  i64.sub
                  local.set $tmp_i64
                  local.get $tmp_i64
                  local.get $A.n0
                  i64.ge_u
                  if
                    i32.const 2
                    i32.const 0
                    i32.const 2
                    local.get $tmp_i64
                    f64.convert_i64_s
                    local.get $A.n0
                    f64.convert_i64_s
                    i32.const 2
                    call $env.oob
                    unreachable
                  end
                  local.get $j_5
                  local.set $tmp_i64_1
                  local.get $tmp_i64_1
                  local.get $A.n1
                  i64.ge_u
                  if
                    i32.const 3
                    i32.const 1
                    i32.const 2
                    local.get $tmp_i64_1
                    f64.convert_i64_s
                    local.get $A.n1
                    f64.convert_i64_s
                    i32.const 3
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
                  local.get $i_4
                  i64.const 1
                  i64.add
                  local.set $tmp_i64_1
                  local.get $tmp_i64_1
                  local.get $A.n0
                  i64.ge_u
                  if
                    i32.const 4
                    i32.const 0
                    i32.const 2
                    local.get $tmp_i64_1
                    f64.convert_i64_s
                    local.get $A.n0
                    f64.convert_i64_s
                    i32.const 4
                    call $env.oob
                    unreachable
                  end
                  local.get $j_5
                  local.set $tmp_i64
                  local.get $tmp_i64
                  local.get $A.n1
                  i64.ge_u
                  if
                    i32.const 5
                    i32.const 1
                    i32.const 2
                    local.get $tmp_i64
                    f64.convert_i64_s
                    local.get $A.n1
                    f64.convert_i64_s
                    i32.const 5
                    call $env.oob
                    unreachable
                  end
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
                  f64.add
                  local.get $i_4
                  local.set $tmp_i64
                  local.get $tmp_i64
                  local.get $A.n0
                  i64.ge_u
                  if
                    i32.const 6
                    i32.const 0
                    i32.const 2
                    local.get $tmp_i64
                    f64.convert_i64_s
                    local.get $A.n0
                    f64.convert_i64_s
                    i32.const 6
                    call $env.oob
                    unreachable
                  end
                  local.get $j_5
                  i64.const 1
                  i64.sub
                  local.set $tmp_i64_1
                  local.get $tmp_i64_1
                  local.get $A.n1
                  i64.ge_u
                  if
                    i32.const 7
                    i32.const 1
                    i32.const 2
                    local.get $tmp_i64_1
                    f64.convert_i64_s
                    local.get $A.n1
                    f64.convert_i64_s
                    i32.const 7
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
                  f64.add
                  local.get $i_4
                  local.set $tmp_i64_1
                  local.get $tmp_i64_1
                  local.get $A.n0
                  i64.ge_u
                  if
                    i32.const 8
                    i32.const 0
                    i32.const 2
                    local.get $tmp_i64_1
                    f64.convert_i64_s
                    local.get $A.n0
                    f64.convert_i64_s
                    i32.const 8
                    call $env.oob
                    unreachable
                  end
                  local.get $j_5
                  i64.const 1
                  i64.add
                  local.set $tmp_i64
                  local.get $tmp_i64
                  local.get $A.n1
                  i64.ge_u
                  if
                    i32.const 9
                    i32.const 1
                    i32.const 2
                    local.get $tmp_i64
                    f64.convert_i64_s
                    local.get $A.n1
                    f64.convert_i64_s
                    i32.const 9
                    call $env.oob
                    unreachable
                  end
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
                  f64.add
                  f64.mul
                  f64.store
                end
                local.get $j_5
                i64.const 1
                i64.add
                local.set $j_5
                br $top1
              end
            end
          end
          local.get $i_4
          i64.const 1
          i64.add
          local.set $i_4
          br $top0
        end
      end
    end
  )
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 f64) (param $p3 f64) (param $p4 f64) (param $p5 f64) (param $p6 i32) (param $p7 f64) (param $p8 f64) (param $p9 f64) (param $p10 f64) (param $p11 f64)
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
    call $stencil_nd
  )
)
