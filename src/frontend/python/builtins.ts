// Python's built-in functions (len, abs, min, max, int, float, bool, round) and the math module,
// lowered with Python's semantics (scalar.ts) for the Python frontend (lower.ts).

import type { Expr, MathFn } from "../../ir/nodes.js";
import type { ScalarType } from "../../ir/types.js";
import type { PyExpr } from "./ast.js";
import { type PyLowering, type Val, isPythonError, not } from "./lower.js";
import { F, I, coerce, floatToInt, pyMax, pyMin, roundHalfEven, truth } from "./scalar.js";

type Call = Extract<PyExpr, { k: "call" }>;

/** An int from a float rounded by `round` (which yields an integral float); NaN and infinities raise ValueError, as Python. */
function finiteToInt(py: PyLowering, x: Expr, round: (s: Expr) => Expr): Expr {
  const s = py.spill(x, "f");
  py.out.push({ k: "if", c: not({ k: "math", fn: "isFinite", args: [s], type: "bool" }), then: [py.raise("ValueError", "cannot convert float NaN or infinity to integer")], else: [] });
  return floatToInt(round(s));
}

export function noKwargs(py: PyLowering, e: Call, name: string): void {
  if (e.kwargs.length) py.fail(e.kwargs[0]!.value.pos, `${name}() takes no keyword arguments here`, undefined, "NB104");
}

export function arity(py: PyLowering, e: Call, name: string, min: number, max = min): void {
  if (e.args.length < min || e.args.length > max)
    py.fail(e.pos, `${name}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, got ${e.args.length}`, undefined, "NB202");
}

/** len, abs, min, max, int, float, bool, round. */
export function builtin(py: PyLowering, name: string, e: Call): Val {
  noKwargs(py, e, name);
  switch (name) {
    case "len": {
      arity(py, e, name, 1);
      const v = py.expr(e.args[0]!);
      if (v.k === "tuple") return { k: "scalar", e: I(v.items.length) };
      if (v.k === "array" || v.k === "lazy") return { k: "scalar", e: (v.k === "array" ? v.r.shape : v.el.shape)[0]! };
      return py.fail(e.pos, "len() takes an array or a tuple");
    }
    case "abs": {
      arity(py, e, name, 1);
      const v = py.expr(e.args[0]!);
      if (v.k !== "scalar") return py.np.elementwiseMath("abs", v, e.pos);
      const x = v.e.type === "bool" ? coerce(v.e, "int") : v.e;
      return { k: "scalar", e: { k: "math", fn: "abs", args: [x], type: x.type as ScalarType } };
    }
    case "min": case "max": {
      if (e.args.length === 1) return py.np.reduction(name, py.expr(e.args[0]!), e.pos);
      if (e.args.length < 2) arity(py, e, name, 2, 99);
      const vals = py.operands(e.args).map((v, i) => (v.k === "scalar" ? v.e : py.fail(e.args[i]!.pos, `${name}() of several arguments takes numbers`)));
      const t = vals.reduce<ScalarType>((t, x) => (t === "f64" || x.type === "f64" ? "f64" : x.type === "bool" && t === "bool" ? "bool" : "int"), vals[0]!.type === "bool" ? "bool" : (vals[0]!.type as ScalarType));
      let acc = py.spill(coerce(vals[0]!, t), "m");
      for (const x of vals.slice(1)) acc = py.spill(name === "max" ? pyMax(acc, py.spill(coerce(x, t), "m")) : pyMin(acc, py.spill(coerce(x, t), "m")), "m");
      return { k: "scalar", e: acc };
    }
    case "int": {
      arity(py, e, name, 1);
      const x = py.scalar(e.args[0]!);
      if (x.type !== "f64") return { k: "scalar", e: coerce(x, "int") };
      return { k: "scalar", e: finiteToInt(py, x, (s) => ({ k: "math", fn: "trunc", args: [s], type: "f64" })) };
    }
    case "float": {
      arity(py, e, name, 1);
      const a = e.args[0]!;
      if (a.k === "str") {
        const m: Record<string, number> = { inf: Infinity, "+inf": Infinity, "-inf": -Infinity, nan: NaN, infinity: Infinity, "-infinity": -Infinity };
        const val = m[a.value.trim().toLowerCase()];
        if (val === undefined) py.fail(a.pos, "float() of a string takes 'inf', '-inf' or 'nan'");
        return { k: "scalar", e: F(val!) };
      }
      return { k: "scalar", e: coerce(py.scalar(a), "f64") };
    }
    case "bool": {
      arity(py, e, name, 1);
      return { k: "scalar", e: truth(py.scalar(e.args[0]!)) };
    }
    case "round": {
      arity(py, e, name, 1);
      const x = py.scalar(e.args[0]!);
      if (x.type !== "f64") return { k: "scalar", e: coerce(x, "int") };
      return { k: "scalar", e: finiteToInt(py, x, roundHalfEven) };
    }
    case "sum": {
      // sum(array) adds from 0 in order, as Python's loop does; sum(tuple) the same over its items.
      arity(py, e, name, 1);
      const v = py.expr(e.args[0]!);
      if (v.k === "tuple") return py.binopAll("+", v.items, e.pos);
      return py.np.reduction("sum", v, e.pos);
    }
    case "range": return py.fail(e.pos, "range(...) is only supported as the iterable of a for loop");
    case "print": return py.fail(e.pos, "print() is not supported inside compiled functions", "return the values and print them outside");
    default:
      if (isPythonError(name)) return py.fail(e.pos, `${name}(...) can only be raised`);
      return py.fail(e.pos, `${name}() is only supported as the iterable of a for loop`);
  }
}

/** The math module. */
export function mathCall(py: PyLowering, name: string, e: Call): Val {
  noKwargs(py, e, `math.${name}`);
  const args = py.operands(e.args).map((v, i) => (v.k === "scalar" ? v.e : py.fail(e.args[i]!.pos, `math.${name}() takes numbers; use numpy's np.${name} for arrays`)));
  const f64 = (x: Expr) => coerce(x, "f64");
  const one = (fn: MathFn): Val => { arity(py, e, `math.${name}`, 1); return { k: "scalar", e: { k: "math", fn, args: [f64(args[0]!)], type: "f64" } }; };
  const direct: Record<string, MathFn> = {
    sqrt: "sqrt", exp: "exp", expm1: "expm1", log1p: "log1p", log2: "log2", log10: "log10", sin: "sin", cos: "cos", tan: "tan",
    asin: "asin", acos: "acos", atan: "atan", sinh: "sinh", cosh: "cosh", tanh: "tanh", asinh: "asinh", acosh: "acosh", atanh: "atanh", fabs: "abs", cbrt: "cbrt",
  };
  if (name in direct) return one(direct[name]!);
  switch (name) {
    case "log":
      arity(py, e, "math.log", 1, 2);
      if (args.length === 1) return one("log");
      return { k: "scalar", e: { k: "binary", op: "div", a: { k: "math", fn: "log", args: [f64(args[0]!)], type: "f64" }, b: { k: "math", fn: "log", args: [f64(args[1]!)], type: "f64" }, type: "f64" } };
    case "floor": case "ceil": case "trunc": {
      arity(py, e, `math.${name}`, 1);
      const x = args[0]!;
      if (x.type !== "f64") return { k: "scalar", e: coerce(x, "int") };
      return { k: "scalar", e: finiteToInt(py, x, (s) => ({ k: "math", fn: name, args: [s], type: "f64" })) };
    }
    case "pow": case "atan2": {
      arity(py, e, `math.${name}`, 2);
      return { k: "scalar", e: { k: "math", fn: name, args: args.map(f64), type: "f64" } };
    }
    case "hypot": return { k: "scalar", e: { k: "math", fn: "hypot", args: args.map(f64), type: "f64" } };
    case "isnan": case "isinf": case "isfinite": {
      arity(py, e, `math.${name}`, 1);
      const x = f64(args[0]!);
      if (name === "isnan") return { k: "scalar", e: { k: "math", fn: "isNaN", args: [x], type: "bool" } };
      if (name === "isfinite") return { k: "scalar", e: { k: "math", fn: "isFinite", args: [x], type: "bool" } };
      return { k: "scalar", e: { k: "binary", op: "eq", a: { k: "math", fn: "abs", args: [x], type: "f64" }, b: F(Infinity), type: "bool" } };
    }
    case "copysign": {
      arity(py, e, "math.copysign", 2);
      const x = py.spill(f64(args[0]!), "x"), y = py.spill(f64(args[1]!), "y");
      // y's sign bit: y < 0, or y is -0 (1/y = -inf), or a negative NaN (not distinguishable here: taken as positive)
      const neg: Expr = { k: "cond", c: { k: "binary", op: "lt", a: y, b: F(0), type: "bool" }, a: { k: "const", type: "bool", value: true }, b: { k: "binary", op: "lt", a: { k: "binary", op: "div", a: F(1), b: y, type: "f64" }, b: F(0), type: "bool" }, type: "bool" };
      const ax: Expr = { k: "math", fn: "abs", args: [x], type: "f64" };
      return { k: "scalar", e: { k: "cond", c: neg, a: { k: "unary", op: "neg", x: ax, type: "f64" }, b: ax, type: "f64" } };
    }
    default: return py.fail(e.pos, `math.${name} is not supported`, undefined, "NB104");
  }
}

