// Outer-loop vectorisation in C. A loop the vectoriser marked (passes/vectorize.ts) whose body holds
// inner loops — a register tile (passes/regtile.ts), Horner's rule, a matrix-vector product — is one
// that gcc and clang do not vectorise themselves. Here its main part is written with GNU C vector
// types: each f64 variable the body assigns becomes a vector of NB_VL doubles (one lane per
// iteration), contiguous loads and stores become unaligned vector moves, lane-wise `+ - * /` and
// negation are C's vector operators (exactly the scalar IEEE operations, lane by lane; the module is
// built with -ffp-contract=off), and inner loops run once for all lanes. The scalar loop after it
// runs the remaining iterations. A body with anything else keeps the scalar loop (and `NB_IVDEP`).

import type { Expr, Stmt, Var } from "../../ir/nodes.js";
import type { ArrayType } from "../../ir/types.js";
import { forEachExpr, forEachStmt, mapExpr } from "../../ir/walk.js";
import { accessKind } from "../../passes/vectorize.js";
import { analyzeNest, type ForStmt } from "../../passes/nest.js";
import type { NestFacts } from "../../passes/affine.js";
import { P, bin, prim, un, type Code } from "../cstyle/render.js";

/** Lanes of `nb_vd` (prelude.ts): one AVX-512 register, two AVX2 ones. */
export const VL = 8;
/** `nb_vd` values per variable: each vector iteration runs PARTS × VL iterations of the loop. */
export const PARTS = 2;

/** What the vector renderer needs from the function being rendered. */
export interface VectorHost {
  expr(e: Expr): Code;
  name(v: Var): string;
  math(fn: Extract<Expr, { k: "math" }>["fn"], args: readonly Code[]): Code;
}

interface Lanes {
  readonly v: Var;
  readonly vars: ReadonlySet<Var>;
  readonly facts: NestFacts;
}

const mentions = (e: Expr, vars: ReadonlySet<Var>): boolean => {
  let hit = false;
  forEachExpr([{ k: "expr", x: e }], (x) => { if (x.k === "var" && vars.has(x.v)) hit = true; });
  return hit;
};

const VECTOR_MATH = new Set(["sqrt", "abs", "floor", "ceil", "trunc", "min", "max"]);

/** Can `e` be rendered here: scalar, a lane variable, a contiguous f64 load, or lane-wise operations on them? */
function supported(e: Expr, l: Lanes, varying: ReadonlySet<Var>): boolean {
  if (!mentions(e, varying)) return true;
  switch (e.k) {
    case "var": return e.type === "f64";
    case "load": return !mentions(e, l.vars) && e.unchecked === true && ((e.arr.type as ArrayType).dtype === "f64" || accessKind(e.idx, l.v, l.facts) !== "unit");
    case "binary":
      if (["add", "sub", "mul", "div"].includes(e.op) && e.type === "f64") return supported(e.a, l, varying) && supported(e.b, l, varying);
      return !mentions(e, l.vars) && plainScalar(e);
    case "unary": return e.op === "neg" && e.type === "f64" ? supported(e.x, l, varying) : !mentions(e, l.vars) && plainScalar(e);
    case "math": return e.type === "f64" && VECTOR_MATH.has(e.fn) && e.args.every((a) => a.type === "f64" && supported(a, l, varying));
    case "cast": return !mentions(e, l.vars) && plainScalar(e);
    default: return false;
  }
}

/** An expression of the counter alone that can be computed lane by lane (nothing that can fail or draw random numbers). */
function plainScalar(e: Expr): boolean {
  let ok = true;
  forEachExpr([{ k: "expr", x: e }], (x) => {
    if (x.k === "call" || x.k === "alloc" || (x.k === "load" && !x.unchecked) || (x.k === "math" && x.fn === "random")) ok = false;
    if (x.k === "binary" && x.op === "mod" && x.type === "int") ok = false;
    if (x.k === "cast" && x.op === "f2idx") ok = false;
  });
  return ok;
}

/** Assignments, contiguous f64 stores and counted loops whose bounds are the same in every lane. */
function supportedBody(stmts: readonly Stmt[], l: Lanes, varying: ReadonlySet<Var>): boolean {
  return stmts.every((s) => {
    switch (s.k) {
      case "assign": return s.v.type === "f64" && supported(s.x, l, varying);
      case "store":
        return (s.arr.type as ArrayType).dtype === "f64" && s.unchecked === true && accessKind(s.idx, l.v, l.facts) === "unit" &&
          !s.idx.some((i) => mentions(i, l.vars)) && supported(s.x, l, varying);
      case "for":
        return plainScalar(s.start) && plainScalar(s.end) && !mentions(s.start, varying) && !mentions(s.end, varying) && supportedBody(s.body, l, varying);
      default: return false;
    }
  });
}

/**
 * The vector main loop of `s` (counter C variable `counter`, bound `end` already evaluated), as lines
 * to emit before the scalar loop; undefined when the body is not one this renderer handles.
 */
export function vectorMainLoop(s: ForStmt, counter: string, end: string, host: VectorHost): string[] | undefined {
  if (s.step !== 1 || (s.cmp !== "lt" && s.cmp !== "le") || !s.body.some((x) => x.k === "for")) return undefined;
  const vars = new Set<Var>();
  forEachStmt(s.body, (x) => { if (x.k === "assign") vars.add(x.v); });
  const l: Lanes = { v: s.v, vars, facts: analyzeNest(s).facts };
  const varying = new Set<Var>([s.v, ...vars]);
  if (!supportedBody(s.body, l, varying)) return undefined;
  const vname = (x: Var, u: number) => `${host.name(x)}_v${u}`;
  let tmp = 0;
  const counterAt = (first: number): Expr =>
    first === 0 ? { k: "var", v: l.v, type: "int" } : { k: "binary", op: "add", a: { k: "var", v: l.v, type: "int" }, b: { k: "const", type: "int", value: first }, type: "int" };
  /** `e` with the counter of the loop replaced by counter + first. */
  const at = <T extends Expr>(e: T, first: number): T => (first === 0 ? e : mapExpr(e, (x) => (x.k === "var" && x.v === l.v ? counterAt(first) : x)) as T);
  // Part u of a vector value (lanes u·VL .. u·VL + VL - 1), or a scalar (C converts a scalar operand
  // of a vector operator to a vector).
  const vexpr = (e: Expr, u: number): { c: Code; vec: boolean } => {
    if (!mentions(e, varying)) return { c: host.expr(e), vec: false };
    switch (e.k) {
      case "var": return vars.has(e.v) ? { c: prim(vname(e.v, u)), vec: true } : { c: lanewise(e, u), vec: true };
      case "load":
        if (accessKind(e.idx, l.v, l.facts) === "unit") return { c: prim(`nb_vld(&${host.expr(at(e, u * VL)).s})`), vec: true };
        return { c: lanewise(e, u), vec: true };
      case "binary": {
        if (!mentions(e, vars) && (e.type !== "f64" || !["add", "sub", "mul", "div"].includes(e.op))) return { c: lanewise(e, u), vec: true };
        const a = vexpr(e.a, u), b = vexpr(e.b, u);
        if (!a.vec && !b.vec) return { c: lanewise(e, u), vec: true };
        const op = { add: ["+", P.ADD], sub: ["-", P.ADD], mul: ["*", P.MUL], div: ["/", P.MUL] }[e.op as "add"] as [string, number];
        return { c: bin(op[0], op[1], a.c, b.c), vec: true };
      }
      case "unary": {
        if (!mentions(e, vars)) return { c: lanewise(e, u), vec: true };
        return { c: un("-", vexpr(e.x, u).c), vec: true };
      }
      case "math": {
        // Lane by lane with the scalar function (each lane's operations are the scalar ones).
        const args = e.args.map((a) => vexpr(a, u));
        const names = args.map(() => `nb_vt${tmp++}`);
        const decls = args.map((a, k) => `nb_vd ${names[k]} = ${a.vec ? a.c.s : `nb_vsplat((${a.c.s}))`};`).join(" ");
        const lanes = Array.from({ length: VL }, (_, j) => host.math(e.fn, names.map((n) => prim(`${n}[${j}]`))).s);
        return { c: prim(`({ ${decls} (nb_vd){ ${lanes.join(", ")} }; })`), vec: true };
      }
      default: return { c: lanewise(e, u), vec: true };
    }
  };
  // An expression of the counter only: each lane computes it with its own iteration's counter.
  const lanewise = (e: Expr, u: number): Code =>
    prim(`(nb_vd){ ${Array.from({ length: VL }, (_, j) => host.expr(at(e, u * VL + j)).s).join(", ")} }`);
  // Parenthesised: a macro argument may not contain a bare comma (compound literals have them).
  const vec = (e: Expr, u: number): string => { const r = vexpr(e, u); return r.vec ? `(${r.c.s})` : `nb_vsplat((${r.c.s}))`; };
  const out: string[] = [];
  const parts = Array.from({ length: PARTS }, (_, u) => u);
  const block = (stmts: readonly Stmt[], ind: string): void => {
    for (const x of stmts) {
      if (x.k === "assign") for (const u of parts) out.push(`${ind}${vname(x.v, u)} = ${vec(x.x, u)};`);
      else if (x.k === "store") {
        for (const u of parts) {
          const el = host.expr(at({ k: "load", arr: x.arr, idx: x.idx, type: "f64", loc: x.loc, unchecked: true }, u * VL));
          out.push(`${ind}nb_vst(&${el.s}, ${vec(x.x, u)});`);
        }
      } else if (x.k === "for") {
        const v = host.name(x.v), e = `nb_vend${tmp++}`;
        const step = x.step === 1 ? `${v}++` : x.step === -1 ? `${v}--` : x.step > 0 ? `${v} += ${x.step}` : `${v} -= ${-x.step}`;
        const op = { lt: "<", le: "<=", gt: ">", ge: ">=" }[x.cmp];
        out.push(`${ind}${v} = ${host.expr(x.start).s};`);
        out.push(`${ind}{ int64_t ${e} = ${host.expr(x.end).s};`);
        out.push(`${ind}for (; ${v} ${op} ${e}; ${step}) {`);
        block(x.body, `${ind}  `);
        out.push(`${ind}} }`);
      }
    }
  };
  block(s.body, "  ");
  const decl = `  nb_vd ${[...vars].flatMap((x) => parts.map((u) => vname(x, u))).join(", ")};`;
  const step = VL * PARTS;
  // At least VL iterations left (the distance computed without overflow: counter < end there).
  const op = s.cmp === "lt" ? "<" : "<=";
  const test = `${counter} ${op} ${end} && (uint64_t)${end} - (uint64_t)${counter} >= ${s.cmp === "lt" ? step : step - 1}`;
  return [`for (; ${test}; ${counter} += ${step}) {`, ...(vars.size ? [decl] : []), ...out, "}"];
}
