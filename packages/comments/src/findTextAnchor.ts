import type * as Y from "yjs";
import { anchorFromTextOffsets } from "./anchorFromTextOffsets";
import type { CommentAnchor } from "./commentAnchor";
import { indexText } from "./textIndex";

/**
 * An anchor on the `occurrence`-th (0-based) place where `text` appears inside one text node of
 * the section, or null when it does not appear that often. For tools and tests that comment on
 * known words without an editor.
 */
export function findTextAnchor(ydoc: Y.Doc, text: string, occurrence = 0): CommentAnchor | null {
  if (text.length === 0) return null;
  let seen = 0;
  for (const run of indexText(ydoc).runs) {
    for (let at = run.content.indexOf(text); at !== -1; at = run.content.indexOf(text, at + 1)) {
      if (seen === occurrence) {
        return anchorFromTextOffsets(ydoc, run.start + at, run.start + at + text.length);
      }
      seen += 1;
    }
  }
  return null;
}
