// The state of lowering one function (lower.ts): scopes and variables with their inferred types, the
// statement list being built, and diagnostics with source locations. Expression lowering
// (lower-expr.ts) and statement lowering (lower.ts) build on it.

import { typedArrayTag } from "../runtime/intrinsics.js";
import type { Node, ParsedFunction } from "./parse.js";
import { CompileError, codeFrame } from "../diagnostics/error.js";
import type { DiagnosticCode } from "../diagnostics/messages.js";
import type { Expr, FuncIR, Loc, Stmt, Var } from "../ir/nodes.js";
import type { KernelConfig } from "./gpu.js";
import { type Type, arrayType, dtypeOfCtorName, joinTypes, sameType, typeToString } from "../ir/types.js";
import { outerArray } from "./resolve.js";

/** What the frontend needs from the outside world (the dispatcher provides it). */
export interface LowerEnv {
  /** Values the user passed with `scope` (jitted functions, plain functions, numbers, booleans). */
  readonly scope: Readonly<Record<string, unknown>>;
  /** Compiles (or fetches) `callee` for the given argument types; `undefined` when the value isn't callable by kernels. */
  resolveCallee(callee: unknown, argTypes: Type[], fail: (detail: string, help?: string, code?: DiagnosticCode) => never): FuncIR;
  /** Is this value one of numbat's own allocation helpers, e.g. the `zeros` export, or a Math function ("Math.abs")? */
  builtinName(value: unknown): string | undefined;
  /** The function itself: what its own name means inside it when no enclosing scope says otherwise (named function expressions). */
  readonly self?: unknown;
  /** Set when lowering a GPU kernel (driver/kernel.ts): enables `gpu.*` and the kernel rules. */
  readonly kernel?: KernelConfig;
}

export interface Binding {
  readonly v: Var;
  readonly constant: boolean;
  /** `var s = A.shape` (TypeScript's down-levelled destructuring): a snapshot of the dimensions. */
  tuple?: Var[];
}

export interface LoopFrame {
  readonly label: number;
  readonly names: string[]; // JS labels attached to this loop
  /** What was unassigned at each `continue` of this loop (definite assignment, NB208). */
  readonly continued: Set<Var>[];
  /** A switch statement (which `break` leaves and `continue` does not see). */
  isSwitch?: boolean;
}

export const RETURN_KEY = "<return>";

/** Lowering's state and the helpers every part of it uses. */
export abstract class LoweringState {
  changed = false;
  protected out: Stmt[] = [];
  protected scopes: Map<string, Binding>[] = [];
  protected functionScope = new Map<string, Binding>();
  protected locals: Var[] = [];
  protected params: Var[] = [];
  protected callees: FuncIR[] = [];
  protected loops: LoopFrame[] = [];
  protected nextVarId = 0;
  protected nextLabel = 0;
  protected sawReturnValue = false;
  protected sawReturnVoid = false;
  protected pendingLabels: string[] = [];
  /** Compiler temporaries: assigned exactly once, so reading them never needs a spill. */
  protected temps = new Set<Var>();
  /** The `for...of` node of each prange loop, by loop label (for the parallel-loop diagnostics). */
  protected prangeNodes = new Map<number, Node>();
  /** GPU kernels: `const t = gpu.shared(n, dtype)` declarations, in order. */
  protected shared: { v: Var; size: number }[] = [];
  /** Arrays from the enclosing scopes, bound by reference: trailing parameters that callers fill in (FuncIR.bound). */
  protected hidden: { v: Var; value: ArrayBufferView }[] = [];

  constructor(
    protected readonly fn: ParsedFunction,
    protected readonly argTypes: Type[],
    protected readonly env: LowerEnv,
    protected readonly types: Map<string, Type>,
    protected readonly irName: string,
  ) {}

  // ---- diagnostics ------------------------------------------------------------------------------

  protected fail(code: DiagnosticCode, node: Node | undefined, detail: string, help?: string): never {
    const line = node?.loc?.start.line ?? 1;
    const column = (node?.loc?.start.column ?? 0) + 1;
    const len = node?.loc && node.loc.end.line === line ? node.loc.end.column - node.loc.start.column : 1;
    throw new CompileError(code, detail, line, column, this.fn.name, codeFrame(this.fn.source, line, column, len), help);
  }

  protected loc(node: Node): Loc {
    return { line: node.loc.start.line, column: node.loc.start.column + 1 };
  }

  protected snippet(node: Node): string {
    const text = this.fn.source.slice(0).split("\n");
    const { start, end } = node.loc;
    if (start.line !== end.line) return (text[start.line - 1] ?? "").slice(start.column).trim() + " …";
    return (text[start.line - 1] ?? "").slice(start.column, end.column);
  }

  // ---- variables --------------------------------------------------------------------------------

  protected key(node: Node, name: string): string {
    return `${name}@${node.start}`;
  }

  protected declare(name: string, key: string, node: Node, constant: boolean, isVar = false, param = false): Binding {
    const scope = isVar ? this.functionScope : this.scopes[this.scopes.length - 1]!;
    const existing = scope.get(name);
    if (existing && isVar) return existing;
    if (existing && !isVar) this.fail("NB107", node, `'${name}' is declared twice in the same block`);
    const type = this.types.get(key) ?? "int";
    const v: Var = { id: this.nextVarId++, name, type, param, key } as Var & { key: string };
    const b = { v, constant };
    scope.set(name, b);
    if (param) this.params.push(v);
    else this.locals.push(v);
    if (!this.types.has(key) && param) this.types.set(key, type);
    return b;
  }

  protected lookup(name: string): Binding | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return b;
    }
    return this.functionScope.get(name) ?? this.outerArrayBinding(name);
  }

  /** A typed array (or Array of numbers) from the enclosing scopes, bound by reference (frontend/resolve.ts). */
  private outerArrayBinding(name: string): Binding | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.env.scope, name)) return undefined;
    const arr = outerArray(this.env.scope[name]);
    if (!arr) return undefined;
    const v = this.hiddenParam(arr, name);
    if (!v) return undefined;
    const b = { v, constant: true };
    this.functionScope.set(name, b);
    return b;
  }

  /** The trailing parameter that carries `value` (one per array, whatever its names). */
  protected hiddenParam(value: ArrayBufferView, name: string): Var | undefined {
    const had = this.hidden.find((h) => h.value === value);
    if (had) return had.v;
    const dtype = dtypeOfCtorName(typedArrayTag(value) ?? ""); // its internal slot, not its overridable constructor
    if (!dtype) return undefined;
    const v: Var = { id: this.nextVarId++, name, type: arrayType(dtype, 1, false), param: true };
    this.params.push(v);
    this.hidden.push({ v, value });
    return v;
  }

  /** Records that `v` receives a value of type `t`, widening its type if needed. */
  protected widen(v: Var, t: Type, node: Node): void {
    const key = (v as Var & { key: string }).key;
    const cur = this.types.get(key);
    const joined = joinTypes(cur, t);
    if (joined === undefined)
      this.fail("NB200", node, `'${v.name}' holds a ${typeToString(cur!)} here and a ${typeToString(t)} elsewhere`, "give each variable one kind of value: use a second variable");
    if (cur === undefined || !sameType(cur, joined)) {
      this.types.set(key, joined);
      this.changed = true;
    }
    v.type = joined;
  }

  protected temp(name: string, t: Type): Var {
    const v: Var = { id: this.nextVarId++, name, type: t };
    this.locals.push(v);
    this.temps.add(v);
    return v;
  }

  protected takeOut(): Stmt[] {
    const o = this.out;
    this.out = [];
    return o;
  }

  /** Arrays stored to; resolved to the parameters they may alias when lowering ends. */
  protected stored = new Set<Var>();
  /** Array copies `dst = src` (and call results that may be an argument): for alias resolution. */
  protected arrayFlows: [Var, Var][] = [];

  protected markWritten(arr: Var): void {
    this.stored.add(arr);
  }
}

// ---- small IR and syntax helpers -------------------------------------------------------------------

export function varRef(v: Var): Expr {
  return { k: "var", v, type: v.type };
}

export function not(c: Expr): Expr {
  return { k: "unary", op: "not", x: c, type: "bool" };
}

export function constInt(n: Node): number | undefined {
  if (n.type === "Literal" && typeof n.value === "number" && Number.isInteger(n.value)) return n.value;
  if (n.type === "UnaryExpression" && n.operator === "-" && n.argument.type === "Literal" && Number.isInteger(n.argument.value)) return -n.argument.value;
  return undefined;
}

export function containsEffects(e: Expr): boolean {
  switch (e.k) {
    case "call": case "load": return true;
    case "unary": case "cast": return containsEffects(e.x);
    case "binary": return e.op === "mod" || containsEffects(e.a) || containsEffects(e.b);
    case "math": return e.fn === "random" || e.args.some(containsEffects);
    case "cond": return containsEffects(e.c) || containsEffects(e.a) || containsEffects(e.b);
    case "logical": return containsEffects(e.a) || containsEffects(e.b);
    default: return false;
  }
}
