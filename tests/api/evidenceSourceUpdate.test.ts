// Correcting a source's metadata over HTTP: the footnotes that cite it follow in the export,
// search finds it by its new title, reviewers are refused, bad input changes nothing, and every
// correction is audited.
import { cslJsonLibrary } from "@rapporteur/evidence/testing";
import { replaceYDocContent } from "@rapporteur/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { serverSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";

const suite = serverSuite();
const SECTION = "p1-context";

describe("PATCH /api/evidence/:id", () => {
  let sourceId: number;

  beforeAll(async () => {
    const library = await suite.api("editor", "POST", "/evidence/import", {
      filename: "zotero.json",
      contentBase64: Buffer.from(cslJsonLibrary(6)).toString("base64"),
    });
    expect(library.status, JSON.stringify(library.body)).toBe(200);
    // A document without a UN symbol: its footnote gives organisation, title and address.
    for (const id of library.body.ids as number[]) {
      const source = (await suite.api("reviewer", "GET", `/evidence/${id}`)).body;
      if (!source.symbol) {
        sourceId = id;
        break;
      }
    }
    expect(sourceId).toBeGreaterThan(0);
    const client = await suite.connectSynced(SECTION, "editor");
    replaceYDocContent(client.doc, {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Broadband grew." },
            { type: "citation", attrs: { sourceId } },
          ],
        },
      ],
    } as never);
  });

  it("corrects the metadata, and the Markdown footnote citing the source follows", async () => {
    const before = await pollUntil(
      () => suite.exportFile("editor", `format=md&section=${SECTION}`),
      (file) => file.text.includes("[^1]:"),
      "the citation to reach the server",
    );
    const original = (await suite.api("reviewer", "GET", `/evidence/${sourceId}`)).body;
    expect(before.text).toContain(original.title);

    const answer = await suite.api("drafter", "PATCH", `/evidence/${sourceId}`, {
      title: "Measuring the Information Society, corrected",
      organisation: "International Telecommunication Union",
      url: "https://www.itu.int/mis",
      tags: ["measurement", "measurement", "ITU"],
      actionLines: ["C2"],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({
      id: sourceId,
      title: "Measuring the Information Society, corrected",
      organisation: "International Telecommunication Union",
      tags: ["measurement", "ITU"],
      actionLines: ["C2"],
      text: original.text,
    });

    const after = await suite.exportFile("editor", `format=md&section=${SECTION}`);
    const footnote = after.text.split("\n").find((line) => line.startsWith("[^1]:")) ?? "";
    expect(footnote).toContain("Measuring the Information Society, corrected");
    expect(footnote).toContain("https://www.itu.int/mis");
    expect(footnote).not.toContain(original.title);

    const found = await suite.api("reviewer", "GET", "/evidence?q=corrected&tag=itu");
    expect(found.body.items.map((item: { id: number }) => item.id)).toEqual([sourceId]);

    const audit = await suite.api("editor", "GET", "/audit?action=evidence_source_updated");
    const entry = (audit.body.entries ?? audit.body).find(
      (e: { action: string; target: string }) =>
        e.action === "evidence_source_updated" && e.target === String(sourceId),
    );
    expect(entry?.actor).toBe("drafter");
    expect(entry?.detail.fields).toEqual(
      expect.arrayContaining(["title", "organisation", "url", "tags", "actionLines"]),
    );
    expect(entry?.detail.before.title).toBe(original.title);
  });

  it("refuses reviewers, unknown sources and bad values, and changes nothing", async () => {
    const kept = (await suite.api("reviewer", "GET", `/evidence/${sourceId}`)).body;
    const reviewer = await suite.api("reviewer", "PATCH", `/evidence/${sourceId}`, { title: "x" });
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.error.id).toBe("read_only");
    const unknown = await suite.api("editor", "PATCH", "/evidence/999999", { title: "x" });
    expect(unknown.status).toBe(404);
    for (const body of [
      { title: "" },
      { url: "javascript:alert(1)" },
      { actionLines: ["C12"] },
      { sdgs: [18] },
      { group: "aliens" },
      { text: "rewritten" },
      { title: 42 },
    ]) {
      const refused = await suite.api("editor", "PATCH", `/evidence/${sourceId}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(typeof refused.body.error.message).toBe("string");
    }
    expect((await suite.api("reviewer", "GET", `/evidence/${sourceId}`)).body).toEqual(kept);
  });
});
