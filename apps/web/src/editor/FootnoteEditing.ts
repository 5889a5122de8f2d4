import { Footnote } from "@rapporteur/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { NodeSelection, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { FootnoteView } from "./FootnoteView";

/** Editor-only state of the footnote extension. */
export interface FootnoteStorage {
  /** Set by `insertFootnote` so that the new note's popover takes the caret. */
  focusNext: boolean;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts an empty footnote at the cursor and opens it for typing the note. */
      insertFootnote: () => ReturnType;
    };
  }
  interface Storage {
    footnote: FootnoteStorage;
  }
}

const numbersKey = new PluginKey<DecorationSet>("footnoteNumbers");

/** Numbers footnotes 1, 2, 3... in document order, as node decorations read by the view. */
function numberFootnotes(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  let count = 0;
  doc.descendants((node, pos) => {
    if (node.type.name !== "footnote") return true;
    count += 1;
    decorations.push(
      Decoration.node(
        pos,
        pos + node.nodeSize,
        { "data-number": String(count) },
        { footnoteNumber: count },
      ),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * The schema's footnote node with its editing behaviour: numbered references, a popover to edit
 * the note, `insertFootnote` (Ctrl/Cmd-Alt-F) and Enter on a selected note to edit it.
 */
export const FootnoteEditing = Footnote.extend<Record<string, never>, FootnoteStorage>({
  addStorage() {
    return { focusNext: false };
  },

  addNodeView() {
    return ({ node, view, getPos, decorations, editor }) =>
      new FootnoteView(node, view, getPos, decorations, editor);
  },

  addCommands() {
    return {
      insertFootnote:
        () =>
        ({ tr, state, dispatch, editor }) => {
          const type = state.schema.nodes.footnote;
          if (!type) return false;
          const { selection } = state;
          const { $from, from } = selection;
          // Never replace a selected note (its text would be lost) with a new, empty one.
          if (selection instanceof NodeSelection && selection.node.type === type) return false;
          if (!$from.parent.canReplaceWith($from.index(), $from.index(), type)) return false;
          if (!dispatch) return true;
          tr.replaceSelectionWith(type.create(), false);
          const pos = tr.mapping.map(from, -1);
          if (tr.doc.nodeAt(pos)?.type === type) {
            tr.setSelection(NodeSelection.create(tr.doc, pos));
            editor.storage.footnote.focusNext = true;
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-Alt-f": () => this.editor.commands.insertFootnote(),
      Enter: () => {
        const { selection } = this.editor.state;
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== "footnote") {
          return false;
        }
        FootnoteView.forDom(this.editor.view.nodeDOM(selection.from))?.focusNote();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: numbersKey,
        state: {
          init: (_, state) => numberFootnotes(state.doc),
          apply: (tr, previous) => (tr.docChanged ? numberFootnotes(tr.doc) : previous),
        },
        props: {
          decorations: (state) => numbersKey.getState(state),
        },
      }),
    ];
  },
});
