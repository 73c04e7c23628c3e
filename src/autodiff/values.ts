// Emits the statements that compute an expression's intermediate values into temporaries, each at
// most once per statement being differentiated (a memo keyed by the original node). Derivative rules
// then refer to these temporaries, so `exp(u)` is computed once even though its derivative reuses it.
// Lazy operators (`?:`, `&&`, `||`) become `if` statements, so only the branch JS would evaluate runs.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import { assign, if_, un, v as ref } from "../ir/builder.js";
import { isArray, type ScalarType } from "../ir/types.js";
import { childExprs, mapChildren } from "../ir/walk.js";
import type { Fresh } from "./fresh.js";

export class Values {
  private out: Stmt[] = [];
  private memo: Map<Expr, Expr>[] = [new Map()];
  /** Temporaries made by `temp`: each assigned once per evaluation of its statement, read after. */
  readonly temps = new Set<Var>();

  constructor(private readonly fresh: Fresh) {}

  emit(...ss: Stmt[]): void {
    this.out.push(...ss);
  }

  /** Runs `fn` with a fresh statement list (and memo layer: values computed inside stay inside); returns the list. */
  nested(fn: () => void): Stmt[] {
    const saved = this.out;
    this.out = [];
    this.memo.push(new Map());
    try {
      fn();
      return this.out;
    } finally {
      this.out = saved;
      this.memo.pop();
    }
  }

  /** Forgets every computed value (between statements: variables may have changed). */
  reset(): void {
    this.memo = [new Map()];
  }

  /** A temporary holding `e` (emitted now). */
  temp(e: Expr, name = "t"): Expr {
    const t = this.fresh.local(name, e.type);
    this.temps.add(t);
    this.emit(assign(t, e));
    return ref(t);
  }

  private lookup(e: Expr): Expr | undefined {
    for (let i = this.memo.length - 1; i >= 0; i--) {
      const hit = this.memo[i]!.get(e);
      if (hit) return hit;
    }
    return undefined;
  }

  /** An expression that is cheap to repeat (a variable or constant) holding `e`'s value now. */
  val(e: Expr): Expr {
    if (e.k === "const" || e.k === "var" || e.k === "prop" || isArray(e.type)) return e;
    // Integer and boolean arithmetic without memory reads is repeated rather than stored: indices stay
    // affine expressions of loop counters, which the loop optimiser reasons about.
    if (e.type !== "f64" && pure(e)) return e;
    const hit = this.lookup(e);
    if (hit) return hit;
    let r: Expr;
    if (e.k === "cond") {
      const t = this.fresh.local("t", e.type);
      const cc = this.val(e.c);
      const then = this.nested(() => this.emit(assign(t, this.val(e.a))));
      const els = this.nested(() => this.emit(assign(t, this.val(e.b))));
      this.emit(if_(cc, then, els));
      r = ref(t);
    } else if (e.k === "logical") {
      const t = this.fresh.local("t", e.type);
      this.emit(assign(t, this.val(e.a)));
      const test = truthy(ref(t));
      const rest = this.nested(() => this.emit(assign(t, this.val(e.b))));
      this.emit(if_(e.op === "or" ? un("not", test) : test, rest));
      r = ref(t);
    } else {
      r = this.temp(mapChildren(e, (x) => this.val(x)));
    }
    this.memo[this.memo.length - 1]!.set(e, r);
    return r;
  }
}

function pure(e: Expr): boolean {
  if (e.k === "load" || e.k === "call" || e.k === "alloc" || e.k === "cond" || e.k === "logical" || (e.k === "binary" && e.op === "mod" && e.type === "int")) return false;
  return childExprs(e).every(pure);
}

/** JS truthiness of a scalar as a bool expression. */
export function truthy(e: Expr): Expr {
  return e.type === "bool" ? e : { k: "cast", op: "truthy", x: e, type: "bool" as ScalarType };
}
