import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { apiPathLiterals, apiPathLiteralsIn } from "./apiPathLiterals";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("the web app's calls to the server", () => {
  it("name their routes from @rapporteur/api: no `/api/` path is written in apps/web/src", () => {
    expect(apiPathLiterals(root, "apps/web/src")).toEqual([]);
  });

  it("are caught when a path is written by hand in a string, a template or a JSX attribute", () => {
    const planted = [
      "/** Loads `GET /api/report` (a comment may name the route). */",
      'const a = fetch("/api/report");',
      "const b = new EventSource(`/api/events`);",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: planted source text
      "const c = `/api/sections/${id}/history`;",
      'const d = <a href="/api/comments/matrix.csv">CSV</a>;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: planted source text
      "const e = `${origin}/api/export?${query}`;",
      'const ok = apiRequest("report"); const ok2 = "https://example.org/rapi/x";',
    ].join("\n");
    const found = apiPathLiteralsIn("planted.tsx", planted).map((hit) => hit.line);
    expect(found).toEqual([2, 3, 4, 5, 6]);
  });
});
