import { localDay } from "@rapporteur/budget";
import { exportComments, exportFileName, recordExport } from "@rapporteur/report";
import type { RequestHandler } from "express";
import { z } from "zod";
import { ServerWorkers } from "../../workers/ServerWorkers";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { forbidden, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";
import { workerJobHttpError } from "../workerJobHttpError";

/** Content types of the exports. */
export const EXPORT_CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
} as const;

const exportQuery = z
  .object({
    format: z.enum(["docx", "md"]),
    variant: z.enum(["final", "review"]).default("final"),
    section: z.string().max(200).optional(),
    version: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/**
 * Handler of `GET /api/export?format=docx|md&variant=final|review&section=ID`: the report (or
 * one section) as a Word or Markdown file, read from the live and stored sections without
 * changing them. The sections' stored updates (the server stores every change before anyone sees
 * it, so they hold what the editors see) are handed to a worker thread, which decodes and
 * converts them: the event loop never does the heavy work. The final Word copy is for editors only; the review copy (open comment threads
 * as Word comments) and Markdown are for everyone signed in. Every export is audited.
 */
export function exportHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, "exportReport"> {
  const { outline, store, audit } = deps;
  const workers = deps.workers ?? new ServerWorkers({ importTimeoutMs: deps.importTimeoutMs });
  return {
    async exportReport(request, response) {
      const { user } = requestAuth(request);
      const query = parseInput(exportQuery, request.query, "query");
      const section =
        query.section === undefined ? undefined : sectionFromPath(outline, query.section);
      const docx = query.format === "docx";
      if (docx && query.variant === "final" && user.role !== "editor") {
        throw forbidden(
          "editors_only",
          `Only editors can export the final Word copy; you are a ${user.role}: export the review copy (variant=review)`,
        );
      }
      const version = query.version;
      if (version !== undefined && !deps.versions.get(version)) {
        throw notFound("version_not_found", `There is no version ${version}`);
      }
      const review = docx && query.variant === "review";
      const sections: Record<string, Uint8Array[]> = {};
      for (const { id } of outline.sections) {
        if (section === undefined || id === section.id)
          // A named version's content, or the stored sections (stored before anyone sees them).
          sections[id] =
            version === undefined
              ? (await store.load(id)).updates
              : [deps.versions.sectionState(version, id) ?? new Uint8Array([0, 0])];
      }
      const bytes = await workers
        .renderExport({
          outline,
          sections,
          selection: { format: query.format, variant: query.variant, sectionId: section?.id },
          date: localDay(),
          template: docx ? deps.docxTemplate : undefined,
          comments: review ? exportComments(deps.comments.store, section?.id) : [],
        })
        .catch((error: unknown) => {
          throw workerJobHttpError(error, "export");
        });
      const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const filename = exportFileName(outline.report.symbol, query.format, {
        sectionId: section?.id,
        review: docx && query.variant === "review",
      });
      recordExport(audit, {
        actor: user.username,
        format: docx ? "docx" : "markdown",
        ...(docx ? { variant: query.variant } : {}),
        ...(section ? { sections: [section.id] } : {}),
        ip: request.ip ?? null,
      });
      response.setHeader("Content-Type", EXPORT_CONTENT_TYPES[query.format]);
      response.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
      response.setHeader("Content-Length", String(body.byteLength));
      response.end(body);
    },
  };
}
