// "To be recorded" analysis for reverse mode (Tapenade's TBR): which overwritten values the reverse
// sweep needs, so that only those go on the tape. The reverse sweep recomputes every intermediate
// value from the variables and array elements as they were when the statement ran; a variable's old
// value must be taped at an assignment only if the adjoint of some statement executed before it
// (or of the assignment itself) reads that old value. Everything else is recomputed, never stored.
//
// A forward dataflow over the structured IR: the set of items "needed" at a point holds variables
// (`v<id>`, for scalars and for array bindings) and array contents (`c<id>` of an alias class) whose
// current value some earlier statement's adjoint will read. An assignment kills its variable (taping
// the old value first when it was needed); a store never kills contents (it writes one element), and
// tapes the element it overwrites when the array's contents are needed.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { childExprs } from "../ir/walk.js";
import { sameExpr as sameTree } from "../passes/affine.js";
import { isArray } from "../ir/types.js";
import type { Activity } from "./activity.js";
import { DERIVATIVES } from "./derivatives.js";
import { assignedIn } from "./prepare.js";

type Items = Set<string>;
const vk = (v: Var): string => `v${v.id}`;

export interface Decisions {
  /** Assignments whose variable's old value goes on the tape. */
  readonly pushVar: Set<Stmt>;
  /** Stores whose overwritten element goes on the tape. */
  readonly pushElem: Set<Stmt>;
  /** Counted loops whose counter's old value goes on the tape (it is needed after the loop's reverse). */
  readonly pushCounter: Set<Stmt>;
  /** Ifs whose condition the reverse sweep can evaluate again (no tape needed). */
  readonly recompute: Set<Stmt>;
  /** Array assignments whose old binding is still needed: NB502. */
  readonly badArrayAssign: Stmt[];
}

export function analyzeNeeds(body: readonly Stmt[], act: Activity): Decisions {
  const d: Decisions = { pushVar: new Set(), pushElem: new Set(), pushCounter: new Set(), recompute: new Set(), badArrayAssign: [] };
  const ck = (v: Var): string => `c${act.cls(v).id}`;

  /** Everything read to compute `e`'s value. */
  const VR = (e: Expr, into: Items = new Set()): Items => {
    if (e.k === "var") into.add(vk(e.v));
    if (e.k === "load") { into.add(vk(e.arr)); into.add(ck(e.arr)); }
    if (e.k === "prop") into.add(vk(e.arr));
    if (e.k === "disjoint") { into.add(vk(e.a)); into.add(vk(e.b)); }
    childExprs(e).forEach((x) => VR(x, into));
    return into;
  };
  /** What the adjoint of an active `e` reads (mirrors reverse.ts's backprop). */
  const AR = (e: Expr, into: Items = new Set()): Items => {
    if (!act.expr(e)) return into;
    switch (e.k) {
      case "load": into.add(vk(e.arr)); e.idx.forEach((i) => VR(i, into)); break;
      case "unary": AR(e.x, into); break;
      case "binary": {
        const aa = act.expr(e.a), ba = act.expr(e.b);
        AR(e.a, into); AR(e.b, into);
        if (e.op === "mul") { if (aa) VR(e.b, into); if (ba) VR(e.a, into); }
        if (e.op === "div") { if (aa || ba) VR(e.b, into); if (ba) VR(e.a, into); }
        if (e.op === "mod" && ba) { VR(e.a, into); VR(e.b, into); }
        break;
      }
      case "math": e.args.forEach((x) => { VR(x, into); AR(x, into); }); break;
      case "cond": VR(e.c, into); AR(e.a, into); AR(e.b, into); break;
      case "logical": VR(e.a, into); AR(e.a, into); AR(e.b, into); break;
      default: break;
    }
    return into;
  };

  const union = (a: Items, b: Items): Items => { const r = new Set(a); b.forEach((x) => r.add(x)); return r; };
  const equal = (a: Items, b: Items): boolean => a.size === b.size && [...a].every((x) => b.has(x));

  const block = (ss: readonly Stmt[], IN: Items): Items => ss.reduce((cur, s) => stmt(s, cur), IN);

  const stmt = (s: Stmt, IN: Items): Items => {
    switch (s.k) {
      case "assign": {
        const N = s.v.type === "f64" && act.scalars.has(s.v) ? assignReads(s.v, s.x) : new Set<string>();
        const all = union(IN, N);
        if (all.has(vk(s.v))) {
          if (isArray(s.v.type)) d.badArrayAssign.push(s);
          else d.pushVar.add(s);
        }
        all.delete(vk(s.v));
        return all;
      }
      case "store": {
        const N = new Set<string>();
        if (act.array(s.arr)) {
          N.add(vk(s.arr));
          s.idx.forEach((i) => VR(i, N));
          const inc = increment(s.x, (x) => x.k === "load" && x.arr === s.arr && x.idx.every((i, n) => sameExpr(i, s.idx[n]!)));
          AR(inc ?? s.x, N);
        }
        const all = union(IN, N);
        if (all.has(ck(s.arr))) {
          d.pushElem.add(s);
          all.add(vk(s.arr));
          s.idx.forEach((i) => VR(i, all));
        }
        return all;
      }
      case "if": {
        let N: Items = new Set();
        if (pureCond(s.c) && ![...assignedIn([...s.then, ...s.else])].some((v) => VR(s.c).has(vk(v)))) {
          d.recompute.add(s);
          N = VR(s.c);
        }
        const base = union(IN, N);
        return union(block(s.then, base), block(s.else, base));
      }
      case "for": {
        if (IN.has(vk(s.v))) d.pushCounter.add(s);
        const base = union(IN, union(VR(s.start), VR(s.end)));
        base.delete(vk(s.v));
        let bodyIn = base;
        for (;;) {
          const out = block(s.body, bodyIn);
          const next = union(base, out);
          next.delete(vk(s.v));
          if (equal(next, bodyIn)) return next;
          bodyIn = next;
        }
      }
      case "loop": {
        let bodyIn = IN;
        for (;;) {
          const out = block(s.update, block(s.body, bodyIn));
          const next = union(IN, out);
          if (equal(next, bodyIn)) return next;
          bodyIn = next;
        }
      }
      case "return":
        return s.x && act.expr(s.x) ? AR(s.x, new Set(IN)) : IN;
      default:
        return IN;
    }
  };

  /** Reads of the adjoint of `v = x`: an increment `v = v + r` only needs r's. */
  const assignReads = (v: Var, x: Expr): Items => AR(increment(x, (e) => e.k === "var" && e.v === v) ?? x);

  block(body, new Set());
  return d;
}

/** For `t + r`, `r + t` or `t - r` with `isTarget(t)`: the rest (`r`, or `-r` as a unary); else undefined. */
export function increment(x: Expr, isTarget: (e: Expr) => boolean): Expr | undefined {
  if (x.k !== "binary" || x.type !== "f64") return undefined;
  if (x.op === "add" && isTarget(x.a)) return x.b;
  if (x.op === "add" && isTarget(x.b)) return x.a;
  if (x.op === "sub" && isTarget(x.a)) return { k: "unary", op: "neg", x: x.b, type: "f64" };
  return undefined;
}

/**
 * Structural equality of side-effect-free index expressions (passes/affine.ts's), where neither holds a
 * Math call or a disjointness test: autodiff matches only subscripts of arithmetic and loads.
 */
export function sameExpr(a: Expr, b: Expr): boolean {
  return !mathOrDisjoint(a) && sameTree(a, b);
}

function mathOrDisjoint(e: Expr): boolean {
  return e.k === "math" || e.k === "disjoint" || childExprs(e).some(mathOrDisjoint);
}

/** A condition with no memory reads, calls or random numbers: safe to evaluate again. */
function pureCond(e: Expr): boolean {
  if (e.k === "load" || e.k === "call" || e.k === "alloc") return false;
  if (e.k === "math" && DERIVATIVES[e.fn].kind === "reject") return false;
  return childExprs(e).every(pureCond);
}
