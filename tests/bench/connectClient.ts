import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

/** Options of {@link connectClient}. */
export interface ConnectOptions {
  /** Extra HTTP headers on the WebSocket upgrade (a session cookie, once the server has accounts). */
  headers?: Record<string, string>;
  /** Local awareness state (user name and colour); no awareness at all when omitted. */
  user?: { name: string; color: string };
  /**
   * Receive other clients' awareness without applying it (a load-generator reader: the server's
   * work is the same, the generator's is halved).
   */
  ignoreRemoteAwareness?: boolean;
  /** Milliseconds to wait for the first sync before giving up. */
  syncTimeoutMs?: number;
}

/**
 * A lightweight collaboration client: a raw `ws` socket speaking the y-websocket protocol (sync and
 * awareness from y-protocols) for one Y.Doc, without the provider's reconnect and broadcast
 * channel machinery, so that hundreds fit in one load-generator process.
 */
export interface BenchClient {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness | undefined;
  /** `performance.now()` when the server's answer to our sync step 1 arrived. */
  syncedAt: number;
  /** Resolves once synced, rejects if the socket closes or the timeout passes first. */
  synced: Promise<void>;
  /** Close code and reason if the server closed the connection. */
  closed: { code: number; reason: string } | undefined;
  /** Sets a field of the local awareness state (a caret position, say) and sends it. */
  setAwarenessField(field: string, value: unknown): void;
  close(): Promise<void>;
}

/**
 * Connects to `<url>/collab/<room>` (url as `ws://host:port`) and starts the sync handshake. The
 * single place where benchmark clients open connections: add authentication here.
 */
export function connectClient(
  url: string,
  room: string,
  options: ConnectOptions = {},
): BenchClient {
  const doc = new Y.Doc();
  const awareness = options.user ? new awarenessProtocol.Awareness(doc) : undefined;
  const socket = new WebSocket(`${url}/collab/${room}`, {
    headers: options.headers,
    perMessageDeflate: false,
  });
  socket.binaryType = "nodebuffer";
  const origin = Symbol("server");

  let resolveSynced!: () => void;
  let rejectSynced!: (error: Error) => void;
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });
  // Callers that never await `synced` must not see an unhandled rejection.
  synced.catch(() => {});
  const timeout = setTimeout(
    () =>
      rejectSynced(new Error(`no sync from ${room} within ${options.syncTimeoutMs ?? 60_000} ms`)),
    options.syncTimeoutMs ?? 60_000,
  );

  const client: BenchClient = {
    doc,
    awareness,
    syncedAt: Number.NaN,
    synced,
    closed: undefined,
    setAwarenessField(field, value) {
      awareness?.setLocalStateField(field, value);
    },
    close() {
      clearTimeout(timeout);
      doc.off("update", onDocUpdate);
      awareness?.destroy();
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.close();
      });
    },
  };

  const send = (message: Uint8Array) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(message);
  };

  const onDocUpdate = (update: Uint8Array, updateOrigin: unknown) => {
    if (updateOrigin === origin) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  };
  doc.on("update", onDocUpdate);

  const sendAwareness = (clients: number[]) => {
    if (!awareness) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(awareness, clients),
    );
    send(encoding.toUint8Array(encoder));
  };
  if (awareness && options.user) {
    awareness.setLocalStateField("user", options.user);
    awareness.on(
      "update",
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        updateOrigin: unknown,
      ) => {
        if (updateOrigin === origin) return;
        sendAwareness([...added, ...updated, ...removed]);
      },
    );
  }

  socket.on("open", () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
    send(encoding.toUint8Array(encoder));
    if (awareness) sendAwareness([doc.clientID]);
  });

  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.length),
    );
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, origin);
      if (syncType === syncProtocol.messageYjsSyncStep2 && Number.isNaN(client.syncedAt)) {
        client.syncedAt = performance.now();
        clearTimeout(timeout);
        resolveSynced();
      }
      if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS && awareness && !options.ignoreRemoteAwareness) {
      awarenessProtocol.applyAwarenessUpdate(
        awareness,
        decoding.readVarUint8Array(decoder),
        origin,
      );
    } else if (type === MESSAGE_QUERY_AWARENESS && awareness) {
      sendAwareness([...awareness.getStates().keys()]);
    } else if (type === MESSAGE_AUTH) {
      rejectSynced(new Error(`permission denied on ${room}`));
    }
  });

  socket.on("close", (code, reason) => {
    client.closed = { code, reason: reason.toString() };
    clearTimeout(timeout);
    rejectSynced(new Error(`${room} closed before sync: ${code} ${reason.toString()}`));
  });
  socket.on("error", (error) => {
    clearTimeout(timeout);
    rejectSynced(error);
  });
  return client;
}
