export { importOutline } from "./importOutline";
export { DEFAULT_OUTLINE_PATH, loadOutline } from "./loadOutline";
export {
  type ArchivedSection,
  groupByPart,
  OutlineChangeError,
  type OutlineChangeProblem,
  type OutlineState,
} from "./OutlineState";
export { type OutlineChange, OutlineStore } from "./OutlineStore";
export {
  addPart,
  addSection,
  archiveSection,
  type NewSection,
  requireSection,
  restoreSection,
  type SectionChange,
  takenIds,
  updatePart,
  updateSection,
} from "./outlineEdits";
export type { Outline, OutlinePart, OutlineSection } from "./outlineSchema";
export { outlineSchema } from "./outlineSchema";
export { outlineToYaml } from "./outlineToYaml";
export { OutlineError, parseOutline } from "./parseOutline";
export { type ReportTemplate, reportTemplate, reportTemplates } from "./reportTemplates";
export {
  type OutlineRestore,
  outlineDiffersFrom,
  restoreOutline,
  versionOutline,
} from "./restoreOutline";
export {
  isSectionId,
  MAX_SECTION_ID_LENGTH,
  SECTION_ID_PATTERN,
  slugFromTitle,
} from "./sectionId";
export { findSection, totalBudget } from "./sectionIndex";
export {
  FIRST_REPORT_TEMPLATE,
  isReportTemplateId,
  REPORT_TEMPLATE_IDS,
  type ReportTemplateId,
} from "./templateIds";
