import { createHash, randomBytes } from "node:crypto";
import type { Database } from "better-sqlite3";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./roles";

/** A user as the rest of the system sees it (never with the password hash). */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

/** Thrown for a username that is taken or not acceptable. */
export class AccountError extends Error {
  override name = "AccountError";
  constructor(
    readonly id: "username_taken" | "user_not_found" | "invalid_username" | "invalid_password",
    message: string,
  ) {
    super(message);
  }
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  created_at: string;
  password_hash: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** Shortest password accepted for an account. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted (bounds the work of hashing hostile input). */
export const MAX_PASSWORD_LENGTH = 1024;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AccountError(
      "invalid_password",
      `A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
    );
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

// Tokens are stored only as hashes: a stolen database copy cannot be replayed as sessions.
function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Users and their login sessions, in the report's SQLite database. The tables come from the
 * storage migrations (`migrate` of @rapporteur/storage, run by `SqliteStore.open`); every query
 * is a prepared statement.
 */
export class AccountStore {
  constructor(private readonly db: Database) {}

  /** Number of accounts (the first start creates the editor when there are none). */
  count(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;
  }

  /** Creates an account; throws {@link AccountError} when the username is taken or malformed. */
  async create(input: {
    username: string;
    password: string;
    role: Role;
    displayName?: string;
  }): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username)) {
      throw new AccountError(
        "invalid_username",
        "A username has 2-40 characters: lower-case letters, digits, '.', '_' or '-'.",
      );
    }
    if (this.findByUsername(username)) {
      throw new AccountError("username_taken", `The username '${username}' is taken.`);
    }
    checkPassword(input.password);
    const hash = await hashPassword(input.password);
    const result = this.db
      .prepare(
        "INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, ?, ?)",
      )
      .run(username, input.displayName?.trim() || username, input.role, hash);
    const id = Number(result.lastInsertRowid);
    this.#syncFirstReport(id, input.role);
    return this.get(id)!;
  }

  /** The user with this id, or undefined. */
  get(id: number): User | undefined {
    const row = this.db.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  /** The user with this username (case-insensitive), or undefined. */
  findByUsername(username: string): User | undefined {
    const row = this.db
      .prepare("SELECT * FROM users WHERE username = ?")
      .get(username.trim().toLowerCase()) as UserRow | undefined;
    return row && toUser(row);
  }

  /** All users, by username. */
  list(): User[] {
    return (this.db.prepare("SELECT * FROM users ORDER BY username").all() as UserRow[]).map(
      toUser,
    );
  }

  /**
   * Checks a username and password. Returns the user only when both match and the account is
   * active. A hash is computed even for unknown users so that timing does not reveal them.
   */
  async verify(username: string, password: string): Promise<User | undefined> {
    const row = this.db
      .prepare("SELECT * FROM users WHERE username = ?")
      .get(username.trim().toLowerCase()) as UserRow | undefined;
    const stored = row?.password_hash ?? (await this.decoyHash());
    const ok = await verifyPassword(password, stored);
    return ok && row && row.active === 1 ? toUser(row) : undefined;
  }

  private decoy?: Promise<string>;
  private decoyHash(): Promise<string> {
    this.decoy ??= hashPassword(randomBytes(16).toString("hex"));
    return this.decoy;
  }

  /** Changes a user's role; their open sessions keep working with the new role. */
  setRole(id: number, role: Role): User {
    this.mustChange(this.db.prepare("UPDATE users SET role = ? WHERE id = ?").run(role, id), id);
    this.#syncFirstReport(id, role);
    return this.get(id)!;
  }

  // An account's role is its role in the instance's first report (storage migration 22), so
  // clients and scripts that set roles keep working unchanged.
  #syncFirstReport(id: number, role: Role): void {
    this.db
      .prepare(
        `INSERT INTO report_members (report_id, user_id, role) SELECT 1, ?, ? WHERE EXISTS (SELECT 1 FROM reports WHERE id = 1)
         ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role`,
      )
      .run(id, role);
  }

  /** Changes the name shown to others (empty: the username). */
  setDisplayName(id: number, displayName: string): User {
    const user = this.get(id);
    if (!user) throw new AccountError("user_not_found", `No user with id ${id}.`);
    this.db
      .prepare("UPDATE users SET display_name = ? WHERE id = ?")
      .run(displayName.trim() || user.username, id);
    return this.get(id)!;
  }

  /** Number of active editors (there must always be one left). */
  countActiveEditors(): number {
    return (
      this.db
        .prepare("SELECT count(*) AS n FROM users WHERE role = 'editor' AND active = 1")
        .get() as { n: number }
    ).n;
  }

  /** Activates or deactivates a user; deactivation ends all their sessions at once. */
  setActive(id: number, active: boolean): User {
    this.mustChange(
      this.db.prepare("UPDATE users SET active = ? WHERE id = ?").run(active ? 1 : 0, id),
      id,
    );
    if (!active) this.endSessionsOf(id);
    return this.get(id)!;
  }

  /** Sets a new password and ends the user's sessions. */
  async setPassword(id: number, password: string): Promise<void> {
    checkPassword(password);
    const hash = await hashPassword(password);
    this.mustChange(
      this.db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(hash, id),
      id,
    );
    this.endSessionsOf(id);
  }

  private mustChange(result: { changes: number }, id: number): void {
    if (result.changes === 0) throw new AccountError("user_not_found", `No user with id ${id}.`);
  }

  /** Starts a session; returns the bearer token to put in the cookie (shown only once). */
  createSession(userId: number, ttlMs: number, now = Date.now()): string {
    const token = randomBytes(32).toString("base64url");
    this.db
      .prepare(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
      )
      .run(tokenHash(token), userId, now, now + ttlMs);
    return token;
  }

  /** The active user behind a session token, or undefined when unknown, expired or deactivated. */
  userForSession(token: string, now = Date.now()): User | undefined {
    const row = this.db
      .prepare(
        `SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND users.active = 1`,
      )
      .get(tokenHash(token), now) as UserRow | undefined;
    return row && toUser(row);
  }

  /**
   * When the session behind `token` expires (ms since the epoch), or undefined when there is no
   * such session. Open connections and event streams are ended at that moment.
   */
  sessionExpiresAt(token: string): number | undefined {
    const row = this.db
      .prepare("SELECT expires_at FROM sessions WHERE token_hash = ?")
      .get(tokenHash(token)) as { expires_at: number } | undefined;
    return row?.expires_at;
  }

  /** Ends one session (logout). */
  endSession(token: string): void {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash(token));
  }

  /** Ends every session of a user. */
  endSessionsOf(userId: number): void {
    this.db.prepare("DELETE FROM sessions WHERE user_id = ?").run(userId);
  }

  /** Removes expired sessions. */
  purgeExpired(now = Date.now()): number {
    return this.db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now).changes;
  }
}
