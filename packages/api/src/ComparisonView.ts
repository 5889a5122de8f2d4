/** One change of a compared section (as @rapporteur/compare's listChanges reports it). */
export interface ComparisonChangeView {
  kind: "insertion" | "deletion";
  /** Display name(s) of who made it ("Amina Diallo" or "Amina Diallo, Jon Smith"). */
  author: string;
  /** When (ISO 8601): the last change of its authors in the interval. */
  date: string;
  /** `text` for a change inside a block, else the block type (`paragraph`, `tableRow`, ...). */
  target: string;
  text: string;
}

/**
 * Answer of `GET /api/sections/:id/compare?version=<id>[&to=<id>]`: the section compared, one
 * ProseMirror JSON document whose text carries `insertion`/`deletion` marks (`attrs: { author,
 * date }`) and whose whole inserted or deleted blocks carry `attrs.change: { kind, author, date }`,
 * and its changes in reading order.
 */
export interface SectionComparisonView {
  sectionId: string;
  /** The older version. */
  version: { id: number; name: string; at: string };
  /** The newer version, or null for now. */
  to: { id: number; name: string; at: string } | null;
  doc: ComparisonDocNode;
  changes: ComparisonChangeView[];
}

/** A node of a compared document (ProseMirror JSON with the change marks). */
export interface ComparisonDocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ComparisonDocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}
