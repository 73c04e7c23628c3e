// Scalar replacement in a straight-line loop body: an element of a fresh f64 array that the body
// loads and stores repeatedly (after unroll-and-jam) lives in a temporary, loaded once and stored
// once at the end; repeated loads of read-only arrays at the counter are loaded once. Values are
// exactly those the memory would hold (f64 stores don't round), so results are unchanged.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import type { ArrayType } from "../ir/types.js";
import { forEachExpr, forEachStmt, mapChildren, mapExpr } from "../ir/walk.js";
import { sameList } from "./affine.js";
import type { Load, Store } from "./nest.js";

interface Slot {
  readonly arr: Var;
  readonly idx: readonly Expr[];
  readonly temp: Var;
  readonly proto: Load | Store;
  stored: boolean;
}

export function scalarize(body: readonly Stmt[], counter: Var, fresh: ReadonlySet<Var>, newTemp: (name: string) => Var): Stmt[] | undefined {
  const stored = new Set<Var>();
  for (const s of body) if (s.k === "store") stored.add(s.arr);
  // An element can live in a temporary only if no other subscript could name it: every access to
  // the array in the body uses one subscript list.
  const subscripts = new Map<Var, (readonly Expr[])[]>();
  const note = (arr: Var, idx: readonly Expr[]) => {
    const list = subscripts.get(arr) ?? [];
    if (!list.some((l) => sameList(l, idx))) list.push(idx);
    subscripts.set(arr, list);
  };
  forEachStmt(body, (s) => { if (s.k === "store") note(s.arr, s.idx); });
  forEachExpr(body, (e) => { if (e.k === "load") note(e.arr, e.idx); });
  // Arrays also read inside a branch that may not run keep their elements in memory (a deferred
  // store would leave that read stale).
  const lazilyRead = new Set<Var>();
  const lazy = (x: Expr): void => forEachExpr([{ k: "expr", x }], (e) => { if (e.k === "load") lazilyRead.add(e.arr); });
  forEachExpr(body, (e) => {
    if (e.k === "cond") { lazy(e.a); lazy(e.b); }
    if (e.k === "logical") lazy(e.b);
  });
  // A subscript that reads a variable the body assigns (`r[p] = ...; p = p + 1`) names another
  // element after the assignment: such elements stay in memory, and such loads are not shared.
  const assigned = new Set<Var>();
  for (const s of body) if (s.k === "assign") assigned.add(s.v);
  const stable = (idx: readonly Expr[]) => {
    let ok = true;
    for (const i of idx) mapExpr(i, (e) => { if (e.k === "var" && assigned.has(e.v)) ok = false; return e; });
    return ok;
  };
  const replaceable = (arr: Var) =>
    fresh.has(arr) && stored.has(arr) && !lazilyRead.has(arr) && (arr.type as ArrayType).dtype === "f64" && subscripts.get(arr)!.length === 1 && stable(subscripts.get(arr)![0]!);
  // Loads of read-only arrays may be shared only when no store can alias them (all stores go to fresh arrays).
  const storesAreFresh = [...stored].every((a) => fresh.has(a));
  const slots: Slot[] = [];
  const out: Stmt[] = [];
  const usesCounter = (idx: readonly Expr[]) => {
    let uses = false;
    for (const i of idx) mapExpr(i, (e) => { if (e.k === "var" && e.v === counter) uses = true; return e; });
    return uses;
  };
  const slotFor = (arr: Var, idx: readonly Expr[]) => slots.find((s) => s.arr === arr && sameList(s.idx, idx));
  // Only loads that always run may move: the branches of `?:` and the right side of `&&`/`||` are
  // left alone (hoisting a load out of them would run it when JS does not).
  const rewrite = (x: Expr): Expr => {
    if (x.k === "cond") return { ...x, c: rewrite(x.c) };
    if (x.k === "logical") return { ...x, a: rewrite(x.a) };
    const e = mapChildren(x, rewrite);
    {
      if (e.k !== "load") return e;
      const known = slotFor(e.arr, e.idx);
      if (known) return { k: "var", v: known.temp, type: "f64" };
      const readOnlyAtCounter = storesAreFresh && !stored.has(e.arr) && usesCounter(e.idx) && e.type === "f64" && stable(e.idx);
      if (!replaceable(e.arr) && !readOnlyAtCounter) return e;
      const temp = newTemp(e.arr.name);
      out.push({ k: "assign", v: temp, x: e });
      slots.push({ arr: e.arr, idx: e.idx, temp, proto: e, stored: false });
      return { k: "var", v: temp, type: "f64" };
    }
  };
  let changed = false;
  for (const s of body) {
    if (s.k === "store" && replaceable(s.arr)) {
      const x = rewrite(s.x);
      let slot = slotFor(s.arr, s.idx);
      if (!slot) {
        slot = { arr: s.arr, idx: s.idx, temp: newTemp(s.arr.name), proto: s, stored: true };
        slots.push(slot);
      }
      slot.stored = true;
      out.push({ k: "assign", v: slot.temp, x });
      changed = true;
    } else if (s.k === "assign") out.push({ ...s, x: rewrite(s.x) });
    else if (s.k === "store") out.push({ ...s, x: rewrite(s.x) });
    else return undefined;
  }
  if (!changed && slots.length === 0) return undefined;
  for (const slot of slots) {
    if (!slot.stored) continue;
    const loc = slot.proto.loc;
    out.push({ k: "store", arr: slot.arr, idx: slot.idx, x: { k: "var", v: slot.temp, type: "f64" }, loc, unchecked: slot.proto.unchecked });
  }
  return out;
}
