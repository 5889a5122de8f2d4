export { type AttributedStep, attributeSteps } from "./attributeSteps";
export { type Attribution, type ChangeContext, DEFAULT_CHANGE_AUTHOR } from "./attribution";
export { compareDocuments } from "./compareDocuments";
export type { CompareOptions } from "./compareOptions";
export { compareReports, type ReportDocs } from "./compareReports";
export { compareSchema } from "./compareSchema";
export { type ListedChange, listChanges } from "./listChanges";
export { acceptChanges, rejectChanges } from "./resolveChanges";
export {
  type BlockChange,
  blockChange,
  CHANGE_MARKS,
  CHANGEABLE_BLOCKS,
  type ChangeAttribution,
  type ChangeKind,
  inlineChange,
} from "./trackedChange";
