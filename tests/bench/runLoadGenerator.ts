import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ControlMessage, GeneratorMessage, LoadResult, LoadScenario } from "./loadScenario";
import { cpuSeconds, peakRssBytes } from "./processStats";

/** A load run and what the server under test spent on it. */
export interface LoadRun extends LoadResult {
  /** Server CPU over the measured window, in cores (1 = one core fully busy). */
  serverCpu: number;
  /** Peak resident memory of the server process over its life so far (VmHWM), bytes. */
  serverPeakRss: number;
}

const GENERATOR = fileURLToPath(new URL("./loadGenerator.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs `scenario` from a forked load-generator process against the server whose pid is
 * `serverPid`, reading the server's CPU time from /proc at the start and end of the measured
 * window.
 */
export function runLoadGenerator(serverPid: number, scenario: LoadScenario): Promise<LoadRun> {
  const child = fork(GENERATOR, [], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const timeoutMs = 120_000 + scenario.warmupMs + scenario.measureMs + scenario.drainMs;
  return new Promise<LoadRun>((resolve, reject) => {
    let cpuAtStart = 0;
    let cpuAtEnd = 0;
    let startedAt = 0;
    let endedAt = 0;
    let settled = false;
    const finish = (error: Error | undefined, run?: LoadRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const done = () => (error ? reject(error) : resolve(run as LoadRun));
      if (child.exitCode !== null || child.signalCode !== null) return done();
      // Let the generator close its sockets and exit on its own; kill it if it hangs.
      const killer = setTimeout(() => child.kill("SIGKILL"), error ? 0 : 5000);
      child.once("exit", () => {
        clearTimeout(killer);
        done();
      });
    };
    const timer = setTimeout(
      () => finish(new Error(`load generator did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.on("message", (message: GeneratorMessage) => {
      if (message.type === "ready") {
        child.send({ type: "go" } satisfies ControlMessage);
      } else if (message.type === "measure-start") {
        startedAt = performance.now();
        cpuAtStart = cpuSeconds(serverPid);
      } else if (message.type === "measure-end") {
        endedAt = performance.now();
        cpuAtEnd = cpuSeconds(serverPid);
      } else if (message.type === "result") {
        finish(undefined, {
          ...message.result,
          serverCpu: (cpuAtEnd - cpuAtStart) / ((endedAt - startedAt) / 1000),
          serverPeakRss: peakRssBytes(serverPid),
        });
      } else if (message.type === "error") {
        finish(new Error(`load generator failed: ${message.message}`));
      }
    });
    child.once("exit", (code, signal) =>
      finish(new Error(`load generator exited (${code ?? signal}) before reporting`)),
    );
    child.send({ type: "start", scenario } satisfies ControlMessage);
  });
}
