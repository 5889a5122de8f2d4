import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { consultationQuestions } from "./consultationQuestions";
import { EvidenceImportError } from "./evidenceImportError";
import { DEFAULT_EVIDENCE_LIMITS } from "./evidenceLimits";
import { normaliseStakeholderGroup } from "./normaliseStakeholderGroup";
import { importKindOf, parseEvidenceFile } from "./parseEvidenceFile";
import { parseQuestionnaireCsv } from "./parseQuestionnaireCsv";
import {
  bibtexLibrary,
  contributionDocx,
  cslJsonLibrary,
  fixtureSubmissions,
  formsCsv,
  minimalPdf,
  risLibrary,
} from "./testing/evidenceFixtures";

const text = (value: string) => new TextEncoder().encode(value);

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<EvidenceImportError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(EvidenceImportError);
    return error as EvidenceImportError;
  }
  throw new Error("the file was accepted");
}

describe("normaliseStakeholderGroup", () => {
  it.each([
    ["Civil Society", "civil_society"],
    ["NGO", "civil_society"],
    ["private-sector", "private_sector"],
    ["Business", "private_sector"],
    ["GOVERNMENT", "government"],
    ["Technical community", "technical_community"],
    ["academic", "academia"],
    ["International Organization", "international_organisation"],
    ["UN entity", "international_organisation"],
    ["Individual", null],
    ["", null],
  ])("%s -> %s", (spelling, group) => {
    expect(normaliseStakeholderGroup(spelling)).toBe(group);
  });
});

describe("questionnaire CSV", () => {
  it("reads q1..q8 headers case-insensitively, keeps unknown columns as extra fields", () => {
    const csv =
      'ID,Respondent,Organisation,Stakeholder_Group,Country,Region,Q1,q2,Notes\n7,Ana,ACME,NGO,Kenya,Africa,Yes,"Line one\nline two",hello\n';
    const { sources, warnings } = parseQuestionnaireCsv(text(csv), consultationQuestions());
    expect(warnings).toEqual([]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      kind: "submission",
      ref: "7",
      author: "Ana",
      organisation: "ACME",
      group: "civil_society",
      country: "Kenya",
      region: "Africa",
      answers: { q1: "Yes", q2: "Line one\nline two" },
      extra: { Notes: "hello" },
      title: "Submission of ACME (Kenya)",
    });
    expect(sources[0]?.text).toContain("line two");
  });

  it("reads a Microsoft Forms export: question texts as headers, ID, Name, Completion time", () => {
    const rows = fixtureSubmissions(10);
    const { sources } = parseQuestionnaireCsv(formsCsv(rows), consultationQuestions());
    expect(sources).toHaveLength(10);
    expect(sources[1]).toMatchObject({
      ref: "2",
      author: "Respondent 2",
      organisation: "Organisation 2",
      group: "private_sector",
      region: "Asia-Pacific",
      language: "fr",
      date: "2/1/24 10:20:00",
    });
    expect(sources[1]?.answers.q4).toContain("Le développement numérique");
    expect(sources[1]?.extra).toMatchObject({
      Email: "r2@example.org",
      "Start time": "2/1/24 10:00:00",
      "Further observations": "Observation 2",
    });
    // Row 0 left q8 blank.
    expect(sources[0]?.answers.q8).toBeUndefined();
  });

  it("reads Action Lines, SDGs, tags, symbol and URL columns", () => {
    const csv =
      'id,q2,Action lines,SDGs,Keywords,Symbol,Link\n1,x,"C7, c3; C12",SDG 4 and 17 (not 18),"gender; rural",E/CN.16/2024/2,https://example.org\n';
    const { sources } = parseQuestionnaireCsv(text(csv), consultationQuestions());
    expect(sources[0]).toMatchObject({
      actionLines: ["C3", "C7"],
      sdgs: [4, 17],
      tags: ["gender", "rural"],
      symbol: "E/CN.16/2024/2",
      url: "https://example.org",
      extra: {},
    });
  });

  it("accepts semicolons as separators", () => {
    const { sources } = parseQuestionnaireCsv(text("id;q1\n1;oui\n"), consultationQuestions());
    expect(sources[0]?.answers.q1).toBe("oui");
  });

  it.each([
    ["an unclosed quote", 'id,q1\n1,"never closed\n', "malformed_file", /cannot be read/],
    ["binary data", "id,q1\n1,\u0000\u0001", "not_text", /not text/],
    ["no answer column", "name,email\nAna,a@b\n", "unrecognised_columns", /q1 to q8/],
    ["headers only", "id,q1\n", "empty_file", /no submission/],
  ])("refuses %s", async (_, csv, id, message) => {
    const error = await refusal(() => parseQuestionnaireCsv(text(csv), consultationQuestions()));
    expect(error.id).toBe(id);
    expect(error.message).toMatch(message);
  });

  it("refuses Latin-1 text and too many rows", async () => {
    const latin1 = new Uint8Array([0x69, 0x64, 0x2c, 0x71, 0x31, 0x0a, 0x31, 0x2c, 0xe9, 0x0a]);
    expect((await refusal(() => parseQuestionnaireCsv(latin1, consultationQuestions()))).id).toBe(
      "not_text",
    );
    const many = `id,q1\n${Array.from({ length: 30 }, (_, i) => `${i},a`).join("\n")}\n`;
    const error = await refusal(() =>
      parseQuestionnaireCsv(text(many), consultationQuestions(), {
        ...DEFAULT_EVIDENCE_LIMITS,
        maxRows: 20,
      }),
    );
    expect(error.id).toBe("too_large");
  });
});

describe("questionnaire XLSX", () => {
  async function workbook(rows: string[][]): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Form1").addRows(rows);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("reads the first sheet like a CSV", async () => {
    const bytes = await workbook([
      ["ID", "Name", "Stakeholder group", consultationQuestions()[3]!.text, "Other"],
      ["1", "Li Wei", "Academia", "数字发展与互联网治理", "x"],
    ]);
    const { sources } = await parseEvidenceFile(bytes, "forms.xlsx");
    expect(sources[0]).toMatchObject({
      ref: "1",
      author: "Li Wei",
      group: "academia",
      answers: { q4: "数字发展与互联网治理" },
      extra: { Other: "x" },
    });
  });

  it("refuses a zip bomb before reading it", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", "0".repeat(30 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const error = await refusal(parseEvidenceFile(bomb, "bomb.xlsx"));
    expect(error.id).toBe("zip_bomb");
    expect(error.message).toMatch(/Excel file was refused/);
  });

  it("refuses a file that is not a workbook", async () => {
    const error = await refusal(parseEvidenceFile(text("hello"), "x.xlsx"));
    expect(error.message).toMatch(/not an? Excel file|ZIP/);
  });
});

describe("literature", () => {
  it("reads CSL-JSON, BibTeX and RIS into sources", async () => {
    const csl = await parseEvidenceFile(cslJsonLibrary(), "zotero.json");
    expect(csl.sources).toHaveLength(12);
    expect(csl.sources[0]).toMatchObject({
      kind: "literature",
      symbol: "A/79/62",
      organisation: "United Nations",
      date: "2015",
      ref: "ref1",
    });
    const bib = await parseEvidenceFile(bibtexLibrary(), "library.bib");
    expect(bib.sources).toHaveLength(8);
    expect(bib.sources[0]).toMatchObject({
      title: "Le développement des télécommunications",
      ref: "itu2023",
      date: "2023",
    });
    expect(bib.sources[1]).toMatchObject({
      author: "Jane Smith; John Doe",
      tags: ["governance", "multistakeholder"],
    });
    const ris = await parseEvidenceFile(risLibrary(), "refs.ris");
    expect(ris.sources).toHaveLength(5);
    expect(ris.sources[4]).toMatchObject({
      title: "Measuring digital development 5",
      author: "Ngozi Okafor",
      date: "2023",
    });
  });

  it.each([
    ["broken.bib", "@article{bad, title = {never closed", "malformed_file"],
    ["none.bib", "just some words", "malformed_file"],
    ["x.json", "{not json", "malformed_file"],
    ["y.json", '[{"title": "no type"}]', "malformed_file"],
    ["z.ris", "\u0000\u0001binary", "not_text"],
  ])("refuses %s", async (name, content, id) => {
    const error = await refusal(parseEvidenceFile(text(content), name));
    expect(error.id).toBe(id);
    expect(error.message.length).toBeGreaterThan(20);
  });
});

describe("documents", () => {
  it("reads a Word contribution's text through the section importer", async () => {
    const bytes = await contributionDocx("Contribution of Ruritania", "rural broadband");
    const { sources } = await parseEvidenceFile(bytes, "ruritania.docx", "contribution");
    expect(sources[0]).toMatchObject({ kind: "contribution", title: "Contribution of Ruritania" });
    expect(sources[0]?.text).toContain("national strategy for rural broadband");
  });

  it.each([
    ["not a PDF", text("hello world, no pdf here"), "not_a_pdf", /not a PDF/],
    [
      "a damaged PDF",
      text("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage"),
      "malformed_file",
      /damaged/,
    ],
  ])("refuses %s", async (_, bytes, id, message) => {
    const error = await refusal(parseEvidenceFile(bytes, "c.pdf"));
    expect(error.id).toBe(id);
    expect(error.message).toMatch(message);
  });
});

describe("PDF documents", () => {
  it("reads a PDF's text with pdf.js", async () => {
    const { sources } = await parseEvidenceFile(
      minimalPdf({ text: "Spectrum policy in small island States" }),
      "sids.pdf",
    );
    expect(sources[0]).toMatchObject({
      kind: "document",
      title: "Spectrum policy in small island States",
    });
    expect(sources[0]?.text).toBe("Spectrum policy in small island States");
  });

  it("refuses an encrypted PDF, thousands of pages and too much text", async () => {
    const encrypted = await refusal(
      parseEvidenceFile(minimalPdf({ text: "secret", encrypted: true }), "locked.pdf"),
    );
    expect(encrypted).toMatchObject({
      id: "encrypted_pdf",
      message: expect.stringMatching(/password/),
    });
    const pages = await refusal(parseEvidenceFile(minimalPdf({ pages: 2_500 }), "long.pdf"));
    expect(pages).toMatchObject({
      id: "too_large",
      message: expect.stringMatching(/2500 pages, more than the 2000/),
    });
    const text = await refusal(
      parseEvidenceFile(minimalPdf({ text: "far too much text here" }), "huge.pdf", undefined, {
        ...DEFAULT_EVIDENCE_LIMITS,
        maxTextChars: 10,
      }),
    );
    expect(text).toMatchObject({
      id: "too_large",
      message: expect.stringMatching(/characters of text/),
    });
  });
});

describe("importKindOf", () => {
  it("guesses the kind from the extension and checks a given kind", async () => {
    expect(importKindOf("a.CSV")).toBe("submission");
    expect(importKindOf("a.ris")).toBe("literature");
    expect(importKindOf("a.pdf")).toBe("document");
    expect(importKindOf("a.pdf", "contribution")).toBe("contribution");
    expect((await refusal(() => importKindOf("a.csv", "literature"))).id).toBe(
      "unsupported_file_type",
    );
    expect((await refusal(() => importKindOf("a.exe"))).id).toBe("unsupported_file_type");
  });
});
