// Worker-thread entry of fuzzInWorker (driver.ts): runs the fuzz loop and reports every program.

import { parentPort, workerData } from "node:worker_threads";
import { fuzz, type FuzzOptions, type WorkerMsg } from "./driver.js";

if (parentPort) {
  const port = parentPort;
  const post = (m: WorkerMsg) => port.postMessage(m);
  try {
    fuzz(workerData as FuzzOptions, { event: (e) => post({ type: "event", ...e }), result: (r) => post({ type: "result", r }) });
    post({ type: "done" });
  } catch (e) {
    post({ type: "error", message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}
