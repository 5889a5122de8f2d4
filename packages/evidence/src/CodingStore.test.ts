import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { CodingStore } from "./CodingStore";
import { codedExcerptsCsv, codedExcerptsXlsx } from "./codedExcerptsTable";
import { EvidenceStore } from "./EvidenceStore";
import { emptySource } from "./emptySource";

describe("CodingStore", () => {
  let coding: CodingStore;
  let sourceId: number;

  beforeEach(() => {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    migrate(db);
    const submission = emptySource("submission", "Submission of Ruritania");
    submission.group = "government";
    submission.region = "Europe";
    submission.answers = { q2: "Rural broadband remains scarce; =HYPERLINK costs too much." };
    const report = emptySource("document", "Digital divide report");
    report.text = "Women in rural areas are offline. Prices fall slowly.";
    sourceId = new EvidenceStore(db).insert([submission, report], {
      filename: null,
      importedBy: "ed",
    })[0] as number;
    coding = new CodingStore(db);
  });

  it("nests codes, keeps names unique among siblings and never moves a code under itself", () => {
    const access = coding.createCode({
      name: "Access",
      colour: "#FF0000",
      description: "Who is online",
    });
    const rural = coding.createCode({ name: "Rural", parent: access.id });
    const cost = coding.createCode({ name: "Cost", parent: rural.id });
    expect(access).toMatchObject({ name: "Access", parent: null, colour: "#ff0000", excerpts: 0 });
    expect(coding.createCode({ name: "Rural" }).parent).toBeNull();
    expect(() => coding.createCode({ name: "rural", parent: access.id })).toThrow(/already exists/);
    expect(() => coding.createCode({ name: "Bad", colour: "red" })).toThrow(/#rrggbb/);
    expect(() => coding.createCode({ name: "  " })).toThrow(/1 to 120 characters/);
    expect(() => coding.updateCode(access.id, { parent: cost.id })).toThrow(/under itself/);
    expect(coding.descendants(access.id).sort()).toEqual([access.id, rural.id, cost.id].sort());
    expect(coding.updateCode(cost.id, { parent: null, name: "Prices" })).toMatchObject({
      parent: null,
      name: "Prices",
    });
  });

  it("checks offsets against the source and keeps the quote", () => {
    const code = coding.createCode({ name: "Access" });
    const excerpt = coding.addExcerpt(sourceId, "q2", 0, 15, [code.id], "drafter");
    expect(excerpt).toMatchObject({
      quote: "Rural broadband",
      field: "q2",
      codes: [code.id],
      by: "drafter",
    });
    expect(() => coding.addExcerpt(sourceId, "q2", 10, 999, [code.id], "d")).toThrow(
      /not within the 58 characters of the answer to q2/,
    );
    expect(() => coding.addExcerpt(sourceId, "q2", 5, 5, [code.id], "d")).toThrow(/start < end/);
    expect(() => coding.addExcerpt(sourceId, "q3", 0, 1, [code.id], "d")).toThrow(
      /no answer to q3/,
    );
    expect(() => coding.addExcerpt(sourceId, "title", 0, 1, [code.id], "d")).toThrow(/q1 to q8/);
    expect(() => coding.addExcerpt(sourceId, "q2", 0, 1, [], "d")).toThrow(/at least one code/);
    expect(() => coding.addExcerpt(sourceId, "q2", 0, 1, [999], "d")).toThrow(/No code 999/);
    expect(coding.excerptsOfSource(sourceId)).toHaveLength(1);
  });

  it("lists a code's excerpts with its descendants', and refuses to delete a code in use unless merged", () => {
    const access = coding.createCode({ name: "Access" });
    const rural = coding.createCode({ name: "Rural", parent: access.id });
    const gender = coding.createCode({ name: "Gender" });
    const text = sourceId + 1;
    coding.addExcerpt(sourceId, "q2", 0, 15, [rural.id], "drafter");
    coding.addExcerpt(text, "text", 0, 5, [access.id, gender.id], "editor");
    expect(coding.excerptsOfCode(access.id).map((e) => e.quote)).toEqual([
      "Rural broadband",
      "Women",
    ]);
    expect(coding.excerptsOfCode(rural.id).map((e) => e.quote)).toEqual(["Rural broadband"]);
    expect(() => coding.deleteCode(rural.id)).toThrow(/tags 1 excerpt\(s\): merge it/);
    expect(coding.code(rural.id)).not.toBeNull();
    expect(coding.deleteCode(rural.id, gender.id)).toEqual({ merged: 1 });
    expect(coding.excerptsOfCode(gender.id).map((e) => e.quote)).toEqual([
      "Rural broadband",
      "Women",
    ]);
    const unused = coding.createCode({ name: "Unused", parent: access.id });
    const child = coding.createCode({ name: "Child", parent: unused.id });
    coding.deleteCode(unused.id);
    expect(coding.code(child.id)?.parent).toBe(access.id);
    const excerpt = coding.excerptsOfSource(text)[0];
    coding.deleteExcerpt(excerpt?.id ?? 0);
    expect(coding.code(gender.id)?.excerpts).toBe(1);
  });

  it("merges a code into another: its excerpts and sub-codes move, nothing is tagged twice", () => {
    const access = coding.createCode({ name: "Access" });
    const rural = coding.createCode({ name: "Rural", parent: access.id });
    const cost = coding.createCode({ name: "Cost", parent: access.id });
    const divide = coding.createCode({ name: "Divide" });
    coding.addExcerpt(sourceId, "q2", 0, 15, [access.id, divide.id], "drafter");
    coding.addExcerpt(sourceId + 1, "text", 0, 5, [access.id], "editor");
    expect(coding.mergeCode(access.id, divide.id)).toMatchObject({
      merged: 1,
      moved: 2,
      code: { id: divide.id, excerpts: 2 },
    });
    expect(coding.code(access.id)).toBeNull();
    expect(coding.code(rural.id)?.parent).toBe(divide.id);
    expect(coding.code(cost.id)?.parent).toBe(divide.id);
    expect(coding.excerptsOfSource(sourceId)[0]?.codes).toEqual([divide.id]);

    // Into one of its own sub-codes: that one takes its place.
    const moved = coding.mergeCode(divide.id, rural.id);
    expect(moved).toMatchObject({ merged: 2, moved: 1, code: { parent: null } });
    expect(coding.code(cost.id)?.parent).toBe(rural.id);

    expect(() => coding.mergeCode(rural.id, rural.id)).toThrow(/into itself/);
    expect(() => coding.mergeCode(rural.id, 999)).toThrow(/No code to merge into 999/);
    const other = coding.createCode({ name: "Other" });
    coding.createCode({ name: "cost", parent: other.id });
    expect(() => coding.mergeCode(rural.id, other.id)).toThrow(
      /"Rural" and "Other" both have a code named "Cost"/,
    );
    expect(coding.code(rural.id)).not.toBeNull();
  });

  it("exports one row per excerpt and code, formula-safe, as CSV and XLSX", async () => {
    const access = coding.createCode({ name: "Access" });
    const rural = coding.createCode({ name: "Rural", parent: access.id });
    coding.addExcerpt(sourceId, "q2", 32, 51, [rural.id], "drafter");
    const rows = coding.exportRows();
    expect(rows).toMatchObject([
      {
        codePath: "Access / Rural",
        sourceTitle: "Submission of Ruritania",
        group: "government",
        region: "Europe",
        question: "q2",
        quote: "=HYPERLINK costs to",
      },
    ]);
    const csv = codedExcerptsCsv(rows).split("\r\n");
    expect(csv[0]).toBe(
      "\uFEFFCode,Source,Stakeholder group,Region,Country,Question,Quote,Coded by,Coded at",
    );
    expect(csv[1]).toMatch(
      /^Access \/ Rural,Submission of Ruritania,government,Europe,,q2,'=HYPERLINK costs to,drafter,/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await codedExcerptsXlsx(rows)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Coded excerpts");
    expect(sheet?.getRow(2).getCell(1).value).toBe("Access / Rural");
    expect(sheet?.getRow(2).getCell(7).value).toBe("'=HYPERLINK costs to");
  });
});
