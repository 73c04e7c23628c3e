// The golden fixtures' command (test/golden.ts): `npm run golden` lists the fixtures whose stored
// stages differ from what the compiler prints now; `npm run golden -- --update` rewrites them.
import { changedStages, loadFixtures, updateStages } from "../test/golden.js";

const update = process.argv.includes("--update");
let changed = 0;
for (const fx of await loadFixtures()) {
  if (update) {
    for (const file of updateStages(fx)) console.log(`wrote test/golden/${file}`);
    continue;
  }
  for (const { ext, want } of changedStages(fx)) {
    changed++;
    console.log(`${fx.name}.${ext}: ${want === undefined ? "missing" : "differs"}`);
  }
}
if (!update && changed) {
  console.log(`${changed} stage(s) differ: review them, then npm run golden -- --update`);
  process.exitCode = 1;
}
