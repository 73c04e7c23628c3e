// Golden fixtures (test/golden.ts): every fixture still prints the stored text at each stage, and
// runs the same plain and jitted (kernels: on the simulator, against one plain call per thread).
import { test } from "node:test";
import assert from "node:assert/strict";
import { kernel } from "../src/index.js";
import { changedStages, loadFixtures, type Fixture } from "./golden.js";
import { type AnyFn, cloneArgs, differential, sameResult } from "./harness.js";

const fixtures = await loadFixtures();

test("there are golden fixtures", () => assert.ok(fixtures.length >= 8, `${fixtures.length} fixtures`));

for (const fx of fixtures) {
  test(`golden ${fx.name}: stages print as stored`, () => {
    for (const { ext, want, got } of changedStages(fx))
      assert.equal(got, want, `test/golden/${fx.name}.${ext} differs from what the compiler prints now (npm run golden -- --update, after review)`);
  });
  test(`golden ${fx.name}: plain and jitted agree`, async () => {
    if (fx.kernel) await kernelAgrees(fx);
    else differential(fx.name, fx.fn as AnyFn, fx.args, { targets: ["js", "wasm"] }); // native: its C is checked as text above; its own tests compile it
  });
}

/** A kernel of one-dimensional threads: the simulator's launch against the function called once per thread. */
async function kernelAgrees(fx: Fixture): Promise<void> {
  const args = fx.args(), expected = cloneArgs(args);
  const n = expected[expected.length - 1] as number;
  const g = globalThis as { gpu?: unknown };
  for (let i = 0; i < n; i++) {
    g.gpu = { globalId: { x: i, y: 0, z: 0 } };
    (fx.fn as AnyFn)(...expected);
  }
  delete g.gpu;
  const size = fx.kernel!.groupSize;
  await kernel(fx.fn, { target: "gpusim", float: fx.kernel!.float }).launch({ groups: Math.ceil(n / size), groupSize: size }, ...args);
  sameResult(args, expected);
}
