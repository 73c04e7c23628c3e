// WebAssembly binary encoder with an emit-time value-stack checker and a WAT printer (in the style of
// jax-js's wasmblr). Every per-op fact comes from the table in opcodes.ts; this file is the generic
// machinery: byte buffer and LEB128, control frames, sections, the "name" section, and text output.

import { opFacts, VALTYPE_BYTE, EMPTY_BLOCK, type OpFacts, type ValType, type WasmOp } from "./opcodes.js";
export { opFacts, OP_NAMES, type ValType, type WasmOp, type OpFacts } from "./opcodes.js";

export type BlockType = ValType | null; // null = no result
/** align = log2 bytes; default = the op's natural alignment. */
export interface MemArg { offset?: number; align?: number }
export interface MemoryOpts { initial: number; maximum?: number; shared?: boolean }

// ---------------------------------------------------------------------------------------------------
// Bytes

const scratch = new DataView(new ArrayBuffer(8));
const utf8 = new TextEncoder();

/** Growable byte buffer with LEB128 and little-endian float writers. */
export class ByteBuf {
  buf: Uint8Array;
  len = 0;
  constructor(capacity = 256) { this.buf = new Uint8Array(capacity); }

  private grow(n: number): void {
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  u8(b: number): void {
    if (this.len === this.buf.length) this.grow(1);
    this.buf[this.len++] = b;
  }
  bytes(a: ArrayLike<number>): void {
    if (this.len + a.length > this.buf.length) this.grow(a.length);
    if (a instanceof Uint8Array) { this.buf.set(a, this.len); this.len += a.length; return; }
    for (let i = 0; i < a.length; i++) this.buf[this.len++] = a[i];
  }
  u32(x: number): void {
    x >>>= 0;
    do { const b = x & 0x7f; x >>>= 7; this.u8(x ? b | 0x80 : b); } while (x);
  }
  s32(x: number): void {
    x |= 0;
    for (;;) {
      const b = x & 0x7f;
      x >>= 7;
      if ((x === 0 && !(b & 0x40)) || (x === -1 && b & 0x40)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }
  s64(x: bigint): void {
    x = BigInt.asIntN(64, x);
    for (;;) {
      const b = Number(x & 0x7fn);
      x >>= 7n;
      if ((x === 0n && !(b & 0x40)) || (x === -1n && b & 0x40)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }
  f32(x: number): void { scratch.setFloat32(0, x, true); this.fromScratch(4); }
  /** Bit-exact: keeps -0 and NaN payloads of the JS number. */
  f64(x: number): void { scratch.setFloat64(0, x, true); this.fromScratch(8); }
  private fromScratch(n: number): void { for (let i = 0; i < n; i++) this.u8(scratch.getUint8(i)); }
  /** Length-prefixed UTF-8 name. */
  name(s: string): void { const b = utf8.encode(s); this.u32(b.length); this.bytes(b); }
  /** Length-prefixed contents of another buffer (a section or a function body). */
  sized(b: ByteBuf): void { this.u32(b.len); this.bytes(b.buf.subarray(0, b.len)); }
  result(): Uint8Array { return this.buf.slice(0, this.len); }
}

// ---------------------------------------------------------------------------------------------------
// Function builder and value-stack checker

/** Stack slot type; "any" is the polymorphic slot popped from unreachable code. */
type Slot = ValType | "any";
type FrameKind = "func" | "block" | "loop" | "if" | "else";
interface Frame {
  kind: FrameKind;
  label: string | undefined;
  results: readonly ValType[];
  height: number; // value-stack height at entry
  dead: boolean; // after br/return/unreachable: stack is polymorphic until the frame ends
}

const NONE: readonly ValType[] = Object.freeze([]);
/** One-type signatures, shared so that local.set etc. allocate nothing. */
const ONE: Readonly<Record<ValType, readonly ValType[]>> = { i32: ["i32"], i64: ["i64"], f32: ["f32"], f64: ["f64"], v128: ["v128"] };
const I32 = ONE.i32;
const blockResults = (t: BlockType): readonly ValType[] => (t === null ? NONE : ONE[t]);

export class FunctionBuilder {
  readonly index: number;
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Types of params then declared locals, by local index. */
  private readonly locals: ValType[];
  private readonly localNames: (string | undefined)[] = [];
  private readonly code = new ByteBuf(512);
  private stack: Slot[] = [];
  private frames: Frame[];
  /** Flat [opName, immediate, ...] record of what was emitted, for toWat. */
  private readonly trace: unknown[] = [];
  /** Encoded body (locals + code), set by finish(). */
  body: Uint8Array | null = null;

  constructor(private readonly mod: ModuleBuilder, index: number, name: string, params: ValType[], results: ValType[]) {
    this.index = index;
    this.name = name;
    this.params = Object.freeze(params.slice());
    this.results = Object.freeze(results.slice());
    this.locals = params.slice();
    this.frames = [{ kind: "func", label: undefined, results: this.results, height: 0, dead: false }];
  }

  get finished(): boolean { return this.body !== null; }

  /** Declare a local; params are locals 0..n-1. `name` is used for the name section and toWat. */
  local(type: ValType, name?: string): number {
    if (this.body) this.fail("local", "function already finished");
    if (!(type in VALTYPE_BYTE)) this.fail("local", `bad type ${String(type)}`);
    this.locals.push(type);
    if (name !== undefined) this.localNames[this.locals.length - 1] = name;
    return this.locals.length - 1;
  }
  nameParam(i: number, name: string): void {
    if (!(i >= 0 && i < this.params.length)) this.fail("nameParam", `no param ${i}`);
    this.localNames[i] = name;
  }
  localType(i: number): ValType {
    const t = this.locals[i];
    if (t === undefined) this.fail("local", `no local ${i} (function has ${this.locals.length})`);
    return t;
  }
  localName(i: number): string | undefined { return this.localNames[i]; }
  get localCount(): number { return this.locals.length; }
  /** Current value-stack types above the innermost block's entry (for debugging a code generator). */
  stackTypes(): readonly string[] { return this.stack.slice(this.top.height); }

  /** Any plain instruction by its text name, with at most one immediate (see opcodes.ts). */
  op(name: WasmOp, ...imm: unknown[]): this;
  op(name: WasmOp, a?: unknown): this {
    const f = opFacts(name);
    if (f === undefined) this.fail(String(name), "unknown instruction");
    if (this.body) this.fail(name, "function already finished");
    if (f.pop !== null) {
      this.popAll(f.pop, name);
      for (let i = 0; i < f.push!.length; i++) this.stack.push(f.push![i]);
    } else {
      this.dynamic(name, a);
    }
    const c = this.code;
    c.u8(f.code);
    if (f.sub >= 0) c.u32(f.sub);
    if (f.imm !== "") a = this.immediate(f, a);
    else if (a !== undefined) this.fail(name, "takes no immediate");
    this.trace.push(name, a);
    return this;
  }

  // Ops whose stack effect depends on the immediate or on the stack itself.
  private dynamic(name: WasmOp, a: unknown): void {
    const st = this.stack;
    switch (name) {
      case "local.get": st.push(this.localType(this.index32(name, a))); return;
      case "local.set": this.popAll(ONE[this.localType(this.index32(name, a))], name); return;
      case "local.tee": { const t = this.localType(this.index32(name, a)); this.popAll(ONE[t], name); st.push(t); return; }
      case "global.get": st.push(this.mod.globalInfo(this.index32(name, a), name, this).type); return;
      case "global.set": {
        const g = this.mod.globalInfo(this.index32(name, a), name, this);
        if (!g.mutable) this.fail(name, `global ${String(a)} is immutable`);
        this.popAll(ONE[g.type], name);
        return;
      }
      case "call": {
        const s = this.mod.signature(this.index32(name, a));
        if (!s) this.fail(name, `no function ${String(a)}`);
        this.popAll(s.params, `call $${s.name}`);
        for (const t of s.results) st.push(t);
        return;
      }
      case "drop": this.popAny(name); return;
      case "select": {
        this.popAll(I32, name);
        const b = this.popAny(name), c = this.popAny(name);
        if (b !== c && b !== "any" && c !== "any") this.fail(name, `operands differ: [${c} ${b}]`);
        st.push(b === "any" ? c : b);
        return;
      }
      case "return": this.popAll(this.results, name); this.setDead(); return;
      case "unreachable": this.setDead(); return;
    }
    this.fail(name, "no stack rule (opcodes table bug)");
  }

  // Writes the immediate after the opcode; returns what toWat should show.
  private immediate(f: OpFacts, a: unknown): unknown {
    const c = this.code;
    switch (f.imm) {
      case "i32": {
        const v = typeof a === "bigint" ? Number(BigInt.asIntN(32, a)) : (a as number);
        if (!Number.isInteger(v) || v < -0x80000000 || v > 0xffffffff) this.fail(f.name, `bad i32 ${String(a)}`);
        c.s32(v);
        return v | 0;
      }
      case "i64": {
        if (typeof a === "number" && (a | 0) === a) { c.s32(a); return a; } // same bytes as s64 for small values
        if (typeof a === "number" ? !Number.isInteger(a) || a < -(2 ** 63) || a >= 2 ** 64 : typeof a !== "bigint")
          this.fail(f.name, `bad i64 ${String(a)}`);
        const v = BigInt.asIntN(64, BigInt(a as number | bigint));
        c.s64(v);
        return v;
      }
      case "f32": case "f64":
        if (typeof a !== "number") this.fail(f.name, `bad float ${String(a)}`);
        if (f.imm === "f32") c.f32(a); else c.f64(a);
        return a;
      case "v128": case "shuffle": {
        const b = a && ArrayBuffer.isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : (a as ArrayLike<number>);
        if (!b || b.length !== 16) this.fail(f.name, "needs 16 bytes");
        const copy = Uint8Array.from(b);
        if (f.imm === "shuffle" && copy.some((x) => x >= 32)) this.fail(f.name, "lane index >= 32");
        c.bytes(copy);
        return copy;
      }
      case "mem": {
        const m = (a ?? {}) as MemArg;
        const align = m.align ?? f.extra, offset = m.offset ?? 0;
        if (!(Number.isInteger(align) && align >= 0 && align <= f.extra)) this.fail(f.name, `align ${align} > natural ${f.extra}`);
        if (!(Number.isInteger(offset) && offset >= 0 && offset <= 0xffffffff)) this.fail(f.name, `bad offset ${offset}`);
        c.u32(align);
        c.u32(offset);
        this.mod.usesMemory = true;
        return align === f.extra && offset === 0 ? undefined : offset * 16 + align; // packed for toWat
      }
      case "lane": {
        if (!(Number.isInteger(a) && (a as number) >= 0 && (a as number) < f.extra)) this.fail(f.name, `bad lane ${String(a)}`);
        c.u8(a as number);
        return a;
      }
      case "local": case "global": case "func": c.u32(a as number); return a; // checked in dynamic()
      case "mem0": case "mem00": // reserved memory-index byte(s)
        c.u8(0);
        if (f.imm === "mem00") c.u8(0);
        this.mod.usesMemory = true;
        return undefined;
    }
    return this.fail(f.name, `unknown immediate kind ${f.imm}`);
  }

  private index32(name: string, a: unknown): number {
    if (!(Number.isInteger(a) && (a as number) >= 0 && (a as number) <= 0xffffffff)) this.fail(name, `bad index ${String(a)}`);
    return a as number;
  }

  // ---- checker core ----

  private get top(): Frame { return this.frames[this.frames.length - 1]; }

  /** Pop `types` (bottom first) from the stack, checking each; dead frames supply "any". */
  private popAll(types: readonly ValType[], what: string): void {
    const st = this.stack, fr = this.top, n = types.length, base = st.length - n;
    for (let i = 0; i < n; i++) {
      const j = base + i;
      if (j < fr.height ? !fr.dead : st[j] !== types[i] && st[j] !== "any") {
        const have = st.slice(Math.max(fr.height, base));
        this.fail(what, `expected [${types.join(" ")}] but the stack has [${have.join(" ")}]` +
          (base < fr.height && !fr.dead ? ` (${fr.height - base} missing)` : ""));
      }
    }
    for (let k = st.length - Math.max(fr.height, base); k > 0; k--) st.pop(); // cheaper than setting .length
  }

  private popAny(what: string): Slot {
    const fr = this.top;
    if (this.stack.length > fr.height) return this.stack.pop()!;
    if (!fr.dead) this.fail(what, "expected a value but the stack is empty");
    return "any";
  }

  private setDead(): void { const fr = this.top; this.stack.length = fr.height; fr.dead = true; }

  /** At else/end: exactly the frame's results must remain. */
  private checkExit(fr: Frame, what: string): void {
    this.popAll(fr.results, what);
    if (this.stack.length !== fr.height)
      this.fail(what, `expected [${fr.results.join(" ")}] but ${this.stack.length - fr.height} extra value(s) remain: ` +
        `[${this.stack.slice(fr.height).join(" ")}${fr.results.length ? " ..." : ""}]`);
  }

  // ---- structured control ----

  block(result: BlockType = null, label?: string): this { return this.open("block", 0x02, result, label); }
  loop(result: BlockType = null, label?: string): this { return this.open("loop", 0x03, result, label); }
  if(result: BlockType = null, label?: string): this {
    this.popAll(I32, "if");
    return this.open("if", 0x04, result, label);
  }
  private open(kind: FrameKind, opcode: number, result: BlockType, label: string | undefined): this {
    if (this.body) this.fail(kind, "function already finished");
    if (result !== null && !(result in VALTYPE_BYTE)) this.fail(kind, `bad block type ${String(result)}`);
    this.frames.push({ kind, label, results: blockResults(result), height: this.stack.length, dead: false });
    this.code.u8(opcode);
    this.code.u8(result === null ? EMPTY_BLOCK : VALTYPE_BYTE[result]);
    this.trace.push(kind, [label, result]);
    return this;
  }

  else(): this {
    const fr = this.top;
    if (fr.kind !== "if") this.fail("else", `no open if (innermost is ${fr.kind})`);
    this.checkExit(fr, "else");
    fr.kind = "else";
    fr.dead = false;
    this.code.u8(0x05);
    this.trace.push("else", undefined);
    return this;
  }

  /** Ends the innermost open block; the end after the body finishes the function. */
  end(): this {
    if (this.frames.length === 1) { this.finish(); return this; }
    const fr = this.top;
    if (fr.kind === "if" && fr.results.length) this.fail("end", `if with result ${fr.results[0]} has no else`);
    this.checkExit(fr, `end of ${fr.kind}${fr.label ? " $" + fr.label : ""}`);
    this.frames.pop();
    for (const t of fr.results) this.stack.push(t);
    this.code.u8(0x0b);
    this.trace.push("end", undefined);
    return this;
  }

  br(target: string | number): this {
    const d = this.depth(target, "br");
    this.popAll(this.labelTypes(d), "br");
    this.setDead();
    this.code.u8(0x0c);
    this.code.u32(d);
    this.trace.push("br", target);
    return this;
  }

  brIf(target: string | number): this {
    const d = this.depth(target, "br_if");
    this.popAll(I32, "br_if");
    const types = this.labelTypes(d);
    this.popAll(types, "br_if");
    for (const t of types) this.stack.push(t);
    this.code.u8(0x0d);
    this.code.u32(d);
    this.trace.push("br_if", target);
    return this;
  }

  /** br_table: branch to targets[i] for i in range, else to dflt. All targets must carry the same types. */
  brTable(targets: readonly (string | number)[], dflt: string | number): this {
    const dd = this.depth(dflt, "br_table"), types = this.labelTypes(dd);
    const ds = targets.map((t) => {
      const d = this.depth(t, "br_table"), ty = this.labelTypes(d);
      if (ty.join() !== types.join()) this.fail("br_table", `target ${String(t)} carries [${ty.join(" ")}], default [${types.join(" ")}]`);
      return d;
    });
    this.popAll(I32, "br_table");
    this.popAll(types, "br_table");
    this.setDead();
    this.code.u8(0x0e);
    this.code.u32(ds.length);
    for (const d of ds) this.code.u32(d);
    this.code.u32(dd);
    this.trace.push("br_table", [...targets, dflt]);
    return this;
  }

  private depth(target: string | number, what: string): number {
    const n = this.frames.length;
    if (typeof target === "number") {
      if (!(Number.isInteger(target) && target >= 0 && target < n)) this.fail(what, `bad depth ${target} (${n} open)`);
      return target;
    }
    for (let d = 0; d < n; d++) if (this.frames[n - 1 - d].label === target) return d;
    return this.fail(what, `no enclosing label $${target}`);
  }

  /** A branch to a loop carries its params (none here); to anything else, its results. */
  private labelTypes(d: number): readonly ValType[] {
    const fr = this.frames[this.frames.length - 1 - d];
    return fr.kind === "loop" ? NONE : fr.results;
  }

  /** Closes the function body (emits the final end) and checks the stack matches the results. */
  finish(): void {
    if (this.body) this.fail("finish", "function already finished");
    if (this.frames.length > 1) this.fail("finish", `${this.frames.length - 1} block(s) still open (innermost ${this.top.kind})`);
    this.checkExit(this.frames[0], "end of function");
    this.code.u8(0x0b);
    // Local declarations: run-length groups of consecutive equal types, in index order.
    const b = new ByteBuf(this.code.len + 16), ls = this.locals, runs: [number, ValType][] = [];
    for (let i = this.params.length; i < ls.length; i++) {
      const last = runs[runs.length - 1];
      if (last && last[1] === ls[i]) last[0]++; else runs.push([1, ls[i]]);
    }
    b.u32(runs.length);
    for (const [n, t] of runs) { b.u32(n); b.u8(VALTYPE_BYTE[t]); }
    b.bytes(this.code.buf.subarray(0, this.code.len));
    this.body = b.result();
    this.stack = [];
    this.frames = [];
  }

  /** Throws an Error naming this function and the instruction. */
  fail(what: string, msg: string): never {
    throw new Error(`wasm function $${this.name} (#${this.index}): ${what}: ${msg}`);
  }

  // ---- text ----

  /** The function as WAT, flat instructions indented by nesting. */
  toWat(names: WatNames, indent = "  "): string {
    const ln = names.locals(this);
    const out: string[] = [];
    let sig = `${indent}(func ${names.funcs[this.index]}`;
    for (let i = 0; i < this.params.length; i++) sig += ` (param ${ln[i]} ${this.params[i]})`;
    if (this.results.length) sig += ` (result ${this.results.join(" ")})`;
    out.push(sig);
    let pad = indent + "  ";
    for (let i = this.params.length; i < this.locals.length; i++) out.push(`${pad}(local ${ln[i]} ${this.locals[i]})`);
    const labels: (string | undefined)[] = [];
    const tr = this.trace;
    for (let i = 0; i < tr.length; i += 2) {
      const name = tr[i] as string, a = tr[i + 1];
      switch (name) {
        case "block": case "loop": case "if": {
          const [label, result] = a as [string | undefined, BlockType];
          labels.push(label);
          out.push(`${pad}${name}${label !== undefined ? " " + watId(label) : ""}${result ? ` (result ${result})` : ""}`);
          pad += "  ";
          continue;
        }
        case "else": out.push(`${pad.slice(2)}else`); continue;
        case "end": pad = pad.slice(2); labels.pop(); out.push(`${pad}end`); continue;
        case "br": case "br_if": out.push(`${pad}${name} ${watLabel(a as string | number)}`); continue;
        case "br_table": out.push(`${pad}br_table ${(a as (string | number)[]).map(watLabel).join(" ")}`); continue;
      }
      const f = opFacts(name)!;
      const imm = a === undefined ? "" : " " + watImm(f, a, ln, names);
      out.push(`${pad}${name}${imm}`);
    }
    out.push(`${indent})`);
    return out.join("\n");
  }
}

// ---------------------------------------------------------------------------------------------------
// WAT helpers

/** Names used by toWat: valid, unique `$ids` for functions (module-wide) and locals (per function). */
export interface WatNames {
  funcs: string[];
  locals(fb: FunctionBuilder): string[];
}

const watId = (s: string): string => "$" + (s.replace(/[^0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]/g, "_") || "_");
const watLabel = (t: string | number): string => (typeof t === "number" ? String(t) : watId(t));

function uniqueIds(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((s) => {
    let id = watId(s);
    for (let k = 1; seen.has(id); k++) id = `${watId(s)}_${k}`;
    seen.add(id);
    return id;
  });
}

/** A float as a WAT literal: inf, nan, nan:0x..., -0 spelled out; finite values as JS prints them. */
export function watFloat(x: number, type: "f32" | "f64"): string {
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  if (x === x) return String(x);
  let sign: boolean, payload: bigint, canonical: bigint;
  if (type === "f64") {
    scratch.setFloat64(0, x);
    const bits = scratch.getBigUint64(0);
    sign = bits >> 63n === 1n; payload = bits & ((1n << 52n) - 1n); canonical = 1n << 51n;
  } else {
    scratch.setFloat32(0, x);
    const bits = scratch.getUint32(0);
    sign = bits >>> 31 === 1; payload = BigInt(bits & 0x7fffff); canonical = 1n << 22n;
  }
  return (sign ? "-" : "") + (payload === canonical ? "nan" : `nan:0x${payload.toString(16)}`);
}

function watImm(f: OpFacts, a: unknown, ln: string[], names: WatNames): string {
  switch (f.imm) {
    case "f32": case "f64": return watFloat(a as number, f.imm);
    case "v128": return "i8x16 " + Array.from(a as Uint8Array).join(" ");
    case "shuffle": return Array.from(a as Uint8Array).join(" ");
    case "mem": {
      const align = (a as number) % 16, offset = Math.floor((a as number) / 16);
      return [offset ? `offset=${offset}` : "", align !== f.extra ? `align=${2 ** align}` : ""].filter(Boolean).join(" ");
    }
    case "local": return ln[a as number];
    case "global": return `$g${String(a)}`;
    case "func": return names.funcs[a as number] ?? String(a);
  }
  return String(a);
}

// ---------------------------------------------------------------------------------------------------
// Module builder

interface FuncSig { name: string; params: readonly ValType[]; results: readonly ValType[] }
interface FuncImport extends FuncSig { module: string; field: string }
interface Global { type: ValType; mutable: boolean; init: number | bigint }

function writeLimits(b: ByteBuf, m: MemoryOpts): void {
  if (m.shared && m.maximum === undefined) throw new Error("wasm: shared memory needs a maximum");
  b.u8(m.shared ? 0x03 : m.maximum !== undefined ? 0x01 : 0x00);
  b.u32(m.initial);
  if (m.maximum !== undefined) b.u32(m.maximum);
}
const watLimits = (m: MemoryOpts): string =>
  `memory ${m.initial}${m.maximum !== undefined ? " " + m.maximum : ""}${m.shared ? " shared" : ""}`;

export class ModuleBuilder {
  private readonly imports: FuncImport[] = [];
  private readonly funcs: FunctionBuilder[] = [];
  private readonly exports: { name: string; kind: 0 | 2; index: number }[] = [];
  private readonly globals: Global[] = [];
  private memory: { opts: MemoryOpts; module?: string; field?: string } | null = null;
  /** Set when any function uses a memory instruction; toBytes then requires a memory. */
  usesMemory = false;

  /** Imports must all be added before any addFunction. Returns the function index. */
  importFunction(module: string, name: string, params: ValType[], results: ValType[]): number {
    if (this.funcs.length) throw new Error(`wasm: import ${module}.${name} after addFunction`);
    this.imports.push({ module, field: name, name: `${module}.${name}`, params: params.slice(), results: results.slice() });
    return this.imports.length - 1;
  }

  importMemory(module: string, name: string, opts: MemoryOpts): void { this.setMemory({ opts: { ...opts }, module, field: name }); }
  /** A memory defined (not imported) by the module; export it with exportMemory. */
  addMemory(opts: MemoryOpts): void { this.setMemory({ opts: { ...opts } }); }
  private setMemory(m: { opts: MemoryOpts; module?: string; field?: string }): void {
    if (this.memory) throw new Error("wasm: only one memory is supported");
    if (m.opts.shared && m.opts.maximum === undefined) throw new Error("wasm: shared memory needs a maximum");
    this.memory = m;
  }

  /** A global with a constant initial value; returns its index for global.get/global.set. */
  addGlobal(type: ValType, mutable: boolean, init: number | bigint = 0): number {
    if (type === "v128") throw new Error("wasm: v128 globals are not supported");
    this.globals.push({ type, mutable, init });
    return this.globals.length - 1;
  }
  /** @internal used by the checker */
  globalInfo(i: number, what: string, fb: FunctionBuilder): Global {
    return this.globals[i] ?? fb.fail(what, `no global ${i}`);
  }

  addFunction(name: string, params: ValType[], results: ValType[]): FunctionBuilder {
    const fb = new FunctionBuilder(this, this.imports.length + this.funcs.length, name, params, results);
    this.funcs.push(fb);
    return fb;
  }

  /** Signature of any function index (imports first), or undefined. */
  signature(i: number): FuncSig | undefined {
    return i < this.imports.length ? this.imports[i] : this.funcs[i - this.imports.length];
  }

  exportFunction(exportName: string, fnIndex: number): void {
    if (!this.signature(fnIndex)) throw new Error(`wasm: export ${exportName}: no function ${fnIndex}`);
    this.addExport(exportName, 0, fnIndex);
  }
  exportMemory(exportName: string): void {
    if (!this.memory) throw new Error(`wasm: export ${exportName}: no memory`);
    this.addExport(exportName, 2, 0);
  }
  private addExport(name: string, kind: 0 | 2, index: number): void {
    if (this.exports.some((e) => e.name === name)) throw new Error(`wasm: duplicate export ${name}`);
    this.exports.push({ name, kind, index });
  }

  /** A valid binary module; throws if any function is unfinished. */
  toBytes(): Uint8Array {
    for (const f of this.funcs) if (!f.finished) throw new Error(`wasm: function $${f.name} (#${f.index}) is unfinished`);
    if (this.usesMemory && !this.memory) throw new Error("wasm: memory instructions used but no memory imported or added");
    const out = new ByteBuf(1024);
    out.bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    const section = (id: number, fill: (b: ByteBuf) => void): void => {
      const b = new ByteBuf();
      fill(b);
      out.u8(id);
      out.sized(b);
    };

    // Deduplicated function types.
    const typeIndex = new Map<string, number>(), typeList: FuncSig[] = [];
    const typeOf = (s: FuncSig): number => {
      const key = s.params.join() + ">" + s.results.join();
      let i = typeIndex.get(key);
      if (i === undefined) { typeIndex.set(key, (i = typeList.length)); typeList.push(s); }
      return i;
    };
    const importTypes = this.imports.map(typeOf), funcTypes = this.funcs.map(typeOf);

    section(1, (b) => {
      b.u32(typeList.length);
      for (const s of typeList) {
        b.u8(0x60);
        b.u32(s.params.length); for (const t of s.params) b.u8(VALTYPE_BYTE[t]);
        b.u32(s.results.length); for (const t of s.results) b.u8(VALTYPE_BYTE[t]);
      }
    });
    const mem = this.memory, memImported = mem?.module !== undefined;
    if (this.imports.length || memImported) section(2, (b) => {
      b.u32(this.imports.length + (memImported ? 1 : 0));
      this.imports.forEach((im, i) => { b.name(im.module); b.name(im.field); b.u8(0x00); b.u32(importTypes[i]); });
      if (mem && memImported) { b.name(mem.module!); b.name(mem.field!); b.u8(0x02); writeLimits(b, mem.opts); }
    });
    if (this.funcs.length) section(3, (b) => { b.u32(funcTypes.length); for (const t of funcTypes) b.u32(t); });
    if (mem && !memImported) section(5, (b) => { b.u32(1); writeLimits(b, mem.opts); });
    if (this.globals.length) section(6, (b) => {
      b.u32(this.globals.length);
      for (const g of this.globals) {
        b.u8(VALTYPE_BYTE[g.type]); b.u8(g.mutable ? 1 : 0);
        b.u8(opFacts(`${g.type}.const`)!.code);
        if (g.type === "i32") b.s32(Number(g.init));
        else if (g.type === "i64") b.s64(BigInt(g.init));
        else if (g.type === "f32") b.f32(Number(g.init));
        else b.f64(Number(g.init));
        b.u8(0x0b);
      }
    });
    if (this.exports.length) section(7, (b) => {
      b.u32(this.exports.length);
      for (const e of this.exports) { b.name(e.name); b.u8(e.kind); b.u32(e.index); }
    });
    if (this.funcs.length) section(10, (b) => {
      b.u32(this.funcs.length);
      for (const f of this.funcs) { b.u32(f.body!.length); b.bytes(f.body!); }
    });
    // "name" custom section: function names (subsection 1) and explicitly named locals (subsection 2).
    section(0, (b) => {
      b.name("name");
      const fn = new ByteBuf();
      fn.u32(this.imports.length + this.funcs.length);
      this.imports.forEach((im, i) => { fn.u32(i); fn.name(im.name); });
      for (const f of this.funcs) { fn.u32(f.index); fn.name(f.name); }
      b.u8(1); b.sized(fn);
      const named = this.funcs.filter((f) => Array.from({ length: f.localCount }, (_, i) => f.localName(i)).some((n) => n !== undefined));
      if (named.length) {
        const lc = new ByteBuf();
        lc.u32(named.length);
        for (const f of named) {
          const idx: number[] = [];
          for (let i = 0; i < f.localCount; i++) if (f.localName(i) !== undefined) idx.push(i);
          lc.u32(f.index); lc.u32(idx.length);
          for (const i of idx) { lc.u32(i); lc.name(f.localName(i)!); }
        }
        b.u8(2); b.sized(lc);
      }
    });
    return out.result();
  }

  /** Readable WAT: imports, memory, globals, exports, then each function's flat instruction list. */
  toWat(): string {
    const funcs = uniqueIds([...this.imports.map((i) => i.name), ...this.funcs.map((f) => f.name)]);
    const names: WatNames = {
      funcs,
      locals: (fb) => uniqueIds(Array.from({ length: fb.localCount }, (_, i) =>
        fb.localName(i) ?? (i < fb.params.length ? `p${i}` : `l${i}`))),
    };
    const q = JSON.stringify; // WAT strings: close enough for ASCII names
    const out = ["(module"];
    this.imports.forEach((im, i) => {
      const sig = (im.params.length ? ` (param ${im.params.join(" ")})` : "") + (im.results.length ? ` (result ${im.results.join(" ")})` : "");
      out.push(`  (import ${q(im.module)} ${q(im.field)} (func ${funcs[i]}${sig}))`);
    });
    const mem = this.memory;
    if (mem?.module !== undefined) out.push(`  (import ${q(mem.module)} ${q(mem.field)} (${watLimits(mem.opts)}))`);
    else if (mem) out.push(`  (${watLimits(mem.opts)})`);
    this.globals.forEach((g, i) => {
      const ty = g.mutable ? `(mut ${g.type})` : g.type;
      const init = g.type === "f32" || g.type === "f64" ? watFloat(Number(g.init), g.type) : String(g.init);
      out.push(`  (global $g${i} ${ty} (${g.type}.const ${init}))`);
    });
    for (const e of this.exports) out.push(`  (export ${q(e.name)} (${e.kind === 0 ? `func ${funcs[e.index]}` : "memory 0"}))`);
    for (const f of this.funcs) out.push(f.toWat(names)); // unfinished ones too, to debug a partial build
    out.push(")");
    return out.join("\n");
  }
}
