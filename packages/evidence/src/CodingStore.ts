import type { Database } from "better-sqlite3";
import { CodingError } from "./codingError";
import {
  type CodedExcerpt,
  type EvidenceCode,
  type ExcerptField,
  QUESTION_IDS,
  type QuestionId,
} from "./source";

/** What a new code is made of. */
export interface CodeInput {
  name: string;
  parent?: number | null;
  colour?: string;
  description?: string;
}

/** One row of the coded-excerpts export: one excerpt under one of its codes. */
export interface CodedExcerptRow {
  /** The code's path from the top: "Access / Rural". */
  codePath: string;
  sourceTitle: string;
  group: string | null;
  region: string | null;
  country: string | null;
  /** The question answered (q1..q8), empty for a source's text. */
  question: string;
  quote: string;
  by: string;
  at: string;
}

interface CodeRow {
  id: number;
  name: string;
  parent_id: number | null;
  colour: string;
  description: string;
  excerpts: number;
}

interface ExcerptRow {
  id: number;
  source_id: number;
  title: string;
  field: ExcerptField;
  start: number;
  end: number;
  quote: string;
  codes: string | null;
  by: string;
  at: string;
}

const COLOUR = /^#[0-9a-f]{6}$/i;
const DEFAULT_COLOUR = "#ffd54f";
const MAX_NAME = 120;
const MAX_DESCRIPTION = 2000;

function toCode(row: CodeRow): EvidenceCode {
  return {
    id: row.id,
    name: row.name,
    parent: row.parent_id,
    colour: row.colour,
    description: row.description,
    excerpts: row.excerpts,
  };
}

function toExcerpt(row: ExcerptRow): CodedExcerpt {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceTitle: row.title,
    field: row.field,
    start: row.start,
    end: row.end,
    quote: row.quote,
    codes: row.codes ? row.codes.split(",").map(Number) : [],
    by: row.by,
    at: row.at,
  };
}

function checkName(name: string): string {
  const trimmed = name.replace(/\s+/g, " ").trim();
  if (trimmed === "" || trimmed.length > MAX_NAME)
    throw new CodingError(
      "invalid",
      "invalid_code",
      `A code's name has 1 to ${MAX_NAME} characters`,
    );
  return trimmed;
}

function checkColour(colour: string): string {
  if (!COLOUR.test(colour))
    throw new CodingError(
      "invalid",
      "invalid_code",
      `A code's colour is #rrggbb, not "${colour.slice(0, 20)}"`,
    );
  return colour.toLowerCase();
}

function checkDescription(description: string): string {
  if (description.length > MAX_DESCRIPTION)
    throw new CodingError(
      "invalid",
      "invalid_code",
      `A code's description has at most ${MAX_DESCRIPTION} characters`,
    );
  return description.trim();
}

const EXCERPT_SELECT = `
  SELECT e.id, e.source_id, s.title, e.field, e.start, e."end", e.quote, e.by, e.at,
    (SELECT group_concat(code_id) FROM (SELECT code_id FROM evidence_excerpt_codes
       WHERE excerpt_id = e.id ORDER BY code_id)) AS codes
  FROM evidence_excerpts e JOIN evidence_sources s ON s.id = e.source_id`;

/**
 * The codebook and the coded excerpts of the evidence library (tables of storage migration 17):
 * nested codes with a colour and a description, and passages of a source's text or of one
 * answer, tagged with codes. Offsets are checked against the source; a code that still tags
 * excerpts is deleted only by merging them into another code.
 */
export class CodingStore {
  constructor(private readonly db: Database) {}

  /** Every code, by name within their parent (the caller nests them by `parent`). */
  codes(): EvidenceCode[] {
    const rows = this.db
      .prepare(
        `SELECT c.id, c.name, c.parent_id, c.colour, c.description,
           (SELECT count(*) FROM evidence_excerpt_codes x WHERE x.code_id = c.id) AS excerpts
         FROM evidence_codes c ORDER BY c.name COLLATE NOCASE, c.id`,
      )
      .all() as CodeRow[];
    return rows.map(toCode);
  }

  /** The code `id`, or null. */
  code(id: number): EvidenceCode | null {
    return this.codes().find((code) => code.id === id) ?? null;
  }

  private requireCode(id: number, what = "code"): EvidenceCode {
    const code = this.code(id);
    if (!code)
      throw new CodingError("not_found", "code_not_found", `No ${what} ${id} in the codebook`);
    return code;
  }

  /** `id` and every code nested under it, at any depth. */
  descendants(id: number): number[] {
    return this.db
      .prepare(
        `WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT c.id FROM evidence_codes c JOIN tree ON c.parent_id = tree.id)
           SELECT id FROM tree`,
      )
      .pluck()
      .all(id) as number[];
  }

  private checkUnique(name: string, parent: number | null, except: number | null): void {
    const clash = this.db
      .prepare(
        `SELECT id FROM evidence_codes WHERE name = ? COLLATE NOCASE AND parent_id IS ? AND id IS NOT ?`,
      )
      .get(name, parent, except);
    if (clash)
      throw new CodingError(
        "conflict",
        "code_exists",
        `A code named "${name}" already exists there`,
      );
  }

  /** Adds a code; refuses an empty name, a bad colour, an unknown parent or a sibling's name. */
  createCode(input: CodeInput): EvidenceCode {
    const name = checkName(input.name);
    const parent = input.parent ?? null;
    if (parent !== null) this.requireCode(parent, "parent code");
    const colour = checkColour(input.colour ?? DEFAULT_COLOUR);
    const description = checkDescription(input.description ?? "");
    this.checkUnique(name, parent, null);
    const id = Number(
      this.db
        .prepare(
          "INSERT INTO evidence_codes (name, parent_id, colour, description) VALUES (?, ?, ?, ?)",
        )
        .run(name, parent, colour, description).lastInsertRowid,
    );
    return this.requireCode(id);
  }

  /** Renames, moves (`parent`), recolours or redescribes a code; never under itself. */
  updateCode(id: number, patch: Partial<CodeInput>): EvidenceCode {
    const code = this.requireCode(id);
    const name = patch.name === undefined ? code.name : checkName(patch.name);
    const parent = patch.parent === undefined ? code.parent : patch.parent;
    if (parent !== null) {
      this.requireCode(parent, "parent code");
      if (this.descendants(id).includes(parent))
        throw new CodingError(
          "invalid",
          "code_cycle",
          "A code cannot be moved under itself or one of its own codes",
        );
    }
    const colour = patch.colour === undefined ? code.colour : checkColour(patch.colour);
    const description =
      patch.description === undefined ? code.description : checkDescription(patch.description);
    this.checkUnique(name, parent, id);
    this.db
      .prepare(
        "UPDATE evidence_codes SET name = ?, parent_id = ?, colour = ?, description = ? WHERE id = ?",
      )
      .run(name, parent, colour, description, id);
    return this.requireCode(id);
  }

  /**
   * Deletes a code; its sub-codes move up to its parent. A code that tags excerpts is refused
   * (conflict) unless `mergeInto` names another code, which then tags them instead.
   */
  deleteCode(id: number, mergeInto?: number): { merged: number } {
    const code = this.requireCode(id);
    if (mergeInto !== undefined) {
      if (mergeInto === id)
        throw new CodingError("invalid", "code_merge_self", "A code cannot be merged into itself");
      this.requireCode(mergeInto, "code to merge into");
    } else if (code.excerpts > 0) {
      throw new CodingError(
        "conflict",
        "code_in_use",
        `"${code.name}" tags ${code.excerpts} excerpt(s): merge it into another code to delete it`,
      );
    }
    return this.db.transaction(() => {
      let merged = 0;
      if (mergeInto !== undefined) {
        merged = this.db
          .prepare(
            "INSERT OR IGNORE INTO evidence_excerpt_codes (excerpt_id, code_id) SELECT excerpt_id, ? FROM evidence_excerpt_codes WHERE code_id = ?",
          )
          .run(mergeInto, id).changes;
        this.db.prepare("DELETE FROM evidence_excerpt_codes WHERE code_id = ?").run(id);
      }
      this.db
        .prepare("UPDATE evidence_codes SET parent_id = ? WHERE parent_id = ?")
        .run(code.parent, id);
      this.db.prepare("DELETE FROM evidence_codes WHERE id = ?").run(id);
      return { merged };
    })();
  }

  /**
   * Merges code `id` into code `into`, in one transaction: `into` tags every excerpt `id` tagged,
   * `id`'s sub-codes move under `into` (when `into` is one of them, it takes `id`'s place), and
   * `id` is deleted. Refuses merging a code into itself (400), an unknown code (404) and a
   * sub-code whose name `into` already has among its own (409).
   */
  mergeCode(id: number, into: number): { merged: number; moved: number; code: EvidenceCode } {
    const code = this.requireCode(id);
    if (into === id)
      throw new CodingError("invalid", "code_merge_self", "A code cannot be merged into itself");
    const target = this.requireCode(into, "code to merge into");
    const children = this.codes().filter((c) => c.parent === id && c.id !== into);
    const targetParent = target.parent === id ? code.parent : target.parent;
    const siblings = this.codes().filter((c) => c.parent === into);
    for (const child of children) {
      const twin = siblings.find((c) => c.name.toLowerCase() === child.name.toLowerCase());
      if (twin)
        throw new CodingError(
          "conflict",
          "code_exists",
          `"${code.name}" and "${target.name}" both have a code named "${child.name}": merge or rename one of them first`,
        );
    }
    if (targetParent !== target.parent) this.checkUnique(target.name, targetParent, target.id);
    return this.db.transaction(() => {
      const merged = this.db
        .prepare(
          "INSERT OR IGNORE INTO evidence_excerpt_codes (excerpt_id, code_id) SELECT excerpt_id, ? FROM evidence_excerpt_codes WHERE code_id = ?",
        )
        .run(into, id).changes;
      this.db.prepare("DELETE FROM evidence_excerpt_codes WHERE code_id = ?").run(id);
      if (targetParent !== target.parent)
        this.db
          .prepare("UPDATE evidence_codes SET parent_id = ? WHERE id = ?")
          .run(targetParent, into);
      const moved = this.db
        .prepare("UPDATE evidence_codes SET parent_id = ? WHERE parent_id = ? AND id != ?")
        .run(into, id, into).changes;
      this.db.prepare("DELETE FROM evidence_codes WHERE id = ?").run(id);
      return { merged, moved, code: this.requireCode(into) };
    })();
  }

  /**
   * Codes the passage `start`..`end` (UTF-16 offsets, end excluded) of a source's text or of one
   * of its answers; the quote is kept. Refuses offsets outside the text, an empty passage, an
   * unknown source, field or code.
   */
  addExcerpt(
    sourceId: number,
    field: string,
    start: number,
    end: number,
    codes: readonly number[],
    by: string,
  ): CodedExcerpt {
    const row = this.db
      .prepare("SELECT text, answers FROM evidence_sources WHERE id = ?")
      .get(sourceId) as { text: string; answers: string } | undefined;
    if (!row)
      throw new CodingError(
        "not_found",
        "source_not_found",
        `No source ${sourceId} in the evidence library`,
      );
    let text: string | undefined;
    if (field === "text") text = row.text;
    else if ((QUESTION_IDS as readonly string[]).includes(field))
      text = (JSON.parse(row.answers) as Partial<Record<QuestionId, string>>)[field as QuestionId];
    else
      throw new CodingError(
        "invalid",
        "invalid_excerpt",
        `The field is "text" or a question (q1 to q8), not "${field.slice(0, 20)}"`,
      );
    if (text === undefined || text === "")
      throw new CodingError(
        "invalid",
        "invalid_excerpt",
        `Source ${sourceId} has no ${field === "text" ? "text" : `answer to ${field}`}`,
      );
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end > text.length ||
      start >= end
    )
      throw new CodingError(
        "invalid",
        "invalid_excerpt",
        `The passage ${start}..${end} is not within the ${text.length} characters of ${field === "text" ? "the text" : `the answer to ${field}`} (start < end ≤ ${text.length})`,
      );
    const unique = [...new Set(codes)];
    if (unique.length === 0)
      throw new CodingError(
        "invalid",
        "invalid_excerpt",
        "An excerpt is tagged with at least one code",
      );
    for (const code of unique) this.requireCode(code);
    const quote = text.slice(start, end);
    const id = this.db.transaction(() => {
      const excerpt = Number(
        this.db
          .prepare(
            `INSERT INTO evidence_excerpts (source_id, field, start, "end", quote, by) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(sourceId, field, start, end, quote, by).lastInsertRowid,
      );
      const tag = this.db.prepare(
        "INSERT INTO evidence_excerpt_codes (excerpt_id, code_id) VALUES (?, ?)",
      );
      for (const code of unique) tag.run(excerpt, code);
      return excerpt;
    })();
    return this.excerpt(id) as CodedExcerpt;
  }

  /** The excerpt `id`, or null. */
  excerpt(id: number): CodedExcerpt | null {
    const row = this.db.prepare(`${EXCERPT_SELECT} WHERE e.id = ?`).get(id) as
      | ExcerptRow
      | undefined;
    return row ? toExcerpt(row) : null;
  }

  /** Deletes an excerpt (its codes stay in the codebook); the deleted one. */
  deleteExcerpt(id: number): CodedExcerpt {
    const excerpt = this.excerpt(id);
    if (!excerpt) throw new CodingError("not_found", "excerpt_not_found", `No excerpt ${id}`);
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM evidence_excerpt_codes WHERE excerpt_id = ?").run(id);
      this.db.prepare("DELETE FROM evidence_excerpts WHERE id = ?").run(id);
    })();
    return excerpt;
  }

  /** The excerpts of a source, in reading order. */
  excerptsOfSource(sourceId: number): CodedExcerpt[] {
    return (
      this.db
        .prepare(`${EXCERPT_SELECT} WHERE e.source_id = ? ORDER BY e.field, e.start, e.id`)
        .all(sourceId) as ExcerptRow[]
    ).map(toExcerpt);
  }

  /** The excerpts tagged with code `id` or any code nested under it, by source. */
  excerptsOfCode(id: number): CodedExcerpt[] {
    this.requireCode(id);
    const tree = this.descendants(id);
    return (
      this.db
        .prepare(
          `${EXCERPT_SELECT} WHERE e.id IN (SELECT excerpt_id FROM evidence_excerpt_codes
             WHERE code_id IN (${tree.map(() => "?").join(", ")}))
           ORDER BY e.source_id, e.field, e.start, e.id`,
        )
        .all(...tree) as ExcerptRow[]
    ).map(toExcerpt);
  }

  /** Every excerpt under each of its codes, by code path then source: the export's rows. */
  exportRows(): CodedExcerptRow[] {
    const codes = new Map(this.codes().map((code) => [code.id, code]));
    const pathOf = (id: number): string => {
      const names: string[] = [];
      const seen = new Set<number>();
      for (
        let code = codes.get(id);
        code && !seen.has(code.id);
        code = code.parent === null ? undefined : codes.get(code.parent)
      ) {
        seen.add(code.id);
        names.unshift(code.name);
      }
      return names.join(" / ");
    };
    const rows = this.db
      .prepare(
        `SELECT x.code_id, s.title, s.stakeholder_group, s.region, s.country, e.field, e.quote, e.by, e.at
         FROM evidence_excerpt_codes x JOIN evidence_excerpts e ON e.id = x.excerpt_id
           JOIN evidence_sources s ON s.id = e.source_id
         ORDER BY e.source_id, e.field, e.start, e.id`,
      )
      .all() as {
      code_id: number;
      title: string;
      stakeholder_group: string | null;
      region: string | null;
      country: string | null;
      field: string;
      quote: string;
      by: string;
      at: string;
    }[];
    return rows
      .map((row) => ({
        codePath: pathOf(row.code_id),
        sourceTitle: row.title,
        group: row.stakeholder_group,
        region: row.region,
        country: row.country,
        question: row.field === "text" ? "" : row.field,
        quote: row.quote,
        by: row.by,
        at: row.at,
      }))
      .sort((a, b) => a.codePath.localeCompare(b.codePath));
  }
}
