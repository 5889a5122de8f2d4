import { type DocJSON, isReportLink, isUnLanguage, schema } from "@rapporteur/schema";

type MarkJSON = NonNullable<DocJSON["marks"]>[number];

/** Where inline content sits: what it may hold depends on it (see {@link normalizeDoc}). */
type InlineMode = "block" | "heading" | "cell" | "footnote";

type Atom = { ch: string; marks: MarkJSON[] } | { node: DocJSON };

const MARK_RANK = Object.keys(schema.marks);
const EDGE_SPACE = /[ \t]/;
// CommonMark's "Unicode whitespace": emphasis cannot open or close next to it.
const UNICODE_SPACE = /[\p{Zs}\t\n\f\r]/u;
const EXPELLED_MARKS = ["bold", "italic"];
const MAX_LIST_START = 999_999_999;

const emptyParagraph = (): DocJSON => ({ type: "paragraph" });

/** A stable key for a set of marks, so that equal sets compare equal. */
export function marksKey(marks: readonly MarkJSON[] | undefined): string {
  return JSON.stringify(marks ?? []);
}

function canonicalMark(mark: MarkJSON): MarkJSON | undefined {
  if (mark.type === "bold" || mark.type === "italic") return { type: mark.type };
  if (mark.type === "language") {
    return isUnLanguage(mark.attrs?.lang)
      ? { type: "language", attrs: { lang: mark.attrs.lang } }
      : undefined;
  }
  const href = mark.attrs?.href;
  if (mark.type === "link" && typeof href === "string" && isReportLink(href)) {
    const title = mark.attrs?.title;
    return {
      type: "link",
      attrs: {
        href,
        target: "_blank",
        rel: "noopener noreferrer nofollow",
        class: null,
        title: typeof title === "string" && title !== "" ? title : null,
      },
    };
  }
  return undefined;
}

function canonicalMarks(marks: readonly MarkJSON[] | undefined): MarkJSON[] {
  const kept = (marks ?? []).map(canonicalMark).filter((m): m is MarkJSON => m !== undefined);
  return kept.sort((a, b) => MARK_RANK.indexOf(a.type) - MARK_RANK.indexOf(b.type));
}

function isBreak(atom: Atom | undefined): boolean {
  return atom !== undefined && "node" in atom && atom.node.type === "hardBreak";
}

function isEdgeSpace(atom: Atom | undefined): boolean {
  return atom !== undefined && "ch" in atom && EDGE_SPACE.test(atom.ch);
}

function toAtoms(nodes: readonly DocJSON[], mode: InlineMode): Atom[] {
  const atoms: Atom[] = [];
  for (const node of nodes) {
    if (node.type === "text") {
      const marks = canonicalMarks(node.marks);
      // The editor never keeps line ends in text; Markdown reads them as spaces.
      for (const ch of (node.text ?? "").replace(/\r\n?|\n/g, " ")) atoms.push({ ch, marks });
    } else if (node.type === "hardBreak") {
      // Headings, table cells and footnotes are one line in Markdown.
      atoms.push(mode === "block" ? { node: { type: "hardBreak" } } : { ch: " ", marks: [] });
    } else if (node.type === "footnote") {
      if (mode === "footnote") continue;
      const content = normalizeInline(node.content ?? [], "footnote");
      atoms.push({
        node: content.length > 0 ? { type: "footnote", content } : { type: "footnote" },
      });
    } else if (node.type === "crossRef") {
      // A footnote's text cannot hold one in the schema; marks on it are not kept.
      if (mode !== "footnote") atoms.push({ node: { type: "crossRef", attrs: node.attrs } });
    } else if (node.type === "citation") {
      if (mode !== "footnote") atoms.push({ node: { type: "citation", attrs: node.attrs } });
    } else {
      throw new Error(`normalizeDoc: unknown inline node type "${node.type}"`);
    }
  }
  return atoms;
}

/** Drops spaces and line breaks that Markdown cannot hold: at the ends and around hard breaks. */
function trimAtoms(atoms: Atom[]): Atom[] {
  let start = 0;
  let end = atoms.length;
  while (start < end && (isEdgeSpace(atoms[start]) || isBreak(atoms[start]))) start++;
  while (end > start && (isEdgeSpace(atoms[end - 1]) || isBreak(atoms[end - 1]))) end--;
  const kept = atoms.slice(start, end);
  const out: Atom[] = [];
  for (let i = 0; i < kept.length; i++) {
    const atom = kept[i]!;
    if (isEdgeSpace(atom)) {
      let j = i;
      while (isEdgeSpace(kept[j])) j++;
      if (isBreak(kept[j]) || isBreak(out[out.length - 1])) {
        i = j - 1;
        continue;
      }
    }
    out.push(atom);
  }
  return out;
}

/** Moves whitespace at the edges of bold and italic runs out of the mark, as Markdown requires. */
function expelWhitespace(atoms: Atom[]): void {
  for (const type of EXPELLED_MARKS) {
    const has = (a: Atom | undefined) =>
      a !== undefined && "ch" in a && a.marks.some((m) => m.type === type);
    const strip = (a: Atom) => {
      if ("ch" in a) a.marks = a.marks.filter((m) => m.type !== type);
    };
    let i = 0;
    while (i < atoms.length) {
      if (!has(atoms[i])) {
        i++;
        continue;
      }
      let j = i;
      while (has(atoms[j + 1])) j++;
      let a = i;
      while (a <= j && UNICODE_SPACE.test((atoms[a] as { ch: string }).ch)) strip(atoms[a++]!);
      let b = j;
      while (b >= a && UNICODE_SPACE.test((atoms[b] as { ch: string }).ch)) strip(atoms[b--]!);
      i = j + 1;
    }
  }
}

function fromAtoms(atoms: Atom[]): DocJSON[] {
  const out: DocJSON[] = [];
  let text = "";
  let marks: MarkJSON[] = [];
  const flush = () => {
    if (text === "") return;
    out.push(marks.length > 0 ? { type: "text", text, marks } : { type: "text", text });
    text = "";
  };
  for (const atom of atoms) {
    if ("node" in atom) {
      flush();
      out.push(atom.node);
    } else if (text !== "" && marksKey(atom.marks) === marksKey(marks)) {
      text += atom.ch;
    } else {
      flush();
      text = atom.ch;
      marks = atom.marks;
    }
  }
  flush();
  return out;
}

function normalizeInline(nodes: readonly DocJSON[], mode: InlineMode): DocJSON[] {
  const atoms = trimAtoms(toAtoms(nodes, mode));
  expelWhitespace(atoms);
  return fromAtoms(atoms);
}

/** A caption as one line of text: Markdown writes it on one line. */
function oneLine(value: unknown): string {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
}

function paragraph(content: DocJSON[]): DocJSON {
  return content.length > 0 ? { type: "paragraph", content } : emptyParagraph();
}

/** The text blocks of a cell in reading order (a GFM table cell holds one line of inline text). */
function cellTextBlocks(nodes: readonly DocJSON[], out: DocJSON[][]): void {
  for (const node of nodes) {
    if (node.type === "paragraph" || node.type === "heading") out.push(node.content ?? []);
    else cellTextBlocks(node.content ?? [], out);
  }
}

function flattenCell(cell: DocJSON): DocJSON[] {
  const blocks: DocJSON[][] = [];
  cellTextBlocks(cell.content ?? [], blocks);
  const pieces = blocks.map((b) => normalizeInline(b, "cell")).filter((p) => p.length > 0);
  const joined = pieces.flatMap((p, i) => (i === 0 ? p : [{ type: "text", text: " " }, ...p]));
  return normalizeInline(joined, "cell");
}

/** A GFM table: a header row, then rows of equal width, one line of text per cell. */
function normalizeTable(table: DocJSON): DocJSON | undefined {
  const grid: (DocJSON | null | undefined)[][] = [];
  const aligns: (string | null)[] = [];
  const rows = table.content ?? [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.content ?? []) {
      while (grid[r]![c] !== undefined) c++;
      const colspan = Math.max(1, Number(cell.attrs?.colspan) || 1);
      const rowspan = Math.max(1, Number(cell.attrs?.rowspan) || 1);
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![c + dc] = null;
      }
      grid[r]![c] = cell;
      const align = cell.attrs?.align;
      if (aligns[c] == null && typeof align === "string") aligns[c] = align;
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const keptRows = grid.filter((row) => row.some((slot) => slot !== undefined));
  if (width === 0 || keptRows.length === 0) return undefined;
  return {
    type: "table",
    content: keptRows.map((row, r) => ({
      type: "tableRow",
      content: Array.from({ length: width }, (_, c) => {
        const slot = row[c];
        return {
          type: r === 0 ? "tableHeader" : "tableCell",
          attrs: { colspan: 1, rowspan: 1, colwidth: null, align: aligns[c] ?? null },
          content: [paragraph(slot ? flattenCell(slot) : [])],
        };
      }),
    })),
  };
}

function normalizeListItem(item: DocJSON): DocJSON {
  const [first, ...rest] = item.content ?? [];
  const firstInline = normalizeInline(first?.content ?? [], "block");
  const blocks = normalizeBlocks(rest);
  // "-" followed by a blank line and a paragraph is an empty item and a new paragraph in
  // Markdown: an empty first paragraph only survives before a nested block.
  if (firstInline.length === 0 && blocks[0]?.type === "paragraph") {
    return { type: "listItem", content: blocks };
  }
  return { type: "listItem", content: [paragraph(firstInline), ...blocks] };
}

function normalizeBlocks(nodes: readonly DocJSON[]): DocJSON[] {
  const out: DocJSON[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph": {
        const content = normalizeInline(node.content ?? [], "block");
        const { anchor, lang } = node.attrs ?? {};
        if (content.length > 0) out.push({ type: "paragraph", attrs: { anchor, lang }, content });
        break;
      }
      case "heading": {
        const content = normalizeInline(node.content ?? [], "heading");
        const attrs = { level: node.attrs?.level === 4 ? 4 : 3, lang: node.attrs?.lang };
        out.push(
          content.length > 0 ? { type: "heading", attrs, content } : { type: "heading", attrs },
        );
        break;
      }
      case "box": {
        const content = normalizeBlocks(node.content ?? []);
        out.push({
          type: "box",
          attrs: { title: oneLine(node.attrs?.title), anchor: node.attrs?.anchor },
          content: content.length > 0 ? content : [emptyParagraph()],
        });
        break;
      }
      case "blockquote": {
        const content = normalizeBlocks(node.content ?? []);
        out.push({
          type: "blockquote",
          content: content.length > 0 ? content : [emptyParagraph()],
        });
        break;
      }
      case "bulletList":
        out.push({ type: "bulletList", content: (node.content ?? []).map(normalizeListItem) });
        break;
      case "orderedList": {
        const start = Math.trunc(Number(node.attrs?.start ?? 1));
        out.push({
          type: "orderedList",
          attrs: {
            start: Number.isFinite(start) ? Math.min(MAX_LIST_START, Math.max(0, start)) : 1,
            type: null,
          },
          content: (node.content ?? []).map(normalizeListItem),
        });
        break;
      }
      case "table": {
        const table = normalizeTable(node);
        const { title, source, note, anchor } = node.attrs ?? {};
        const attrs = {
          title: oneLine(title),
          source: oneLine(source),
          note: oneLine(note),
          anchor,
        };
        if (table) out.push({ ...table, attrs });
        break;
      }
      default:
        throw new Error(`normalizeDoc: unknown block node type "${node.type}"`);
    }
  }
  return out;
}

/**
 * Brings a section document to the canonical form that Markdown can hold exactly, so that
 * `fromMarkdown(toMarkdown(doc)).doc` deep-equals `normalizeDoc(doc)`:
 * - text nodes with the same marks merged; line ends in text become spaces;
 * - spaces and tabs at the ends of a block and around hard breaks removed, as are hard breaks at
 *   the ends of a block; whitespace at the edges of bold and italic moved out of the mark;
 * - empty paragraphs removed (a container left empty keeps one empty paragraph);
 * - heading levels other than 4 become 3; hard breaks in headings, cells and footnotes become spaces;
 * - captions (table title, source and note; box title) on one line; languages of spans (written
 *   as pandoc's bracketed spans, `[texte]{lang=fr}`), paragraphs and headings kept;
 * - tables become GFM tables: first row header cells, the others body cells, rows padded to one
 *   width, merged cells split, one paragraph per cell, one alignment per column;
 * - links other than http(s) and mailto removed (their text kept), link attributes reset to the
 *   schema's defaults; marks removed from footnote references and hard breaks.
 *
 * Throws if `doc` does not fit the report schema.
 */
export function normalizeDoc(doc: DocJSON): DocJSON {
  const canonical = schema.nodeFromJSON(doc).toJSON() as DocJSON;
  const content = normalizeBlocks(canonical.content ?? []);
  const result = schema.nodeFromJSON({
    type: "doc",
    content: content.length > 0 ? content : [emptyParagraph()],
  });
  result.check();
  return result.toJSON() as DocJSON;
}
