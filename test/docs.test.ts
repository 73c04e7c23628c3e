// Runs every ```js code block of the docs (README.md, docs/*.md, bench/README.md) as an ES module
// in a fresh `node`, with `from "numbat"` pointing at the built package, and checks that it runs
// without throwing, or, for blocks marked ```js error=NBxxx, that it throws that CompileError.
//
// Block markers (after "js" in the fence's info string):
//   error[=NBxxx]  an intentionally failing example: it must throw a CompileError (with that code)
//   continued      runs after the previous block of the same file, sharing its names (a notebook cell)
// A comment <!-- setup: ... --> right above a fence is hidden code run before the block.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MESSAGES } from "../src/diagnostics/messages.js";
import { markdownTable } from "../src/cli/cmd-bench.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", ".."); // dist/test -> repo root
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, { default: string }> };
/** What `from "numbat"` names: the package's "." entry (the bundle, docs/tiers.md#import-time), as a user gets it. */
const ENTRY = pathToFileURL(join(ROOT, PACKAGE.exports["."]!.default)).href;
// Inside the checkout, so that examples importing the optional peers (numbat/tfjs's @tensorflow/tfjs,
// numbat/jax's @jax-js/jax) find them in its node_modules.
const TMP = mkdtempSync(join(ROOT, "dist", ".docs-"));
/** The package's subpaths ("numbat/tfjs") and the built files they name. */
const SUBPATHS = Object.entries(PACKAGE.exports)
  .filter(([k]) => k.startsWith("./"))
  .map(([k, v]) => [`numbat${k.slice(1)}`, pathToFileURL(join(ROOT, v.default)).href] as const);
after(() => rmSync(TMP, { recursive: true, force: true }));

export interface Block {
  file: string;
  line: number; // of the opening fence, 1-based
  code: string; // with hidden setup and previous blocks (continued) prepended
  error: true | string | undefined; // expected CompileError (and code)
}

/** The ```js blocks of one markdown text. */
export function extractBlocks(markdown: string, file: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  let chain = "";
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```js(?:\s+(.*))?$/.exec(lines[i]!);
    if (!open) {
      if (/^\s*```/.test(lines[i]!)) for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++); // skip other fences
      continue;
    }
    const flags = (open[2] ?? "").split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(open[1]!.length));
    const setup = setupAbove(lines.slice(0, i).join("\n"));
    const err = flags.find((f) => f === "error" || f.startsWith("error="));
    const own = `${setup}\n${body.join("\n")}\n`;
    const code = flags.includes("continued") ? `${chain}\n${own}` : own;
    if (!err) chain = code;
    blocks.push({ file, line: i + 1, code, error: err === undefined ? undefined : err === "error" ? true : err.slice(6) });
    i = j;
  }
  return blocks;
}

/** The code of a `<!-- setup: ... -->` comment that ends right above a fence ("" if none). */
function setupAbove(before: string): string {
  const text = before.trimEnd();
  if (!text.endsWith("-->")) return "";
  const m = /^<!--\s*setup:([^]*)-->$/.exec(text.slice(text.lastIndexOf("<!--")));
  return m ? m[1]! : "";
}

/** GitHub's anchors for the headings of a markdown text. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  for (const m of markdown.replace(/```[^]*?```/g, "").matchAll(/^#+\s+(.*)$/gm))
    slugs.add(m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-"));
  return slugs;
}

function docFiles(): string[] {
  const docs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => join("docs", f));
  return ["README.md", ...docs, join("bench", "README.md")].filter((f) => existsSync(join(ROOT, f)));
}

// Imports the block and reports how it ended, as one JSON line on stdout.
const RUNNER = `
const [file] = process.argv.slice(-1);
try {
  await import(file);
  console.log("\\n" + JSON.stringify({ threw: false }));
} catch (e) {
  console.log("\\n" + JSON.stringify({ threw: true, name: e?.name, code: e?.code, message: String(e?.stack ?? e) }));
}`;

function run(block: Block): Promise<{ threw: boolean; name?: string; code?: string; message?: string; stderr: string }> {
  const path = join(TMP, `${basename(block.file, ".md")}-L${block.line}.mjs`);
  let code = block.code.replace(/(from\s+|import\s*\(\s*)(["'])numbat\2/g, `$1"${ENTRY}"`);
  for (const [spec, url] of SUBPATHS) code = code.replaceAll(`"${spec}"`, `"${url}"`);
  writeFileSync(path, code);
  return new Promise((done) => {
    execFile(process.execPath, ["--input-type=module", "-e", RUNNER, pathToFileURL(path).href], { timeout: 120_000, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      try {
        done({ ...JSON.parse(last), stderr });
      } catch {
        done({ threw: true, name: "crash", message: `${err?.message ?? ""}\n${stderr}`, stderr });
      }
    });
  });
}

describe("docs: every ```js block runs", () => {
  for (const file of docFiles()) {
    const blocks = extractBlocks(readFileSync(join(ROOT, file), "utf8"), file);
    if (blocks.length === 0) continue;
    test(file, { concurrency: 4 }, async (t) => {
      await Promise.all(
        blocks.map((b) =>
          t.test(`${file}:${b.line}${b.error ? ` (error${b.error === true ? "" : " " + b.error})` : ""}`, async () => {
            const r = await run(b);
            if (b.error === undefined) assert.ok(!r.threw, `${file}:${b.line} threw:\n${r.message}`);
            else {
              assert.ok(r.threw, `${file}:${b.line} is marked as an error example but ran without throwing`);
              assert.equal(r.name, "CompileError", `${file}:${b.line} should throw a CompileError, threw:\n${r.message}`);
              if (b.error !== true) assert.equal(r.code, b.error, `${file}:${b.line} threw ${r.code}, expected ${b.error}:\n${r.message}`);
            }
          }),
        ),
      );
    });
  }
});

describe("docs: consistency", () => {
  test("docs/language.md documents every diagnostic code", () => {
    const text = readFileSync(join(ROOT, "docs", "language.md"), "utf8");
    for (const code of Object.keys(MESSAGES)) assert.match(text, new RegExp(`^#+ .*${code}\\b`, "m"), `no heading for ${code} in docs/language.md`);
  });

  test("every error example's code exists", () => {
    for (const file of docFiles())
      for (const b of extractBlocks(readFileSync(join(ROOT, file), "utf8"), file))
        if (typeof b.error === "string") assert.ok(b.error in MESSAGES, `${file}:${b.line}: unknown code ${b.error}`);
  });

  test("images and relative links in the docs point at files (and headings) that exist", () => {
    for (const file of docFiles()) {
      const text = readFileSync(join(ROOT, file), "utf8").replace(/```[^]*?```/g, "");
      for (const m of text.matchAll(/\]\(([^)#\s]*)(?:#([^)\s]*))?\)/g)) {
        const [, target, anchor] = m;
        if (/^[a-z]+:/.test(target!)) continue; // http:, https:, mailto:
        const path = target ? join(ROOT, dirname(file), target) : join(ROOT, file);
        assert.ok(existsSync(path), `${file}: link to ${target}, which does not exist`);
        if (anchor && path.endsWith(".md"))
          assert.ok(headingSlugs(readFileSync(path, "utf8")).has(anchor), `${file}: link to ${target}#${anchor}, a heading that does not exist`);
      }
    }
  });

  test("the tutorial's benchmark table is the one its checked-in JSON gives", () => {
    const text = readFileSync(join(ROOT, "docs", "tutorial.md"), "utf8");
    const m = /<!-- bench-table[^>]*-->\n([^]*?)\n<!-- \/bench-table -->/.exec(text);
    assert.ok(m, "no <!-- bench-table --> ... <!-- /bench-table --> block in docs/tutorial.md");
    const json = JSON.parse(readFileSync(join(ROOT, "docs", "tutorial-bench.json"), "utf8"));
    assert.equal(m[1], markdownTable(json), "regenerate it: node dist/src/cli/main.js bench --from docs/tutorial-bench.json --markdown");
    assert.ok(existsSync(join(ROOT, "docs", "tutorial-bench.svg")), "docs/tutorial-bench.svg is missing");
  });

  test("the markers are understood", () => {
    const md = "```js\nconst a = 1;\n```\n\n<!-- setup: const s = 2; -->\n```js continued\nconst b = a + s;\n```\n\n```js error=NB101\nx\n```\n";
    const [a, b, c] = extractBlocks(md, "x.md");
    assert.equal(a!.error, undefined);
    assert.match(b!.code, /const a = 1;[^]*const s = 2;[^]*const b = a \+ s;/);
    assert.equal(c!.error, "NB101");
    assert.equal(c!.line, 10);
  });
});
