(module
  (import "env" "throw_user" (func $env.throw_user (param i32)))
  (import "env" "oob" (func $env.oob (param i32 i32 i32 f64 f64 i32)))
  (import "env" "rem0" (func $env.rem0 (param i32)))
  (import "env" "alloc" (func $env.alloc (param f64 i32 i32 i32) (result i32)))
  (import "env" "fmod" (func $env.fmod (param f64 f64) (result f64)))
  (import "env" "memory" (memory 1 65536 shared))
  (export "main" (func $main))
  (func $escape_time (param $cr.ptr i32) (param $cr.len i64) (param $ci.ptr i32) (param $ci.len i64) (param $out.ptr i32) (param $out.len i64) (param $limit i64)
    (local $p_4 i64)
    (local $x_5 f64)
    (local $y_6 f64)
    (local $k_7 i64)
    (local $t_8 f64)
    (local $tmp_i32 i32)
    (local $tmp_i32_1 i32)
    (local $end2 i64)
    (local $tmp_i64 i64)
    (local $end0 i64)
    local.get $out.len
    i64.const -1
    i64.add
    local.get $out.len
    i64.lt_s
    local.tee $tmp_i32_1
    if (result i32)
      local.get $out.len
      i64.const -1
      i64.add
      local.get $cr.len
      i64.lt_s
    else
      local.get $tmp_i32_1
    end
    local.tee $tmp_i32
    if (result i32)
      local.get $out.len
      i64.const -1
      i64.add
      local.get $ci.len
      i64.lt_s
    else
      local.get $tmp_i32
    end
    if
      i64.const 0
      local.set $p_4
      local.get $out.len
      local.set $end2
      block $brk2
        loop $top2
          local.get $p_4
          local.get $end2
          i64.ge_s
          br_if $brk2
          block $cont2
            f64.const 0
            local.set $x_5
            f64.const 0
            local.set $y_6
            i64.const 0
            local.set $k_7
            block $brk3
              loop $top3
                local.get $k_7
                local.get $limit
                i64.lt_s
                i32.eqz
                br_if $brk3
                local.get $x_5
                local.get $x_5
                f64.mul
                local.get $y_6
                local.get $y_6
                f64.mul
                f64.add
                f64.const 4
                f64.le
                i32.eqz
                br_if $brk3
                block $cont3
                  local.get $x_5
                  local.get $x_5
                  f64.mul
                  local.get $y_6
                  local.get $y_6
                  f64.mul
                  f64.sub
                  local.get $p_4
                  local.set $tmp_i64
                  local.get $cr.ptr
                  local.get $tmp_i64
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  f64.load
                  f64.add
                  local.set $t_8
                  f64.const 2
                  local.get $x_5
                  f64.mul
                  local.get $y_6
                  f64.mul
                  local.get $p_4
                  local.set $tmp_i64
                  local.get $ci.ptr
                  local.get $tmp_i64
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  f64.load
                  f64.add
                  local.set $y_6
                  local.get $t_8
                  local.set $x_5
                  local.get $k_7
                  i64.const 1
                  i64.add
                  local.set $k_7
                end
                br $top3
              end
            end
            local.get $p_4
            local.set $tmp_i64
            local.get $out.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $k_7
            i64.store32
          end
          local.get $p_4
          i64.const 1
          i64.add
          local.set $p_4
          br $top2
        end
      end
    else
      i64.const 0
      local.set $p_4
      local.get $out.len
      local.set $end0
      block $brk0
        loop $top0
          local.get $p_4
          local.get $end0
          i64.ge_s
          br_if $brk0
          block $cont0
            f64.const 0
            local.set $x_5
            f64.const 0
            local.set $y_6
            i64.const 0
            local.set $k_7
            block $brk1
              loop $top1
                local.get $k_7
                local.get $limit
                i64.lt_s
                i32.eqz
                br_if $brk1
                local.get $x_5
                local.get $x_5
                f64.mul
                local.get $y_6
                local.get $y_6
                f64.mul
                f64.add
                f64.const 4
                f64.le
                i32.eqz
                br_if $brk1
                block $cont1
                  local.get $x_5
                  local.get $x_5
                  f64.mul
                  local.get $y_6
                  local.get $y_6
                  f64.mul
                  f64.sub
                  local.get $p_4
                  local.set $tmp_i64
                  local.get $tmp_i64
                  local.get $cr.len
                  i64.ge_u
                  if
                    i32.const 0
                    i32.const 0
                    i32.const 1
                    local.get $tmp_i64
                    f64.convert_i64_s
                    local.get $cr.len
                    f64.convert_i64_s
                    i32.const 0
                    call $env.oob
                    unreachable
                  end
                  local.get $cr.ptr
                  local.get $tmp_i64
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  f64.load
                  f64.add
                  local.set $t_8
                  f64.const 2
                  local.get $x_5
                  f64.mul
                  local.get $y_6
                  f64.mul
                  local.get $p_4
                  local.set $tmp_i64
                  local.get $tmp_i64
                  local.get $ci.len
                  i64.ge_u
                  if
                    i32.const 1
                    i32.const 0
                    i32.const 1
                    local.get $tmp_i64
                    f64.convert_i64_s
                    local.get $ci.len
                    f64.convert_i64_s
                    i32.const 1
                    call $env.oob
                    unreachable
                  end
                  local.get $ci.ptr
                  local.get $tmp_i64
                  i32.wrap_i64
                  i32.const 3
                  i32.shl
                  i32.add
                  f64.load
                  f64.add
                  local.set $y_6
                  local.get $t_8
                  local.set $x_5
                  local.get $k_7
                  i64.const 1
                  i64.add
                  local.set $k_7
                end
                br $top1
              end
            end
            local.get $p_4
            local.set $tmp_i64
            local.get $tmp_i64
            local.get $out.len
            i64.ge_u
            if
              i32.const 2
              i32.const 0
              i32.const 1
              local.get $tmp_i64
              f64.convert_i64_s
              local.get $out.len
              f64.convert_i64_s
              i32.const 2
              call $env.oob
              unreachable
            end
            local.get $out.ptr
            local.get $tmp_i64
            i32.wrap_i64
            i32.const 2
            i32.shl
            i32.add
            local.get $k_7
            i64.store32
          end
          local.get $p_4
          i64.const 1
          i64.add
          local.set $p_4
          br $top0
        end
      end
    end
  )
  (func $main (param $p0 i32) (param $p1 f64) (param $p2 i32) (param $p3 f64) (param $p4 i32) (param $p5 f64) (param $p6 f64)
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
    call $escape_time
  )
)
