import type { DocJSON } from "@rapporteur/schema";
import { countWords } from "@rapporteur/wordcount";

/** Words added and removed between two versions of a section. */
export interface WordChanges {
  added: number;
  removed: number;
}

/**
 * Words added and removed from `before` to `after` (either null: empty), as the difference of
 * the two texts' bags of words, each side counted by packages/wordcount's definition. A word
 * replaced counts once added and once removed; moving a sentence counts nothing.
 */
export function wordChanges(before: DocJSON | null, after: DocJSON | null): WordChanges {
  const bag = new Map<string, number>();
  for (const token of tokens(before)) bag.set(token, (bag.get(token) ?? 0) + 1);
  const added: string[] = [];
  for (const token of tokens(after)) {
    const left = bag.get(token) ?? 0;
    if (left > 0) bag.set(token, left - 1);
    else added.push(token);
  }
  const removed: string[] = [];
  for (const [token, left] of bag) for (let i = 0; i < left; i++) removed.push(token);
  return { added: countWords(added.join(" ")), removed: countWords(removed.join(" ")) };
}

function tokens(doc: DocJSON | null): string[] {
  if (!doc) return [];
  const parts: string[] = [];
  collectText(doc, parts);
  return parts
    .join(" ")
    .split(/[\s\u2013\u2014]+/u)
    .filter((t) => t !== "");
}

interface TextNode {
  text?: unknown;
  content?: unknown;
}

function collectText(node: TextNode, parts: string[]): void {
  if (typeof node.text === "string") parts.push(node.text);
  if (Array.isArray(node.content)) {
    for (const child of node.content) {
      collectText(child as TextNode, parts);
      // Blocks are separate words even without spaces.
      parts.push(" ");
    }
  }
}
