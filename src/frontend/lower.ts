// Lowers a parsed function to typed IR for one argument signature, inferring local types.
// Inference is a fixpoint: lowering runs again whenever a variable's type widens (int -> f64),
// so every use sees the final, unified type (Numba's rule: int ⊔ f64 = f64).

import type { Node, ParsedFunction } from "./parse.js";
import { CompileError, codeFrame } from "../diagnostics/error.js";
import type { ErrorClass, Expr, FuncIR, Stmt, Var } from "../ir/nodes.js";
import { forEachStmt } from "../ir/walk.js";
import { checkParallelLoops } from "../passes/parallel.js";
import {
  type ArrayType, type ScalarType, type Type, elemType,
  isArray, isScalar, joinTypes, sameType, typeToString,
} from "../ir/types.js";
import { ExprLowering } from "./lower-expr.js";
import type { VarRanges } from "./lower-ranges.js";
import * as R from "./ranges.js";
import { type LoopFrame, RETURN_KEY, type LowerEnv, constInt, containsEffects, not, varRef } from "./lower-state.js";

export type { LowerEnv } from "./lower-state.js";

export function lowerFunction(parsed: ParsedFunction, argTypes: Type[], env: LowerEnv, irName: string): FuncIR {
  const types = new Map<string, Type>();
  const ranges: VarRanges = { ranges: new Map(), growth: new Map(), budgets: new Map() };
  for (let round = 0; round < 64; round++) {
    const lowering = new Lowering(parsed, argTypes, env, types, irName, ranges);
    const f = lowering.run();
    if (!lowering.changed) return f;
  }
  throw new CompileError("NB203", "variable types keep changing", 1, 1, parsed.name, "", "give each variable one kind of value");
}
class Lowering extends ExprLowering {
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
      if (argT === "int") this.noteParam(key);
    });
    // `var` declarations are function-scoped and hoisted: bind them up front.
    if (body.type === "BlockStatement") this.hoistVars(body);
    let stmts: Stmt[];
    if (body.type === "BlockStatement") stmts = [...prologue, ...this.block(body.body, false)];
    else {
      const e = this.observable(this.expr(body));
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
    return { name: this.irName, params: this.params, ret, body: stmts, locals: this.locals, written: this.writtenParams(), callees: this.callees, sourceName: name, ...(kernel && { kernel }), ...(this.hidden.length && { bound: this.hidden.map((h) => h.value) }) };
  }

  /** prange loops must be able to run in parallel (passes/parallel.ts): reject provable races and the like. */
  protected checkPrange(stmts: Stmt[]): void {
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

  protected hoistVars(node: Node): void {
    const visit = (n: any): void => {
      if (!n || typeof n !== "object") return;
      if (Array.isArray(n)) return n.forEach(visit);
      if (n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression" || n.type === "FunctionDeclaration") return;
      if (n.type === "VariableDeclaration" && n.kind === "var")
        for (const d of n.declarations) if (d.id.type === "Identifier") this.unassigned.add(this.declare(d.id.name, `var:${d.id.name}`, d.id, false, true).v);
      for (const k in n) if (k !== "loc" && typeof n[k] === "object") visit(n[k]);
    };
    visit(node.body);
  }

  /** Lowers statements in a fresh statement list (and block scope, unless `scoped` is false). */
  protected block(nodes: Node[], scoped = true): Stmt[] {
    const saved = this.out;
    this.out = [];
    if (scoped) this.scopes.push(new Map());
    for (const n of nodes) this.stmt(n);
    if (scoped) this.scopes.pop();
    const result = this.out;
    this.out = saved;
    return result;
  }

  protected body(n: Node): Stmt[] {
    return this.block(n.type === "BlockStatement" ? n.body : [n]);
  }

  // ---- statements -------------------------------------------------------------------------------

  protected stmt(n: Node): void {
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
        const before = new Set(this.unassigned);
        const then = this.guarded(c, false, () => this.body(n.consequent));
        const afterThen = this.unassigned;
        this.unassigned = new Set(before);
        const els = n.alternate ? this.guarded(c, true, () => this.body(n.alternate)) : [];
        // A variable is assigned after the if when every branch that falls through assigned it.
        const joined = new Set<Var>();
        if (mayFallThrough(then)) for (const v of afterThen) joined.add(v);
        if (mayFallThrough(els)) for (const v of this.unassigned) joined.add(v);
        this.unassigned = joined;
        this.out.push({ k: "if", c, then, else: els });
        return;
      }
      case "ForStatement": return this.forStmt(n);
      case "WhileStatement": return this.loopStmt(n, null, n.test, null, n.body);
      case "DoWhileStatement": return this.loopStmt(n, null, null, n.test, n.body);
      case "ForOfStatement": return this.forOf(n);
      case "LabeledStatement": {
        const kinds = ["ForStatement", "WhileStatement", "DoWhileStatement", "ForOfStatement", "LabeledStatement", "SwitchStatement"];
        if (!kinds.includes(n.body.type)) this.fail("NB102", n, "labels are supported on loops and switch statements only");
        this.pendingLabels.push(n.label.name);
        this.stmt(n.body);
        return;
      }
      case "BreakStatement":
      case "ContinueStatement": {
        const frame = n.label ? [...this.loops].reverse().find((l) => l.names.includes(n.label.name))
          : n.type === "ContinueStatement" ? [...this.loops].reverse().find((l) => !l.isSwitch) // `continue` skips switches
          : this.loops[this.loops.length - 1];
        if (!frame) this.fail("NB102", n, n.label ? `no enclosing loop is labelled '${n.label.name}'` : `'${n.type === "BreakStatement" ? "break" : "continue"}' outside a loop`);
        if (n.type === "ContinueStatement") frame.continued.push(new Set(this.unassigned));
        this.out.push({ k: n.type === "BreakStatement" ? "break" : "continue", label: frame.label });
        return;
      }
      case "ReturnStatement": {
        if (!n.argument) {
          this.sawReturnVoid = true;
          this.out.push({ k: "return", x: null });
          return;
        }
        const e = this.observable(this.expr(n.argument));
        this.noteReturn(e.type, n.argument);
        this.out.push({ k: "return", x: this.coerceReturn(e, n.argument) });
        return;
      }
      case "ThrowStatement": return this.throwStmt(n);
      case "FunctionDeclaration":
        return this.fail("NB107", n, "functions declared inside a kernel are not supported", `define '${n.id?.name}' outside, wrap it with jit(), and pass it with { scope: { ${n.id?.name} } }`);
      case "SwitchStatement": return this.switchStmt(n);
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

  protected varDecl(n: Node): void {
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
          const t = this.temp(`${name}${k}`, "int"), x = this.arrayProp(arr, init0.property.name, k);
          this.noteRange(t, this.rangeOf(x));
          this.out.push({ k: "assign", v: t, x });
          return t;
        });
        continue;
      }
      const init = d.init ? this.expr(d.init) : null;
      const b = isVar ? this.lookup(name)! : this.declare(name, this.key(d.id, name), d.id, n.kind === "const");
      if (init) this.assignVar(b.v, init, d.init);
      else if (!isVar) this.unassigned.add(b.v); // JS: undefined until assigned (each time the declaration runs)
    }
  }

  /** `const [m, n] = A.shape` (also `A.stride`). */
  protected destructure(d: Node, constant: boolean, isVar: boolean): void {
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

  protected assignVar(v: Var, e: Expr, node: Node): void {
    this.widen(v, e.type, node);
    if (isArray(e.type)) {
      if (e.k === "var") this.arrayFlows.push([v, e.v]);
      // A call may return one of its array arguments.
      if (e.k === "call") for (const a of e.args) if (a.k === "var" && isArray(a.type)) this.arrayFlows.push([v, a.v]);
    }
    const target = this.types.get((v as Var & { key: string }).key)!;
    const x = isArray(target) ? e : this.coerce(e, target as ScalarType, node);
    if (x.type === "int" && !this.noteIncrement(v, x)) this.noteRange(v, this.rangeOf(x));
    this.kill(v);
    this.unassigned.delete(v);
    this.out.push({ k: "assign", v, x });
  }

  /** The variables in scope that `n` assigns (by name: a shadowing declaration inside counts too). */
  protected assignedVars(n: Node): Var[] {
    return [...assignedNames(n)].flatMap((name) => this.lookup(name)?.v ?? []);
  }

  /**
   * `switch`: first the clause where execution starts (=== against each case test in order, else
   * default, else none), then the clauses in order from there (fall-through), inside a loop that runs
   * once so that `break` leaves it. With a default the last clause always runs once reached, and when
   * it cannot fall through the loop needs no closing break (so a switch that returns on every path
   * ends the function).
   */
  private switchStmt(n: Node): void {
    const d0 = this.expr(n.discriminant);
    if (!isScalar(d0.type)) this.fail("NB200", n.discriminant, `switch on ${typeToString(d0.type)}; numbat switches on numbers and booleans`);
    const d = this.temp("sw", d0.type as ScalarType);
    this.out.push({ k: "assign", v: d, x: d0 });
    const clauses = n.cases as Node[];
    const def = clauses.findIndex((c) => !c.test);
    const start = this.temp("from", "int");
    const int = (value: number): Expr => ({ k: "const", type: "int", value });
    let chain: Stmt[] = [{ k: "assign", v: start, x: int(def >= 0 ? def : clauses.length) }];
    const tests = clauses.map((c) => (c.test ? this.lazy(c.test) : undefined));
    for (let i = clauses.length - 1; i >= 0; i--) {
      const t = tests[i];
      if (!t) continue;
      const same = this.binary("===", varRef(d), t.e, clauses[i]!.test);
      chain = [...t.effects, { k: "if", c: same, then: [{ k: "assign", v: start, x: int(i) }], else: chain }];
    }
    this.out.push(...chain);
    const frame = this.newLoop();
    frame.isSwitch = true;
    this.scopes.push(new Map()); // one block scope for all clauses, as in JS
    const body: Stmt[] = [];
    // (A switch's body runs at most once; what a clause assigns may not run at all: NB208.)
    this.maybeRuns(() => this.withLoop(frame, () => clauses.forEach((c, i) => {
      const stmts = this.block(c.consequent, false);
      const always = def >= 0 && i === clauses.length - 1;
      body.push(always ? { k: "if", c: { k: "const", type: "bool", value: true }, then: stmts, else: [] } : { k: "if", c: { k: "binary", op: "le", a: varRef(start), b: int(i), type: "bool" }, then: stmts, else: [] });
    }), 1));
    this.scopes.pop();
    const last = body[body.length - 1];
    if (!(def >= 0 && last?.k === "if" && !mayFallThrough(last.then))) body.push({ k: "break", label: frame.label });
    this.out.push({ k: "loop", label: frame.label, pre: null, body, update: [], post: null });
  }

  protected newLoop(): LoopFrame {
    const frame = { label: this.nextLabel++, names: this.pendingLabels, continued: [] };
    this.pendingLabels = [];
    return frame;
  }

  /** Lowers a loop's body; `trips` bounds how often it runs (a counted loop's trip count; for ranges). */
  protected withLoop<T>(frame: LoopFrame, f: () => T, trips = Infinity): T {
    this.loops.push(frame);
    this.tripStack.push(this.tripStack[this.tripStack.length - 1]! * trips);
    try {
      return f();
    } finally {
      this.loops.pop();
      this.tripStack.pop();
    }
  }

  protected forStmt(n: Node): void {
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
  protected canonicalFor(n: Node): boolean {
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
    // A counter that may start at -0, or that must be a float, makes a general loop.
    if (start.type !== "int" || this.out.length !== mark || this.rangeOf(start).negZero || this.types.get(this.key(d.id, name)) === "f64") {
      this.out.length = mark;
      return false;
    }
    const b = this.declare(name, this.key(d.id, name), d.id, false);
    this.widen(b.v, "int", d.id);
    const end = this.expr(endNode);
    // ... and so does one whose last step could pass 2^53 (JS's counter would round there).
    const counter = end.type === "int" ? R.counterRange(this.rangeOf(start), this.rangeOf(end), step, cmp) : undefined;
    if (!counter) {
      this.out.length = mark;
      this.scopes[this.scopes.length - 1]!.delete(name);
      this.locals.splice(this.locals.indexOf(b.v), 1);
      return false;
    }
    this.noteRange(b.v, counter);
    const frame = this.newLoop();
    const body = this.loopScope(this.assignedVars(n.body), () => this.withLoop(frame, () => this.body(n.body), R.trips(counter, step)));
    this.out.push({ k: "for", label: frame.label, v: b.v, start, end, step, cmp, body, parallel: false });
    return true;
  }

  /** `for (const i of prange(n))` / `prange(a, b)` / `prange(a, b, step)`: a `for` marked parallel (see passes/parallel.ts). */
  protected forOf(n: Node): void {
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
    const endNode = args[args.length === 1 ? 0 : 1]!;
    const end = this.coerceInt(this.expr(endNode), endNode, step > 0 ? "ceil" : "floor");
    const id = n.left.declarations[0].id;
    const b = this.declare(id.name, this.key(id, id.name), id, false);
    this.widen(b.v, "int", id);
    const counter = R.counterRange(this.rangeOf(start), this.rangeOf(end), step, step > 0 ? "lt" : "gt") ?? R.FULL;
    this.noteRange(b.v, { ...counter, negZero: false });
    if (assignedNames(n.body).has(id.name)) this.fail("NB108", n, `the loop variable '${id.name}' of ${callee} cannot be assigned in the loop`);
    const frame = this.newLoop();
    const body = this.loopScope(this.assignedVars(n.body), () => this.withLoop(frame, () => this.body(n.body), R.trips(counter, step)));
    if (callee === "prange") this.prangeNodes.set(frame.label, call);
    this.out.push({ k: "for", label: frame.label, v: b.v, start, end, step, cmp: step > 0 ? "lt" : "gt", body, parallel: callee === "prange" });
    this.scopes.pop();
  }

  /** General loop: while, do-while and for loops that are not canonical. */
  protected loopStmt(n: Node, init: Node | null, pre: Node | null, post: Node | null, bodyNode: Node, updateNode?: Node | null): void {
    this.loopScope(this.assignedVars(n), () => this.loopStmtIn(n, init, pre, post, bodyNode, updateNode));
  }

  /**
   * A loop's test: its condition, or, when evaluating it has effects, null after adding to `into` the
   * effects and a break out of the loop unless the condition holds.
   */
  private loopTest(test: Node, frame: LoopFrame, into: Stmt[]): Expr | null {
    const saved = this.takeOut();
    const c = this.condition(test);
    const effects = this.takeOut();
    this.out = saved;
    if (!effects.length) return c;
    into.push(...effects, { k: "if", c: not(c), then: [{ k: "break", label: frame.label }], else: [] });
    return null;
  }

  private loopStmtIn(n: Node, _init: Node | null, pre: Node | null, post: Node | null, bodyNode: Node, updateNode?: Node | null): void {
    const frame = this.newLoop();
    const bodyStmts: Stmt[] = [];
    let preExpr: Expr | null = null, test: Expr | null = null;
    // (a test with effects states no facts: they may assign what it compared)
    if (pre) preExpr = test = this.loopTest(pre, frame, bodyStmts);
    // The test holds in the body and (for what the body does not assign) in the update.
    const update = this.guarded(test, false, () => {
      bodyStmts.push(...this.withLoop(frame, () => this.body(bodyNode)));
      this.joinContinues(frame);
      return updateNode ? this.block([{ type: "ExpressionStatement", expression: updateNode, loc: updateNode.loc, start: updateNode.start, end: updateNode.end }]) : [];
    });
    const postExpr = post ? this.loopTest(post, frame, update) : null;
    void n;
    this.out.push({ k: "loop", label: frame.label, pre: preExpr, body: bodyStmts, update, post: postExpr });
  }

  protected throwStmt(n: Node): void {
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

  protected noteReturn(t: Type, node: Node): void {
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

  protected coerceReturn(e: Expr, node: Node): Expr {
    const t = this.types.get(RETURN_KEY)!;
    return isArray(t) ? e : this.coerce(e, t as ScalarType, node);
  }

  // ---- expressions with effects -----------------------------------------------------------------

  /** An expression evaluated for its side effects only. */
  protected effect(n: Node): void {
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
  protected assign(n: Node, wantValue: boolean): Expr | null {
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
  protected storeWith(arr: Var, idx: Expr[], op: string, rhsNode: Node, n: Node, wantValue: boolean): Expr | null {
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
      const tmp = this.setTemp("t", this.numeric(raw, rhsNode));
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
  protected storeValue(e0: Expr, t: ArrayType, node: Node): Expr {
    const e = this.numeric(e0, node);
    if (t.dtype === "u8c") return { k: "cast", op: e.type === "int" ? "i2u8c" : "f2u8c", x: e, type: "int" };
    if (elemType(t) === "f64") return this.coerce(e, "f64", node);
    return e.type === "int" ? e : { k: "cast", op: "f2i32", x: e, type: "int" };
  }

  /** Which parameters each array variable may refer to, by propagating copies to a fixpoint. */
  protected writtenParams(): Set<Var> {
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

  /** `x++`, `--x`, `A[i]++`: returns the old (postfix) or new (prefix) value when `wantValue`. */
  protected update(n: Node, wantValue: boolean): Expr | null {
    const delta = n.operator === "++" ? 1 : -1;
    const arg = n.argument;
    if (arg.type === "Identifier") {
      const b = this.lookup(arg.name) ?? this.fail("NB103", arg, `'${arg.name}' is not declared in this function`);
      if (b.constant) this.fail("NB108", arg, `'${arg.name}' is a const`);
      const cur = this.readVar(b, arg);
      if (!isScalar(cur.type) || cur.type === "bool") this.fail("NB200", arg, `'${arg.name}' is not a number`);
      let old: Expr | null = null;
      if (wantValue && !n.prefix) old = varRef(this.setTemp("old", cur));
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
      const tmp = this.setTemp("old", cur);
      const next = this.binary(delta > 0 ? "+" : "-", varRef(tmp), { k: "const", type: "int", value: 1 }, n);
      this.markWritten(arr);
      this.out.push({ k: "store", arr, idx, x: this.storeValue(next, arr.type as ArrayType, n), loc: this.loc(n) });
      if (!wantValue) return null;
      // Prefix returns the new value as JS computed it (before the store narrowed it).
      return n.prefix ? this.binary(delta > 0 ? "+" : "-", varRef(tmp), { k: "const", type: "int", value: 1 }, n) : varRef(tmp);
    }
    this.fail("NB101", arg, `cannot update '${this.snippet(arg)}'`);
  }
}

// ---- syntactic helpers (shared by loop canonicalisation) -------------------------------------------

function isGpuCall(n: Node | null | undefined, method: string): boolean {
  return n?.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed &&
    n.callee.object.type === "Identifier" && n.callee.object.name === "gpu" && n.callee.property.name === method;
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
export function mayFallThrough(stmts: readonly Stmt[]): boolean {
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

