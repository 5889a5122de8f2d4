/** One part of the outline (Introduction, Part 1, ...), as served by `GET /api/report`. */
export interface ReportPart {
  id: string;
  title: string;
}

/** One section of the outline with its server-computed word counts. */
export interface ReportSection {
  id: string;
  title: string;
  part: string;
  budget: number;
  guidance: string;
  words: number;
  footnoteWords: number;
}

/** The report as served by `GET /api/report`. */
export interface Report {
  title: string;
  shortTitle: string;
  symbol: string;
  targetRange: { min: number; max: number };
  parts: ReportPart[];
  sections: ReportSection[];
  totals: { words: number; footnoteWords: number; budget: number };
}

/** Payload of a `wordcount` Server-Sent Event from `GET /api/events`. */
export interface WordCountEvent {
  sectionId: string;
  words: number;
  footnoteWords: number;
}
