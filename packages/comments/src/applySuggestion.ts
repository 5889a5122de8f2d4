import type * as Y from "yjs";
import type { CommentAnchor } from "./commentAnchor";
import { resolveIn } from "./resolveAnchor";
import { indexText, runsBetween } from "./textIndex";

/**
 * Replaces the text of an anchor by `replacement`, as one Yjs transaction with `origin` (so the
 * collaboration server stores and broadcasts it as a normal edit). The replacement takes the
 * formatting of the range's first character and goes where the range starts; the rest of the
 * range's text is deleted, in every text node it spans (paragraph boundaries and inline nodes
 * such as footnotes stay). Afterwards the anchor covers the replacement. Returns false, changing
 * nothing, when the anchor is detached or not in this document.
 */
export function applySuggestion(
  ydoc: Y.Doc,
  anchor: CommentAnchor,
  replacement: string,
  origin: unknown = null,
): boolean {
  const index = indexText(ydoc);
  const resolved = resolveIn(index, ydoc, anchor);
  if (!resolved || resolved.detached) return false;
  const { from, to } = resolved;
  const runs = runsBetween(index, from, to);
  const first = runs[0];
  if (!first) return false;
  ydoc.transact(() => {
    const at = Math.max(from - first.start, 0);
    // Insert before deleting: the start of the anchor stays before the replacement and its end,
    // stuck to the last deleted character, falls after it.
    if (replacement.length > 0) first.text.insert(at, replacement, attributesAt(first.text, at));
    for (const run of runs) {
      const start = Math.max(from - run.start, 0);
      const end = Math.min(to, run.end) - run.start;
      const shift = run === first ? replacement.length : 0;
      if (end > start) run.text.delete(start + shift, end - start);
    }
  }, origin);
  return true;
}

/** The formatting (marks) of the character at `index`. */
function attributesAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    if (index < offset + length) return { ...op.attributes };
    offset += length;
  }
  return {};
}
