import type { DocJSON } from "@rapporteur/schema";

/** A converted Word paragraph or table, before lists and quotes are grouped. */
export type Block =
  | { kind: "heading"; level: 3 | 4; content: DocJSON[] }
  | { kind: "paragraph"; content: DocJSON[]; anchor?: string }
  | { kind: "quote"; content: DocJSON[] }
  | {
      kind: "listItem";
      list: "bulletList" | "orderedList";
      /** Word's list level (`w:ilvl`), 0 at the outside. */
      level: number;
      /** Word's list (`w:numId`): top-level paragraphs of another list start another list. */
      numId: string;
      start: number;
      content: DocJSON[];
    }
  /** An indented paragraph without a number: the next paragraph of the list item above. */
  | { kind: "continuation"; content: DocJSON[] }
  | { kind: "node"; node: DocJSON }
  /** A caption line of a Rapporteur export: "Table 1", a table's or box's title, source, note. */
  | { kind: "caption"; style: CaptionStyle; text: string; anchor?: string };

/** Paragraph styles of the caption lines a Rapporteur export writes around tables and in boxes. */
export const CAPTION_STYLES = ["TableCaption", "TableTitle", "TableNote", "BoxTitle"] as const;

/** The style of a caption line. */
export type CaptionStyle = (typeof CAPTION_STYLES)[number];

const SOURCE = "Source: ";
const NOTE = "Note: ";

interface OpenList {
  level: number;
  numId: string;
  node: DocJSON & { content: DocJSON[] };
}

/**
 * Groups Word's flat paragraphs into the editor's tree: numbered paragraphs become nested
 * bulleted and ordered lists by their list level, consecutive quote paragraphs one block quote.
 * Empty paragraphs are dropped (Word uses them for spacing).
 */
export function assembleBlocks(blocks: Block[]): DocJSON[] {
  const out: DocJSON[] = [];
  let lists: OpenList[] = [];
  let quote: (DocJSON & { content: DocJSON[] }) | undefined;
  // The title line and the cross-reference anchor of the table that follows.
  let title: string | undefined;
  let anchor: string | undefined;
  for (const block of blocks) {
    if (block.kind === "caption") {
      const last = out[out.length - 1];
      if (block.style === "TableTitle") title = block.text;
      else if (block.style === "TableCaption") anchor = block.anchor;
      else if (block.style === "TableNote" && last?.type === "table") {
        const key = block.text.startsWith(SOURCE) ? "source" : "note";
        const prefix = key === "source" ? SOURCE : NOTE;
        const value = block.text.startsWith(prefix) ? block.text.slice(prefix.length) : block.text;
        last.attrs = { ...last.attrs, [key]: value };
      }
      continue;
    }
    if (block.kind === "node" && block.node.type === "table") {
      block.node.attrs = {
        ...block.node.attrs,
        ...(title !== undefined ? { title } : {}),
        ...(anchor ? { anchor } : {}),
      };
    }
    title = undefined;
    anchor = undefined;
    if (block.kind !== "node" && block.content.length === 0) continue;
    if (block.kind !== "quote") quote = undefined;
    if (block.kind !== "listItem" && block.kind !== "continuation") lists = [];
    switch (block.kind) {
      case "heading":
        out.push({ type: "heading", attrs: { level: block.level }, content: block.content });
        break;
      case "paragraph":
        out.push(
          block.anchor
            ? { ...paragraph(block.content), attrs: { anchor: block.anchor } }
            : paragraph(block.content),
        );
        break;
      case "node":
        out.push(block.node);
        break;
      case "quote":
        if (!quote) {
          quote = { type: "blockquote", content: [] };
          out.push(quote);
        }
        quote.content.push(paragraph(block.content));
        break;
      case "continuation": {
        const open = lists[lists.length - 1];
        if (open) lastItem(open).content.push(paragraph(block.content));
        else out.push(paragraph(block.content));
        break;
      }
      case "listItem": {
        while (lists.length > 0 && lists[lists.length - 1]!.level > block.level) lists.pop();
        const top = lists[lists.length - 1];
        if (
          top &&
          top.level === block.level &&
          (top.node.type !== block.list || (lists.length === 1 && top.numId !== block.numId))
        ) {
          lists.pop();
        }
        let open = lists[lists.length - 1];
        if (!open || open.level < block.level) {
          const node = {
            type: block.list,
            ...(block.list === "orderedList" && block.start !== 1
              ? { attrs: { start: block.start } }
              : {}),
            content: [] as DocJSON[],
          };
          if (open) lastItem(open).content.push(node);
          else out.push(node);
          open = { level: block.level, numId: block.numId, node };
          lists.push(open);
        }
        open.node.content.push({ type: "listItem", content: [paragraph(block.content)] });
        break;
      }
    }
  }
  return out;
}

function paragraph(content: DocJSON[]): DocJSON {
  return { type: "paragraph", content };
}

function lastItem(list: OpenList): DocJSON & { content: DocJSON[] } {
  const items = list.node.content;
  return items[items.length - 1] as DocJSON & { content: DocJSON[] };
}
