// Entry of the import worker thread (started by ImportConverter): converts one file at a time.
import { parentPort } from "node:worker_threads";
import { convertImport, type ImportFormat } from "./convertImport";

/** A file to convert, sent by the server thread. */
export interface ImportJob {
  format: ImportFormat;
  bytes: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error("importWorker.ts runs in a worker thread (see ImportConverter)");

port.on("message", async (job: ImportJob) => {
  try {
    port.postMessage({ type: "result", result: await convertImport(job.format, job.bytes) });
  } catch (error) {
    port.postMessage({ type: "failed", message: (error as Error)?.message ?? String(error) });
  }
});
port.postMessage({ type: "ready" });
