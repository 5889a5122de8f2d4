import type { Nodes } from "mdast";

const PHRASING_PARENTS = new Set([
  "paragraph",
  "heading",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
  "tableCell",
]);

function rawText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code") return node.value;
  if (node.type === "break") return " ";
  if (!("children" in node)) return "";
  const parts = node.children.map(rawText);
  return parts.join(PHRASING_PARENTS.has(node.type) ? "" : " ");
}

/**
 * The plain text of a Markdown node, whitespace collapsed, for content that is kept only as
 * text. Raw HTML and images contribute nothing: they are never interpreted.
 */
export function mdastText(node: Nodes): string {
  return rawText(node).replace(/\s+/g, " ").trim();
}
