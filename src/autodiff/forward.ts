// Forward mode (jvp) as an IR transform: every active f64 variable gets a tangent variable and every
// active array a tangent array of the same shape; each assignment and store computes the tangent
// next to the value (tangent first, so both read the old values). Control flow is copied unchanged:
// tangents follow whichever path the values take.
//
// The derived function takes the original parameters, then one tangent per active parameter, then
// `tangent_out` (a Float64Array). A float result is returned with its tangent in tangent_out[0]; for
// an array result the function returns the tangent array (the caller computes the value itself).

import type { Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { NOLOC, alloc, assign, bin, c, cond, math, prop, v as ref } from "../ir/builder.js";
import { arrayType, isArray, type ArrayType } from "../ir/types.js";
import type { Activity } from "./activity.js";
import { DERIVATIVES } from "./derivatives.js";
import type { Fresh } from "./fresh.js";
import { Values } from "./values.js";

const F = (x: number): Expr => c(x, "f64");

/** The f64 array type that holds derivatives of an array of type `t`. */
export function shadowType(t: ArrayType): ArrayType {
  return arrayType("f64", t.ndim, t.nd);
}

/** `zeros` shaped like array variable `x` (a bare typed array stays bare). */
export function zerosLike(x: Var): Expr {
  const t = x.type as ArrayType;
  const shape = t.nd ? Array.from({ length: t.ndim }, (_, d) => prop(x, "shape", d)) : [prop(x, "length")];
  return alloc("zeros", shadowType(t), shape);
}

interface Dual { v: Expr; t: Expr | null }

export function forwardMode(f: FuncIR, active: readonly Var[], fresh: Fresh, act: Activity): FuncIR {
  const tan = new Map<Var, Var>();
  const vals = new Values(fresh);
  const tparams = active.map((p) => {
    const tp = fresh.param(`${p.name}_dot`, isArray(p.type) ? shadowType(p.type) : "f64");
    tan.set(p, tp);
    return tp;
  });
  const out = fresh.param("tangent_out", arrayType("f64", 1, false));
  const prologue: Stmt[] = [];
  for (const s of act.scalars) if (!tan.has(s)) { const t = fresh.local(`${s.name}_dot`, "f64"); tan.set(s, t); prologue.push(assign(t, F(0))); }
  for (const p of f.params) if (isArray(p.type) && act.array(p) && !tan.has(p)) { const t = fresh.local(`${p.name}_dot`, shadowType(p.type)); tan.set(p, t); prologue.push(assign(t, zerosLike(p))); }
  const tanArr = (x: Var): Var => {
    let t = tan.get(x);
    if (!t) tan.set(x, (t = fresh.local(x.name, shadowType(x.type as ArrayType))));
    return t;
  };

  const dual = (e: Expr): Dual => {
    if (!act.expr(e)) return { v: vals.val(e), t: null };
    switch (e.k) {
      case "var": return { v: e, t: ref(tan.get(e.v)!) };
      case "load": {
        const idx = e.idx.map((i) => vals.val(i));
        return { v: vals.temp({ ...e, idx }), t: vals.temp({ ...e, arr: tanArr(e.arr), idx, type: "f64" }, "dt") };
      }
      case "unary": { const d = dual(e.x); return { v: vals.temp({ ...e, x: d.v }), t: d.t && neg(d.t) }; }
      case "binary": {
        const a = dual(e.a), b = dual(e.b);
        const v = vals.temp({ ...e, a: a.v, b: b.v });
        let t: Expr | null;
        switch (e.op) {
          case "add": t = sum(a.t, b.t); break;
          case "sub": t = sum(a.t, b.t && neg(b.t)); break;
          case "mul": t = sum(a.t && bin("mul", a.t, b.v), b.t && bin("mul", a.v, b.t)); break;
          case "div": t = bin("div", sum(a.t, b.t && neg(bin("mul", v, b.t)))!, b.v); break;
          case "mod": t = sum(a.t, b.t && neg(bin("mul", math("trunc", [bin("div", a.v, b.v)]), b.t))); break;
          default: throw new Error(`autodiff: unexpected active ${e.op}`);
        }
        return { v, t: t && vals.temp(t, "dt") };
      }
      case "math": {
        const ds = e.args.map(dual);
        const v = vals.temp({ ...e, args: ds.map((d) => d.v) });
        const rule = DERIVATIVES[e.fn];
        let t: Expr | null = null;
        if (rule.kind === "partials") {
          const parts = rule.d(ds.map((d) => d.v), v);
          ds.forEach((d, i) => { if (d.t) t = sum(t, bin("mul", parts[i]!, d.t)); });
        } else if (rule.kind === "select") {
          // The first argument equal to the result carries the derivative (docs/autodiff.md).
          t = ds.reduceRight<Expr>((rest, d) => cond(bin("eq", d.v, v), d.t ?? F(0), rest), F(0));
        }
        return { v, t: t && vals.temp(t, "dt") };
      }
      case "cond": case "logical": {
        const v = fresh.local("t", "f64"), t = fresh.local("dt", "f64");
        const branch = (x: Expr) => vals.nested(() => { const d = dual(x); vals.emit(assign(v, d.v), assign(t, d.t ?? F(0))); });
        if (e.k === "cond") vals.emit({ k: "if", c: vals.val(e.c), then: branch(e.a), else: branch(e.b) });
        else {
          const a = dual(e.a);
          vals.emit(assign(v, a.v), assign(t, a.t ?? F(0)));
          const test = { k: "cast", op: "truthy", x: ref(v), type: "bool" } as const;
          vals.emit({ k: "if", c: e.op === "or" ? test : { k: "unary", op: "not", x: test, type: "bool" }, then: [], else: branch(e.b) });
        }
        return { v: ref(v), t: ref(t) };
      }
      default: throw new Error(`autodiff: unexpected active ${e.k}`);
    }
  };

  const xs = (ss: readonly Stmt[]): Stmt[] => ss.flatMap((s): Stmt[] => {
    switch (s.k) {
      case "assign":
        if (s.v.type === "f64" && act.scalars.has(s.v)) {
          vals.reset();
          return vals.nested(() => { const d = dual(s.x); vals.emit(assign(tan.get(s.v)!, d.t ?? F(0)), assign(s.v, d.v)); });
        }
        if (isArray(s.v.type) && act.array(s.v)) {
          if (s.x.k === "var") return [s, assign(tanArr(s.v), ref(tanArr(s.x.v)))];
          return [s, assign(tanArr(s.v), zerosLike(s.v))];
        }
        return [s];
      case "store":
        if (!act.array(s.arr)) return [s];
        vals.reset();
        return vals.nested(() => {
          const idx = s.idx.map((i) => vals.val(i));
          const d = dual(s.x);
          vals.emit({ ...s, arr: tanArr(s.arr), idx, x: d.t ?? F(0) }, { ...s, idx, x: d.v });
        });
      case "if": return [{ ...s, then: xs(s.then), else: xs(s.else) }];
      case "for": return [{ ...s, body: xs(s.body), parallel: false }];
      case "loop": return [{ ...s, body: xs(s.body), update: xs(s.update) }];
      case "return": {
        if (!s.x) return [s];
        if (isArray(s.x.type)) {
          if (s.x.k === "var" && act.array(s.x.v)) return [{ k: "return", x: ref(tanArr(s.x.v)) }];
          if (s.x.k === "var") return [{ k: "return", x: zerosLike(s.x.v) }];
          if (s.x.k === "alloc") return [{ k: "return", x: { ...s.x, fill: "zeros", type: shadowType(s.x.type) } }];
          throw new Error("autodiff: unexpected array return");
        }
        vals.reset();
        return vals.nested(() => {
          const d = dual(s.x!);
          vals.emit({ k: "store", arr: out, idx: [c(0)], x: d.t ?? F(0), loc: NOLOC }, { k: "return", x: d.v });
        });
      }
      default: return [s];
    }
  });

  const body = [...prologue, ...xs(f.body)];
  const params = [...f.params, ...tparams, out];
  const locals = [...f.locals, ...fresh.locals.filter((l) => !f.locals.includes(l))];
  const written = new Set<Var>();
  collectStores(body, written, new Set(params));
  return { name: `${f.name}_jvp`, params, ret: isArray(f.ret) ? shadowType(f.ret) : f.ret, body, locals, written, callees: [], sourceName: f.sourceName };
}

const neg = (x: Expr): Expr => ({ k: "unary", op: "neg", x, type: "f64" });
function sum(a: Expr | null, b: Expr | null): Expr | null {
  if (!a) return b;
  if (!b) return a;
  return bin("add", a, b);
}

/** Parameters stored to anywhere in `stmts`. */
export function collectStores(stmts: readonly Stmt[], into: Set<Var>, params: ReadonlySet<Var>): void {
  for (const s of stmts) {
    if (s.k === "store" && params.has(s.arr)) into.add(s.arr);
    if (s.k === "if") { collectStores(s.then, into, params); collectStores(s.else, into, params); }
    if (s.k === "for") collectStores(s.body, into, params);
    if (s.k === "loop") { collectStores(s.body, into, params); collectStores(s.update, into, params); }
  }
}
