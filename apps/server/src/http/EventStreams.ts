import type { ServerEventName, ServerEvents } from "@rapporteur/api";
import type { Response } from "express";

/** Whose stream it is: events for one user, and closing their streams when they sign out. */
export interface StreamOwner {
  userId: number;
  token: string;
}

/**
 * Open Server-Sent Events responses: each gets the events sent to all, a comment every
 * `heartbeatMs` so proxies keep it open, and is ended by {@link EventStreams.closeAll} at shutdown
 * or by {@link EventStreams.closeWhere} when its user's session ends.
 */
export class EventStreams {
  readonly #open = new Map<Response, StreamOwner | null>();
  readonly #sent = new Set<(event: ServerEventName, data: unknown) => void>();
  readonly #heartbeat: NodeJS.Timeout;

  /**
   * @param watchSession called with the session of each stream opened; the function it returns
   *   is called when the stream ends (the server ends streams whose session expires).
   */
  constructor(
    heartbeatMs = 25_000,
    private readonly watchSession: (token: string) => () => void = () => () => {},
  ) {
    this.#heartbeat = setInterval(() => this.#write(": keep-alive\n\n"), heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Number of open streams. */
  get size(): number {
    return this.#open.size;
  }

  /** Turns `response` into an event stream until the client leaves. */
  open(response: Response, owner: StreamOwner | null = null): void {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    response.write("retry: 2000\n\n");
    this.#open.set(response, owner);
    const unwatch = owner ? this.watchSession(owner.token) : () => {};
    response.on("close", () => {
      this.#open.delete(response);
      unwatch();
    });
  }

  /** Sends one event to every open stream (and hands it to the {@link onSend} listeners). */
  send<E extends ServerEventName>(event: E, data: ServerEvents[E]): void {
    this.#write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    for (const listener of this.#sent) listener(event, data);
  }

  /** Calls `listener` with every event {@link send} sends to all (to relay it to other servers). */
  onSend(listener: (event: ServerEventName, data: unknown) => void): () => void {
    this.#sent.add(listener);
    return () => this.#sent.delete(listener);
  }

  /**
   * Sends an event another server instance sent to all its streams (see the relay): to every
   * open stream here, not handed to the {@link onSend} listeners. `event` must be a bare name.
   */
  sendRelayed(event: string, data: unknown): void {
    if (!/^[a-z][A-Za-z]*$/.test(event)) return;
    this.#write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Sends one event to the streams whose owner matches. */
  sendWhere<E extends ServerEventName>(
    match: (owner: StreamOwner) => boolean,
    event: E,
    data: ServerEvents[E],
  ): void {
    const chunk = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const [response, owner] of this.#open) if (owner && match(owner)) response.write(chunk);
  }

  /** Ends the streams whose owner matches (a logout, a deactivation). */
  closeWhere(match: (owner: StreamOwner) => boolean): void {
    for (const [response, owner] of this.#open) {
      if (!owner || !match(owner)) continue;
      this.#open.delete(response);
      response.end();
    }
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    clearInterval(this.#heartbeat);
    for (const response of this.#open.keys()) response.end();
    this.#open.clear();
  }

  #write(chunk: string): void {
    for (const response of this.#open.keys()) response.write(chunk);
  }
}
