import type { Database } from "better-sqlite3";
import { ACTION_LINES } from "./source";

/** Keywords or phrases per Action Line ("C1".."C11"): a submission using one addresses it. */
export type ActionLineRules = Record<string, string[]>;

const CODE_LINE = /^\s*(C(?:1[01]|[1-9]))(?![0-9])/i;

/** The Action Line a code's name starts with ("C3", "C3 Access…", "c3: …"), if any. */
export function actionLineOfCodeName(name: string): string | null {
  const match = CODE_LINE.exec(name);
  return match ? match[1]!.toUpperCase() : null;
}

/**
 * The Action Lines' keyword rules editors keep (SQLite table `action_line_rules`), and which
 * sources the codebook links to each Action Line: a code whose name, or an ancestor's name, starts
 * with its id.
 */
export class ActionLineStore {
  constructor(private readonly db: Database) {}

  /** The rules of every Action Line (an empty list when none). */
  rules(): ActionLineRules {
    const rows = this.db.prepare("SELECT action_line, keywords FROM action_line_rules").all() as {
      action_line: string;
      keywords: string;
    }[];
    const rules: ActionLineRules = Object.fromEntries(ACTION_LINES.map((id) => [id, []]));
    for (const row of rows) rules[row.action_line] = JSON.parse(row.keywords);
    return rules;
  }

  /** Replaces the rules of the Action Lines given (others are kept). */
  setRules(rules: ActionLineRules, by: string): void {
    const upsert = this.db.prepare(
      `INSERT INTO action_line_rules (action_line, keywords, updated_by) VALUES (?, ?, ?)
       ON CONFLICT(action_line) DO UPDATE SET keywords = excluded.keywords,
         updated_by = excluded.updated_by,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
    );
    this.db.transaction(() => {
      for (const [line, keywords] of Object.entries(rules))
        upsert.run(line, JSON.stringify(keywords), by);
    })();
  }

  /** The sources coded with a code linked to each Action Line, by Action Line. */
  codedSources(): Record<string, Set<number>> {
    const codes = this.db.prepare("SELECT id, name, parent_id FROM evidence_codes").all() as {
      id: number;
      name: string;
      parent_id: number | null;
    }[];
    const byId = new Map(codes.map((code) => [code.id, code]));
    const lineOf = (id: number): string | null => {
      const seen = new Set<number>();
      for (
        let code = byId.get(id);
        code && !seen.has(code.id);
        code = byId.get(code.parent_id ?? -1)
      ) {
        seen.add(code.id);
        const line = actionLineOfCodeName(code.name);
        if (line) return line;
      }
      return null;
    };
    const rows = this.db
      .prepare(
        "SELECT DISTINCT e.source_id, c.code_id FROM evidence_excerpts e JOIN evidence_excerpt_codes c ON c.excerpt_id = e.id",
      )
      .all() as { source_id: number; code_id: number }[];
    const sources: Record<string, Set<number>> = {};
    for (const row of rows) {
      const line = lineOf(row.code_id);
      if (!line) continue;
      sources[line] ??= new Set();
      sources[line].add(row.source_id);
    }
    return sources;
  }
}
