import type {
  ApiAnswers,
  DocumentSettings,
  PreflightView,
  SectionComparisonView,
} from "@rapporteur/api";
import { localDay } from "@rapporteur/budget";
import {
  type EmblemImage,
  exportComments,
  exportFileName,
  findSoffice,
  recordExport,
} from "@rapporteur/report";
import type { StoredVersion } from "@rapporteur/storage";
import type { RequestHandler, Response } from "express";
import { z } from "zod";
import { comparisonInput } from "../../history/comparisonInput";
import { reportView } from "../../report/reportView";
import { workflowViews } from "../../report/workflowViews";
import { ServerWorkers } from "../../workers/ServerWorkers";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { compareSectionInWorker } from "../compareSectionInWorker";
import { forbidden, HttpError, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";
import { workerJobHttpError } from "../workerJobHttpError";

/** Content types of the exports. */
export const EXPORT_CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
} as const;

const versionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const compareQuery = z.object({ version: versionId, to: versionId.optional() }).strict();

const exportQuery = z
  .object({
    format: z.enum(["docx", "md", "pdf"]),
    variant: z.enum(["final", "review"]).default("final"),
    section: z.string().max(200).optional(),
    version: versionId.optional(),
    compare: versionId.optional(),
    to: versionId.optional(),
  })
  .strict()
  .refine((q) => q.to === undefined || q.compare !== undefined, {
    message: "to=<versionId> needs compare=<versionId>",
    path: ["to"],
  })
  .refine((q) => q.format !== "pdf" || q.compare === undefined, {
    message: "compare= gives Word or Markdown (format=docx|md), not PDF",
    path: ["format"],
  })
  .refine((q) => q.version === undefined || q.compare === undefined, {
    message: "version= and compare= cannot be combined (compare=A&to=B compares two versions)",
    path: ["version"],
  });

/**
 * Handler of `GET /api/export?format=docx|md|pdf&variant=final|review&section=ID`: the report (or
 * one section) as a Word, PDF or Markdown file, read from the live and stored sections without
 * changing them. Word and PDF print the document settings (masthead, date of issue, job number,
 * emblem); PDF is the Word file rendered by LibreOffice in the export worker (docxToPdf, with its
 * own deadline): 503 `pdf_unavailable` where LibreOffice is not installed, 502 `pdf_failed` when
 * it fails. The sections' stored updates (the server stores every change before anyone sees
 * it, so they hold what the editors see) are handed to a worker thread, which decodes and
 * converts them: the event loop never does the heavy work. The final Word copy is for editors only; the review copy (open comment threads
 * as Word comments) and Markdown are for everyone signed in. Every export is audited.
 *
 * `&compare=<versionId>` gives the changes since that named version instead (`&to=<versionId>`:
 * up to a later version), for everyone signed in: Word with tracked changes (final layout,
 * `variant` ignored) or Markdown with CriticMarkup (renderComparison), made in the export worker
 * pool from the version states and stored updates (bytes). Attribution rule
 * (sectionAttribution): each section's changes are attributed to the accounts that changed it
 * between the two versions' times according to its history, by display name (several joined
 * "A, B"), dated at the last of those changes; "Rapporteur" when the history has none. Unknown
 * version: 404 `version_not_found`.
 */
export function exportHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  "exportReport" | "compareSection" | "exportPreflight" | "reportNumbering"
> {
  const { outline, store, audit } = deps;
  const workers = deps.workers ?? new ServerWorkers({ importTimeoutMs: deps.importTimeoutMs });
  const sources = () => ({
    store,
    versions: deps.versions,
    history: deps.sectionHistory.store,
    accounts: deps.accounts,
  });
  const mustExist = (id: number | undefined) => {
    const version = id === undefined ? undefined : deps.versions.get(id);
    if (id !== undefined && !version) {
      throw notFound("version_not_found", `There is no version ${id}`);
    }
    return version;
  };
  const versionSummary = (version: StoredVersion) => ({
    id: version.id,
    name: version.name,
    at: new Date(version.at).toISOString(),
  });
  return {
    /**
     * `GET /api/sections/:id/compare?version=<id>[&to=<id>]`: the section compared with a named
     * version (now, or version `to`), for the app's read-only compare view, made in the export
     * worker pool; attributed by the same rule as `export?compare=` (sectionAttribution).
     */
    async compareSection(request, response) {
      const section = sectionFromPath(outline, request.params.id);
      const query = parseInput(compareQuery, request.query, "query");
      const older = mustExist(query.version) as StoredVersion;
      const newer = mustExist(query.to);
      const input = await comparisonInput(
        sources(),
        { compare: older.id, ...(newer ? { to: newer.id } : {}) },
        [section.id],
      );
      const compared = await compareSectionInWorker(workers, section.id, {
        ...input,
        outline: outline.current(),
      });
      const view: SectionComparisonView = {
        sectionId: section.id,
        version: versionSummary(older),
        to: newer ? versionSummary(newer) : null,
        doc: compared.doc,
        changes: compared.changes,
      };
      response.json(view satisfies ApiAnswers["compareSection"]);
    },

    /**
     * `GET /api/export/preflight`: what an editor should know before the final export (see
     * preflight in @rapporteur/report), the sections decoded in the export worker pool.
     */
    async exportPreflight(request, response) {
      const { user } = requestAuth(request);
      const report = reportView(
        outline.current(),
        deps.counts,
        workflowViews(deps.workflow, deps.accounts, user.role),
        deps.budgets.settings(),
      );
      const { parts } = outline.current();
      const threads = deps.comments.store.listThreads({ state: "open" });
      const sections = await Promise.all(
        report.sections.map(async (s) => {
          const open = threads.filter((t) => t.sectionId === s.id);
          const suggestions = open.filter((t) => t.suggestion?.state === "pending").length;
          return {
            id: s.id,
            title: s.title,
            status: s.status,
            counted: s.counted,
            budget: s.budget,
            state: s.state,
            openThreads: open.length - suggestions,
            openSuggestions: suggestions,
            frontMatter: parts.some((p) => p.id === s.part && p.frontMatter),
            updates: (await store.load(s.id)).updates,
          };
        }),
      );
      const items = await workers.preflight({ sections }).catch((error: unknown) => {
        throw workerJobHttpError(error, "export");
      });
      response.json({ items } satisfies PreflightView);
    },

    /**
     * `GET /api/report/numbering`: the numbers the exports print (numberBlockLists), kept current
     * by ReportNumbering from each section's blocks.
     */
    async reportNumbering(_request, response) {
      const view = await deps.numbering.view().catch((error: unknown) => {
        throw workerJobHttpError(error, "export");
      });
      response.json(view satisfies ApiAnswers["reportNumbering"]);
    },

    async exportReport(request, response) {
      const { user } = requestAuth(request);
      const query = parseInput(exportQuery, request.query, "query");
      const section =
        query.section === undefined ? undefined : sectionFromPath(outline, query.section);
      const pdf = query.format === "pdf";
      if (pdf && !findSoffice()) {
        throw new HttpError(
          503,
          "pdf_unavailable",
          "PDF export needs LibreOffice, which is not installed on this server (Debian package libreoffice-writer-nogui): export Word instead",
        );
      }
      // A PDF is the Word file rendered by LibreOffice: the same rules and settings apply.
      const docx = query.format === "docx" || pdf;
      mustExist(query.compare);
      mustExist(query.to);
      if (query.compare !== undefined) {
        const ids = outline
          .current()
          .sections.map((s) => s.id)
          .filter((id) => section === undefined || id === section.id);
        const input = await comparisonInput(
          sources(),
          { compare: query.compare, ...(query.to !== undefined ? { to: query.to } : {}) },
          ids,
        );
        const format = query.format === "md" ? "md" : "docx";
        const bytes = (await workers
          .compare({
            ...input,
            outline: outline.current(),
            format,
            ...(section ? { sectionId: section.id } : {}),
            date: localDay(),
            template: docx ? deps.docxTemplate : undefined,
            sources: deps.evidence.citationSources(),
          })
          .catch((error: unknown) => {
            throw workerJobHttpError(error, "export");
          })) as Uint8Array;
        const filename = exportFileName(outline.current().report.symbol, format, {
          sectionId: section?.id,
        }).replace(/\.(docx|md)$/, "-changes.$1");
        recordExport(audit, {
          actor: user.username,
          format: docx ? "docx" : "markdown",
          variant: "changes",
          ...(section ? { sections: [section.id] } : {}),
          ip: request.ip ?? null,
        });
        send(response, format, filename, bytes);
        return;
      }
      if (docx && query.variant === "final" && user.role !== "editor") {
        throw forbidden(
          "editors_only",
          `Only editors can export the final ${pdf ? "PDF" : "Word"} copy; you are a ${user.role}: export the review copy (variant=review)`,
        );
      }
      const version = query.version;
      // A named version exports with the outline and document settings it captured.
      const source = version === undefined ? undefined : deps.versions.exportSource(version);
      if (version !== undefined && !source) {
        throw notFound("version_not_found", `There is no version ${version}`);
      }
      const exportOutline = source?.outline ?? outline.current();
      const review = docx && query.variant === "review";
      const sections: Record<string, Uint8Array[]> = {};
      // The report in force is read by the worker from the database file where there is one.
      const storedIn = version === undefined ? deps.databaseFile : undefined;
      for (const { id } of exportOutline.sections) {
        if (storedIn || (section !== undefined && id !== section.id)) continue;
        // A named version's content, or the stored sections (stored before anyone sees them).
        sections[id] =
          version === undefined
            ? (await store.load(id)).updates
            : [deps.versions.sectionState(version, id) ?? new Uint8Array([0, 0])];
      }
      const bytes = await workers
        .renderExport({
          outline: exportOutline,
          sections,
          ...(storedIn ? { storedIn } : {}),
          selection: { format: query.format, variant: query.variant, sectionId: section?.id },
          date: localDay(),
          template: docx ? deps.docxTemplate : undefined,
          comments: review ? exportComments(deps.comments.store, section?.id) : [],
          ...(docx ? exportSettings(deps, source) : {}),
          sources: deps.evidence.citationSources(),
        })
        .catch((error: unknown) => {
          const refusal = workerJobHttpError(error, "export");
          if (pdf && refusal === error) {
            throw new HttpError(
              502,
              "pdf_failed",
              `LibreOffice could not make the PDF: ${String((error as Error)?.message ?? error)}`,
            );
          }
          throw refusal;
        });
      const filename = exportFileName(outline.current().report.symbol, query.format, {
        sectionId: section?.id,
        review: docx && query.variant === "review",
      });
      recordExport(audit, {
        actor: user.username,
        format: pdf ? "pdf" : docx ? "docx" : "markdown",
        ...(docx ? { variant: query.variant } : {}),
        ...(section ? { sections: [section.id] } : {}),
        ip: request.ip ?? null,
      });
      send(response, query.format, filename, bytes);
    },
  };
}

/**
 * The document settings and emblem an export prints (the worker job's `settings`, `emblem`):
 * a named version's (`version`) or the ones in force.
 */
function exportSettings(
  deps: ApiDependencies,
  version?: { settings: DocumentSettings; emblem: EmblemImage | null },
) {
  const emblem = version ? version.emblem : deps.documentSettings.emblem();
  return {
    settings: version?.settings ?? deps.documentSettings.view().settings,
    ...(emblem ? { emblem } : {}),
  };
}

function send(
  response: Response,
  format: keyof typeof EXPORT_CONTENT_TYPES,
  filename: string,
  bytes: Uint8Array,
): void {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  response.setHeader("Content-Type", EXPORT_CONTENT_TYPES[format]);
  response.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  response.setHeader("Content-Length", String(body.byteLength));
  response.end(body);
}
