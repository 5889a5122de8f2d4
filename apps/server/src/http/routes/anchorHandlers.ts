import { randomBytes } from "node:crypto";
import type { ApiAnswers } from "@rapporteur/api";
import { anchorBlock } from "@rapporteur/schema";
import type { RequestHandler } from "express";
import { z } from "zod";
import { sectionAccess } from "../../auth/sectionAccess";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { forbidden, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";

const anchorBody = z
  .object({
    target: z
      .object({
        kind: z.enum(["paragraph", "table", "box"]),
        index: z.number().int().min(0).max(1_000_000),
      })
      .strict(),
  })
  .strict();

/**
 * Handler of `POST /api/sections/:id/anchors` with `{ target: { kind, index } }`: gives the
 * `index`-th numbered paragraph, table or box of the section (as the numbering lists it) an
 * anchor in the live document, through the collaboration pipeline, so a cross-reference from
 * another section can name it; answers `{ anchor }`, the one it already had if any. Allowed to
 * whoever may insert a reference (may edit some section), in any section, approved ones too: an
 * anchor is an invisible attribute, not content.
 */
export function anchorHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, "anchorBlock"> {
  const { outline, workflow, collab } = deps;
  return {
    async anchorBlock(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const body = parseInput(anchorBody, request.body, "body");
      const { parts, sections } = outline.current();
      if (sections.every((s) => sectionAccess(user.role, workflow.get(s.id).status).readOnly)) {
        throw forbidden("read_only", "You cannot insert cross-references: you may edit no section");
      }
      const frontMatter = parts.find((p) => p.id === section.part)?.frontMatter === true;
      const connection = await collab.openDirectConnection(section.id);
      const found: { anchor: string | null } = { anchor: null };
      try {
        await connection.transact((ydoc) => {
          const anchored = anchorBlock(
            ydoc,
            body.target,
            frontMatter,
            () => `${body.target.kind[0]}-${randomBytes(4).toString("hex")}`,
          );
          found.anchor = anchored?.anchor ?? null;
          return anchored?.created === true;
        });
      } finally {
        connection.disconnect();
      }
      const { anchor } = found;
      if (!anchor) {
        throw notFound(
          "block_not_found",
          `Section '${section.id}' has no numbered ${body.target.kind} ${body.target.index}`,
        );
      }
      response.json({ anchor } satisfies ApiAnswers["anchorBlock"]);
    },
  };
}
