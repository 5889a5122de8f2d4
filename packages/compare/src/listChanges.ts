import type { DocJSON } from "@rapporteur/schema";
import { nodeText } from "./nodeText";
import { type BlockChange, blockChange, inlineChange } from "./trackedChange";

/** One change of a compared document, as listChanges reports it. */
export interface ListedChange extends BlockChange {
  /** `text` for inline changes, else the block type (`paragraph`, `tableRow`, `footnote`, ...). */
  target: string;
  text: string;
}

/**
 * The changes of a compared document in reading order: whole blocks once (not their text again),
 * consecutive inline changes of one kind and author joined, footnote text changes after the
 * reference. For summaries ("12 insertions") and tests.
 */
export function listChanges(doc: DocJSON): ListedChange[] {
  const out: ListedChange[] = [];
  walk(doc, out, false);
  return out;
}

function walk(node: DocJSON, out: ListedChange[], inChangedBlock: boolean): void {
  const block = blockChange(node);
  if (block && !inChangedBlock) {
    out.push({ ...block, target: node.type, text: nodeText(node) });
    walk(node, out, true);
    return;
  }
  let previous: ListedChange | undefined;
  for (const child of node.content ?? []) {
    const change = inChangedBlock ? undefined : inlineChange(child);
    if (change && child.type === "footnote") {
      out.push({ ...change, target: "footnote", text: nodeText(child) });
      previous = undefined;
    } else if (change) {
      const text = child.type === "hardBreak" ? "\n" : (child.text ?? "");
      if (
        previous &&
        previous.kind === change.kind &&
        previous.author === change.author &&
        out[out.length - 1] === previous
      ) {
        previous.text += text;
      } else {
        previous = { ...change, target: "text", text };
        out.push(previous);
      }
    } else {
      previous = undefined;
      walk(child, out, inChangedBlock);
    }
  }
}
