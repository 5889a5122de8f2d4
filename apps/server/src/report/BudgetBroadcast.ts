import type { BudgetStore } from "@rapporteur/budget";
import type { Outline } from "@rapporteur/outline";
import type { EventStreams } from "../http/EventStreams";
import { budgetEvent } from "./budgetView";
import type { WordCounts } from "./WordCounts";

/**
 * Pushes the `budget` event to every open event stream: at once when an editor changes a
 * setting, and `debounceMs` after the first count change of a burst (states and totals move as
 * people type).
 */
export class BudgetBroadcast {
  #timer: NodeJS.Timeout | undefined;
  readonly #stop: (() => void)[] = [];

  constructor(
    private readonly outline: {
      current(): Outline;
      onChange?(listener: () => void): () => void;
    },
    private readonly counts: WordCounts,
    private readonly budgets: BudgetStore,
    private readonly events: EventStreams,
    private readonly debounceMs: number,
  ) {
    this.#stop.push(
      budgets.onChange(() => this.#send()),
      counts.subscribe(() => this.#schedule()),
    );
    // Sections added, archived or merged change the totals and allocations at once.
    const stopOutline = outline.onChange?.(() => this.#send());
    if (stopOutline) this.#stop.push(stopOutline);
  }

  /** Stops listening (shutdown). */
  stop(): void {
    clearTimeout(this.#timer);
    for (const stop of this.#stop) stop();
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => this.#send(), this.debounceMs);
    this.#timer.unref();
  }

  #send(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.events.send(
      "budget",
      budgetEvent(this.outline.current(), this.counts, this.budgets.settings()),
    );
  }
}
