/**
 * WebSocket close codes of the collaboration server. 4400-4499 mirror HTTP 4xx: the server decided
 * and reconnecting cannot help, so y-websocket 3.1 clients stop retrying on them. 1001, 1011 and
 * 1013 are transient: clients reconnect.
 */
export const CloseCode = {
  /** The server is shutting down (RFC 6455 "going away"). Clients reconnect. */
  goingAway: 1001,
  /** The server failed while handling the connection (RFC 6455). Clients reconnect. */
  internal: 1011,
  /**
   * Temporarily over capacity (RFC 6455 "try again later"): every loaded section is in use, or
   * the client reads too slowly. Transient on purpose: clients reconnect with backoff and resync.
   */
  tryAgainLater: 1013,
  /** Malformed URL or a message that is not valid y-websocket protocol. */
  badRequest: 4400,
  /** No or invalid credentials. */
  unauthenticated: 4401,
  /** Not allowed: e.g. a read-only connection sent an edit, or the section is locked. */
  forbidden: 4403,
  /** The section does not exist in the outline. */
  unknownDocument: 4404,
  /**
   * The section was archived or merged into another one while connected: it is no longer in the
   * outline. Clients do not retry; the `outline` event says where its text went.
   */
  sectionRetired: 4410,
  /** Credentials did not arrive in time. */
  authTimeout: 4408,
  /**
   * A message larger than the configured maximum, or an update that would take the section above
   * its size limit (RAPPORTEUR_MAX_SECTION_BYTES).
   */
  messageTooLarge: 4413,
  /**
   * An update that does not fit the document schema (an element, attribute or mark the editor
   * does not know, content where its parent cannot hold it, nesting too deep, a shared type
   * outside the section's fragment): nothing of it is stored.
   */
  doesNotFitSchema: 4422,
  /** Too many messages (per-connection rate), or too many connections of one user. */
  rateLimited: 4429,
} as const;

/** One of the close codes above. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
