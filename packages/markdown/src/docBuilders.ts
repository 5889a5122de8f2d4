import { type DocJSON, schema } from "@rapporteur/schema";

type MarkJSON = NonNullable<DocJSON["marks"]>[number];

/** Compact builders of section documents for fixture tables (tests only). */
export const bold: MarkJSON = { type: "bold" };
export const italic: MarkJSON = { type: "italic" };
export const link = (href: string, title: string | null = null): MarkJSON => ({
  type: "link",
  attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow", class: null, title },
});
export const t = (text: string, ...marks: MarkJSON[]): DocJSON =>
  marks.length > 0 ? { type: "text", text, marks } : { type: "text", text };
export const br: DocJSON = { type: "hardBreak" };
export const p = (...content: DocJSON[]): DocJSON =>
  content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
export const h = (level: 3 | 4, ...content: DocJSON[]): DocJSON => ({
  type: "heading",
  attrs: { level },
  content,
});
export const note = (...content: DocJSON[]): DocJSON => ({ type: "footnote", content });
export const quote = (...content: DocJSON[]): DocJSON => ({ type: "blockquote", content });
export const li = (...content: DocJSON[]): DocJSON => ({ type: "listItem", content });
export const ul = (...items: DocJSON[]): DocJSON => ({ type: "bulletList", content: items });
export const ol = (start: number, ...items: DocJSON[]): DocJSON => ({
  type: "orderedList",
  attrs: { start, type: null },
  content: items,
});
type Align = "left" | "center" | "right" | null;
export const table = (rows: string[][], align: Align[] = []): DocJSON => ({
  type: "table",
  content: rows.map((row, r) => ({
    type: "tableRow",
    content: row.map((text, c) => ({
      type: r === 0 ? "tableHeader" : "tableCell",
      attrs: { colspan: 1, rowspan: 1, colwidth: null, align: align[c] ?? null },
      content: [text === "" ? p() : p(t(text))],
    })),
  })),
});
/** A whole document, in the JSON form ProseMirror itself produces (defaults filled in). */
export const doc = (...content: DocJSON[]): DocJSON =>
  schema.nodeFromJSON({ type: "doc", content }).toJSON() as DocJSON;
