import { type ICommentOptions, Paragraph, type Table, TextRun } from "docx";
import { commentedTitle } from "./commentedTitle";
import type { ConversionContext } from "./conversionContext";
import { STYLE } from "./documentStyles";
import { DocxExportError } from "./docxExportError";
import type { ExportComment, ExportReport } from "./exportReport";
import { convertNode } from "./nodeHandlers";

/**
 * A front-matter section (the Summary) as UN reports print it on the first page, before the
 * contents: its title centred over unnumbered text, all in one box. Its paragraphs take no
 * paragraph numbers, so the report's numbering starts at 1 in chapter I.
 */
export function frontMatter(
  section: ExportReport["sections"][number],
  ctx: ConversionContext,
  commentBody: (thread: ExportComment) => ICommentOptions["children"],
): (Paragraph | Table)[] {
  if (section.doc.type !== "doc") {
    throw new DocxExportError(
      `Section "${section.id}" must be a "doc" node, not "${section.doc.type}"`,
    );
  }
  const pending = ctx.openComments(section.id, commentBody);
  const blocks = convertNode(section.doc, {
    ctx,
    section: section.id,
    placement: "front",
    orderedDepth: 0,
    bulletDepth: 0,
    comments: pending,
  }) as (Paragraph | Table)[];
  const title = new Paragraph({
    style: STYLE.summaryTitle,
    keepNext: true,
    children: commentedTitle(pending, [new TextRun(section.title)]),
  });
  return [title, ...blocks];
}
