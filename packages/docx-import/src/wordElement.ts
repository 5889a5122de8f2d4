import type { Element, Node } from "@xmldom/xmldom";

/**
 * Namespace URIs of the Office Open XML vocabularies we read, by the prefix Word conventionally
 * gives them. Element and attribute names are compared as `prefix:localName` with these
 * prefixes, whatever prefixes the file itself declares (Strict OOXML uses other URIs).
 */
const PREFIXES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
  "http://purl.oclc.org/ooxml/officeDocument/math": "m",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
  "http://purl.oclc.org/ooxml/drawingml/main": "a",
  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
  "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": "wp",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
  "urn:schemas-microsoft-com:vml": "v",
  "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
  "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
  "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
};

const ELEMENT_NODE = 1;

/** Qualified name of an element or attribute with the conventional prefix, e.g. `w:p`. */
export function nameOf(node: Node): string {
  const local = node.localName ?? node.nodeName;
  const prefix = node.namespaceURI ? PREFIXES[node.namespaceURI] : undefined;
  if (prefix) return `${prefix}:${local}`;
  return node.namespaceURI ? `{${node.namespaceURI}}${local}` : local;
}

/** Element children, in document order. */
export function childElements(element: Element): Element[] {
  const out: Element[] = [];
  const nodes = element.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes.item(i);
    if (node && node.nodeType === ELEMENT_NODE) out.push(node as Element);
  }
  return out;
}

/** The first child element called `name` (e.g. `w:pPr`). */
export function childElement(element: Element | undefined, name: string): Element | undefined {
  if (!element) return undefined;
  return childElements(element).find((child) => nameOf(child) === name);
}

/** Descendant elements called `name`, in document order (iterative: no stack overflow). */
export function descendantElements(element: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack = childElements(element).reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (nameOf(next) === name) out.push(next);
    stack.push(...childElements(next).reverse());
  }
  return out;
}

/** The attribute called `name` (`w:val`, `r:id`, or an unqualified `Target`), if present. */
export function attribute(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes.item(i);
    if (attr && nameOf(attr) === name) return attr.value;
  }
  return undefined;
}

/** `w:val` of the child element `name`: `<w:pStyle w:val="Heading1"/>` gives `Heading1`. */
export function childValue(element: Element | undefined, name: string): string | undefined {
  return attribute(childElement(element, name), "w:val");
}

/**
 * A Word on/off property (`<w:b/>`, `<w:i w:val="false"/>`): `true` or `false` when the element
 * is present, `undefined` when it is not (the style decides).
 */
export function toggle(element: Element | undefined): boolean | undefined {
  if (!element) return undefined;
  const value = attribute(element, "w:val");
  return value === undefined || !["false", "0", "off", "none"].includes(value.toLowerCase());
}
