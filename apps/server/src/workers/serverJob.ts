import type { ImportFormat, PreflightItem } from "@rapporteur/api";
import type { ComparedSection } from "@rapporteur/report";
import { convertImport, type ImportConversion } from "../http/convertImport";
import type { SectionFacts } from "../report/sectionFacts";
import { type CompareJob, runCompareJob } from "./compareJob";
import { type CountJob, runCountJob } from "./countJob";
import { type EvidenceJob, type EvidenceReading, runEvidenceJob } from "./evidenceJob";
import { type ExcerptsJob, runExcerptsJob } from "./excerptsJob";
import { type ExportJob, runExportJob } from "./exportJob";
import { type MatrixJob, runMatrixJob } from "./matrixJob";
import { type PreflightJob, runPreflightJob } from "./preflightJob";
import { type ReviewReading, readReviewJob } from "./readReviewJob";
import { runThemesJob, type ThemesAnswer, type ThemesJob } from "./themesJob";

/** A file to convert for a section import (convertImport). */
export interface ImportJob {
  kind: "import";
  format: ImportFormat;
  bytes: Uint8Array;
  /** The app's own addresses: links to them are removed. */
  appOrigins: readonly string[];
}

/** A reviewed Word file to read for an import as review (readReviewJob). */
export interface ReviewJob {
  kind: "review";
  bytes: Uint8Array;
}

/** Every job the server's worker threads run (serverWorker.ts). */
export type ServerJob =
  | ImportJob
  | ReviewJob
  | EvidenceJob
  | ExportJob
  | CompareJob
  | MatrixJob
  | ExcerptsJob
  | CountJob
  | PreflightJob
  | ThemesJob;

/**
 * The result of a job: an import's conversion, a review read, a file's bytes, a compared
 * section, a section's facts (word count and numberable blocks) or the preflight's findings.
 */
export type ServerJobResult =
  | ImportConversion
  | ReviewReading
  | EvidenceReading
  | Uint8Array
  | ComparedSection
  | SectionFacts
  | PreflightItem[]
  | ThemesAnswer;

/** Runs one job, dispatched by its kind. Throws only on a bug. */
export function runServerJob(job: ServerJob): Promise<ServerJobResult> {
  switch (job.kind) {
    case "import":
      return convertImport(job.format, job.bytes, job.appOrigins);
    case "review":
      return readReviewJob(job.bytes);
    case "evidence":
      return runEvidenceJob(job);
    case "export":
      return runExportJob(job);
    case "compare":
      return runCompareJob(job);
    case "matrix":
      return runMatrixJob(job);
    case "excerpts":
      return runExcerptsJob(job);
    case "count":
      return runCountJob(job);
    case "preflight":
      return runPreflightJob(job);
    case "themes":
      return runThemesJob(job);
  }
}
