import type { DocJSON } from "@rapporteur/schema";
import { diffArrays } from "diff";
import { similarEnough } from "./blockSimilarity";
import type { CompareContext } from "./compareContext";
import { compareInline } from "./compareInline";
import { markWhole } from "./markWhole";

const TEXTBLOCKS = new Set(["paragraph", "heading"]);

/**
 * Aligns two lists of blocks (document content, list items, table rows, cell content): equal
 * blocks by a longest common subsequence of their fingerprints, then, between them, blocks alike
 * enough are compared inside and the others shown as removed or added whole.
 */
export function compareBlocks(
  older: readonly DocJSON[],
  newer: readonly DocJSON[],
  ctx: CompareContext,
): DocJSON[] {
  const chunks = diffArrays(older.map(fingerprint), newer.map(fingerprint));
  const out: DocJSON[] = [];
  let i = 0;
  let j = 0;
  let removed: DocJSON[] = [];
  let added: DocJSON[] = [];
  const flush = () => {
    if (removed.length > 0 || added.length > 0) out.push(...gap(removed, added, ctx));
    removed = [];
    added = [];
  };
  for (const chunk of chunks) {
    if (chunk.added) {
      added.push(...newer.slice(j, j + chunk.count));
      j += chunk.count;
    } else if (chunk.removed) {
      removed.push(...older.slice(i, i + chunk.count));
      i += chunk.count;
    } else {
      flush();
      out.push(...newer.slice(j, j + chunk.count));
      i += chunk.count;
      j += chunk.count;
    }
  }
  flush();
  return out;
}

// How far ahead a changed block looks for its older version among the removed ones.
const LOOKAHEAD = 8;

/** Blocks between two equal ones: pairs of similar blocks in order, the rest removed or added. */
function gap(removed: DocJSON[], added: DocJSON[], ctx: CompareContext): DocJSON[] {
  const out: DocJSON[] = [];
  let next = 0;
  // Added blocks wait for the removed blocks before them, so that deletions come first.
  let waiting: DocJSON[] = [];
  const deleteUpTo = (end: number) => {
    for (; next < end; next++) out.push(markWhole(removed[next]!, "deletion", ctx));
    out.push(...waiting.map((block) => markWhole(block, "insertion", ctx)));
    waiting = [];
  };
  for (const block of added) {
    let match = -1;
    for (let k = next; k < Math.min(removed.length, next + LOOKAHEAD); k++) {
      if (similarEnough(removed[k]!, block)) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      waiting.push(block);
      continue;
    }
    deleteUpTo(match);
    out.push(compareBlock(removed[match]!, block, ctx));
    next = match + 1;
  }
  deleteUpTo(removed.length);
  return out;
}

/** Two versions of one block, compared inside; the newer one's attributes are kept. */
export function compareBlock(older: DocJSON, newer: DocJSON, ctx: CompareContext): DocJSON {
  if (TEXTBLOCKS.has(newer.type)) {
    return { ...newer, content: compareInline(older.content ?? [], newer.content ?? [], ctx) };
  }
  if (newer.type === "tableRow") {
    // Rows are only paired with the same cells (see blockSimilarity): compare cell by cell.
    const cells = older.content ?? [];
    return {
      ...newer,
      content: (newer.content ?? []).map((cell, k) => ({
        ...cell,
        content: compareCell(cells[k]?.content ?? [], cell.content ?? [], ctx),
      })),
    };
  }
  return { ...newer, content: compareBlocks(older.content ?? [], newer.content ?? [], ctx) };
}

/** A cell's text is one paragraph: compared word by word however much it changed. */
function compareCell(older: DocJSON[], newer: DocJSON[], ctx: CompareContext): DocJSON[] {
  const [a] = older;
  const [b] = newer;
  if (
    older.length === 1 &&
    newer.length === 1 &&
    a?.type === "paragraph" &&
    b?.type === "paragraph"
  ) {
    return [compareBlock(a, b, ctx)];
  }
  return compareBlocks(older, newer, ctx);
}

function fingerprint(node: DocJSON): string {
  return JSON.stringify(node);
}
