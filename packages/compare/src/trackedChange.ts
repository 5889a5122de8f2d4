import type { DocJSON } from "@rapporteur/schema";

/** What a change did: text or a block that only the newer version has, or only the older. */
export type ChangeKind = "insertion" | "deletion";

/** Who made a change and when (ISO date-time): shown by Word beside each tracked change. */
export interface ChangeAttribution {
  author: string;
  date: string;
}

/**
 * A change on a whole block (`attrs.change` of a paragraph, heading, list, list item, block quote,
 * table or table row): the block exists only in the newer version (`insertion`) or only in the
 * older (`deletion`). Its inline content carries the same change as marks.
 */
export interface BlockChange extends ChangeAttribution {
  kind: ChangeKind;
}

/**
 * The inline change marks of a compared document: `{ type: "insertion" | "deletion", attrs:
 * { author, date } }` on text, line breaks and footnotes. Export-time only: the editor's schema
 * does not have them (see compareSchema).
 */
export const CHANGE_MARKS: readonly ChangeKind[] = ["insertion", "deletion"];

/** Block types that may carry `attrs.change` in a compared document. */
export const CHANGEABLE_BLOCKS: readonly string[] = [
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "table",
  "tableRow",
];

/** The change mark of an inline node (text, hardBreak, footnote), if it has one. */
export function inlineChange(node: DocJSON): BlockChange | undefined {
  const mark = node.marks?.find((m) => m.type === "insertion" || m.type === "deletion");
  if (!mark) return undefined;
  return {
    kind: mark.type as ChangeKind,
    author: String(mark.attrs?.author ?? ""),
    date: String(mark.attrs?.date ?? ""),
  };
}

/** The change of a whole block (`attrs.change`), if it has one. */
export function blockChange(node: DocJSON): BlockChange | undefined {
  const change = node.attrs?.change as Partial<BlockChange> | null | undefined;
  if (!change || (change.kind !== "insertion" && change.kind !== "deletion")) return undefined;
  return {
    kind: change.kind,
    author: String(change.author ?? ""),
    date: String(change.date ?? ""),
  };
}
