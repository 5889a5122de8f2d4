import type { HistoryKind } from "@rapporteur/api";

export type {
  HistoryEntry,
  HistoryKind,
  HistoryPointView,
  ReportVersion,
  RestoreAnswer,
} from "@rapporteur/api";

/** How each kind of entry is named in the History panel. */
export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  edit: "Edited",
  import: "Imported a file",
  restore: "Restored an earlier text",
  suggestion: "Accepted a suggestion",
  version: "Version saved",
  outline: "Outline changed",
};
