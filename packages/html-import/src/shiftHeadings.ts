import { SECTION_HEADING_BASE, type WarningList } from "@rapporteur/markdown";
import type { DocJSON } from "@rapporteur/schema";

function headings(blocks: DocJSON[], visit: (heading: DocJSON) => void): void {
  for (const block of blocks) {
    if (block.type === "heading") visit(block);
    else if (block.content && block.type !== "paragraph") headings(block.content, visit);
  }
}

/**
 * Gives headings the levels a section holds, by the rule of Markdown import: the shallowest
 * heading becomes a sub-heading (3) when it is `<h1>` or `<h2>`, the next level a sub-sub-heading
 * (4); deeper headings become 4, with a warning.
 */
export function shiftHeadings(blocks: DocJSON[], warnings: WarningList): void {
  let shallowest = Number.POSITIVE_INFINITY;
  headings(blocks, (h) => {
    shallowest = Math.min(shallowest, Number(h.attrs?.level));
  });
  if (!Number.isFinite(shallowest)) return;
  const offset = SECTION_HEADING_BASE - Math.min(SECTION_HEADING_BASE, shallowest);
  const flattened = new Set<number>();
  headings(blocks, (h) => {
    const original = Number(h.attrs?.level);
    const wanted = original + offset;
    const level = Math.min(4, Math.max(3, wanted));
    if (level !== wanted) flattened.add(original);
    h.attrs = { level };
  });
  for (const original of flattened) {
    warnings.add(
      undefined,
      `heading level ${original} (<h${original}>) became a sub-sub-heading: a section holds two levels of sub-headings.`,
    );
  }
}
