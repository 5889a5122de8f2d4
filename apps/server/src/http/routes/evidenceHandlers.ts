import { mayImportEvidence } from "@rapporteur/accounts/roles";
import type { ApiAnswers, EvidenceCoverage } from "@rapporteur/api";
import {
  ACTION_LINES,
  EvidenceImportError,
  IMPORT_KINDS,
  importKindOf,
  STAKEHOLDER_GROUPS,
} from "@rapporteur/evidence";
import { isReportLink } from "@rapporteur/schema";
import type { RequestHandler } from "express";
import { z } from "zod";
import { ServerWorkers } from "../../workers/ServerWorkers";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { badRequest, forbidden, HttpError, notFound } from "../errors";
import { decodeBase64Upload } from "../importUpload";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { workerJobHttpError } from "../workerJobHttpError";

/** Most results one search answers (`limit`); `total` still counts every match. */
const MAX_LIMIT = 200;

/** Most uncited sources the coverage lists (`limit`); `uncitedTotal` still counts them all. */
const MAX_UNCITED = 1000;

const filter = z.string().trim().max(200).optional();

const searchQuery = z
  .object({
    q: z.string().max(1000).optional(),
    kind: filter,
    question: filter,
    group: filter,
    region: filter,
    country: filter,
    actionLine: filter,
    sdg: filter,
    tag: filter,
    limit: z.coerce.number().int().min(0).max(MAX_LIMIT).optional(),
  })
  .strict();

const importBody = z
  .object({
    filename: z.string().trim().min(1).max(255),
    contentBase64: z.string(),
    kind: z.enum(IMPORT_KINDS).optional(),
  })
  .strict();

const coverageQuery = z
  .object({ limit: z.coerce.number().int().min(0).max(MAX_UNCITED).optional() })
  .strict();

const sourceId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const optionalText = z
  .string()
  .trim()
  .max(500)
  .nullable()
  .transform((value) => value || null);

const sourcePatch = z
  .object({
    title: z.string().trim().min(1, "A source needs a title").max(500),
    author: optionalText,
    organisation: optionalText,
    group: z.enum(STAKEHOLDER_GROUPS).nullable(),
    country: optionalText,
    region: optionalText,
    language: optionalText,
    date: optionalText,
    symbol: optionalText,
    url: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .transform((value) => value || null)
      .refine((value) => value === null || isReportLink(value), {
        message: "A source's address must start with http://, https:// or mailto:",
      }),
    actionLines: z.array(z.enum(ACTION_LINES)).max(ACTION_LINES.length),
    sdgs: z.array(z.number().int().min(1).max(17)).max(17),
    tags: z.array(z.string().trim().min(1).max(100)).max(50),
  })
  .partial()
  .strict();

/**
 * The evidence library's routes: search (`GET /api/evidence`), one source
 * (`GET /api/evidence/:id`), both for every role, and the import of a file
 * (`POST /api/evidence/import`), for editors and drafters (403 `read_only` for reviewers). A file
 * is read in the import worker (deadline, heap limit) and its sources stored in one transaction,
 * so a refused file (422 with the parser's id and a message for people) stores nothing. Every
 * import is audited.
 */
export function evidenceHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  | "searchEvidence"
  | "evidenceSource"
  | "updateEvidenceSource"
  | "importEvidence"
  | "evidenceCoverage"
> {
  const { evidence, audit } = deps;
  const converter = (deps.workers ?? new ServerWorkers({ importTimeoutMs: deps.importTimeoutMs }))
    .imports;
  return {
    searchEvidence(request, response) {
      const { q, limit, ...filters } = parseInput(searchQuery, request.query, "query");
      response.json(
        evidence.search(q ?? "", filters, limit ?? 20) satisfies ApiAnswers["searchEvidence"],
      );
    },

    async evidenceCoverage(request, response) {
      const { limit } = parseInput(coverageQuery, request.query, "query");
      const outline = deps.outline.current();
      const sections: EvidenceCoverage["sections"] = [];
      const cited = new Set<number>();
      // Each section's citations as kept since it last changed: no document is read here.
      for (const section of outline.sections) {
        const sources = (await deps.sectionFacts.of(section.id)).cited;
        for (const id of sources) cited.add(id);
        sections.push({ id: section.id, sources: [...sources] });
      }
      const figures = evidence.coverage(cited, limit ?? 50);
      response.json({ ...figures, sections } satisfies ApiAnswers["evidenceCoverage"]);
    },

    evidenceSource(request, response) {
      const parsed = sourceId.safeParse(request.params.id);
      const source = parsed.success ? evidence.get(parsed.data) : null;
      if (!source)
        throw notFound(
          "source_not_found",
          `No source ${String(request.params.id).slice(0, 40)} in the evidence library`,
        );
      response.json(source satisfies ApiAnswers["evidenceSource"]);
    },

    updateEvidenceSource(request, response) {
      const { user } = requestAuth(request);
      if (!mayImportEvidence(user.role)) {
        throw forbidden(
          "read_only",
          "Reviewers read and search the evidence library; editors and drafters correct it",
        );
      }
      const parsed = sourceId.safeParse(request.params.id);
      const before = parsed.success ? evidence.get(parsed.data) : null;
      if (!parsed.success || !before)
        throw notFound(
          "source_not_found",
          `No source ${String(request.params.id).slice(0, 40)} in the evidence library`,
        );
      const patch = parseInput(sourcePatch, request.body, "body");
      const dedup = {
        ...patch,
        ...(patch.actionLines ? { actionLines: [...new Set(patch.actionLines)] } : {}),
        ...(patch.sdgs ? { sdgs: [...new Set(patch.sdgs)] } : {}),
        ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
      };
      const after = evidence.update(parsed.data, dedup);
      if (!after)
        throw notFound("source_not_found", `No source ${parsed.data} in the evidence library`);
      const changed = Object.keys(dedup).filter(
        (field) =>
          JSON.stringify(before[field as keyof typeof before]) !==
          JSON.stringify(after[field as keyof typeof after]),
      );
      audit.record({
        actor: user.username,
        action: "evidence_source_updated",
        target: String(after.id),
        detail: {
          fields: changed,
          before: Object.fromEntries(changed.map((f) => [f, before[f as keyof typeof before]])),
        },
        ip: request.ip ?? null,
      });
      response.json(after satisfies ApiAnswers["updateEvidenceSource"]);
    },

    async importEvidence(request, response) {
      const { user } = requestAuth(request);
      if (!mayImportEvidence(user.role)) {
        throw forbidden(
          "read_only",
          "Reviewers read and search the evidence library; editors and drafters import into it",
        );
      }
      const body = parseInput(importBody, request.body, "body");
      try {
        importKindOf(body.filename, body.kind);
      } catch (error) {
        if (error instanceof EvidenceImportError) throw badRequest(error.id, error.message);
        throw error;
      }
      const bytes = decodeBase64Upload(body.contentBase64, deps.maxImportBytes);
      const reading = await converter
        .readEvidence(bytes, body.filename, body.kind)
        .catch((error: unknown) => {
          throw workerJobHttpError(error, "import");
        });
      if (!reading.ok) {
        throw new HttpError(
          reading.id === "unsupported_file_type" ? 400 : 422,
          reading.id,
          reading.message,
        );
      }
      const ids = evidence.insert(reading.sources, {
        filename: body.filename,
        importedBy: user.username,
      });
      const kind = reading.sources[0]?.kind ?? "document";
      audit.record({
        actor: user.username,
        action: "evidence_import",
        target: body.filename,
        detail: {
          kind,
          sources: ids.length,
          firstId: ids[0] ?? null,
          warnings: reading.warnings.length,
        },
        ip: request.ip ?? null,
      });
      response.json({
        imported: ids.length,
        kind,
        ids,
        warnings: reading.warnings.slice(0, 100),
      } satisfies ApiAnswers["importEvidence"]);
    },
  };
}
