import { type HttpError, notFound } from "./errors";

/**
 * 404 `report_not_found`: the answer for a report that does not exist and for one the user is
 * not a member of alike, so that nobody learns which reports exist.
 */
export function reportNotFound(): HttpError {
  return notFound("report_not_found", "No such report");
}
