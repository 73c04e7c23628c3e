// The fuzzer's program representation: a small statement/expression tree that renders to JS source.
// Every expression carries what the generator knows about it under numbat's typing rules
// (docs/semantics.md, "Integers"), so that the generator, and the shrinker after it, never build a
// program whose comparison would hit one of the contract's documented deviations:
//
//   kind "i": integer-valued; |value| <= b. On even seeds b <= 2^53 and the value is never -0 (products,
//             remainders and negations are followed by `+ 0`); "wide" programs (odd seeds, gen.ts) go
//             past 2^53 and make -0, which numbat computes exactly as JS does (issue 16).
//   kind "f": certainly a float (f64) in numbat: a float literal, a float array element, `/`, Math.sin, ...
//   kind "b": a boolean.
//
// `sure` marks "i" expressions that numbat certainly types as integers (needed where it demands one:
// prange bounds, allocation sizes). `keep` marks the nodes that make a program safe (masks bounding
// integers, `+ 0` normalising -0, non-zero divisors, index guards): the shrinker never removes them.

export type Kind = "i" | "f" | "b";

interface Base {
  kind: Kind;
  /** For kind "i": a bound on |value| when numbat types it as an integer. */
  b: number;
  sure?: boolean;
  keep?: boolean;
}

export type Expr =
  | (Base & { t: "lit"; text: string })
  | (Base & { t: "var"; name: string })
  | (Base & { t: "prop"; text: string }) // a.length, A.shape[0], A.size, Math.PI: a leaf
  | (Base & { t: "bin"; op: string; a: Expr; c: Expr })
  | (Base & { t: "un"; op: string; x: Expr })
  | (Base & { t: "cond"; c: Expr; a: Expr; e: Expr })
  | (Base & { t: "call"; fn: string; args: Expr[] })
  | (Base & { t: "load"; arr: string; nd: boolean; idx: Expr[] })
  | (Base & { t: "assign"; target: Target; op: string; value: Expr })
  | (Base & { t: "update"; target: Target; op: "++" | "--"; prefix: boolean })
  | (Base & { t: "seq"; xs: Expr[] });

export type Target = { t: "var"; name: string } | { t: "elem"; arr: string; idx: Expr[] };

export type Stmt =
  | { t: "decl"; kw: "let" | "const" | "var"; name: string; init: Expr }
  | { t: "shape"; kw: "let" | "const"; names: string[]; arr: string; prop: "shape" | "stride" }
  | { t: "alloc"; name: string; ctor: string; dims: Expr[]; dtype?: string }
  | { t: "assign"; target: Target; op: string; value: Expr }
  | { t: "update"; target: Target; op: "++" | "--"; prefix: boolean }
  | { t: "set"; arr: string; idx: Expr[]; value: Expr }
  | { t: "expr"; e: Expr }
  | { t: "if"; c: Expr; then: Stmt[]; else: Stmt[] | null; keep?: boolean }
  | { t: "for"; label?: string; v: string; init: Expr; cmp: string; end: Expr; update: string; extra?: Expr; body: Stmt[] }
  | { t: "forof"; label?: string; v: string; fn: "prange" | "range"; args: Expr[]; body: Stmt[] }
  | { t: "while"; label?: string; w: string; lim: Expr; extra?: Expr; body: Stmt[] }
  | { t: "do"; label?: string; w: string; lim: Expr; extra?: Expr; body: Stmt[] }
  | { t: "break" | "continue"; label?: string }
  | { t: "return"; e: Expr | null }
  | { t: "throw"; cls: "Error" | "RangeError" | "TypeError"; msg: string }
  | { t: "block"; body: Stmt[] };

export interface FnDef {
  name: string;
  params: string[];
  body: Stmt[];
  /** "function" renders `function name(...) {...}`, "arrow" renders `(...) => {...}`. */
  style: "function" | "arrow";
}

// ---------------------------------------------------------------------------------------------------
// Rendering
//
// Sanitized renderings are the same program with checks the oracle runs plainly (oracle.ts):
// - level 1 ("basic"): every index checked by `$ix(extent, i)`, and every `%` that numbat may type as
//   an integer operation computed by `$ar("%", a, b)`;
// - level 2 ("strict"): also every `+ - *` and unary `-` that numbat may type as integer operations,
//   through `$ar`/`$neg`. These used to reject remainders by zero, results beyond 2^53 and -0 (the
//   contract's old integer deviations); since issue 16 numbat computes them exactly as JS does, and
//   `$ar`/`$neg` (oracle.ts) just compute JS's result.
// "May type as integer" is decided from the kinds of the operands, recomputed from the tree (the
// shrinker edits it). The strict checks also fire for operations that numbat types as float ones
// when the values happen to be integral (a float flowing through a helper, say), so they only run on
// programs that mismatch: see oracle.ts.

export type SanitizeLevel = 0 | 1 | 2;
let SAN: SanitizeLevel = 0;

/** The kind of `e` from its operands (what numbat infers), trusting the recorded kind of leaves. */
export function staticKind(e: Expr): Kind {
  const num = (k: Kind): "i" | "f" => (k === "f" ? "f" : "i");
  switch (e.t) {
    // A literal -0 is a float (semantics.md, "-0").
    case "lit": return e.text === "true" || e.text === "false" ? "b" : /^-?\d+$/.test(e.text) && e.text !== "-0" && Math.abs(Number(e.text)) <= 2 ** 53 ? "i" : "f";
    case "var": case "prop": case "load": case "assign": case "update": return e.kind;
    case "bin":
      if (["<", "<=", ">", ">=", "===", "!==", "==", "!="].includes(e.op)) return "b";
      if (["&", "|", "^", "<<", ">>", ">>>"].includes(e.op)) return "i";
      if (e.op === "/" || e.op === "**") return "f";
      if (e.op === "??") return staticKind(e.a);
      if ((e.op === "&&" || e.op === "||") && staticKind(e.a) === "b" && staticKind(e.c) === "b") return "b";
      return num(staticKind(e.a)) === "f" || num(staticKind(e.c)) === "f" ? "f" : "i";
    case "un": return e.op === "!" ? "b" : e.op === "~" ? "i" : num(staticKind(e.x));
    case "cond": {
      const a = staticKind(e.a), b = staticKind(e.e);
      return a === "b" && b === "b" ? "b" : num(a) === "f" || num(b) === "f" ? "f" : "i";
    }
    case "call": {
      const fn = e.fn.replace(/^Math\./, "");
      if (/^(Number\.)?is/.test(e.fn)) return "b";
      if (["imul", "clz32"].includes(fn)) return "i";
      if (["abs", "floor", "ceil", "trunc", "round", "sign", "min", "max"].includes(fn) && e.fn.startsWith("Math."))
        return e.args.length > 0 && e.args.every((x) => num(staticKind(x)) === "i") ? "i" : "f";
      return e.fn.startsWith("Math.") ? "f" : e.kind;
    }
    case "seq": return staticKind(e.xs[e.xs.length - 1]!);
  }
}

const isIntOp = (a: Expr, c: Expr) => staticKind(a) !== "f" && staticKind(c) !== "f";
/** `x + 0` built by the generator to normalise -0. */
const isPlusZero = (e: Expr) => e.t === "bin" && e.op === "+" && e.c.t === "lit" && e.c.text === "0";

function ix(extent: string, e: Expr): string {
  return SAN ? `$ix(${extent}, ${renderExpr(e)})` : renderExpr(e);
}

export function renderExpr(e: Expr): string {
  switch (e.t) {
    case "lit":
      return e.text.startsWith("-") ? `(${e.text})` : e.text;
    case "var":
    case "prop":
      return e.t === "var" ? e.name : e.text;
    case "bin":
      // Only where numbat may type both operands as integers: float arithmetic is the same on both sides.
      if (SAN === 1 && e.op === "%" && isIntOp(e.a, e.c)) return `$ar("%", ${renderExpr(e.a)}, ${renderExpr(e.c)}, true)`;
      if (SAN === 2 && ["+", "-", "*", "%"].includes(e.op) && isIntOp(e.a, e.c)) {
        const zeroOk = isPlusZero(e) && (e.a.t === "bin" || e.a.t === "un" || e.a.t === "assign");
        return `$ar("${e.op}", ${zeroOk ? renderUnchecked(e.a) : renderExpr(e.a)}, ${renderExpr(e.c)})`;
      }
      return `(${renderExpr(e.a)} ${e.op} ${renderExpr(e.c)})`;
    case "un":
      if (SAN === 2 && e.op === "-" && staticKind(e.x) !== "f") return `$neg(${renderExpr(e.x)}, false)`;
      return `(${e.op}${renderExpr(e.x)})`;
    case "cond":
      return `(${renderExpr(e.c)} ? ${renderExpr(e.a)} : ${renderExpr(e.e)})`;
    case "call":
      return `${e.fn}(${e.args.map(renderExpr).join(", ")})`;
    case "load":
      return e.nd ? `${e.arr}.get(${e.idx.map((x, k) => ix(`${e.arr}.shape[${k}]`, x)).join(", ")})` : `${e.arr}[${ix(`${e.arr}.length`, e.idx[0]!)}]`;
    case "assign":
      return `(${renderTarget(e.target)} ${e.op} ${renderExpr(e.value)})`;
    case "update":
      return e.prefix ? `(${e.op}${renderTarget(e.target)})` : `(${renderTarget(e.target)}${e.op})`;
    case "seq":
      return `(${e.xs.map(renderExpr).join(", ")})`;
  }
}

/** The operand of a `+ 0`: its -0 is fine (the sum is +0), everything else is checked. */
function renderUnchecked(e: Expr): string {
  if (e.t === "bin" && ["*", "%", "-", "+"].includes(e.op) && isIntOp(e.a, e.c)) return `$ar("${e.op}", ${renderExpr(e.a)}, ${renderExpr(e.c)}, true)`;
  if (e.t === "un" && e.op === "-" && staticKind(e.x) !== "f") return `$neg(${renderExpr(e.x)}, true)`;
  return renderExpr(e);
}

function renderTarget(t: Target): string {
  return t.t === "var" ? t.name : `${t.arr}[${ix(`${t.arr}.length`, t.idx[0]!)}]`;
}

function label(l: string | undefined): string {
  return l ? `${l}: ` : "";
}

function block(body: Stmt[], ind: string, head: string, tail = ""): string[] {
  return [`${ind}${head}{`, ...renderStmts(body, ind + "  "), `${ind}}${tail}`];
}

export function renderStmts(stmts: Stmt[], ind: string): string[] {
  const out: string[] = [];
  for (const s of stmts) out.push(...renderStmt(s, ind));
  return out;
}

function renderStmt(s: Stmt, ind: string): string[] {
  switch (s.t) {
    case "decl":
      return [`${ind}${s.kw} ${s.name} = ${renderExpr(s.init)};`];
    case "shape":
      return [`${ind}${s.kw} [${s.names.join(", ")}] = ${s.arr}.${s.prop};`];
    case "alloc": {
      const dims = s.dims.map(renderExpr);
      if (s.ctor === "zeros" || s.ctor === "ones")
        return [`${ind}const ${s.name} = ${s.ctor}([${dims.join(", ")}]${s.dtype ? `, "${s.dtype}"` : ""});`];
      return [`${ind}const ${s.name} = new ${s.ctor}(${dims[0]});`];
    }
    case "assign":
      return [`${ind}${renderTarget(s.target)} ${s.op} ${renderExpr(s.value)};`];
    case "update":
      return [`${ind}${s.prefix ? s.op + renderTarget(s.target) : renderTarget(s.target) + s.op};`];
    case "set":
      return [`${ind}${s.arr}.set(${[...s.idx.map((x, k) => ix(`${s.arr}.shape[${k}]`, x)), renderExpr(s.value)].join(", ")});`];
    case "expr":
      return [`${ind}${renderExpr(s.e)};`];
    case "if": {
      const out = block(s.then, ind, `if (${renderExpr(s.c)}) `);
      if (s.else) {
        out[out.length - 1] += " else {";
        out.push(...renderStmts(s.else, ind + "  "), `${ind}}`);
      }
      return out;
    }
    case "for": {
      const test = `${s.v} ${s.cmp} ${renderExpr(s.end)}${s.extra ? ` && ${renderExpr(s.extra)}` : ""}`;
      return block(s.body, ind, `${label(s.label)}for (let ${s.v} = ${renderExpr(s.init)}; ${test}; ${s.update}) `);
    }
    case "forof":
      return block(s.body, ind, `${label(s.label)}for (const ${s.v} of ${s.fn}(${s.args.map(renderExpr).join(", ")})) `);
    case "while": {
      const test = `${s.w} < ${renderExpr(s.lim)}${s.extra ? ` && ${renderExpr(s.extra)}` : ""}`;
      return [`${ind}let ${s.w} = 0;`, ...block([{ t: "update", target: { t: "var", name: s.w }, op: "++", prefix: false }, ...s.body], ind, `${label(s.label)}while (${test}) `)];
    }
    case "do": {
      const test = `${s.w} < ${renderExpr(s.lim)}${s.extra ? ` && ${renderExpr(s.extra)}` : ""}`;
      return [`${ind}let ${s.w} = 0;`, ...block([{ t: "update", target: { t: "var", name: s.w }, op: "++", prefix: false }, ...s.body], ind, `${label(s.label)}do `, ` while (${test});`)];
    }
    case "break":
    case "continue":
      return [`${ind}${s.t}${s.label ? " " + s.label : ""};`];
    case "return":
      return [`${ind}return${s.e ? " " + renderExpr(s.e) : ""};`];
    case "throw":
      return [`${ind}throw new ${s.cls}(${JSON.stringify(s.msg)});`];
    case "block":
      return block(s.body, ind, "");
  }
}

export function renderFn(f: FnDef, level: SanitizeLevel = 0): string {
  SAN = level;
  try {
    return renderFnNow(f);
  } finally {
    SAN = 0;
  }
}

function renderFnNow(f: FnDef): string {
  const body = renderStmts(f.body, "  ");
  const head = f.style === "arrow" ? `(${f.params.join(", ")}) => {` : `function ${f.name}(${f.params.join(", ")}) {`;
  return [head, ...body, "}"].join("\n");
}

// ---------------------------------------------------------------------------------------------------
// Traversal (used by the shrinker): every statement list and every expression slot, with setters.

export type StmtList = Stmt[];

/** Calls `f` on every statement list in `body` (the body itself first, then nested ones in order). */
export function forEachList(body: StmtList, f: (list: StmtList) => void): void {
  f(body);
  for (const s of body) for (const l of childLists(s)) forEachList(l, f);
}

export function childLists(s: Stmt): StmtList[] {
  switch (s.t) {
    case "if": return s.else ? [s.then, s.else] : [s.then];
    case "for": case "forof": case "while": case "do": case "block": return [s.body];
    default: return [];
  }
}

export interface Slot {
  get(): Expr;
  set(e: Expr): void;
}

function exprSlots(get: () => Expr, set: (e: Expr) => void, out: Slot[]): void {
  out.push({ get, set });
  const e = get();
  const sub = (o: object, key: string) => { const obj = o as Record<string, unknown>; exprSlots(() => obj[key] as Expr, (x) => { obj[key] = x; }, out); };
  const subArr = (arr: Expr[]) => arr.forEach((_, i) => exprSlots(() => arr[i]!, (x) => { arr[i] = x; }, out));
  switch (e.t) {
    case "bin": sub(e, "a"); sub(e, "c"); break;
    case "un": sub(e, "x"); break;
    case "cond": sub(e, "c"); sub(e, "a"); sub(e, "e"); break;
    case "call": subArr(e.args); break;
    case "load": subArr(e.idx); break;
    case "assign": if (e.target.t === "elem") subArr(e.target.idx); sub(e, "value"); break;
    case "update": if (e.target.t === "elem") subArr(e.target.idx); break;
    case "seq": subArr(e.xs); break;
    default: break;
  }
}

/** Every expression slot of the statements in `body`, recursively, in source order. */
export function allSlots(body: StmtList): Slot[] {
  const out: Slot[] = [];
  const visit = (list: StmtList): void => {
    for (const s of list) {
      const sub = (o: object, key: string) => { const obj = o as Record<string, unknown>; exprSlots(() => obj[key] as Expr, (x) => { obj[key] = x; }, out); };
      const subArr = (arr: Expr[]) => arr.forEach((_, i) => exprSlots(() => arr[i]!, (x) => { arr[i] = x; }, out));
      switch (s.t) {
        case "decl": sub(s, "init"); break;
        case "alloc": subArr(s.dims); break;
        case "assign": if (s.target.t === "elem") subArr(s.target.idx); sub(s, "value"); break;
        case "update": if (s.target.t === "elem") subArr(s.target.idx); break;
        case "set": subArr(s.idx); sub(s, "value"); break;
        case "expr": sub(s, "e"); break;
        case "if": sub(s, "c"); break;
        case "for": sub(s, "init"); sub(s, "end"); if (s.extra) sub(s, "extra"); break;
        case "forof": subArr(s.args); break;
        case "while": case "do": sub(s, "lim"); if (s.extra) sub(s, "extra"); break;
        case "return": if (s.e) sub(s, "e"); break;
        default: break;
      }
      for (const l of childLists(s)) visit(l);
    }
  };
  visit(body);
  return out;
}

/** The direct sub-expressions of `e`. */
export function children(e: Expr): Expr[] {
  switch (e.t) {
    case "bin": return [e.a, e.c];
    case "un": return [e.x];
    case "cond": return [e.c, e.a, e.e];
    case "call": return e.args;
    case "load": return e.idx;
    case "assign": return [e.value];
    case "seq": return e.xs;
    default: return [];
  }
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}
