import type { CrossRefKind, UnLanguage } from "@rapporteur/schema";
import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";

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

function newAnchor(kind: string): string {
  return `${kind[0]}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Editor commands for boxes, languages and cross-references (the nodes are the schema's). */
export const BodyBlocks = Extension.create({
  name: "bodyBlocks",
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
