import {
  prosemirrorJSONToYXmlFragment,
  yXmlFragmentToProseMirrorRootNode,
  yXmlFragmentToProsemirrorJSON,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { checkFragment } from "./checkFragment";
import type { DocJSON } from "./docJson";
import { FRAGMENT_NAME } from "./fragmentName";
import { repairYDoc } from "./repairYDoc";
import { schema } from "./schema";

/**
 * Reads a section's Yjs document as ProseMirror JSON, normalised by the report schema. Never
 * changes `ydoc`: content that does not fit the schema is dropped from the result only (y-tiptap's
 * own conversion would delete it from the document, unseen by storage and other clients), so a
 * section stored with such content still exports and counts.
 */
export function yDocToJSON(ydoc: Y.Doc): DocJSON {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  if (checkFragment(fragment).ok) {
    try {
      return schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(fragment)).toJSON() as DocJSON;
    } catch {
      // Attribute values the schema refuses: repaired on a copy below.
    }
  }
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    repairYDoc(copy);
    const node = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(FRAGMENT_NAME), schema);
    return node.toJSON() as DocJSON;
  } finally {
    copy.destroy();
  }
}

/**
 * Replaces the whole content of a section's Yjs document with `json`, in one transaction, so that
 * connected editors see it as a single normal edit. Throws if `json` does not fit the schema.
 */
export function replaceYDocContent(ydoc: Y.Doc, json: DocJSON, origin: unknown = null): void {
  // Validate first: a document that does not fit must leave the section untouched.
  schema.nodeFromJSON(json).check();
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  ydoc.transact(() => {
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(schema, json, fragment);
  }, origin);
}
