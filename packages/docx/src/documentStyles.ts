import { AlignmentType, BorderStyle, type IStylesOptions, LineRuleType } from "docx";
import { HEADING_NUMBERING_INSTANCE, NUMBERING } from "./documentNumbering";
import type { DocxTemplate } from "./docxTemplate";
import { EAST_ASIAN_FONT } from "./languageRuns";
import type { LayoutMetrics } from "./layoutMetrics";

/** Paragraph style ids used by the converter, beside Word's built-in Heading1-4 and FootnoteText. */
export const STYLE = {
  body: "SingleTxt",
  quote: "Quote",
  tableText: "TableText",
  masthead: "Masthead",
  title: "ReportTitle",
  contentsTitle: "ContentsTitle",
  toc1: "TOC1",
  toc2: "TOC2",
  header: "UNHeader",
  summary: "SummaryTxt",
  summaryTitle: "SummaryTitle",
  caption: "TableCaption",
  captionTitle: "TableTitle",
  tableNote: "TableNote",
  boxTitle: "BoxTitle",
  boxText: "BoxText",
} as const;

const boxSide = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 6 };
const summaryBox = { top: boxSide, bottom: boxSide, left: boxSide, right: boxSide };

/** Language of the text when the template names none: UN English. */
export const DEFAULT_LANGUAGE = "en-GB";

/** Half-points, the unit of `w:sz`. */
const size = (points: number) => Math.round(points * 2);

/** Styles of a UN parliamentary document: Times New Roman, justified single text, bold headings. */
export function documentStyles(template: DocxTemplate, metrics: LayoutMetrics): IStylesOptions {
  const { font } = template;
  const { indent, step, textWidth } = metrics;
  const subheadingsNumbered = template.subheadings === "numbered";
  // Exact line spacing (12 pt for 10 pt text) keeps the page as dense as UN documents are.
  const line = (points: number) => ({
    line: Math.round(points * 24),
    lineRule: LineRuleType.EXACT,
  });
  // Heading numbers live in the heading styles (Word's "link level to style"), so that the
  // paragraphs stay headings for every reader, pandoc included, and Word renumbers them itself.
  const numbered = (level: number) => ({
    numbering: {
      reference: NUMBERING.headings,
      level,
      instance: HEADING_NUMBERING_INSTANCE,
      custom: true,
    },
  });
  const headingParagraph = (before: number, after: number, points: number) => ({
    indent: { left: indent, hanging: step, right: indent },
    spacing: { before, after, ...line(points * 1.15) },
    keepNext: true,
    keepLines: true,
  });
  return {
    default: {
      document: {
        // Chinese takes an East Asian font; Arabic and Cyrillic are in the family's own ranges.
        run: {
          font: {
            ascii: font.family,
            hAnsi: font.family,
            cs: font.family,
            eastAsia: EAST_ASIAN_FONT,
          },
          size: size(font.body),
          sizeComplexScript: size(font.body),
          // The document's language (screen readers pick their voice by it; spelling checks too);
          // text in another UN language names its own (languageRuns).
          language: { value: template.language ?? DEFAULT_LANGUAGE },
        },
        paragraph: { spacing: { after: 0, ...line(font.body * 1.2) } },
      },
      heading1: {
        run: { font: font.family, size: size(font.chapter), bold: true, color: "000000" },
        paragraph: { ...headingParagraph(360, 240, font.chapter), ...numbered(0) },
      },
      heading2: {
        run: { font: font.family, size: size(font.section), bold: true, color: "000000" },
        paragraph: { ...headingParagraph(240, 120, font.section), ...numbered(1) },
      },
      heading3: {
        run: { font: font.family, size: size(font.subheading), bold: true, color: "000000" },
        paragraph: {
          ...headingParagraph(240, 120, font.subheading),
          ...(subheadingsNumbered ? numbered(2) : { indent: { left: indent, right: indent } }),
        },
      },
      heading4: {
        run: {
          font: font.family,
          size: size(font.subheading),
          bold: !subheadingsNumbered,
          italics: subheadingsNumbered,
          color: "000000",
        },
        paragraph: {
          ...headingParagraph(240, 120, font.subheading),
          ...(subheadingsNumbered ? numbered(3) : { indent: { left: indent, right: indent } }),
        },
      },
      footnoteText: {
        run: { font: font.family, size: size(font.footnote) },
        paragraph: {
          indent: { left: indent, hanging: step / 2, right: indent },
          spacing: { after: 0, ...line(font.footnote * 1.1) },
        },
      },
      footnoteReference: { run: { superScript: true } },
      hyperlink: { run: { color: "0000FF", underline: {} } },
    },
    paragraphStyles: [
      // Declared explicitly: readers such as pandoc ignore styles based on an undefined "Normal".
      { id: "Normal", name: "Normal", quickFormat: true },
      {
        id: STYLE.body,
        name: "Single Txt",
        basedOn: "Normal",
        quickFormat: true,
        paragraph: {
          indent: { left: indent, right: indent },
          alignment: AlignmentType.BOTH,
          spacing: { after: 120, ...line(font.body * 1.2) },
        },
      },
      {
        id: STYLE.quote,
        name: "Quote",
        basedOn: STYLE.body,
        paragraph: {
          indent: { left: indent + step * 2, right: indent + step },
          alignment: AlignmentType.LEFT,
        },
      },
      {
        // The Summary on page 1: unnumbered text in one box (Word and LibreOffice join the borders
        // of neighbouring paragraphs with the same borders and indents).
        id: STYLE.summary,
        name: "Summary Txt",
        basedOn: STYLE.body,
        paragraph: { border: summaryBox },
      },
      {
        id: STYLE.summaryTitle,
        name: "Summary Title",
        basedOn: STYLE.summary,
        run: { bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 } },
      },
      {
        id: STYLE.tableText,
        name: "Table Text",
        basedOn: "Normal",
        run: { size: size(font.table) },
        paragraph: { spacing: { before: 40, after: 40, ...line(font.table * 1.15) } },
      },
      // UN tables: "Table 1" and the title in bold above, at the text indent; source and notes
      // below in the footnote size.
      {
        id: STYLE.caption,
        name: "Table Caption",
        basedOn: "Normal",
        paragraph: {
          indent: { left: indent, right: indent },
          spacing: { before: 240 },
          keepNext: true,
        },
      },
      {
        id: STYLE.captionTitle,
        name: "Table Title",
        basedOn: STYLE.caption,
        run: { bold: true },
        paragraph: { spacing: { before: 0, after: 120 } },
      },
      {
        id: STYLE.tableNote,
        name: "Table Note",
        basedOn: "Normal",
        run: { size: size(font.footnote) },
        paragraph: { indent: { left: indent, right: indent }, spacing: { before: 60 } },
      },
      {
        id: STYLE.boxTitle,
        name: "Box Title",
        basedOn: "Normal",
        run: { bold: true },
        paragraph: { spacing: { after: 120 }, keepNext: true },
      },
      {
        id: STYLE.boxText,
        name: "Box Text",
        basedOn: "Normal",
        paragraph: { alignment: AlignmentType.BOTH, spacing: { after: 120 } },
      },
      {
        id: STYLE.masthead,
        name: "Masthead",
        basedOn: "Normal",
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.title,
        name: "Report Title",
        basedOn: "Normal",
        run: { size: size(font.title), bold: true },
        paragraph: {
          indent: { left: indent, right: indent },
          spacing: { before: 360, after: 240, ...line(font.title * 1.15) },
          keepNext: true,
        },
      },
      {
        id: STYLE.contentsTitle,
        name: "Contents Title",
        basedOn: "Normal",
        run: { size: size(font.chapter), bold: true },
        paragraph: {
          indent: { left: indent - step },
          spacing: { before: 240, after: 120 },
          rightTabStop: textWidth,
          keepNext: true,
        },
      },
      {
        id: STYLE.toc1,
        name: "toc 1",
        basedOn: "Normal",
        paragraph: {
          indent: { left: indent, hanging: step },
          spacing: { before: 60, after: 40 },
          rightTabStop: textWidth,
        },
      },
      {
        id: STYLE.toc2,
        name: "toc 2",
        basedOn: "Normal",
        paragraph: {
          indent: { left: indent + step, hanging: step },
          spacing: { after: 20 },
          rightTabStop: textWidth,
        },
      },
      {
        id: STYLE.header,
        name: "UN Header",
        basedOn: "Normal",
        run: { size: size(font.header), bold: true },
        paragraph: {
          border: { bottom: { style: "single", size: 4, color: "000000", space: 4 } },
        },
      },
    ],
  };
}
