import { blockChange } from "@rapporteur/compare";
import type { DocJSON } from "@rapporteur/schema";

/** Attribute of a body paragraph telling trackedParagraphMark how to mark its paragraph mark. */
export const PARAGRAPH_MARK = "paragraphMark";

/**
 * LibreOffice does not join a deleted paragraph mark with a following table, nor (in places) a
 * deleted paragraph that holds a footnote reference with the next paragraph: once the deletion is
 * accepted, an empty numbered paragraph would stay behind (Word removes it). So for such runs of
 * deleted body paragraphs, the mark of the last one is kept and the mark of the unchanged body
 * paragraph before them deleted instead: accepting joins that paragraph's text with the kept
 * mark, which has the same style and numbering, and rejecting keeps them all apart. When the block
 * before them is not such a paragraph (a heading, list or quote) and a table follows, the last one
 * keeps its mark and loses its number as a tracked formatting change instead ("emptied"):
 * accepting leaves an empty unnumbered paragraph but no extra number in Word, rejecting gives the
 * number back. (A deleted paragraph holding a footnote right after a heading, list or quote can
 * still leave an empty numbered paragraph in LibreOffice; Word removes it.)
 */
export function moveParagraphMarks(content: readonly DocJSON[]): DocJSON[] {
  const out = [...content];
  const deleted = (node: DocJSON | undefined) =>
    node?.type === "paragraph" && blockChange(node)?.kind === "deletion";
  const withMark = (node: DocJSON, mark: unknown): DocJSON => ({
    ...node,
    attrs: { ...node.attrs, [PARAGRAPH_MARK]: mark },
  });
  for (let start = 0; start < out.length; start++) {
    if (!deleted(out[start])) continue;
    let end = start;
    while (deleted(out[end + 1])) end++;
    const run = out.slice(start, end + 1);
    const beforeTable = out[end + 1]?.type === "table";
    const notes = run.some((p) =>
      p.content?.some((c) => c.type === "footnote" || c.type === "citation"),
    );
    const before = out[start - 1];
    if (beforeTable || notes) {
      if (before?.type === "paragraph" && !blockChange(before) && before.content?.length) {
        out[start - 1] = withMark(before, blockChange(out[end]!));
        out[end] = withMark(out[end]!, "kept");
      } else {
        if (beforeTable) out[end] = withMark(out[end]!, "emptied");
      }
    }
    start = end;
  }
  return out;
}
