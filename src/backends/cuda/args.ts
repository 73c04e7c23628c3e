// Kernel arguments for cuLaunchKernel: `kernelParams` is an array of addresses, one per parameter,
// each pointing at that parameter's value. numbat packs the values into one host buffer, one 8-byte
// slot each (the driver reads as many bytes as the parameter's type has), in the order of the
// kernel's flattened parameters (cuda-c.ts: an array is its device pointer, then its length).

import type { DeviceBuffer, LaunchArg } from "../../runtime/gpu-target.js";
import type { CudaParam } from "./cuda-c.js";

export const SLOT = 8;

const INT64_MAX = 2n ** 63n - 1n, INT64_MIN = -(2n ** 63n);

/** A JS number as the kernel's int64: truncated, NaN -> 0, saturating (as wasm's and native's entry). */
export function toInt64(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return INT64_MAX;
  if (x < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(x));
}

/**
 * The parameter values of one launch, slot by slot. `ptrOf` gives a buffer's device address (it throws
 * for a buffer of another target). Throws when the arguments do not match the parameters.
 */
export function packArgs(params: readonly CudaParam[], args: readonly LaunchArg[], ptrOf: (b: DeviceBuffer) => bigint): Buffer {
  const values = Buffer.alloc(Math.max(1, params.length) * SLOT);
  let k = 0;
  const next = (want: CudaParam["kind"][]): number => {
    const p = params[k];
    if (!p || !want.includes(p.kind)) throw new Error(`CUDA launch: argument for parameter ${k} (${p?.name ?? "none"}: ${p?.kind ?? "-"}) does not match (expected ${want.join("/")})`);
    return SLOT * k++;
  };
  for (const a of args) {
    if (a.kind === "array") {
      values.writeBigUInt64LE(ptrOf(a.buffer), next(["ptr"]));
      values.writeBigInt64LE(BigInt(a.length), next(["i64"]));
      continue;
    }
    const kind = params[k]?.kind;
    const at = next(a.type === "int" ? ["i64"] : a.type === "bool" ? ["i32"] : ["f32", "f64"]);
    const x = typeof a.value === "boolean" ? Number(a.value) : a.value;
    if (a.type === "int") values.writeBigInt64LE(toInt64(x), at);
    else if (a.type === "bool") values.writeInt32LE(x ? 1 : 0, at);
    else if (kind === "f32") values.writeFloatLE(x, at); // rounds to nearest, as Math.fround
    else values.writeDoubleLE(x, at);
  }
  if (k !== params.length) throw new Error(`CUDA launch: ${k} parameter values for ${params.length} parameters`);
  return values;
}

/** kernelParams for values packed at host address `base`: the address of each slot. */
export function slotAddresses(base: bigint, count: number): BigUint64Array {
  return BigUint64Array.from({ length: count }, (_, i) => base + BigInt(i * SLOT));
}
