// Parallel loops. A counted `for` marked `parallel` (a `prange` loop, or a nest the optimiser proved
// independent) runs its iterations on several threads. This file holds
// - the analysis of such a loop: what it reads from outside (live-ins), which scalars are reductions
//   (`s += e`, `s -= e`, `s *= e`, `s = Math.min(s, e)`, `s = Math.max(s, e)`), which are private to an
//   iteration, and what makes it impossible to run in parallel (a provable race, a value carried from
//   one iteration to the next, a jump out of the loop);
// - `checkParallelLoops`, the frontend's compile-time check of prange loops (CompileError NB110);
// - `outlineParallel`, the outlining pass the wasm backend runs: each outermost parallel loop becomes a
//   call of a new function that runs iterations [lo, hi) of it — the unit of work one thread executes.
// See docs/parallel.md for the design (ABI of outlined functions, environment block, reductions).

import type { Expr, FuncIR, Loc, Stmt, Var } from "../ir/nodes.js";

import { isArray } from "../ir/types.js";
import { forEachExpr, forEachStmt, mapExpr, mapStmts, stmtExprs } from "../ir/walk.js";
import type { FuncContext } from "./context.js";
import { orderIndependent, perfectNest } from "./interchange.js";
import { analyzeNest } from "./nest.js";

export type ForStmt = Extract<Stmt, { k: "for" }>;
type Store = Extract<Stmt, { k: "store" }>;

/** How partial results combine: "add" covers `+=` and `-=` (a partial of `-=` updates is itself subtracted from 0). */
export type ReductionOp = "add" | "mul" | "min" | "max";

export interface Reduction {
  readonly v: Var;
  readonly op: ReductionOp;
}

/** Why a loop cannot run in parallel, in the user's terms; `loc` when a node of the loop carries one. */
export interface Problem {
  readonly problem: true;
  readonly detail: string;
  readonly help: string;
  readonly loc?: Loc;
}

export interface LoopFacts {
  readonly problem?: undefined;
  /** Scalars whose per-thread partial results are combined after the loop, in chunk order. */
  readonly reductions: readonly Reduction[];
  /** Variables the body reads whose values come from before the loop (arrays included), by id. */
  readonly liveIns: readonly Var[];
  /** Variables the body assigns (private temporaries, reductions, inner loop counters). */
  readonly assigned: ReadonlySet<Var>;
}

const problem = (detail: string, help: string, loc?: Loc): Problem => ({ problem: true, detail, help, loc });

// ---- variable references -------------------------------------------------------------------------

function isVarLike(x: unknown): x is Var {
  return typeof x === "object" && x !== null && typeof (x as Var).id === "number" && typeof (x as Var).name === "string" && "type" in x;
}

/** Variables one expression node names itself (not through its children): `x`, the array of `A[i]`, ... */
function nodeVars(e: Expr): Var[] {
  switch (e.k) {
    case "var": return [e.v];
    case "load": case "prop": return [e.arr];
    case "const": case "unary": case "binary": case "cast": case "math": case "cond": case "logical": case "call": case "alloc": return [];
    default: {
      // Kinds that name arrays directly (such as the optimiser's `disjoint` test): any field holding a Var.
      const out: Var[] = [];
      for (const [k, x] of Object.entries(e)) if (k !== "type" && isVarLike(x)) out.push(x);
      return out;
    }
  }
}

function exprReads(e: Expr, f: (v: Var) => void): void {
  forEachExpr([{ k: "expr", x: e }], (x) => nodeVars(x).forEach(f));
}

/** Every variable read in `stmts` (values and array descriptors), with the number of reads. */
function readCounts(stmts: readonly Stmt[]): Map<Var, number> {
  const n = new Map<Var, number>();
  const bump = (v: Var) => n.set(v, (n.get(v) ?? 0) + 1);
  forEachExpr(stmts, (e) => nodeVars(e).forEach(bump));
  forEachStmt(stmts, (s) => { if (s.k === "store") bump(s.arr); });
  return n;
}

/** Variables assigned in `stmts`: assignment targets and loop counters. */
function assignedIn(stmts: readonly Stmt[]): Set<Var> {
  const out = new Set<Var>();
  forEachStmt(stmts, (s) => { if (s.k === "assign" || s.k === "for") out.add(s.v); });
  return out;
}

// ---- reductions ----------------------------------------------------------------------------------

/** `v = v op e` (or `e op v` for + and *, `Math.min/max(..., v, ...)`), the update of a reduction. */
function reductionUpdate(s: Stmt): Reduction | undefined {
  if (s.k !== "assign" || (s.v.type !== "int" && s.v.type !== "f64")) return undefined;
  const v = s.v, x = s.x;
  const isV = (e: Expr) => e.k === "var" && e.v === v;
  if (x.k === "binary" && x.type === v.type) {
    if ((x.op === "add" || x.op === "mul") && (isV(x.a) || isV(x.b))) return { v, op: x.op };
    if (x.op === "sub" && isV(x.a)) return { v, op: "add" };
  }
  if (x.k === "math" && (x.fn === "min" || x.fn === "max") && x.type === v.type && x.args.filter(isV).length === 1) return { v, op: x.fn };
  return undefined;
}

const OP_TEXT: Record<ReductionOp, string> = { add: "+= / -=", mul: "*=", min: "Math.min", max: "Math.max" };

// ---- the analysis --------------------------------------------------------------------------------

const PRANGE_HELP = "iterations of a prange loop run in any order, on several threads";

/** Does running `stmts` allocate (directly or through the functions they call)? */
export function allocates(stmts: readonly Stmt[]): boolean {
  let hit = false;
  forEachExpr(stmts, (e) => {
    if (e.k === "alloc") hit = true;
    else if (e.k === "call" && !hit) for (const g of [e.fn, ...e.fn.callees]) if (allocates(g.body)) hit = true;
  });
  return hit;
}

/** Can iterations of `loop` run in parallel? Facts for outlining, or the first problem found. */
export function analyzeLoop(loop: ForStmt): LoopFacts | Problem {
  const body = loop.body;
  // Control: nothing may leave the loop early (other iterations are already running elsewhere).
  const inner = new Set<number>();
  forEachStmt(body, (s) => { if (s.k === "for" || s.k === "loop") inner.add(s.label); });
  let bad: Problem | undefined;
  forEachStmt(body, (s) => {
    if (bad) return;
    if (s.k === "return")
      bad = problem("a prange loop cannot return from the function", "compute into an array or a reduction variable in the loop, and return after it");
    else if ((s.k === "break" && !inner.has(s.label)) || (s.k === "continue" && !inner.has(s.label) && s.label !== loop.label))
      bad = problem(`a prange loop cannot ${s.k === "break" ? "break out of itself or an enclosing loop" : "continue an enclosing loop"}`, `${PRANGE_HELP}: they cannot stop early; use a sequential loop (range) for searches`);
  });
  if (bad) return bad;
  // Scalars assigned in the body: reductions (every use is an update `s = s op e`) or iteration-private.
  const reads = readCounts(body);
  const assigns = new Map<Var, Stmt[]>();
  forEachStmt(body, (s) => {
    if (s.k !== "assign") return;
    const list = assigns.get(s.v);
    if (list) list.push(s); else assigns.set(s.v, [s]); // push, not copy: huge bodies stay linear
  });
  const reductions: Reduction[] = [];
  for (const [v, list] of assigns) {
    const ups = list.map(reductionUpdate);
    if (!ups.every((u) => u !== undefined) || (reads.get(v) ?? 0) !== ups.length) continue;
    const ops = new Set(ups.map((u) => u!.op));
    if (ops.size > 1)
      return problem(`'${v.name}' is updated with both ${[...ops].map((o) => OP_TEXT[o]).join(" and ")} in the prange loop; a reduction uses one operation`, "use one reduction variable per operation and combine them after the loop");
    reductions.push({ v, op: [...ops][0]! });
  }
  const reduced = new Set(reductions.map((r) => r.v));
  const assigned = assignedIn(body);
  const privates = new Set([...assigned].filter((v) => !reduced.has(v)));
  const carried = readBeforeAssigned(body, privates);
  if (carried)
    return problem(`'${carried.name}' can be read before it is assigned in an iteration of the prange loop, so its value would carry over from one iteration to the next`, `assign it at the start of each iteration (declare it inside the loop), or make it a reduction (${carried.name} += ...); ${PRANGE_HELP}`);
  const race = sameElementStore(loop, reduced);
  if (race)
    return problem(`every iteration of the prange loop writes the same element of '${race.arr.name}' (its index does not depend on '${loop.v.name}'), so the iterations would race`, "accumulate into a local variable (s += ..., a reduction) and store it after the loop, or use a sequential loop (range)", race.loc);
  // Live-ins: what the body reads and does not compute itself, plus the start value of min/max reductions.
  const live = new Set<Var>();
  for (const v of reads.keys()) if (!assigned.has(v) && v !== loop.v) live.add(v);
  for (const r of reductions) if (r.op === "min" || r.op === "max") live.add(r.v);
  return { reductions, liveIns: [...live].sort((a, b) => a.id - b.id), assigned };
}

/**
 * The first of `candidates` that some path through one iteration reads before assigning it (so it would
 * read the previous iteration's value). Loops inside the body are checked as if they ran zero times
 * afterwards and their body from the state at their entry.
 */
function readBeforeAssigned(body: readonly Stmt[], candidates: ReadonlySet<Var>): Var | undefined {
  let found: Var | undefined;
  type State = Set<Var> | null; // null: this point is unreachable
  const check = (e: Expr | null, st: Set<Var>) => {
    if (e && !found) exprReads(e, (v) => { if (!found && candidates.has(v) && !st.has(v)) found = v; });
  };
  const meet = (a: State, b: State): State => (a === null ? b : b === null ? a : new Set([...a].filter((v) => b.has(v))));
  const block = (stmts: readonly Stmt[], st0: Set<Var>): State => {
    let st: State = new Set(st0);
    for (const s of stmts) {
      if (st === null || found) return st;
      switch (s.k) {
        case "assign": check(s.x, st); st.add(s.v); break;
        case "store":
          if (candidates.has(s.arr) && !st.has(s.arr)) found ??= s.arr;
          s.idx.forEach((i) => check(i, st!)); check(s.x, st); break;
        case "expr": check(s.x, st); break;
        case "return": check(s.x, st); st = null; break;
        case "throw": case "break": case "continue": st = null; break;
        case "if": { check(s.c, st); st = meet(block(s.then, st), block(s.else, st)); break; }
        case "for": {
          check(s.start, st); check(s.end, st);
          const inLoop = new Set(st).add(s.v);
          block(s.body, inLoop);
          st = inLoop;
          break;
        }
        case "loop": {
          check(s.pre, st);
          const after = block(s.body, st);
          if (after) { const u = block(s.update, after); if (u) check(s.post, u); }
          break;
        }
        default:
          for (const e of stmtExprs(s)) check(e, st);
      }
    }
    return st;
  };
  block(body, new Set());
  return found;
}

/**
 * A store that every iteration performs on the same element: its index and the conditions it runs
 * under do not depend on the loop counter (through temporaries, loads or inner loop bounds).
 * Undefined when none is provable (histogram-style `H[bin[i]] += 1` races are not provable).
 */
function sameElementStore(loop: ForStmt, reduced: ReadonlySet<Var>): Store | undefined {
  const tainted = new Set<Var>([loop.v, ...reduced]);
  const storedArrays = new Set<Var>();
  forEachStmt(loop.body, (s) => { if (s.k === "store") storedArrays.add(s.arr); });
  // Arrays the iteration allocates itself are its own (only when the body runs sequentially).
  const own = new Map<Var, boolean>();
  forEachStmt(loop.body, (s) => { if (s.k === "assign" && isArray(s.v.type)) own.set(s.v, (own.get(s.v) ?? true) && s.x.k === "alloc"); });
  const varies = (e: Expr | null): boolean => {
    let hit = false;
    if (e) forEachExpr([{ k: "expr", x: e }], (x) => {
      if (hit) return;
      if (x.k === "var" && tainted.has(x.v)) hit = true;
      else if (x.k === "load" && storedArrays.has(x.arr)) hit = true;
      else if (x.k === "call" || (x.k === "math" && x.fn === "random")) hit = true;
    });
    return hit;
  };
  let changed = true;
  const taint = (v: Var) => { if (!tainted.has(v)) { tainted.add(v); changed = true; } };
  const propagate = (stmts: readonly Stmt[], ctl: boolean): void => {
    for (const s of stmts) {
      switch (s.k) {
        case "assign": if (ctl || varies(s.x)) taint(s.v); break;
        case "if": { const c = ctl || varies(s.c); propagate(s.then, c); propagate(s.else, c); break; }
        case "for": { const c = ctl || varies(s.start) || varies(s.end); if (c) taint(s.v); propagate(s.body, c); break; }
        case "loop": propagate(s.body, true); propagate(s.update, true); break;
        default: break;
      }
    }
  };
  while (changed) { changed = false; propagate(loop.body, false); }
  let race: Store | undefined;
  let jumped = false; // a jump under a varying condition was seen: later stores may not run in every iteration
  const scan = (stmts: readonly Stmt[], ctl: boolean): void => {
    for (const s of stmts) {
      if (race) return;
      switch (s.k) {
        case "store": if (!ctl && !jumped && !own.get(s.arr) && !s.idx.some(varies)) race = s; break;
        case "if": { const c = ctl || varies(s.c); scan(s.then, c); scan(s.else, c); break; }
        case "for": scan(s.body, ctl || varies(s.start) || varies(s.end)); break;
        case "loop": scan(s.body, true); scan(s.update, true); break;
        case "break": case "continue": case "throw": case "return": if (ctl) jumped = true; break;
        default: break;
      }
    }
  };
  scan(loop.body, false);
  return race;
}

// ---- automatic parallelisation (`jit(fn, { parallel: true })`) ----------------------------------------

/**
 * Can the outer loop of `root` (a perfect nest whose accesses are all proven in bounds) run its
 * iterations on threads, with results bitwise those of the sequential nest? Yes when the interchange
 * test holds (every stored element's updates keep their order: one injective subscript per stored
 * array, private temporaries, no calls, nothing that can throw) and every stored subscript uses the
 * outer counter, so that different outer iterations touch different elements. Returns the run-time
 * conditions (stored arrays disjoint from the others) or undefined.
 */
export function provablyParallel(root: ForStmt, ctx: FuncContext): Expr[] | undefined {
  const loops = perfectNest(root);
  if (!loops) return undefined;
  const guard = orderIndependent(loops, ctx);
  if (!guard) return undefined;
  const stores = analyzeNest(root).accesses.filter((a) => a.store);
  if (stores.length === 0 || !stores.every((a) => a.subs.some((s) => s?.terms.has(root.v)))) return undefined;
  return guard;
}

// ---- the frontend's check ------------------------------------------------------------------------

/** Outermost parallel loops of `stmts` (those not inside another parallel loop). */
export function outermostParallel(stmts: readonly Stmt[]): ForStmt[] {
  const out: ForStmt[] = [];
  const visit = (ss: readonly Stmt[]) => {
    for (const s of ss) {
      if (s.k === "for" && s.parallel) { out.push(s); continue; }
      if (s.k === "for") visit(s.body);
      else if (s.k === "if") { visit(s.then); visit(s.else); }
      else if (s.k === "loop") { visit(s.body); visit(s.update); }
    }
  };
  visit(stmts);
  return out;
}

/**
 * Problems of the function's prange loops, with the loop's label: everything `analyzeLoop` finds, and
 * variables assigned in a loop (other than reductions) that are also used outside it — their value
 * after the loop would depend on which thread ran last.
 */
export function checkParallelLoops(body: readonly Stmt[]): { label: number; problem: Problem } | undefined {
  let total: Map<Var, number> | undefined;
  for (const loop of outermostParallel(body)) {
    const facts = analyzeLoop(loop);
    if (facts.problem) return { label: loop.label, problem: facts };
    total ??= refCounts(body);
    const inside = refCounts([loop]);
    const reduced = new Set(facts.reductions.map((r) => r.v));
    for (const v of facts.assigned) {
      if (reduced.has(v) || v === loop.v || (total.get(v) ?? 0) === (inside.get(v) ?? 0)) continue;
      return {
        label: loop.label,
        problem: problem(`'${v.name}' is assigned in the prange loop and also used outside it; after a parallel loop its value would depend on which thread ran last`,
          `declare it inside the loop, or make it a reduction (${v.name} += ..., ${v.name} *= ..., ${v.name} = Math.min(${v.name}, ...))`),
      };
    }
  }
  return undefined;
}

/** References (reads and writes) of every variable in `stmts`. */
function refCounts(stmts: readonly Stmt[]): Map<Var, number> {
  const n = readCounts(stmts);
  forEachStmt(stmts, (s) => { if (s.k === "assign" || s.k === "for") n.set(s.v, (n.get(s.v) ?? 0) + 1); });
  return n;
}

// ---- outlining -----------------------------------------------------------------------------------

/** What the backend needs to know about an outlined loop body (see docs/parallel.md). */
export interface Outlined {
  /** Index of the region in its module: the function is exported as `par<region>`. */
  readonly region: number;
  /** The loop's counter, and the params holding the chunk's first value and its exclusive end. */
  readonly counter: Var;
  readonly lo: Var;
  readonly hi: Var;
  /** Values copied in through the environment block, in slot order. */
  readonly liveIns: readonly Var[];
  readonly reductions: readonly Reduction[];
  /** The original loop's step and comparison (the trip count is computed from them). */
  readonly step: number;
  readonly cmp: ForStmt["cmp"];
  /** The body allocates: worker threads then ask the calling thread to allocate for them. */
  readonly allocates: boolean;
}

export type OutlinedFunc = FuncIR & { readonly outlined: Outlined };

export function outlinedInfo(f: FuncIR): Outlined | undefined {
  return (f as Partial<OutlinedFunc>).outlined;
}

function containsParallel(f: FuncIR, memo: Map<FuncIR, boolean>): boolean {
  const known = memo.get(f);
  if (known !== undefined) return known;
  memo.set(f, false);
  let hit = false;
  forEachStmt(f.body, (s) => { if (s.k === "for" && s.parallel) hit = true; });
  if (!hit) forEachExpr(f.body, (e) => { if (e.k === "call" && containsParallel(e.fn, memo)) hit = true; });
  memo.set(f, hit);
  return hit;
}

const varRef = (v: Var): Expr => ({ k: "var", v, type: v.type });

/**
 * Outlines every outermost parallel loop of `entry` and of the functions it calls (outside parallel
 * loops). Returns a new entry whose `callees` also list the outlined functions and the rewritten
 * callees, or `entry` itself when there is nothing to outline. A loop that `analyzeLoop` rejects stays
 * an ordinary sequential loop. Inside an outlined body, parallel loops and calls run sequentially
 * (calls go to the callees' original IR), so a parallel region never starts from a worker thread.
 */
export function outlineParallel(entry: FuncIR): FuncIR {
  const memo = new Map<FuncIR, boolean>();
  if (!containsParallel(entry, memo)) return entry;
  const versions = new Map<FuncIR, FuncIR>();
  const added: FuncIR[] = [];
  let region = 0;
  let nextId = 1 << 30;

  const par = (f: FuncIR): FuncIR => {
    if (!containsParallel(f, memo)) return f;
    const known = versions.get(f);
    if (known) return known;
    const body = block(f.body, f);
    const nf: FuncIR = { ...f, name: f === entry ? f.name : `${f.name}_p`, body };
    versions.set(f, nf);
    if (f !== entry) added.push(nf);
    return nf;
  };
  const calls = (e: Expr): Expr => mapExpr(e, (x) => (x.k === "call" ? { ...x, fn: par(x.fn) } : x));
  const block = (stmts: readonly Stmt[], owner: FuncIR): Stmt[] => stmts.map((s) => stmt(s, owner));
  const stmt = (s: Stmt, owner: FuncIR): Stmt => {
    switch (s.k) {
      case "for": {
        if (s.parallel) {
          const call = outline(s, owner);
          if (call) return call;
        }
        return { ...s, start: calls(s.start), end: calls(s.end), body: block(s.body, owner), parallel: false };
      }
      case "if": return { ...s, c: calls(s.c), then: block(s.then, owner), else: block(s.else, owner) };
      case "loop": return { ...s, pre: s.pre && calls(s.pre), post: s.post && calls(s.post), body: block(s.body, owner), update: block(s.update, owner) };
      default: return mapStmts([s], (x) => (x.k === "call" ? { ...x, fn: par(x.fn) } : x))[0]!;
    }
  };
  const outline = (loop: ForStmt, owner: FuncIR): Stmt | undefined => {
    const facts = analyzeLoop(loop);
    if (facts.problem) return undefined;
    const lo: Var = { id: nextId++, name: `${loop.v.name}_lo`, type: "int" };
    const hi: Var = { id: nextId++, name: `${loop.v.name}_hi`, type: "int" };
    // The body runs sequentially inside a chunk: nested parallel loops are ordinary loops there.
    const body = mapStmts(loop.body, (e) => e, (s) => (s.k === "for" && s.parallel ? { ...s, parallel: false } : s));
    const init: Stmt[] = facts.reductions
      .filter((r) => r.op === "add" || r.op === "mul")
      .map((r) => ({ k: "assign", v: r.v, x: { k: "const", type: r.v.type as "int" | "f64", value: r.op === "add" ? 0 : 1 } }));
    const chunkLoop: ForStmt = { ...loop, start: varRef(lo), end: varRef(hi), cmp: loop.step > 0 ? "lt" : "gt", body, parallel: false };
    const params = [lo, hi, ...facts.liveIns];
    const isParam = new Set(params);
    const locals = new Set<Var>();
    const note = (v: Var) => { if (!isParam.has(v)) locals.add(v); };
    note(loop.v);
    facts.reductions.forEach((r) => note(r.v));
    readCounts(body).forEach((_, v) => note(v));
    assignedIn(body).forEach(note);
    const callees: FuncIR[] = [];
    forEachExpr(body, (e) => {
      if (e.k !== "call") return;
      for (const c of [...e.fn.callees, e.fn]) if (!callees.includes(c)) callees.push(c);
    });
    let loc: Loc = { line: 1, column: 1 };
    forEachExpr(body, (e) => { if ((e.k === "load" || e.k === "call") && loc.line === 1 && loc.column === 1) loc = e.loc; });
    const info: Outlined = { region: region++, counter: loop.v, lo, hi, liveIns: facts.liveIns, reductions: facts.reductions, step: loop.step, cmp: loop.cmp, allocates: allocates(loop.body) };
    const f: OutlinedFunc = {
      name: `${owner.name}_par${info.region}`, params, ret: "void", body: [...init, chunkLoop], locals: [...locals],
      written: new Set(), callees, sourceName: owner.sourceName, outlined: info,
    };
    added.push(f);
    return { k: "expr", x: { k: "call", fn: f, args: [calls(loop.start), calls(loop.end), ...facts.liveIns.map(varRef)], type: "void", loc } };
  };

  const top = par(entry);
  if (top === entry) return entry;
  const callees = [...entry.callees];
  for (const f of added) if (!callees.includes(f)) callees.push(f);
  return { ...top, callees };
}


