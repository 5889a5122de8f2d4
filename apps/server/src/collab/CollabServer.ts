import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Logger } from "../Logger";
import type { CollabExtension } from "./CollabExtension";
import { CollabRefusal } from "./CollabRefusal";
import { Connection } from "./Connection";
import { CloseCode, closeReason } from "./closeCodes";
import { Document, type DocumentHooks } from "./Document";
import { COLLAB_PATH_PREFIX, parseCollabPath } from "./parseCollabPath";
import type { TrafficLimits } from "./trafficLimits";

/** Why an upgrade request is turned away with a plain HTTP answer, before any handshake. */
export interface UpgradeRefusal {
  status: 401 | 403 | 429;
  /** Stable error id, as in HTTP error bodies (`unauthenticated`). */
  id: string;
  message: string;
}

/** Configuration of {@link CollabServer}. */
export interface CollabServerOptions {
  /** Hooks, called in this order (storage first, then counters, auth, ...). */
  extensions: CollabExtension[];
  /** Whether a section id names a document (the outline); others are refused with 4404. */
  documentExists(name: string): boolean;
  /** How long a document without connections stays loaded, in ms. */
  idleUnloadMs: number;
  /** Largest message accepted from a client, in bytes (4413 beyond). */
  maxMessageBytes: number;
  /** Largest encoded state of a section, in bytes: an update beyond it is refused (4413). */
  maxSectionBytes?: number;
  /** Interval of WebSocket pings; a connection that misses one pong is dropped. */
  heartbeatMs?: number;
  /** Deadline for the `onAuthenticate` hooks of a connection (4408 beyond), in ms. */
  authTimeoutMs?: number;
  /**
   * Documents loaded at once. To load one more, the document idle longest (no connections) is
   * compacted and unloaded first; when every loaded document has connections, the new
   * connection is refused with 1013 (try again later). Default: no bound.
   */
  maxLoadedDocuments?: number;
  /** Average messages per second per connection (0: unlimited); beyond the burst, 4429. */
  messagesPerSecond?: number;
  /** Messages a connection may send at once above the average rate. */
  messageBurst?: number;
  /** Bytes queued for a client that does not read before it is dropped with 1013. */
  maxBufferedBytes?: number;
  /** Presence and sync step 1 bounds per connection (default: `TRAFFIC_LIMITS`). */
  trafficLimits?: Partial<TrafficLimits>;
  /**
   * Checks an upgrade request before the WebSocket handshake (session cookie, Origin): a refusal
   * is answered with its HTTP status and nothing is upgraded. Extensions still authenticate
   * every connection afterwards.
   */
  authorizeUpgrade?(request: IncomingMessage): UpgradeRefusal | undefined;
  logger: Logger;
}

/**
 * The collaboration server: y-websocket protocol over `ws`, one Yjs document per section at
 * `/collab/<sectionId>`. It owns the loaded documents (loaded once however many connections ask at
 * the same time, unloaded when idle) and runs the extension hooks around them.
 */
export class CollabServer {
  readonly #options: Required<
    Omit<CollabServerOptions, "authorizeUpgrade" | "maxBufferedBytes" | "trafficLimits">
  > &
    Pick<CollabServerOptions, "authorizeUpgrade" | "maxBufferedBytes" | "trafficLimits">;
  readonly #wss: WebSocketServer;
  readonly #loading = new Map<string, Promise<Document>>();
  /** The documents of `#loading` whose load has finished. */
  readonly #loaded = new Map<string, Document>();
  /** When each loaded document lost its last connection (for choosing which to unload). */
  readonly #idleSince = new Map<string, number>();
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #idleTimers = new Map<string, NodeJS.Timeout>();
  readonly #connections = new Set<Connection>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #hooks: DocumentHooks;
  #closing = false;

  constructor(options: CollabServerOptions) {
    this.#options = {
      ...options,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      authTimeoutMs: options.authTimeoutMs ?? 10_000,
      maxLoadedDocuments: options.maxLoadedDocuments ?? Number.POSITIVE_INFINITY,
      messagesPerSecond: options.messagesPerSecond ?? 0,
      messageBurst: options.messageBurst ?? 1000,
      maxSectionBytes: options.maxSectionBytes ?? Number.POSITIVE_INFINITY,
    };
    // ws cuts frames beyond twice the limit before buffering them (1009); between the limit and
    // that, Connection closes with 4413, which tells y-websocket clients not to retry.
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: Math.max(2 * options.maxMessageBytes, options.maxMessageBytes + 1024 * 1024),
      perMessageDeflate: false,
    });
    this.#heartbeat = setInterval(() => this.#ping(), this.#options.heartbeatMs);
    this.#heartbeat.unref();
    this.#hooks = {
      storeUpdate: async (document, update, origins) => {
        for (const extension of this.#options.extensions) {
          await extension.onStoreUpdate?.({
            documentName: document.name,
            document,
            update,
            origins,
          });
        }
      },
      changed: (document, update, origins) => {
        // Called synchronously, so that each hook starts while the document holds exactly the
        // updates stored so far (compaction relies on it); the pipeline does not wait for them.
        for (const extension of this.#options.extensions) {
          if (!extension.onChange) continue;
          const context = { documentName: document.name, document, update, origins };
          try {
            Promise.resolve(extension.onChange(context)).catch((error) =>
              this.#hookFailed(extension, "onChange", error),
            );
          } catch (error) {
            this.#hookFailed(extension, "onChange", error);
          }
        }
      },
      damaged: (document, error) => {
        this.#options.logger.error(
          `collab: ${document.name} failed to take a stored update; reloading it from storage`,
          error,
        );
        for (const connection of [...document.connections]) {
          connection.close(CloseCode.internal, "The section is being reloaded; reconnecting");
        }
        document.connections.clear();
        if (this.#loaded.get(document.name) === document) {
          this.#evict(document).catch((e) =>
            this.#options.logger.error(`collab: could not unload ${document.name}`, e),
          );
        }
      },
      failed: (document, error, origins) => {
        this.#options.logger.error(`collab: an update to ${document.name} was dropped`, error);
        for (const origin of new Set(origins)) {
          origin?.close(CloseCode.internal, "Your last edit could not be saved; reconnecting");
        }
      },
    };
  }

  /** Listens for WebSocket upgrades to `/collab/...` on `server`. */
  attach(server: Server): void {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.handleUpgrade(request, socket, head);
    });
  }

  /** Loaded documents, by name. */
  get documentNames(): string[] {
    return [...this.#loading.keys()];
  }

  /** Open connections, all documents together. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Handles one HTTP upgrade request. Requests outside `/collab` get a 404. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", () => socket.destroy());
    const target = request.url ?? "/";
    if (!isCollabTarget(target)) {
      rejectUpgrade(
        socket,
        404,
        "not_found",
        "No WebSocket endpoint here: use /collab/<sectionId>",
      );
      return;
    }
    if (this.#closing) {
      rejectUpgrade(socket, 503, "shutting_down", "The server is shutting down");
      return;
    }
    let refusal: UpgradeRefusal | undefined;
    try {
      refusal = this.#options.authorizeUpgrade?.(request);
    } catch (error) {
      this.#options.logger.error("collab: could not check an upgrade request", error);
      rejectUpgrade(socket, 500, "internal_error", "The server failed to handle the request");
      return;
    }
    if (refusal) {
      rejectUpgrade(socket, refusal.status, refusal.id, refusal.message);
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      // Refusals go through the handshake so that browsers, which never see an upgrade's HTTP
      // status, get the close code and reason.
      const path = parseCollabPath(target);
      if (!path.ok) {
        ws.close(path.code, closeReason(path.reason));
        return;
      }
      if (!this.#options.documentExists(path.documentName)) {
        ws.close(
          CloseCode.unknownDocument,
          closeReason(`Unknown section '${path.documentName}': it is not in the report outline`),
        );
        return;
      }
      const connection = new Connection(
        ws,
        path.documentName,
        {
          maxMessageBytes: this.#options.maxMessageBytes,
          maxBacklog: 1000,
          messagesPerSecond: this.#options.messagesPerSecond,
          messageBurst: this.#options.messageBurst,
          maxBufferedBytes: this.#options.maxBufferedBytes,
          traffic: this.#options.trafficLimits,
        },
        this.#options.logger,
      );
      this.#connections.add(connection);
      connection.onClose(() => this.#connections.delete(connection));
      this.#open(connection, request, path.params).catch((error) => connection.fail(error));
    });
  }

  /**
   * The loaded document `name`, loading it if needed. Concurrent callers share one load; a
   * document being unloaded is first fully unloaded, then loaded again. At the bound on loaded
   * documents an idle one is unloaded to make room; if none is idle, rejects with a
   * {@link CollabRefusal} 1013.
   */
  loadDocument(name: string): Promise<Document> {
    const loading = this.#loading.get(name);
    if (loading) return loading;
    try {
      this.#makeRoom();
    } catch (error) {
      return Promise.reject(error);
    }
    const promise = this.#load(name);
    this.#loading.set(name, promise);
    promise.then(
      (document) => {
        if (this.#loading.get(name) !== promise) return;
        this.#loaded.set(name, document);
        this.#idleSince.set(name, Date.now());
      },
      () => {
        if (this.#loading.get(name) === promise) this.#loading.delete(name);
      },
    );
    return promise;
  }

  /** Unloads `name` now if it has no connections (compacting it through the hooks). */
  async unloadDocument(name: string): Promise<void> {
    const pending = this.#unloading.get(name);
    if (pending) return pending;
    const loading = this.#loading.get(name);
    if (!loading) return;
    const document = await loading.catch(() => null);
    if (!document || document.connections.size > 0 || this.#loading.get(name) !== loading) return;
    return this.#evict(document);
  }

  /**
   * Stops accepting connections, ends the open ones (1001, clients reconnect later), waits for
   * every received update to be stored, then unloads every document.
   */
  async close(): Promise<void> {
    this.#closing = true;
    clearInterval(this.#heartbeat);
    for (const connection of this.#connections) {
      connection.close(CloseCode.goingAway, "The server is shutting down");
    }
    const documents = await Promise.all(
      [...this.#loading.values()].map((p) => p.catch(() => null)),
    );
    for (const document of documents) {
      if (!document) continue;
      document.connections.clear();
      await this.unloadDocument(document.name);
    }
    await Promise.all(this.#unloading.values());
    for (const timer of this.#idleTimers.values()) clearTimeout(timer);
    this.#idleTimers.clear();
    this.#wss.close();
  }

  async #open(connection: Connection, request: IncomingMessage, params: URLSearchParams) {
    const documentName = connection.documentName;
    await this.#authenticate(connection, request, params);
    if (connection.closed) return;
    let document: Document;
    try {
      // A document retired by an idle unload in the meantime is loaded again.
      do document = await this.loadDocument(documentName);
      while (document.retired);
    } catch (error) {
      if (error instanceof CollabRefusal) throw error;
      this.#options.logger.error(`collab: could not load ${documentName}`, error);
      throw new CollabRefusal(CloseCode.internal, "The section could not be loaded");
    }
    if (connection.closed || this.#closing) {
      this.#scheduleIdleCheck(document);
      return;
    }
    this.#clearIdleTimer(documentName);
    connection.onClose(() => this.#leave(connection, document));
    connection.attach(document);
  }

  async #authenticate(connection: Connection, request: IncomingMessage, params: URLSearchParams) {
    const hooks = this.#options.extensions.filter((e) => e.onAuthenticate);
    if (hooks.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new CollabRefusal(CloseCode.authTimeout, "Authentication took too long")),
        this.#options.authTimeoutMs,
      );
    });
    const documentName = connection.documentName;
    const run = async () => {
      for (const extension of hooks) {
        const result = await extension.onAuthenticate?.({
          documentName,
          request,
          params,
          connection,
        });
        if (result?.readOnly) {
          connection.setReadOnly(result.readOnlyReason ?? "this connection may not edit");
        }
        if (result?.context) Object.assign(connection.context, result.context);
        if (connection.closed) return;
      }
    };
    try {
      await Promise.race([run(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** At the bound on loaded documents, unloads the one idle longest; refuses if none is idle. */
  #makeRoom(): void {
    const max = this.#options.maxLoadedDocuments;
    if (this.#loading.size < max) return;
    let victim: Document | undefined;
    for (const document of this.#loaded.values()) {
      if (document.connections.size > 0) continue;
      const since = this.#idleSince.get(document.name) ?? 0;
      if (!victim || since < (this.#idleSince.get(victim.name) ?? 0)) victim = document;
    }
    if (!victim) {
      this.#options.logger.warn(`collab: ${max} sections loaded, all in use: connection refused`);
      throw new CollabRefusal(
        CloseCode.tryAgainLater,
        `The server has ${max} sections open, all in use: try again in a moment`,
      );
    }
    this.#evict(victim).catch((error) =>
      this.#options.logger.error(`collab: could not unload ${victim.name}`, error),
    );
  }

  /**
   * Takes `document` out of the loaded ones at once (new connections load it again, after this
   * unload has stored it), then compacts it through the hooks and frees it.
   */
  #evict(document: Document): Promise<void> {
    const name = document.name;
    this.#clearIdleTimer(name);
    this.#loading.delete(name);
    this.#loaded.delete(name);
    this.#idleSince.delete(name);
    document.retire();
    const unloading = this.#unload(document).finally(() => this.#unloading.delete(name));
    this.#unloading.set(name, unloading);
    return unloading;
  }

  async #load(name: string): Promise<Document> {
    await this.#unloading.get(name);
    const document = new Document(name, this.#hooks, {
      maxBytes: this.#options.maxSectionBytes,
    });
    try {
      for (const extension of this.#options.extensions) {
        await extension.onLoadDocument?.({ documentName: name, document });
      }
      document.ready();
    } catch (error) {
      document.destroy();
      throw error;
    }
    return document;
  }

  async #unload(document: Document): Promise<void> {
    await document.whenSettled();
    // A damaged document's memory is not the truth: nothing of it is stored (no compaction).
    for (const extension of document.damaged ? [] : this.#options.extensions) {
      try {
        await extension.onUnloadDocument?.({ documentName: document.name, document });
      } catch (error) {
        this.#hookFailed(extension, "onUnloadDocument", error);
      }
    }
    document.destroy();
  }

  #leave(connection: Connection, document: Document): void {
    document.removeConnection(connection);
    for (const extension of this.#options.extensions) {
      if (!extension.onDisconnect) continue;
      Promise.resolve()
        .then(() => extension.onDisconnect?.({ documentName: document.name, document, connection }))
        .catch((error) => this.#hookFailed(extension, "onDisconnect", error));
    }
    this.#scheduleIdleCheck(document);
  }

  #scheduleIdleCheck(document: Document): void {
    if (document.connections.size > 0 || this.#closing) return;
    if (this.#loaded.get(document.name) === document)
      this.#idleSince.set(document.name, Date.now());
    this.#clearIdleTimer(document.name);
    const timer = setTimeout(() => {
      this.#idleTimers.delete(document.name);
      this.unloadDocument(document.name).catch((error) =>
        this.#options.logger.error(`collab: could not unload ${document.name}`, error),
      );
    }, this.#options.idleUnloadMs);
    timer.unref();
    this.#idleTimers.set(document.name, timer);
  }

  #clearIdleTimer(name: string): void {
    const timer = this.#idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.#idleTimers.delete(name);
  }

  #ping(): void {
    for (const connection of this.#connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }

  #hookFailed(extension: CollabExtension, hook: string, error: unknown): void {
    this.#options.logger.error(`collab: ${extension.name}.${hook} failed`, error);
  }
}

function isCollabTarget(target: string): boolean {
  const path = target.split("?", 1)[0];
  return path === COLLAB_PATH_PREFIX || target.startsWith(`${COLLAB_PATH_PREFIX}/`);
}

/**
 * Answers an upgrade request with a plain HTTP error and closes the socket: written by hand
 * because the request never reaches Express, and destroyed once written so that a client that
 * keeps sending cannot hold the socket open.
 */
function rejectUpgrade(socket: Duplex, status: number, id: string, message: string): void {
  const body = JSON.stringify({ error: { id, message } });
  const reason = STATUS_TEXT[status] ?? "Error";
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

const STATUS_TEXT: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};
