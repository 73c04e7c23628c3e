// Recursion (direct, and mutual between plain functions): while a function is being lowered, a call
// of itself (same argument types) gets a forward reference, a FuncIR whose contents arrive when the
// lowering ends (the backends assign every function's index or name before emitting any body, so
// a call may point at a function still being built). The return type of the recursive calls is a
// guess (f64 first); when the function turns out to return something else it is lowered again with
// that type, which settles it (a function has one return type).

import type { Expr, FuncIR, Type, Var } from "../ir/nodes.js";
import { forEachExpr } from "../ir/walk.js";
import { isArray, sameType, typeToString } from "../ir/types.js";
import { CompileError } from "../diagnostics/error.js";
import type { DiagnosticCode } from "../diagnostics/messages.js";

/** Forward references in use whose function is not lowered yet. */
const unfilled = new Set<FuncIR>();

/**
 * Whether `ir` (or a callee) calls a function still being lowered: a partner in mutual recursion,
 * which must not be cached (should that lowering fail, the call would point at nothing).
 */
export function callsUnfilled(ir: FuncIR): boolean {
  if (!unfilled.size) return false;
  return [ir, ...ir.callees].some((f) => f.callees.some((c) => unfilled.has(c)) || [...unfilled].some((u) => callsOf(f.body, u).length > 0));
}

export class SelfReference {
  /** What recursive calls point at; becomes the function's IR (the same object, filled in). */
  readonly stub: FuncIR;
  private usedFlag = false;

  /** Whether a call of the function was lowered while the function itself was being lowered. */
  get used(): boolean {
    return this.usedFlag;
  }

  /** Records a recursive call; `release` ends that (the lowering finished or failed). */
  use(): FuncIR {
    this.usedFlag = true;
    unfilled.add(this.stub);
    return this.stub;
  }

  release(): void {
    unfilled.delete(this.stub);
  }

  constructor(name: string, sourceName: string, types: readonly Type[], readonly ret: Type) {
    const params: Var[] = types.map((t, i) => ({ id: -1 - i, name: `arg${i}`, type: t, param: true }));
    // Until the function is known, a recursive call may write any array it passes (callers copy them back).
    this.stub = { name, sourceName, params, ret, body: [], locals: [], written: new Set(params.filter((p) => isArray(p.type))), callees: [] };
  }

  /** Whether a function other than the recursive one itself (a partner in mutual recursion) calls it. */
  calledByOthers(ir: FuncIR): boolean {
    return ir.callees.some((c) => c !== this.stub && callsOf(c.body, this.stub).length > 0);
  }

  /**
   * Makes the stub `ir`: recursive calls also pass the function's arrays from its enclosing scopes
   * (its last params, FuncIR.bound), and the function is not among its own callees.
   */
  fill(ir: FuncIR): FuncIR {
    const bound = ir.bound?.length ?? 0;
    const own = ir.params.slice(ir.params.length - bound);
    for (const c of callsOf(ir.body, this.stub))
      if (c.args.length + bound === ir.params.length) (c.args as Expr[]).push(...own.map((v): Expr => ({ k: "var", v, type: v.type })));
    Object.assign(this.stub, { ...ir, callees: ir.callees.filter((c) => c !== this.stub) });
    return this.stub;
  }
}

function callsOf(body: FuncIR["body"], fn: FuncIR): Extract<Expr, { k: "call" }>[] {
  const out: Extract<Expr, { k: "call" }>[] = [];
  forEachExpr(body, (e) => { if (e.k === "call" && e.fn === fn) out.push(e); });
  return out;
}

/** How `lowerWithRecursion` reaches the dispatcher of the function being lowered. */
export interface RecursionHost {
  readonly name: string; // the function's source name
  readonly irName: string;
  readonly types: readonly Type[];
  /** The forward references of the signatures being lowered, by signature key. */
  readonly inProgress: Map<string, SelfReference>;
  readonly key: string;
  lower(): FuncIR;
  optimize(f: FuncIR): FuncIR;
  cache(f: FuncIR): void;
  fail?: (detail: string, help?: string, code?: DiagnosticCode) => never;
}

/**
 * Lowers and optimises one signature of a function that may call itself: a recursive call of the
 * same signature gets `inProgress`'s forward reference (SelfReference.use). Returns the IR and caches
 * it (unless it calls a function still being lowered elsewhere).
 */
export function lowerWithRecursion(h: RecursionHost): FuncIR {
  const guesses: Type[] = ["f64", "int", "bool"];
  let guess: Type = "f64", firstError: unknown;
  const refuse = (msg: string, code: DiagnosticCode, help: string): never => {
    if (h.fail) h.fail(msg, help, code);
    throw new CompileError(code, msg, 1, 1, h.name, "", help);
  };
  for (let attempt = 0; attempt < 4; attempt++) {
    const self = new SelfReference(h.irName, h.name, h.types, guess);
    h.inProgress.set(h.key, self);
    let lowered: FuncIR;
    try {
      lowered = h.lower();
    } catch (e) {
      // A recursive call typed with the wrong guess can make the lowering fail (`c ? true : self(n)`):
      // nothing was cached, so try the next guess.
      self.release();
      const next: Type | undefined = guesses[guesses.indexOf(guess) + 1];
      if (!self.used || !(e instanceof CompileError) || !next) throw firstError ?? e;
      firstError ??= e;
      guess = next;
      continue;
    } finally {
      h.inProgress.delete(h.key);
    }
    if (!self.used) {
      const ir = h.optimize(lowered);
      if (!callsUnfilled(ir)) h.cache(ir); // else a partner in a recursion that may still fail
      return ir;
    }
    self.release();
    if (self.calledByOthers(lowered) && lowered.bound?.length)
      refuse(`'${h.name}' is mutually recursive and uses arrays from its enclosing scopes, which numbat does not support`, "NB206", "pass the arrays as arguments, or rewrite the recursion as a loop");
    if (!sameType(lowered.ret, guess)) {
      if (self.calledByOthers(lowered)) refuse(`'${h.name}' is mutually recursive and returns ${typeToString(lowered.ret)}; numbat compiled its partner expecting ${typeToString(guess)}`, "NB206", "return a float from the recursive functions");
      guess = lowered.ret;
      continue;
    }
    // The passes see the function's own (unoptimised) body behind its recursive calls, then the final one.
    const stub = self.fill(lowered);
    self.fill(h.optimize(lowered));
    h.cache(stub);
    return stub;
  }
  if (firstError) throw firstError;
  return refuse(`the return type of recursive '${h.name}' does not settle`, "NB203", "give the function one return type");
}
