// The JS source of a user's function as acorn sees it, for the generators that paste or rewrite it
// (inline.ts, stencil.ts). Node positions are offsets into `text`, the source wrapped in parentheses.

import * as acorn from "acorn";
import { dispatcherOf } from "../driver/dispatcher.js";

export type Node = { type: string; start: number; end: number; loc: { start: { line: number } } } & Record<string, any>;

export interface FunctionSource {
  /** `(${source}\n)`: what was parsed. */
  readonly text: string;
  /** The function or arrow expression, or undefined when the source is neither (a method, native code). */
  readonly fn: Node | undefined;
}

export function parseFunctionSource(source: string): FunctionSource {
  const text = `(${source}\n)`;
  try {
    const fn = (acorn.parse(text, { ecmaVersion: "latest", sourceType: "script", locations: true }) as unknown as Node).body[0]?.expression as Node | undefined;
    return { text, fn: fn && (fn.type === "ArrowFunctionExpression" || fn.type === "FunctionExpression") ? fn : undefined };
  } catch {
    return { text, fn: undefined };
  }
}

/** Calls `visit` on every node below `n` (arrays and nested objects included), parents first. */
export function walk(n: unknown, visit: (n: Node) => void): void {
  if (!n || typeof n !== "object") return;
  if (Array.isArray(n)) { for (const x of n) walk(x, visit); return; }
  const node = n as Node;
  if (typeof node.type === "string") visit(node);
  for (const k in node) if (k !== "loc") walk(node[k], visit);
}

/**
 * The function whose source the generators read, and the scope it compiles with: a jitted function
 * (it has `.py`) gives its original and its own `scope` unless one is given.
 */
export function unwrapJitted<F extends Function>(fn: F, scope: Record<string, unknown> | undefined): { py: F; scope: Record<string, unknown> | undefined } {
  const py = (fn as unknown as { py?: F }).py;
  if (typeof py !== "function") return { py: fn, scope };
  return { py, scope: scope ?? dispatcherOf(fn)?.options.scope };
}
