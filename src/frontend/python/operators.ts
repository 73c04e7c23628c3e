// Python's arithmetic operators on scalars, as IR: int64 + - * (wrapping), `/` always float, `//`
// and `%` floored (scalar.ts has the formulas), ZeroDivisionError for scalar division by zero,
// `**` (int powers by squaring in int64), and the int64 bitwise operations numbat can do exactly.

import type { Expr } from "../../ir/nodes.js";
import type { ScalarType } from "../../ir/types.js";
import { ref } from "../arrays.js";
import type { Pos } from "./ast.js";
import type { PyLowering } from "./lower.js";
import { F, I, arith, coerce, floatFloorDiv, floatMod, floorQuotient, intFloorDiv, intMod } from "./scalar.js";

/** Python's arithmetic on two scalars. In `elementwise` mode (arrays), division by zero follows NumPy instead of raising. */
export function scalarBinop(py: PyLowering, op: string, a0: Expr, b0: Expr, at: Pos, elementwise = false): Expr {
  if (["&", "|", "^", "<<", ">>"].includes(op)) return bitwise(py, op, a0, b0, at);
  const t = arith(a0.type as ScalarType, b0.type as ScalarType);
  const arithOps: Record<string, "add" | "sub" | "mul"> = { "+": "add", "-": "sub", "*": "mul" };
  if (op in arithOps) return { k: "binary", op: arithOps[op]!, a: coerce(a0, t), b: coerce(b0, t), type: t };
  if (op === "/") {
    const a = coerce(a0, "f64"), b = elementwise ? coerce(b0, "f64") : nonZero(py, coerce(b0, "f64"), "division by zero");
    return { k: "binary", op: "div", a, b, type: "f64", loc: py.loc };
  }
  if (op === "//" || op === "%") {
    const a = elementwise ? coerce(a0, t) : py.spill(coerce(a0, t), "a");
    let b = coerce(b0, t);
    if (elementwise) {
      if (t === "int") {
        const r = op === "//" ? intFloorDiv(a, b) : intMod(a, b);
        return { k: "cond", c: { k: "binary", op: "eq", a: b, b: I(0), type: "bool" }, a: I(0), b: r, type: "int" };
      }
    } else b = nonZero(py, b, op === "//" ? "integer division or modulo by zero" : "integer modulo by zero");
    if (t === "int") return op === "//" ? intFloorDiv(a, b) : intMod(a, b);
    const fm = elementwise ? ({ k: "binary", op: "mod", a, b, type: "f64" } as Expr) : py.spill({ k: "binary", op: "mod", a, b, type: "f64" }, "fm");
    if (op === "%") return floatMod(fm, b);
    const div = elementwise ? floatFloorDiv(a, b, fm) : py.spill(floatFloorDiv(a, b, fm), "div");
    return floorQuotient(div, a, b);
  }
  if (op === "**") return power(py, a0, b0, at, elementwise);
  return py.fail(at, `operator '${op}' is not supported`, undefined, "NB106");
}

/** `b`, after a check that raises ZeroDivisionError when it is zero (Python's scalar division). */
function nonZero(py: PyLowering, b: Expr, msg: string): Expr {
  if (b.k === "const" && b.value !== 0) return b;
  const s = py.spill(b, "d");
  py.out.push({ k: "if", c: { k: "binary", op: "eq", a: s, b: s.type === "int" ? I(0) : F(0), type: "bool" }, then: [py.raise("ZeroDivisionError", msg)], else: [] });
  return s;
}

function power(py: PyLowering, a0: Expr, b0: Expr, at: Pos, elementwise: boolean): Expr {
  const t = arith(a0.type as ScalarType, b0.type as ScalarType);
  if (b0.k === "const" && (b0.value === 2 || b0.value === 1)) {
    const a = elementwise ? coerce(a0, t) : py.spill(coerce(a0, t), "p");
    return b0.value === 1 ? a : { k: "binary", op: "mul", a, b: a, type: t };
  }
  if (t === "f64" || (b0.k === "const" && (b0.value as number) < 0))
    return { k: "math", fn: "pow", args: [coerce(a0, "f64"), coerce(b0, "f64")], type: "f64" };
  // int ** int: repeated squaring in int64 (wrapping), as Numba.
  if (elementwise) py.fail(at, "an integer array to a variable integer power is not supported", "use a float exponent or a constant one");
  const base = py.temp("base", "int"), e = py.temp("e", "int"), r = py.temp("pow", "int");
  py.out.push({ k: "assign", v: base, x: coerce(a0, "int") }, { k: "assign", v: e, x: coerce(b0, "int") }, { k: "assign", v: r, x: I(1) });
  py.out.push({ k: "if", c: { k: "binary", op: "lt", a: ref(e), b: I(0), type: "bool" }, then: [py.raise("ValueError", "negative integer exponent: int ** int is an int64 as in Numba; use a float base")], else: [] });
  const label = py.label();
  const odd: Expr = { k: "binary", op: "ne", a: { k: "binary", op: "mod", a: ref(e), b: I(2), type: "int" }, b: I(0), type: "bool" };
  py.out.push({
    k: "loop", label, pre: { k: "binary", op: "gt", a: ref(e), b: I(0), type: "bool" }, post: null, update: [],
    body: [
      { k: "if", c: odd, then: [{ k: "assign", v: r, x: { k: "binary", op: "mul", a: ref(r), b: ref(base), type: "int" } }], else: [] },
      { k: "assign", v: base, x: { k: "binary", op: "mul", a: ref(base), b: ref(base), type: "int" } },
      { k: "assign", v: e, x: { k: "binary", op: "div", a: ref(e), b: I(2), type: "int" } },
    ],
  });
  return ref(r);
}

/** Shifts by a constant and masks of low bits are exact in int64 arithmetic; other bitwise operators are 32-bit in numbat's IR. */
function bitwise(py: PyLowering, op: string, a0: Expr, b0: Expr, at: Pos): Expr {
  if (a0.type === "f64" || b0.type === "f64") py.fail(at, `unsupported operand types for ${op}: float`, undefined, "NB200");
  const a = coerce(a0, "int"), b = coerce(b0, "int");
  const k = b.k === "const" ? (b.value as number) : undefined;
  if (op === "<<" && k !== undefined && k >= 0 && k < 63) return { k: "binary", op: "mul", a, b: I(2 ** k), type: "int" };
  if (op === ">>" && k !== undefined && k >= 0 && k < 63) return intFloorDiv(py.spill(a, "a"), I(2 ** k));
  if (op === "&" && k !== undefined && k >= 0 && Number.isSafeInteger(k + 1) && ((k + 1) & k) === 0 && k + 1 <= 2 ** 52) return intMod(py.spill(a, "a"), I(k + 1));
  return py.fail(at, `the operator '${op}' on 64-bit ints is not supported yet (numbat's bitwise operations are 32-bit)`, "shifts by a constant and masks of low bits (x & 0xFF) are supported", "NB106");
}

