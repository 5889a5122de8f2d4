import { afterAll, beforeAll } from "vitest";
import { type ExportAnswer, exportFile, importFile } from "../api/apiFiles";
import { type ApiAnswer, callApi } from "./callApi";
import { type CollabClient, connectCollabClient } from "./collabClient";
import {
  loginAs,
  type ServerProcess,
  type ServerProcessOptions,
  startServerProcess,
  type TEST_ACCOUNTS,
} from "./serverProcess";

/** A role of the test accounts: `editor` (admin), `drafter` or `reviewer`. */
export type SuiteRole = keyof typeof TEST_ACCOUNTS;

const ROLES: readonly SuiteRole[] = ["editor", "drafter", "reviewer"];

/** Options of {@link serverSuite}. */
export interface ServerSuiteOptions {
  /** Extra environment of the server (limits, timeouts). */
  env?: Record<string, string>;
  /** The roles signed in before the tests (default: all three). */
  roles?: readonly SuiteRole[];
}

/** A server child process shared by one `describe` block, with its signed-in test accounts. */
export interface ServerSuite {
  readonly server: ServerProcess;
  /** The session cookie of each signed-in role. */
  readonly cookies: Readonly<Record<SuiteRole, string>>;
  /** Calls the JSON API as `role` (signed out with null), like {@link callApi}. */
  api(role: SuiteRole | null, method: string, path: string, body?: unknown): Promise<ApiAnswer>;
  /** `GET /api/export?<query>` as `role` (signed out with null), like {@link exportFile}. */
  exportFile(role: SuiteRole | null, query: string): Promise<ExportAnswer>;
  /** Imports `content` as `filename` into `section` as `role`, like {@link importFile}. */
  importFile(
    role: SuiteRole,
    section: string,
    filename: string,
    content: string | Uint8Array,
  ): Promise<ApiAnswer>;
  /** Connects `role` to `section` (not waiting); the client is destroyed after the block. */
  connect(section: string, role: SuiteRole): CollabClient;
  /** Connects `role` to `section` and resolves once the client is synced. */
  connectSynced(section: string, role: SuiteRole): Promise<CollabClient>;
  /**
   * Restarts the server on the same data directory: destroys the suite's clients, stops the
   * server (unless the test already stopped or killed it), starts it again and signs the roles in.
   */
  restart(): Promise<void>;
}

/**
 * Starts a server before the enclosing `describe` block and signs in the test accounts; after
 * it, destroys every client opened through the suite and stops the server.
 */
export function serverSuite(options: ServerSuiteOptions = {}): ServerSuite {
  let server: ServerProcess | undefined;
  const cookies: Record<SuiteRole, string> = { editor: "", drafter: "", reviewer: "" };
  const clients: CollabClient[] = [];
  const start = async (processOptions: ServerProcessOptions) => {
    server = await startServerProcess({ ...processOptions, env: options.env });
    for (const role of options.roles ?? ROLES) cookies[role] = await loginAs(server.url, role);
  };
  beforeAll(() => start({}));
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop();
  });
  const started = (): ServerProcess => {
    if (!server) throw new Error("the suite's server is not started yet: use it in a hook or test");
    return server;
  };
  return {
    get server() {
      return started();
    },
    cookies,
    api(role, method, path, body) {
      return callApi(started().url, role ? cookies[role] : null, method, path, body);
    },
    exportFile(role, query) {
      return exportFile(started().url, role ? cookies[role] : null, query);
    },
    importFile(role, section, filename, content) {
      return importFile(started().url, cookies[role], section, filename, content);
    },
    connect(section, role) {
      const client = connectCollabClient(started().url, section, { cookie: cookies[role] });
      clients.push(client);
      return client;
    },
    async connectSynced(section, role) {
      const client = this.connect(section, role);
      await client.synced;
      return client;
    },
    async restart() {
      for (const client of clients.splice(0)) client.destroy();
      await started().stop();
      await start({ dataDir: started().dataDir });
    },
  };
}
