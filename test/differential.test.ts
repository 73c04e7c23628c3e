// Runs every corpus kernel plain and jitted, on each target, and demands bitwise-identical results
// and identical final contents of every input array. One test per kernel, one subtest per target.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { corpus } from "./corpus/index.js";
import { differential, TARGETS } from "./harness.js";

test("kernel names are unique", () => {
  const names = corpus.flatMap((g) => g.kernels.map((k) => k.name));
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
});

for (const { group, kernels } of corpus) {
  describe(`differential: ${group}`, () => {
    for (const k of kernels) {
      describe(k.name, () => {
        for (const target of TARGETS) {
          test(target, () => {
            differential(k.name, k.fn, k.args, { scope: k.scope, boundscheck: k.boundscheck, targets: [target] });
          });
        }
      });
    }
  });
}
