import { AUDIT_ACTIONS } from "@rapporteur/accounts";
import type { ApiAnswers } from "@rapporteur/api";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { parseInput } from "../parseInput";

const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
  })
  .strict();

/** Handler of `GET /api/audit?limit=&before=&action=`: newest first, `nextBefore` pages back. */
export function auditHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, "audit"> {
  return {
    audit(request, response) {
      const query = parseInput(auditQuery, request.query, "query");
      const entries = deps.audit.list(query);
      const last = entries.at(-1);
      response.json({
        entries,
        nextBefore: entries.length === query.limit && last ? last.id : null,
      } satisfies ApiAnswers["audit"]);
    },
  };
}
