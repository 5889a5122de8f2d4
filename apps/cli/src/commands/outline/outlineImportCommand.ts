import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { AuditLog } from "@rapporteur/accounts";
import {
  importOutline,
  OutlineChangeError,
  OutlineError,
  OutlineStore,
  parseOutline,
} from "@rapporteur/outline";
import { yDocToJSON } from "@rapporteur/schema";
import { countDocument } from "@rapporteur/wordcount";
import { CliError, UsageError } from "../../CliError";
import type { Command } from "../../Command";
import {
  ENVIRONMENT_HELP,
  loadCliOutline,
  openDatabase,
  resolveDataDir,
} from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { loadSectionDoc } from "../../loadSectionDoc";
import { lockDataDir } from "../../lockDataDir";

const USAGE = `Usage: rapporteur outline import FILE.yaml

Replaces the report's outline with FILE.yaml (the form of content/outline.yaml and of 'rapporteur
outline export'): parts and sections in its order, with its titles, budgets and guidance. Sections
keep their text, comments, history, leads and status by id. Sections the file leaves out are
archived (restorable in the app), never deleted; the import is refused, naming them, when one of
them holds text. Refused while a running server holds the data directory.

Options:
  -h, --help    show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur outline import FILE.yaml`: the outline replaced by a file's (server stopped). */
export const outlineImportCommand: Command = defineCommand({
  name: "outline import",
  summary: "replace the outline with a YAML file (server stopped)",
  usage: USAGE,
  options: {},
  operands: true,
  async run({ positionals }, io) {
    if (positionals.length !== 1) {
      throw new UsageError("outline import: give exactly one FILE.yaml to import.");
    }
    const path = resolve(io.cwd, positionals[0]!);
    let incoming: ReturnType<typeof parseOutline>;
    try {
      incoming = parseOutline(readFileSync(path, "utf8"), positionals[0]);
    } catch (error) {
      if (error instanceof OutlineError) throw new CliError(`outline import: ${error.message}`);
      throw new CliError(`outline import: cannot read ${path}: ${(error as Error).message}`);
    }
    const dataDir = resolveDataDir(io);
    const lock = lockDataDir(dataDir, "outline import");
    try {
      const store = openDatabase(dataDir, { mustExist: false });
      try {
        const outlines = new OutlineStore(store.database, () => loadCliOutline(io));
        const named = new Set(incoming.sections.map((s) => s.id));
        const withText = new Set<string>();
        for (const section of outlines.current().sections) {
          if (named.has(section.id)) continue;
          const ydoc = await loadSectionDoc(store, section.id);
          if (countDocument(yDocToJSON(ydoc)).words > 0) withText.add(section.id);
          ydoc.destroy();
        }
        const before = outlines.state();
        try {
          outlines.change((state) =>
            importOutline(state, incoming, (id) => withText.has(id), new Date().toISOString()),
          );
        } catch (error) {
          if (error instanceof OutlineChangeError) {
            throw new CliError(`outline import refused: ${error.message}`);
          }
          throw error;
        }
        const after = outlines.state();
        const archived = after.archived.filter((s) => !before.archived.some((b) => b.id === s.id));
        const restored = before.archived.filter((s) => named.has(s.id));
        new AuditLog(store.database).record({
          actor: "cli",
          action: "outline_imported",
          target: null,
          detail: {
            file: positionals[0],
            sections: after.outline.sections.length,
            archived: archived.map((s) => s.id),
            restored: restored.map((s) => s.id),
          },
        });
        io.stdout(
          `Imported ${positionals[0]}: ${after.outline.parts.length} parts, ${after.outline.sections.length} sections` +
            `${archived.length > 0 ? `; archived (restorable): ${archived.map((s) => s.id).join(", ")}` : ""}` +
            `${restored.length > 0 ? `; restored: ${restored.map((s) => s.id).join(", ")}` : ""}.\n`,
        );
      } finally {
        await store.close();
      }
    } finally {
      lock.release();
    }
    return 0;
  },
});
