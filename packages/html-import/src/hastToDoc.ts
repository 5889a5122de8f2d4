import { snippet, type WarningList } from "@rapporteur/markdown";
import { type DocJSON, isReportLink, MAX_CONTAINER_NESTING } from "@rapporteur/schema";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { type FootnoteIndex, linkFragment } from "./footnoteIndex";
import { classNames, elementsWithParents, hastText, stringProperty } from "./hastHelpers";
import { MAX_ELEMENT_DEPTH } from "./importLimits";
import { inlineStyleMarks, styleProperty } from "./inlineStyle";
import { isAppLink } from "./withoutAppLinks";
import { type WordListParagraph, wordListParagraph } from "./wordList";

type MarkJSON = NonNullable<DocJSON["marks"]>[number];
type Node = Root | RootContent | ElementContent;

/** State shared while one HTML tree is converted. */
export interface HtmlState {
  warnings: WarningList;
  footnotes: FootnoteIndex;
  /** The app's own origin: links to it are dropped (their text kept). */
  appOrigin?: string;
  /** How many times each note was referenced so far. */
  usedNotes: Map<Element, number>;
  /** Nesting of lists, block quotes and tables. */
  containerDepth: number;
  /** Nesting of elements. */
  elementDepth: number;
  inFootnote: boolean;
  inPre: boolean;
  /** Counted, then reported in one warning each (pages carry many of them). */
  counts: { localLinks: number; rules: number; deepElements: number; deepContainers: number };
}

const BLOCK_TAGS = new Set(
  "address article aside body center dd details dialog div dl dt fieldset figcaption figure footer form header hgroup html li main nav p section summary caption tr td th tbody thead tfoot".split(
    " ",
  ),
);
const SILENT_DROPS = new Set(
  "head meta link title template noscript xml base colgroup col o:smarttagtype".split(" "),
);
const ACTIVE = new Set("script iframe object embed applet frame frameset".split(" "));
const MEDIA = new Set("svg math canvas video audio picture map area".split(" "));
const FIELDS = new Set("input button select textarea option".split(" "));
const IMAGES = new Set(["img", "image", "v:shape", "v:imagedata"]);
const BOLD_TAGS = new Set(["b", "strong"]);
const ITALIC_TAGS = new Set(["i", "em", "cite", "dfn", "var"]);

/** Inline content being gathered into the next paragraph, and the blocks made so far. */
class Blocks {
  readonly blocks: DocJSON[] = [];
  inline: DocJSON[] = [];

  /** Ends the paragraph being gathered (dropped when it holds nothing but spaces). */
  flush(): void {
    const content = collapseSpaces(this.inline);
    this.inline = [];
    if (content.some((n) => n.type === "footnote" || (n.text ?? "").trim() !== "")) {
      this.blocks.push({ type: "paragraph", content });
    }
  }

  push(block: DocJSON): void {
    this.flush();
    this.blocks.push(block);
  }
}

/** HTML's white-space rule: runs of spaces and line ends are one space; no-break spaces too. */
function collapseSpaces(nodes: DocJSON[]): DocJSON[] {
  const out: DocJSON[] = [];
  let afterSpace = true;
  for (const node of nodes) {
    if (node.type !== "text") {
      out.push(node);
      afterSpace = node.type === "hardBreak";
      continue;
    }
    let text = (node.text ?? "").replace(/[\s\u00a0]+/g, " ");
    if (afterSpace && text.startsWith(" ")) text = text.slice(1);
    if (text === "") continue;
    afterSpace = text.endsWith(" ");
    out.push({ ...node, text });
  }
  return out;
}

function withMark(marks: MarkJSON[], type: string, on: boolean | undefined): MarkJSON[] {
  if (on === undefined) return marks;
  const without = marks.filter((m) => m.type !== type);
  return on ? [...without, { type }] : without;
}

function elementMarks(element: Element, marks: MarkJSON[]): MarkJSON[] {
  let next = marks;
  if (BOLD_TAGS.has(element.tagName)) next = withMark(next, "bold", true);
  if (ITALIC_TAGS.has(element.tagName)) next = withMark(next, "italic", true);
  const style = inlineStyleMarks(stringProperty(element, "style"));
  next = withMark(next, "bold", style.bold);
  return withMark(next, "italic", style.italic);
}

function linkMark(href: string): MarkJSON {
  return { type: "link", attrs: { href } };
}

/** The inline content of blocks, one space between them (headings, footnotes, cells of text). */
function flattenBlocks(blocks: DocJSON[]): DocJSON[] {
  const out: DocJSON[] = [];
  const visit = (block: DocJSON) => {
    if (block.type === "paragraph" || block.type === "heading") {
      if (out.length > 0) out.push({ type: "text", text: " " });
      out.push(...(block.content ?? []).filter((n) => n.type !== "hardBreak"));
    } else {
      for (const child of block.content ?? []) visit(child);
    }
  };
  blocks.forEach(visit);
  return out;
}

function headingLevel(element: Element): number | undefined {
  const tag = /^h([1-6])$/.exec(element.tagName);
  if (tag) return Number(tag[1]);
  if (element.tagName !== "p") return undefined;
  for (const name of classNames(element)) {
    const word = /^MsoHeading(\d)$/i.exec(name);
    if (word) return Number(word[1]);
    if (/^(MsoTitle|title)$/i.test(name)) return 1;
  }
  return undefined;
}

/** Converts the children of an element, skipping Word's hidden `<![if !support…]>` fallbacks. */
function walkChildren(
  children: readonly Node[],
  out: Blocks,
  marks: MarkJSON[],
  state: HtmlState,
): void {
  let hidden = false;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === "comment") {
      const value = child.value.trim();
      if (/^\[if !support/i.test(value)) hidden = true;
      else if (/^\[endif\]/i.test(value)) hidden = false;
      continue;
    }
    if (hidden || child.type === "doctype") continue;
    const first = child.type === "element" ? wordListParagraph(child) : undefined;
    if (first && !state.inFootnote) {
      const run: WordListParagraph[] = [first];
      let j = i + 1;
      for (; j < children.length; j++) {
        const next = children[j]!;
        if (next.type === "text" && next.value.trim() === "") continue;
        if (next.type === "comment") continue;
        const item = next.type === "element" ? wordListParagraph(next) : undefined;
        if (!item) break;
        run.push(item);
      }
      out.push(wordList(run, 0, run[0]!.level, marks, state).node);
      i = j - 1;
      continue;
    }
    walk(child, out, marks, state);
  }
}

/** Builds nested lists from Word's flat list paragraphs, by their levels. */
function wordList(
  run: WordListParagraph[],
  start: number,
  level: number,
  marks: MarkJSON[],
  state: HtmlState,
): { node: DocJSON; next: number } {
  const items: DocJSON[] = [];
  let i = start;
  state.containerDepth++;
  while (i < run.length && run[i]!.level >= level) {
    const item = run[i]!;
    if (item.level === level || state.containerDepth >= MAX_CONTAINER_NESTING) {
      const content = new Blocks();
      walkChildren(item.element.children, content, marks, state);
      content.flush();
      items.push({
        type: "listItem",
        content: [{ type: "paragraph", content: flattenBlocks(content.blocks) }],
      });
      i++;
    } else {
      const nested = wordList(run, i, item.level, marks, state);
      if (items.length === 0) items.push({ type: "listItem", content: [{ type: "paragraph" }] });
      items[items.length - 1]!.content!.push(nested.node);
      i = nested.next;
    }
  }
  state.containerDepth--;
  const first = run[start]!;
  const node = first.ordered
    ? { type: "orderedList", attrs: { start: first.start, type: null }, content: items }
    : { type: "bulletList", content: items };
  return { node, next: i };
}

function blocksOf(children: readonly Node[], marks: MarkJSON[], state: HtmlState): DocJSON[] {
  const inner = new Blocks();
  walkChildren(children, inner, marks, state);
  inner.flush();
  return inner.blocks;
}

function list(element: Element, out: Blocks, marks: MarkJSON[], state: HtmlState): void {
  if (state.containerDepth >= MAX_CONTAINER_NESTING) {
    state.counts.deepContainers++;
    walkChildren(element.children, out, marks, state);
    out.flush();
    return;
  }
  state.containerDepth++;
  const items: DocJSON[] = [];
  const lastItem = () => {
    if (items.length === 0) items.push({ type: "listItem", content: [{ type: "paragraph" }] });
    return items[items.length - 1]!;
  };
  for (const child of element.children) {
    if (child.type === "element" && child.tagName === "li") {
      const content = blocksOf(child.children, marks, state);
      if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
      items.push({ type: "listItem", content });
    } else if (child.type === "text" && child.value.trim() === "") {
    } else if (child.type === "element" || child.type === "text") {
      // Google Docs nests a list directly in its parent list, after the item it belongs to.
      lastItem().content!.push(...blocksOf([child], marks, state));
    }
  }
  state.containerDepth--;
  if (items.length === 0) return;
  const start = Number(element.properties.start);
  out.push(
    element.tagName === "ol"
      ? {
          type: "orderedList",
          attrs: { start: Number.isInteger(start) ? start : 1, type: null },
          content: items,
        }
      : { type: "bulletList", content: items },
  );
}

function rowsOf(element: Element): Element[] {
  const rows: Element[] = [];
  for (const child of element.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "tr") rows.push(child);
    else if (/^(thead|tbody|tfoot)$/.test(child.tagName)) rows.push(...rowsOf(child));
  }
  return rows;
}

function table(element: Element, out: Blocks, marks: MarkJSON[], state: HtmlState): void {
  if (state.containerDepth >= MAX_CONTAINER_NESTING) {
    state.counts.deepContainers++;
    walkChildren(element.children, out, marks, state);
    out.flush();
    return;
  }
  for (const child of element.children) {
    if (child.type === "element" && child.tagName === "caption") {
      out.push({ type: "paragraph", content: flattenBlocks(blocksOf([child], marks, state)) });
    }
  }
  state.containerDepth++;
  const rows = rowsOf(element)
    .map((row) => ({
      type: "tableRow",
      content: row.children.flatMap((cell): DocJSON[] => {
        if (cell.type !== "element" || !/^(td|th)$/.test(cell.tagName)) return [];
        const content = blocksOf(cell.children, marks, state);
        const span = (name: string) =>
          Math.min(100, Math.max(1, Number(cell.properties[name]) || 1));
        return [
          {
            type: cell.tagName === "th" ? "tableHeader" : "tableCell",
            attrs: { colspan: span("colSpan"), rowspan: span("rowSpan"), colwidth: null },
            content: content.length > 0 ? content : [{ type: "paragraph" }],
          },
        ];
      }),
    }))
    .filter((row) => row.content.length > 0);
  state.containerDepth--;
  if (rows.length > 0) out.push({ type: "table", content: rows });
}

function footnote(note: Element, state: HtmlState): DocJSON[] {
  const uses = state.usedNotes.get(note) ?? 0;
  state.usedNotes.set(note, uses + 1);
  if (uses === 1) {
    state.warnings.add(
      undefined,
      `footnote "${snippet(hastText(note).trim())}" is referenced more than once: each reference gets its own copy of the note.`,
    );
  }
  state.inFootnote = true;
  const content = flattenBlocks(blocksOf(note.children, [], state));
  state.inFootnote = false;
  return [{ type: "footnote", content: collapseSpaces(content) }];
}

function link(element: Element, out: Blocks, marks: MarkJSON[], state: HtmlState): void {
  const note = state.footnotes.noteOf.get(element);
  if (note) {
    if (state.inFootnote) return;
    out.inline.push(...footnote(note, state));
    return;
  }
  const href = stringProperty(element, "href")?.trim();
  const fragment = linkFragment(href);
  // A note's way back to its reference (↩, or the note's number).
  if (state.inFootnote && fragment && state.footnotes.targets.has(fragment)) return;
  let next = marks.filter((m) => m.type !== "link");
  if (href === undefined || href === "") {
    // An anchor without a target: only its text.
  } else if (fragment && href.startsWith("#")) {
    state.counts.localLinks++;
  } else if (isReportLink(href)) {
    if (state.appOrigin && isAppLink(href, [state.appOrigin])) state.counts.localLinks++;
    else next = [...next, linkMark(href)];
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(href.replace(/[\p{Cc}\s]/gu, ""))) {
    state.warnings.add(
      undefined,
      `link to "${snippet(href)}" removed (only http, https and mailto links are kept; its text is kept).`,
    );
  } else {
    state.counts.localLinks++;
  }
  walkChildren(element.children, out, next, state);
}

function dropped(element: Element, state: HtmlState): boolean {
  const tag = element.tagName;
  if (tag === "head") {
    // A saved page's scripts are in its head: say they were not kept.
    const scripts = elementsWithParents({ type: "root", children: [element] }).filter(
      ({ element: e }) => ACTIVE.has(e.tagName),
    );
    for (const { element: e } of scripts) {
      state.warnings.add(undefined, `active content (<${e.tagName}>) dropped.`);
    }
    return true;
  }
  if (SILENT_DROPS.has(tag)) return true;
  if (tag === "style") {
    state.warnings.add(undefined, "style sheet (<style>) dropped.");
    return true;
  }
  if (ACTIVE.has(tag)) {
    state.warnings.add(undefined, `active content (<${tag}>) dropped.`);
    return true;
  }
  if (MEDIA.has(tag)) {
    state.warnings.add(undefined, `<${tag}> dropped: a section holds text only.`);
    return true;
  }
  if (FIELDS.has(tag)) return true;
  if (IMAGES.has(tag)) {
    if (tag === "v:imagedata") return true;
    const src = stringProperty(element, "src") ?? "";
    const alt = stringProperty(element, "alt") ?? "";
    const where = /^https?:/i.test(src) ? `external image ${snippet(src)}` : "image";
    state.warnings.add(
      undefined,
      `${where}${alt ? ` "${snippet(alt)}"` : ""} dropped: a section holds text only (add figures to the final document).`,
    );
    return true;
  }
  if (styleProperty(stringProperty(element, "style"), "mso-list") === "ignore") return true;
  if (styleProperty(stringProperty(element, "style"), "display") === "none") return true;
  return false;
}

/** Converts one node into `out`, under the marks of its ancestors. */
function walk(node: Node, out: Blocks, marks: MarkJSON[], state: HtmlState): void {
  if (node.type === "root") {
    walkChildren(node.children, out, marks, state);
    return;
  }
  if (node.type === "text") {
    if (state.inPre) {
      node.value.split(/\r\n?|\n/).forEach((line, i) => {
        if (i > 0) out.inline.push({ type: "hardBreak" });
        if (line !== "") out.inline.push({ type: "text", text: line, marks });
      });
    } else if (node.value !== "") {
      out.inline.push({ type: "text", text: node.value, marks });
    }
    return;
  }
  if (node.type !== "element") return;
  const element = node;
  if (state.footnotes.skipped.has(element)) return;
  if (dropped(element, state)) return;
  if (state.elementDepth >= MAX_ELEMENT_DEPTH) {
    state.counts.deepElements++;
    out.inline.push({ type: "text", text: ` ${hastText(element)} `, marks });
    return;
  }
  state.elementDepth++;
  try {
    const tag = element.tagName;
    const inner = elementMarks(element, marks);
    const level = headingLevel(element);
    if (level !== undefined) {
      const content = flattenBlocks(blocksOf(element.children, inner, state));
      out.push({ type: "heading", attrs: { level }, content: collapseSpaces(content) });
    } else if (tag === "br") {
      out.inline.push({ type: "hardBreak" });
    } else if (tag === "hr") {
      out.flush();
      state.counts.rules++;
    } else if (tag === "a") {
      link(element, out, inner, state);
    } else if (tag === "ul" || tag === "ol") {
      list(element, out, inner, state);
    } else if (tag === "table") {
      table(element, out, inner, state);
    } else if (tag === "blockquote") {
      if (state.containerDepth >= MAX_CONTAINER_NESTING) {
        state.counts.deepContainers++;
        walkChildren(element.children, out, inner, state);
        out.flush();
      } else {
        state.containerDepth++;
        const content = blocksOf(element.children, inner, state);
        state.containerDepth--;
        out.push({
          type: "blockquote",
          content: content.length > 0 ? content : [{ type: "paragraph" }],
        });
      }
    } else if (tag === "pre") {
      out.flush();
      const outer = state.inPre;
      state.inPre = true;
      walkChildren(element.children, out, inner, state);
      state.inPre = outer;
      out.flush();
    } else if (BLOCK_TAGS.has(tag)) {
      out.flush();
      walkChildren(element.children, out, inner, state);
      out.flush();
    } else {
      walkChildren(element.children, out, inner, state);
    }
  } finally {
    state.elementDepth--;
  }
}

/** Converts a parsed HTML tree into the blocks of a section (not yet normalised). */
export function hastToBlocks(tree: Root, state: HtmlState): DocJSON[] {
  const out = new Blocks();
  walk(tree, out, [], state);
  out.flush();
  return out.blocks;
}
