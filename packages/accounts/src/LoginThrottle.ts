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
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LoginThrottleOptions) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.options.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.options.maxFailures) return 0;
    const oldest = recent[recent.length - this.options.maxFailures] ?? now;
    return Math.max(1, oldest + this.options.windowMs - now);
  }

  /** Records a failed attempt. */
  fail(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    // Bound memory under a flood of distinct keys: forget the oldest key.
    if (this.failures.size > 100_000) {
      const first = this.failures.keys().next().value;
      if (first !== undefined) this.failures.delete(first);
    }
  }

  /** Clears a key after a successful login. */
  succeed(key: string): void {
    this.failures.delete(key);
  }
}
