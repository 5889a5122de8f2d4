import type { Element } from "@xmldom/xmldom";
import { DocxImportError } from "./docxImportError";
import { ImportWarnings } from "./importWarnings";
import type { Relationships } from "./relationships";
import type { WordNumbering } from "./wordNumbering";
import type { WordStyles } from "./wordStyles";

/** The notes of `word/footnotes.xml` or `word/endnotes.xml` by id, with that part's links. */
export interface NotePart {
  notes: Map<string, Element>;
  relationships: Relationships;
}

/** A Word field being read: its instruction, and whether its displayed result has started. */
export interface FieldFrame {
  instruction: string;
  phase: "instruction" | "result";
  /** Web address of a HYPERLINK field, applied to its result. */
  href?: string;
  /** A REF field of a Rapporteur export: a cross-reference, its shown number left out. */
  crossRef?: { kind: "paragraph" | "table" | "box"; target: string };
}

/** State shared while one document is converted: styles, lists, notes, warnings. */
export class ImportContext {
  readonly warnings = new ImportWarnings();
  /** Titles of the section headings of a Rapporteur export, in order. */
  readonly sectionTitles: string[] = [];
  /** Notes already placed (`footnote:3`): a note is imported once, whatever refers to it. */
  readonly usedNotes = new Set<string>();
  /**
   * What each cross-reference bookmark of a Rapporteur export (`_RefA1`) marks, by the style of
   * its paragraph: a table's caption, a box's title, or a numbered paragraph.
   */
  readonly bookmarkKinds = new Map<string, "paragraph" | "table" | "box">();
  private cells = 0;

  constructor(
    readonly styles: WordStyles,
    readonly numbering: WordNumbering,
    readonly footnotes: NotePart,
    readonly endnotes: NotePart,
    /** The file is a Rapporteur export: its front matter and part/section headings are generated. */
    readonly rapporteurExport: boolean,
    /** Lists used below their first level somewhere: never body paragraph numbering. */
    readonly nestedNumIds: ReadonlySet<string>,
  ) {}

  /**
   * Counts table cells made (merged cells are split and short rows padded, so a small file could
   * otherwise ask for millions); refuses the file past {@link MAX_TABLE_CELLS}.
   */
  countCells(n: number): void {
    this.cells += n;
    if (this.cells > MAX_TABLE_CELLS) {
      throw new DocxImportError(
        "too_large",
        `The Word file was refused: its tables hold more than ${MAX_TABLE_CELLS.toLocaleString("en")} cells.`,
      );
    }
  }
}

/** The bookmarks a Rapporteur export puts on the targets of cross-references. */
export const CROSS_REF_BOOKMARK = /^_RefA\d{1,9}$/;

/** Most table cells in one imported file (a 40,000-word report has about a thousand). */
export const MAX_TABLE_CELLS = 100_000;

/** Where inline content is being converted, passed from a paragraph down to its runs. */
export interface InlineScope {
  ctx: ImportContext;
  /** Relationships of the part being read (hyperlink targets). */
  relationships: Relationships;
  /** Fields open in the part being read. */
  fields: FieldFrame[];
  href?: string;
  /** Inside a footnote's text. */
  note: boolean;
  /** Inside the header row of a table, which the exporter sets in italics anyway. */
  header: boolean;
  depth: number;
}

/** Where blocks are being converted: the body or a table cell. */
export interface BlockScope {
  ctx: ImportContext;
  relationships: Relationships;
  fields: FieldFrame[];
  header: boolean;
  depth: number;
}

const MAX_DEPTH = 48;

/** One level deeper in the element tree; refuses absurd nesting (a stack-overflow attack). */
export function deeper<T extends { depth: number }>(scope: T, element: Element): T {
  if (scope.depth >= MAX_DEPTH) {
    throw new DocxImportError(
      "malformed_xml",
      `The Word file was refused: its elements are nested more than ${MAX_DEPTH} deep (at <${element.nodeName}>).`,
    );
  }
  return { ...scope, depth: scope.depth + 1 };
}
