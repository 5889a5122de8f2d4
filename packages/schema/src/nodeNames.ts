/**
 * The node types of the report schema, by role. Converters key their handler tables by these
 * (`Record<ReportBlockNode, ...>`), so a node type added to the schema without a handler fails the
 * type check; nodeNames.test.ts keeps the lists equal to the schema's.
 */
export const REPORT_BLOCK_NODES = [
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "table",
  "box",
] as const;

/** Inline node types: inside paragraphs and headings. */
export const REPORT_INLINE_NODES = [
  "text",
  "hardBreak",
  "footnote",
  "crossRef",
  "citation",
] as const;

/** Node types that only occur inside a particular parent (the document, a list, a table). */
export const REPORT_STRUCTURE_NODES = [
  "doc",
  "listItem",
  "tableRow",
  "tableCell",
  "tableHeader",
] as const;

/** A block node type of the report schema. */
export type ReportBlockNode = (typeof REPORT_BLOCK_NODES)[number];
/** An inline node type of the report schema. */
export type ReportInlineNode = (typeof REPORT_INLINE_NODES)[number];
/** Any node type of the report schema. */
export type ReportNodeName =
  | ReportBlockNode
  | ReportInlineNode
  | (typeof REPORT_STRUCTURE_NODES)[number];
