import { resolve } from "node:path";
import {
  BudgetStore,
  budgetSettingsJSON,
  DEFAULT_FOOTNOTES_COUNT,
  loadTimetable,
} from "@rapporteur/budget";
import { DocxTemplateError, loadDocxTemplate } from "@rapporteur/docx";
import {
  captureDocumentSettings,
  DocumentSettingsStore,
  documentSettingsDefaults,
} from "@rapporteur/report";
import { type VersionSection, VersionStore } from "@rapporteur/storage";
import * as Y from "yjs";
import { CliError, UsageError } from "../../CliError";
import type { Command } from "../../Command";
import {
  ENVIRONMENT_HELP,
  openDatabase,
  reportOutline,
  resolveDataDir,
} from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { loadSectionDoc } from "../../loadSectionDoc";
import { lockDataDir } from "../../lockDataDir";

const USAGE = `Usage: rapporteur version create --name NAME

Keeps every section's content, the outline, the budget settings and the document settings
(symbol, title, masthead lines, emblem) as a named version of the report ("Progress report", "Draft for the CSTD session"), listed by 'rapporteur version list' and
on the web app's Versions page, where it can be downloaded and restored. Refused while a running
server holds the data directory: create the version in the web app then (editors).

Options:
  --name NAME   the version's name (1 to 200 characters)
  -h, --help    show this help

${ENVIRONMENT_HELP}
  RAPPORTEUR_TIMETABLE  timetable file (default content/timetable.yaml)`;

/** `rapporteur version create --name NAME`: a named version from the stored sections. */
export const versionCreateCommand: Command = defineCommand({
  name: "version create",
  summary: "keep the report as a named version (server stopped)",
  usage: USAGE,
  options: { name: { type: "string" } },
  async run({ values }, io) {
    const name = values.name?.trim();
    if (!name || name.length > 200) {
      throw new UsageError("version create: --name NAME (1 to 200 characters) is required.");
    }
    const outline = await reportOutline(io);
    let timetable: ReturnType<typeof loadTimetable>;
    try {
      timetable = io.env.RAPPORTEUR_TIMETABLE
        ? loadTimetable(resolve(io.cwd, io.env.RAPPORTEUR_TIMETABLE))
        : loadTimetable();
    } catch (error) {
      throw new CliError(`Cannot read the timetable: ${(error as Error).message}`);
    }
    let template: ReturnType<typeof loadDocxTemplate>;
    try {
      // The document settings' defaults (masthead lines) come from the Word template.
      template = loadDocxTemplate();
    } catch (error) {
      if (error instanceof DocxTemplateError)
        throw new CliError(`version create: ${error.message}`);
      throw error;
    }
    const dataDir = resolveDataDir(io);
    const lock = lockDataDir(dataDir, "version create");
    try {
      const store = openDatabase(dataDir, { mustExist: true });
      try {
        const sections: VersionSection[] = [];
        for (const section of outline.sections) {
          const ydoc = await loadSectionDoc(store, section.id);
          const { lastSeq } = await store.load(section.id);
          sections.push({
            sectionId: section.id,
            state: Y.encodeStateAsUpdate(ydoc),
            seq: lastSeq,
          });
          ydoc.destroy();
        }
        const budgets = new BudgetStore(store.database, {
          targetRange: outline.report.targetRange,
          footnotesCount: DEFAULT_FOOTNOTES_COUNT,
          allocations: new Map(outline.sections.map((s) => [s.id, s.budget])),
          timetable,
        });
        const version = new VersionStore(store.database).create({
          name,
          at: Date.now(),
          by: { id: null, name: "command line" },
          outline,
          settings: {
            budget: budgetSettingsJSON(budgets.settings()),
            ...captureDocumentSettings(
              new DocumentSettingsStore(
                store.database,
                documentSettingsDefaults(outline, template),
              ),
            ),
          },
          sections,
        });
        io.stdout(
          `Created version ${version.id} "${version.name}" (${sections.length} sections).\n`,
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
