// Kernel IR to a WGSL compute shader: a pure function (no device needed), shown by k.inspect("code").
//
// Layout: one storage buffer per array parameter the kernel touches (`read` unless stored to or used
// atomically; `array<atomic<i32|u32>>` when used with gpu.atomic*), scalar parameters and array lengths
// in one uniform struct, `var<workgroup>` arrays for gpu.shared, and @workgroup_size from the kernel.
//
// WGSL has no statement expressions, no labels and no goto, so:
// - expressions that act (atomics) or may stop the thread (integer `%` by zero: JS throws, a GPU thread
//   just returns) are hoisted into `let`s before their statement, in JS evaluation order, and lazy
//   operands (`?:`, `&&`, `||`) that contain them become `if`s;
// - `break`/`continue` of an outer loop set a flag `nb_j<n>` and break out loop by loop;
// - the IR's general loop becomes `loop { pre-test; body; continuing { update; break if !post } }`.

import { BINARY_OPS, type Expr, type FuncIR, type Stmt, type Var } from "../../ir/nodes.js";
import { isArray, type ArrayType, type ScalarType, type Type } from "../../ir/types.js";
import { childBlocks, childExprs, forEachExpr, forEachStmt, loopBoundIsStable } from "../../ir/walk.js";
import { sameList } from "../../passes/affine.js";
import { ident, isCheckedMod } from "../cstyle/render.js";
import { BINARY, CAST, MATH, P, UNARY, and, call, f32Lit, i32Lit, or, prim, un, w, wrap, type W } from "./ops.js";
import { preludeFor, type Helper } from "./prelude.js";
import { checkWebGpu, webgpuError } from "./rules.js";
import { SourcePrinter } from "../source.js";

/** Where each parameter goes: the storage bindings and the uniform struct the launch fills. */
export interface WgslKernel {
  readonly code: string;
  /** Storage buffer bindings: `param` is the index of an array parameter. */
  readonly buffers: readonly { readonly binding: number; readonly param: number; readonly writable: boolean }[];
  /** Fields of the uniform struct, 4 bytes each, in order: a scalar parameter's value or an array's length. */
  readonly uniforms: readonly { readonly param: number; readonly what: "value" | "length"; readonly type: "i32" | "f32" | "u32" }[];
  /** Binding of the uniform struct (null when the kernel reads no scalar and no length). */
  readonly uniformBinding: number | null;
  /** Bytes of workgroup memory the shared arrays take. */
  readonly sharedBytes: number;
}

export function emitWgsl(f: FuncIR): string {
  return buildWgsl(f).code;
}

export function buildWgsl(f: FuncIR): WgslKernel {
  checkWebGpu(f);
  return new WgslGen(f).build();
}

const SCALAR = { int: "i32", f64: "f32", bool: "bool" } as const satisfies Record<ScalarType, string>;
const ELEM: Record<"f32" | "i32" | "u32", string> = { f32: "f32", i32: "i32", u32: "u32" };
const ATOMIC_FN = {
  add: "atomicAdd", sub: "atomicSub", min: "atomicMin", max: "atomicMax",
  and: "atomicAnd", or: "atomicOr", xor: "atomicXor", exchange: "atomicExchange",
} as const;
const GPU_BUILTIN = {
  globalId: ["nb_gid", "global_invocation_id"], localId: ["nb_lid", "local_invocation_id"],
  groupId: ["nb_wid", "workgroup_id"], numGroups: ["nb_nwg", "num_workgroups"],
} as const;
const AXES = ["x", "y", "z"] as const;

/** Statements being rendered before the one that needs them (hoisted `let`s, traps, lowered `?:`). */
interface Ctx { readonly pre: string[] }
const indent = (lines: readonly string[]): string[] => lines.map((l) => `  ${l}`);

/** A WGSL loop being emitted (an IR loop, or the one-pass block that `continue` leaves). */
interface Frame { readonly id: number }
type Action = "break" | "continue";

class WgslGen extends SourcePrinter {
  private tmpCount = 0;
  private readonly helpers = new Set<Helper>();
  private readonly builtins = new Set<keyof typeof GPU_BUILTIN>();
  private readonly names = new Map<Var, string>();
  /** Array locals that stand for a parameter or shared array (`const a = cond ? ... : x` is rejected). */
  private readonly alias = new Map<Var, Var>();
  private readonly atomics = new Set<Var>();
  private readonly stored = new Set<Var>();
  private readonly loaded = new Set<Var>();
  private readonly usedParams = new Set<Var>();
  private readonly lengths = new Set<Var>();
  private readonly shared: Map<Var, number>;
  private readonly impureMemo = new WeakMap<Expr, boolean>();
  // loops: the WGSL loops open now, where each IR label's break/continue goes, and jump flags
  private readonly frames: Frame[] = [];
  private frameCount = 0;
  private readonly breakTo = new Map<number, Frame>();
  private readonly continueTo = new Map<number, { frame: Frame; action: Action }>();
  /** Jumps to frame `id` from deeper loops: which actions, and which frames they leave on the way. */
  private readonly jumps = new Map<number, Set<Action>>();
  private readonly crossed = new Map<number, Set<Frame>>();

  constructor(private readonly f: FuncIR) {
    super();
    this.shared = new Map(f.kernel!.shared.map((s) => [s.v, s.size]));
  }

  // ---- names, types, variables ----

  private name(v: Var): string {
    let n = this.names.get(v);
    if (!n) {
      n = `${ident(v.name).replace(/^_/, "v_")}_${v.id}`;
      this.names.set(v, n);
    }
    return n;
  }
  private root(v: Var): Var { return this.alias.get(v) ?? v; }
  private tmp(): string { return `nb_t${this.tmpCount++}`; }
  private need = (h: Helper): void => { this.helpers.add(h); };
  private dtype(v: Var): "f32" | "i32" | "u32" { return (this.root(v).type as ArrayType).dtype as "f32" | "i32" | "u32"; }

  /** Array locals must each name one parameter or shared array: WGSL has no array-valued variables. */
  private resolveAliases(): void {
    const arrays = this.f.locals.filter((v) => isArray(v.type) && !this.shared.has(v));
    forEachStmt(this.f.body, (s) => {
      if (s.k !== "assign" || !isArray(s.v.type)) return;
      if (s.x.k !== "var") throw webgpuError(this.f, undefined, `array variable '${s.v.name}' is assigned a computed array`, "index the parameter arrays directly");
      const r = this.root(s.x.v), prev = this.alias.get(s.v);
      if (prev && prev !== r)
        throw webgpuError(this.f, undefined, `array variable '${s.v.name}' refers to '${prev.name}' and to '${r.name}'`, "WGSL binds each array once: use one variable per array");
      this.alias.set(s.v, r);
    });
    for (const v of arrays) if (!this.alias.has(v)) throw webgpuError(this.f, undefined, `array variable '${v.name}' is never assigned`, "remove it");
  }

  /** Locals declared where they are set rather than up front: see placeLocals. */
  private readonly placed = new Set<Var>();
  private readonly letAssigns = new Map<Stmt, "let" | "var">();
  private readonly loopCounters = new Set<Stmt>();

  /**
   * A local set once, by a statement at the top of the body, and not read before it, becomes a `let`
   * there; a counter used only by its own loop is declared in the loop's header. Besides reading
   * better, values in `let`s and loop-scoped counters are easier on drivers with simple compilers
   * (SwiftShader's JIT keeps function-scope variables in memory).
   */
  private placeLocals(): void {
    const count = (ss: readonly Stmt[], v: Var): number => {
      let n = 0;
      forEachStmt(ss, (s) => { if ((s.k === "assign" || s.k === "for") && s.v === v) n++; });
      forEachExpr(ss, (e) => { if (e.k === "var" && e.v === v) n++; });
      return n;
    };
    const body = this.f.body;
    const assigns = new Map<Var, Stmt[]>();
    forEachStmt(body, (s) => { if ((s.k === "assign" || s.k === "for") && !isArray(s.v.type)) assigns.set(s.v, [...(assigns.get(s.v) ?? []), s]); });
    for (const [v, ss] of assigns) {
      if (this.f.params.includes(v)) continue;
      const s = ss[0]!;
      if (s.k === "assign") {
        // set at the top level before any use: declared there (`let` when never set again)
        const at = body.indexOf(s);
        if (at >= 0 && count(body.slice(0, at), v) === 0 && count([{ k: "expr", x: s.x }], v) === 0) {
          this.placed.add(v);
          this.letAssigns.set(s, ss.length === 1 ? "let" : "var");
        }
      } else if (ss.length === 1 && s.k === "for" && count([s], v) === count(body, v) && count([{ k: "expr", x: s.start }, { k: "expr", x: s.end }], v) === 0) {
        this.placed.add(v);
        this.loopCounters.add(s);
      }
    }
    // In nested blocks: a local first set by a statement that precedes every other use of it, in the same
    // block, is declared there.
    const visit = (ss: readonly Stmt[]): void => ss.forEach((s, at) => {
      childBlocks(s).forEach(visit);
      if (s.k !== "assign" || this.placed.has(s.v) || isArray(s.v.type) || this.f.params.includes(s.v) || assigns.get(s.v)?.[0] !== s) return;
      if (count([{ k: "expr", x: s.x }], s.v) === 0 && count(ss.slice(at), s.v) === count(body, s.v)) {
        this.placed.add(s.v);
        this.letAssigns.set(s, assigns.get(s.v)!.length === 1 ? "let" : "var");
      }
    });
    visit(body);
  }

  private scan(): void {
    const params = new Set(this.f.params);
    const use = (v: Var): void => { if (params.has(v)) this.usedParams.add(v); };
    forEachExpr(this.f.body, (e) => {
      if (e.k === "var") use(e.v);
      if (e.k === "load") { use(this.root(e.arr)); this.loaded.add(this.root(e.arr)); }
      if (e.k === "atomic") { use(this.root(e.arr)); this.atomics.add(this.root(e.arr)); }
      if (e.k === "prop" && (e.prop === "length" || e.prop === "size" || e.prop === "shape") && !this.shared.has(this.root(e.arr)))
        this.lengths.add(this.root(e.arr));
      if (e.k === "gpu" && e.what !== "groupSize") this.builtins.add(e.what);
    });
    forEachStmt(this.f.body, (s) => { if (s.k === "store") { use(this.root(s.arr)); this.stored.add(this.root(s.arr)); } });
  }

  // ---- the module ----

  build(): WgslKernel {
    const f = this.f, k = f.kernel!;
    this.resolveAliases();
    this.scan();
    // Scalar parameters become locals (a kernel may assign them); then every other local, zero-initialised.
    const assigned = new Set<Var>();
    forEachStmt(f.body, (s) => { if (s.k === "assign" || s.k === "for") assigned.add(s.v); });
    const uniforms: WgslKernel["uniforms"][number][] = [];
    const fields: string[] = [];
    f.params.forEach((p, i) => {
      if (isArray(p.type) || !this.usedParams.has(p)) return;
      const t = p.type === "bool" ? "u32" : SCALAR[p.type as "int" | "f64"];
      uniforms.push({ param: i, what: "value", type: t });
      fields.push(`  ${this.name(p)}: ${t},`);
      const value = p.type === "bool" ? `nb_p.${this.name(p)} != 0u` : `nb_p.${this.name(p)}`;
      this.line(assigned.has(p) ? `var ${this.name(p)}: ${SCALAR[p.type as ScalarType]} = ${value};` : `let ${this.name(p)} = ${value};`);
    });
    f.params.forEach((p, i) => {
      if (!this.lengths.has(p)) return;
      uniforms.push({ param: i, what: "length", type: "i32" });
      fields.push(`  nb_len_${this.name(p)}: i32,`);
    });
    this.placeLocals();
    const used = new Set<Var>();
    forEachStmt(f.body, (s) => { if (s.k === "assign" || s.k === "for") used.add(s.v); });
    forEachExpr(f.body, (e) => { if (e.k === "var") used.add(e.v); });
    for (const v of f.locals)
      if (!isArray(v.type) && !this.shared.has(v) && !this.placed.has(v) && used.has(v)) this.line(`var ${this.name(v)}: ${this.typeName(v.type)};`);
    const declEnd = this.out.length;
    this.block(f.body);
    // jump flags are known only now
    const flags = [...this.jumps.keys()].sort((a, b) => a - b).map((id) => `  var nb_j${id}: i32;`);
    this.out.splice(declEnd, 0, ...flags);

    const buffers: { binding: number; param: number; writable: boolean }[] = [];
    const bindings: string[] = [];
    f.params.forEach((p, i) => {
      if (!isArray(p.type) || !(this.loaded.has(p) || this.stored.has(p) || this.atomics.has(p))) return;
      const writable = this.stored.has(p) || this.atomics.has(p);
      const binding = buffers.length;
      buffers.push({ binding, param: i, writable });
      bindings.push(`@group(0) @binding(${binding}) var<storage, ${writable ? "read_write" : "read"}> ${this.name(p)}: array<${this.elemType(p)}>;`);
    });
    let uniformBinding: number | null = null;
    if (fields.length) {
      uniformBinding = buffers.length;
      bindings.push(`@group(0) @binding(${uniformBinding}) var<uniform> nb_p: NbParams;`);
    }
    const shared = k.shared.map((s) => `var<workgroup> ${this.name(s.v)}: array<${this.elemType(s.v)}, ${s.size}>;`);
    const sharedBytes = 4 * k.shared.reduce((n, s) => n + s.size, 0);
    const args = [...this.builtins].sort().map((b) => `@builtin(${GPU_BUILTIN[b][1]}) ${GPU_BUILTIN[b][0]}: vec3<u32>`);
    const sections = [
      `// numbat kernel ${f.sourceName}: WGSL compute shader (float32)`,
      fields.length ? `struct NbParams {\n${fields.join("\n")}\n}` : "",
      bindings.join("\n"),
      shared.join("\n"),
      ...preludeFor(this.helpers),
      [`@compute @workgroup_size(${k.groupSize.join(", ")})`, `fn main(${args.join(", ")}) {`, ...this.out, "}"].join("\n"),
    ];
    const code = sections.filter(Boolean).join("\n\n") + "\n";
    return { code, buffers, uniforms, uniformBinding, sharedBytes };
  }

  private typeName(t: Type): string {
    if (t === "void" || isArray(t)) throw new Error(`WGSL: no variable type for ${JSON.stringify(t)}`);
    return SCALAR[t];
  }
  private elemType(v: Var): string {
    const d = (v.type as ArrayType).dtype as keyof typeof ELEM;
    return this.atomics.has(v) ? `atomic<${ELEM[d]}>` : ELEM[d];
  }

  // ---- statements ----

  /** Renders an expression for a statement, emitting what it hoists first. */
  private top(e: Expr): W {
    const cx: Ctx = { pre: [] };
    const c = this.ex(e, cx);
    this.lines(cx.pre);
    return c;
  }

  protected stmt(s: Stmt): void {
    switch (s.k) {
      case "assign": {
        if (isArray(s.v.type)) return; // an alias (resolveAliases)
        const decl = this.letAssigns.get(s);
        const once = this.readOnce([s.x]);
        this.line(`${decl ? `${decl} ` : ""}${this.name(s.v)} = ${this.top(s.x).s};`);
        once.forEach((e) => this.loadedOnce.delete(e));
        return;
      }
      case "store": {
        const once = this.readOnce([...s.idx, s.x]);
        const cx: Ctx = { pre: [] };
        const [i, x] = this.seq([...s.idx, s.x], cx);
        this.lines(cx.pre);
        const arr = this.root(s.arr), el = `${this.name(arr)}[${i!.s}]`;
        const val = this.dtype(arr) === "u32" ? `u32(${x!.s})` : x!.s;
        this.line(this.atomics.has(arr) ? `atomicStore(&${el}, ${val});` : `${el} = ${val};`);
        once.forEach((e) => this.loadedOnce.delete(e));
        return;
      }
      case "expr": {
        const cx: Ctx = { pre: [] };
        this.ex(s.x, cx); // only what it hoists (atomics, traps) has an effect
        this.lines(cx.pre);
        return;
      }
      case "if":
        this.ifChain(s, this.top(s.c).s, (c) => {
          const cx: Ctx = { pre: [] }, w = this.ex(c, cx);
          return cx.pre.length ? undefined : w.s; // a condition that needs statements nests in the else block
        });
        return;
      case "for": this.forLoop(s); return;
      case "loop": this.loop(s); return;
      case "break": this.jump(this.breakTo.get(s.label)!, "break"); return;
      case "continue": { const t = this.continueTo.get(s.label)!; this.jump(t.frame, t.action); return; }
      case "return": this.line("return;"); return;
      // JS would throw; a GPU thread cannot, so it stops here (documented in docs/webgpu.md).
      case "throw": this.line(`return; // throw new ${s.cls}(${JSON.stringify(s.msg).replace(/\*\//g, "* /")})`); return;
      case "barrier": this.line(this.storageShared() ? "workgroupBarrier(); storageBarrier();" : "workgroupBarrier();"); return;
      default: s satisfies never;
    }
  }

  /** Whether threads of a group can communicate through a storage buffer (read and written, or atomic). */
  private storageShared(): boolean {
    return this.f.params.some((p) => this.atomics.has(p) || (this.stored.has(p) && this.loaded.has(p)));
  }

  // ---- loops and jumps ----

  private openFrame(open: string, body: (fr: Frame) => void, close = "}"): void {
    const fr: Frame = { id: this.frameCount++ };
    this.line(open);
    this.frames.push(fr);
    try { this.indented(() => body(fr)); } finally { this.frames.pop(); }
    this.line(close);
    this.afterClose(fr);
  }

  /** With loops `targets` mapped for the body, restoring outer mappings after (versioned loops reuse labels). */
  private withTargets(label: number, brk: Frame, cont: { frame: Frame; action: Action }, body: () => void): void {
    const b = this.breakTo.get(label), c = this.continueTo.get(label);
    this.breakTo.set(label, brk);
    this.continueTo.set(label, cont);
    try { body(); } finally {
      if (b) this.breakTo.set(label, b); else this.breakTo.delete(label);
      if (c) this.continueTo.set(label, c); else this.continueTo.delete(label);
    }
  }

  private jump(target: Frame, action: Action): void {
    const inner = this.frames[this.frames.length - 1]!;
    if (inner === target) { this.line(`${action};`); return; }
    let acts = this.jumps.get(target.id);
    if (!acts) this.jumps.set(target.id, (acts = new Set()));
    acts.add(action);
    for (let i = this.frames.length - 1; this.frames[i] !== target; i--) {
      let c = this.crossed.get(target.id);
      if (!c) this.crossed.set(target.id, (c = new Set()));
      c.add(this.frames[i]!);
    }
    this.line(`nb_j${target.id} = ${action === "break" ? 1 : 2};`);
    this.line("break;");
  }

  /** After a loop closes: jumps from inside it to an outer loop go on (or land, in that loop's body). */
  private afterClose(fr: Frame): void {
    const parent = this.frames[this.frames.length - 1];
    for (const [target, frames] of this.crossed) {
      if (!frames.has(fr)) continue;
      if (parent && parent.id === target) {
        for (const a of this.jumps.get(target)!) this.line(`if (nb_j${target} == ${a === "break" ? 1 : 2}) { nb_j${target} = 0; ${a}; }`);
      } else this.line(`if (nb_j${target} != 0) { break; }`);
    }
  }

  /** `for (v = start; v < end; v += step)`, `end` evaluated once, after `start`. */
  private forLoop(s: Extract<Stmt, { k: "for" }>): void {
    const v = this.name(s.v), op = BINARY_OPS[s.cmp].js.replace("===", "==");
    const start = this.top(s.start).s;
    const init = this.loopCounters.has(s) ? `var ${v} = ${start}` : "";
    if (!init) this.line(`${v} = ${start};`);
    let end = this.top(s.end).s;
    const inline = loopBoundIsStable(s);
    if (!inline) {
      const t = this.tmp();
      this.line(`let ${t} = ${end};`);
      end = t;
    }
    const step = s.step > 0 ? `${v} += ${s.step}i` : `${v} -= ${-s.step}i`;
    this.openFrame(`for (${init}; ${v} ${op} ${end}; ${step}) {`, (fr) =>
      this.withTargets(s.label, fr, { frame: fr, action: "continue" }, () => this.block(s.body)));
  }

  private loop(s: Extract<Stmt, { k: "loop" }>): void {
    const preTest = (): void => {
      if (!s.pre) return;
      const c = this.top(s.pre);
      this.line(`if (${un("!", c).s}) { break; }`);
    };
    const hasUpdate = s.update.length > 0 || s.post !== null;
    if (!hasUpdate && s.pre) {
      const cx: Ctx = { pre: [] }, c = this.ex(s.pre, cx);
      if (!cx.pre.length) {
        this.openFrame(`while (${c.s}) {`, (fr) => this.withTargets(s.label, fr, { frame: fr, action: "continue" }, () => this.block(s.body)));
        return;
      }
    }
    if (!hasUpdate || this.continuingOk(s)) {
      // `continue` goes to `continuing`, which runs the update and the post-test.
      this.openFrame("loop {", (fr) => this.withTargets(s.label, fr, { frame: fr, action: "continue" }, () => {
        preTest();
        this.block(s.body);
        if (!hasUpdate) return;
        this.line("continuing {");
        this.indented(() => {
          this.block(s.update);
          if (s.post) this.line(`break if ${un("!", this.top(s.post)).s};`);
        });
        this.line("}");
      }));
      return;
    }
    // The update or post-test may stop the thread (`return`), which `continuing` forbids: the body runs
    // in a one-pass inner loop that `continue` leaves.
    this.openFrame("loop {", (outer) => {
      preTest();
      this.openFrame("loop {", (inner) => this.withTargets(s.label, outer, { frame: inner, action: "break" }, () => {
        this.block(s.body);
        this.line("break;");
      }));
      this.block(s.update);
      if (s.post) this.line(`if (${un("!", this.top(s.post)).s}) { break; }`);
    });
  }

  /** A `continuing` block may not return (a trap) nor break except by its final `break if`. */
  private continuingOk(s: Extract<Stmt, { k: "loop" }>): boolean {
    let ok = s.update.every((u) => u.k === "assign" || u.k === "store" || u.k === "expr");
    forEachExpr(s.update, (e) => { if (isTrap(e)) ok = false; });
    if (s.post) forEachExpr([{ k: "expr", x: s.post }], (e) => { if (isTrap(e)) ok = false; });
    return ok;
  }

  // ---- expressions ----

  /** Contains something that acts or may stop the thread, so its place in the evaluation order matters. */
  private impure(e: Expr): boolean {
    let r = this.impureMemo.get(e);
    if (r === undefined) {
      r = e.k === "atomic" || isTrap(e);
      if (!r) forEachExpr([{ k: "expr", x: e }], (x) => { if (x !== e && (x.k === "atomic" || isTrap(x))) r = true; });
      this.impureMemo.set(e, r);
    }
    return r;
  }

  /**
   * Renders operands left to right. Before an operand that hoists something, the operands already
   * rendered that read memory are fixed in `let`s, so they see the values JS would.
   */
  private seq(es: readonly Expr[], cx: Ctx): W[] {
    const out: W[] = [];
    es.forEach((e, k) => {
      if (this.impure(e)) {
        for (let j = 0; j < k; j++) {
          const x = es[j]!;
          if (x.k === "const" || x.k === "var" || x.k === "gpu" || x.k === "prop" || /^nb_t\d+$/.test(out[j]!.s)) continue;
          out[j] = this.hoist(out[j]!, cx);
        }
      }
      out.push(this.ex(e, cx));
    });
    return out;
  }

  private hoist(c: W, cx: Ctx): W {
    const t = this.tmp();
    cx.pre.push(`let ${t} = ${c.s};`);
    return prim(t);
  }

  /** `x` once, as a name (for a value used twice). */
  private once(c: W, cx: Ctx): W {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(c.s) ? c : this.hoist(c, cx);
  }

  private ex(e: Expr, cx: Ctx): W {
    switch (e.k) {
      case "const":
        if (e.type === "bool") return prim(e.value ? "true" : "false");
        return e.type === "f64" ? f32Lit(e.value as number, this.need) : i32Lit(e.value as number);
      case "var": return prim(this.name(this.root(e.v)));
      case "unary": {
        const x = this.ex(e.x, cx);
        return UNARY[e.op](this.constSafe(e) ? x : this.runtime([x], cx)[0]!);
      }
      case "binary": {
        let [a, b] = this.seq([e.a, e.b], cx);
        if (!this.constSafe(e)) [a, b] = this.runtime([a!, b!], cx);
        // `(h >>> 0) % n` and Uint32Array elements: an unsigned value above 2^31 does not fit i32, but its
        // remainder by a positive constant does, so that one is computed in u32 (as JS computes it).
        if (e.op === "mod" && e.b.k === "const" && (e.b.value as number) > 0 && (e.b.value as number) < 2 ** 31 && this.unsigned(e.a))
          return call("i32", [w(`${wrap(this.exU32(e.a, cx), P.MUL)} % ${e.b.value}u`, P.MUL)]);
        if (isTrap(e)) {
          // JS throws a RangeError for an integer remainder by zero; the thread stops instead.
          b = this.once(b!, cx);
          cx.pre.push(`if (${b.s} == 0i) { return; }`);
        }
        return BINARY[e.op](a!, b!, e.a.type as ScalarType, this.need);
      }
      case "cast":
        if (e.op === "i2f" && this.unsigned(e.x)) return call("f32", [this.exU32(e.x, cx)]); // exact, as in JS
        return CAST[e.op](this.ex(e.x, cx), e.x.type as ScalarType, this.need);
      case "math": {
        let args = this.seq(e.args, cx);
        if (!this.constSafe(e)) args = this.runtime(args, cx);
        return MATH[e.fn](args, (e.args[0]?.type ?? "f64") as ScalarType, this.need);
      }
      case "cond": {
        const c = this.ex(e.c, cx);
        if (!this.impure(e.a) && !this.impure(e.b)) return call("select", [this.ex(e.b, cx), this.ex(e.a, cx), c]);
        return this.branches(e.type, c, e.a, e.b, cx);
      }
      case "logical": {
        const isAnd = e.op === "and";
        if (e.type === "bool") {
          const a = this.ex(e.a, cx);
          if (!this.impure(e.b)) {
            const b = this.ex(e.b, cx);
            return isAnd ? and(a, b) : or(a, b);
          }
          const t = this.tmp();
          const cb: Ctx = { pre: [] }, b = this.ex(e.b, cb);
          cx.pre.push(`var ${t} = ${a.s};`, `if (${isAnd ? t : `!${t}`}) {`, ...indent(cb.pre), `  ${t} = ${b.s};`, "}");
          return prim(t);
        }
        // JS returns an operand: `a && b` is a when a is falsy, else b.
        const a = this.once(this.ex(e.a, cx), cx);
        const truthy = CAST.truthy(a, e.type as ScalarType, this.need);
        if (!this.impure(e.b)) {
          const b = this.ex(e.b, cx);
          return call("select", isAnd ? [a, b, truthy] : [b, a, truthy]);
        }
        return isAnd ? this.branches(e.type, truthy, e.b, a, cx) : this.branches(e.type, truthy, a, e.b, cx);
      }
      case "load": {
        const once = this.loadedOnce.get(e);
        if (once) return prim(once);
        const [i] = this.seq(e.idx, cx);
        const arr = this.root(e.arr), el = `${this.name(arr)}[${i!.s}]`;
        const v = this.atomics.has(arr) ? `atomicLoad(&${el})` : el;
        return this.dtype(arr) === "u32" ? prim(`i32(${v})`) : prim(v);
      }
      case "prop": {
        const arr = this.root(e.arr);
        if (e.prop === "stride") return prim("1i");
        if (e.prop === "offset") return prim("0i");
        const size = this.shared.get(arr);
        return size !== undefined ? i32Lit(size) : prim(`nb_p.nb_len_${this.name(arr)}`);
      }
      case "gpu": {
        if (e.what === "groupSize") return i32Lit(this.f.kernel!.groupSize[e.axis]);
        return prim(`i32(${GPU_BUILTIN[e.what][0]}.${AXES[e.axis]})`);
      }
      case "atomic": {
        const [i, x] = this.seq([...e.idx, e.x], cx);
        const arr = this.root(e.arr), u = this.dtype(arr) === "u32";
        const c = `${ATOMIC_FN[e.op]}(&${this.name(arr)}[${i!.s}], ${u ? `u32(${x!.s})` : x!.s})`;
        const t = this.tmp();
        cx.pre.push(`let ${t} = ${u ? `i32(${c})` : c};`);
        return prim(t);
      }
      case "call": case "alloc": case "disjoint":
        throw new Error(`WGSL: ${e.k} in a kernel (rejected by the frontend)`);
      default: return e satisfies never;
    }
  }

  /** Loads that a statement reads more than once, by node: the `let` that holds the value. */
  private readonly loadedOnce = new Map<Expr, string>();

  /**
   * A statement that reads one element several times (`x[i] * y[i] + 2 * x[i]`) reads it once, into a
   * `let` before it: drivers rarely merge loads from storage buffers, which may alias. Only where the
   * statement has nothing that acts (atomics, traps) between the reads, and only for reads that JS
   * always evaluates (not in a lazy operand of `?:`, `&&`, `||`).
   */
  private readOnce(es: readonly Expr[]): Expr[] {
    if (es.some((e) => this.impure(e))) return [];
    const groups: Extract<Expr, { k: "load" }>[][] = [];
    const visit = (e: Expr): void => {
      if (e.k === "cond") { visit(e.c); return; }
      if (e.k === "logical") { visit(e.a); return; }
      if (e.k === "load" && !this.atomics.has(this.root(e.arr))) {
        const g = groups.find((l) => this.root(l[0]!.arr) === this.root(e.arr) && sameList(l[0]!.idx, e.idx));
        if (g) { g.push(e); return; }
        groups.push([e]);
      }
      childExprs(e).forEach(visit);
    };
    es.forEach(visit);
    const once: Expr[] = [];
    for (const g of groups) {
      if (g.length < 2) continue;
      const t = this.tmp(), cx: Ctx = { pre: [] }, v = this.ex(g[0]!, cx);
      this.lines(cx.pre);
      this.line(`let ${t} = ${v.s};`);
      for (const e of g) this.loadedOnce.set(e, t);
      once.push(...g);
    }
    return once;
  }

  /** An int whose JS value is a uint32 (`x >>> n`, a Uint32Array element): WGSL can hold it as u32. */
  private unsigned(e: Expr): boolean {
    return (e.k === "binary" && e.op === "ushr") || (e.k === "load" && this.dtype(e.arr) === "u32" && !this.atomics.has(this.root(e.arr)));
  }
  /** An `unsigned` expression as a WGSL u32. */
  private exU32(e: Expr, cx: Ctx): W {
    if (e.k === "binary") {
      const [a, b] = this.seq([e.a, e.b], cx);
      return w(`u32(${a!.s}) >> ${b!.s.match(/^\d+i$/) ? `${Number(b!.s.slice(0, -1)) & 31}u` : `u32(${b!.s})`}`, P.SHIFT);
    }
    if (e.k !== "load") throw new Error("WGSL: exU32 of a non-unsigned expression");
    const [i] = this.seq(e.idx, cx);
    return prim(`${this.name(this.root(e.arr))}[${i!.s}]`);
  }

  /** A lazily evaluated choice between two operands that hoist statements: a `var` set in an `if`. */
  private branches(t: Type, c: W, a: Expr | W, b: Expr | W, cx: Ctx): W {
    const v = this.tmp();
    const arm = (x: Expr | W): string[] => {
      if ("s" in x) return [`  ${v} = ${x.s};`];
      const inner: Ctx = { pre: [] }, r = this.ex(x, inner);
      return [...indent(inner.pre), `  ${v} = ${r.s};`];
    };
    cx.pre.push(`var ${v}: ${this.typeName(t)};`, `if (${c.s}) {`, ...arm(a), "} else {", ...arm(b), "}");
    return prim(v);
  }

  /**
   * WGSL evaluates operations on constants at shader creation and rejects the shader when the result
   * overflows or is not finite (`1e30 * 1e30`, `Math.log(0)`); JS computes them at run time. Such an
   * operation gets its first operand through a `let`, which makes it a run-time expression too.
   */
  private constSafe(e: Expr): boolean {
    const children = e.k === "unary" ? [e.x] : e.k === "binary" ? [e.a, e.b] : e.k === "math" ? e.args : [];
    if (!children.length || !children.every(isConstTree)) return true;
    if (e.k === "math") return false;
    const v = constValue(e);
    if (v === undefined) return true; // comparisons, bitwise ops: cannot fail
    if (typeof v === "boolean") return true;
    return e.type === "int" ? Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 : Number.isFinite(v);
  }
  private runtime(cs: readonly W[], cx: Ctx): W[] {
    const out = [...cs];
    out[0] = this.hoist(cs[0]!, cx);
    return out;
  }
}


/** An integer `%` whose divisor may be zero: JS throws there, a GPU thread stops. */
const isTrap = isCheckedMod;

/** A tree of operations on constants only: WGSL evaluates it when the shader is created. */
function isConstTree(e: Expr): boolean {
  switch (e.k) {
    case "const": return true;
    case "unary": return isConstTree(e.x);
    case "binary": return isConstTree(e.a) && isConstTree(e.b);
    case "cast": return isConstTree(e.x);
    case "math": return e.args.every(isConstTree);
    default: return false;
  }
}

/**
 * The value WGSL's constant evaluation gives an arithmetic tree (f32 rounding, i32 results exact so a
 * caller can see overflow), or undefined for what it does not model (those cannot fail or are hoisted).
 */
function constValue(e: Expr): number | boolean | undefined {
  const r = (x: number): number => (e.type === "f64" ? Math.fround(x) : x);
  switch (e.k) {
    case "const": return typeof e.value === "boolean" ? e.value : e.type === "f64" ? Math.fround(e.value) : e.value | 0;
    case "unary": {
      const x = constValue(e.x);
      return e.op === "neg" && typeof x === "number" ? r(-x) : undefined;
    }
    case "binary": {
      const a = constValue(e.a), b = constValue(e.b);
      if (typeof a !== "number" || typeof b !== "number" || !Number.isFinite(a) || !Number.isFinite(b)) return a === undefined || b === undefined ? undefined : NaN;
      switch (e.op) {
        case "add": return r(a + b);
        case "sub": return r(a - b);
        case "mul": return r(a * b);
        case "div": return r(a / b);
        case "mod": return e.type === "int" ? (b === 0 ? NaN : a % b) : undefined;
        case "shl": return a * 2 ** (b & 31);
        default: return undefined;
      }
    }
    default: return undefined;
  }
}

