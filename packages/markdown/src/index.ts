export { type FromMarkdownResult, fromMarkdown, SECTION_HEADING_BASE } from "./fromMarkdown";
export {
  MAX_IMPORT_NESTING,
  MAX_IMPORT_TREE_DEPTH,
  MarkdownTooDeepError,
} from "./MarkdownTooDeepError";
export type { MarkdownOutline, MarkdownReport } from "./markdownReport";
export { normalizeDoc } from "./normalizeDoc";
export { type ReportFromMarkdownResult, reportFromMarkdown } from "./reportFromMarkdown";
export { reportToMarkdown } from "./reportToMarkdown";
export { snippet } from "./snippet";
export {
  type CriticMarkupOptions,
  reportToCriticMarkup,
  toCriticMarkup,
} from "./toCriticMarkup";
export { toMarkdown } from "./toMarkdown";
export { WarningList } from "./warningList";
