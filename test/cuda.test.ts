// The CUDA target. Everywhere: golden CUDA C for hand-built kernels, what the target rejects, argument
// packing for cuLaunchKernel, CUresult mapping and a whole launch against a fake driver. Where nvcc is
// installed (no GPU needed): every corpus kernel, in f32 and f64, compiles to PTX that ptxas accepts
// for sm_80 and sm_90, and the PTX cache works. Where a GPU is present: every corpus kernel gives the
// simulator's results. Each part that cannot run here says why and is skipped.

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { CompileError, kernel } from "../src/index.js";
import * as b from "../src/ir/builder.js";
import type { Expr, FuncIR, Stmt, Var } from "../src/ir/nodes.js";
import type { DeviceBuffer, LaunchArg } from "../src/runtime/gpu-target.js";
import { typeOfValue } from "../src/runtime/signature.js";
import { packArgs, slotAddresses, toInt64 } from "../src/backends/cuda/args.js";
import { assemble, compilePtx, findNvcc, findPtxas, NVCC_FLAGS } from "../src/backends/cuda/compiler.js";
import { emitCuda, generateCuda, type CudaParam } from "../src/backends/cuda/cuda-c.js";
import { CudaDriver, CudaError, describeResult, type CudaRaw } from "../src/backends/cuda/driver.js";
import { createCudaTarget, cudaTarget } from "../src/backends/cuda/target.js";
import { KERNELS, gridOf, type KernelCase } from "./corpus/kernels.js";

const koffi = createRequire(import.meta.url)("koffi") as typeof import("koffi");
const nvcc = findNvcc();
const ptxas = findPtxas(nvcc);
const noToolkit = nvcc && ptxas ? false : `the CUDA toolkit is not installed (nvcc: ${nvcc ? "yes" : "no"}, ptxas: ${ptxas ? "yes" : "no"})`;
if (noToolkit) console.log(`# CUDA compile tests skipped: ${noToolkit}`);
const gpuMissing = await cudaTarget.unavailableReason();
if (gpuMissing) console.log(`# CUDA GPU tests skipped: ${gpuMissing}`);

const tmp = mkdtempSync(join(tmpdir(), "numbat-cuda-test-"));
process.env.NUMBAT_CACHE_DIR = join(tmp, "cache-root"); // hermetic: PTX and cubins of this run only
after(() => rmSync(tmp, { recursive: true, force: true }));

// ---- hand-built kernels ----------------------------------------------------------------------------

function asKernel(f: FuncIR, float: "f32" | "f64", shared: { v: Var; size: number }[] = [], groupSize: [number, number, number] = [64, 1, 1]): FuncIR {
  return { ...f, kernel: { groupSize, float, shared } };
}

const gid: Expr = { k: "gpu", what: "globalId", axis: 0, type: "int" };
const lid: Expr = { k: "gpu", what: "localId", axis: 0, type: "int" };
const atomic = (op: "add" | "sub" | "min" | "max" | "and" | "exchange", arr: Var, i: Expr, x: Expr): Expr =>
  ({ k: "atomic", op, arr, idx: [i], x, type: (arr.type as { dtype: string }).dtype.startsWith("f") ? "f64" : "int", loc: b.loc(3, 5) });

/** `y[i] = a * tile[l] + y[i]` after staging x in shared memory, plus an atomic and a throw. */
function stagedSaxpy(float: "f32" | "f64"): FuncIR {
  b.resetIds();
  const a = b.newVar("a", "f64"), x = b.newVar("x", b.ta("f32")), y = b.newVar("y", b.ta("f32")), n = b.newVar("n", "int");
  const tile = b.newVar("tile", b.ta("f32")), i = b.newVar("i", "int");
  const body: Stmt[] = [
    b.assign(i, gid),
    b.store(tile, [lid], b.load(x, [b.v(i)])),
    { k: "barrier" },
    b.if_(b.bin("ge", b.v(i), b.v(n)), [b.throw_("RangeError", "past the end", b.loc(4, 3))]),
    b.store(y, [b.v(i)], b.bin("add", b.bin("mul", b.v(a), b.load(tile, [lid])), b.load(y, [b.v(i)]))),
    b.exprStmt(atomic("add", y, b.c(0), b.c(0.1))),
  ];
  return asKernel(b.func({ name: "staged_k", sourceName: "staged", params: [a, x, y, n], ret: "void", body, locals: [i] }), float, [{ v: tile, size: 64 }]);
}

/** The kernel function alone (the prelude and struct definitions are the same for every kernel). */
const kernelText = (src: string): string => src.slice(src.indexOf('extern "C" __global__')).trimEnd();

describe("CUDA C", () => {
  test("golden: an f32 kernel with shared memory, a barrier, an atomic and a throw", () => {
    assert.equal(kernelText(emitCuda(stagedSaxpy("f32"))), `extern "C" __global__ void __launch_bounds__(64) nbk_staged_k(float a_0, float *x_1_ptr, int64_t x_1_len, float *y_2_ptr, int64_t y_2_len, int64_t n_3) {
  nb_f32_vec x_1 = { x_1_ptr, x_1_len };
  nb_f32_vec y_2 = { y_2_ptr, y_2_len };
  __shared__ float tile_4_data[64];
  nb_f32_vec tile_4 = { tile_4_data, 64 };
  int64_t i_5 = 0;
  i_5 = (int64_t)blockIdx.x * 64 + threadIdx.x;
  tile_4.ptr[(int64_t)threadIdx.x] = x_1.ptr[i_5];
  __syncthreads();
  if (i_5 >= n_3) {
    nb_raise(1, 0); goto nb_fail;
  }
  y_2.ptr[i_5] = a_0 * tile_4.ptr[(int64_t)threadIdx.x] + y_2.ptr[i_5];
  atomicAdd(&y_2.ptr[0], 0.10000000149011612f);
nb_fail:
  return;
}`);
  });

  test("golden: the same kernel in f64 widens float32 loads and narrows stores", () => {
    const text = kernelText(emitCuda(stagedSaxpy("f64")));
    assert.match(text, /nbk_staged_k\(double a_0, float \*x_1_ptr/);
    assert.match(text, /tile_4\.ptr\[\(int64_t\)threadIdx\.x\] = \(float\)\(double\)x_1\.ptr\[i_5\];/);
    assert.match(text, /y_2\.ptr\[i_5\] = \(float\)\(a_0 \* \(double\)tile_4\.ptr\[\(int64_t\)threadIdx\.x\] \+ \(double\)y_2\.ptr\[i_5\]\);/);
    assert.match(text, /\(double\)atomicAdd\(&y_2\.ptr\[0\], \(float\)0\.1\);/);
  });

  test("module facts: flattened parameters, failure sites, group size", () => {
    const m = generateCuda(stagedSaxpy("f32"));
    assert.deepEqual(m.params.map((p) => `${p.name}:${p.kind}`), ["a_0:f32", "x_1_ptr:ptr", "x_1_len:i64", "y_2_ptr:ptr", "y_2_len:i64", "n_3:i64"]);
    assert.deepEqual(m.sites.messages, [{ cls: "RangeError", msg: "past the end" }]);
    assert.equal(m.usesErrors, true);
    assert.equal(m.kernelName, "nbk_staged_k");
    assert.deepEqual(m.groupSize, [64, 1, 1]);
  });

  test("literals: f32 kernels round constants to binary32; NaN, infinities and -0 are spelled exactly", () => {
    const lit = (x: number, float: "f32" | "f64"): string => {
      b.resetIds();
      const out = b.newVar("out", b.ta("f64"));
      const f = asKernel(b.func({ name: "lit", params: [out], ret: "void", body: [b.store(out, [b.c(0)], b.c(x, "f64"))] }), float);
      return /out_0\.ptr\[0\] = (.*);/.exec(emitCuda(f))![1]!;
    };
    assert.equal(lit(0.1, "f64"), "0.1");
    assert.equal(lit(0.1, "f32"), "(double)0.10000000149011612f");
    assert.equal(lit(1e300, "f32"), "(double)(float)INFINITY");
    assert.equal(lit(-Infinity, "f64"), "-(double)INFINITY");
    assert.equal(lit(NaN, "f64"), "(double)NAN");
    assert.equal(lit(-0, "f32"), "(double)-0.0f");
    assert.equal(lit(3, "f32"), "(double)3.0f");
  });

  test("atomics: float sub adds the negation, float min/max are CAS loops, int atomics on 32-bit words", () => {
    b.resetIds();
    const fa = b.newVar("fa", b.ta("f64")), ia = b.newVar("ia", b.ta("i32")), ua = b.newVar("ua", b.ta("u32")), r = b.newVar("r", "f64"), s = b.newVar("s", "int");
    const body: Stmt[] = [
      b.assign(r, atomic("sub", fa, b.c(0), b.c(1.5))),
      b.assign(r, atomic("min", fa, b.c(1), b.c(2.5))),
      b.assign(r, atomic("exchange", fa, b.c(2), b.c(0.5))),
      b.assign(s, atomic("max", ia, b.c(0), b.c(7))),
      b.assign(s, atomic("and", ua, b.c(0), b.c(12))),
    ];
    const text = emitCuda(asKernel(b.func({ name: "at", params: [fa, ia, ua], ret: "void", body }), "f64"));
    assert.match(text, /r_3 = atomicAdd\(&fa_0\.ptr\[0\], -1\.5\);/);
    assert.match(text, /r_3 = nb_atomic_minmax<false>\(&fa_0\.ptr\[1\], 2\.5\);/);
    assert.match(text, /r_3 = nb_atomic_exch\(&fa_0\.ptr\[2\], 0\.5\);/);
    assert.match(text, /s_4 = \(int64_t\)atomicMax\(\(int \*\)&ia_1\.ptr\[0\], \(int\)7\);/);
    assert.match(text, /s_4 = \(int64_t\)atomicAnd\(\(unsigned \*\)&ua_2\.ptr\[0\], \(unsigned\)12\);/);
  });

  test("gpu.* positions use the compile-time group size", () => {
    b.resetIds();
    const out = b.newVar("out", b.ta("i32"));
    const g = (what: "globalId" | "localId" | "groupId" | "groupSize" | "numGroups", axis: 0 | 1 | 2): Expr => ({ k: "gpu", what, axis, type: "int" });
    const sum = [g("globalId", 1), g("localId", 2), g("groupId", 0), g("groupSize", 1), g("numGroups", 2)].reduce((acc, e) => b.bin("add", acc, e));
    const text = emitCuda(asKernel(b.func({ name: "pos", params: [out], ret: "void", body: [b.store(out, [b.c(0)], sum)] }), "f32", [], [8, 4, 2]));
    assert.match(text, /__launch_bounds__\(64\)/);
    assert.match(text, /\(int64_t\)blockIdx\.y \* 4 \+ threadIdx\.y \+ \(int64_t\)threadIdx\.z \+ \(int64_t\)blockIdx\.x \+ 4 \+ \(int64_t\)gridDim\.z/);
  });
});

describe("what CUDA rejects, as CompileError NB120", () => {
  const rejects = (f: FuncIR, re: RegExp): void => {
    assert.throws(() => generateCuda(f), (e: unknown) => e instanceof CompileError && e.code === "NB120" && re.test(e.message));
  };
  test("bitwise atomics on floats, atomics on 16-bit arrays", () => {
    b.resetIds();
    const fa = b.newVar("fa", b.ta("f32")), sa = b.newVar("sa", b.ta("i16"));
    rejects(asKernel(b.func({ name: "k", params: [fa], ret: "void", body: [b.exprStmt(atomic("and", fa, b.c(0), b.c(1.5)))] }), "f32"), /atomic and on Float32Array elements is not supported \('fa'\)[^]*--> k:3:5/);
    rejects(asKernel(b.func({ name: "k", params: [sa], ret: "void", body: [b.exprStmt(atomic("add", sa, b.c(0), b.c(1)))] }), "f32"), /atomics on Int16Array elements are not supported/);
  });
  test("Math.random, oversized groups and shared memory", () => {
    b.resetIds();
    const out = b.newVar("out", b.ta("f64")), t = b.newVar("t", b.ta("f64"));
    const store = b.store(out, [b.c(0)], b.math("random", []));
    rejects(asKernel(b.func({ name: "k", params: [out], ret: "void", body: [store] }), "f64"), /Math\.random\(\) is not available/);
    const empty = b.func({ name: "k", params: [out], ret: "void", body: [] });
    rejects(asKernel(empty, "f64", [], [64, 32, 1]), /a group of 64 x 32 x 1 threads is larger than a CUDA block/);
    rejects(asKernel(empty, "f64", [], [1, 1, 128]), /larger than a CUDA block/);
    rejects(asKernel(empty, "f64", [{ v: t, size: 8192 }]), /the shared arrays take 65536 bytes/);
  });
});

// ---- launch arguments -------------------------------------------------------------------------------

describe("cuLaunchKernel arguments", () => {
  const buf = (ptr: bigint): DeviceBuffer & { ptr: bigint } => ({ ptr, byteLength: 64, write: async () => {}, read: async () => new ArrayBuffer(0), free: () => {} });
  const params: CudaParam[] = [
    { name: "a", kind: "f32" }, { name: "x_ptr", kind: "ptr" }, { name: "x_len", kind: "i64" },
    { name: "n", kind: "i64" }, { name: "flag", kind: "i32" }, { name: "d", kind: "f64" },
  ];
  const args: LaunchArg[] = [
    { kind: "scalar", type: "f64", value: 0.1 },
    { kind: "array", buffer: buf(0x7f00_1234_5000n), dtype: "f32", length: 300 },
    { kind: "scalar", type: "int", value: -5 },
    { kind: "scalar", type: "bool", value: true },
    { kind: "scalar", type: "f64", value: -2.75 },
  ];
  const ptrOf = (x: DeviceBuffer): bigint => (x as DeviceBuffer & { ptr: bigint }).ptr;

  test("one 8-byte slot per parameter, each value in the kernel's C type", () => {
    const v = packArgs(params, args, ptrOf);
    assert.equal(v.length, 6 * 8);
    assert.equal(v.readFloatLE(0), Math.fround(0.1));
    assert.equal(v.readBigUInt64LE(8), 0x7f00_1234_5000n);
    assert.equal(v.readBigInt64LE(16), 300n);
    assert.equal(v.readBigInt64LE(24), -5n);
    assert.equal(v.readInt32LE(32), 1);
    assert.equal(v.readDoubleLE(40), -2.75);
    assert.deepEqual([...slotAddresses(1000n, 3)], [1000n, 1008n, 1016n]);
  });

  test("the addresses point at the values (read back through koffi)", () => {
    const v = packArgs(params, args, ptrOf);
    const addrs = slotAddresses(koffi.address(v), params.length);
    assert.equal(koffi.decode(addrs[1]!, "uint64_t"), 0x7f00_1234_5000);
    assert.equal(koffi.decode(addrs[3]!, "int64_t"), -5);
    assert.equal(koffi.decode(addrs[5]!, "double"), -2.75);
  });

  test("ints are truncated and saturated as the other targets' entry points do", () => {
    assert.equal(toInt64(NaN), 0n);
    assert.equal(toInt64(-3.7), -3n);
    assert.equal(toInt64(2 ** 70), 2n ** 63n - 1n);
    assert.equal(toInt64(-Infinity), -(2n ** 63n));
  });

  test("mismatched arguments are an error, not a silent misread", () => {
    assert.throws(() => packArgs(params, args.slice(0, 4), ptrOf), /5 parameter values for 6 parameters/);
    assert.throws(() => packArgs(params, [args[1]!, ...args.slice(1)], ptrOf), /does not match \(expected ptr\)/);
  });
});

// ---- the driver, faked ------------------------------------------------------------------------------

/** A driver without a GPU: memory is a map of host buffers; launches are recorded with their decoded arguments. */
function fakeRaw(opts: { init?: number; devices?: number; errorWord?: bigint } = {}) {
  const mem = new Map<bigint, Uint8Array>();
  let next = 0x10000n;
  const launches: { grid: number[]; block: number[]; slots: bigint[] }[] = [];
  const calls: string[] = [];
  const find = (p: bigint): [Uint8Array, number] => {
    for (const [base, m] of mem) if (p >= base && p < base + BigInt(m.length)) return [m, Number(p - base)];
    throw new Error(`fake driver: bad device pointer ${p}`);
  };
  const alloc = (n: number): bigint => { const p = next; next += BigInt(n + 256); mem.set(p, new Uint8Array(n)); return p; };
  const errorWord = alloc(8);
  new DataView(mem.get(errorWord)!.buffer).setBigUint64(0, opts.errorWord ?? 0n, true);
  const ok = (name: string) => (..._: unknown[]): number => { calls.push(name); return 0; };
  const raw: CudaRaw = {
    cuInit: () => opts.init ?? 0,
    cuDriverGetVersion: (o) => { o[0] = 13000; return 0; },
    cuDeviceGetCount: (o) => { o[0] = opts.devices ?? 1; return 0; },
    cuDeviceGet: (o, i) => { o[0] = i; return 0; },
    cuDeviceGetName: (buf) => { buf.write("Fake GPU\0"); return 0; },
    cuDeviceGetAttribute: (o, attr) => { o[0] = attr === 75 ? 9 : 0; return 0; },
    cuDeviceTotalMem_v2: (o) => { o[0] = 2 ** 30; return 0; },
    cuDevicePrimaryCtxRetain: (o) => { o[0] = 1n; return 0; },
    cuCtxSetCurrent: ok("cuCtxSetCurrent"),
    cuModuleLoadData: (o, image) => { calls.push(`load:${image.subarray(0, 4).toString("latin1")}`); o[0] = 2n; return 0; },
    cuModuleGetFunction: (o, _m, name) => { calls.push(`function:${name}`); o[0] = 3n; return 0; },
    cuModuleGetGlobal_v2: (p, n, _m, name) => { calls.push(`global:${name}`); p[0] = errorWord; n[0] = 8; return 0; },
    cuMemAlloc_v2: (o, n) => { o[0] = alloc(n); return 0; },
    cuMemFree_v2: (p) => { calls.push("free"); return mem.delete(p) ? 0 : 1; },
    cuMemsetD8_v2: (p, v, n) => { const [m, at] = find(p); m.fill(v, at, at + n); return 0; },
    cuMemcpyHtoD_v2: (dst, src, n) => { const [m, at] = find(dst); m.set(new Uint8Array(src.buffer, src.byteOffset, n), at); return 0; },
    cuMemcpyDtoH_v2: (dst, src, n) => { const [m, at] = find(src); new Uint8Array(dst.buffer, dst.byteOffset, n).set(m.subarray(at, at + n)); return 0; },
    cuStreamCreate: (o) => { o[0] = 4n; return 0; },
    cuStreamSynchronize: ok("cuStreamSynchronize"),
    cuLaunchKernel: (_f, gx, gy, gz, bx, by, bz, _sh, _st, params) => {
      launches.push({ grid: [gx, gy, gz], block: [bx, by, bz], slots: [...params] });
      return 0;
    },
    cuGetErrorName: (code, o) => { o[0] = code === 100 ? "CUDA_ERROR_NO_DEVICE" : null; return code === 100 ? 0 : 1; },
    cuGetErrorString: (code, o) => { o[0] = code === 100 ? "no CUDA-capable device is detected" : null; return code === 100 ? 0 : 1; },
  };
  return { raw, mem, launches, calls, find };
}

describe("CUDA driver errors", () => {
  test("a failing call names the call, the CUDA error and what to do", () => {
    const d = new CudaDriver(fakeRaw({ init: 100 }).raw);
    assert.throws(() => d.init(), (e: unknown) => e instanceof CudaError && e.code === 100 && e.call === "cuInit" &&
      e.message === 'numbat: CUDA cuInit failed: CUDA_ERROR_NO_DEVICE (100): no CUDA-capable device is detected; the driver sees no CUDA device; run kernels with { target: "gpusim" }');
  });
  test("codes the driver cannot describe fall back to numbat's table", () => {
    assert.deepEqual(describeResult(null, 700), { name: "CUDA_ERROR_ILLEGAL_ADDRESS", description: "no description from the driver" });
    assert.equal(describeResult(null, 12345).name, "CUresult 12345");
    const { raw } = fakeRaw();
    const d = new CudaDriver({ ...raw, cuStreamSynchronize: () => 700 });
    assert.throws(() => d.synchronize(), /cuStreamSynchronize failed: CUDA_ERROR_ILLEGAL_ADDRESS \(700\).*GPU targets do not check bounds/);
  });
  test("unavailableReason says what is missing", async () => {
    assert.match((await createCudaTarget({ raw: () => fakeRaw({ init: 100 }).raw }).unavailableReason())!, /cuInit failed: CUDA_ERROR_NO_DEVICE/);
    assert.equal(await createCudaTarget({ raw: () => fakeRaw({ devices: 0 }).raw }).unavailableReason(), "the NVIDIA driver sees no CUDA device");
    assert.match((await createCudaTarget({ raw: () => { throw new Error("no NVIDIA driver: libcuda.so.1 could not be loaded"); } }).unavailableReason())!, /^no NVIDIA driver/);
  });
  test("without a GPU, kernel(fn, { target: 'cuda' }) fails with the reason and the way out", { skip: gpuMissing ? false : "a CUDA GPU is present" }, async () => {
    const k = kernel(KERNELS[0]!.fn, { target: "cuda" });
    await assert.rejects(k.launch(KERNELS[0]!.grid, ...KERNELS[0]!.args()), (e: Error) =>
      e.message.includes('the "cuda" target is not available here') && e.message.includes(gpuMissing!) && e.message.includes("gpusim"));
  });
});

// ---- corpus kernels: nvcc and ptxas -----------------------------------------------------------------

function lowerCase(c: KernelCase, float: "f32" | "f64"): FuncIR {
  const k = kernel(c.fn, { target: "gpusim", float, scope: c.scope });
  const types = c.args().map((a, i) => typeOfValue(a, `#${i}`, c.name));
  return k.lower(types, gridOf(c).groupSize);
}

describe("CUDA compilation (nvcc, ptxas)", { skip: noToolkit }, () => {
  for (const c of KERNELS)
    for (const float of ["f32", "f64"] as const)
      test(`${c.name} (${float}): nvcc -ptx, then ptxas for sm_80 and sm_90`, () => {
        const { ptx } = compilePtx(generateCuda(lowerCase(c, float)).source, { arch: 80, cacheDir: join(tmp, "ptx") });
        assert.match(ptx, /\.visible \.entry nbk_/);
        if (float === "f32" && c.name === "saxpy") assert.doesNotMatch(ptx, /fma\./, "no contraction of a * x + y");
        for (const sm of [80, 90]) assemble(ptx, sm, ptxas!);
      });

  test("the PTX cache: a hit skips nvcc; a corrupted entry is rebuilt", () => {
    const dir = join(tmp, "cache");
    const src = generateCuda(lowerCase(KERNELS[0]!, "f32")).source;
    const cold = compilePtx(src, { cacheDir: dir });
    const warm = compilePtx(src, { cacheDir: dir });
    assert.equal(cold.cached, false);
    assert.equal(warm.cached, true);
    assert.equal(warm.ptx, cold.ptx);
    const [entry] = readdirSync(dir).filter((n) => n.endsWith(".ptx"));
    writeFileSync(join(dir, entry!), "// truncated");
    const again = compilePtx(src, { cacheDir: dir });
    assert.equal(again.cached, false);
    assert.equal(again.ptx, cold.ptx);
  });

  test("nvcc flags keep IEEE arithmetic", () => {
    assert.ok(NVCC_FLAGS.includes("-fmad=false") && NVCC_FLAGS.includes("-prec-div=true") && NVCC_FLAGS.includes("-ftz=false"));
  });

  test("a whole launch against a fake driver: cubin loaded, arguments in place, errors raised", async () => {
    const fake = fakeRaw({ errorWord: (0n << 8n) | 1n });
    const t = createCudaTarget({ raw: () => fake.raw, address: (buf) => koffi.address(buf) });
    assert.equal(await t.unavailableReason(), null);
    const compiled = await t.compile(stagedSaxpy("f32"));
    assert.match(compiled.text, /nbk_staged_k/);
    assert.ok(fake.calls.includes("load:\x7fELF"), "a cubin for the device is loaded");
    assert.ok(fake.calls.includes("function:nbk_staged_k") && fake.calls.includes("global:nb_error"));
    const x = await t.alloc(16), y = await t.alloc(16);
    await x.write(new Float32Array([1, 2, 3, 4]));
    assert.deepEqual([...new Float32Array(await x.read())], [1, 2, 3, 4]);
    assert.deepEqual([...new Float32Array(await y.read())], [0, 0, 0, 0], "alloc zero-fills");
    const grid = { groups: [3, 1, 1], groupSize: [64, 1, 1] } as const;
    const args: LaunchArg[] = [
      { kind: "scalar", type: "f64", value: 2 },
      { kind: "array", buffer: x, dtype: "f32", length: 4 },
      { kind: "array", buffer: y, dtype: "f32", length: 4 },
      { kind: "scalar", type: "int", value: 4 },
    ];
    // The fake's error word says a thread threw message 0: the launch rejects with the kernel's own error.
    await assert.rejects(compiled.launch(grid, args), (e: Error) => e instanceof RangeError && e.message === "past the end");
    const [l] = fake.launches;
    assert.deepEqual([l!.grid, l!.block], [[3, 1, 1], [64, 1, 1]]);
    assert.equal(koffi.decode(l!.slots[0]!, "float"), 2);
    assert.equal(BigInt(koffi.decode(l!.slots[1]!, "uint64_t")), (x as unknown as { ptr: bigint }).ptr);
    assert.equal(koffi.decode(l!.slots[4]!, "int64_t"), 4);
    assert.equal(koffi.decode(l!.slots[5]!, "int64_t"), 4);
    // The word was cleared: the next launch succeeds.
    await compiled.launch(grid, args);
    await assert.rejects(compiled.launch({ groups: [1, 1, 1], groupSize: [32, 1, 1] }, args), /compiled for groups of 64 x 1 x 1 threads/);
    x.free();
    x.free(); // idempotent
    await assert.rejects(x.read(), /was freed/);
    y.free();
    assert.equal(fake.calls.filter((c) => c === "free").length, 2);
  });
});

// ---- on a GPU: the corpus against the simulator -----------------------------------------------------

/** Kernels whose results depend on libdevice's transcendental functions or on the order of float atomics. */
const TOLERANT = new Set(["mathFns", "dotF64"]);

describe("CUDA on a GPU: the corpus against gpusim", { skip: gpuMissing ?? false }, () => {
  for (const c of KERNELS)
    for (const float of ["f32", "f64"] as const)
      test(`${c.name} (${float})`, async () => {
        const sim = c.args(), dev = c.args();
        // f32 kernels round Float64Array loads to float on CUDA; the simulator rounds only the results (docs/cuda.md).
        const tolerant = TOLERANT.has(c.name) || !!c.unordered || (float === "f32" && dev.some((a) => a instanceof Float64Array));
        await kernel(c.fn, { target: "gpusim", float, scope: c.scope }).launch(c.grid, ...sim);
        await kernel(c.fn, { target: "cuda", float, scope: c.scope }).launch(c.grid, ...dev);
        dev.forEach((d, i) => {
          if (!ArrayBuffer.isView(d)) return;
          const got = d as unknown as ArrayLike<number>, want = sim[i] as ArrayLike<number>;
          for (let k = 0; k < got.length; k++) {
            if (Object.is(got[k], want[k])) continue;
            const tol = tolerant ? (float === "f32" ? 1e-5 : 1e-12) * Math.max(1, Math.abs(want[k]!)) : 0;
            assert.ok(Math.abs(got[k]! - want[k]!) <= tol, `${c.name} ${float}: argument ${i}[${k}]: cuda ${got[k]}, gpusim ${want[k]}`);
          }
        });
      });
});
