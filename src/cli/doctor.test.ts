// Tests of the machine checks behind `numbat doctor`: the wasm probes, executable lookup, the C
// compiler, WebGPU and CUDA detection (whatever this machine has, the answer must be well formed),
// and the report's formatting.

import assert from "node:assert/strict";
import { basename, dirname } from "node:path";
import { describe, test } from "node:test";
import { formatDoctor } from "./cmd-doctor.js";
import {
  SIMD_PROBE, THREADS_PROBE, checkCCompiler, checkCuda, checkSimd, checkThreads, checkWasm, checkWebGPU,
  doctor, findCCompiler, findCCompilers, findCuda, numbatTargets, which,
} from "./doctor.js";

const STATUSES = ["yes", "no", "partial"];

describe("wasm feature probes", () => {
  test("the probe modules are valid on Node 20 (so a 'no' elsewhere means the feature is missing)", () => {
    assert.ok(WebAssembly.validate(SIMD_PROBE));
    assert.ok(WebAssembly.validate(THREADS_PROBE));
    assert.ok(new WebAssembly.Module(SIMD_PROBE));
  });

  test("a corrupted probe does not validate", () => {
    const bad = SIMD_PROBE.slice();
    bad[bad.length - 18] = 0xff; // the v128.const opcode's sub-opcode
    assert.equal(WebAssembly.validate(bad), false);
  });

  test("wasm, SIMD and threads are all available on Node 20", () => {
    for (const c of [checkWasm(), checkSimd(), checkThreads()]) assert.equal(c.status, "yes", `${c.name}: ${c.detail}`);
  });
});

describe("executables", () => {
  test("which() finds node's own executable by path, and nothing for a made-up name", () => {
    assert.equal(which(process.execPath), process.execPath);
    assert.equal(which("numbat-no-such-command-5f3a"), null);
  });

  test("which() searches PATH", () => {
    const saved = process.env.PATH;
    process.env.PATH = dirname(process.execPath);
    try {
      assert.equal(which(basename(process.execPath)), process.execPath);
    } finally {
      process.env.PATH = saved;
    }
  });

  test("an empty PATH finds no C compiler, and the check says what to do", () => {
    const saved = { PATH: process.env.PATH, CC: process.env.CC };
    process.env.PATH = "";
    delete process.env.CC;
    try {
      assert.equal(findCCompiler(), null);
      const c = checkCCompiler({ probe: false });
      assert.equal(c.status, "no");
      assert.match(c.hint ?? "", /install/);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.CC !== undefined) process.env.CC = saved.CC;
    }
  });

  test("each C compiler found has a path and a version, and builds a shared library when probed", (t) => {
    const all = findCCompilers({ probe: true });
    if (all.length === 0) return t.skip("no C compiler on this machine");
    for (const c of all) {
      assert.ok(c.path.length > 0 && c.version.length > 0, JSON.stringify(c));
      assert.ok(["gcc", "clang", "other"].includes(c.family));
      assert.ok(c.probe, "probe result missing");
    }
    const check = checkCCompiler();
    assert.ok(check.status === "yes" || check.status === "partial", check.detail);
    assert.ok(check.detail.includes(all[0]!.version));
  });
});

describe("GPU checks", () => {
  test("WebGPU: a well-formed answer within the timeout", async () => {
    const c = await checkWebGPU(3000);
    assert.ok(STATUSES.includes(c.status));
    assert.ok(c.detail.length > 0);
    if (c.status === "no" && /not installed/.test(c.detail)) assert.match(c.hint ?? "", /npm install webgpu/);
  });

  test("CUDA: consistent with what findCuda() sees", () => {
    const info = findCuda();
    const c = checkCuda();
    assert.ok(STATUSES.includes(c.status));
    if (c.status === "yes") assert.ok(info.libcuda);
    if (!info.libcuda) assert.notEqual(c.status, "yes");
    if (info.nvcc) assert.ok(c.detail.includes(info.nvcc.version), c.detail);
  });
});

describe("the report", () => {
  test("numbat's own targets: wasm and js are available", () => {
    const t = numbatTargets();
    assert.ok(t.find((x) => x.target === "wasm")?.available);
    assert.ok(t.find((x) => x.target === "js")?.available);
    for (const x of t) if (!x.available) assert.ok(x.reason);
  });

  test("doctor() checks everything, and the table names every check", async () => {
    const r = await doctor({ probe: false, gpuTimeoutMs: 3000 });
    assert.deepEqual(r.checks.map((c) => c.id), ["wasm", "simd", "threads", "c", "webgpu", "cuda"]);
    const text = formatDoctor(r, 100);
    for (const c of r.checks) assert.ok(text.includes(c.name), c.name);
    assert.match(text, /numbat runs code on: wasm, js/);
    assert.ok(r.numbatTargets.find((x) => x.target === "gpusim")?.available);
    for (const id of ["webgpu", "cuda"]) // GPU targets are listed as available exactly when their check passed
      assert.equal(r.numbatTargets.find((x) => x.target === id)?.available, r.checks.find((c) => c.id === id)?.status === "yes");
    for (const line of text.split("\n")) assert.ok(line.length <= 100 + 20, `line too long: ${line}`); // + colour codes
  });
});
