/**
 * The rules a section's Yjs document must follow (see {@link checkFragment}):
 * - `root`: nothing outside the `default` fragment (the app keeps no other shared type);
 * - `type`: every child of the fragment and below is a `Y.XmlElement` or `Y.XmlText` (no
 *   `Y.Map`, `Y.Array`, plain strings or values, embeds);
 * - `node`: every element is named after a node of the schema;
 * - `placement`: every child is one its parent's content expression can hold (a paragraph in a
 *   paragraph, text directly in the document, are not);
 * - `attribute`: element attributes are attributes of their node, with plain values; the
 *   fragment and text nodes carry none;
 * - `mark`: text formatting attributes are marks of the schema, allowed in their parent node,
 *   with the mark's attributes only;
 * - `depth`: elements nest at most {@link MAX_NESTING_DEPTH} deep.
 */
export type SchemaRule = "root" | "type" | "node" | "placement" | "attribute" | "mark" | "depth";

/** Elements may nest this deep below the fragment (the editor's deepest real use is far below). */
export const MAX_NESTING_DEPTH = 32;

/**
 * Lists, block quotes and tables an importer keeps nested inside one another; deeper ones are
 * flattened (text kept). The one cap of every converter (Markdown, HTML, paste): derived from
 * {@link MAX_NESTING_DEPTH}, as each level takes up to two elements (a list and its item) and
 * the innermost a table (row, cell, paragraph), so that what an import keeps is always accepted
 * by the collaboration server.
 */
export const MAX_CONTAINER_NESTING = Math.floor((MAX_NESTING_DEPTH - 4) / 2);

/** Something in a Yjs document that does not fit the report schema. */
export interface SchemaViolation {
  rule: SchemaRule;
  /** Where: the root name, then `index:nodeName` steps (e.g. `default/3:blockquote/0:script`). */
  path: string;
  /** What is wrong, for logs and close reasons. */
  message: string;
}

/** The outcome of a schema check. */
export type SchemaCheck = { ok: true } | ({ ok: false } & SchemaViolation);
