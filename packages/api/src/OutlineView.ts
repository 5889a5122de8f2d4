/** Body of `POST /api/outline/sections`: a new section in `part`, after section `after`. */
export interface CreateOutlineSectionBody {
  title: string;
  /** A part id as `GET /api/report` gives it. */
  part: string;
  /** The section it follows; null or absent: first in its part. */
  after?: string | null;
  /** Its word allocation (default 0). */
  budget?: number;
  guidance?: string;
}

/**
 * Body of `PATCH /api/outline/sections/:id`: any subset. Moving: `part` and/or `after` (`after:
 * null` puts it first in its part; `part` alone puts it last in that part). `revision`: the outline
 * revision the change was made against; when the outline has moved on the server answers 409
 * `outline-conflict`.
 */
export interface UpdateOutlineSectionBody {
  title?: string;
  part?: string;
  after?: string | null;
  budget?: number;
  guidance?: string;
  revision?: number;
}

/** Body of `POST /api/outline/parts`: a new part after part `after` (absent or null: last). */
export interface CreateOutlinePartBody {
  title: string;
  after?: string | null;
}

/** Body of `PATCH /api/outline/parts/:id` (`after: null` puts the part first). */
export interface UpdateOutlinePartBody {
  title?: string;
  after?: string | null;
  revision?: number;
}

/** One archived (retired) section (`GET /api/outline/archived`), restorable. */
export interface ArchivedSectionView {
  id: string;
  title: string;
  /** The part it was in (restore puts it back there, or last part if that is gone). */
  part: string;
  archivedAt: string;
  /** Display name of who archived it (null when unknown, e.g. the CLI's import). */
  archivedBy: string | null;
  /** The section its text was merged into, when archived by a merge. */
  mergedInto?: string;
  words: number;
}

/** One sub-heading of a section, a place where it can be split (`GET /api/sections/:id/headings`). */
export interface SectionHeadingView {
  /** Stable within the current text: `h<index>` (the index among the section's headings). */
  anchor: string;
  text: string;
  /** 1-6 as in the editor. */
  level: number;
}

/**
 * The `outline` event: the structure changed (any add, move, rename, archive, restore, split,
 * merge). Clients refetch `GET /api/report`.
 */
export interface OutlineEvent {
  /** The outline's revision after the change. */
  revision: number;
  /** Sections whose text went elsewhere (split: the new section; merge: the target). */
  moved: { from: string; to: string }[];
  /** Sections archived by this change (their collaboration connections are closed). */
  archived: string[];
}
