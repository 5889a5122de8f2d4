import type { LeadView, SectionEvent, SectionStatus } from "@rapporteur/api";
import { eventObject } from "../api/eventObject";

const STATUSES: readonly string[] = ["drafting", "in_review", "approved"] satisfies SectionStatus[];

function isLead(value: unknown): value is LeadView {
  if (typeof value !== "object" || value === null) return false;
  const { id, username, displayName } = value as Record<string, unknown>;
  return Number.isInteger(id) && typeof username === "string" && typeof displayName === "string";
}

/** Reads the data of a `section` event; `null` when it is not a valid workflow change. */
export function parseSectionEvent(data: string): SectionEvent | null {
  const value = eventObject("section", data);
  if (!value) return null;
  const { sectionId, status, locked, leads, updatedBy } = value;
  if (typeof sectionId !== "string" || typeof status !== "string" || !STATUSES.includes(status)) {
    return null;
  }
  if (typeof locked !== "boolean" || !Array.isArray(leads) || !leads.every(isLead)) return null;
  return {
    sectionId,
    status: status as SectionStatus,
    locked,
    leads: leads.map(({ id, username, displayName }) => ({ id, username, displayName })),
    updatedBy: typeof updatedBy === "string" ? updatedBy : null,
  };
}
