// Dumps the IR and wat of the seed, the kernel suite and the prange corpus into a folder, one file per
// kernel, so that two builds can be compared with `diff -r` (issue 16: integer exactness must leave
// the fast code as it was).
//
//   npm run build && node dist/bench/codegen-dump.js /tmp/after
//   (in a checkout of the previous commit: the same into /tmp/before), then diff -r /tmp/before /tmp/after

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jit, zeros } from "../src/index.js";
import { kernelSuite } from "./kernels/index.js";
import * as P from "../test/corpus/prange.js";
import { matrixMultiplyLoops } from "../examples/seed.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

const out = process.argv[2];
if (!out) {
  console.log("usage: node dist/bench/codegen-dump.js <folder>");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

function dump(name: string, fn: AnyFn, args: unknown[], opts: object = {}): void {
  try {
    const f = jit(fn, { target: "wasm", ...opts }) as AnyFn & { inspect(w: string): string };
    f(...args);
    // Function names carry a per-process counter (name_12_0): numbered alike, two builds diff cleanly.
    const plain = (text: string) => text.replace(/_\d+_(\w)/g, "_N_$1");
    writeFileSync(join(out!, `${name}.ir`), plain(f.inspect("ir")));
    writeFileSync(join(out!, `${name}.wat`), plain(f.inspect("wat")));
  } catch (e) {
    writeFileSync(join(out!, `${name}.err`), String((e as Error)?.stack ?? e));
  }
}

dump("seed", matrixMultiplyLoops, [zeros([16, 16]), zeros([16, 16])]);
for (const k of kernelSuite) dump(`kernel_${k.name}`, k.fn, k.make());
const x = P.rand(64, 1), y = P.rand(64, 2), o = new Float64Array(64), M = P.mat(8, 8, 3), M2 = P.mat(8, 8, 4);
const ia = new Int32Array(64).map((_, i) => i * 7 - 100), io = new Int32Array(64);
const prange: Record<string, unknown[]> = {
  stencil: [M, M2], rowHistograms: [M, zeros([8, 10]), 10], strided: [x, o], timeSteps: [x, y, 3], nested: [M, M2],
  norm: [3, 4], callsHelper: [x, y, o], scaleInPlace: [x, 2], callsParallelCallee: [x], intKernel: [ia, io],
  firstAbove: [M, io, 0.5], sum: [x], sumOffset: [x], product: [x], minMax: [x], intSum: [ia], dot2: [M, P.rand(8, 5)],
  allocPerIteration: [x, o, 4], makeRow: [4, 1.5], allocInCallee: [x, o],
};
const exported = P as unknown as Record<string, AnyFn>;
for (const [name, args] of Object.entries(prange)) {
  const fn = exported[name];
  if (!fn) continue;
  dump(`prange_${name}`, fn, args, { scope: P });
  dump(`prange_parallel_${name}`, fn, args, { scope: P, parallel: true });
}
console.log(`wrote ${out}`);
