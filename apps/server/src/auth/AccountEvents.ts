import type { User } from "@rapporteur/accounts";

/** A change to accounts that open connections and event streams must follow at once. */
export type AccountChange =
  /** Role, active flag or display name changed (a deactivated user has `active: false`). */
  | { type: "user_changed"; user: User }
  /** Every session of a user ended (password reset). */
  | { type: "sessions_ended"; userId: number; reason: string }
  /** One session ended (logout). */
  | { type: "session_ended"; token: string; reason: string };

/**
 * Tells the parts of the server that hold live state per user (collaboration connections, event
 * streams) that accounts changed, so that a deactivation or a new role takes effect on what is
 * already open, not only on the next login.
 */
export class AccountEvents {
  readonly #listeners = new Set<(change: AccountChange) => void>();

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (change: AccountChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells every listener, synchronously. */
  emit(change: AccountChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
