/** What can be left out or changed on import; each kind has one message, counted. */
export type WarningKind =
  | "rapporteurExport"
  | "severalSections"
  | "tableOfContents"
  | "headersFooters"
  | "image"
  | "chart"
  | "smartArt"
  | "shape"
  | "textBox"
  | "embeddedObject"
  | "equation"
  | "comment"
  | "insertion"
  | "deletion"
  | "field"
  | "pageBreak"
  | "sectionBreak"
  | "symbol"
  | "hiddenText"
  | "unsafeLink"
  | "internalLink"
  | "mergedCells"
  | "endnote"
  | "joinedNote"
  | "nestedNote"
  | "missingNote"
  | "repeatedNote"
  | "wideTable"
  | "embeddedDocument"
  | "bodyNumbering"
  | "unknownElement"
  | "emptyDocument";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const MESSAGES: Record<WarningKind, (n: number, detail: string) => string> = {
  rapporteurExport: () =>
    "This file was exported from Rapporteur: its masthead, title, contents, chapter and section headings, running heads and footers were left out (Rapporteur generates them on export).",
  severalSections: (_, detail) =>
    `The file holds ${detail}; all their content was imported into this one section.`,
  tableOfContents: () => "The table of contents was left out: Rapporteur generates it on export.",
  headersFooters: () =>
    "Page headers and footers were left out: Rapporteur sets its own on export.",
  image: (n) =>
    `${count(n, "image")} left out: a section holds text, lists, tables and footnotes only.`,
  chart: (n) => `${count(n, "chart")} left out: add the figures as a table instead.`,
  smartArt: (n) => `${count(n, "SmartArt diagram")} left out.`,
  shape: (n) => `${count(n, "drawing or shape", "drawings or shapes")} left out.`,
  textBox: (_, detail) => `A text box was left out with its text: "${detail}".`,
  embeddedObject: (n) => `${count(n, "embedded object")} (such as an Excel sheet) left out.`,
  equation: (n) => `${count(n, "equation")} left out.`,
  comment: (n) => `${count(n, "comment")} left out: add them again as comments in Rapporteur.`,
  insertion: (n) => `Tracked changes: ${count(n, "insertion")} accepted.`,
  deletion: (n) => `Tracked changes: ${count(n, "deletion")} dropped (accepted).`,
  field: (n) =>
    `${count(n, "field")} (page numbers, dates, cross-references) replaced by the text Word last displayed.`,
  pageBreak: (n) => `${count(n, "page or column break")} left out.`,
  sectionBreak: (n) => `${count(n, "section break")} left out (page layout is set on export).`,
  symbol: (n) => `${count(n, "inserted symbol")} (Insert > Symbol) left out.`,
  hiddenText: (n) => `${count(n, "piece")} of hidden text left out.`,
  unsafeLink: (_, detail) =>
    `The link to "${detail}" was kept as plain text: only http, https and mailto links are kept.`,
  internalLink: (n) => `${count(n, "link")} to places inside the document kept as plain text.`,
  mergedCells: (n) =>
    `Merged cells were split in ${count(n, "table")}: the text stays in the first of the cells.`,
  endnote: (n) => `${count(n, "endnote")} became footnotes.`,
  joinedNote: (n) =>
    `${count(n, "footnote")} with several paragraphs or line breaks became one paragraph.`,
  nestedNote: (n) => `${count(n, "note reference")} inside a note left out.`,
  missingNote: (n) => `${count(n, "note reference")} pointing to no note left out.`,
  repeatedNote: (n) => `${count(n, "repeated reference")} to a note already used left out.`,
  wideTable: (n) => `${count(n, "table")} wider than 63 columns (Word's limit) cut to 63 columns.`,
  embeddedDocument: (n) => `${count(n, "embedded document")} (altChunk) left out.`,
  bodyNumbering: (n) =>
    `${count(n, "numbered paragraph")} became body paragraphs: Rapporteur numbers body paragraphs itself on export.`,
  unknownElement: (n, detail) =>
    `${count(n, `Word element <${detail}>`, `Word elements <${detail}>`)} left out: Rapporteur cannot import them.`,
  emptyDocument: () => "The file holds no text to import.",
};

/**
 * Collects what the import left out or changed. The same kind (and detail) is reported once, with
 * a count, in the order first met.
 */
export class ImportWarnings {
  private readonly counts = new Map<string, { kind: WarningKind; detail: string; n: number }>();

  add(kind: WarningKind, detail = ""): void {
    const key = `${kind}\u0000${detail}`;
    const entry = this.counts.get(key);
    if (entry) entry.n += 1;
    else this.counts.set(key, { kind, detail, n: 1 });
  }

  messages(): string[] {
    return [...this.counts.values()].map(({ kind, detail, n }) => MESSAGES[kind](n, detail));
  }
}
