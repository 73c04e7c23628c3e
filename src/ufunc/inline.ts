// The user's scalar function as source text to paste into a generated loop, so the loop body is
// straight-line code that the optimiser can vectorise (a call in the body keeps a loop scalar).
// Inlined when the function is an arrow with an expression body, or its body ends with its only
// `return` and declares no `var`; other functions are called (compiled into the same module).

import { type Node, parseFunctionSource, walk } from "./source.js";

export interface InlineForm {
  readonly params: readonly string[];
  /** Statements before the result (may be ""). */
  readonly prelude: string;
  /** The expression whose value is the function's result. */
  readonly result: string;
}

/** The inlinable form of `fn`, or undefined when it must be called. */
export function inlineForm(fn: Function): InlineForm | undefined {
  return inlineFormOf(Function.prototype.toString.call(fn));
}

/** The same, from a function's source text. */
export function inlineFormOf(source: string): InlineForm | undefined {
  const { text, fn: f } = parseFunctionSource(source);
  if (!f || f.async || f.generator) return undefined;
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
