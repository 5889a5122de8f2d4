import type { ReportNumberingView } from "@rapporteur/api";
import type { ReferenceTarget } from "@rapporteur/schema";
import { apiRequest } from "../api/apiRequest";
import { apiReportId, apiUrl } from "../api/apiUrl";
import { eventObject } from "../api/eventObject";

/** Changes arriving closer together than this are fetched once. */
const RELOAD_DELAY_MS = 300;

/**
 * The report's numbering as the server computes it (`GET /api/report/numbering`), shared by the
 * editors of the page: loaded when the first one subscribes, replaced by each `numbering` event
 * of `/api/events` (the server sends one when a number moved), loaded again after the stream was
 * down.
 */
class ReportNumberingSource {
  #view: ReportNumberingView | null = null;
  /** The report whose numbering {@link view} is. */
  #reportId: number | null = null;
  readonly #listeners = new Set<() => void>();
  #stop: (() => void) | null = null;

  /** The numbering last loaded; null before the first answer. */
  get view(): ReportNumberingView | null {
    return this.#view;
  }

  /** Calls `listener` whenever a new numbering arrives; returns the function that stops it. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#stop = this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#stop?.();
        this.#stop = null;
      }
    };
  };

  getSnapshot = (): ReportNumberingView | null => this.#view;

  /**
   * Adds a target the server just anchored (a reference to it is being inserted), so the
   * reference shows its number before the server's next numbering arrives.
   */
  learn(anchor: string, target: ReferenceTarget): void {
    if (!this.#view) return;
    this.#view = { ...this.#view, targets: { ...this.#view.targets, [anchor]: target } };
    for (const listener of this.#listeners) listener();
  }

  #start(): () => void {
    // Another report is open now: its numbers are not this one's.
    if (this.#reportId !== apiReportId()) this.#view = null;
    this.#reportId = apiReportId();
    let controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (view: ReportNumberingView) => {
      this.#view = view;
      for (const listener of this.#listeners) listener();
    };
    const load = () => {
      controller.abort();
      controller = new AbortController();
      apiRequest("reportNumbering", { signal: controller.signal }).then(
        show,
        // A failed load keeps the numbers shown; the next change loads again.
        () => {},
      );
    };
    const schedule = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        load();
      }, RELOAD_DELAY_MS);
    };
    load();
    const source = typeof EventSource === "undefined" ? null : new EventSource(apiUrl("events"));
    let interrupted = false;
    source?.addEventListener("numbering", (event: MessageEvent<string>) => {
      const view = eventObject("numbering", event.data);
      if (Array.isArray(view?.sections) && typeof view.targets === "object" && view.targets) {
        controller.abort();
        show(view as ReportNumberingView);
      }
    });
    source?.addEventListener("error", () => {
      interrupted = true;
    });
    source?.addEventListener("open", () => {
      // Catch up with what changed while the stream was down.
      if (interrupted) schedule();
      interrupted = false;
    });
    return () => {
      clearTimeout(timer);
      controller.abort();
      source?.close();
    };
  }
}

/** The page's one source of the report's numbering. */
export const reportNumbering = new ReportNumberingSource();
