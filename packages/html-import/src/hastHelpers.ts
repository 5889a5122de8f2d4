import type { Element, ElementContent, Root, RootContent } from "hast";

/** The class names of an element, as a list. */
export function classNames(element: Element): string[] {
  const value: unknown = element.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" ? value.split(/\s+/) : [];
}

/** A string property of an element (`id`, `href`, `style`, `role`...), or undefined. */
export function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.join(" ");
  return typeof value === "string" ? value : undefined;
}

/** The text of a node and its descendants (iterative: hostile input may nest deeply). */
export function hastText(node: Root | RootContent | ElementContent): string {
  let text = "";
  const stack: (Root | RootContent)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === "text") text += current.value;
    else if ("children" in current) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return text;
}

/** Every element under `root` in document order, with its parent (iterative). */
export function elementsWithParents(root: Root): { element: Element; parent: Element | Root }[] {
  const out: { element: Element; parent: Element | Root }[] = [];
  const stack: { node: RootContent; parent: Element | Root }[] = [];
  for (let i = root.children.length - 1; i >= 0; i--)
    stack.push({ node: root.children[i]!, parent: root });
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    if (node.type !== "element") continue;
    out.push({ element: node, parent });
    const children = node.tagName === "template" ? [] : node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, parent: node });
  }
  return out;
}
