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
/** A caption as the export prints it: its label, then its text. */
const CAPTIONS = [
  ["title", ""],
  ["source", "Source: "],
  ["note", "Note: "],
] as const;
/** Tables and boxes print their number label ("Table 1", "Box 1") whether or not they have a title. */
const NUMBER_LABELS: Record<string, string> = { table: "Table 0", box: "Box 0" };

function collectText(node: DocJSON, body: string[], notes: string[], inNote: boolean): void {
  if (node.type === "text") {
    (inNote ? notes : body).push(node.text ?? "");
    return;
  }
  const note = inNote || node.type === "footnote";
  // Words never run across block boundaries, a hard break or a footnote reference; a citation
  // is a footnote reference whose text, made from the source at export, is not in the document.
  if (node.type === "hardBreak" || node.type === "footnote" || node.type === "citation") {
    body.push(BLOCK_SEPARATOR);
  }
  // A cross-reference prints as one number ("23"), a word as Word and LibreOffice count it.
  if (node.type === "crossRef") body.push(BLOCK_SEPARATOR, "0", BLOCK_SEPARATOR);
  // Captions print: "Table 1" or "Box 1", the title, then a table's "Source: …" and "Note: …".
  const label = NUMBER_LABELS[node.type];
  if (label) {
    body.push(BLOCK_SEPARATOR, label, BLOCK_SEPARATOR);
    for (const [key, prefix] of CAPTIONS) {
      const value = node.attrs?.[key];
      if (typeof value === "string" && value.trim()) {
        body.push(BLOCK_SEPARATOR, prefix + value, BLOCK_SEPARATOR);
      }
    }
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
