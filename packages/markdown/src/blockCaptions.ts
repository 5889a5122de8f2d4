import { ANCHOR_PATTERN, type DocJSON, isUnLanguage } from "@rapporteur/schema";

/**
 * How the report's numbered blocks are written in Markdown, and read back:
 * - a paragraph's anchor and language (and a heading's language) as a `{#anchor lang=ar}` suffix;
 * - a table's title as a `Table: title` line right before it, its source and note as `Source: ...`
 *   and `Note: ...` lines right after it (the caption line pandoc also reads);
 * - a box as a block quote opening with a `Box: title` line.
 */
export const TABLE_PREFIX = "Table:";
export const SOURCE_PREFIX = "Source:";
export const NOTE_PREFIX = "Note:";
export const BOX_PREFIX = "Box:";

const SUFFIX = /\s*\{(#[A-Za-z0-9_-]{1,100})?(?:\s*lang=([a-z]{2}))?\}$/;

/** The `{#anchor lang=xx}` suffix of a block with these attributes ("" when it has none). */
export function attributeSuffix(attrs: DocJSON["attrs"]): string {
  const anchor = typeof attrs?.anchor === "string" ? attrs.anchor : "";
  const lang = isUnLanguage(attrs?.lang) ? attrs.lang : "";
  const parts = [anchor && `#${anchor}`, lang && `lang=${lang}`].filter(Boolean);
  return parts.length > 0 ? ` {${parts.join(" ")}}` : "";
}

/** Takes a `{#anchor lang=xx}` suffix off a block's inline content; returns what it held. */
export function takeAttributeSuffix(content: DocJSON[]): {
  content: DocJSON[];
  anchor?: string;
  lang?: string;
} {
  const last = content.at(-1);
  if (last?.type !== "text" || last.marks?.length) return { content };
  const match = SUFFIX.exec(last.text ?? "");
  if (!match || (!match[1] && !match[2])) return { content };
  const anchor = match[1]?.slice(1);
  const lang = match[2];
  if ((anchor && !ANCHOR_PATTERN.test(anchor)) || (lang && !isUnLanguage(lang))) return { content };
  const text = (last.text ?? "").slice(0, match.index);
  return {
    content: [...content.slice(0, -1), ...(text ? [{ ...last, text }] : [])],
    ...(anchor ? { anchor } : {}),
    ...(lang ? { lang } : {}),
  };
}

/** The text after `prefix` when a block is a single unformatted line starting with it. */
export function prefixedLine(node: DocJSON | undefined, prefix: string): string | undefined {
  if (node?.type !== "paragraph") return undefined;
  const content = node.content ?? [];
  if (content.length !== 1 || content[0]?.type !== "text" || content[0].marks?.length) {
    return undefined;
  }
  const text = content[0].text ?? "";
  return text.startsWith(prefix) ? text.slice(prefix.length).trim() : undefined;
}

/** Puts `Table:` lines before tables and `Source:`/`Note:` lines after them into the table. */
export function attachTableCaptions(blocks: DocJSON[]): DocJSON[] {
  const out: DocJSON[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const title = prefixedLine(block, TABLE_PREFIX);
    if (title !== undefined && blocks[i + 1]?.type === "table") {
      const table = blocks[i + 1]!;
      const anchor = block.attrs?.anchor;
      const attrs: Record<string, unknown> = { ...table.attrs, title };
      if (anchor) attrs.anchor = anchor;
      i += 1;
      for (const [prefix, key] of [
        [SOURCE_PREFIX, "source"],
        [NOTE_PREFIX, "note"],
      ] as const) {
        const line = prefixedLine(blocks[i + 1], prefix);
        if (line !== undefined) {
          attrs[key] = line;
          i += 1;
        }
      }
      out.push({ ...table, attrs });
      continue;
    }
    out.push(block);
  }
  return out;
}

/** A block quote opening with a `Box: title` line, as a box; undefined for other quotes. */
export function boxFromQuote(content: DocJSON[]): DocJSON | undefined {
  const [first, ...rest] = content;
  const title = prefixedLine(first, BOX_PREFIX);
  if (title === undefined) return undefined;
  // A box holds paragraphs and lists: anything else in the quote is kept as its own paragraphs.
  const inside = rest.flatMap((block) =>
    ["paragraph", "bulletList", "orderedList"].includes(block.type)
      ? [block]
      : block.type === "heading"
        ? [{ type: "paragraph", content: block.content ?? [] }]
        : (block.content ?? []).filter((child) => child.type === "paragraph"),
  );
  const anchor = first?.attrs?.anchor;
  return {
    type: "box",
    attrs: { title, ...(anchor ? { anchor } : {}) },
    content: inside.length > 0 ? inside : [{ type: "paragraph" }],
  };
}
