import type { AuditAction } from "@rapporteur/accounts";
import type { ApiAnswers } from "@rapporteur/api";
import { fallbackAttribution, sectionStepsInput } from "@rapporteur/report";
import type { StoredVersion } from "@rapporteur/storage";
import { countDocument } from "@rapporteur/wordcount";
import type { Request, RequestHandler } from "express";
import { z } from "zod";
import { sectionAccess } from "../../auth/sectionAccess";
import { stateToJSON } from "../../history/SectionHistory";
import { ServerWorkers } from "../../workers/ServerWorkers";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { compareSectionInWorker } from "../compareSectionInWorker";
import { forbidden, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";

type HistoryRoute =
  | "sectionHistory"
  | "sectionHistoryPoint"
  | "restoreSection"
  | "listVersions"
  | "createVersion"
  | "version"
  | "deleteVersion"
  | "restoreVersion";

const historyId = z.string().regex(/^[ps][1-9][0-9]{0,15}$/, "a history id such as p12 or s340");
const versionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const restoreBody = z.union([
  z.object({ history: historyId }).strict(),
  z.object({ version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
]);
const versionBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();

/** A version as the API answers it. */
function versionView(version: StoredVersion) {
  return {
    id: version.id,
    name: version.name,
    at: new Date(version.at).toISOString(),
    by: version.by,
  };
}

/**
 * Handlers of the history routes: a section's history and its points (everyone signed in),
 * restores (those who may edit the section's text), and named versions of the report (everyone
 * lists and reads them; editors create, delete and restore them).
 */
export function historyHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, HistoryRoute> {
  const { outline, workflow, audit } = deps;
  const workers = deps.workers ?? new ServerWorkers({ importTimeoutMs: deps.importTimeoutMs });
  const mustGetVersion = (raw: unknown): StoredVersion => {
    const id = parseInput(versionId, raw, "parameter");
    const version = deps.versions.get(id);
    if (!version) throw notFound("version_not_found", `There is no version ${id}`);
    return version;
  };
  const record = (request: Request, action: AuditAction, target: string, detail: object) => {
    audit.record({
      actor: requestAuth(request).user.username,
      action,
      target,
      detail: detail as Record<string, unknown>,
      ip: request.ip ?? null,
    });
  };

  return {
    async sectionHistory(request, response) {
      const section = sectionFromPath(outline, request.params.id);
      response.json(
        (await deps.sectionHistory.list(section.id)) satisfies ApiAnswers["sectionHistory"],
      );
    },

    async sectionHistoryPoint(request, response) {
      const section = sectionFromPath(outline, request.params.id);
      const id = parseInput(historyId, request.params.historyId, "parameter");
      const state = deps.sectionHistory.state(section.id, id);
      if (!state) {
        throw notFound("history_not_found", `Section '${section.id}' has no history point ${id}`);
      }
      // What changed since the entry before it, each change under its author (compare worker).
      const entries = await deps.sectionHistory.list(section.id);
      const index = entries.findIndex((e) => e.id === id);
      const entry = entries[index];
      const before = index >= 0 ? entries[index + 1] : undefined;
      const beforeState = before && deps.sectionHistory.state(section.id, before.id);
      const at = entry ? Date.parse(entry.at) : Date.now();
      const interval = { after: before ? Date.parse(before.at) : 0, through: at };
      const names: Record<number, string> = {};
      const byGroup = entry?.authors.length
        ? { author: entry.authors.map((a) => a.name).join(", "), date: entry.at }
        : undefined;
      const compared = await compareSectionInWorker(workers, section.id, {
        older: { [section.id]: [beforeState ?? new Uint8Array([0, 0])] },
        newer: { [section.id]: [state] },
        attribution: byGroup ? { [section.id]: byGroup } : {},
        fallback: fallbackAttribution(at),
        history: entry
          ? {
              [section.id]: sectionStepsInput(
                deps.sectionHistory.store,
                section.id,
                interval,
                names,
                (userId) => deps.accounts.get(userId)?.displayName ?? `User ${userId}`,
              ),
            }
          : {},
        names,
        interval,
        outline: outline.current(),
      });
      const view: ApiAnswers["sectionHistoryPoint"] = {
        id,
        doc: stateToJSON(state),
        since: beforeState && before ? before.id : null,
        compared: { doc: compared.doc, changes: compared.changes },
      };
      response.json(view);
    },

    async restoreSection(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const denied = () => {
        const access = sectionAccess(user.role, workflow.get(section.id).status);
        if (access.readOnly) throw forbidden("read_only", `You cannot restore: ${access.reason}`);
      };
      denied();
      const body = parseInput(restoreBody, request.body, "body");
      let state: Uint8Array | undefined;
      if ("history" in body) {
        state = deps.sectionHistory.state(section.id, body.history);
        if (!state) {
          throw notFound(
            "history_not_found",
            `Section '${section.id}' has no history point ${body.history}`,
          );
        }
      } else {
        mustGetVersion(body.version);
        state = deps.versions.sectionState(body.version, section.id);
        if (!state) {
          throw notFound(
            "history_not_found",
            `Version ${body.version} does not hold section '${section.id}'`,
          );
        }
      }
      denied();
      const undo = await deps.sectionHistory.restore(section.id, state, user.id);
      const words = countDocument(stateToJSON(state)).words;
      record(request, "restore", section.id, { ...body, words });
      response.json({ undo: { history: undo }, words } satisfies ApiAnswers["restoreSection"]);
    },

    async listVersions(_request, response) {
      response.json(deps.versions.list().map(versionView) satisfies ApiAnswers["listVersions"]);
    },

    async createVersion(request, response) {
      const { user } = requestAuth(request);
      const body = parseInput(versionBody, request.body, "body");
      const version = await deps.versions.create(body.name, {
        id: user.id,
        name: user.displayName,
      });
      record(request, "version_create", String(version.id), { name: version.name });
      response.status(201).json(versionView(version) satisfies ApiAnswers["createVersion"]);
    },

    async version(request, response) {
      const version = mustGetVersion(request.params.id);
      const source = deps.versions.exportSource(version.id);
      if (!source) throw notFound("version_not_found", `There is no version ${version.id}`);
      response.json({
        ...versionView(version),
        sections: deps.versions.sectionIds(version.id),
        documentSettings: source.settings,
        settingsCaptured: source.settingsCaptured,
      } satisfies ApiAnswers["version"]);
    },

    async deleteVersion(request, response) {
      const version = mustGetVersion(request.params.id);
      deps.versions.delete(version.id);
      record(request, "version_delete", String(version.id), { name: version.name });
      response.status(204).end();
    },

    async restoreVersion(request, response) {
      const { user } = requestAuth(request);
      const version = mustGetVersion(request.params.id);
      const { documentSettingsChange, ...result } = await deps.versions.restore(version.id, {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
      });
      if (documentSettingsChange) {
        // As an editor's change of the settings (PUT /api/report/settings), naming the version.
        record(request, "document_settings_changed", "report", {
          ...documentSettingsChange,
          version: version.id,
        });
      }
      const { outline } = result;
      if (
        outline.archived.length + outline.restored.length + outline.changed.length > 0 ||
        outline.moved
      ) {
        // As the outline's own changes are audited, naming the version.
        record(request, "outline_restored", "outline", { version: version.id, ...outline });
      }
      record(request, "version_restore", String(version.id), { name: version.name, ...result });
      response.json(result satisfies ApiAnswers["restoreVersion"]);
    },
  };
}
