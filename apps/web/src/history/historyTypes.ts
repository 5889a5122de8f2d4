/** What a history entry is (server: SectionHistory). */
export type HistoryKind = "edit" | "import" | "restore" | "suggestion" | "version";

/** One entry of `GET /api/sections/:id/history`. */
export interface HistoryEntry {
  id: string;
  at: string;
  from: string;
  authors: { id: number; name: string }[];
  added: number;
  removed: number;
  kind: HistoryKind;
  name?: string;
}

/** One entry of `GET /api/versions`. */
export interface ReportVersion {
  id: number;
  name: string;
  at: string;
  by: { id: number | null; name: string };
}

/** Answer of `POST /api/sections/:id/restore`. */
export interface RestoreAnswer {
  undo: { history: string | null };
  words: number;
}

/** How each kind of entry is named in the History panel. */
export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  edit: "Edited",
  import: "Imported a file",
  restore: "Restored an earlier text",
  suggestion: "Accepted a suggestion",
  version: "Version saved",
};
