import type { ReportTemplateView } from "@rapporteur/api";

/** A template's size as people read it: "2 parts, 19 sections". */
export function templateSize(template: Pick<ReportTemplateView, "parts" | "sections">): string {
  const parts = `${template.parts} ${template.parts === 1 ? "part" : "parts"}`;
  const sections = `${template.sections} ${template.sections === 1 ? "section" : "sections"}`;
  return `${parts}, ${sections}`;
}
