import { afterAll, beforeAll } from "vitest";
import { type CollabClient, connectCollabClient } from "./collabClient";
import { loginAs, type ServerProcess, startServerProcess } from "./serverProcess";

/** A server process shared by one `describe` block, with a signed-in drafter. */
export interface DrafterCollabSuite {
  readonly server: ServerProcess;
  /** The drafter's session cookie. */
  readonly cookie: string;
  /** Connects the drafter to `section`; the client is destroyed after the block. */
  connect(section: string): CollabClient;
}

/**
 * Starts a server before the enclosing `describe` block and signs in as `drafter`; after it,
 * destroys every client opened through {@link DrafterCollabSuite.connect} and stops the server.
 */
export function drafterCollabSuite(): DrafterCollabSuite {
  let server: ServerProcess | undefined;
  let cookie: string | undefined;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startServerProcess();
    cookie = await loginAs(server.url, "drafter");
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("the suite's server is not started yet");
      return server;
    },
    get cookie() {
      if (cookie === undefined) throw new Error("the drafter is not signed in yet");
      return cookie;
    },
    connect(section) {
      const client = connectCollabClient(this.server.url, section, { cookie: this.cookie });
      clients.push(client);
      return client;
    },
  };
}
