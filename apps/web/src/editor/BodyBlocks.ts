import type { CrossRefKind, UnLanguage } from "@rapporteur/schema";
import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** A block of this section a cross-reference can point to, as the picker lists it. */
export interface ReferenceCandidate {
  kind: Exclude<CrossRefKind, "section">;
  /** Position of the block in the document. */
  pos: number;
  /** Its number in this section and the start of its text, for the picker. */
  label: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    bodyBlocks: {
      /** Puts the selected paragraphs and lists into a box. */
      insertBox: () => ReturnType;
      /** Sets the language of the paragraphs and headings in the selection (null: detect). */
      setBlockLanguage: (lang: UnLanguage | null) => ReturnType;
      /** Inserts a reference to the block at `pos`, giving the block an anchor if it has none. */
      insertCrossRef: (candidate: ReferenceCandidate) => ReturnType;
    };
  }
}

const snippet = (node: PMNode) => {
  const text = node.textContent.trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** The paragraphs (numbered ones), tables and boxes of a section, in order, numbered within it. */
export function referenceCandidates(doc: PMNode): ReferenceCandidate[] {
  const out: ReferenceCandidate[] = [];
  const counts = { paragraph: 0, table: 0, box: 0 };
  doc.forEach((node, offset) => {
    if (node.type.name === "paragraph" && node.content.size > 0) {
      counts.paragraph += 1;
      out.push({
        kind: "paragraph",
        pos: offset,
        label: `¶ ${counts.paragraph}: ${snippet(node)}`,
      });
    }
  });
  doc.descendants((node, pos) => {
    const kind = node.type.name;
    if (kind !== "table" && kind !== "box") return true;
    counts[kind] += 1;
    const title = String(node.attrs.title ?? "") || snippet(node);
    out.push({
      kind,
      pos,
      label: `${kind === "table" ? "Table" : "Box"} ${counts[kind]}: ${title}`,
    });
    return false;
  });
  return out;
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

/** Editor commands for boxes, languages and cross-references (the nodes are the schema's). */
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
      insertCrossRef:
        (candidate) =>
        ({ tr, state, dispatch }) => {
          const block = state.doc.nodeAt(candidate.pos);
          if (!block) return false;
          let anchor = block.attrs.anchor as string | null;
          if (!anchor) {
            anchor = newAnchor(candidate.kind);
            tr.setNodeAttribute(candidate.pos, "anchor", anchor);
          }
          const ref = state.schema.nodes.crossRef?.create({ kind: candidate.kind, target: anchor });
          if (!ref) return false;
          tr.replaceSelectionWith(ref, false);
          dispatch?.(tr);
          return true;
        },
    };
  },
});
