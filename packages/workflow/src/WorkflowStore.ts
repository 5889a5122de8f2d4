import type { Database } from "better-sqlite3";
import type { SectionStatus } from "./sectionStatus";

/** A section's place in the workflow. */
export interface SectionWorkflow {
  sectionId: string;
  status: SectionStatus;
  /** User ids of the lead drafters. */
  leads: number[];
  updatedAt: string | null;
  updatedBy: string | null;
}

interface Row {
  section_id: string;
  status: SectionStatus;
  leads: string;
  updated_at: string;
  updated_by: string | null;
}

function toWorkflow(row: Row): SectionWorkflow {
  return {
    sectionId: row.section_id,
    status: row.status,
    leads: JSON.parse(row.leads),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * Status and lead drafters of each section, in the report's database (table from storage
 * migration 4). Listeners hear every change synchronously, in the same tick as the write, so an
 * open connection is never allowed an edit that the stored status already forbids.
 */
export class WorkflowStore {
  private readonly listeners = new Set<(workflow: SectionWorkflow) => void>();

  constructor(private readonly db: Database) {}

  /** The workflow of a section; a section never touched is Drafting with no leads. */
  get(sectionId: string): SectionWorkflow {
    const row = this.db
      .prepare("SELECT * FROM section_workflow WHERE section_id = ?")
      .get(sectionId) as Row | undefined;
    if (!row) return { sectionId, status: "drafting", leads: [], updatedAt: null, updatedBy: null };
    return toWorkflow(row);
  }

  /** The stored workflow of every section ever touched, by section id (one query). */
  all(): Map<string, SectionWorkflow> {
    const rows = this.db.prepare("SELECT * FROM section_workflow").all() as Row[];
    return new Map(rows.map((row) => [row.section_id, toWorkflow(row)]));
  }

  /** Sets a section's status; listeners (open connections) hear of it at once. */
  setStatus(sectionId: string, status: SectionStatus, by: string): SectionWorkflow {
    const current = this.get(sectionId);
    return this.write({ ...current, status }, by);
  }

  /** Sets a section's lead drafters. */
  setLeads(sectionId: string, leads: number[], by: string): SectionWorkflow {
    const current = this.get(sectionId);
    return this.write({ ...current, leads: [...new Set(leads)] }, by);
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: (workflow: SectionWorkflow) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(workflow: SectionWorkflow, by: string): SectionWorkflow {
    this.db
      .prepare(
        `INSERT INTO section_workflow (section_id, status, leads, updated_at, updated_by)
         VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?)
         ON CONFLICT(section_id) DO UPDATE SET status = excluded.status, leads = excluded.leads,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(workflow.sectionId, workflow.status, JSON.stringify(workflow.leads), by);
    const stored = this.get(workflow.sectionId);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }
}
