// Themes of the submissions over HTTP: key phrases of the generated questionnaire's answers by
// question and stakeholder group, and the passages that use one. The generator plants
// "meaningful connectivity" in q7 of every tenth row (i % 10 === 0; group i % 6).
import { normaliseStakeholderGroup } from "@rapporteur/evidence";
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { serverSuite } from "../support/serverSuite";

const suite = serverSuite();

interface Phrase {
  phrase: string;
  submissions: number;
  byGroup: Record<string, number>;
}

const planted = fixtureSubmissions().filter((_, i) => i % 10 === 0);

function plantedByGroup(): Record<string, number> {
  const byGroup: Record<string, number> = {};
  for (const row of planted) {
    const group = normaliseStakeholderGroup(row.group) ?? "unspecified";
    byGroup[group] = (byGroup[group] ?? 0) + 1;
  }
  return byGroup;
}

describe("GET /api/evidence/themes", () => {
  beforeAll(async () => {
    const forms = await suite.api("editor", "POST", "/evidence/import", {
      filename: "forms.csv",
      contentBase64: Buffer.from(formsCsv()).toString("base64"),
    });
    expect(forms.status, JSON.stringify(forms.body)).toBe(200);
  });

  it("counts the planted phrase once per submission, by group, in q7 only", async () => {
    const q7 = await suite.api("reviewer", "GET", "/evidence/themes?question=q7&limit=100");
    expect(q7.status, JSON.stringify(q7.body)).toBe(200);
    const found = (q7.body.phrases as Phrase[]).find((p) => p.phrase === "meaningful connectivity");
    expect(planted).toHaveLength(15);
    expect(found).toEqual({
      phrase: "meaningful connectivity",
      submissions: 15,
      byGroup: plantedByGroup(),
    });
    const q1 = await suite.api("reviewer", "GET", "/evidence/themes?question=q1&limit=500");
    expect((q1.body.phrases as Phrase[]).map((p) => p.phrase)).not.toContain(
      "meaningful connectivity",
    );
    // Every English row (i % 5 === 0) says "The digital divide…" in each answer: 30 submissions.
    const all = await suite.api("reviewer", "GET", "/evidence/themes?limit=500");
    const divide = (all.body.phrases as Phrase[]).find((p) => p.phrase === "digital divide");
    expect(divide?.submissions).toBe(30);
  });

  it("narrows to one stakeholder group", async () => {
    const group = normaliseStakeholderGroup(planted[1]!.group)!;
    const answer = await suite.api(
      "reviewer",
      "GET",
      `/evidence/themes?question=q7&group=${group}&limit=100`,
    );
    const found = (answer.body.phrases as Phrase[]).find(
      (p) => p.phrase === "meaningful connectivity",
    );
    expect(found).toEqual({
      phrase: "meaningful connectivity",
      submissions: plantedByGroup()[group],
      byGroup: { [group]: plantedByGroup()[group] },
    });
  });

  it("drills down to the passages with offsets in the answer", async () => {
    const answer = await suite.api(
      "reviewer",
      "GET",
      "/evidence/themes/passages?phrase=Meaningful%20Connectivity&question=q7",
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.passages).toHaveLength(15);
    const first = answer.body.passages[0];
    expect(first).toMatchObject({ field: "q7", quote: "meaningful connectivity" });
    const source = await suite.api("reviewer", "GET", `/evidence/${first.sourceId}`);
    expect(source.body.answers.q7.slice(first.start, first.end)).toBe("meaningful connectivity");
  });

  it("refuses a bad question with 400 and no phrase with 400", async () => {
    expect((await suite.api("reviewer", "GET", "/evidence/themes?question=q9")).status).toBe(400);
    expect((await suite.api("reviewer", "GET", "/evidence/themes/passages")).status).toBe(400);
  });
});
