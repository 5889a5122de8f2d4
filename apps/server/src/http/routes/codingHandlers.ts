import { mayImportEvidence } from "@rapporteur/accounts/roles";
import type { ApiAnswers } from "@rapporteur/api";
import { CodingError } from "@rapporteur/evidence";
import type { Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { ServerWorkers } from "../../workers/ServerWorkers";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { workerJobHttpError } from "../workerJobHttpError";

const id = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const codeBody = z
  .object({
    name: z.string().max(1000),
    parent: id.nullable().optional(),
    colour: z.string().max(20).optional(),
    description: z.string().max(10_000).optional(),
  })
  .strict();

const excerptBody = z
  .object({
    field: z.string().max(20),
    start: offset,
    end: offset,
    codes: z.array(id).min(1).max(100),
  })
  .strict();

const mergeBody = z.object({ into: id }).strict();

const deleteQuery = z.object({ mergeInto: id.optional() }).strict();

const DOWNLOAD_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function idOf(request: Request, what: string): number {
  const parsed = id.safeParse(request.params.id);
  if (!parsed.success)
    throw notFound(`${what}_not_found`, `No ${what} ${String(request.params.id).slice(0, 40)}`);
  return parsed.data;
}

/** Runs a handler, answering the coding store's refusals with their HTTP status. */
function handle(run: (request: Request, response: Response) => unknown): RequestHandler {
  return async (request, response) => {
    try {
      await run(request, response);
    } catch (error) {
      if (!(error instanceof CodingError)) throw error;
      if (error.kind === "not_found") throw notFound(error.id, error.message);
      if (error.kind === "conflict") throw conflict(error.id, error.message);
      throw badRequest(error.id, error.message);
    }
  };
}

/**
 * The coding routes of the evidence library: the codebook (nested codes), the excerpts of a
 * source or of a code (with its descendants), and their CSV/XLSX export (written in a worker).
 * Every role reads; editors and drafters change (403 `read_only` for reviewers, by
 * `mayImportEvidence`), and every change is audited.
 */
export function codingHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  | "evidenceCodes"
  | "createEvidenceCode"
  | "updateEvidenceCode"
  | "deleteEvidenceCode"
  | "evidenceCodeExcerpts"
  | "mergeEvidenceCode"
  | "evidenceExcerptsCsv"
  | "evidenceExcerptsXlsx"
  | "deleteEvidenceExcerpt"
  | "sourceExcerpts"
  | "createEvidenceExcerpt"
> {
  const { coding, audit } = deps;
  const workers = deps.workers ?? new ServerWorkers({ importTimeoutMs: deps.importTimeoutMs });

  /** The user who may code, or 403. */
  const coder = (request: Request) => {
    const { user } = requestAuth(request);
    if (!mayImportEvidence(user.role))
      throw forbidden(
        "read_only",
        "Reviewers read the codebook and the coded excerpts; editors and drafters code",
      );
    return user;
  };

  const record = (
    request: Request,
    actor: string,
    action: Parameters<typeof audit.record>[0]["action"],
    target: string,
    detail: Record<string, unknown>,
  ) => audit.record({ actor, action, target, detail, ip: request.ip ?? null });

  const download = (format: keyof typeof DOWNLOAD_TYPES) =>
    handle(async (_request, response) => {
      const bytes = await workers
        .renderExcerpts({ format, rows: coding.exportRows() })
        .catch((error: unknown) => {
          throw workerJobHttpError(error, "export");
        });
      response.setHeader("Content-Type", DOWNLOAD_TYPES[format]);
      response.setHeader("Content-Disposition", `attachment; filename="coded-excerpts.${format}"`);
      response.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });

  return {
    evidenceCodes: handle((_request, response) => {
      response.json({ codes: coding.codes() } satisfies ApiAnswers["evidenceCodes"]);
    }),

    createEvidenceCode: handle((request, response) => {
      const user = coder(request);
      const body = parseInput(codeBody, request.body, "body");
      const code = coding.createCode(body);
      record(request, user.username, "evidence_code_created", String(code.id), {
        name: code.name,
        parent: code.parent,
      });
      response.status(201).json(code satisfies ApiAnswers["createEvidenceCode"]);
    }),

    updateEvidenceCode: handle((request, response) => {
      const user = coder(request);
      const codeId = idOf(request, "code");
      const body = parseInput(codeBody.partial(), request.body, "body");
      const before = coding.code(codeId);
      const code = coding.updateCode(codeId, body);
      record(request, user.username, "evidence_code_changed", String(code.id), {
        before,
        after: code,
      });
      response.json(code satisfies ApiAnswers["updateEvidenceCode"]);
    }),

    deleteEvidenceCode: handle((request, response) => {
      const user = coder(request);
      const codeId = idOf(request, "code");
      const { mergeInto } = parseInput(deleteQuery, request.query, "query");
      const before = coding.code(codeId);
      const answer = coding.deleteCode(codeId, mergeInto);
      record(request, user.username, "evidence_code_deleted", String(codeId), {
        name: before?.name ?? null,
        mergeInto: mergeInto ?? null,
        merged: answer.merged,
      });
      response.json(answer satisfies ApiAnswers["deleteEvidenceCode"]);
    }),

    mergeEvidenceCode: handle((request, response) => {
      const user = coder(request);
      const codeId = idOf(request, "code");
      const { into } = parseInput(mergeBody, request.body, "body");
      const before = coding.code(codeId);
      const answer = coding.mergeCode(codeId, into);
      record(request, user.username, "evidence_code_merged", String(codeId), {
        name: before?.name ?? null,
        into,
        intoName: answer.code.name,
        merged: answer.merged,
        moved: answer.moved,
      });
      response.json(answer satisfies ApiAnswers["mergeEvidenceCode"]);
    }),

    evidenceCodeExcerpts: handle((request, response) => {
      const codeId = idOf(request, "code");
      const excerpts = coding.excerptsOfCode(codeId);
      const code = coding.code(codeId);
      if (!code) throw notFound("code_not_found", `No code ${codeId} in the codebook`);
      response.json({ code, excerpts } satisfies ApiAnswers["evidenceCodeExcerpts"]);
    }),

    evidenceExcerptsCsv: download("csv"),
    evidenceExcerptsXlsx: download("xlsx"),

    deleteEvidenceExcerpt: handle((request, response) => {
      const user = coder(request);
      const excerpt = coding.deleteExcerpt(idOf(request, "excerpt"));
      record(request, user.username, "evidence_excerpt_deleted", String(excerpt.id), {
        sourceId: excerpt.sourceId,
        field: excerpt.field,
        start: excerpt.start,
        end: excerpt.end,
        codes: excerpt.codes,
      });
      response.json(null satisfies ApiAnswers["deleteEvidenceExcerpt"]);
    }),

    sourceExcerpts: handle((request, response) => {
      const sourceId = idOf(request, "source");
      if (!deps.evidence.get(sourceId))
        throw notFound("source_not_found", `No source ${sourceId} in the evidence library`);
      response.json({
        excerpts: coding.excerptsOfSource(sourceId),
      } satisfies ApiAnswers["sourceExcerpts"]);
    }),

    createEvidenceExcerpt: handle((request, response) => {
      const user = coder(request);
      const sourceId = idOf(request, "source");
      const body = parseInput(excerptBody, request.body, "body");
      const excerpt = coding.addExcerpt(
        sourceId,
        body.field,
        body.start,
        body.end,
        body.codes,
        user.username,
      );
      record(request, user.username, "evidence_excerpt_added", String(excerpt.id), {
        sourceId,
        field: excerpt.field,
        start: excerpt.start,
        end: excerpt.end,
        codes: excerpt.codes,
      });
      response.status(201).json(excerpt satisfies ApiAnswers["createEvidenceExcerpt"]);
    }),
  };
}
