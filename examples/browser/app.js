// The page's script (plain JavaScript, served as is): sends the kernel in the text box to the worker
// (runner.js, which holds numbat) and shows what comes back. `window.numbatResult` holds the last
// result for the automated test (test/browser.test.ts).

const $ = (id) => document.getElementById(id);
const worker = new Worker("./runner.js", { type: "module" });
let examples = {};

const isolated = window.crossOriginIsolated
  ? "cross-origin isolated: shared memory and threads available"
  : "not cross-origin isolated: serve the page with COOP/COEP headers (npm run serve)";

worker.onmessage = ({ data }) => {
  if (data.kind === "ready") {
    examples = data.examples;
    $("source").value = examples.seed;
    $("run").disabled = false;
    $("status").textContent = `Ready (${isolated}).`;
    window.numbatReady = true;
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
$("run").onclick = () => {
  $("run").disabled = true;
  $("status").textContent = "Running…";
  window.numbatResult = undefined;
  worker.postMessage({ kind: "run", source: $("source").value, n: Number($("n").value), threads: Number($("threads").value) });
};
