import type { DocxTemplate } from "./docxTemplate";

/** Page geometry of a template in twips (1/20 pt), the unit of WordprocessingML. */
export interface LayoutMetrics {
  pageWidth: number;
  pageHeight: number;
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
  /** Width between the margins. */
  textWidth: number;
  /** Indent of body text from both margins (UN "single text"). */
  indent: number;
  /** Half the indent: where headings put their number and sub-paragraphs their label. */
  step: number;
}

// Exact twips, as Word writes them (A4 is 11906 x 16838).
const PAGE_SIZES = { A4: [11906, 16838], Letter: [12240, 15840] } as const;

/** Converts a template's millimetres into the twips that the document parts use. */
export function layoutMetrics(template: DocxTemplate): LayoutMetrics {
  const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
  const [width, height] = PAGE_SIZES[template.page.size];
  const m = template.page.margins;
  const margins = {
    top: twips(m.top),
    bottom: twips(m.bottom),
    left: twips(m.left),
    right: twips(m.right),
    header: twips(m.header),
    footer: twips(m.footer),
  };
  const pageWidth = width;
  const textWidth = pageWidth - margins.left - margins.right;
  const indent = Math.min(twips(template.page.textIndent), Math.floor(textWidth / 4));
  return {
    pageWidth,
    pageHeight: height,
    margins,
    textWidth,
    indent,
    step: Math.round(indent / 2),
  };
}
