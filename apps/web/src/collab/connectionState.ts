/** What the connection indicator shows for the open section. */
export type ConnectionState = "connected" | "syncing" | "offline";

/** Inputs of {@link deriveConnectionState}. */
export interface ConnectionFacts {
  /** `navigator.onLine`, kept current by the window's online/offline events. */
  browserOnline: boolean;
  /** Last status reported by the WebSocket provider. */
  status: "connecting" | "connected" | "disconnected";
  /** The provider has exchanged state with the server since it last connected. */
  synced: boolean;
  /** A connection attempt has failed since the last successful connection. */
  failedSinceLastConnection: boolean;
}

/**
 * Maps provider facts to the indicator: connected only once in sync with the server; while the
 * first attempt is under way or state is being exchanged, syncing; otherwise offline (retrying
 * after a failure counts as offline, so the indicator does not flicker while the server is down).
 */
export function deriveConnectionState(facts: ConnectionFacts): ConnectionState {
  if (!facts.browserOnline) return "offline";
  if (facts.status === "connected") return facts.synced ? "connected" : "syncing";
  if (facts.status === "connecting" && !facts.failedSinceLastConnection) return "syncing";
  return "offline";
}
