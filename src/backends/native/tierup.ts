// Tier-up (`jit(fn, { tierUp: true })`, target "auto"): a function runs on wasm at once; when it is hot
// (enough calls, or one slow call) its native library is built in the background, by a child process
// (build-child.ts), and calls switch to native once the library is loaded. Callers keep getting
// answers from wasm meanwhile, and the answers are the same bits either way: a function whose IR calls
// a C-library Math function (the one documented difference of the native target) stays on wasm, and
// prange chunks and reductions are those of the wasm target. A failed build leaves the function on
// wasm for good.
//
// The switch does not need the event loop: each call while the build runs checks (at most every
// POLL_MS) whether the child has left its result, so a synchronous loop of calls tiers up too.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FuncIR } from "../../ir/nodes.js";
import { allFuncs } from "../../ir/printer.js";
import { forEachExpr } from "../../ir/walk.js";
import type { BuildJob, BuildResult } from "./build-child.js";
import { LIBM_FNS, generateC, type NativeModule, type NativeOptions } from "./codegen.js";
import { loadNative, type Kernel, type NativeKernel } from "./runtime.js";
import { cacheDir } from "./compiler.js";

/** When to start the background build: after `calls` calls, or after one call of at least `ms` milliseconds. */
export interface TierUpPolicy {
  readonly calls: number;
  readonly ms: number;
}

export const DEFAULT_POLICY: TierUpPolicy = { calls: 100, ms: 10 };

/** The `tierUp` option as a policy (undefined: off); throws a TypeError for a malformed one. */
export function tierUpPolicy(option: unknown): TierUpPolicy | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true || option === "native") return DEFAULT_POLICY;
  if (typeof option === "object" && option !== null) {
    const { calls = DEFAULT_POLICY.calls, ms = DEFAULT_POLICY.ms } = option as Partial<TierUpPolicy>;
    if (!Number.isInteger(calls) || calls < 0) throw new TypeError(`numbat: tierUp.calls must be a non-negative integer, got ${String(calls)}`);
    if (typeof ms !== "number" || !(ms >= 0)) throw new TypeError(`numbat: tierUp.ms must be a non-negative number, got ${String(ms)}`);
    return { calls, ms };
  }
  throw new TypeError(`numbat: tierUp must be true, "native" or { calls, ms }, got ${JSON.stringify(option)}`);
}

/** wasm: not hot yet; building: the child is compiling; native: switched; failed/kept: stays on wasm (see `reason`). */
export type Tier = "wasm" | "building" | "native" | "failed" | "kept";

const POLL_MS = 2;
const CHILD = fileURLToPath(new URL("./build-child.js", import.meta.url));

/** Libm-backed Math functions in the module: native results could differ from wasm's in the last bit. */
function libmCalls(ir: FuncIR): string[] {
  const found = new Set<string>();
  for (const f of allFuncs(ir)) forEachExpr(f.body, (e) => { if (e.k === "math" && (LIBM_FNS as readonly string[]).includes(e.fn)) found.add(e.fn); });
  return [...found];
}

export class TierUp {
  tier: Tier = "wasm";
  /** Why the function stays on wasm (tier failed or kept). */
  reason: string | undefined;
  private calls = 0;
  private native: NativeKernel | undefined;
  private module: NativeModule | undefined;
  private job: { dir: string; child: ChildProcess } | undefined;
  private lastPoll = 0;
  private readonly settledPromise: Promise<Tier>;
  private settle!: (t: Tier) => void;

  constructor(private readonly ir: FuncIR, private readonly wasm: Kernel, private readonly opts: NativeOptions, private readonly policy: TierUpPolicy) {
    this.settledPromise = new Promise((resolve) => { this.settle = resolve; });
    if (policy.calls === 0) this.start();
  }

  /** Runs one call on the current tier. */
  run(args: readonly unknown[]): unknown {
    if (this.native) return this.native.run(args);
    if (this.tier !== "wasm") {
      if (this.job) this.poll(false);
      const native = this.native as NativeKernel | undefined; // poll() may have loaded it
      return native ? native.run(args) : this.wasm(args);
    }
    const t0 = performance.now();
    const r = this.wasm(args);
    if (++this.calls >= this.policy.calls || performance.now() - t0 >= this.policy.ms) this.start();
    return r;
  }

  /** The generated C, once the build has started. */
  source(): string | undefined {
    return this.module?.source;
  }

  /** Resolves with the final tier (native, failed or kept) once the build is over. Keeps the process alive meanwhile. */
  settled(): Promise<Tier> {
    this.job?.child.ref();
    return this.settledPromise;
  }

  private start(): void {
    this.tier = "building";
    try {
      const libm = libmCalls(this.ir);
      if (libm.length) return this.finish("kept", `it calls ${libm.map((f) => `Math.${f}`).join(", ")}, which the native target takes from the C library (results may differ from V8's in the last bit; docs/native.md#floats)`);
      this.module = generateC(this.ir, this.opts);
      const dir = mkdtempSync(join(tmpdir(), "numbat-tierup-"));
      writeFileSync(join(dir, "module.c"), this.module.source);
      // The parent's cache folder: a private one (when the configured root is not trusted) lives only as long as this process.
      writeFileSync(join(dir, "job.json"), JSON.stringify({ regions: this.module.regions, cacheDir: cacheDir() } satisfies BuildJob));
      const child = spawn(process.execPath, [CHILD, dir], { stdio: "ignore", env: process.env });
      this.job = { dir, child };
      child.on("error", (e) => this.fail(`the build process did not start: ${e.message}`));
      child.on("exit", (code, signal) => {
        this.poll(true);
        if (this.tier === "building") this.fail(`the build process ended (${signal ?? `exit status ${code}`}) without a result`);
      });
      child.unref(); // a build never keeps the process alive (it finishes and fills the disk cache anyway)
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  /** Looks for the child's result (at most every POLL_MS unless `now`); loads the library when it is there. */
  private poll(now: boolean): void {
    if (!this.job || this.tier !== "building") return;
    const t = performance.now();
    if (!now && t - this.lastPoll < POLL_MS) return;
    this.lastPoll = t;
    const file = join(this.job.dir, "result.json");
    if (!existsSync(file)) return;
    let result: BuildResult;
    try {
      result = JSON.parse(readFileSync(file, "utf8")) as BuildResult;
    } catch (e) {
      return this.fail(`unreadable build result: ${(e as Error).message}`);
    }
    if (!result.ok) return this.fail(result.error);
    try {
      this.native = loadNative(this.ir, this.module!, result);
    } catch (e) {
      return this.fail(`the library did not load: ${(e as Error).message}`);
    }
    this.finish("native", undefined);
  }

  private fail(reason: string): void {
    if (this.tier === "building" || this.tier === "wasm") this.finish("failed", reason);
  }

  private finish(tier: Tier, reason: string | undefined): void {
    this.tier = tier;
    this.reason = reason;
    if (this.job) {
      rmSync(this.job.dir, { recursive: true, force: true });
      this.job.child.unref();
      this.job = undefined;
    }
    this.settle(tier);
  }
}
