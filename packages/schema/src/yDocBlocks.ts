import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { checkFragment } from "./checkFragment";
import type { DocJSON } from "./docJson";
import { FRAGMENT_NAME } from "./fragmentName";

/**
 * The top-level blocks of a section's Yjs document as y-tiptap reads them, not yet normalised by
 * the schema (`schema.nodeFromJSON(block).toJSON()` does that, block by block), or `null` when
 * the document holds content that does not fit the schema: read it with yDocToJSON then, which
 * leaves that content out. For callers that keep something per block (a live count). Read only.
 */
export function yDocBlocks(ydoc: Y.Doc): DocJSON[] | null {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  if (!checkFragment(fragment).ok) return null;
  return (yXmlFragmentToProsemirrorJSON(fragment) as DocJSON).content ?? [];
}
