import { type DocJSON, isUnLanguage } from "@rapporteur/schema";

/**
 * The mdast node type of a span of text in a UN language, written as pandoc's bracketed span:
 * `[texte]{lang=fr}`.
 */
export const LANGUAGE_SPAN = "languageSpan";

/** The parts of mdast-util-to-markdown's state a handler of a custom node uses. */
interface PhrasingState {
  containerPhrasing(node: unknown, info: { before: string; after: string }): string;
}

/** remark-stringify's handler of {@link LANGUAGE_SPAN}: `[` content `]{lang=xx}`. */
export function writeLanguageSpan(
  node: { lang: string },
  _parent: unknown,
  state: PhrasingState,
): string {
  return `[${state.containerPhrasing(node, { before: "[", after: "]" })}]{lang=${node.lang}}`;
}

const DELIMITER = /\[|\]\{lang=([a-z]{2})\}/g;

type Token = { node: DocJSON } | { open: DocJSON } | { close: DocJSON; lang: string };

/**
 * Reads bracketed spans `[texte]{lang=fr}` in inline content converted from Markdown (Markdown
 * leaves them as text around the span's content): the text between gets the `language` mark
 * (inner spans win); where the schema has no languages on spans (`marked` false: a footnote's
 * text) the brackets are dropped and the text kept. Brackets that do not pair up, or name no UN
 * language, stay text.
 */
export function readLanguageSpans(content: DocJSON[], marked = true): DocJSON[] {
  if (!content.some((n) => n.type === "text" && n.text?.includes("]{lang="))) return content;
  const tokens: Token[] = [];
  for (const node of content) {
    if (node.type !== "text") {
      tokens.push({ node });
      continue;
    }
    const text = node.text ?? "";
    let at = 0;
    for (const match of text.matchAll(DELIMITER)) {
      if (match.index > at) tokens.push({ node: { ...node, text: text.slice(at, match.index) } });
      const piece = { ...node, text: match[0] };
      const lang = match[1];
      if (lang === undefined) tokens.push({ open: piece });
      else if (isUnLanguage(lang)) tokens.push({ close: piece, lang });
      else tokens.push({ node: piece });
      at = match.index + match[0].length;
    }
    if (at < text.length) tokens.push({ node: { ...node, text: text.slice(at) } });
  }
  const removed = new Set<number>();
  const opens: number[] = [];
  tokens.forEach((token, index) => {
    if ("open" in token) opens.push(index);
    if (!("close" in token)) return;
    const start = opens.pop();
    if (start === undefined) return;
    removed.add(start).add(index);
    if (!marked) return;
    for (let i = start + 1; i < index; i++) {
      const inner = tokens[i]!;
      if (!("node" in inner) || inner.node.type !== "text") continue;
      const marks = inner.node.marks ?? [];
      if (marks.some((m) => m.type === "language")) continue;
      inner.node = {
        ...inner.node,
        marks: [...marks, { type: "language", attrs: { lang: token.lang } }],
      };
    }
  });
  return tokens.flatMap((token, index) => {
    if (removed.has(index)) return [];
    if ("node" in token) return [token.node];
    return ["open" in token ? token.open : token.close];
  });
}
