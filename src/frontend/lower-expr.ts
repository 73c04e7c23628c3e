// Expression lowering (for lower.ts): operands left to right with their side effects spilled in
// order, JS's numeric coercions made explicit as casts, array element access and properties, calls
// of jitted functions, Math.* / Number.* functions, allocations and GPU kernel intrinsics.

import type { Node } from "./parse.js";
import type { BinaryOp, Expr, MathFn, Stmt, Var } from "../ir/nodes.js";
import { CONSTANTS, MATH_FNS } from "../ir/math.js";
import { GPU_ATOMICS, GPU_AXES, GPU_INDEX } from "./gpu.js";
import { describeValue, memberOf } from "./resolve.js";
import {
  type ArrayType, type ScalarType, type Type, arrayType, dtypeOfCtorName, dtypeOfUserName, elemType,
  isArray, isScalar, joinTypes, typeToString,
} from "../ir/types.js";
import { type Binding, constInt, containsEffects, not, varRef } from "./lower-state.js";
import { RangeLowering } from "./lower-ranges.js";
import * as R from "./ranges.js";

const BUILTIN_ALLOC = new Set(["zeros", "ones", "empty"]);
const TYPED_ARRAY_CTORS = new Set(["Float64Array", "Float32Array", "Int32Array", "Uint32Array", "Int16Array", "Uint16Array", "Int8Array", "Uint8Array", "Uint8ClampedArray"]);
const INT_LIMIT = 2 ** 53;

/** Expressions; the statement lowering that subclasses this provides assignments and updates. */
export abstract class ExprLowering extends RangeLowering {
  protected abstract assign(n: Node, wantValue: boolean): Expr | null;
  protected abstract update(n: Node, wantValue: boolean): Expr | null;
  protected abstract effect(n: Node): void;
  protected abstract storeWith(arr: Var, idx: Expr[], op: string, rhsNode: Node, n: Node, wantValue: boolean): Expr | null;

  /**
   * A size or a loop bound as an int. A float (an integer argument beyond ±2^26 is one) converts like
   * an index: a non-integral size gives -1, which allocation rejects with a RangeError as JS does; a
   * prange bound rounds towards the iterations JS performs (`i < 2.5` runs while `i < 3`).
   */
  protected coerceInt(e: Expr, node: Node, round?: "ceil" | "floor"): Expr {
    if (e.type === "int") return e;
    if (e.type === "bool") return { k: "cast", op: "b2i", x: e, type: "int" };
    if (e.type === "f64") return { k: "cast", op: "f2idx", x: round ? { k: "math", fn: round, args: [e], type: "f64" } : e, type: "int" };
    this.fail("NB200", node, `expected an integer here, got ${typeToString(e.type)}`, "convert explicitly, e.g. Math.floor(x) | 0");
  }

  protected spillIfNeeded(e: Expr, name: string): Expr {
    if (e.k === "const" || (e.k === "var" && !this.isMutable(e.v))) return e;
    return name === "idx" ? this.indexTemp(name, e) : varRef(this.setTemp(name, e));
  }

  protected isMutable(v: Var): boolean {
    return !this.temps.has(v);
  }

  // ---- expressions ------------------------------------------------------------------------------

  protected readVar(b: Binding, node: Node): Expr {
    this.checkAssigned(b.v, node);
    return { k: "var", v: b.v, type: this.types.get((b.v as Var & { key: string }).key) ?? b.v.type };
  }

  /** Lowers operands left to right; if a later operand has side effects, earlier ones are spilled first. */
  protected operands(nodes: Node[]): Expr[] {
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

  protected literal(n: Node): Expr {
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

  protected identifier(n: Node): Expr {
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
      return this.fail("NB103", n, `'${name}' is ${describeValue(v)} in the scope this function was defined in; kernels read numbers, booleans and arrays of numbers from outside (and call functions)`,
        typeof v === "function" ? `call '${name}' rather than passing it around` : `pass what the kernel needs from '${name}' as an argument`);
    }
    return this.fail("NB103", n, `'${name}' is not defined in this function`,
      `numbat cannot see variables from the enclosing scope; pass it as an argument or with jit(fn, { scope: { ${name} } })`);
  }

  /** Converts `e` to scalar type `t` (int -> f64, bool -> int/f64, number -> bool). */
  coerce(e: Expr, t: ScalarType, node: Node): Expr {
    if (e.type === t) return e;
    if (isArray(e.type) || e.type === "void") this.fail("NB200", node, `expected a ${t === "bool" ? "boolean" : "number"}, got ${typeToString(e.type)}`);
    if (t === "bool") return { k: "cast", op: "truthy", x: e, type: "bool" };
    if (t === "f64") return this.exactF64(e);
    // to int
    if (e.type === "bool") return { k: "cast", op: "b2i", x: e, type: "int" };
    this.fail("NB200", node, `expected an integer, got a float`, "convert explicitly with Math.floor(x) (or x | 0)");
  }

  protected condition(n: Node): Expr {
    // As a condition, `a && b` only needs its operands' truthiness, so numbers and booleans may mix.
    if (n.type === "LogicalExpression" && n.operator !== "??") {
      const a = this.condition(n.left);
      const saved = this.takeOut();
      const b = this.condition(n.right);
      const effects = this.takeOut();
      this.out = saved;
      const op = n.operator === "&&" ? "and" : "or";
      if (!effects.length) return { k: "logical", op, a, b, type: "bool" };
      const tmp = this.temp("t", "bool");
      this.out.push({ k: "assign", v: tmp, x: a });
      this.out.push({ k: "if", c: op === "and" ? varRef(tmp) : not(varRef(tmp)), then: [...effects, { k: "assign", v: tmp, x: b }], else: [] });
      return varRef(tmp);
    }
    const e = this.expr(n);
    return this.coerce(e, "bool", n);
  }

  protected numeric(e: Expr, node: Node): Expr {
    if (e.type === "bool") return { k: "cast", op: "b2i", x: e, type: "int" };
    if (!isScalar(e.type)) this.fail("NB200", node, `expected a number, got ${typeToString(e.type)}`);
    return e;
  }

  protected binary(op: string, a0: Expr, b0: Expr, n: Node): Expr {
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
    if (op === "**") {
      // Constants fold with the engine's own `**` (so `2 ** 40` is exact on every target).
      if (a.k === "const" && b.k === "const") return numberConst((a.value as number) ** (b.value as number));
      return { k: "math", fn: "pow", args: [this.coerce(a, "f64", n), this.coerce(b, "f64", n)], type: "f64" };
    }
    if (!(op in arith)) this.fail("NB106", n, `operator '${op}' is not supported`);
    // Ints only where the result is provably an exact int (ranges.ts); otherwise JS's double arithmetic.
    const exact = op !== "/" && a.type === "int" && b.type === "int" && this.exactInt(arith[op] as "add", a, b);
    const t: ScalarType = exact ? "int" : "f64";
    return { k: "binary", op: arith[op]!, a: this.coerce(a, t, n), b: this.coerce(b, t, n), type: t, loc: this.loc(n) };
  }

  protected toInt32(e: Expr): Expr {
    return e.type === "int" ? e : { k: "cast", op: "f2i32", x: e, type: "int" };
  }

  protected unary(n: Node): Expr {
    const op = n.operator;
    if (op === "-" && n.argument.type === "Literal" && n.argument.value === 0) return { k: "const", type: "f64", value: -0 };
    if (op === "typeof" || op === "void" || op === "delete") this.fail("NB106", n, `'${op}' is not supported in kernels`);
    const x = this.expr(n.argument);
    if (op === "!") return { k: "unary", op: "not", x: this.coerce(x, "bool", n.argument), type: "bool" };
    const num = this.numeric(x, n.argument);
    if (op === "+") return num;
    if (op === "-") {
      if (num.k === "const" && typeof num.value === "number") return { k: "const", type: num.value === 0 ? "f64" : (num.type as ScalarType), value: -num.value };
      return { k: "unary", op: "neg", x: num, type: num.type as ScalarType };
    }
    if (op === "~") return { k: "unary", op: "bitnot", x: this.toInt32(num), type: "int" };
    return this.fail("NB106", n, `operator '${op}' is not supported`);
  }

  /** Lazy operand lowering: effects of `b` must only happen when `b` is evaluated. */
  protected lazy(n: Node): { e: Expr; effects: Stmt[] } {
    const saved = this.takeOut();
    const e = this.maybeRuns(() => this.expr(n));
    const effects = this.takeOut();
    this.out = saved;
    return { e, effects };
  }

  protected logical(n: Node): Expr {
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
    // A temporary holding an int that may be -0 is a float (temporaries have no later round).
    if (effects.length && t === "int" && this.mayBeNegZero(a0, b0)) t = "f64";
    const a = this.coerce(a0, t, n.left);
    const b = this.coerce(b0, t, n.right);
    if (!effects.length) return { k: "logical", op, a, b, type: t };
    const tmp = this.temp("t", t);
    if (t === "int") this.noteRange(tmp, R.join(this.rangeOf(a), this.rangeOf(b)));
    this.out.push({ k: "assign", v: tmp, x: a });
    const test: Expr = this.coerce(varRef(tmp), "bool", n);
    const evalB: Stmt[] = [...effects, { k: "assign", v: tmp, x: b }];
    this.out.push({ k: "if", c: op === "and" ? test : not(test), then: evalB, else: [] });
    return varRef(tmp);
  }

  protected conditional(n: Node): Expr {
    const c = this.condition(n.test);
    const A = this.lazy(n.consequent), B = this.lazy(n.alternate);
    let t: Type | undefined = joinTypes(A.e.type, B.e.type);
    if (t === undefined || !isScalar(t)) {
      if (t !== undefined && isArray(t)) this.fail("NB101", n, "a ternary choosing between arrays is not supported", "use if / else with an array variable");
      this.fail("NB200", n, `the branches give a ${typeToString(A.e.type)} and a ${typeToString(B.e.type)}`);
    }
    const effects = A.effects.length > 0 || B.effects.length > 0;
    if (effects && t === "int" && this.mayBeNegZero(A.e, B.e)) t = "f64";
    const a = this.coerce(A.e, t, n.consequent), b = this.coerce(B.e, t, n.alternate);
    if (!effects) return { k: "cond", c, a, b, type: t };
    const tmp = this.temp("t", t);
    if (t === "int") this.noteRange(tmp, R.join(this.rangeOf(a), this.rangeOf(b)));
    this.out.push({ k: "if", c, then: [...A.effects, { k: "assign", v: tmp, x: a }], else: [...B.effects, { k: "assign", v: tmp, x: b }] });
    return varRef(tmp);
  }

  // ---- arrays -----------------------------------------------------------------------------------

  protected arrayVar(n: Node): Var {
    // Unsupported expressions (this, calls, ...) get their own, more specific error.
    if (n.type !== "Identifier" && n.type !== "MemberExpression") this.expr(n);
    if (n.type !== "Identifier") this.fail("NB204", n, `'${this.snippet(n)}' must be an array variable here`, "assign it to a local first");
    const b = this.lookup(n.name);
    if (!b) return this.identifier(n) as never;
    const t = this.readVar(b, n).type;
    if (!isArray(t)) this.fail("NB204", n, `'${n.name}' is a ${typeToString(t)}, not an array`);
    return b.v;
  }

  protected arrayProp(arr: Var, prop: "shape" | "stride" | "length" | "offset" | "size", dim: number): Expr {
    return { k: "prop", arr, prop, dim, type: "int" };
  }

  protected indices(arr: Var, nodes: Node[], at: Node): Expr[] {
    const t = arr.type as ArrayType;
    if (nodes.length !== t.ndim)
      this.fail("NB201", at, `'${arr.name}' has ${t.ndim} dimension${t.ndim === 1 ? "" : "s"} but ${nodes.length} ind${nodes.length === 1 ? "ex was" : "ices were"} given`);
    return this.operands(nodes).map((e, i) => this.index(e, nodes[i]!));
  }

  protected index(e: Expr, node: Node): Expr {
    if (e.type === "int") return e;
    if (e.type === "f64") return { k: "cast", op: "f2idx", x: e, type: "int" };
    return this.fail("NB200", node, `an index must be a number, got ${typeToString(e.type)}`);
  }

  protected member(n: Node): Expr {
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
      if (obj.type === "Identifier" && !this.lookup(obj.name) && Object.prototype.hasOwnProperty.call(this.env.scope, obj.name)) return this.outerMember(n, obj.name, prop);
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

  /** `M.prop` where M is a value from the enclosing scopes (a module object, a function with properties). */
  private outerMember(n: Node, objName: string, prop: string): Expr {
    const m = memberOf(this.env.scope[objName], prop);
    const v = m?.value;
    if (typeof v === "number") return { k: "const", type: Number.isInteger(v) && Math.abs(v) <= INT_LIMIT && !Object.is(v, -0) ? "int" : "f64", value: v };
    if (typeof v === "boolean") return { k: "const", type: "bool", value: v };
    return this.fail("NB103", n, m ? `'${objName}.${prop}' is ${describeValue(v)}; kernels read numbers and booleans from outside objects` : `'${objName}' (${describeValue(this.env.scope[objName])}) has no property '${prop}' that a kernel can read`,
      "assign the number to a module-level constant, or pass it as an argument");
  }

  // ---- calls ------------------------------------------------------------------------------------

  /** A call; `A.set(...)` as a statement returns null (no value needed). */
  protected call(n: Node, wantValue: true): Expr;
  protected call(n: Node, wantValue: boolean): Expr | null;
  protected call(n: Node, wantValue: boolean): Expr | null {
    const callee = n.callee;
    const args = n.arguments as Node[];
    if (args.some((a) => a.type === "SpreadElement")) this.fail("NB104", n, "spread arguments are not supported");
    if (callee.type === "MemberExpression" && !callee.computed) {
      const obj = callee.object, method = callee.property.name as string;
      if (obj.type === "Identifier" && (obj.name === "Math" || obj.name === "Number") && !this.lookup(obj.name)) return this.mathCall(n, obj.name, method, args);
      if (obj.type === "Identifier" && obj.name === "gpu" && !this.lookup("gpu")) return this.gpuCall(n, method, args, wantValue);
      if (obj.type === "Identifier" && !this.lookup(obj.name) && Object.prototype.hasOwnProperty.call(this.env.scope, obj.name)) {
        const m = memberOf(this.env.scope[obj.name], method);
        if (typeof m?.value !== "function") this.fail("NB104", n, `'${obj.name}.${method}' is ${describeValue(m?.value)}, not a function a kernel can call`);
        return this.callValue(n, `${obj.name}.${method}`, m.value, args);
      }
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
    const fromScope = this.lookup(name) ? undefined
      : Object.prototype.hasOwnProperty.call(this.env.scope, name) ? this.env.scope[name]
      : name === this.fn.name ? this.env.self : undefined;
    return this.callValue(n, name, fromScope, args);
  }

  /** A call of `name`, whose value from the enclosing scopes is `fromScope` (undefined: none). */
  private callValue(n: Node, name: string, fromScope: unknown, args: Node[]): Expr {
    const callee = n.callee;
    const builtin = fromScope !== undefined ? this.env.builtinName(fromScope) : BUILTIN_ALLOC.has(name) && !this.lookup(name) ? name : undefined;
    if (builtin?.includes(".")) return this.mathCall(n, builtin.split(".")[0]!, builtin.split(".")[1]!, args);
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
    // A callee's int parameters are small (driver signatures): larger ints, or -0, pass as floats.
    const argExprs = this.operands(args).map((e) => this.calleeArgument(e));
    argExprs.forEach((e, i) => { if (e.type === "void") this.fail("NB200", args[i], "this argument has no value"); });
    const fir = this.env.resolveCallee(fromScope, argExprs.map((e) => e.type), (detail, help, code) => this.fail(code ?? "NB104", n, detail, help));
    if (!this.callees.includes(fir)) {
      for (const c of fir.callees) if (!this.callees.includes(c)) this.callees.push(c);
      this.callees.push(fir);
    }
    // The callee's arrays from its enclosing scopes become this function's too (one parameter per array).
    const bound = fir.bound ?? [];
    const first = fir.params.length - bound.length;
    // Arguments beyond the callee's parameters: JS evaluates and ignores them.
    argExprs.slice(first).forEach((e, i) => {
      if (e.k !== "const" && e.k !== "var") this.fail("NB202", args[first + i], `'${name}' takes ${first} parameter${first === 1 ? "" : "s"}; this extra argument would be computed and ignored`, "remove it");
    });
    const all = [...argExprs.slice(0, first), ...bound.map((value, i) => varRef(this.hiddenParam(value, fir.params[first + i]!.name)!))];
    // Arrays written by the callee are written here too.
    fir.params.forEach((p, i) => {
      const a = all[i]!;
      if (fir.written.has(p) && a.k === "var") this.markWritten(a.v);
    });
    return { k: "call", fn: fir, args: all, type: fir.ret, loc: this.loc(n) };
  }

  protected mathCall(n: Node, owner: string, fnName: string, args: Node[]): Expr {
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
  protected alloc(n: Node, fill: "zeros" | "ones" | "empty", args: Node[]): Expr {
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

  protected requireKernel(n: Node): void {
    if (!this.env.kernel) this.fail("NB121", n, `'${this.snippet(n)}' exists only inside GPU kernels`, "compile the function with kernel(fn, { target }) and launch it over a grid");
  }

  /** `gpu.globalId.x` and the other thread positions. */
  protected gpuIndex(n: Node): Expr {
    this.requireKernel(n);
    const what = n.object.property.name as string, axis = n.computed ? undefined : (n.property.name as string);
    const idx = GPU_INDEX.find((w) => w === what);
    if (n.object.computed || !idx) this.fail("NB121", n.object, `'gpu.${what}' is not a thread position`, `use one of gpu.${GPU_INDEX.join(", gpu.")}`);
    if (axis === undefined || !(axis in GPU_AXES)) this.fail("NB121", n, `'${this.snippet(n)}': pick an axis with .x, .y or .z`);
    return { k: "gpu", what: idx, axis: GPU_AXES[axis as keyof typeof GPU_AXES], type: "int" };
  }

  protected gpuCall(n: Node, method: string, args: Node[], wantValue: boolean): Expr | null {
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
  protected sharedDecl(decl: Node, d: Node): void {
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
  protected constantInt(n: Node): number | undefined {
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

  protected newExpr(n: Node): Expr {
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

/** A number constant: an int when it is one exactly (within ±2^53, not -0), else a float. */
function numberConst(x: number): Expr {
  return { k: "const", type: Number.isInteger(x) && Math.abs(x) <= INT_LIMIT && !Object.is(x, -0) ? "int" : "f64", value: x };
}
