// Runs one fuzz case plainly and jitted under every configuration, and classifies the outcome.
//
// The comparison is the contract's (docs/semantics.md): the return value with Object.is (NaN equals
// NaN, -0 differs from +0), returned arguments by identity ("A kernel that returns one of its array
// arguments returns the caller's own object"), the final contents of every argument array with
// Object.is, and for a plain run that throws, an exception of the same class with the same message
// (and the same array contents: "writes made before an exception are visible as in JS").
// No deviation is normalised here: the generator never produces the documented ones (see gen.ts).
//
// Before that, a sanitized rendering of the program (every index checked, every `%` by 0 of integers
// trapped: ast.ts, level 1) runs plainly, on the same inputs: if the program itself indexes out of
// bounds, it is outside the contract (plain JS reads `undefined` where numbat throws) and the case is
// "invalid": a generator bug, never compared. So when numbat then throws an out-of-bounds RangeError
// ("oob") on a valid program, numbat evaluated something JS does not (speculation): a numbat bug.
// Integer results beyond 2^53, integer -0 and `x % 0` are no deviations any more (issue 16: numbat
// computes exactly what JS computes), so the level-2 rendering no longer excuses a mismatch: `$ar` and
// `$neg` compute JS's result without checks; "rem0" (numbat throwing for `% 0`) is a numbat bug.
// Other outcomes that are not mismatches: a CompileError ("compile": the generator left the subset,
// or numbat rejects valid code; reported), and a plain run that fails by itself ("plain").

import { CompileError, empty, jit, ones, prange, range, zeros } from "../../src/index.js";
import { renderFn } from "./ast.js";
import { findCompiler } from "../../src/backends/native/compiler.js";
import { LIBM_FNS } from "../../src/backends/native/codegen.js";

const LIBM_SOURCE = new RegExp(`\\bMath\\.(${LIBM_FNS.join("|")})\\b|\\*\\*`);
const usesLibm = (c: Case): boolean => LIBM_SOURCE.test(c.kernel) || c.helpers.some((h) => LIBM_SOURCE.test(h.src));
import type { Program } from "./gen.js";
import { buildArgs, type Inputs, type ParamSpec } from "./inputs.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

/** A self-contained case: sources and inputs (what the regression corpus stores). */
export interface Case {
  kernel: string;
  helpers: { name: string; src: string; jit: boolean }[];
  params: ParamSpec[];
  inputs: Inputs;
  /** The sanitized renderings (levels 1 and 2; kernel, then helpers in order), when the case comes from the generator. */
  sanitized?: { kernel: string; helpers: string[] };
  strict?: { kernel: string; helpers: string[] };
}

export function caseOf(p: Program, inputs: Inputs): Case {
  return {
    kernel: renderFn(p.kernel),
    helpers: p.helpers.map((h) => ({ name: h.fn.name, src: renderFn(h.fn), jit: h.jit })),
    params: p.params,
    inputs,
    sanitized: { kernel: renderFn(p.kernel, 1), helpers: p.helpers.map((h) => renderFn(h.fn, 1)) },
    strict: { kernel: renderFn(p.kernel, 2), helpers: p.helpers.map((h) => renderFn(h.fn, 2)) },
  };
}

class SanitizerError extends Error {}

const SANITIZER: [string, unknown][] = [
  ["$ix", (n: number, i: number) => {
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new SanitizerError(`index ${i} is out of bounds (extent ${n})`);
    return i;
  }],
  // Integer-looking arithmetic (ast.ts marks it): JS's result, whatever it is (issue 16).
  ["$ar", (op: string, a: number | boolean, b: number | boolean) => {
    const x = +a, y = +b;
    return op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : x % y;
  }],
  ["$neg", (a: number | boolean) => -+a],
];

export interface Config {
  name: string;
  target: "js" | "wasm" | "native";
  boundscheck: boolean;
}

/** Every target and optimisation level: the JS backend, wasm, and wasm without bounds checks. */
export const CONFIGS: readonly Config[] = [
  { name: "js", target: "js", boundscheck: true },
  { name: "wasm", target: "wasm", boundscheck: true },
  { name: "wasm-nobc", target: "wasm", boundscheck: false },
  // The native target where a C compiler exists (driver.ts runs it on every fourth program: a C compile is slow).
  ...(findCompiler() ? [{ name: "native", target: "native", boundscheck: true } as const] : []),
];

export type Category = "ok" | "value" | "array" | "identity" | "throw" | "crash" | "oob" | "rem0" | "compile" | "invalid" | "plain" | "slow";

/** Categories that are numbat bugs ("compile" may be either; the rest are generator problems or fine). */
export const BUG_CATEGORIES: readonly Category[] = ["value", "array", "identity", "throw", "crash", "oob", "rem0"];

export interface Verdict {
  category: Category;
  config?: string;
  detail: string;
  /** Same key = same failure, for the shrinker. */
  key: string;
}

const BUILTINS: [string, unknown][] = [["zeros", zeros], ["ones", ones], ["empty", empty], ["prange", prange], ["range", range]];

/** The plain functions: each helper and the kernel see the builtins and the helpers before them. */
export function makePlain(c: Case, level: 0 | 1 | 2 = 0): { kernel: AnyFn; helpers: Map<string, AnyFn> } {
  const builtins = level ? [...BUILTINS, ...SANITIZER] : BUILTINS;
  const src = level === 2 ? c.strict! : level === 1 ? c.sanitized! : undefined;
  const names = builtins.map(([n]) => n);
  const values = builtins.map(([, v]) => v);
  const helpers = new Map<string, AnyFn>();
  c.helpers.forEach((h, k) => {
    const f = new Function(...names, `return (${src ? src.helpers[k] : h.src}\n);`)(...values) as AnyFn;
    helpers.set(h.name, f);
    names.push(h.name);
    values.push(f);
  });
  const kernel = new Function(...names, `return (${src ? src.kernel : c.kernel}\n);`)(...values) as AnyFn;
  return { kernel, helpers };
}

export function makeJitted(c: Case, plain: { kernel: AnyFn; helpers: Map<string, AnyFn> }, cfg: Config): AnyFn {
  const opts = { target: cfg.target, boundscheck: cfg.boundscheck };
  const scope: Record<string, unknown> = {};
  for (const h of c.helpers) {
    const f = plain.helpers.get(h.name)!;
    scope[h.name] = h.jit ? jit(f, { ...opts, scope: { ...scope } }) : f;
  }
  return jit(plain.kernel, c.helpers.length ? { ...opts, scope } : opts) as AnyFn;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function run(f: AnyFn, args: unknown[]): Outcome {
  try {
    return { ok: true, value: f(...args) };
  } catch (error) {
    return { ok: false, error };
  }
}

// ---- comparing --------------------------------------------------------------------------------------

interface NdLike { data: ArrayLike<number>; shape: number[]; stride: number[]; offset: number }

const isTyped = (x: unknown): x is ArrayLike<number> & { constructor: { name: string } } => ArrayBuffer.isView(x) && !(x instanceof DataView);
const isNd = (x: unknown): x is NdLike => typeof x === "object" && x !== null && isTyped((x as NdLike).data) && Array.isArray((x as NdLike).shape);

export function show(x: unknown): string {
  if (typeof x === "number") return Object.is(x, -0) ? "-0" : String(x);
  if (isTyped(x)) return `${x.constructor.name}[${Array.from(x, show).join(", ")}]`;
  if (isNd(x)) return `ndarray[${x.shape}](${ndElements(x).map(show).join(", ")})`;
  if (x instanceof Error) return `${x.constructor.name}: ${x.message.split("\n")[0]}`;
  return String(x);
}

function ndElements(x: NdLike): number[] {
  const out: number[] = [];
  const [m = 1, n = 1] = x.shape;
  if (x.shape.length === 1) for (let i = 0; i < m; i++) out.push(x.data[x.offset + x.stride[0]! * i]!);
  else for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out.push(x.data[x.offset + x.stride[0]! * i + x.stride[1]! * j]!);
  return out;
}

function sameElements(a: ArrayLike<number>, b: ArrayLike<number>): string | null {
  if (a.length !== b.length) return `length ${b.length} vs ${a.length}`;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `[${i}]: expected ${show(a[i])}, got ${show(b[i])}`;
  return null;
}

/** null when `got` (from a jitted call on `gotArgs`) matches `want` (plain, on `wantArgs`). */
function compareValue(want: unknown, wantArgs: unknown[], got: unknown, gotArgs: unknown[]): { cat: Category; msg: string } | null {
  if (typeof want === "object" && want !== null) {
    const k = wantArgs.indexOf(want);
    if (k >= 0) return got === gotArgs[k] ? null : { cat: "identity", msg: `plain returned argument ${k}; jitted returned ${gotArgs.indexOf(got) >= 0 ? `argument ${gotArgs.indexOf(got)}` : show(got)}` };
    if (isTyped(want)) {
      if (!isTyped(got) || got.constructor.name !== want.constructor.name) return { cat: "value", msg: `expected ${show(want)}, got ${show(got)}` };
      const d = sameElements(want, got);
      return d ? { cat: "value", msg: `returned ${want.constructor.name}${d}` } : null;
    }
    if (isNd(want)) {
      if (!isNd(got) || got.shape.join() !== want.shape.join() || got.data.constructor.name !== want.data.constructor.name)
        return { cat: "value", msg: `expected ${show(want)}, got ${show(got)}` };
      const d = sameElements(ndElements(want), ndElements(got));
      return d ? { cat: "value", msg: `returned ndarray${d}` } : null;
    }
  }
  if (typeof want === "number") return typeof got === "number" && Object.is(got, want) ? null : { cat: "value", msg: `returned ${show(got)}, expected ${show(want)}` };
  return got === want ? null : { cat: "value", msg: `returned ${show(got)}, expected ${show(want)}` };
}

function snapshot(params: readonly ParamSpec[], args: unknown[]): (number[] | null)[] {
  return params.map((p, i) => {
    const a = args[i];
    if (p.k === "ta") return Array.from(a as ArrayLike<number>);
    if (p.k === "nd") return Array.from((a as NdLike).data);
    return null;
  });
}

function compareArrays(params: readonly ParamSpec[], want: (number[] | null)[], got: (number[] | null)[]): string | null {
  for (let i = 0; i < want.length; i++) {
    if (!want[i]) continue;
    const d = sameElements(want[i]!, got[i]!);
    if (d) return `argument ${i} (${params[i]!.k === "nd" ? "data" : "elements"})${d}`;
  }
  return null;
}

const isUserError = (e: unknown): e is Error =>
  e instanceof Error && [Error, RangeError, TypeError].includes(e.constructor as ErrorConstructor) && e.message.startsWith("fuzz: ");

function normalise(msg: string): string {
  return msg.split("\n")[0]!.replace(/\d+/g, "#").replace(/'[^']*'/g, "'_'").slice(0, 80);
}

// ---- checking ---------------------------------------------------------------------------------------

export interface CheckOptions {
  configs?: readonly Config[];
  /** Calls per configuration and input set, each on fresh arguments (the first one compiles). */
  calls?: number;
  /** A plain run longer than this is reported as "slow" (the generator's loops are too long). */
  slowMs?: number;
}

/** Checks `c` on its own inputs. */
export function check(c: Case, opts: CheckOptions = {}): Verdict {
  return checkInputs(c, [c.inputs], opts).verdict;
}

interface Expected {
  args: unknown[];
  outcome: Outcome;
  arrays: (number[] | null)[];
}

/**
 * Checks `c` on several input sets: each configuration is jitted once and called on every set (sets
 * whose numbers differ in integrality compile more signatures). Stops at the first failure and says
 * which input set it was.
 */
export function checkInputs(c: Case, inputsList: readonly Inputs[], opts: CheckOptions = {}): { verdict: Verdict; inputs: Inputs } {
  let plain: ReturnType<typeof makePlain>;
  const first = inputsList[0]!;
  try {
    plain = makePlain(c);
  } catch (e) {
    return { verdict: { category: "plain", detail: `the source does not evaluate: ${show(e)}`, key: "plain:eval" }, inputs: first };
  }
  if (c.sanitized) {
    const san = makePlain(c, 1);
    for (const inputs of inputsList) {
      const r = run(san.kernel, buildArgs(c.params, inputs));
      if (!r.ok && r.error instanceof SanitizerError)
        return { verdict: { category: "invalid", detail: `the program itself is outside the contract: ${r.error.message}`, key: "invalid" }, inputs };
    }
  }
  const expected: Expected[] = [];
  for (const inputs of inputsList) {
    const args = buildArgs(c.params, inputs);
    const t0 = performance.now();
    const outcome = run(plain.kernel, args);
    const ms = performance.now() - t0;
    if (ms > (opts.slowMs ?? 2000)) return { verdict: { category: "slow", detail: `plain run took ${ms.toFixed(0)} ms`, key: "slow" }, inputs };
    if (!outcome.ok && !isUserError(outcome.error))
      return { verdict: { category: "plain", detail: `plain JS threw ${show(outcome.error)}`, key: `plain:${normalise(show(outcome.error))}` }, inputs };
    expected.push({ args, outcome, arrays: snapshot(c.params, args) });
  }

  for (const cfg of opts.configs ?? CONFIGS) {
    // The native target takes these from the C library (docs/native.md): its last bits may differ.
    if (cfg.target === "native" && usesLibm(c)) continue;
    let jitted: AnyFn;
    try {
      jitted = makeJitted(c, plain, cfg);
    } catch (e) {
      return { verdict: { category: "crash", config: cfg.name, detail: `jit() threw ${show(e)}`, key: `crash:jit:${normalise(show(e))}` }, inputs: first };
    }
    for (let k = 0; k < inputsList.length; k++) {
      const inputs = inputsList[k]!;
      for (let call = 0; call < (opts.calls ?? 2); call++) {
        const v = compareCall(c, cfg, jitted, inputs, expected[k]!, `${cfg.name}, call ${call + 1}`);
        if (v) return { verdict: strictly(c, inputs, v), inputs };
      }
    }
  }
  const e = expected[0]!.outcome;
  return { verdict: { category: "ok", detail: e.ok ? `returned ${show(e.value)}` : `threw ${show(e.error)}`, key: "ok" }, inputs: first };
}

/** A mismatch on a program that leaves the contract (level-2 sanitizer) is not a numbat bug. */
function strictly(c: Case, inputs: Inputs, v: Verdict): Verdict {
  if (!c.strict || !["value", "array", "identity", "throw"].includes(v.category)) return v;
  const r = run(makePlain(c, 2).kernel, buildArgs(c.params, inputs));
  if (r.ok || !(r.error instanceof SanitizerError)) return v;
  return { category: "invalid", config: v.config, detail: `${v.detail}; but the program itself leaves the contract: ${r.error.message}`, key: "invalid" };
}

function compareCall(c: Case, cfg: Config, jitted: AnyFn, inputs: Inputs, exp: Expected, where: string): Verdict | null {
  const expected = exp.outcome;
  const args = buildArgs(c.params, inputs);
  const got = run(jitted, args);
  if (!got.ok) {
    const e = got.error;
    if (e instanceof CompileError) return { category: "compile", config: cfg.name, detail: e.message, key: `compile:${e.code}:${normalise(e.detail)}` };
    // The program is known valid (sanitized run) when it comes from the generator: numbat speculated.
    // Without bounds checks, such a program could read other memory: wasm-nobc runs after wasm.
    if (e instanceof RangeError && /out of bounds/.test(e.message)) return { category: "oob", config: cfg.name, detail: e.message, key: "oob" };
    if (e instanceof RangeError && /integer remainder by zero/.test(e.message)) return { category: "rem0", config: cfg.name, detail: e.message, key: "rem0" };
    if (expected.ok) {
      const cat: Category = isUserError(e) ? "throw" : "crash";
      return { category: cat, config: cfg.name, detail: `${where}: plain JS returned ${show(expected.value)}, jitted threw ${show(e)}`, key: `${cat}:${cfg.name}:${normalise(show(e))}` };
    }
    const want = expected.error as Error;
    if (!isUserError(e)) return { category: "crash", config: cfg.name, detail: `${where}: plain JS threw ${show(want)}, jitted threw ${show(e)}`, key: `crash:${cfg.name}:${normalise(show(e))}` };
    if (e.constructor !== want.constructor || e.message !== want.message)
      return { category: "throw", config: cfg.name, detail: `${where}: plain JS threw ${show(want)}, jitted threw ${show(e)}`, key: `throw:${cfg.name}` };
  } else if (!expected.ok) {
    return { category: "throw", config: cfg.name, detail: `${where}: plain JS threw ${show(expected.error)}, jitted returned ${show(got.value)}`, key: `throw:${cfg.name}` };
  } else {
    const d = compareValue(expected.value, exp.args, got.value, args);
    if (d) return { category: d.cat, config: cfg.name, detail: `${where}: ${d.msg}`, key: `${d.cat}:${cfg.name}` };
  }
  const d = compareArrays(c.params, exp.arrays, snapshot(c.params, args));
  if (d) return { category: "array", config: cfg.name, detail: `${where}: after the call, ${d}`, key: `array:${cfg.name}` };
  return null;
}
