/** One run of an excerpt's text: highlighted (a search match) or not. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the character references an escaped excerpt holds; anything else stays as it is. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,5});/gi, (whole, name: string) => {
    if (name[0] !== "#") return NAMED[name.toLowerCase()] ?? whole;
    const code =
      name[1] === "x" || name[1] === "X"
        ? Number.parseInt(name.slice(2), 16)
        : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

/**
 * Reads the server's excerpt markup (escaped text with matches in `<mark>…</mark>`) into runs of
 * text, for React to render as text and `<mark>` elements: never as HTML. Any other tag, and a
 * `<mark>` without its `</mark>` (or the reverse), is kept as visible text.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const pieces = html.split(/(<mark>|<\/mark>)/i);
  const parts: ExcerptPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let marked = false;
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] ?? "";
    const tag = piece.toLowerCase();
    if (tag === "<mark>" && !marked && closesLater(pieces, index)) marked = true;
    else if (tag === "</mark>" && marked) marked = false;
    else push(tag === "<mark>" || tag === "</mark>" ? piece : decodeEntities(piece), marked);
  }
  return parts;
}

/** Whether the `<mark>` at `index` is closed before another one opens. */
function closesLater(pieces: string[], index: number): boolean {
  for (let next = index + 1; next < pieces.length; next++) {
    const tag = (pieces[next] ?? "").toLowerCase();
    if (tag === "</mark>") return true;
    if (tag === "<mark>") return false;
  }
  return false;
}
