import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { type DocJSON, replaceYDocContent, yDocToJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import type { ReportNumberingView } from "../../packages/api/src";
import { serverSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const p = (text: string): DocJSON => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("POST /api/sections/:id/anchors", () => {
  const suite = serverSuite();

  const numbering = async () =>
    (await suite.api("reviewer", "GET", "/report/numbering")).body as ReportNumberingView;

  it("anchors a paragraph of another, approved section once, live, and a reference to it exports its number", async () => {
    const overview = await suite.connectSynced("intro-overview", "editor");
    replaceYDocContent(overview.doc, {
      type: "doc",
      content: [p("One"), p("Two"), p("The third paragraph of the report, which nobody cited")],
    } as never);
    const listed = await pollUntil(
      numbering,
      (v) => v.sections.find((s) => s.id === "intro-overview")?.blocks.length === 3,
      "the numbering to list the paragraphs",
    );
    const third = listed.sections.find((s) => s.id === "intro-overview")!.blocks[2];
    expect(third).toEqual({
      kind: "paragraph",
      index: 2,
      number: "3",
      excerpt: "The third paragraph of the report, which nobody cited",
      anchor: null,
    });
    // An anchor is not content: allowed in an approved (locked) section.
    for (const [role, action] of [
      ["drafter", "submit"],
      ["editor", "approve"],
    ] as const) {
      const answer = await suite.api(role, "POST", "/sections/intro-overview/status", { action });
      expect(answer.status).toBe(200);
    }

    const first = await suite.api("drafter", "POST", "/sections/intro-overview/anchors", {
      target: { kind: "paragraph", index: 2 },
    });
    expect(first.status).toBe(200);
    const anchor = first.body.anchor as string;
    expect(anchor).toMatch(/^p-[0-9a-f]{8}$/);
    // Idempotent: the same anchor again.
    const again = await suite.api("editor", "POST", "/sections/intro-overview/anchors", {
      target: { kind: "paragraph", index: 2 },
    });
    expect(again.body).toEqual({ anchor });
    // The editor connected to the section sees the attribute on that paragraph only.
    await pollUntil(
      async () => yDocToJSON(overview.doc).content?.map((n) => n.attrs?.anchor ?? null),
      (anchors) => JSON.stringify(anchors) === JSON.stringify([null, null, anchor]),
      "the connected client to see the anchor",
    );
    await pollUntil(numbering, (v) => v.targets[anchor]?.number === "3", "the anchor's number");

    const context = await suite.connectSynced("p1-context", "editor");
    replaceYDocContent(context.doc, {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "See para. " },
            { type: "crossRef", attrs: { kind: "paragraph", target: anchor } },
          ],
        },
      ],
    } as never);
    await pollUntil(
      async () => (await suite.api("reviewer", "GET", "/sections/p1-context")).body.words,
      (words) => words === 3,
      "the server to store the reference",
    );
    const file = await suite.exportFile("editor", "format=docx");
    const xml = zipEntry(file.bytes, "word/document.xml") ?? "";
    const citing = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
      .map((m) => m[0])
      .find((para) => wordText(para).startsWith("See para."));
    expect(citing).toMatch(/ REF \S+/);
    expect(wordText(citing ?? "")).toBe("See para. 3");
  });

  it("refuses bad input, unknown sections and blocks, and those who may edit nothing", async () => {
    const post = (role: "editor" | "reviewer" | null, section: string, body: unknown) =>
      suite.api(role, "POST", `/sections/${section}/anchors`, body);
    const good = { target: { kind: "paragraph", index: 0 } };
    expect((await post("editor", "no-such-section", good)).status).toBe(404);
    expect(
      (await post("editor", "p2-governance", { target: { kind: "table", index: 0 } })).body,
    ).toMatchObject({ error: { id: "block_not_found" } });
    for (const bad of [
      {},
      { target: { kind: "section", index: 0 } },
      { target: { kind: "paragraph", index: -1 } },
      { target: { kind: "paragraph", index: 0.5 } },
    ]) {
      expect((await post("editor", "p2-governance", bad)).status).toBe(400);
    }
    expect((await post("reviewer", "p2-governance", good)).status).toBe(403);
    expect((await post(null, "p2-governance", good)).status).toBe(401);
  });
});
