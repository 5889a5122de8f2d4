import { Footnote } from "@rapporteur/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { type EditorState, NodeSelection, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { FootnoteView } from "./FootnoteView";
import type { LinkTarget } from "./LinkTarget";
import { yTypesOfNodes } from "./yNodeIdentity";

/** Options of {@link FootnoteEditing}. */
export interface FootnoteEditingOptions {
  /** Opens the link dialog for the selection in a note's text. */
  onLinkRequest: (target: LinkTarget) => void;
}

/** Editor-only state of the footnote extension. */
export interface FootnoteStorage {
  /** Set by `insertFootnote` so that the new note's popover takes the caret. */
  focusNext: boolean;
  /** Where the caret was in a note whose view was just rebuilt, for the view that replaces it. */
  refocus: { from: number; to: number; note: unknown } | null;
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

/**
 * Numbers footnotes 1, 2, 3... in document order, as node decorations read by the view. Each
 * decoration also names its note's Yjs element, so that ProseMirror never reuses the open view
 * of one note for another note of the same text (two notes just inserted are both empty).
 */
function numberFootnotes(doc: PMNode, state: EditorState): DecorationSet {
  const decorations: Decoration[] = [];
  let count = 0;
  let notes: Map<PMNode, unknown> | null = null;
  doc.descendants((node, pos) => {
    // A citation is a footnote too (its text is made on export): numbered with the others.
    if (node.type.name === "citation") {
      count += 1;
      decorations.push(
        Decoration.node(
          pos,
          pos + node.nodeSize,
          { "data-number": String(count) },
          {
            footnoteNumber: count,
          },
        ),
      );
      return false;
    }
    if (node.type.name !== "footnote") return true;
    count += 1;
    notes ??= yTypesOfNodes(state);
    decorations.push(
      Decoration.node(
        pos,
        pos + node.nodeSize,
        { "data-number": String(count) },
        { footnoteNumber: count, note: notes.get(node) ?? null },
      ),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * The schema's footnote node with its editing behaviour: numbered references, a popover to edit
 * the note (with bold, italic and links: Ctrl/Cmd-K), `insertFootnote` (Ctrl/Cmd-Alt-F) and Enter
 * on a selected note to edit it.
 */
export const FootnoteEditing = Footnote.extend<FootnoteEditingOptions, FootnoteStorage>({
  addOptions() {
    return { onLinkRequest: () => {} };
  },

  addStorage() {
    return { focusNext: false, refocus: null };
  },

  addNodeView() {
    return ({ node, view, getPos, decorations, editor }) =>
      new FootnoteView(node, view, getPos, decorations, editor, (target) =>
        this.options.onLinkRequest(target),
      );
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
          let pos = from;
          if (selection.empty) {
            // Never directly before another empty note (a co-author's, just inserted at the same
            // place): the Yjs binding matches equal nodes by content and would merge the two.
            for (let next = tr.doc.nodeAt(pos); next?.type === type && next.content.size === 0; ) {
              pos += next.nodeSize;
              next = tr.doc.nodeAt(pos);
            }
            tr.insert(pos, type.create());
          } else {
            tr.replaceSelectionWith(type.create(), false);
            pos = tr.mapping.map(from, -1);
          }
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
          init: (_, state) => numberFootnotes(state.doc, state),
          // The Yjs binding (held by the old state too) already maps a co-author's change.
          apply: (tr, previous, oldState) =>
            tr.docChanged ? numberFootnotes(tr.doc, oldState) : previous,
        },
        props: {
          decorations: (state) => numbersKey.getState(state),
        },
      }),
    ];
  },
});
