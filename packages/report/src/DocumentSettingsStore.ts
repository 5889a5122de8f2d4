import type { DocumentSettings, DocumentSettingsView } from "@rapporteur/api";
import type { DocxTemplate } from "@rapporteur/docx";
import type { Outline } from "@rapporteur/outline";
import type { Database } from "better-sqlite3";
import type { DocumentSettingsChange } from "./documentSettingsSchema";
import type { EmblemImage } from "./emblemImage";

interface SettingsRow {
  settings: string;
  emblem: Uint8Array | null;
  emblem_type: "png" | "jpg" | null;
  emblem_width: number | null;
  emblem_height: number | null;
  updated_at: string;
  updated_by: string | null;
}

/**
 * The defaults of the document settings: the outline's symbol and title, and the masthead of
 * `templates/un-secretariat.yaml` (lines it leaves out are empty, so not printed).
 */
export function documentSettingsDefaults(
  outline: Outline,
  template: DocxTemplate,
): DocumentSettings {
  const m = template.masthead;
  return {
    symbol: outline.report.symbol,
    distribution: m.distribution.replace(/^distr\.:?\s*/i, ""),
    issueDate: null,
    originalLanguage: m.originalLanguage,
    commission: m.commission,
    session: m.session,
    place: m.place ?? "",
    agendaItem: m.agendaItem,
    agendaTitle: m.agendaTitle ?? "",
    agendaSymbol: m.agendaSymbol ?? "",
    title: outline.report.title,
    byline: m.byline ?? "",
    jobNumber: m.jobNumber ?? "",
    advanceUnedited: m.advanceUnedited ?? false,
  };
}

/**
 * The document settings in the report's database (table of storage migration 8): the fields an
 * editor changed over the defaults, and the emblem image. Values are validated by the caller
 * (documentSettingsChangeSchema, emblemImage). Listeners hear every change after it is stored.
 */
export class DocumentSettingsStore {
  private readonly listeners = new Set<(view: DocumentSettingsView) => void>();

  constructor(
    private readonly db: Database,
    private readonly defaults: DocumentSettings,
  ) {}

  /** The settings in force, with the emblem's description. */
  view(): DocumentSettingsView {
    const row = this.row();
    const stored = row ? (JSON.parse(row.settings) as Partial<DocumentSettings>) : {};
    const settings = { ...this.defaults };
    for (const key of Object.keys(settings) as (keyof DocumentSettings)[]) {
      if (stored[key] !== undefined) (settings as Record<string, unknown>)[key] = stored[key];
    }
    return {
      settings,
      emblem:
        row?.emblem && row.emblem_type
          ? {
              type: row.emblem_type,
              width: row.emblem_width ?? 0,
              height: row.emblem_height ?? 0,
              bytes: row.emblem.byteLength,
            }
          : null,
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  /** The emblem image, or null when there is none. */
  emblem(): EmblemImage | null {
    const row = this.row();
    if (!row?.emblem || !row.emblem_type) return null;
    return {
      type: row.emblem_type,
      data: new Uint8Array(row.emblem),
      width: row.emblem_width ?? 0,
      height: row.emblem_height ?? 0,
    };
  }

  /** Stores a validated change; returns the settings in force after it. */
  update(change: DocumentSettingsChange, actor: string): DocumentSettingsView {
    const row = this.row();
    const stored = row ? (JSON.parse(row.settings) as Record<string, unknown>) : {};
    this.db
      .prepare(
        `INSERT INTO document_settings (id, settings, updated_at, updated_by)
         VALUES (1, @settings, strftime('%Y-%m-%dT%H:%M:%fZ','now'), @actor)
         ON CONFLICT (id) DO UPDATE SET settings = excluded.settings,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run({ settings: JSON.stringify({ ...stored, ...change }), actor });
    return this.changed();
  }

  /** Stores (or with null removes) the emblem image. */
  setEmblem(image: EmblemImage | null, actor: string): DocumentSettingsView {
    this.db
      .prepare(
        `INSERT INTO document_settings
           (id, emblem, emblem_type, emblem_width, emblem_height, updated_at, updated_by)
         VALUES (1, @data, @type, @width, @height, strftime('%Y-%m-%dT%H:%M:%fZ','now'), @actor)
         ON CONFLICT (id) DO UPDATE SET emblem = excluded.emblem,
           emblem_type = excluded.emblem_type, emblem_width = excluded.emblem_width,
           emblem_height = excluded.emblem_height, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run({
        data: image ? Buffer.from(image.data) : null,
        type: image?.type ?? null,
        width: image?.width ?? null,
        height: image?.height ?? null,
        actor,
      });
    return this.changed();
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  onChange(listener: (view: DocumentSettingsView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): DocumentSettingsView {
    const view = this.view();
    for (const listener of this.listeners) listener(view);
    return view;
  }

  private row(): SettingsRow | undefined {
    return this.db
      .prepare(
        `SELECT settings, emblem, emblem_type, emblem_width, emblem_height, updated_at, updated_by
         FROM document_settings WHERE id = 1`,
      )
      .get() as SettingsRow | undefined;
  }
}
