import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadOutline } from "@rapporteur/outline";
import { type DocumentStore, SqliteStore } from "@rapporteur/storage";
import {
  createRapporteurServer,
  type RapporteurServer,
  type RapporteurServerOptions,
} from "../createRapporteurServer";
import { silentLogger } from "../Logger";

/** An in-process server on port 0 of 127.0.0.1 for unit tests. */
export interface TestServer {
  server: RapporteurServer;
  store: DocumentStore;
  url: string;
  wsUrl(sectionId: string): string;
  close(): Promise<void>;
}

/** Starts {@link createRapporteurServer} on a temporary SQLite store (or the one given). */
export async function startTestServer(
  options: Partial<RapporteurServerOptions> = {},
): Promise<TestServer> {
  const store = options.store ?? SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-test-")));
  const server = await createRapporteurServer({
    outline: loadOutline(),
    logger: silentLogger,
    webDist: mkdtempSync(join(tmpdir(), "rapporteur-web-")),
    ...options,
    store,
  });
  const { port } = await server.listen(0, "127.0.0.1");
  return {
    server,
    store,
    url: `http://127.0.0.1:${port}`,
    wsUrl: (sectionId) => `ws://127.0.0.1:${port}/collab/${sectionId}`,
    async close() {
      await server.close();
      await store.close();
    },
  };
}
