// The f64x2 (SIMD128) peak of this machine, measured rather than looked up: a wasm loop of independent
// f64x2.add and f64x2.mul chains (7 of each, 14 registers: enough in flight to fill the pipes of
// current x86 cores, few enough that V8 keeps them all in xmm registers), built with numbat's own
// encoder and timed. Each op is 2 flops; the result, in GFLOP/s, is what a kernel that issues adds
// and multiplies in equal number could reach at most, one thread, no FMA (wasm has none).

import { ModuleBuilder } from "../src/backends/wasm/encoder.js";

const CHAINS = 7; // of each kind
const ITERATIONS = 20_000_000;

function peakModule(): (iterations: number) => number {
  const mb = new ModuleBuilder();
  const fb = mb.addFunction("$peak", ["i32"], ["f64"]);
  const n = 0;
  const acc = Array.from({ length: CHAINS }, (_, i) => fb.local("v128", `a${i}`));
  const prod = Array.from({ length: CHAINS }, (_, i) => fb.local("v128", `p${i}`));
  const x = fb.local("v128", "x"), y = fb.local("v128", "y");
  fb.op("f64.const", 1e-9).op("f64x2.splat").op("local.set", x);
  fb.op("f64.const", 1 + 1e-12).op("f64x2.splat").op("local.set", y);
  for (const l of [...acc, ...prod]) fb.op("f64.const", 1).op("f64x2.splat").op("local.set", l);
  fb.block(null, "done");
  fb.loop(null, "top");
  fb.op("local.get", n).op("i32.eqz").brIf("done");
  for (let i = 0; i < CHAINS; i++) {
    fb.op("local.get", acc[i]!).op("local.get", x).op("f64x2.add").op("local.set", acc[i]!);
    fb.op("local.get", prod[i]!).op("local.get", y).op("f64x2.mul").op("local.set", prod[i]!);
  }
  fb.op("local.get", n).op("i32.const", 1).op("i32.sub").op("local.set", n);
  fb.br("top");
  fb.end();
  fb.end();
  // Use every chain, so none is dead code.
  fb.op("local.get", acc[0]!);
  for (const l of [...acc.slice(1), ...prod]) fb.op("local.get", l).op("f64x2.add");
  fb.op("f64x2.extract_lane", 0);
  fb.finish();
  mb.exportFunction("peak", fb.index);
  const wasm = (globalThis as unknown as { WebAssembly: { Instance: new (m: unknown, i: object) => { exports: Record<string, Function> }; Module: new (b: Uint8Array) => unknown } }).WebAssembly;
  return new wasm.Instance(new wasm.Module(mb.toBytes()), {}).exports.peak as (iterations: number) => number;
}

/** GFLOP/s of f64x2 adds and multiplies, in equal number, at best of `runs`. */
export function simd128Peak(runs = 5): number {
  const peak = peakModule();
  peak(1000); // compile
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    peak(ITERATIONS);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return (ITERATIONS * CHAINS * 2 * 2) / best / 1e9;
}
