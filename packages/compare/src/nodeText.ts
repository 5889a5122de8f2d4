import type { DocJSON } from "@rapporteur/schema";

/** All the text of a node and its descendants, footnotes included, blocks separated by spaces. */
export function nodeText(node: DocJSON): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  const parts = (node.content ?? []).map(nodeText);
  const inline = (node.content ?? []).every((c) => c.type === "text" || c.type === "hardBreak");
  return parts.join(inline ? "" : " ");
}
