import { isSectionId } from "@rapporteur/api";
import { CloseCode, type CloseCodeValue } from "./closeCodes";

/** Where the collaboration endpoint lives: rooms are `/collab/<sectionId>`. */
export const COLLAB_PATH_PREFIX = "/collab";

// The section-id rule is @rapporteur/api's; re-exported for the modules that import it from here.
export { MAX_SECTION_ID_LENGTH, SECTION_ID_PATTERN } from "@rapporteur/api";

/** Result of {@link parseCollabPath}. */
export type CollabPath =
  | { ok: true; documentName: string; params: URLSearchParams }
  | { ok: false; code: CloseCodeValue; reason: string };

/**
 * Reads the section id from a request target such as `/collab/p1-access?token=...`. The raw path is
 * split without URL normalisation, so `..`, encoded slashes and extra segments are refused rather
 * than resolved to another document. Only the existence of the section is left to the caller.
 */
export function parseCollabPath(target: string): CollabPath {
  const queryStart = target.indexOf("?");
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? "" : target.slice(queryStart + 1);
  const bad = (reason: string): CollabPath => ({ ok: false, code: CloseCode.badRequest, reason });
  if (path !== COLLAB_PATH_PREFIX && !path.startsWith(`${COLLAB_PATH_PREFIX}/`)) {
    return bad(`Collaboration URLs have the form ${COLLAB_PATH_PREFIX}/<sectionId>`);
  }
  const segments = path.slice(COLLAB_PATH_PREFIX.length + 1).split("/");
  const [raw = ""] = segments;
  if (path === COLLAB_PATH_PREFIX || raw === "") {
    return bad(`Missing section id: connect to ${COLLAB_PATH_PREFIX}/<sectionId>`);
  }
  if (segments.length > 1) {
    return bad(
      `Unexpected path after the section id: connect to ${COLLAB_PATH_PREFIX}/<sectionId>`,
    );
  }
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return bad("Malformed percent-encoding in the section id");
  }
  if (!isSectionId(id)) {
    return bad("Not a section id: section ids are lower-case slugs such as 'p1-access'");
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return bad("Malformed query string");
  }
  return { ok: true, documentName: id, params };
}
