export { type FromMarkdownResult, fromMarkdown, SECTION_HEADING_BASE } from "./fromMarkdown";
export type { MarkdownOutline, MarkdownReport } from "./markdownReport";
export { normalizeDoc } from "./normalizeDoc";
export { type ReportFromMarkdownResult, reportFromMarkdown } from "./reportFromMarkdown";
export { reportToMarkdown } from "./reportToMarkdown";
export { toMarkdown } from "./toMarkdown";
