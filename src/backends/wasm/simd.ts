// The SIMD part of a vectorised loop (passes/vectorize.ts decides which loops, and with which lanes):
// a VectorLoop emits the loop that runs `s.vector` iterations at a time, lane-wise operations for what
// varies with the counter and splats for what does not. The scalar FunctionEmitter (codegen.ts) emits
// the scalar loop that follows, and every scalar value the vector code needs.

import type { FunctionBuilder } from "./encoder.js";
import type { ArrayType, Expr, Loc, Stmt, Var } from "../../ir/nodes.js";
import { DTYPES } from "../../ir/types.js";
import { childExprs, forEachExpr, forEachStmt, mapExpr } from "../../ir/walk.js";
import { type NestFacts, affine } from "../../passes/affine.js";
import { analyzeNest } from "../../passes/nest.js";
import { LANES, type LaneKind, accessKind, laneKind, mentions, reductions, runningExtreme, vectorDtype } from "../../passes/vectorize.js";
import { type Emitter, LOG2_BYTES, SIMD_BINARY, SIMD_MATH, identity32, inlineMath } from "./ops.js";

type ForStmt = Extract<Stmt, { k: "for" }>;

/** One vector loop being emitted: its lanes, and what it computed ahead of the loop. */
export class VectorLoop {
  /** The vectorised loop's counter: lane k of part u runs iteration v + per·u + k. */
  private readonly v: Var;
  private readonly parts: number;
  /** What a lane holds (passes/vectorize.ts#laneKind), and lanes per register. */
  private readonly kind: LaneKind;
  private readonly per: number;
  private readonly facts: NestFacts;
  /** v128 locals (one per part) of each variable the body assigns. */
  private readonly lanes = new Map<Var, number[]>();
  /** The counter and the lane variables. */
  private readonly varying: ReadonlySet<Var>;
  /** Values laneExpr reads from locals (one per part) computed ahead by pairExps. */
  private readonly computed = new Map<Expr, number[]>();
  /** Reductions of an `ordered` loop: their scalar accumulator takes the lanes' operands in order. */
  private readonly ordered = new Map<Var, "add" | "sub" | "mul">();
  private readonly hoisted = new Map<Expr, number>();
  private readonly bases = new Map<object, { local: number; shift: number }>();
  private readonly deps = new Map<Expr, boolean>();
  private readonly unit = new Map<object, boolean>();
  /** Part 0's address of an access whose address is computed in the loop: the other parts reuse it. */
  private readonly addrs = new Map<object, number>();
  /** Strided loads: byte distance from lane 0 to lane L (index L; hoisted). */
  private readonly gathers = new Map<Expr, number[]>();

  constructor(private readonly s: Emitter, loop: ForStmt) {
    this.v = loop.v;
    // The vectoriser's decision, recorded in the loop (recomputed for IR built without it).
    this.kind = loop.lanes ?? laneKind(loop);
    this.per = LANES[this.kind];
    this.parts = loop.vector! / this.per;
    this.facts = analyzeNest(loop).facts;
    forEachStmt(loop.body, (st) => {
      if (st.k === "assign" && !this.lanes.has(st.v)) this.lanes.set(st.v, Array.from({ length: this.parts }, (_, u) => s.fb.local("v128", `${st.v.name}_${this.kind}_${u}`)));
    });
    this.varying = new Set([loop.v, ...this.lanes.keys()]);
  }

  private get fb(): FunctionBuilder {
    return this.s.fb;
  }

  /**
   * The SIMD part of a vectorised loop (passes/vectorize.ts): runs `s.vector` iterations at a time
   * while that many remain, as `s.vector / per` registers ("parts") of `per` lanes — f64x2, or f32x4 /
   * i32x4 where `laneKind` says so; the scalar loop that follows finishes the rest. The body is
   * assignments, stores and inner counted loops with uniform bounds (run once for all lanes). Every
   * variable the body assigns lives in one v128 local per part; a reduction's locals are partial
   * accumulators, combined into the variable after the loop.
   */
  emit(s: ForStmt, v: number, end: number, exit: "i64.ge_s" | "i64.gt_s" | "i64.le_s" | "i64.lt_s"): void {
    const fb = this.fb;
    const width = s.vector!;
    const { kind, facts, lanes } = this;
    // Accumulators start as (r, identity, identity, ...): the combined partials are r op (the loop's operands).
    // In an `ordered` loop the + - * reductions keep their scalar variable instead (block).
    const reds = reductions(s.body);
    if (s.ordered) for (const [r, op] of reds) if (op === "add" || op === "sub" || op === "mul") { reds.delete(r); this.ordered.set(r, op); }
    // A running extreme ends in a zero: +0 and -0 tie, and only scalar order says which came first.
    // Then the loop runs again from the start, in scalar order (stores repeat the same values).
    const rerun = [...reds.values()].some((op) => op === "pmax" || op === "pmin");
    const saved = rerun ? { v: fb.local("i64", "vstart"), r: [...reds.keys()].map((r) => fb.local("f64", `${r.name}_start`)) } : undefined;
    if (saved) {
      fb.op("local.get", v).op("local.set", saved.v);
      [...reds.keys()].forEach((r, k) => fb.op("local.get", this.s.loc(r)[0]!).op("local.set", saved.r[k]!));
    }
    for (const [r, op] of reds) {
      const [scalar] = this.s.loc(r);
      lanes.get(r)!.forEach((l, u) => {
        if (op === "min" || op === "max" || op === "pmax" || op === "pmin") fb.op("local.get", scalar!).op("f64x2.splat");
        else {
          fb.op("f64.const", op === "mul" ? 1 : -0).op("f64x2.splat");
          if (u === 0) fb.op("local.get", scalar!).op("f64x2.replace_lane", 0);
        }
        fb.op("local.set", l);
      });
    }
    // Splat loop-invariant values once, before the loop (they read nothing the loop writes and cannot trap).
    const scalarType = kind === "i32x4" ? "int" : "f64";
    const hoist = (e: Expr): void => {
      if (!mentions(e, facts.assigned)) {
        if (e.k === "const" || e.type !== scalarType || !this.cannotTrap(e) || this.hoisted.has(e)) return;
        const l = fb.local("v128", "splat");
        this.s.expr(e);
        this.splat();
        fb.op("local.set", l);
        this.hoisted.set(e, l);
        return;
      }
      // Recurse only through lane-wise operations (laneExpr's cases), never into subscripts or shift counts.
      if (e.k === "binary" && (e.op === "shl" || e.op === "shr" || e.op === "ushr")) hoist(e.a);
      else if (e.k === "binary" || e.k === "unary" || e.k === "math") childExprs(e).forEach(hoist);
    };
    forEachStmt(s.body, (st) => { if (st.k === "assign" || st.k === "store") hoist(st.x); });
    // A contiguous access whose subscripts use no variable of the loop but the counter has the address
    // base + v * elementBytes, with base (the address at v = 0) computed once here.
    const zero: Expr = { k: "const", type: "int", value: 0 };
    const others = new Set([...facts.assigned].filter((x) => x !== s.v));
    const base = (arr: Var, idx: readonly Expr[], key: object): void => {
      if (!this.isUnit(key, arr, idx) || idx.some((i) => mentions(i, others))) return;
      const l = fb.local("i32", `${arr.name}_base`);
      this.s.address(arr, idx.map((i) => mapExpr(i, (x) => (x.k === "var" && x.v === s.v ? zero : x))), { line: 0, column: 0 }, true);
      fb.op("local.set", l);
      this.bases.set(key, { local: l, shift: LOG2_BYTES[DTYPES[(arr.type as ArrayType).dtype].bytes]! });
    };
    forEachStmt(s.body, (st) => { if (st.k === "store") base(st.arr, st.idx, st); });
    forEachExpr(s.body, (e) => { if (e.k === "load" && !this.hoisted.has(e)) base(e.arr, e.idx, e); });
    // A strided load affine in the counter: lane L's address is lane 0's plus L times a distance computed here.
    forEachExpr(s.body, (e) => {
      if (e.k !== "load" || !vectorDtype(kind, (e.arr.type as ArrayType).dtype) || this.hoisted.has(e) || this.isUnit(e, e.arr, e.idx) || !e.idx.some((i) => mentions(i, s.v))) return;
      const subs = e.idx.map((i) => affine(i, facts));
      if (subs.some((a) => !a)) return;
      const t = e.arr.type as ArrayType;
      fb.op("i64.const", 0);
      subs.forEach((a, d) => {
        const c = a!.terms.get(s.v);
        if (!c) return;
        this.s.expr(c);
        if (t.nd) fb.op("local.get", this.s.part(e.arr, `s${d}`)).op("i64.mul");
        fb.op("i64.add");
      });
      const one = fb.local("i32", `${e.arr.name}_lane`);
      fb.op("i32.wrap_i64").op("i32.const", LOG2_BYTES[DTYPES[t.dtype].bytes]!).op("i32.shl").op("local.set", one);
      const dist = [0, one];
      for (let L = 2; L < width; L++) {
        const l = fb.local("i32", `${e.arr.name}_lane`);
        fb.op("local.get", one).op("i32.const", L).op("i32.mul").op("local.set", l);
        dist.push(l);
      }
      this.gathers.set(e, dist);
    });
    fb.block(null, `vbrk${s.label}`);
    fb.loop(null, `vtop${s.label}`);
    fb.op("local.get", v).op("i64.const", width - 1).op("i64.add").op("local.get", end).op(exit).brIf(`vbrk${s.label}`);
    this.block(s.body);
    fb.op("local.get", v).op("i64.const", width).op("i64.add").op("local.set", v);
    fb.br(`vtop${s.label}`);
    fb.end();
    fb.end();
    // Partial results, combined (differences were accumulated separately: they add up).
    for (const [r, op] of reds) {
      const simd = op === "sub" ? "add" : op;
      const acc = lanes.get(r)!;
      fb.op("local.get", acc[0]!);
      for (const l of acc.slice(1)) fb.op("local.get", l).op(`f64x2.${simd}`);
      const t = this.s.tmp("v128");
      fb.op("local.tee", t).op("f64x2.extract_lane", 0).op("local.get", t).op("f64x2.extract_lane", 1);
      if (op === "pmax" || op === "pmin") {
        // pmax(a, b) = a < b ? b : a; pmin(a, b) = b < a ? b : a.
        const a = this.s.tmp("f64"), b = this.s.tmp("f64");
        fb.op("local.set", b).op("local.set", a);
        const [x, y] = op === "pmax" ? [a, b] : [b, a];
        fb.op("local.get", b).op("local.get", a).op("local.get", x).op("local.get", y).op("f64.lt").op("select");
        this.s.release("f64", a);
        this.s.release("f64", b);
      } else fb.op(`f64.${simd as "add" | "mul" | "min" | "max"}`);
      fb.op("local.set", this.s.loc(r)[0]!);
      this.s.release("v128", t);
    }
    if (saved) {
      const zero = [...reds].filter(([, op]) => op === "pmax" || op === "pmin").map(([r]) => r);
      zero.forEach((r, k) => {
        fb.op("local.get", this.s.loc(r)[0]!).op("f64.const", 0).op("f64.eq");
        if (k > 0) fb.op("i32.or");
      });
      fb.if(null);
      fb.op("local.get", saved.v).op("local.set", v);
      [...reds.keys()].forEach((r, k) => fb.op("local.get", saved.r[k]!).op("local.set", this.s.loc(r)[0]!));
      fb.end();
    }
  }

  /** Statements of a vector loop: each assignment and store once per part; inner loops once for all lanes. */
  private block(stmts: readonly Stmt[]): void {
    const fb = this.fb;
    for (const st of stmts) {
      if (st.k === "for") {
        this.s.forLoop(st, (b) => this.block(b));
        continue;
      }
      const running = runningExtreme(st);
      if (running) {
        // if (x > r) r = x, lane by lane: pmax(r, x) = r < x ? x : r (pmin: x < r ? x : r).
        const ls = this.lanes.get(running.r)!;
        for (let u = 0; u < this.parts; u++) {
          fb.op("local.get", ls[u]!);
          this.laneExpr(running.x, u);
          fb.op(`f64x2.${running.op}`).op("local.set", ls[u]!);
        }
        continue;
      }
      if ((st.k === "assign" || st.k === "store") && this.kind === "f64x2") this.pairExps(st.x);
      const op = st.k === "assign" ? this.ordered.get(st.v) : undefined;
      if (op && st.k === "assign") {
        // r = r op x: each part's x in lanes, then r takes lane 0, lane 1 of part 0, part 1, ... in order.
        const [r] = this.s.loc(st.v);
        const x = childExprs(st.x).find((c) => !(c.k === "var" && c.v === st.v))!;
        const t = this.s.tmp("v128");
        for (let u = 0; u < this.parts; u++) {
          this.laneExpr(x, u);
          fb.op("local.set", t);
          for (let k = 0; k < this.per; k++) fb.op("local.get", r!).op("local.get", t).op("f64x2.extract_lane", k).op(`f64.${op}`).op("local.set", r!);
        }
        this.s.release("v128", t);
        continue;
      }
      if (st.k === "assign" && !this.varies(st.x)) {
        // The same value in every lane: computed once, copied to the other parts.
        const ls = this.lanes.get(st.v)!;
        this.laneExpr(st.x, 0);
        for (let u = 1; u < this.parts; u++) fb.op("local.tee", ls[u - 1]!);
        fb.op("local.set", ls[this.parts - 1]!);
        continue;
      }
      for (let u = 0; u < this.parts; u++) {
        if (st.k === "assign") {
          this.laneExpr(st.x, u);
          fb.op("local.set", this.lanes.get(st.v)![u]!);
        } else if (st.k === "store") {
          this.address(st, st.arr, st.idx, st.loc, u);
          this.laneExpr(st.x, u);
          const bytes = DTYPES[(st.arr.type as ArrayType).dtype].bytes;
          // f64 lanes into a Float32Array: each lane rounds as a scalar store would, 8 bytes per part.
          if (this.kind === "f64x2" && bytes === 4) fb.op("f32x4.demote_f64x2_zero").op("i64x2.extract_lane", 0).op("i64.store", { offset: 8 * u });
          else fb.op("v128.store", { offset: 16 * u });
        } else throw new Error(`wasm codegen: cannot vectorise a '${st.k}' statement`);
      }
    }
  }

  /**
   * Computes the lane-varying exp calls of `e` two parts at a time (exp4: the two chains of dependent
   * operations interleave), into locals that laneExpr then reads. The statement's parts are independent,
   * so computing part u + 1's exp before part u's statement changes nothing.
   */
  private pairExps(e: Expr): void {
    const fb = this.fb;
    if (this.parts < 2) return;
    const calls: Expr[] = [];
    const visit = (x: Expr): void => {
      if (x.k === "math" && inlineMath(x.fn) && this.varies(x) && !this.hoisted.has(x)) calls.push(x);
      else childExprs(x).forEach(visit);
    };
    visit(e);
    for (const call of calls) {
      const ls = Array.from({ length: this.parts }, () => this.s.tmp("v128"));
      for (let u = 0; u + 1 < this.parts; u += 2) {
        this.laneExpr((call as Extract<Expr, { k: "math" }>).args[0]!, u);
        this.laneExpr((call as Extract<Expr, { k: "math" }>).args[0]!, u + 1);
        fb.op("call", this.s.helper("exp4")).op("local.set", ls[u + 1]!).op("local.set", ls[u]!);
      }
      if (this.parts % 2) {
        this.laneExpr((call as Extract<Expr, { k: "math" }>).args[0]!, this.parts - 1);
        fb.op("call", this.s.helper("exp2")).op("local.set", ls[this.parts - 1]!);
      }
      this.computed.set(call, ls);
    }
  }

  /** Is this access contiguous in the vector loop's counter, of an element type its lanes load whole? Memoised. */
  private isUnit(key: object, arr: Var, idx: readonly Expr[]): boolean {
    let u = this.unit.get(key);
    if (u === undefined) this.unit.set(key, (u = vectorDtype(this.kind, (arr.type as ArrayType).dtype) && accessKind(idx, this.v, this.facts) === "unit"));
    return u;
  }

  /** The byte address of lane 0 of a contiguous access at the current counter (parts add their offset). */
  private address(key: object, arr: Var, idx: readonly Expr[], loc: Loc, u: number): void {
    const b = this.bases.get(key);
    if (!b) {
      // Computed for part 0, reused by the others (their memory offset adds one register's bytes per part).
      if (u > 0 && this.addrs.has(key)) {
        this.fb.op("local.get", this.addrs.get(key)!);
        return;
      }
      this.s.address(arr, idx, loc, true);
      if (this.parts > 1 || this.gathers.has(key as Expr)) {
        const l = this.fb.local("i32", `${arr.name}_at`);
        this.addrs.set(key, l);
        this.fb.op("local.tee", l);
      }
      return;
    }
    this.fb.op("local.get", b.local).op("local.get", this.s.loc(this.v)[0]!).op("i32.wrap_i64");
    if (b.shift) this.fb.op("i32.const", b.shift).op("i32.shl");
    this.fb.op("i32.add");
  }

  /** Does `e` depend on the vector loop's counter or lane values? Memoised per vector loop. */
  private varies(e: Expr): boolean {
    const known = this.deps.get(e);
    if (known !== undefined) return known;
    const depends = e.k === "var" ? this.varying.has(e.v) : childExprs(e).some((c) => this.varies(c));
    this.deps.set(e, depends);
    return depends;
  }

  /** No run-time error can come out of `e` (so it may be evaluated speculatively). */
  private cannotTrap(e: Expr): boolean {
    let ok = true;
    forEachExpr([{ k: "expr", x: e }], (x) => {
      if (x.k === "call" || x.k === "alloc" || (x.k === "load" && !x.unchecked) || (x.k === "binary" && x.op === "mod" && x.type === "int")) ok = false;
      if (x.k === "cast" && x.op === "f2idx") ok = false;
    });
    return ok;
  }

  /** The scalar on the stack (f64, or int for i32x4) as a lane value of the vector loop's kind. */
  private lane(): void {
    const k = this.kind;
    if (k === "f32x4") this.fb.op("f32.demote_f64");
    else if (k === "i32x4") this.fb.op("i32.wrap_i64");
  }

  /** The scalar on the stack in every lane. */
  private splat(): void {
    this.lane();
    this.fb.op(`${this.kind}.splat`);
  }

  /** Sets lane `k` of the register below the scalar on the stack. */
  private replaceLane(k: number): void {
    this.lane();
    this.fb.op(`${this.kind}.replace_lane`, k);
  }

  /** A constant in every lane, as one v128.const. */
  private constLanes(value: number): void {
    const bytes = new Uint8Array(16);
    if (this.kind === "f64x2") new Float64Array(bytes.buffer).fill(value);
    else if (this.kind === "f32x4") new Float32Array(bytes.buffer).fill(value);
    else new Int32Array(bytes.buffer).fill(Number(BigInt.asIntN(32, BigInt(value))));
    this.fb.op("v128.const", bytes);
  }

  /**
   * Emits `e` for part `u` (lanes per·u to per·u + per - 1) as a register of the loop's kind: lane-wise
   * SIMD operations where `e` varies, scalars splatted where it does not, and what depends on the
   * counter alone (strided loads, conversions, imported Math functions) computed lane by lane with
   * the scalar operations.
   */
  private laneExpr(e: Expr, u: number): void {
    const fb = this.fb;
    const kind = this.kind;
    const hoisted = this.hoisted.get(e);
    if (hoisted !== undefined) {
      fb.op("local.get", hoisted);
      return;
    }
    const computed = this.computed.get(e);
    if (computed) {
      fb.op("local.get", computed[u]!);
      if (u === this.parts - 1) {
        this.computed.delete(e);
        computed.forEach((l) => this.s.release("v128", l));
      }
      return;
    }
    if (e.k === "const" && e.type === (kind === "i32x4" ? "int" : "f64")) {
      this.constLanes(e.value as number);
      return;
    }
    if (!this.varies(e)) {
      // A binary32 element in every f32x4 lane: loaded straight into the register (no f64 round trip).
      if (kind === "f32x4" && e.k === "load" && (e.arr.type as ArrayType).dtype === "f32") {
        this.s.address(e.arr, e.idx, e.loc, e.unchecked);
        this.fb.op("v128.load32_splat");
        return;
      }
      this.s.expr(e);
      this.splat();
      return;
    }
    switch (e.k) {
      case "var":
        if (this.lanes.has(e.v)) {
          fb.op("local.get", this.lanes.get(e.v)![u]!);
          return;
        }
        break;
      case "load":
        if (this.isUnit(e, e.arr, e.idx)) {
          this.address(e, e.arr, e.idx, e.loc, u);
          // f64 lanes from a Float32Array: two elements (8 bytes) per part, widened exactly.
          if (kind === "f64x2" && DTYPES[(e.arr.type as ArrayType).dtype].bytes === 4) fb.op("v128.load64_zero", { offset: 8 * u }).op("f64x2.promote_low_f32x4");
          else fb.op("v128.load", { offset: 16 * u });
          return;
        }
        break;
      case "binary": {
        const op = SIMD_BINARY[kind][e.op];
        if (!op) break;
        // `x | 0`, `x >>> 0`, `x ^ 0`: modulo 2^32 the lanes already hold ToInt32(x).
        if (kind === "i32x4" && identity32(e)) {
          this.laneExpr(e.a, u);
          return;
        }
        this.laneExpr(e.a, u);
        if (e.op === "shl" || e.op === "shr" || e.op === "ushr") {
          // The count is the same in every lane (vectorize.ts); wasm takes it modulo 32, as JS does.
          if (e.b.k === "const") fb.op("i32.const", Number(e.b.value) % 32);
          else {
            this.s.expr(e.b);
            fb.op("i32.wrap_i64");
          }
        } else this.laneExpr(e.b, u);
        fb.op(op);
        return;
      }
      case "unary":
        if (e.op === "neg") {
          this.laneExpr(e.x, u);
          fb.op(`${kind}.neg`);
          return;
        }
        if (e.op === "bitnot" && kind === "i32x4") {
          this.laneExpr(e.x, u);
          fb.op("v128.not");
          return;
        }
        break;
      case "math":
        if (e.fn === "imul" && kind === "i32x4") {
          this.laneExpr(e.args[0]!, u);
          this.laneExpr(e.args[1]!, u);
          fb.op("i32x4.mul");
          return;
        }
        if (e.fn === "fround" && kind !== "i32x4") {
          // f32x4 lanes are binary32 already (vectorize.ts: the argument is one rounding away); f64 lanes round and widen.
          this.laneExpr(e.args[0]!, u);
          if (kind === "f64x2") fb.op("f32x4.demote_f64x2_zero").op("f64x2.promote_low_f32x4");
          return;
        }
        if (e.fn === "exp" && kind === "f64x2") {
          this.laneExpr(e.args[0]!, u);
          if (inlineMath("exp")) fb.op("call", this.s.helper("exp2"));
          else {
            // The engine's own Math.exp, lane by lane.
            const t = this.s.tmp("v128");
            fb.op("local.tee", t).op("f64x2.extract_lane", 0).op("call", this.s.importIndex("math_exp")).op("f64x2.splat");
            fb.op("local.get", t).op("f64x2.extract_lane", 1).op("call", this.s.importIndex("math_exp")).op("f64x2.replace_lane", 1);
            this.s.release("v128", t);
          }
          return;
        }
        const op = SIMD_MATH[kind][e.fn];
        if (op) {
          this.laneExpr(e.args[0]!, u);
          for (const a of e.args.slice(1)) {
            this.laneExpr(a, u);
            fb.op(op);
          }
          if (e.args.length === 1) fb.op(op);
          return;
        }
        break;
    }
    if (mentions(e, new Set(this.lanes.keys()))) throw new Error(`wasm codegen: cannot vectorise a '${e.k}' expression`);
    const dist = this.gathers.get(e);
    if (dist && e.k === "load") {
      const dtype = (e.arr.type as ArrayType).dtype;
      for (let k = 0; k < this.per; k++) {
        const lane = this.per * u + k;
        if (lane === 0) this.address(e, e.arr, e.idx, e.loc, 0);
        else fb.op("local.get", this.addrs.get(e)!).op("local.get", dist[lane]!).op("i32.add");
        if (kind === "i32x4") fb.op("i32.load");
        else if (kind === "f32x4") fb.op("f32.load");
        else if (dtype === "f32") fb.op("f32.load").op("f64.promote_f32");
        else fb.op("f64.load");
        if (k === 0) fb.op(`${kind}.splat`);
        else fb.op(`${kind}.replace_lane`, k);
      }
      return;
    }
    // Depends on the counter only: each lane runs the scalar code at its own counter value.
    for (let k = 0; k < this.per; k++) {
      const lane = this.per * u + k;
      const at: Expr = { k: "binary", op: "add", a: { k: "var", v: this.v, type: "int" }, b: { k: "const", type: "int", value: lane }, type: "int" };
      this.s.expr(lane === 0 ? e : mapExpr(e, (x) => (x.k === "var" && x.v === this.v ? at : x)));
      if (k === 0) this.splat();
      else this.replaceLane(k);
    }
  }
}
