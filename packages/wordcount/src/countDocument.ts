import type { DocJSON } from "@rapporteur/schema";
import { countWords } from "./countWords";

/** Word counts of one section document. */
export interface DocumentCount {
  /** Words of the body: headings, paragraphs, list items, table cells. */
  words: number;
  /** Words inside footnotes, reported apart. */
  footnoteWords: number;
}

const BLOCK_SEPARATOR = "\n";
const CAPTIONS = ["title", "source", "note"] as const;

function collectText(node: DocJSON, body: string[], notes: string[], inNote: boolean): void {
  if (node.type === "text") {
    (inNote ? notes : body).push(node.text ?? "");
    return;
  }
  const note = inNote || node.type === "footnote";
  // Words never run across block boundaries, a hard break or a footnote reference.
  if (node.type === "hardBreak" || node.type === "footnote") body.push(BLOCK_SEPARATOR);
  // A cross-reference prints as one number ("23"), a word as Word and LibreOffice count it.
  if (node.type === "crossRef") body.push(BLOCK_SEPARATOR, "0", BLOCK_SEPARATOR);
  // Captions print: a table's title, source and note, a box's title.
  for (const key of CAPTIONS) {
    const value = node.type === "table" || node.type === "box" ? node.attrs?.[key] : undefined;
    if (typeof value === "string") body.push(BLOCK_SEPARATOR, value, BLOCK_SEPARATOR);
  }
  for (const child of node.content ?? []) collectText(child, body, notes, note);
  (note ? notes : body).push(BLOCK_SEPARATOR);
}

/**
 * Counts one node of a section document (a block, or the whole document): text of headings,
 * paragraphs, list items, table cells, table and box captions and cross-references (one word
 * each) as `words`, footnote text as `footnoteWords`.
 */
export function countBlock(node: DocJSON): DocumentCount {
  const body: string[] = [];
  const notes: string[] = [];
  collectText(node, body, notes, false);
  return { words: countWords(body.join("")), footnoteWords: countWords(notes.join("")) };
}

/** Counts a section document (ProseMirror JSON of the report schema). */
export function countDocument(doc: DocJSON): DocumentCount {
  return countBlock(doc);
}
