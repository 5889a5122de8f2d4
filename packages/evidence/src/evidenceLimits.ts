const MiB = 1024 * 1024;

/** What one evidence file may hold; past a limit the file is refused with `too_large`. */
export interface EvidenceLimits {
  /** Rows of a questionnaire (one submission each). */
  maxRows: number;
  /** Columns of a questionnaire. */
  maxColumns: number;
  /** Entries of a literature library. */
  maxEntries: number;
  /** Pages of a PDF. */
  maxPages: number;
  /** Characters of text of one file, all sources together. */
  maxTextChars: number;
  /** Uncompressed bytes of a Word or Excel package. */
  maxUncompressedBytes: number;
}

/** Default limits: far above a real consultation (150 rows) or a long report (500 pages). */
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxRows: 20_000,
  maxColumns: 500,
  maxEntries: 20_000,
  maxPages: 2_000,
  maxTextChars: 60 * MiB,
  maxUncompressedBytes: 100 * MiB,
};
