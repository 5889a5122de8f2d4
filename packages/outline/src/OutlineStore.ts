import type { Database } from "better-sqlite3";
import { type ArchivedSection, OutlineChangeError, type OutlineState } from "./OutlineState";
import type { Outline } from "./outlineSchema";

interface SectionRow {
  id: string;
  part: string;
  title: string;
  budget: number;
  guidance: string;
  archived_at: string | null;
  archived_by: string | null;
  merged_into: string | null;
}

/** What a change was: passed to listeners with the state after it. */
export interface OutlineChange {
  state: OutlineState;
  /** Sections whose text went elsewhere (split: to the new section; merge: to the target). */
  moved: { from: string; to: string }[];
  /** Sections this change archived. */
  archived: string[];
}

/**
 * The report's outline in its database (tables of storage migration 12), the one owner of the
 * structure: parts and sections in order, archived sections, a revision bumped by every change.
 * Seeded once, from `seed` (content/outline.yaml), when the tables are empty, keeping its ids;
 * afterwards the database is the truth. Every change is one SQLite transaction; listeners hear it
 * synchronously after it is stored.
 */
export class OutlineStore {
  #state: OutlineState;
  readonly #listeners = new Set<(change: OutlineChange) => void>();

  constructor(
    private readonly db: Database,
    seed: () => Outline,
  ) {
    const meta = db.prepare("SELECT report FROM outline_meta WHERE id = 1").get();
    if (!meta) {
      const outline = seed();
      db.transaction(() => {
        db.prepare("INSERT INTO outline_meta (id, report, revision) VALUES (1, ?, 0)").run(
          JSON.stringify(outline.report),
        );
        this.#write({ outline, archived: [], revision: 0 });
      })();
    }
    this.#state = this.#read();
  }

  /** The outline in force: parts and live sections in reading order. */
  current(): Outline {
    return this.#state.outline;
  }

  /** The outline, the archived sections and the revision. */
  state(): OutlineState {
    return this.#state;
  }

  /** The outline's revision (0 when seeded, +1 per change). */
  revision(): number {
    return this.#state.revision;
  }

  /** Archived sections, oldest archive first. */
  archived(): readonly ArchivedSection[] {
    return this.#state.archived;
  }

  /** Whether `id` is a live section of the outline. */
  has(id: string): boolean {
    return this.#state.outline.sections.some((s) => s.id === id);
  }

  /**
   * Applies `edit` to the current state in one transaction with `also` (other stores' writes of
   * the same change), bumps the revision and tells the listeners. With `expectedRevision` set and
   * different from the current one, refuses with `conflict` (`outline-conflict`) and changes
   * nothing. Returns what `edit` returned beside the new state.
   */
  change<T = undefined>(
    edit: (state: OutlineState) => [OutlineState, T] | OutlineState,
    options: {
      expectedRevision?: number;
      moved?: OutlineChange["moved"];
      also?: (state: OutlineState) => void;
    } = {},
  ): T {
    if (
      options.expectedRevision !== undefined &&
      options.expectedRevision !== this.#state.revision
    ) {
      throw new OutlineChangeError(
        "conflict",
        `The outline has changed since you loaded it (revision ${options.expectedRevision}, now ${this.#state.revision}): reload and try again`,
      );
    }
    const result = edit(this.#state);
    const [edited, value] = Array.isArray(result) ? result : [result, undefined as T];
    const next = { ...edited, revision: this.#state.revision + 1 };
    this.db.transaction(() => {
      this.#write(next);
      this.db
        .prepare("UPDATE outline_meta SET revision = ?, report = ? WHERE id = 1")
        .run(next.revision, JSON.stringify(next.outline.report));
      options.also?.(next);
    })();
    const before = new Set(this.#state.archived.map((s) => s.id));
    this.#state = next;
    const change: OutlineChange = {
      state: next,
      moved: options.moved ?? [],
      archived: next.archived.filter((s) => !before.has(s.id)).map((s) => s.id),
    };
    for (const listener of this.#listeners) listener(change);
    return value;
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: (change: OutlineChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #write(state: OutlineState): void {
    const { db } = this;
    db.prepare("DELETE FROM outline_parts").run();
    db.prepare("DELETE FROM outline_sections").run();
    const part = db.prepare(
      "INSERT INTO outline_parts (id, position, title, front_matter) VALUES (?, ?, ?, ?)",
    );
    state.outline.parts.forEach((p, i) => {
      part.run(p.id, i, p.title, p.frontMatter ? 1 : 0);
    });
    const section = db.prepare(
      `INSERT INTO outline_sections (id, part, position, title, budget, guidance, archived_at, archived_by, merged_into)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    state.outline.sections.forEach((s, i) => {
      section.run(s.id, s.part, i, s.title, s.budget, s.guidance, null, null, null);
    });
    state.archived.forEach((s, i) => {
      section.run(
        s.id,
        s.part,
        i,
        s.title,
        s.budget,
        s.guidance,
        s.archivedAt,
        s.archivedBy,
        s.mergedInto,
      );
    });
  }

  #read(): OutlineState {
    const { db } = this;
    const meta = db.prepare("SELECT report, revision FROM outline_meta WHERE id = 1").get() as {
      report: string;
      revision: number;
    };
    const parts = (
      db.prepare("SELECT id, title, front_matter FROM outline_parts ORDER BY position").all() as {
        id: string;
        title: string;
        front_matter: number;
      }[]
    ).map((p) => ({ id: p.id, title: p.title, ...(p.front_matter ? { frontMatter: true } : {}) }));
    const rows = db
      .prepare("SELECT * FROM outline_sections ORDER BY archived_at IS NOT NULL, position")
      .all() as SectionRow[];
    const plain = (r: SectionRow) => ({
      id: r.id,
      part: r.part,
      title: r.title,
      budget: r.budget,
      guidance: r.guidance,
    });
    return {
      outline: {
        report: JSON.parse(meta.report) as Outline["report"],
        parts,
        sections: rows.filter((r) => r.archived_at === null).map(plain),
      },
      archived: rows
        .filter((r) => r.archived_at !== null)
        .map((r) => ({
          ...plain(r),
          archivedAt: r.archived_at!,
          archivedBy: r.archived_by,
          mergedInto: r.merged_into,
        })),
      revision: meta.revision,
    };
  }
}
