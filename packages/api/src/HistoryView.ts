import type { HistoryKind } from "@rapporteur/storage/historyKind";
import type { ComparisonChangeView, ComparisonDocNode } from "./ComparisonView";

/** One entry of a section's history list (`GET /api/sections/:id/history`). */
export interface HistoryEntry {
  /** `p<n>` for a kept checkpoint, `s<seq>` for recent edits not yet compacted. */
  id: string;
  /** When the group of edits ended and began (ISO 8601). */
  at: string;
  from: string;
  authors: { id: number; name: string }[];
  added: number;
  removed: number;
  kind: HistoryKind;
  /** A named version's name (kind `version`), or what an outline change did (kind `outline`). */
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

/** Answer of `GET /api/sections/:id/history/:historyId`: a point's text and what changed in it. */
export interface HistoryPointView {
  id: string;
  /** The section's content at the point (ProseMirror JSON). */
  doc: ComparisonDocNode;
  /** The history id of the entry before it (what `changes` are measured from), or null. */
  since: string | null;
  /**
   * The point's text compared with the entry before it: insertions and deletions marked, each
   * with the author who made it (as the compare view).
   */
  compared: { doc: ComparisonDocNode; changes: ComparisonChangeView[] };
}

/** Answer of `POST /api/versions/:id/restore`: what restoring the whole report changed. */
export interface VersionRestoreAnswer {
  /** Ids of the sections whose text was restored. */
  restored: string[];
  /** Whether the budget settings the version kept were put back (they differed from today's). */
  settings: boolean;
  /**
   * Whether the document settings the version captured (symbol, title, masthead lines) were put
   * back (they differed from today's; a version made before versions kept them has none).
   */
  documentSettings: boolean;
  /**
   * Whether the version's outline still differs from the one in force after the restore (false
   * once its outline is put back; true only when the version's stored outline was unusable).
   */
  outlineDiffers: boolean;
  /** How the outline went back to the version's (one change, one `outline` event). */
  outline: VersionOutlineRestoreView;
}

/** What restoring a version did to the outline (`POST /api/versions/:id/restore`). */
export interface VersionOutlineRestoreView {
  /**
   * Live sections the version did not have: archived with their text, comments and history
   * (listed by `GET /api/outline/archived`, restorable); their editors are closed with 4410.
   */
  archived: string[];
  /** Sections of the version that were archived: back in the outline (their text restored too). */
  restored: string[];
  /** Sections whose title, part, allocation or guidance went back to the version's. */
  changed: string[];
  /** Whether sections or parts went back to another order (or parts to other titles). */
  moved: boolean;
}
