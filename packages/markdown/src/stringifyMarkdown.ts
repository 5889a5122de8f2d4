import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { LANGUAGE_SPAN, writeLanguageSpan } from "./languageSpans";

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: "-",
    bulletOther: "*",
    emphasis: "*",
    strong: "*",
    listItemIndent: "one",
    incrementListMarker: true,
    rule: "-",
    fences: true,
    handlers: { [LANGUAGE_SPAN]: writeLanguageSpan } as never,
    // "[^" starts a footnote reference even inside a link's text: escape the caret there.
    unsafe: [
      { character: "^", before: "\\[", inConstruct: "phrasing" },
      // "<...>" inside a link's text would be read as an autolink (and its brackets lost).
      { character: "<", inConstruct: "phrasing" },
      // An emphasis marker ("_") can become the start of an e-mail autolink: escape any "@" that
      // could end one, not only those after a word character.
      {
        character: "@",
        after: "[\\-.\\w]",
        inConstruct: "phrasing",
        notInConstruct: ["autolink", "link", "image", "label"],
      },
    ],
  });

/** Writes an mdast tree as GitHub-flavoured Markdown, in the house style (`-` bullets, `*` emphasis). */
export function stringifyMarkdown(tree: Root): string {
  return stringifier.stringify(tree);
}
