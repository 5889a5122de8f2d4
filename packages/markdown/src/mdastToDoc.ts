import {
  ANCHOR_PATTERN,
  type DocJSON,
  isReportLink,
  MAX_CONTAINER_NESTING,
} from "@rapporteur/schema";
import type {
  Definition,
  FootnoteDefinition,
  List,
  Node,
  Nodes,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from "mdast";
import { attachTableCaptions, boxFromQuote, takeAttributeSuffix } from "./blockCaptions";
import { readLanguageSpans } from "./languageSpans";
import { mdastText } from "./mdastText";
import { snippet } from "./snippet";
import type { WarningList } from "./warningList";

type MarkJSON = NonNullable<DocJSON["marks"]>[number];

/** State shared by the handlers while one Markdown tree is converted. */
export interface FromMarkdownState {
  warnings: WarningList;
  /** Footnote definitions of the whole file, by identifier. */
  footnotes: Map<string, FootnoteDefinition>;
  /** Identifiers of the footnotes referenced so far. */
  usedFootnotes: Set<string>;
  /** Link reference definitions of the whole file, by identifier. */
  definitions: Map<string, Definition>;
  /** Added to a Markdown heading depth to get the document's heading level (then kept in 3-4). */
  headingOffset: number;
  /** Current nesting of block quotes and lists. */
  depth: number;
  /** True while the text of a footnote definition is converted. */
  inFootnote: boolean;
}

type FlowHandler = (node: never, state: FromMarkdownState) => DocJSON[];
type PhrasingHandler = (node: never, state: FromMarkdownState, marks: MarkJSON[]) => DocJSON[];

const paragraph = (content: DocJSON[]): DocJSON => ({ type: "paragraph", content });

function withMark(marks: MarkJSON[], mark: MarkJSON): MarkJSON[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

/** Converts block-level Markdown nodes. */
export function convertFlow(nodes: readonly Nodes[], state: FromMarkdownState): DocJSON[] {
  return attachTableCaptions(convertFlowNodes(nodes, state));
}

function convertFlowNodes(nodes: readonly Nodes[], state: FromMarkdownState): DocJSON[] {
  return nodes.flatMap((node) => {
    const handler = flowHandlers[node.type];
    if (!handler) {
      if (node.type in phrasingHandlers) return [paragraph(convertInline([node], state))];
      throw new Error(`fromMarkdown: no handler for Markdown node type "${node.type}"`);
    }
    return handler(node as never, state);
  });
}

/** Converts inline Markdown nodes under the given marks. */
export function convertPhrasing(
  nodes: readonly Nodes[],
  state: FromMarkdownState,
  marks: MarkJSON[],
): DocJSON[] {
  return nodes.flatMap((node) => {
    const handler = phrasingHandlers[node.type];
    if (!handler) throw new Error(`fromMarkdown: no handler for Markdown node type "${node.type}"`);
    return handler(node as never, state, marks);
  });
}

/** The inline content of a block (paragraph, heading, cell, footnote), spans' languages read. */
function convertInline(nodes: readonly Nodes[], state: FromMarkdownState): DocJSON[] {
  // The text of a footnote holds no language marks in the schema.
  return readLanguageSpans(convertPhrasing(nodes, state, []), !state.inFootnote);
}

function nested(state: FromMarkdownState, node: Node, kind: string): boolean {
  if (state.depth < MAX_CONTAINER_NESTING) return true;
  state.warnings.add(
    node,
    `${kind} nested more than ${MAX_CONTAINER_NESTING} levels deep was flattened (its text is kept).`,
  );
  return false;
}

function listItems(node: List, state: FromMarkdownState): DocJSON[] {
  state.depth++;
  const items = node.children.map((item) => {
    if (typeof item.checked === "boolean") {
      state.warnings.add(item, "task list checkbox dropped (the item's text is kept).");
    }
    const content = convertFlow(item.children, state);
    // A list item starts with a paragraph in the editor.
    if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
    return { type: "listItem", content };
  });
  state.depth--;
  return items;
}

function headingLevel(depth: number, node: Node, state: FromMarkdownState): number {
  const wanted = depth + state.headingOffset;
  const level = Math.min(4, Math.max(3, wanted));
  if (level !== wanted) {
    state.warnings.add(
      node,
      `heading level ${depth} (${"#".repeat(depth)}) became a ${level === 3 ? "sub-heading (###)" : "sub-sub-heading (####)"}: a section holds two levels of sub-headings.`,
    );
  }
  return level;
}

function tableRows(node: Table, state: FromMarkdownState): DocJSON[] {
  const align = node.align ?? [];
  const width = Math.max(...node.children.map((row) => row.children.length));
  return node.children.map((row, r) => ({
    type: "tableRow",
    content: Array.from({ length: width }, (_, c) => {
      const cell = row.children[c];
      const content = cell ? convertInline(cell.children, state) : [];
      return {
        type: r === 0 ? "tableHeader" : "tableCell",
        attrs: { colspan: 1, rowspan: 1, colwidth: null, align: align[c] ?? null },
        content: [paragraph(content)],
      };
    }),
  }));
}

const flowHandlers: Record<string, FlowHandler> = {
  paragraph: (node: Parent & { children: PhrasingContent[] }, state) => {
    const { content, anchor, lang } = takeAttributeSuffix(convertInline(node.children, state));
    return [{ ...paragraph(content), ...(anchor || lang ? { attrs: { anchor, lang } } : {}) }];
  },
  heading: (node: Parent & { depth: number; children: PhrasingContent[] }, state) => {
    const { content, lang } = takeAttributeSuffix(convertInline(node.children, state));
    return [
      {
        type: "heading",
        attrs: { level: headingLevel(node.depth, node, state), ...(lang ? { lang } : {}) },
        content,
      },
    ];
  },
  blockquote: (node: Parent & { children: RootContent[] }, state) => {
    if (!nested(state, node, "A block quote")) return convertFlow(node.children, state);
    state.depth++;
    const content = convertFlow(node.children, state);
    state.depth--;
    const box = boxFromQuote(content);
    if (box) return [box];
    return [{ type: "blockquote", content: content.length > 0 ? content : [paragraph([])] }];
  },
  list: (node: List, state) => {
    if (!nested(state, node, "A list")) {
      return node.children.flatMap((item) => convertFlow(item.children, state));
    }
    const content = listItems(node, state);
    return node.ordered
      ? [{ type: "orderedList", attrs: { start: node.start ?? 1, type: null }, content }]
      : [{ type: "bulletList", content }];
  },
  table: (node: Table, state) => [{ type: "table", content: tableRows(node, state) }],
  code: (node: Node & { value: string }, state) => {
    state.warnings.add(node, "code block converted to plain text.");
    const lines = node.value.split("\n");
    const content = lines.flatMap((line, i): DocJSON[] => {
      const text: DocJSON[] = line === "" ? [] : [{ type: "text", text: line }];
      return i === 0 ? text : [{ type: "hardBreak" }, ...text];
    });
    return [paragraph(content)];
  },
  html: (node: Node & { value: string }, state) => {
    state.warnings.add(node, `raw HTML dropped: ${snippet(node.value)}`);
    return [];
  },
  thematicBreak: (node: Node, state) => {
    state.warnings.add(node, "horizontal rule (---) dropped.");
    return [];
  },
  // Consumed where they are referenced.
  definition: () => [],
  footnoteDefinition: () => [],
  yaml: (node: Node, state) => {
    state.warnings.add(node, "front matter ignored.");
    return [];
  },
};

function footnoteContent(def: FootnoteDefinition, state: FromMarkdownState): DocJSON[] {
  const label = `footnote [^${def.label ?? def.identifier}]`;
  const outer = state.inFootnote;
  state.inFootnote = true;
  const pieces: DocJSON[][] = [];
  for (const child of def.children) {
    if (child.type === "paragraph") {
      pieces.push(convertInline(child.children, state));
    } else {
      state.warnings.add(child, `${label}: ${child.type} flattened to plain text.`);
      pieces.push([{ type: "text", text: mdastText(child) }]);
    }
  }
  state.inFootnote = outer;
  if (pieces.length > 1) {
    state.warnings.add(def, `${label}: its ${pieces.length} paragraphs were joined into one.`);
  }
  return pieces.flatMap((p, i) => (i === 0 ? p : [{ type: "text", text: " " }, ...p]));
}

function linkMark(url: string, title: string | null | undefined): MarkJSON {
  return {
    type: "link",
    attrs: {
      href: url,
      target: "_blank",
      rel: "noopener noreferrer nofollow",
      class: null,
      title: title || null,
    },
  };
}

/** A cross-reference as toMarkdown writes it: a link to `#kind:target`. */
const CROSS_REF_URL = /^#(paragraph|section|table|box):(.+)$/;

function link(
  node: Parent & { children: PhrasingContent[] },
  url: string,
  title: string | null | undefined,
  state: FromMarkdownState,
  marks: MarkJSON[],
): DocJSON[] {
  const reference = CROSS_REF_URL.exec(url);
  if (reference && ANCHOR_PATTERN.test(reference[2] ?? "") && !state.inFootnote) {
    return [{ type: "crossRef", attrs: { kind: reference[1], target: reference[2] } }];
  }
  if (!isReportLink(url)) {
    state.warnings.add(
      node,
      `link to ${snippet(url)} removed (only http, https and mailto links are kept; its text is kept).`,
    );
    return convertPhrasing(node.children, state, marks);
  }
  return convertPhrasing(node.children, state, withMark(marks, linkMark(url, title)));
}

const phrasingHandlers: Record<string, PhrasingHandler> = {
  text: (node: Node & { value: string }, _state, marks) =>
    node.value === "" ? [] : [{ type: "text", text: node.value.replace(/\r?\n/g, " "), marks }],
  emphasis: (node: Parent & { children: PhrasingContent[] }, state, marks) =>
    convertPhrasing(node.children, state, withMark(marks, { type: "italic" })),
  strong: (node: Parent & { children: PhrasingContent[] }, state, marks) =>
    convertPhrasing(node.children, state, withMark(marks, { type: "bold" })),
  delete: (node: Parent & { children: PhrasingContent[] }, state, marks) => {
    state.warnings.add(node, "strikethrough removed (its text is kept).");
    return convertPhrasing(node.children, state, marks);
  },
  inlineCode: (node: Node & { value: string }, state, marks) => {
    state.warnings.add(node, `inline code \`${snippet(node.value)}\` converted to plain text.`);
    return node.value === "" ? [] : [{ type: "text", text: node.value, marks }];
  },
  break: (node: Node, state) => {
    if (state.inFootnote) {
      state.warnings.add(node, "line break in a footnote replaced by a space.");
      return [{ type: "text", text: " " }];
    }
    return [{ type: "hardBreak" }];
  },
  link: (
    node: Parent & { url: string; title?: string | null; children: PhrasingContent[] },
    state,
    marks,
  ) => link(node, node.url, node.title, state, marks),
  linkReference: (
    node: Parent & { identifier: string; children: PhrasingContent[] },
    state,
    marks,
  ) => {
    const def = state.definitions.get(node.identifier);
    if (!def) return convertPhrasing(node.children, state, marks);
    return link(node, def.url, def.title, state, marks);
  },
  image: (node: Node & { url: string; alt?: string | null }, state) => {
    state.warnings.add(node, `image "${snippet(node.alt ?? "")}" (${snippet(node.url)}) dropped.`);
    return [];
  },
  imageReference: (node: Node & { alt?: string | null }, state) => {
    state.warnings.add(node, `image "${snippet(node.alt ?? "")}" dropped.`);
    return [];
  },
  html: (node: Node & { value: string }, state) => {
    state.warnings.add(node, `raw HTML dropped: ${snippet(node.value)}`);
    return [];
  },
  footnoteReference: (node: Node & { identifier: string; label?: string | null }, state) => {
    const label = `[^${node.label ?? node.identifier}]`;
    if (state.inFootnote) {
      state.warnings.add(node, `footnote ${label} inside a footnote dropped.`);
      return [];
    }
    const def = state.footnotes.get(node.identifier);
    if (!def) {
      state.warnings.add(node, `footnote ${label} has no definition: kept as text.`);
      return [{ type: "text", text: label }];
    }
    if (state.usedFootnotes.has(node.identifier)) {
      state.warnings.add(
        node,
        `footnote ${label} is referenced more than once: each reference gets its own copy of the note.`,
      );
    }
    state.usedFootnotes.add(node.identifier);
    return [{ type: "footnote", content: footnoteContent(def, state) }];
  },
};

/** Collects the footnote and link definitions of a whole tree (they may appear anywhere). */
export function collectDefinitions(
  tree: Root,
): Pick<FromMarkdownState, "footnotes" | "definitions"> {
  const footnotes = new Map<string, FootnoteDefinition>();
  const definitions = new Map<string, Definition>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "footnoteDefinition" && !footnotes.has(node.identifier)) {
      footnotes.set(node.identifier, node);
    } else if (node.type === "definition" && !definitions.has(node.identifier)) {
      definitions.set(node.identifier, node);
    }
    // Reversed so that the first definition in reading order wins, as in CommonMark.
    if ("children" in node) for (const child of [...node.children].reverse()) stack.push(child);
  }
  return { footnotes, definitions };
}

/** Warns about footnote definitions that no reference used: their text is not imported. */
export function warnUnusedFootnotes(state: FromMarkdownState): void {
  for (const [id, def] of state.footnotes) {
    if (!state.usedFootnotes.has(id)) {
      state.warnings.add(
        def,
        `footnote [^${def.label ?? id}] is never referenced: its text "${snippet(mdastText(def))}" was not imported.`,
      );
    }
  }
}

/** The shallowest heading depth in a tree, or undefined when it has no heading. */
export function shallowestHeading(tree: Root): number | undefined {
  let min: number | undefined;
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "heading") min = Math.min(min ?? node.depth, node.depth);
    if ("children" in node) for (const child of node.children) stack.push(child);
  }
  return min;
}
