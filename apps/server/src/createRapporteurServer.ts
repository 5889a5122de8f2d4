import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Outline } from "@rapporteur/outline";
import type { DocumentStore } from "@rapporteur/storage";
import type { Express } from "express";
import type { CollabExtension } from "./collab/CollabExtension";
import { CollabServer } from "./collab/CollabServer";
import { StorageExtension } from "./collab/StorageExtension";
import { createApp } from "./http/createApp";
import { EventStreams } from "./http/EventStreams";
import { consoleLogger, type Logger } from "./Logger";
import { countStoredUpdates } from "./report/countYDoc";
import { WordCountExtension } from "./report/WordCountExtension";
import { WordCounts } from "./report/WordCounts";

/** Where `vite build` writes the web app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Everything {@link createRapporteurServer} needs; the store and outline are opened by the caller. */
export interface RapporteurServerOptions {
  outline: Outline;
  store: DocumentStore;
  webDist?: string;
  idleUnloadMs?: number;
  compactEvery?: number;
  maxMessageBytes?: number;
  maxBodyBytes?: number;
  /** Deadline for authentication hooks of a collaboration connection, in ms (4408 beyond). */
  authTimeoutMs?: number;
  /** Extra collaboration hooks (authentication, ...), run after storage and word counts. */
  extensions?: CollabExtension[];
  logger?: Logger;
}

/** A created server: listen, then close at shutdown. */
export interface RapporteurServer {
  readonly app: Express;
  readonly httpServer: Server;
  readonly collab: CollabServer;
  readonly counts: WordCounts;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host: string): Promise<{ port: number }>;
  /**
   * Stops the HTTP server and event streams, ends collaboration connections, waits for pending
   * updates to be stored and compacts the loaded documents. Does not close the store.
   */
  close(): Promise<void>;
}

/**
 * Builds the Rapporteur server (HTTP API, web app, collaboration server on one port) on an open
 * store. Counts every section from storage first, so `/api/report` is right from the start.
 */
export async function createRapporteurServer(
  options: RapporteurServerOptions,
): Promise<RapporteurServer> {
  const logger = options.logger ?? consoleLogger;
  const { outline, store } = options;
  const counts = new WordCounts();
  for (const section of outline.sections) {
    const stored = await store.load(section.id);
    try {
      counts.set(section.id, countStoredUpdates(stored.updates));
    } catch (error) {
      logger.error(`wordcount: could not count ${section.id}`, error);
    }
  }
  const events = new EventStreams();
  counts.subscribe((change) => events.send("wordcount", change));

  const sectionIds = new Set(outline.sections.map((s) => s.id));
  const collab = new CollabServer({
    extensions: [
      new StorageExtension(store, { compactEvery: options.compactEvery ?? 500 }),
      new WordCountExtension(counts, logger),
      ...(options.extensions ?? []),
    ],
    documentExists: (name) => sectionIds.has(name),
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    maxMessageBytes: options.maxMessageBytes ?? 10 * 1024 * 1024,
    authTimeoutMs: options.authTimeoutMs,
    logger,
  });
  const app = createApp({
    outline,
    counts,
    events,
    webDist: options.webDist ?? DEFAULT_WEB_DIST,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    logger,
  });
  const httpServer = createServer(app);
  collab.attach(httpServer);

  let closing: Promise<void> | undefined;
  return {
    app,
    httpServer,
    collab,
    counts,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          resolve({ port: (httpServer.address() as AddressInfo).port });
        });
      });
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        events.closeAll();
        await collab.close();
        httpServer.closeAllConnections();
        if (httpServer.listening) await stopped;
      })();
      return closing;
    },
  };
}
