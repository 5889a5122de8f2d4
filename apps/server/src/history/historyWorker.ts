// Entry of the checkpoint worker thread (started by CheckpointWorker): replays stored rows into
// history checkpoints (states and word counts) off the server's event loop, one job at a time.
import { parentPort } from "node:worker_threads";
import type { AttributedUpdate } from "@rapporteur/storage";
import { historyCheckpoints } from "./historyCheckpoints";

/** Rows to turn into checkpoints, sent by the server thread. */
export interface CheckpointJob {
  id: number;
  rows: AttributedUpdate[];
}

const port = parentPort;
if (!port) throw new Error("historyWorker.ts runs in a worker thread (see CheckpointWorker)");

port.on("message", (job: CheckpointJob) => {
  try {
    port.postMessage({ id: job.id, checkpoints: historyCheckpoints(job.rows).checkpoints });
  } catch (error) {
    port.postMessage({ id: job.id, error: (error as Error)?.message ?? String(error) });
  }
});
