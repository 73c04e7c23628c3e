// Deterministic text form of the IR for `inspect("ir")`, golden tests and debugging passes.
// Ops print prefix-style under their IR names so the text maps one-to-one onto nodes; locals carry
// their id (`m.1`) since passes create same-named copies, params print bare as the user wrote them.

import type { Expr, FuncIR, Stmt, Var } from "./nodes.js";
import { DTYPES, isArray, typeToString } from "./types.js";
import { forEachStmt } from "./walk.js";

export function printModule(entry: FuncIR): string {
  return allFuncs(entry).map(printFunc).join("\n");
}

/** Every function reachable from `entry`, callees before callers, each once. */
export function allFuncs(entry: FuncIR): FuncIR[] {
  const out: FuncIR[] = [];
  const seen = new Set<FuncIR>(); // mutual recursion makes callees cyclic
  const visit = (f: FuncIR): void => {
    if (seen.has(f)) return;
    seen.add(f);
    f.callees.forEach(visit);
    out.push(f);
  };
  visit(entry);
  return out;
}

/** Labels that some break/continue targets: only those are printed. */
export function usedLabels(body: readonly Stmt[]): Set<number> {
  const used = new Set<number>();
  forEachStmt(body, (s) => { if (s.k === "break" || s.k === "continue") used.add(s.label); });
  return used;
}

export function printFunc(f: FuncIR): string {
  const params = new Set(f.params);
  const declared = new Set<Var>();
  const labels = usedLabels(f.body);
  const name = (x: Var): string => (params.has(x) ? x.name : `${x.name}.${x.id}`);
  const list = (es: readonly Expr[]): string => es.map(expr).join(", ");
  const lbl = (label: number): string => (labels.has(label) ? `L${label}: ` : "");

  function expr(e: Expr): string {
    switch (e.k) {
      case "const":
        if (e.type !== "f64") return String(e.value);
        return Object.is(e.value, -0) ? "-0.0" : String(e.value).replace(/^-?\d+$/, "$&.0");
      case "var": return name(e.v);
      case "unary": return `${e.op}(${expr(e.x)})`;
      case "binary": return `${e.op}(${expr(e.a)}, ${expr(e.b)})`;
      case "cast": return `${e.op}(${expr(e.x)})`;
      case "math": return `${e.fn}(${list(e.args)})`;
      case "cond": return `cond(${expr(e.c)}, ${expr(e.a)}, ${expr(e.b)})`;
      case "logical": return `${e.op}(${expr(e.a)}, ${expr(e.b)})`;
      case "load": return `load${e.unchecked ? "!" : ""} ${name(e.arr)}[${list(e.idx)}]`;
      case "disjoint": return `disjoint(${name(e.a)}[${expr(e.spans[0])} .. ${expr(e.spans[1])}], ${name(e.b)}[${expr(e.spans[2])} .. ${expr(e.spans[3])}])`;
      case "prop": return e.prop === "shape" || e.prop === "stride" ? `${e.prop}(${name(e.arr)}, ${e.dim})` : `${e.prop}(${name(e.arr)})`;
      case "call": return `call ${e.fn.name}(${list(e.args)})`;
      case "alloc": {
        const t = e.type;
        return `${e.fill}<${t.nd ? DTYPES[t.dtype].name : DTYPES[t.dtype].ctor}>[${list(e.shape)}]`;
      }
      case "gpu": return `gpu.${e.what}.${"xyz"[e.axis]}`;
      case "atomic": return `atomic.${e.op} ${name(e.arr)}[${list(e.idx)}], ${expr(e.x)}`;
      default: return e satisfies never;
    }
  }

  // Simple statements print on one line, so `if c { break L1 }` stays compact.
  function simple(s: Stmt): string | undefined {
    switch (s.k) {
      case "assign": {
        const first = !params.has(s.v) && !declared.has(s.v);
        declared.add(s.v);
        return `${name(s.v)}${first ? `: ${typeToString(s.v.type)}` : ""} = ${expr(s.x)}`;
      }
      case "store": return `store${s.unchecked ? "!" : ""} ${name(s.arr)}[${list(s.idx)}] = ${expr(s.x)}`;
      case "break": case "continue": return `${s.k} L${s.label}`;
      case "return": return s.x ? `return ${expr(s.x)}` : "return";
      case "throw": return `throw ${s.cls} ${JSON.stringify(s.msg)} @${s.loc.line}:${s.loc.column}`;
      case "expr": return expr(s.x);
      case "barrier": return "barrier";
      default: return undefined;
    }
  }

  const out: string[] = [];
  function block(ss: readonly Stmt[], ind: string): void { ss.forEach((s) => stmt(s, ind)); }
  function stmt(s: Stmt, ind: string): void {
    const inner = ind + "  ";
    switch (s.k) {
      case "assign": case "store": case "break": case "continue": case "return": case "throw": case "expr": case "barrier":
        out.push(ind + simple(s));
        return;
      case "if": {
        const one = s.then.length === 1 && s.else.length === 0 ? simple(s.then[0]) : undefined;
        if (one !== undefined) { out.push(`${ind}if ${expr(s.c)} { ${one} }`); return; }
        out.push(`${ind}if ${expr(s.c)} {`);
        block(s.then, inner);
        let els = s.else;
        while (els.length === 1 && els[0].k === "if") { // else-if chains stay flat
          const e = els[0];
          out.push(`${ind}} else if ${expr(e.c)} {`);
          block(e.then, inner);
          els = e.else;
        }
        if (els.length > 0) { out.push(`${ind}} else {`); block(els, inner); }
        out.push(`${ind}}`);
        return;
      }
      case "for":
        out.push(`${ind}${lbl(s.label)}for ${name(s.v)} = ${expr(s.start)} ${s.cmp} ${expr(s.end)} step ${s.step}${s.parallel ? " parallel" : ""}${s.vector ? ` vector ${s.vector}` : ""}${s.ordered ? " ordered" : ""}${s.vectorIf ? ` if ${expr(s.vectorIf)}` : ""} {`);
        block(s.body, inner);
        out.push(`${ind}}`);
        return;
      case "loop":
        out.push(`${ind}${lbl(s.label)}loop${s.pre ? ` while ${expr(s.pre)}` : ""} {`);
        block(s.body, inner);
        if (s.update.length > 0) { out.push(`${ind}} update {`); block(s.update, inner); }
        out.push(`${ind}}${s.post ? ` while ${expr(s.post)}` : ""}`);
        return;
      default:
        s satisfies never;
    }
  }

  const sig = f.params.map((p) => `${p.name}: ${typeToString(p.type)}`).join(", ");
  const writes = f.params.filter((p) => f.written.has(p) && isArray(p.type)).map((p) => p.name);
  out.push(`func ${f.name}(${sig}) -> ${typeToString(f.ret)}${writes.length ? ` writes ${writes.join(", ")}` : ""} {`);
  if (f.kernel) {
    out.push(`  kernel groupSize ${f.kernel.groupSize.join("x")} float ${f.kernel.float}`);
    for (const sh of f.kernel.shared) out.push(`  shared ${name(sh.v)}: ${typeToString(sh.v.type)}[${sh.size}]`);
  }
  block(f.body, "  ");
  out.push("}");
  return out.join("\n") + "\n";
}
