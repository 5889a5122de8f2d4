import { LoginThrottle } from "@rapporteur/accounts";
import { type ThrottledBurst, ThrottledBursts } from "./ThrottledBursts";

/** Failed sign-ins allowed per username from one address within {@link LOGIN_WINDOW_MS}. */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Failed sign-ins allowed per address within the window (higher: offices share addresses). */
export const MAX_FAILURES_PER_ADDRESS = 30;
/** The sliding window of the login limits. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/**
 * Failures of one username, from all addresses together, after which its attempts are spaced
 * out (not refused): 1 s after the last failure, doubling with each further one.
 */
export const USERNAME_SLOWDOWN_AFTER = 5;
/** The longest spacing between two attempts on one username from addresses not known to it. */
export const MAX_USERNAME_DELAY_MS = 30_000;
/** A pause after which a run of refused sign-ins counts as over (one audit row with its count). */
export const THROTTLED_BURST_QUIET_MS = 60_000;

const USERNAME_DELAY_BASE_MS = 1_000;
const KNOWN_ADDRESSES_PER_USER = 20;
const MAX_KNOWN_USERS = 100_000;

/** Why a sign-in was refused: its username from its address, its address, or its username. */
export type LoginRefusalReason = "username_and_address" | "address" | "username";

/** A sign-in let through: report how its password check ended. */
export interface LoginAttempt {
  /** The password was right: the attempt no longer counts as a failure. */
  succeeded(): void;
  /** The password was wrong (the failure was counted when the attempt began). */
  failed(): void;
}

/** What {@link LoginGuard.begin} decided. */
export type LoginDecision =
  | { allowed: true; attempt: LoginAttempt }
  | { allowed: false; retryAfterMs: number; reason: LoginRefusalReason };

/** An audit row the guard asks for (refused sign-ins, one per burst). */
export interface ThrottledRecord {
  username: string;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** Settings of {@link LoginGuard}. */
export interface LoginGuardOptions {
  /** Writes a `login_throttled` audit row (called once when a burst starts, once when it ends). */
  recordThrottled?: (record: ThrottledRecord) => void;
  /** How often ended bursts are looked for, in ms (default 10 s; 0: only on {@link LoginGuard.stop}). */
  sweepMs?: number;
}

/**
 * Login rate limiting, decided before the password is hashed: {@link begin} counts the attempt
 * as a failure at once (synchronously, so concurrent guesses see each other), and a right
 * password then takes it back. Failures are counted per username *and address* pair and per
 * address, which refuse further attempts (429) until old failures age out; per username across
 * all addresses they only space attempts out, with a growing delay bounded by
 * {@link MAX_USERNAME_DELAY_MS}, and not for addresses the account recently signed in from, so
 * that nobody can lock an owner out from elsewhere. A success clears its own pair only, so an
 * attacker cannot reset the count of an address by signing in to an account of their own.
 * Refusals are recorded by burst, not by request.
 */
export class LoginGuard {
  readonly #byPair = new LoginThrottle({
    maxFailures: MAX_FAILURES_PER_USERNAME,
    windowMs: LOGIN_WINDOW_MS,
  });
  readonly #byAddress = new LoginThrottle({
    maxFailures: MAX_FAILURES_PER_ADDRESS,
    windowMs: LOGIN_WINDOW_MS,
  });
  // Counted like the others, but its limit only spaces attempts out (see #usernameWait).
  readonly #byUsername = new LoginThrottle({
    maxFailures: Number.MAX_SAFE_INTEGER,
    windowMs: LOGIN_WINDOW_MS,
  });
  /** Addresses each username signed in from lately, newest last. */
  readonly #knownAddresses = new Map<string, string[]>();
  readonly #bursts = new ThrottledBursts(THROTTLED_BURST_QUIET_MS);
  readonly #record: (record: ThrottledRecord) => void;
  readonly #sweep: NodeJS.Timeout | undefined;

  constructor(options: LoginGuardOptions = {}) {
    this.#record = options.recordThrottled ?? (() => {});
    const sweepMs = options.sweepMs ?? 10_000;
    if (sweepMs > 0) {
      this.#sweep = setInterval(() => this.#recordEnded(this.#bursts.ended(Date.now())), sweepMs);
      this.#sweep.unref();
    }
  }

  /**
   * Decides on a sign-in before its password is checked. When allowed, the attempt is already
   * counted as a failure; report its outcome on the returned attempt.
   */
  begin(username: string, address: string | null, now = Date.now()): LoginDecision {
    const pair = pairKey(username, address);
    const byPair = this.#byPair.retryAfter(pair, now);
    const byAddress = address ? this.#byAddress.retryAfter(address, now) : 0;
    const byUsername = this.#usernameWait(username, address, now);
    const retryAfterMs = Math.max(byPair, byAddress, byUsername);
    if (retryAfterMs > 0) {
      const reason: LoginRefusalReason =
        byPair === retryAfterMs
          ? "username_and_address"
          : byAddress === retryAfterMs
            ? "address"
            : "username";
      this.#refused(username, address, reason, retryAfterMs, now);
      return { allowed: false, retryAfterMs, reason };
    }
    this.#byPair.fail(pair, now);
    if (address) this.#byAddress.fail(address, now);
    this.#byUsername.fail(username, now);
    let settled = false;
    return {
      allowed: true,
      attempt: {
        succeeded: () => {
          if (settled) return;
          settled = true;
          this.#byPair.succeed(pair);
          if (address) this.#byAddress.forgive(address, now);
          this.#byUsername.forgive(username, now);
          if (address) this.#remember(username, address);
        },
        failed: () => {
          settled = true;
        },
      },
    };
  }

  /** Milliseconds before this username from this address may try again; 0: now. */
  retryAfterMs(username: string, address: string | null, now = Date.now()): number {
    return Math.max(
      this.#byPair.retryAfter(pairKey(username, address), now),
      address ? this.#byAddress.retryAfter(address, now) : 0,
      this.#usernameWait(username, address, now),
    );
  }

  /** Stops the sweep and records the open bursts (at shutdown). */
  stop(): void {
    if (this.#sweep) clearInterval(this.#sweep);
    this.#recordEnded(this.#bursts.ended(Date.now(), true));
  }

  #usernameWait(username: string, address: string | null, now: number): number {
    if (address && this.#knownAddresses.get(username)?.includes(address)) return 0;
    const failures = this.#byUsername.failures(username, now);
    if (failures.length < USERNAME_SLOWDOWN_AFTER) return 0;
    const doublings = Math.min(failures.length - USERNAME_SLOWDOWN_AFTER, 30);
    const delay = Math.min(USERNAME_DELAY_BASE_MS * 2 ** doublings, MAX_USERNAME_DELAY_MS);
    const last = failures[failures.length - 1] ?? now;
    return Math.max(0, last + delay - now);
  }

  #remember(username: string, address: string): void {
    const known = (this.#knownAddresses.get(username) ?? []).filter((a) => a !== address);
    known.push(address);
    if (known.length > KNOWN_ADDRESSES_PER_USER) known.shift();
    this.#knownAddresses.delete(username);
    this.#knownAddresses.set(username, known);
    if (this.#knownAddresses.size > MAX_KNOWN_USERS) {
      const oldest = this.#knownAddresses.keys().next().value;
      if (oldest !== undefined) this.#knownAddresses.delete(oldest);
    }
  }

  #refused(
    username: string,
    address: string | null,
    reason: LoginRefusalReason,
    retryAfterMs: number,
    now: number,
  ): void {
    // One burst per limit that refused: the pair, the address, or the username everywhere.
    const key =
      reason === "username_and_address"
        ? `pair:${pairKey(username, address)}`
        : reason === "address"
          ? `address:${address}`
          : `username:${username}`;
    const outcome = this.#bursts.refused(key, { username, address, reason }, now);
    if (!outcome) return;
    if (outcome.ended) this.#recordEnded([outcome.ended]);
    this.#record({
      username,
      ip: address,
      detail: { username, reason, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
    });
  }

  #recordEnded(bursts: ThrottledBurst[]): void {
    for (const burst of bursts) {
      // A burst of one refusal is told by its first row already.
      if (burst.refused < 2) continue;
      this.#record({
        username: burst.first.username,
        ip: burst.first.address,
        detail: {
          username: burst.first.username,
          reason: burst.first.reason,
          burstEnded: true,
          refused: burst.refused,
          addresses: burst.addresses,
          seconds: Math.round((burst.lastAt - burst.startedAt) / 1000),
        },
      });
    }
  }
}

function pairKey(username: string, address: string | null): string {
  return `${username}\n${address ?? "unknown"}`;
}
