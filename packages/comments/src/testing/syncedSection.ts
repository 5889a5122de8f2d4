import { type DocJSON, FRAGMENT_NAME, replaceYDocContent, schema } from "@rapporteur/schema";
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { CommentAnchor } from "../commentAnchor";

/**
 * Two copies of one section, kept in sync by exchanging updates as the collaboration server
 * does: `server` holds the content, `client` is another user's editor. `gc: false` keeps deleted
 * content (as a document with history does).
 */
export function syncedSection(
  json: DocJSON,
  options: { gc?: boolean } = {},
): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc({ gc: options.gc ?? true });
  const client = new Y.Doc({ gc: options.gc ?? true });
  replaceYDocContent(server, json);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  server.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(client, update, "remote");
  });
  client.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(server, update, "remote");
  });
  return { server, client };
}

/** The section the anchor and suggestion tests comment on: three paragraphs, one bold phrase. */
export const SUMMIT_SECTION: DocJSON = {
  type: "doc",
  content: [
    paragraph("The Summit set out a people-centred vision."),
    paragraph("Broadband access has ", { bold: "grown in every region" }, " since 2005."),
    paragraph("Gaps remain in affordability and skills."),
  ],
};

/** A paragraph of plain and bold text, as the editor stores it. */
export function paragraph(...parts: (string | { bold: string })[]): DocJSON {
  return {
    type: "paragraph",
    content: parts.map((part) =>
      typeof part === "string"
        ? { type: "text", text: part }
        : { type: "text", text: part.bold, marks: [{ type: "bold" }] },
    ),
  };
}

/** Where `phrase` starts and ends in the editor's document (within one paragraph of text). */
function editorRange(ydoc: Y.Doc, phrase: string, until?: string) {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const find = (text: string): { from: number; to: number } | undefined => {
    let found: { from: number; to: number } | undefined;
    doc.descendants((node, pos) => {
      if (found || !node.isTextblock) return !found;
      const at = node.textContent.indexOf(text);
      if (at !== -1) found = { from: pos + 1 + at, to: pos + 1 + at + text.length };
      return false;
    });
    return found;
  };
  const start = find(phrase);
  const end = find(until ?? phrase);
  if (!start || !end) throw new Error(`"${phrase}" is not in the document`);
  return { fragment, mapping, from: start.from, to: end.to };
}

/**
 * The anchor the web editor makes for a selection from the start of `phrase` to the end of
 * `until` (default: `phrase`), with y-tiptap's `absolutePositionToRelativePosition`.
 */
export function editorAnchor(ydoc: Y.Doc, phrase: string, until?: string): CommentAnchor {
  const { fragment, mapping, from, to } = editorRange(ydoc, phrase, until);
  const relative = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, fragment, mapping));
  return { start: relative(from), end: relative(to) } as CommentAnchor;
}

/** The text that the editor highlights for an anchor (y-tiptap's way back to positions). */
export function editorHighlight(ydoc: Y.Doc, anchor: CommentAnchor): string | null {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const position = (json: unknown) =>
    relativePositionToAbsolutePosition(
      ydoc,
      fragment,
      Y.createRelativePositionFromJSON(json),
      mapping,
    );
  const from = position(anchor.start);
  const to = position(anchor.end);
  return from === null || to === null ? null : doc.textBetween(from, to, "\n");
}

/** The Y.XmlText of the `index`-th top-level paragraph, and its plain text. */
export function paragraphText(ydoc: Y.Doc, index: number): { text: Y.XmlText; plain: string } {
  const element = ydoc.getXmlFragment(FRAGMENT_NAME).get(index);
  if (!(element instanceof Y.XmlElement)) throw new Error(`No paragraph ${index}`);
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`Paragraph ${index} has no text`);
  const plain = (text.toDelta() as { insert: string }[]).map((op) => op.insert).join("");
  return { text, plain };
}
