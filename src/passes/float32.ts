// The float32 model (`jit(fn, { float32: true })`, docs/semantics.md#float32): arithmetic on float32
// values is rounded to binary32 after every operation, exactly as if the source wrapped each such
// operation in Math.fround. The reference is that rewritten source, run by plain JS.
//
// A float32 value is a Float32Array element, a Math.fround result, a constant binary32 represents, the
// negation, abs, floor, ceil, trunc, min or max of float32 values, a `?:` between two of them, or a
// local variable whose every assignment is one. `+ - * /` and Math.sqrt of float32 values become
// `fround(op)`: one correctly rounded binary32 operation, which the backends compute in f32 lanes
// (passes/vectorize.ts#laneKind). Anything that mixes in another number (an f64 parameter, an integer
// variable, a Float64Array element) stays a binary64 operation. This is a semantic rewrite, applied to
// the lowered IR on every target and at every optimisation level — not an optimisation pass.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { isArray } from "../ir/types.js";
import { forEachStmt, mapStmts } from "../ir/walk.js";

const ROUNDED_BINARY = new Set(["add", "sub", "mul", "div"]);
const EXACT_MATH = new Set(["abs", "floor", "ceil", "trunc", "min", "max", "fround"]);

const fround = (x: Expr): Expr => ({ k: "math", fn: "fround", args: [x], type: "f64" });

/** Is `e` (already rewritten) a float32 value, given the variables assumed to hold float32 values? */
function isF32(e: Expr, vars: ReadonlySet<Var>): boolean {
  if (e.type !== "f64") return false;
  switch (e.k) {
    case "const": return Object.is(Math.fround(e.value as number), e.value);
    case "cast": return e.op === "i2f" && e.x.k === "const" && Object.is(Math.fround(e.x.value as number), e.x.value as number);
    case "load": return isArray(e.arr.type) && e.arr.type.dtype === "f32";
    case "var": return vars.has(e.v);
    case "unary": return e.op === "neg" && isF32(e.x, vars);
    case "cond": return isF32(e.a, vars) && isF32(e.b, vars);
    case "math": return e.fn === "fround" || (EXACT_MATH.has(e.fn) && e.args.every((a) => isF32(a, vars)));
    default: return false;
  }
}

/** `stmts` with each + - * / and sqrt of float32 values rounded (innermost first, so results feed the next test). */
function rewrite(stmts: readonly Stmt[], vars: ReadonlySet<Var>): Stmt[] {
  return mapStmts(stmts, (e) => {
    if (e.k === "binary" && e.type === "f64" && ROUNDED_BINARY.has(e.op) && isF32(e.a, vars) && isF32(e.b, vars)) return fround(e);
    if (e.k === "math" && e.fn === "sqrt" && isF32(e.args[0]!, vars)) return fround(e);
    return e;
  });
}

/**
 * The function under the float32 model. Its callees keep their own options (a callee jitted with
 * `float32: true` has the model too).
 */
export function float32Model(f: FuncIR): FuncIR {
  // Greatest fixpoint: assume every f64 local holds float32 values, drop those with another assignment.
  const vars = new Set<Var>(f.locals.filter((v) => v.type === "f64"));
  for (;;) {
    const body = rewrite(f.body, vars);
    let changed = false;
    forEachStmt(body, (s) => {
      if (s.k === "assign" && vars.has(s.v) && !isF32(s.x, vars)) { vars.delete(s.v); changed = true; }
    });
    if (!changed) return { ...f, body };
  }
}
