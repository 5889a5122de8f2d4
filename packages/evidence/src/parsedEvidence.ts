import type { SourceInput } from "./source";

/** Sources read from one file, and what the reader noticed. */
export interface ParsedEvidence {
  sources: SourceInput[];
  /** One sentence per problem that did not stop the import. */
  warnings: string[];
}
