// The machine description every benchmark writes into its JSON, so results say where they came from.

import { readFileSync } from "node:fs";
import { arch, cpus, platform, release, totalmem } from "node:os";
import { join } from "node:path";

/** CPU model and SIMD flags (from /proc/cpuinfo where it exists), memory, OS, Node/V8 and numbat versions. */
export function machine(root: string) {
  let cpu = cpus()[0]?.model.trim() ?? "unknown";
  let flags: string[] = [];
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    cpu = /^model name\s*:\s*(.*)$/m.exec(info)?.[1]!.trim() ?? cpu;
    const all = /^flags\s*:\s*(.*)$/m.exec(info)?.[1]!.split(/\s+/) ?? [];
    flags = ["sse4_2", "avx", "avx2", "fma", "avx512f"].filter((f) => all.includes(f));
  } catch {
    /* not Linux */
  }
  let numbat = "unknown";
  try {
    numbat = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  } catch {
    /* keep unknown */
  }
  return {
    cpu,
    cores: cpus().length,
    simd_flags: flags,
    memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    v8: process.versions.v8,
    numbat,
  };
}
