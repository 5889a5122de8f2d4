import { InternalHyperlink, LeaderType, Paragraph, Tab, TabStopType, TextRun } from "docx";
import { STYLE } from "./documentStyles";
import { fieldChar, fieldInstruction } from "./wordField";

/** One line of the contents: a chapter (level 1) or a section (level 2). */
export interface ContentsEntry {
  level: 1 | 2;
  /** The printed number, e.g. "II." or "B.". */
  label: string;
  title: string;
  /** Bookmark on the heading, target of the link and of the page reference. */
  bookmark: string;
}

/**
 * The table of contents, written out line by line so that its entries show as soon as the file
 * is opened, in Word, LibreOffice and pandoc alike. Each line links to its heading, and its page
 * number is a PAGEREF field to the heading's bookmark: LibreOffice computes it on load, and Word
 * on opening (the field is marked dirty) or printing. `newPage`: the contents open page 2, after
 * a Summary that fills page 1, as in UN reports.
 */
export function tableOfContents(
  title: string,
  entries: ContentsEntry[],
  textWidth: number,
  newPage = false,
): Paragraph[] {
  const heading = new Paragraph({
    style: STYLE.contentsTitle,
    pageBreakBefore: newPage,
    children: [
      new TextRun(title),
      new TextRun({ children: [new Tab()] }),
      new TextRun({ text: "Page", italics: true, bold: false, size: 16 }),
    ],
  });
  const lines = entries.map(
    (entry) =>
      new Paragraph({
        style: entry.level === 1 ? STYLE.toc1 : STYLE.toc2,
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }],
        children: [
          new InternalHyperlink({
            anchor: entry.bookmark,
            children: [
              new TextRun({ text: entry.label }),
              new TextRun({ children: [new Tab()] }),
              new TextRun({ text: entry.title }),
              new TextRun({ children: [new Tab()] }),
            ],
          }),
          new TextRun({
            children: [
              fieldChar("begin", true),
              fieldInstruction(` PAGEREF ${entry.bookmark} \\h `),
              fieldChar("separate"),
              fieldChar("end"),
            ],
          }),
        ],
      }),
  );
  return [heading, ...lines];
}
