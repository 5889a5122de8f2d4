import type { DocJSON } from "@rapporteur/schema";
import type { CompareContext } from "./compareContext";
import { nodeText } from "./nodeText";
import { CHANGEABLE_BLOCKS, type ChangeAttribution, type ChangeKind } from "./trackedChange";

/**
 * A node that only one version has, marked whole: blocks get `attrs.change`, inline nodes the
 * change mark, footnotes the mark on their reference and on their text.
 */
export function markWhole(node: DocJSON, kind: ChangeKind, ctx: CompareContext): DocJSON {
  return markWith(node, kind, ctx.attribute(kind, nodeText(node)));
}

/** Marks `node` and everything in it with one change. */
export function markWith(node: DocJSON, kind: ChangeKind, by: ChangeAttribution): DocJSON {
  if (node.type === "text" || node.type === "hardBreak" || node.type === "footnote") {
    const marked: DocJSON = {
      ...node,
      marks: [...(node.marks ?? []), { type: kind, attrs: { author: by.author, date: by.date } }],
    };
    if (node.content) marked.content = node.content.map((c) => markWith(c, kind, by));
    return marked;
  }
  const out: DocJSON = { ...node };
  if (CHANGEABLE_BLOCKS.includes(node.type)) {
    out.attrs = { ...node.attrs, change: { kind, author: by.author, date: by.date } };
  }
  if (node.content) out.content = node.content.map((c) => markWith(c, kind, by));
  return out;
}
