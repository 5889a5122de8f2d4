import * as Y from "yjs";
import { randomEdit, seededRandom } from "../support/collabClient";

/** A client's editing session: its document and every update it produced, in order. */
export interface TypingSession {
  doc: Y.Doc;
  updates: Uint8Array[];
}

/**
 * `edits` random edits of a section (paragraphs added, text typed and deleted) by a client with
 * the fixed id `clientId`, as incremental Yjs updates: valid material for protocol tests.
 */
export function typingSession(clientId: number, edits: number, seed: number): TypingSession {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const random = seededRandom(seed);
  const fragment = doc.getXmlFragment("default");
  for (let i = 0; i < edits; i++) randomEdit(fragment, random, `k${clientId % 1000}w`);
  return { doc, updates };
}

/** Whether two documents hold the same items, deletions and section content. */
export function sameDocument(a: Y.Doc, b: Y.Doc): boolean {
  return (
    Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b)) &&
    a.getXmlFragment("default").toString() === b.getXmlFragment("default").toString()
  );
}

/** A document built from `updates` (a server's state, stored rows, ...). */
export function documentOf(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
