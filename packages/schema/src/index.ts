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
export { schema } from "./schema";
export { replaceYDocContent, yDocToJSON } from "./ydoc";
