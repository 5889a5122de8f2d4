import type { ServerEventName, ServerEvents } from "@rapporteur/api";

/**
 * Reads `GET /api/events` for a test: keeps everything received in {@link text} and decodes the
 * events by name, typed by the contract (`ServerEvents`). The one Server-Sent Events reader of the
 * tests (unit and multi-process).
 */
export class EventStreamReader {
  /** Everything received so far, as text. */
  text = "";
  readonly #response: Response;
  readonly #controller: AbortController;
  readonly #reading: Promise<void>;

  private constructor(response: Response, controller: AbortController) {
    this.#response = response;
    this.#controller = controller;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    this.#reading = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          this.text += decoder.decode(value, { stream: true });
        }
      } catch {
        // Closed by close() or by the server.
      }
    })();
  }

  /**
   * Opens the stream of the server at `url` with `headers` (a session cookie at least); `path`
   * below `/api` (a report's stream: `/reports/2/events`).
   */
  static async open(
    url: string,
    headers: Record<string, string>,
    path = "/events",
  ): Promise<EventStreamReader> {
    const controller = new AbortController();
    const response = await fetch(`${new URL(url).origin}/api${path}`, {
      headers,
      signal: controller.signal,
    });
    return new EventStreamReader(response, controller);
  }

  /** The answer's status and headers (content type, caching). */
  get response(): Response {
    return this.#response;
  }

  /** The data of every complete `name` event received so far, in order. */
  events<E extends ServerEventName>(name: E): ServerEvents[E][] {
    return this.text
      .split("\n\n")
      .filter((chunk) => chunk.startsWith(`event: ${name}\n`))
      .map((chunk) => JSON.parse(chunk.slice(chunk.indexOf("data: ") + 6)) as ServerEvents[E]);
  }

  /** Resolves with the first `name` event that `match`es; `timeoutMs` is an upper bound only. */
  async waitFor<E extends ServerEventName>(
    name: E,
    match: (data: ServerEvents[E]) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<ServerEvents[E]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events(name).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for a '${name}' event`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Ends the stream and waits for the reading to stop. */
  async close(): Promise<void> {
    this.#controller.abort();
    await this.#reading;
  }
}
