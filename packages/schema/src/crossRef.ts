import { mergeAttributes, Node } from "@tiptap/core";

/** What a cross-reference can point to. */
export const CROSS_REF_KINDS = ["paragraph", "section", "table", "box"] as const;

/** The kind of a cross-reference's target. */
export type CrossRefKind = (typeof CROSS_REF_KINDS)[number];

/** Targets: anchors and section ids (letters, digits, `-` and `_`, at most 100, as section ids). */
export const ANCHOR_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

function validateTarget(value: unknown): void {
  if (typeof value !== "string" || !ANCHOR_PATTERN.test(value)) {
    throw new RangeError("a cross-reference target is an anchor id or a section id");
  }
}

function validateKind(value: unknown): void {
  if (!(CROSS_REF_KINDS as readonly unknown[]).includes(value)) {
    throw new RangeError(`"${String(value)}" is not a kind of cross-reference`);
  }
}

/**
 * A cross-reference ("para. 23", "table 2"): an inline atom that names its target (the `anchor`
 * of a paragraph, table or box, or a section id) and never stores the number, which is computed
 * when the report is shown or exported, so it stays right when paragraphs move.
 */
export const CrossRef = Node.create({
  name: "crossRef",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      kind: {
        default: "paragraph",
        validate: validateKind,
        parseHTML: (element) => element.getAttribute("data-kind"),
        renderHTML: (attributes) => ({ "data-kind": attributes.kind }),
      },
      target: {
        default: "",
        validate: validateTarget,
        parseHTML: (element) => element.getAttribute("data-target"),
        renderHTML: (attributes) => ({ "data-target": attributes.target }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-cross-ref]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-cross-ref": "", class: "cross-ref" })];
  },
});
