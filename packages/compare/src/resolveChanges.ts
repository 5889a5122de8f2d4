import type { DocJSON } from "@rapporteur/schema";
import { joinText } from "./compareInline";
import { blockChange, type ChangeKind, inlineChange } from "./trackedChange";

/**
 * The newer version of a compared document: insertions kept (unmarked), deletions dropped.
 * Neighbouring text with the same marks is joined.
 */
export function acceptChanges(doc: DocJSON): DocJSON {
  return resolve(doc, "deletion");
}

/** The older version of a compared document: deletions kept (unmarked), insertions dropped. */
export function rejectChanges(doc: DocJSON): DocJSON {
  return resolve(doc, "insertion");
}

function resolve(node: DocJSON, dropped: ChangeKind): DocJSON {
  const out: DocJSON = { ...node };
  if (node.marks) {
    const marks = node.marks.filter((m) => m.type !== "insertion" && m.type !== "deletion");
    if (marks.length > 0) out.marks = marks;
    else delete out.marks;
  }
  if (node.attrs && "change" in node.attrs) {
    const { change: _, ...attrs } = node.attrs;
    if (Object.keys(attrs).length > 0) out.attrs = attrs;
    else delete out.attrs;
  }
  if (node.content) {
    const kept = node.content
      .filter((c) => (blockChange(c) ?? inlineChange(c))?.kind !== dropped)
      .map((c) => resolve(c, dropped));
    out.content = joinText(kept);
  }
  return out;
}
