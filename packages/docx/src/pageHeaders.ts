import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import { STYLE } from "./documentStyles";
import type { DocxTemplate } from "./docxTemplate";

/** Headers and footers of one section of the Word document. */
export interface PageHeaders {
  headers: { default: Header; even: Header; first: Header };
  footers: { default: Footer; even: Footer; first: Footer };
}

/**
 * UN running heads: the symbol in the header and the page number in the footer, on the outer
 * side (right on odd pages, left on even ones); the first page carries the masthead instead.
 * The review copy adds its marking at the top of every page.
 */
export function pageHeaders(
  symbol: string,
  template: DocxTemplate,
  variant: "final" | "review",
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
      first: new Header({ children: marking().length > 0 ? marking() : [new Paragraph({})] }),
    },
    footers: {
      default: footer(AlignmentType.RIGHT),
      even: footer(AlignmentType.LEFT),
      first: new Footer({ children: [new Paragraph({})] }),
    },
  };
}
