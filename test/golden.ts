// Golden fixtures (test/golden/*.js): small source files, each stored beside its text at every stage
// of the compiler, so that a change to the frontend, a pass or a backend shows up as a readable diff.
//
//   <name>.js          the source: `export default function`, `export const args = () => [...]`
//                      (deterministic inputs), optionally `options` (jit's) or `kernel` (a GPU kernel)
//   <name>.lowered.ir  the IR after lowering (frontend/lower.ts), before any pass
//   <name>.opt.ir      the IR after the optimiser's pipeline (passes/pipeline.ts)
//   <name>.wat         the wasm module (backends/wasm), as text
//   <name>.c           the native target's C (backends/native)
//   <name>.wgsl, .cu   for kernels: WGSL (backends/webgpu) and CUDA C (backends/cuda)
//
// The stages are computed here, not through jit(), with every option fixed (bounds checks on,
// parallel regions outlined when the fixture asks, no thread count, no cache), so the text is the
// same on every machine. `npm run golden -- --update` rewrites the files; test/golden.test.ts checks
// them and runs each fixture plain and jitted.

import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { empty, ones, prange, zeros } from "../src/index.js";
import { parseFunction } from "../src/frontend/parse.js";
import { lowerFunction, type LowerEnv } from "../src/frontend/lower.js";
import type { KernelConfig } from "../src/frontend/gpu.js";
import type { FuncIR, Type } from "../src/ir/nodes.js";
import { printModule } from "../src/ir/printer.js";
import { verifyFunc } from "../src/ir/verify.js";
import { optimize } from "../src/passes/pipeline.js";
import { compileWasm } from "../src/backends/wasm/codegen.js";
import { generateC } from "../src/backends/native/codegen.js";
import { emitWgsl } from "../src/backends/webgpu/wgsl.js";
import { emitCuda } from "../src/backends/cuda/cuda-c.js";
import { PARALLEL, PRELUDE, RANDOM } from "../src/backends/native/prelude.js";
import { CUDA_PRELUDE } from "../src/backends/cuda/prelude.js";
import { typeOfValue } from "../src/runtime/signature.js";

/** test/golden in the source tree (this file runs from dist/test). */
export const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "golden");

export interface Fixture {
  readonly name: string;
  readonly fn: (...args: never[]) => unknown;
  readonly args: () => unknown[];
  readonly options?: { readonly parallel?: boolean; readonly fastmath?: boolean };
  readonly kernel?: { readonly groupSize: number; readonly float: "f32" | "f64" };
}

export async function loadFixtures(): Promise<Fixture[]> {
  const names = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".js")).sort();
  return Promise.all(names.map(async (file) => {
    const m = await import(pathToFileURL(join(GOLDEN_DIR, file)).href);
    return { name: file.slice(0, -3), fn: m.default, args: m.args, options: m.options, kernel: m.kernel } as Fixture;
  }));
}

const BUILTINS = new Map<unknown, string>([[zeros, "zeros"], [ones, "ones"], [empty, "empty"], [prange, "prange"]]);

/** The fixture's IR as lowered for its arguments' types (verified), named after the fixture. */
function lower(fx: Fixture, kernel?: KernelConfig): FuncIR {
  const parsed = parseFunction(fx.fn);
  const types: Type[] = fx.args().map((a, i) => typeOfValue(a, parsed.params[i]?.name ?? `#${i}`, parsed.name));
  const env: LowerEnv = {
    scope: {},
    builtinName: (v) => BUILTINS.get(v),
    resolveCallee: (_c, _t, fail) => fail("golden fixtures do not call other functions"),
    ...(kernel && { kernel }),
  };
  const ir = lowerFunction(parsed, types, env, fx.name.replace(/\W/g, "_"));
  verifyFunc(ir);
  return ir;
}

/** Every stage's text of one fixture, by file extension. */
export function stages(fx: Fixture): Record<string, string> {
  if (fx.kernel) {
    const ir = lower(fx, { groupSize: [fx.kernel.groupSize, 1, 1], float: fx.kernel.float });
    const cuda = emitCuda(lower(fx, { groupSize: [fx.kernel.groupSize, 1, 1], float: fx.kernel.float }));
    return { "lowered.ir": printModule(ir), wgsl: emitWgsl(ir), cu: elide(cuda, { CUDA_PRELUDE }, "backends/cuda/prelude.ts") };
  }
  const lowered = printModule(lower(fx));
  const parallel = fx.options?.parallel === true;
  const opt = optimize(lower(fx), 1, { autoParallel: parallel, fastmath: fx.options?.fastmath === true });
  verifyFunc(opt);
  return {
    "lowered.ir": lowered,
    "opt.ir": printModule(opt),
    wat: compileWasm(opt, { boundscheck: true, parallel }).wat(),
    c: elide(generateC(opt, { boundscheck: true, ...(parallel && { parallel: { threads: 4, schedule: "static" } }) }).source, { PRELUDE, RANDOM, PARALLEL }, "backends/native/prelude.ts"),
  };
}

/** The generated code without the fixed preludes (each named instead): a fixture shows what its source became. */
function elide(code: string, preludes: Record<string, string>, file: string): string {
  for (const [name, text] of Object.entries(preludes)) code = code.replace(text, `/* ${name}: ${file} */`);
  return code;
}

export const goldenPath = (fx: Fixture, ext: string): string => join(GOLDEN_DIR, `${fx.name}.${ext}`);

/** The stages whose stored text differs from what the compiler prints now (missing files included). */
export function changedStages(fx: Fixture): { ext: string; want: string | undefined; got: string }[] {
  return Object.entries(stages(fx)).flatMap(([ext, got]) => {
    const path = goldenPath(fx, ext);
    const want = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    return want === withNewline(got) ? [] : [{ ext, want, got }];
  });
}

/** Writes every stage of `fx`; returns the files that changed. */
export function updateStages(fx: Fixture): string[] {
  return changedStages(fx).map(({ ext, got }) => {
    writeFileSync(goldenPath(fx, ext), withNewline(got));
    return `${fx.name}.${ext}`;
  });
}

const withNewline = (s: string): string => (s.endsWith("\n") ? s : `${s}\n`);
