import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabClient } from "../support/collabClient";
import { serverSuite } from "../support/serverSuite";
import { type ExportAnswer, pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const IMPORTED = `## Meaningful access

Broadband reached **rural** areas, says the [ITU](https://www.itu.int).[^1]

- Mobile coverage
- Fixed broadband

[^1]: ITU Facts and Figures 2024.
`;

/** A Word file offered for download as `name`. */
function expectWordFile(file: ExportAnswer, name: string): void {
  expect(file.status).toBe(200);
  expect(file.headers.get("content-type")).toBe(DOCX_TYPE);
  expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
  expect(file.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
}

describe("export endpoint", () => {
  const suite = serverSuite();
  let typist: CollabClient;

  beforeAll(async () => {
    const imported = await suite.importFile("drafter", "p1-access", "a.md", IMPORTED);
    expect(imported.status).toBe(200);
    // A section typed by an editor connected right now: exported from the live document.
    typist = await suite.connectSynced("p2-equality", "drafter");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Typed live by a drafter about gender equality")]);
    typist.fragment.insert(0, [paragraph]);
    await pollUntil(
      async () => (await suite.api("editor", "GET", "/sections/p2-equality")).body,
      (section) => section.words === 8,
      "the server to count the typed words",
    );
  });

  it("gives editors the final Word copy, named after the document symbol", async () => {
    const file = await suite.exportFile("editor", "format=docx");
    expectWordFile(file, "E-CN.16-2025-CRP.1.docx");
    expect(file.bytes.length).toBeGreaterThan(5_000);
  });

  it("refuses the final Word copy to drafters and reviewers, and gives them the review copy", async () => {
    for (const role of ["drafter", "reviewer"] as const) {
      for (const query of ["format=docx", "format=docx&variant=final"]) {
        const refused = await suite.exportFile(role, query);
        expect(refused.status).toBe(403);
        expect(JSON.parse(refused.text).error.id).toBe("editors_only");
      }
    }
    const review = await suite.exportFile("reviewer", "format=docx&variant=review");
    expectWordFile(review, "E-CN.16-2025-CRP.1-review.docx");
  });

  it("exports the whole report as Markdown with front matter, part and section headings and the typed content", async () => {
    const received = typist.received.length;
    const file = await suite.exportFile("reviewer", "format=md");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(file.headers.get("content-disposition")).toBe(
      'attachment; filename="E-CN.16-2025-CRP.1.md"',
    );
    const md = file.text;
    expect(md).toMatch(/^---\ntitle: /);
    expect(md).toContain("symbol: E/CN.16/2025/CRP.1");
    expect(md).toContain("\n# The record since WSIS\n");
    expect(md).toContain("\n## Access and inclusion\n");
    expect(md).toContain("\n### Meaningful access\n");
    expect(md).toContain(
      "Broadband reached **rural** areas, says the [ITU](https://www.itu.int).[^1]",
    );
    expect(md).toContain("[^1]: ITU Facts and Figures 2024.");
    expect(md).toContain("Typed live by a drafter about gender equality");
    // Every section heading is there, in outline order.
    const report = (await suite.api("reviewer", "GET", "/report")).body;
    const positions = report.sections.map((s: { title: string }) =>
      md.indexOf(`\n## ${s.title}\n`),
    );
    expect(positions.every((p: number) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Reading the live section for the export sent nothing to the people editing it.
    expect(typist.received.length).toBe(received);
  });

  it("exports one section as Markdown, and one section as Word", async () => {
    const file = await suite.exportFile("drafter", "format=md&section=p1-access");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(
      'attachment; filename="E-CN.16-2025-CRP.1-p1-access.md"',
    );
    expect(file.text).toBe(`### Meaningful access

Broadband reached **rural** areas, says the [ITU](https://www.itu.int).[^1]

- Mobile coverage
- Fixed broadband

[^1]: ITU Facts and Figures 2024.
`);
    const docx = await suite.exportFile("editor", "format=docx&section=p2-equality");
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-disposition")).toBe(
      'attachment; filename="E-CN.16-2025-CRP.1-p2-equality.docx"',
    );
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("records every export in the audit log", async () => {
    const audit = await suite.api("editor", "GET", "/audit?action=export&limit=50");
    expect(audit.status).toBe(200);
    const entries = audit.body.entries;
    const seen = entries.map(
      (e: { actor: string; target: string; detail: Record<string, unknown> }) => ({
        actor: e.actor,
        target: e.target,
        detail: e.detail,
      }),
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        { actor: "admin", target: "docx", detail: { variant: "final" } },
        { actor: "reviewer", target: "docx", detail: { variant: "review" } },
        { actor: "reviewer", target: "markdown", detail: {} },
        { actor: "drafter", target: "markdown", detail: { sections: ["p1-access"] } },
        { actor: "admin", target: "docx", detail: { variant: "final", sections: ["p2-equality"] } },
      ]),
    );
    // Refused exports are not exports.
    expect(
      seen.filter(
        (e: { actor: string; target: string }) => e.actor === "drafter" && e.target === "docx",
      ),
    ).toEqual([]);
  });

  it.each([
    ["", 400, "invalid_query"],
    ["format=odt", 400, "invalid_query"],
    ["format=docx&variant=draft", 400, "invalid_query"],
    ["format=md&format=docx", 400, "invalid_query"],
    ["format=md&sheet=1", 400, "invalid_query"],
    ["format=md&section=..%2F..%2Fetc", 400, "invalid_section_id"],
    ["format=md&section=no-such-section", 404, "section_not_found"],
  ])("answers ?%s with %i %s", async (query, status, id) => {
    const file = await suite.exportFile("reviewer", query);
    expect(file.status).toBe(status);
    expect(JSON.parse(file.text).error.id).toBe(id);
  });

  it("refuses an export without a session", async () => {
    const file = await suite.exportFile(null, "format=md");
    expect(file.status).toBe(401);
  });
});
