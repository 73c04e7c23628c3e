// Lowers a parsed function to typed IR for one argument signature, inferring local types.
// Inference is a fixpoint: lowering runs again whenever a variable's type widens (int -> f64),
// so every use sees the final, unified type (Numba's rule: int ⊔ f64 = f64).

import type { Node, ParsedFunction } from "./parse.js";
import { CompileError, codeFrame } from "../diagnostics/error.js";
import type { DiagnosticCode } from "../diagnostics/messages.js";
import type { BinaryOp, ErrorClass, Expr, FuncIR, Loc, MathFn, Stmt, Var } from "../ir/nodes.js";
import { CONSTANTS, MATH_FNS } from "../ir/math.js";
import { forEachStmt } from "../ir/walk.js";
import { checkParallelLoops } from "../passes/parallel.js";
import { GPU_ATOMICS, GPU_AXES, GPU_INDEX, type KernelConfig } from "./gpu.js";
import {
  type ArrayType, type ScalarType, type Type, arrayType, dtypeOfCtorName, dtypeOfUserName, elemType,
  isArray, isScalar, joinTypes, sameType, typeToString,
} from "../ir/types.js";

/** What the frontend needs from the outside world (the dispatcher provides it). */
export interface LowerEnv {
  /** Values the user passed with `scope` (jitted functions, plain functions, numbers, booleans). */
  readonly scope: Readonly<Record<string, unknown>>;
  /** Compiles (or fetches) `callee` for the given argument types; `undefined` when the value isn't callable by kernels. */
  resolveCallee(callee: unknown, argTypes: Type[], fail: (detail: string, help?: string, code?: DiagnosticCode) => never): FuncIR;
  /** Is this value one of numbat's own allocation helpers, e.g. the `zeros` export? */
  builtinName(value: unknown): string | undefined;
  /** Set when lowering a GPU kernel (runtime/kernel.ts): enables `gpu.*` and the kernel rules. */
  readonly kernel?: KernelConfig;
}

const BUILTIN_ALLOC = new Set(["zeros", "ones", "empty"]);
const TYPED_ARRAY_CTORS = new Set(["Float64Array", "Float32Array", "Int32Array", "Uint32Array", "Int16Array", "Uint16Array", "Int8Array", "Uint8Array", "Uint8ClampedArray"]);
const INT_LIMIT = 2 ** 53;

interface Binding {
  readonly v: Var;
  readonly constant: boolean;
  /** `var s = A.shape` (TypeScript's down-levelled destructuring): a snapshot of the dimensions. */
  tuple?: Var[];
}

interface LoopFrame {
  readonly label: number;
  readonly names: string[]; // JS labels attached to this loop
}

const RETURN_KEY = "<return>";

export function lowerFunction(parsed: ParsedFunction, argTypes: Type[], env: LowerEnv, irName: string): FuncIR {
  const types = new Map<string, Type>();
  for (let round = 0; round < 32; round++) {
    const lowering = new Lowering(parsed, argTypes, env, types, irName);
    const f = lowering.run();
    if (!lowering.changed) return f;
  }
  throw new CompileError("NB203", "variable types keep changing", 1, 1, parsed.name, "", "give each variable one kind of value");
}

class Lowering {
  changed = false;
  private out: Stmt[] = [];
  private scopes: Map<string, Binding>[] = [];
  private functionScope = new Map<string, Binding>();
  private locals: Var[] = [];
  private params: Var[] = [];
  private callees: FuncIR[] = [];
  private loops: LoopFrame[] = [];
  private nextVarId = 0;
  private nextLabel = 0;
  private sawReturnValue = false;
  private sawReturnVoid = false;
  private pendingLabels: string[] = [];
  /** Compiler temporaries: assigned exactly once, so reading them never needs a spill. */
  private temps = new Set<Var>();
  /** The `for...of` node of each prange loop, by loop label (for the parallel-loop diagnostics). */
  private prangeNodes = new Map<number, Node>();
  /** GPU kernels: `const t = gpu.shared(n, dtype)` declarations, in order. */
  private shared: { v: Var; size: number }[] = [];

  constructor(
    private readonly fn: ParsedFunction,
    private readonly argTypes: Type[],
    private readonly env: LowerEnv,
    private readonly types: Map<string, Type>,
    private readonly irName: string,
  ) {}

  // ---- diagnostics ------------------------------------------------------------------------------

  private fail(code: DiagnosticCode, node: Node | undefined, detail: string, help?: string): never {
    const line = node?.loc?.start.line ?? 1;
    const column = (node?.loc?.start.column ?? 0) + 1;
    const len = node?.loc && node.loc.end.line === line ? node.loc.end.column - node.loc.start.column : 1;
    throw new CompileError(code, detail, line, column, this.fn.name, codeFrame(this.fn.source, line, column, len), help);
  }

  private loc(node: Node): Loc {
    return { line: node.loc.start.line, column: node.loc.start.column + 1 };
  }

  private snippet(node: Node): string {
    const text = this.fn.source.slice(0).split("\n");
    const { start, end } = node.loc;
    if (start.line !== end.line) return (text[start.line - 1] ?? "").slice(start.column).trim() + " …";
    return (text[start.line - 1] ?? "").slice(start.column, end.column);
  }

  // ---- variables --------------------------------------------------------------------------------

  private key(node: Node, name: string): string {
    return `${name}@${node.start}`;
  }

  private declare(name: string, key: string, node: Node, constant: boolean, isVar = false, param = false): Binding {
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

  private lookup(name: string): Binding | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return b;
    }
    return this.functionScope.get(name);
  }

  /** Records that `v` receives a value of type `t`, widening its type if needed. */
  private widen(v: Var, t: Type, node: Node): void {
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

  private temp(name: string, t: Type): Var {
    const v: Var = { id: this.nextVarId++, name, type: t };
    this.locals.push(v);
    this.temps.add(v);
    return v;
  }

  // ---- entry ------------------------------------------------------------------------------------

  run(): FuncIR {
    const { params, body, name } = this.fn;
    if (this.fn.node.async) this.fail("NB100", this.fn.node, "async functions cannot be compiled", "make the kernel a plain synchronous function and await around the call");
    if (this.fn.node.generator) this.fail("NB100", this.fn.node, "generator functions cannot be compiled", "return an array of results instead of yielding them");
    this.scopes.push(this.functionScope);
    if (params.length !== this.argTypes.length)
      this.fail("NB202", this.fn.node, `'${name}' takes ${params.length} parameters but was called with ${this.argTypes.length} arguments`);
    const prologue: Stmt[] = [];
    params.forEach((p, i) => {
      if (p.type !== "Identifier") this.fail("NB107", p, "only plain parameter names are supported", "destructure inside the function body");
      const key = this.key(p, p.name), argT = this.argTypes[i]!, want = this.types.get(key);
      if (want !== undefined && want !== argT && isScalar(want) && isScalar(argT)) {
        // The body widens this parameter (`n = n / 2` called with an integer): the incoming value
        // arrives in a raw parameter and the name becomes a local of the wider type.
        const raw: Var = { id: this.nextVarId++, name: p.name, type: argT, param: true };
        this.params.push(raw);
        const b = this.declare(p.name, key, p, false);
        prologue.push({ k: "assign", v: b.v, x: this.coerce(varRef(raw), want, p) });
        return;
      }
      if (this.env.kernel && isArray(argT) && argT.nd)
        this.fail("NB120", p, `'${p.name}' is an n-d array; GPU kernels take typed arrays (or device arrays)`, "pass A.data and index it with the strides yourself");
      const b = this.declare(p.name, key, p, false, false, true);
      b.v.type = argT;
      this.types.set(key, argT);
    });
    // `var` declarations are function-scoped and hoisted: bind them up front.
    if (body.type === "BlockStatement") this.hoistVars(body);
    let stmts: Stmt[];
    if (body.type === "BlockStatement") stmts = [...prologue, ...this.block(body.body, false)];
    else {
      const e = this.expr(body);
      this.noteReturn(e.type, body);
      stmts = [...prologue, ...this.takeOut(), { k: "return", x: this.coerceReturn(e, body) }];
    }
    const ret = this.types.get(RETURN_KEY) ?? "void";
    if (ret !== "void" && mayFallThrough(stmts))
      this.fail("NB205", this.fn.node.body, `'${name}' returns a value on some paths but can also reach the end of the function (where JS returns undefined)`, "end the function with a return statement");
    if (this.sawReturnValue && this.sawReturnVoid)
      this.fail("NB205", this.fn.node, `'${name}' returns a value on some paths and nothing on others`, "return a value on every path");
    if (!this.changed) this.checkPrange(stmts);
    for (const v of [...this.params, ...this.locals]) {
      const key = (v as Var & { key?: string }).key;
      if (key && this.types.has(key)) v.type = this.types.get(key)!;
    }
    const k = this.env.kernel;
    if (k && ret !== "void") this.fail("NB120", this.fn.node, `kernel '${name}' returns a value`, "GPU kernels write their results into arrays; return without a value");
    const kernel = k ? { groupSize: k.groupSize, float: k.float, shared: this.shared } : undefined;
    return { name: this.irName, params: this.params, ret, body: stmts, locals: this.locals, written: this.writtenParams(), callees: this.callees, sourceName: name, ...(kernel && { kernel }) };
  }

  /** prange loops must be able to run in parallel (passes/parallel.ts): reject provable races and the like. */
  private checkPrange(stmts: Stmt[]): void {
    if (this.prangeNodes.size === 0) return;
    const bad = checkParallelLoops(stmts);
    if (!bad) return;
    const node = this.prangeNodes.get(bad.label);
    const { detail, help, loc } = bad.problem;
    if (!loc) this.fail("NB110", node, detail, help);
    const text = this.fn.source.split("\n")[loc.line - 1] ?? "";
    const len = Math.max(1, /^[\w.]*/.exec(text.slice(loc.column - 1))![0].length);
    throw new CompileError("NB110", detail, loc.line, loc.column, this.fn.name, codeFrame(this.fn.source, loc.line, loc.column, len), help);
  }

  private hoistVars(node: Node): void {
    const visit = (n: any): void => {
      if (!n || typeof n !== "object") return;
      if (Array.isArray(n)) return n.forEach(visit);
      if (n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression" || n.type === "FunctionDeclaration") return;
      if (n.type === "VariableDeclaration" && n.kind === "var")
        for (const d of n.declarations) if (d.id.type === "Identifier") this.declare(d.id.name, `var:${d.id.name}`, d.id, false, true);
      for (const k in n) if (k !== "loc" && typeof n[k] === "object") visit(n[k]);
    };
    visit(node.body);
  }

  private takeOut(): Stmt[] {
    const o = this.out;
    this.out = [];
    return o;
  }

  /** Lowers statements in a fresh statement list (and block scope, unless `scoped` is false). */
  private block(nodes: Node[], scoped = true): Stmt[] {
    const saved = this.out;
    this.out = [];
    if (scoped) this.scopes.push(new Map());
    for (const n of nodes) this.stmt(n);
    if (scoped) this.scopes.pop();
    const result = this.out;
    this.out = saved;
    return result;
  }

  private body(n: Node): Stmt[] {
    return this.block(n.type === "BlockStatement" ? n.body : [n]);
  }

  // ---- statements -------------------------------------------------------------------------------

  private stmt(n: Node): void {
    switch (n.type) {
      case "EmptyStatement": return;
      case "BlockStatement": this.out.push(...this.block(n.body)); return;
      case "ExpressionStatement": {
        if (n.directive) return; // "use strict"
        this.effect(n.expression);
        return;
      }
      case "VariableDeclaration": return this.varDecl(n);
      case "IfStatement": {
        const c = this.condition(n.test);
        const then = this.body(n.consequent);
        const els = n.alternate ? this.body(n.alternate) : [];
        this.out.push({ k: "if", c, then, else: els });
        return;
      }
      case "ForStatement": return this.forStmt(n);
      case "WhileStatement": return this.loopStmt(n, null, n.test, null, n.body);
      case "DoWhileStatement": return this.loopStmt(n, null, null, n.test, n.body);
      case "ForOfStatement": return this.forOf(n);
      case "LabeledStatement": {
        const kinds = ["ForStatement", "WhileStatement", "DoWhileStatement", "ForOfStatement", "LabeledStatement"];
        if (!kinds.includes(n.body.type)) this.fail("NB102", n, "labels are supported on loops only");
        this.pendingLabels.push(n.label.name);
        this.stmt(n.body);
        return;
      }
      case "BreakStatement":
      case "ContinueStatement": {
        const frame = n.label ? [...this.loops].reverse().find((l) => l.names.includes(n.label.name)) : this.loops[this.loops.length - 1];
        if (!frame) this.fail("NB102", n, n.label ? `no enclosing loop is labelled '${n.label.name}'` : `'${n.type === "BreakStatement" ? "break" : "continue"}' outside a loop`);
        this.out.push({ k: n.type === "BreakStatement" ? "break" : "continue", label: frame.label });
        return;
      }
      case "ReturnStatement": {
        if (!n.argument) {
          this.sawReturnVoid = true;
          this.out.push({ k: "return", x: null });
          return;
        }
        const e = this.expr(n.argument);
        this.noteReturn(e.type, n.argument);
        this.out.push({ k: "return", x: this.coerceReturn(e, n.argument) });
        return;
      }
      case "ThrowStatement": return this.throwStmt(n);
      case "FunctionDeclaration":
        return this.fail("NB107", n, "functions declared inside a kernel are not supported", `define '${n.id?.name}' outside, wrap it with jit(), and pass it with { scope: { ${n.id?.name} } }`);
      case "SwitchStatement":
        return this.fail("NB102", n, "switch statements are not supported", "use if / else if chains");
      case "ForInStatement":
        return this.fail("NB102", n, "for...in loops are not supported", "use a counted loop: for (let i = 0; i < a.length; i++)");
      case "TryStatement":
        return this.fail("NB102", n, "try/catch is not supported inside kernels", "catch errors around the call to the jitted function");
      case "ClassDeclaration":
        return this.fail("NB102", n, "classes are not supported inside kernels");
      default:
        return this.fail("NB102", n, `'${n.type}' is not supported`);
    }
  }

  private varDecl(n: Node): void {
    const isVar = n.kind === "var";
    for (const d of n.declarations) {
      if (d.id.type === "ArrayPattern") {
        this.destructure(d, n.kind === "const", isVar);
        continue;
      }
      if (d.id.type !== "Identifier") this.fail("NB107", d.id, "only simple names and `[a, b] = A.shape` destructuring are supported");
      const name = d.id.name;
      const init0 = d.init;
      if (isGpuCall(init0, "shared") && !this.lookup("gpu")) { this.sharedDecl(n, d); continue; }
      if (init0?.type === "MemberExpression" && !init0.computed && (init0.property.name === "shape" || init0.property.name === "stride")) {
        const arr = this.arrayVar(init0.object);
        const b = isVar ? this.lookup(name)! : this.declare(name, this.key(d.id, name), d.id, true);
        b.tuple = Array.from({ length: (arr.type as ArrayType).ndim }, (_, k) => {
          const t = this.temp(`${name}${k}`, "int");
          this.out.push({ k: "assign", v: t, x: this.arrayProp(arr, init0.property.name, k) });
          return t;
        });
        continue;
      }
      const init = d.init ? this.expr(d.init) : null;
      const b = isVar ? this.lookup(name)! : this.declare(name, this.key(d.id, name), d.id, n.kind === "const");
      if (init) this.assignVar(b.v, init, d.init);
    }
  }

  /** `const [m, n] = A.shape` (also `A.stride`). */
  private destructure(d: Node, constant: boolean, isVar: boolean): void {
    const init = d.init;
    const prop = init?.type === "MemberExpression" && !init.computed ? init.property.name : undefined;
    if (!init || (prop !== "shape" && prop !== "stride"))
      this.fail("NB107", d, "array destructuring is supported only for `A.shape` and `A.stride`", "index explicitly: const m = A.shape[0]");
    const arr = this.arrayVar(init.object);
    const t = arr.type as ArrayType;
    d.id.elements.forEach((el: Node | null, i: number) => {
      if (!el) return;
      if (el.type !== "Identifier") this.fail("NB107", el, "only plain names are supported in destructuring");
      if (i >= t.ndim) this.fail("NB201", el, `'${arr.name}' has ${t.ndim} dimension${t.ndim === 1 ? "" : "s"}, so '${el.name}' gets no value`);
      const b = isVar ? this.lookup(el.name)! : this.declare(el.name, this.key(el, el.name), el, constant);
      this.assignVar(b.v, this.arrayProp(arr, prop === "shape" ? "shape" : "stride", i), el);
    });
  }

  private assignVar(v: Var, e: Expr, node: Node): void {
    this.widen(v, e.type, node);
    if (isArray(e.type)) {
      if (e.k === "var") this.arrayFlows.push([v, e.v]);
      // A call may return one of its array arguments.
      if (e.k === "call") for (const a of e.args) if (a.k === "var" && isArray(a.type)) this.arrayFlows.push([v, a.v]);
    }
    const target = this.types.get((v as Var & { key: string }).key)!;
    this.out.push({ k: "assign", v, x: isArray(target) ? e : this.coerce(e, target as ScalarType, node) });
  }

  private newLoop(): LoopFrame {
    const frame = { label: this.nextLabel++, names: this.pendingLabels };
    this.pendingLabels = [];
    return frame;
  }

  private withLoop<T>(frame: LoopFrame, f: () => T): T {
    this.loops.push(frame);
    try {
      return f();
    } finally {
      this.loops.pop();
    }
  }

  private forStmt(n: Node): void {
    this.scopes.push(new Map());
    const canonical = this.canonicalFor(n);
    if (canonical) {
      this.scopes.pop();
      return;
    }
    if (n.init) {
      if (n.init.type === "VariableDeclaration") this.varDecl(n.init);
      else this.effect(n.init);
    }
    this.loopStmt(n, n.init, n.test, null, n.body, n.update);
    this.scopes.pop();
  }

  /** `for (let i = a; i < b; i += c)` with `b` invariant and `i` untouched by the body becomes a `for` node. */
  private canonicalFor(n: Node): boolean {
    const { init, test, update } = n;
    if (init?.type !== "VariableDeclaration" || init.kind !== "let" || init.declarations.length !== 1) return false;
    const d = init.declarations[0];
    if (d.id.type !== "Identifier" || !d.init || !test || !update) return false;
    const name = d.id.name;
    const step = stepOf(update, name);
    if (step === undefined || test.type !== "BinaryExpression") return false;
    let cmp: "lt" | "le" | "gt" | "ge" | undefined;
    let endNode: Node | undefined;
    const ops = { "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
    const flipped = { "<": "gt", "<=": "ge", ">": "lt", ">=": "le" } as const;
    if (test.left.type === "Identifier" && test.left.name === name && test.operator in ops) {
      cmp = ops[test.operator as keyof typeof ops];
      endNode = test.right;
    } else if (test.right.type === "Identifier" && test.right.name === name && test.operator in flipped) {
      cmp = flipped[test.operator as keyof typeof flipped];
      endNode = test.left;
    }
    if (!cmp || !endNode) return false;
    if ((step > 0) !== (cmp === "lt" || cmp === "le")) return false;
    const assigned = assignedNames(n.body);
    if (assigned.has(name) || !isInvariant(endNode, assigned, name)) return false;
    // Types: the counter and the bound must both be int.
    const mark = this.out.length;
    const start = this.expr(d.init);
    if (start.type !== "int" || this.out.length !== mark) {
      this.out.length = mark;
      return false;
    }
    const b = this.declare(name, this.key(d.id, name), d.id, false);
    this.widen(b.v, "int", d.id);
    const end = this.expr(endNode);
    if (end.type !== "int") {
      this.out.length = mark;
      this.scopes[this.scopes.length - 1]!.delete(name);
      this.locals.splice(this.locals.indexOf(b.v), 1);
      return false;
    }
    const frame = this.newLoop();
    const body = this.withLoop(frame, () => this.body(n.body));
    this.out.push({ k: "for", label: frame.label, v: b.v, start, end, step, cmp, body, parallel: false });
    return true;
  }

  /** `for (const i of prange(n))` / `prange(a, b)` / `prange(a, b, step)`: a `for` marked parallel (see passes/parallel.ts). */
  private forOf(n: Node): void {
    const call = n.right;
    const callee = call.type === "CallExpression" && call.callee.type === "Identifier" ? call.callee.name : undefined;
    if (callee !== "prange" && callee !== "range")
      this.fail("NB102", n, "for...of is supported only over prange(...) / range(...)", "use a counted loop: for (let i = 0; i < n; i++)");
    if (n.left.type !== "VariableDeclaration" || n.left.declarations[0].id.type !== "Identifier")
      this.fail("NB102", n.left, "declare the loop variable in the loop: for (const i of prange(n))");
    const args = call.arguments as Node[];
    if (args.length < 1 || args.length > 3) this.fail("NB202", call, `${callee} takes 1 to 3 arguments`);
    let step = 1;
    if (args.length === 3) {
      const s = constInt(args[2]!);
      if (s === undefined || s === 0) this.fail("NB104", args[2], `the step of ${callee} must be a non-zero integer literal`);
      step = s;
    }
    this.scopes.push(new Map());
    const start = args.length === 1 ? ({ k: "const", type: "int", value: 0 } as Expr) : this.coerceInt(this.expr(args[0]!), args[0]!);
    const end = this.coerceInt(this.expr(args[args.length === 1 ? 0 : 1]!), args[args.length === 1 ? 0 : 1]!);
    const id = n.left.declarations[0].id;
    const b = this.declare(id.name, this.key(id, id.name), id, false);
    this.widen(b.v, "int", id);
    if (assignedNames(n.body).has(id.name)) this.fail("NB108", n, `the loop variable '${id.name}' of ${callee} cannot be assigned in the loop`);
    const frame = this.newLoop();
    const body = this.withLoop(frame, () => this.body(n.body));
    if (callee === "prange") this.prangeNodes.set(frame.label, call);
    this.out.push({ k: "for", label: frame.label, v: b.v, start, end, step, cmp: step > 0 ? "lt" : "gt", body, parallel: callee === "prange" });
    this.scopes.pop();
  }

  private coerceInt(e: Expr, node: Node): Expr {
    if (e.type === "int") return e;
    if (e.type === "bool") return { k: "cast", op: "b2i", x: e, type: "int" };
    this.fail("NB200", node, `expected an integer here, got ${typeToString(e.type)}`, "convert explicitly, e.g. Math.floor(x) | 0");
  }

  /** General loop: while, do-while and for loops that are not canonical. */
  private loopStmt(n: Node, _init: Node | null, pre: Node | null, post: Node | null, bodyNode: Node, updateNode?: Node | null): void {
    const frame = this.newLoop();
    const bodyStmts: Stmt[] = [];
    let preExpr: Expr | null = null;
    if (pre) {
      const saved = this.takeOut();
      const c = this.condition(pre);
      const effects = this.takeOut();
      this.out = saved;
      if (effects.length) bodyStmts.push(...effects, { k: "if", c: not(c), then: [{ k: "break", label: frame.label }], else: [] });
      else preExpr = c;
    }
    const inner = this.withLoop(frame, () => this.body(bodyNode));
    bodyStmts.push(...inner);
    const update = updateNode ? this.block([{ type: "ExpressionStatement", expression: updateNode, loc: updateNode.loc, start: updateNode.start, end: updateNode.end }]) : [];
    let postExpr: Expr | null = null;
    if (post) {
      const saved = this.takeOut();
      const c = this.condition(post);
      const effects = this.takeOut();
      this.out = saved;
      if (effects.length) update.push(...effects, { k: "if", c: not(c), then: [{ k: "break", label: frame.label }], else: [] });
      else postExpr = c;
    }
    void n;
    this.out.push({ k: "loop", label: frame.label, pre: preExpr, body: bodyStmts, update, post: postExpr });
  }

  private throwStmt(n: Node): void {
    const arg = n.argument;
    const ok = (arg.type === "NewExpression" || arg.type === "CallExpression") && arg.callee.type === "Identifier" && ["Error", "RangeError", "TypeError"].includes(arg.callee.name);
    if (!ok) this.fail("NB109", arg, "only `throw new Error(\"message\")` (or RangeError / TypeError) is supported");
    const a = arg.arguments[0];
    let msg = "";
    if (a?.type === "Literal" && typeof a.value === "string") msg = a.value;
    else if (a?.type === "TemplateLiteral" && a.expressions.length === 0) msg = a.quasis[0].value.cooked;
    else if (a) this.fail("NB109", a, "the error message must be a string literal");
    this.out.push({ k: "throw", cls: arg.callee.name as ErrorClass, msg, loc: this.loc(n) });
  }

  private noteReturn(t: Type, node: Node): void {
    if (t === "void") this.fail("NB205", node, "this expression has no value to return");
    this.sawReturnValue = true;
    const cur = this.types.get(RETURN_KEY);
    const joined = joinTypes(cur, t);
    if (joined === undefined) this.fail("NB205", node, `returns a ${typeToString(t)} here but a ${typeToString(cur!)} elsewhere`, "return one kind of value");
    if (cur === undefined || !sameType(cur, joined)) {
      this.types.set(RETURN_KEY, joined);
      this.changed = true;
    }
  }

  private coerceReturn(e: Expr, node: Node): Expr {
    const t = this.types.get(RETURN_KEY)!;
    return isArray(t) ? e : this.coerce(e, t as ScalarType, node);
  }

  // ---- expressions with effects -----------------------------------------------------------------

  /** An expression evaluated for its side effects only. */
  private effect(n: Node): void {
    if (n.type === "SequenceExpression") return n.expressions.forEach((e: Node) => this.effect(e));
    if (n.type === "AssignmentExpression") return void this.assign(n, false);
    if (n.type === "UpdateExpression") return void this.update(n, false);
    if (n.type === "CallExpression") {
      const e = this.call(n, false);
      if (e) this.out.push({ k: "expr", x: e });
      return;
    }
    const e = this.expr(n);
    if (e.k === "call" || e.k === "load") this.out.push({ k: "expr", x: e });
    else if (containsEffects(e)) this.out.push({ k: "expr", x: e });
  }

  /** `x = e`, `x op= e`, `A[i] = e`, `A[i] op= e`; returns the assigned value when `wantValue`. */
  private assign(n: Node, wantValue: boolean): Expr | null {
    const target = n.left;
    const op = n.operator as string;
    if (target.type === "Identifier") {
      const b = this.lookup(target.name) ?? this.fail("NB103", target, `'${target.name}' is not declared in this function`);
      if (b.constant) this.fail("NB108", target, `'${target.name}' is a const`);
      if (b.tuple) this.fail("NB108", target, `'${target.name}' holds a shape and cannot be reassigned`);
      let value: Expr;
      if (op === "=") value = this.expr(n.right);
      else {
        // JS reads the variable before evaluating the right-hand side.
        let cur = this.readVar(b, target);
        const mark = this.out.length;
        const rhs = this.expr(n.right);
        if (this.out.length !== mark) {
          const effects = this.out.splice(mark);
          cur = this.spillIfNeeded(cur, "old");
          this.out.push(...effects);
        }
        value = this.binary(op.slice(0, -1), cur, rhs, n);
      }
      this.assignVar(b.v, value, n);
      return wantValue ? this.readVar(b, target) : null;
    }
    if (target.type === "MemberExpression" && target.computed) {
      const arr = this.arrayVar(target.object);
      const idx = this.indices(arr, [target.property], target);
      return this.storeWith(arr, idx, op, n.right, n, wantValue);
    }
    this.fail("NB101", target, `cannot assign to '${this.snippet(target)}'`, "assign to a local variable or an array element");
  }

  /** Stores `value` (or `A[idx] op value`) into an element, spilling indices so each is evaluated once. */
  private storeWith(arr: Var, idx: Expr[], op: string, rhsNode: Node, n: Node, wantValue: boolean): Expr | null {
    const t = arr.type as ArrayType;
    const elem = elemType(t);
    // JS evaluates the indices once, then (for `op=`) reads the element, then the right-hand side:
    // indices with effects are computed once, and both are spilled if the right-hand side has effects.
    let stable = op === "=" ? idx : idx.map((e) => (containsEffects(e) ? this.spillIfNeeded(e, "idx") : e));
    let cur: Expr | undefined = op === "=" ? undefined : { k: "load", arr, idx: stable, type: elem, loc: this.loc(n) };
    const mark = this.out.length;
    const rhs = this.expr(rhsNode);
    if (this.out.length !== mark) {
      const effects = this.out.splice(mark);
      stable = stable.map((e) => this.spillIfNeeded(e, "idx"));
      if (cur) cur = this.spillIfNeeded({ ...cur, idx: stable } as Expr, "old");
      this.out.push(...effects);
    }
    const raw = cur ? this.binary(op.slice(0, -1), cur, rhs, n) : rhs;
    if (wantValue) {
      // The value of an assignment expression is the value assigned, before the store narrows it.
      const tmp = this.temp("t", this.numeric(raw, rhsNode).type);
      this.out.push({ k: "assign", v: tmp, x: this.numeric(raw, rhsNode) });
      this.markWritten(arr);
      this.out.push({ k: "store", arr, idx: stable, x: this.storeValue(varRef(tmp), t, n), loc: this.loc(n) });
      return varRef(tmp);
    }
    const stored = this.storeValue(raw, t, rhsNode);
    this.markWritten(arr);
    this.out.push({ k: "store", arr, idx: stable, x: stored, loc: this.loc(n) });
    return null;
  }

  /** Converts a value for storing into an array, as JS typed arrays do (ToInt32, clamping for Uint8ClampedArray). */
  private storeValue(e0: Expr, t: ArrayType, node: Node): Expr {
    const e = this.numeric(e0, node);
    if (t.dtype === "u8c") return { k: "cast", op: e.type === "int" ? "i2u8c" : "f2u8c", x: e, type: "int" };
    if (elemType(t) === "f64") return this.coerce(e, "f64", node);
    return e.type === "int" ? e : { k: "cast", op: "f2i32", x: e, type: "int" };
  }

  /** Arrays stored to; resolved to the parameters they may alias when lowering ends. */
  private stored = new Set<Var>();
  /** Array copies `dst = src` (and call results that may be an argument): for alias resolution. */
  private arrayFlows: [Var, Var][] = [];

  private markWritten(arr: Var): void {
    this.stored.add(arr);
  }

  /** Which parameters each array variable may refer to, by propagating copies to a fixpoint. */
  private writtenParams(): Set<Var> {
    const pointsTo = new Map<Var, Set<Var>>();
    for (const p of this.params) if (isArray(p.type)) pointsTo.set(p, new Set([p]));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [dst, src] of this.arrayFlows) {
        const from = pointsTo.get(src);
        if (!from) continue;
        const to = pointsTo.get(dst) ?? new Set<Var>();
        pointsTo.set(dst, to);
        for (const p of from) if (!to.has(p)) { to.add(p); changed = true; }
      }
    }
    const written = new Set<Var>();
    for (const v of this.stored) for (const p of pointsTo.get(v) ?? []) written.add(p);
    return written;
  }

  private spillIfNeeded(e: Expr, name: string): Expr {
    if (e.k === "const" || (e.k === "var" && !this.isMutable(e.v))) return e;
    const tmp = this.temp(name, e.type);
    this.out.push({ k: "assign", v: tmp, x: e });
    return varRef(tmp);
  }

  private isMutable(v: Var): boolean {
    return !this.temps.has(v);
  }

  /** `x++`, `--x`, `A[i]++`: returns the old (postfix) or new (prefix) value when `wantValue`. */
  private update(n: Node, wantValue: boolean): Expr | null {
    const delta = n.operator === "++" ? 1 : -1;
    const arg = n.argument;
    if (arg.type === "Identifier") {
      const b = this.lookup(arg.name) ?? this.fail("NB103", arg, `'${arg.name}' is not declared in this function`);
      if (b.constant) this.fail("NB108", arg, `'${arg.name}' is a const`);
      const cur = this.readVar(b, arg);
      if (!isScalar(cur.type) || cur.type === "bool") this.fail("NB200", arg, `'${arg.name}' is not a number`);
      let old: Expr | null = null;
      if (wantValue && !n.prefix) {
        const tmp = this.temp("old", cur.type);
        this.out.push({ k: "assign", v: tmp, x: cur });
        old = varRef(tmp);
      }
      const one: Expr = { k: "const", type: "int", value: 1 };
      this.assignVar(b.v, this.binary(delta > 0 ? "+" : "-", cur, one, n), n);
      if (!wantValue) return null;
      return old ?? this.readVar(b, arg);
    }
    if (arg.type === "MemberExpression" && arg.computed) {
      const arr = this.arrayVar(arg.object);
      const idx = this.indices(arr, [arg.property], arg).map((e) => this.spillIfNeeded(e, "idx"));
      const elem = elemType(arr.type as ArrayType);
      const cur: Expr = { k: "load", arr, idx, type: elem, loc: this.loc(n) };
      const tmp = this.temp("old", elem);
      this.out.push({ k: "assign", v: tmp, x: cur });
      const next = this.binary(delta > 0 ? "+" : "-", varRef(tmp), { k: "const", type: "int", value: 1 }, n);
      this.markWritten(arr);
      this.out.push({ k: "store", arr, idx, x: this.storeValue(next, arr.type as ArrayType, n), loc: this.loc(n) });
      if (!wantValue) return null;
      // Prefix returns the new value as JS computed it (before the store narrowed it).
      return n.prefix ? this.binary(delta > 0 ? "+" : "-", varRef(tmp), { k: "const", type: "int", value: 1 }, n) : varRef(tmp);
    }
    this.fail("NB101", arg, `cannot update '${this.snippet(arg)}'`);
  }

  // ---- expressions ------------------------------------------------------------------------------

  private readVar(b: Binding, node: Node): Expr {
    void node;
    return { k: "var", v: b.v, type: this.types.get((b.v as Var & { key: string }).key) ?? b.v.type };
  }

  /** Lowers operands left to right; if a later operand has side effects, earlier ones are spilled first. */
  private operands(nodes: Node[]): Expr[] {
    const result: Expr[] = [];
    for (const node of nodes) {
      const mark = this.out.length;
      const e = this.expr(node);
      if (this.out.length !== mark) {
        const effects = this.out.splice(mark);
        for (let i = 0; i < result.length; i++) result[i] = this.spillIfNeeded(result[i]!, "t");
        this.out.push(...effects);
      }
      result.push(e);
    }
    return result;
  }

  expr(n: Node): Expr {
    switch (n.type) {
      case "Literal": return this.literal(n);
      case "Identifier": return this.identifier(n);
      case "BinaryExpression": {
        const [a, b] = this.operands([n.left, n.right]);
        return this.binary(n.operator, a!, b!, n);
      }
      case "LogicalExpression": return this.logical(n);
      case "UnaryExpression": return this.unary(n);
      case "UpdateExpression": return this.update(n, true)!;
      case "AssignmentExpression": return this.assign(n, true)!;
      case "ConditionalExpression": return this.conditional(n);
      case "SequenceExpression": {
        n.expressions.slice(0, -1).forEach((e: Node) => this.effect(e));
        return this.expr(n.expressions[n.expressions.length - 1]);
      }
      case "CallExpression": return this.call(n, true);
      case "NewExpression": return this.newExpr(n);
      case "MemberExpression": return this.member(n);
      case "ParenthesizedExpression": return this.expr(n.expression);
      case "ChainExpression": return this.fail("NB101", n, "optional chaining is not supported", "numbers and arrays are never null in a kernel: use `.` instead of `?.`");
      case "TemplateLiteral": return this.fail("NB101", n, "strings are not supported in kernels (except as `throw new Error(\"...\")` messages)");
      case "ObjectExpression": return this.fail("NB101", n, "object literals are not supported in kernels", "pass numbers and typed arrays as separate arguments");
      case "ArrayExpression": return this.fail("NB101", n, "array literals are not supported in kernels", "allocate with new Float64Array(n) or zeros([m, n]) and fill it");
      case "ThisExpression": return this.fail("NB101", n, "`this` is not supported in kernels", "pass what you need as arguments");
      case "FunctionExpression":
      case "ArrowFunctionExpression": return this.fail("NB101", n, "closures are not supported inside kernels", "define the function outside, wrap it with jit(), and pass it with { scope: { name } }");
      case "AwaitExpression": return this.fail("NB101", n, "await is not supported in kernels");
      case "YieldExpression": return this.fail("NB101", n, "generators are not supported in kernels");
      default: return this.fail("NB101", n, `'${n.type}' is not supported`);
    }
  }

  private literal(n: Node): Expr {
    if (typeof n.value === "number") {
      const raw = String(n.raw);
      const isInt = Number.isInteger(n.value) && Math.abs(n.value) <= INT_LIMIT && !raw.includes(".");
      return { k: "const", type: isInt ? "int" : "f64", value: n.value };
    }
    if (typeof n.value === "boolean") return { k: "const", type: "bool", value: n.value };
    if (typeof n.value === "string") return this.fail("NB101", n, "strings are not supported in kernels (except as `throw new Error(\"...\")` messages)");
    if (typeof n.value === "bigint") return this.fail("NB101", n, "BigInt values are not supported", "use ordinary numbers");
    if (n.value === null) return this.fail("NB101", n, "null is not supported in kernels");
    return this.fail("NB101", n, "regular expressions are not supported in kernels");
  }

  private identifier(n: Node): Expr {
    const name = n.name as string;
    const b = this.lookup(name);
    if (b?.tuple) this.fail("NB101", n, `'${name}' holds an array's shape; use its elements (${name}[0]) or its length`);
    if (b) return this.readVar(b, n);
    if (name === "NaN") return { k: "const", type: "f64", value: NaN };
    if (name === "Infinity") return { k: "const", type: "f64", value: Infinity };
    if (name === "arguments") return this.fail("NB101", n, "`arguments` is not supported in kernels", "name every parameter in the function's signature");
    if (name === "undefined") return this.fail("NB101", n, "`undefined` is not a number", "use NaN for a missing float value");
    if (Object.prototype.hasOwnProperty.call(this.env.scope, name)) {
      const v = this.env.scope[name];
      if (typeof v === "number") return { k: "const", type: Number.isInteger(v) && Math.abs(v) <= INT_LIMIT && !Object.is(v, -0) ? "int" : "f64", value: v };
      if (typeof v === "boolean") return { k: "const", type: "bool", value: v };
      return this.fail("NB103", n, `'${name}' from scope is a ${typeof v}; only numbers and booleans can be read as values (functions can be called)`);
    }
    return this.fail("NB103", n, `'${name}' is not defined in this function`,
      `numbat cannot see variables from the enclosing scope; pass it as an argument or with jit(fn, { scope: { ${name} } })`);
  }

  /** Converts `e` to scalar type `t` (int -> f64, bool -> int/f64, number -> bool). */
  coerce(e: Expr, t: ScalarType, node: Node): Expr {
    if (e.type === t) return e;
    if (isArray(e.type) || e.type === "void") this.fail("NB200", node, `expected a ${t === "bool" ? "boolean" : "number"}, got ${typeToString(e.type)}`);
    if (t === "bool") return { k: "cast", op: "truthy", x: e, type: "bool" };
    if (t === "f64") {
      if (e.k === "const" && typeof e.value === "number") return { k: "const", type: "f64", value: e.value };
      return { k: "cast", op: e.type === "int" ? "i2f" : "b2f", x: e, type: "f64" };
    }
    // to int
    if (e.type === "bool") return { k: "cast", op: "b2i", x: e, type: "int" };
    this.fail("NB200", node, `expected an integer, got a float`, "convert explicitly with Math.floor(x) (or x | 0)");
  }

  private condition(n: Node): Expr {
    const e = this.expr(n);
    return this.coerce(e, "bool", n);
  }

  private numeric(e: Expr, node: Node): Expr {
    if (e.type === "bool") return { k: "cast", op: "b2i", x: e, type: "int" };
    if (!isScalar(e.type)) this.fail("NB200", node, `expected a number, got ${typeToString(e.type)}`);
    return e;
  }

  private binary(op: string, a0: Expr, b0: Expr, n: Node): Expr {
    const arith: Record<string, BinaryOp> = { "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod" };
    const bitwise: Record<string, BinaryOp> = { "&": "bitand", "|": "bitor", "^": "bitxor", "<<": "shl", ">>": "shr", ">>>": "ushr" };
    const compare: Record<string, BinaryOp> = { "<": "lt", "<=": "le", ">": "gt", ">=": "ge", "===": "eq", "==": "eq", "!==": "ne", "!=": "ne" };
    if (op in compare) {
      if (a0.type === "bool" && b0.type === "bool" && (op.startsWith("=") || op.startsWith("!")))
        return { k: "binary", op: compare[op]!, a: a0, b: b0, type: "bool" };
      if (a0.type === "bool" || b0.type === "bool")
        this.fail("NB200", n, "comparing a boolean with a number is not supported", "compare booleans with booleans");
      const a = this.numeric(a0, n.left ?? n), b = this.numeric(b0, n.right ?? n);
      const t = a.type === "int" && b.type === "int" ? "int" : "f64";
      return { k: "binary", op: compare[op]!, a: this.coerce(a, t, n), b: this.coerce(b, t, n), type: "bool" };
    }
    const a = this.numeric(a0, n.left ?? n), b = this.numeric(b0, n.right ?? n);
    if (op in bitwise) return { k: "binary", op: bitwise[op]!, a: this.toInt32(a), b: this.toInt32(b), type: "int" };
    if (op === "**") return { k: "math", fn: "pow", args: [this.coerce(a, "f64", n), this.coerce(b, "f64", n)], type: "f64" };
    if (!(op in arith)) this.fail("NB106", n, `operator '${op}' is not supported`);
    const t: ScalarType = op !== "/" && a.type === "int" && b.type === "int" ? "int" : "f64";
    return { k: "binary", op: arith[op]!, a: this.coerce(a, t, n), b: this.coerce(b, t, n), type: t, loc: this.loc(n) };
  }

  private toInt32(e: Expr): Expr {
    return e.type === "int" ? e : { k: "cast", op: "f2i32", x: e, type: "int" };
  }

  private unary(n: Node): Expr {
    const op = n.operator;
    if (op === "-" && n.argument.type === "Literal" && n.argument.value === 0) return { k: "const", type: "f64", value: -0 };
    if (op === "typeof" || op === "void" || op === "delete") this.fail("NB106", n, `'${op}' is not supported in kernels`);
    const x = this.expr(n.argument);
    if (op === "!") return { k: "unary", op: "not", x: this.coerce(x, "bool", n.argument), type: "bool" };
    const num = this.numeric(x, n.argument);
    if (op === "+") return num;
    if (op === "-") {
      if (num.k === "const" && typeof num.value === "number") return { k: "const", type: num.type as ScalarType, value: -num.value };
      return { k: "unary", op: "neg", x: num, type: num.type as ScalarType };
    }
    if (op === "~") return { k: "unary", op: "bitnot", x: this.toInt32(num), type: "int" };
    return this.fail("NB106", n, `operator '${op}' is not supported`);
  }

  /** Lazy operand lowering: effects of `b` must only happen when `b` is evaluated. */
  private lazy(n: Node): { e: Expr; effects: Stmt[] } {
    const saved = this.takeOut();
    const e = this.expr(n);
    const effects = this.takeOut();
    this.out = saved;
    return { e, effects };
  }

  private logical(n: Node): Expr {
    if (n.operator === "??") {
      // Numbers and booleans are never null or undefined.
      this.lazy(n.right);
      return this.expr(n.left);
    }
    const a0 = this.expr(n.left);
    const { e: b0, effects } = this.lazy(n.right);
    let t: ScalarType;
    if (a0.type === "bool" && b0.type === "bool") t = "bool";
    else if (isScalar(a0.type) && isScalar(b0.type) && a0.type !== "bool" && b0.type !== "bool") t = a0.type === "int" && b0.type === "int" ? "int" : "f64";
    else if (a0.type === "bool" && isScalar(b0.type)) {
      // `cond && x` used as a condition is common; its value type would mix boolean and number.
      this.fail("NB200", n, "this `" + n.operator + "` mixes a boolean and a number", "use a ternary: cond ? x : y");
    } else this.fail("NB200", n, "this `" + n.operator + "` mixes a boolean and a number", "use a ternary: cond ? x : y");
    const op = n.operator === "&&" ? "and" : "or";
    const a = this.coerce(a0, t, n.left);
    const b = this.coerce(b0, t, n.right);
    if (!effects.length) return { k: "logical", op, a, b, type: t };
    const tmp = this.temp("t", t);
    this.out.push({ k: "assign", v: tmp, x: a });
    const test: Expr = this.coerce(varRef(tmp), "bool", n);
    const evalB: Stmt[] = [...effects, { k: "assign", v: tmp, x: b }];
    this.out.push({ k: "if", c: op === "and" ? test : not(test), then: evalB, else: [] });
    return varRef(tmp);
  }

  private conditional(n: Node): Expr {
    const c = this.condition(n.test);
    const A = this.lazy(n.consequent), B = this.lazy(n.alternate);
    let t: Type | undefined = joinTypes(A.e.type, B.e.type);
    if (t === undefined || !isScalar(t)) {
      if (t !== undefined && isArray(t)) this.fail("NB101", n, "a ternary choosing between arrays is not supported", "use if / else with an array variable");
      this.fail("NB200", n, `the branches give a ${typeToString(A.e.type)} and a ${typeToString(B.e.type)}`);
    }
    const a = this.coerce(A.e, t, n.consequent), b = this.coerce(B.e, t, n.alternate);
    if (!A.effects.length && !B.effects.length) return { k: "cond", c, a, b, type: t };
    const tmp = this.temp("t", t);
    this.out.push({ k: "if", c, then: [...A.effects, { k: "assign", v: tmp, x: a }], else: [...B.effects, { k: "assign", v: tmp, x: b }] });
    return varRef(tmp);
  }

  // ---- arrays -----------------------------------------------------------------------------------

  private arrayVar(n: Node): Var {
    // Unsupported expressions (this, calls, ...) get their own, more specific error.
    if (n.type !== "Identifier" && n.type !== "MemberExpression") this.expr(n);
    if (n.type !== "Identifier") this.fail("NB204", n, `'${this.snippet(n)}' must be an array variable here`, "assign it to a local first");
    const b = this.lookup(n.name);
    if (!b) return this.identifier(n) as never;
    const t = this.readVar(b, n).type;
    if (!isArray(t)) this.fail("NB204", n, `'${n.name}' is a ${typeToString(t)}, not an array`);
    return b.v;
  }

  private arrayProp(arr: Var, prop: "shape" | "stride" | "length" | "offset" | "size", dim: number): Expr {
    return { k: "prop", arr, prop, dim, type: "int" };
  }

  private indices(arr: Var, nodes: Node[], at: Node): Expr[] {
    const t = arr.type as ArrayType;
    if (nodes.length !== t.ndim)
      this.fail("NB201", at, `'${arr.name}' has ${t.ndim} dimension${t.ndim === 1 ? "" : "s"} but ${nodes.length} ind${nodes.length === 1 ? "ex was" : "ices were"} given`);
    return this.operands(nodes).map((e, i) => this.index(e, nodes[i]!));
  }

  private index(e: Expr, node: Node): Expr {
    if (e.type === "int") return e;
    if (e.type === "f64") return { k: "cast", op: "f2idx", x: e, type: "int" };
    return this.fail("NB200", node, `an index must be a number, got ${typeToString(e.type)}`);
  }

  private member(n: Node): Expr {
    const obj = n.object;
    if (obj.type === "MemberExpression" && obj.object.type === "Identifier" && obj.object.name === "gpu" && !this.lookup("gpu")) return this.gpuIndex(n);
    if (obj.type === "Identifier" && obj.name === "gpu" && !this.lookup("gpu"))
      this.fail("NB121", n, `'${this.snippet(n)}' is not a GPU value`, `thread positions are gpu.${GPU_INDEX.join(".x, gpu.")}.x (and .y, .z)`);
    if (!n.computed) {
      const prop = n.property.name as string;
      if (obj.type === "Identifier" && (obj.name === "Math" || obj.name === "Number") && !this.lookup(obj.name)) {
        const c = CONSTANTS[`${obj.name}.${prop}`];
        if (c === undefined) this.fail("NB105", n, `'${obj.name}.${prop}' is not a supported constant`);
        return { k: "const", type: Number.isInteger(c) && Math.abs(c) <= INT_LIMIT ? "int" : "f64", value: c };
      }
      const tuple = obj.type === "Identifier" ? this.lookup(obj.name)?.tuple : undefined;
      if (tuple && prop === "length") return { k: "const", type: "int", value: tuple.length };
      // A.shape.length, A.stride.length
      if (prop === "length" && obj.type === "MemberExpression" && !obj.computed && ["shape", "stride"].includes(obj.property.name)) {
        const arr = this.arrayVar(obj.object);
        return { k: "const", type: "int", value: (arr.type as ArrayType).ndim };
      }
      const arr = this.arrayVar(obj);
      const t = arr.type as ArrayType;
      switch (prop) {
        case "length":
          if (t.nd) this.fail("NB105", n, `n-d array '${arr.name}' has no .length`, `use ${arr.name}.shape[0] or ${arr.name}.size`);
          return this.arrayProp(arr, "length", 0);
        case "size": return t.nd ? this.arrayProp(arr, "size", 0) : this.arrayProp(arr, "length", 0);
        case "offset": if (t.nd) return this.arrayProp(arr, "offset", 0); break;
        case "dimension": if (t.nd) return { k: "const", type: "int", value: t.ndim }; break;
        case "BYTES_PER_ELEMENT": break;
      }
      return this.fail("NB105", n, `'.${prop}' is not supported on ${typeToString(t)} '${arr.name}'`,
        t.nd ? "n-d arrays support .shape, .stride, .offset, .size, .dimension, .get(...) and .set(..., v)" : "typed arrays support .length and indexing a[i]");
    }
    // Computed: s[k] of a shape snapshot, A[i], A.shape[k], A.stride[k]
    const tuple = obj.type === "Identifier" ? this.lookup(obj.name)?.tuple : undefined;
    if (tuple) {
      const k = constInt(n.property);
      if (k === undefined || k < 0 || k >= tuple.length) this.fail("NB201", n.property, `'${obj.name}' holds ${tuple.length} dimensions; index it with an integer literal below ${tuple.length}`);
      return varRef(tuple[k]!);
    }
    if (obj.type === "MemberExpression" && !obj.computed && ["shape", "stride"].includes(obj.property.name)) {
      const arr = this.arrayVar(obj.object);
      const k = constInt(n.property);
      const t = arr.type as ArrayType;
      if (k === undefined) this.fail("NB105", n.property, `the axis in ${arr.name}.${obj.property.name}[...] must be an integer literal`);
      if (k < 0 || k >= t.ndim) this.fail("NB201", n.property, `'${arr.name}' has ${t.ndim} dimension${t.ndim === 1 ? "" : "s"}; axis ${k} does not exist`);
      return this.arrayProp(arr, obj.property.name, k);
    }
    const arr = this.arrayVar(obj);
    const t = arr.type as ArrayType;
    if (t.nd) this.fail("NB201", n, `n-d array '${arr.name}' is indexed with .get(...)`, `write ${arr.name}.get(${Array.from({ length: t.ndim }, (_, i) => "ijkl"[i] ?? "i" + i).join(", ")})`);
    const idx = this.indices(arr, [n.property], n);
    return { k: "load", arr, idx, type: elemType(t), loc: this.loc(n) };
  }

  // ---- calls ------------------------------------------------------------------------------------

  /** A call; `A.set(...)` as a statement returns null (no value needed). */
  private call(n: Node, wantValue: true): Expr;
  private call(n: Node, wantValue: boolean): Expr | null;
  private call(n: Node, wantValue: boolean): Expr | null {
    const callee = n.callee;
    const args = n.arguments as Node[];
    if (args.some((a) => a.type === "SpreadElement")) this.fail("NB104", n, "spread arguments are not supported");
    if (callee.type === "MemberExpression" && !callee.computed) {
      const obj = callee.object, method = callee.property.name as string;
      if (obj.type === "Identifier" && (obj.name === "Math" || obj.name === "Number") && !this.lookup(obj.name)) return this.mathCall(n, obj.name, method, args);
      if (obj.type === "Identifier" && obj.name === "gpu" && !this.lookup("gpu")) return this.gpuCall(n, method, args, wantValue);
      const arr = this.arrayVar(obj);
      const t = arr.type as ArrayType;
      if (method === "get" && t.nd) {
        const idx = this.indices(arr, args, n);
        return { k: "load", arr, idx, type: elemType(t), loc: this.loc(n) };
      }
      if (method === "set" && t.nd) {
        if (args.length !== t.ndim + 1)
          this.fail("NB201", n, `'${arr.name}' has ${t.ndim} dimension${t.ndim === 1 ? "" : "s"}, so .set takes ${t.ndim} indices and a value; got ${args.length} arguments`);
        const idx = this.indices(arr, args.slice(0, -1), n);
        return this.storeWith(arr, idx, "=", args[args.length - 1]!, n, wantValue);
      }
      return this.fail("NB104", n, `'${arr.name}.${method}(...)' is not supported`, t.nd ? "n-d arrays support .get(...) and .set(..., v)" : "index typed arrays directly: a[i]");
    }
    if (callee.type !== "Identifier") this.fail("NB104", callee, "only calls of named functions are supported");
    const name = callee.name as string;
    if ((name === "isNaN" || name === "isFinite") && !this.lookup(name)) return this.mathCall(n, "Number", name, args);
    const fromScope = Object.prototype.hasOwnProperty.call(this.env.scope, name) ? this.env.scope[name] : undefined;
    const builtin = fromScope !== undefined ? this.env.builtinName(fromScope) : BUILTIN_ALLOC.has(name) && !this.lookup(name) ? name : undefined;
    if (builtin && BUILTIN_ALLOC.has(builtin)) return this.alloc(n, builtin as "zeros", args);
    if (builtin === "prange" || name === "prange") this.fail("NB104", n, "prange(...) is used only as `for (const i of prange(n))`");
    if (fromScope === undefined) {
      if (this.lookup(name)) this.fail("NB104", n, `'${name}' is a variable, not a function`);
      if (name === this.fn.name) this.fail("NB206", n, `'${name}' calls itself`);
      if (name === "eval" || name === "Function") this.fail("NB104", callee, `${name}() cannot be compiled: a kernel's code must be known when it is compiled`);
      this.fail("NB103", callee, `'${name}' is not defined in this function`,
        `numbat cannot see functions from the enclosing scope; pass it with jit(fn, { scope: { ${name} } })`);
    }
    if (this.env.kernel) this.fail("NB120", n, `GPU kernels cannot call other functions ('${name}')`, "inline the function's body into the kernel");
    const argExprs = this.operands(args);
    argExprs.forEach((e, i) => { if (e.type === "void") this.fail("NB200", args[i], "this argument has no value"); });
    const fir = this.env.resolveCallee(fromScope, argExprs.map((e) => e.type), (detail, help, code) => this.fail(code ?? "NB104", n, detail, help));
    if (!this.callees.includes(fir)) {
      for (const c of fir.callees) if (!this.callees.includes(c)) this.callees.push(c);
      this.callees.push(fir);
    }
    // Arrays written by the callee are written here too.
    fir.params.forEach((p, i) => {
      const a = argExprs[i]!;
      if (fir.written.has(p) && a.k === "var") this.markWritten(a.v);
    });
    return { k: "call", fn: fir, args: argExprs, type: fir.ret, loc: this.loc(n) };
  }

  private mathCall(n: Node, owner: string, fnName: string, args: Node[]): Expr {
    const facts = (MATH_FNS as Record<string, (typeof MATH_FNS)[MathFn]>)[fnName];
    if (!facts || (facts.owner !== owner && !(owner === "Number" && fnName === "isNaN")))
      this.fail("NB104", n, `'${owner}.${fnName}' is not supported`, `supported: ${Object.keys(MATH_FNS).filter((k) => (MATH_FNS as any)[k].owner === owner).join(", ")}`);
    const fn = fnName as MathFn;
    if (facts.arity !== "n" && args.length !== facts.arity)
      this.fail("NB202", n, `${owner}.${fnName} takes ${facts.arity} argument${facts.arity === 1 ? "" : "s"}, got ${args.length}`);
    const xs = this.operands(args).map((e, i) => this.numeric(e, args[i]!));
    if (fn === "min" || fn === "max") {
      if (xs.length === 0) return { k: "const", type: "f64", value: fn === "min" ? Infinity : -Infinity };
      if (xs.length === 1) return xs[0]!;
    }
    if (fn === "hypot" && xs.length === 0) return { k: "const", type: "f64", value: 0 };
    switch (facts.result) {
      case "keep": {
        const t: ScalarType = xs.every((x) => x.type === "int") ? "int" : "f64";
        if (t === "int" && (fn === "floor" || fn === "ceil" || fn === "trunc" || fn === "round")) return xs[0]!;
        return { k: "math", fn, args: xs.map((x, i) => this.coerce(x, t, args[i]!)), type: t };
      }
      case "int32": return { k: "math", fn, args: xs.map((x) => this.toInt32(x)), type: "int" };
      case "bool": {
        // Integers are finite and integral; isSafeInteger still needs the value (2^53 is not safe).
        if (xs[0]!.type === "int" && fn !== "isSafeInteger") {
          // The answer is known, but the argument's side effects (a call, a throwing load) still happen.
          if (containsEffects(xs[0]!)) this.out.push({ k: "expr", x: xs[0]! });
          return { k: "const", type: "bool", value: fn !== "isNaN" };
        }
        return { k: "math", fn, args: xs.map((x, i) => this.coerce(x, "f64", args[i]!)), type: "bool" };
      }
      default: return { k: "math", fn, args: xs.map((x, i) => this.coerce(x, "f64", args[i]!)), type: "f64" };
    }
  }

  /** zeros(shape, dtype?) / ones / empty: `shape` is a number or an array literal of numbers. */
  private alloc(n: Node, fill: "zeros" | "ones" | "empty", args: Node[]): Expr {
    if (this.env.kernel) this.fail("NB120", n, "GPU kernels cannot allocate arrays", "allocate on the host and pass the array in, or use gpu.shared(size, dtype) for per-group scratch");
    if (args.length < 1 || args.length > 2) this.fail("NB202", n, `${fill}(shape, dtype?) takes 1 or 2 arguments`);
    const shapeNode = args[0]!;
    const dims = shapeNode.type === "ArrayExpression" ? (shapeNode.elements as Node[]) : [shapeNode];
    if (dims.length === 0) this.fail("NB104", shapeNode, "0-dimensional arrays are not supported", "use a number");
    let dtype = "f64" as ArrayType["dtype"];
    if (args[1]) {
      const d = args[1];
      const name = d.type === "Literal" && typeof d.value === "string" ? d.value : undefined;
      const found = name ? dtypeOfUserName(name) : undefined;
      if (!found) this.fail("NB104", d, "the dtype must be a string literal such as \"float64\", \"float32\" or \"int32\"");
      dtype = found;
    }
    const shape = this.operands(dims).map((e, i) => this.coerceInt(this.numeric(e, dims[i]!), dims[i]!));
    return { k: "alloc", fill, shape, type: arrayType(dtype, dims.length, true), loc: this.loc(n) };
  }

  // ---- GPU kernel intrinsics (docs/kernels.md) ---------------------------------------------------

  private requireKernel(n: Node): void {
    if (!this.env.kernel) this.fail("NB121", n, `'${this.snippet(n)}' exists only inside GPU kernels`, "compile the function with kernel(fn, { target }) and launch it over a grid");
  }

  /** `gpu.globalId.x` and the other thread positions. */
  private gpuIndex(n: Node): Expr {
    this.requireKernel(n);
    const what = n.object.property.name as string, axis = n.computed ? undefined : (n.property.name as string);
    const idx = GPU_INDEX.find((w) => w === what);
    if (n.object.computed || !idx) this.fail("NB121", n.object, `'gpu.${what}' is not a thread position`, `use one of gpu.${GPU_INDEX.join(", gpu.")}`);
    if (axis === undefined || !(axis in GPU_AXES)) this.fail("NB121", n, `'${this.snippet(n)}': pick an axis with .x, .y or .z`);
    return { k: "gpu", what: idx, axis: GPU_AXES[axis as keyof typeof GPU_AXES], type: "int" };
  }

  private gpuCall(n: Node, method: string, args: Node[], wantValue: boolean): Expr | null {
    this.requireKernel(n);
    if (method === "barrier") {
      if (args.length) this.fail("NB202", n, "gpu.barrier() takes no arguments");
      if (wantValue) this.fail("NB121", n, "gpu.barrier() has no value", "call it as a statement");
      this.out.push({ k: "barrier" });
      return null;
    }
    const op = GPU_ATOMICS[method];
    if (op) {
      if (args.length !== 3) this.fail("NB202", n, `gpu.${method}(array, index, value) takes 3 arguments, got ${args.length}`);
      const arr = this.arrayVar(args[0]!);
      const t = arr.type as ArrayType;
      if (t.ndim !== 1) this.fail("NB201", args[0], `gpu.${method} takes a 1-d array`);
      const [i, x] = this.operands(args.slice(1));
      const idx = [this.index(i!, args[1]!)];
      const et = elemType(t);
      const value = this.coerce(this.numeric(x!, args[2]!), et, args[2]!);
      this.markWritten(arr);
      return { k: "atomic", op, arr, idx, x: value, type: et, loc: this.loc(n) };
    }
    if (method === "shared") this.fail("NB121", n, "gpu.shared(...) is used only as `const name = gpu.shared(size, dtype)` at the top of the kernel");
    return this.fail("NB121", n, `'gpu.${method}' does not exist`, `GPU functions: gpu.barrier(), gpu.shared(size, dtype), gpu.${Object.keys(GPU_ATOMICS).join("/")}(array, index, value)`);
  }

  /** `const tile = gpu.shared(256, "float32")`: one array per group of threads. */
  private sharedDecl(decl: Node, d: Node): void {
    const call = d.init;
    this.requireKernel(call);
    if (decl.kind !== "const" || this.scopes.length !== 1 || this.loops.length !== 0)
      this.fail("NB121", d, "declare shared arrays with const at the top level of the kernel", `const ${d.id.name ?? "tile"} = gpu.shared(256, "float32")`);
    if (d.id.type !== "Identifier") this.fail("NB107", d.id, "a shared array needs a plain name");
    const args = call.arguments as Node[];
    if (args.length !== 2) this.fail("NB202", call, "gpu.shared(size, dtype) takes 2 arguments");
    const size = this.constantInt(args[0]!);
    if (size === undefined || size <= 0) this.fail("NB121", args[0], "the size of a shared array must be a positive integer known at compile time", "write a literal, or pass the number with { scope: { N } }");
    const dt = args[1]!.type === "Literal" && typeof args[1]!.value === "string" ? dtypeOfUserName(args[1]!.value) : undefined;
    if (!dt || !["f64", "f32", "i32", "u32"].includes(dt)) this.fail("NB121", args[1], "the dtype of a shared array is \"float32\", \"int32\", \"uint32\" or \"float64\"");
    const b = this.declare(d.id.name, this.key(d.id, d.id.name), d.id, true);
    this.locals.splice(this.locals.indexOf(b.v), 1);
    const t = arrayType(dt, 1, false);
    this.widen(b.v, t, d.id);
    this.shared.push({ v: b.v, size });
  }

  /** An integer known at compile time: literals and numbers from `scope`, combined with + - *. */
  private constantInt(n: Node): number | undefined {
    const lit = constInt(n);
    if (lit !== undefined) return lit;
    if (n.type === "Identifier" && !this.lookup(n.name) && Object.prototype.hasOwnProperty.call(this.env.scope, n.name)) {
      const v = this.env.scope[n.name];
      if (typeof v === "number" && Number.isInteger(v)) return v;
    }
    if (n.type === "ParenthesizedExpression") return this.constantInt(n.expression);
    if (n.type === "BinaryExpression" && ["+", "-", "*"].includes(n.operator)) {
      const a = this.constantInt(n.left), b = this.constantInt(n.right);
      if (a === undefined || b === undefined) return undefined;
      const r = n.operator === "+" ? a + b : n.operator === "-" ? a - b : a * b;
      return Number.isSafeInteger(r) ? r : undefined;
    }
    return undefined;
  }

  private newExpr(n: Node): Expr {
    const callee = n.callee;
    const name = callee.type === "Identifier" ? (callee.name as string) : "";
    if (TYPED_ARRAY_CTORS.has(name)) {
      if (this.env.kernel) this.fail("NB120", n, "GPU kernels cannot allocate arrays", "allocate on the host and pass the array in, or use gpu.shared(size, dtype) for per-group scratch");
      const args = n.arguments as Node[];
      if (args.length !== 1) this.fail("NB104", n, `new ${name}(n) takes exactly one length argument here`);
      const len = this.expr(args[0]!);
      if (isArray(len.type)) this.fail("NB104", args[0], `copying an array with new ${name}(array) is not supported`, "allocate with new " + name + "(a.length) and copy in a loop");
      const dtype = dtypeOfCtorName(name)!;
      return { k: "alloc", fill: "zeros", shape: [this.coerceInt(this.numeric(len, args[0]!), args[0]!)], type: arrayType(dtype, 1, false), loc: this.loc(n) };
    }
    if (["Error", "RangeError", "TypeError"].includes(name)) this.fail("NB109", n, "errors can only be thrown directly: throw new Error(\"message\")");
    return this.fail("NB101", n, `'new ${name || this.snippet(callee)}(...)' is not supported`, "kernels can allocate typed arrays (new Float64Array(n)) and n-d arrays (zeros([m, n]))");
  }
}

// ---- syntactic helpers (shared by loop canonicalisation) -------------------------------------------

function isGpuCall(n: Node | null | undefined, method: string): boolean {
  return n?.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed &&
    n.callee.object.type === "Identifier" && n.callee.object.name === "gpu" && n.callee.property.name === method;
}

function varRef(v: Var): Expr {
  return { k: "var", v, type: v.type };
}

function not(c: Expr): Expr {
  return { k: "unary", op: "not", x: c, type: "bool" };
}

function constInt(n: Node): number | undefined {
  if (n.type === "Literal" && typeof n.value === "number" && Number.isInteger(n.value)) return n.value;
  if (n.type === "UnaryExpression" && n.operator === "-" && n.argument.type === "Literal" && Number.isInteger(n.argument.value)) return -n.argument.value;
  return undefined;
}

/** The constant step of `i++`, `i--`, `++i`, `i += c`, `i -= c`, `i = i + c`; undefined otherwise. */
function stepOf(u: Node, name: string): number | undefined {
  if (u.type === "UpdateExpression" && u.argument.type === "Identifier" && u.argument.name === name) return u.operator === "++" ? 1 : -1;
  if (u.type !== "AssignmentExpression" || u.left.type !== "Identifier" || u.left.name !== name) return undefined;
  if (u.operator === "+=" || u.operator === "-=") {
    const c = constInt(u.right);
    if (c === undefined || c === 0) return undefined;
    return u.operator === "+=" ? c : -c;
  }
  if (u.operator === "=" && u.right.type === "BinaryExpression" && u.right.left.type === "Identifier" && u.right.left.name === name) {
    const c = constInt(u.right.right);
    if (c === undefined || c === 0) return undefined;
    if (u.right.operator === "+") return c;
    if (u.right.operator === "-") return -c;
  }
  return undefined;
}

/** Names assigned anywhere inside `n` (assignment, update, declaration). */
function assignedNames(n: Node): Set<string> {
  const names = new Set<string>();
  const visit = (x: any): void => {
    if (!x || typeof x !== "object") return;
    if (Array.isArray(x)) return x.forEach(visit);
    if (x.type === "AssignmentExpression" && x.left.type === "Identifier") names.add(x.left.name);
    if (x.type === "UpdateExpression" && x.argument.type === "Identifier") names.add(x.argument.name);
    if (x.type === "VariableDeclarator") collectPattern(x.id, names);
    for (const k in x) if (k !== "loc" && typeof x[k] === "object") visit(x[k]);
  };
  visit(n);
  return names;
}

function collectPattern(p: any, names: Set<string>): void {
  if (p?.type === "Identifier") names.add(p.name);
  else if (p?.type === "ArrayPattern") p.elements.forEach((e: any) => collectPattern(e, names));
}

/** A loop bound is invariant when it only reads names the body never assigns, and no array elements or calls. */
function isInvariant(n: Node, assigned: Set<string>, counter: string): boolean {
  let ok = true;
  const visit = (x: any): void => {
    if (!ok || !x || typeof x !== "object") return;
    if (Array.isArray(x)) return x.forEach(visit);
    switch (x.type) {
      case "Identifier": if (assigned.has(x.name) || x.name === counter) ok = false; return;
      case "CallExpression":
        if (!(x.callee.type === "MemberExpression" && x.callee.object.type === "Identifier" && x.callee.object.name === "Math")) ok = false;
        break;
      case "AssignmentExpression": case "UpdateExpression": case "NewExpression": ok = false; return;
      case "MemberExpression":
        if (x.computed && !(x.object.type === "MemberExpression" && ["shape", "stride"].includes(x.object.property?.name))) ok = false;
        visit(x.object);
        if (x.computed) visit(x.property);
        return;
    }
    for (const k in x) if (k !== "loc" && typeof x[k] === "object") visit(x[k]);
  };
  visit(n);
  return ok;
}

/** Can control reach the end of `stmts`? Conservative: loops without a constant-true test may exit. */
function mayFallThrough(stmts: readonly Stmt[]): boolean {
  for (const s of stmts) {
    if (s.k === "return" || s.k === "throw") return false;
    if (s.k === "if" && !mayFallThrough(s.then) && !mayFallThrough(s.else)) return false;
    if (s.k === "loop" && s.pre === null && s.post === null && !hasBreak(s.body, s.label) && !hasBreak(s.update, s.label)) return false;
    if (s.k === "loop" && s.pre?.k === "const" && s.pre.value === true && s.post === null && !hasBreak(s.body, s.label)) return false;
  }
  return true;
}

function hasBreak(stmts: readonly Stmt[], label: number): boolean {
  let found = false;
  forEachStmt(stmts, (s) => { if (s.k === "break" && s.label === label) found = true; });
  return found;
}

function containsEffects(e: Expr): boolean {
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
