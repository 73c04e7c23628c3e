// guvectorize(fn, layout): NumPy's generalized ufuncs (Numba's @guvectorize). The layout
// "(m,n),(n,p)->(m,p)" names each argument's core dimensions (its last ones); the dimensions before them
// broadcast as in vectorize. fn receives each core block — a typed array for one core dimension, an
// n-d array for more, a number for a "()" input, a 1-element typed array for a "()" output — and
// writes its result into the output argument. The loop over the outer dimensions is a generated kernel
// (copy the blocks in, call fn, copy the outputs back), jitted with fn compiled into it; on "parallel"
// its outer loop is split into chunks over threads, each with its own blocks.

import { jit } from "../index.js";
import { DTYPES, type DType } from "../ir/types.js";
import type { NdArray, TypedArray } from "../runtime/ndarray.js";
import { broadcastShapes, broadcastStrides, formatShape, loopNest } from "./broadcast.js";
import { type ArrayOperand, type Operand, allocate, promoteAll, toOperand } from "./operands.js";
import { unwrapJitted } from "./source.js";
import { outOperand } from "./vectorize.js";

export interface GuvectorizeOptions {
  /** "cpu" (default) or "parallel" (the outer loop in chunks over threads). */
  target?: "cpu" | "parallel";
  threads?: number;
  /** The outputs' dtype (default: float32 when every array input is float32, else float64). */
  dtype?: "float64" | "float32" | "int32";
  scope?: Record<string, unknown>;
}

export interface Gufunc<F extends (...args: any[]) => any> {
  /** g(inputs...) allocates and returns the output (an array of outputs when there are several); g(inputs..., outputs...) fills those. */
  (...args: unknown[]): NdArray | TypedArray | (NdArray | TypedArray)[];
  readonly layout: string;
  readonly nin: number;
  readonly nout: number;
  readonly py: F;
  inspect(what: "ir" | "wat" | "js"): string;
}

interface Layout {
  readonly inputs: string[][];
  readonly outputs: string[][];
}

function parseLayout(layout: string, who: string): Layout {
  const m = /^\s*(.*?)\s*->\s*(.*?)\s*$/.exec(layout);
  const groups = (s: string): string[][] | undefined => {
    const parts = s.match(/\(([^()]*)\)/g);
    if (!parts || parts.join(",").replace(/\s/g, "") !== s.replace(/\s/g, "")) return undefined;
    return parts.map((p) => p.slice(1, -1).split(",").map((d) => d.trim()).filter((d) => d !== ""));
  };
  const inputs = m && groups(m[1]!), outputs = m && groups(m[2]!);
  const ok = inputs && outputs && [...inputs, ...outputs].every((g) => g.every((d) => /^([A-Za-z_]\w*|\d+)$/.test(d)));
  if (!ok) throw new TypeError(`${who}: bad layout "${layout}"; write it as NumPy does, e.g. "(m,n),(n,p)->(m,p)" or "(n),()->(n)"`);
  return { inputs: inputs!, outputs: outputs! };
}

/**
 * Binds each core dimension name to its size, checking that every argument agrees (and fixed sizes such
 * as "(3)"); returns each argument's outer (loop) shape. `names` say "input 2" in the errors.
 */
function bindCores(shapes: readonly (readonly number[])[], cores: readonly string[][], names: readonly string[], layout: string, who: string): { loopShapes: number[][]; sizes: Map<string, number> } {
  const seen = new Map<string, { size: number; from: string }>();
  const loopShapes = shapes.map((shape, k) => {
    const core = cores[k]!, from = names[k]!;
    if (shape.length < core.length) throw new RangeError(`${who}: ${from} has ${shape.length} dimension${shape.length === 1 ? "" : "s"}, but its core "(${core.join(",")})" needs ${core.length}`);
    core.forEach((name, c) => {
      const size = shape[shape.length - core.length + c]!;
      const known = /^\d+$/.test(name) ? { size: Number(name), from: "the layout" } : seen.get(name);
      if (known && known.size !== size)
        throw new RangeError(`${who}: ${from} has size ${size} in core dimension '${name}', but ${known.from} gives ${known.size} (layout "${layout}")`);
      if (!known) seen.set(name, { size, from });
    });
    return shape.slice(0, shape.length - core.length);
  });
  return { loopShapes, sizes: new Map([...seen].map(([d, v]) => [d, v.size])) };
}

const CTOR: Record<DType, string> = Object.fromEntries(Object.entries(DTYPES).map(([d, i]) => [d, i.ctor])) as Record<DType, string>;

interface Arg { readonly core: string[]; readonly dtype: DType | undefined; readonly output: boolean }

/** The loop kernel for one call class: loop rank, each argument's core dimensions and dtype (undefined: a number). */
function gufuncSource(rank: number, args: readonly Arg[], dims: readonly string[], parallel: boolean): string {
  const params = Array.from({ length: rank }, (_, j) => `nb$n${j}`);
  if (parallel) params.push("nb$nc", "nb$B");
  params.push(...dims.map((d) => `nb$d_${d}`));
  const scratch: string[] = [], copyIn: string[] = [], copyOut: string[] = [], callArgs: string[] = [];
  args.forEach((a, k) => {
    params.push(`nb$a${k}`);
    if (a.dtype === undefined) { callArgs.push(`nb$a${k}`); return; }
    params.push(`nb$o${k}`, ...Array.from({ length: rank }, (_, j) => `nb$s${k}_${j}`), ...a.core.map((_, c) => `nb$t${k}_${c}`));
    const base = `nb$b${k}`;
    copyIn.push(`const ${base} = nb$o${k}${Array.from({ length: rank }, (_, j) => ` + nb$i${j} * nb$s${k}_${j}`).join("")};`);
    const x = `nb$x${k}`;
    if (a.core.length === 0 && !a.output) { callArgs.push(`nb$a${k}[${base}]`); return; }
    callArgs.push(x);
    const sizes = a.core.map((d) => `nb$d_${d}`);
    scratch.push(a.core.length <= 1 ? `const ${x} = new ${CTOR[a.dtype]}(${sizes[0] ?? 1});` : `const ${x} = zeros([${sizes.join(", ")}], "${DTYPES[a.dtype].name}");`);
    const js = a.core.map((_, c) => `nb$j${c}`);
    const src = `nb$a${k}[${base}${js.map((j, c) => ` + ${j} * nb$t${k}_${c}`).join("")}]`;
    const local = a.core.length <= 1 ? `${x}[${js[0] ?? 0}]` : undefined;
    const nest = (body: string) => a.core.reduceRight((s, _, c) => `for (let nb$j${c} = 0; nb$j${c} < ${sizes[c]}; nb$j${c}++) { ${s} }`, body);
    copyIn.push(nest(local ? `${local} = ${src};` : `${x}.set(${js.join(", ")}, ${src});`));
    if (a.output) copyOut.push(nest(`${src} = ${local ?? `${x}.get(${js.join(", ")})`};`));
  });
  const body = [...copyIn, `nb$f(${callArgs.join(", ")});`, ...copyOut].join("\n");
  let loops = body;
  for (let j = rank - 1; j >= (parallel ? 1 : 0); j--) loops = `for (let nb$i${j} = 0; nb$i${j} < nb$n${j}; nb$i${j}++) {\n${loops}\n}`;
  const text = parallel
    ? `for (const nb$c of prange(nb$nc)) {\n${scratch.join("\n")}\nconst nb$lo = nb$c * nb$B; const nb$hi = Math.min(nb$lo + nb$B, nb$n0);\n` +
      `for (let nb$i0 = nb$lo; nb$i0 < nb$hi; nb$i0++) {\n${loops}\n}\n}`
    : `${scratch.join("\n")}\n${loops}`;
  return `function nb$gufunc(${params.join(", ")}) {\n${text}\n}`;
}

/**
 * A NumPy generalized ufunc (Numba's @guvectorize): `fn(...inputs, ...outputs)` computes one core block
 * and writes it into its output arguments; the layout names the core dimensions.
 *
 * @example
 * const matmul = guvectorize((A, B, C) => { ... C.set(i, j, s) ... }, "(m,n),(n,p)->(m,p)");
 * matmul(stackOfA, B);   // (k,m,n) x (n,p) -> (k,m,p)
 */
export function guvectorize<F extends (...args: any[]) => any>(fn: F, layout: string, options: GuvectorizeOptions = {}): Gufunc<F> {
  if (typeof fn !== "function") throw new TypeError(`guvectorize: expected a function, got ${fn === null ? "null" : typeof fn}`);
  const { py, scope } = unwrapJitted(fn, options.scope);
  options = { ...options, scope };
  const who = `guvectorize(${py.name || "anonymous"})`;
  const { inputs, outputs } = parseLayout(layout, who);
  const nin = inputs.length, nout = outputs.length;
  if (py.length !== nin + nout) throw new TypeError(`${who}: layout "${layout}" has ${nin} input${nin === 1 ? "" : "s"} and ${nout} output${nout === 1 ? "" : "s"}, so the function must take ${nin + nout} parameters, not ${py.length}`);
  const target = options.target ?? "cpu";
  if (target !== "cpu" && target !== "parallel") throw new TypeError(`${who}: target ${JSON.stringify(target)} is not available for guvectorize; use "cpu" or "parallel"`);
  const parallel = target === "parallel";
  const callee = jit(py, { scope: options.scope });
  const kernels = new Map<string, (...a: unknown[]) => unknown>();
  let last: ((...a: unknown[]) => unknown) | undefined;

  const g = function (...raw: unknown[]) {
    if (raw.length !== nin && raw.length !== nin + nout)
      throw new TypeError(`${who}: expected ${nin} input${nin === 1 ? "" : "s"} (or ${nin + nout} arguments with the output${nout === 1 ? "" : "s"}), got ${raw.length}`);
    const ins: Operand[] = raw.slice(0, nin).map((x, k) => toOperand(x, `${who}: argument ${k + 1}`));
    const given = raw.length === nin + nout ? raw.slice(nin).map((x, k) => outOperand(x, `${who}: output ${k + 1}`)) : undefined;
    const { loopShapes, sizes } = bindCores(
      [...ins.map((o) => (o.kind === "array" ? o.shape : [])), ...(given ?? []).map((o) => o.shape)],
      [...inputs, ...(given ? outputs : [])],
      [...inputs.map((_, k) => `input ${k + 1}`), ...outputs.map((_, k) => `output ${k + 1}`)], layout, who);
    for (const d of outputs.flat()) if (!/^\d+$/.test(d) && !sizes.has(d)) throw new RangeError(`${who}: core dimension '${d}' of an output is not set by any input (layout "${layout}")`);
    const size = (d: string) => (/^\d+$/.test(d) ? Number(d) : sizes.get(d)!);
    const loopShape = broadcastShapes(loopShapes.slice(0, nin), who);
    if (given) {
      const all = broadcastShapes([loopShape, ...loopShapes.slice(nin)], who);
      loopShapes.slice(nin).forEach((s, k) => {
        if (formatShape(s) !== formatShape(all)) throw new RangeError(`${who}: output ${k + 1} has outer shape ${formatShape(s)}, but the inputs broadcast to ${formatShape(all)}`);
      });
    }
    const float = promoteAll(ins) === "f32" ? "f32" : "f64";
    const dtype: DType = options.dtype === "float32" ? "f32" : options.dtype === "int32" ? "i32" : options.dtype === "float64" ? "f64" : float;
    const allocated = given ? undefined : outputs.map((core) => allocate([...loopShape, ...core.map(size)], dtype));
    const outs: ArrayOperand[] = given ?? allocated!.map((nd) => toOperand(nd, "out") as ArrayOperand);
    const ops = [...ins, ...outs];
    const cores = [...inputs, ...outputs].map((c) => c.map((d) => (/^\d+$/.test(d) ? `$${d}` : d))); // fixed sizes get names too ($ is not in layout names)
    const result = () => {
      const bare = ins.every((o) => o.kind === "scalar" || o.bare);
      const back = given ? raw.slice(nin) : allocated!.map((nd) => (bare && nd.shape.length === 1 ? nd.data : nd));
      return nout === 1 ? back[0] : back;
    };
    if (loopShape.some((d) => d === 0)) return result();
    // per argument: loop strides (broadcast), core strides
    const loopStrides = ops.map((o, k) => (o.kind === "array" ? broadcastStrides({ shape: o.shape.slice(0, o.shape.length - cores[k]!.length), stride: o.stride.slice(0, o.stride.length - cores[k]!.length) }, loopShape) : loopShape.map(() => 0)));
    const nest = loopNest(loopShape, loopStrides, ops.length - 1);
    const rank = nest.extents.length;
    const usePar = parallel && rank > 0;
    const dims = [...new Set(cores.flat())];
    const args: Arg[] = ops.map((o, k) => ({ core: cores[k]!, dtype: o.kind === "array" ? o.dtype : undefined, output: k >= nin }));
    const source = gufuncSource(rank, args, dims, usePar);
    let kernel = kernels.get(source);
    if (!kernel) kernels.set(source, (kernel = jit(new Function(`return ${source}`)() as (...a: unknown[]) => unknown, { scope: { ...options.scope, nb$f: callee }, ...(usePar ? { threads: options.threads } : { parallel: false }) })));
    last = kernel;
    const values: unknown[] = [...nest.extents];
    if (usePar) {
      const chunks = Math.min(nest.extents[0]!, 64), block = Math.ceil(nest.extents[0]! / chunks);
      values.push(Math.ceil(nest.extents[0]! / block), block);
    }
    values.push(...dims.map((d) => (d.startsWith("$") ? Number(d.slice(1)) : size(d))));
    ops.forEach((o, k) => {
      if (o.kind === "scalar") { values.push(o.value); return; }
      const core = cores[k]!.length;
      values.push(o.data, o.offset, ...nest.strides[k]!, ...o.stride.slice(o.stride.length - core));
    });
    kernel(...values);
    return result();
  } as unknown as Gufunc<F>;
  Object.defineProperties(g, {
    name: { value: py.name },
    layout: { value: layout },
    nin: { value: nin },
    nout: { value: nout },
    py: { value: py },
  });
  (g as { inspect: unknown }).inspect = (what: "ir" | "wat" | "js") => {
    if (!last) throw new Error(`${who}: nothing compiled yet; call it once first`);
    return (last as unknown as { inspect(w: string): string }).inspect(what);
  };
  return g;
}
