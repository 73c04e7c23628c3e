// The options objects of jit() and kernel(), read once when they are called: each option is read one
// time into a fresh object (later changes to the caller's object change nothing), an unknown name is a
// TypeError listing the valid ones (a typo such as `boundcheck` would otherwise be ignored in silence),
// and `scope` is snapshotted, so every signature compiled later sees the same constants.

import type { JitOptions } from "./dispatcher.js";
import type { KernelOptions } from "./kernel.js";

/** What an option's value must be, as a phrase for the error ("a boolean"); `ok` tells whether a value is one. */
interface Rule {
  readonly ok: (v: unknown) => boolean;
  readonly is: string;
}

const isPlainObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);
const bool: Rule = { ok: (v) => typeof v === "boolean", is: "true or false" };
const str: Rule = { ok: (v) => typeof v === "string", is: "a string" };
const num: Rule = { ok: (v) => typeof v === "number", is: "a number" };
const object: Rule = { ok: isPlainObject, is: "an object" };

/** The options jit() takes for the CPU targets (driver/dispatcher.ts JitOptions documents each). */
export const JIT_OPTIONS = {
  target: str,
  boundscheck: bool,
  scope: object,
  opt: { ok: (v) => v === 0 || v === 1, is: "0 or 1" },
  fastmath: bool,
  float32: bool,
  signatures: { ok: (v) => Array.isArray(v) && v.every((s) => Array.isArray(s) && s.every((t) => typeof t === "string")), is: "an array of arrays of type names" },
  parallel: bool,
  threads: num,
  schedule: str,
  chunk: num,
  cache: bool,
  tier: { ok: (v) => v === "auto" || v === "eager", is: '"auto" or "eager"' },
  tierUp: { ok: (v) => typeof v === "boolean" || v === "native" || isPlainObject(v), is: 'true, false, "native" or { calls, ms }' },
} as const satisfies Record<keyof JitOptions, Rule>; // an option added to JitOptions must be added here (or the build fails)

/** kernel() and jit() with a GPU target (driver/kernel.ts KernelOptions). */
export const KERNEL_OPTIONS = { target: str, float: str, scope: object } as const satisfies Record<keyof KernelOptions, Rule>;
export const GPU_JIT_OPTIONS: Readonly<Record<string, Rule>> = { ...KERNEL_OPTIONS, boundscheck: bool };

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function unknownOption(api: string, name: string, rules: Readonly<Record<string, Rule>>): TypeError {
  const names = Object.keys(rules);
  const near = names.filter((n) => distance(n.toLowerCase(), name.toLowerCase()) <= 2);
  const hint = near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(" or ")}?)` : "";
  return new TypeError(`${api}: unknown option "${name}"${hint}; the options are ${names.join(", ")}`);
}

/**
 * A copy of `options` with each option read once and checked against `rules`; `scope` becomes a frozen
 * snapshot of its own enumerable properties (getters run once, now). Options set to undefined are left out.
 */
export function readOptions<T extends object>(api: string, options: unknown, rules: Readonly<Record<string, Rule>>): T {
  if (options === undefined) return {} as T;
  if (!isPlainObject(options)) throw new TypeError(`${api}: options must be an object, got ${options === null ? "null" : Array.isArray(options) ? "an array" : typeof options}`);
  const out: Record<string, unknown> = {};
  for (const name in options as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(rules, name)) throw unknownOption(api, name, rules);
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const rule = rules[name]!;
    if (!rule.ok(value)) throw new TypeError(`${api}: the ${name} option must be ${rule.is}, got ${describe(value)}`);
    out[name] = name === "scope" ? snapshotScope(value as Record<string, unknown>) : value;
  }
  return out as T;
}

/** The scope's values as they are now: a frozen copy of its own enumerable properties. */
export function snapshotScope(scope: Record<string, unknown>): Readonly<Record<string, unknown>> {
  return Object.freeze({ ...scope });
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return `a ${typeof v}`;
}
