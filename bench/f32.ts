// Benchmark: float32 matrix product, the seed's loop order on flat arrays, side by side in one process:
//   numbat f32 (exact JS semantics) · numbat f32 with fastmath · numbat f32 under the float32 model ·
//   numbat f64 · jax-js's wasm matmul in float32 and float64 (the yardstick: jax-js computes in f32 with
//   its own SIMD kernels).
//
//   npm run bench:f32                          N = 1024, threads 1 and 2
//   node dist/bench/f32.js --n 512 --threads 2
//
// Every numbat result is checked: the default and fastmath rows against plain JS (fastmath within 1e-4
// relative), the float32 row bitwise against the same loops with Math.fround around each operation.
// jax-js (`@jax-js/jax`, a devDependency) runs under Node 20 with `navigator.userAgent` set and a
// Float16Array stand-in; without it the bench says so and prints numbat's rows alone.
// Writes bench/results/f32.json.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jit, prange } from "../src/index.js";
import { loadavg } from "node:os";
import { machine } from "./machine.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", ".."); // dist/bench -> repo root

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const N = Number(arg("n", "1024"));
const THREADS = arg("threads", "1,2").split(",").map(Number);

function mm(A: Float32Array | Float64Array, B: Float32Array | Float64Array, C: Float32Array | Float64Array, n: number): void {
  for (const i of prange(n)) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += A[i * n + k]! * B[k * n + j]!;
    C[i * n + j] = s;
  }
}
function mmRounded(A: Float32Array, B: Float32Array, C: Float32Array, n: number) {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s = Math.fround(s + Math.fround(A[i * n + k]! * B[k * n + j]!));
    C[i * n + j] = s;
  }
}

const gflops = (ms: number) => (2 * N ** 3) / ms / 1e6;
async function best(run: () => unknown, reps = 3): Promise<number> {
  await run();
  let b = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    await run();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}

function inputs<T extends Float32Array | Float64Array>(ctor: new (n: number) => T): [T, T] {
  const A = new ctor(N * N), B = new ctor(N * N);
  for (let i = 0; i < N * N; i++) { A[i] = ((i * 7) % 13) / 13 - 0.5; B[i] = ((i * 5) % 11) / 11 - 0.5; }
  return [A, B];
}

async function jaxRows(): Promise<{ name: string; gflops: number }[]> {
  let jax: any;
  try {
    (globalThis as any).Float16Array ??= class Float16Array extends Uint16Array {};
    (globalThis as any).navigator ??= { userAgent: "node", hardwareConcurrency: 2 };
    // @ts-ignore: an optional devDependency
    jax = await import("@jax-js/jax");
    await jax.init("wasm");
    jax.defaultDevice("wasm");
  } catch (e) {
    console.log(`jax-js: not available (${String((e as Error).message).split("\n")[0]}); npm install -D @jax-js/jax@0.1.25`);
    return [];
  }
  const rows = [];
  for (const dtype of ["float32", "float64"] as const) {
    const [A, B] = dtype === "float32" ? inputs(Float32Array) : inputs(Float64Array);
    const ja = jax.numpy.array(A, { dtype }).reshape([N, N]), jb = jax.numpy.array(B, { dtype }).reshape([N, N]);
    const ms = await best(async () => { await jax.numpy.matmul(ja.ref, jb.ref).data(); });
    rows.push({ name: `jax-js wasm matmul ${dtype}`, gflops: gflops(ms) });
  }
  return rows;
}

async function main() {
  console.log(`f32 matrix product, N = ${N} (${machine(ROOT).cpu}, load average ${loadavg()[0]!.toFixed(1)})`);
  const [A, B] = inputs(Float32Array);
  const plain = new Float32Array(N * N), rounded = new Float32Array(N * N);
  mm(A, B, plain, N);
  mmRounded(A, B, rounded, N);
  const rows: { name: string; threads: number; gflops: number; check: string }[] = [];
  for (const threads of THREADS) {
    const modes: [string, object, Float32Array, number][] = [
      ["numbat f32 (JS semantics)", {}, plain, 0],
      ["numbat f32 fastmath", { fastmath: true }, plain, 1e-4],
      ["numbat f32 float32 model", { float32: true }, rounded, 0],
    ];
    for (const [name, opts, want, tol] of modes) {
      const f = jit(mm, { ...opts, threads });
      const C = new Float32Array(N * N);
      const ms = await best(() => f(A, B, C, N));
      const ok = C.every((v, i) => (tol ? Math.abs(v - want[i]!) <= tol * Math.max(1, Math.abs(want[i]!)) : Object.is(v, want[i])));
      rows.push({ name, threads, gflops: gflops(ms), check: ok ? (tol ? "within 1e-4" : "bitwise") : "MISMATCH" });
    }
    const [A64, B64] = inputs(Float64Array);
    const f64 = jit(mm, { threads }), C64 = new Float64Array(N * N);
    rows.push({ name: "numbat f64", threads, gflops: gflops(await best(() => f64(A64, B64, C64, N))), check: "" });
  }
  const jax = await jaxRows();
  const top32 = Math.max(...rows.filter((r) => r.threads === Math.max(...THREADS) && r.name.includes("f32")).map((r) => r.gflops));
  for (const r of rows) console.log(`${r.name.padEnd(30)} ${String(r.threads).padStart(2)}T ${r.gflops.toFixed(2).padStart(7)} GFLOP/s  ${r.check}`);
  for (const r of jax) console.log(`${r.name.padEnd(30)}     ${r.gflops.toFixed(2).padStart(7)} GFLOP/s`);
  const j32 = jax.find((r) => r.name.includes("float32"));
  if (j32) console.log(`best numbat f32 (${Math.max(...THREADS)} threads) / jax-js f32: ${(top32 / j32.gflops).toFixed(2)}x`);
  const out = join(ROOT, "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "f32.json"), JSON.stringify({ n: N, machine: machine(ROOT), load: loadavg()[0], rows, jax }, null, 2) + "\n");
}

await main();
