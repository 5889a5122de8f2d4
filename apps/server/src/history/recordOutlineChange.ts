import type { DocumentStore } from "@rapporteur/storage";
import * as Y from "yjs";
import type { CollabServer } from "../collab/CollabServer";
import type { SectionHistory } from "./SectionHistory";

/**
 * Marks a structural change of a section (renamed, moved, archived, restored) in its history: a
 * kept point of kind `outline` named `label`, holding the text as it is (nothing of it changes).
 */
export async function recordOutlineChange(
  deps: { store: DocumentStore; collab: CollabServer; sectionHistory: SectionHistory },
  sectionId: string,
  label: string,
  userId: number | null,
): Promise<void> {
  const { store, collab, sectionHistory } = deps;
  const stored = await store.load(sectionId);
  let state: Uint8Array | undefined;
  if (collab.documentNames.includes(sectionId)) {
    const document = await collab.loadDocument(sectionId).catch(() => null);
    if (document && !document.retired) state = Y.encodeStateAsUpdate(document.ydoc);
  }
  state ??=
    stored.updates.length > 0 ? Y.mergeUpdates(stored.updates) : Y.encodeStateAsUpdate(new Y.Doc());
  const at = Date.now();
  sectionHistory.store.insert(sectionId, [
    {
      seq: stored.lastSeq,
      fromAt: at,
      at,
      userIds: userId === null ? [] : [userId],
      kind: "outline",
      added: 0,
      removed: 0,
      pinned: true,
      label,
      state,
    },
  ]);
}
