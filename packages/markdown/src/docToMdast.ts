import {
  type CitationText,
  citationKey,
  type DocJSON,
  type ReferenceTarget,
  type ReportBlockNode,
  type ReportInlineNode,
} from "@rapporteur/schema";
import type {
  BlockContent,
  FootnoteDefinition,
  ListItem,
  PhrasingContent,
  RootContent,
  TableCell,
  TableRow,
} from "mdast";
import {
  attributeSuffix,
  BOX_PREFIX,
  NOTE_PREFIX,
  SOURCE_PREFIX,
  TABLE_PREFIX,
} from "./blockCaptions";
import { LANGUAGE_SPAN } from "./languageSpans";
import { marksKey } from "./normalizeDoc";

type MarkJSON = NonNullable<DocJSON["marks"]>[number];

/** State shared by the handlers while one document (or a whole report) is converted. */
export interface ToMarkdownState {
  /** Footnote definitions collected so far, written at the end of the file. */
  footnoteDefinitions: FootnoteDefinition[];
  /** Cross-reference targets of the whole report, to write references as their numbers. */
  targets?: Map<string, ReferenceTarget>;
  /** Footnote texts of cited evidence sources, by citation (citationKey) (the whole report's export). */
  citations?: Record<string, CitationText>;
}

type BlockHandler = (node: DocJSON, state: ToMarkdownState) => RootContent[];
type InlineHandler = (node: DocJSON, state: ToMarkdownState) => PhrasingContent;
type MarkParent = Extract<PhrasingContent, { children: PhrasingContent[] }>;

/** The handler of `type` in a table keyed by node names, or undefined for any other string. */
function handlerOf<H>(table: Record<string, H>, type: string): H | undefined {
  return Object.hasOwn(table, type) ? table[type] : undefined;
}

function unknown(type: string): never {
  throw new Error(`toMarkdown: no handler for document node type "${type}"`);
}

/** Converts block nodes of a normalised document (see normalizeDoc) to mdast. */
export function blocksToMdast(nodes: readonly DocJSON[], state: ToMarkdownState): RootContent[] {
  return nodes.flatMap((node) =>
    (handlerOf(blockHandlers, node.type) ?? unknown(node.type))(node, state),
  );
}

function markNode(mark: MarkJSON): MarkParent {
  if (mark.type === "bold") return { type: "strong", children: [] };
  // A span in a language: pandoc's bracketed span (stringifyMarkdown writes it).
  if (mark.type === "language") {
    return { type: LANGUAGE_SPAN, lang: String(mark.attrs?.lang), children: [] } as never;
  }
  if (mark.type === "italic") return { type: "emphasis", children: [] };
  if (mark.type === "link") {
    const title = mark.attrs?.title;
    return {
      type: "link",
      url: String(mark.attrs?.href ?? ""),
      title: typeof title === "string" && title !== "" ? title : null,
      children: [],
    };
  }
  return unknown(`mark ${mark.type}`);
}

/** How many consecutive nodes from `index` carry `mark`: the longer-running mark nests outside. */
function extent(nodes: readonly DocJSON[], index: number, mark: MarkJSON): number {
  const key = marksKey([mark]);
  let n = 0;
  while (nodes[index + n]?.marks?.some((m) => marksKey([m]) === key)) n++;
  return n;
}

/** Whether the footnote at `index` starts a line and is followed by a colon in plain text. */
function definitionAhead(nodes: readonly DocJSON[], index: number): boolean {
  const next = nodes[index + 1];
  const lineStart = index === 0 || nodes[index - 1]?.type === "hardBreak";
  return lineStart && next?.type === "text" && !next.marks && (next.text ?? "").startsWith(":");
}

/** Converts inline nodes to mdast, nesting marks so that each stays open as long as it runs. */
export function inlineToMdast(
  nodes: readonly DocJSON[],
  state: ToMarkdownState,
): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: { key: string; node: MarkParent }[] = [];
  let skipColon = false;
  nodes.forEach((original, index) => {
    const node = skipColon ? { ...original, text: original.text?.slice(1) } : original;
    skipColon = false;
    const marks = node.marks ?? [];
    const keys = marks.map((m) => marksKey([m]));
    const keep = stack.findIndex((open) => !keys.includes(open.key));
    if (keep !== -1) stack.length = keep;
    const opening = marks
      .filter((_, i) => !stack.some((open) => open.key === keys[i]))
      .sort((a, b) => extent(nodes, index, b) - extent(nodes, index, a));
    for (const mark of opening) {
      const parent = markNode(mark);
      (stack[stack.length - 1]?.node.children ?? root).push(parent);
      stack.push({ key: marksKey([mark]), node: parent });
    }
    const leaf = (handlerOf(inlineHandlers, node.type) ?? unknown(node.type))(node, state);
    (stack[stack.length - 1]?.node.children ?? root).push(leaf);
    if (leaf.type === "footnoteReference" && definitionAhead(nodes, index)) {
      // "[^1]:" at the start of a line would define a footnote: escape the colon.
      root.push({ type: "html", value: "\\:" });
      skipColon = true;
    }
  });
  return root;
}

const inlineHandlers: Record<ReportInlineNode, InlineHandler> = {
  text: (node) => ({ type: "text", value: node.text ?? "" }),
  hardBreak: () => ({ type: "break" }),
  footnote: (node, state) => {
    const label = String(state.footnoteDefinitions.length + 1);
    const content = inlineToMdast(node.content ?? [], state);
    state.footnoteDefinitions.push({
      type: "footnoteDefinition",
      identifier: label,
      label,
      children: content.length > 0 ? [{ type: "paragraph", children: content }] : [],
    });
    return { type: "footnoteReference", identifier: label, label };
  },
  // A footnote whose text is the cited source's reference.
  citation: (node, state) => {
    const id = Number(node.attrs?.sourceId);
    const label = String(state.footnoteDefinitions.length + 1);
    const text = state.citations?.[citationKey(node.attrs)] ?? [
      { text: `Source ${id} is missing from the evidence library.` },
    ];
    state.footnoteDefinitions.push({
      type: "footnoteDefinition",
      identifier: label,
      label,
      children: [
        {
          type: "paragraph",
          children: text.map(
            (run): PhrasingContent =>
              run.link
                ? {
                    type: "link",
                    url: run.link,
                    title: null,
                    children: [{ type: "text", value: run.text }],
                  }
                : run.italic
                  ? { type: "emphasis", children: [{ type: "text", value: run.text }] }
                  : { type: "text", value: run.text },
          ),
        },
      ],
    });
    return { type: "footnoteReference", identifier: label, label };
  },
  // A link to `#kind:target`, showing the target's number when the whole report is written.
  crossRef: (node, state) => {
    const target = String(node.attrs?.target ?? "");
    const kind = String(node.attrs?.kind ?? "paragraph");
    return {
      type: "link",
      url: `#${kind}:${target}`,
      title: null,
      children: [{ type: "text", value: state.targets?.get(target)?.number ?? target }],
    };
  },
};

/** A paragraph holding one line of text. */
function line(text: string): RootContent {
  return { type: "paragraph", children: [{ type: "text", value: text }] };
}

/** The inline content of a block followed by its `{#anchor lang=xx}` suffix, if any. */
function withSuffix(node: DocJSON, state: ToMarkdownState): PhrasingContent[] {
  const suffix = attributeSuffix(node.attrs);
  const children = inlineToMdast(node.content ?? [], state);
  return suffix ? [...children, { type: "text", value: suffix }] : children;
}

/** Whether a list may start right under a paragraph line: Markdown lets only some interrupt it. */
function canInterruptParagraph(node: BlockContent): boolean {
  if (node.type !== "list") return false;
  const first = node.children[0];
  const empty = (child: ListItem["children"][number] | undefined) =>
    child === undefined || (child.type === "paragraph" && child.children.length === 0);
  return (!node.ordered || node.start === 1) && first !== undefined && !empty(first.children[0]);
}

function listItem(node: DocJSON, state: ToMarkdownState): ListItem {
  const [first, ...rest] = node.content ?? [];
  // "-" then a blank line ends an item: an empty first paragraph is left out before other
  // blocks ("- > quote"); fromMarkdown puts it back.
  const blocks = first && !first.content && rest.length > 0 ? rest : (node.content ?? []);
  const children = blocksToMdast(blocks, state) as BlockContent[];
  // A tight item writes its blocks on consecutive lines, which is only safe for a paragraph
  // followed by lists: a paragraph after a quote or table would be read as part of it.
  const [head, ...tail] = children;
  const tight = head?.type === "paragraph" ? tail.every(canInterruptParagraph) : tail.length === 0;
  return { type: "listItem", spread: !tight, children };
}

function tableCell(node: DocJSON, state: ToMarkdownState): TableCell {
  // normalizeDoc leaves exactly one paragraph in each cell.
  return { type: "tableCell", children: inlineToMdast(node.content?.[0]?.content ?? [], state) };
}

const blockHandlers: Record<ReportBlockNode, BlockHandler> = {
  paragraph: (node, state) => [{ type: "paragraph", children: withSuffix(node, state) }],
  heading: (node, state) => [
    {
      type: "heading",
      depth: node.attrs?.level === 4 ? 4 : 3,
      children: withSuffix({ ...node, attrs: { lang: node.attrs?.lang } }, state),
    },
  ],
  blockquote: (node, state) => [
    { type: "blockquote", children: blocksToMdast(node.content ?? [], state) as BlockContent[] },
  ],
  bulletList: (node, state) => [
    {
      type: "list",
      ordered: false,
      spread: false,
      children: (node.content ?? []).map((item) => listItem(item, state)),
    },
  ],
  orderedList: (node, state) => [
    {
      type: "list",
      ordered: true,
      start: Number(node.attrs?.start ?? 1),
      spread: false,
      children: (node.content ?? []).map((item) => listItem(item, state)),
    },
  ],
  table: (node, state) => {
    const rows: TableRow[] = (node.content ?? []).map((row) => ({
      type: "tableRow",
      children: (row.content ?? []).map((cell) => tableCell(cell, state)),
    }));
    const first = node.content?.[0]?.content ?? [];
    const align = first.map((cell) => {
      const a = cell.attrs?.align;
      return a === "left" || a === "center" || a === "right" ? a : null;
    });
    const { title, source, note, anchor } = node.attrs ?? {};
    const caption = [title, source, note, anchor].some(Boolean)
      ? [line(`${TABLE_PREFIX} ${title ?? ""}${attributeSuffix({ anchor })}`.trimEnd())]
      : [];
    return [
      ...caption,
      { type: "table", align, children: rows },
      ...(source ? [line(`${SOURCE_PREFIX} ${source}`)] : []),
      ...(note ? [line(`${NOTE_PREFIX} ${note}`)] : []),
    ];
  },
  box: (node, state) => [
    {
      type: "blockquote",
      children: [
        line(
          `${BOX_PREFIX} ${node.attrs?.title ?? ""}${attributeSuffix({ anchor: node.attrs?.anchor })}`.trimEnd(),
        ),
        ...(blocksToMdast(node.content ?? [], state) as BlockContent[]),
      ] as BlockContent[],
    },
  ],
};
