import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { type Processor, unified } from "unified";
import { checkSourceNesting, checkTreeNesting } from "./checkNesting";

// The part of mdast-util-from-markdown's extension type that is used here.
type Extension = { enter?: Record<string, unknown>; transforms?: unknown[] };
type Extensions = (Extension | Extensions)[];

/**
 * remark-gfm also finds autolink literals (bare URLs, e-mail addresses) in the text AFTER parsing,
 * where backslash escapes are already gone: text written as `www\.un.org` would come back as a
 * link and plain text could never round-trip. Dropping that transform keeps the parser's own
 * detection, which links bare URLs and respects escapes.
 */
function withoutLateAutolinks(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: Extensions };
  const strip = (ext: Extension | Extensions): Extension | Extensions =>
    Array.isArray(ext)
      ? ext.map(strip)
      : ext.enter && "literalAutolink" in ext.enter
        ? { ...ext, transforms: [] }
        : ext;
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(strip);
}

const parser = unified().use(remarkParse).use(remarkGfm).use(withoutLateAutolinks);

/**
 * Parses GitHub-flavoured Markdown (tables, footnotes, autolinks) to an mdast tree. Throws
 * MarkdownTooDeepError on a file nested deeper than the converters can walk (checkNesting):
 * by its lines before parsing, then by its tree.
 */
export function parseMarkdown(markdown: string): Root {
  checkSourceNesting(markdown);
  const tree = parser.parse(markdown);
  checkTreeNesting(tree);
  return tree;
}
