import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "../Logger";
import type { DocumentRelay, RelayListener, RelayMessage } from "./DocumentRelay";
import { decodeRelayFrame, encodeRelayFrame } from "./RelayFrame";

/** Configuration of {@link RedisRelay.connect}. */
export interface RedisRelayOptions {
  /** `redis://host:port/db` of the Redis server the instances share. */
  url: string;
  /**
   * Start of every channel name (default `rapporteur:`): instances relay to each other only
   * under the same prefix (one per deployment; tests use one per run).
   */
  channelPrefix?: string;
  /** This instance's id on the relay (default: a random UUID). */
  instanceId?: string;
  /** How long the first connection may take, in ms (default 5 s). */
  connectTimeoutMs?: number;
  logger: Logger;
}

/**
 * {@link DocumentRelay} over Redis pub/sub: one connection publishes, one subscribes (a Redis
 * connection in subscriber mode can do nothing else). One channel per section
 * (`<prefix>section:<id>`), subscribed while the section is loaded, and one for the event stream
 * (`<prefix>events`). Frames are binary ({@link encodeRelayFrame}); a frame from this instance is
 * dropped, a malformed one is logged and dropped.
 */
export class RedisRelay implements DocumentRelay {
  readonly instanceId: string;
  readonly #prefix: string;
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #listeners = new Set<RelayListener>();
  readonly #reconnectListeners = new Set<() => void>();
  /** The sections subscribed to (subscribed again after a reconnection). */
  readonly #sections = new Set<string>();
  #ready = false;
  readonly #logger: Logger;
  #dropped = 0;
  #closed = false;

  private constructor(
    publisher: Redis,
    subscriber: Redis,
    options: RedisRelayOptions & { instanceId: string },
  ) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#prefix = options.channelPrefix ?? "rapporteur:";
    this.instanceId = options.instanceId;
    this.#logger = options.logger;
    subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) =>
      this.#receive(channel.toString("utf8"), message),
    );
    subscriber.on("ready", () => {
      if (this.#ready) this.#resubscribed();
      this.#ready = true;
    });
  }

  /**
   * Connects to Redis and subscribes to the event stream's channel. Rejects, naming the URL, when
   * Redis cannot be reached within `connectTimeoutMs`. Afterwards the client reconnects by itself
   * (and subscribes again) when the connection drops.
   */
  static async connect(options: RedisRelayOptions): Promise<RedisRelay> {
    const timeoutMs = options.connectTimeoutMs ?? 5_000;
    const instanceId = options.instanceId ?? randomUUID();
    let lastError = "";
    const connection = (role: string) => {
      const redis = new Redis(options.url, {
        lazyConnect: true,
        connectTimeout: timeoutMs,
        connectionName: `rapporteur-relay-${role}-${instanceId.replace(/[^\w.:-]/g, "_")}`,
      });
      // Logged, never thrown: ioredis reconnects by itself.
      redis.on("error", (error: Error) => {
        lastError = error.message;
        options.logger.warn(`relay: Redis ${role}: ${error.message}`);
      });
      return redis;
    };
    const publisher = connection("publisher");
    const subscriber = connection("subscriber");
    const relay = new RedisRelay(publisher, subscriber, { ...options, instanceId });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([publisher.connect(), subscriber.connect()]),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
      await subscriber.subscribe(relay.#eventsChannel);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      const detail = lastError && lastError !== reason ? ` (${lastError})` : "";
      throw new Error(
        `The relay cannot reach Redis at ${redactUrl(options.url)}: ${reason}${detail}`,
      );
    } finally {
      clearTimeout(timer);
    }
    return relay;
  }

  /** Frames received that were malformed and dropped (since connecting). */
  get dropped(): number {
    return this.#dropped;
  }

  listen(listener: RelayListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publishUpdate(section: string, update: Uint8Array, seq: number): Promise<void> {
    return this.#publish(this.#sectionChannel(section), { kind: "update", section, seq, update });
  }

  publishAwareness(section: string, update: Uint8Array): Promise<void> {
    return this.#publish(this.#sectionChannel(section), { kind: "awareness", section, update });
  }

  queryAwareness(section: string): Promise<void> {
    return this.#publish(this.#sectionChannel(section), { kind: "awarenessQuery", section });
  }

  publishEvent(name: string, data: unknown): Promise<void> {
    return this.#publish(this.#eventsChannel, { kind: "event", name, data });
  }

  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.add(listener);
    return () => this.#reconnectListeners.delete(listener);
  }

  async subscribe(section: string): Promise<void> {
    this.#sections.add(section);
    await this.#subscriber.subscribe(this.#sectionChannel(section));
  }

  async unsubscribe(section: string): Promise<void> {
    this.#sections.delete(section);
    if (this.#closed) return;
    await this.#subscriber.unsubscribe(this.#sectionChannel(section));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#listeners.clear();
    this.#reconnectListeners.clear();
    await Promise.allSettled([this.#subscriber.quit(), this.#publisher.quit()]);
  }

  get #eventsChannel(): string {
    return `${this.#prefix}events`;
  }

  #sectionChannel(section: string): string {
    return `${this.#prefix}section:${section}`;
  }

  async #publish(channel: string, message: RelayMessage): Promise<void> {
    if (this.#closed) return;
    const frame = encodeRelayFrame({ instance: this.instanceId, message });
    await this.#publisher.publish(
      channel,
      Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength),
    );
  }

  /**
   * The subscriber is connected again. ioredis subscribes again by itself, but only after it says
   * it is ready: once this subscription is answered, every channel is subscribed (Redis answers
   * in order), and the listeners may read the store.
   */
  #resubscribed(): void {
    const channels = [
      this.#eventsChannel,
      ...[...this.#sections].map((s) => this.#sectionChannel(s)),
    ];
    this.#logger.warn(
      `relay: reconnected to Redis; catching up on ${this.#sections.size} section(s)`,
    );
    this.#subscriber.subscribe(...channels).then(
      () => {
        for (const listener of this.#reconnectListeners) {
          try {
            listener();
          } catch (error) {
            this.#logger.error("relay: catching up after a reconnection failed", error);
          }
        }
      },
      (error: unknown) => this.#logger.error("relay: could not subscribe again", error),
    );
  }

  #receive(channel: string, bytes: Buffer): void {
    let message: RelayMessage;
    try {
      const frame = decodeRelayFrame(bytes);
      if (frame.instance === this.instanceId) return;
      message = frame.message;
      const expected =
        message.kind === "event" ? this.#eventsChannel : this.#sectionChannel(message.section);
      if (channel !== expected) throw new Error(`${message.kind} frame on the wrong channel`);
    } catch (error) {
      this.#dropped++;
      this.#logger.warn(
        `relay: dropped a message on ${channel}: ${error instanceof Error ? error.message : error}`,
      );
      return;
    }
    for (const listener of this.#listeners) {
      try {
        listener(message);
      } catch (error) {
        this.#logger.error(`relay: a ${message.kind} message on ${channel} failed`, error);
      }
    }
  }
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an invalid URL)";
  }
}
