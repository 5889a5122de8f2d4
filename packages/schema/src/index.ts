export type { DocJSON } from "./docJson";
export { isReportLink, reportExtensions, SUBHEADING_LEVELS } from "./extensions";
export { Footnote } from "./footnote";
export { FRAGMENT_NAME } from "./fragmentName";
export { schema } from "./schema";
export { replaceYDocContent, yDocToJSON } from "./ydoc";
