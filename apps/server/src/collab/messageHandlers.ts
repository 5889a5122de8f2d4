import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CollabRefusal } from "./CollabRefusal";
import type { Connection } from "./Connection";
import { CloseCode } from "./closeCodes";
import type { Document } from "./Document";
import type { FrameDecoder } from "./FrameDecoder";
import { MessageType, SyncMessageType } from "./messageTypes";
import { updateWouldChange } from "./updateWouldChange";
import { validateAwarenessUpdate } from "./validateAwarenessUpdate";

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
      connection.send(document.encodeSyncStep2(stateVector));
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
      document.receiveUpdate(update, connection);
      return;
    }
    default:
      throw new CollabRefusal(CloseCode.badRequest, `Unknown sync message type ${syncType}`);
  }
};

const handleAwareness: MessageHandler = ({ connection, document, decoder }) => {
  const update = decoder.readVarUint8Array("awareness update");
  decoder.end("awareness update");
  validateAwarenessUpdate(update);
  awarenessProtocol.applyAwarenessUpdate(document.awareness, update, connection);
};

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
