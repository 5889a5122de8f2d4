import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@rapporteur/accounts";
import { loadOutline } from "@rapporteur/outline";
import { type DocumentStore, SqliteStore } from "@rapporteur/storage";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import {
  createRapporteurServer,
  type RapporteurServer,
  type RapporteurServerOptions,
} from "../createRapporteurServer";
import { silentLogger } from "../Logger";
import { TEST_ACCOUNTS } from "./testAccounts";

export { TEST_ACCOUNTS } from "./testAccounts";

/**
 * @deprecated Use {@link TEST_ACCOUNTS}: the password of the `drafter` and `reviewer` accounts
 * (the editor signs in as `admin` with its own password).
 */
export const TEST_PASSWORD = TEST_ACCOUNTS.drafter.password;

/** An in-process server on port 0 of 127.0.0.1 for unit tests. */
export interface TestServer {
  server: RapporteurServer;
  store: DocumentStore;
  url: string;
  wsUrl(sectionId: string): string;
  /**
   * `Cookie` header values of a signed-in session per role (the users of {@link TEST_ACCOUNTS}).
   */
  cookies: Record<Role, string>;
  /** Headers of a signed-in JSON request from this site (cookie, Origin, Content-Type). */
  headers(role: Role): Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts {@link createRapporteurServer} on a temporary SQLite store (or the one given), with one
 * signed-in account per role.
 */
export async function startTestServer(
  options: Partial<RapporteurServerOptions> = {},
): Promise<TestServer> {
  const store = options.store ?? SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-test-")));
  // A wrapped store (slow, failing) keeps accounts in a database of its own.
  const accountsStore =
    options.database || store instanceof SqliteStore
      ? undefined
      : SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-test-")));
  const database = options.database ?? accountsStore?.database ?? (store as SqliteStore).database;
  const server = await createRapporteurServer({
    outline: loadOutline(),
    logger: silentLogger,
    webDist: mkdtempSync(join(tmpdir(), "rapporteur-web-")),
    ...options,
    store,
    database,
  });
  const roles: Role[] = ["editor", "drafter", "reviewer"];
  const users = await Promise.all(
    roles.map(
      async (role) =>
        server.accounts.findByUsername(TEST_ACCOUNTS[role].username) ??
        (await server.accounts.create({ ...TEST_ACCOUNTS[role], role })),
    ),
  );
  const cookies = Object.fromEntries(
    users.map((user) => [
      user.role,
      `${SESSION_COOKIE}=${server.accounts.createSession(user.id, 3_600_000)}`,
    ]),
  ) as Record<Role, string>;
  const { port } = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    server,
    store,
    url,
    wsUrl: (sectionId) => `ws://127.0.0.1:${port}/collab/${sectionId}`,
    cookies,
    headers: (role) => ({
      cookie: cookies[role],
      origin: url,
      "content-type": "application/json",
    }),
    async close() {
      await server.close();
      await store.close();
      await accountsStore?.close();
    },
  };
}
