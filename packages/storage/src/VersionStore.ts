import { deflateRawSync, inflateRawSync } from "node:zlib";
import type Database from "better-sqlite3";
import { HistoryStore } from "./HistoryStore";

/** A named version of the whole report, without its content. */
export interface StoredVersion {
  id: number;
  name: string;
  /** When it was made, ms since the epoch. */
  at: number;
  by: { id: number | null; name: string };
}

/** One section's content in a version: its full Yjs state. */
export interface VersionSection {
  sectionId: string;
  state: Uint8Array;
  /** Sequence number of the newest stored update the state holds (for its history marker). */
  seq?: number;
}

/** What a new version captures. */
export interface VersionInput {
  name: string;
  at: number;
  by: { id: number | null; name: string };
  /** The outline in force (JSON-serialisable). */
  outline: unknown;
  /**
   * Budget and report settings in force (JSON-serialisable): `{ budget, document }`, the
   * document settings (symbol, title, masthead lines) under `document` (see
   * {@link VersionStore.documentSettings}).
   */
  settings: unknown;
  sections: readonly VersionSection[];
}

interface VersionRow {
  id: number;
  name: string;
  at: number;
  by_id: number | null;
  by_name: string;
}

/**
 * Named versions of the report (tables of storage migration 7): every section's state, the
 * outline and the settings at one moment ("Progress report", "Draft for the CSTD session").
 * Section states are stored compressed. Kept until an editor deletes them. Creating one also
 * marks it in every section's history (a point of kind `version` named after it).
 */
export class VersionStore {
  constructor(private readonly db: Database.Database) {}

  /** Stores a version in one transaction; returns it. */
  create(input: VersionInput): StoredVersion {
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare(
          "INSERT INTO versions (name, at, by_id, by_name, outline, settings) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(
          input.name,
          input.at,
          input.by.id,
          input.by.name,
          JSON.stringify(input.outline),
          JSON.stringify(input.settings),
        );
      const versionId = Number(info.lastInsertRowid);
      const insert = this.db.prepare(
        "INSERT INTO version_sections (version_id, section_id, state) VALUES (?, ?, ?)",
      );
      const history = new HistoryStore(this.db);
      for (const section of input.sections) {
        insert.run(versionId, section.sectionId, deflateRawSync(section.state));
        history.insert(section.sectionId, [
          {
            seq: section.seq ?? 0,
            fromAt: input.at,
            at: input.at,
            userIds: input.by.id === null ? [] : [input.by.id],
            kind: "version",
            added: 0,
            removed: 0,
            label: input.name,
            state: section.state,
          },
        ]);
      }
      return versionId;
    })();
    return this.get(id) as StoredVersion;
  }

  /** Every version, newest first. */
  list(): StoredVersion[] {
    return this.db
      .prepare<[], VersionRow>(
        "SELECT id, name, at, by_id, by_name FROM versions ORDER BY at DESC, id DESC",
      )
      .all()
      .map(toVersion);
  }

  /** One version, or undefined. */
  get(id: number): StoredVersion | undefined {
    const row = this.db
      .prepare<[number], VersionRow>(
        "SELECT id, name, at, by_id, by_name FROM versions WHERE id = ?",
      )
      .get(id);
    return row && toVersion(row);
  }

  /** The outline and settings a version captured. */
  details(id: number): { outline: unknown; settings: unknown } | undefined {
    const row = this.db
      .prepare<[number], { outline: string; settings: string }>(
        "SELECT outline, settings FROM versions WHERE id = ?",
      )
      .get(id);
    return row && { outline: JSON.parse(row.outline), settings: JSON.parse(row.settings) };
  }

  /**
   * The document settings (symbol, title, masthead lines) a version captured, as stored under
   * `settings.document`; null for a version made before versions kept them (the caller says
   * so and uses the settings in force); undefined when there is no such version.
   */
  documentSettings(id: number): Record<string, unknown> | null | undefined {
    const details = this.details(id);
    if (!details) return undefined;
    const document = (details.settings as { document?: unknown } | null)?.document;
    return document !== null && typeof document === "object" && !Array.isArray(document)
      ? (document as Record<string, unknown>)
      : null;
  }

  /** The state of one section in a version, or undefined (not in it). */
  sectionState(id: number, sectionId: string): Uint8Array | undefined {
    const row = this.db
      .prepare<[number, string], { state: Buffer }>(
        "SELECT state FROM version_sections WHERE version_id = ? AND section_id = ?",
      )
      .get(id, sectionId);
    return row ? new Uint8Array(inflateRawSync(row.state)) : undefined;
  }

  /** Ids of the sections a version holds. */
  sectionIds(id: number): string[] {
    return this.db
      .prepare<[number], { section_id: string }>(
        "SELECT section_id FROM version_sections WHERE version_id = ? ORDER BY section_id",
      )
      .all(id)
      .map((row) => row.section_id);
  }

  /** Deletes a version; false if there was none. */
  delete(id: number): boolean {
    return this.db.prepare("DELETE FROM versions WHERE id = ?").run(id).changes > 0;
  }
}

function toVersion(row: VersionRow): StoredVersion {
  return { id: row.id, name: row.name, at: row.at, by: { id: row.by_id, name: row.by_name } };
}
