export { DEFAULT_OUTLINE_PATH, loadOutline } from "./loadOutline";
export type { Outline, OutlinePart, OutlineSection } from "./outlineSchema";
export { outlineSchema } from "./outlineSchema";
export { OutlineError, parseOutline } from "./parseOutline";
export { isSectionId, MAX_SECTION_ID_LENGTH, SECTION_ID_PATTERN } from "./sectionId";
export { findSection, totalBudget } from "./sectionIndex";
