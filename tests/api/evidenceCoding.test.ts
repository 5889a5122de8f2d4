// Coding the evidence library over HTTP: a codebook of nested codes, passages of a submission's
// answer coded by editors and drafters (not reviewers), offsets checked against the source, the
// excerpts of a code with its descendants', a code in use deleted only by merging, every change
// audited, and the coded excerpts exported as formula-safe CSV and XLSX.
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type SuiteRole, serverSuite } from "../support/serverSuite";

const suite = serverSuite();

async function download(role: SuiteRole, path: string) {
  const response = await fetch(`${new URL(suite.server.url).origin}/api${path}`, {
    headers: { cookie: suite.cookies[role] },
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("evidence coding over HTTP", () => {
  let sourceId: number;
  let answer: string;
  let text: string;

  beforeAll(async () => {
    const imported = await suite.api("editor", "POST", "/evidence/import", {
      filename: "forms.csv",
      contentBase64: Buffer.from(formsCsv(fixtureSubmissions(3))).toString("base64"),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    sourceId = imported.body.ids[0];
    const source = await suite.api("reviewer", "GET", `/evidence/${sourceId}`);
    answer = source.body.answers.q2;
    text = source.body.text;
    expect(answer.length).toBeGreaterThan(12);
  });

  it("lets reviewers read but not code, and drafters build a nested codebook", async () => {
    const refused = await suite.api("reviewer", "POST", "/evidence/codes", { name: "Access" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/editors and drafters code/);
    const access = await suite.api("drafter", "POST", "/evidence/codes", {
      name: "Access",
      colour: "#1E88E5",
      description: "Who can get online",
    });
    expect(access.status, JSON.stringify(access.body)).toBe(201);
    expect(access.body).toMatchObject({ name: "Access", parent: null, colour: "#1e88e5" });
    const rural = await suite.api("editor", "POST", "/evidence/codes", {
      name: "Rural",
      parent: access.body.id,
    });
    expect(rural.status).toBe(201);
    const twin = await suite.api("drafter", "POST", "/evidence/codes", {
      name: "rural",
      parent: access.body.id,
    });
    expect(twin.status).toBe(409);
    expect(twin.body.error.message).toMatch(/already exists/);
    const badColour = await suite.api("drafter", "POST", "/evidence/codes", {
      name: "Gender",
      colour: "pink",
    });
    expect(badColour.status).toBe(400);
    const codes = await suite.api("reviewer", "GET", "/evidence/codes");
    expect(codes.body.codes.map((c: { name: string }) => c.name)).toEqual(["Access", "Rural"]);
  });

  it("codes passages checked against the source, lists them per code with descendants, and exports them", async () => {
    const { codes } = (await suite.api("editor", "GET", "/evidence/codes")).body;
    const access = codes.find((c: { name: string }) => c.name === "Access");
    const rural = codes.find((c: { name: string }) => c.name === "Rural");
    const outside = await suite.api("drafter", "POST", `/evidence/${sourceId}/excerpts`, {
      field: "q2",
      start: 0,
      end: answer.length + 1,
      codes: [rural.id],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(
      new RegExp(`not within the ${answer.length} characters of the answer to q2`),
    );
    const byReviewer = await suite.api("reviewer", "POST", `/evidence/${sourceId}/excerpts`, {
      field: "q2",
      start: 0,
      end: 5,
      codes: [rural.id],
    });
    expect(byReviewer.status).toBe(403);
    const coded = await suite.api("drafter", "POST", `/evidence/${sourceId}/excerpts`, {
      field: "q2",
      start: 0,
      end: 12,
      codes: [rural.id],
    });
    expect(coded.status, JSON.stringify(coded.body)).toBe(201);
    expect(coded.body).toMatchObject({ quote: answer.slice(0, 12), by: "drafter", field: "q2" });
    const formula = await suite.api("editor", "POST", "/evidence/codes", { name: "=cmd|calc" });
    await suite.api("editor", "POST", `/evidence/${sourceId}/excerpts`, {
      field: "text",
      start: 0,
      end: 4,
      codes: [access.id, formula.body.id],
    });
    const underAccess = await suite.api("reviewer", "GET", `/evidence/codes/${access.id}/excerpts`);
    expect(underAccess.body.excerpts.map((e: { quote: string }) => e.quote).sort()).toEqual(
      [answer.slice(0, 12), text.slice(0, 4)].sort(),
    );
    const underRural = await suite.api("reviewer", "GET", `/evidence/codes/${rural.id}/excerpts`);
    expect(underRural.body.excerpts.map((e: { quote: string }) => e.quote)).toEqual([
      answer.slice(0, 12),
    ]);
    const ofSource = await suite.api("reviewer", "GET", `/evidence/${sourceId}/excerpts`);
    expect(ofSource.body.excerpts).toHaveLength(2);

    const csv = await download("reviewer", "/evidence/excerpts.csv");
    expect(csv.response.status).toBe(200);
    expect(csv.response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.bytes).split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFCode,Source,Stakeholder group,Region,Country,Question,Quote,Coded by,Coded at",
    );
    expect(lines.filter((line) => line.startsWith("Access / Rural,"))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith("'=cmd|calc,"))).toBe(true);
    const xlsx = await download("reviewer", "/evidence/excerpts.xlsx");
    expect(xlsx.response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Coded excerpts");
    const cells = (row: number): string[] =>
      ((sheet?.getRow(row).values ?? []) as unknown[]).slice(1).map((value) => String(value ?? ""));
    expect(cells(1)[0]).toBe("Code");
    const rows = [2, 3, 4].map(cells);
    expect(rows.map((row) => row[0])).toEqual(["'=cmd|calc", "Access", "Access / Rural"]);
    expect(rows[2]?.[5]).toBe("q2");
    expect(rows[2]?.[6]).toBe(answer.slice(0, 12));
    expect(rows[2]?.[7]).toBe("drafter");
  });

  it("refuses to delete a code in use unless merged, and audits every change", async () => {
    const { codes } = (await suite.api("editor", "GET", "/evidence/codes")).body;
    const access = codes.find((c: { name: string }) => c.name === "Access");
    const rural = codes.find((c: { name: string }) => c.name === "Rural");
    const refused = await suite.api("editor", "DELETE", `/evidence/codes/${rural.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/merge it into another code/);
    const merged = await suite.api(
      "drafter",
      "DELETE",
      `/evidence/codes/${rural.id}?mergeInto=${access.id}`,
    );
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toEqual({ merged: 1 });
    const after = (await suite.api("reviewer", "GET", "/evidence/codes")).body.codes;
    expect(after.find((c: { id: number }) => c.id === access.id).excerpts).toBe(2);
    const audit = await suite.api("editor", "GET", "/audit?limit=50");
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    for (const action of [
      "evidence_code_created",
      "evidence_excerpt_added",
      "evidence_code_deleted",
    ])
      expect(actions).toContain(action);
  });

  it("refuses to move a code under its own sub-code, with a clear 400", async () => {
    const top = await suite.api("editor", "POST", "/evidence/codes", { name: "Policy" });
    const sub = await suite.api("editor", "POST", "/evidence/codes", {
      name: "Regulation",
      parent: top.body.id,
    });
    const leaf = await suite.api("editor", "POST", "/evidence/codes", {
      name: "Spectrum",
      parent: sub.body.id,
    });
    const cycle = await suite.api("drafter", "PATCH", `/evidence/codes/${top.body.id}`, {
      parent: leaf.body.id,
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.id).toBe("code_cycle");
    expect(cycle.body.error.message).toMatch(
      /cannot be moved under itself or one of its own codes/,
    );
    const self = await suite.api("drafter", "PATCH", `/evidence/codes/${top.body.id}`, {
      parent: top.body.id,
    });
    expect(self.status).toBe(400);
    const unchanged = (await suite.api("reviewer", "GET", "/evidence/codes")).body.codes;
    expect(unchanged.find((c: { id: number }) => c.id === top.body.id).parent).toBeNull();
  });

  it("merges a code into another: excerpts and sub-codes move, reviewers refused, audited", async () => {
    const from = await suite.api("editor", "POST", "/evidence/codes", { name: "Affordability" });
    const child = await suite.api("editor", "POST", "/evidence/codes", {
      name: "Handsets",
      parent: from.body.id,
    });
    const into = await suite.api("editor", "POST", "/evidence/codes", { name: "Cost" });
    const coded = await suite.api("drafter", "POST", `/evidence/${sourceId}/excerpts`, {
      field: "q2",
      start: 1,
      end: 9,
      codes: [from.body.id],
    });
    expect(coded.status).toBe(201);

    const byReviewer = await suite.api(
      "reviewer",
      "POST",
      `/evidence/codes/${from.body.id}/merge`,
      {
        into: into.body.id,
      },
    );
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.body.error.id).toBe("read_only");
    const unknownInto = await suite.api(
      "drafter",
      "POST",
      `/evidence/codes/${from.body.id}/merge`,
      {
        into: 987654,
      },
    );
    expect(unknownInto.status).toBe(404);
    expect(unknownInto.body.error.message).toBe("No code to merge into 987654 in the codebook");
    const unknownCode = await suite.api("drafter", "POST", "/evidence/codes/987654/merge", {
      into: into.body.id,
    });
    expect(unknownCode.status).toBe(404);
    const intoItself = await suite.api("drafter", "POST", `/evidence/codes/${from.body.id}/merge`, {
      into: from.body.id,
    });
    expect(intoItself.status).toBe(400);
    const clash = await suite.api("editor", "POST", "/evidence/codes", {
      name: "handsets",
      parent: into.body.id,
    });
    const clashing = await suite.api("drafter", "POST", `/evidence/codes/${from.body.id}/merge`, {
      into: into.body.id,
    });
    expect(clashing.status).toBe(409);
    expect(clashing.body.error.message).toMatch(/both have a code named "Handsets"/);
    expect((await suite.api("editor", "DELETE", `/evidence/codes/${clash.body.id}`)).status).toBe(
      200,
    );

    const merged = await suite.api("drafter", "POST", `/evidence/codes/${from.body.id}/merge`, {
      into: into.body.id,
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({
      merged: 1,
      moved: 1,
      code: { id: into.body.id, name: "Cost", excerpts: 1 },
    });
    const codes = (await suite.api("reviewer", "GET", "/evidence/codes")).body.codes;
    expect(codes.some((c: { id: number }) => c.id === from.body.id)).toBe(false);
    expect(codes.find((c: { id: number }) => c.id === child.body.id).parent).toBe(into.body.id);
    const excerpts = await suite.api("reviewer", "GET", `/evidence/codes/${into.body.id}/excerpts`);
    expect(excerpts.body.excerpts.map((e: { id: number }) => e.id)).toEqual([coded.body.id]);

    const audit = await suite.api("editor", "GET", "/audit?action=evidence_code_merged");
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({
      actor: "drafter",
      target: String(from.body.id),
      detail: { name: "Affordability", into: into.body.id, merged: 1, moved: 1 },
    });
  });
});
