import { describe, expect, it } from "vitest";
import { importFile, pollUntil } from "../api/apiFiles";
import { lengthFigure, signedInContext, waitUntilConnected } from "../e2e/browser";
import { useBrowserSuite } from "../e2e/useBrowserSuite";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { TRICKY_DOCUMENTS } from "./trickyDocuments";

// The editor's count is the one the web app shows in the section's Length panel. The app's
// event stream is blocked and the report it loaded predates the imports, so the panel cannot be
// showing the server's figures: only the editor's own count of the open document.

const SECTIONS = [
  "intro-overview",
  "intro-outcomes",
  "p1-context",
  "p1-technology",
  "p1-ecosystem",
  "p1-access",
  "p1-sectors",
  "p1-challenges",
  "p1-governance",
];

describe("the server's count and the editor's count", () => {
  const suite = useBrowserSuite();

  it("agree on documents of tricky text set through the collaboration pipeline", async () => {
    expect(TRICKY_DOCUMENTS.length).toBe(SECTIONS.length);
    const context = await signedInContext(suite.browser, suite.url, "editor");
    await context.route("**/api/events", (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${suite.url}/sections/${SECTIONS[0]}`);
    await waitUntilConnected(page);

    const cookie = await loginAs(suite.url, "editor");
    const imported = new Map<string, number>();
    for (const [i, document] of TRICKY_DOCUMENTS.entries()) {
      const id = SECTIONS[i]!;
      const answer = await importFile(suite.url, cookie, id, "draft.md", document.markdown);
      expect(answer.status, document.name).toBe(200);
      imported.set(id, answer.body.words);
    }
    // The counts of /api/report follow the stored documents a moment after the imports.
    const report = await pollUntil(
      async () => (await callApi(suite.url, cookie, "GET", "/report")).body,
      (r) =>
        SECTIONS.every((id) => {
          const s = r.sections.find((x: { id: string }) => x.id === id);
          return s.words > 0 && s.words === imported.get(id);
        }),
      "the imported sections' counts in /api/report",
    );

    const rows = [];
    for (const [i, document] of TRICKY_DOCUMENTS.entries()) {
      const id = SECTIONS[i]!;
      const server = report.sections.find((s: { id: string }) => s.id === id);
      // Open the section inside the app (its report stays the one loaded before the imports).
      await page.getByTestId(`section-link-${id}`).click();
      await waitUntilConnected(page);
      await expect.poll(() => lengthFigure(page, "Words"), { timeout: 10_000 }).toBe(server.words);
      const editor = {
        words: await lengthFigure(page, "Words"),
        footnoteWords: await lengthFigure(page, "In footnotes"),
      };
      rows.push({
        document: document.name,
        serverWords: server.words,
        editorWords: editor.words,
        serverFootnoteWords: server.footnoteWords,
        editorFootnoteWords: editor.footnoteWords,
      });
      expect(server.words, document.name).toBeGreaterThan(0);
      expect(editor, document.name).toEqual({
        words: server.words,
        footnoteWords: server.footnoteWords,
      });
    }
    console.table(rows);
    expect(rows.find((r) => r.document === "footnotes")?.serverFootnoteWords).toBeGreaterThan(0);
    await context.close();
  });
});
