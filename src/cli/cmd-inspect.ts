// `numbat inspect FILE --fn NAME`: imports a user's ES module, compiles one exported function for a
// signature given with --sig or example --args, and prints its IR, WebAssembly text or generated JS.

import { extname, resolve } from "node:path";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { jit, type JitOptions, type Target } from "../index.js";
import { dispatcherOf } from "../driver/dispatcher.js";
import { type Command, UsageError, parse } from "./command.js";

const HELP = `usage: numbat inspect FILE --fn NAME [--ir] [--wat] [--js] [--c] (--sig TYPES | --args JSON)
                      [--target T] [--no-boundscheck]

Prints what numbat makes of one function of your file, compiled for one signature:
  --ir     the typed IR after the optimiser (the default), for --target (default wasm)
  --wat    the WebAssembly text (target "wasm")
  --js     the JavaScript of numbat's reference backend (target "js")
  --c      the C source of the native target, where this version has one and a C compiler
           is installed (numbat doctor says)
Several may be given; each is printed under a header.

FILE is imported as an ES module (.js or .mjs), so its top-level code runs. A TypeScript file
must be compiled first (npx tsc) and its .js output passed: Node 20 cannot import .ts files.
NAME is one of the module's exports: a plain function, or one already wrapped with jit() (then its
original function is compiled, with the options it was jitted with). The module's other exports
(jitted functions, numbers, booleans) are given to it as \`scope\`, so kernels that call helpers work.
Without --fn, a module that exports exactly one function inspects that one.

The argument types, from one of:
  --sig TYPES   comma-separated, spelled as f.signatures prints them: int, f64, bool,
                Float64Array (or any typed array name), ndarray<float64,2> (or another dtype/rank)
  --args JSON   a JSON array of example arguments; only their types matter:
                3 -> int, 2.5 -> f64, true -> bool, [[1,2],[3,4]] -> ndarray<float64,2>,
                {"Float32Array": [1,2]} -> Float32Array. (JSON writes 2.0 as 2, an int:
                use --sig f64 for a float that happens to be integral.)
A function without parameters needs neither.

Examples:
  numbat inspect dist/examples/seed.js --fn matrixMultiplyLoops --wat \\
      --sig 'ndarray<float64,2>,ndarray<float64,2>'
  numbat inspect kernels.mjs --fn dot --args '[{"Float64Array":[1,2]},{"Float64Array":[3,4]}]' --js

Exit status: 0; 1 when the function does not compile (the error is printed with a code frame);
2 on a usage error (file or function not found, bad --sig or --args).`;

type Kind = "ir" | "wat" | "js" | "c";
/** The target each kind of output needs (the IR: any; --target or the function's own). */
const KIND_TARGET: Record<Kind, string | null> = { ir: null, wat: "wasm", js: "js", c: "native" };
type AnyFn = ((...args: any[]) => unknown) & { py?: unknown; inspect?: unknown };

/** Splits "ndarray<float64,2>, int" at the commas outside angle brackets. */
export function splitSignature(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "<") depth++;
    if (ch === ">") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() || parts.length) parts.push(cur.trim());
  if (parts.some((p) => p === "")) throw new UsageError(`--sig has an empty type in ${JSON.stringify(text)}`);
  return parts;
}

/** The type string numbat would infer for an example argument given as JSON. */
export function typeOfExample(v: unknown, at: string): string {
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) <= 2 ** 53 && !Object.is(v, -0) ? "int" : "f64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) {
    let rank = 0;
    for (let x: unknown = v; Array.isArray(x); x = x[0]) rank++;
    return `ndarray<float64,${rank}>`;
  }
  if (v && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length === 1 && /^(Float|Int|Uint)\w*Array$/.test(keys[0]!)) return keys[0]!;
  }
  throw new UsageError(`--args: argument ${at} is ${JSON.stringify(v)}; use numbers, booleans, nested arrays or {"Float64Array": [...]}`);
}

function isJitted(f: AnyFn): boolean {
  return typeof f.py === "function" && typeof f.inspect === "function";
}

/** Jitted by this copy of numbat? (A copy elsewhere in node_modules has its own, unrecognised dispatchers.) */
function jittedHere(f: AnyFn): boolean {
  return isJitted(f) && dispatcherOf(f)?.fn === f.py;
}

/** Options the export was jitted with, when it was jitted by this copy of numbat. */
function ownOptions(f: AnyFn): JitOptions {
  return jittedHere(f) ? dispatcherOf(f)!.options : {};
}

/** The module's other exports, usable as a kernel's scope (functions, numbers, booleans). */
function moduleScope(mod: Record<string, unknown>, except: string): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mod)) {
    if (k === except || k === "default") continue;
    if (typeof v === "number" || typeof v === "boolean") scope[k] = v;
    else if (typeof v === "function") {
      const f = v as AnyFn;
      // A function jitted by another copy of numbat is not recognised as jitted here: use its original.
      scope[k] = isJitted(f) && !jittedHere(f) ? f.py : f;
    }
  }
  return scope;
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`no such file: ${file}`);
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_UNKNOWN_FILE_EXTENSION" || [".ts", ".mts", ".cts"].includes(extname(path)))
      throw new UsageError(`${file}: Node cannot import TypeScript directly; compile it first (npx tsc) and pass the .js file it produces`);
    if (e instanceof SyntaxError && /import statement outside a module|export/.test(e.message))
      throw new UsageError(`${file} is not an ES module: rename it to .mjs, or add "type": "module" to the nearest package.json`);
    throw e;
  }
}

function pickFunction(mod: Record<string, unknown>, name: string | undefined, file: string): [string, AnyFn] {
  const fns = Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, AnyFn][];
  const list = fns.map(([k]) => k).join(", ") || "none";
  if (name === undefined) {
    if (fns.length === 1) return fns[0]!;
    throw new UsageError(`${file} exports ${fns.length === 0 ? "no functions" : `several functions (${list})`}; choose one with --fn NAME`);
  }
  const f = mod[name];
  if (typeof f !== "function") throw new UsageError(`${file} has no exported function '${name}' (its exported functions: ${list})`);
  return [name, f as AnyFn];
}

export const inspectCommand: Command = {
  name: "inspect",
  summary: "the IR and generated code of a function in your file",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      fn: { type: "string" },
      ir: { type: "boolean" },
      wat: { type: "boolean" },
      js: { type: "boolean" },
      c: { type: "boolean" },
      sig: { type: "string" },
      args: { type: "string" },
      target: { type: "string" },
      "no-boundscheck": { type: "boolean" },
    }, true);
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one FILE, got ${positionals.join(" ")}` : "which file? numbat inspect FILE --fn NAME");
    if (values.sig !== undefined && values.args !== undefined) throw new UsageError("give the types with --sig or --args, not both");
    const kinds: Kind[] = (["ir", "wat", "js", "c"] as const).filter((k) => values[k]);
    if (kinds.length === 0) kinds.push("ir");

    const file = positionals[0]!;
    const mod = await importModule(file);
    const [name, exported] = pickFunction(mod, values.fn, file);
    const fn = (isJitted(exported) ? exported.py : exported) as AnyFn;

    let sig: string[];
    if (values.sig !== undefined) sig = splitSignature(values.sig);
    else if (values.args !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(values.args);
      } catch (e) {
        throw new UsageError(`--args is not valid JSON: ${(e as Error).message}`);
      }
      if (!Array.isArray(parsed)) throw new UsageError(`--args takes a JSON array of arguments, e.g. '[3, 2.5]'`);
      sig = parsed.map((v, i) => typeOfExample(v, `#${i + 1}`));
    } else if (fn.length === 0) sig = [];
    else throw new UsageError(`'${name}' takes ${fn.length} argument${fn.length === 1 ? "" : "s"}: give their types with --sig (e.g. --sig 'ndarray<float64,2>,int') or --args`);

    const own = ownOptions(exported);
    const scope = { ...moduleScope(mod, name), ...own.scope };
    for (const kind of kinds) {
      const target = (KIND_TARGET[kind] ?? values.target ?? own.target ?? "wasm") as Target;
      const options: JitOptions = { ...own, target, scope, signatures: [sig] };
      if (values["no-boundscheck"]) options.boundscheck = false;
      let text: string;
      try {
        text = jit(fn, options).inspect(kind);
      } catch (e) {
        if ((e as Error)?.name === "CompileError") {
          console.error((e as Error).message);
          return 1;
        }
        if (e instanceof TypeError && /unknown type|not available/.test(e.message)) throw new UsageError(e.message.replace(/^numbat: /, ""));
        if (kind === "c" && e instanceof Error && !(e instanceof TypeError)) throw new UsageError(`--c: ${e.message}`);
        throw e;
      }
      if (kinds.length > 1) console.log(`${kind === "wat" ? ";;" : "//"} ---- ${kind}: ${name}(${sig.join(", ")}), target ${target} ----`);
      console.log(text.trimEnd());
      if (kinds.length > 1) console.log();
    }
    return 0;
  },
};
