// Reverse mode (vjp) as an IR transform. The derived function runs
//   1. the forward sweep: the original statements, plus tape pushes chosen by need.ts (old values of
//      variables and array elements about to be overwritten, branch decisions that cannot be
//      recomputed, trip counts of general loops), and adjoint arrays allocated next to arrays;
//   2. the seeding of the result's adjoint (a scalar `seed`, or an array added into the result's adjoint);
//   3. the reverse sweep: the statements in reverse order, each restoring what it overwrote from the
//      tape and then propagating its adjoint to what it read (accumulating into adjoint arrays on
//      reads). Counted loops run backwards with their trip count recomputed, not taped.
// Intermediate values of an expression are recomputed from the restored variables (values.ts).
//
// Signature: (original params, one adjoint array per active array param, seed, grad_out, tape_hint)
// where grad_out (Float64Array) receives the adjoints of the active scalar params, then the tape's
// length and capacity in elements. The function returns the original's float result, or nothing.

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { NOLOC, assign, bin, c, for_, if_, load, math, prop, store, v as ref } from "../ir/builder.js";
import { arrayType, isArray, type ArrayType, type Type } from "../ir/types.js";
import type { Activity } from "./activity.js";
import { DERIVATIVES } from "./derivatives.js";
import type { Diag } from "./diag.js";
import { collectStores, shadowType, zerosLike } from "./forward.js";
import type { Fresh } from "./fresh.js";
import { analyzeNeeds, increment, sameExpr } from "./need.js";
import { forEachExpr, forEachStmt } from "../ir/walk.js";
import { Values, truthy } from "./values.js";
import { arrangeFreeLoops, renameVars } from "./arrange.js";

const F = (x: number): Expr => c(x, "f64");
const neg = (x: Expr): Expr => ({ k: "unary", op: "neg", x, type: "f64" });
const TAPE_MIN = 64;

export function reverseMode(f: FuncIR, active: readonly Var[], fresh: Fresh, act: Activity, diag: Diag): FuncIR {
  const needs = analyzeNeeds(f.body, act);
  for (const s of needs.badArrayAssign) {
    const v = (s as Extract<Stmt, { k: "assign" }>).v;
    diag.fail("NB502", `'${v.name}' is assigned another array while the derivative still needs the array it held before`, { varName: v.name, node: s },
      "allocate each array once (outside loops) and update it in place, or use two variables");
  }
  const vals = new Values(fresh);
  const adj = new Map<Var, Var>();
  const primalOf = new Map<Var, Var>(); // adjoint -> primal, kept as adjoints are created (locals' lazily)
  const bind = (x: Var, a: Var): Var => { adj.set(x, a); primalOf.set(a, x); return a; };
  const ta1 = arrayType("f64", 1, false);

  // ---- parameters and adjoint storage ----
  const gradParams = active.filter((p) => isArray(p.type)).map((p) => {
    const g = fresh.param(`${p.name}_bar`, shadowType(p.type as ArrayType));
    return bind(p, g);
  });
  const seed = fresh.param("seed", isArray(f.ret) ? shadowType(f.ret) : "f64");
  const gout = fresh.param("grad_out", ta1);
  const hint = fresh.param("tape_hint", "int");
  const prologue: Stmt[] = [];
  for (const s of act.scalars) {
    const a = fresh.local(`${s.name}_bar`, "f64");
    bind(s, a);
    prologue.push(assign(a, F(0)));
  }
  for (const p of f.params) if (isArray(p.type) && act.array(p) && !adj.has(p)) {
    const a = fresh.local(`${p.name}_bar`, shadowType(p.type));
    bind(p, a);
    prologue.push(assign(a, zerosLike(p)));
  }
  const adjArr = (x: Var): Var => {
    let a = adj.get(x);
    if (!a) a = bind(x, fresh.local(`${x.name}_bar`, shadowType(x.type as ArrayType)));
    return a;
  };

  // ---- the tape: a growable Float64Array ----
  const T = fresh.local("tape", ta1), tp = fresh.local("tape_top", "int"), cap = fresh.local("tape_cap", "int");
  const T2 = fresh.local("tape_grown", ta1), q = fresh.local("q", "int");
  prologue.unshift(
    assign(cap, math("max", [ref(hint), c(TAPE_MIN)])),
    assign(T, { k: "alloc", fill: "empty", shape: [ref(cap)], type: ta1, loc: NOLOC }),
    assign(T2, { k: "alloc", fill: "empty", shape: [c(0)], type: ta1, loc: NOLOC }), // never read: gives the variable a value
    assign(tp, c(0)),
  );
  const push = (x: Expr): Stmt[] => {
    const value = x.type === "f64" ? x : { k: "cast", op: x.type === "int" ? "i2f" : "b2f", x, type: "f64" } as Expr;
    return [
      if_(bin("ge", ref(tp), ref(cap)), [
        assign(cap, bin("mul", ref(cap), c(2))),
        assign(T2, { k: "alloc", fill: "empty", shape: [ref(cap)], type: ta1, loc: NOLOC }),
        for_(q, c(0), ref(tp), [{ k: "store", arr: T2, idx: [ref(q)], x: { ...load(T, [ref(q)]), unchecked: true } as Expr, loc: NOLOC, unchecked: true }], { label: fresh.label() }),
        assign(T, ref(T2)),
      ]),
      { k: "store", arr: T, idx: [ref(tp)], x: value, loc: NOLOC, unchecked: true },
      assign(tp, bin("add", ref(tp), c(1))),
    ];
  };
  /** Statements that pop the tape's top into something of type `t`, and the value. */
  const pop = (t: Type): { pre: Stmt[]; value: Expr } => {
    const raw = { ...load(T, [ref(tp)]), unchecked: true } as Expr;
    const value: Expr = t === "f64" ? raw : t === "int" ? { k: "cast", op: "f2idx", x: raw, type: "int" } : truthy(raw);
    return { pre: [assign(tp, bin("sub", ref(tp), c(1)))], value };
  };

  // ---- adjoint propagation ----
  /** Accumulates adjoint `a` (a cheap expression) into whatever the active expression `e` read. */
  const backprop = (e: Expr, a: Expr): void => {
    if (!act.expr(e)) return;
    const t = (x: Expr): Expr => vals.temp(x, "adj");
    switch (e.k) {
      case "var": { const b = adj.get(e.v)!; vals.emit(assign(b, bin("add", ref(b), a))); return; }
      case "load": {
        const idx = e.idx.map((i) => vals.val(i));
        const b = adjArr(e.arr);
        vals.emit({ k: "store", arr: b, idx, x: bin("add", { ...e, arr: b, idx, type: "f64" }, a), loc: e.loc });
        return;
      }
      case "unary": backprop(e.x, t(neg(a))); return;
      case "binary": {
        const aa = act.expr(e.a), ba = act.expr(e.b);
        switch (e.op) {
          case "add": backprop(e.a, a); backprop(e.b, a); return;
          case "sub": backprop(e.a, a); if (ba) backprop(e.b, t(neg(a))); return;
          case "mul":
            if (aa) backprop(e.a, t(bin("mul", a, vals.val(e.b))));
            if (ba) backprop(e.b, t(bin("mul", vals.val(e.a), a)));
            return;
          case "div": {
            const vb = vals.val(e.b);
            if (aa) backprop(e.a, t(bin("div", a, vb)));
            if (ba) backprop(e.b, t(neg(bin("div", bin("mul", a, vals.val(e)), vb))));
            return;
          }
          case "mod":
            backprop(e.a, a);
            if (ba) backprop(e.b, t(neg(bin("mul", a, math("trunc", [bin("div", vals.val(e.a), vals.val(e.b))])))));
            return;
          default: throw new Error(`autodiff: unexpected active ${e.op}`);
        }
      }
      case "math": {
        const rule = DERIVATIVES[e.fn];
        const xs = e.args.map((x) => vals.val(x));
        if (rule.kind === "partials") {
          // The result is computed only when a partial uses it (sin's derivative needs cos x, not sin x).
          const y = fresh.local("y", "f64");
          let parts = rule.d(xs, ref(y));
          if (parts.some((p) => mentions(p, y))) parts = rule.d(xs, vals.val(e));
          fresh.locals.splice(fresh.locals.indexOf(y), 1);
          e.args.forEach((x, i) => { if (act.expr(x)) backprop(x, t(bin("mul", a, parts[i]!))); });
        } else if (rule.kind === "select") {
          const y = vals.val(e);
          const chain = (i: number): Stmt[] => i >= e.args.length ? [] :
            [if_(bin("eq", xs[i]!, y), vals.nested(() => backprop(e.args[i]!, a)), chain(i + 1))];
          vals.emit(...chain(0));
        }
        return;
      }
      case "cond":
        vals.emit(if_(vals.val(e.c), vals.nested(() => backprop(e.a, a)), vals.nested(() => backprop(e.b, a))));
        return;
      case "logical": {
        const test = truthy(vals.val(e.a));
        const first = vals.nested(() => backprop(e.op === "or" ? e.a : e.b, a));
        const second = vals.nested(() => backprop(e.op === "or" ? e.b : e.a, a));
        vals.emit(if_(test, first, second));
        return;
      }
      default: throw new Error(`autodiff: unexpected active ${e.k}`);
    }
  };

  /** Adjoint of `v = x` (v active): an increment `v = v + r` leaves v's adjoint as it is. */
  const adjointAssign = (s: Extract<Stmt, { k: "assign" }>): Stmt[] => {
    vals.reset();
    return vals.nested(() => {
      const b = adj.get(s.v)!;
      const a = vals.temp(ref(b), "adj");
      const rest = increment(s.x, (x) => x.k === "var" && x.v === s.v);
      if (rest) { backprop(rest, a); return; }
      vals.emit(assign(b, F(0)));
      backprop(s.x, a);
    });
  };

  const adjointStore = (s: Extract<Stmt, { k: "store" }>): Stmt[] => {
    vals.reset();
    return vals.nested(() => {
      const idx = s.idx.map((i) => vals.val(i));
      const b = adjArr(s.arr);
      const a = vals.temp({ k: "load", arr: b, idx, type: "f64", loc: s.loc }, "adj");
      const rest = increment(s.x, (x) => x.k === "load" && x.arr === s.arr && x.idx.every((i, n) => sameExpr(i, s.idx[n]!)));
      if (rest) { backprop(rest, a); return; }
      vals.emit({ k: "store", arr: b, idx, x: F(0), loc: s.loc });
      backprop(s.x, a);
    });
  };

  // ---- sweeps ----
  interface Sweeps { fw: Stmt[]; rv: Stmt[] }
  const block = (ss: readonly Stmt[]): Sweeps => {
    const fw: Stmt[] = [], parts: Stmt[][] = [];
    for (const s of ss) { const o = one(s); fw.push(...o.fw); parts.push(o.rv); }
    return { fw, rv: parts.reverse().flat() };
  };
  const one = (s: Stmt): Sweeps => {
    switch (s.k) {
      case "assign": {
        if (isArray(s.v.type)) {
          if (!act.array(s.v)) return { fw: [s], rv: [] };
          return { fw: [s, assign(adjArr(s.v), s.x.k === "var" ? ref(adjArr(s.x.v)) : zerosLike(s.v))], rv: [] };
        }
        const pushed = needs.pushVar.has(s);
        const fw = pushed ? [...push(ref(s.v)), s] : [s];
        const rv: Stmt[] = [];
        if (pushed) { const p = pop(s.v.type); rv.push(...p.pre, assign(s.v, p.value)); }
        if (s.v.type === "f64" && act.scalars.has(s.v)) rv.push(...adjointAssign(s));
        return { fw, rv };
      }
      case "store": {
        const pushed = needs.pushElem.has(s);
        const fw = pushed ? [...push({ k: "load", arr: s.arr, idx: s.idx, type: s.x.type as "f64" | "int", loc: s.loc }), s] : [s];
        const rv: Stmt[] = [];
        if (pushed) { const p = pop(s.x.type); rv.push(...p.pre, { ...s, x: p.value }); }
        if (act.array(s.arr)) rv.push(...adjointStore(s));
        return { fw, rv };
      }
      case "if": {
        const t = block(s.then), e = block(s.else);
        const fwIf = (cc: Expr): Stmt => ({ ...s, c: cc, then: t.fw, else: e.fw });
        if (t.rv.length === 0 && e.rv.length === 0) return { fw: [fwIf(s.c)], rv: [] };
        if (needs.recompute.has(s)) return { fw: [fwIf(s.c)], rv: [{ ...s, then: t.rv, else: e.rv }] };
        const cv = fresh.local("branch", "bool");
        const p = pop("bool");
        return { fw: [assign(cv, s.c), fwIf(ref(cv)), ...push(ref(cv))], rv: [...p.pre, assign(cv, p.value), { ...s, c: ref(cv), then: t.rv, else: e.rv }] };
      }
      case "for": {
        const b = block(s.body);
        const pushed = needs.pushCounter.has(s);
        const fw = [...(pushed ? push(ref(s.v)) : []), { ...s, body: b.fw, parallel: false, vector: undefined }];
        const rv = b.rv.length ? (commutes(b.rv) ? [freeOrder(s, b.rv)] : reversedFor(s, b.rv)) : [];
        if (pushed) { const p = pop("int"); rv.push(...p.pre, assign(s.v, p.value)); }
        return { fw, rv };
      }
      case "loop": {
        const b = block(s.body), u = block(s.update);
        if (b.rv.length === 0 && u.rv.length === 0) return { fw: [{ ...s, body: b.fw, update: u.fw }], rv: [] };
        const n = fresh.local("trips", "int"), k = fresh.local("k", "int");
        const p = pop("int");
        return {
          fw: [assign(n, c(0)), { ...s, body: [assign(n, bin("add", ref(n), c(1))), ...b.fw], update: u.fw }, ...push(ref(n))],
          rv: [...p.pre, assign(n, p.value), for_(k, c(0), ref(n), [...u.rv, ...b.rv], { label: fresh.label() })],
        };
      }
      case "break": case "continue": case "return":
        throw new Error(`autodiff: ${s.k} left after structurize`);
      default:
        return { fw: [s], rv: [] };
    }
  };

  // ---- reverse loops whose iterations commute ----
  // When a reversed loop body only accumulates into adjoints (`x_bar[i] += ...`, `v_bar += ...`) that it
  // does not otherwise read, and pops nothing from the tape, its iterations can run in any order (up to
  // the rounding of the sums). Such loops run forwards; once the reverse sweep is built, arrange.ts
  // distributes and reorders their nests for the optimiser (the seed matmul's reverse becomes two
  // nests shaped like the forward product).
  const commutative = new Map<Stmt, Extract<Stmt, { k: "for" }>>(); // emitted loop -> its primal header
  const commutes = (body: readonly Stmt[]): boolean => {
    const stored = new Set<Var>(), accumulated = new Set<Var>(), selfLoads = new Set<Expr>();
    let ok = true;
    const walk = (ss: readonly Stmt[]): void => {
      for (const s of ss) {
        if (!ok) return;
        if (s.k === "for" && commutative.has(s)) walk(s.body);
        else if (s.k === "assign" && vals.temps.has(s.v)) continue;
        else if (s.k === "assign" && primalOf.has(s.v) && s.x.k === "binary" && s.x.op === "add" && s.x.a.k === "var" && s.x.a.v === s.v) { accumulated.add(s.v); selfLoads.add(s.x.a); }
        else if (s.k === "store" && primalOf.has(s.arr) && s.x.k === "binary" && s.x.op === "add" && s.x.a.k === "load" && s.x.a.arr === s.arr && s.x.a.idx.every((x, n) => sameExpr(x, s.idx[n]!))) { stored.add(act.cls(primalOf.get(s.arr)!)); selfLoads.add(s.x.a); }
        else ok = false;
      }
    };
    walk(body);
    if (!ok) return false;
    forEachExpr(body, (e) => {
      if (selfLoads.has(e)) return;
      if (e.k === "var" && accumulated.has(e.v)) ok = false;
      if (e.k === "load" && primalOf.has(e.arr) && stored.has(act.cls(primalOf.get(e.arr)!))) ok = false;
    });
    return ok;
  };
  /** The loop `s` over a commuting reverse body, run forwards (arranged later with its nest). */
  const freeOrder = (s: Extract<Stmt, { k: "for" }>, body: Stmt[]): Stmt => {
    const level: Stmt = { ...s, label: fresh.label(), body, parallel: false, vector: undefined };
    commutative.set(level, s);
    return level;
  };

  /** The counted loop `s` run backwards over the same iterations. */
  const reversedFor = (s: Extract<Stmt, { k: "for" }>, body: Stmt[]): Stmt[] => {
    const { start, end, step } = s;
    const label = fresh.label();
    const i = (x: number): Expr => c(x);
    const up = step > 0, k = Math.abs(step);
    const inclusive = s.cmp === "le" || s.cmp === "ge";
    // The last value the counter took: end ∓ 1 (exclusive bound) adjusted down to the step's grid.
    const lastBound = inclusive ? end : bin(up ? "sub" : "add", end, i(1));
    const last = k === 1 ? lastBound : bin(up ? "sub" : "add", lastBound, bin("mod", up ? bin("sub", lastBound, start) : bin("sub", start, lastBound), i(k)));
    const loop: Stmt = { k: "for", label, v: s.v, start: last, end: start, step: -step, cmp: up ? "ge" : "le", body, parallel: false };
    if (k === 1) return [loop];
    // With |step| > 1 the formula for `last` is only meaningful when the loop ran at least once.
    return [if_({ k: "binary", op: s.cmp, a: start, b: end, type: "bool" }, [loop])];
  };

  // ---- assembly ----
  const body = f.body;
  const final = body[body.length - 1];
  if (final?.k !== "return" || !final.x) throw new Error("autodiff: expected a final return");
  const main = block(body.slice(0, -1));
  const retFw: Stmt[] = [];
  let seedRv: Stmt[] = [];
  let retVal: Expr | null = null;
  const x = final.x;
  if (isArray(x.type)) {
    if (x.k === "var" && act.array(x.v)) seedRv = addInto(adjArr(x.v), seed, x.v, fresh);
  } else {
    // The result's value is computed in the forward sweep; the seed then flows back into it, reusing
    // the same temporaries (nothing changes in between).
    vals.reset();
    const both = vals.nested(() => {
      // A copy: the reverse sweep restores variables (x itself may be one) to earlier values.
      retVal = vals.temp(vals.val(x), "result");
      vals.emit({ k: "expr", x: c(true) }); // marker between the two parts
      backprop(x, ref(seed));
    });
    const at = both.findIndex((s) => s.k === "expr" && s.x.k === "const");
    retFw.push(...both.slice(0, at));
    seedRv = both.slice(at + 1);
  }
  const readOnly = new Set(f.params.filter((p) => isArray(p.type) && !f.written.has(p)));
  const arranged = arrangeFreeLoops(main.rv, { headers: commutative, temps: vals.temps, primalOf, readOnly, fresh });
  // An argument's adjoint accumulated in a loop nest lives in a fresh local array (which the optimiser
  // knows nothing else can alias, so it keeps elements in registers) and is added into the argument's
  // adjoint at the end. The caller's adjoint arrays start at zero, so the sums are the same.
  const local = new Map<Var, Var>();
  const flush: Stmt[] = [];
  for (const g of gradParams) if (arranged.reused.has(g)) {
    const p = primalOf.get(g)!;
    const l = fresh.local(`${g.name}_loc`, g.type);
    local.set(g, l);
    prologue.push(assign(l, zerosLike(p)));
    flush.push(...addInto(g, l, p, fresh));
  }
  const nScalars = active.filter((p) => p.type === "f64").length;
  const stats: Stmt[] = [
    store(gout, [c(nScalars)], { k: "cast", op: "i2f", x: ref(tp), type: "f64" }),
    store(gout, [c(nScalars + 1)], { k: "cast", op: "i2f", x: ref(cap), type: "f64" }),
  ];
  const outs = active.filter((p) => p.type === "f64").map((p, i) => store(gout, [c(i)], ref(adj.get(p)!)));
  const tail: Stmt[] = retVal ? [{ k: "return", x: retVal }] : [];
  const sweeps = renameVars([...main.fw, ...retFw, ...stats, ...seedRv, ...arranged.setup, ...arranged.stmts], local);
  const newBody = dropDeadArrays([...prologue, ...sweeps, ...flush, ...outs, ...tail], new Set([...f.params, ...gradParams, seed, gout]));
  const params = [...f.params, ...gradParams, seed, gout, hint];
  const seen = new Set(f.locals);
  const locals = [...f.locals, ...fresh.locals.filter((l) => !seen.has(l) && !params.includes(l))];
  const written = new Set<Var>();
  collectStores(newBody, written, new Set(params));
  return { name: `${f.name}_vjp`, params, ret: retVal ? "f64" : "void", body: newBody, locals, written, callees: [], sourceName: f.sourceName };
}

function mentions(e: Expr, v: Var): boolean {
  if (e.k === "var") return e.v === v;
  switch (e.k) {
    case "unary": case "cast": return mentions(e.x, v);
    case "binary": case "logical": return mentions(e.a, v) || mentions(e.b, v);
    case "cond": return mentions(e.c, v) || mentions(e.a, v) || mentions(e.b, v);
    case "math": return e.args.some((x) => mentions(x, v));
    default: return false;
  }
}

/** `dst[...] += src[...]` over every element of array variable `shapeOf`'s shape. */
function addInto(dst: Var, src: Var, shapeOf: Var, fresh: Fresh): Stmt[] {
  const t = shapeOf.type as ArrayType;
  const dims = t.nd ? t.ndim : 1;
  const idx = Array.from({ length: dims }, (_, d) => fresh.local(`i${d}`, "int"));
  const at = idx.map(ref);
  let inner: Stmt[] = [store(dst, at, bin("add", load(dst, at), load(src, at)))];
  for (let d = dims - 1; d >= 0; d--) inner = [for_(idx[d]!, c(0), t.nd ? prop(shapeOf, "shape", d) : prop(shapeOf, "length"), inner, { label: fresh.label() })];
  return inner;
}

/**
 * Removes stores into local arrays that nothing reads (other than the stores themselves), then loops
 * left empty. A vjp of a function returning an array does not return it, so its forward computation
 * (the seed matmul's C) is dead: only the adjoints are wanted.
 */
function dropDeadArrays(body: Stmt[], params: ReadonlySet<Var>): Stmt[] {
  const read = new Set<Var>(), stored = new Set<Var>();
  const selfLoads = new Set<Expr>();
  forEachStmt(body, (s) => {
    if (s.k === "store") { stored.add(s.arr); forEachSub(s.x, (e) => { if (e.k === "load" && e.arr === s.arr) selfLoads.add(e); }); }
    if (s.k === "assign" && isArray(s.v.type) && s.x.k === "var") { read.add(s.x.v); read.add(s.v); } // aliases share memory: keep both
    if (s.k === "return" && s.x?.k === "var") read.add(s.x.v);
  });
  forEachExpr(body, (e) => { if (e.k === "load" && !selfLoads.has(e)) read.add(e.arr); if (e.k === "call") e.args.forEach((a) => { if (a.k === "var") read.add(a.v); }); });
  const dead = new Set([...stored].filter((v) => !read.has(v) && !params.has(v)));
  if (dead.size === 0) return body;
  const hasCall = (e: Expr): boolean => { let c = false; forEachSub(e, (x) => { if (x.k === "call") c = true; }); return c; };
  const prune = (ss: readonly Stmt[]): Stmt[] => ss.flatMap((s): Stmt[] => {
    if (s.k === "store" && dead.has(s.arr) && !hasCall(s.x) && !s.idx.some(hasCall)) return [];
    if (s.k === "for") { const b = prune(s.body); return b.length ? [{ ...s, body: b }] : []; }
    if (s.k === "if") return [{ ...s, then: prune(s.then), else: prune(s.else) }];
    if (s.k === "loop") return [{ ...s, body: prune(s.body), update: prune(s.update) }];
    return [s];
  });
  return prune(body);
}

function forEachSub(e: Expr, f: (x: Expr) => void): void {
  forEachExpr([{ k: "expr", x: e }], f);
}
