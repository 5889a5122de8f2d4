import { mergeAttributes, Node } from "@tiptap/core";

function validateSourceId(value: unknown): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError("a citation names the id of a source of the evidence library");
  }
}

function validateOptionalText(value: unknown): void {
  if (value !== null && (typeof value !== "string" || value.length > 2000)) {
    throw new RangeError("a citation's excerpt or locator is text of at most 2000 characters");
  }
}

/**
 * A citation of a source of the evidence library: an inline atom that stores only the source's id (a positive integer)
 * (and optionally a quoted excerpt and a locator such as "p. 4"). Its footnote text is formatted
 * when the report is exported, from the source's current metadata, so an edit of the source
 * updates every footnote citing it; it is numbered with the other footnotes.
 */
export const Citation = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      sourceId: {
        default: null,
        validate: validateSourceId,
        parseHTML: (element) => Number(element.getAttribute("data-source-id")),
        renderHTML: (attributes) => ({ "data-source-id": attributes.sourceId }),
      },
      excerpt: {
        default: null,
        validate: validateOptionalText,
        parseHTML: (element) => element.getAttribute("data-excerpt"),
        renderHTML: (attributes) =>
          attributes.excerpt ? { "data-excerpt": attributes.excerpt } : {},
      },
      locator: {
        default: null,
        validate: validateOptionalText,
        parseHTML: (element) => element.getAttribute("data-locator"),
        renderHTML: (attributes) =>
          attributes.locator ? { "data-locator": attributes.locator } : {},
      },
    };
  },
  parseHTML() {
    // A pasted citation whose source id is not one is dropped rather than refused whole.
    return [
      {
        tag: "span[data-citation]",
        getAttrs: (element) =>
          /^[1-9]\d{0,15}$/.test(element.getAttribute("data-source-id") ?? "") ? null : false,
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-citation": "", class: "citation" })];
  },
});

/** One run of a formatted citation: text, in italics where the exporter supports them. */
export interface CitationRun {
  text: string;
  italic?: boolean;
  /** The address this run links to (a URL printed as itself). */
  link?: string;
}

/** A citation's footnote text as runs (formatted by `@rapporteur/evidence`'s `formatCitation`). */
export type CitationText = CitationRun[];

/**
 * The key of a citation in an export's table of footnote texts: its source, excerpt and locator
 * (two citations of the same source with different locators have different footnotes).
 */
export function citationKey(attrs: Record<string, unknown> | undefined): string {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  return JSON.stringify([Number(attrs?.sourceId), text(attrs?.excerpt), text(attrs?.locator)]);
}
