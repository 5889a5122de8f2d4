import * as Y from "yjs";
import {
  type CommentAnchor,
  commentAnchorSchema,
  type RelativePositionJSON,
} from "./commentAnchor";
import { indexText, OBJECT_REPLACEMENT, runsBetween, type TextIndex } from "./textIndex";

/** Where an anchor is in the section now. */
export interface ResolvedAnchor {
  /** The text it covers now: lines for separate paragraphs; empty when detached. */
  text: string;
  /** True when all the text it was made on has been deleted. */
  detached: boolean;
  /** Offsets of the range in the section's text, for sorting threads in document order. */
  from: number;
  to: number;
}

/**
 * Resolves an anchor against a section's Yjs document. Returns null when the anchor does not
 * belong to this document (malformed, another document, or items this copy has not received).
 */
export function resolveAnchor(ydoc: Y.Doc, anchor: CommentAnchor): ResolvedAnchor | null {
  return resolveIn(indexText(ydoc), ydoc, anchor);
}

/** {@link resolveAnchor} for many anchors of one section, reading the document once. */
export function resolveAnchors(
  ydoc: Y.Doc,
  anchors: readonly CommentAnchor[],
): (ResolvedAnchor | null)[] {
  const index = indexText(ydoc);
  return anchors.map((anchor) => resolveIn(index, ydoc, anchor));
}

/** Offsets of an anchor's ends in the section's text (from > to never happens: then detached). */
export function resolveIn(
  index: TextIndex,
  ydoc: Y.Doc,
  anchor: CommentAnchor,
): ResolvedAnchor | null {
  if (!commentAnchorSchema.safeParse(anchor).success) return null;
  const from = offsetOf(index, ydoc, anchor.start);
  const to = offsetOf(index, ydoc, anchor.end);
  if (from === null || to === null) return null;
  if (from === GONE || to === GONE) {
    // The editor cannot place such an anchor either: nothing is highlighted.
    const at = from === GONE ? (to === GONE ? 0 : to) : from;
    return { text: "", detached: true, from: at, to: at };
  }
  if (to <= from) return { text: "", detached: true, from, to: from };
  let text = "";
  let previous: ReturnType<typeof runsBetween>[number] | undefined;
  for (const run of runsBetween(index, from, to)) {
    if (previous) text += previous.block === run.block ? " " : "\n";
    text += run.content.slice(Math.max(from - run.start, 0), Math.min(to, run.end) - run.start);
    previous = run;
  }
  text = text.replaceAll(OBJECT_REPLACEMENT, "");
  return { text, detached: text.length === 0, from, to };
}

/** An end whose item this document has had but collected: its whole paragraph was deleted. */
const GONE = Symbol("gone");

function offsetOf(
  index: TextIndex,
  ydoc: Y.Doc,
  json: RelativePositionJSON,
): number | typeof GONE | null {
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(json),
      ydoc,
    );
    if (position) return index.offsetOf(position.type, position.index);
    // Unknown to this document (another document, or not received yet) or collected.
    const id = json.item ?? json.type;
    return id && Y.getState(ydoc.store, id.client) > id.clock ? GONE : null;
  } catch {
    return null;
  }
}
