// The variables a function closes over, read from V8 through Node's inspector protocol: the
// `[[Scopes]]` internal property of a function lists its closure, module and script scopes with
// their current values (what a debugger shows). numbat uses them to resolve a kernel's free names
// the way plain JS does (frontend/resolve.ts). The session is in-process and synchronous.
//
// Browser builds have no inspector: src/browser/build.ts replaces `closureVariables` with a version
// that returns undefined (free names then need `scope`).

import { Session } from "node:inspector";

let session: Session | null | undefined;
const STASH = Symbol.for("numbat.closure-scope");

/** Sends one command and returns its result (in-process sessions answer before `post` returns). */
function post(s: Session, method: string, params: object): any {
  let result: unknown, error: Error | null = null, answered = false;
  s.post(method, params, (e, r) => { error = e; result = r; answered = true; });
  if (error) throw error;
  if (!answered) throw new Error("the inspector answered asynchronously");
  return result;
}

function open(): Session | null {
  if (session !== undefined) return session;
  try {
    const s = new Session();
    s.connect();
    session = s;
  } catch {
    session = null;
  }
  return session;
}

/**
 * The variables of `fn`'s enclosing scopes (innermost first wins), global scope excluded, or
 * undefined when the inspector is unavailable. V8 lists only variables that some closure captures:
 * that includes every one `fn` reads. Values are read now (each compile reads them again).
 */
export function closureVariables(fn: Function): ReadonlyMap<string, unknown> | undefined {
  const s = open();
  if (!s) return undefined;
  const g = globalThis as Record<symbol, unknown>;
  const vars = new Map<string, unknown>();
  try {
    g[STASH] = fn;
    const { result } = post(s, "Runtime.evaluate", { expression: `globalThis[Symbol.for("numbat.closure-scope")]`, objectGroup: "numbat" });
    const props = post(s, "Runtime.getProperties", { objectId: result.objectId, ownProperties: true, objectGroup: "numbat" });
    const scopes = (props.internalProperties ?? []).find((p: { name: string }) => p.name === "[[Scopes]]");
    if (scopes?.value?.objectId) {
      const list = post(s, "Runtime.getProperties", { objectId: scopes.value.objectId, ownProperties: true, objectGroup: "numbat" });
      for (const p of list.result) {
        if (!/^\d+$/.test(p.name) || !p.value?.objectId || p.value.description === "Global") continue;
        // The scope mirror's `object` holds the variables as properties: hand it over in one call.
        post(s, "Runtime.callFunctionOn", { objectId: p.value.objectId, functionDeclaration: `function () { globalThis[Symbol.for("numbat.closure-scope")] = this.object; }` });
        const o = g[STASH] as Record<string, unknown> | undefined;
        if (o) for (const k of Object.keys(o)) if (!vars.has(k)) vars.set(k, o[k]);
      }
    }
    post(s, "Runtime.releaseObjectGroup", { objectGroup: "numbat" });
  } catch {
    return undefined;
  } finally {
    delete g[STASH];
  }
  return vars;
}
