// Python source to a small typed syntax tree, through @lezer/python's parser: the lowering
// (lower.ts) reads this tree, never lezer's cursor. Positions are 1-based line/column.
// Also fixes one lezer precedence difference: `not a and b` parses as `not (a and b)` there,
// where Python means `(not a) and b`.

import { parser } from "@lezer/python";
import type { SyntaxNode } from "@lezer/common";

export interface Pos { readonly line: number; readonly column: number; readonly from: number; readonly to: number }

export type PyExpr = { readonly pos: Pos } & (
  | { k: "num"; value: number; int: boolean; text: string }
  | { k: "bool"; value: boolean }
  | { k: "none" }
  | { k: "str"; value: string }
  | { k: "name"; id: string }
  | { k: "attr"; obj: PyExpr; attr: string }
  | { k: "subscript"; obj: PyExpr; items: PyExpr[] }
  | { k: "slice"; lo?: PyExpr; hi?: PyExpr; step?: PyExpr }
  | { k: "call"; fn: PyExpr; args: PyExpr[]; kwargs: { name: string; value: PyExpr }[] }
  | { k: "binop"; op: string; a: PyExpr; b: PyExpr }
  | { k: "unary"; op: "-" | "+" | "~" | "not"; x: PyExpr }
  | { k: "boolop"; op: "and" | "or"; a: PyExpr; b: PyExpr; paren: boolean }
  | { k: "compare"; ops: string[]; operands: PyExpr[] }
  | { k: "ifexp"; c: PyExpr; a: PyExpr; b: PyExpr }
  | { k: "tuple"; elts: PyExpr[] }
  | { k: "list"; elts: PyExpr[] }
);

export type PyStmt = { readonly pos: Pos } & (
  | { k: "assign"; targets: PyExpr[]; value: PyExpr }
  | { k: "augassign"; target: PyExpr; op: string; value: PyExpr }
  | { k: "expr"; x: PyExpr }
  | { k: "if"; c: PyExpr; then: PyStmt[]; else: PyStmt[] }
  | { k: "while"; c: PyExpr; body: PyStmt[]; orelse: PyStmt[] }
  | { k: "for"; target: PyExpr; iter: PyExpr; body: PyStmt[]; orelse: PyStmt[] }
  | { k: "break" } | { k: "continue" } | { k: "pass" }
  | { k: "return"; x?: PyExpr }
  | { k: "raise"; exc?: PyExpr }
  | { k: "assert"; test: PyExpr; msg?: PyExpr }
);

export interface PyDecorator { readonly pos: Pos; readonly name: string; readonly args: PyExpr[]; readonly kwargs: { name: string; value: PyExpr }[] }

export interface PyDef {
  readonly pos: Pos;
  readonly name: string;
  readonly params: { name: string; pos: Pos }[];
  readonly body: PyStmt[];
  readonly decorators: PyDecorator[];
}

export interface PyModule {
  readonly source: string;
  readonly defs: PyDef[];
  /** `import numpy as np` and friends: local name -> module or member ("numpy", "numba", "numba.njit", "math"). */
  readonly imports: Map<string, string>;
  /** Module-level `NAME = <constant expression>`: compile-time constants, as Numba freezes globals. */
  readonly constants: Map<string, PyExpr>;
}

/** A syntax error or a construct the frontend does not read; lower.ts turns it into a CompileError. */
export class PySyntaxError extends Error {
  /** `syntax`: not Python at all (NB001); otherwise Python that numbat's subset leaves out (NB130). */
  constructor(readonly detail: string, readonly pos: Pos, readonly syntax = false) {
    super(detail);
  }
}

export function parsePython(source: string): PyModule {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const posOf = (from: number, to: number): Pos => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= from) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: from - lineStarts[lo]! + 1, from, to };
  };
  const tree = parser.parse(source);
  const text = (n: SyntaxNode) => source.slice(n.from, n.to);
  const pos = (n: SyntaxNode) => posOf(n.from, n.to);
  const fail = (n: SyntaxNode, detail: string): never => { throw new PySyntaxError(detail, pos(n)); };

  // The first syntax error anywhere is reported before lowering.
  tree.iterate({ enter(n) { if (n.type.isError) throw new PySyntaxError("invalid syntax", posOf(n.from, Math.max(n.to, n.from + 1)), true); } });

  const kids = (n: SyntaxNode): SyntaxNode[] => {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
    return out;
  };
  const PUNCT = new Set(["(", ")", "[", "]", "{", "}", ",", ":", ".", "AssignOp"]);
  const isExprNode = (n: SyntaxNode) => !PUNCT.has(n.name) && !/^[a-z]+$/.test(n.name) && n.name !== "TypeDef";

  function expr(n: SyntaxNode): PyExpr {
    const p = pos(n);
    switch (n.name) {
      case "Number": {
        const t = text(n).replace(/_/g, "").toLowerCase();
        if (/[jJ]$/.test(t)) fail(n, "complex numbers are not supported");
        const isInt = /^(0[xob][0-9a-f]+|\d+)$/.test(t);
        const value = isInt ? Number(BigInt(t)) : Number(t);
        return { k: "num", value, int: isInt, text: t, pos: p };
      }
      case "Boolean": return { k: "bool", value: text(n) === "True", pos: p };
      case "None": return { k: "none", pos: p };
      case "String": return { k: "str", value: stringValue(text(n), n), pos: p };
      case "ContinuedString": return { k: "str", value: kids(n).map((c) => stringValue(text(c), c)).join(""), pos: p };
      case "VariableName": return { k: "name", id: text(n), pos: p };
      case "ParenthesizedExpression": {
        const inner = kids(n).filter(isExprNode);
        if (inner.length !== 1) fail(n, "unsupported parenthesized expression");
        const e = expr(inner[0]!);
        return e.k === "boolop" ? { ...e, paren: true } : e;
      }
      case "TupleExpression": return { k: "tuple", elts: kids(n).filter(isExprNode).map(expr), pos: p };
      case "ArrayExpression": return { k: "list", elts: kids(n).filter(isExprNode).map(expr), pos: p };
      case "MemberExpression": {
        const ks = kids(n);
        const obj = expr(ks[0]!);
        if (ks[1]?.name === ".") return { k: "attr", obj, attr: text(ks[2]!), pos: p };
        return { k: "subscript", obj, items: subscriptItems(ks.slice(2, -1), n), pos: p };
      }
      case "CallExpression": {
        const ks = kids(n);
        const fn = expr(ks[0]!);
        const { args, kwargs } = argList(ks[1]!);
        return { k: "call", fn, args, kwargs, pos: p };
      }
      case "UnaryExpression": {
        const ks = kids(n);
        const opText = text(ks[0]!);
        const x = expr(ks[1]!);
        if (opText === "not") return pushNot(x, p);
        if (opText !== "-" && opText !== "+" && opText !== "~") fail(n, `operator '${opText}' is not supported`);
        return { k: "unary", op: opText as "-" | "+" | "~", x, pos: p };
      }
      case "BinaryExpression": {
        const ks = kids(n);
        const opNode = ks[1]!;
        const op = text(opNode).replace(/\s+/g, " ");
        const a = expr(ks[0]!), b = expr(ks[2]!);
        if (op === "and" || op === "or") return { k: "boolop", op, a, b, paren: false, pos: p };
        if (opNode.name === "CompareOp" || op === "in" || op === "not in" || op === "is" || op === "is not") {
          // `a < b < c` arrives as ((a < b) < c): an unparenthesized comparison on the left chains.
          if (a.k === "compare" && ks[0]!.name === "BinaryExpression") return { k: "compare", ops: [...a.ops, op], operands: [...a.operands, b], pos: p };
          return { k: "compare", ops: [op], operands: [a, b], pos: p };
        }
        return { k: "binop", op, a, b, pos: p };
      }
      case "ConditionalExpression": {
        const ks = kids(n).filter(isExprNode);
        return { k: "ifexp", a: expr(ks[0]!), c: expr(ks[1]!), b: expr(ks[2]!), pos: p };
      }
      case "LambdaExpression": return fail(n, "lambda expressions are not supported");
      case "ArrayComprehensionExpression": case "ComprehensionExpression": case "SetComprehensionExpression": case "DictionaryComprehensionExpression":
        return fail(n, "comprehensions are not supported");
      case "DictionaryExpression": case "SetExpression": return fail(n, `${n.name === "SetExpression" ? "sets" : "dictionaries"} are not supported`);
      case "FormatString": return fail(n, "f-strings are not supported");
      default: return fail(n, `'${text(n).slice(0, 40)}' (${n.name}) is not supported`);
    }
  }

  /** `not` applies to the leftmost operand of an unparenthesized and/or chain (Python's precedence). */
  function pushNot(x: PyExpr, p: Pos): PyExpr {
    if (x.k === "boolop" && !x.paren) return { ...x, a: pushNot(x.a, p) };
    return { k: "unary", op: "not", x, pos: { ...p, to: x.pos.to } };
  }

  function subscriptItems(ks: SyntaxNode[], at: SyntaxNode): PyExpr[] {
    const items: PyExpr[] = [];
    let group: SyntaxNode[] = [];
    const flush = () => {
      if (group.length === 0) fail(at, "empty subscript");
      if (!group.some((g) => g.name === ":")) {
        if (group.length !== 1) fail(group[0]!, "unsupported subscript");
        items.push(expr(group[0]!));
      } else {
        const parts: (PyExpr | undefined)[] = [undefined];
        for (const g of group) {
          if (g.name === ":") parts.push(undefined);
          else parts[parts.length - 1] = expr(g);
        }
        if (parts.length > 3) fail(group[0]!, "a slice has at most start:stop:step");
        items.push({ k: "slice", lo: parts[0], hi: parts[1], step: parts[2], pos: posOf(group[0]!.from, group[group.length - 1]!.to) });
      }
      group = [];
    };
    for (const k of ks) {
      if (k.name === ",") flush();
      else group.push(k);
    }
    if (group.length) flush();
    return items;
  }

  function argList(n: SyntaxNode): { args: PyExpr[]; kwargs: { name: string; value: PyExpr }[] } {
    const ks = kids(n).filter((c) => c.name !== "(" && c.name !== ")");
    const args: PyExpr[] = [], kwargs: { name: string; value: PyExpr }[] = [];
    for (let i = 0; i < ks.length; i++) {
      const c = ks[i]!;
      if (c.name === ",") continue;
      if (c.name === "*" || c.name === "**") fail(c, "*args and **kwargs are not supported");
      if (ks[i + 1]?.name === "AssignOp") {
        kwargs.push({ name: text(c), value: expr(ks[i + 2]!) });
        i += 2;
        continue;
      }
      if (kwargs.length) fail(c, "positional argument after a keyword argument");
      args.push(expr(c));
    }
    return { args, kwargs };
  }

  function stringValue(t: string, n: SyntaxNode): string {
    const m = /^([rRbBuU]*)('''|"""|'|")([\s\S]*)\2$/.exec(t);
    if (!m) return fail(n, "unsupported string literal");
    if (/[bB]/.test(m[1]!)) fail(n, "bytes literals are not supported");
    if (/[rR]/.test(m[1]!)) return m[3]!;
    return m[3]!.replace(/\\(n|t|r|\\|'|"|\n)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "\n": "" })[c]!);
  }

  function body(n: SyntaxNode): PyStmt[] {
    const out: PyStmt[] = [];
    for (const c of kids(n)) if (c.name !== ":") out.push(...stmt(c));
    return out;
  }

  /** Children after each keyword of an if/while/for: [test?, Body] groups. */
  function stmt(n: SyntaxNode): PyStmt[] {
    const p = pos(n);
    const ks = kids(n);
    switch (n.name) {
      case "ExpressionStatement": {
        const e = expr(ks[0]!);
        return e.k === "str" ? [] : [{ k: "expr", x: e, pos: p }]; // docstrings
      }
      case "AssignStatement": {
        // a = b = value, a, b = value, a: int = value
        const groups: SyntaxNode[][] = [[]];
        for (const c of ks) {
          if (c.name === "AssignOp") groups.push([]);
          else if (c.name !== "TypeDef") groups[groups.length - 1]!.push(c);
        }
        const toExpr = (g: SyntaxNode[]): PyExpr => {
          const es = g.filter(isExprNode).map(expr);
          return es.length === 1 && !g.some((c) => c.name === ",") ? es[0]! : { k: "tuple", elts: es, pos: posOf(g[0]!.from, g[g.length - 1]!.to) };
        };
        if (groups.length < 2) return unsupported("an annotation without a value", p);
        const value = toExpr(groups[groups.length - 1]!);
        return [{ k: "assign", targets: groups.slice(0, -1).map(toExpr), value, pos: p }];
      }
      case "UpdateStatement": {
        const op = text(ks[1]!).slice(0, -1);
        return [{ k: "augassign", target: expr(ks[0]!), op, value: expr(ks[2]!), pos: p }];
      }
      case "IfStatement": {
        // if c: B (elif c: B)* (else: B)?
        const conds: { c: PyExpr; b: PyStmt[] }[] = [];
        let els: PyStmt[] = [];
        for (let i = 0; i < ks.length; i++) {
          const k = ks[i]!;
          if (k.name === "if" || k.name === "elif") { conds.push({ c: expr(ks[i + 1]!), b: body(ks[i + 2]!) }); i += 2; }
          else if (k.name === "else") { els = body(ks[i + 1]!); i += 1; }
        }
        let chain = els;
        for (let i = conds.length - 1; i >= 0; i--) chain = [{ k: "if", c: conds[i]!.c, then: conds[i]!.b, else: chain, pos: i === 0 ? p : conds[i]!.c.pos }];
        return chain;
      }
      case "WhileStatement": {
        const elseAt = ks.findIndex((k) => k.name === "else");
        return [{ k: "while", c: expr(ks[1]!), body: body(ks[2]!), orelse: elseAt >= 0 ? body(ks[elseAt + 1]!) : [], pos: p }];
      }
      case "ForStatement": {
        const inAt = ks.findIndex((k) => k.name === "in");
        const targets = ks.slice(1, inAt).filter(isExprNode).map(expr);
        const target: PyExpr = targets.length === 1 ? targets[0]! : { k: "tuple", elts: targets, pos: targets[0]!.pos };
        const bodyAt = ks.findIndex((k, i) => i > inAt && k.name === "Body");
        const elseAt = ks.findIndex((k) => k.name === "else");
        return [{ k: "for", target, iter: expr(ks[inAt + 1]!), body: body(ks[bodyAt]!), orelse: elseAt >= 0 ? body(ks[elseAt + 1]!) : [], pos: p }];
      }
      case "PassStatement": return [{ k: "pass", pos: p }];
      case "BreakStatement": return [{ k: "break", pos: p }];
      case "ContinueStatement": return [{ k: "continue", pos: p }];
      case "ReturnStatement": {
        const es = ks.slice(1).filter(isExprNode).map(expr);
        if (es.length === 0) return [{ k: "return", pos: p }];
        const x: PyExpr = es.length === 1 && !ks.some((c) => c.name === ",") ? es[0]! : { k: "tuple", elts: es, pos: es[0]!.pos };
        return [{ k: "return", x, pos: p }];
      }
      case "RaiseStatement": {
        const es = ks.slice(1).filter(isExprNode);
        if (ks.some((k) => k.name === "from")) return unsupported("raise ... from ...", p);
        return [es.length ? { k: "raise", exc: expr(es[0]!), pos: p } : { k: "raise", pos: p }];
      }
      case "AssertStatement": {
        const es = ks.slice(1).filter(isExprNode).map(expr);
        return [{ k: "assert", test: es[0]!, ...(es[1] ? { msg: es[1] } : {}), pos: p }];
      }
      case "FunctionDefinition": case "DecoratedStatement": return unsupported("a function defined inside a function", p);
      case "ClassDefinition": return unsupported("a class definition", p);
      case "WithStatement": return unsupported("a with statement", p);
      case "TryStatement": return unsupported("try/except", p);
      case "ImportStatement": return unsupported("an import inside a function (import at the top of the source)", p);
      case "GlobalStatement": case "NonlocalStatement": return unsupported(`a ${n.name === "GlobalStatement" ? "global" : "nonlocal"} statement`, p);
      case "DeleteStatement": return unsupported("del", p);
      case "PrintStatement": case "YieldStatement": return unsupported(text(n).split(/\s/)[0]!, p);
      case "MatchStatement": return unsupported("a match statement", p);
      case "ScopeStatement": return unsupported(text(n).split(/\s/)[0]!, p);
      default: return unsupported(`'${text(n).split("\n")[0]!.slice(0, 40)}' (${n.name})`, p);
    }
  }

  function unsupported(what: string, p: Pos): never {
    throw new PySyntaxError(`${what} is not supported`, p);
  }

  function decorator(n: SyntaxNode): PyDecorator {
    const ks = kids(n).filter((c) => c.name !== "At");
    const argAt = ks.findIndex((c) => c.name === "ArgList");
    const nameParts = (argAt >= 0 ? ks.slice(0, argAt) : ks).filter((c) => c.name !== ".").map(text);
    const { args, kwargs } = argAt >= 0 ? argList(ks[argAt]!) : { args: [], kwargs: [] };
    return { pos: pos(n), name: nameParts.join("."), args, kwargs };
  }

  function def(n: SyntaxNode, decorators: PyDecorator[]): PyDef {
    const ks = kids(n);
    const name = text(ks.find((c) => c.name === "VariableName")!);
    const plist = ks.find((c) => c.name === "ParamList")!;
    const params: { name: string; pos: Pos }[] = [];
    const pk = kids(plist);
    for (let i = 0; i < pk.length; i++) {
      const c = pk[i]!;
      if (c.name === "VariableName") {
        if (pk[i + 1]?.name === "AssignOp") fail(pk[i + 2]!, "default parameter values are not supported");
        params.push({ name: text(c), pos: pos(c) });
      } else if (c.name === "*" || c.name === "**") fail(c, "*args and **kwargs are not supported");
    }
    return { pos: pos(n), name, params, body: body(ks.find((c) => c.name === "Body")!), decorators };
  }

  const defs: PyDef[] = [];
  const imports = new Map<string, string>();
  const constants = new Map<string, PyExpr>();
  for (const top of kids(tree.topNode)) {
    if (top.name === "FunctionDefinition") defs.push(def(top, []));
    else if (top.name === "DecoratedStatement") {
      const ks = kids(top);
      const f = ks.find((c) => c.name === "FunctionDefinition");
      if (!f) fail(top, "only functions can be decorated");
      defs.push(def(f!, ks.filter((c) => c.name === "Decorator").map(decorator)));
    } else if (top.name === "ImportStatement") readImport(top);
    else if (top.name === "ExpressionStatement" && kids(top)[0]?.name === "String") continue; // module docstring
    else if (top.name === "AssignStatement") readConstant(top);
    else fail(top, "only imports, constants and function definitions are supported at the top level of the source");
  }
  return { source, defs, imports, constants };

  /** `N = 64`, `EPS = 1e-9`, `SCALE = 2 * N`: a name bound to an expression of literals and earlier constants. */
  function readConstant(n: SyntaxNode): void {
    const [st] = stmt(n);
    if (st?.k !== "assign" || st.targets.length !== 1 || st.targets[0]!.k !== "name") return fail(n, "only `NAME = constant` assignments are supported at the top level");
    const ok = (e: PyExpr): boolean =>
      e.k === "num" || e.k === "bool" || (e.k === "name" && constants.has(e.id)) || (e.k === "attr" && e.obj.k === "name" && imports.has(e.obj.id))
      || (e.k === "unary" && ok(e.x)) || (e.k === "binop" && ok(e.a) && ok(e.b)) || (e.k === "tuple" && e.elts.every(ok));
    if (!ok(st.value)) fail(n, "a global must be a constant: numbers, booleans, math/numpy constants and other globals combined with operators");
    constants.set((st.targets[0] as { id: string }).id, st.value);
  }

  function readImport(n: SyntaxNode): void {
    const ks = kids(n);
    if (ks[0]!.name === "from") {
      // from numba import njit, prange as p
      const importAt = ks.findIndex((c) => c.name === "import");
      const mod = ks.slice(1, importAt).filter((c) => c.name !== ".").map(text).join(".");
      const rest = ks.slice(importAt + 1).filter((c) => c.name !== "," && c.name !== "(" && c.name !== ")");
      for (let i = 0; i < rest.length; i++) {
        const member = text(rest[i]!);
        if (member === "*") fail(rest[i]!, "'from ... import *' is not supported; import the names you use");
        let local = member;
        if (rest[i + 1]?.name === "as") { local = text(rest[i + 2]!); i += 2; }
        imports.set(local, `${mod}.${member}`);
      }
      return;
    }
    // import numpy as np, math, numba.cuda
    const rest = ks.slice(1).filter((c) => c.name !== ",");
    for (let i = 0; i < rest.length; i++) {
      const parts: string[] = [text(rest[i]!)];
      while (rest[i + 1]?.name === ".") { parts.push(text(rest[i + 2]!)); i += 2; }
      const mod = parts.join(".");
      if (rest[i + 1]?.name === "as") { imports.set(text(rest[i + 2]!), mod); i += 2; }
      else imports.set(parts[0]!, parts[0]!);
    }
  }
}
