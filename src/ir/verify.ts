// Checks the IR invariants every backend relies on, so a frontend or pass bug fails loudly here with a
// path to the bad node instead of as a miscompiled kernel. Collects every violation before throwing.

import { MATH_FNS } from "./math.js";
import { BINARY_OPS, type CastOp, type Expr, type FuncIR, type Stmt, type Var } from "./nodes.js";
import { allFuncs } from "./printer.js";
import { elemType, isArray, sameType, typeToString, type ArrayType, type ScalarType, type Type } from "./types.js";

/** Allowed operand types of each cast; the result type is fixed per cast. */
const CASTS: Record<CastOp, { from: readonly ScalarType[]; to: ScalarType }> = {
  i2f: { from: ["int"], to: "f64" },
  b2i: { from: ["bool"], to: "int" },
  b2f: { from: ["bool"], to: "f64" },
  f2i32: { from: ["f64"], to: "int" },
  f2idx: { from: ["f64"], to: "int" },
  truthy: { from: ["int", "f64"], to: "bool" },
  f2u8c: { from: ["f64"], to: "int" },
  i2u8c: { from: ["int"], to: "int" },
};

export function verifyModule(entry: FuncIR): void {
  const errors = allFuncs(entry).flatMap(collectErrors);
  if (errors.length) throw new Error(`IR verification failed:\n  ${errors.join("\n  ")}`);
}

export function verifyFunc(f: FuncIR): void {
  const errors = collectErrors(f);
  if (errors.length) throw new Error(`IR verification failed:\n  ${errors.join("\n  ")}`);
}

/** One line per violation: `fname: body[2].body[0].x.a: message`. */
export function collectErrors(f: FuncIR): string[] {
  const errors: string[] = [];
  const T = typeToString;
  const nm = (x: Var): string => `${x.name}.${x.id}`;
  let path = "";
  const err = (msg: string): void => { errors.push(`${f.name}: ${path}: ${msg}`); };
  /** Runs `fn` with `seg` appended to the path. */
  const at = <R>(seg: string, fn: () => R): R => {
    const saved = path;
    path += seg;
    try { return fn(); } finally { path = saved; }
  };

  const scope = new Set<Var>([...f.params, ...f.locals]);
  const ids = new Map<number, Var>();
  for (const x of f.locals) if (f.params.includes(x)) { path = "locals"; err(`param ${nm(x)} is also listed as a local`); }
  for (const x of scope) {
    const other = ids.get(x.id);
    if (other && other !== x) { path = "locals"; err(`vars ${nm(other)} and ${nm(x)} share id ${x.id}`); }
    ids.set(x.id, x);
  }
  path = "";
  const useVar = (x: Var): void => { if (!scope.has(x)) err(`var ${nm(x)} is neither a param nor a local`); };
  const arrayVar = (x: Var): ArrayType | undefined => {
    useVar(x);
    if (isArray(x.type)) return x.type;
    err(`${nm(x)} is indexed but has type ${T(x.type)}, not an array`);
    return undefined;
  };
  const want = (e: Expr, t: Type, what: string): void => {
    if (!sameType(e.type, t)) err(`${what} must be ${T(t)}, got ${T(e.type)}`);
  };
  const checkIndices = (a: ArrayType | undefined, idx: readonly Expr[], name: string): void => {
    if (a && idx.length !== a.ndim) err(`${name} has ${a.ndim} dims but is indexed with ${idx.length} indices`);
    idx.forEach((i, n) => at(`.idx[${n}]`, () => { scalar(i); want(i, "int", "index"); }));
  };
  const arrayType = (t: ArrayType): void => {
    if (!t.nd && t.ndim !== 1) err(`bare typed array type with ${t.ndim} dims (only ndarrays are n-d)`);
  };

  /** An expression in scalar position: array values may only be assigned, returned or passed. */
  function scalar(e: Expr): void {
    if (isArray(e.type)) err(`array-typed ${e.k} used as a scalar (arrays may only be assigned, returned or passed)`);
    expr(e);
  }
  /** An expression where an array value is allowed (assign source, return value, call argument). */
  function value(e: Expr): void {
    expr(e);
  }

  function expr(e: Expr): void {
    switch (e.k) {
      case "const": {
        const ok = e.type === "bool" ? typeof e.value === "boolean"
          : typeof e.value === "number" && (e.type === "f64" || Number.isInteger(e.value));
        if (!ok) err(`const ${String(e.value)} is not a ${e.type}`);
        return;
      }
      case "var":
        useVar(e.v);
        if (!sameType(e.type, e.v.type)) err(`var ${nm(e.v)} read as ${T(e.type)} but has type ${T(e.v.type)}`);
        return;
      case "unary": {
        at(".x", () => scalar(e.x));
        const [from, to]: [readonly Type[], Type] =
          e.op === "neg" ? [["int", "f64"], e.x.type] : e.op === "not" ? [["bool"], "bool"] : [["int"], "int"];
        if (!from.includes(e.x.type)) err(`${e.op} operand must be ${from.join(" or ")}, got ${T(e.x.type)}`);
        else if (e.type !== to) err(`${e.op} result must be ${T(to)}, got ${e.type}`);
        return;
      }
      case "binary": {
        at(".a", () => scalar(e.a));
        at(".b", () => scalar(e.b));
        const { a, b, op } = e;
        const kind = BINARY_OPS[op].kind;
        const both = `${T(a.type)}, ${T(b.type)}`;
        if (a.type !== b.type) { err(`${op} operands must have the same type, got ${both}`); return; }
        const allowed: Type[] = op === "div" ? ["int", "f64"] : kind === "arith" ? ["int", "f64"] : kind === "bitwise" ? ["int"]
          : op === "eq" || op === "ne" ? ["int", "f64", "bool"] : ["int", "f64"];
        if (!allowed.includes(a.type)) { err(`${op} operands must be ${allowed.join(" or ")}, got ${both}`); return; }
        const result = kind === "compare" ? "bool" : a.type;
        if (e.type !== result) err(`${op}(${T(a.type)}, ${T(a.type)}) must have type ${result}, got ${e.type}`);
        return;
      }
      case "cast": {
        at(".x", () => scalar(e.x));
        const rule = CASTS[e.op];
        if (!rule.from.includes(e.x.type as ScalarType)) err(`${e.op} operand must be ${rule.from.join(" or ")}, got ${T(e.x.type)}`);
        if (e.type !== rule.to) err(`${e.op} result must be ${rule.to}, got ${e.type}`);
        return;
      }
      case "math": {
        e.args.forEach((x, i) => at(`.args[${i}]`, () => scalar(x)));
        const arity = MATH_FNS[e.fn].arity;
        if (arity !== "n" && e.args.length !== arity) err(`${e.fn} takes ${arity} arguments, got ${e.args.length}`);
        return;
      }
      case "cond":
        at(".c", () => { scalar(e.c); want(e.c, "bool", "cond condition"); });
        at(".a", () => { scalar(e.a); want(e.a, e.type, "cond branch"); });
        at(".b", () => { scalar(e.b); want(e.b, e.type, "cond branch"); });
        return;
      case "logical":
        at(".a", () => { scalar(e.a); want(e.a, e.type, `${e.op} operand`); });
        at(".b", () => { scalar(e.b); want(e.b, e.type, `${e.op} operand`); });
        return;
      case "load": {
        const a = arrayVar(e.arr);
        checkIndices(a, e.idx, `load ${nm(e.arr)}`);
        if (a && e.type !== elemType(a)) err(`load from ${T(a)} must have type ${elemType(a)}, got ${e.type}`);
        return;
      }
      case "disjoint": {
        arrayVar(e.a);
        arrayVar(e.b);
        e.spans.forEach((x, i) => at(`.spans[${i}]`, () => { scalar(x); want(x, "int", "disjoint span"); }));
        return;
      }
      case "prop": {
        const a = arrayVar(e.arr);
        const t: Type = e.type;
        if (t !== "int") err(`${e.prop} must have type int, got ${T(t)}`);
        if (a && (e.prop === "shape" || e.prop === "stride") && !(Number.isInteger(e.dim) && e.dim >= 0 && e.dim < a.ndim))
          err(`${e.prop} axis ${e.dim} out of range for ${T(a)}`);
        return;
      }
      case "call": {
        const ps = e.fn.params;
        if (e.args.length !== ps.length) err(`call ${e.fn.name} passes ${e.args.length} arguments, expects ${ps.length}`);
        e.args.forEach((x, i) => at(`.args[${i}]`, () => {
          value(x);
          if (i < ps.length) want(x, ps[i].type, `argument for ${ps[i].name}`);
        }));
        if (!sameType(e.type, e.fn.ret)) err(`call ${e.fn.name} typed ${T(e.type)} but returns ${T(e.fn.ret)}`);
        if (!f.callees.includes(e.fn)) err(`callee ${e.fn.name} is missing from callees`);
        e.args.forEach((x, i) => {
          if (x.k === "var" && f.params.includes(x.v) && i < ps.length && e.fn.written.has(ps[i]) && !f.written.has(x.v))
            err(`param ${x.v.name} is written by ${e.fn.name} but missing from written`);
        });
        return;
      }
      case "alloc":
        arrayType(e.type);
        if (e.shape.length !== e.type.ndim) err(`alloc of ${T(e.type)} needs ${e.type.ndim} sizes, got ${e.shape.length}`);
        e.shape.forEach((x, i) => at(`.shape[${i}]`, () => { scalar(x); want(x, "int", "size"); }));
        return;
      case "gpu":
        if (!f.kernel) err(`gpu.${e.what} outside a kernel`);
        return;
      case "atomic": {
        if (!f.kernel) err(`atomic outside a kernel`);
        const a = arrayVar(e.arr);
        checkIndices(a, e.idx, `atomic ${nm(e.arr)}`);
        at(".x", () => { scalar(e.x); if (a) { want(e.x, elemType(a), `atomic operand for ${T(a)}`); if (e.type !== elemType(a)) err(`atomic on ${T(a)} must have type ${elemType(a)}`); } });
        return;
      }
      default:
        e satisfies never;
    }
  }

  /** Enclosing loops; `cont` is false inside a loop's own update, which `continue` cannot re-enter. */
  const loops: { label: number; cont: boolean }[] = [];
  const labels = new Set<number>();
  function block(ss: readonly Stmt[], seg: string): void {
    ss.forEach((s, i) => at(`${seg}[${i}]`, () => stmt(s)));
  }
  function stmt(s: Stmt): void {
    switch (s.k) {
      case "assign":
        useVar(s.v);
        at(".x", () => { value(s.x); want(s.x, s.v.type, `value assigned to ${nm(s.v)}`); });
        return;
      case "store": {
        const a = arrayVar(s.arr);
        checkIndices(a, s.idx, `store ${nm(s.arr)}`);
        at(".x", () => { scalar(s.x); if (a) want(s.x, elemType(a), `value stored to ${T(a)}`); });
        if (a && f.params.includes(s.arr) && !f.written.has(s.arr)) err(`param ${s.arr.name} is stored to but missing from written`);
        return;
      }
      case "if":
        at(".c", () => { scalar(s.c); want(s.c, "bool", "if condition"); });
        block(s.then, ".then");
        block(s.else, ".else");
        return;
      case "for":
        useVar(s.v);
        if (s.v.type !== "int") err(`for variable ${nm(s.v)} must be int, got ${T(s.v.type)}`);
        at(".start", () => { scalar(s.start); want(s.start, "int", "for start"); });
        at(".end", () => { scalar(s.end); want(s.end, "int", "for end"); });
        if (!Number.isInteger(s.step) || s.step === 0) err(`for step must be a nonzero integer, got ${s.step}`);
        loopBody(s.label, () => block(s.body, ".body"));
        return;
      case "loop":
        if (s.pre) at(".pre", () => { scalar(s.pre!); want(s.pre!, "bool", "loop pre-test"); });
        loopBody(s.label, () => block(s.body, ".body"));
        loops.push({ label: s.label, cont: false });
        try { block(s.update, ".update"); } finally { loops.pop(); }
        if (s.post) at(".post", () => { scalar(s.post!); want(s.post!, "bool", "loop post-test"); });
        return;
      case "break": case "continue":
        if (!loops.some((l) => l.label === s.label && (s.k === "break" || l.cont)))
          err(`${s.k} L${s.label} is not inside loop L${s.label}${s.k === "continue" && loops.some((l) => l.label === s.label) ? "'s body" : ""}`);
        return;
      case "return":
        if (s.x === null) { if (f.ret !== "void") err(`return without a value in a function returning ${T(f.ret)}`); return; }
        at(".x", () => {
          value(s.x!);
          if (f.ret === "void") err(`return with a value in a void function`);
          else want(s.x!, f.ret, "return value");
        });
        return;
      case "throw":
        return;
      case "barrier":
        if (!f.kernel) err(`barrier outside a kernel`);
        return;
      case "expr":
        // A call may discard an array result (`normalize(A);`): not an array *use*, so it is allowed.
        at(".x", () => (s.x.k === "call" ? value(s.x) : scalar(s.x)));
        return;
      default:
        s satisfies never;
    }
  }
  function loopBody(label: number, fn: () => void): void {
    if (labels.has(label)) err(`loop label L${label} is used twice`);
    labels.add(label);
    loops.push({ label, cont: true });
    try { fn(); } finally { loops.pop(); }
  }

  f.params.forEach((p) => { if (isArray(p.type)) { path = `param ${p.name}`; arrayType(p.type); } });
  path = "";
  if (isArray(f.ret)) { path = "ret"; arrayType(f.ret); }
  block(f.body, "body");
  return errors;
}
