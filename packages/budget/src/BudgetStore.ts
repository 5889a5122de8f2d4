import type { Database } from "better-sqlite3";
import type { SavedBudgetSettings } from "./budgetSettingsJSON";
import type { TargetRange } from "./targetRange";
import type { Milestone, Timetable } from "./timetable";

/** The budget settings of the report as shipped in `content/` (outline and timetable files). */
export interface BudgetDefaults {
  targetRange: TargetRange;
  footnotesCount: boolean;
  /** Default allocation of every section, in outline order. */
  allocations: ReadonlyMap<string, number>;
  timetable: Timetable;
}

/** The budget settings in force: the editors' changes over the defaults. */
export interface BudgetSettings {
  targetRange: TargetRange;
  /** Whether footnote words count against the budgets. */
  footnotesCount: boolean;
  /** Allocation of every section of the defaults, in outline order. */
  allocations: ReadonlyMap<string, number>;
  /** Sections whose allocation an editor has set. */
  overridden: ReadonlySet<string>;
  timetable: Milestone[];
  /** Whether an editor has replaced the timetable of `content/`. */
  timetableOverridden: boolean;
}

/** A change of the settings (null: back to the default). */
export interface BudgetChange {
  targetRange?: TargetRange | null;
  footnotesCount?: boolean | null;
}

interface SettingsRow {
  target_min: number | null;
  target_max: number | null;
  footnotes_count: number | null;
  timetable: string | null;
}

/**
 * The report's word-budget settings in its database (tables from storage migration 6): target
 * range, whether footnotes count, per-section allocations and the timetable, each stored only
 * once an editor changes it and otherwise taken from the defaults. Values are validated by the
 * caller (see `targetRangeSchema`, `timetableSchema`); the database's checks are a last guard.
 * Listeners hear every change synchronously, after it is stored.
 */
export class BudgetStore {
  private readonly listeners = new Set<(settings: BudgetSettings) => void>();

  constructor(
    private readonly db: Database,
    private readonly defaults: BudgetDefaults,
  ) {}

  /** The settings in force now. */
  settings(): BudgetSettings {
    const row = this.db
      .prepare(
        "SELECT target_min, target_max, footnotes_count, timetable FROM report_settings WHERE id = 1",
      )
      .get() as SettingsRow | undefined;
    const stored = this.db.prepare("SELECT section_id, budget FROM section_budgets").all() as {
      section_id: string;
      budget: number;
    }[];
    const overrides = new Map(stored.map((r) => [r.section_id, r.budget]));
    const allocations = new Map<string, number>();
    const overridden = new Set<string>();
    for (const [sectionId, budget] of this.defaults.allocations) {
      const override = overrides.get(sectionId);
      allocations.set(sectionId, override ?? budget);
      if (override !== undefined) overridden.add(sectionId);
    }
    const timetable = row?.timetable
      ? (JSON.parse(row.timetable) as Milestone[])
      : this.defaults.timetable.milestones;
    return {
      targetRange:
        row?.target_min != null && row.target_max != null
          ? { min: row.target_min, max: row.target_max }
          : { ...this.defaults.targetRange },
      footnotesCount:
        row?.footnotes_count != null ? row.footnotes_count === 1 : this.defaults.footnotesCount,
      allocations,
      overridden,
      timetable: timetable.map((m) => ({ ...m })),
      timetableOverridden: Boolean(row?.timetable),
    };
  }

  /** Changes the target range and/or the footnote rule; fields left out keep their value. */
  update(change: BudgetChange, by: string): BudgetSettings {
    this.ensureRow();
    const run = this.db.transaction(() => {
      if (change.targetRange !== undefined) {
        this.db
          .prepare("UPDATE report_settings SET target_min = ?, target_max = ? WHERE id = 1")
          .run(change.targetRange?.min ?? null, change.targetRange?.max ?? null);
      }
      if (change.footnotesCount !== undefined) {
        const value = change.footnotesCount === null ? null : change.footnotesCount ? 1 : 0;
        this.db.prepare("UPDATE report_settings SET footnotes_count = ? WHERE id = 1").run(value);
      }
      this.touch(by);
    });
    run();
    return this.changed();
  }

  /** Sets a section's allocation (null: back to the outline's). Throws for an unknown section. */
  setAllocation(sectionId: string, budget: number | null, by: string): BudgetSettings {
    if (!this.defaults.allocations.has(sectionId)) {
      throw new RangeError(`Unknown section '${sectionId}'`);
    }
    if (budget === null) {
      this.db.prepare("DELETE FROM section_budgets WHERE section_id = ?").run(sectionId);
    } else {
      this.db
        .prepare(
          `INSERT INTO section_budgets (section_id, budget, updated_at, updated_by)
           VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?)
           ON CONFLICT(section_id) DO UPDATE SET budget = excluded.budget,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(sectionId, budget, by);
    }
    return this.changed();
  }

  /** Replaces the timetable (null: back to the one in `content/`). */
  setTimetable(milestones: Milestone[] | null, by: string): BudgetSettings {
    this.ensureRow();
    this.db
      .prepare("UPDATE report_settings SET timetable = ? WHERE id = 1")
      .run(milestones === null ? null : JSON.stringify(milestones));
    this.touch(by);
    return this.changed();
  }

  /**
   * Puts back settings a named version kept (budgetSettingsJSON), in one transaction: target
   * range, footnote rule, the allocations editors had set (others back to the outline's; sections
   * the outline no longer has are left out) and the timetable. Listeners hear it once.
   */
  restore(saved: SavedBudgetSettings, by: string): BudgetSettings {
    this.ensureRow();
    const overridden = new Set(saved.overridden);
    this.db.transaction(() => {
      this.db
        .prepare(
          "UPDATE report_settings SET target_min = ?, target_max = ?, footnotes_count = ?, timetable = ? WHERE id = 1",
        )
        .run(
          saved.targetRange.min,
          saved.targetRange.max,
          saved.footnotesCount ? 1 : 0,
          saved.timetableOverridden ? JSON.stringify(saved.timetable) : null,
        );
      this.db.prepare("DELETE FROM section_budgets").run();
      const insert = this.db.prepare(
        `INSERT INTO section_budgets (section_id, budget, updated_at, updated_by)
         VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?)`,
      );
      for (const [sectionId, budget] of Object.entries(saved.allocations)) {
        if (overridden.has(sectionId) && this.defaults.allocations.has(sectionId)) {
          insert.run(sectionId, budget, by);
        }
      }
      this.touch(by);
    })();
    return this.changed();
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: (settings: BudgetSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ensureRow(): void {
    this.db.prepare("INSERT OR IGNORE INTO report_settings (id) VALUES (1)").run();
  }

  private touch(by: string): void {
    this.db
      .prepare(
        "UPDATE report_settings SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_by = ? WHERE id = 1",
      )
      .run(by);
  }

  private changed(): BudgetSettings {
    const settings = this.settings();
    for (const listener of this.listeners) listener(settings);
    return settings;
  }
}
