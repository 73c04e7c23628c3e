// Fresh variables and loop labels for a function being rewritten, unique alongside the ones it has.

import type { FuncIR, Var } from "../ir/nodes.js";
import type { Type } from "../ir/types.js";
import { forEachExpr, forEachStmt, maxLabel } from "../ir/walk.js";

export class Fresh {
  private nextId: number;
  private nextLabel: number;
  /** Every local created here, in creation order. */
  readonly locals: Var[] = [];

  constructor(f: FuncIR) {
    let max = -1;
    for (const v of [...f.params, ...f.locals]) max = Math.max(max, v.id);
    forEachStmt(f.body, (s) => { if (s.k === "assign" || s.k === "for") max = Math.max(max, s.v.id); });
    forEachExpr(f.body, (e) => { if (e.k === "var") max = Math.max(max, e.v.id); });
    this.nextId = max + 1;
    this.nextLabel = maxLabel(f.body) + 1;
  }

  local(name: string, type: Type): Var {
    const v: Var = { id: this.nextId++, name, type };
    this.locals.push(v);
    return v;
  }

  param(name: string, type: Type): Var {
    return { id: this.nextId++, name, type, param: true };
  }

  label(): number {
    return this.nextLabel++;
  }
}
