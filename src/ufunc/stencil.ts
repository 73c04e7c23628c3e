// stencil(fn): Numba's @stencil. The kernel reads neighbours with relative indices, `a.get(-1, 0)`
// (Numba's a[-1, 0]); the result has the input's shape, each point where the neighbourhood fits holds
// the kernel's value there, and the border holds `cval`. The stencil is a generated jitted function —
// the user's kernel rewritten to absolute indices (a.get(i0 + (-1), i1 + (0))) inside a loop nest whose
// outer loop is a prange — so a stencil called from a jitted function is compiled into it (and runs on
// threads there), and a direct call runs the same compiled loops.

import { jit } from "../index.js";
import { NdArray, type TypedArray } from "../runtime/ndarray.js";
import { attachDispatcher, dispatcherOf } from "../driver/dispatcher.js";
import { DTYPES, dtypeOfUserName, typeToString, type DType } from "../ir/types.js";
import { typeOfValue } from "../runtime/signature.js";

import { inlineFormOf } from "./inline.js";
import { dtypeOf } from "./operands.js";
import { type Node, parseFunctionSource, unwrapJitted, walk } from "./source.js";


export interface StencilOptions {
  /** Per dimension, the [lowest, highest] relative index the kernel reads; default: inferred from its constant indices. */
  neighborhood?: readonly (readonly [number, number])[];
  /** The value of the border points, where the neighbourhood does not fit (default 0). */
  cval?: number;
  /** The result's dtype (default "float64"). */
  dtype?: string;
  /** "cpu" (default) or "parallel": a direct call runs the outer loop on threads (inside a jitted function, the caller's setting rules). */
  target?: "cpu" | "parallel";
  /** Threads for "parallel". */
  threads?: number;
  /** Names the kernel uses besides its parameters, as jit's scope. */
  scope?: Record<string, unknown>;
}

export interface Stencil<F extends (...args: any[]) => any> {
  /** The stencil over whole arrays (n-d arrays, or typed arrays for 1-d); a last `{ out }` writes there. */
  (...args: unknown[]): NdArray | TypedArray;
  /** The neighbourhood, per dimension [lowest, highest]. */
  readonly neighborhood: readonly (readonly [number, number])[];
  readonly py: F;
  /** The generated function's source (what a jitted caller compiles). */
  readonly source: string;
  inspect(what: "ir" | "wat" | "js"): string;
}

/** A constant integer offset (`1`, `-2`, `+0`), or undefined. */
function constantOffset(n: Node): number | undefined {
  if (n.type === "Literal" && Number.isInteger(n.value)) return n.value;
  if (n.type === "UnaryExpression" && (n.operator === "-" || n.operator === "+")) {
    const v = constantOffset(n.argument);
    return v === undefined ? undefined : n.operator === "-" ? -v : v;
  }
  return undefined;
}

interface Analysed {
  readonly params: string[];
  readonly arrays: string[];
  readonly rank: number;
  readonly neighborhood: [number, number][];
  /** The function with every relative `p.get(...)` made absolute (nb$i<d> + offset). */
  readonly absolute: string;
}

function analyse(fn: Function, who: string, given: StencilOptions["neighborhood"]): Analysed {
  const { text, fn: f } = parseFunctionSource(Function.prototype.toString.call(fn));
  if (!f || !f.params.every((p: Node) => p.type === "Identifier"))
    throw new TypeError(`${who}: the kernel must be a function or arrow function with plain parameters`);
  const params: string[] = f.params.map((p: Node) => p.name);
  const arrays = new Set<string>();
  const gets: Node[] = [];
  walk(f.body, (n) => {
    if (n.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed && n.callee.property.name === "get" &&
      n.callee.object.type === "Identifier" && params.includes(n.callee.object.name)) {
      gets.push(n);
      arrays.add(n.callee.object.name);
    }
  });
  if (!gets.length) throw new TypeError(`${who}: the kernel reads no neighbour; write relative reads as a.get(-1, 0)`);
  const rank = gets[0]!.arguments.length;
  const lo = new Array<number>(rank).fill(0), hi = new Array<number>(rank).fill(0);
  for (const g of gets) {
    const where = `line ${g.loc.start.line}`;
    if (g.arguments.length !== rank)
      throw new TypeError(`${who}: ${text.slice(g.start, g.end)} (${where}) has ${g.arguments.length} indices, but other reads have ${rank}; every read takes one relative index per dimension`);
    g.arguments.forEach((a: Node, d: number) => {
      const c = constantOffset(a);
      if (c === undefined && !given)
        throw new TypeError(`${who}: the relative index ${text.slice(a.start, a.end)} in ${text.slice(g.start, g.end)} (${where}) is not a constant; pass the neighborhood option`);
      if (c !== undefined) { lo[d] = Math.min(lo[d]!, c); hi[d] = Math.max(hi[d]!, c); }
    });
  }
  let neighborhood = lo.map((l, d) => [l, hi[d]!] as [number, number]);
  if (given) {
    if (given.length !== rank || !given.every((r) => r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] <= r[1]))
      throw new TypeError(`${who}: neighborhood must give [lowest, highest] integers for each of the kernel's ${rank} dimensions`);
    neighborhood.forEach(([l, h], d) => {
      if (l < given[d]![0] || h > given[d]![1]) throw new RangeError(`${who}: the kernel reads offset ${l < given[d]![0] ? l : h} in dimension ${d}, outside the neighborhood [${given[d]!.join(", ")}]`);
    });
    neighborhood = given.map(([l, h]) => [l, h]);
  }
  // A constant offset c becomes `nb$i<d> + c`; any other index gets a prefix and a parenthesis
  // (insertions only, so nested reads compose).
  const edits: [number, number, string][] = [];
  for (const g of gets)
    g.arguments.forEach((a: Node, d: number) => {
      const c = constantOffset(a);
      if (c !== undefined) edits.push([a.start, a.end, c === 0 ? `nb$i${d}` : `nb$i${d} ${c < 0 ? "-" : "+"} ${Math.abs(c)}`]);
      else edits.push([a.start, a.start, `nb$i${d} + (`], [a.end, a.end, ")"]);
    });
  edits.sort((x, y) => y[0] - x[0] || y[1] - x[1]);
  let absolute = text;
  for (const [from, to, s] of edits) absolute = absolute.slice(0, from) + s + absolute.slice(to);
  return { params, arrays: params.filter((p) => arrays.has(p)), rank, neighborhood, absolute: absolute.slice(1, -2) };
}

/** Loops over every point of `dims` (from..to per dimension) around `body`. */
function loops(rank: number, from: (d: number) => string, to: (d: number) => string, body: string, parallel: boolean): string {
  let s = body;
  for (let d = rank - 1; d >= 0; d--)
    s = d === 0 && parallel ? `for (const nb$i0 of prange(${from(0)}, ${to(0)})) {\n${s}\n}` : `for (let nb$i${d} = ${from(d)}; nb$i${d} < ${to(d)}; nb$i${d}++) {\n${s}\n}`;
  return s;
}

function generate(a: Analysed, opts: StencilOptions, withOut: boolean, parallel: boolean): { source: string; body?: string } {
  const { rank, neighborhood, arrays, params } = a;
  const first = arrays[0]!;
  const idx = Array.from({ length: rank }, (_, d) => `nb$i${d}`).join(", ");
  const lines: string[] = [];
  for (let d = 0; d < rank; d++) lines.push(`const nb$n${d} = ${first}.shape[${d}];`);
  const checks = [...arrays.slice(1), ...(withOut ? ["nb$r"] : [])];
  for (const b of checks)
    for (let d = 0; d < rank; d++) lines.push(`if (${b}.shape[${d}] !== nb$n${d}) throw new RangeError("stencil: every array must have the shape of the first");`);
  const dtype = DTYPES[resolveDType(opts.dtype)].name;
  if (!withOut) lines.push(`const nb$r = zeros([${Array.from({ length: rank }, (_, d) => `nb$n${d}`).join(", ")}], "${dtype}");`);
  const cval = opts.cval ?? 0;
  const cvalText = Object.is(cval, -0) ? "-0" : Number.isNaN(cval) ? "NaN" : cval === Infinity ? "Infinity" : cval === -Infinity ? "-Infinity" : String(cval);
  if (withOut || !Object.is(cval, 0)) {
    // the border: for each dimension, the slabs below and above where the neighbourhood fits
    for (let d = 0; d < rank; d++) {
      const [lo, hi] = neighborhood[d]!;
      const store = `nb$r.set(${idx}, ${cvalText});`;
      if (lo < 0) lines.push(loops(rank, () => "0", (k) => (k === d ? `Math.min(${-lo}, nb$n${k})` : `nb$n${k}`), store, false));
      if (hi > 0) lines.push(loops(rank, (k) => (k === d ? `Math.max(nb$n${k} - ${hi}, 0)` : "0"), (k) => `nb$n${k}`, store, false));
    }
  }
  const inline = inlineFormOf(a.absolute);
  let body: string | undefined;
  let point: string;
  if (inline) point = `{ ${inline.prelude}\nnb$r.set(${idx}, ${inline.result}); }`;
  else {
    const { text, fn: f } = parseFunctionSource(a.absolute);
    const b = text.slice(f!.body.start, f!.body.end);
    body = `function nb$body(${[...params, ...idx.split(", ")].join(", ")}) ${f!.body.type === "BlockStatement" ? b : `{ return ${b}; }`}`;
    point = `nb$r.set(${idx}, nb$body(${[...params, idx].join(", ")}));`;
  }
  lines.push(loops(rank, (d) => String(Math.max(0, -neighborhood[d]![0])), (d) => `nb$n${d} - ${Math.max(0, neighborhood[d]![1])}`, point, parallel));
  lines.push("return nb$r;");
  const name = withOut ? "nb$stencilOut" : "nb$stencil";
  return { source: `function ${name}(${[...params, ...(withOut ? ["nb$r"] : [])].join(", ")}) {\n${lines.join("\n")}\n}`, body };
}

function resolveDType(name: string | undefined): DType {
  const d = name === undefined ? "f64" : dtypeOfUserName(name);
  if (!d) throw new TypeError(`stencil: unknown dtype ${JSON.stringify(name)}`);
  return d;
}

function compile(gen: { source: string; body?: string }, opts: StencilOptions): (...args: unknown[]) => unknown {
  const fn = new Function(`return ${gen.source}`)() as (...a: unknown[]) => unknown;
  const scope: Record<string, unknown> = { ...opts.scope };
  if (gen.body) scope.nb$body = jit(new Function(`return ${gen.body}`)() as (...a: unknown[]) => unknown, { scope: opts.scope });
  return jit(fn, { scope, ...(opts.target === "parallel" ? { threads: opts.threads } : { parallel: false }) });
}

/**
 * Numba's @stencil: `kernel` reads neighbours with relative indices (`a.get(-1, 0)`); the stencil applies
 * it at every point where the neighbourhood fits and puts `cval` on the border.
 *
 * @example
 * const smooth = stencil((a) => 0.25 * (a.get(-1, 0) + a.get(1, 0) + a.get(0, -1) + a.get(0, 1)));
 * smooth(zeros([100, 100]));
 */
export function stencil<F extends (...args: any[]) => any>(kernel: F, options: StencilOptions = {}): Stencil<F> {
  if (typeof kernel !== "function") throw new TypeError(`stencil: expected a function, got ${kernel === null ? "null" : typeof kernel}`);
  const { py, scope } = unwrapJitted(kernel, options.scope);
  options = { ...options, scope };
  const who = `stencil(${py.name || "anonymous"})`;
  if (options.target !== undefined && options.target !== "cpu" && options.target !== "parallel")
    throw new TypeError(`${who}: target ${JSON.stringify(options.target)} is not available for stencils; use "cpu" or "parallel"`);
  resolveDType(options.dtype);
  const a = analyse(py, who, options.neighborhood);
  // The function a jitted caller compiles in has a prange outer loop (threads there follow the caller);
  // a direct call on "cpu" runs the same loops with an ordinary outer loop.
  const alloc = generate(a, options, false, true);
  const callee = compile(alloc, options);
  const parallel = options.target === "parallel";
  const jitted = parallel ? callee : compile(generate(a, options, false, false), options);
  let withOut: ((...args: unknown[]) => unknown) | undefined;
  const plain = jit(py, { scope: options.scope });
  const checked = new Set<string>();
  let last = jitted;
  const s = function (...args: unknown[]) {
    let out: unknown;
    const tail = args[args.length - 1];
    if (args.length === a.params.length + 1 && typeof tail === "object" && tail !== null && "out" in tail && !("data" in tail)) out = (args.pop() as { out: unknown }).out;
    if (args.length !== a.params.length) throw new TypeError(`${who}: expected ${a.params.length} argument${a.params.length === 1 ? "" : "s"} (and optionally { out }), got ${args.length}`);
    let bare = false;
    const views = args.map((x, i) => {
      if (!a.arrays.includes(a.params[i]!) || !dtypeOf(x)) return x;
      if (i === a.params.indexOf(a.arrays[0]!)) bare = true;
      return new NdArray(x as TypedArray, [(x as TypedArray).length]);
    });
    for (const name of a.arrays) {
      const v = views[a.params.indexOf(name)] as { shape?: unknown[] };
      if (!v || !Array.isArray(v.shape) || v.shape.length !== a.rank)
        throw new TypeError(`${who}: argument '${name}' must be a ${a.rank}-d array (the kernel reads it with ${a.rank} relative indices)`);
    }
    // The kernel as written compiles for these types first, so that its errors point at its own source.
    const types = views.map((v, i) => typeOfValue(v, a.params[i]!, who));
    const key = types.map(typeToString).join(",");
    if (!checked.has(key)) { dispatcherOf(plain)!.irFor(types); checked.add(key); }
    if (out === undefined) {
      last = jitted;
      const r = jitted(...views) as NdArray;
      return bare ? r.data : r;
    }
    last = withOut ??= compile(generate(a, options, true, parallel), options);
    withOut(...views, dtypeOf(out) ? new NdArray(out as TypedArray, [(out as TypedArray).length]) : out);
    return out;
  } as unknown as Stencil<F>;
  attachDispatcher(s, dispatcherOf(callee)!); // a jitted caller compiles the generated function into itself
  Object.defineProperties(s, {
    name: { value: py.name },
    length: { value: a.params.length },
    neighborhood: { value: a.neighborhood },
    py: { value: py },
    source: { value: alloc.body ? `${alloc.source}\n${alloc.body}` : alloc.source },
  });
  (s as { inspect: unknown }).inspect = (what: "ir" | "wat" | "js") => (last as unknown as { inspect(w: string): string }).inspect(what);
  return s;
}
