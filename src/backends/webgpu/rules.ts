// What a kernel may use on WebGPU, checked before any WGSL is written: the type rules of
// docs/webgpu.md. A violation is a CompileError (NB120) naming the construct and what to do instead.

import { CompileError } from "../../diagnostics/error.js";
import type { Expr, FuncIR, Loc, Var } from "../../ir/nodes.js";
import { DTYPES, isArray, type DType } from "../../ir/types.js";
import { childExprs, forEachExpr, forEachStmt } from "../../ir/walk.js";

/** Element types a WGSL storage buffer (or workgroup array) holds here. */
export const WGSL_DTYPES: readonly DType[] = ["f32", "i32", "u32"];

const START: Loc = { line: 1, column: 1 };

export function webgpuError(f: FuncIR, loc: Loc | undefined, detail: string, help: string): CompileError {
  const at = loc && loc.line > 0 ? loc : START;
  return new CompileError("NB120", detail, at.line, at.column, f.sourceName, "", help);
}

const NO_F64 = "WGSL has no 64-bit floats: use Float32Array data and kernel(fn, { float: \"f32\" }), or the cuda or gpusim target for float64";

/** Throws CompileError for the first construct of `f` that WebGPU cannot run. */
export function checkWebGpu(f: FuncIR): void {
  const k = f.kernel;
  if (!k) throw new Error(`WGSL: ${f.name} is not a kernel`);
  if (k.float === "f64")
    throw webgpuError(f, undefined, `kernel '${f.sourceName}' computes in float64 (float: "f64"); WebGPU computes in float32 only`, NO_F64);
  const dtypeOk = (v: Var, what: string, loc?: Loc): void => {
    if (!isArray(v.type)) return;
    const d = v.type.dtype;
    if (v.type.nd) throw webgpuError(f, loc, `${what} '${v.name}' is an n-d array; WebGPU kernels take typed arrays`, "pass A.data and index it with the strides yourself");
    if (d === "f64") throw webgpuError(f, loc, `${what} '${v.name}' is a Float64Array; ${NO_F64.split(":")[0]}`, NO_F64.slice(NO_F64.indexOf(":") + 2));
    if (!WGSL_DTYPES.includes(d))
      throw webgpuError(f, loc, `${what} '${v.name}' is a ${DTYPES[d].ctor}; WebGPU storage buffers hold 32-bit elements only`, "use Float32Array, Int32Array or Uint32Array");
  };
  f.params.forEach((p) => dtypeOk(p, "parameter"));
  k.shared.forEach((s) => dtypeOk(s.v, "shared array"));
  const firstLoc = (e: Expr): Loc | undefined => {
    let l: Loc | undefined;
    const visit = (x: Expr): void => {
      if (!l && "loc" in x && x.loc) l = x.loc;
      childExprs(x).forEach(visit);
    };
    visit(e);
    return l;
  };
  forEachExpr(f.body, (e) => {
    switch (e.k) {
      case "atomic": {
        const t = e.arr.type;
        if (isArray(t) && t.dtype === "f32")
          throw webgpuError(f, e.loc, `gpu.atomic${e.op[0]!.toUpperCase()}${e.op.slice(1)} on Float32Array '${e.arr.name}': WGSL atomics work on 32-bit integers only`,
            "accumulate into an Int32Array or Uint32Array (e.g. fixed-point), or use the cuda target, which has float atomicAdd");
        dtypeOk(e.arr, "atomic target", e.loc);
        return;
      }
      case "math":
        if (e.fn === "random")
          throw webgpuError(f, firstLoc(e), "Math.random() has no WebGPU counterpart that matches JS", "pass random numbers in an array, or compute a hash of gpu.globalId");
        return;
      case "call": throw webgpuError(f, e.loc, "a kernel cannot call other functions", "inline the callee into the kernel");
      case "alloc": throw webgpuError(f, e.loc, "a kernel cannot allocate arrays", "allocate outside and pass the array in, or use gpu.shared(size, dtype)");
      case "load": case "prop": dtypeOk(e.arr, "array", "loc" in e ? e.loc : undefined); return;
      default: return;
    }
  });
  forEachStmt(f.body, (s) => {
    if (s.k === "return" && s.x) throw webgpuError(f, undefined, "a kernel cannot return a value", "write results into an array argument");
    if (s.k === "store") dtypeOk(s.arr, "array", s.loc);
  });
}
