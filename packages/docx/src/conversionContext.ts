import type { CitationText, ReferenceTarget } from "@rapporteur/schema";
import type { ICommentOptions, Paragraph } from "docx";
import type { DocxTemplate } from "./docxTemplate";
import type { ExportComment } from "./exportReport";
import type { LayoutMetrics } from "./layoutMetrics";

/** A comment waiting for its anchor in the section being converted. */
export interface PendingComment {
  id: number;
  quote?: string;
  placed: boolean;
}

/** A cross-reference target of the report, with the bookmark that marks it in the document. */
export interface BookmarkedTarget extends ReferenceTarget {
  bookmark: string;
  /** Whether its bookmark is in the document already. */
  placed?: boolean;
}

/**
 * State shared by the node handlers while one report is converted: footnotes and comments are
 * collected here in document order, which is what numbers them.
 */
export class ConversionContext {
  /** Footnote bodies by id, for the `footnotes` option of the Document. */
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  /** Word comments, for the `comments` option of the Document. */
  readonly comments: ICommentOptions[] = [];
  /** Cross-reference targets by anchor (and section id), numbered before conversion. */
  readonly targets = new Map<string, BookmarkedTarget>();
  /** Footnote texts of cited evidence sources, by citation (citationKey). */
  citations: Record<string, CitationText> = {};
  private footnoteCount = 0;
  private bookmarkCount = 0;
  private readonly blockCounts = { table: 0, box: 0 };
  private listCount = 0;
  // Tracked-change ids, apart from the ids of bookmarks and comments.
  private revisionCount = 10_000;

  constructor(
    readonly template: DocxTemplate,
    readonly metrics: LayoutMetrics,
    private readonly threads: ExportComment[] = [],
  ) {}

  /** Registers a footnote; returns its id, which is also its number (1, 2, ... in order). */
  addFootnote(children: Paragraph[]): number {
    this.footnoteCount += 1;
    this.footnotes[this.footnoteCount] = { children };
    return this.footnoteCount;
  }

  /** The number of the next table or box (each numbered through the report). */
  nextNumber(kind: "table" | "box"): number {
    this.blockCounts[kind] += 1;
    return this.blockCounts[kind];
  }

  /** A fresh `w:id` for a bookmark (docx's Bookmark gives every bookmark the id 1). */
  nextBookmarkId(): number {
    this.bookmarkCount += 1;
    return this.bookmarkCount;
  }

  /** A fresh `w:id` for a tracked change (`w:ins`, `w:del`) of a compared report. */
  nextRevisionId(): number {
    this.revisionCount += 1;
    return this.revisionCount;
  }

  /** A fresh numbering instance, so that each ordered list restarts at (a). */
  newListInstance(): number {
    this.listCount += 1;
    return this.listCount;
  }

  /** The comment threads of a section, registered as Word comments (call once per section). */
  openComments(sectionId: string, body: (thread: ExportComment) => ICommentOptions["children"]) {
    const pending: PendingComment[] = [];
    for (const thread of this.threads) {
      if (thread.sectionId !== sectionId) continue;
      const id = this.comments.length;
      const date = new Date(thread.date);
      this.comments.push({
        id,
        author: thread.author,
        initials: initials(thread.author),
        ...(Number.isNaN(date.getTime()) ? {} : { date }),
        children: body(thread),
      });
      pending.push({ id, quote: thread.quote?.trim() || undefined, placed: false });
    }
    return pending;
  }
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => part[0]?.toUpperCase())
      .join("")
      .slice(0, 4) || "?"
  );
}
