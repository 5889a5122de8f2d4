import { mergeAttributes, Node } from "@tiptap/core";
import { anchorAttribute } from "./anchorAttribute";

/**
 * A box ("Box 1", a title, a border) holding paragraphs and lists beside the report's text. Boxes
 * are numbered through the report when shown or exported; the number is never stored.
 */
export const Box = Node.create({
  name: "box",
  group: "block",
  content: "(paragraph | bulletList | orderedList)+",
  defining: true,
  addAttributes() {
    return {
      title: {
        default: "",
        validate: "string",
        parseHTML: (element) => element.getAttribute("data-title") ?? "",
        renderHTML: (attributes) => ({ "data-title": attributes.title }),
      },
      anchor: anchorAttribute,
    };
  },
  parseHTML() {
    return [{ tag: "aside[data-box]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["aside", mergeAttributes(HTMLAttributes, { "data-box": "", class: "box" }), 0];
  },
});
