import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import type { DocJSON } from "./docJson";
import { FRAGMENT_NAME } from "./fragmentName";
import { schema } from "./schema";

/** Reads a section's Yjs document as ProseMirror JSON, validated against the report schema. */
export function yDocToJSON(ydoc: Y.Doc): DocJSON {
  const node = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(FRAGMENT_NAME), schema);
  return node.toJSON() as DocJSON;
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
