// The CUDA runtime's koffi bindings, exercised for real without a GPU: a small C library standing in
// for libcuda.so.1 (NUMBAT_LIBCUDA) keeps "device" memory in host memory and runs two known kernels on
// the CPU when cuLaunchKernel is called. Through the public kernel API in a child process, this checks
// every binding's signature, the out-parameters, argument packing as the C side reads it, copies both
// ways, device arrays, the error word, and the fallback from a rejected cubin to PTX. Needs a C
// compiler and the CUDA toolkit (nvcc, ptxas); skipped with the reason otherwise.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, describe, test } from "node:test";
import { findCompiler } from "../src/backends/native/compiler.js";
import { findNvcc } from "../src/backends/cuda/compiler.js";

const cc = findCompiler();
const skip = !cc ? "no C compiler" : !findNvcc() ? "no nvcc" : false;
if (skip) console.log(`# CUDA stub-driver tests skipped: ${skip}`);

const STUB = String.raw`
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
typedef int CUresult;
static uint64_t err_word = 0;
static const char *kernel_name = "";
static char loaded[8];
CUresult cuInit(unsigned f) { return 0; }
CUresult cuDriverGetVersion(int *v) { *v = 13000; return 0; }
CUresult cuDeviceGetCount(int *n) { *n = 1; return 0; }
CUresult cuDeviceGet(int *d, int i) { *d = i; return i == 0 ? 0 : 101; }
CUresult cuDeviceGetName(char *s, int n, int d) { strncpy(s, "Stub GPU", n); return 0; }
CUresult cuDeviceGetAttribute(int *v, int a, int d) { *v = a == 75 ? 9 : 0; return 0; }
CUresult cuDeviceTotalMem_v2(size_t *m, int d) { *m = (size_t)1 << 30; return 0; }
CUresult cuDevicePrimaryCtxRetain(void **c, int d) { *c = (void *)0x1234; return 0; }
CUresult cuCtxSetCurrent(void *c) { return c == (void *)0x1234 ? 0 : 201; }
CUresult cuModuleLoadData(void **m, const void *image) {
  memcpy(loaded, image, 4);
  if (getenv("STUB_REJECT_CUBIN") && memcmp(image, "\x7f" "ELF", 4) == 0) return 200;
  *m = (void *)0x5678; return 0;
}
CUresult cuModuleGetFunction(void **f, void *m, const char *name) { kernel_name = strdup(name); *f = (void *)0x9abc; return m == (void *)0x5678 ? 0 : 400; }
CUresult cuModuleGetGlobal_v2(uint64_t *p, size_t *n, void *m, const char *name) { if (strcmp(name, "nb_error")) return 500; *p = (uint64_t)(uintptr_t)&err_word; *n = 8; return 0; }
CUresult cuMemAlloc_v2(uint64_t *p, size_t n) { void *q = malloc(n); *p = (uint64_t)(uintptr_t)q; return q ? 0 : 2; }
CUresult cuMemFree_v2(uint64_t p) { free((void *)(uintptr_t)p); return 0; }
CUresult cuMemsetD8_v2(uint64_t p, uint8_t v, size_t n) { memset((void *)(uintptr_t)p, v, n); return 0; }
CUresult cuMemcpyHtoD_v2(uint64_t d, const void *s, size_t n) { memcpy((void *)(uintptr_t)d, s, n); return 0; }
CUresult cuMemcpyDtoH_v2(void *d, uint64_t s, size_t n) { memcpy(d, (void *)(uintptr_t)s, n); return 0; }
CUresult cuStreamCreate(void **s, unsigned f) { *s = (void *)0x77; return 0; }
CUresult cuStreamSynchronize(void *s) { return s == (void *)0x77 ? 0 : 400; }
CUresult cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                        unsigned shared, void *stream, void **p, void **extra) {
  if (f != (void *)0x9abc || stream != (void *)0x77 || extra) return 400;
  int64_t threads = (int64_t)gx * gy * gz * bx * by * bz;
  if (!strcmp(kernel_name, "nbk_saxpy_k")) { /* (float a, float *x, int64 xlen, float *y, int64 ylen, int64 n): a is a float argument */
    float a = *(float *)p[0]; float *x = *(float **)p[1]; float *y = *(float **)p[3]; int64_t n = *(int64_t *)p[5];
    if (*(int64_t *)p[2] != n || *(int64_t *)p[4] != n) return 1;
    for (int64_t i = 0; i < threads && i < n; i++) y[i] = a * x[i] + y[i];
    return 0;
  }
  if (!strcmp(kernel_name, "nbk_thrower_k")) { err_word = (0ull << 8) | 1; return 0; }
  return 500;
}
CUresult cuGetErrorName(int code, const char **s) { *s = code == 200 ? "CUDA_ERROR_INVALID_IMAGE" : "CUDA_ERROR_STUB"; return 0; }
CUresult cuGetErrorString(int code, const char **s) { *s = "stub error"; return 0; }
const char *stub_loaded(void) { return loaded; }
`;

const HERE = dirname(fileURLToPath(import.meta.url));
const INDEX = pathToFileURL(join(HERE, "..", "src", "index.js")).href;

const SCRIPT = `
import { kernel, gpu, toDevice } from ${JSON.stringify(INDEX)};
const saxpy = kernel(function saxpy(a, x, y, n) {
  const i = gpu.globalId.x;
  if (i < n) y[i] = a * x[i] + y[i];
}, { target: "cuda", float: "f32" });
const x = Float32Array.from([1, 2, 3, 4, 5]), y = Float32Array.from([10, 20, 30, 40, 50]);
await saxpy.launch({ groups: 1, groupSize: 64 }, 0.5, x, y, 5);
const dy = await toDevice(Float32Array.from([1, 1, 1, 1, 1]), "cuda");
await saxpy.launch({ groups: 1, groupSize: 64 }, 2.5, x, dy, 5);
await saxpy.launch({ groups: 1, groupSize: 64 }, 2.5, x, dy, 5);
const onDevice = [...await dy.toHost()];
dy.free();
const thrower = kernel(function thrower(out) {
  if (gpu.globalId.x === 3) throw new RangeError("thread 3 gave up");
  out[0] = 1;
}, { target: "cuda" });
let thrown = null;
try { await thrower.launch({ groups: 1, groupSize: 32 }, new Float64Array(1)); } catch (e) { thrown = e.constructor.name + ": " + e.message; }
console.log(JSON.stringify({ y: [...y], onDevice, thrown, code: saxpy.inspect("code").includes("nbk_saxpy_k") }));
`;

describe("CUDA runtime through koffi, against a stub libcuda", { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), "numbat-cuda-stub-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const lib = join(dir, "libcuda-stub.so");
  writeFileSync(join(dir, "stub.c"), STUB);

  const run = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", SCRIPT], {
      encoding: "utf8", timeout: 120_000,
      env: { ...process.env, NUMBAT_LIBCUDA: lib, NUMBAT_CACHE_DIR: join(dir, "cache"), NUMBAT_GPU_SIM: "", ...env },
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { y: number[]; onDevice: number[]; thrown: string; code: boolean };
  };

  test("builds the stub", () => {
    const r = spawnSync(cc!.command, ["-shared", "-fPIC", "-O1", "-o", lib, join(dir, "stub.c")], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  });

  test("launches with host arrays and device arrays; a thread's throw rejects the launch", () => {
    const out = run();
    const f = Math.fround;
    assert.deepEqual(out.y, [1, 2, 3, 4, 5].map((x, i) => f(f(0.5 * x) + [10, 20, 30, 40, 50][i]!)));
    assert.deepEqual(out.onDevice, [6, 11, 16, 21, 26]);
    assert.equal(out.thrown, "RangeError: thread 3 gave up");
    assert.equal(out.code, true);
  });

  test("a cubin the driver rejects falls back to the PTX", () => {
    const out = run({ STUB_REJECT_CUBIN: "1" });
    assert.deepEqual(out.onDevice, [6, 11, 16, 21, 26]);
  });
});
