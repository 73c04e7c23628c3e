// The page's script (plain JavaScript, served as is): sends the kernel in the text box to the worker
// (runner.js, which holds numbat) and shows what comes back. `window.numbatResult` holds the last
// result for the automated test (test/browser.test.ts); the GPU section's go to `window.numbatGpuResult`
// (and `window.numbatAdapter`, what the worker's navigator.gpu offers).

const $ = (id) => document.getElementById(id);
const worker = new Worker("./runner.js", { type: "module" });
let examples = {};

const isolated = window.crossOriginIsolated
  ? "cross-origin isolated: shared memory and threads available"
  : "not cross-origin isolated: serve the page with COOP/COEP headers (npm run serve)";

const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const gflops = (x) => x.toPrecision(3);

/** The GPU section: an adapter found, a result, or why there is none. */
function showGpu(data) {
  if (data.kind === "adapter") {
    window.numbatAdapter = data;
    $("gpu-status").textContent = data.name
      ? `WebGPU adapter: ${data.name}${data.fallback ? " (a fallback adapter: WebGPU on the CPU, so expect CPU speeds)" : ""}.`
      : `No WebGPU here: ${data.reason}. The section above (WebAssembly) works without it.`;
    $("gpu-status").className = data.name ? "" : "bad";
    $("gpu-run").disabled = !data.name;
    return;
  }
  $("gpu-run").disabled = false;
  window.numbatGpuResult = data;
  $("gpu-status").className = data.kind === "error" || !data.adapter ? "bad" : "";
  if (data.kind === "error") {
    $("gpu-status").textContent = `Error: ${data.message}`;
    return;
  }
  if (!data.adapter) {
    $("gpu-status").textContent = `No WebGPU here: ${data.reason}.`;
    return;
  }
  for (const [id, t] of [["tiled", data.tiled], ["off", data.offloaded]]) {
    $(`${id}-first`).textContent = ms(t.firstMs);
    $(`${id}-ms`).textContent = ms(t.ms);
    $(`${id}-gflops`).textContent = gflops(t.gflops);
    $(`${id}-diff`).textContent = `${t.maxDiff === 0 ? "0" : t.maxDiff.toExponential(2)} ${t.ok ? "\u2713" : "TOO LARGE"}`;
    $(`${id}-diff`).className = `num ${t.ok ? "ok" : "bad"}`;
  }
  $("f32-ms").textContent = ms(data.plainMs);
  $("f32-gflops").textContent = gflops((2 * data.n ** 3) / (data.plainMs * 1e6));
  $("gpu-results").hidden = $("gpu-note").hidden = false;
  const cpu = data.fallback ? ", a fallback adapter: WebGPU on the CPU" : "";
  $("gpu-status").textContent = `Done: n = ${data.n} on ${data.adapter}${cpu} (float32).`;
}

worker.onmessage = ({ data }) => {
  if (data.kind === "ready") {
    examples = data.examples;
    $("source").value = examples.seed;
    $("gpu-source").textContent = data.gpuKernels;
    $("run").disabled = false;
    $("status").textContent = `Ready (${isolated}).`;
    window.numbatReady = true;
  } else if (data.kind === "adapter" || data.kind === "gpu" || (data.kind === "error" && data.gpu)) {
    showGpu(data);
  } else if (data.kind === "error") {
    $("status").textContent = `Error: ${data.message}`;
    $("run").disabled = false;
    window.numbatResult = data;
  } else {
    const r = data;
    $("plain-ms").textContent = `${r.plainMs.toFixed(1)} ms`;
    $("first-ms").textContent = `${r.firstCallMs.toFixed(1)} ms`;
    $("jit-ms").textContent = `${r.jitMs.toFixed(1)} ms`;
    $("speedup").textContent = `${(r.plainMs / r.jitMs).toFixed(1)}x`;
    $("same").textContent = r.same ? "yes, every element" : "NO";
    $("same").className = r.same ? "ok" : "bad";
    $("checksum").textContent = r.checksum.toPrecision(17);
    $("pool").textContent = r.poolWorkers ? `${r.poolWorkers} worker thread(s) started; ${r.workerChunks} chunks run on them` : "not used";
    $("results").hidden = false;
    $("status").textContent = `Done: n = ${r.n}, threads = ${r.threads} (${isolated}).`;
    $("run").disabled = false;
    window.numbatResult = r;
  }
};
worker.onerror = (e) => { $("status").textContent = `Worker failed: ${e.message}`; };

$("example").onchange = () => { $("source").value = examples[$("example").value] ?? ""; };
$("gpu-run").onclick = () => {
  $("gpu-run").disabled = true;
  $("gpu-status").textContent = "Running on the GPU…";
  window.numbatGpuResult = undefined;
  worker.postMessage({ kind: "gpu", n: Number($("gpu-n").value) });
};
$("run").onclick = () => {
  $("run").disabled = true;
  $("status").textContent = "Running…";
  window.numbatResult = undefined;
  worker.postMessage({ kind: "run", source: $("source").value, n: Number($("n").value), threads: Number($("threads").value) });
};
