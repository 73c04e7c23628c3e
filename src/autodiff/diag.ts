// Compile errors of the autodiff transforms, with a code frame in the user's source. Most IR nodes
// carry no location, so `locate` falls back to the nearest enclosing node that has one, then to the
// line that assigns the variable involved, then to the function's first line.

import { CompileError, codeFrame } from "../diagnostics/error.js";
import type { DiagnosticCode } from "../diagnostics/messages.js";
import type { Loc } from "../ir/nodes.js";

/** The source a function's locations refer to. */
export interface Source {
  readonly name: string;
  readonly source: string;
}

export class Diag {
  /** Nodes copied from an inlined callee, mapped to the callee's source (their locations refer to it). */
  readonly origin = new WeakMap<object, Source>();

  constructor(readonly main: Source) {}

  /** Throws a CompileError at `loc` (of `node`'s source), or at the line that assigns `varName`. */
  fail(code: DiagnosticCode, detail: string, at: { loc?: Loc; node?: object; varName?: string; find?: string }, help?: string): never {
    const src = (at.node && this.origin.get(at.node)) ?? this.main;
    let loc = at.loc && at.loc.line > 0 ? at.loc : undefined;
    let len = 1;
    if (!loc && at.varName) {
      const found = findAssignment(src.source, at.varName);
      if (found) ({ loc, len } = found);
    }
    if (!loc && at.find) {
      const lines = src.source.split("\n");
      const i = lines.findIndex((l) => l.includes(at.find!));
      if (i >= 0) ({ loc, len } = { loc: { line: i + 1, column: lines[i]!.indexOf(at.find) + 1 }, len: at.find.length });
    }
    loc ??= { line: 1, column: 1 };
    if (len === 1) len = tokenLength(src.source, loc);
    throw new CompileError(code, detail, loc.line, loc.column, src.name, codeFrame(src.source, loc.line, loc.column, len), help);
  }
}

/** The first `name = ...` / `name += ...` / `let name = ...` in the source. */
function findAssignment(source: string, name: string): { loc: Loc; len: number } | undefined {
  const re = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?)?=(?!=)`);
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]!);
    if (m) return { loc: { line: i + 1, column: m.index + 1 }, len: Math.max(1, lines[i]!.trimEnd().length - m.index) };
  }
  return undefined;
}

/** Length of the identifier-ish token at `loc` (for the caret run). */
function tokenLength(source: string, loc: Loc): number {
  const text = source.split("\n")[loc.line - 1] ?? "";
  return Math.max(1, /^[\w$.]*/.exec(text.slice(loc.column - 1))![0].length);
}
