// Entry of the server's worker threads (started by WorkerPool through ServerWorkers): runs one
// job at a time and answers with its result, moving result bytes rather than copying them.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { runServerJob, type ServerJob, type ServerJobResult } from "./serverJob";
import type { WorkerAnswer } from "./WorkerPool";

const port = parentPort;
if (!port) throw new Error("serverWorker.ts runs in a worker thread (see WorkerPool)");

// Heavy jobs yield the CPU to the event loop thread (health, keystrokes): on Linux a thread has
// its own nice value, set through its thread id (/proc/thread-self -> <pid>/task/<tid>).
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").at(-1)), 10);
} catch {
  // Not Linux, or not allowed: the job runs at the server's priority.
}

port.on("message", async (job: ServerJob) => {
  try {
    const result = await runServerJob(job);
    // Only a buffer the result owns whole is moved (a pooled Buffer's memory is shared).
    const owned =
      result instanceof Uint8Array &&
      result.byteOffset === 0 &&
      result.byteLength === result.buffer.byteLength;
    const transfer = owned ? [result.buffer as ArrayBuffer] : [];
    port.postMessage({ type: "result", result } satisfies WorkerAnswer<ServerJobResult>, transfer);
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    port.postMessage({ type: "failed", message } satisfies WorkerAnswer<ServerJobResult>);
  }
});
port.postMessage({ type: "ready" } satisfies WorkerAnswer<ServerJobResult>);
