// Accumulator sinking and loop distribution: the textbook
//   for i: for j: { s = init; for k: s = s + f; C[i*n + j] = s }
// becomes
//   for i: for j: C[i*n + j] = init;      for i: for j: for k: C[i*n + j] = C[i*n + j] + f
// — the second nest is perfect, so interchange, unroll-and-jam and vectorisation apply. The element
// takes the place of `s` and receives the same operations in the same order (f64, or f32 holding binary32
// values, so storing and reloading is exact). Runs on fast copies only: nothing in the moved code can throw, so no
// partial state can become visible.

import type { Expr, Stmt, Var } from "../ir/nodes.js";
import type { ArrayType } from "../ir/types.js";
import { forEachExpr, mapStmts, relabel } from "../ir/walk.js";
import type { FuncContext } from "./context.js";
import { countRefs } from "./context.js";
import { storesIsolated } from "./alias.js";
import { injectiveSubscript } from "./interchange.js";
import { type ForStmt, type Store, analyzeNest } from "./nest.js";
import { binary32Only } from "./vectorize.js";

function mentions(stmts: readonly Stmt[], test: (e: Expr) => boolean): boolean {
  let hit = false;
  forEachExpr(stmts, (e) => { if (test(e)) hit = true; });
  return hit;
}

function canThrow(stmts: readonly Stmt[]): boolean {
  return mentions(stmts, (e) => e.k === "call" || e.k === "alloc" || (e.k === "load" && !e.unchecked) || (e.k === "binary" && e.op === "mod" && e.type === "int") || (e.k === "cast" && e.op === "f2idx"));
}

export function sinkAccumulator(root: ForStmt, ctx: FuncContext, newLabel: () => number): { stmts: Stmt[]; guard: Expr[] } | undefined {
  // The loops down to P, whose body is [s = init; for K; w[I] = s].
  const loops: ForStmt[] = [root];
  let p = root;
  while (p.body.length === 1 && p.body[0]!.k === "for") loops.push((p = p.body[0] as ForStmt));
  const [init, k, fin] = p.body;
  if (p.body.length !== 3 || init?.k !== "assign" || k?.k !== "for" || fin?.k !== "store") return undefined;
  const s = init.v, w = fin.arr;
  if (s.type !== "f64" || fin.x.k !== "var" || fin.x.v !== s || !fin.unchecked) return undefined;
  // Storing s and loading it back must not change it: f64 elements, or f32 ones when s only ever
  // holds binary32 values (the float32 model).
  const dtype = (w.type as ArrayType).dtype;
  if (dtype !== "f64" && !(dtype === "f32" && binary32Only([init, k]))) return undefined;
  // K only computes (no stores): the init values may then all be written first.
  if (!k.body.every((x) => x.k === "assign") || canThrow(k.body) || canThrow([init])) return undefined;
  // s lives only here; w is touched only by the final store.
  if (countRefs(p.body).get(s) !== ctx.refs.get(s)) return undefined;
  const touchesW = (stmts: readonly Stmt[]) =>
    mentions(stmts, (e) => (e.k === "load" || e.k === "prop") && e.arr === w) || stmts.some((x) => x.k === "store" && x.arr === w);
  if (touchesW([init]) || touchesW(k.body)) return undefined;
  // The element must not move while K runs: I reads neither K's counter nor anything K assigns.
  const assignedInK = new Set<Var>([k.v]);
  for (const x of k.body) if (x.k === "assign") assignedInK.add(x.v);
  if (mentions([{ k: "expr", x: { k: "load", arr: w, idx: fin.idx, type: "f64", loc: fin.loc } }], (e) => e.k === "var" && assignedInK.has(e.v))) return undefined;
  // Distribution is exact only if each iteration of the outer loops owns its element.
  const nest = analyzeNest(root);
  const finAccess = nest.accesses.find((a) => a.node === fin);
  const guard = finAccess && injectiveSubscript(finAccess.subs, loops.map((l) => l.v), nest);
  if (!guard) return undefined;
  guard.push(...storesIsolated(nest, ctx.fresh));
  // K's body with s replaced by the element.
  const element: Expr = { k: "load", arr: w, idx: fin.idx, type: "f64", loc: fin.loc, unchecked: true };
  const kBody = mapStmts(k.body, (e) => (e.k === "var" && e.v === s ? element : e), (x) =>
    x.k === "assign" && x.v === s ? ({ k: "store", arr: w, idx: fin.idx, x: x.x, loc: fin.loc, unchecked: true } satisfies Store) : x);
  const rebuild = (inner: Stmt[]): ForStmt => loops.reduceRight<Stmt[]>((body, l) => [{ ...l, body }], inner)[0] as ForStmt;
  const initNest = rebuild([{ k: "store", arr: w, idx: fin.idx, x: init.x, loc: fin.loc, unchecked: true }]);
  const accumulate = relabel([rebuild([{ ...k, body: kBody }])], newLabel)[0] as ForStmt;
  return { stmts: [initNest, accumulate], guard };
}
