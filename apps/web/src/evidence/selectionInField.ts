import type { ExcerptField } from "@rapporteur/api";

/** A selected passage of one field of a source: UTF-16 offsets in the field's text. */
export interface FieldSelection {
  field: ExcerptField;
  start: number;
  end: number;
}

/** Characters of `container`'s text before (`node`, `offset`), not counting screen-reader notes. */
function offsetIn(container: Element, node: Node, offset: number): number {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const note = text.parentElement?.closest("[data-sr-note]");
    if (text === node) return note ? count : count + offset;
    if (!note) count += text.textContent?.length ?? 0;
  }
  // `node` is an element: count the text of its children before `offset`.
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  let before = 0;
  const inner = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let text = inner.nextNode(); text; text = inner.nextNode()) {
    if (!range.intersectsNode(text) || text.parentElement?.closest("[data-sr-note]")) continue;
    before += text.textContent?.length ?? 0;
  }
  return before;
}

/**
 * The page's selection as a passage of one field (an element with `data-field`): null when
 * nothing is selected or the selection spans several fields.
 */
export function selectionInField(selection: Selection | null): FieldSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const elementOf = (node: Node) => (node instanceof Element ? node : node.parentElement);
  const container = elementOf(range.startContainer)?.closest("[data-field]");
  if (!container || container !== elementOf(range.endContainer)?.closest("[data-field]"))
    return null;
  const start = offsetIn(container, range.startContainer, range.startOffset);
  const end = offsetIn(container, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return { field: container.getAttribute("data-field") as ExcerptField, start, end };
}
