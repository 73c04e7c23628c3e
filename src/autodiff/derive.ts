// The autodiff pipeline for one signature: checks → inlining → (reverse mode: structured control
// flow, pinned loop bounds) → activity analysis → forward or reverse transform → IR verification.
// The result is ordinary IR: the dispatcher optimises and compiles it for any backend.

import type { FuncIR, Stmt, Var } from "../ir/nodes.js";
import { verifyFunc } from "../ir/verify.js";
import { elemType, isArray, typeToString } from "../ir/types.js";
import { Activity } from "./activity.js";
import type { Diag, Source } from "./diag.js";
import { forwardMode } from "./forward.js";
import { Fresh } from "./fresh.js";
import { Inliner, pinForBounds, rejectUnsupported, structurize } from "./prepare.js";
import { reverseMode } from "./reverse.js";

export type Mode = "forward" | "reverse";

export interface DeriveRequest {
  readonly mode: Mode;
  /** Indices of the parameters to differentiate with respect to; the others are constants. */
  readonly active: readonly number[];
  /** "scalar": the result must be a float (grad); "any": a float or a float array (jvp, vjp). */
  readonly result: "scalar" | "any";
}

export function derive(ir: FuncIR, req: DeriveRequest, diag: Diag, sourceOf: (f: FuncIR) => Source | undefined): FuncIR {
  rejectUnsupported(ir, diag);
  checkResult(ir, req, diag);
  const fresh = new Fresh(ir);
  let body: Stmt[] = new Inliner(fresh, diag, sourceOf).stmts(ir.body);
  if (req.mode === "reverse") body = pinForBounds(structurize(body, ir.ret, fresh), fresh);
  const prepared: FuncIR = { ...ir, body, locals: [...ir.locals, ...fresh.locals], callees: [] };
  const active: Var[] = req.active.map((i) => ir.params[i]!);
  const act = new Activity(prepared, active);
  act.checkConversions(diag);
  const out = req.mode === "forward" ? forwardMode(prepared, active, fresh, act) : reverseMode(prepared, active, fresh, act, diag);
  verifyFunc(out);
  return out;
}

function checkResult(ir: FuncIR, req: DeriveRequest, diag: Diag): void {
  const r = ir.ret;
  const ok = r === "f64" || (req.result === "any" && isArray(r) && elemType(r) === "f64");
  if (ok) return;
  const what = r === "void" ? "returns nothing" : `returns ${r === "int" ? "an integer" : r === "bool" ? "a boolean" : `a ${typeToString(r)}`}`;
  diag.fail("NB503", `'${ir.sourceName}' ${what}, which has no derivative${req.result === "scalar" && isArray(r) ? " with grad (it needs a single float)" : ""}`, { find: "return" },
    req.result === "scalar" && isArray(r) ? "use vjp(f) for functions returning arrays, or reduce the array to a float (a sum, a norm, a loss)" : undefined);
}
