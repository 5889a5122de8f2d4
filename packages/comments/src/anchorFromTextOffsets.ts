import * as Y from "yjs";
import type { CommentAnchor } from "./commentAnchor";
import { indexText, type TextIndex } from "./textIndex";

/**
 * An anchor on the characters `[from, to)` of a section's text (all its text nodes in document
 * order, without separators), made like the editor makes them (y-tiptap's
 * `absolutePositionToRelativePosition`: each end sticks to the character before it). For
 * server-side tools and tests; the editor sends anchors it made itself. Throws a RangeError when
 * the range is empty or outside the text.
 */
export function anchorFromTextOffsets(ydoc: Y.Doc, from: number, to: number): CommentAnchor {
  return anchorInIndex(indexText(ydoc), from, to);
}

/** {@link anchorFromTextOffsets} on an index already built (many anchors, one walk). */
export function anchorInIndex({ runs }: TextIndex, from: number, to: number): CommentAnchor {
  const startRun = runs.find((run) => run.start <= from && from < run.end);
  const endRun = runs.find((run) => run.start < to && to <= run.end);
  if (!startRun || !endRun || to <= from) {
    throw new RangeError(`No text between offsets ${from} and ${to} of the section`);
  }
  const position = (text: Y.XmlText, index: number) =>
    Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index, -1));
  return {
    start: position(startRun.text, from - startRun.start),
    end: position(endRun.text, to - endRun.start),
  } as CommentAnchor;
}
