import { mergeAttributes, Node } from "@tiptap/core";

/**
 * A footnote: an inline node that holds the note's own text (with emphasis and links) at the place
 * of its reference. Numbers are never stored: they are computed in document order when rendering
 * or exporting, so two people adding notes at once never renumber or overwrite each other's.
 */
export const Footnote = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  content: "text*",
  marks: "bold italic link",
  parseHTML() {
    return [{ tag: "span[data-footnote]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-footnote": "", class: "footnote" }), 0];
  },
});
