// Without SharedArrayBuffer (a browser page that is not cross-origin isolated), numbat still works:
// its heap is an unshared WebAssembly.Memory, modules import it unshared, and prange loops run on one
// thread after a one-time warning. Checked in a child Node with SharedArrayBuffer switched off.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ENTRY = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "..", "src", "index.js")).href;

const SCRIPT = `
import { jit, prange, zeros } from ${JSON.stringify(ENTRY)};
const rows = jit(function rows(A, out) {
  const [m, n] = A.shape;
  for (const i of prange(m)) { let s = 0; for (let j = 0; j < n; j++) s += A.get(i, j); out[i] = s; }
}, { threads: 2 });
const plain = (A, out) => { for (let i = 0; i < A.shape[0]; i++) { let s = 0; for (let j = 0; j < A.shape[1]; j++) s += A.get(i, j); out[i] = s; } };
const A = zeros([200, 150]);
for (let i = 0; i < 200; i++) for (let j = 0; j < 150; j++) A.set(i, j, Math.sin(i * 7 + j));
const got = new Float64Array(200), want = new Float64Array(200);
rows(A, got);
const big = zeros([2000, 2000]);   // grows the unshared heap: A's view must follow
rows(A, got); plain(A, want);
rows(A, got);
console.log(JSON.stringify({ sab: typeof SharedArrayBuffer, same: got.every((x, i) => Object.is(x, want[i])), big: big.size }));
`;

test("no SharedArrayBuffer: unshared heap, prange on one thread, same results, one warning", () => {
  const out = execFileSync(process.execPath, ["--no-harmony-sharedarraybuffer", "--input-type=module", "-e", SCRIPT], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const r = JSON.parse(out.trim().split("\n").pop()!);
  assert.deepEqual(r, { sab: "undefined", same: true, big: 4_000_000 });
});

test("the warning is printed once", () => {
  const res = spawnSync(process.execPath, ["--no-harmony-sharedarraybuffer", "--input-type=module", "-e", SCRIPT + "\nrows(A, got);"], { encoding: "utf8" });
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stderr.match(/SharedArrayBuffer is not available/g)?.length, 1, res.stderr);
  assert.match(res.stderr, /COOP\/COEP/);
});
