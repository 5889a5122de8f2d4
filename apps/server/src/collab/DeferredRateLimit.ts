/**
 * A token bucket that delays instead of refusing: a task runs at once while the bucket holds
 * tokens, otherwise once it has refilled. Only the latest waiting task is kept (a newer one
 * replaces it), which suits requests where the latest answer makes the earlier ones useless:
 * a presence state, a request for the whole document. Each task returns its cost in tokens
 * (1 per message, or the bytes it sent), taken after it ran; a bucket may go below zero, and
 * then waits until it is above zero again. So over any time `t` (ms), tasks cost at most
 * `capacity + t * perSecond / 1000` plus the cost of one task.
 */
export class DeferredRateLimit {
  #tokens: number;
  #refilledAt: number;
  #waiting: (() => number) | null = null;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  /**
   * @param onError called with what a delayed task throws (a task run at once throws to the caller)
   */
  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = capacity;
    this.#refilledAt = now();
  }

  /** Whether a task is waiting for the bucket to refill. */
  get delaying(): boolean {
    return this.#waiting !== null;
  }

  /** Runs `task` now if tokens are left, else later (replacing any task already waiting). */
  run(task: () => number): void {
    if (this.#stopped) return;
    if (this.#waiting === null && this.#refill() > 0) {
      this.#tokens -= task();
      return;
    }
    this.#waiting = task;
    this.#schedule();
  }

  /** Drops the waiting task and its timer (the connection has closed). */
  stop(): void {
    this.#stopped = true;
    this.#waiting = null;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #refill(): number {
    const now = this.now();
    this.#tokens = Math.min(
      this.capacity,
      this.#tokens + ((now - this.#refilledAt) * this.perSecond) / 1000,
    );
    this.#refilledAt = now;
    return this.#tokens;
  }

  #schedule(): void {
    if (this.#timer || this.#stopped) return;
    const missing = Math.max(0, -this.#refill());
    const delayMs = Math.ceil((missing * 1000) / this.perSecond) + 1;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const task = this.#waiting;
      if (!task || this.#stopped) return;
      if (this.#refill() <= 0) {
        this.#schedule();
        return;
      }
      this.#waiting = null;
      try {
        this.#tokens -= task();
      } catch (error) {
        this.onError(error);
      }
    }, delayMs);
    this.#timer.unref();
  }
}
