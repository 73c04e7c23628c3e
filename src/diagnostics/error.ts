// CompileError: what the user sees when a function is outside numbat's language subset.
// It carries a stable code, the location in the function's source, and a code frame.

import { MESSAGES, type DiagnosticCode } from "./messages.js";

export class CompileError extends Error {
  override readonly name = "CompileError";
  constructor(
    readonly code: DiagnosticCode,
    /** What exactly is wrong, in the user's terms. */
    readonly detail: string,
    /** 1-based line and column within the function's source text. */
    readonly line: number,
    readonly column: number,
    readonly fnName: string,
    readonly frame: string,
    /** What to write instead. */
    readonly help?: string,
  ) {
    super(`${MESSAGES[code].title} [${code}]: ${detail}\n  --> ${fnName}:${line}:${column}\n${frame}\n  help: ${help ?? MESSAGES[code].help}`);
  }
}

/** Renders the lines around `line` with a caret run under [column, column+length). */
export function codeFrame(source: string, line: number, column: number, length = 1): string {
  const lines = source.split("\n");
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let l = first; l <= last; l++) {
    const mark = l === line ? ">" : " ";
    out.push(`${mark} ${String(l).padStart(width)} | ${lines[l - 1]}`);
    if (l === line) {
      const span = Math.max(1, Math.min(length, (lines[l - 1] ?? "").length - column + 1));
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(column - 1)}${"^".repeat(span)}`);
    }
  }
  return out.join("\n");
}
