// The textbook kernel suite (bench/kernels/textbook.ts: Livermore loops, LAPACK reference routines,
// PolyBench, Rodinia, NAS, written as their sources write them) at small sizes: every kernel jitted on
// each CPU target (wasm, js, native) must leave every argument and return the same value as plain JS,
// bit for bit.

import { test } from "node:test";
import { textbookSuite } from "../bench/kernels/textbook.js";
import { sameOnTargets } from "./harness.js";

for (const k of textbookSuite)
  test(`${k.source} ${k.name}: jitted equals plain JS bitwise on every target`, () => {
    sameOnTargets(k.name, k.fn, [() => k.make(true)]);
  });
