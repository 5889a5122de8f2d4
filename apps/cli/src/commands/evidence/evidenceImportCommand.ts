import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { AuditLog } from "@rapporteur/accounts";
import {
  EvidenceImportError,
  EvidenceStore,
  IMPORT_KINDS,
  type ImportKind,
  importKindOf,
  parseEvidenceFile,
} from "@rapporteur/evidence";
import { CliError, UsageError } from "../../CliError";
import { ENVIRONMENT_HELP, openDatabase, resolveDataDir } from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { lockDataDir } from "../../lockDataDir";
import { readInputFile } from "../../readInputFile";

/** Largest evidence file the command reads. */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

const USAGE = `Usage: rapporteur evidence import FILE [--kind submission|contribution|document|literature]

Adds FILE to the evidence library: a questionnaire export (.csv or .xlsx, one submission per
row; columns id, respondent, organisation, stakeholder_group, country, region, q1..q8 or the
questions' own text, Microsoft Forms' ID, Name, Completion time, and action lines, sdgs, tags,
symbol, url; other columns kept as extra fields), a literature library (.json CSL-JSON as Zotero exports it, .bib BibTeX, .ris) or a
document (.docx, .pdf). Without --kind, the kind follows the file type (.csv/.xlsx: submission,
.json/.bib/.ris: literature, .docx/.pdf: document); --kind contribution marks a Word or PDF file
as a Member-State or UN-entity contribution. A malformed, encrypted or hostile file is refused
and nothing is stored. Refused while a running server holds the data directory: import through
the web app then.

Options:
  --kind KIND    submission, contribution, document or literature
  -h, --help     show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur evidence import FILE [--kind KIND]`: fills the evidence library from a file. */
export const evidenceImportCommand = defineCommand({
  name: "evidence import",
  summary:
    "add a questionnaire (.csv, .xlsx), literature (.json, .bib, .ris) or document (.docx, .pdf)",
  usage: USAGE,
  options: { kind: { type: "string" } },
  operands: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError("evidence import: give exactly one FILE.");
    const kind = values.kind;
    if (kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`evidence import: --kind must be one of ${IMPORT_KINDS.join(", ")}.`);
    }
    const file = resolve(io.cwd, positionals[0]!);
    const filename = basename(file);
    // Everything that can fail on the input fails here, before the data directory is touched.
    let parsed: Awaited<ReturnType<typeof parseEvidenceFile>>;
    try {
      importKindOf(filename, kind as ImportKind | undefined);
      if (statSync(file, { throwIfNoEntry: false })?.size === 0) {
        throw new EvidenceImportError(
          "empty_file",
          "The file is empty: there is nothing to import.",
        );
      }
      parsed = await parseEvidenceFile(
        readInputFile(file, MAX_EVIDENCE_BYTES),
        filename,
        kind as ImportKind | undefined,
      );
    } catch (error) {
      if (error instanceof EvidenceImportError)
        throw new CliError(`${positionals[0]} cannot be imported: ${error.message}`);
      throw error;
    }
    for (const warning of parsed.warnings) io.stderr(`warning: ${warning}\n`);

    const dataDir = resolveDataDir(io);
    const lock = lockDataDir(dataDir, "evidence import");
    let ids: number[];
    try {
      const store = openDatabase(dataDir, { mustExist: false });
      try {
        ids = new EvidenceStore(store.database).insert(parsed.sources, {
          filename,
          importedBy: "cli",
        });
        new AuditLog(store.database).record({
          actor: "cli",
          action: "evidence_import",
          target: filename,
          detail: {
            kind: parsed.sources[0]?.kind ?? null,
            sources: ids.length,
            firstId: ids[0] ?? null,
            warnings: parsed.warnings.length,
          },
          ip: null,
        });
      } finally {
        await store.close();
      }
    } finally {
      lock.release();
    }
    const sourceKind = parsed.sources[0]?.kind ?? "document";
    io.stdout(
      `Imported ${positionals[0]}: ${ids.length} source(s) of kind ${sourceKind}, ids ${ids[0]}-${ids.at(-1)}` +
        `${parsed.warnings.length > 0 ? `, ${parsed.warnings.length} warning(s)` : ""}.\n`,
    );
    return 0;
  },
});
