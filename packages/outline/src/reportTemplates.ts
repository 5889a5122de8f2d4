import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_OUTLINE_PATH } from "./loadOutline";
import type { Outline } from "./outlineSchema";
import { parseOutline } from "./parseOutline";
import { REPORT_TEMPLATE_IDS, type ReportTemplateId } from "./templateIds";

/** One outline a new report may start from. */
export interface ReportTemplate {
  id: ReportTemplateId;
  /** Its name, for people. */
  title: string;
  /** What the outline holds, in one sentence. */
  description: string;
  /** The outline it seeds (read and validated on each call: the files are small). */
  outline(): Outline;
}

const fromFile = (path: string) => () => parseOutline(readFileSync(path, "utf8"), path);

/** A new report's outline with one part and one section, to be shaped in the app. */
function blankOutline(): Outline {
  return {
    report: {
      title: "Untitled report",
      shortTitle: "Report",
      symbol: "-",
      targetRange: { min: 1000, max: 10000 },
    },
    parts: [{ id: "part-1", title: "Part 1" }],
    sections: [
      {
        id: "section-1",
        part: "part-1",
        title: "Section 1",
        budget: 1000,
        guidance: "",
      },
    ],
  };
}

const TEMPLATES: Record<ReportTemplateId, Omit<ReportTemplate, "id">> = {
  "wsis20-review": {
    title: "WSIS+20 review (Annex 1 outline)",
    description:
      "The twenty-year review of WSIS: introduction, the record since WSIS, where we stand, the future, conclusion (30,000-40,000 words).",
    outline: fromFile(DEFAULT_OUTLINE_PATH),
  },
  "wsis-annual-progress": {
    title: "Annual WSIS progress report to the CSTD",
    description:
      "The Secretary-General's annual report on WSIS implementation: trends, regional and international levels, the IGF, financing, findings (8,000-10,000 words).",
    outline: fromFile(
      fileURLToPath(
        new URL("../../../content/templates/wsis-annual-progress.yaml", import.meta.url),
      ),
    ),
  },
  blank: {
    title: "Blank report",
    description: "One part and one section, to be shaped in the app.",
    outline: blankOutline,
  },
};

/** The report templates, in the order of {@link REPORT_TEMPLATE_IDS} (Node only: reads content/). */
export function reportTemplates(): ReportTemplate[] {
  return REPORT_TEMPLATE_IDS.map((id) => ({ id, ...TEMPLATES[id] }));
}

/** Template `id` (one of {@link REPORT_TEMPLATE_IDS}). */
export function reportTemplate(id: ReportTemplateId): ReportTemplate {
  return { id, ...TEMPLATES[id] };
}
