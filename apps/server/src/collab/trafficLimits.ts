/**
 * Bounds on what one collaboration connection may ask of the server, beyond the message size and
 * rate of `ConnectionLimits`: chosen so that honest clients (y-websocket 3.1, carets moved as
 * fast as a person types or drags) never notice them, and one hostile client cannot slow the
 * server or the others down. Constants, not settings: see docs/RELIABILITY.md.
 */
export const TRAFFIC_LIMITS = {
  /**
   * Largest awareness (presence) message, in bytes (4413 beyond). An honest message holds the
   * client's own state (~300 bytes) or the echo of the others' states (~300 bytes each).
   */
  maxAwarenessBytes: 64 * 1024,
  /** Largest presence state of one client, as stored with the server-set `user` (4413 beyond). */
  maxAwarenessStateBytes: 8 * 1024,
  /**
   * Presence updates one connection may make per second on average (bursts up to the next
   * value); faster ones are merged: the latest state is applied once the bucket refills.
   */
  awarenessPerSecond: 10,
  awarenessBurst: 20,
  /**
   * Bytes of answers to sync step 1 (the whole document or what the client lacks) one
   * connection may receive at once, then per second. A request beyond waits (only the latest is
   * kept) until the budget allows it: never refused, so a reconnect or a resync is always served.
   */
  syncAnswerBurstBytes: 8 * 1024 * 1024,
  syncAnswerBytesPerSecond: 128 * 1024,
} as const;

/** The limits above, each of which a server (or a test) may set otherwise. */
export type TrafficLimits = { [K in keyof typeof TRAFFIC_LIMITS]: number };
