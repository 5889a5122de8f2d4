export { checkFragment } from "./checkFragment";
export { checkTransaction } from "./checkTransaction";
export type { DocJSON } from "./docJson";
export { reportExtensions, SUBHEADING_LEVELS } from "./extensions";
export { Footnote } from "./footnote";
export { FRAGMENT_NAME } from "./fragmentName";
export { isReportLink } from "./isReportLink";
export {
  REPORT_BLOCK_NODES,
  REPORT_INLINE_NODES,
  REPORT_STRUCTURE_NODES,
  type ReportBlockNode,
  type ReportInlineNode,
  type ReportNodeName,
} from "./nodeNames";
export { repairYDoc, type SchemaRepair } from "./repairYDoc";
export { schema } from "./schema";
export {
  MAX_CONTAINER_NESTING,
  MAX_NESTING_DEPTH,
  type SchemaCheck,
  type SchemaRule,
  type SchemaViolation,
} from "./schemaCheck";
export { replaceYDocContent, yDocToJSON } from "./ydoc";
