import type { DocJSON } from "./docJson";
import type { BlockKind } from "./referenceBlocks";

/**
 * A block of a section that the report's numbering counts, before it is numbered: what a
 * section contributes to the numbering whatever comes before it, so a server can keep one list
 * per section and number the report by adding offsets.
 */
export interface NumberableBlock {
  kind: BlockKind;
  /** The start of its text (a table's or box's title when it has one), at most 60 characters. */
  excerpt: string;
  /** Its anchor, null when nothing refers to it yet. */
  anchor: string | null;
}

const EXCERPT_LENGTH = 60;

/** Whether a body paragraph takes a paragraph number: empty lines do not (as in the export). */
export function isNumberedParagraph(node: DocJSON): boolean {
  return node.type === "paragraph" && (node.content ?? []).length > 0;
}

function textOf(node: DocJSON): string {
  if (node.type === "text") return node.text ?? "";
  const parts = (node.content ?? []).map(textOf);
  return node.type === "paragraph" || node.type === "heading" ? parts.join("") : parts.join(" ");
}

function excerpt(node: DocJSON): string {
  const title = node.type === "paragraph" ? "" : String(node.attrs?.title ?? "");
  const text = (title || textOf(node)).replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

/**
 * Walks the numbered blocks of a section's document in the order numberReport counts them
 * (non-empty top-level paragraphs outside front matter; tables and boxes with content,
 * anywhere), with each one's index among the blocks of its kind and the child indices that
 * lead to it.
 */
export function walkNumberableBlocks(
  doc: DocJSON,
  frontMatter: boolean,
  visit: (kind: BlockKind, index: number, node: DocJSON, path: number[]) => void,
): void {
  const counts = { paragraph: 0, table: 0, box: 0 };
  const walk = (node: DocJSON, path: number[]) => {
    if (path.length === 1 && !frontMatter && isNumberedParagraph(node)) {
      visit("paragraph", counts.paragraph, node, path);
      counts.paragraph += 1;
    }
    // A table without rows is not exported, so it takes no number.
    if ((node.type === "table" || node.type === "box") && (node.content ?? []).length > 0) {
      visit(node.type, counts[node.type], node, path);
      counts[node.type] += 1;
    }
    (node.content ?? []).forEach((child, i) => {
      walk(child, [...path, i]);
    });
  };
  (doc.content ?? []).forEach((child, i) => {
    walk(child, [i]);
  });
}

/**
 * The blocks of a section's document that the numbering counts, in document order, as if the
 * section were not front matter (front matter leaves the paragraphs out: see numberSections).
 * Pure.
 */
export function numberableBlocks(doc: DocJSON): NumberableBlock[] {
  const blocks: NumberableBlock[] = [];
  walkNumberableBlocks(doc, false, (kind, _index, node) => {
    const anchor = node.attrs?.anchor;
    blocks.push({
      kind,
      excerpt: excerpt(node),
      anchor: typeof anchor === "string" && anchor ? anchor : null,
    });
  });
  return blocks;
}
