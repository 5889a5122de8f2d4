import type { Editor } from "@tiptap/core";
import { useSyncExternalStore } from "react";
import type * as Y from "yjs";

const editors = new Map<Y.Doc, Editor>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Records the editor bound to a section's Yjs document (done by the highlight extension). */
export function registerCommentEditor(ydoc: Y.Doc, editor: Editor): void {
  editors.set(ydoc, editor);
  changed();
}

/** Forgets an editor that is being destroyed. */
export function unregisterCommentEditor(ydoc: Y.Doc, editor: Editor): void {
  if (editors.get(ydoc) !== editor) return;
  editors.delete(ydoc);
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The editor showing a section's Yjs document, or null while there is none: lets the comments
 * panel work with the editor without being part of it.
 */
export function useCommentEditor(ydoc: Y.Doc): Editor | null {
  return useSyncExternalStore(subscribe, () => editors.get(ydoc) ?? null);
}
