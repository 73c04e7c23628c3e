// Serves examples/browser (npm run serve) with the headers WebAssembly threads need: a page can
// share memory with its workers only when it is cross-origin isolated (COOP + COEP). numbat's heap is
// shared memory, so without them the page cannot run compiled kernels at all.

import { createServer, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", ".."); // dist/examples/browser -> repository

/** URL path -> file: the page and its script from examples/browser, the bundles from dist/browser. */
const FILES: Record<string, string> = {
  "/": join(ROOT, "examples", "browser", "index.html"),
  "/index.html": join(ROOT, "examples", "browser", "index.html"),
  "/app.js": join(ROOT, "examples", "browser", "app.js"),
  "/numbat.js": join(ROOT, "dist", "browser", "numbat.js"),
  "/numbat-python.js": join(ROOT, "dist", "browser", "numbat-python.js"),
  "/numbat-pool-worker.js": join(ROOT, "dist", "browser", "numbat-pool-worker.js"),
  "/runner.js": join(ROOT, "dist", "browser", "runner.js"),
};

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** Starts the server on `port` (0: any free port); resolves with its URL. */
export function serve(port = 0, host = "127.0.0.1"): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/favicon.ico") return void res.writeHead(204).end();
    const file = FILES[path];
    if (!file || !existsSync(file)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end(file ? `${file} is missing: run npm run bundle` : "not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store", ...ISOLATION_HEADERS });
    res.end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const a = server.address();
      ok({ url: `http://${host}:${typeof a === "object" && a ? a.port : port}/`, server });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.env.PORT ?? 8080));
  console.log(`numbat browser example: ${url}  (Ctrl-C stops it)`);
}
