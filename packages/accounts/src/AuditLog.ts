import type { Database } from "better-sqlite3";

/** Every action the audit log records (API filters are checked against this list). */
export const AUDIT_ACTIONS = [
  "login",
  "login_failed",
  "login_throttled",
  "logout",
  "user_created",
  "role_changed",
  "user_deactivated",
  "user_activated",
  "display_name_changed",
  "password_reset",
  "section_status_changed",
  "section_leads_changed",
  "export",
  "import",
  "import_review",
  "budget_changed",
  "timetable_changed",
  "restore",
  "version_create",
  "version_delete",
  "version_restore",
  "section_repaired",
  "document_settings_changed",
  "outline_section_added",
  "outline_section_changed",
  "outline_section_archived",
  "outline_section_restored",
  "outline_section_split",
  "outline_section_merged",
  "text_rescued",
  "outline_part_added",
  "outline_part_changed",
  "outline_imported",
  "outline_restored",
  "evidence_import",
  "evidence_source_updated",
  "evidence_code_created",
  "evidence_code_changed",
  "evidence_code_deleted",
  "evidence_code_merged",
  "evidence_excerpt_added",
  "evidence_excerpt_deleted",
  "action_line_rules_changed",
  "report_created",
  "report_member_set",
  "report_member_removed",
] as const;

/** What the audit log records. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
 * Append-only record of security and workflow events. Triggers in the database (storage
 * migration 3) refuse updates and deletes, so not even a bug in the server can rewrite history.
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

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
