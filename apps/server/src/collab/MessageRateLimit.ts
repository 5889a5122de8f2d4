/**
 * A token bucket: `perSecond` messages on average, with bursts of up to `burst` at once. Each
 * message takes a token; tokens come back at `perSecond` per second, up to `burst`. With
 * `perSecond` 0 nothing is limited.
 */
export class MessageRateLimit {
  #tokens: number;
  #refilledAt: number;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = burst;
    this.#refilledAt = now();
  }

  /** Takes one token; false when the bucket is empty (the sender goes faster than allowed). */
  take(): boolean {
    if (this.perSecond <= 0) return true;
    const now = this.now();
    this.#tokens = Math.min(
      this.burst,
      this.#tokens + ((now - this.#refilledAt) * this.perSecond) / 1000,
    );
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
