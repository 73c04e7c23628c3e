// The browser build of numbat (`npm run bundle`, docs/browser.md): esbuild bundles the compiled
// package (dist/src) into one ES module, dist/browser/numbat.js, for `platform: "browser"`.
//
// numbat's wasm path imports three Node built-ins, which get browser versions here (node-*.ts):
// `node:v8` (a V8 flag, skipped), `node:os` (the core count) and `node:worker_threads` (the thread
// pool of parallel loops, on Web Workers). Every other module that needs Node (the native target
// through koffi and the C compiler, the on-disk cache, anything importing `node:fs`...) is replaced by
// a stub with the same exports that throw "not available in the browser" when called, except the
// kernel cache, whose stub caches nothing (so `cache: true` is simply ignored in a browser). The stubs
// are generated from each module's own export list, so a module that gains a Node import is stubbed
// rather than breaking the build; `stubbed` in the result lists them.
//
// WebGPU stays: its backend (backends/webgpu/device.ts, target.ts, wgsl.ts) imports nothing from Node
// and uses the browser's navigator.gpu; only node-gpu.ts, which loads Dawn (the `webgpu` package) and
// finds SwiftShader for Node, is stubbed. The modules in KEEP must never be stubbed: a Node import
// added to one of them fails the build instead of silently dropping a target from the browser.

import * as esbuild from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/src/browser
const DIST_SRC = resolve(HERE, "..");
const ROOT = resolve(DIST_SRC, "..", "..");

/** Node built-ins with a browser version (compiled from src/browser/node-*.ts). */
const SHIMS: Record<string, string> = {
  "node:v8": join(HERE, "node-v8.js"),
  "node:os": join(HERE, "node-os.js"),
  "node:worker_threads": join(HERE, "node-worker-threads.js"),
};

/** Modules replaced by a hand-written browser version rather than a throwing stub. */
const REPLACED: Record<string, string> = {
  [join(DIST_SRC, "driver", "kernel-cache.js")]: join(HERE, "kernel-cache.js"),
};

/**
 * Exports of stubbed modules that the wasm path calls whatever the options (by module, relative to
 * dist/src): their browser versions, as JavaScript source.
 */
const OVERRIDES: Record<string, Record<string, string>> = {
  "runtime/copy.js": {
    copyBytes: `(dst, src) => { dst.set(src); }`,
  },
  "driver/closure-scope.js": {
    closureVariables: `() => undefined`, // no inspector in a page: free names come from \`scope\`
  },
  "backends/native/tierup.js": {
    tierUpPolicy: `(option) => { if (option === undefined || option === false) return undefined; throw new Error("numbat: tierUp (to the native target) needs Node.js and a C compiler; it is not available in the browser build"); }`,
  },
};

/** Modules (relative to dist/src) that the browser build must contain as they are. */
const KEEP = new Set([
  "index.js", "driver/kernel.js", "backends/gpusim/target.js",
  "backends/webgpu/device.js", "backends/webgpu/target.js", "backends/webgpu/wgsl.js",
]);

/** An import that only works in Node: a built-in without a browser version, or a native package. */
const NODE_ONLY = /^(?:node:|koffi$|webgpu$)/;

/** The specifiers a compiled module imports (static and literal dynamic imports). */
function importsOf(code: string): string[] {
  return [...code.matchAll(/(?:^|[\s;])(?:import|export)\s[^;'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The names a compiled (tsc output) module exports. */
function exportsOf(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+([\w$]+)/gm)) names.add(m[1]!);
  for (const m of code.matchAll(/^export\s*\{([^}]*)\}/gm))
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  return [...names];
}

/** A module with `names` as exports that throw when used (a value read gives a function that throws). */
function stubModule(file: string, names: string[]): string {
  const what = relative(DIST_SRC, file).replace(/\.js$/, "");
  const own = OVERRIDES[relative(DIST_SRC, file)] ?? {};
  const lines = [`const unavailable = (name) => function () { throw new Error("numbat: " + name + " (${what}) needs Node.js and is not available in the browser build; use target: \\"wasm\\""); };`];
  for (const n of names) lines.push(n === "default" ? `export default unavailable("default");` : `export const ${n} = ${own[n] ?? `unavailable(${JSON.stringify(n)})`};`);
  return lines.join("\n");
}

const nodeOnlyPlugin = (stubbed: string[]): esbuild.Plugin => ({
  name: "numbat-node-only",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => {
      const shim = SHIMS[args.path];
      if (shim) return { path: shim };
      return { errors: [{ text: `${args.path} is imported by ${relative(ROOT, args.importer)}, which numbat-node-only did not stub` }] };
    });
    // A literal `import()` of a module that is not there (an optional backend) fails when called, not when bundling.
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== "dynamic-import" || existsSync(resolve(args.resolveDir, args.path))) return undefined;
      stubbed.push(`${relative(DIST_SRC, resolve(args.resolveDir, args.path))} (missing)`);
      return { path: resolve(args.resolveDir, args.path), namespace: "numbat-missing" };
    });
    build.onLoad({ filter: /.*/, namespace: "numbat-missing" }, (args) =>
      ({ contents: `throw new Error(${JSON.stringify(`numbat: ${relative(DIST_SRC, args.path)} is not part of this build`)});`, loader: "js" }));
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const replaced = REPLACED[args.path];
      if (replaced) return { contents: readFileSync(replaced, "utf8"), resolveDir: dirname(replaced), loader: "js" };
      if (!args.path.startsWith(DIST_SRC + "/") || args.path.startsWith(HERE + "/")) return undefined;
      const code = readFileSync(args.path, "utf8");
      const nodeOnly = importsOf(code).filter((s) => NODE_ONLY.test(s) && !SHIMS[s]);
      if (!nodeOnly.length) return undefined;
      if (KEEP.has(relative(DIST_SRC, args.path)))
        return { errors: [{ text: `${relative(ROOT, args.path)} imports ${nodeOnly.join(", ")}, but the browser build needs it: move the Node-only part to a module of its own (as backends/webgpu/node-gpu.ts)` }] };
      stubbed.push(relative(DIST_SRC, args.path));
      return { contents: stubModule(args.path, exportsOf(code)), loader: "js" };
    });
  },
});

export interface BundleResult {
  readonly files: string[];
  /** Modules replaced by throwing stubs because they need Node (relative to dist/src). */
  readonly stubbed: string[];
}

/**
 * Builds dist/browser: numbat.js (the library), numbat-pool-worker.js (the threads of parallel loops,
 * loaded from beside numbat.js), numbat-python.js (the library with numbat/python, to load instead of
 * numbat.js) and, for examples/browser, runner.js (the page's worker; it imports numbat from
 * ./numbat.js rather than bundling a second copy).
 */
export async function bundle(outdir = join(ROOT, "dist", "browser")): Promise<BundleResult> {
  const stubbed: string[] = [];
  const common: esbuild.BuildOptions = {
    bundle: true, format: "esm", platform: "browser", target: "es2022", logLevel: "warning", legalComments: "none",
    logOverride: { "import-is-undefined": "error" }, // a missing export is a broken bundle, not a warning
    plugins: [nodeOnlyPlugin(stubbed)],
  };
  const index = join(DIST_SRC, "index.js");
  const outputs = [join(outdir, "numbat.js"), join(outdir, "numbat-pool-worker.js"), join(outdir, "runner.js"), join(outdir, "numbat-python.js")];
  await esbuild.build({ ...common, entryPoints: [index], outfile: outputs[0] });
  // numbat.js plus numbat/python (compile, py): a superset to load instead of numbat.js
  await esbuild.build({ ...common, entryPoints: [join(HERE, "python-entry.js")], outfile: outputs[3] });
  await esbuild.build({ ...common, entryPoints: [join(HERE, "pool-worker.js")], outfile: outputs[1] });
  // The example's worker: `../src/index.js` imports become the library bundle next to it.
  const external: esbuild.Plugin = {
    name: "numbat-external",
    setup(build) {
      build.onResolve({ filter: /index\.js$/ }, (args) =>
        resolve(args.resolveDir, args.path) === index ? { path: "./numbat.js", external: true } : undefined);
    },
  };
  // The seed's text as written in examples/seed.ts: a bundler reprints (and may rename) the code it bundles.
  const seed = /^function matrixMultiplyLoops[^]*?^\}/m.exec(readFileSync(join(ROOT, "examples", "seed.ts"), "utf8"))?.[0];
  if (!seed) throw new Error("examples/seed.ts: the seed function was not found");
  await esbuild.build({
    ...common, plugins: [external, ...common.plugins!], define: { NUMBAT_SEED_SOURCE: JSON.stringify(seed) },
    entryPoints: [join(ROOT, "dist", "examples", "browser", "runner.js")], outfile: outputs[2],
  });
  return { files: outputs, stubbed: [...new Set(stubbed)].sort() };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await bundle();
  for (const f of r.files) console.log(`wrote ${relative(process.cwd(), f)}`);
  console.log(`Node-only modules stubbed: ${r.stubbed.join(", ") || "none"}`);
}
