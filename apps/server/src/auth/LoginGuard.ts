import { LoginThrottle } from "@rapporteur/accounts";

/** Failed sign-ins allowed per username within {@link LOGIN_WINDOW_MS}. */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Failed sign-ins allowed per address within the window (higher: offices share addresses). */
export const MAX_FAILURES_PER_ADDRESS = 30;
/** The sliding window of the login limits. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Login rate limiting: failures are counted per username (guessing one account's password) and
 * per address (trying many accounts); either limit refuses further attempts until old failures
 * age out. A success clears its username only, so an attacker cannot reset the count of an
 * address by signing in to an account of their own.
 */
export class LoginGuard {
  readonly #byUsername = new LoginThrottle({
    maxFailures: MAX_FAILURES_PER_USERNAME,
    windowMs: LOGIN_WINDOW_MS,
  });
  readonly #byAddress = new LoginThrottle({
    maxFailures: MAX_FAILURES_PER_ADDRESS,
    windowMs: LOGIN_WINDOW_MS,
  });

  /** Milliseconds before this username from this address may try again; 0: now. */
  retryAfterMs(username: string, address: string | null, now = Date.now()): number {
    return Math.max(
      this.#byUsername.retryAfter(username, now),
      address ? this.#byAddress.retryAfter(address, now) : 0,
    );
  }

  /** Counts a failed attempt against both the username and the address. */
  failed(username: string, address: string | null, now = Date.now()): void {
    this.#byUsername.fail(username, now);
    if (address) this.#byAddress.fail(address, now);
  }

  /** Clears the username's failures after a successful sign-in. */
  succeeded(username: string): void {
    this.#byUsername.succeed(username);
  }
}
