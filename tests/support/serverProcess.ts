import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TEST_ACCOUNTS } from "../../apps/server/src/testing/testAccounts";

/** Root of the repository (the server runs from there). */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

// One set of test accounts for in-process and child-process servers (see testAccounts.ts);
// sign in with {@link login}, pass its cookie to `connectCollabClient(url, id, { cookie })`.
export { TEST_ACCOUNTS };

/** Environment that creates {@link TEST_ACCOUNTS} on first start. */
const TEST_ACCOUNT_ENV = {
  RAPPORTEUR_ADMIN_PASSWORD: TEST_ACCOUNTS.editor.password,
  RAPPORTEUR_DEMO: "1",
  RAPPORTEUR_DEMO_PASSWORD: TEST_ACCOUNTS.drafter.password,
};

/**
 * Signs in through `POST /api/auth/login` and returns the `Cookie` header value of the session
 * (`rapporteur_session=...`). Sends the `Origin` of `url`, as a browser would (CSRF check).
 * Throws with the server's answer when the sign-in is refused.
 */
export async function login(url: string, username: string, password: string): Promise<string> {
  const origin = new URL(url).origin;
  const response = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`Sign-in of ${username} refused: ${response.status} ${await response.text()}`);
  }
  const setCookie = response.headers.get("set-cookie") ?? "";
  const cookie = /rapporteur_session=[^;]+/.exec(setCookie)?.[0];
  if (!cookie) throw new Error(`No session cookie in the answer: ${setCookie}`);
  return cookie;
}

/** Signs in as the test account of `role` (see {@link TEST_ACCOUNTS}). */
export function loginAs(url: string, role: keyof typeof TEST_ACCOUNTS): Promise<string> {
  const { username, password } = TEST_ACCOUNTS[role];
  return login(url, username, password);
}

/**
 * Headers of a JSON API request from a signed-in browser on `url`: the session cookie, the
 * site's own `Origin` and `Content-Type: application/json` (what the CSRF check requires).
 */
export function apiHeaders(url: string, cookie: string): Record<string, string> {
  return { cookie, origin: new URL(url).origin, "content-type": "application/json" };
}

/** Options of {@link startServerProcess}. */
export interface ServerProcessOptions {
  /** Data directory; a fresh temporary one when omitted. Reuse it to restart on the same data. */
  dataDir?: string;
  /**
   * Extra environment (RAPPORTEUR_IDLE_UNLOAD_MS, ...). PORT, HOST and RAPPORTEUR_DATA are set;
   * the account variables default to those of {@link TEST_ACCOUNTS}.
   */
  env?: Record<string, string>;
  /** Upper bound for the server to print its URL, in ms (default 30 s). */
  startTimeoutMs?: number;
}

/** A running server child process. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>`; the collaboration endpoint is `ws://127.0.0.1:<port>/collab`. */
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Sends `signal` (default SIGKILL) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Graceful stop: SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts `node --import tsx apps/server/src/main.ts` on port 0 of 127.0.0.1 and resolves once it
 * prints `Rapporteur listening on http://...`. Rejects with the server's output if it exits or
 * does not start in time. Kill or stop it in `afterAll`/`afterEach`.
 */
export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "rapporteur-data-"));
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...TEST_ACCOUNT_ENV,
      ...options.env,
      PORT: "0",
      HOST: "127.0.0.1",
      RAPPORTEUR_DATA: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  // Keep reading both pipes for the whole life of the child: a full pipe would block its writes.
  child.stdout?.setEncoding("utf8");
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  exited.then(() => running.delete(child));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `The server did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`,
        ),
      );
    }, options.startTimeoutMs ?? 30_000);
    child.stdout?.on("data", (chunk: string) => {
      output += chunk;
      const match = /Rapporteur listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${signal ?? code}) before listening:\n${output}`));
    });
  });

  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    child,
    output: () => output,
    kill,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await kill("SIGTERM");
      clearTimeout(force);
    },
  };
}
