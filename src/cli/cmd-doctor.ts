// `numbat doctor`: prints what this machine supports (the checks in doctor.ts) as a table, with
// what to do where something is missing, or as JSON with --json.

import { type Command, UsageError, parse } from "./command.js";
import { type Check, type DoctorReport, doctor } from "./doctor.js";
import { bold, dim, green, red, yellow } from "./table.js";

const HELP = `usage: numbat doctor [--json] [--no-probe] [--gpu-timeout MS]

Shows which targets this machine supports, and why not where one is missing:
  WebAssembly      always (numbat's default target)
  wasm SIMD128     WebAssembly.validate on a module that uses v128
  wasm threads     SharedArrayBuffer, shared WebAssembly.Memory, Atomics
  C compiler       $CC, cc, gcc or clang on PATH, its version, and whether it builds a shared library
  WebGPU           navigator.gpu or the \`webgpu\` npm package, and the adapter it finds
  CUDA             the NVIDIA driver (libcuda.so.1, nvidia-smi), nvcc and NVRTC
and which targets numbat can run code on here (CPU targets, the GPU simulator, GPUs found).

options:
  --json             print the report as JSON (for scripts and bug reports)
  --no-probe         do not test-compile with the C compiler (faster)
  --gpu-timeout MS   how long to wait for a WebGPU adapter (default 5000)
  -h, --help         this text

Exit status: 0 (doctor reports; a missing target is not an error), 2 on a usage error.`;

const MARK: Record<Check["status"], string> = { yes: "yes", partial: "partly", no: "no" };
const PAINT: Record<Check["status"], (s: string) => string> = { yes: green, partial: yellow, no: red };

/** Splits `text` into lines of at most `width` characters, at spaces where possible. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const word of text.split(" ")) {
    if (cur && cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
    while (cur.length > width) {
      lines.push(cur.slice(0, width));
      cur = cur.slice(width);
    }
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [""];
}

export function formatDoctor(r: DoctorReport, columns = process.stdout.columns || 100): string {
  const nameW = Math.max(...r.checks.map((c) => c.name.length), "feature".length);
  const statW = "status".length;
  const detailW = Math.max(30, columns - nameW - statW - 4);
  const out = [bold(`numbat doctor`) + dim(` — Node ${r.node}, ${r.platform}`), ""];
  out.push(`${"feature".padEnd(nameW)}  ${"status".padEnd(statW)}  details`);
  out.push(`${"-".repeat(nameW)}  ${"-".repeat(statW)}  ${"-".repeat(Math.min(detailW, 40))}`);
  for (const c of r.checks) {
    const lines = wrap(c.detail, detailW);
    if (c.hint) lines.push(...wrap(`→ ${c.hint}`, detailW).map((l) => dim(l)));
    lines.forEach((l, i) => {
      const head = i === 0 ? `${c.name.padEnd(nameW)}  ${PAINT[c.status](MARK[c.status].padEnd(statW))}` : " ".repeat(nameW + 2 + statW);
      out.push(`${head}  ${l}`.trimEnd());
    });
  }
  const have = r.numbatTargets.filter((t) => t.available).map((t) => t.target);
  const not = r.numbatTargets.filter((t) => !t.available).map((t) => t.target);
  out.push("");
  out.push(`numbat runs code on: ${have.join(", ")}${not.length ? dim(`  (not here: ${not.join(", ")})`) : ""}`);
  return out.join("\n");
}

export const doctorCommand: Command = {
  name: "doctor",
  summary: "which targets this machine supports (wasm SIMD, threads, C compiler, WebGPU, CUDA)",
  help: HELP,
  async run(argv) {
    const { values } = parse(argv, { json: { type: "boolean" }, "no-probe": { type: "boolean" }, "gpu-timeout": { type: "string" } });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const gpuTimeoutMs = values["gpu-timeout"] === undefined ? 5000 : Number(values["gpu-timeout"]);
    if (!(gpuTimeoutMs > 0)) throw new UsageError("--gpu-timeout takes a number of milliseconds");
    const report = await doctor({ probe: !values["no-probe"], gpuTimeoutMs });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatDoctor(report));
    return 0;
  },
};
