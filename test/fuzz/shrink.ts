// Delta debugging for fuzz failures: shrinks a failing program (and its inputs) while the failure
// stays the same (same Verdict.key: category, configuration, and for crashes and compile errors the
// gist of the message).
//
// Passes, repeated until none makes progress or the time budget is spent:
//   1. delete statements (ddmin over every statement list: halves, quarters, ... single statements);
//   2. replace an if/loop/block by the statements inside it;
//   3. replace an expression by a literal of its kind, or by a sub-expression (never promoting past a
//      `keep` node: masks, `+ 0`, non-zero divisors and index guards keep the program inside the
//      contract; a sub-expression is only taken when its integer bound is no larger);
//   4. drop helpers and parameters nobody refers to;
//   5. simplify the inputs (array elements and numbers to 0, 1).
// Every candidate is re-checked in full (plain run first), so a candidate that stops being valid JS,
// goes out of bounds or leaves the subset just fails to reproduce and is dropped.

import { allSlots, childLists, children, clone, forEachList, renderFn, type Expr, type Stmt } from "./ast.js";
import type { Program } from "./gen.js";
import { enc, type Enc, type Inputs } from "./inputs.js";
import { caseOf, checkInputs, CONFIGS, type Case, type Config, type Verdict } from "./oracle.js";

export interface ShrinkResult {
  program: Program;
  inputs: Inputs;
  verdict: Verdict;
  /** Candidates tried and accepted. */
  tried: number;
  accepted: number;
}

export interface ShrinkOptions {
  budgetMs?: number;
  /** Called before each candidate run (a heartbeat for watchdogs). */
  onStep?: () => void;
  /** The verdict of a candidate (default: checkInputs on the configurations of the failure); for tests. */
  verdictOf?: (c: Case) => Verdict;
}

/** The configurations needed to reproduce a failure seen in `cfg` (unchecked wasm only after checked wasm). */
function configsFor(name: string | undefined): readonly Config[] {
  if (name === undefined) return CONFIGS;
  if (name === "wasm-nobc") return CONFIGS.filter((c) => c.name === "wasm" || c.name === "wasm-nobc");
  return CONFIGS.filter((c) => c.name === name);
}

function size(p: Program): number {
  return renderFn(p.kernel).length + p.helpers.reduce((s, h) => s + renderFn(h.fn).length, 0);
}

function inputWeight(i: Inputs): number {
  let w = 0;
  for (const v of i.values) {
    if (Array.isArray(v)) w += v.filter((x) => x !== 0).length;
    else if (typeof v === "number" || typeof v === "string") w += v === 0 ? 0 : v === 1 ? 0.5 : 1;
  }
  return w;
}

export function shrink(program: Program, inputs: Inputs, target: Verdict, opts: ShrinkOptions = {}): ShrinkResult {
  const deadline = performance.now() + (opts.budgetMs ?? 20000);
  const configs = configsFor(target.config);
  let best = { program: clone(program), inputs: clone(inputs) };
  let verdict = target;
  let tried = 0, accepted = 0;
  const out = () => performance.now() > deadline;

  const reproduces = (p: Program, i: Inputs): boolean => {
    tried++;
    opts.onStep?.();
    let v: Verdict;
    try {
      const c = caseOf(p, i);
      v = opts.verdictOf ? opts.verdictOf(c) : checkInputs(c, [i], { configs, calls: 1 }).verdict;
    } catch {
      return false;
    }
    if (v.key !== target.key) return false;
    verdict = v;
    return true;
  };

  /** Tries a program edit made on a clone; keeps it if it is smaller and still fails. */
  const tryProgram = (edit: (p: Program) => boolean): boolean => {
    if (out()) return false;
    const cand = clone(best.program);
    if (!edit(cand)) return false;
    if (size(cand) >= size(best.program)) return false;
    if (!reproduces(cand, best.inputs)) return false;
    best = { program: cand, inputs: best.inputs };
    accepted++;
    return true;
  };

  const tryInputs = (edit: (i: Inputs) => boolean): boolean => {
    if (out()) return false;
    const cand = clone(best.inputs);
    if (!edit(cand)) return false;
    if (inputWeight(cand) >= inputWeight(best.inputs)) return false;
    if (!reproduces(best.program, cand)) return false;
    best = { program: best.program, inputs: cand };
    accepted++;
    return true;
  };

  /** Statement lists of a program in a stable order: helpers' bodies, then the kernel's. */
  const lists = (p: Program): Stmt[][] => {
    const ls: Stmt[][] = [];
    for (const f of [...p.helpers.map((h) => h.fn), p.kernel]) forEachList(f.body, (l) => ls.push(l));
    return ls;
  };

  const deleteStatements = (): boolean => {
    let progress = false;
    for (let li = 0; li < lists(best.program).length && !out(); li++) {
      let chunk = Math.max(1, Math.floor((lists(best.program)[li]?.length ?? 0) / 2));
      while (chunk >= 1 && !out()) {
        let start = 0;
        let any = false;
        while (start < (lists(best.program)[li]?.length ?? 0) && !out()) {
          const ok = tryProgram((p) => {
            const l = lists(p)[li];
            if (!l || start >= l.length) return false;
            l.splice(start, chunk);
            return true;
          });
          if (ok) any = progress = true;
          else start += chunk;
        }
        if (!any) chunk = chunk === 1 ? 0 : Math.floor(chunk / 2);
      }
    }
    return progress;
  };

  const flatten = (): boolean => {
    let progress = false;
    for (let li = 0; li < lists(best.program).length && !out(); li++) {
      for (let si = 0; si < (lists(best.program)[li]?.length ?? 0) && !out(); si++) {
        for (let alt = 0; alt < 2; alt++) {
          const ok = tryProgram((p) => {
            const l = lists(p)[li];
            const s = l?.[si];
            if (!l || !s) return false;
            const inner = childLists(s);
            if (s.t === "if") {
              const pickList = alt === 0 ? s.then : s.else;
              if (!pickList) return false;
              l.splice(si, 1, ...pickList);
              return true;
            }
            if (alt > 0 || inner.length === 0) return false;
            l.splice(si, 1, ...inner[0]!);
            return true;
          });
          if (ok) {
            progress = true;
            break;
          }
        }
      }
    }
    return progress;
  };

  const LITERALS: Record<string, Expr[]> = {
    i: [{ t: "lit", text: "0", kind: "i", b: 1, sure: true }, { t: "lit", text: "1", kind: "i", b: 1, sure: true }],
    // Never an integer for a float: a float variable could become an integer one (semantics.md: a
    // variable is a float if any assignment is), and its arithmetic integer arithmetic.
    f: [{ t: "lit", text: "0.5", kind: "f", b: 1 }, { t: "lit", text: "1.5", kind: "f", b: 1 }],
    b: [{ t: "lit", text: "true", kind: "b", b: 1 }, { t: "lit", text: "false", kind: "b", b: 1 }],
  };

  const slotsOf = (p: Program) => [...p.helpers.flatMap((h) => allSlots(h.fn.body)), ...allSlots(p.kernel.body)];

  const simplifyExpressions = (): boolean => {
    let progress = false;
    for (let k = 0; k < slotsOf(best.program).length && !out(); k++) {
      const e = slotsOf(best.program)[k]!.get();
      const options: Expr[] = [...LITERALS[e.kind]!];
      if (!e.keep) for (const c of children(e)) if (c.kind === "f" || c.kind === e.kind && c.b <= e.b) options.push(c);
      for (const o of options) {
        if (o.t === "lit" && e.t === "lit" && o.text === e.text) continue;
        const ok = tryProgram((p) => {
          const slot = slotsOf(p)[k];
          if (!slot) return false;
          slot.set(clone(o));
          return true;
        });
        if (ok) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  };

  const dropUnused = (): boolean => {
    let progress = false;
    // Helpers no one calls.
    for (let h = best.program.helpers.length - 1; h >= 0 && !out(); h--) {
      const name = best.program.helpers[h]!.fn.name;
      const used = [best.program.kernel, ...best.program.helpers.map((x) => x.fn)].some((f) => f.name !== name && new RegExp(`\\b${name}\\(`).test(renderFn(f)));
      if (used) continue;
      if (tryProgram((p) => { p.helpers.splice(h, 1); return true; })) progress = true;
    }
    // Kernel parameters the body does not mention (and that nothing aliases).
    for (let i = best.program.params.length - 1; i >= 0 && !out(); i--) {
      const name = best.program.kernel.params[i]!;
      const src = renderFn({ ...best.program.kernel, params: [] });
      if (new RegExp(`\\b${name}\\b`).test(src)) continue;
      if (best.program.params.some((s) => s.k === "alias" && s.of >= i) || best.program.params[i]!.k === "alias") continue;
      const cand = clone(best.program);
      cand.params.splice(i, 1);
      cand.kernel.params.splice(i, 1);
      const ins = clone(best.inputs);
      ins.values.splice(i, 1);
      if (!out() && reproduces(cand, ins)) {
        best = { program: cand, inputs: ins };
        accepted++;
        progress = true;
      }
    }
    return progress;
  };

  const simplifyInputs = (): boolean => {
    let progress = false;
    const n = best.inputs.values.length;
    for (let i = 0; i < n && !out(); i++) {
      const v = best.inputs.values[i];
      if (Array.isArray(v)) {
        if (tryInputs((c) => { c.values[i] = (c.values[i] as Enc[]).map(() => 0); return true; })) { progress = true; continue; }
        for (let chunk = Math.max(1, Math.floor(v.length / 2)); chunk >= 1 && !out(); chunk = Math.floor(chunk / 2)) {
          for (let s = 0; s < v.length && !out(); s += chunk) {
            if (tryInputs((c) => {
              const arr = c.values[i] as Enc[];
              for (let j = s; j < Math.min(arr.length, s + chunk); j++) arr[j] = 0;
              return true;
            })) progress = true;
          }
        }
        // Then small values for what must stay non-zero.
        const arr = best.inputs.values[i] as Enc[];
        for (let j = 0; j < arr.length && !out(); j++) {
          if (arr[j] === 0 || arr[j] === 1) continue;
          if (tryInputs((c) => { (c.values[i] as Enc[])[j] = 1; return true; })) progress = true;
        }
      } else if (typeof v === "number" || typeof v === "string") {
        for (const x of [0, 1]) {
          if (tryInputs((c) => { c.values[i] = enc(x); return true; })) { progress = true; break; }
        }
      } else if (v === true) {
        // booleans: no weight; leave them
      }
    }
    return progress;
  };

  for (let round = 0; round < 20 && !out(); round++) {
    let progress = false;
    progress = deleteStatements() || progress;
    progress = flatten() || progress;
    progress = simplifyExpressions() || progress;
    progress = dropUnused() || progress;
    progress = simplifyInputs() || progress;
    if (!progress) break;
  }
  // The final verdict over every configuration (the failure may also show in others).
  const final = caseOf(best.program, best.inputs);
  const full = opts.verdictOf ? opts.verdictOf(final) : checkInputs(final, [best.inputs], { configs: CONFIGS, calls: 1 }).verdict;
  return { program: best.program, inputs: best.inputs, verdict: full.key === "ok" ? verdict : full, tried, accepted };
}
