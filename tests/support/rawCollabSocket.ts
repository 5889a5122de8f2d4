// The raw protocol client is RawCollabClient (apps/server/src/testing); these names stay for the
// tests that import them from here.
export {
  awarenessMessage,
  awarenessUpdate,
  type CloseInfo,
  FULL_STATE_PROBE,
  RawCollabClient as RawCollabSocket,
  type ReceivedMessage as RawMessage,
  syncMessage,
} from "../../apps/server/src/testing/RawCollabClient";
