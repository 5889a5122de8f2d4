import * as Y from "yjs";
import type { DocJSON } from "./docJson";
import { FRAGMENT_NAME } from "./fragmentName";
import { type NumberableBlock, numberableBlocks, walkNumberableBlocks } from "./numberableBlocks";
import type { TargetCounts } from "./referenceTargets";
import { yDocToJSON } from "./ydoc";

/** The kinds of block a cross-reference can point to inside a section. */
export type BlockKind = "paragraph" | "table" | "box";

/** A numbered paragraph, table or box of a section, as the reference picker lists it. */
export interface ReferenceBlock {
  kind: BlockKind;
  /** Its place among the section's numbered blocks of its kind (0 for the first). */
  index: number;
  /** Its number through the report ("23" for paragraph 23, "1" for table 1). */
  number: string;
  /** The start of its text (a table's or box's title when it has one), at most 60 characters. */
  excerpt: string;
  /** Its anchor, null when nothing refers to it yet. */
  anchor: string | null;
}

/**
 * A section's numberable blocks (see numberableBlocks) numbered after `before`, as numberReport
 * numbers them: front matter leaves its paragraphs out. Pure.
 */
export function numberBlocks(
  blocks: readonly NumberableBlock[],
  frontMatter: boolean,
  before: TargetCounts,
): ReferenceBlock[] {
  const counts = { paragraph: 0, table: 0, box: 0 };
  const numbered: ReferenceBlock[] = [];
  for (const block of blocks) {
    if (frontMatter && block.kind === "paragraph") continue;
    const index = counts[block.kind]++;
    numbered.push({
      kind: block.kind,
      index,
      number: String(before[block.kind] + index + 1),
      excerpt: block.excerpt,
      anchor: block.anchor,
    });
  }
  return numbered;
}

/**
 * The numbered paragraphs, tables and boxes of one section, in document order, numbered after
 * `before` (what the report has before the section, as numberReport counts it). Pure.
 */
export function referenceBlocks(
  doc: DocJSON,
  frontMatter: boolean,
  before: TargetCounts,
): ReferenceBlock[] {
  return numberBlocks(numberableBlocks(doc), frontMatter, before);
}

/** What {@link anchorBlock} did: the block's anchor, and whether it was given now. */
export interface AnchoredBlock {
  anchor: string;
  created: boolean;
}

/**
 * Gives the `index`-th numbered block of `kind` of a section's live document an anchor
 * (`newAnchor()`) unless it has one, in one transaction of `ydoc`. Returns null when there is no
 * such block. Idempotent: a block that has an anchor keeps it and the document is not changed.
 */
export function anchorBlock(
  ydoc: Y.Doc,
  target: { kind: BlockKind; index: number },
  frontMatter: boolean,
  newAnchor: () => string,
): AnchoredBlock | null {
  let path: number[] | null = null;
  let existing: string | null = null;
  walkNumberableBlocks(yDocToJSON(ydoc), frontMatter, (kind, index, node, at) => {
    if (kind !== target.kind || index !== target.index) return;
    path = at;
    const anchor = node.attrs?.anchor;
    existing = typeof anchor === "string" && anchor ? anchor : null;
  });
  if (!path) return null;
  if (existing) return { anchor: existing, created: false };
  let element: Y.XmlFragment | Y.XmlElement = ydoc.getXmlFragment(FRAGMENT_NAME);
  for (const i of path as number[]) {
    const child: unknown = element.get(i);
    if (!(child instanceof Y.XmlElement)) return null;
    element = child;
  }
  if (!(element instanceof Y.XmlElement) || element.nodeName !== target.kind) return null;
  const anchor = newAnchor();
  const found = element;
  ydoc.transact(() => {
    found.setAttribute("anchor", anchor);
  });
  return { anchor, created: true };
}
