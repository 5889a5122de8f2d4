import type { Database } from "better-sqlite3";
import type { Role } from "./roles";

/** One report of the instance (table `reports`, storage migration 22). */
export interface ReportRecord {
  id: number;
  title: string;
  template: string;
  createdAt: string;
  createdBy: number | null;
}

/** One membership: a user's role in a report. */
export interface ReportMembership {
  reportId: number;
  userId: number;
  role: Role;
}

/** Thrown when a change would leave a report without an editor. */
export class ReportMembershipError extends Error {
  override name = "ReportMembershipError";
  constructor(
    readonly id: "last_editor",
    message: string,
  ) {
    super(message);
  }
}

interface ReportRow {
  id: number;
  title: string;
  template: string;
  created_at: string;
  created_by: number | null;
}

const toRecord = (row: ReportRow): ReportRecord => ({
  id: row.id,
  title: row.title,
  template: row.template,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/**
 * The instance's reports and their members, in the instance's database. A person's role is per
 * report; report 1's memberships follow the accounts' roles (see `AccountStore.setRole`).
 */
export class ReportDirectory {
  constructor(private readonly db: Database) {}

  /** Every report, oldest first. */
  list(): ReportRecord[] {
    return (this.db.prepare("SELECT * FROM reports ORDER BY id").all() as ReportRow[]).map(
      toRecord,
    );
  }

  /** Report `id`, or undefined. */
  get(id: number): ReportRecord | undefined {
    const row = this.db.prepare("SELECT * FROM reports WHERE id = ?").get(id) as
      | ReportRow
      | undefined;
    return row && toRecord(row);
  }

  /** Records a new report with `createdBy` as its first editor; returns its id. */
  create(input: { title: string; template: string; createdBy: number }): number {
    return this.db.transaction(() => {
      const result = this.db
        .prepare("INSERT INTO reports (title, template, created_by) VALUES (?, ?, ?)")
        .run(input.title, input.template, input.createdBy);
      const id = Number(result.lastInsertRowid);
      this.db
        .prepare("INSERT INTO report_members (report_id, user_id, role) VALUES (?, ?, 'editor')")
        .run(id, input.createdBy);
      return id;
    })();
  }

  /** Forgets a report whose database could not be made (its id is not reused). */
  remove(id: number): void {
    this.db.prepare("DELETE FROM reports WHERE id = ?").run(id);
  }

  /** Sets a report's title (report 1's, from its outline, when the migration found none). */
  setTitle(id: number, title: string): void {
    this.db.prepare("UPDATE reports SET title = ? WHERE id = ?").run(title, id);
  }

  /** The role of user `userId` in report `reportId`; undefined: not a member. */
  roleOf(reportId: number, userId: number): Role | undefined {
    const row = this.db
      .prepare("SELECT role FROM report_members WHERE report_id = ? AND user_id = ?")
      .get(reportId, userId) as { role: Role } | undefined;
    return row?.role;
  }

  /** The reports `userId` is a member of, with the role in each. */
  membershipsOf(userId: number): Map<number, Role> {
    const rows = this.db
      .prepare("SELECT report_id, role FROM report_members WHERE user_id = ?")
      .all(userId) as { report_id: number; role: Role }[];
    return new Map(rows.map((row) => [row.report_id, row.role]));
  }

  /** The members of a report. */
  members(reportId: number): ReportMembership[] {
    const rows = this.db
      .prepare("SELECT user_id, role FROM report_members WHERE report_id = ? ORDER BY user_id")
      .all(reportId) as { user_id: number; role: Role }[];
    return rows.map((row) => ({ reportId, userId: row.user_id, role: row.role }));
  }

  /**
   * Makes `userId` a member of `reportId` with `role` (or changes the role). Refuses
   * (`last_editor`) to demote the report's last editor.
   */
  setMember(reportId: number, userId: number, role: Role): void {
    this.db.transaction(() => {
      if (role !== "editor") this.#keepAnEditor(reportId, userId);
      this.db
        .prepare(
          `INSERT INTO report_members (report_id, user_id, role) VALUES (?, ?, ?)
           ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role`,
        )
        .run(reportId, userId, role);
    })();
  }

  /** Removes `userId` from `reportId`; refuses (`last_editor`) to remove its last editor. */
  removeMember(reportId: number, userId: number): boolean {
    return this.db.transaction(() => {
      this.#keepAnEditor(reportId, userId);
      return (
        this.db
          .prepare("DELETE FROM report_members WHERE report_id = ? AND user_id = ?")
          .run(reportId, userId).changes > 0
      );
    })();
  }

  #keepAnEditor(reportId: number, leaving: number): void {
    if (this.roleOf(reportId, leaving) !== "editor") return;
    const { n } = this.db
      .prepare(
        `SELECT count(*) AS n FROM report_members m JOIN users u ON u.id = m.user_id
         WHERE m.report_id = ? AND m.role = 'editor' AND u.active = 1 AND m.user_id <> ?`,
      )
      .get(reportId, leaving) as { n: number };
    if (n === 0) {
      throw new ReportMembershipError(
        "last_editor",
        `Report ${reportId} must keep an active editor: make another member editor first.`,
      );
    }
  }
}
