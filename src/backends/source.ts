// The text that every source-printing backend (C-style: native and CUDA; JS; WGSL) builds for a
// function body: indented lines, nested blocks, and the `if / else if / else` chain. Each backend's
// function printer extends it with its own statements and expressions.

import type { Expr, Stmt } from "../ir/nodes.js";

type IfStmt = Extract<Stmt, { k: "if" }>;

export abstract class SourcePrinter {
  protected readonly out: string[] = [];
  private ind = "  ";

  protected abstract stmt(s: Stmt): void;

  protected line(s: string): void { this.out.push(this.ind + s); }
  protected lines(ls: readonly string[]): void { ls.forEach((l) => this.line(l)); }
  protected indented(fn: () => void): void {
    const saved = this.ind;
    this.ind += "  ";
    try { fn(); } finally { this.ind = saved; }
  }
  protected block(ss: readonly Stmt[]): void { ss.forEach((s) => this.stmt(s)); }
  protected nested(ss: readonly Stmt[]): void { this.indented(() => this.block(ss)); }

  /**
   * `if (first) { ... } else if (c) { ... } else { ... }`: an `else` holding a single `if` continues
   * the chain. `cond` renders a later condition, or gives undefined when it needs statements before it
   * (that `if` then nests inside the else block).
   */
  protected ifChain(s: IfStmt, first: string, cond: (c: Expr) => string | undefined): void {
    this.line(`if (${first}) {`);
    this.nested(s.then);
    let els = s.else;
    while (els.length === 1 && els[0]!.k === "if") {
      const e = els[0]!, c = cond(e.c);
      if (c === undefined) break;
      this.line(`} else if (${c}) {`);
      this.nested(e.then);
      els = e.else;
    }
    if (els.length) { this.line("} else {"); this.nested(els); }
    this.line("}");
  }
}
