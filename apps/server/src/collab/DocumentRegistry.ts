import type { Logger } from "../Logger";
import type { CollabExtension } from "./CollabExtension";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode } from "./closeCodes";
import { DirectConnection } from "./DirectConnection";
import { Document, type DocumentHooks } from "./Document";

/** How long a document nobody has open stays loaded, unless configured: 30 s. */
export const DEFAULT_IDLE_UNLOAD_MS = 30_000;

/** Configuration of {@link DocumentRegistry}. */
export interface DocumentRegistryOptions {
  /** Hooks, called in this order (storage first, then counters, auth, ...). */
  extensions: CollabExtension[];
  /** How long a document without connections stays loaded, in ms. */
  idleUnloadMs?: number;
  /** Documents loaded at once (see `CollabServerOptions.maxLoadedDocuments`). */
  maxLoadedDocuments?: number;
  /** Largest encoded state of a section, in bytes: an update beyond it is refused (4413). */
  maxSectionBytes?: number;
  logger: Logger;
}

/**
 * The loaded documents of the collaboration server: each loaded once however many callers ask at
 * the same time, kept while a WebSocket or a {@link DirectConnection} has it open, unloaded
 * (compacted through the hooks) when idle or to make room, and reloaded after damage. The
 * transport (CollabServer) asks it for documents; it knows nothing of upgrades or heartbeats.
 */
export class DocumentRegistry {
  readonly #options: Required<DocumentRegistryOptions>;
  readonly #loading = new Map<string, Promise<Document>>();
  /** The documents of `#loading` whose load has finished. */
  readonly #loaded = new Map<string, Document>();
  /** When each loaded document lost its last connection (for choosing which to unload). */
  readonly #idleSince = new Map<string, number>();
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #idleTimers = new Map<string, NodeJS.Timeout>();
  /** Open direct connections per document name. */
  readonly #direct = new Map<string, number>();
  readonly #hooks: DocumentHooks;
  #closing = false;

  constructor(options: DocumentRegistryOptions) {
    this.#options = {
      ...options,
      idleUnloadMs: options.idleUnloadMs ?? DEFAULT_IDLE_UNLOAD_MS,
      maxLoadedDocuments: options.maxLoadedDocuments ?? Number.POSITIVE_INFINITY,
      maxSectionBytes: options.maxSectionBytes ?? Number.POSITIVE_INFINITY,
    };
    this.#hooks = {
      storeUpdate: async (document, update, origins, serverEdits) => {
        let seq: number | undefined;
        for (const extension of this.#options.extensions) {
          const stored = await extension.onStoreUpdate?.({
            documentName: document.name,
            document,
            update,
            origins,
            serverEdits,
          });
          if (stored) seq = stored.seq;
        }
        return seq;
      },
      changed: (document, update, origins, serverEdits, transaction, seq) => {
        // Called synchronously, so that each hook starts while the document holds exactly the
        // updates stored so far (compaction relies on it); the pipeline does not wait for them.
        for (const extension of this.#options.extensions) {
          if (!extension.onChange) continue;
          const context = {
            documentName: document.name,
            document,
            update,
            origins,
            serverEdits,
            transaction,
            seq,
          };
          try {
            Promise.resolve(extension.onChange(context)).catch((error) =>
              this.#hookFailed(extension, "onChange", error),
            );
          } catch (error) {
            this.#hookFailed(extension, "onChange", error);
          }
        }
      },
      relayed: (document, update, seq, through) => {
        const context = { documentName: document.name, document, update, seq, through };
        for (const extension of this.#options.extensions) {
          try {
            extension.onRelayedUpdate?.(context);
          } catch (error) {
            this.#hookFailed(extension, "onRelayedUpdate", error);
          }
        }
      },
      damaged: (document, error) => {
        this.#options.logger.error(
          `collab: ${document.name} failed to take a stored update; reloading it from storage`,
          error,
        );
        for (const connection of [...document.connections]) {
          connection.close(CloseCode.internal, "The section is being reloaded; reconnecting");
        }
        document.connections.clear();
        if (this.#loaded.get(document.name) === document) {
          this.#evict(document).catch((e) =>
            this.#options.logger.error(`collab: could not unload ${document.name}`, e),
          );
        }
      },
      failed: (document, error, origins) => {
        this.#options.logger.error(`collab: an update to ${document.name} was dropped`, error);
        for (const origin of new Set(origins)) {
          origin?.close(CloseCode.internal, "Your last edit could not be saved; reconnecting");
        }
      },
    };
  }

  /** Loaded documents, by name. */
  get names(): string[] {
    return [...this.#loading.keys()];
  }

  /**
   * The loaded document `name`, loading it if needed. Concurrent callers share one load; a
   * document being unloaded is first fully unloaded, then loaded again. At the bound on loaded
   * documents an idle one is unloaded to make room; if none is idle, rejects with a
   * {@link CollabRefusal} 1013.
   */
  load(name: string): Promise<Document> {
    const loading = this.#loading.get(name);
    if (loading) return loading;
    try {
      this.#makeRoom();
    } catch (error) {
      return Promise.reject(error);
    }
    const promise = this.#load(name);
    this.#loading.set(name, promise);
    promise.then(
      (document) => {
        if (this.#loading.get(name) !== promise) return;
        this.#loaded.set(name, document);
        this.#idleSince.set(name, Date.now());
      },
      () => {
        if (this.#loading.get(name) === promise) this.#loading.delete(name);
      },
    );
    return promise;
  }

  /** The loaded, live document `name`: one retired by an unload meanwhile is loaded again. */
  async acquire(name: string): Promise<Document> {
    let document: Document;
    do document = await this.load(name);
    while (document.retired);
    return document;
  }

  /**
   * Opens a server-side connection to `name` (loading it): the document stays loaded until the
   * connection is disconnected, then goes like a section its last user left.
   */
  async openDirectConnection(name: string): Promise<DirectConnection> {
    const document = await this.acquire(name);
    this.#direct.set(name, (this.#direct.get(name) ?? 0) + 1);
    this.#clearIdleTimer(name);
    return new DirectConnection(document, () => {
      const left = (this.#direct.get(name) ?? 1) - 1;
      if (left > 0) this.#direct.set(name, left);
      else this.#direct.delete(name);
      this.scheduleIdleCheck(document);
    });
  }

  /** Unloads `name` now if nobody has it open (compacting it through the hooks). */
  async unload(name: string): Promise<void> {
    const pending = this.#unloading.get(name);
    if (pending) return pending;
    const loading = this.#loading.get(name);
    if (!loading) return;
    const document = await loading.catch(() => null);
    if (!document || this.#inUse(document) || this.#loading.get(name) !== loading) return;
    return this.#evict(document);
  }

  /** A connection now uses `name`: it is not unloaded while in use. */
  markInUse(name: string): void {
    this.#clearIdleTimer(name);
  }

  /** Unloads `document` after the idle delay if nobody has it open by then. */
  scheduleIdleCheck(document: Document): void {
    if (this.#inUse(document) || this.#closing) return;
    if (this.#loaded.get(document.name) === document)
      this.#idleSince.set(document.name, Date.now());
    this.#clearIdleTimer(document.name);
    const timer = setTimeout(() => {
      this.#idleTimers.delete(document.name);
      this.unload(document.name).catch((error) =>
        this.#options.logger.error(`collab: could not unload ${document.name}`, error),
      );
    }, this.#options.idleUnloadMs);
    timer.unref();
    this.#idleTimers.set(document.name, timer);
  }

  /** Waits for every received update to be stored, then unloads every document. */
  async close(): Promise<void> {
    this.#closing = true;
    const documents = await Promise.all(
      [...this.#loading.values()].map((p) => p.catch(() => null)),
    );
    for (const document of documents) {
      if (!document) continue;
      document.connections.clear();
      this.#direct.delete(document.name);
      await this.unload(document.name);
    }
    await Promise.all(this.#unloading.values());
    for (const timer of this.#idleTimers.values()) clearTimeout(timer);
    this.#idleTimers.clear();
  }

  #inUse(document: Document): boolean {
    return document.connections.size > 0 || (this.#direct.get(document.name) ?? 0) > 0;
  }

  /** At the bound on loaded documents, unloads the one idle longest; refuses if none is idle. */
  #makeRoom(): void {
    const max = this.#options.maxLoadedDocuments;
    if (this.#loading.size < max) return;
    let victim: Document | undefined;
    for (const document of this.#loaded.values()) {
      if (this.#inUse(document)) continue;
      const since = this.#idleSince.get(document.name) ?? 0;
      if (!victim || since < (this.#idleSince.get(victim.name) ?? 0)) victim = document;
    }
    if (!victim) {
      this.#options.logger.warn(`collab: ${max} sections loaded, all in use: connection refused`);
      throw new CollabRefusal(
        CloseCode.tryAgainLater,
        `The server has ${max} sections open, all in use: try again in a moment`,
      );
    }
    this.#evict(victim).catch((error) =>
      this.#options.logger.error(`collab: could not unload ${victim.name}`, error),
    );
  }

  /**
   * Takes `document` out of the loaded ones at once (new connections load it again, after this
   * unload has stored it), then compacts it through the hooks and frees it.
   */
  #evict(document: Document): Promise<void> {
    const name = document.name;
    this.#clearIdleTimer(name);
    this.#loading.delete(name);
    this.#loaded.delete(name);
    this.#idleSince.delete(name);
    document.retire();
    const unloading = this.#unload(document).finally(() => this.#unloading.delete(name));
    this.#unloading.set(name, unloading);
    return unloading;
  }

  async #load(name: string): Promise<Document> {
    await this.#unloading.get(name);
    const document = new Document(name, this.#hooks, { maxBytes: this.#options.maxSectionBytes });
    try {
      for (const extension of this.#options.extensions) {
        await extension.onLoadDocument?.({ documentName: name, document });
      }
      document.ready();
    } catch (error) {
      document.destroy();
      throw error;
    }
    return document;
  }

  async #unload(document: Document): Promise<void> {
    await document.whenSettled();
    // A damaged document's memory is not the truth: nothing of it is stored (no compaction).
    for (const extension of document.damaged ? [] : this.#options.extensions) {
      try {
        await extension.onUnloadDocument?.({ documentName: document.name, document });
      } catch (error) {
        this.#hookFailed(extension, "onUnloadDocument", error);
      }
    }
    document.destroy();
  }

  #clearIdleTimer(name: string): void {
    const timer = this.#idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.#idleTimers.delete(name);
  }

  #hookFailed(extension: CollabExtension, hook: string, error: unknown): void {
    this.#options.logger.error(`collab: ${extension.name}.${hook} failed`, error);
  }
}
