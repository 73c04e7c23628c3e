// Turns a JS function value into an ESTree AST with acorn, from `fn.toString()`.
// Accepts declarations, expressions, arrows, methods and TypeScript-compiler output.

import * as acorn from "acorn";
import { CompileError, codeFrame } from "../diagnostics/error.js";

interface Position { line: number; column: number }
/** An ESTree node as acorn produces it (with `locations: true`); fields are read dynamically. */
export type Node = { type: string; start: number; end: number; loc: { start: Position; end: Position } } & Record<string, any>;

export interface ParsedFunction {
  readonly name: string;
  readonly source: string;
  readonly params: Node[];
  readonly body: Node; // BlockStatement, or an Expression for concise arrows
  readonly node: Node;
}

function tryParse(text: string): Node | undefined {
  try {
    return acorn.parse(text, { ecmaVersion: "latest", sourceType: "script", locations: true }) as Node;
  } catch {
    return undefined;
  }
}

export function parseFunction(fn: Function): ParsedFunction {
  const source = Function.prototype.toString.call(fn);
  const name = fn.name || "anonymous";
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source))
    throw new CompileError("NB002", `'${name}' is a native or bound function, which has no source to compile`, 1, 1, name, "", "pass the plain JS function itself to jit()");
  // `(expr)` accepts function expressions and arrows; methods (`f(a) {...}`) need an object around them.
  let fnNode: Node | undefined;
  let shift = 1;
  const asExpr = tryParse(`(${source}\n)`);
  if (asExpr) fnNode = asExpr.body[0]?.expression;
  else {
    const asMethod = tryParse(`({${source}\n})`);
    if (asMethod) fnNode = asMethod.body[0]?.expression?.properties?.[0]?.value;
    shift = 2;
  }
  if (!fnNode) {
    let err: any;
    try { acorn.parse(source, { ecmaVersion: "latest", locations: true }); } catch (e) { err = e; }
    const line = err?.loc?.line ?? 1, column = (err?.loc?.column ?? 0) + 1;
    throw new CompileError("NB001", String(err?.message ?? "syntax error").replace(/ \(\d+:\d+\)$/, ""), line, column, name, codeFrame(source, line, column));
  }
  if (fnNode.type !== "FunctionExpression" && fnNode.type !== "ArrowFunctionExpression")
    throw new CompileError("NB002", `expected a function, got ${fnNode.type}`, 1, 1, name, codeFrame(source, 1, 1));
  // Column offsets of line 1 include the `(` or `({` we added; fix locations in place.
  fixLocations(fnNode, shift);
  return { name, source, params: fnNode.params, body: fnNode.body, node: fnNode };
}

function fixLocations(node: Node, shift: number): void {
  const stack: any[] = [node];
  const seen = new Set<any>();
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== "object" || seen.has(n)) continue;
    seen.add(n);
    if (n.loc && typeof n.type === "string") {
      if (n.loc.start.line === 1) n.loc.start = { line: 1, column: n.loc.start.column - shift };
      if (n.loc.end.line === 1) n.loc.end = { line: 1, column: n.loc.end.column - shift };
    }
    for (const key in n) {
      if (key === "loc") continue;
      const v = n[key];
      if (v && typeof v === "object") stack.push(v);
    }
  }
}
