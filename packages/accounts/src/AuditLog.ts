import type { Database } from "better-sqlite3";

/** What the audit log records. */
export type AuditAction =
  | "login"
  | "login_failed"
  | "login_throttled"
  | "logout"
  | "user_created"
  | "role_changed"
  | "user_deactivated"
  | "user_activated"
  | "password_reset"
  | "section_status_changed"
  | "section_leads_changed"
  | "export";

/** One audit entry. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  target: string | null;
  detail: string;
  ip: string | null;
}

/**
 * Append-only record of security and workflow events. Triggers in the database refuse updates
 * and deletes, so not even a bug in the server can rewrite history.
 */
export class AuditLog {
  constructor(private readonly db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        actor TEXT,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT NOT NULL DEFAULT '{}',
        ip TEXT
      );
      CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  }

  /** Appends an entry. */
  record(entry: {
    actor: string | null;
    action: AuditAction;
    target?: string | null;
    detail?: Record<string, unknown>;
    ip?: string | null;
  }): void {
    this.db
      .prepare("INSERT INTO audit_log (actor, action, target, detail, ip) VALUES (?, ?, ?, ?, ?)")
      .run(
        entry.actor,
        entry.action,
        entry.target ?? null,
        JSON.stringify(entry.detail ?? {}),
        entry.ip ?? null,
      );
  }

  /** Newest entries first; `before` pages back by id. */
  list(options: { limit?: number; before?: number; action?: AuditAction } = {}): AuditEntry[] {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
    const rows = this.db
      .prepare(
        `SELECT * FROM audit_log WHERE id < ? AND (? IS NULL OR action = ?)
         ORDER BY id DESC LIMIT ?`,
      )
      .all(
        options.before ?? Number.MAX_SAFE_INTEGER,
        options.action ?? null,
        options.action ?? null,
        limit,
      ) as AuditRow[];
    return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) }));
  }
}
