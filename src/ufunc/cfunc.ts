// cfunc(fn, signature): a compiled function with a C signature, as Numba's @cfunc — a native function
// pointer for C libraries (an integrator's `double (*f)(double)`, qsort's comparator) through koffi, a
// WebAssembly function in a table for other wasm modules, and a JS call that runs the same compiled code.
// The C entry is a small wrapper around the native module's nb_main (backends/native/codegen.ts), so the
// function's body is numbat's own C, with V8's Math algorithms where the native target has them.

import { createRequire } from "node:module";
import { jit } from "../index.js";
import { dispatcherOf } from "../driver/dispatcher.js";
import { printModule } from "../ir/printer.js";
import type { FuncIR } from "../ir/nodes.js";
import type { ScalarType } from "../ir/types.js";
import { compileWasm } from "../backends/wasm/codegen.js";
import { instantiateExports } from "../backends/wasm/runtime.js";
import { generateC } from "../backends/native/codegen.js";
import { buildLibrary } from "../backends/native/compiler.js";
import { unwrapJitted } from "./source.js";

/** A C type of a cfunc signature: what C sees, what numbat compiles it as, and how JS converts a value to it. */
interface CType {
  readonly c: string;
  readonly ir: ScalarType;
  readonly js: (x: number) => number;
  /** C expression converting the double `x` to this type (JS's conversion: ToInt32 for int32_t). */
  readonly fromDouble: (x: string) => string;
}

const TYPES: Record<string, CType> = {
  f64: { c: "double", ir: "f64", js: (x) => x, fromDouble: (x) => x },
  f32: { c: "float", ir: "f64", js: Math.fround, fromDouble: (x) => `(float)${x}` },
  i32: { c: "int32_t", ir: "int", js: (x) => x | 0, fromDouble: (x) => `(int32_t)nb_cf_u32(${x})` },
  u32: { c: "uint32_t", ir: "int", js: (x) => x >>> 0, fromDouble: (x) => `nb_cf_u32(${x})` },
  i64: { c: "int64_t", ir: "int", js: (x) => (Number.isFinite(x) ? Math.trunc(x) : 0), fromDouble: (x) => `(isfinite(${x}) ? (int64_t)${x} : 0)` },
};
const ALIASES: Record<string, string> = { double: "f64", float64: "f64", float: "f32", float32: "f32", int32: "i32", int: "i32", uint32: "u32", int64: "i64" };

interface Param { readonly type: CType; readonly pointer: boolean }

function parseCType(s: string, sig: string): Param {
  const m = /^\s*(?:const\s+)?(\w+)\s*(\*?)\s*$/.exec(s);
  const name = m ? ALIASES[m[1]!] ?? m[1]! : "";
  const type = TYPES[name];
  if (!m || !type) throw new TypeError(`cfunc: unknown type "${s.trim()}" in signature "${sig}"; use f64, f32, i32, u32, i64, or a pointer to one (f64*: the function receives the value it points to)`);
  return { type, pointer: m[2] === "*" };
}

function parseSignature(sig: string): { ret: CType; params: Param[] } {
  const m = /^\s*(\w+)\s*\(([^)]*)\)\s*$/.exec(sig);
  if (!m) throw new TypeError(`cfunc: bad signature "${sig}"; write it as "f64(f64, f64)"`);
  const ret = parseCType(m[1]!, sig);
  if (ret.pointer) throw new TypeError(`cfunc: signature "${sig}": the result must be a number type, not a pointer`);
  return { ret: ret.type, params: m[2]!.trim() === "" ? [] : m[2]!.split(",").map((p) => parseCType(p, sig)) };
}

export interface CFunc<F extends (...args: any[]) => any> {
  /** Runs the compiled (WebAssembly) code, with the arguments and result converted to the C types. */
  (...args: Parameters<F>): number;
  /** The native function pointer (koffi, typed as `ctype`'s pointer): pass it to a C function. Compiles the C on first use. */
  readonly address: unknown;
  /** The koffi prototype of the C function (`koffi.pointer(f.ctype)` is the pointer type). */
  readonly ctype: unknown;
  /** The C declaration, e.g. "double nb_cfunc(double)". */
  readonly cdecl: string;
  /** The WebAssembly function (its parameters and result are f64 for numbers), also in `table` at `tableIndex`. */
  readonly wasm: Function;
  readonly table: WebAssembly.Table;
  readonly tableIndex: number;
  readonly signature: string;
  readonly py: F;
  /** The IR, the WebAssembly text, or the C source (after `address` was read). */
  inspect(what: "ir" | "wat" | "c"): string;
}

let nextId = 0;

/** The C wrapper with the declared signature around nb_main (which takes doubles and reports errors in a status). */
function cWrapper(name: string, ret: CType, params: readonly Param[]): string {
  const decls = params.map((p, i) => `${p.pointer ? `const ${p.type.c} *` : `${p.type.c} `}p${i}`);
  const args = params.map((p, i) => `(double)${p.pointer ? `*p${i}` : `p${i}`}`);
  return [
    "static uint32_t nb_cf_u32(double x) {",
    "  if (!isfinite(x)) return 0;",
    "  double m = fmod(trunc(x), 4294967296.0);",
    "  return (uint32_t)(m < 0 ? m + 4294967296.0 : m);",
    "}",
    "/* a run-time error cannot reach a C caller: the result is 0 or NaN and the status stays here */",
    "static int32_t nb_cf_status = 0;",
    `NB_EXPORT int32_t ${name}_status(void) { int32_t s = nb_cf_status; nb_cf_status = 0; return s; }`,
    `NB_EXPORT ${ret.c} ${name}(${decls.join(", ") || "void"}) {`,
    "  double nb_o[8] = {0};",
    `  int32_t s = nb_main(${["nb_o", ...args].join(", ")});`,
    "  if (s) { nb_cf_status = s; nb_o[0] = NAN; }",
    `  return ${ret.fromDouble("nb_o[0]")};`,
    "}",
    `NB_EXPORT void *${name}_address(void) { return (void *)&${name}; }`,
  ].join("\n");
}

/**
 * A compiled function with a C signature (Numba's @cfunc): `.address` for C libraries (through koffi),
 * `.wasm`/`.table` for WebAssembly modules, and a JS call running the same compiled code.
 *
 * @example
 * const f = cfunc((x) => Math.exp(-x * x), "f64(f64)");
 * f(0.5);          // the compiled code
 * f.address;       // double (*)(double), for a C routine
 */
export function cfunc<F extends (...args: any[]) => any>(fn: F, signature: string): CFunc<F> {
  if (typeof fn !== "function") throw new TypeError(`cfunc: expected a function, got ${fn === null ? "null" : typeof fn}`);
  const { py, scope } = unwrapJitted(fn, undefined);
  const { ret, params } = parseSignature(signature);
  if (params.length !== py.length) throw new TypeError(`cfunc(${py.name || "anonymous"}): signature "${signature}" has ${params.length} parameter${params.length === 1 ? "" : "s"}, the function takes ${py.length}`);
  const ir: FuncIR = dispatcherOf(jit(py, { scope }))!.irFor(params.map((p) => p.type.ir));
  if (ir.ret !== "int" && ir.ret !== "f64" && ir.ret !== "bool") throw new TypeError(`cfunc(${py.name || "anonymous"}): the function must return a number for "${signature}"`);
  const mod = compileWasm(ir, { boundscheck: true, parallel: false });
  const main = instantiateExports(mod).main as (...a: number[]) => number;
  const table = new WebAssembly.Table({ element: "anyfunc", initial: 1 });
  table.set(0, main);
  const id = nextId++;
  const name = `nb_cfunc_${id}`;
  const cdecl = `${ret.c} ${name}(${params.map((p) => `${p.pointer ? "const " : ""}${p.type.c}${p.pointer ? " *" : ""}`).join(", ") || "void"})`;
  let native: { address: unknown; ctype: unknown; source: string } | undefined;
  const load = () => {
    if (native) return native;
    const source = `${generateC(ir, { boundscheck: true }).source}\n${cWrapper(name, ret, params)}\n`;
    const lib = buildLibrary(source);
    const koffi = createRequire(import.meta.url)("koffi") as typeof import("koffi");
    const ctype = koffi.proto(`${ret.c} ${name}_t(${params.map((p) => (p.pointer ? `const ${p.type.c} *` : p.type.c)).join(", ")})`);
    const address = koffi.load(lib.path).func(`${name}_address`, koffi.pointer(ctype), [])();
    return (native = { address, ctype, source });
  };
  const f = function (...args: number[]) {
    const r = main(...args.map((a, i) => params[i]!.type.js(+a)));
    return ret.js(typeof r === "number" ? r : Number(r));
  } as unknown as CFunc<F>;
  Object.defineProperties(f, {
    name: { value: py.name },
    address: { get: () => load().address },
    ctype: { get: () => load().ctype },
    cdecl: { value: cdecl },
    wasm: { value: main },
    table: { value: table },
    tableIndex: { value: 0 },
    signature: { value: signature },
    py: { value: py },
  });
  (f as { inspect: unknown }).inspect = (what: "ir" | "wat" | "c") =>
    what === "ir" ? printModule(ir) : what === "wat" ? mod.wat() : load().source;
  return f;
}
