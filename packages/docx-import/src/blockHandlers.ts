import type { DocJSON } from "@rapporteur/schema";
import type { Element } from "@xmldom/xmldom";
import { assembleBlocks, type Block, CAPTION_STYLES, type CaptionStyle } from "./assembleBlocks";
import {
  type BlockScope,
  CROSS_REF_BOOKMARK,
  deeper,
  type ImportContext,
  type InlineScope,
} from "./importContext";
import type { WarningKind } from "./importWarnings";
import { alternate, convertInlines, trackFields, trimInlines } from "./inlineHandlers";
import { POSITION_MARKERS } from "./positionMarkers";
import {
  attribute,
  childElement,
  childElements,
  childValue,
  descendantElements,
  nameOf,
  toggle,
} from "./wordElement";
import { numberingOf } from "./wordStyles";

/** Converts one element of the document body or of a table cell. */
export type BlockHandler = (element: Element, scope: BlockScope) => Block[];

/** Word's own limit on the columns of a table. */
const MAX_COLUMNS = 63;

/** Paragraph styles of a Rapporteur export's front matter, generated again on export. */
const FRONT_MATTER_STYLES = new Set(["Masthead", "ReportTitle", "ContentsTitle", "UNHeader"]);
/** Style names (lower case) of block quotations: Word's, pandoc's, the exporter's. */
const QUOTE_STYLES = new Set(["quote", "intense quote", "block text", "quotations"]);

const MARKERS = new Set([
  ...POSITION_MARKERS,
  "w:tblPr",
  "w:tblGrid",
  "w:tblPrEx",
  "w:trPr",
  "w:tcPr",
]);

const warn =
  (kind: WarningKind): BlockHandler =>
  (_element, scope) => {
    scope.ctx.warnings.add(kind);
    return [];
  };

/** One handler per element that may appear in the body or in a table cell. */
export const blockHandlers: Record<string, BlockHandler> = {
  "w:p": paragraph,
  "w:tbl": table,
  "w:sdt"(element, scope) {
    const gallery = descendantElements(
      childElement(element, "w:sdtPr") ?? element,
      "w:docPartGallery",
    );
    if (gallery.some((g) => /table of contents/i.test(attribute(g, "w:val") ?? ""))) {
      scope.ctx.warnings.add(scope.ctx.rapporteurExport ? "rapporteurExport" : "tableOfContents");
      return [];
    }
    return convertBlocks(
      childElements(childElement(element, "w:sdtContent") ?? element),
      deeper(scope, element),
    );
  },
  "w:customXml": (element, scope) => convertBlocks(childElements(element), deeper(scope, element)),
  "w:ins"(element, scope) {
    scope.ctx.warnings.add("insertion");
    return convertBlocks(childElements(element), deeper(scope, element));
  },
  "w:moveTo"(element, scope) {
    scope.ctx.warnings.add("insertion");
    return convertBlocks(childElements(element), deeper(scope, element));
  },
  "w:del": warn("deletion"),
  "w:moveFrom": warn("deletion"),
  "w:sectPr"(element, scope) {
    sectionProperties(element, scope.ctx, false);
    return [];
  },
  "mc:AlternateContent": (element, scope) =>
    alternate(element, scope, (children) => convertBlocks(children, deeper(scope, element))),
  "w:altChunk": warn("embeddedDocument"),
  "m:oMathPara": warn("equation"),
};

/** Converts body or cell children to blocks (lists and quotes not grouped yet). */
export function convertBlocks(elements: Element[], scope: BlockScope): Block[] {
  const out: Block[] = [];
  for (const element of elements) {
    const name = nameOf(element);
    if (MARKERS.has(name)) continue;
    const handler = Object.hasOwn(blockHandlers, name) ? blockHandlers[name] : undefined;
    if (handler) out.push(...handler(element, scope));
    else scope.ctx.warnings.add("unknownElement", name);
  }
  return out;
}

function paragraph(element: Element, scope: BlockScope): Block[] {
  const { ctx } = scope;
  const pPr = childElement(element, "w:pPr");
  const styleId = childValue(pPr, "w:pStyle") ?? ctx.styles.defaultParagraph;
  const styles = ctx.styles.chain(styleId);
  const sectPr = childElement(pPr, "w:sectPr");
  if (sectPr) sectionProperties(sectPr, ctx, true);

  const leftOut = (kind: WarningKind): Block[] => {
    trackFields(element, scope.fields);
    ctx.warnings.add(kind);
    return [];
  };
  if (ctx.rapporteurExport && styles.some((s) => FRONT_MATTER_STYLES.has(s.id))) {
    return leftOut("rapporteurExport");
  }
  if (styles.some((s) => /^toc\s*\d$|^toc heading$/i.test(s.name) || /^TOC\d$/.test(s.id))) {
    return leftOut(ctx.rapporteurExport ? "rapporteurExport" : "tableOfContents");
  }

  const inlineScope: InlineScope = {
    ctx,
    relationships: scope.relationships,
    fields: scope.fields,
    note: false,
    header: scope.header,
    depth: scope.depth,
  };
  const content = trimInlines(convertInlines(childElements(element), inlineScope));

  // The target of cross-references: the bookmark name is the anchor.
  const anchor = ctx.rapporteurExport
    ? childElements(element)
        .filter((child) => nameOf(child) === "w:bookmarkStart")
        .map((child) => attribute(child, "w:name") ?? "")
        .find((name) => CROSS_REF_BOOKMARK.test(name))
    : undefined;
  const anchored = anchor ? { anchor } : {};
  if (ctx.rapporteurExport && isCaptionStyle(styleId)) {
    return [{ kind: "caption", style: styleId, text: plainText(content).trim(), ...anchored }];
  }
  const level = headingLevel(pPr, styleId, ctx);
  if (level === "part" || level === "section") {
    if (level === "section") ctx.sectionTitles.push(plainText(content));
    ctx.warnings.add("rapporteurExport");
    return [];
  }
  if (toggle(childElement(pPr, "w:pageBreakBefore"))) ctx.warnings.add("pageBreak");
  if (level !== undefined) return [{ kind: "heading", level, content }];

  const numbering = numberingOf(pPr) ?? ctx.styles.numbering(styleId);
  const ilvl = numberingOf(pPr)?.ilvl ?? numbering?.ilvl ?? 0;
  const list = numbering ? ctx.numbering.level(numbering.numId, ilvl) : undefined;
  if (numbering && list && list.format !== "none") {
    const isBodyNumbering =
      ilvl === 0 &&
      list.format === "decimal" &&
      !ctx.nestedNumIds.has(numbering.numId) &&
      (styleId === undefined ||
        styleId === "SingleTxt" ||
        styleId === ctx.styles.defaultParagraph ||
        styles[0]?.name === "normal");
    if (isBodyNumbering) {
      if (!ctx.rapporteurExport && content.length > 0) ctx.warnings.add("bodyNumbering");
      return [{ kind: "paragraph", content, ...anchored }];
    }
    return [
      {
        kind: "listItem",
        list: list.format === "bullet" ? "bulletList" : "orderedList",
        level: ilvl,
        numId: numbering.numId,
        start: list.start,
        content,
      },
    ];
  }
  if (styles.some((s) => QUOTE_STYLES.has(s.name))) return [{ kind: "quote", content }];
  const indent = Number(
    attribute(childElement(pPr, "w:ind"), "w:left") ??
      attribute(childElement(pPr, "w:ind"), "w:start") ??
      0,
  );
  if (indent > 0 || styles.some((s) => s.name.startsWith("list continue"))) {
    return [{ kind: "continuation", content }];
  }
  return [{ kind: "paragraph", content }];
}

/**
 * The sub-heading level of a paragraph. Word's outline levels (Heading 1 = 0) map to the two
 * levels a section has: Heading 1 and 2 (and Title) to 3, Heading 3 and below to 4. In a
 * Rapporteur export, Heading 1 and 2 are the chapter and section titles, and Heading 3 and 4
 * the section's own sub-headings.
 */
function headingLevel(
  pPr: Element | undefined,
  styleId: string | undefined,
  ctx: ImportContext,
): 3 | 4 | "part" | "section" | undefined {
  const direct = Number(childValue(pPr, "w:outlineLvl"));
  const outline =
    Number.isInteger(direct) && direct >= 0 && direct < 9
      ? direct
      : ctx.styles.headingLevel(styleId);
  if (outline === undefined) return undefined;
  if (outline === "title") return 3;
  if (ctx.rapporteurExport) {
    if (outline === 0) return "part";
    if (outline === 1) return "section";
    return outline === 2 ? 3 : 4;
  }
  return outline <= 1 ? 3 : 4;
}

function table(element: Element, scope: BlockScope): Block[] {
  const { ctx } = scope;
  const inner = deeper(scope, element);
  const firstParagraph = descendantElements(element, "w:p")[0];
  if (
    ctx.rapporteurExport &&
    firstParagraph &&
    childValue(childElement(firstParagraph, "w:pPr"), "w:pStyle") === "Masthead"
  ) {
    ctx.warnings.add("rapporteurExport");
    return [];
  }
  if (
    ctx.rapporteurExport &&
    firstParagraph &&
    childValue(childElement(firstParagraph, "w:pPr"), "w:pStyle") === "BoxTitle"
  ) {
    return [{ kind: "node", node: box(element, inner) }];
  }
  let merged = false;
  const rows: DocJSON[][] = [];
  for (const row of unwrapped(element, "w:tr")) {
    const trPr = childElement(row, "w:trPr");
    if (childElement(trPr, "w:del")) {
      ctx.warnings.add("deletion");
      continue;
    }
    if (childElement(trPr, "w:ins")) ctx.warnings.add("insertion");
    const header = rows.length === 0;
    const cells: DocJSON[] = [];
    const empty = () => {
      ctx.countCells(1);
      return cell(header, []);
    };
    const before = Number(childValue(trPr, "w:gridBefore") ?? 0);
    for (let i = 0; i < Math.min(before, MAX_COLUMNS); i++) cells.push(empty());
    for (const tc of unwrapped(row, "w:tc")) {
      const tcPr = childElement(tc, "w:tcPr");
      const span = Math.min(Math.max(1, Number(childValue(tcPr, "w:gridSpan") ?? 1) || 1), 63);
      if (span > 1 || childElement(tcPr, "w:vMerge") || childElement(tcPr, "w:hMerge")) {
        merged = true;
      }
      const blocks = convertBlocks(childElements(tc), { ...inner, header });
      ctx.countCells(1);
      cells.push(cell(header, assembleBlocks(blocks)));
      for (let i = 1; i < span; i++) cells.push(empty());
    }
    const after = Number(childValue(trPr, "w:gridAfter") ?? 0);
    for (let i = 0; i < Math.min(after, MAX_COLUMNS); i++) cells.push(empty());
    if (cells.length > 0) rows.push(cells);
  }
  if (merged) ctx.warnings.add("mergedCells");
  if (rows.length === 0) return [];
  let columns = Math.max(...rows.map((cells) => cells.length));
  if (columns > MAX_COLUMNS) {
    ctx.warnings.add("wideTable");
    columns = MAX_COLUMNS;
  }
  const content = rows.map((cells, index) => {
    cells.length = Math.min(cells.length, columns);
    ctx.countCells(columns - cells.length);
    while (cells.length < columns) cells.push(cell(index === 0, []));
    return { type: "tableRow", content: cells };
  });
  return [{ kind: "node", node: { type: "table", content } }];
}

/** A box of a Rapporteur export: a one-cell table opening with "Box 1" and its title. */
function box(element: Element, scope: BlockScope): DocJSON {
  const blocks = unwrapped(element, "w:tr")
    .flatMap((row) => unwrapped(row, "w:tc"))
    .flatMap((tc) => convertBlocks(childElements(tc), scope));
  const captions = blocks.flatMap((b) => (b.kind === "caption" ? [b] : []));
  const titles = captions.map((b) => b.text);
  const anchor = captions.find((b) => b.anchor)?.anchor;
  const content = assembleBlocks(blocks.filter((b) => b.kind !== "caption"));
  return {
    type: "box",
    // The first title line is the number ("Box 1"), computed again on export.
    attrs: { title: titles.slice(1).join(" "), ...(anchor ? { anchor } : {}) },
    content: content.length > 0 ? content : [{ type: "paragraph" }],
  };
}

function isCaptionStyle(styleId: string | undefined): styleId is CaptionStyle {
  return (CAPTION_STYLES as readonly (string | undefined)[]).includes(styleId);
}

function cell(header: boolean, content: DocJSON[]): DocJSON {
  return {
    type: header ? "tableHeader" : "tableCell",
    content: content.length > 0 ? content : [{ type: "paragraph" }],
  };
}

/** Children called `name`, looking through content controls and custom XML wrappers. */
function unwrapped(element: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack = childElements(element).reverse();
  let steps = 0;
  while (stack.length > 0 && steps++ < 100_000) {
    const child = stack.pop()!;
    const childName = nameOf(child);
    if (childName === name) out.push(child);
    else if (childName === "w:sdt") {
      stack.push(...childElements(childElement(child, "w:sdtContent") ?? child).reverse());
    } else if (childName === "w:customXml") {
      stack.push(...childElements(child).reverse());
    }
  }
  return out;
}

function sectionProperties(sectPr: Element, ctx: ImportContext, isBreak: boolean): void {
  const references = childElements(sectPr).some((child) =>
    ["w:headerReference", "w:footerReference"].includes(nameOf(child)),
  );
  if (references) ctx.warnings.add(ctx.rapporteurExport ? "rapporteurExport" : "headersFooters");
  if (isBreak) ctx.warnings.add("sectionBreak");
}

function plainText(content: DocJSON[]): string {
  return content.map((node) => (node.type === "text" ? (node.text ?? "") : "")).join("");
}
