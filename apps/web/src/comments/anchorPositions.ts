import type { CommentAnchor } from "@rapporteur/api";
import type { EditorState } from "@tiptap/pm/state";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";

interface SyncState {
  type: Y.XmlFragment;
  doc: Y.Doc;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? sync : null;
}

/**
 * The anchor of the range `[from, to]` of the editor's document: its ends as Yjs relative
 * positions (y-tiptap's `absolutePositionToRelativePosition`), so the range follows its words
 * whatever others edit. Null before the editor is bound to its Yjs document.
 */
export function anchorOfRange(state: EditorState, from: number, to: number): CommentAnchor | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  const mapping = sync.binding.mapping as never;
  const relative = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, sync.type, mapping));
  return { start: relative(from), end: relative(to) } as CommentAnchor;
}

/**
 * Where an anchor is in the editor's document now, or null when it cannot be placed (its text
 * is gone, or the editor has not received it yet).
 */
export function rangeOfAnchor(
  state: EditorState,
  anchor: CommentAnchor,
): { from: number; to: number } | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  const mapping = sync.binding.mapping as never;
  try {
    const position = (json: unknown) =>
      relativePositionToAbsolutePosition(
        sync.doc,
        sync.type,
        Y.createRelativePositionFromJSON(json),
        mapping,
      );
    const from = position(anchor.start);
    const to = position(anchor.end);
    if (from === null || to === null || to <= from) return null;
    const size = state.doc.content.size;
    if (from < 0 || to > size) return null;
    return { from, to };
  } catch {
    return null;
  }
}
