import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AuditLog } from "@rapporteur/accounts";
import { localDay } from "@rapporteur/budget";
import { CommentStore } from "@rapporteur/comments";
import { DocxTemplateError, loadDocxTemplate } from "@rapporteur/docx";
import {
  assembleExportReport,
  type ExportFormat,
  exportComments,
  exportFileName,
  recordExport,
  renderExport,
} from "@rapporteur/report";
import { yDocToJSON } from "@rapporteur/schema";
import { countDocument } from "@rapporteur/wordcount";
import { CliError, UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP, loadCliOutline, openDatabase, resolveDataDir } from "../cliEnvironment";
import { loadSectionDoc } from "../loadSectionDoc";
import { parseCommandArgs } from "../parseCommandArgs";
import { requireSection } from "../requireSection";
import { writeFileAtomically } from "../writeFileAtomically";

const USAGE = `Usage: rapporteur export --format docx|md --out FILE [--section ID] [--variant final|review]

Writes the report, or one section, as a Word document in UN format or as Markdown: the same file
as the Export menu of the web app (GET /api/export). Reads the stored documents without changing
them, so it is safe while the server runs (every edit the server has shown to its users is
stored). FILE is replaced in one step (written beside it, then renamed). The export is recorded
in the audit log with the actor 'cli'.

Options:
  --format docx|md        Word (.docx) or Markdown (.md)
  --out FILE              file to write; an existing directory gets the web app's file name
                          (e.g. E-CN.16-2025-CRP.1.docx)
  --section ID            only this section (see content/outline.yaml); default the whole report
  --variant final|review  Word only: final clean copy (default), or review copy with the open
                          comment threads as Word comments
  -h, --help              show this help

${ENVIRONMENT_HELP}`;

function outputPath(cwd: string, out: string, defaultName: string): string {
  const path = resolve(cwd, out);
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // Not there yet: the file to create.
  }
  if (isDirectory) return join(path, defaultName);
  try {
    if (!statSync(dirname(path)).isDirectory()) throw new Error();
  } catch {
    throw new CliError(`export: cannot write ${path}: the folder ${dirname(path)} does not exist.`);
  }
  return path;
}

/** `rapporteur export`: the report or one section as Word or Markdown, like the HTTP export. */
export const exportCommand: Command = {
  summary: "write the report or a section as Word (UN format) or Markdown",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        format: { type: "string" },
        out: { type: "string" },
        section: { type: "string" },
        variant: { type: "string" },
      },
      "export",
    );
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 0) {
      throw new UsageError(`export: unexpected argument '${positionals[0]}'.`);
    }
    if (values.format !== "docx" && values.format !== "md") {
      throw new UsageError(
        values.format === undefined
          ? "export: --format docx|md is required."
          : `export: unknown format '${values.format}': use docx or md.`,
      );
    }
    const format: ExportFormat = values.format;
    if (!values.out) throw new UsageError("export: --out FILE is required.");
    const variant = values.variant ?? "final";
    if (variant !== "final" && variant !== "review") {
      throw new UsageError(`export: unknown variant '${variant}': use final or review.`);
    }
    if (values.variant !== undefined && format !== "docx") {
      throw new UsageError("export: --variant applies to Word exports only (--format docx).");
    }

    const outline = loadCliOutline(io);
    const section =
      values.section === undefined ? undefined : requireSection(outline, values.section, "export");
    let template: ReturnType<typeof loadDocxTemplate> | undefined;
    if (format === "docx") {
      try {
        template = loadDocxTemplate();
      } catch (error) {
        if (error instanceof DocxTemplateError) throw new CliError(`export: ${error.message}`);
        throw error;
      }
    }
    const review = format === "docx" && variant === "review";
    const path = outputPath(
      io.cwd,
      values.out,
      exportFileName(outline.report.symbol, format, { sectionId: section?.id, review }),
    );

    const store = openDatabase(resolveDataDir(io), { mustExist: true });
    try {
      const report = await assembleExportReport(
        outline,
        async (id) => {
          const ydoc = await loadSectionDoc(store, id);
          try {
            return yDocToJSON(ydoc);
          } finally {
            ydoc.destroy();
          }
        },
        { date: localDay(), sectionId: section?.id },
      );
      const bytes = await renderExport(
        report,
        { format, variant, sectionId: section?.id },
        {
          template,
          comments: review ? exportComments(new CommentStore(store.database), section?.id) : [],
        },
      );
      try {
        writeFileAtomically(path, bytes);
      } catch (error) {
        throw new CliError(`export: cannot write ${path}: ${(error as Error).message}`);
      }
      recordExport(new AuditLog(store.database), {
        actor: "cli",
        format: format === "docx" ? "docx" : "markdown",
        ...(format === "docx" ? { variant } : {}),
        ...(section ? { sections: [section.id] } : {}),
      });
      const counts = report.sections.map((s) => countDocument(s.doc));
      const words = counts.reduce((sum, c) => sum + c.words, 0);
      const footnoteWords = counts.reduce((sum, c) => sum + c.footnoteWords, 0);
      const what = section ? `section ${section.id}` : `${report.sections.length} sections`;
      io.stdout(
        `Wrote ${path} (${bytes.byteLength} bytes): ${what}, ${words} words, ` +
          `${footnoteWords} footnote words.\n`,
      );
    } finally {
      await store.close();
    }
    return 0;
  },
};
