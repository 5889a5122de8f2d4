import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Logger } from "../Logger";
import type { CollabExtension } from "./CollabExtension";
import { CollabRefusal } from "./CollabRefusal";
import { Connection } from "./Connection";
import { CloseCode, type CloseCodeValue, closeReason } from "./closeCodes";
import type { DirectConnection } from "./DirectConnection";
import type { Document } from "./Document";
import { DocumentRegistry } from "./DocumentRegistry";
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
  /** Whether a section was archived or merged away: refused with 4410 rather than 4404. */
  documentRetired?(name: string): boolean;
  /** How long a document without connections stays loaded, in ms (default 30 s). */
  idleUnloadMs?: number;
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
 * The collaboration server's transport: y-websocket protocol over `ws`, one Yjs document per
 * section at `/collab/<sectionId>`. It owns the upgrade (checks, path, authentication hooks), the
 * connections and their heartbeat; the loaded documents are its {@link DocumentRegistry}'s.
 */
export class CollabServer {
  readonly #options: Required<
    Omit<
      CollabServerOptions,
      "authorizeUpgrade" | "maxBufferedBytes" | "idleUnloadMs" | "trafficLimits" | "documentRetired"
    >
  > &
    Pick<
      CollabServerOptions,
      "authorizeUpgrade" | "maxBufferedBytes" | "trafficLimits" | "documentRetired"
    >;
  readonly #wss: WebSocketServer;
  readonly #documents: DocumentRegistry;
  readonly #connections = new Set<Connection>();
  readonly #heartbeat: NodeJS.Timeout;
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
    this.#documents = new DocumentRegistry({
      extensions: options.extensions,
      idleUnloadMs: options.idleUnloadMs,
      maxLoadedDocuments: options.maxLoadedDocuments,
      maxSectionBytes: options.maxSectionBytes,
      logger: options.logger,
    });
  }

  /** Listens for WebSocket upgrades to `/collab/...` on `server`. */
  attach(server: Server): void {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.handleUpgrade(request, socket, head);
    });
  }

  /** Loaded documents, by name. */
  get documentNames(): string[] {
    return this.#documents.names;
  }

  /** Open connections, all documents together. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /**
   * Handles one HTTP upgrade request. Requests outside `/collab` get a 404. With `refusal`, an
   * upgrade that passes the checks before the handshake is closed with it right after (a report
   * the user may not open: the browser sees the close code).
   */
  handleUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    refusal?: { code: CloseCodeValue; reason: string },
  ): void {
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
    let rejection: UpgradeRefusal | undefined;
    try {
      rejection = this.#options.authorizeUpgrade?.(request);
    } catch (error) {
      this.#options.logger.error("collab: could not check an upgrade request", error);
      rejectUpgrade(socket, 500, "internal_error", "The server failed to handle the request");
      return;
    }
    if (rejection) {
      rejectUpgrade(socket, rejection.status, rejection.id, rejection.message);
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      if (refusal) {
        ws.close(refusal.code, closeReason(refusal.reason));
        return;
      }
      // Refusals go through the handshake so that browsers, which never see an upgrade's HTTP
      // status, get the close code and reason.
      const path = parseCollabPath(target);
      if (!path.ok) {
        ws.close(path.code, closeReason(path.reason));
        return;
      }
      if (this.#options.documentRetired?.(path.documentName)) {
        ws.close(
          CloseCode.sectionRetired,
          closeReason(`Section '${path.documentName}' was archived or merged into another one`),
        );
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

  /** The loaded document `name`, loading it if needed (see {@link DocumentRegistry.load}). */
  loadDocument(name: string): Promise<Document> {
    return this.#documents.load(name);
  }

  /**
   * Closes every editor's connection to section `name` with `code` (e.g. 4410 when it leaves the
   * outline); returns how many were closed.
   */
  closeConnections(name: string, code: CloseCodeValue, reason: string): number {
    let closed = 0;
    for (const connection of this.#connections) {
      if (connection.documentName !== name || connection.closed) continue;
      connection.close(code, reason);
      closed++;
    }
    return closed;
  }

  /** Unloads `name` now if nobody has it open (compacting it through the hooks). */
  unloadDocument(name: string): Promise<void> {
    return this.#documents.unload(name);
  }

  /**
   * A server-side connection to section `name` (as Hocuspocus's direct connection): its edits go
   * through the same validate-store-apply-broadcast pipeline as an editor's. Disconnect it when
   * done; the section is then unloaded after the idle delay if nobody else has it open.
   */
  openDirectConnection(name: string): Promise<DirectConnection> {
    return this.#documents.openDirectConnection(name);
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
    await this.#documents.close();
    this.#wss.close();
  }

  async #open(connection: Connection, request: IncomingMessage, params: URLSearchParams) {
    const documentName = connection.documentName;
    await this.#authenticate(connection, request, params);
    if (connection.closed) return;
    let document: Document;
    try {
      // A document retired by an idle unload in the meantime is loaded again.
      document = await this.#documents.acquire(documentName);
    } catch (error) {
      if (error instanceof CollabRefusal) throw error;
      this.#options.logger.error(`collab: could not load ${documentName}`, error);
      throw new CollabRefusal(CloseCode.internal, "The section could not be loaded");
    }
    if (connection.closed || this.#closing) {
      this.#documents.scheduleIdleCheck(document);
      return;
    }
    this.#documents.markInUse(documentName);
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

  #leave(connection: Connection, document: Document): void {
    document.removeConnection(connection);
    for (const extension of this.#options.extensions) {
      if (!extension.onDisconnect) continue;
      Promise.resolve()
        .then(() => extension.onDisconnect?.({ documentName: document.name, document, connection }))
        .catch((error) => this.#hookFailed(extension, "onDisconnect", error));
    }
    this.#documents.scheduleIdleCheck(document);
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
