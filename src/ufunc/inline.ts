// The user's scalar function as source text to paste into a generated loop, so the loop body is
// straight-line code that the optimiser can vectorise (a call in the body keeps a loop scalar).
// Inlined when the function is an arrow with an expression body, or its body ends with its only
// `return` and declares no `var`; other functions are called (compiled into the same module).

import * as acorn from "acorn";

type Node = { type: string; start: number; end: number } & Record<string, any>;

export interface InlineForm {
  readonly params: readonly string[];
  /** Statements before the result (may be ""). */
  readonly prelude: string;
  /** The expression whose value is the function's result. */
  readonly result: string;
}

function walk(n: unknown, visit: (n: Node) => void): void {
  if (!n || typeof n !== "object") return;
  if (Array.isArray(n)) { for (const x of n) walk(x, visit); return; }
  const node = n as Node;
  if (typeof node.type === "string") visit(node);
  for (const k in node) if (k !== "loc") walk(node[k], visit);
}

/** The inlinable form of `fn`, or undefined when it must be called. */
export function inlineForm(fn: Function): InlineForm | undefined {
  return inlineFormOf(Function.prototype.toString.call(fn));
}

/** The same, from a function's source text. */
export function inlineFormOf(source: string): InlineForm | undefined {
  const text = `(${source}\n)`;
  let f: Node | undefined;
  try {
    f = (acorn.parse(text, { ecmaVersion: "latest", sourceType: "script" }) as unknown as Node).body[0]?.expression;
  } catch {
    return undefined;
  }
  if (!f || (f.type !== "ArrowFunctionExpression" && f.type !== "FunctionExpression") || f.async || f.generator) return undefined;
  if (!f.params.every((p: Node) => p.type === "Identifier")) return undefined;
  const params = f.params.map((p: Node) => p.name as string);
  const slice = (n: Node): string => text.slice(n.start, n.end);
  if (f.body.type !== "BlockStatement") return { params, prelude: "", result: `(${slice(f.body)})` };
  const stmts: Node[] = f.body.body;
  const last = stmts[stmts.length - 1];
  if (!last || last.type !== "ReturnStatement" || !last.argument) return undefined;
  let ok = true;
  walk(stmts, (n) => {
    if ((n.type === "ReturnStatement" && n !== last) || (n.type === "VariableDeclaration" && n.kind === "var") || /Function/.test(n.type)) ok = false;
    if (n.type === "Identifier" && n.name.startsWith("nb$")) ok = false;
  });
  if (!ok) return undefined;
  return { params, prelude: stmts.slice(0, -1).map(slice).join("\n"), result: `(${slice(last.argument)})` };
}
