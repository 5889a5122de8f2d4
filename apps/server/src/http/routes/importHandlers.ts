import type { ApiAnswers } from "@rapporteur/api";
import { replaceYDocContent } from "@rapporteur/schema";
import { countDocument } from "@rapporteur/wordcount";
import type { RequestHandler } from "express";
import { sectionAccess } from "../../auth/sectionAccess";
import { ServerWorkers } from "../../workers/ServerWorkers";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { forbidden } from "../errors";
import { importBody, importUpload, reviewUpload } from "../importUpload";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";
import { workerJobHttpError } from "../workerJobHttpError";

/**
 * Handler of `POST /api/sections/:id/import` with `{ filename, contentBase64 }`: a Markdown or
 * Word file replaces the section's content as a live edit, through the collaboration pipeline
 * (stored, then shown to everyone editing the section). Allowed to those who may edit the
 * section's text (drafters on unlocked sections, editors). The file is checked and converted
 * before anything changes, so a refused file leaves the section as it was. The conversion runs
 * in a worker thread with a deadline and a memory limit (ImportConverter): a hostile file answers
 * 422 `import_too_complex` and never blocks the server; when every worker is busy, 503
 * `server_busy`. Answers `{ warnings, words, undo }`: what could not be kept, the section's new
 * word count, and `undo.history`: the restore point kept just before the import
 * (POST /api/sections/:id/restore with it undoes the import).
 */
export function importHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, "importSection" | "importReview"> {
  const { outline, workflow, collab, audit, comments } = deps;
  const converter = (deps.workers ?? new ServerWorkers({ importTimeoutMs: deps.importTimeoutMs }))
    .imports;
  return {
    async importSection(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const denied = () => {
        const access = sectionAccess(user.role, workflow.get(section.id).status);
        return access.readOnly
          ? forbidden("read_only", `You cannot import: ${access.reason}`)
          : null;
      };
      const refusal = denied();
      if (refusal) throw refusal;
      const body = parseInput(importBody, request.body, "body");
      // The app's own address, as the browser that sent the file knows it (same-origin request).
      const appOrigins = [request.get("origin"), `${request.protocol}://${request.get("host")}`]
        .filter((origin): origin is string => typeof origin === "string" && origin !== "")
        .concat(deps.publicOrigins ?? []);
      const imported = await importUpload(body, deps.maxImportBytes, (format, bytes) =>
        converter.convert(format, bytes, appOrigins).catch((error: unknown) => {
          throw workerJobHttpError(error, "import");
        }),
      );
      // The section may have been locked while the file was converted.
      const late = denied();
      if (late) throw late;
      const connection = await collab.openDirectConnection(section.id);
      try {
        await connection.transact(
          (ydoc) => {
            replaceYDocContent(ydoc, imported.doc);
            return true;
          },
          { userId: user.id, kind: "import" },
        );
      } finally {
        connection.disconnect();
      }
      const undo = deps.sectionHistory.restorePointBefore(section.id, "import");
      const count = countDocument(imported.doc);
      audit.record({
        actor: user.username,
        action: "import",
        target: section.id,
        detail: {
          filename: body.filename,
          format: imported.format,
          words: count.words,
          footnoteWords: count.footnoteWords,
          warnings: imported.warnings.length,
        },
        ip: request.ip ?? null,
      });
      response.json({
        warnings: imported.warnings,
        words: count.words,
        undo: { history: undo },
      } satisfies ApiAnswers["importSection"]);
    },

    /**
     * `POST /api/sections/:id/import-review` with `{ filename, contentBase64 }` of a reviewed
     * Word file: its tracked changes become suggestions and its comments threads on the live
     * section, each with its Word author and date (the caller recorded as who imported them);
     * the text itself is not changed. Anyone who may comment may import a review. The file is
     * read in the import worker; what cannot be placed is listed in `unplaced`.
     */
    async importReview(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const body = parseInput(importBody, request.body, "body");
      const review = await reviewUpload(body, deps.maxImportBytes, (bytes) =>
        converter.readReview(bytes).catch((error: unknown) => {
          throw workerJobHttpError(error, "import");
        }),
      );
      const importer = { id: user.id, name: user.displayName || user.username };
      const { threads, unplaced } = await comments.importReview(section.id, review, importer);
      const suggestions = threads.filter((thread) => thread.suggestion !== null).length;
      audit.record({
        actor: user.username,
        action: "import_review",
        target: section.id,
        detail: {
          filename: body.filename,
          suggestions,
          comments: threads.length - suggestions,
          unplaced: unplaced.length,
        },
        ip: request.ip ?? null,
      });
      const answer: ApiAnswers["importReview"] = {
        suggestions,
        comments: threads.length - suggestions,
        unplaced,
        warnings: review.warnings,
      };
      response.json(answer);
    },
  };
}
