import { type ChangeKind, inlineChange } from "@rapporteur/compare";
import type { DocJSON } from "@rapporteur/schema";

// Placeholders for the CriticMarkup delimiters: private-use characters, which the Markdown writer
// neither escapes nor moves, replaced by the delimiters once the Markdown is written.
const OPEN: Record<ChangeKind, string> = { insertion: "\uE000", deletion: "\uE002" };
const CLOSE: Record<ChangeKind, string> = { insertion: "\uE001", deletion: "\uE003" };
// Around the author's name after a change, for `{>>name<<}`.
const NOTE_OPEN = "\uE004";
const NOTE_CLOSE = "\uE005";

/**
 * A compared document (see @rapporteur/compare) as a plain report document whose changed text is
 * enclosed in placeholder characters, for the Markdown writer; see {@link criticMarkupText}. With
 * `authors`, each change is followed by its author's name (a change ends where its author does).
 */
export function criticMarkupDoc(doc: DocJSON, authors = false): DocJSON {
  const out: DocJSON = { ...doc };
  if (doc.attrs && "change" in doc.attrs) {
    const { change: _, ...attrs } = doc.attrs;
    out.attrs = attrs;
  }
  if (!doc.content) return out;
  const inline = doc.content.some(
    (c) => c.type === "text" || c.type === "footnote" || c.type === "hardBreak",
  );
  out.content = inline
    ? inlineContent(doc.content, authors)
    : doc.content.map((c) => criticMarkupDoc(c, authors));
  return out;
}

function inlineContent(nodes: readonly DocJSON[], authors: boolean): DocJSON[] {
  const out: DocJSON[] = [];
  let open: { kind: ChangeKind; author: string } | undefined;
  const close = () => {
    if (!open) return;
    out.push({ type: "text", text: CLOSE[open.kind] });
    if (authors && open.author) {
      out.push({ type: "text", text: `${NOTE_OPEN}${open.author}${NOTE_CLOSE}` });
    }
  };
  for (const node of nodes) {
    const change = inlineChange(node);
    const author = authors ? (change?.author ?? "") : "";
    if (change?.kind !== open?.kind || (change && author !== open?.author)) {
      close();
      if (change) out.push({ type: "text", text: OPEN[change.kind] });
      open = change ? { kind: change.kind, author } : undefined;
    }
    const marks = node.marks?.filter((m) => m.type !== "insertion" && m.type !== "deletion");
    const plain: DocJSON = { ...node };
    if (marks && marks.length > 0) plain.marks = marks;
    else delete plain.marks;
    if (node.type === "footnote" && node.content) {
      plain.content = inlineContent(node.content, authors);
    }
    out.push(plain);
  }
  close();
  return out;
}

/**
 * Replaces the placeholders of {@link criticMarkupDoc} in written Markdown by CriticMarkup:
 * `{++ inserted ++}`, `{-- deleted --}`, and `{~~ old ~> new ~~}` for a deletion right before an
 * insertion (by the same author); an author's name after a change as a comment `{>>name<<}`.
 */
export function criticMarkupText(markdown: string): string {
  return markdown
    .replace(
      /\uE002([^\uE000-\uE005]*)\uE003\uE004([^\uE000-\uE005]*)\uE005\uE000([^\uE000-\uE005]*)\uE001\uE004\2\uE005/g,
      "{~~$1~>$3~~}{>>$2<<}",
    )
    .replace(/\uE002([^\uE000-\uE003]*)\uE003\uE000([^\uE000-\uE003]*)\uE001/g, "{~~$1~>$2~~}")
    .replace(/\uE000/g, "{++")
    .replace(/\uE001/g, "++}")
    .replace(/\uE002/g, "{--")
    .replace(/\uE003/g, "--}")
    .replace(/\uE004/g, "{>>")
    .replace(/\uE005/g, "<<}");
}
