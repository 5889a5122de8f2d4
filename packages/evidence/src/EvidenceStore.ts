import type { Database } from "better-sqlite3";
import type { CitableSource } from "./formatCitation";
import { normaliseStakeholderGroup } from "./normaliseStakeholderGroup";
import { ftsString, hasCjk, searchQuery } from "./searchQuery";
import {
  type EvidenceCoverage,
  QUESTION_IDS,
  type QuestionId,
  type Source,
  type SourceHit,
  type SourceInput,
  type SourceKind,
  type SourceMetadataPatch,
  type SourceSearchResult,
  type StakeholderGroup,
  type SubmissionAnswers,
} from "./source";

/** Filters of {@link EvidenceStore.search}, combined with "and"; values match case-insensitively. */
export interface EvidenceFilters {
  kind?: string;
  /** `q3` or `3`: submissions that answered it; with a query, the query is searched in that answer. */
  question?: string;
  group?: string;
  region?: string;
  country?: string;
  actionLine?: string;
  sdg?: string;
  tag?: string;
}

/** Who imported sources, and from which file. */
export interface ImportOrigin {
  filename: string | null;
  importedBy: string | null;
}

interface SourceRow {
  id: number;
  kind: SourceKind;
  contributor: Source["contributor"];
  ref: string | null;
  title: string;
  author: string | null;
  organisation: string | null;
  stakeholder_group: StakeholderGroup | null;
  country: string | null;
  region: string | null;
  language: string | null;
  date: string | null;
  symbol: string | null;
  url: string | null;
  action_lines: string;
  sdgs: string;
  tags: string;
  answers: string;
  extra: string;
  text: string;
  filename: string | null;
  imported_at: string;
  imported_by: string | null;
}

/** What the coverage figures read of a submission. */
type CoverageRow = Pick<SourceRow, "id" | "stakeholder_group" | "region"> & { facets: string };

const TRIGRAM_COLUMNS = ["title", "meta", "body", ...QUESTION_IDS] as const;
const MARK_START = "\u0002";
const MARK_END = "\u0003";
const EXCERPT_CHARS = 240;

function key(value: string): string {
  return value.toLowerCase().replace(/\s+/g, " ").replaceAll("|", " ").trim();
}

function facetsOf(source: SourceInput, cjk: boolean): string {
  const facets = [`kind=${source.kind}`];
  if (source.contributor) facets.push(`contributor=${source.contributor}`);
  if (source.group) facets.push(`group=${source.group}`);
  if (source.region) facets.push(`region=${key(source.region)}`);
  if (source.country) facets.push(`country=${key(source.country)}`);
  for (const id of QUESTION_IDS) if (source.answers[id]) facets.push(`q=${id}`);
  for (const line of source.actionLines) facets.push(`al=${key(line)}`);
  for (const sdg of source.sdgs) facets.push(`sdg=${sdg}`);
  for (const tag of source.tags) facets.push(`tag=${key(tag)}`);
  if (cjk) facets.push("cjk");
  return `|${facets.join("|")}|`;
}

/** The indexed text of a source: a submission's answers (without the questions), else its text. */
function bodyOf(source: SourceInput): string {
  const answers = QUESTION_IDS.flatMap((id) => source.answers[id] ?? []);
  return answers.length > 0 ? answers.join("\n\n") : source.text;
}

function metaOf(source: SourceInput): string {
  return [
    source.author,
    source.organisation,
    source.country,
    source.region,
    source.symbol,
    source.date,
    ...source.tags,
  ]
    .filter(Boolean)
    .join(" ");
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function excerptHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}

function questionOf(value: string): QuestionId | null {
  const id = `q${value.trim().toLowerCase().replace(/^q/, "")}`;
  return (QUESTION_IDS as readonly string[]).includes(id) ? (id as QuestionId) : null;
}

/**
 * The evidence library in the report's database (tables of storage migration 13): sources with
 * their metadata and text, a word index (FTS5, diacritics folded) and a trigram index for
 * Chinese, Japanese and Korean text, searched by substring.
 */
export class EvidenceStore {
  /** Metadata corrections since this store was opened (part of {@link version}). */
  #corrections = 0;

  constructor(private readonly db: Database) {}

  /** Stores `sources` in one transaction (all or none); their ids, in order. */
  insert(sources: readonly SourceInput[], origin: ImportOrigin): number[] {
    const insertSource = this.db.prepare(
      `INSERT INTO evidence_sources (kind, contributor, ref, title, author, organisation, stakeholder_group,
         country, region, language, date, symbol, url, action_lines, sdgs, tags, answers, extra, text,
         facets, filename, imported_by)
       VALUES (@kind, @contributor, @ref, @title, @author, @organisation, @group, @country, @region,
         @language, @date, @symbol, @url, @actionLines, @sdgs, @tags, @answers, @extra, @text, @facets,
         @filename, @importedBy)`,
    );
    const insertWords = this.db.prepare(
      "INSERT INTO evidence_fts (rowid, title, meta, body) VALUES (?, ?, ?, ?)",
    );
    const insertAnswers = this.db.prepare(
      `INSERT INTO evidence_answers (rowid, ${QUESTION_IDS.join(", ")}) VALUES (?, ${QUESTION_IDS.map(() => "?").join(", ")})`,
    );
    const insertTrigrams = this.db.prepare(
      `INSERT INTO evidence_trigram (rowid, ${TRIGRAM_COLUMNS.join(", ")}) VALUES (?, ${TRIGRAM_COLUMNS.map(() => "?").join(", ")})`,
    );
    return this.db.transaction(() =>
      sources.map((source) => {
        const meta = metaOf(source);
        const body = bodyOf(source);
        const answers = QUESTION_IDS.map((id) => source.answers[id] ?? "");
        const cjk = [source.title, meta, body].some(hasCjk);
        const id = Number(
          insertSource.run({
            ...source,
            actionLines: JSON.stringify(source.actionLines),
            sdgs: JSON.stringify(source.sdgs),
            tags: JSON.stringify(source.tags),
            answers: JSON.stringify(source.answers),
            extra: JSON.stringify(source.extra),
            facets: facetsOf(source, cjk),
            filename: origin.filename,
            importedBy: origin.importedBy,
          }).lastInsertRowid,
        );
        insertWords.run(id, source.title, meta, body);
        if (answers.some((answer) => answer !== "")) insertAnswers.run(id, ...answers);
        if (cjk) insertTrigrams.run(id, source.title, meta, body, ...answers);
        return id;
      }),
    )();
  }

  /**
   * Corrects the metadata of source `id` and its search index, in one transaction; its text and
   * answers stay as imported. Returns the source as it now is, or null when there is none.
   */
  update(id: number, patch: SourceMetadataPatch): Source | null {
    const current = this.get(id);
    if (!current) return null;
    const next: SourceInput = { ...current, ...patch };
    const meta = metaOf(next);
    const body = bodyOf(next);
    const answers = QUESTION_IDS.map((q) => next.answers[q] ?? "");
    const cjk = [next.title, meta, body].some(hasCjk);
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE evidence_sources SET title = @title, author = @author, organisation = @organisation,
             stakeholder_group = @group, country = @country, region = @region, language = @language,
             date = @date, symbol = @symbol, url = @url, action_lines = @actionLines, sdgs = @sdgs,
             tags = @tags, facets = @facets
           WHERE id = @id`,
        )
        .run({
          id,
          title: next.title,
          author: next.author,
          organisation: next.organisation,
          group: next.group,
          country: next.country,
          region: next.region,
          language: next.language,
          date: next.date,
          symbol: next.symbol,
          url: next.url,
          actionLines: JSON.stringify(next.actionLines),
          sdgs: JSON.stringify(next.sdgs),
          tags: JSON.stringify(next.tags),
          facets: facetsOf(next, cjk),
        });
      this.db.prepare("DELETE FROM evidence_fts WHERE rowid = ?").run(id);
      this.db
        .prepare("INSERT INTO evidence_fts (rowid, title, meta, body) VALUES (?, ?, ?, ?)")
        .run(id, next.title, meta, body);
      this.db.prepare("DELETE FROM evidence_trigram WHERE rowid = ?").run(id);
      if (cjk) {
        this.db
          .prepare(
            `INSERT INTO evidence_trigram (rowid, ${TRIGRAM_COLUMNS.join(", ")}) VALUES (?, ${TRIGRAM_COLUMNS.map(() => "?").join(", ")})`,
          )
          .run(id, next.title, meta, body, ...answers);
      }
    })();
    this.#corrections += 1;
    return this.get(id);
  }

  /** The source `id`, or null. */
  get(id: number): Source | null {
    const row = this.db.prepare("SELECT * FROM evidence_sources WHERE id = ?").get(id) as
      | SourceRow
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      contributor: row.contributor,
      ref: row.ref,
      title: row.title,
      author: row.author,
      organisation: row.organisation,
      group: row.stakeholder_group,
      country: row.country,
      region: row.region,
      language: row.language,
      date: row.date,
      symbol: row.symbol,
      url: row.url,
      actionLines: JSON.parse(row.action_lines),
      sdgs: JSON.parse(row.sdgs),
      tags: JSON.parse(row.tags),
      answers: JSON.parse(row.answers),
      extra: JSON.parse(row.extra),
      text: row.text,
      filename: row.filename,
      importedAt: row.imported_at,
      importedBy: row.imported_by,
    };
  }

  /**
   * What the footnotes of citations are made of, for every source, by id (without their text):
   * cheap to hand to an export worker.
   */
  citationSources(): Record<number, CitableSource> {
    const rows = this.db
      .prepare(
        "SELECT id, kind, title, author, organisation, date, symbol, url, extra, imported_at FROM evidence_sources",
      )
      .all() as Pick<
      SourceRow,
      | "id"
      | "kind"
      | "title"
      | "author"
      | "organisation"
      | "date"
      | "symbol"
      | "url"
      | "extra"
      | "imported_at"
    >[];
    const sources: Record<number, CitableSource> = {};
    for (const row of rows) {
      sources[row.id] = {
        kind: row.kind,
        title: row.title,
        author: row.author,
        organisation: row.organisation,
        date: row.date,
        symbol: row.symbol,
        url: row.url,
        extra: JSON.parse(row.extra),
        importedAt: row.imported_at,
      };
    }
    return sources;
  }

  /**
   * The coverage figures of the library for the set of source ids the report cites (ids of
   * sources that no longer exist are ignored): everything but the sections, which the caller
   * reads from the report.
   */
  coverage(cited: ReadonlySet<number>, uncitedLimit = 50): Omit<EvidenceCoverage, "sections"> {
    const submissions = this.db
      .prepare(
        "SELECT id, stakeholder_group, region, facets FROM evidence_sources WHERE kind = 'submission'",
      )
      .all() as CoverageRow[];
    const count = (counts: Record<string, { total: number; cited: number }>, key: string) => {
      counts[key] ??= { total: 0, cited: 0 };
      return counts[key];
    };
    const byGroup: Record<string, { total: number; cited: number }> = {};
    const byRegion: Record<string, { total: number; cited: number }> = {};
    const byQuestion = Object.fromEntries(
      QUESTION_IDS.map((id) => [id, { answered: 0, cited: 0 }]),
    ) as EvidenceCoverage["submissions"]["byQuestion"];
    let citedSubmissions = 0;
    for (const row of submissions) {
      const isCited = cited.has(row.id);
      if (isCited) citedSubmissions += 1;
      const add = (counts: { total: number; cited: number }) => {
        counts.total += 1;
        if (isCited) counts.cited += 1;
      };
      add(count(byGroup, row.stakeholder_group ?? "unspecified"));
      add(count(byRegion, row.region?.trim() || "unspecified"));
      for (const id of QUESTION_IDS) {
        if (!row.facets.includes(`|q=${id}|`)) continue;
        byQuestion[id].answered += 1;
        if (isCited) byQuestion[id].cited += 1;
      }
    }
    const all = this.db
      .prepare("SELECT id, title, kind FROM evidence_sources ORDER BY id")
      .all() as { id: number; title: string; kind: SourceKind }[];
    const uncited = all.filter((source) => !cited.has(source.id));
    return {
      submissions: {
        total: submissions.length,
        cited: citedSubmissions,
        byGroup,
        byRegion,
        byQuestion,
      },
      uncited: uncited.slice(0, uncitedLimit),
      uncitedTotal: uncited.length,
    };
  }

  /** Every submission's answers (questionnaire rows), by id: what the themes are read from. */
  submissionAnswers(): SubmissionAnswers[] {
    const rows = this.db
      .prepare(
        "SELECT id, title, stakeholder_group, answers, action_lines FROM evidence_sources WHERE kind = 'submission' ORDER BY id",
      )
      .all() as {
      id: number;
      title: string;
      stakeholder_group: StakeholderGroup | null;
      answers: string;
      action_lines: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      group: row.stakeholder_group,
      answers: JSON.parse(row.answers),
      actionLines: JSON.parse(row.action_lines),
    }));
  }

  /** A value that changes whenever sources are added, removed or corrected: a cache key. */
  version(): string {
    const row = this.db
      .prepare("SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM evidence_sources")
      .get() as { n: number; last: number };
    return `${row.n}:${row.last}:${this.#corrections}`;
  }

  /** How many sources the library holds. */
  count(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM evidence_sources").get() as { n: number }).n;
  }

  /**
   * Sources that match `q` (words, all of which must match, and "quoted phrases"; diacritics
   * folded; Chinese, Japanese and Korean terms found by substring) and every filter, best first,
   * at most `limit`; `total` counts every match. Each hit has the passage that matches, as HTML
   * with the matches in `<mark>`.
   */
  search(q: string, filters: EvidenceFilters = {}, limit = 20): SourceSearchResult {
    const terms = searchQuery(q);
    const question = filters.question ? questionOf(filters.question) : null;
    const where: string[] = [];
    const params: unknown[] = [];
    const facet = (name: string, value: string | undefined) => {
      if (value === undefined || value.trim() === "") return;
      where.push("instr(s.facets, ?) > 0");
      params.push(`|${name}=${key(value)}|`);
    };
    facet("kind", filters.kind);
    if (filters.group) facet("group", normaliseStakeholderGroup(filters.group) ?? filters.group);
    facet("region", filters.region);
    facet("country", filters.country);
    facet("al", filters.actionLine);
    facet("sdg", filters.sdg);
    facet("tag", filters.tag);
    if (filters.question) facet("q", question ?? filters.question);

    const scope = question ? `{${question}} : ` : "";
    const words = terms.filter((term) => !term.cjk).map((term) => ftsString(term.text));
    const cjk = terms.filter((term) => term.cjk);
    const trigrams = cjk
      .filter((term) => [...term.text].length >= 3)
      .map((term) => ftsString(term.text));
    const short = cjk.filter((term) => [...term.text].length < 3);
    // Only sources with CJK text are read (the facet comes first: the others' text is skipped).
    if (short.length > 0) where.push("instr(s.facets, '|cjk|') > 0");
    for (const term of short) {
      where.push(question ? "instr(json_extract(s.answers, ?), ?) > 0" : "instr(s.text, ?) > 0");
      if (question) params.push(`$.${question}`);
      params.push(term.text);
    }
    const snippet = (table: string) =>
      `snippet(${table}, -1, '${MARK_START}', '${MARK_END}', '…', 16)`;
    // The index whose matches are counted and ranked, and the one the excerpts come from.
    let match: { table: string; expr: string } | null = null;
    let excerptMatch: { table: string; expr: string } | null = null;
    if (words.length > 0) {
      const expr = `(${words.join(" AND ")})`;
      excerptMatch = { table: "evidence_fts", expr };
      match = question
        ? { table: "evidence_answers", expr: `{${question}} : ${expr}` }
        : excerptMatch;
      if (trigrams.length > 0) {
        where.push("s.id IN (SELECT rowid FROM evidence_trigram WHERE evidence_trigram MATCH ?)");
        params.push(`${scope}(${trigrams.join(" AND ")})`);
      }
    } else if (trigrams.length > 0) {
      match = { table: "evidence_trigram", expr: `${scope}(${trigrams.join(" AND ")})` };
      excerptMatch = match;
    }
    const from = match
      ? `${match.table} JOIN evidence_sources s ON s.id = ${match.table}.rowid`
      : "evidence_sources s";
    if (match) where.unshift(`${match.table} MATCH ?`);
    const all = match ? [match.expr, ...params] : params;
    const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    // One pass over the matches gives both the count and the best ids (a bare query is ranked
    // by FTS5 itself, without the join); only the page's hits are then read, with excerpts.
    const ranking =
      match && where.length === 1
        ? `SELECT rowid FROM ${match.table} WHERE ${match.table} MATCH ? ORDER BY rank`
        : `SELECT s.id FROM ${from} ${clause} ORDER BY ${match ? `${match.table}.rank` : "s.id"}`;
    const ranked = this.db
      .prepare(ranking)
      .pluck()
      .all(...all) as number[];
    const total = ranked.length;
    const page = ranked.slice(0, Math.max(0, Math.floor(limit)));
    let excerpt = `substr(s.text, 1, ${EXCERPT_CHARS})`;
    const selectParams: unknown[] = [];
    if (excerptMatch) excerpt = snippet(excerptMatch.table);
    else if (short[0]) {
      excerpt = `substr(s.text, max(1, instr(s.text, ?) - 80), ${EXCERPT_CHARS})`;
      selectParams.push(short[0].text);
    }
    const ids = page.map(() => "?").join(", ");
    const fetched =
      page.length === 0
        ? []
        : (this.db
            .prepare(
              `SELECT s.id, s.kind, s.title, s.stakeholder_group, s.region, s.country, ${excerpt} AS excerpt
               FROM ${
                 excerptMatch
                   ? `${excerptMatch.table} JOIN evidence_sources s ON s.id = ${excerptMatch.table}.rowid
                      WHERE ${excerptMatch.table} MATCH ? AND ${excerptMatch.table}.rowid IN (${ids})`
                   : `evidence_sources s WHERE s.id IN (${ids})`
               }`,
            )
            .all(...selectParams, ...(excerptMatch ? [excerptMatch.expr] : []), ...page) as {
            id: number;
            kind: SourceKind;
            title: string;
            stakeholder_group: StakeholderGroup | null;
            region: string | null;
            country: string | null;
            excerpt: string | null;
          }[]);
    const byId = new Map(fetched.map((row) => [row.id, row]));
    const rows = page.flatMap((id) => byId.get(id) ?? []);
    const items: SourceHit[] = rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      group: row.stakeholder_group,
      region: row.region,
      country: row.country,
      excerpt: row.excerpt ? excerptHtml(row.excerpt) : "",
    }));
    // A short CJK term has no snippet of its own: mark it in the excerpt.
    if (words.length === 0 && trigrams.length === 0 && short.length > 0) {
      for (const item of items) {
        for (const term of short)
          item.excerpt = item.excerpt.replaceAll(
            escapeHtml(term.text),
            `<mark>${escapeHtml(term.text)}</mark>`,
          );
      }
    }
    return { total, items };
  }
}
