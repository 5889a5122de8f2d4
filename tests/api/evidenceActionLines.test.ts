// WSIS Action Lines over HTTP: submissions per Action Line from the codebook (a code named after
// the Action Line, or nested under one) and from the keyword rules editors keep (audited; 403 for
// drafters and reviewers). Counts come from the generated questionnaire: row i has language
// i % 5 (en, fr, ar, zh, es), so 30 of the 150 rows answer in each language.
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { serverSuite } from "../support/serverSuite";

const suite = serverSuite();

interface Line {
  id: string;
  title: string;
  submissions: number;
  fromCodes: number;
  fromRules: number;
}

const lineOf = (body: { lines: Line[] }, id: string) => body.lines.find((line) => line.id === id);
const rowsIn = (language: string) =>
  fixtureSubmissions().filter((row) => row.language === language).length;

describe("GET /api/evidence/action-lines", () => {
  let ids: number[];

  beforeAll(async () => {
    const forms = await suite.api("editor", "POST", "/evidence/import", {
      filename: "forms.csv",
      contentBase64: Buffer.from(formsCsv()).toString("base64"),
    });
    expect(forms.status, JSON.stringify(forms.body)).toBe(200);
    ids = forms.body.ids;
  });

  it("lists C1..C11 with titles and nothing addressed before rules or codes", async () => {
    const answer = await suite.api("reviewer", "GET", "/evidence/action-lines");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.lines.map((line: Line) => line.id)).toEqual(
      Array.from({ length: 11 }, (_, i) => `C${i + 1}`),
    );
    expect(lineOf(answer.body, "C4")).toEqual({
      id: "C4",
      title: "Capacity building",
      submissions: 0,
      fromCodes: 0,
      fromMetadata: 0,
      fromRules: 0,
    });
  });

  it("refuses rule changes to drafters and reviewers with 403, changing nothing", async () => {
    for (const role of ["drafter", "reviewer"] as const) {
      const refused = await suite.api(role, "PUT", "/evidence/action-line-rules", {
        rules: { C2: ["broadband"] },
      });
      expect(refused.status).toBe(403);
    }
    const rules = await suite.api("drafter", "GET", "/evidence/action-line-rules");
    expect(rules.body).toMatchObject({ mayEdit: false, rules: { C2: [] } });
    const bad = await suite.api("editor", "PUT", "/evidence/action-line-rules", {
      rules: { C12: ["x"] },
    });
    expect(bad.status).toBe(400);
  });

  it("counts submissions matching an editor's rules (folded) and audits the change", async () => {
    const saved = await suite.api("editor", "PUT", "/evidence/action-line-rules", {
      rules: { C2: ["Broadband access"], C3: ["fracture numerique"] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      mayEdit: true,
      rules: { C2: ["Broadband access"], C3: ["fracture numerique"], C4: [] },
    });
    const answer = await suite.api("reviewer", "GET", "/evidence/action-lines");
    expect(rowsIn("en")).toBe(30);
    expect(lineOf(answer.body, "C2")).toMatchObject({ submissions: 30, fromRules: 30 });
    // "fracture numérique" in the French answers, matched without its accent.
    expect(lineOf(answer.body, "C3")).toMatchObject({ submissions: rowsIn("fr"), fromRules: 30 });
    const audit = await suite.api("editor", "GET", "/audit?limit=20");
    const entry = audit.body.entries.find(
      (e: { action: string }) => e.action === "action_line_rules_changed",
    );
    expect(entry).toMatchObject({ actor: expect.any(String), target: "C2,C3" });
  });

  it("counts submissions coded with a code nested under one named after an Action Line", async () => {
    const parent = await suite.api("editor", "POST", "/evidence/codes", {
      name: "C4 Capacity building",
    });
    expect(parent.status, JSON.stringify(parent.body)).toBe(201);
    const child = await suite.api("editor", "POST", "/evidence/codes", {
      name: "Digital skills",
      parent: parent.body.id,
    });
    expect(child.status).toBe(201);
    for (const sourceId of [ids[0], ids[1]]) {
      const coded = await suite.api("drafter", "POST", `/evidence/${sourceId}/excerpts`, {
        field: "q1",
        start: 0,
        end: 5,
        codes: [child.body.id],
      });
      expect(coded.status, JSON.stringify(coded.body)).toBe(201);
    }
    const answer = await suite.api("reviewer", "GET", "/evidence/action-lines");
    expect(lineOf(answer.body, "C4")).toMatchObject({ submissions: 2, fromCodes: 2, fromRules: 0 });
  });
});
