#!/usr/bin/env node
// The `numbat` command line: dispatches to doctor, inspect and bench (one file each, cmd-*.ts),
// prints help, and turns usage errors into exit status 2 with a pointer to --help.

import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Command, UsageError } from "./command.js";
import { benchCommand } from "./cmd-bench.js";
import { doctorCommand } from "./cmd-doctor.js";
import { inspectCommand } from "./cmd-inspect.js";

export const COMMANDS: readonly Command[] = [doctorCommand, inspectCommand, benchCommand];

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "unknown";
  }
}

export function mainHelp(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "usage: numbat <command> [options]",
    "",
    "numbat compiles numeric JavaScript functions to WebAssembly; docs/tutorial.md is the place to start.",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    "",
    "`numbat <command> --help` explains each one. `numbat --version` prints the version.",
  ].join("\n");
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    console.log(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    console.log(version());
    return 0;
  }
  if (name === "help") {
    const c = COMMANDS.find((x) => x.name === rest[0]);
    console.log(c ? c.help : mainHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`numbat: unknown command '${name}'\n\n${mainHelp()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`numbat ${command.name}: ${e.message}\n(see numbat ${command.name} --help)`);
      return 2;
    }
    throw e;
  }
}

// Run only when executed (node dist/src/cli/main.js, or the `numbat` bin link), not when imported by tests.
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : "";
if (invoked === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
  // A WebGPU device (doctor) can keep the event loop alive: leave shortly after output is flushed.
  setTimeout(() => process.exit(code), 200).unref();
}
