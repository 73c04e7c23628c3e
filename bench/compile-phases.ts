// Where a jit compile's time goes, phase by phase: the same calls the dispatcher makes for one
// signature (src/driver/dispatcher.ts: parse, lower, optimise, wasm codegen, instantiate) and the
// first call, whose extra time over a warm call is V8 compiling the module's functions with
// TurboFan (wasm compilation is lazy: each function compiles at its first call).
//
// Run in a fresh process, the first compile also pays for V8 warming up numbat's own compiler (its
// passes run interpreted at first); a second compile of the same source in that process shows the
// compiler's cost once warm.

import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction } from "../src/frontend/lower.js";
import { optimize } from "../src/passes/pipeline.js";
import { compileWasm } from "../src/backends/wasm/codegen.js";
import { instantiateWasm } from "../src/backends/wasm/runtime.js";
import { typeOfValue } from "../src/runtime/signature.js";
import { empty, ones, zeros } from "../src/index.js";

export interface Phases {
  parse_ms: number;
  lower_ms: number;
  optimize_ms: number;
  codegen_ms: number;
  instantiate_ms: number;
  /** First call minus a warm call: V8's TurboFan compile of the functions the call reaches. */
  wasm_compile_ms: number;
  total_ms: number;
  module_bytes: number;
}

const BUILTINS = new Map<unknown, string>([[zeros, "zeros"], [ones, "ones"], [empty, "empty"]]);

/** Compiles `fn` for `args` phase by phase (round `round` names the IR apart) and times each phase. */
export function compilePhases(fn: Function, args: unknown[], round: number): Phases {
  const ms: number[] = [];
  let t = performance.now();
  const lap = () => { const now = performance.now(); ms.push(now - t); t = now; };
  const parsed = parseFunction(fn);
  lap();
  const types = args.map((a, i) => typeOfValue(a, `#${i}`, parsed.name));
  const lowered = lowerFunction(parsed, types, { scope: {}, builtinName: (v) => BUILTINS.get(v), resolveCallee: (_c, _t, fail) => fail("no calls here") }, `phases_${round}`);
  lap();
  const ir = optimize(lowered, 1);
  lap();
  const mod = compileWasm(ir, { boundscheck: true, parallel: false });
  lap();
  const run = instantiateWasm(mod, ir);
  lap();
  run(args);
  const first = performance.now() - t;
  let warm = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    run(args);
    warm = Math.min(warm, performance.now() - t0);
  }
  const wasmCompile = Math.max(0, first - warm);
  const [parse, lower, opt, codegen, inst] = ms as [number, number, number, number, number];
  return {
    parse_ms: parse, lower_ms: lower, optimize_ms: opt, codegen_ms: codegen, instantiate_ms: inst, wasm_compile_ms: wasmCompile,
    total_ms: parse + lower + opt + codegen + inst + wasmCompile, module_bytes: mod.bytes.length,
  };
}

/** One line: "parse 7.5 · lower 3.6 · ... = total ms". */
export function phasesLine(p: Phases): string {
  const f = (x: number) => x.toFixed(1);
  return `parse ${f(p.parse_ms)} · lower ${f(p.lower_ms)} · optimise ${f(p.optimize_ms)} · codegen ${f(p.codegen_ms)} · ` +
    `instantiate ${f(p.instantiate_ms)} · V8 TurboFan (first call − warm call) ${f(p.wasm_compile_ms)} = ${f(p.total_ms)} ms (${p.module_bytes} bytes of wasm)`;
}
