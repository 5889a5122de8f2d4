import type { DocJSON } from "@rapporteur/schema";
import { compareBlock } from "./compareBlocks";
import { CompareContext } from "./compareContext";
import type { CompareOptions } from "./compareOptions";
import { markWhole } from "./markWhole";

/** The documents of a report's sections by section id. */
export type ReportDocs = Readonly<Record<string, DocJSON>>;

/**
 * Compares two versions of a whole report, section by section (matched by id): see
 * compareDocuments. A section only the newer version has is shown inserted whole, one only the
 * older has deleted whole. Sections come in the newer version's order, removed ones after.
 */
export function compareReports(
  older: ReportDocs,
  newer: ReportDocs,
  options: CompareOptions = {},
): Record<string, DocJSON> {
  const ctx = new CompareContext(options);
  const out: Record<string, DocJSON> = {};
  for (const [id, doc] of Object.entries(newer)) {
    const before = Object.hasOwn(older, id) ? older[id] : undefined;
    const section = ctx.forSection(id);
    out[id] = before ? compareBlock(before, doc, section) : markWhole(doc, "insertion", section);
  }
  for (const [id, doc] of Object.entries(older)) {
    if (!Object.hasOwn(newer, id)) out[id] = markWhole(doc, "deletion", ctx.forSection(id));
  }
  return out;
}
