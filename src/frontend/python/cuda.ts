// Numba's CUDA kernel API inside `@cuda.jit` functions, mapped onto numbat's kernel language
// (docs/kernels.md): cuda.grid / threadIdx / blockIdx / blockDim / gridDim are thread positions,
// cuda.shared.array a per-group array, cuda.syncthreads() a barrier, cuda.atomic.add & co. atomics.
// The kernel then runs on any GPU target (gpusim, WebGPU, CUDA) through driver/kernel.ts.

import type { AtomicOp, Expr, GpuIndex, Var } from "../../ir/nodes.js";
import { type DType, arrayType, elemType } from "../../ir/types.js";
import type { Pos, PyExpr } from "./ast.js";
import type { PyLowering, Val } from "./lower.js";
import { coerce } from "./scalar.js";

type Call = Extract<PyExpr, { k: "call" }>;

const POSITIONS: Record<string, GpuIndex> = { threadIdx: "localId", blockIdx: "groupId", blockDim: "groupSize", gridDim: "numGroups" };
const AXES: Record<string, 0 | 1 | 2> = { x: 0, y: 1, z: 2 };
const ATOMICS: Record<string, AtomicOp> = { add: "add", sub: "sub", min: "min", max: "max", and_: "and", or_: "or", xor: "xor", exch: "exchange" };

const gpu = (what: GpuIndex, axis: 0 | 1 | 2): Expr => ({ k: "gpu", what, axis, type: "int" });

/** `cuda.threadIdx.x` and friends; other `cuda.*` names stay module members until called. */
export function cudaMember(py: PyLowering, path: string, attr: string, at: Pos): Val {
  const inner = path.slice("numba.cuda".length + 1);
  if (inner in POSITIONS) {
    if (!(attr in AXES)) return py.fail(at, `'cuda.${inner}.${attr}': pick an axis with .x, .y or .z`, undefined, "NB121");
    requireKernel(py, at);
    return { k: "scalar", e: gpu(POSITIONS[inner]!, AXES[attr]!) };
  }
  return { k: "global", path: `${path}.${attr}` };
}

function requireKernel(py: PyLowering, at: Pos): void {
  if (!py.kernelMode) py.fail(at, "CUDA intrinsics exist only inside @cuda.jit kernels", "decorate the function with @cuda.jit and launch it with .launch({ groups, groupSize }, ...args)", "NB121");
}

/** Calls of `cuda.*` inside a kernel. */
export function cudaCall(py: PyLowering, name: string, e: Call): Val {
  requireKernel(py, e.pos);
  const dims = (): number => {
    const n = e.args[0]?.k === "num" ? e.args[0].value : undefined;
    if (n !== 1 && n !== 2 && n !== 3) return py.fail(e.pos, `cuda.${name}(ndim) takes 1, 2 or 3`, undefined, "NB121");
    return n;
  };
  switch (name) {
    case "grid": case "gridsize": {
      const n = dims();
      const axis = (d: 0 | 1 | 2): Expr => name === "grid" ? gpu("globalId", d) : { k: "binary", op: "mul", a: gpu("groupSize", d), b: gpu("numGroups", d), type: "int" };
      if (n === 1) return { k: "scalar", e: axis(0) };
      return { k: "tuple", items: ([0, 1, 2] as const).slice(0, n).map((d) => ({ k: "scalar", e: axis(d) })) };
    }
    case "syncthreads":
      if (e.args.length) py.fail(e.pos, "cuda.syncthreads() takes no arguments", undefined, "NB202");
      py.emit({ k: "barrier" });
      return { k: "none" };
    case "shared.array": return py.fail(e.pos, "cuda.shared.array(...) is used only as `name = cuda.shared.array(size, dtype)` at the top of the kernel", undefined, "NB121");
    default: {
      const op = name.startsWith("atomic.") ? ATOMICS[name.slice(7)] : undefined;
      if (!op) return py.fail(e.pos, `cuda.${name} is not supported`, "inside kernels: cuda.grid, cuda.gridsize, cuda.threadIdx/blockIdx/blockDim/gridDim, cuda.shared.array, cuda.syncthreads, cuda.atomic.add/sub/min/max", "NB121");
      if (e.args.length !== 3) py.fail(e.pos, `cuda.${name}(array, index, value) takes 3 arguments`, undefined, "NB202");
      const [a, i, x] = py.operands(e.args);
      if (a!.k !== "array" || a!.r.shape.length !== 1 || i!.k !== "scalar" || x!.k !== "scalar") return py.fail(e.pos, `cuda.${name} takes a 1-d array, an integer index and a number`, undefined, "NB121");
      const arr = a!.r.base, et = elemType(arr.type as import("../../ir/types.js").ArrayType);
      return { k: "scalar", e: { k: "atomic", op, arr, idx: [coerce(i!.e, "int")], x: coerce(x!.e, et), type: et, loc: py.loc } };
    }
  }
}

/** `tile = cuda.shared.array(256, numba.float32)`: a per-group array, declared once at the top of the kernel. */
export function sharedArray(py: PyLowering, name: string, e: Call, topLevel: boolean): Var {
  requireKernel(py, e.pos);
  if (!topLevel) py.fail(e.pos, "declare shared arrays at the top level of the kernel (not inside loops or branches)", undefined, "NB121");
  const sizeArg = e.kwargs.find((k) => k.name === "shape")?.value ?? e.args[0];
  const dtArg = e.kwargs.find((k) => k.name === "dtype")?.value ?? e.args[1];
  const size = sizeArg?.k === "num" && sizeArg.int ? sizeArg.value : sizeArg?.k === "tuple" && sizeArg.elts.length === 1 && sizeArg.elts[0]!.k === "num" ? sizeArg.elts[0]!.value : undefined;
  if (size === undefined || size <= 0) return py.fail(sizeArg?.pos ?? e.pos, "the size of a shared array must be a positive integer literal (1-d)", undefined, "NB121");
  const dtName = dtArg?.k === "attr" ? dtArg.attr : dtArg?.k === "name" ? dtArg.id : dtArg?.k === "str" ? dtArg.value : undefined;
  const dt = ({ float32: "f32", float64: "f64", int32: "i32", uint32: "u32" } as Record<string, DType>)[dtName ?? ""];
  if (!dt) return py.fail(dtArg?.pos ?? e.pos, "the dtype of a shared array is float32, float64, int32 or uint32", undefined, "NB121");
  return py.declareShared(name, arrayType(dt, 1, false), size);
}
