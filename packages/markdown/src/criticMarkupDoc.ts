import { type ChangeKind, inlineChange } from "@rapporteur/compare";
import type { DocJSON } from "@rapporteur/schema";

// Placeholders for the CriticMarkup delimiters: private-use characters, which the Markdown writer
// neither escapes nor moves, replaced by the delimiters once the Markdown is written.
const OPEN: Record<ChangeKind, string> = { insertion: "\uE000", deletion: "\uE002" };
const CLOSE: Record<ChangeKind, string> = { insertion: "\uE001", deletion: "\uE003" };

/**
 * A compared document (see @rapporteur/compare) as a plain report document whose changed text is
 * enclosed in placeholder characters, for the Markdown writer; see {@link criticMarkupText}.
 */
export function criticMarkupDoc(doc: DocJSON): DocJSON {
  const out: DocJSON = { ...doc };
  if (doc.attrs && "change" in doc.attrs) {
    const { change: _, ...attrs } = doc.attrs;
    out.attrs = attrs;
  }
  if (!doc.content) return out;
  const inline = doc.content.some(
    (c) => c.type === "text" || c.type === "footnote" || c.type === "hardBreak",
  );
  out.content = inline ? inlineContent(doc.content) : doc.content.map(criticMarkupDoc);
  return out;
}

function inlineContent(nodes: readonly DocJSON[]): DocJSON[] {
  const out: DocJSON[] = [];
  let open: ChangeKind | undefined;
  for (const node of nodes) {
    const kind = inlineChange(node)?.kind;
    if (kind !== open) {
      if (open) out.push({ type: "text", text: CLOSE[open] });
      if (kind) out.push({ type: "text", text: OPEN[kind] });
      open = kind;
    }
    const marks = node.marks?.filter((m) => m.type !== "insertion" && m.type !== "deletion");
    const plain: DocJSON = { ...node };
    if (marks && marks.length > 0) plain.marks = marks;
    else delete plain.marks;
    if (node.type === "footnote" && node.content) plain.content = inlineContent(node.content);
    out.push(plain);
  }
  if (open) out.push({ type: "text", text: CLOSE[open] });
  return out;
}

/**
 * Replaces the placeholders of {@link criticMarkupDoc} in written Markdown by CriticMarkup:
 * `{++ inserted ++}`, `{-- deleted --}`, and `{~~ old ~> new ~~}` for a deletion right before an
 * insertion.
 */
export function criticMarkupText(markdown: string): string {
  return markdown
    .replace(/\uE002([^\uE000-\uE003]*)\uE003\uE000([^\uE000-\uE003]*)\uE001/g, "{~~$1~>$2~~}")
    .replace(/\uE000/g, "{++")
    .replace(/\uE001/g, "++}")
    .replace(/\uE002/g, "{--")
    .replace(/\uE003/g, "--}");
}
