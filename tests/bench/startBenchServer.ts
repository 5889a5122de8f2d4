import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loginAs, startServerProcess } from "../support/serverProcess";

/** A collaboration server running in a child process, as the benchmarks see it. */
export interface BenchServer {
  /** `rapporteur` (ours) or `reference` (@y/websocket-server). */
  kind: ServerKind;
  /** `ws://127.0.0.1:<port>`: clients connect to `<url>/collab/<sectionId>`. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  httpUrl: string;
  /** The child's pid: CPU and memory are read from /proc for it and its descendants. */
  pid: number;
  /** Milliseconds from spawn to the "listening" line. */
  startupMs: number;
  /** Data directory of our server (undefined for the in-memory reference). */
  dataDir: string | undefined;
  /**
   * Upgrade and request headers of a signed-in user (our server's session cookie, as an editor);
   * empty for the reference, which has no accounts.
   */
  headers: Record<string, string>;
  /** The session cookie alone (name=value), for a browser context; undefined for the reference. */
  cookie: string | undefined;
  stop(): Promise<void>;
}

/** Which server to start. */
export type ServerKind = "rapporteur" | "reference";

/** Options of {@link startBenchServer}. */
export interface StartOptions {
  /** Data directory for our server; a fresh temporary one (deleted on stop) when omitted. */
  dataDir?: string;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const REFERENCE_ENTRY = fileURLToPath(new URL("./referenceServer.ts", import.meta.url));
const LISTENING = /Reference listening on (http:\/\/\S+)/;

/**
 * Starts our server (apps/server through tests/support/serverProcess, SQLite in `dataDir`, signed
 * in as the test editor so that every client authenticates like a browser) or the
 * reference @y/websocket-server on an ephemeral port, both as `node --import tsx <entry>`, so that
 * they run under the same loader and their CPU and memory can be compared.
 */
export async function startBenchServer(
  kind: ServerKind,
  options: StartOptions = {},
): Promise<BenchServer> {
  const started = performance.now();
  if (kind === "rapporteur") {
    const ownDataDir = !options.dataDir;
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "rapporteur-bench-"));
    const env = { NODE_ENV: "production", ...options.env };
    const server = await startServerProcess({ dataDir, env, startTimeoutMs: 60_000 });
    const startupMs = performance.now() - started;
    const httpUrl = server.url.replace(/\/$/, "");
    let cookie: string;
    try {
      cookie = await loginAs(httpUrl, "editor");
    } catch (error) {
      await server.stop();
      throw error;
    }
    return {
      kind,
      url: httpUrl.replace(/^http/, "ws"),
      httpUrl,
      pid: server.child.pid as number,
      startupMs,
      dataDir,
      headers: { cookie },
      cookie,
      async stop() {
        await server.stop();
        if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const child = spawn(process.execPath, ["--import", "tsx", REFERENCE_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const httpUrl = (await waitForListening(child)).replace(/\/$/, "");
  const startupMs = performance.now() - started;
  return {
    kind,
    url: httpUrl.replace(/^http/, "ws"),
    httpUrl,
    pid: child.pid as number,
    startupMs,
    dataDir: undefined,
    headers: {},
    cookie: undefined,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`reference server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(LISTENING);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
      // Keep draining the pipes so a chatty server never blocks on a full pipe.
      if (output.length > 100_000) output = output.slice(-10_000);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`reference server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}
