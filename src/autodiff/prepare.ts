// Rewrites a function's IR into the shape the autodiff transforms expect, keeping its meaning:
// - `rejectUnsupported`: GPU-kernel nodes and Math.random() are refused with a CompileError;
// - `inlineCalls`: calls to other jitted functions are inlined, so derivatives flow through them;
// - `structurize` (reverse mode): break / continue / early return become flag variables and guarded
//   blocks, so every loop runs its body to the end and the reverse sweep only has to replay branches;
// - `pinForBounds` (reverse mode): counted loops read their bounds from variables the body leaves alone,
//   so the reverse loop can recompute its trip count instead of taping it.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { assign, brk, c, if_, un, v as ref } from "../ir/builder.js";
import { isArray, type Type } from "../ir/types.js";
import { childBlocks, childExprs, forEachExpr, forEachStmt, mapChildren, mapStmts, relabel } from "../ir/walk.js";
import type { Diag, Source } from "./diag.js";
import { DERIVATIVES } from "./derivatives.js";
import type { Fresh } from "./fresh.js";

// ---- unsupported nodes ------------------------------------------------------------------------------

export function rejectUnsupported(f: FuncIR, diag: Diag): void {
  if (f.kernel) diag.fail("NB501", `'${f.sourceName}' is a GPU kernel; kernels cannot be differentiated`, {}, "differentiate an ordinary jitted function");
  forEachStmt(f.body, (s) => {
    if (s.k === "barrier") diag.fail("NB501", "gpu.barrier() belongs to GPU kernels, which cannot be differentiated", { find: "barrier" });
  });
  forEachExpr(f.body, (e) => {
    if (e.k === "gpu" || e.k === "atomic")
      diag.fail("NB501", `gpu.${e.k === "gpu" ? e.what : "atomic"} belongs to GPU kernels, which cannot be differentiated`, { loc: e.k === "atomic" ? e.loc : undefined, node: e, find: "gpu." });
    if (e.k === "math") {
      const rule = DERIVATIVES[e.fn];
      if (rule.kind === "reject") diag.fail("NB501", rule.why, { find: `Math.${e.fn}` }, rule.help);
    }
    if (e.k === "call") rejectUnsupported(e.fn, diag);
  });
}

// ---- inlining ---------------------------------------------------------------------------------------

const hasCall = (e: Expr): boolean => e.k === "call" || childExprs(e).some(hasCall);

export class Inliner {
  constructor(private readonly fresh: Fresh, private readonly diag: Diag, private readonly sourceOf: (f: FuncIR) => Source | undefined) {}

  stmts(ss: readonly Stmt[]): Stmt[] {
    const out: Stmt[] = [];
    for (const s of ss) {
      const pre: Stmt[] = [];
      switch (s.k) {
        case "assign": { const x = this.hoist(s.x, pre); out.push(...pre, { ...s, x: x! }); break; }
        case "expr": {
          if (s.x.k === "call") { this.call(s.x, this.operands(s.x.args, pre), pre); out.push(...pre); break; }
          const x = this.hoist(s.x, pre);
          out.push(...pre, { ...s, x: x! });
          break;
        }
        case "store": {
          const [x, ...idx] = this.operands([s.x, ...s.idx], pre, 1);
          out.push(...pre, { ...s, idx, x: x! });
          break;
        }
        case "return": { const x = s.x && this.hoist(s.x, pre); out.push(...pre, { ...s, x }); break; }
        case "if": { const cc = this.hoist(s.c, pre)!; out.push(...pre, { ...s, c: cc, then: this.stmts(s.then), else: this.stmts(s.else) }); break; }
        case "for": {
          if (hasCall(s.end)) this.lazyCall(s.end);
          const start = this.hoist(s.start, pre)!;
          out.push(...pre, { ...s, start, body: this.stmts(s.body) });
          break;
        }
        case "loop":
          if (s.pre && hasCall(s.pre)) this.lazyCall(s.pre);
          if (s.post && hasCall(s.post)) this.lazyCall(s.post);
          out.push({ ...s, body: this.stmts(s.body), update: this.stmts(s.update) });
          break;
        default:
          out.push(s);
      }
    }
    return out;
  }

  private lazyCall(e: Expr): never {
    let at: Expr | undefined;
    const find = (x: Expr): void => { if (x.k === "call") at ??= x; childExprs(x).forEach(find); };
    find(e);
    return this.diag.fail("NB501", `the call to '${at?.k === "call" ? at.fn.sourceName : "?"}' is evaluated conditionally or repeatedly (inside ?:, && / ||, or a loop condition), where the derivative cannot follow it`,
      { loc: at?.k === "call" ? at.loc : undefined, node: at }, "call it in a statement of its own and use the result: const r = f(x);");
  }

  /** `e` with its calls moved into `pre`, preserving JS's evaluation order. */
  private hoist(e: Expr, pre: Stmt[]): Expr | null {
    if (!hasCall(e)) return e;
    switch (e.k) {
      case "call": return this.call(e, this.operands(e.args, pre), pre);
      case "cond":
        if (hasCall(e.a) || hasCall(e.b)) this.lazyCall(e);
        return { ...e, c: this.hoist(e.c, pre)! };
      case "logical":
        if (hasCall(e.b)) this.lazyCall(e.b);
        return { ...e, a: this.hoist(e.a, pre)! };
      default: {
        const kids = this.operands(childExprs(e), pre);
        let k = 0;
        return mapChildren(e, () => kids[k++]!);
      }
    }
  }

  /** Operands in order; when a later one emits statements, earlier ones that read memory are spilled first. `skip` leading ones are evaluated last (a store's value after its indices). */
  private operands(es: readonly Expr[], pre: Stmt[], skip = 0): Expr[] {
    const order = [...es.slice(skip), ...es.slice(0, skip)];
    const res: Expr[] = [];
    for (const x of order) {
      const mark = pre.length;
      const y = this.hoist(x, pre)!;
      if (pre.length !== mark) {
        const effects = pre.splice(mark);
        for (let j = 0; j < res.length; j++) res[j] = this.spill(res[j]!, pre);
        pre.push(...effects);
      }
      res.push(y);
    }
    return [...res.slice(order.length - skip), ...res.slice(0, order.length - skip)];
  }

  private spill(e: Expr, pre: Stmt[]): Expr {
    if (e.k === "const" || e.k === "var" || e.k === "prop" || isArray(e.type)) return e;
    const t = this.fresh.local("t", e.type);
    pre.push(assign(t, e));
    return ref(t);
  }

  /** Inlines one call into `pre`; returns its value (a variable), or null for a void function. */
  private call(e: Extract<Expr, { k: "call" }>, args: Expr[], pre: Stmt[]): Expr | null {
    const g = e.fn;
    const assigned = new Set<Var>();
    forEachStmt(g.body, (s) => { if (s.k === "assign" || s.k === "for") assigned.add(s.v); });
    const map = new Map<Var, Var>();
    g.params.forEach((p, i) => {
      const a = args[i]!;
      if (isArray(p.type) && a.k === "var" && !assigned.has(p)) { map.set(p, a.v); return; }
      const v = this.fresh.local(p.name, p.type);
      map.set(p, v);
      pre.push(assign(v, a));
    });
    for (const l of g.locals) map.set(l, this.fresh.local(l.name, l.type));
    const src = this.sourceOf(g);
    const body = renameVars(relabel(g.body, () => this.fresh.label()), (x) => map.get(x) ?? x, (node) => { if (src) this.diag.origin.set(node, src); });
    const rv = g.ret === "void" ? undefined : this.fresh.local(`${g.sourceName}_ret`, g.ret);
    let returns = 0;
    forEachStmt(body, (s) => { if (s.k === "return") returns++; });
    const last = body[body.length - 1];
    let inlined: Stmt[];
    if (returns === 0 || (returns === 1 && last?.k === "return")) {
      inlined = last?.k === "return" ? body.slice(0, -1) : body;
      if (rv && last?.k === "return" && last.x) inlined.push(assign(rv, last.x));
    } else {
      // Early returns leave a once-through loop.
      const label = this.fresh.label();
      const once = mapStmts(body, (x) => x, (s) => (s.k === "return" ? { k: "if", c: c(true), then: [...(rv && s.x ? [assign(rv, s.x)] : []), brk(label)], else: [] } : s));
      inlined = [{ k: "loop", label, pre: null, body: once, update: [], post: c(false) }];
    }
    pre.push(...this.stmts(inlined));
    return rv ? ref(rv) : null;
  }
}

/** A copy of `stmts` with every variable renamed by `m`; `mark` sees each copied node that has a location. */
export function renameVars(stmts: readonly Stmt[], m: (v: Var) => Var, mark: (node: object) => void = () => {}): Stmt[] {
  return mapStmts(stmts, (e) => {
    let r: Expr = e;
    switch (e.k) {
      case "var": r = { ...e, v: m(e.v) }; break;
      case "load": case "prop": r = { ...e, arr: m(e.arr) }; break;
      case "disjoint": r = { ...e, a: m(e.a), b: m(e.b) }; break;
      case "atomic": r = { ...e, arr: m(e.arr) }; break;
      case "binary": case "call": case "alloc": r = { ...e }; break;
      default: break;
    }
    if ("loc" in r && r.loc) mark(r);
    return r;
  }, (s) => {
    let r: Stmt = s;
    if (s.k === "assign" || s.k === "for") r = { ...s, v: m(s.v) };
    if (s.k === "store") r = { ...s, arr: m(s.arr) };
    if ("loc" in r) mark(r);
    return r;
  });
}

// ---- structured control flow --------------------------------------------------------------------------

const not = (x: Expr): Expr => un("not", x);
function anyOf(flags: Iterable<Var>): Expr {
  let e: Expr | undefined;
  for (const f of flags) e = e ? { k: "logical", op: "or", a: e, b: ref(f), type: "bool" } : ref(f);
  return e!;
}

/** Does control leave `stmts` other than by falling off the end (break/continue to an outer loop, return)? */
function leaves(stmts: readonly Stmt[]): boolean {
  const inner = new Set<number>();
  let out = false;
  forEachStmt(stmts, (s) => {
    if (s.k === "for" || s.k === "loop") inner.add(s.label);
  });
  forEachStmt(stmts, (s) => {
    if (s.k === "return" || ((s.k === "break" || s.k === "continue") && !inner.has(s.label))) out = true;
  });
  return out;
}

/**
 * Removes break, continue and every return but a final one: each sets a flag, the statements after it
 * in its block run only while no flag is set, and loops test the flags to stop.
 */
export function structurize(body: readonly Stmt[], ret: Type, fresh: Fresh): Stmt[] {
  let returns = 0, jumps = false;
  forEachStmt(body, (s) => {
    if (s.k === "return") returns++;
    if (s.k === "break" || s.k === "continue") jumps = true;
  });
  const last = body[body.length - 1];
  const simpleReturn = returns === 0 || (returns === 1 && last?.k === "return");
  if (!jumps && simpleReturn) return [...body];

  const brkFlags = new Map<number, Var>(), cntFlags = new Map<number, Var>();
  forEachStmt(body, (s) => {
    if (s.k === "break" && !brkFlags.has(s.label)) brkFlags.set(s.label, fresh.local(`brk${s.label}`, "bool"));
    if (s.k === "continue" && !cntFlags.has(s.label)) cntFlags.set(s.label, fresh.local(`cnt${s.label}`, "bool"));
  });
  const rf = simpleReturn ? undefined : fresh.local("returned", "bool");
  const rv = rf && ret !== "void" ? fresh.local("result", ret) : undefined;

  type Out = { stmts: Stmt[]; exits: Set<Var> };
  const xs = (ss: readonly Stmt[]): Out => {
    const stmts: Stmt[] = [];
    const exits = new Set<Var>();
    for (let i = 0; i < ss.length; i++) {
      const o = xstmt(ss[i]!);
      stmts.push(...o.stmts);
      o.exits.forEach((x) => exits.add(x));
      if (o.exits.size && i + 1 < ss.length) {
        const rest = xs(ss.slice(i + 1));
        rest.exits.forEach((x) => exits.add(x));
        if (rest.stmts.length) stmts.push(if_(not(anyOf(o.exits)), rest.stmts));
        break;
      }
    }
    return { stmts, exits };
  };
  const xstmt = (s: Stmt): Out => {
    switch (s.k) {
      case "break": { const f = brkFlags.get(s.label)!; return { stmts: [assign(f, c(true))], exits: new Set([f]) }; }
      case "continue": { const f = cntFlags.get(s.label)!; return { stmts: [assign(f, c(true))], exits: new Set([f]) }; }
      case "return":
        if (!rf) return { stmts: [s], exits: new Set() };
        return { stmts: [...(rv && s.x ? [assign(rv, s.x)] : []), assign(rf, c(true))], exits: new Set([rf]) };
      case "if": {
        const t = xs(s.then), e = xs(s.else);
        return { stmts: [{ ...s, then: t.stmts, else: e.stmts }], exits: new Set([...t.exits, ...e.exits]) };
      }
      case "for": {
        if (!leaves(s.body)) return { stmts: [{ ...s, body: xs(s.body).stmts }], exits: new Set() };
        // A counted loop that can be left early becomes a general loop.
        const init: Stmt[] = [assign(s.v, s.start)];
        let end = s.end;
        if (end.k !== "const") { const t = fresh.local("end", "int"); init.push(assign(t, end)); end = ref(t); }
        const asLoop: Stmt = {
          k: "loop", label: s.label, pre: { k: "binary", op: s.cmp, a: ref(s.v), b: end, type: "bool" }, body: s.body,
          update: [assign(s.v, { k: "binary", op: "add", a: ref(s.v), b: c(s.step), type: "int" })], post: null,
        };
        const o = xstmt(asLoop);
        return { stmts: [...init, ...o.stmts], exits: o.exits };
      }
      case "loop": {
        const b = xs(s.body), u = xs(s.update);
        const own = new Set([brkFlags.get(s.label), cntFlags.get(s.label)].filter((x): x is Var => x !== undefined));
        const outer = new Set([...b.exits, ...u.exits].filter((x) => !own.has(x)));
        const bf = brkFlags.get(s.label), cf = cntFlags.get(s.label);
        const stop = [...(bf ? [bf] : []), ...outer];
        const body = [...(cf ? [assign(cf, c(false))] : []), ...b.stmts];
        if (stop.length === 0) return { stmts: [{ ...s, body, update: u.stmts }], exits: outer };
        const going = not(anyOf(stop));
        const update = u.stmts.length ? [if_(going, u.stmts)] : [];
        const post: Expr = s.post ? { k: "logical", op: "and", a: going, b: s.post, type: "bool" } : going;
        return { stmts: [...(bf ? [assign(bf, c(false))] : []), { ...s, body, update, post }], exits: outer };
      }
      default:
        return { stmts: [s], exits: new Set() };
    }
  };
  const out = xs(body).stmts;
  if (!rf) return out;
  const zero: Stmt[] = rv && !isArray(rv.type) ? [assign(rv, rv.type === "bool" ? c(false) : c(0, rv.type as "int" | "f64"))] : [];
  return [assign(rf, c(false)), ...zero, ...out, { k: "return", x: rv ? ref(rv) : null }];
}

// ---- loop bounds ----------------------------------------------------------------------------------------

/** Variables assigned anywhere in `stmts` (loop counters included). */
export function assignedIn(stmts: readonly Stmt[]): Set<Var> {
  const out = new Set<Var>();
  forEachStmt(stmts, (s) => { if (s.k === "assign" || s.k === "for") out.add(s.v); });
  return out;
}

/** Counted loops get `start`/`end` that are constants or variables their body never assigns. */
export function pinForBounds(stmts: readonly Stmt[], fresh: Fresh): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) {
    if (s.k === "for") {
      const body = pinForBounds(s.body, fresh);
      const assigned = assignedIn(body);
      const pin = (e: Expr, name: string): Expr => {
        if (e.k === "const" || (e.k === "var" && !assigned.has(e.v))) return e;
        const t = fresh.local(name, "int");
        out.push(assign(t, e));
        return ref(t);
      };
      const start = pin(s.start, "start");
      const end = pin(s.end, "end");
      out.push({ ...s, start, end, body, parallel: false, vector: undefined });
      continue;
    }
    const blocks = childBlocks(s);
    if (blocks.length === 0) { out.push(s); continue; }
    if (s.k === "if") out.push({ ...s, then: pinForBounds(s.then, fresh), else: pinForBounds(s.else, fresh) });
    else if (s.k === "loop") out.push({ ...s, body: pinForBounds(s.body, fresh), update: pinForBounds(s.update, fresh) });
    else out.push(s);
  }
  return out;
}
