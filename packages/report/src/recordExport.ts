import type { AuditLog } from "@rapporteur/accounts";

/** What {@link recordExport} writes to the audit log. */
export interface ExportRecord {
  /** Username of who exported. */
  actor: string;
  /** `docx`, `markdown`, ... */
  format: string;
  /** `final` or `review` (DOCX). */
  variant?: string;
  /** Sections exported (all when omitted). */
  sections?: string[];
  ip?: string | null;
}

/** Records an export in the audit log: action `export`, the format as target. */
export function recordExport(
  audit: AuditLog,
  { actor, format, variant, sections, ip }: ExportRecord,
) {
  audit.record({
    actor,
    action: "export",
    target: format,
    detail: { ...(variant ? { variant } : {}), ...(sections ? { sections } : {}) },
    ip: ip ?? null,
  });
}
