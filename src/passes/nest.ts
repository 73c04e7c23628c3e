// Facts about one loop nest (a `for` statement and everything inside it): its counters and their
// ranges, what it assigns, and every array access with its affine subscripts. Shared by the
// bounds-check versioning, interchange and vectorisation passes.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { forEachExpr, forEachStmt } from "../ir/walk.js";
import { type Affine, type NestFacts, add, affine, constCoeff, int, mul } from "./affine.js";

export type ForStmt = Extract<Stmt, { k: "for" }>;
export type Load = Extract<Expr, { k: "load" }>;
export type Store = Extract<Stmt, { k: "store" }>;

export interface Access {
  readonly node: Load | Store;
  readonly arr: Var;
  readonly store: boolean;
  /** Per-dimension affine forms (undefined where a subscript is not affine). */
  readonly subs: readonly (Affine | undefined)[];
}

export interface Nest {
  readonly root: ForStmt;
  readonly loops: ReadonlyMap<Var, ForStmt>;
  /** The loop enclosing each loop, or null for the root. */
  readonly parent: ReadonlyMap<ForStmt, ForStmt | null>;
  readonly facts: NestFacts;
  readonly accesses: readonly Access[];
  /** The nest contains something other than for, if, assign, store (calls, general loops, throws...). */
  readonly irregular: boolean;
}

export interface Interval {
  readonly lo: Expr;
  readonly hi: Expr;
}

export function analyzeNest(root: ForStmt): Nest {
  const loops = new Map<Var, ForStmt>();
  const parent = new Map<ForStmt, ForStmt | null>();
  const assigned = new Set<Var>();
  let irregular = false;
  const visit = (stmts: readonly Stmt[], enclosing: ForStmt | null): void => {
    for (const s of stmts) {
      switch (s.k) {
        case "for":
          loops.set(s.v, s);
          parent.set(s, enclosing);
          assigned.add(s.v);
          visit(s.body, s);
          break;
        case "if": visit(s.then, enclosing); visit(s.else, enclosing); break;
        case "assign": assigned.add(s.v); break;
        case "store": break;
        default:
          irregular = true;
          forEachStmt([s], (x) => { if (x.k === "assign") assigned.add(x.v); if (x.k === "for") assigned.add(x.v); });
      }
    }
  };
  visit([root], null);
  forEachExpr([root], (e) => { if (e.k === "call" || e.k === "alloc") irregular = true; });
  const facts: NestFacts = { loopVars: new Set(loops.keys()), assigned };
  const accesses: Access[] = [];
  // An array variable the nest reassigns names different arrays over time: nothing about its
  // accesses can be decided before the nest runs (undefined subscripts keep them checked).
  const note = (node: Load | Store, store: boolean) =>
    accesses.push({ node, arr: node.arr, store, subs: node.idx.map((i) => (assigned.has(node.arr) ? undefined : affine(i, facts))) });
  forEachStmt([root], (s) => { if (s.k === "store") note(s, true); });
  forEachExpr([root], (e) => { if (e.k === "load") note(e, false); });
  return { root, loops, parent, facts, accesses, irregular };
}

/** Values a loop counter takes (an over-approximation: [lo, hi] of a possibly empty range). */
export function counterRange(nest: Nest, v: Var, depth = 0): Interval | undefined {
  const loop = nest.loops.get(v);
  if (!loop || depth > 16) return undefined;
  const start = boundRange(loop.start, nest, depth + 1);
  const end = boundRange(loop.end, nest, depth + 1);
  if (!start || !end) return undefined;
  switch (loop.cmp) {
    case "lt": return { lo: start.lo, hi: add(end.hi, int(-1))! };
    case "le": return { lo: start.lo, hi: end.hi };
    case "gt": return { lo: add(end.lo, int(1))!, hi: start.hi };
    case "ge": return { lo: end.lo, hi: start.hi };
  }
}

/** Range of a loop bound: an affine expression, or Math.min/max of two (index-set splitting makes those). */
function boundRange(e: Expr, nest: Nest, depth: number): Interval | undefined {
  if (e.k === "math" && (e.fn === "min" || e.fn === "max") && e.type === "int" && e.args.length === 2) {
    const a = boundRange(e.args[0]!, nest, depth), b = boundRange(e.args[1]!, nest, depth);
    if (!a || !b) return undefined;
    const both = (x: Expr, y: Expr): Expr => ({ k: "math", fn: e.fn, args: [x, y], type: "int" });
    return { lo: both(a.lo, b.lo), hi: both(a.hi, b.hi) };
  }
  return intervalOf(affine(e, nest.facts), nest, depth);
}

/** Range of an affine expression over the nest's iteration space (interval arithmetic). */
export function intervalOf(a: Affine | undefined, nest: Nest, depth = 0): Interval | undefined {
  if (!a) return undefined;
  let lo: Expr = a.base ?? int(0), hi: Expr = a.base ?? int(0);
  for (const [v, c] of a.terms) {
    const r = counterRange(nest, v, depth);
    if (!r) return undefined;
    const k = constCoeff(c);
    if (k !== undefined) {
      lo = add(lo, mul(c, k >= 0 ? r.lo : r.hi))!;
      hi = add(hi, mul(c, k >= 0 ? r.hi : r.lo))!;
    } else {
      const x = mul(c, r.lo), y = mul(c, r.hi);
      lo = add(lo, { k: "math", fn: "min", args: [x, y], type: "int" })!;
      hi = add(hi, { k: "math", fn: "max", args: [x, y], type: "int" })!;
    }
  }
  return { lo, hi };
}
