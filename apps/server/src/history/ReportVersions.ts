import type { DocumentSettings, VersionRestoreAnswer } from "@rapporteur/api";
import { type BudgetStore, budgetSettingsJSON, type SavedBudgetSettings } from "@rapporteur/budget";
import {
  type Outline,
  type OutlineRestore,
  type OutlineStore,
  outlineDiffersFrom,
  outlineSchema,
  restoreOutline,
  versionOutline,
} from "@rapporteur/outline";
import {
  captureDocumentSettings,
  capturedEmblem,
  type DocumentSettingsStore,
  type EmblemImage,
} from "@rapporteur/report";
import type { DocJSON } from "@rapporteur/schema";
import type {
  DocumentStore,
  StoredVersion,
  VersionSection,
  VersionStore,
} from "@rapporteur/storage";
import * as Y from "yjs";
import type { CollabServer } from "../collab/CollabServer";
import { readSectionDoc } from "../report/readSectionDoc";
import { recordOutlineChange } from "./recordOutlineChange";
import { type SectionHistory, stateToJSON } from "./SectionHistory";

/** Configuration of {@link ReportVersions}. */
export interface ReportVersionsOptions {
  versions: VersionStore;
  sectionHistory: SectionHistory;
  /** Assigned once the collaboration server exists. */
  collab(): CollabServer;
  store: DocumentStore;
  /** The outline in force (read at each use: it changes); a restore puts back a version's. */
  outline: OutlineStore;
  budgets: BudgetStore;
  /** The document settings (symbol, title, masthead lines): captured and restored with a version. */
  documentSettings: DocumentSettingsStore;
  now?(): number;
}

/** What a version exports with: its outline and document settings. */
export interface VersionExportSource {
  outline: Outline;
  settings: DocumentSettings;
  /** The masthead's emblem the version captured (null: none), or the one in force. */
  emblem: EmblemImage | null;
  /**
   * False for a version made before versions kept the document settings: `settings` are the
   * ones in force.
   */
  settingsCaptured: boolean;
}

/** A change of the document settings made by restoring a version, for the audit log. */
export interface DocumentSettingsRestore {
  from: Partial<DocumentSettings>;
  to: Partial<DocumentSettings>;
  /** The emblem was put back (`restored`) or removed (the version had none). */
  emblem?: "restored" | "removed";
}

/**
 * Named versions of the whole report as the server serves them: made from the live sections
 * (what their editors see) or the stored ones, read for exports, restored section by section as
 * live edits.
 */
export class ReportVersions {
  readonly #options: ReportVersionsOptions;

  constructor(options: ReportVersionsOptions) {
    this.#options = options;
  }

  /**
   * Keeps every section's content, the outline and the settings (budget settings and document
   * settings) as version `name`.
   */
  async create(name: string, by: { id: number | null; name: string }): Promise<StoredVersion> {
    const { budgets, versions } = this.#options;
    const outline = this.#options.outline.current();
    const sections: VersionSection[] = [];
    for (const section of outline.sections) {
      sections.push(await this.#current(section.id));
    }
    return versions.create({
      name,
      at: this.#options.now?.() ?? Date.now(),
      by,
      outline,
      settings: {
        budget: budgetSettingsJSON(budgets.settings()),
        ...captureDocumentSettings(this.#options.documentSettings),
      },
      sections,
    });
  }

  list(): StoredVersion[] {
    return this.#options.versions.list();
  }

  get(id: number): StoredVersion | undefined {
    return this.#options.versions.get(id);
  }

  delete(id: number): boolean {
    return this.#options.versions.delete(id);
  }

  /**
   * The outline and document settings version `id` exports with (undefined: no such version).
   * A version made before versions kept the document settings uses the ones in force
   * (`settingsCaptured: false`); a field added since takes its value in force.
   */
  exportSource(id: number): VersionExportSource | undefined {
    const { versions, outline } = this.#options;
    const details = versions.details(id);
    if (!details) return undefined;
    const captured = versions.documentSettings(id) ?? null;
    const current = this.#options.documentSettings.view().settings;
    const parsed = outlineSchema.safeParse(details.outline);
    const emblem = this.#emblem(id);
    return {
      outline: parsed.success ? parsed.data : outline.current(),
      settings: captured ? settingsOver(current, captured) : current,
      emblem: emblem === undefined ? this.#options.documentSettings.emblem() : emblem,
      settingsCaptured: captured !== null,
    };
  }

  /** The emblem version `id` captured (null: none), or undefined (made before versions kept it). */
  #emblem(id: number): EmblemImage | null | undefined {
    return capturedEmblem(this.#options.versions.details(id)?.settings);
  }

  /** A section's content in a version (an empty section when the version does not hold it). */
  sectionDoc(id: number, sectionId: string): DocJSON {
    const state = this.#options.versions.sectionState(id, sectionId);
    return stateToJSON(state ?? Y.encodeStateAsUpdate(new Y.Doc()));
  }

  /** Ids of the sections a version holds. */
  sectionIds(id: number): string[] {
    return this.#options.versions.sectionIds(id);
  }

  /** A section's full state in a version, or undefined. */
  sectionState(id: number, sectionId: string): Uint8Array | undefined {
    return this.#options.versions.sectionState(id, sectionId);
  }

  /**
   * Restores the whole report to a version: first its outline (parts and sections in its order,
   * with its titles, allocations and guidance; its archived sections put back; live sections it
   * did not have archived, never deleted) as one change of the outline store, each section it
   * touched marked in its history (kind `outline`); then every section of the outline whose
   * content differs from the version's, each as a new live edit of kind `restore`; the budget
   * settings the version kept (target range, footnote rule, allocations, timetable) when they
   * differ from today's, and the document settings it captured (symbol, title, masthead lines:
   * stored and pushed to everyone like an editor's change; `documentSettingsChange` says what
   * changed, for the audit log).
   */
  async restore(
    id: number,
    by: { id: number | null; username: string; displayName?: string },
  ): Promise<VersionRestoreAnswer & { documentSettingsChange: DocumentSettingsRestore | null }> {
    const { budgets, outline, versions } = this.#options;
    const details = versions.details(id);
    const structure = await this.#restoreOutline(id, by);
    const restored = await this.#restoreSections(id, by.id);
    const saved = (details?.settings as { budget?: SavedBudgetSettings } | undefined)?.budget;
    let settings = false;
    if (saved && JSON.stringify(saved) !== JSON.stringify(budgetSettingsJSON(budgets.settings()))) {
      budgets.restore(saved, by.username);
      settings = true;
    }
    const target = details && versionOutline(details.outline, outline.state());
    const outlineDiffers =
      details !== undefined && (!target || outlineDiffersFrom(outline.state(), target));
    const documentSettingsChange = this.#restoreDocumentSettings(id, by.username);
    return {
      restored,
      settings,
      documentSettings: documentSettingsChange !== null,
      outlineDiffers,
      outline: structure,
      documentSettingsChange,
    };
  }

  /**
   * Puts back the outline of version `id` (one change of the outline store, none when it is the
   * same) and marks the sections it archived, restored or changed in their history.
   */
  async #restoreOutline(
    id: number,
    by: { id: number | null; username: string; displayName?: string },
  ): Promise<OutlineRestore> {
    const { outline, versions } = this.#options;
    const details = versions.details(id);
    const none: OutlineRestore = { archived: [], restored: [], changed: [], moved: false };
    const target = details && versionOutline(details.outline, outline.state());
    if (!details || !target) return none;
    const at = new Date(this.#options.now?.() ?? Date.now()).toISOString();
    const who = by.displayName ?? by.username;
    const [, preview] = restoreOutline(outline.state(), target, who, at);
    const archivesChange = preview.archived.length > 0 || preview.restored.length > 0;
    if (!archivesChange && !outlineDiffersFrom(outline.state(), target)) return none;
    // Synchronous: nothing changes the outline between the check and the change.
    const result = outline.change((state) => restoreOutline(state, target, who, at));
    const name = `“${versions.get(id)?.name ?? id}”`;
    const labels: [string[], string][] = [
      [result.archived, `Archived: not in the outline of version ${name}`],
      [result.restored, `Restored to the outline with version ${name}`],
      [result.changed, `Title, place or allocation put back to version ${name}`],
    ];
    const deps = { ...this.#options, collab: this.#options.collab() };
    for (const [ids, label] of labels) {
      for (const sectionId of ids) await recordOutlineChange(deps, sectionId, label, by.id);
    }
    return result;
  }

  /**
   * Puts back the document settings and the emblem version `id` captured where they differ from
   * today's.
   */
  #restoreDocumentSettings(id: number, username: string): DocumentSettingsRestore | null {
    const store = this.#options.documentSettings;
    const captured = this.#options.versions.documentSettings(id);
    if (!captured) return null;
    const emblem = this.#emblem(id);
    const currentEmblem = store.emblem();
    let emblemChange: DocumentSettingsRestore["emblem"];
    if (emblem !== undefined && !sameEmblem(emblem, currentEmblem)) {
      store.setEmblem(emblem, username);
      emblemChange = emblem ? "restored" : "removed";
    }
    const current = store.view().settings;
    const target = settingsOver(current, captured);
    const from: Record<string, unknown> = {};
    const to: Record<string, unknown> = {};
    for (const key of Object.keys(current) as (keyof DocumentSettings)[]) {
      if (JSON.stringify(current[key]) === JSON.stringify(target[key])) continue;
      from[key] = current[key];
      to[key] = target[key];
    }
    if (Object.keys(to).length > 0) store.update(to as Partial<DocumentSettings>, username);
    else if (!emblemChange) return null;
    return { from, to, ...(emblemChange ? { emblem: emblemChange } : {}) };
  }

  async #restoreSections(id: number, userId: number | null): Promise<string[]> {
    const { outline, collab, store, sectionHistory } = this.#options;
    const restored: string[] = [];
    for (const section of outline.current().sections) {
      const target = this.sectionDoc(id, section.id);
      const current = await readSectionDoc(collab(), store, section.id);
      if (JSON.stringify(current) === JSON.stringify(target)) continue;
      const state = this.sectionState(id, section.id) ?? Y.encodeStateAsUpdate(new Y.Doc());
      await sectionHistory.restore(section.id, state, userId);
      restored.push(section.id);
    }
    return restored;
  }

  async #current(sectionId: string): Promise<VersionSection> {
    const collab = this.#options.collab();
    const stored = await this.#options.store.load(sectionId);
    if (collab.documentNames.includes(sectionId)) {
      const document = await collab.loadDocument(sectionId).catch(() => null);
      if (document && !document.retired) {
        return { sectionId, state: Y.encodeStateAsUpdate(document.ydoc), seq: stored.lastSeq };
      }
    }
    const ydoc = new Y.Doc();
    try {
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(ydoc, update);
        } catch {
          // Left out, as when the section loads.
        }
      }
      return { sectionId, state: Y.encodeStateAsUpdate(ydoc), seq: stored.lastSeq };
    } finally {
      ydoc.destroy();
    }
  }
}

/**
 * The settings in force with the fields a version captured put over them: only the fields of
 * today's settings, each only when the captured value has the same type (a field added since
 * the version was made keeps today's value).
 */
function settingsOver(
  current: DocumentSettings,
  captured: Record<string, unknown>,
): DocumentSettings {
  const settings: Record<string, unknown> = { ...current };
  for (const key of Object.keys(current)) {
    const value = captured[key];
    const known = current[key as keyof DocumentSettings];
    if (value === undefined) continue;
    if (
      typeof value === typeof known ||
      (key === "issueDate" && (value === null || typeof value === "string"))
    )
      settings[key] = value;
  }
  return settings as unknown as DocumentSettings;
}

function sameEmblem(a: EmblemImage | null, b: EmblemImage | null): boolean {
  if (!a || !b) return a === b;
  return Buffer.from(a.data).equals(Buffer.from(b.data));
}
