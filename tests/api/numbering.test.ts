import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { type DocJSON, replaceYDocContent } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import type { ReportNumberingView } from "../../packages/api/src";
import { serverSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const p = (text: string, anchor?: string): DocJSON => ({
  type: "paragraph",
  ...(anchor ? { attrs: { anchor } } : {}),
  content: [{ type: "text", text }],
});
const ref = (kind: string, target: string): DocJSON => ({
  type: "crossRef",
  attrs: { kind, target },
});

describe("GET /api/report/numbering", () => {
  const suite = serverSuite();

  /** Replaces a section's text and waits until the server has stored it (its word count). */
  const write = async (section: string, words: number, content: DocJSON[]) => {
    const client = await suite.connectSynced(section, "editor");
    replaceYDocContent(client.doc, { type: "doc", content } as never);
    await pollUntil(
      async () => (await suite.api("reviewer", "GET", `/sections/${section}`)).body,
      (view) => view.words === words,
      `the server to store ${section}`,
    );
    return client;
  };
  const numbering = async () => {
    const answer = await suite.api("reviewer", "GET", "/report/numbering");
    expect(answer.status).toBe(200);
    return answer.body as ReportNumberingView;
  };
  /** The text of the exported paragraph that cites, as Word shows it before any field update. */
  const exportedCitation = async () => {
    const file = await suite.exportFile("editor", "format=docx");
    expect(file.status).toBe(200);
    const xml = zipEntry(file.bytes, "word/document.xml") ?? "";
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => wordText(m[0]));
    return paragraphs.find((text) => text.startsWith("See para.")) ?? "";
  };

  it("answers the numbers the DOCX prints, and follows paragraphs inserted above a target", async () => {
    await write("summary", 6, [p("The summary says much"), p("and more")]);
    const overview = await write("intro-overview", 4, [
      p("One"),
      p("Two"),
      p("Target here", "p-target"),
    ]);
    await write("p1-context", 6, [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "See para. " },
          ref("paragraph", "p-target"),
          { type: "text", text: " and section " },
          ref("section", "intro-outcomes"),
        ],
      },
    ]);

    const view = await numbering();
    expect(view.targets["p-target"]).toEqual({
      kind: "paragraph",
      number: "3",
      section: "intro-overview",
    });
    expect(view.targets["intro-outcomes"]).toEqual({
      kind: "section",
      number: "I.B",
      section: "intro-outcomes",
    });
    const byId = new Map(view.sections.map((s) => [s.id, s] as const));
    expect(byId.get("summary")).toMatchObject({ frontMatter: true, label: "", title: "Summary" });
    expect(byId.get("summary")?.count.paragraph).toBe(0);
    expect(byId.get("intro-overview")).toMatchObject({
      label: "I.A",
      before: { paragraph: 0, table: 0, box: 0 },
      count: { paragraph: 3, table: 0, box: 0 },
    });
    expect(byId.get("p1-context")).toMatchObject({ label: "II.A", before: { paragraph: 3 } });
    expect(view.sections.map((s) => s.id)).toEqual(
      (await suite.api("reviewer", "GET", "/report")).body.sections.map(
        (s: { id: string }) => s.id,
      ),
    );
    expect(await exportedCitation()).toBe("See para. 3 and section I.B");

    // Two paragraphs inserted above the target: both the route and the export say 5.
    replaceYDocContent(overview.doc, {
      type: "doc",
      content: [p("New"), p("Newer"), p("One"), p("Two"), p("Target here", "p-target")],
    } as never);
    await pollUntil(numbering, (v) => v.targets["p-target"]?.number === "5", "the new number");
    expect(await exportedCitation()).toBe("See para. 5 and section I.B");
  });

  it("is for signed-in users only", async () => {
    expect((await suite.api(null, "GET", "/report/numbering")).status).toBe(401);
  });
});
