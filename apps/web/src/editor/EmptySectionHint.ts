import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** Options of {@link EmptySectionHint}. */
export interface EmptySectionHintOptions {
  text: string;
}

/** Shows a hint in an empty section (a decoration: nothing is written to the document). */
export const EmptySectionHint = Extension.create<EmptySectionHintOptions>({
  name: "emptySectionHint",

  addOptions() {
    return { text: "Start drafting this section…" };
  },

  addProseMirrorPlugins() {
    const text = this.options.text;
    return [
      new Plugin({
        key: new PluginKey("emptySectionHint"),
        props: {
          decorations: ({ doc }) => {
            const first = doc.firstChild;
            const empty =
              doc.childCount === 1 && first?.type.name === "paragraph" && first.content.size === 0;
            if (!empty || !first) return null;
            return DecorationSet.create(doc, [
              Decoration.node(0, first.nodeSize, { class: "is-empty-hint", "data-hint": text }),
            ]);
          },
        },
      }),
    ];
  },
});
