// Lowers one Python `def` (parsed by ast.ts) to numbat's IR for one argument signature, with
// Python's semantics (scalar.ts) and the NumPy subset of numpy.ts. Like the JS frontend, type
// inference is a fixpoint over the lowering: a variable's type is the join of what it is assigned
// (int ⊔ float = float, as Numba), and lowering runs again until no type widens.

import { CompileError, codeFrame } from "../../diagnostics/error.js";
import type { DiagnosticCode } from "../../diagnostics/messages.js";
import type { ErrorClass, Expr, FuncIR, Loc, Stmt, Var } from "../../ir/nodes.js";
import { type ArrayType, type ScalarType, type Type, isArray, isScalar, sameType, typeToString } from "../../ir/types.js";
import { forEachExpr, forEachStmt } from "../../ir/walk.js";
import { checkParallelLoops } from "../../passes/parallel.js";
import { type LowerEnv, mayFallThrough } from "../lower.js";
import { type ArrayRef, type Elementwise, type LoopContext, baseType, fromRef, isWhole, materialize, ref, wholeArray } from "../arrays.js";
import type { Pos, PyDef, PyExpr, PyModule, PyStmt } from "./ast.js";
import { F, I, arith, coerce, intFloorDiv, truth } from "./scalar.js";
import { NumpyLowering } from "./numpy.js";
import { builtin, mathCall, noKwargs } from "./builtins.js";
import { scalarBinop } from "./operators.js";
import { cudaCall, sharedArray } from "./cuda.js";
import { type TupleItem, type TupleReturn, joinTuple, packTuple, tupleReturnOf, unpackTupleIR } from "./tuples.js";

/** A variable's type: a scalar, an array, or a tuple of those (held in one IR variable per item). */
export type PyType = ScalarType | ArrayType | { readonly k: "tuple"; readonly items: readonly PyType[] };

/** What an expression evaluates to while lowering. */
export type Val =
  | { k: "scalar"; e: Expr }
  | { k: "array"; r: ArrayRef }
  | { k: "lazy"; el: Elementwise }
  | { k: "tuple"; items: Val[] }
  | { k: "str"; s: string }
  | { k: "none" }
  /** A module or a module member: "numpy", "numpy.zeros", "math.sqrt", "builtins.range", "numba.prange", "def.f" */
  | { k: "global"; path: string };

export type { TupleReturn } from "./tuples.js";

export interface PyFunctionInfo {
  readonly ir: FuncIR;
  /** Set when the function returns a tuple: the IR returns a float64 array that the caller turns into a JS array. */
  readonly tuple?: TupleReturn;
}

const RETURN = "<return>";
const TUPLE_RETURN = "<tuple return>";
const PY_ERRORS: Record<string, ErrorClass> = {
  ValueError: "ValueError", ZeroDivisionError: "ZeroDivisionError", IndexError: "IndexError", AssertionError: "AssertionError",
  RuntimeError: "RuntimeError", ArithmeticError: "ArithmeticError", Exception: "Exception", TypeError: "TypeError",
};
const BUILTINS = new Set(["range", "len", "abs", "min", "max", "int", "float", "bool", "round", "enumerate", "zip", "print", "sum", ...Object.keys(PY_ERRORS)]);
export const isPythonError = (name: string): boolean => name in PY_ERRORS;

export function lowerPython(mod: PyModule, def: PyDef, argTypes: Type[], env: LowerEnv, irName: string, siblings: (name: string) => unknown): PyFunctionInfo {
  const types = new Map<string, PyType>();
  for (let round = 0; round < 32; round++) {
    const l = new PyLowering(mod, def, argTypes, env, irName, types, siblings);
    const info = l.run();
    if (!l.changed) return info;
  }
  throw new CompileError("NB203", "variable types keep changing", def.pos.line, def.pos.column, def.name, "", "give each variable one kind of value");
}

interface LoopFrame {
  readonly label: number;
  /** Set when the loop has an `else:` clause: `break` records that it left early. */
  readonly broke?: Var;
}

export class PyLowering implements LoopContext {
  changed = false;
  out: Stmt[] = [];
  private readonly vars = new Map<string, Var>();
  private readonly tupleVars = new Map<string, Var[]>();
  private readonly views = new Map<string, ArrayRef>();
  private readonly locals: Var[] = [];
  private readonly params: Var[] = [];
  private readonly callees: FuncIR[] = [];
  private readonly loops: LoopFrame[] = [];
  private readonly assigned: Map<string, number>;
  private readonly prangeAt = new Map<number, Pos>();
  private nextId = 0;
  private nextLabel = 0;
  private here: Pos;
  private sawValueReturn = false;
  private sawVoidReturn = false;
  private tuple: TupleReturn | undefined;
  readonly np: NumpyLowering;

  constructor(
    readonly mod: PyModule, readonly def: PyDef, private readonly argTypes: Type[], private readonly env: LowerEnv,
    private readonly irName: string, private readonly types: Map<string, PyType>, private readonly siblings: (name: string) => unknown,
  ) {
    this.here = def.pos;
    this.assigned = assignmentCounts(def.body);
    this.np = new NumpyLowering(this);
  }

  // ---- LoopContext (frontend/arrays.ts) ------------------------------------------------------------

  emit(s: Stmt): void { this.out.push(s); }
  label(): number { return this.nextLabel++; }
  get loc(): Loc { return { line: this.here.line, column: this.here.column }; }
  temp(name: string, t: ScalarType | ArrayType): Var {
    if (this.kernelMode && isArray(t)) this.fail(this.here, "GPU kernels cannot allocate arrays (nor build array expressions)", "allocate on the host and pass the array in, or use cuda.shared.array for per-group scratch", "NB120");
    const v: Var = { id: this.nextId++, name: `${name}$`, type: t };
    this.locals.push(v);
    return v;
  }
  collect(f: () => void): Stmt[] {
    const saved = this.out;
    this.out = [];
    try { f(); return this.out; } finally { this.out = saved; }
  }

  // ---- GPU kernels (@cuda.jit, cuda.ts) ------------------------------------------------------------

  private readonly shared: { v: Var; size: number }[] = [];
  private depth = 0;
  get kernelMode(): boolean { return this.env.kernel !== undefined; }

  declareShared(name: string, t: ArrayType, size: number): Var {
    if (this.vars.has(name) || (this.assigned.get(name) ?? 0) > 1) this.fail(this.here, `the shared array '${name}' is assigned more than once`, undefined, "NB121");
    const v: Var = { id: this.nextId++, name, type: t };
    this.vars.set(name, v);
    this.types.set(name, t);
    this.shared.push({ v, size });
    return v;
  }

  // ---- diagnostics --------------------------------------------------------------------------------

  fail(at: Pos | undefined, detail: string, help?: string, code: DiagnosticCode = "NB130"): never {
    const p = at ?? this.here;
    const text = this.mod.source.split("\n")[p.line - 1] ?? "";
    const len = Math.max(1, Math.min(p.to - p.from, text.length - p.column + 1));
    throw new CompileError(code, detail, p.line, p.column, this.def.name, codeFrame(this.mod.source, p.line, p.column, len), help);
  }

  raise(cls: ErrorClass, msg: string): Stmt {
    return { k: "throw", cls, msg, loc: this.loc };
  }

  // ---- entry --------------------------------------------------------------------------------------

  run(): PyFunctionInfo {
    const { def } = this;
    if (def.params.length !== this.argTypes.length)
      this.fail(def.pos, `'${def.name}' takes ${def.params.length} argument${def.params.length === 1 ? "" : "s"} but was called with ${this.argTypes.length}`, undefined, "NB202");
    const prologue: Stmt[] = [];
    def.params.forEach((p, i) => {
      const argT = this.argTypes[i]!;
      const want = this.types.get(p.name);
      const raw: Var = { id: this.nextId++, name: p.name, type: argT, param: true };
      this.params.push(raw);
      if (want !== undefined && isScalar(argT) && isScalar(want as Type) && want !== argT) {
        // The body widens the parameter (`x = x / 2` called with an int): a local of the wider type.
        const v = this.variable(p.name, p.pos);
        prologue.push({ k: "assign", v, x: coerce(ref(raw), want as ScalarType) });
      } else {
        this.types.set(p.name, argT as PyType);
        this.vars.set(p.name, raw);
      }
    });
    const body = [...prologue, ...this.block(def.body)];
    const ret = this.types.get(RETURN);
    const retType: Type = ret === undefined ? "void" : (ret as Type);
    if (this.sawValueReturn && (this.sawVoidReturn || mayFallThrough(body)))
      this.fail(def.pos, `'${def.name}' returns a value on some paths and None on others (or by reaching the end)`, "return a value on every path", "NB205");
    if (!this.changed) this.checkPrange(body);
    for (const v of this.vars.values()) if (!v.param) v.type = (this.types.get(v.name) as Type) ?? v.type;
    const written = new Set<Var>();
    forEachStmt(body, (s) => { if (s.k === "store" && s.arr.param) written.add(s.arr); });
    forEachExpr(body, (e) => { if (e.k === "atomic" && e.arr.param) written.add(e.arr); });
    const k = this.env.kernel;
    if (k && retType !== "void") this.fail(def.pos, `the kernel '${def.name}' returns a value`, "GPU kernels write their results into arrays", "NB120");
    const kernel = k ? { kernel: { groupSize: k.groupSize, float: k.float, shared: this.shared } } : {};
    const ir: FuncIR = { name: this.irName, params: this.params, ret: retType, body, locals: this.locals, written, callees: this.callees, sourceName: def.name, ...kernel };
    return { ir, ...(this.tuple && { tuple: this.tuple }) };
  }

  private checkPrange(body: Stmt[]): void {
    if (this.prangeAt.size === 0) return;
    const bad = checkParallelLoops(body);
    if (!bad) return;
    const { detail, help, loc } = bad.problem;
    const at = loc ? { line: loc.line, column: loc.column, from: 0, to: 1 } : this.prangeAt.get(bad.label);
    this.fail(at, detail, help, "NB110");
  }

  // ---- variables ----------------------------------------------------------------------------------

  /** The IR variable of a scalar or array name, created on first use with the type known so far. */
  private variable(name: string, at: Pos): Var {
    let v = this.vars.get(name);
    if (v) return v;
    const t = this.types.get(name);
    if (t !== undefined && typeof t === "object" && !isArray(t as Type)) this.fail(at, `'${name}' holds a tuple`);
    v = { id: this.nextId++, name, type: (t as Type) ?? "int" };
    this.vars.set(name, v);
    this.locals.push(v);
    return v;
  }

  /** Records that `name` receives a value of type `t`; widens int to float (and bool to int/float). */
  private widen(name: string, t: PyType, at: Pos): PyType {
    const cur = this.types.get(name);
    const joined = joinPy(cur, t);
    if (joined === undefined)
      this.fail(at, `'${name}' holds ${describe(cur!)} elsewhere and ${describe(t)} here`, "give each variable one kind of value: use a second variable", "NB200");
    if (cur === undefined || !samePy(cur, joined)) {
      this.types.set(name, joined);
      this.changed = true;
    }
    const v = this.vars.get(name);
    if (v && typeof joined !== "object") v.type = joined;
    if (v && isArray(joined as Type)) v.type = joined as ArrayType;
    return joined;
  }

  private readName(name: string, at: Pos): Val {
    const view = this.views.get(name);
    if (view) return { k: "array", r: view };
    if (this.assigned.has(name) || this.def.params.some((p) => p.name === name)) {
      const t = this.types.get(name);
      if (t !== undefined && typeof t === "object" && "k" in t && t.k === "tuple") {
        const vs = this.tupleVars.get(name) ?? this.tupleVarsFor(name, t);
        return { k: "tuple", items: vs.map((v) => (isArray(v.type) ? { k: "array", r: wholeArray(v) } : { k: "scalar", e: ref(v) })) };
      }
      if (t === undefined) this.changed = true; // read before its first assignment in program order: another round knows its type
      const v = this.variable(name, at);
      return isArray(v.type) ? { k: "array", r: wholeArray(v) } : { k: "scalar", e: ref(v) };
    }
    const constant = this.mod.constants.get(name);
    if (constant) return this.expr(constant); // a global: its value is compiled in, as Numba does
    const imported = this.mod.imports.get(name);
    if (imported !== undefined) return { k: "global", path: imported };
    if (this.mod.defs.some((d) => d.name === name)) return { k: "global", path: `def.${name}` };
    if (BUILTINS.has(name)) return { k: "global", path: `builtins.${name}` };
    if (name === "prange") this.fail(at, "'prange' is not imported", "add `from numba import prange` (or use numba.prange)");
    return this.fail(at, `name '${name}' is not defined`, "a function can use its parameters, its local variables, imported modules (numpy, math, numba) and the other functions of the source", "NB103");
  }

  /** Counters of range loops that start at a non-negative value and count up: indices need no wraparound. */
  private readonly upCounters = new Set<Var>();
  nonNegativeCounter(v: Var): boolean {
    return this.upCounters.has(v);
  }

  private tupleVarsFor(name: string, t: { items: readonly PyType[] }): Var[] {
    const vs = t.items.map((it, i) => {
      if (typeof it === "object" && "k" in it && it.k === "tuple") this.fail(this.here, "nested tuples are not supported");
      const v: Var = { id: this.nextId++, name: `${name}_${i}`, type: it as Type };
      this.locals.push(v);
      return v;
    });
    this.tupleVars.set(name, vs);
    return vs;
  }

  assignName(name: string, val: Val, at: Pos): void {
    if (val.k === "lazy") val = { k: "array", r: wholeArray(materialize(this, val.el, this.np.dtypeOfLazy(val.el), name)) };
    if (val.k === "array" && !isWhole(val.r)) {
      // A view: one assignment per function, its bounds fixed in variables now (loops re-run it).
      if ((this.assigned.get(name) ?? 0) > 1) this.fail(at, `'${name}' holds a slice (a view of an array) and is assigned more than once`, "assign each slice to its own variable once, or copy it with .copy()");
      if (this.vars.has(name)) this.fail(at, `'${name}' holds a slice (a view of an array) here and is used before this assignment`);
      this.views.set(name, this.pinView(val.r, name));
      return;
    }
    if (val.k === "array") {
      const t = this.widen(name, baseType(val.r), at);
      this.out.push({ k: "assign", v: this.variable(name, at), x: ref(val.r.base) });
      void t;
      return;
    }
    if (val.k === "scalar") {
      const t = this.widen(name, val.e.type as ScalarType, at) as ScalarType;
      this.out.push({ k: "assign", v: this.variable(name, at), x: coerce(val.e, t) });
      return;
    }
    if (val.k === "tuple") {
      const items = val.items.map((it) => this.tupleItem(it, at));
      const t = this.widen(name, { k: "tuple", items: items.map((e) => e.type as PyType) }, at) as { k: "tuple"; items: PyType[] };
      const vs = this.tupleVars.get(name) ?? this.tupleVarsFor(name, t);
      items.forEach((e, i) => this.out.push({ k: "assign", v: vs[i]!, x: isArray(e.type) ? e : coerce(e, vs[i]!.type as ScalarType) }));
      return;
    }
    this.fail(at, `a ${val.k === "global" ? `module or function ('${val.path.replace(/^builtins\./, "")}')` : val.k === "str" ? "string" : "None"} cannot be stored in a variable`);
  }

  private tupleItem(v: Val, at: Pos): Expr {
    if (v.k === "scalar") return v.e;
    if (v.k === "lazy") return ref(materialize(this, v.el, this.np.dtypeOfLazy(v.el)));
    if (v.k === "array") return ref(isWhole(v.r) ? v.r.base : materialize(this, fromRef(v.r, this.loc), baseType(v.r).dtype));
    return this.fail(at, "tuples hold numbers and arrays");
  }

  /** A view's expressions in variables, so that later reads see the bounds of the assignment. */
  private pinView(r: ArrayRef, name: string): ArrayRef {
    const pin = (e: Expr): Expr => {
      if (e.k === "const" || e.k === "prop") return e;
      const t = this.temp(`${name}_v`, "int");
      this.out.push({ k: "assign", v: t, x: e });
      return ref(t);
    };
    const axes = r.axes.map((a) => ("fixed" in a ? { fixed: pin(a.fixed) } : { start: pin(a.start), step: pin(a.step), axis: a.axis }));
    return { base: r.base, axes, shape: r.shape.map(pin) };
  }

  // ---- statements ---------------------------------------------------------------------------------

  block(stmts: readonly PyStmt[]): Stmt[] {
    this.depth++;
    try { return this.collect(() => { for (const s of stmts) this.stmt(s); }); } finally { this.depth--; }
  }

  private stmt(s: PyStmt): void {
    this.here = s.pos;
    switch (s.k) {
      case "pass": return;
      case "expr": {
        const v = this.expr(s.x);
        if (v.k === "scalar" && hasEffects(v.e)) this.out.push({ k: "expr", x: v.e });
        return;
      }
      case "assign": return this.assign(s.targets, s.value, s.pos);
      case "augassign": return this.augassign(s.target, s.op, s.value, s.pos);
      case "if": {
        const c = this.condition(s.c);
        const then = this.block(s.then), els = this.block(s.else);
        this.out.push({ k: "if", c, then, else: els });
        return;
      }
      case "while": return this.loopElse(s.orelse, () => this.whileLoop(s));
      case "for": return this.loopElse(s.orelse, () => this.forStmt(s));
      case "break": case "continue": {
        const frame = this.loops[this.loops.length - 1];
        if (!frame) this.fail(s.pos, `'${s.k}' outside a loop`);
        if (s.k === "break" && frame!.broke) this.out.push({ k: "assign", v: frame!.broke, x: { k: "const", type: "bool", value: true } });
        this.out.push({ k: s.k, label: frame!.label });
        return;
      }
      case "return": return this.returnStmt(s.x, s.pos);
      case "raise": return this.raiseStmt(s.exc, s.pos);
      case "assert": {
        const c = this.condition(s.test);
        const msg = s.msg ? this.stringLiteral(s.msg, "assert's message") : "";
        this.out.push({ k: "if", c: not(c), then: [this.raise("AssertionError", msg)], else: [] });
        return;
      }
    }
  }

  private pendingBroke: Var | undefined;

  /** The frame of the loop being lowered; it takes the `else:` flag of `loopElse`, if any. */
  frame(): LoopFrame {
    const broke = this.pendingBroke;
    this.pendingBroke = undefined;
    return broke ? { label: this.label(), broke } : { label: this.label() };
  }

  /** `for/while ... else:` — the else block runs when the loop ends without `break`. */
  private loopElse(orelse: readonly PyStmt[], lower: () => void): void {
    if (!orelse.length) return lower();
    const broke = this.temp("broke", "bool");
    this.out.push({ k: "assign", v: broke, x: { k: "const", type: "bool", value: false } });
    this.pendingBroke = broke;
    lower();
    this.out.push({ k: "if", c: not(ref(broke)), then: this.block(orelse), else: [] });
  }

  private whileLoop(s: Extract<PyStmt, { k: "while" }>): void {
    const frame = this.frame();
    let pre: Expr | null = null;
    const pieces = this.collect(() => { pre = this.condition(s.c); });
    const body = this.withLoop(frame, () => this.block(s.body));
    if (pieces.length) this.out.push({ k: "loop", label: frame.label, pre: null, body: [...pieces, { k: "if", c: not(pre!), then: [{ k: "break", label: frame.label }], else: [] }, ...body], update: [], post: null });
    else this.out.push({ k: "loop", label: frame.label, pre, body, update: [], post: null });
  }

  withLoop<T>(frame: LoopFrame, f: () => T): T {
    this.loops.push(frame);
    try { return f(); } finally { this.loops.pop(); }
  }

  private stringLiteral(e: PyExpr, what: string): string {
    if (e.k === "str") return e.value;
    return this.fail(e.pos, `${what} must be a string literal`);
  }

  private raiseStmt(exc: PyExpr | undefined, at: Pos): void {
    if (!exc) return this.fail(at, "a bare 'raise' (re-raise) is not supported", "raise ValueError(\"message\")");
    const callee = exc.k === "call" ? exc.fn : exc;
    const name = callee.k === "name" ? callee.id : undefined;
    const cls = name ? PY_ERRORS[name] : undefined;
    if (!cls) return this.fail(exc.pos, "only built-in exceptions can be raised: ValueError, ZeroDivisionError, IndexError, AssertionError, RuntimeError, TypeError, ArithmeticError, Exception");
    let msg = "";
    if (exc.k === "call") {
      if (exc.args.length > 1 || exc.kwargs.length) this.fail(exc.pos, "an exception takes one message");
      if (exc.args[0]) msg = this.stringLiteral(exc.args[0], "the exception's message");
    }
    this.out.push({ k: "throw", cls, msg, loc: { line: at.line, column: at.column } });
  }

  private returnStmt(x: PyExpr | undefined, at: Pos): void {
    if (!x || x.k === "none") {
      this.sawVoidReturn = true;
      this.out.push({ k: "return", x: null });
      return;
    }
    this.sawValueReturn = true;
    let v = this.expr(x);
    if (v.k === "tuple") {
      // Scalars pinned now; arrays (views and lazy values copied into fresh ones) by variable.
      const items = v.items.map((it) => {
        if (it.k === "scalar") return this.pin(it.e, "r");
        if (it.k === "array" || it.k === "lazy") return ref(this.np.materialize(it));
        return this.fail(x.pos, "a returned tuple holds numbers and arrays");
      });
      // The tuple's item types join over every return (and over lowering rounds, through `types`).
      const known = this.types.get(TUPLE_RETURN) as { items: TupleItem[] } | undefined;
      const joined = joinTuple(this.tuple ?? known, { items: items.map((e) => e.type as TupleItem) });
      if (!joined) this.fail(x.pos, "every return must give a tuple of the same length and kinds of items", undefined, "NB205");
      if (!known || !samePy({ k: "tuple", items: known.items }, { k: "tuple", items: joined!.items })) {
        this.types.set(TUPLE_RETURN, { k: "tuple", items: joined!.items });
        this.changed = true;
      }
      this.tuple = joined;
      const arr = this.temp("ret", { kind: "array", dtype: "f64", ndim: 1, nd: true });
      this.out.push(...packTuple(this, items.map((e, i) => (isArray(e.type) ? e : coerce(e, joined!.items[i] as ScalarType))), arr));
      this.noteReturn(arr.type as ArrayType, at);
      this.out.push({ k: "return", x: ref(arr) });
      return;
    }
    if (v.k === "lazy") v = { k: "array", r: wholeArray(materialize(this, v.el, this.np.dtypeOfLazy(v.el), "ret")) };
    if (v.k === "array") {
      const base = isWhole(v.r) ? v.r.base : materialize(this, fromRef(v.r, this.loc), baseType(v.r).dtype, "ret");
      this.noteReturn(base.type as ArrayType, at);
      this.out.push({ k: "return", x: ref(base) });
      return;
    }
    if (v.k !== "scalar") return this.fail(x.pos, `a function can return numbers, arrays and tuples of numbers, not ${v.k === "global" ? "a module or function" : v.k}`);
    const t = this.noteReturn(v.e.type as ScalarType, at) as ScalarType;
    this.out.push({ k: "return", x: coerce(v.e, t) });
  }

  private noteReturn(t: ScalarType | ArrayType, at: Pos): PyType {
    return this.widen(RETURN, t, at);
  }

  private assign(targets: PyExpr[], value: PyExpr, at: Pos): void {
    if (targets.length === 1 && targets[0]!.k === "name" && value.k === "call" && value.fn.k === "attr" && value.fn.attr === "array") {
      const fn = this.expr(value.fn);
      if (fn.k === "global" && fn.path === "numba.cuda.shared.array") return void sharedArray(this, targets[0]!.id, value, this.depth === 1 && this.loops.length === 0);
    }
    // Simple cases without temporaries: one target; `a, b = x, y` needs the right side evaluated first.
    let v = this.expr(value);
    if (targets.length > 1 && v.k === "scalar") v = { k: "scalar", e: this.spill(v.e, "v") };
    for (const t of targets) this.assignTo(t, v, at);
  }

  assignTo(t: PyExpr, v: Val, at: Pos): void {
    switch (t.k) {
      case "name": return this.assignName(t.id, v, t.pos);
      case "tuple": case "list": {
        const items = this.unpack(v, t.elts.length, t.pos);
        // Evaluate every right-hand item before any assignment (`a, b = b, a`).
        const pinned = items.map((it) => (it.k === "scalar" ? { k: "scalar", e: this.pin(it.e, "u") } as Val : it));
        t.elts.forEach((el, i) => this.assignTo(el, pinned[i]!, at));
        return;
      }
      case "subscript": return this.np.storeSubscript(t, v);
      case "attr": return this.fail(t.pos, "assigning to an attribute is not supported");
      default: return this.fail(t.pos, "cannot assign to this expression");
    }
  }

  unpack(v: Val, n: number, at: Pos): Val[] {
    if (v.k === "tuple") {
      if (v.items.length !== n) this.fail(at, `cannot unpack ${v.items.length} values into ${n} names`, undefined, "NB200");
      return v.items;
    }
    if (v.k === "array" && v.r.shape.length === 1) return Array.from({ length: n }, (_, i) => this.np.index(v, [{ k: "num", value: i, int: true, text: String(i), pos: at }], at));
    return this.fail(at, `cannot unpack ${v.k === "scalar" ? "a number" : "this value"} into ${n} names`);
  }

  private augassign(target: PyExpr, op: string, value: PyExpr, at: Pos): void {
    if (target.k === "name") {
      const cur = this.readName(target.id, target.pos);
      const rhs = this.expr(value);
      if (cur.k === "array" && (rhs.k === "array" || rhs.k === "lazy" || rhs.k === "scalar")) {
        // A += B updates A in place (NumPy's in-place operators).
        return this.np.updateInPlace(cur.r, op, rhs, at);
      }
      return this.assignName(target.id, this.binop(op, cur, rhs, at), target.pos);
    }
    if (target.k === "subscript") return this.np.augStore(target, op, value, at);
    this.fail(target.pos, `'${op}=' on this target is not supported`);
  }

  // ---- for loops ----------------------------------------------------------------------------------

  private forStmt(s: Extract<PyStmt, { k: "for" }>): void {
    const it = s.iter;
    const callee = it.k === "call" ? this.expr(it.fn) : undefined;
    const path = callee?.k === "global" ? callee.path : undefined;
    if (it.k === "call" && (path === "builtins.range" || path === "numba.prange")) {
      if (s.target.k !== "name") this.fail(s.target.pos, "the target of a range loop is one name");
      return this.rangeLoop(s, it.args, path === "numba.prange", it.pos);
    }
    if (it.k === "call" && path === "builtins.enumerate") return this.np.enumerateLoop(s, it);
    if (it.k === "call" && path === "builtins.zip") return this.np.zipLoop(s, it);
    const v = this.expr(it);
    if (v.k === "array" || v.k === "lazy") return this.np.elementLoop(s, v);
    this.fail(it.pos, "for loops run over range(...), prange(...), arrays, enumerate(...) and zip(...)");
  }

  private rangeLoop(s: Extract<PyStmt, { k: "for" }>, args: PyExpr[], parallel: boolean, at: Pos): void {
    if (args.length < 1 || args.length > 3) this.fail(at, `range expected 1 to 3 arguments, got ${args.length}`, undefined, "NB202");
    const name = (s.target as { id: string }).id;
    const ints = args.map((a) => this.intArg(a, "range"));
    let [start, stop, step] = ints.length === 1 ? [I(0), ints[0]!, I(1)] : [ints[0]!, ints[1]!, ints[2] ?? I(1)];
    // Python evaluates range's arguments once: variables the body assigns are copied.
    const body0 = s.body;
    const once = (e: Expr, n: string) => (e.k === "var" && this.isUserVar(e.v) && !this.assignedIn(body0, e.v.name) ? e : this.pin(e, n));
    start = once(start, "start");
    stop = once(stop, "stop");
    const direct = !this.assignedIn(s.body, name) && !usedOutside(this.def.body, s, name);
    const counter = direct ? this.variable(name, s.target.pos) : this.temp(name, "int");
    if (direct) this.widen(name, "int", s.target.pos);
    const frame = this.frame();
    const pre: Stmt[] = direct ? [] : [{ k: "assign", v: this.variable(name, s.target.pos), x: coerce(ref(counter), (this.widen(name, "int", s.target.pos)) as ScalarType) }];
    if (step.k === "const") {
      const k = step.value as number;
      if (k === 0) this.fail(args[2]!.pos, "range() arg 3 must not be zero");
      if (k > 0 && (start.k === "prop" || (start.k === "const" && (start.value as number) >= 0))) this.upCounters.add(counter);
      if (parallel) this.prangeAt.set(frame.label, at);
      const body = this.withLoop(frame, () => this.block(s.body));
      this.out.push({ k: "for", label: frame.label, v: counter, start, end: stop, step: k, cmp: k > 0 ? "lt" : "gt", body: [...pre, ...body], parallel });
      return;
    }
    // A step known only at run time: count the iterations (Python's len(range)), then walk them.
    if (parallel) this.fail(args[2]!.pos, "prange needs a constant step");
    const st = this.spill(step, "step");
    this.out.push({ k: "if", c: { k: "binary", op: "eq", a: st, b: I(0), type: "bool" }, then: [this.raise("ValueError", "range() arg 3 must not be zero")], else: [] });
    const n = this.temp("trip", "int"), k = this.temp("k", "int");
    const span = (a: Expr, b: Expr): Expr => ({ k: "binary", op: "sub", a, b, type: "int" });
    // len = (stop - start + step - sign(step)) // step when positive, else 0
    const up = intFloorDiv({ k: "binary", op: "add", a: span(stop, start), b: { k: "binary", op: "sub", a: st, b: I(1), type: "int" }, type: "int" }, st);
    const down = intFloorDiv({ k: "binary", op: "add", a: span(stop, start), b: { k: "binary", op: "add", a: st, b: I(1), type: "int" }, type: "int" }, st);
    const raw = { k: "cond", c: { k: "binary", op: "gt", a: st, b: I(0), type: "bool" }, a: up, b: down, type: "int" } as Expr;
    this.out.push({ k: "assign", v: n, x: raw });
    const at0: Stmt = { k: "assign", v: counter, x: { k: "binary", op: "add", a: start, b: { k: "binary", op: "mul", a: ref(k), b: st, type: "int" }, type: "int" } };
    const body = this.withLoop(frame, () => this.block(s.body));
    this.out.push({ k: "for", label: frame.label, v: k, start: I(0), end: ref(n), step: 1, cmp: "lt", body: [at0, ...pre, ...body], parallel: false });
  }

  /** `for target in <n items>`: a hidden counter k from 0 to n; `bind(k)` assigns the targets at the top of the body. */
  countedLoop(s: Extract<PyStmt, { k: "for" }>, n: Expr, bind: (k: Expr) => void): void {
    const k = this.temp("k", "int");
    const end = this.spill(n, "n");
    const frame = this.frame();
    const pre = this.collect(() => bind(ref(k)));
    const body = this.withLoop(frame, () => this.block(s.body));
    this.out.push({ k: "for", label: frame.label, v: k, start: I(0), end, step: 1, cmp: "lt", body: [...pre, ...body], parallel: false });
  }

  private assignedIn(body: PyStmt[], name: string): boolean {
    return (assignmentCounts(body).get(name) ?? 0) > 0;
  }

  intArg(a: PyExpr, what: string): Expr {
    const v = this.expr(a);
    if (v.k !== "scalar" || v.e.type === "f64") this.fail(a.pos, `${what}() takes integers${v.k === "scalar" ? ", got a float" : ""}`, "convert with int(...)", "NB200");
    return coerce(v.e, "int");
  }

  /** A pure form of `e` (a constant, a variable or an array property), spilling it into a temporary if needed. */
  spill(e: Expr, name: string): Expr {
    if (e.k === "const" || e.k === "prop" || e.k === "var") return e;
    const t = this.temp(name, e.type as ScalarType);
    this.out.push({ k: "assign", v: t, x: e });
    return ref(t);
  }

  /** `e`'s value now, even if it reads a variable that is assigned later (`a, b = b, a`). */
  pin(e: Expr, name: string): Expr {
    if (e.k === "const" || e.k === "prop" || (e.k === "var" && !this.isUserVar(e.v))) return e;
    const t = this.temp(name, e.type as ScalarType);
    this.out.push({ k: "assign", v: t, x: e });
    return ref(t);
  }

  private isUserVar(v: Var): boolean {
    return this.vars.get(v.name) === v;
  }

  // ---- expressions --------------------------------------------------------------------------------

  condition(e: PyExpr): Expr {
    const v = this.expr(e);
    if (v.k !== "scalar") this.fail(e.pos, "the truth value of an array is ambiguous", "use a.any() / a.all() or compare elements", "NB200");
    return truth(v.e);
  }

  scalar(e: PyExpr, what = "a number"): Expr {
    const v = this.expr(e);
    if (v.k !== "scalar") this.fail(e.pos, `expected ${what} here`, undefined, "NB200");
    return v.e;
  }

  expr(e: PyExpr): Val {
    const saved = this.here;
    this.here = e.pos;
    try { return this.exprInner(e); } finally { this.here = saved; }
  }

  private exprInner(e: PyExpr): Val {
    switch (e.k) {
      case "num": return { k: "scalar", e: this.number(e) };
      case "bool": return { k: "scalar", e: { k: "const", type: "bool", value: e.value } };
      case "none": return { k: "none" };
      case "str": return { k: "str", s: e.value };
      case "name": return this.readName(e.id, e.pos);
      case "tuple": return { k: "tuple", items: this.operands(e.elts) };
      case "list": return { k: "tuple", items: this.operands(e.elts) };
      case "attr": return this.attribute(e);
      case "subscript": {
        const obj = this.expr(e.obj);
        return this.np.index(obj, e.items, e.pos);
      }
      case "call": return this.call(e);
      case "binop": {
        const [a, b] = this.operands([e.a, e.b]);
        return this.binop(e.op, a!, b!, e.pos);
      }
      case "unary": return this.unary(e.op, e.x, e.pos);
      case "boolop": return this.boolop(e);
      case "compare": return this.compare(e);
      case "ifexp": return this.ifexp(e);
      case "slice": return this.fail(e.pos, "a slice is only valid inside [ ]");
    }
  }

  /** Int literals beyond 2^53 (64-bit constants in hashes and generators) are built from two exact halves. */
  private number(e: Extract<PyExpr, { k: "num" }>): Expr {
    if (!e.int) return F(e.value);
    if (Number.isSafeInteger(e.value)) return I(e.value);
    const big = BigInt(e.text);
    if (big >= 1n << 64n) this.fail(e.pos, "integer literal too large for int64", undefined, "NB200");
    const signed = big >= 1n << 63n ? big - (1n << 64n) : big;
    const hi = signed >> 32n, lo = signed - (hi << 32n);
    return { k: "binary", op: "add", a: { k: "binary", op: "mul", a: I(Number(hi)), b: I(2 ** 32), type: "int" }, b: I(Number(lo)), type: "int" };
  }

  /** Lowers operands left to right; an operand whose lowering emitted statements pushes earlier ones with effects into temporaries. */
  operands(es: readonly PyExpr[]): Val[] {
    const vals: Val[] = [];
    for (const x of es) {
      const mark = this.out.length;
      const v = this.expr(x);
      if (this.out.length > mark) {
        const moved = this.out.splice(mark);
        for (let i = 0; i < vals.length; i++) {
          const p = vals[i]!;
          if (p.k === "scalar" && hasEffects(p.e)) vals[i] = { k: "scalar", e: this.spill(p.e, "o") };
        }
        this.out.push(...moved);
      }
      vals.push(v);
    }
    return vals;
  }

  private attribute(e: Extract<PyExpr, { k: "attr" }>): Val {
    const obj = this.expr(e.obj);
    if (obj.k === "global") return this.np.member(obj.path, e.attr, e.pos);
    if (obj.k === "array" || obj.k === "lazy") return this.np.arrayAttribute(obj, e.attr, e.pos);
    return this.fail(e.pos, `attribute '${e.attr}' is not supported here`);
  }

  /** ((0 op x0) op x1) ...: Python's sum() over a tuple. */
  binopAll(op: string, items: readonly Val[], at: Pos): Val {
    return items.reduce<Val>((acc, x) => this.binop(op, acc, x, at), { k: "scalar", e: I(0) });
  }

  binop(op: string, a: Val, b: Val, at: Pos): Val {
    if (op === "@") return this.np.matmul(a, b, at);
    if (a.k !== "scalar" || b.k !== "scalar") return this.np.elementwiseBinop(op, a, b, at);
    return { k: "scalar", e: this.scalarBinop(op, a.e, b.e, at) };
  }

  /** Python's arithmetic on two scalars (operators.ts). In `elementwise` mode (arrays), division by zero follows NumPy instead of raising. */
  scalarBinop(op: string, a: Expr, b: Expr, at: Pos, elementwise = false): Expr {
    return scalarBinop(this, op, a, b, at, elementwise);
  }

  private unary(op: "-" | "+" | "~" | "not", x: PyExpr, at: Pos): Val {
    const v = this.expr(x);
    if (v.k !== "scalar") {
      if (op === "-" || op === "+") return this.np.elementwiseUnary(op, v, at);
      this.fail(at, `'${op}' on an array is not supported`);
    }
    const e = v.e;
    if (op === "not") return { k: "scalar", e: not(truth(e)) };
    if (op === "+") return { k: "scalar", e: coerce(e, e.type === "bool" ? "int" : (e.type as ScalarType)) };
    if (op === "~") return { k: "scalar", e: { k: "binary", op: "sub", a: { k: "unary", op: "neg", x: coerce(e, "int"), type: "int" }, b: I(1), type: "int" } };
    const n = e.type === "bool" ? coerce(e, "int") : e;
    if (n.k === "const") return { k: "scalar", e: { k: "const", type: n.type, value: -(n.value as number) } };
    return { k: "scalar", e: { k: "unary", op: "neg", x: n, type: n.type as ScalarType } };
  }

  /** `a and b` / `a or b` return an operand (not a bool), evaluating `b` only when needed. */
  private boolop(e: Extract<PyExpr, { k: "boolop" }>): Val {
    const a = this.scalar(e.a);
    let bExpr: Expr | undefined;
    const bStmts = this.collect(() => { bExpr = this.scalar(e.b); });
    const t: ScalarType = a.type === bExpr!.type ? (a.type as ScalarType) : arith(a.type as ScalarType, bExpr!.type as ScalarType);
    const ta = this.spill(coerce(a, t), "l");
    const b = coerce(bExpr!, t);
    const takeB = e.op === "and" ? truth(ta) : not(truth(ta));
    if (bStmts.length === 0) return { k: "scalar", e: { k: "cond", c: takeB, a: b, b: ta, type: t } };
    const r = this.temp("l", t);
    this.out.push({ k: "assign", v: r, x: ta }, { k: "if", c: takeB, then: [...bStmts, { k: "assign", v: r, x: b }], else: [] });
    return { k: "scalar", e: ref(r) };
  }

  /** `a < b <= c`: each middle operand is evaluated once; later comparisons run only while earlier ones hold. */
  private compare(e: Extract<PyExpr, { k: "compare" }>): Val {
    const first = this.expr(e.operands[0]!);
    if (first.k !== "scalar" || e.ops.length === 1) {
      const second = this.operands([e.operands[1]!])[0]!;
      if (first.k !== "scalar" || second.k !== "scalar") {
        if (e.ops.length > 1) this.fail(e.pos, "chained comparisons of arrays are not supported");
        return this.np.elementwiseCompare(e.ops[0]!, first, second, e.pos);
      }
      return { k: "scalar", e: this.compare2(e.ops[0]!, first.e, second.e, e.pos) };
    }
    let left = this.spill(first.e, "c");
    const result = this.temp("cmp", "bool");
    // r = a < b; if r: r = b <= c; ...
    const build = (i: number): Stmt[] => this.collect(() => {
      const rightV = this.scalar(e.operands[i + 1]!);
      const right = i + 1 < e.ops.length ? this.spill(rightV, "c") : rightV;
      this.out.push({ k: "assign", v: result, x: this.compare2(e.ops[i]!, left, right, e.pos) });
      left = right;
      if (i + 1 < e.ops.length) this.out.push({ k: "if", c: ref(result), then: build(i + 1), else: [] });
    });
    this.out.push(...build(0));
    return { k: "scalar", e: ref(result) };
  }

  compare2(op: string, a: Expr, b: Expr, at: Pos): Expr {
    const ops: Record<string, "eq" | "ne" | "lt" | "le" | "gt" | "ge"> = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge", is: "eq", "is not": "ne" };
    const o = ops[op];
    if (!o) return this.fail(at, `the comparison '${op}' is not supported`, undefined, "NB106");
    if (a.type === "bool" && b.type === "bool") return { k: "binary", op: o, a, b, type: "bool" };
    const t = arith(a.type as ScalarType, b.type as ScalarType);
    return { k: "binary", op: o, a: coerce(a, t), b: coerce(b, t), type: "bool" };
  }

  private ifexp(e: Extract<PyExpr, { k: "ifexp" }>): Val {
    const c = this.condition(e.c);
    let a: Val | undefined, b: Val | undefined;
    const sa = this.collect(() => { a = this.expr(e.a); });
    const sb = this.collect(() => { b = this.expr(e.b); });
    if (a!.k !== "scalar" || b!.k !== "scalar") this.fail(e.pos, "a conditional expression must give numbers on both sides");
    const ae = (a as { e: Expr }).e, be = (b as { e: Expr }).e;
    const t: ScalarType = ae.type === be.type ? (ae.type as ScalarType) : arith(ae.type as ScalarType, be.type as ScalarType);
    if (!sa.length && !sb.length) return { k: "scalar", e: { k: "cond", c, a: coerce(ae, t), b: coerce(be, t), type: t } };
    const r = this.temp("ifx", t);
    this.out.push({ k: "if", c, then: [...sa, { k: "assign", v: r, x: coerce(ae, t) }], else: [...sb, { k: "assign", v: r, x: coerce(be, t) }] });
    return { k: "scalar", e: ref(r) };
  }

  // ---- calls --------------------------------------------------------------------------------------

  private call(e: Extract<PyExpr, { k: "call" }>): Val {
    // Methods of arrays: A.sum(), A.copy(), ...
    if (e.fn.k === "attr") {
      const obj = this.expr(e.fn.obj);
      if (obj.k === "array" || obj.k === "lazy") return this.np.method(obj, e.fn.attr, e);
      if (obj.k !== "global") this.fail(e.fn.pos, `'.${e.fn.attr}(...)' is not supported on this value`);
      const member = this.np.member(obj.path, e.fn.attr, e.fn.pos);
      if (member.k !== "global") this.fail(e.fn.pos, `'${e.fn.attr}' is not callable`);
      return this.callGlobal(member.path, e);
    }
    const fn = this.expr(e.fn);
    if (fn.k !== "global") return this.fail(e.fn.pos, "only functions can be called");
    return this.callGlobal(fn.path, e);
  }

  private callGlobal(path: string, e: Extract<PyExpr, { k: "call" }>): Val {
    if (path.startsWith("def.")) return this.callSibling(path.slice(4), e);
    if (path.startsWith("math.")) return mathCall(this, path.slice(5), e);
    if (path.startsWith("builtins.")) return builtin(this, path.slice(9), e);
    if (path.startsWith("numpy.")) return this.np.call(path.slice(6), e);
    if (path === "numba.prange") return this.fail(e.pos, "prange(...) is only valid as the iterable of a for loop");
    if (path.startsWith("numba.cuda.")) return cudaCall(this, path.slice("numba.cuda.".length), e);
    return this.fail(e.pos, `'${path}' is not supported in numbat's Python subset`, "docs/python.md lists the supported functions", "NB104");
  }

  private callSibling(name: string, e: Extract<PyExpr, { k: "call" }>): Val {
    noKwargs(this, e, name);
    const callee = this.siblings(name);
    const args = this.operands(e.args).map((v, i) => {
      if (v.k === "scalar") return v.e;
      if (v.k === "array") return ref(isWhole(v.r) ? v.r.base : materialize(this, fromRef(v.r, this.loc), baseType(v.r).dtype));
      if (v.k === "lazy") return ref(materialize(this, v.el, this.np.dtypeOfLazy(v.el)));
      return this.fail(e.args[i]!.pos, "functions take numbers and arrays");
    });
    const types = args.map((a) => a.type);
    const ir = this.env.resolveCallee(callee, types, (detail, help, code) => this.fail(e.pos, detail, help, code ?? "NB104"));
    if (!this.callees.includes(ir)) this.callees.push(...ir.callees.filter((c) => !this.callees.includes(c)), ir);
    const call: Expr = { k: "call", fn: ir, args: args.map((a, i) => (isArray(ir.params[i]!.type) ? a : coerce(a, ir.params[i]!.type as ScalarType))), type: ir.ret, loc: this.loc };
    if (ir.ret === "void") {
      this.out.push({ k: "expr", x: call });
      return { k: "none" };
    }
    if (isArray(ir.ret)) {
      const t = this.temp("call", ir.ret);
      this.out.push({ k: "assign", v: t, x: call });
      const tuple = tupleReturnOf(callee, types);
      if (tuple) return { k: "tuple", items: unpackTupleIR(this, t, tuple).map((e) => (isArray(e.type) ? { k: "array", r: wholeArray((e as { v: Var }).v) } : { k: "scalar", e })) };
      return { k: "array", r: wholeArray(t) };
    }
    return { k: "scalar", e: call };
  }
}

export function not(e: Expr): Expr {
  if (e.k === "const" && e.type === "bool") return { k: "const", type: "bool", value: !e.value };
  return { k: "unary", op: "not", x: e, type: "bool" };
}

function hasEffects(e: Expr): boolean {
  switch (e.k) {
    case "call": case "load": case "atomic": return true;
    case "unary": case "cast": return hasEffects(e.x);
    case "binary": return e.op === "mod" || e.op === "div" || hasEffects(e.a) || hasEffects(e.b);
    case "math": return e.args.some(hasEffects);
    case "cond": return hasEffects(e.c) || hasEffects(e.a) || hasEffects(e.b);
    case "logical": return hasEffects(e.a) || hasEffects(e.b);
    default: return false;
  }
}

function joinPy(a: PyType | undefined, b: PyType): PyType | undefined {
  if (a === undefined) return b;
  if (typeof a === "object" && "k" in a && typeof b === "object" && "k" in b) {
    if (a.items.length !== b.items.length) return undefined;
    const items = a.items.map((x, i) => joinPy(x, b.items[i]!));
    return items.some((x) => x === undefined) ? undefined : { k: "tuple", items: items as PyType[] };
  }
  if ((typeof a === "object" && "k" in a) || (typeof b === "object" && "k" in b)) return undefined;
  const ta = a as Type, tb = b as Type;
  if (sameType(ta, tb)) return a;
  if (isScalar(ta) && isScalar(tb)) return ta === "f64" || tb === "f64" ? "f64" : "int";
  return undefined;
}

function samePy(a: PyType, b: PyType): boolean {
  if (typeof a === "object" && "k" in a) return typeof b === "object" && "k" in b && a.items.length === b.items.length && a.items.every((x, i) => samePy(x, b.items[i]!));
  if (typeof b === "object" && "k" in b) return false;
  return sameType(a as Type, b as Type);
}

function describe(t: PyType): string {
  if (typeof t === "object" && "k" in t) return `a tuple of ${t.items.length}`;
  const s = t as Type;
  return s === "f64" ? "a float" : s === "int" ? "an int" : s === "bool" ? "a bool" : `an array (${typeToString(s)})`;
}

/** How many statements assign each name (assignments, augmented assignments, for targets). */
function assignmentCounts(body: readonly PyStmt[]): Map<string, number> {
  const m = new Map<string, number>();
  const add = (t: PyExpr) => {
    if (t.k === "name") m.set(t.id, (m.get(t.id) ?? 0) + 1);
    else if (t.k === "tuple" || t.k === "list") t.elts.forEach(add);
  };
  const visit = (ss: readonly PyStmt[]) => {
    for (const s of ss) {
      if (s.k === "assign") s.targets.forEach(add);
      else if (s.k === "augassign") add(s.target);
      else if (s.k === "for") { add(s.target); visit(s.body); visit(s.orelse); }
      else if (s.k === "while") { visit(s.body); visit(s.orelse); }
      else if (s.k === "if") { visit(s.then); visit(s.else); }
    }
  };
  visit(body);
  return m;
}

/** Is `name` read or written anywhere outside `loop`, other than inside loops that rebind it as their own target? */
function usedOutside(body: readonly PyStmt[], loop: PyStmt, name: string): boolean {
  let used = false;
  const inExpr = (e: PyExpr | undefined): void => {
    if (!e || used) return;
    if (e.k === "name") { if (e.id === name) used = true; return; }
    for (const v of Object.values(e)) {
      if (Array.isArray(v)) v.forEach((x) => { if (x && typeof x === "object" && "k" in x) inExpr(x as PyExpr); else if (x && typeof x === "object" && "value" in x) inExpr((x as { value: PyExpr }).value); });
      else if (v && typeof v === "object" && "k" in v) inExpr(v as PyExpr);
    }
  };
  const visit = (ss: readonly PyStmt[]) => {
    for (const s of ss) {
      if (used) return;
      if (s === loop) continue;
      switch (s.k) {
        case "for":
          inExpr(s.iter);
          if (s.target.k === "name" && s.target.id === name) continue; // rebinds it: its body's uses are its own
          inExpr(s.target); visit(s.body); visit(s.orelse); break;
        case "while": inExpr(s.c); visit(s.body); visit(s.orelse); break;
        case "if": inExpr(s.c); visit(s.then); visit(s.else); break;
        case "assign": s.targets.forEach(inExpr); inExpr(s.value); break;
        case "augassign": inExpr(s.target); inExpr(s.value); break;
        case "expr": inExpr(s.x); break;
        case "return": inExpr(s.x); break;
        case "raise": inExpr(s.exc); break;
        case "assert": inExpr(s.test); break;
      }
    }
  };
  visit(body);
  return used;
}

