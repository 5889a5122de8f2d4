import type { ExportReport } from "@rapporteur/docx";
import type { DocJSON } from "@rapporteur/schema";

/** What a reader of an exported report sees, in reading order, compared across formats. */
export interface ExportSummary {
  headings: string[];
  /** Paragraph texts outside tables, without footnote text. */
  paragraphs: string[];
  /** Footnote texts in the order of their references. */
  notes: string[];
  /** Tables as rows of cell texts. */
  tables: string[][][];
}

const clean = (text: string) => text.replace(/\s+/g, " ").trim();

/** The summary a faithful export of `report` must give: what the editor shows. */
export function reportSummary(report: ExportReport): ExportSummary {
  const summary: ExportSummary = { headings: [], paragraphs: [], notes: [], tables: [] };
  const inline = (nodes: DocJSON[] = []): string =>
    nodes
      .map((node) => {
        if (node.type === "text") return node.text ?? "";
        if (node.type === "hardBreak") return " ";
        if (node.type === "footnote") summary.notes.push(clean(inline(node.content)));
        return "";
      })
      .join("");
  const cellText = (cell: DocJSON): string =>
    (cell.content ?? []).map((block) => clean(inline(block.content))).join(" ");
  const block = (node: DocJSON): void => {
    if (node.type === "heading") summary.headings.push(clean(inline(node.content)));
    else if (node.type === "paragraph") {
      const text = clean(inline(node.content));
      if (text) summary.paragraphs.push(text);
    } else if (node.type === "table") {
      // "Table 1" and the title above, the source and note below: paragraphs of their own.
      tables += 1;
      const { title, source, note } = node.attrs ?? {};
      summary.paragraphs.push(`Table ${tables}`, ...(title ? [String(title)] : []));
      summary.tables.push((node.content ?? []).map((row) => (row.content ?? []).map(cellText)));
      if (source) summary.paragraphs.push(`Source: ${source}`);
      if (note) summary.paragraphs.push(`Note: ${note}`);
    } else if (node.type === "box") {
      // A bordered one-cell table: its number, title and paragraphs.
      boxes += 1;
      const lines = [`Box ${boxes}`, String(node.attrs?.title ?? ""), cellText(node)];
      summary.tables.push([[lines.filter(Boolean).join(" ")]]);
    } else for (const child of node.content ?? []) block(child);
  };
  let tables = 0;
  let boxes = 0;
  // Front matter (the Summary) is printed before the contents, with no headings: not the body.
  for (const part of report.parts.filter((p) => !p.frontMatter)) {
    summary.headings.push(part.title);
    for (const section of report.sections.filter((s) => s.part === part.id)) {
      summary.headings.push(section.title);
      block(section.doc);
    }
  }
  return summary;
}

type PandocNode = { t: string; c?: unknown };

/**
 * The summary of pandoc's reading of a document (`pandoc -t json` output), plus the start
 * numbers of its decimal ordered lists, i.e. the numbered paragraphs as pandoc sees them.
 */
export function pandocSummary(ast: { blocks: PandocNode[] }): ExportSummary & {
  numberedLists: { start: number; items: number }[];
} {
  const summary: ExportSummary = { headings: [], paragraphs: [], notes: [], tables: [] };
  const numberedLists: { start: number; items: number }[] = [];
  const inline = (nodes: PandocNode[]): string =>
    nodes
      .map((node): string => {
        switch (node.t) {
          case "Str":
            return node.c as string;
          case "Space":
          case "SoftBreak":
          case "LineBreak":
            return " ";
          case "Emph":
          case "Strong":
          case "Underline":
          case "SmallCaps":
          case "Superscript":
          case "Subscript":
          case "Strikeout":
            return inline(node.c as PandocNode[]);
          case "Link":
          case "Span":
            return inline((node.c as [unknown, PandocNode[]])[1]);
          case "Note":
            summary.notes.push(clean(blocksText(node.c as PandocNode[])));
            return "";
          default:
            return "";
        }
      })
      .join("");
  const blocksText = (blocks: PandocNode[]): string =>
    blocks
      .map((b) => (b.t === "Para" || b.t === "Plain" ? inline(b.c as PandocNode[]) : ""))
      .join(" ");
  const walk = (blocks: PandocNode[], inTable = false): void => {
    for (const node of blocks) {
      switch (node.t) {
        case "Header":
          summary.headings.push(clean(inline((node.c as [number, unknown, PandocNode[]])[2])));
          break;
        case "Para":
        case "Plain": {
          const text = clean(inline(node.c as PandocNode[]));
          if (text && !inTable) summary.paragraphs.push(text);
          break;
        }
        case "BulletList":
          for (const item of node.c as PandocNode[][]) walk(item, inTable);
          break;
        case "OrderedList": {
          const [attrs, items] = node.c as [[number, PandocNode], PandocNode[][]];
          if (attrs[1].t === "Decimal")
            numberedLists.push({ start: attrs[0], items: items.length });
          for (const item of items) walk(item, inTable);
          break;
        }
        case "BlockQuote":
          walk(node.c as PandocNode[], inTable);
          break;
        case "Div":
          walk((node.c as [unknown, PandocNode[]])[1], inTable);
          break;
        case "Table":
          summary.tables.push(tableRows(node));
          break;
      }
    }
  };
  type Cell = [unknown, unknown, number, number, PandocNode[]];
  type Row = [unknown, Cell[]];
  const tableRows = (node: PandocNode): string[][] => {
    const [, , , head, bodies] = node.c as [
      unknown,
      unknown,
      unknown,
      [unknown, Row[]],
      [unknown, unknown, Row[], Row[]][],
    ];
    const rows = [...head[1], ...bodies.flatMap((b) => [...b[2], ...b[3]])];
    return rows.map(([, cells]) => cells.map((cell) => clean(blocksText(cell[4]))));
  };
  walk(ast.blocks);
  return { ...summary, numberedLists };
}
