import type { Nodes, Root } from "mdast";
import {
  MAX_IMPORT_NESTING,
  MAX_IMPORT_TREE_DEPTH,
  MarkdownTooDeepError,
} from "./MarkdownTooDeepError";

const CONTAINERS = new Set(["blockquote", "list"]);

// One container opener at the start of a line: `>`, or a list marker (`-`, `*`, `+`, `1.`, `1)`)
// followed by a space, each after at most 3 spaces.
const OPENER = / {0,3}(?:>|[-*+] |\d{1,9}[.)] ) ?/y;

/**
 * Throws {@link MarkdownTooDeepError} when a line of `markdown` opens more than MAX_IMPORT_NESTING
 * block quotes and lists (`> - 1. ` repeated), before the file is parsed: the parser takes minutes
 * on such nesting. A line of markers only (a `- - -` rule) is not counted.
 */
export function checkSourceNesting(markdown: string): void {
  let deepest = 0;
  for (const line of markdown.split("\n")) {
    OPENER.lastIndex = 0;
    let openers = 0;
    while (OPENER.lastIndex < line.length && OPENER.test(line)) openers++;
    if (openers > deepest && line.slice(OPENER.lastIndex).trim() !== "") deepest = openers;
  }
  if (deepest > MAX_IMPORT_NESTING) {
    throw new MarkdownTooDeepError(deepest, MAX_IMPORT_NESTING, "lists/quotes");
  }
}

/**
 * Throws {@link MarkdownTooDeepError} when block quotes and lists of the parsed tree nest deeper
 * than MAX_IMPORT_NESTING, or any node deeper than MAX_IMPORT_TREE_DEPTH. Walks the tree with an
 * explicit stack: it must not overflow on the very trees it refuses.
 */
export function checkTreeNesting(tree: Root): void {
  let deepestContainers = 0;
  let deepest = 0;
  const stack: { node: Nodes; depth: number; containers: number }[] = [
    { node: tree, depth: 0, containers: 0 },
  ];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, depth, containers } = top;
    deepest = Math.max(deepest, depth);
    deepestContainers = Math.max(deepestContainers, containers);
    if (!("children" in node)) continue;
    for (const child of node.children) {
      stack.push({
        node: child,
        depth: depth + 1,
        containers: containers + (CONTAINERS.has(child.type) ? 1 : 0),
      });
    }
  }
  if (deepestContainers > MAX_IMPORT_NESTING) {
    throw new MarkdownTooDeepError(deepestContainers, MAX_IMPORT_NESTING, "lists/quotes");
  }
  if (deepest > MAX_IMPORT_TREE_DEPTH) {
    throw new MarkdownTooDeepError(deepest, MAX_IMPORT_TREE_DEPTH, "its content");
  }
}
