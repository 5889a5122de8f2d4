import { ANCHOR_PATTERN } from "./crossRef";

function validateAnchor(value: unknown): void {
  if (value !== null && (typeof value !== "string" || !ANCHOR_PATTERN.test(value))) {
    throw new RangeError("an anchor is null or an id of letters, digits, - and _");
  }
}

/**
 * The `anchor` attribute of a block a cross-reference can point to (paragraph, table, box): a
 * stable id given when the first reference to the block is made, kept when the block moves.
 */
export const anchorAttribute = {
  default: null,
  keepOnSplit: false,
  validate: validateAnchor,
  parseHTML: (element: HTMLElement) => element.getAttribute("data-anchor"),
  renderHTML: (attributes: Record<string, unknown>) =>
    attributes.anchor ? { "data-anchor": attributes.anchor } : {},
};
