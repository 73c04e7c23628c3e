// The Node build of numbat's package entries (part of `npm run build`): esbuild bundles the compiled
// modules (dist/src) behind each entry in package.json "exports" into dist/bundle, sharing chunks, so
// that `import("numbat")` reads a few files instead of ~150 (Node's ESM loader resolves, reads and
// links each module separately: about two thirds of the import time, docs/tiers.md#import-time).
//
// The modules stay in dist/src as they are: the CLI, the thread pool's worker (runtime/pool-worker.js),
// the native tier-up child and the tests load them from there. Code that locates files from its own
// `import.meta.url` (the worker, the tier-up child, the disk cache's build key, koffi's require) gets
// its original module's URL, computed from the bundle's, so it finds the same files as unbundled.
// Packages (dependencies and the optional peers: koffi, webgpu, tfjs, jax-js) stay external.

import * as esbuild from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DIST_SRC = resolve(dirname(fileURLToPath(import.meta.url)), ".."); // dist/src
const ROOT = resolve(DIST_SRC, "..", "..");
export const BUNDLE_DIR = join(ROOT, "dist", "bundle");

/** The bundle's entry for each package subpath ("." → dist/bundle/numbat.js), from dist/src's entries. */
const ENTRIES: Record<string, string> = {
  numbat: "index.js",
  "numbat-tfjs": "interop/tfjs.js",
  "numbat-jax": "interop/jax.js",
  "numbat-python": "frontend/python/index.js",
};

/** Rewrites `import.meta.url` in a dist/src module to that module's own URL, relative to the bundle's. */
const ownModuleUrl: esbuild.Plugin = {
  name: "own-module-url",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      if (!code.includes("import.meta.url")) return { contents: code, loader: "js" };
      const rel = relative(BUNDLE_DIR, args.path).split("\\").join("/");
      return { contents: code.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: "js" };
    });
  },
};

export async function buildNodeBundle(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true }); // no chunk of an older build left behind
  await esbuild.build({
    entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ in: join(DIST_SRC, src), out })),
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    plugins: [ownModuleUrl],
    define: { NUMBAT_BUNDLED: "true" }, // runtime/disk-cache.ts keys entries on the bundle's files
    logLevel: "warning",
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildNodeBundle();
