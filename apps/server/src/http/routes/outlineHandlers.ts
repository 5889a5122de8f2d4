import type { RequestHandler } from "express";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { HttpError } from "../errors";

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

const notYet: RequestHandler = (_request, _response, next) =>
  next(new HttpError(501, "not_implemented", "The outline routes are being built"));

/** Handlers of the outline's structure (`/api/outline/...`) and a section's split points. */
export function outlineHandlers(
  _deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, OutlineRoute> {
  return {
    createOutlineSection: notYet,
    updateOutlineSection: notYet,
    archiveOutlineSection: notYet,
    archivedSections: notYet,
    restoreOutlineSection: notYet,
    splitOutlineSection: notYet,
    mergeOutlineSection: notYet,
    createOutlinePart: notYet,
    updateOutlinePart: notYet,
    sectionHeadings: notYet,
  };
}
