import type { SourceKind } from "@rapporteur/evidence/source";

/** Answer of `POST /api/evidence/import`: what one file added to the evidence library. */
export interface EvidenceImportAnswer {
  /** Sources stored, by kind (a questionnaire: one submission per row). */
  imported: number;
  kind: SourceKind;
  /** Ids of the stored sources, in file order. */
  ids: number[];
  /** What the import could not keep or noticed, for people. */
  warnings: string[];
}
