import type { AuditAction } from "@rapporteur/accounts";
import type { ApiAnswers, ArchivedSectionView } from "@rapporteur/api";
import {
  addPart,
  addSection,
  archiveSection,
  isSectionId,
  OutlineChangeError,
  restoreSection,
  updatePart,
  updateSection,
} from "@rapporteur/outline";
import type { Request, RequestHandler } from "express";
import { z } from "zod";
import { OutlineSurgery } from "../../report/OutlineSurgery";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { badRequest, conflict, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";
import { fullReportView } from "./reportHandlers";

type OutlineRoute =
  | "createOutlineSection"
  | "updateOutlineSection"
  | "archiveOutlineSection"
  | "archivedSections"
  | "restoreOutlineSection"
  | "splitOutlineSection"
  | "mergeOutlineSection"
  | "createOutlinePart"
  | "updateOutlinePart"
  | "sectionHeadings";

const id = z.string().max(100).refine(isSectionId, "must be an id such as 'p1-access'");
const title = z.string().trim().min(1).max(300);
const budget = z.number().int().min(0).max(1_000_000);
const guidance = z.string().max(5_000);
const revision = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);

const createSectionBody = z
  .object({
    title,
    part: id,
    after: id.nullable().optional(),
    budget: budget.optional(),
    guidance: guidance.optional(),
  })
  .strict();
const updateSectionBody = z
  .object({
    title: title.optional(),
    part: id.optional(),
    after: id.nullable().optional(),
    budget: budget.optional(),
    guidance: guidance.optional(),
    revision: revision.optional(),
  })
  .strict();
const createPartBody = z.object({ title, after: id.nullable().optional() }).strict();
const updatePartBody = z
  .object({
    title: title.optional(),
    after: id.nullable().optional(),
    revision: revision.optional(),
  })
  .strict();
// Archive and restore take no input: an empty object or no body at all.
const noBody = z.object({}).strict().optional();
const splitBody = z.object({ atHeading: z.string().min(1).max(1_000) }).strict();
const mergeBody = z.object({ into: id }).strict();

/** The outline's refusals as HTTP errors (409 `outline-conflict` for a stale revision). */
export function outlineHttpError(error: unknown): unknown {
  if (!(error instanceof OutlineChangeError)) return error;
  if (error.problem === "not_found") return notFound("outline_not_found", error.message);
  if (error.problem === "conflict") return conflict("outline-conflict", error.message);
  return badRequest("invalid_outline_change", error.message);
}

/** Runs an outline change, turning its refusals into HTTP errors. */
function attempt<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw outlineHttpError(error);
  }
}

function pathId(request: Request): string {
  const raw = request.params.id;
  if (!isSectionId(raw)) {
    throw badRequest(
      "invalid_section_id",
      "Not an id: ids are lower-case slugs such as 'p1-access'",
    );
  }
  return raw;
}

/**
 * Handlers of the outline's structure (`/api/outline/...`) and a section's split points. Each
 * change is one transaction of the outline store (revision bumped), audited, and pushed to every
 * client as the `outline` event (by the store's listener).
 */
export function outlineHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, OutlineRoute> {
  const { outline, audit } = deps;
  const surgery = new OutlineSurgery(deps);
  const record = (request: Request, action: AuditAction, target: string, detail: object) => {
    const { user } = requestAuth(request);
    audit.record({
      actor: user.username,
      action,
      target,
      detail: { ...detail },
      ip: request.ip ?? null,
    });
  };
  const report = (request: Request) => fullReportView(deps, requestAuth(request).user.role);
  return {
    createOutlineSection(request, response) {
      const body = parseInput(createSectionBody, request.body, "body");
      const created = attempt(() => outline.change((state) => addSection(state, body)));
      record(request, "outline_section_added", created, body);
      response.status(201).json({ id: created } satisfies ApiAnswers["createOutlineSection"]);
    },

    async updateOutlineSection(request, response) {
      const { user } = requestAuth(request);
      const sectionId = pathId(request);
      const { revision: expectedRevision, ...change } = parseInput(
        updateSectionBody,
        request.body,
        "body",
      );
      const before = outline.current().sections.find((s) => s.id === sectionId);
      attempt(() =>
        outline.change((state) => updateSection(state, sectionId, change), { expectedRevision }),
      );
      // A budget set here is the one in force: an earlier override gives way.
      if (change.budget !== undefined && deps.budgets.settings().overridden.has(sectionId)) {
        deps.budgets.setAllocation(sectionId, null, user.username);
      }
      const after = outline.current().sections.find((s) => s.id === sectionId);
      const partTitle = (id: string | undefined) =>
        outline.current().parts.find((p) => p.id === id)?.title ?? id;
      const labels = [
        before && after && before.title !== after.title ? `Renamed to “${after.title}”` : null,
        before && after && before.part !== after.part
          ? `Moved to “${partTitle(after.part)}”`
          : change.after !== undefined
            ? "Moved within its part"
            : null,
      ].filter((label): label is string => label !== null);
      if (labels.length > 0) {
        await surgery.recordInHistory(sectionId, labels.join("; "), user.id);
      }
      record(request, "outline_section_changed", sectionId, {
        ...change,
        from: before && { title: before.title, part: before.part },
      });
      response.json(report(request) satisfies ApiAnswers["updateOutlineSection"]);
    },

    async archiveOutlineSection(request, response) {
      const { user } = requestAuth(request);
      const sectionId = pathId(request);
      parseInput(noBody, request.body, "body");
      attempt(() =>
        outline.change((state) =>
          archiveSection(state, sectionId, user.displayName, new Date().toISOString()),
        ),
      );
      await surgery.recordInHistory(sectionId, "Archived (retired from the outline)", user.id);
      record(request, "outline_section_archived", sectionId, {});
      response.json(report(request) satisfies ApiAnswers["archiveOutlineSection"]);
    },

    archivedSections(_request, response) {
      const sections: ArchivedSectionView[] = outline.archived().map((s) => ({
        id: s.id,
        title: s.title,
        part: s.part,
        archivedAt: s.archivedAt,
        archivedBy: s.archivedBy,
        ...(s.mergedInto ? { mergedInto: s.mergedInto } : {}),
        words: deps.counts.get(s.id).words,
      }));
      response.json({ sections } satisfies ApiAnswers["archivedSections"]);
    },

    async restoreOutlineSection(request, response) {
      const { user } = requestAuth(request);
      const sectionId = pathId(request);
      parseInput(noBody, request.body, "body");
      attempt(() => outline.change((state) => restoreSection(state, sectionId)));
      await surgery.recordInHistory(sectionId, "Restored to the outline", user.id);
      record(request, "outline_section_restored", sectionId, {});
      response.json(report(request) satisfies ApiAnswers["restoreOutlineSection"]);
    },

    async splitOutlineSection(request, response) {
      const section = sectionFromPath(outline, request.params.id);
      const { atHeading } = parseInput(splitBody, request.body, "body");
      const { user } = requestAuth(request);
      const created = await surgery.split(section.id, atHeading, user).catch((error: unknown) => {
        throw outlineHttpError(error);
      });
      record(request, "outline_section_split", section.id, { atHeading, into: created });
      response.status(201).json({ id: created } satisfies ApiAnswers["splitOutlineSection"]);
    },

    async mergeOutlineSection(request, response) {
      const section = sectionFromPath(outline, request.params.id);
      const { into } = parseInput(mergeBody, request.body, "body");
      const { user } = requestAuth(request);
      await surgery.merge(section.id, into, user).catch((error: unknown) => {
        throw outlineHttpError(error);
      });
      record(request, "outline_section_merged", section.id, { into });
      response.json(report(request) satisfies ApiAnswers["mergeOutlineSection"]);
    },

    createOutlinePart(request, response) {
      const body = parseInput(createPartBody, request.body, "body");
      const created = attempt(() => outline.change((state) => addPart(state, body)));
      record(request, "outline_part_added", created, body);
      response.status(201).json({ id: created } satisfies ApiAnswers["createOutlinePart"]);
    },

    updateOutlinePart(request, response) {
      const partId = pathId(request);
      const { revision: expectedRevision, ...change } = parseInput(
        updatePartBody,
        request.body,
        "body",
      );
      attempt(() =>
        outline.change((state) => updatePart(state, partId, change), { expectedRevision }),
      );
      record(request, "outline_part_changed", partId, change);
      response.json(report(request) satisfies ApiAnswers["updateOutlinePart"]);
    },

    async sectionHeadings(request, response) {
      const section = sectionFromPath(outline, request.params.id);
      const headings = await surgery.headings(section.id);
      response.json({ headings } satisfies ApiAnswers["sectionHeadings"]);
    },
  };
}
