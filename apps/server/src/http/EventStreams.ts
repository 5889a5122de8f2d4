import type { Response } from "express";

/**
 * Open Server-Sent Events responses: each gets the events sent to all, a comment every
 * `heartbeatMs` so proxies keep it open, and is ended by {@link EventStreams.closeAll} at shutdown.
 */
export class EventStreams {
  readonly #open = new Set<Response>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 25_000) {
    this.#heartbeat = setInterval(() => this.#write(": keep-alive\n\n"), heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Number of open streams. */
  get size(): number {
    return this.#open.size;
  }

  /** Turns `response` into an event stream until the client leaves. */
  open(response: Response): void {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    response.write("retry: 2000\n\n");
    this.#open.add(response);
    response.on("close", () => this.#open.delete(response));
  }

  /** Sends one event to every open stream. */
  send(event: string, data: unknown): void {
    this.#write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    clearInterval(this.#heartbeat);
    for (const response of this.#open) response.end();
    this.#open.clear();
  }

  #write(chunk: string): void {
    for (const response of this.#open) response.write(chunk);
  }
}
