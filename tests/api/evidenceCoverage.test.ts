// Coverage of the evidence library over HTTP: which submissions (by stakeholder group, region and
// question) and which sources the report's sections cite, with figures equal to what the
// generated questionnaire holds (row i: group i % 6, region i % 5, q8 blank when i % 3 === 0).
import { cslJsonLibrary, formsCsv } from "@rapporteur/evidence/testing";
import type { DocJSON } from "@rapporteur/schema";
import { replaceYDocContent } from "@rapporteur/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { serverSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";

const suite = serverSuite();

function upload(filename: string, bytes: Uint8Array) {
  return suite.api("editor", "POST", "/evidence/import", {
    filename,
    contentBase64: Buffer.from(bytes).toString("base64"),
  });
}

/** A paragraph of text followed by a citation of each source id. */
function citing(...ids: number[]): DocJSON {
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Respondents agree." },
          ...ids.map((sourceId) => ({ type: "citation", attrs: { sourceId } })),
        ],
      },
    ],
  };
}

const ALL_QUESTIONS = { answered: 150, cited: 5 };

describe("GET /api/evidence/coverage", () => {
  let submissions: number[];
  let literature: number[];

  beforeAll(async () => {
    const forms = await upload("forms.csv", formsCsv());
    expect(forms.status, JSON.stringify(forms.body)).toBe(200);
    submissions = forms.body.ids;
    const library = await upload("zotero.json", cslJsonLibrary());
    expect(library.status).toBe(200);
    literature = library.body.ids;
  });

  it("counts every submission as uncited before the report cites any", async () => {
    const answer = await suite.api("reviewer", "GET", "/evidence/coverage?limit=2");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.submissions).toMatchObject({ total: 150, cited: 0 });
    expect(answer.body.submissions.byQuestion.q8).toEqual({ answered: 100, cited: 0 });
    expect(answer.body.uncitedTotal).toBe(162);
    expect(answer.body.uncited).toHaveLength(2);
    expect(answer.body.sections.length).toBeGreaterThan(2);
    for (const section of answer.body.sections) expect(section.sources).toEqual([]);
  });

  it("reports what the sections cite, by group, region and question", async () => {
    const sectionIds: string[] = (
      await suite.api("reviewer", "GET", "/evidence/coverage")
    ).body.sections.map((s: { id: string }) => s.id);
    const [first, second] = sectionIds as [string, string];
    const row = (i: number) => submissions[i]!;
    // Rows 0, 1, 5, 6 and 12 are cited (row 5 twice), the first reference once; 9999 is no source.
    const docs: [string, DocJSON][] = [
      [first, citing(row(0), row(1), row(5), literature[0]!, row(0))],
      [second, citing(row(5), row(6), row(12), 9999)],
    ];
    for (const [id, doc] of docs) {
      const client = await suite.connectSynced(id, "editor");
      replaceYDocContent(client.doc, doc as never);
    }
    const answer = await pollUntil(
      () => suite.api("reviewer", "GET", "/evidence/coverage?limit=3"),
      (a) => a.body.submissions?.cited === 5,
      "the citations to reach the server",
    );
    expect(answer.body.submissions).toEqual({
      total: 150,
      cited: 5,
      byGroup: {
        government: { total: 25, cited: 3 },
        private_sector: { total: 25, cited: 1 },
        civil_society: { total: 25, cited: 0 },
        technical_community: { total: 25, cited: 0 },
        academia: { total: 25, cited: 0 },
        international_organisation: { total: 25, cited: 1 },
      },
      byRegion: {
        Africa: { total: 30, cited: 2 },
        "Asia-Pacific": { total: 30, cited: 2 },
        Europe: { total: 30, cited: 1 },
        "Latin America and the Caribbean": { total: 30, cited: 0 },
        "Western Asia": { total: 30, cited: 0 },
      },
      byQuestion: {
        q1: ALL_QUESTIONS,
        q2: ALL_QUESTIONS,
        q3: ALL_QUESTIONS,
        q4: ALL_QUESTIONS,
        q5: ALL_QUESTIONS,
        q6: ALL_QUESTIONS,
        q7: ALL_QUESTIONS,
        // Rows 0, 6 and 12 left q8 blank.
        q8: { answered: 100, cited: 2 },
      },
    });
    const bySection = Object.fromEntries(
      answer.body.sections.map((s: { id: string; sources: number[] }) => [s.id, s.sources]),
    );
    expect(bySection[first]).toEqual([row(0), row(1), row(5), literature[0]]);
    expect(bySection[second]).toEqual([row(5), row(6), row(12), 9999]);
    expect(sectionIds.slice(2).every((id) => bySection[id].length === 0)).toBe(true);
    // 162 sources, 6 of them cited: the first uncited are rows 2, 3 and 4.
    expect(answer.body.uncitedTotal).toBe(156);
    expect(answer.body.uncited).toEqual([
      { id: row(2), title: "Submission of Organisation 3 (Egypt)", kind: "submission" },
      { id: row(3), title: "Submission of Organisation 4 (China)", kind: "submission" },
      { id: row(4), title: "Submission of Organisation 5 (Chile)", kind: "submission" },
    ]);
  });

  it("refuses a bad limit with a clear 400", async () => {
    const answer = await suite.api("reviewer", "GET", "/evidence/coverage?limit=-1");
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/limit/);
  });
});
