// Automatic GPU offload: a function whose body is a scalar prologue followed by `prange` loop nests
// becomes one kernel per nest. The innermost (up to three) perfectly nested prange loops map to the
// grid's x, y, z axes — innermost on x, where consecutive threads touch consecutive elements — and
// each thread runs the body for its own indices. Every target shares this pass; the kernel API
// launches the kernels in order.
//
// The prologue (e.g. `const n = a.length`) is copied into each kernel (each thread recomputes a few
// scalars rather than numbat passing extra parameters), and also gives the host the loop bounds that
// size the grid (see `extents`).

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { isArray } from "../ir/types.js";
import { forEachExpr, forEachStmt } from "../ir/walk.js";
import { add } from "./affine.js";
import { freshNames } from "./fresh.js";
import { blockProduct } from "./gpu-block.js";

type For = Extract<Stmt, { k: "for" }>;

export interface OffloadedNest {
  /** The kernel: same parameters as the function; its threads cover the nest's iteration space. */
  readonly kernel: FuncIR;
  /** The prange loops mapped to the grid, x axis first. */
  readonly loops: readonly For[];
  /** Iterations of each grid loop that one thread runs (1 each, or a register block: gpu-block.ts). */
  readonly perThread: readonly [number, number, number];
}

export interface Offloaded {
  readonly nests: readonly OffloadedNest[];
  /** A plain function of the same parameters returning [start0, end0, start1, end1, ...] of every nest's grid loops. */
  readonly extents: FuncIR;
}

/** Why a statement cannot be offloaded, or undefined. */
export class OffloadError extends Error {
  constructor(readonly detail: string) { super(detail); }
}

/** Threads per group for a nest of 1, 2 or 3 grid loops (256 threads: WebGPU's default limit). */
export const OFFLOAD_GROUP: Record<number, readonly [number, number, number]> = { 1: [256, 1, 1], 2: [16, 16, 1], 3: [8, 8, 4] };

/**
 * `block`: matrix-product nests give each thread a block of outputs (gpu-block.ts); the WebGPU target
 * asks for it, the simulator keeps one thread per iteration (so tests compare the two forms).
 */
export function offload(f: FuncIR, float: "f32" | "f64", options: { block?: boolean } = {}): Offloaded {
  if (f.ret !== "void") throw new OffloadError(`'${f.sourceName}' returns a value; an offloaded function writes its results into arrays`);
  for (const p of f.params) if (isArray(p.type) && p.type.nd) throw new OffloadError(`'${p.name}' is an n-d array; GPU targets take typed arrays`);
  if (f.callees.length) throw new OffloadError(`'${f.sourceName}' calls other functions, which GPU targets do not support`);
  const prologue: Stmt[] = [];
  const nests: OffloadedNest[] = [];
  const bounds: Expr[] = [];
  for (const s of f.body) {
    if (s.k === "for" && s.parallel) {
      const loops: For[] = [];
      let body: Stmt[] = [s];
      // Grid loops: perfectly nested prange loops whose bounds do not depend on each other.
      while (loops.length < 3 && body.length === 1 && body[0]!.k === "for" && body[0]!.parallel && !usesAny([(body[0] as For).start, (body[0] as For).end], loops)) {
        loops.push(body[0] as For);
        body = (body[0] as For).body;
      }
      loops.reverse(); // innermost first: the x axis
      checkNoCarried(loops[loops.length - 1]!, f);
      nests.push({ ...kernelOf(f, prologue, loops, body, float, options.block ?? false), loops });
      for (const l of loops) bounds.push(l.start, l.end);
      continue;
    }
    if (s.k === "assign" && !isArray(s.v.type) && !hasLoadOrCall(s.x)) { prologue.push(s); continue; }
    if (s.k === "return" && s.x === null) break;
    throw new OffloadError(`only prange loop nests (and scalar assignments before them) run on the GPU; move other statements into a prange loop or out of the function`);
  }
  if (nests.length === 0) throw new OffloadError(`'${f.sourceName}' has no prange loop to run on the GPU; write the parallel loops as for (const i of prange(n))`);
  return { nests, extents: extentsOf(f, prologue, bounds) };
}

/** Loop variables of a nest's grid loops get their values from the thread's position; the rest is the body. */
function kernelOf(f: FuncIR, prologue: readonly Stmt[], loops: readonly For[], body: Stmt[], float: "f32" | "f64", block: boolean): Pick<OffloadedNest, "kernel" | "perThread"> {
  const kernel = (stmts: Stmt[], locals: readonly Var[] = [], groupSize = OFFLOAD_GROUP[loops.length]!): FuncIR => ({
    ...f, name: `${f.name}_gpu${loops[0]!.label}`, body: [...prologue, ...stmts], callees: [], locals: [...f.locals, ...locals],
    kernel: { groupSize, float, shared: [] },
  });
  if (block) {
    const outer = new Set<Var>(f.params);
    for (const s of prologue) if (s.k === "assign") outer.add(s.v);
    const fresh = freshNames(f);
    const blocked = blockProduct(loops, body, outer, fresh);
    if (blocked) return { kernel: kernel(blocked.body, fresh.added, blocked.groupSize), perThread: blocked.perThread };
  }
  let inner: Stmt[] = sequential(body);
  // From the innermost loop outwards: i = start + globalId * step; if (i cmp end) { ... }
  loops.forEach((l, axis) => {
    const id: Expr = { k: "gpu", what: "globalId", axis: axis as 0 | 1 | 2, type: "int" };
    const scaled: Expr = l.step === 1 ? id : { k: "binary", op: "mul", a: id, b: { k: "const", type: "int", value: l.step }, type: "int" };
    const at = add(l.start, scaled)!;
    const inRange: Expr = { k: "binary", op: l.cmp, a: { k: "var", v: l.v, type: "int" }, b: l.end, type: "bool" };
    inner = [{ k: "assign", v: l.v, x: at }, { k: "if", c: inRange, then: inner, else: [] }];
  });
  return { kernel: kernel(inner), perThread: [1, 1, 1] };
}

/** prange loops below the grid loops run in order inside each thread. */
function sequential(ss: readonly Stmt[]): Stmt[] {
  return ss.map((s): Stmt => {
    switch (s.k) {
      case "for": return { ...s, parallel: false, body: sequential(s.body) };
      case "if": return { ...s, then: sequential(s.then), else: sequential(s.else) };
      case "loop": return { ...s, body: sequential(s.body), update: sequential(s.update) };
      default: return s;
    }
  });
}

/** A scalar assigned in the nest and read after it would need a reduction across threads. */
function checkNoCarried(outer: For, f: FuncIR): void {
  const inside = new Set<Var>();
  forEachStmt(outer.body, (s) => { if (s.k === "assign") inside.add(s.v); });
  const after = f.body.slice(f.body.indexOf(outer) + 1);
  forEachExpr(after, (e) => {
    if (e.k === "var" && inside.has(e.v))
      throw new OffloadError(`'${e.v.name}' is computed inside a prange loop and used after it; reductions across GPU threads are not offloaded yet (write per-iteration results into an array)`);
  });
}

function usesAny(es: readonly Expr[], loops: readonly For[]): boolean {
  let found = false;
  forEachExpr(es.map((x) => ({ k: "expr", x }) as Stmt), (e) => { if (e.k === "var" && loops.some((l) => l.v === e.v)) found = true; });
  return found;
}

function hasLoadOrCall(e: Expr): boolean {
  let found = false;
  forEachExpr([{ k: "expr", x: e }], (x) => { if (x.k === "load" || x.k === "call" || x.k === "alloc") found = true; });
  return found;
}

/** `extents(...params)` -> Float64Array [start, end, ...] for every grid loop, evaluated on the host. */
function extentsOf(f: FuncIR, prologue: readonly Stmt[], bounds: readonly Expr[]): FuncIR {
  const out: Var = { id: maxVarId(f) + 1, name: "extents", type: { kind: "array", dtype: "f64", ndim: 1, nd: false } };
  const loc = { line: 1, column: 1 };
  const stores: Stmt[] = bounds.map((b, i) => ({
    k: "store", arr: out, idx: [{ k: "const", type: "int", value: i }], x: { k: "cast", op: "i2f", x: b, type: "f64" }, loc,
  }));
  return {
    ...f, name: `${f.name}_extents`, ret: out.type, written: new Set(), callees: [], locals: [...f.locals, out],
    body: [
      ...prologue,
      { k: "assign", v: out, x: { k: "alloc", fill: "zeros", shape: [{ k: "const", type: "int", value: bounds.length }], type: out.type as never, loc } },
      ...stores,
      { k: "return", x: { k: "var", v: out, type: out.type } },
    ],
  };
}

function maxVarId(f: FuncIR): number {
  return Math.max(0, ...[...f.params, ...f.locals].map((v) => v.id));
}
