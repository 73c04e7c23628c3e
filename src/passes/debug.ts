// The optimiser's debugging switches, read from the environment (absent in browsers):
//   NUMBAT_DUMP_IR=<name>[,<name>...] | all   prints the IR after each named pass or loop-nest step
//   NUMBAT_SKIP_PASSES=<name>[,<name>...]     leaves those passes and steps out (to bisect a miscompile)
//   NUMBAT_VERIFY_IR=1                        checks the IR (ir/verify.ts) after every pass; on by
//                                             default under `node --test`, so the test suite checks it

const env = (name: string): string | undefined => (typeof process !== "undefined" ? process.env?.[name] : undefined);
const list = (name: string): string[] => env(name)?.split(",").map((s) => s.trim()) ?? [];

/** Should the IR after the pass or step `name` be printed? */
export function dumping(name: string): boolean {
  const names = list("NUMBAT_DUMP_IR");
  return names.includes("all") || names.includes(name);
}

/** Is the pass or step `name` left out? */
export function skipping(name: string): boolean {
  return list("NUMBAT_SKIP_PASSES").includes(name);
}

/** Is the IR verified after every pass? */
export function verifying(): boolean {
  const v = env("NUMBAT_VERIFY_IR");
  return v !== undefined ? v !== "0" : env("NODE_TEST_CONTEXT") !== undefined;
}

export function dump(title: string, text: string): void {
  process.stderr.write(`--- ${title}\n${text}\n`);
}
