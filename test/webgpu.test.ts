// The WebGPU target. Everywhere: WGSL printed for hand-built and frontend-lowered kernels, and what the
// target rejects (CompileError NB120). Where an adapter exists (any GPU, or chromium's SwiftShader on
// machines without one: see src/backends/webgpu/device.ts): every WebGPU kernel of the corpus compiles
// to WGSL that the device accepts and gives the simulator's results; JS edge-case semantics (rounding,
// -0, NaN, %, ToInt32, pow) match the simulator bit for bit; device arrays, transfers, auto-offload.
//
// Float tolerance (docs/webgpu.md#the-float32-contract): + - * and the helpers numbat writes are exact;
// `/`, sqrt and reductions are compared within 1e-5 relative (WGSL allows 2.5 ulp for `/` and lets a
// driver fuse a*b+c); transcendental functions within 2^-11 (WGSL's bound for sin and cos). Ints exact.
//
// No adapter: these tests fail when NUMBAT_REQUIRE_WEBGPU=1 (CI), and are skipped, with the reason, otherwise.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CompileError, gpu, jit, kernel, prange, toDevice } from "../src/index.js";
import * as b from "../src/ir/builder.js";
import type { Expr, FuncIR, Stmt, Var } from "../src/ir/nodes.js";
import { typeOfValue } from "../src/runtime/signature.js";
import { webgpuTarget, wgslError } from "../src/backends/webgpu/target.js";
import { emitWgsl } from "../src/backends/webgpu/wgsl.js";
import { KERNELS, gridOf, type KernelCase } from "./corpus/kernels.js";
import { matmulTiled, TILE } from "../examples/gpu-matmul.js";

const missing = await webgpuTarget.unavailableReason();
if (missing && process.env.NUMBAT_REQUIRE_WEBGPU === "1") throw new Error(`NUMBAT_REQUIRE_WEBGPU=1 but WebGPU is unavailable: ${missing}`);
if (missing) console.log(`# WebGPU device tests skipped: ${missing}`);
const skip = missing ? `no WebGPU adapter: ${missing}` : false;

// ---- hand-built kernels ----------------------------------------------------------------------------

function asKernel(f: FuncIR, shared: { v: Var; size: number }[] = [], groupSize: [number, number, number] = [64, 1, 1], float: "f32" | "f64" = "f32"): FuncIR {
  const hidden = new Set(shared.map((s) => s.v));
  return { ...f, locals: f.locals.filter((v) => !hidden.has(v)), kernel: { groupSize, float, shared } };
}
const gid: Expr = { k: "gpu", what: "globalId", axis: 0, type: "int" };
const lid: Expr = { k: "gpu", what: "localId", axis: 0, type: "int" };

function saxpyIR(): FuncIR {
  b.resetIds();
  const a = b.newVar("a", "f64"), x = b.newVar("x", b.ta("f32")), y = b.newVar("y", b.ta("f32")), n = b.newVar("n", "int"), i = b.newVar("i", "int");
  return asKernel(b.func({
    name: "saxpy", params: [a, x, y, n], ret: "void",
    body: [b.assign(i, gid), b.if_(b.bin("lt", b.v(i), b.v(n)), [b.store(y, [b.v(i)], b.bin("add", b.bin("mul", b.v(a), b.load(x, [b.v(i)])), b.load(y, [b.v(i)])))])],
  }));
}

/** The kernel lowered by numbat's frontend for these arguments, as the kernel API compiles it. */
function lowered(fn: Function, args: unknown[], groupSize: [number, number, number] = [64, 1, 1], scope?: Record<string, unknown>): FuncIR {
  const k = kernel(fn, { target: "gpusim", float: "f32", scope });
  return k.lower(args.map((a, i) => typeOfValue(a, `#${i}`, k.name)), groupSize);
}

describe("WGSL emission", () => {
  test("saxpy: storage buffers by access, scalars in one uniform struct, builtins, workgroup size, a local set once is a let", () => {
    assert.equal(emitWgsl(saxpyIR()), `// numbat kernel saxpy: WGSL compute shader (float32)

struct NbParams {
  a_0: f32,
  n_3: i32,
}

@group(0) @binding(0) var<storage, read> x_1: array<f32>;
@group(0) @binding(1) var<storage, read_write> y_2: array<f32>;
@group(0) @binding(2) var<uniform> nb_p: NbParams;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(global_invocation_id) nb_gid: vec3<u32>) {
  let a_0 = nb_p.a_0;
  let n_3 = nb_p.n_3;
  let i_4 = i32(nb_gid.x);
  if (i_4 < n_3) {
    y_2[i_4] = a_0 * x_1[i_4] + y_2[i_4];
  }
}
`);
  });

  test("atomics: array<atomic<i32>> with atomicLoad/atomicStore for the other accesses; u32 elements convert", () => {
    b.resetIds();
    const h = b.newVar("h", b.ta("i32")), u = b.newVar("u", b.ta("u32")), old = b.newVar("old", b.ta("i32"));
    const at = (op: "add" | "max", arr: Var, x: Expr): Expr => ({ k: "atomic", op, arr, idx: [b.c(0)], x, type: "int", loc: b.loc(2, 3) });
    const f = asKernel(b.func({
      name: "atomics", params: [h, u, old], ret: "void",
      body: [
        b.store(old, [gid], at("add", h, b.load(h, [b.c(1)]))),
        b.exprStmt(at("max", u, b.c(5))),
        b.store(h, [b.c(2)], b.load(u, [b.c(3)])),
      ],
    }));
    const w = emitWgsl(f);
    assert.match(w, /var<storage, read_write> h_0: array<atomic<i32>>;/);
    assert.match(w, /var<storage, read_write> u_1: array<atomic<u32>>;/);
    assert.match(w, /var<storage, read_write> old_2: array<i32>;/);
    // the load inside the atomic's operand is evaluated first, as in JS, then the atomic
    assert.match(w, /let nb_t0 = atomicAdd\(&h_0\[0i\], atomicLoad\(&h_0\[1i\]\)\);\n\s+old_2\[i32\(nb_gid.x\)\] = nb_t0;/);
    assert.match(w, /let nb_t1 = i32\(atomicMax\(&u_1\[0i\], u32\(5i\)\)\);/);
    assert.match(w, /atomicStore\(&h_0\[2i\], i32\(atomicLoad\(&u_1\[3i\]\)\)\);/);
  });

  test("shared arrays are var<workgroup>; a barrier adds storageBarrier only where threads share a storage array", () => {
    b.resetIds();
    const x = b.newVar("x", b.ta("f32")), out = b.newVar("out", b.ta("f32")), t = b.newVar("t", b.ta("f32"));
    const f = asKernel(b.func({
      name: "stage", params: [x, out], ret: "void",
      body: [b.store(t, [lid], b.load(x, [gid])), { k: "barrier" }, b.store(out, [gid], b.load(t, [b.bin("sub", b.c(63), lid)]))],
    }), [{ v: t, size: 64 }]);
    const w = emitWgsl(f);
    assert.match(w, /var<workgroup> t_2: array<f32, 64>;/);
    assert.match(w, /@builtin\(global_invocation_id\) nb_gid: vec3<u32>, @builtin\(local_invocation_id\) nb_lid: vec3<u32>/);
    assert.match(w, /^\s+workgroupBarrier\(\);$/m);
    assert.doesNotMatch(w, /storageBarrier/);
    assert.doesNotMatch(w, /var t_2/); // not a local
  });

  test("labelled break and continue of an outer loop go through a flag", () => {
    const w = emitWgsl(lowered(KERNELS.find((k) => k.name === "controlFlow")!.fn, [new Int32Array(4), new Int32Array(4), true]));
    assert.match(w, /var nb_j\d+: i32;/);
    assert.match(w, /nb_j(\d+) = 2;\n\s+break;/); // continue outer, from the inner loop
    assert.match(w, /nb_j(\d+) = 1;\n\s+break;/); // break outer
    assert.match(w, /if \(nb_j\d+ == 2\) \{ nb_j\d+ = 0; continue; \}/);
    assert.match(w, /if \(nb_j\d+ == 1\) \{ nb_j\d+ = 0; break; \}/);
    assert.match(w, /continuing \{\n\s+break if !\(/); // the do-while's post-test
  });

  test("kernel index arithmetic stays i32 (a GPU int), however large the thread's position could be", () => {
    const w = emitWgsl(lowered(matmulTiled, [new Float32Array(1024), new Float32Array(1024), new Float32Array(1024), 32], [TILE, TILE, 1], { TILE }));
    assert.doesNotMatch(w, /nb_f2idx|f32\(row/);
    assert.match(w, /A_0\[row_\d+ \* n_\d+ \+ t_\d+ \+ tx_\d+\]/);
  });

  test("the general loop: pre-test, body, update and post-test in continuing; a trap in the update needs the one-pass block", () => {
    b.resetIds();
    const out = b.newVar("out", b.ta("i32")), i = b.newVar("i", "int"), d = b.newVar("d", "int");
    const mk = (update: Stmt[]) => asKernel(b.func({
      name: "general", params: [out, d], ret: "void",
      body: [b.assign(i, b.c(0)), b.loop((L) => ({
        pre: b.bin("lt", b.v(i), b.c(100)),
        body: [b.if_(b.bin("eq", b.bin("bitand", b.v(i), b.c(1)), b.c(0)), [b.cont(L)]), b.store(out, [b.v(i)], b.v(i))],
        update,
        post: b.bin("ne", b.v(i), b.c(50)),
      }))],
    }));
    const plain = emitWgsl(mk([b.assign(i, b.bin("add", b.v(i), b.c(3)))]));
    assert.match(plain, /loop \{\n\s+if \(!\(i_1 < 100i\)\) \{ break; \}[^]*continue;[^]*continuing \{\n\s+i_1 = i_1 \+ 3i;\n\s+break if !\(i_1 != 50i\);/);
    const trap = emitWgsl(mk([b.assign(i, b.bin("add", b.v(i), b.bin("mod", b.c(7), b.v(d))))]));
    assert.doesNotMatch(trap, /continuing/);
    assert.match(trap, /loop \{\n\s+if \(!\(i_1 < 100i\)\) \{ break; \}\n\s+loop \{[^]*break;\n\s+\}\n\s+if \(d_2 == 0i\) \{ return; \}\n\s+i_1 = i_1 \+ 7i % d_2;\n\s+if \(!\(i_1 != 50i\)\) \{ break; \}/);
  });

  test("integer % by a variable stops the thread when the divisor is 0 (JS throws), hoisted in evaluation order", () => {
    b.resetIds();
    const a = b.newVar("a", b.ta("i32")), out = b.newVar("out", b.ta("i32")), i = b.newVar("i", "int");
    const at = (k: number) => b.load(a, [b.bin("add", b.v(i), b.c(k))]);
    const w = emitWgsl(asKernel(b.func({
      name: "rem", params: [a, out], ret: "void",
      body: [b.assign(i, gid), b.store(out, [b.v(i)], b.bin("add", b.load(a, [b.v(i)]), b.bin("mod", at(1), at(2))))],
    })));
    assert.match(w, /let nb_t0 = a_0\[i_2\];\n\s+let nb_t1 = a_0\[i_2 \+ 2i\];\n\s+if \(nb_t1 == 0i\) \{ return; \}\n\s+out_1\[i_2\] = nb_t0 \+ a_0\[i_2 \+ 1i\] % nb_t1;/);
  });

  test("lazy operands that act become ifs; pure ones become select", () => {
    b.resetIds();
    const h = b.newVar("h", b.ta("i32")), out = b.newVar("out", b.ta("i32")), c = b.newVar("c", "bool");
    const at: Expr = { k: "atomic", op: "add", arr: h, idx: [b.c(0)], x: b.c(1), type: "int", loc: b.loc(1, 1) };
    const f = asKernel(b.func({
      name: "lazy", params: [h, out, c], ret: "void",
      body: [b.store(out, [b.c(0)], b.cond(b.v(c), at, b.c(-1))), b.store(out, [b.c(1)], b.cond(b.v(c), b.c(2), b.c(3)))],
    }));
    const w = emitWgsl(f);
    assert.match(w, /var nb_t0: i32;\n\s+if \(c_2\) \{\n\s+let nb_t1 = atomicAdd\(&h_0\[0i\], 1i\);\n\s+nb_t0 = nb_t1;\n\s+\} else \{\n\s+nb_t0 = -1i;\n\s+\}/);
    assert.match(w, /out_1\[1i\] = select\(3i, 2i, c_2\);/);
    assert.match(w, /let c_2 = nb_p.c_2 != 0u;/); // bool parameters travel as u32
  });

  test("constants: non-finite ones are built at run time; operations WGSL would reject at creation run at run time", () => {
    const w = emitWgsl(lowered(function consts(out: Float32Array, k: Int32Array) {
      out[0] = Infinity;
      out[1] = -Infinity;
      out[2] = NaN;
      out[3] = 1e30 * 1e30; // overflows f32: a creation-time error if WGSL folded it
      out[4] = 0.1;
      out[5] = -0;
      k[0] = 2147483647 + 1; // wraps on the device (ints are i32)
    }, [new Float32Array(6), new Int32Array(1)]));
    assert.match(w, /nb_f32\(0x7f800000u\)/);
    assert.match(w, /nb_f32\(0xff800000u\)/);
    assert.match(w, /nb_f32\(0x7fc00000u\)/);
    assert.match(w, /0\.10000000149011612f/);
    assert.match(w, /-0\.0f/);
    assert.doesNotMatch(w, /1e\+30f \* 1\.0000000150474662e\+30f/);
  });

  test("Math functions with JS semantics use helpers: round (ties up), sign (-0, NaN), min/max (NaN, -0), % (exact), pow", () => {
    const w = emitWgsl(lowered(function m(x: Float32Array) {
      x[0] = Math.round(x[0]!) + Math.sign(x[1]!) + Math.min(x[2]!, x[3]!, x[4]!) + Math.max(x[2]!, 1) + (x[5]! % x[6]!) + x[7]! ** x[8]!;
      x[1] = Math.hypot(x[0]!, x[1]!, x[2]!) + Math.clz32(x[3]! | 0) + (x[4]! >>> 3);
    }, [new Float32Array(9)]));
    for (const h of ["nb_round", "nb_sign", "nb_min", "nb_max", "nb_fmod", "nb_pow", "nb_hypot3", "nb_toint32"]) assert.match(w, new RegExp(`fn ${h}\\(`), h);
    assert.match(w, /let (nb_t\d+) = x_0\[2i\];[\s\S]*nb_min\(\1, nb_min\(x_0\[3i\], x_0\[4i\]\)\)[\s\S]*nb_max\(\1, 1.0f\)/); // x[2], read twice: loaded once
    assert.match(w, /countLeadingZeros/);
  });

  test("an element a statement reads twice is loaded once, except in lazy operands and next to atomics", () => {
    const w = emitWgsl(lowered(function ew(x: Float32Array, y: Float32Array, z: Float32Array, n: number) {
      const i = gpu.globalId.x;
      if (i < n) z[i] = x[i]! * y[i]! + 2 * x[i]!;
      if (i < n) z[i] = i > 0 ? y[i]! * y[i]! : 0;
    }, [new Float32Array(4), new Float32Array(4), new Float32Array(4), 4]));
    assert.match(w, /let (nb_t\d+) = x_0\[i_\d+\];\n\s*z_2\[i_\d+\] = \1 \* y_1\[i_\d+\] \+ 2.0f \* \1;/);
    assert.match(w, /select\(0.0f, y_1\[i_\d+\] \* y_1\[i_\d+\], /);
    const a = emitWgsl(lowered(function at(c: Int32Array, x: Int32Array) {
      x[0] = x[1]! + gpu.atomicAdd(c, 0, 1) + x[1]!;
    }, [new Int32Array(1), new Int32Array(2)]));
    assert.match(a, /x_1\[1i\] \+ .*atomicAdd|let nb_t0 = x_1\[1i\];\s*let nb_t1 = atomicAdd/);
    assert.equal(a.match(/x_1\[1i\]/g)!.length, 2);
  });

  test("WGSL precedence: bitwise and shift operands are parenthesised as WGSL requires", () => {
    const w = emitWgsl(lowered(function bits(a: Int32Array) {
      a[0] = ((a[1]! + a[2]!) << 3) & (a[3]! | a[4]! | a[5]!) ^ (a[6]! * 2 >> 1);
      a[1] = (a[2]! & 1) === 0 ? 1 : 0;
    }, [new Int32Array(8)]));
    assert.match(w, /a_0\[0i\] = \(\(\(a_0\[1i\] \+ a_0\[2i\]\) << 3u\) & \(a_0\[3i\] \| a_0\[4i\] \| a_0\[5i\]\)\) \^ \(\(a_0\[6i\] \* 2i\) >> 1u\);/);
    assert.match(w, /\(a_0\[2i\] & 1i\) == 0i/);
  });
});

describe("what WebGPU rejects (CompileError NB120, before any device is used)", () => {
  const rejects = (fn: Function, args: unknown[], re: RegExp, float: "f32" | "f64" = "f32") => {
    const k = kernel(fn, { target: "gpusim", float });
    const ir = k.lower(args.map((a, i) => typeOfValue(a, `#${i}`, k.name)), [64, 1, 1]);
    assert.throws(() => emitWgsl(ir), (e: unknown) => e instanceof CompileError && e.code === "NB120" && re.test(e.message), String(re));
  };
  test("float64 kernels and Float64Array arguments: WGSL has no f64", () => {
    rejects(function f(a: Float32Array) { a[0] = 1; }, [new Float32Array(1)], /WGSL has no 64-bit floats/, "f64");
    rejects(function f(a: Float64Array) { a[0] = 1; }, [new Float64Array(1)], /Float64Array[^]*WGSL has no 64-bit floats/);
  });
  test("atomics on floats, Math.random, 8- and 16-bit arrays", () => {
    rejects(function f(a: Float32Array) { gpu.atomicAdd(a, 0, 1); }, [new Float32Array(1)], /atomics work on 32-bit integers only/);
    rejects(function f(a: Float32Array) { a[0] = Math.random(); }, [new Float32Array(1)], /Math\.random/);
    rejects(function f(a: Int16Array) { a[0] = 1; }, [new Int16Array(1)], /Int16Array[^]*32-bit elements/);
    rejects(function f(a: Uint8Array) { a[0] = 1; }, [new Uint8Array(1)], /Uint8Array/);
  });
  test("a device error names the WGSL line it points at", () => {
    const e = wgslError(saxpyIR(), "a\nb\n  let q = 1;\n", [{ message: "unresolved value 'q'", lineNum: 3, linePos: 7 }], "");
    assert.equal(e.code, "NB120");
    assert.match(e.message, /unresolved value 'q'\n  WGSL line 3: let q = 1;/);
    assert.match(e.message, /numbat bug/);
    const u = wgslError(saxpyIR(), "", [{ message: "'workgroupBarrier' must only be called from uniform control flow", lineNum: 0, linePos: 0 }], "");
    assert.equal(u.code, "NB121");
  });
});

// ---- on the device ---------------------------------------------------------------------------------

/** Tolerance for floats: see the header. */
function close(want: number, got: number, rel: number): boolean {
  if (Object.is(want, got)) return true;
  if (Number.isNaN(want) || Number.isNaN(got)) return false;
  if (!Number.isFinite(want) || !Number.isFinite(got)) return false;
  return Math.abs(want - got) <= rel * Math.max(1, Math.abs(want));
}

function compareArgs(name: string, want: unknown[], got: unknown[], rel: number): void {
  want.forEach((w, i) => {
    if (!ArrayBuffer.isView(w)) return;
    const a = w as unknown as ArrayLike<number>, g = got[i] as ArrayLike<number>;
    const floats = w instanceof Float32Array;
    for (let j = 0; j < a.length; j++) {
      const ok = floats ? close(a[j]!, g[j]!, rel) : a[j] === g[j];
      if (!ok) assert.fail(`${name}: argument ${i}, element ${j}: simulator ${a[j]}, WebGPU ${g[j]}${floats ? ` (tolerance ${rel} relative)` : " (ints are exact)"}`);
    }
  });
}

const TRANSCENDENTAL = /Math\.(sin|cos|tan|exp|log|pow|atan|tanh|sinh|cosh|cbrt|hypot)/;

describe("corpus on WebGPU: WGSL the device accepts, the simulator's results", { skip }, () => {
  const webgpu = KERNELS.filter((c) => c.webgpu);
  for (const c of webgpu) {
    test(c.name, async () => {
      const want = c.args(), got = c.args();
      await kernel(c.fn, { target: "gpusim", float: "f32", scope: c.scope }).launch(c.grid, ...want);
      const k = kernel(c.fn, { target: "webgpu", scope: c.scope });
      await k.launch(c.grid, ...got); // compile: createShaderModule + getCompilationInfo + pipeline, errors are CompileErrors
      assert.match(k.inspect("code"), /@compute @workgroup_size/);
      compareArgs(c.name, want, got, TRANSCENDENTAL.test(c.fn.toString()) ? 2 ** -11 : 1e-5);
    });
  }
  test("every compiled kernel's WGSL is accepted with no warnings either", async () => {
    const { acquireDevice } = await import("../src/backends/webgpu/device.js");
    const { device } = await acquireDevice();
    for (const c of webgpu) {
      const { groupSize } = gridOf(c);
      const ir = lowered(c.fn, c.args(), groupSize, c.scope);
      const code = emitWgsl(ir);
      const info = await device.createShaderModule({ code }).getCompilationInfo();
      assert.deepEqual(info.messages.map((m) => `${m.type} ${m.lineNum}: ${m.message}`), [], `${c.name}:\n${code}`);
    }
  });
  for (const c of KERNELS.filter((k: KernelCase) => !k.webgpu)) {
    test(`${c.name} is rejected with a reason`, async () => {
      await assert.rejects(kernel(c.fn, { target: "webgpu", scope: c.scope }).launch(c.grid, ...c.args()),
        (e: unknown) => e instanceof CompileError && e.code === "NB120" && /WGSL/.test(e.message));
    });
  }
});

// Edge inputs for the JS semantics tests: each thread takes one (a, b) pair.
const A = [0, -0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999997, -0.49999997, 7, -7, 5.75, -5.75, 123.456, 3e9, -3e9, 16777216, 1e20, -1e20, NaN, Infinity, -Infinity, 3.4e38];
const B = [3, -3, 0.5, 2, -2, 0, -0, 1.25, NaN, Infinity, -Infinity, 1e-3];
const pairs = A.flatMap((a) => B.map((b) => [a, b] as const));

async function simAndGpu(fn: Function, args: () => unknown[], groups: number, scope?: Record<string, unknown>): Promise<[unknown[], unknown[]]> {
  const want = args(), got = args();
  await kernel(fn, { target: "gpusim", float: "f32", scope }).launch({ groups, groupSize: 64 }, ...want);
  await kernel(fn, { target: "webgpu", scope }).launch({ groups, groupSize: 64 }, ...got);
  return [want, got];
}

describe("JS semantics on WebGPU, against the simulator", { skip }, () => {
  const xs = () => new Float32Array(pairs.map((p) => p[0]));
  const ys = () => new Float32Array(pairs.map((p) => p[1]));
  const groups = Math.ceil(pairs.length / 64);

  test("exact: + - * fround, round, sign, floor/ceil/trunc/abs, min/max, % (fmod), |0, comparisons, predicates", async () => {
    const K = 20;
    const [want, got] = await simAndGpu(function exact(x: Float32Array, y: Float32Array, out: Float32Array) {
      const i = gpu.globalId.x;
      if (i >= x.length) return;
      const a = x[i]!, b = y[i]!, o = i * 20;
      out[o] = a + b;
      out[o + 1] = a - b;
      out[o + 2] = a * b;
      out[o + 3] = Math.round(a);
      out[o + 4] = Math.sign(a);
      out[o + 5] = Math.floor(a) + Math.ceil(b);
      out[o + 6] = Math.trunc(a) - Math.abs(b);
      out[o + 7] = Math.min(a, b);
      out[o + 8] = Math.max(a, b);
      out[o + 9] = a % b;
      out[o + 10] = a | 0;
      out[o + 11] = (a | 0) ^ (b | 0);
      out[o + 12] = a < b ? 1 : a === b ? 2 : a > b ? 3 : 4;
      out[o + 13] = Number.isNaN(a) ? 1 : Number.isFinite(a) ? 2 : 3;
      out[o + 14] = Number.isInteger(a) ? 1 : 0;
      out[o + 15] = Math.fround(a) + Math.min(a, 0) * Math.max(b, -0);
      out[o + 16] = a && b;
      out[o + 17] = a || b;
      out[o + 18] = Math.max(Math.min(a, b), -0);
      out[o + 19] = Math.pow(a, 0) + Math.pow(b, 2);
    }, () => [xs(), ys(), new Float32Array(pairs.length * K)], groups);
    compareArgs("exact", want, got, 0);
  });

  test("ints: | & ^ << >> >>>, %, imul, clz32, u32 elements and remainders", async () => {
    const ia = [0, 1, -1, 7, -7, 31, 32, 33, 2147483647, -2147483648, 123456789, -98765, 65535, 1 << 30];
    const ib = [1, 3, -3, 31, 32, 33, 0, 5];
    const ps = ia.flatMap((a) => ib.map((b) => [a, b] as const));
    const [want, got] = await simAndGpu(function ints(x: Int32Array, y: Int32Array, u: Uint32Array, out: Int32Array, uo: Uint32Array) {
      const i = gpu.globalId.x;
      if (i >= x.length) return;
      const a = x[i]!, b = y[i]!, o = i * 12;
      out[o] = a | b;
      out[o + 1] = a & b;
      out[o + 2] = a ^ b;
      out[o + 3] = a << b;
      out[o + 4] = a >> b;
      out[o + 5] = (a >>> b) | 0;
      out[o + 6] = Math.imul(a, b);
      out[o + 7] = Math.clz32(a);
      out[o + 8] = b === 0 ? -1 : a % b;
      out[o + 9] = (a + b) | 0;
      out[o + 10] = (u[i]! % 1000) + ((a >>> 0) % 7);
      out[o + 11] = ~a;
      uo[i] = u[i]! + (a >>> 1);
    }, () => [new Int32Array(ps.map((p) => p[0])), new Int32Array(ps.map((p) => p[1])), new Uint32Array(ps.map((p) => (p[0] >>> 0) ^ 0x80000000)), new Int32Array(ps.length * 12), new Uint32Array(ps.length)], Math.ceil(ps.length / 64));
    compareArgs("ints", want, got, 0);
  });

  test("transcendental functions, division and sqrt within tolerance", async () => {
    const K = 14;
    const vals = Array.from({ length: 256 }, (_, k) => -3 + (6 * k) / 255);
    const [want, got] = await simAndGpu(function tr(x: Float32Array, out: Float32Array) {
      const i = gpu.globalId.x;
      if (i >= x.length) return;
      const a = x[i]!, o = i * 14;
      out[o] = Math.sin(a);
      out[o + 1] = Math.cos(a);
      out[o + 2] = Math.exp(a);
      out[o + 3] = Math.log(Math.abs(a) + 0.5);
      out[o + 4] = Math.atan(a) + Math.atan2(a, 0.75);
      out[o + 5] = Math.tanh(a) + Math.sinh(a) + Math.cosh(a);
      out[o + 6] = Math.expm1(a * 1e-3) * 1000;
      out[o + 7] = Math.log1p(a * 1e-3) * 1000;
      out[o + 8] = Math.cbrt(a * 7);
      out[o + 9] = Math.hypot(a, 3, 1e-3);
      out[o + 10] = Math.pow(Math.abs(a) + 0.5, 2.5);
      out[o + 11] = Math.log2(Math.abs(a) + 1) + Math.log10(Math.abs(a) + 1);
      out[o + 12] = 1 / (a + 3.5);
      out[o + 13] = Math.sqrt(Math.abs(a));
    }, () => [new Float32Array(vals), new Float32Array(vals.length * K)], vals.length / 64);
    compareArgs("transcendental", want, got, 2 ** -11);
  });

  test("pow's special cases are JS's", async () => {
    const px = [0, -0, 1, -1, 2, -2, 0.5, NaN, Infinity, -Infinity, -8];
    const py = [0, -0, 1, -1, 2, 3, -3, 0.5, NaN, Infinity, -Infinity, 1 / 3];
    const ps = px.flatMap((a) => py.map((b) => [a, b] as const));
    const [want, got] = await simAndGpu(function p(x: Float32Array, y: Float32Array, out: Float32Array) {
      const i = gpu.globalId.x;
      if (i < x.length) out[i] = x[i]! ** y[i]!;
    }, () => [new Float32Array(ps.map((p) => p[0])), new Float32Array(ps.map((p) => p[1])), new Float32Array(ps.length)], Math.ceil(ps.length / 64));
    compareArgs("pow", want, got, 1e-6);
  });

  test("a thread whose integer % has a zero divisor stops there (the others finish)", async () => {
    const k = kernel(function stop(a: Int32Array, out: Int32Array) {
      const i = gpu.globalId.x;
      out[i] = 1;
      out[i] = 10 % a[i]!;
    }, { target: "webgpu" });
    const out = new Int32Array(4);
    await k.launch({ groups: 1, groupSize: 4 }, new Int32Array([3, 0, 4, 0]), out);
    assert.deepEqual([...out], [1, 1, 2, 1]);
  });
});

describe("device arrays, transfers and launches", { skip }, () => {
  test("device arrays stay on the device between launches; toHost() is a promise", async () => {
    const inc = kernel(function inc(x: Float32Array, n: number) {
      const i = gpu.globalId.x;
      if (i < n) x[i] = x[i]! + 1.5;
    }, { target: "webgpu" });
    const host = new Float32Array(100).map((_, i) => i);
    const dx = await toDevice(host, "webgpu");
    for (let r = 0; r < 3; r++) await inc.launch({ groups: 2, groupSize: 64 }, dx, 100);
    assert.deepEqual([...host].slice(0, 3), [0, 1, 2]); // the host copy is untouched
    const back = dx.toHost();
    assert.ok(back instanceof Promise);
    assert.deepEqual([...(await back)], [...host].map((v) => v + 4.5));
    await dx.write(new Float32Array(100));
    assert.equal((await dx.toHost())[7], 0);
    dx.free();
    dx.free(); // idempotent
    await assert.rejects(inc.launch({ groups: 2, groupSize: 64 }, dx, 100), /freed/);
  });

  test("buffers: sizes that are not multiples of 4, empty arrays, bounds of writes", async () => {
    const buf = await webgpuTarget.alloc(10);
    await buf.write(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    assert.deepEqual([...new Uint8Array(await buf.read())], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await buf.write(new Uint8Array([42, 43]), 8);
    assert.deepEqual([...new Uint8Array(await buf.read())].slice(6), [7, 8, 42, 43]);
    await assert.rejects(buf.write(new Uint8Array(4), 2), /multiples of 4/);
    await assert.rejects(buf.write(new Uint8Array(8), 4), /outside/);
    buf.free();
    const empty = await webgpuTarget.alloc(0);
    assert.equal((await empty.read()).byteLength, 0);
    const len = kernel(function len(a: Float32Array, out: Int32Array) { out[0] = a.length; }, { target: "webgpu" });
    const out = new Int32Array(1).fill(-1);
    await len.launch({ groups: 1, groupSize: 1 }, new Float32Array(0), out);
    assert.equal(out[0], 0);
  });

  test("the same device array twice where the kernel writes one is a clear error", async () => {
    const k = kernel(function cp(a: Float32Array, b: Float32Array) { b[gpu.globalId.x] = a[gpu.globalId.x]!; }, { target: "webgpu" });
    const d = await toDevice(new Float32Array(64), "webgpu");
    await assert.rejects(k.launch({ groups: 1, groupSize: 64 }, d, d), /same device array[^]*WebGPU does not allow/);
    d.free();
  });

  test("launch errors: a grid above the device's limit; a group bigger than the device allows", async () => {
    const k = kernel(function one(a: Int32Array) { a[0] = 1; }, { target: "webgpu" });
    await assert.rejects(k.launch({ groups: 1e6, groupSize: 1 }, new Int32Array(1)), /exceeds .*limit of 65535/);
    await assert.rejects(k.launch({ groups: 1, groupSize: [64, 64] }, new Int32Array(1)), (e: unknown) => e instanceof CompileError && /4096 threads/.test(e.message));
  });

  test("a barrier that only some threads reach is a CompileError (NB121)", async () => {
    const k = kernel(function bad(a: Float32Array) {
      const t = gpu.shared(64, "float32");
      if (gpu.localId.x < 32) {
        t[gpu.localId.x] = a[gpu.globalId.x]!;
        gpu.barrier();
      }
      a[gpu.globalId.x] = t[63 - gpu.localId.x]!;
    }, { target: "webgpu" });
    await assert.rejects(k.launch({ groups: 1, groupSize: 64 }, new Float32Array(64)),
      (e: unknown) => e instanceof CompileError && e.code === "NB121" && /every thread/.test(e.message));
  });

  test("auto-offload: a prange nest compiled for webgpu gives the simulator's results", async () => {
    function rowScale(A: Float32Array, s: Float32Array, out: Float32Array, n: number, m: number) {
      for (const i of prange(n)) for (const j of prange(m)) out[i * m + j] = A[i * m + j]! * s[i]! + j;
    }
    const n = 37, m = 19;
    const A = Float32Array.from({ length: n * m }, (_, k) => Math.sin(k)), s = Float32Array.from({ length: n }, (_, k) => k / 3);
    const want = new Float32Array(n * m), got = new Float32Array(n * m);
    await jit(rowScale, { target: "gpusim", float: "f32" })(A, s, want, n, m);
    const g = jit(rowScale, { target: "webgpu" });
    await g(A, s, got, n, m);
    compareArgs("rowScale", [want], [got], 0);
    assert.match(g.inspect("code"), /@workgroup_size\(16, 16, 1\)/);
  });

  // Last: it replaces the process's device.
  test("after a device loss: old device arrays say so, kernels rebuild on a new device", async () => {
    const { acquireDevice } = await import("../src/backends/webgpu/device.js");
    const dbl = kernel(function dbl(x: Int32Array) { x[gpu.globalId.x] *= 2; }, { target: "webgpu" });
    const x = new Int32Array(64).fill(3);
    await dbl.launch({ groups: 1, groupSize: 64 }, x);
    const old = await toDevice(new Int32Array(64), "webgpu");
    const before = await acquireDevice();
    before.device.destroy();
    await before.device.lost;
    await assert.rejects(old.toHost(), /device was lost \(destroyed/);
    await dbl.launch({ groups: 1, groupSize: 64 }, x);
    assert.equal(x[5], 12);
    assert.notEqual(await acquireDevice(), before);
    await assert.rejects(dbl.launch({ groups: 1, groupSize: 64 }, old), /device was lost/);
  });
});
