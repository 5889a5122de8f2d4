import type * as Y from "yjs";
import { FRAGMENT_NAME } from "./fragmentName";
import { SchemaWalk } from "./SchemaWalk";
import { schema } from "./schema";
import type { SchemaViolation } from "./schemaCheck";

/** What {@link repairYDoc} dropped, and the Yjs update that drops it (null: nothing to drop). */
export interface SchemaRepair {
  dropped: SchemaViolation[];
  update: Uint8Array | null;
}

/**
 * Drops from a section's Yjs document whatever does not fit the report schema (see
 * {@link checkFragment}): unknown or misplaced nodes with everything inside them, unknown
 * attributes and marks, anything outside the fragment. Only deletions, in one transaction with
 * `origin`, so that the returned update can be stored and sent like any edit. For content the
 * server stored before it checked updates.
 */
export function repairYDoc(doc: Y.Doc, origin: unknown = null): SchemaRepair {
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  const walk = new SchemaWalk(Number.POSITIVE_INFINITY);
  for (const [name, type] of doc.share) {
    if (name !== FRAGMENT_NAME) walk.otherRoot(type, name);
  }
  walk.container(fragment, schema.topNodeType, 0, FRAGMENT_NAME, () => true);
  if (walk.found.length === 0) return { dropped: [], update: null };
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.on("update", capture);
  try {
    doc.transact((transaction) => {
      for (const violation of walk.found) {
        for (const item of violation.items) item.delete(transaction);
      }
    }, origin);
  } finally {
    doc.off("update", capture);
  }
  return {
    dropped: walk.found.map(({ rule, path, message }) => ({ rule, path, message })),
    update,
  };
}
