/** Settings of {@link LoginThrottle}. */
export interface LoginThrottleOptions {
  /** Failures allowed within the window before further attempts are refused. */
  maxFailures: number;
  /** Length of the window, in milliseconds. */
  windowMs: number;
}

/**
 * Counts failed logins per key (username and address) in a sliding window. Once a key has
 * `maxFailures` failures in the window, attempts are refused (429) until old failures age out.
 */
export class LoginThrottle {
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly options: LoginThrottleOptions) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.options.windowMs;
    const kept = (this.byKey.get(key) ?? []).filter((t) => t > since);
    if (kept.length > 0) this.byKey.set(key, kept);
    else this.byKey.delete(key);
    return kept;
  }

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.options.maxFailures) return 0;
    const oldest = recent[recent.length - this.options.maxFailures] ?? now;
    return Math.max(1, oldest + this.options.windowMs - now);
  }

  /** Times of the failures of `key` still in the window, oldest first. */
  failures(key: string, now = Date.now()): readonly number[] {
    return [...this.recent(key, now)];
  }

  /**
   * Records a failed attempt. Record an attempt before checking its password (and
   * {@link forgive} it if the password was right), so that concurrent guesses are counted.
   */
  fail(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.byKey.set(key, recent);
    // Bound memory under a flood of distinct keys: forget the oldest key.
    if (this.byKey.size > 100_000) {
      const first = this.byKey.keys().next().value;
      if (first !== undefined) this.byKey.delete(first);
    }
  }

  /** Removes the one failure recorded at `at` (an attempt that turned out right). */
  forgive(key: string, at: number): void {
    const times = this.byKey.get(key);
    if (!times) return;
    const index = times.indexOf(at);
    if (index >= 0) times.splice(index, 1);
    if (times.length === 0) this.byKey.delete(key);
  }

  /** Clears a key after a successful login. */
  succeed(key: string): void {
    this.byKey.delete(key);
  }
}
