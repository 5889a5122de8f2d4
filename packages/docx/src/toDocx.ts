import { chapterLabel, numberedOutline, referenceTargets, sectionLabel } from "@rapporteur/schema";
import { Document, HeadingLevel, Packer, Paragraph, type Table, TextRun } from "docx";
import { commentedTitle } from "./commentedTitle";
import { ConversionContext } from "./conversionContext";
import { documentNumbering } from "./documentNumbering";
import { documentStyles } from "./documentStyles";
import { DocxExportError } from "./docxExportError";
import type { DocxTemplate } from "./docxTemplate";
import type { DocxExportOptions, ExportComment, ExportReport } from "./exportReport";
import { frontMatter } from "./frontMatter";
import { layoutMetrics } from "./layoutMetrics";
import { masthead } from "./masthead";
import { mastheadLines } from "./mastheadLines";
import { convertNode } from "./nodeHandlers";
import { pageHeaders } from "./pageHeaders";
import { bookmarked } from "./referenceField";
import { type ContentsEntry, tableOfContents } from "./tableOfContents";

/**
 * Converts a report into a Word document in the UN parliamentary format: masthead, title,
 * contents, chapters I., II. with sections A., B., body paragraphs numbered through the whole
 * report by Word numbering, real footnotes, running heads with the symbol and page numbers.
 *
 * Pure: no I/O and no shared state; the document depends only on the arguments (apart from the
 * timestamps and relationship ids that docx generates). Throws {@link DocxExportError} when the
 * report holds a node type or mark the converter does not know, or a section in an unknown part.
 */
export async function toDocx(
  report: ExportReport,
  template: DocxTemplate,
  options: DocxExportOptions = {},
): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDocument(report, template, options));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function buildDocument(
  report: ExportReport,
  template: DocxTemplate,
  options: DocxExportOptions,
): Document {
  const variant = options.variant ?? "final";
  const metrics = layoutMetrics(template);
  const ctx = new ConversionContext(
    template,
    metrics,
    variant === "review" ? (options.comments ?? []) : [],
  );
  ctx.citations = report.citations ?? {};
  const partIds = new Set(report.parts.map((p) => p.id));
  for (const section of report.sections) {
    if (!partIds.has(section.part)) {
      throw new DocxExportError(`Section "${section.id}" names unknown part "${section.part}"`);
    }
  }

  numberTargets(report, ctx);
  const contents: ContentsEntry[] = [];
  const heading = (name: string, text: string) => bookmarked(name, [new TextRun(text)], ctx);
  const body: (Paragraph | Table)[] = [];
  const front: (Paragraph | Table)[] = [];
  let chapters = 0;
  for (const part of report.parts) {
    if (part.frontMatter) {
      for (const section of report.sections.filter((s) => s.part === part.id)) {
        front.push(...frontMatter(section, ctx, commentBody));
      }
      continue;
    }
    chapters += 1;
    const partIndex = chapters - 1;
    const chapterMark = `_Ref_ch${partIndex + 1}`;
    contents.push({
      level: 1,
      label: chapterLabel(partIndex + 1),
      title: part.title,
      bookmark: chapterMark,
    });
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: partIndex === 0,
        children: heading(chapterMark, part.title),
      }),
    );
    const sections = report.sections.filter((s) => s.part === part.id);
    sections.forEach((section, sectionIndex) => {
      const sectionMark = sectionBookmark(partIndex + 1, sectionIndex + 1);
      contents.push({
        level: 2,
        label: sectionLabel(sectionIndex + 1),
        title: section.title,
        bookmark: sectionMark,
      });
      const pending = ctx.openComments(section.id, commentBody);
      if (section.doc.type !== "doc") {
        throw new DocxExportError(
          `Section "${section.id}" must be a "doc" node, not "${section.doc.type}"`,
        );
      }
      const blocks = convertNode(section.doc, {
        ctx,
        section: section.id,
        placement: "body",
        orderedDepth: 0,
        bulletDepth: 0,
        comments: pending,
      }) as (Paragraph | Table)[];
      // Comments whose quote was not found are anchored on the section heading.
      const title = commentedTitle(pending, heading(sectionMark, section.title));
      body.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: title,
        }),
        ...blocks,
      );
    });
  }

  const lines = mastheadLines(report, template.masthead);
  const { headers, footers } = pageHeaders(report.symbol, template, variant, lines);
  return new Document({
    title: report.title,
    subject: report.symbol,
    creator: "Rapporteur",
    styles: documentStyles(template, metrics),
    numbering: documentNumbering(metrics),
    footnotes: ctx.footnotes,
    ...(ctx.comments.length > 0 ? { comments: { children: ctx.comments } } : {}),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: metrics.pageWidth, height: metrics.pageHeight },
            margin: metrics.margins,
          },
        },
        headers,
        footers,
        children: [
          ...masthead(report, template, metrics),
          ...front,
          ...tableOfContents(template.contentsTitle, contents, metrics.textWidth, front.length > 0),
          ...body,
        ],
      },
    ],
  });
}

/** Bookmark of the heading of section `sectionIndex` (from 1) of chapter `partIndex` (from 1). */
function sectionBookmark(partIndex: number, sectionIndex: number): string {
  return `_Ref_ch${partIndex}_s${sectionIndex}`;
}

/**
 * Numbers the cross-reference targets of the report (see numberedOutline and referenceTargets,
 * which the editor's numbers come from too) and names their bookmarks: sections keep their
 * heading's bookmark, anchored blocks get `_RefA1`, `_RefA2`, ...
 */
function numberTargets(report: ExportReport, ctx: ConversionContext): void {
  const numbered = numberedOutline(report.parts, report.sections);
  const bookmarks = new Map(
    numbered
      .filter((s) => !s.frontMatter)
      .map((s) => [s.id, sectionBookmark(s.chapter, s.index)] as const),
  );
  let anchors = 0;
  for (const [anchor, target] of referenceTargets(numbered)) {
    const bookmark = bookmarks.get(anchor) ?? `_RefA${++anchors}`;
    ctx.targets.set(anchor, { ...target, bookmark });
  }
}

function commentBody(thread: ExportComment): Paragraph[] {
  return [
    new Paragraph({ children: [new TextRun(thread.text)] }),
    ...(thread.replies ?? []).map(
      (reply) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${reply.author} (${reply.date.slice(0, 10)}): `, bold: true }),
            new TextRun(reply.text),
          ],
        }),
    ),
  ];
}
