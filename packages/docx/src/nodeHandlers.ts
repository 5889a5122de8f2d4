import {
  citationKey,
  type DocJSON,
  isReportLink,
  isUnLanguage,
  type ReportNodeName,
  type UnLanguage,
} from "@rapporteur/schema";
import {
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  ExternalHyperlink,
  FootnoteReference,
  FootnoteReferenceRun,
  HeadingLevel,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ConversionContext, PendingComment } from "./conversionContext";
import { describedTable } from "./describedTable";
import { BODY_NUMBERING_INSTANCE, NUMBERING } from "./documentNumbering";
import { STYLE } from "./documentStyles";
import { DocxExportError } from "./docxExportError";
import { blockLanguage, languageRunOptions } from "./languageRuns";
import { moveParagraphMarks } from "./paragraphMarks";
import { bookmarked, MISSING_REFERENCE, referenceField } from "./referenceField";
import { tableSummary } from "./tableSummary";
import {
  trackedBodyNumbering,
  trackedParagraphMark,
  trackedRow,
  trackedRuns,
  trackedTextRun,
} from "./trackedChanges";

/**
 * Where a node sits: decides paragraph style and whether body numbering applies (`front`: the
 * Summary before the contents, boxed and unnumbered).
 */
export type Placement = "body" | "front" | "list" | "quote" | "cell" | "note" | "box";

/** What a handler may return: blocks, table parts, or runs inside a paragraph. */
export type Converted = Paragraph | Table | TableRow | TableCell | ParagraphChild;

/** The position of the node being converted, passed down from parent to children. */
export interface Scope {
  ctx: ConversionContext;
  /** Section id, named in error messages. */
  section: string;
  placement: Placement;
  /** Numbering of the list item whose first paragraph is being converted. */
  itemNumbering?: { reference: string; instance: number; level: number };
  /** Indent of the paragraphs after the first in a list item. */
  itemIndent?: number;
  orderedDepth: number;
  orderedInstance?: number;
  bulletDepth: number;
  /** Inside a table header cell. */
  header?: boolean;
  /** Comments of the section still looking for their quoted text. */
  comments: PendingComment[];
  /** Language of the textblock being converted: set by hand or detected from its script. */
  lang?: UnLanguage | null;
}

/** Converts one node and its children. */
export type NodeHandler = (node: DocJSON, scope: Scope) => Converted[];

/**
 * One handler per node type of the report schema. A node type missing here fails the export
 * loudly rather than dropping content.
 */
export const nodeHandlers: Record<ReportNodeName, NodeHandler> = {
  doc: (node, scope) => blocks({ ...node, content: moveParagraphMarks(node.content ?? []) }, scope),

  paragraph(node, scope) {
    const lang = blockLanguage(node);
    const inner = inlines(node, { ...scope, lang });
    const target = anchored(node, "paragraph", scope);
    const children =
      target && inner.length > 0 ? bookmarked(target.bookmark, inner, scope.ctx) : inner;
    const bidi = lang === "ar" ? { bidirectional: true } : {};
    // A paragraph inserted or deleted whole in a compared report (cells and notes keep theirs).
    const mark =
      scope.placement === "cell" || scope.placement === "note"
        ? {}
        : trackedParagraphMark(node, scope.ctx);
    switch (scope.placement) {
      case "body":
        // An empty line in the editor must not use up a paragraph number.
        if (children.length === 0) return [];
        return [
          new Paragraph({
            style: STYLE.body,
            ...trackedBodyNumbering(
              node,
              STYLE.body,
              { reference: NUMBERING.paragraphs, level: 0, instance: BODY_NUMBERING_INSTANCE },
              scope.ctx,
            ),
            ...mark,
            ...bidi,
            children,
          }),
        ];
      case "list":
        return [
          new Paragraph({
            style: STYLE.body,
            ...(scope.itemNumbering
              ? { numbering: scope.itemNumbering }
              : scope.itemIndent !== undefined
                ? { indent: { left: scope.itemIndent } }
                : {}),
            ...mark,
            ...bidi,
            children,
          }),
        ];
      case "front":
        if (children.length === 0) return [];
        return [new Paragraph({ style: STYLE.summary, ...mark, children })];
      case "quote":
        return [new Paragraph({ style: STYLE.quote, ...mark, ...bidi, children })];
      case "box":
        return [new Paragraph({ style: STYLE.boxText, ...mark, ...bidi, children })];
      case "cell":
        return [new Paragraph({ style: STYLE.tableText, ...bidi, children })];
      case "note":
        return [new Paragraph({ style: "FootnoteText", ...bidi, children })];
    }
  },

  heading(node, parentScope) {
    const lang = blockLanguage(node);
    const scope = { ...parentScope, lang };
    const bidi = lang === "ar" ? { bidirectional: true } : {};
    if (scope.placement !== "body") {
      // Inside a list, quote or table a heading cannot take part in the outline: keep it bold.
      return [
        new Paragraph({
          style: styleFor(scope),
          ...(scope.placement === "cell" ? {} : trackedParagraphMark(node, scope.ctx)),
          ...bidi,
          children: boldened(node, scope),
        }),
      ];
    }
    const level = Number(node.attrs?.level) >= 4 ? 4 : 3;
    return [
      new Paragraph({
        heading: level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
        ...trackedParagraphMark(node, scope.ctx),
        ...bidi,
        children: inlines(node, scope),
      }),
    ];
  },

  blockquote: (node, scope) => blocks(node, { ...scope, placement: "quote" }),

  bulletList(node, scope) {
    const level = Math.min(scope.bulletDepth, 3);
    const { indent, step } = scope.ctx.metrics;
    return blocks(node, {
      ...scope,
      placement: "list",
      bulletDepth: scope.bulletDepth + 1,
      itemNumbering: { reference: NUMBERING.bullets, level, instance: 0 },
      itemIndent: indent + step * (level + 1),
    });
  },

  orderedList(node, scope) {
    const level = Math.min(scope.orderedDepth, 3);
    // A top-level ordered list starts a new instance so that it restarts at (a).
    const instance =
      scope.orderedInstance !== undefined && scope.orderedDepth > 0
        ? scope.orderedInstance
        : scope.ctx.newListInstance();
    return blocks(node, {
      ...scope,
      placement: "list",
      orderedDepth: scope.orderedDepth + 1,
      orderedInstance: instance,
      itemNumbering: { reference: NUMBERING.subparagraphs, level, instance },
      itemIndent: scope.ctx.metrics.indent,
    });
  },

  listItem(node, scope) {
    const out: Converted[] = [];
    (node.content ?? []).forEach((child, index) => {
      const childScope: Scope =
        index === 0 && child.type === "paragraph" ? scope : { ...scope, itemNumbering: undefined };
      out.push(...blocksOf([child], childScope));
    });
    return out;
  },

  table(node, scope) {
    const { indent, textWidth } = scope.ctx.metrics;
    const rows = (node.content ?? []).map((row) => {
      const converted = convertNode(row, { ...scope, placement: "cell" });
      const tableRow = converted[0];
      if (converted.length !== 1 || !(tableRow instanceof TableRow)) {
        throw misplaced(row, "a table row", scope);
      }
      return { node: row, row: tableRow };
    });
    if (rows.length === 0) return [];
    const columns = Math.max(
      1,
      ...rows.map(({ node: row }) =>
        (row.content ?? []).reduce((sum, cell) => sum + span(cell.attrs?.colspan), 0),
      ),
    );
    // The table fits the text block: indented from both margins as the body text is.
    const width = textWidth - 2 * indent;
    const rule = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
    const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
    const tableNumber = scope.ctx.nextNumber("table");
    const number = String(tableNumber);
    const target = anchored(node, "table", scope);
    const label = [new TextRun({ text: number })];
    return [
      new Paragraph({
        style: STYLE.caption,
        children: [
          new TextRun("Table "),
          ...(target ? bookmarked(target.bookmark, label, scope.ctx) : label),
        ],
      }),
      ...captionLine(node.attrs?.title, STYLE.captionTitle),
      describedTable(
        new Table({
          rows: rows.map((r) => r.row),
          width: { size: width, type: WidthType.DXA },
          columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)),
          indent: { size: indent, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
          // UN tables: rules above and below, a rule under the header row, no vertical lines.
          borders: {
            top: rule,
            bottom: rule,
            left: none,
            right: none,
            insideHorizontal: { ...rule, size: 2, color: "BFBFBF" },
            insideVertical: none,
          },
        }),
        tableSummary(node, tableNumber),
      ),
      ...captionLine(node.attrs?.source, STYLE.tableNote, "Source: "),
      ...captionLine(node.attrs?.note, STYLE.tableNote, "Note: "),
      // Space after the table, so that the next paragraph does not touch the rule.
      new Paragraph({
        spacing: { after: 120 },
        ...trackedParagraphMark(node, scope.ctx),
        children: [],
      }),
    ];
  },

  box(node, scope) {
    const { indent, textWidth } = scope.ctx.metrics;
    const width = textWidth - 2 * indent;
    const number = String(scope.ctx.nextNumber("box"));
    const target = anchored(node, "box", scope);
    const label = [new TextRun({ text: number, bold: true })];
    const heading = [
      new Paragraph({
        style: STYLE.boxTitle,
        children: [
          new TextRun({ text: "Box ", bold: true }),
          ...(target ? bookmarked(target.bookmark, label, scope.ctx) : label),
        ],
      }),
      ...captionLine(node.attrs?.title, STYLE.boxTitle),
    ];
    const content = blocks(node, { ...scope, placement: "box" });
    const rule = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
    return [
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({
                children: [...heading, ...content],
                margins: { top: 113, bottom: 113, left: 113, right: 113 },
              }),
            ],
          }),
        ],
        width: { size: width, type: WidthType.DXA },
        columnWidths: [width],
        indent: { size: indent, type: WidthType.DXA },
        layout: TableLayoutType.FIXED,
        borders: {
          top: rule,
          bottom: rule,
          left: rule,
          right: rule,
          insideHorizontal: rule,
          insideVertical: rule,
        },
      }),
      new Paragraph({ spacing: { after: 120 }, ...trackedParagraphMark(node, scope.ctx) }),
    ];
  },

  tableRow(node, scope) {
    const cells = (node.content ?? []).flatMap((cell) => convertNode(cell, scope));
    for (const cell of cells) {
      if (!(cell instanceof TableCell)) throw misplaced(node, "table cells", scope);
    }
    const isHeader =
      (node.content ?? []).length > 0 &&
      (node.content ?? []).every((cell) => cell.type === "tableHeader");
    return [
      new TableRow({
        children: cells as TableCell[],
        tableHeader: isHeader,
        cantSplit: true,
        ...trackedRow(node, scope.ctx),
      }),
    ];
  },

  tableHeader: (node, scope) => [tableCell(node, { ...scope, header: true })],
  tableCell: (node, scope) => [tableCell(node, { ...scope, header: false })],

  text(node, scope) {
    const marks = node.marks ?? [];
    for (const mark of marks) {
      if (!["bold", "italic", "link", "language", "insertion", "deletion"].includes(mark.type)) {
        throw new DocxExportError(
          `Cannot export mark "${mark.type}" in section "${scope.section}": the DOCX converter has no handler for it`,
        );
      }
    }
    const linked = marks.some((m) => m.type === "link" && isReportLink(linkHref(m)));
    const spanLanguage = marks.find((m) => m.type === "language")?.attrs?.lang;
    const run = {
      ...languageRunOptions(isUnLanguage(spanLanguage) ? spanLanguage : scope.lang),
      text: node.text ?? "",
      bold: marks.some((m) => m.type === "bold") || undefined,
      italics: marks.some((m) => m.type === "italic") || scope.header || undefined,
      style: linked ? "Hyperlink" : undefined,
    };
    return [trackedTextRun(node, run, scope.ctx) ?? new TextRun(run)];
  },

  hardBreak: (node, scope) => [
    trackedTextRun(node, { break: 1 }, scope.ctx) ?? new TextRun({ break: 1 }),
  ],

  footnote(node, scope) {
    if (scope.placement === "note") {
      throw misplaced(node, "the text of a footnote", scope);
    }
    const lang = blockLanguage(node) ?? scope.lang;
    const noteScope: Scope = { ...scope, placement: "note", comments: [], lang };
    const children = inlines(node, noteScope);
    // The number (inserted by docx before the first run) is followed by a tab to the text indent.
    const id = scope.ctx.addFootnote([
      new Paragraph({
        style: "FootnoteText",
        ...(lang === "ar" ? { bidirectional: true } : {}),
        children: [new TextRun({ children: [new Tab()] }), ...children],
      }),
    ]);
    // In Arabic text the mark is a right-to-left run, so it follows the last word on its left.
    const reference =
      scope.lang === "ar"
        ? new TextRun({
            style: "FootnoteReference",
            ...languageRunOptions("ar"),
            children: [new FootnoteReference(id)],
          })
        : new FootnoteReferenceRun(id);
    return trackedRuns(node, [reference], scope.ctx);
  },

  // A citation of an evidence source: a real footnote, numbered with the others, whose text is
  // the source's current reference.
  citation(node, scope) {
    if (scope.placement === "note") {
      throw misplaced(node, "the text of a footnote", scope);
    }
    const id = Number(node.attrs?.sourceId);
    const text = scope.ctx.citations[citationKey(node.attrs)] ?? [
      { text: `Source ${id} is missing from the evidence library.` },
    ];
    const note = scope.ctx.addFootnote([
      new Paragraph({
        style: "FootnoteText",
        children: [
          new TextRun({ children: [new Tab()] }),
          ...text.map((run) =>
            run.link && isReportLink(run.link)
              ? new ExternalHyperlink({
                  link: run.link,
                  children: [new TextRun({ text: run.text, style: "Hyperlink" })],
                })
              : new TextRun({ text: run.text, italics: run.italic || undefined }),
          ),
        ],
      }),
    ]);
    const reference =
      scope.lang === "ar"
        ? new TextRun({
            style: "FootnoteReference",
            ...languageRunOptions("ar"),
            children: [new FootnoteReference(note)],
          })
        : new FootnoteReferenceRun(note);
    return trackedRuns(node, [reference], scope.ctx);
  },

  crossRef(node, scope) {
    const target = scope.ctx.targets.get(String(node.attrs?.target ?? ""));
    const run = languageRunOptions(scope.lang);
    if (!target || target.kind !== node.attrs?.kind) {
      return trackedRuns(node, [new TextRun({ ...run, text: MISSING_REFERENCE })], scope.ctx);
    }
    return trackedRuns(node, referenceField(target, run), scope.ctx);
  },
};

/** Converts one node with the handler of its type; throws {@link DocxExportError} if none. */
export function convertNode(node: DocJSON, scope: Scope): Converted[] {
  const handlers: Partial<Record<string, NodeHandler>> = nodeHandlers;
  const handler = Object.hasOwn(handlers, node.type) ? handlers[node.type] : undefined;
  if (!handler) {
    throw new DocxExportError(
      `Cannot export node type "${node.type}" in section "${scope.section}": the DOCX converter has no handler for it`,
    );
  }
  return handler(node, scope);
}

/** Converts block children, refusing anything that is not a paragraph or a table. */
export function blocks(node: DocJSON, scope: Scope): (Paragraph | Table)[] {
  return blocksOf(node.content ?? [], scope);
}

function blocksOf(nodes: DocJSON[], scope: Scope): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const child of nodes) {
    for (const item of convertNode(child, scope)) {
      if (!(item instanceof Paragraph || item instanceof Table)) {
        throw misplaced(child, "a block position", scope);
      }
      out.push(item);
    }
  }
  return out;
}

type InlineItem = DocJSON | { comment: "start" | "end"; id: number };

/**
 * Converts the inline children of a textblock. Consecutive text with the same link becomes one
 * hyperlink; a comment whose quote occurs in the text is anchored on it.
 */
export function inlines(node: DocJSON, scope: Scope): ParagraphChild[] {
  const items = anchorComments(node.content ?? [], scope.comments);
  const out: ParagraphChild[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if ("comment" in item) {
      if (item.comment === "start") out.push(new CommentRangeStart(item.id));
      else {
        out.push(new CommentRangeEnd(item.id));
        out.push(new TextRun({ children: [new CommentReference(item.id)] }));
      }
      continue;
    }
    const href = item.type === "text" ? safeLink(item) : undefined;
    if (href) {
      const group: ParagraphChild[] = [];
      while (i < items.length) {
        const next = items[i]!;
        if ("comment" in next || next.type !== "text" || safeLink(next) !== href) break;
        group.push(...inlineOf(next, scope));
        i++;
      }
      i--;
      out.push(new ExternalHyperlink({ link: href, children: group }));
      continue;
    }
    out.push(...inlineOf(item, scope));
  }
  return out;
}

function inlineOf(node: DocJSON, scope: Scope): ParagraphChild[] {
  const converted = convertNode(node, scope);
  for (const item of converted) {
    if (
      item instanceof Paragraph ||
      item instanceof Table ||
      item instanceof TableRow ||
      item instanceof TableCell
    ) {
      throw misplaced(node, "a paragraph", scope);
    }
  }
  return converted as ParagraphChild[];
}

/** Splits text nodes around the first occurrence of each pending comment's quote. */
function anchorComments(content: DocJSON[], pending: PendingComment[]): InlineItem[] {
  let items: InlineItem[] = content;
  for (const comment of pending) {
    if (comment.placed || !comment.quote) continue;
    const text = items.map((item) => ("comment" in item ? "" : textOf(item))).join("");
    const start = text.indexOf(comment.quote);
    if (start < 0) continue;
    items = splitAt(items, start, { comment: "start", id: comment.id });
    items = splitAt(items, start + comment.quote.length, { comment: "end", id: comment.id });
    comment.placed = true;
  }
  return items;
}

/** Inserts `marker` at character `offset` of the items' text, splitting a text node if needed. */
function splitAt(items: InlineItem[], offset: number, marker: InlineItem): InlineItem[] {
  const out: InlineItem[] = [];
  let seen = 0;
  let inserted = false;
  for (const item of items) {
    const length = "comment" in item ? 0 : textOf(item).length;
    if (!inserted && !("comment" in item) && offset > seen && offset < seen + length) {
      const text = item.text ?? "";
      const cut = offset - seen;
      out.push({ ...item, text: text.slice(0, cut) }, marker, { ...item, text: text.slice(cut) });
      inserted = true;
    } else {
      if (!inserted && offset <= seen) {
        out.push(marker);
        inserted = true;
      }
      out.push(item);
    }
    seen += length;
  }
  if (!inserted) out.push(marker);
  return out;
}

/** Text a comment quote can match: the text nodes of a paragraph, not its footnotes. */
function textOf(node: DocJSON): string {
  return node.type === "text" ? (node.text ?? "") : "";
}

function linkHref(mark: { attrs?: Record<string, unknown> }): string {
  const href = mark.attrs?.href;
  return typeof href === "string" ? href : "";
}

function safeLink(node: DocJSON): string | undefined {
  const mark = node.marks?.find((m) => m.type === "link");
  const href = mark ? linkHref(mark) : "";
  return isReportLink(href) ? href : undefined;
}

function tableCell(node: DocJSON, scope: Scope): TableCell {
  const children = blocks(node, { ...scope, placement: "cell" });
  const colspan = span(node.attrs?.colspan);
  const rowspan = span(node.attrs?.rowspan);
  const rule = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({ style: STYLE.tableText })],
    ...(colspan > 1 ? { columnSpan: colspan } : {}),
    ...(rowspan > 1 ? { rowSpan: rowspan } : {}),
    margins: { left: 57, right: 57 },
    ...(scope.header ? { borders: { bottom: rule } } : {}),
  });
}

/** The cross-reference target a paragraph, table or box is, when something refers to it. */
function anchored(node: DocJSON, kind: string, scope: Scope) {
  const anchor = node.attrs?.anchor;
  if (typeof anchor !== "string") return undefined;
  const target = scope.ctx.targets.get(anchor);
  // A copied block keeps its anchor: only the first, the one numbering counts, is the target.
  if (target?.kind !== kind || target.section !== scope.section || target.placed) return undefined;
  target.placed = true;
  return target;
}

/** A caption line (a table's title, its source or note, a box's title); none when empty. */
function captionLine(value: unknown, style: string, prefix = ""): Paragraph[] {
  if (typeof value !== "string" || value.trim() === "") return [];
  return [new Paragraph({ style, children: [new TextRun(`${prefix}${value.trim()}`)] })];
}

function span(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 63) : 1;
}

function styleFor(scope: Scope): string {
  if (scope.placement === "cell") return STYLE.tableText;
  if (scope.placement === "quote") return STYLE.quote;
  if (scope.placement === "note") return "FootnoteText";
  if (scope.placement === "front") return STYLE.summary;
  return STYLE.body;
}

function boldened(node: DocJSON, scope: Scope): ParagraphChild[] {
  const content = (node.content ?? []).map((child) =>
    child.type === "text"
      ? {
          ...child,
          marks: [...(child.marks ?? []).filter((m) => m.type !== "bold"), { type: "bold" }],
        }
      : child,
  );
  return inlines({ ...node, content }, scope);
}

function misplaced(node: DocJSON, where: string, scope: Scope): DocxExportError {
  return new DocxExportError(
    `Cannot export node type "${node.type}" in ${where} (section "${scope.section}")`,
  );
}
