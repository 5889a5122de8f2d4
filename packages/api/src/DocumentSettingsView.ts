/**
 * The settings of the printed document that editors change in the app (`PUT
 * /api/report/settings`); the defaults come from the outline (symbol, title) and
 * `templates/un-secretariat.yaml`. An empty line is not printed.
 */
export interface DocumentSettings {
  /** Document symbol, e.g. `E/CN.16/2025/CRP.1`: in the masthead and the head of every page. */
  symbol: string;
  /** "General", "Limited", ... (printed "Distr.: General"). */
  distribution: string;
  /** Date of issue `YYYY-MM-DD` printed under "Distr."; null: the day of the export. */
  issueDate: string | null;
  originalLanguage: string;
  commission: string;
  session: string;
  /** Place and dates of the session: "Geneva, 7–11 April 2025". */
  place: string;
  /** "Item 3 of the provisional agenda". */
  agendaItem: string;
  /** The agenda item's title, in bold under it. */
  agendaTitle: string;
  /** Symbol of the provisional agenda: the note of the agenda item's asterisk. */
  agendaSymbol: string;
  /** Title of the report. */
  title: string;
  /** "Report of the Secretary-General". */
  byline: string;
  /** GE job number at the foot of the first page: "GE.25-04321(E)". */
  jobNumber: string;
  /** Prints "Advance unedited version" at the top of the first page. */
  advanceUnedited: boolean;
}

/** The emblem image of the masthead, as the API describes it (the bytes: `GET .../emblem`). */
export interface EmblemView {
  type: "png" | "jpg";
  width: number;
  height: number;
  bytes: number;
}

/** `GET /api/report/settings` and the `settings` event. */
export interface DocumentSettingsView {
  settings: DocumentSettings;
  emblem: EmblemView | null;
  /** Who last changed them (null: never, the defaults). */
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The largest emblem image accepted, in bytes. */
export const MAX_EMBLEM_BYTES = 512 * 1024;

/** One finding of the preflight of the final export (`GET /api/export/preflight`). */
export interface PreflightItem {
  /** Stable kind: `not_approved`, `empty`, `over_allocation`, `under_allocation`, ... */
  kind: string;
  /** The section concerned, when there is one. */
  section?: string;
  /** A sentence for people. */
  message: string;
}

/** `GET /api/export/preflight`. */
export interface PreflightView {
  items: PreflightItem[];
}
