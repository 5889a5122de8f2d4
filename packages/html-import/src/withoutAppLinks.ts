import type { DocJSON } from "@rapporteur/schema";

/**
 * Whether `href` points at one of `appOrigins` (the app's own addresses): such a link, copied
 * from the app or a page saved from it, means nothing in the report and never goes in.
 */
export function isAppLink(href: string, appOrigins: readonly string[]): boolean {
  let origin: string;
  try {
    origin = new URL(href).origin;
  } catch {
    return false;
  }
  return appOrigins.some((app) => {
    try {
      return new URL(app).origin === origin;
    } catch {
      return false;
    }
  });
}

/**
 * `doc` without the links that point at the app's own addresses (their text kept), and how
 * many were removed: the rule of paste, for every import (Markdown, Word, HTML, text) through
 * the API and the command line. Pure; `doc` is not changed.
 */
export function withoutAppLinks(
  doc: DocJSON,
  appOrigins: readonly string[],
): { doc: DocJSON; removed: number } {
  let removed = 0;
  const visit = (node: DocJSON): DocJSON => {
    const marks = node.marks?.filter((mark) => {
      const href = mark.type === "link" ? mark.attrs?.href : undefined;
      const app = typeof href === "string" && isAppLink(href, appOrigins);
      if (app) removed += 1;
      return !app;
    });
    const next: DocJSON = { ...node };
    if (marks) {
      if (marks.length > 0) next.marks = marks;
      else delete next.marks;
    }
    if (node.content) next.content = node.content.map(visit);
    return next;
  };
  const out = appOrigins.length === 0 ? doc : visit(doc);
  return { doc: out, removed };
}
