// The evidence library over HTTP: questionnaires, literature and documents imported by editors
// and drafters (not reviewers), searched by words, phrases and filters with exact totals, and
// hostile files refused with a clear message, storing nothing.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  bibtexLibrary,
  contributionDocx,
  cslJsonLibrary,
  formsCsv,
  minimalPdf,
  risLibrary,
} from "@rapporteur/evidence/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficePdf } from "../export/libreOfficePdf";
import { TEST_ACCOUNTS } from "../support/serverProcess";
import { type SuiteRole, serverSuite } from "../support/serverSuite";

const suite = serverSuite();

function upload(role: SuiteRole, filename: string, bytes: Uint8Array | string, kind?: string) {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return suite.api(role, "POST", "/evidence/import", {
    filename,
    contentBase64: Buffer.from(data).toString("base64"),
    ...(kind ? { kind } : {}),
  });
}

async function total(query: string): Promise<number> {
  const answer = await suite.api("reviewer", "GET", `/evidence?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.total;
}

describe("evidence library over HTTP", () => {
  let pdf: Uint8Array;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "rapporteur-evidence-pdf-"));
    const docx = join(dir, "un-entity.docx");
    writeFileSync(docx, await contributionDocx("Overview of the UN entity", "e-health records"));
    pdf = new Uint8Array(readFileSync(await libreOfficePdf(docx, dir)));
  }, 120_000);

  it("refuses an import by a reviewer, and stores nothing", async () => {
    const refused = await upload("reviewer", "forms.csv", formsCsv());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/editors and drafters import/);
    expect(await total("")).toBe(0);
  });

  it("imports a questionnaire, literature libraries and documents, each audited", async () => {
    const forms = await upload("editor", "forms.csv", formsCsv());
    expect(forms.status, JSON.stringify(forms.body)).toBe(200);
    expect(forms.body).toMatchObject({ imported: 150, kind: "submission", warnings: [] });
    expect(forms.body.ids).toHaveLength(150);
    const csl = await upload("drafter", "zotero.json", cslJsonLibrary());
    expect(csl.body).toMatchObject({ imported: 12, kind: "literature" });
    expect((await upload("drafter", "library.bib", bibtexLibrary())).body.imported).toBe(8);
    expect((await upload("editor", "refs.ris", risLibrary())).body.imported).toBe(5);
    const docx = await upload(
      "editor",
      "ruritania.docx",
      await contributionDocx("Contribution of Ruritania", "rural broadband"),
      "contribution",
    );
    expect(docx.body).toMatchObject({ imported: 1, kind: "contribution" });
    const fromPdf = await upload("drafter", "un-entity.pdf", pdf);
    expect(fromPdf.status, JSON.stringify(fromPdf.body)).toBe(200);
    expect(fromPdf.body).toMatchObject({ imported: 1, kind: "document" });

    expect(await total("")).toBe(150 + 12 + 8 + 5 + 1 + 1);
    const audit = await suite.api("editor", "GET", "/audit?action=evidence_import");
    expect(audit.body.entries).toHaveLength(6);
    expect(audit.body.entries.at(-1)).toMatchObject({
      actor: TEST_ACCOUNTS.editor.username,
      target: "forms.csv",
      detail: { kind: "submission", sources: 150 },
    });
  }, 120_000);

  it("finds words and phrases, diacritics folded, total counting past the limit", async () => {
    const answer = await suite.api("reviewer", "GET", "/evidence?q=developpement&limit=3");
    // 30 French submissions, and the BibTeX book "Le développement des télécommunications".
    expect(answer.body.total).toBe(31);
    expect(answer.body.items).toHaveLength(3);
    expect(Object.keys(answer.body.items[0]).sort()).toEqual([
      "country",
      "excerpt",
      "group",
      "id",
      "kind",
      "region",
      "title",
    ]);
    expect(answer.body.items[0].excerpt).toMatch(/<mark>développement<\/mark>/);
    expect(await total(`q=${encodeURIComponent('"meaningful connectivity"')}`)).toBe(15);
    expect(await total(`q=${encodeURIComponent('"connectivity meaningful"')}`)).toBe(0);
    expect(await total(`q=${encodeURIComponent('"rural broadband" strategy')}`)).toBe(1);
    // Text that pdf.js read from the PDF contribution.
    expect(await total(`q=${encodeURIComponent('"e-health records"')}`)).toBe(1);
  });

  it("finds Chinese by substring", async () => {
    expect(await total(`q=${encodeURIComponent("互联网治理")}`)).toBe(30);
    expect(await total(`q=${encodeURIComponent("发展")}`)).toBe(30);
  });

  it("filters by kind, question, group, region and country, case-insensitively", async () => {
    expect(await total("kind=LITERATURE")).toBe(25);
    expect(await total("kind=contribution")).toBe(1);
    expect(await total("group=civil%20society")).toBe(25);
    expect(await total("group=International%20Organisation&region=africa")).toBe(5);
    expect(await total("question=q8")).toBe(100);
    expect(await total("q=meaningful&question=q7")).toBe(15);
    expect(await total("q=meaningful&question=q6")).toBe(0);
    expect(await total("q=developpement&kind=submission&region=Asia-Pacific")).toBe(30);
    expect(await total("country=C%C3%B4te%20d'ivoire")).toBe(22);
    expect(await total("tag=multistakeholder")).toBe(7);
  });

  it("gives a source whole, 404 for an unknown one, 400 for bad parameters", async () => {
    const hit = (await suite.api("reviewer", "GET", "/evidence?q=Respondent%2042")).body.items[0];
    const source = await suite.api("reviewer", "GET", `/evidence/${hit.id}`);
    expect(source.status).toBe(200);
    expect(source.body).toMatchObject({
      kind: "submission",
      author: "Respondent 42",
      filename: "forms.csv",
      importedBy: TEST_ACCOUNTS.editor.username,
    });
    expect(Object.keys(source.body.answers)).toEqual([
      "q1",
      "q2",
      "q3",
      "q4",
      "q5",
      "q6",
      "q7",
      "q8",
    ]);
    expect((await suite.api("reviewer", "GET", "/evidence/999999")).status).toBe(404);
    expect((await suite.api("reviewer", "GET", "/evidence/abc")).status).toBe(404);
    expect((await suite.api("reviewer", "GET", "/evidence?limit=100000")).status).toBe(400);
    expect((await suite.api("reviewer", "GET", "/evidence?unknown=1")).status).toBe(400);
  });

  it.each([
    [
      "a CSV with an unclosed quote",
      "broken.csv",
      'id,q1\n1,"never closed\n',
      422,
      "malformed_file",
      /CSV file cannot be read/,
    ],
    [
      "a CSV without answer columns",
      "people.csv",
      "name,email\nAna,a@b\n",
      422,
      "unrecognised_columns",
      /q1 to q8/,
    ],
    [
      "a BibTeX file with a broken entry",
      "broken.bib",
      "@article{x, title = {never closed",
      422,
      "malformed_file",
      /BibTeX file cannot be read/,
    ],
    ["a PDF that is not one", "fake.pdf", "just text pretending", 422, "not_a_pdf", /not a PDF/],
    [
      "a damaged PDF",
      "damaged.pdf",
      "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage",
      422,
      "malformed_file",
      /PDF file is damaged/,
    ],
    [
      "an encrypted PDF",
      "locked.pdf",
      minimalPdf({ text: "secret", encrypted: true }),
      422,
      "encrypted_pdf",
      /protected by a password/,
    ],
    [
      "a PDF of thousands of pages",
      "long.pdf",
      minimalPdf({ pages: 3_000 }),
      422,
      "too_large",
      /3000 pages/,
    ],
    ["an unknown file type", "tool.exe", "MZ", 400, "unsupported_file_type", /only questionnaires/],
    [
      "a kind that does not fit the file",
      "forms.csv",
      "id,q1\n1,a\n",
      400,
      "unsupported_file_type",
      /as literature/,
    ],
  ])(
    "refuses %s with a clear message and stores nothing",
    async (_, filename, content, status, id, message) => {
      const before = await total("");
      const answer = await upload(
        "editor",
        filename,
        content,
        filename === "forms.csv" ? "literature" : undefined,
      );
      expect(answer.status).toBe(status);
      expect(answer.body.error.id).toBe(id);
      expect(answer.body.error.message).toMatch(message);
      expect(await total("")).toBe(before);
    },
  );
});
