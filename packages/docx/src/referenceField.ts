import { BookmarkEnd, BookmarkStart, type IRunOptions, type ParagraphChild, TextRun } from "docx";
import type { BookmarkedTarget, ConversionContext } from "./conversionContext";
import { fieldChar, fieldInstruction } from "./wordField";

/** The text a cross-reference shows when its target is gone: visible, and found by preflight. */
export const MISSING_REFERENCE = "[missing reference]";

// \r: the paragraph number of a numbered paragraph ("23"); \w: a heading's number in full
// context ("II.A"); none: the bookmarked text (the number of a table or box caption).
const SWITCHES: Record<BookmarkedTarget["kind"], string> = {
  paragraph: " \\r",
  section: " \\w",
  table: "",
  box: "",
};

/**
 * A Word `REF` field to a target's bookmark, showing its current number: Word and LibreOffice
 * recompute it, so "para. 23" follows paragraph 23 when paragraphs are added above it.
 */
export function referenceField(
  target: BookmarkedTarget,
  run: Partial<IRunOptions>,
): ParagraphChild[] {
  // The field code in one run, as Word writes it: pandoc splits the paragraph otherwise.
  return [
    new TextRun({
      ...run,
      children: [
        fieldChar("begin"),
        fieldInstruction(` REF ${target.bookmark}${SWITCHES[target.kind]} \\h `),
        fieldChar("separate"),
      ],
    }),
    new TextRun({ ...run, text: target.number }),
    new TextRun({ ...run, children: [fieldChar("end")] }),
  ];
}

/** Wraps `children` in a bookmark named `name`, with a fresh id. */
export function bookmarked(
  name: string,
  children: ParagraphChild[],
  ctx: ConversionContext,
): ParagraphChild[] {
  const id = ctx.nextBookmarkId();
  return [new BookmarkStart(name, id), ...children, new BookmarkEnd(id)];
}
