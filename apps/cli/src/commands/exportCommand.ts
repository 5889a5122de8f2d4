import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AccountStore, AuditLog } from "@rapporteur/accounts";
import { localDay } from "@rapporteur/budget";
import { CommentStore } from "@rapporteur/comments";
import { type DocxTemplate, DocxTemplateError, loadDocxTemplate } from "@rapporteur/docx";
import { EvidenceStore } from "@rapporteur/evidence";
import type { Outline } from "@rapporteur/outline";
import {
  type AttributedStep,
  assembleExportReport,
  attributionBySection,
  type ChangeAttribution,
  type DocumentSettings,
  DocumentSettingsStore,
  documentSettingsDefaults,
  type EmblemImage,
  type ExportFormat,
  exportComments,
  exportFileName,
  fallbackAttribution,
  findSoffice,
  historySteps,
  recordExport,
  renderComparison,
  renderExport,
  sectionAttribution,
  sectionStepsInput,
} from "@rapporteur/report";
import { type DocJSON, yDocToJSON } from "@rapporteur/schema";
import { type SqliteStore, VersionStore } from "@rapporteur/storage";
import { countDocument } from "@rapporteur/wordcount";
import * as Y from "yjs";
import { CliError, UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP, openDatabase, reportOutline, resolveDataDir } from "../cliEnvironment";
import { defineCommand } from "../defineCommand";
import { loadSectionDoc } from "../loadSectionDoc";
import { requireSection } from "../requireSection";
import { writeFileAtomically } from "../writeFileAtomically";

const USAGE = `Usage: rapporteur export --format docx|md|pdf --out FILE [--section ID] [--variant final|review]
       rapporteur export --format docx|md --compare VERSION [--to VERSION] --out FILE [--section ID]

Writes the report, or one section, as a Word document in UN format, as PDF (the Word document
rendered by LibreOffice, which must be installed) or as Markdown: the same file as the Export
menu of the web app (GET /api/export), with the document settings editors set in the app. Reads the stored documents without changing
them, so it is safe while the server runs (every edit the server has shown to its users is
stored). FILE is replaced in one step (written beside it, then renamed). The export is recorded
in the audit log with the actor 'cli'.

Options:
  --format docx|md|pdf    Word (.docx), Markdown (.md) or PDF (.pdf, needs LibreOffice:
                          Debian package libreoffice-writer-nogui)
  --out FILE              file to write; an existing directory gets the web app's file name
                          (e.g. E-CN.16-2025-CRP.1.docx)
  --section ID            only this section (see content/outline.yaml); default the whole report
  --variant final|review  Word and PDF only: final clean copy (default), or review copy with the open
                          comment threads as Word comments
  --compare VERSION       the changes since named version VERSION (see 'rapporteur version
                          list') as Word tracked changes or Markdown CriticMarkup, each section's
                          attributed to the accounts that changed it since then (its history),
                          like GET /api/export?compare=
  --to VERSION            with --compare: the changes up to this later version instead of now
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

function versionOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,15}$/.test(value)) {
    throw new UsageError(`export: ${option} takes a version id (see 'rapporteur version list').`);
  }
  return Number(value);
}

/**
 * The comparison file of `--compare` (renderComparison), attributed by the history rule of the
 * HTTP export (sectionAttribution), each change credited to the person who made it (historySteps).
 */
async function compareVersions(
  store: SqliteStore,
  request: {
    outline: Outline;
    format: ExportFormat;
    compare: number;
    to?: number;
    sectionId?: string;
    template?: DocxTemplate;
  },
): Promise<{ bytes: Uint8Array; fileName: string; changes: number }> {
  const versions = new VersionStore(store.database);
  const accounts = new AccountStore(store.database);
  const olderVersion = versions.get(request.compare);
  const newerVersion = request.to === undefined ? undefined : versions.get(request.to);
  for (const [id, found] of [
    [request.compare, olderVersion],
    [request.to, newerVersion],
  ] as const) {
    if (id !== undefined && !found) {
      throw new CliError(`export: there is no version ${id} (see 'rapporteur version list').`);
    }
  }
  const olderAt = olderVersion?.at ?? 0;
  const newerAt = newerVersion?.at ?? Date.now();
  const interval = { after: Math.min(olderAt, newerAt), through: Math.max(olderAt, newerAt) };
  const versionDoc = (id: number, sectionId: string) => {
    const ydoc = new Y.Doc();
    try {
      const state = versions.sectionState(id, sectionId);
      if (state) Y.applyUpdate(ydoc, state);
      return yDocToJSON(ydoc);
    } finally {
      ydoc.destroy();
    }
  };
  const older: Record<string, DocJSON> = {};
  const newer: Record<string, DocJSON> = {};
  const bySection: Record<string, ChangeAttribution> = {};
  const steps: Record<string, AttributedStep[]> = {};
  const displayName = (userId: number) => accounts.get(userId)?.displayName ?? `User ${userId}`;
  for (const { id } of request.outline.sections) {
    if (request.sectionId !== undefined && id !== request.sectionId) continue;
    older[id] = versionDoc(request.compare, id);
    if (request.to !== undefined) newer[id] = versionDoc(request.to, id);
    else {
      const ydoc = await loadSectionDoc(store, id);
      try {
        newer[id] = yDocToJSON(ydoc);
      } finally {
        ydoc.destroy();
      }
    }
    const by = sectionAttribution(store.history, id, interval, displayName);
    if (by) bySection[id] = by;
    if (!by || olderAt > newerAt) continue;
    const input = sectionStepsInput(store.history, id, interval, {}, displayName);
    steps[id] = historySteps(input, interval, displayName);
  }
  let changes = 0;
  const attribution = attributionBySection(bySection, fallbackAttribution(newerAt));
  const file = await renderComparison({
    format: request.format,
    older,
    newer,
    outline: request.outline,
    date: localDay(),
    attribution: (change) => {
      changes++;
      return attribution(change);
    },
    steps,
    citationSource: (id) => new EvidenceStore(store.database).get(id),
    ...(request.template ? { template: request.template } : {}),
    ...(request.sectionId !== undefined ? { sectionId: request.sectionId } : {}),
  });
  return { ...file, changes };
}

/** The document settings and emblem editors set in the app, for a Word or PDF export. */
function documentSettings(
  store: SqliteStore,
  outline: Outline,
  template: DocxTemplate | undefined,
): { settings?: DocumentSettings; emblem?: EmblemImage } {
  if (!template) return {};
  const settings = new DocumentSettingsStore(
    store.database,
    documentSettingsDefaults(outline, template),
  );
  const emblem = settings.emblem();
  return { settings: settings.view().settings, ...(emblem ? { emblem } : {}) };
}

/** `rapporteur export`: the report or one section as Word, PDF or Markdown, like the HTTP export. */
export const exportCommand: Command = defineCommand({
  name: "export",
  summary: "write the report or a section as Word (UN format), PDF or Markdown",
  usage: USAGE,
  options: {
    format: { type: "string" },
    out: { type: "string" },
    section: { type: "string" },
    variant: { type: "string" },
    compare: { type: "string" },
    to: { type: "string" },
  },
  async run({ values }, io) {
    if (values.format !== "docx" && values.format !== "md" && values.format !== "pdf") {
      throw new UsageError(
        values.format === undefined
          ? "export: --format docx|md|pdf is required."
          : `export: unknown format '${values.format}': use docx, md or pdf.`,
      );
    }
    const format: ExportFormat = values.format;
    if (!values.out) throw new UsageError("export: --out FILE is required.");
    const variant = values.variant ?? "final";
    if (variant !== "final" && variant !== "review") {
      throw new UsageError(`export: unknown variant '${variant}': use final or review.`);
    }
    const word = format === "docx" || format === "pdf";
    if (values.variant !== undefined && !word) {
      throw new UsageError("export: --variant applies to Word and PDF exports only.");
    }
    if (format === "pdf" && values.compare !== undefined) {
      throw new UsageError("export: --compare gives Word or Markdown (--format docx|md), not PDF.");
    }
    if (format === "pdf" && !findSoffice()) {
      throw new CliError(
        "export: PDF needs LibreOffice's soffice, which is not installed (Debian: apt-get install libreoffice-writer-nogui).",
      );
    }

    const compare = versionOption(values.compare, "--compare");
    const to = versionOption(values.to, "--to");
    if (to !== undefined && compare === undefined) {
      throw new UsageError("export: --to VERSION needs --compare VERSION.");
    }
    if (compare !== undefined && values.variant !== undefined) {
      throw new UsageError("export: --variant does not apply to --compare.");
    }

    const outline = await reportOutline(io);
    const section =
      values.section === undefined ? undefined : requireSection(outline, values.section, "export");
    let template: ReturnType<typeof loadDocxTemplate> | undefined;
    if (word) {
      try {
        template = loadDocxTemplate();
      } catch (error) {
        if (error instanceof DocxTemplateError) throw new CliError(`export: ${error.message}`);
        throw error;
      }
    }
    const review = word && variant === "review";
    const path = outputPath(
      io.cwd,
      values.out,
      exportFileName(outline.report.symbol, format, { sectionId: section?.id, review }),
    );

    const store = openDatabase(resolveDataDir(io), { mustExist: true });
    try {
      if (compare !== undefined) {
        const file = await compareVersions(store, {
          outline,
          format: format === "md" ? "md" : "docx",
          compare,
          ...(to !== undefined ? { to } : {}),
          ...(section ? { sectionId: section.id } : {}),
          ...(template ? { template } : {}),
        });
        const path = outputPath(io.cwd, values.out, file.fileName);
        try {
          writeFileAtomically(path, file.bytes);
        } catch (error) {
          throw new CliError(`export: cannot write ${path}: ${(error as Error).message}`);
        }
        recordExport(new AuditLog(store.database), {
          actor: "cli",
          format: format === "docx" ? "docx" : "markdown",
          variant: "changes",
          ...(section ? { sections: [section.id] } : {}),
        });
        io.stdout(
          `Wrote ${path} (${file.bytes.byteLength} bytes): changes since version ${compare}` +
            `${to !== undefined ? ` up to version ${to}` : ""}, ${file.changes} changes.\n`,
        );
        return 0;
      }
      const evidence = new EvidenceStore(store.database);
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
        {
          date: localDay(),
          sectionId: section?.id,
          ...documentSettings(store, outline, template),
          citationSource: (id) => evidence.get(id),
        },
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
        format: format === "md" ? "markdown" : format,
        ...(word ? { variant } : {}),
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
});
