import type { DocJSON } from "@rapporteur/schema";
import { nodeText } from "./nodeText";

const TEXTBLOCKS = new Set(["paragraph", "heading"]);
const CELLS = new Set(["tableCell", "tableHeader"]);

/**
 * How alike two blocks are, from 0 to 1 (Dice coefficient of their words), or 0 when they cannot
 * be compared inside (different types; table rows with different cells). Decides whether a block
 * is shown as edited or as removed and another added.
 */
export function blockSimilarity(older: DocJSON, newer: DocJSON): number {
  if (!sameKind(older, newer)) return 0;
  if (older.type === "tableRow") {
    const a = older.content ?? [];
    const b = newer.content ?? [];
    if (a.length !== b.length || a.some((cell, i) => cell.type !== b[i]?.type)) return 0;
  }
  return dice(words(nodeText(older)), words(nodeText(newer)));
}

/** The similarity above which two blocks in the same place are compared inside. */
export function similarEnough(older: DocJSON, newer: DocJSON): boolean {
  const threshold = TEXTBLOCKS.has(older.type) ? 0.5 : older.type === "tableRow" ? 0.4 : 0.3;
  const s = blockSimilarity(older, newer);
  return s >= threshold || (s > 0 && older.type === "table");
}

function sameKind(a: DocJSON, b: DocJSON): boolean {
  if (TEXTBLOCKS.has(a.type) && TEXTBLOCKS.has(b.type)) return a.type === b.type;
  if (CELLS.has(a.type) && CELLS.has(b.type)) return true;
  return a.type === b.type;
}

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let common = 0;
  for (const n of a.values()) total += n;
  for (const [w, n] of b) {
    total += n;
    common += Math.min(n, a.get(w) ?? 0);
  }
  // Two empty blocks of the same type are the same block.
  return total === 0 ? 1 : (2 * common) / total;
}
