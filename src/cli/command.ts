// What every CLI command provides (name, one-line summary, --help text, run), and the shared
// argument parsing: node's util.parseArgs, with usage errors reported as UsageError (exit status 2).

import { parseArgs, type ParseArgsConfig } from "node:util";

export interface Command {
  readonly name: string;
  /** One line for `numbat --help`. */
  readonly summary: string;
  /** The full `numbat <name> --help` text. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(argv: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with a pointer to --help, exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;

/** The parsed option values: strings for string options, booleans for flags (absent: undefined). */
export type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean } & { help?: boolean };

/** util.parseArgs in strict mode, with its errors turned into UsageErrors. */
export function parse<O extends Options>(argv: string[], options: O, positionals = false): { values: Values<O>; positionals: string[] } {
  try {
    const config: ParseArgsConfig = { args: argv, options: { help: { type: "boolean", short: "h" }, ...options }, allowPositionals: positionals, strict: true };
    const r = parseArgs(config);
    return { values: r.values as Values<O>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[\w+\]: /, ""));
  }
}

/** Parses "128,256,512" into positive integers. */
export function parseSizes(text: string, flag: string): number[] {
  const sizes = text.split(",").map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`${flag} takes positive integers separated by commas, e.g. ${flag} 128,256,512`);
  return sizes;
}
