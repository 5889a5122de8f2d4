import * as Y from "yjs";
import { CollabRefusal } from "./CollabRefusal";
import type { Connection } from "./Connection";
import { CloseCode } from "./closeCodes";
import type { Document } from "./Document";
import type { FrameDecoder } from "./FrameDecoder";
import { MessageType, SyncMessageType } from "./messageTypes";
import { updateWouldChange } from "./updateWouldChange";
import { type AwarenessEntry, validateAwarenessUpdate } from "./validateAwarenessUpdate";

/** What a message handler gets: the frame (its type already read), its connection and document. */
export interface MessageContext {
  connection: Connection;
  document: Document;
  decoder: FrameDecoder;
}

/** Handles one message type. Throws {@link CollabRefusal} to end the connection. */
export type MessageHandler = (context: MessageContext) => void;

const handleSync: MessageHandler = ({ connection, document, decoder }) => {
  const syncType = decoder.readVarUint("sync message type");
  switch (syncType) {
    case SyncMessageType.step1: {
      const stateVector = decoder.readVarUint8Array("state vector");
      decoder.end("state vector");
      try {
        Y.decodeStateVector(stateVector);
      } catch {
        throw new CollabRefusal(CloseCode.badRequest, "Malformed message: invalid state vector");
      }
      // What the client lacks may be the whole section: answered within a byte budget, and
      // after the updates this client sent before are stored and applied, so that the answer
      // holds them (the store may be a worker thread's commit away); others need not wait.
      const answer = () => connection.answerSyncStep1(() => document.encodeSyncStep2(stateVector));
      if (connection.ownUpdatesApplied) void connection.ownUpdatesApplied.then(answer);
      else answer();
      return;
    }
    case SyncMessageType.step2:
    case SyncMessageType.update: {
      const update = decoder.readVarUint8Array("update");
      decoder.end("update");
      if (connection.readOnly) {
        // A read-only client still answers the server's sync step 1 (y-protocols PROTOCOL.md):
        // an answer that repeats what the server has is fine, only one that would edit is refused.
        if (updateWouldChange(document.ydoc, update)) {
          throw new CollabRefusal(CloseCode.forbidden, `read-only: ${connection.readOnlyReason}`);
        }
        return;
      }
      if (document.receiveUpdate(update, connection)) {
        const applied = document.receivedSoFar();
        connection.ownUpdatesApplied = applied;
        void applied.then(() => {
          if (connection.ownUpdatesApplied === applied) connection.ownUpdatesApplied = null;
        });
      }
      return;
    }
    default:
      throw new CollabRefusal(CloseCode.badRequest, `Unknown sync message type ${syncType}`);
  }
};

const handleAwareness: MessageHandler = ({ connection, document, decoder }) => {
  const update = decoder.readVarUint8Array("awareness update");
  decoder.end("awareness update");
  const { maxAwarenessBytes, maxAwarenessStateBytes } = connection.traffic;
  if (update.byteLength > maxAwarenessBytes) {
    throw new CollabRefusal(
      CloseCode.messageTooLarge,
      `Presence update of ${update.byteLength} bytes exceeds the limit of ${maxAwarenessBytes}`,
    );
  }
  const { own, foreign } = document.claimPresence(connection, validateAwarenessUpdate(update));
  if (foreign.length > 0) {
    connection.warnOnce(
      "presence",
      `tried to change the presence of client ${foreign[0]}, owned by another connection: ignored`,
    );
  }
  if (!own) return;
  const stateJson = JSON.stringify(presenceState(own.state, connection));
  const bytes = Buffer.byteLength(stateJson);
  if (bytes > maxAwarenessStateBytes) {
    throw new CollabRefusal(
      CloseCode.messageTooLarge,
      `Presence state of ${bytes} bytes exceeds the limit of ${maxAwarenessStateBytes}`,
    );
  }
  connection.changePresence(() =>
    document.applyPresence(connection, own.clientId, own.clock, stateJson),
  );
};

/** A presence state as others see it: its `user` is the connection's account, not the client's. */
function presenceState(
  state: AwarenessEntry["state"],
  connection: Connection,
): Record<string, unknown> | null {
  if (state === null) return null;
  const fields = Array.isArray(state) ? {} : state;
  return connection.presence ? { ...fields, user: connection.presence.user } : fields;
}

const handleQueryAwareness: MessageHandler = ({ connection, document, decoder }) => {
  decoder.end("awareness query");
  const states = document.encodeAwarenessStates();
  if (states) connection.send(states);
};

/** The y-websocket message types the server accepts, each with its handler. */
export const messageHandlers: ReadonlyMap<number, MessageHandler> = new Map([
  [MessageType.sync, handleSync],
  [MessageType.awareness, handleAwareness],
  [MessageType.queryAwareness, handleQueryAwareness],
]);
