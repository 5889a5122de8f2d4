export { checkFragment } from "./checkFragment";
export { checkTransaction } from "./checkTransaction";
export type { DocJSON } from "./docJson";
export { isReportLink, reportExtensions, SUBHEADING_LEVELS } from "./extensions";
export { Footnote } from "./footnote";
export { FRAGMENT_NAME } from "./fragmentName";
export { repairYDoc, type SchemaRepair } from "./repairYDoc";
export { schema } from "./schema";
export {
  MAX_NESTING_DEPTH,
  type SchemaCheck,
  type SchemaRule,
  type SchemaViolation,
} from "./schemaCheck";
export { replaceYDocContent, yDocToJSON } from "./ydoc";
