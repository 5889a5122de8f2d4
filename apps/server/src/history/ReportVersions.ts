import type { VersionRestoreAnswer } from "@rapporteur/api";
import { type BudgetStore, budgetSettingsJSON, type SavedBudgetSettings } from "@rapporteur/budget";
import { type Outline, outlineSchema } from "@rapporteur/outline";
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
import { type SectionHistory, stateToJSON } from "./SectionHistory";

/** Configuration of {@link ReportVersions}. */
export interface ReportVersionsOptions {
  versions: VersionStore;
  sectionHistory: SectionHistory;
  /** Assigned once the collaboration server exists. */
  collab(): CollabServer;
  store: DocumentStore;
  /** The outline in force (read at each use: it changes). */
  outline: { current(): Outline };
  budgets: BudgetStore;
  now?(): number;
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

  /** Keeps every section's content, the outline and the settings as version `name`. */
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
      settings: { budget: budgetSettingsJSON(budgets.settings()) },
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

  /** A section's content in a version (an empty section when the version does not hold it). */
  sectionDoc(id: number, sectionId: string): DocJSON {
    const state = this.#options.versions.sectionState(id, sectionId);
    return stateToJSON(state ?? Y.encodeStateAsUpdate(new Y.Doc()));
  }

  /**
   * The outline a version was made under (its exports print it), or undefined when the version
   * does not exist or kept no valid outline.
   */
  outline(id: number): Outline | undefined {
    const kept = this.#options.versions.details(id)?.outline;
    const parsed = outlineSchema.safeParse(kept);
    return parsed.success ? parsed.data : undefined;
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
   * Restores the whole report to a version: every section of the outline whose content differs
   * from the version's, each as a new live edit of kind `restore`, and the budget settings the
   * version kept (target range, footnote rule, allocations, timetable) when they differ from
   * today's. The outline itself comes from content/outline.yaml and is not rewritten: the answer
   * says whether the version's outline differs from the one in force.
   */
  async restore(
    id: number,
    by: { id: number | null; username: string },
  ): Promise<VersionRestoreAnswer> {
    const restored = await this.#restoreSections(id, by.id);
    const { budgets, outline, versions } = this.#options;
    const details = versions.details(id);
    const saved = (details?.settings as { budget?: SavedBudgetSettings } | undefined)?.budget;
    let settings = false;
    if (saved && JSON.stringify(saved) !== JSON.stringify(budgetSettingsJSON(budgets.settings()))) {
      budgets.restore(saved, by.username);
      settings = true;
    }
    const outlineDiffers =
      details !== undefined &&
      JSON.stringify(details.outline) !== JSON.stringify(outline.current());
    return { restored, settings, outlineDiffers };
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
