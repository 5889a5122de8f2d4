import type { ReportNumberingView } from "@rapporteur/api";
import type { CollabExtension, UpdateContext } from "../collab/CollabExtension";
import type { Logger } from "../Logger";

// Excerpts follow typing; only a moved number, label or anchor is worth an event.
const numbersOnly = (view: ReportNumberingView) =>
  JSON.stringify(view, (key, value: unknown) => (key === "excerpt" ? undefined : value));

/**
 * The report's numbering (the numbers the exports print) kept current for the editors: computed
 * once and kept, computed again after sections change (one computation at a time, changes
 * meanwhile coalesced into the next), and published (the `numbering` event) only when a number
 * label or anchor actually moved (the blocks' excerpts are not compared), so typing inside a paragraph costs one computation per burst and sends
 * nothing. A computation reads every stored section on the server thread and decodes them in the
 * word-count worker (60-120 ms for a 40,000-word report): at most one per `delayMs` (5 s) keeps
 * both mostly free while people type. An editor numbers its own section live; only other
 * sections' numbers wait that long.
 */
export class ReportNumbering implements CollabExtension {
  readonly name = "numbering";
  #view: Promise<ReportNumberingView> | null = null;
  #published: string | null = null;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #again = false;
  #closed = false;

  constructor(
    private readonly compute: () => Promise<ReportNumberingView>,
    private readonly publish: (view: ReportNumberingView) => void,
    private readonly logger: Logger,
    private readonly delayMs = 5_000,
  ) {}

  /** The numbering as last computed (computed now when there is none). */
  view(): Promise<ReportNumberingView> {
    if (!this.#view) {
      const computing = this.compute();
      this.#view = computing;
      computing.then(
        (view) => {
          this.#published ??= numbersOnly(view);
        },
        () => {},
      );
      // A failure is not kept: the next request tries again.
      computing.catch(() => {
        if (this.#view === computing) this.#view = null;
      });
    }
    return this.#view;
  }

  onChange(_context: UpdateContext): void {
    this.changed();
  }

  /** A section changed: numbers may have moved. */
  changed(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#refresh();
    }, this.delayMs);
    this.#timer.unref();
  }

  async #refresh(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    try {
      do {
        this.#again = false;
        try {
          const view = await this.compute();
          this.#view = Promise.resolve(view);
          const json = numbersOnly(view);
          if (json !== this.#published) {
            this.#published = json;
            this.publish(view);
          }
        } catch (error) {
          this.#view = null;
          // At shutdown the workers are gone: nothing to report.
          if (!this.#closed) this.logger.error("numbering: could not number the report", error);
        }
      } while (this.#again && !this.#closed);
    } finally {
      this.#running = false;
    }
  }

  /** Stops a pending computation (shutdown). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
