import type { ReportNumberingView } from "@rapporteur/api";
import type { Logger } from "../Logger";

// Excerpts follow typing; only a moved number, label or anchor is worth an event. Built by hand:
// a 10 MB section has tens of thousands of blocks, and a JSON replacer is called per value.
const numbersOnly = (view: ReportNumberingView) => {
  const parts = [JSON.stringify(view.targets)];
  for (const s of view.sections) {
    parts.push(
      `${s.id}|${s.title}|${s.label}|${JSON.stringify(s.before)}|${JSON.stringify(s.count)}`,
    );
    for (const b of s.blocks) parts.push(`${b.kind}${b.number}${b.anchor ?? ""}`);
  }
  return parts.join("\n");
};

/**
 * The report's numbering (the numbers the exports print) kept current for the editors: computed
 * once and kept, computed again after sections change (one computation at a time, changes
 * meanwhile coalesced into the next, at most one per `delayMs`), and published (the `numbering`
 * event) only when a number, label or anchor actually moved (the blocks' excerpts are not
 * compared), so typing inside a paragraph sends nothing. A computation adds offsets to each
 * section's blocks as kept by SectionFactsCache (a few milliseconds for a 40,000-word report); the
 * word count tells it when a section's blocks changed.
 */
export class ReportNumbering {
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
    private readonly delayMs = 1_000,
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

  /**
   * Only the text of some blocks changed, no number: the next view is computed afresh (its
   * excerpts current), and nothing is sent.
   */
  textChanged(): void {
    if (this.#running || this.#timer) return;
    this.#view = null;
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
