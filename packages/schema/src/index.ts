export { checkFragment } from "./checkFragment";
export { checkTransaction } from "./checkTransaction";
export { Citation, type CitationRun, type CitationText, citationKey } from "./citation";
export {
  ANCHOR_PATTERN,
  CROSS_REF_KINDS,
  CrossRef,
  type CrossRefKind,
} from "./crossRef";
export { detectLanguage } from "./detectLanguage";
export type { DocJSON } from "./docJson";
export { reportExtensions, SUBHEADING_LEVELS } from "./extensions";
export { Footnote } from "./footnote";
export { FRAGMENT_NAME } from "./fragmentName";
export { chapterLabel, sectionLabel } from "./headingLabels";
export { isReportLink } from "./isReportLink";
export {
  REPORT_BLOCK_NODES,
  REPORT_INLINE_NODES,
  REPORT_STRUCTURE_NODES,
  type ReportBlockNode,
  type ReportInlineNode,
  type ReportNodeName,
} from "./nodeNames";
export {
  isNumberedParagraph,
  type NumberableBlock,
  numberableBlocks,
  walkNumberableBlocks,
} from "./numberableBlocks";
export {
  numberedOutline,
  type OutlineNumberedSection,
  type OutlinePlace,
  type OutlineSectionDoc,
  placedOutline,
} from "./numberedOutline";
export {
  type AnchoredBlock,
  anchorBlock,
  type BlockKind,
  numberBlocks,
  type ReferenceBlock,
  referenceBlocks,
} from "./referenceBlocks";
export {
  type BlockListSection,
  type BrokenCrossReference,
  brokenCrossReferences,
  NO_TARGETS,
  type NumberedSection,
  numberReport,
  numberSections,
  type ReferenceTarget,
  referenceTargets,
  type SectionNumbering,
  type TargetCounts,
} from "./referenceTargets";
export { repairYDoc, type SchemaRepair } from "./repairYDoc";
export { schema } from "./schema";
export {
  MAX_CONTAINER_NESTING,
  MAX_NESTING_DEPTH,
  type SchemaCheck,
  type SchemaRule,
  type SchemaViolation,
} from "./schemaCheck";
export {
  isRightToLeft,
  isUnLanguage,
  UN_LANGUAGES,
  type UnLanguage,
} from "./unLanguages";
export { yDocBlocks } from "./yDocBlocks";
export { replaceYDocContent, yDocToJSON } from "./ydoc";
