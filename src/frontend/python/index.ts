// numbat/python: compiles Numba-style Python (the nopython subset, docs/python.md) to numbat's IR and
// from there to every backend. `compile(source)` returns one jitted function per top-level `def`;
// ``py`...` `` is the same as a tagged template.
//
//   import { compile } from "numbat/python";
//   const { matmul } = compile(`
//   import numpy as np
//   from numba import njit
//   @njit
//   def matmul(A, B): ...`);

import { jitDispatched, type Jitted } from "../../index.js";
import { type JitOptions, dispatcherOf } from "../../driver/dispatcher.js";
import { Kernel, type KernelOptions } from "../../driver/kernel.js";
import { KERNEL_OPTIONS, readOptions } from "../../driver/options.js";
import { CompileError, codeFrame } from "../../diagnostics/error.js";
import type { ParsedFunction } from "../parse.js";
import { signatureKey, typeOfValue } from "../../runtime/signature.js";
import { userError } from "../../runtime/errors.js";
import type { NdArray } from "../../runtime/ndarray.js";
import { type PyDecorator, type PyDef, type PyExpr, type PyModule, PySyntaxError, parsePython } from "./ast.js";
import { lowerPython } from "./lower.js";
import { type TupleReturn, attachTupleReturns, unpackTuple } from "./tuples.js";

/** A compiled Python function: called with numbers, typed arrays and numbat n-d arrays; tuples come back as JS arrays. */
export type PyFunction = Jitted<(...args: any[]) => any>;

export interface PythonOptions extends JitOptions {
  /** For `@cuda.jit` kernels: numbat's kernel options (target "gpusim" (default), "webgpu" or "cuda"; float precision). */
  kernel?: KernelOptions;
}

/** Compiles every top-level `def` of `source`; decorators (`@njit`, `@jit(parallel=True, fastmath=True)`) add to `options`. */
export function compile(source: string, options: PythonOptions = {}): Record<string, PyFunction & Kernel> {
  const mod = parse(source);
  const fns: Record<string, PyFunction | Kernel> = {};
  const { kernel: kernelOptions = {}, ...jitOptions } = options;
  for (const def of mod.defs)
    fns[def.name] = def.decorators.some((d) => resolveDecorator(mod, d) === "numba.cuda.jit") ? compileKernel(mod, def, kernelOptions) : compileDef(mod, def, jitOptions, (name) => fns[name]);
  // A def is a jitted function or, under @cuda.jit, a Kernel (launch it with .launch({ groups, groupSize }, ...args)).
  return fns as Record<string, PyFunction & Kernel>;
}

/** `@cuda.jit` kernels become numbat kernels (docs/kernels.md); `kern[blocks, threads](args)` is `kern.launch({ groups: blocks, groupSize: threads }, ...args)`. */
function compileKernel(mod: PyModule, def: PyDef, options: KernelOptions): Kernel {
  for (const d of def.decorators) if (resolveDecorator(mod, d) !== "numba.cuda.jit" || d.args.length || d.kwargs.length)
    decoratorError(mod, def, d, "a kernel takes only the @cuda.jit decorator, without arguments", "launch it with .launch({ groups, groupSize }, ...args)");
  return new Kernel(sourceCarrier(mod, def), readOptions<KernelOptions>("kernel", options, KERNEL_OPTIONS), {
    parsed: parsedOf(mod, def),
    lower: (types, env, irName) => lowerPython(mod, def, types, env, irName, () => undefined).ir,
  });
}

/** A JS function standing for the def: its text holds the Python source (cache keys), its name and arity the def's. */
function sourceCarrier(mod: PyModule, def: PyDef): Function {
  const fn = new Function(...def.params.map((p) => p.name), `/* numbat python: ${def.name}\n${mod.source.replace(/\*\//g, "* /")}\n*/`);
  Object.defineProperty(fn, "name", { value: def.name });
  return fn;
}

/** What the dispatcher and the kernel API read of a parsed function: its name, parameter names and source. */
function parsedOf(mod: PyModule, def: PyDef): ParsedFunction {
  return {
    name: def.name, source: mod.source,
    params: def.params.map((p) => ({ type: "Identifier", name: p.name, start: p.pos.from, end: p.pos.to, loc: { start: { line: p.pos.line, column: p.pos.column - 1 }, end: { line: p.pos.line, column: p.pos.column - 1 + p.name.length } } })),
    body: { type: "BlockStatement", body: [] }, node: { type: "FunctionExpression" },
  } as unknown as ParsedFunction;
}

/** Tagged template: ``py`def f(x): return x + 1`.f(2)``. Interpolated values are pasted as text (numbers, names). */
export function py(strings: TemplateStringsArray, ...values: unknown[]): Record<string, PyFunction> {
  return compile(dedent(String.raw({ raw: strings }, ...values)));
}

function parse(source: string): PyModule {
  try {
    return parsePython(dedent(source));
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    const text = dedent(source);
    const frame = codeFrame(text, e.pos.line, e.pos.column, Math.max(1, Math.min(e.pos.to - e.pos.from, 40)));
    if (e.syntax) throw new CompileError("NB001", e.detail, e.pos.line, e.pos.column, "<python>", frame, "numbat reads Python source (the subset docs/python.md describes)");
    throw new CompileError("NB130", `${e.detail} in numbat's Python subset`, e.pos.line, e.pos.column, "<python>", frame);
  }
}

/** Removes the common indentation of a source written inside a JS template literal. */
function dedent(s: string): string {
  const lines = s.split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const n = indents.length ? Math.min(...indents) : 0;
  return n ? lines.map((l) => l.slice(n)).join("\n") : s;
}

/** Python ints are int64 (Numba's nopython): every integer argument up to 2^53 is one. */
const PY_INT_LIMIT = 2 ** 53;

function compileDef(mod: PyModule, def: PyDef, base: PythonOptions, siblings: (name: string) => unknown): PyFunction {
  // As in Numba, prange is a plain range unless parallel=True (in the decorator or the options).
  const options: JitOptions = { parallel: false, ...base, ...decoratorOptions(mod, def) };
  // The source travels in the function's text, so the on-disk cache (cache=True) keys on it.
  const fn = sourceCarrier(mod, def);
  const tuples = new Map<string, TupleReturn>();
  const lowered = new Set<string>();
  const jitted = jitDispatched(fn as (...args: any[]) => any, options, {
    parsed: parsedOf(mod, def),
    intLimit: PY_INT_LIMIT,
    lower(types, env, irName) {
      const info = lowerPython(mod, def, types, env, irName, siblings);
      if (info.tuple) tuples.set(signatureKey(types), info.tuple);
      return info.ir;
    },
  });
  // Tuple returns arrive as a float64 array: hand them to JS as an array of numbers (and booleans).
  const call = function (this: unknown, ...args: unknown[]) {
    let r: unknown;
    try {
      r = jitted(...args);
    } catch (e) {
      // Python raises IndexError where numbat's bounds checks raise RangeError.
      if (e instanceof RangeError && / is out of bounds /.test(e.message)) throw userError("IndexError", e.message);
      throw e;
    }
    if (r === undefined || typeof r !== "object" || (tuples.size === 0 && !options.cache)) return r;
    const types = args.map((a, i) => typeOfValue(a, def.params[i]?.name ?? `#${i}`, def.name, PY_INT_LIMIT));
    const key = signatureKey(types);
    // A kernel from the disk cache (cache=True) was not lowered in this process: lower it once to learn its tuple.
    if (options.cache && !tuples.has(key) && !lowered.has(key)) {
      lowered.add(key);
      dispatcherOf(jitted)?.irFor(types);
    }
    const t = tuples.get(key);
    if (!t) return r;
    const values = unpackTuple((r as NdArray).data as Float64Array, t);
    (r as NdArray).free(); // the packed tuple is the kernel's own allocation
    return values;
  };
  for (const key of Reflect.ownKeys(jitted)) if (key !== "length" && key !== "name" && key !== "prototype") Object.defineProperty(call, key, Object.getOwnPropertyDescriptor(jitted, key)!);
  Object.defineProperty(call, "name", { value: def.name });
  attachTupleReturns(call, (types) => tuples.get(signatureKey(types)));
  return call as PyFunction;
}

const JIT_DECORATORS = new Set(["numba.njit", "numba.jit"]);

/** `@njit`, `@jit(nopython=True, parallel=True, fastmath=True, cache=True, boundscheck=True)`, `@numba.njit(...)`. */
function decoratorOptions(mod: PyModule, def: PyDef): JitOptions {
  const out: JitOptions = {};
  for (const d of def.decorators) {
    const full = resolveDecorator(mod, d);
    if (!JIT_DECORATORS.has(full)) decoratorError(mod, def, d, `the decorator '@${d.name}' is not supported`, "use @njit or @jit(...) from numba");
    for (const a of d.args) decoratorError(mod, def, d, "signatures in the decorator are not supported", "numbat compiles one version per argument types on the first call", a);
    for (const { name, value } of d.kwargs) {
      const flag = value.k === "bool" ? value.value : undefined;
      switch (name) {
        case "nopython": case "nogil": case "forceobj": case "looplift": case "error_model": case "inline": break;
        case "parallel": if (flag !== undefined) out.parallel = flag; break;
        case "fastmath": if (flag !== undefined) out.fastmath = flag; break;
        case "cache": if (flag !== undefined) out.cache = flag; break;
        case "boundscheck": if (flag !== undefined) out.boundscheck = flag; break;
        default: decoratorError(mod, def, d, `the option '${name}=' is not supported`, "supported: nopython, parallel, fastmath, cache, boundscheck", value);
      }
    }
  }
  return out;
}

function resolveDecorator(mod: PyModule, d: PyDecorator): string {
  const [head, ...rest] = d.name.split(".");
  // `@njit` without `from numba import njit` (common in snippets) is still Numba's.
  const root = mod.imports.get(head!) ?? (head === "njit" || head === "jit" ? `numba.${head}` : head!);
  return [root, ...rest].join(".");
}

function decoratorError(mod: PyModule, def: PyDef, d: PyDecorator, detail: string, help: string, at?: PyExpr): never {
  const p = at?.pos ?? d.pos;
  throw new CompileError("NB130", detail, p.line, p.column, def.name, codeFrame(mod.source, p.line, p.column, Math.max(1, Math.min(p.to - p.from, 40))), help);
}
