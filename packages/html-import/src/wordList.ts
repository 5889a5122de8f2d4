import type { Element, ElementContent } from "hast";
import { stringProperty } from "./hastHelpers";
import { styleProperty } from "./inlineStyle";

/** A Word list paragraph (`style="mso-list:l0 level2 lfo1"`): its level and marker. */
export interface WordListParagraph {
  element: Element;
  level: number;
  ordered: boolean;
  start: number;
}

const ORDERED_MARKER = /^\(?\s*(\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\s*[.)]/;

/** The marker Word writes before a list paragraph's text (`·`, `o`, `1.`, `a)`), hidden from other programs. */
function markerText(paragraph: Element): string {
  let text = "";
  let inConditional = false;
  const visit = (nodes: ElementContent[], depth: number): void => {
    if (depth > 8) return;
    for (const node of nodes) {
      if (node.type === "comment") {
        const value = node.value.trim();
        if (/^\[if !supportLists\]/i.test(value)) inConditional = true;
        else if (/^\[endif\]/i.test(value)) inConditional = false;
      } else if (node.type === "text") {
        if (inConditional) text += node.value;
      } else if (node.type === "element") {
        if (styleProperty(stringProperty(node, "style"), "mso-list") === "ignore") {
          const before = inConditional;
          inConditional = true;
          visit(node.children, depth + 1);
          inConditional = before;
        } else {
          visit(node.children, depth + 1);
        }
      }
    }
  };
  visit(paragraph.children, 0);
  return text.replace(/\u00a0/g, " ").trim();
}

/** The list level and marker of a Word list paragraph, or undefined for any other node. */
export function wordListParagraph(node: ElementContent): WordListParagraph | undefined {
  if (node.type !== "element" || !/^(p|h[1-6])$/.test(node.tagName)) return undefined;
  const list = styleProperty(stringProperty(node, "style"), "mso-list");
  const level = list === undefined ? undefined : /level(\d+)/.exec(list)?.[1];
  if (level === undefined) return undefined;
  const marker = markerText(node);
  const ordered = ORDERED_MARKER.test(marker);
  const start = ordered ? Number(/^\(?\s*(\d+)/.exec(marker)?.[1] ?? 1) : 1;
  return { element: node, level: Math.max(1, Number(level)), ordered, start };
}
