import { FRAGMENT_NAME } from "@rapporteur/schema";
import type * as Y from "yjs";
import { anchorInIndex } from "./anchorFromTextOffsets";
import type { CommentAnchor } from "./commentAnchor";
import { resolveIn } from "./resolveAnchor";
import { indexText } from "./textIndex";

/** Offset in a section's text (see `anchorFromTextOffsets`) before its top-level block `index`. */
export function textOffsetOfBlock(ydoc: Y.Doc, index: number): number {
  return indexText(ydoc).offsetOf(ydoc.getXmlFragment(FRAGMENT_NAME), index) ?? 0;
}

/**
 * Anchors for the threads whose range lies in the text `[range.from, range.to)` of `source`, once
 * that text has been copied into `target` starting at text offset `at`: each range keeps its
 * characters. Threads outside the range, or detached, are left out (they stay where they are).
 */
export function reanchorMoved(
  source: Y.Doc,
  threads: readonly { id: number; anchor: CommentAnchor }[],
  range: { from: number; to: number },
  target: Y.Doc,
  at: number,
): { id: number; anchor: CommentAnchor }[] {
  const sourceIndex = indexText(source);
  const targetIndex = indexText(target);
  const moved: { id: number; anchor: CommentAnchor }[] = [];
  for (const thread of threads) {
    const resolved = resolveIn(sourceIndex, source, thread.anchor);
    if (!resolved || resolved.detached) continue;
    if (resolved.from < range.from || resolved.to > range.to) continue;
    const shift = at - range.from;
    try {
      moved.push({
        id: thread.id,
        anchor: anchorInIndex(targetIndex, resolved.from + shift, resolved.to + shift),
      });
    } catch {
      // The copied text differs (cannot happen for a faithful copy): leave the thread.
    }
  }
  return moved;
}
