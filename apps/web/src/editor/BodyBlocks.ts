import type { ReportNumberingView } from "@rapporteur/api";
import { type CrossRefKind, NO_TARGETS, type UnLanguage } from "@rapporteur/schema";
import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** Something a cross-reference can point to, as the picker lists it. */
export interface ReferenceCandidate {
  kind: CrossRefKind;
  /** Position of the block in the document (paragraphs, tables, boxes of this section). */
  pos?: number;
  /** The section referred to (sections). */
  target?: string;
  /** Its number as the export prints it and the start of its text (or title), for the picker. */
  label: string;
}

/** A numbered block of the section being edited: its place and its number within the section. */
export interface SectionBlock {
  kind: Exclude<CrossRefKind, "section">;
  pos: number;
  /** 1 for the section's first numbered paragraph (or table, or box), 2 for the next... */
  ordinal: number;
  text: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    bodyBlocks: {
      /** Puts the selected paragraphs and lists into a box. */
      insertBox: () => ReturnType;
      /** Sets the language of the paragraphs and headings in the selection (null: detect). */
      setBlockLanguage: (lang: UnLanguage | null) => ReturnType;
      /** Marks the selected text as written in `lang` (right to left for Arabic); null clears it. */
      setSpanLanguage: (lang: UnLanguage | null) => ReturnType;
      /**
       * Inserts a reference to a section, or to the block at `pos` (giving the block an anchor
       * if it has none).
       */
      insertCrossRef: (candidate: ReferenceCandidate) => ReturnType;
    };
  }
}

const snippet = (node: PMNode) => {
  const text = node.textContent.trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/**
 * The numbered paragraphs, tables and boxes of a section in document order, counted as the
 * shared numbering counts them (numberReport in @rapporteur/schema: non-empty top-level
 * paragraphs, none in front matter; tables and boxes with content, anywhere).
 */
export function sectionBlocks(doc: PMNode, frontMatter: boolean): SectionBlock[] {
  const out: SectionBlock[] = [];
  const counts = { paragraph: 0, table: 0, box: 0 };
  doc.forEach((node, offset) => {
    if (!frontMatter && node.type.name === "paragraph" && node.content.size > 0) {
      counts.paragraph += 1;
      out.push({ kind: "paragraph", pos: offset, ordinal: counts.paragraph, text: snippet(node) });
    }
  });
  doc.descendants((node, pos) => {
    const kind = node.type.name;
    if ((kind === "table" || kind === "box") && node.childCount > 0) {
      counts[kind] += 1;
      const text = String(node.attrs.title ?? "") || snippet(node);
      out.push({ kind, pos, ordinal: counts[kind], text });
    }
    return true;
  });
  return out;
}

/**
 * What the picker offers, labelled with the numbers the export prints: the section's own
 * paragraphs, tables and boxes numbered after what the report has before the section (`before`),
 * then every numbered section of the report ("I.A  Overview").
 */
export function referenceCandidates(
  blocks: readonly SectionBlock[],
  numbering: ReportNumberingView,
  sectionId: string,
): ReferenceCandidate[] {
  const before = numbering.sections.find((s) => s.id === sectionId)?.before ?? NO_TARGETS;
  const names = { paragraph: "¶", table: "Table", box: "Box" };
  return [
    ...blocks.map((block) => ({
      kind: block.kind,
      pos: block.pos,
      label: `${names[block.kind]} ${before[block.kind] + block.ordinal}: ${block.text}`,
    })),
    ...numbering.sections
      .filter((s) => !s.frontMatter)
      .map((s) => ({ kind: "section" as const, target: s.id, label: `§ ${s.label} ${s.title}` })),
  ];
}

// getRandomValues, not randomUUID: the app may be served over plain HTTP on an office network.
function newAnchor(kind: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${kind[0]}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * A table's caption as attributes of its wrapper, which the stylesheet shows above and below the
 * table (Tiptap's table view draws the table element once and never updates its attributes).
 */
function tableCaptions(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== "table") return true;
    const attrs: Record<string, string> = {};
    for (const key of ["title", "source", "note"]) {
      const value = String(node.attrs[key] ?? "");
      if (value) attrs[`data-caption-${key}`] = value;
    }
    if (Object.keys(attrs).length > 0) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Editor commands for boxes, paragraph and span languages and cross-references (the nodes are the schema's). */
export const BodyBlocks = Extension.create({
  name: "bodyBlocks",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        // Splitting a paragraph copies its anchor: the text keeps it (Enter at the start leaves
        // an empty line above), a copy further on loses it, so a reference has one target.
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((t) => t.docChanged)) return null;
          const tr = state.tr;
          const seen = new Set<unknown>();
          const blocks: { node: PMNode; pos: number }[] = [];
          state.doc.forEach((node, pos) => {
            blocks.push({ node, pos });
          });
          blocks.forEach(({ node, pos }, index) => {
            const anchor = node.attrs.anchor;
            if (node.type.name !== "paragraph" || !anchor) return;
            const next = blocks[index + 1]?.node;
            const moveOn =
              node.content.size === 0 &&
              next?.type.name === "paragraph" &&
              next.content.size > 0 &&
              (next.attrs.anchor === anchor || !next.attrs.anchor);
            if (seen.has(anchor) || moveOn) tr.setNodeAttribute(pos, "anchor", null);
            if (moveOn) tr.setNodeAttribute(blocks[index + 1]!.pos, "anchor", anchor);
            else seen.add(anchor);
          });
          return tr.docChanged ? tr : null;
        },
        state: {
          init: (_, state) => tableCaptions(state.doc),
          apply: (tr, old) => (tr.docChanged ? tableCaptions(tr.doc) : old),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
  addCommands() {
    return {
      insertBox:
        () =>
        ({ commands }) =>
          commands.wrapIn("box"),
      setBlockLanguage:
        (lang) =>
        ({ tr, state, dispatch }) => {
          const { from, to } = state.selection;
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (node.type.name === "paragraph" || node.type.name === "heading") {
              tr.setNodeAttribute(pos, "lang", lang);
            }
          });
          dispatch?.(tr);
          return true;
        },
      setSpanLanguage:
        (lang) =>
        ({ commands }) =>
          lang ? commands.setMark("language", { lang }) : commands.unsetMark("language"),
      insertCrossRef:
        (candidate) =>
        ({ tr, state, dispatch }) => {
          let anchor = candidate.target ?? null;
          if (candidate.kind !== "section") {
            const block = candidate.pos === undefined ? null : state.doc.nodeAt(candidate.pos);
            if (!block || candidate.pos === undefined) return false;
            anchor = block.attrs.anchor as string | null;
            if (!anchor) {
              anchor = newAnchor(candidate.kind);
              tr.setNodeAttribute(candidate.pos, "anchor", anchor);
            }
          }
          if (!anchor) return false;
          const ref = state.schema.nodes.crossRef?.create({ kind: candidate.kind, target: anchor });
          if (!ref) return false;
          tr.replaceSelectionWith(ref, false);
          dispatch?.(tr);
          return true;
        },
    };
  },
});
