import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from "docx";
import { STYLE } from "./documentStyles";
import type { DocxTemplate, MastheadLines } from "./docxTemplate";

/** Headers and footers of one section of the Word document. */
export interface PageHeaders {
  headers: { default: Header; even: Header; first: Header };
  footers: { default: Footer; even: Footer; first: Footer };
}

/**
 * UN running heads: the symbol in the header and the page number in the footer, on the outer
 * side (right on odd pages, left on even ones); the first page carries the masthead instead.
 * The review copy adds its marking at the top of every page. The first page's foot carries the
 * note of the agenda item's asterisk (the provisional agenda's symbol) and the GE job number;
 * its head, "Advance unedited version" when the settings ask for it.
 */
export function pageHeaders(
  symbol: string,
  template: DocxTemplate,
  variant: "final" | "review",
  first: Pick<MastheadLines, "agendaSymbol" | "jobNumber" | "advanceUnedited"> = {},
): PageHeaders {
  const half = template.font.header * 2;
  const marking = () =>
    variant === "review"
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
              new TextRun({
                text: template.reviewMarking,
                bold: true,
                color: "C00000",
                size: half,
              }),
            ],
          }),
        ]
      : [];
  const header = (alignment: "left" | "right") =>
    new Header({
      children: [
        ...marking(),
        new Paragraph({ style: STYLE.header, alignment, children: [new TextRun(symbol)] }),
      ],
    });
  const footer = (alignment: "left" | "right") =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          children: [new TextRun({ children: [PageNumber.CURRENT], bold: true, size: half })],
        }),
      ],
    });
  return {
    headers: {
      default: header(AlignmentType.RIGHT),
      even: header(AlignmentType.LEFT),
      first: new Header({
        children: [
          ...marking(),
          ...(first.advanceUnedited
            ? [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [new TextRun({ text: "Advance unedited version", bold: true })],
                }),
              ]
            : []),
          new Paragraph({}),
        ],
      }),
    },
    footers: {
      default: footer(AlignmentType.RIGHT),
      even: footer(AlignmentType.LEFT),
      first: new Footer({ children: firstFooter(first, half) }),
    },
  };
}

/** The agenda note under a short rule, then the job number, as on page 1 of UN documents. */
function firstFooter(
  { agendaSymbol, jobNumber }: Pick<MastheadLines, "agendaSymbol" | "jobNumber">,
  half: number,
): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 4 };
  return [
    ...(agendaSymbol
      ? [
          new Paragraph({
            style: "FootnoteText",
            border: { top: rule },
            indent: { right: 7200 },
            spacing: { before: 0, after: 0 },
            children: [],
          }),
          new Paragraph({
            style: "FootnoteText",
            tabStops: [{ type: TabStopType.LEFT, position: 280 }],
            spacing: { after: 160 },
            children: [new TextRun({ children: ["*", new Tab(), `${agendaSymbol}.`] })],
          }),
        ]
      : []),
    new Paragraph({
      children: jobNumber ? [new TextRun({ text: jobNumber, size: half })] : [],
    }),
  ];
}
