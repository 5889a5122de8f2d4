// `rapporteur evidence import FILE [--kind KIND]` as a child process: questionnaires, literature
// and documents stored while the server is stopped, then searched through the server's API;
// hostile files refused with a message and nothing stored; refused beside a running server.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  bibtexLibrary,
  contributionDocx,
  cslJsonLibrary,
  fixtureSubmissions,
  formsCsv,
  formsXlsx,
  minimalPdf,
  risLibrary,
} from "@rapporteur/evidence/testing";
import { afterAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { runRapporteur } from "./runRapporteur";

describe("rapporteur evidence import", () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("fills the evidence library from files, which the server then searches", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-cli-evidence-"));
    const cli = (args: string[]) => runRapporteur(dataDir, args, { cwd: dataDir });
    const files: Record<string, Uint8Array | string> = {
      "forms.csv": formsCsv(),
      "forms.xlsx": await formsXlsx(fixtureSubmissions(12)),
      "zotero.json": cslJsonLibrary(),
      "library.bib": bibtexLibrary(),
      "refs.ris": risLibrary(),
      "ruritania.docx": await contributionDocx("Contribution of Ruritania", "rural broadband"),
      "sids.pdf": minimalPdf({ text: "Spectrum policy in small island States" }),
      "broken.csv": 'id,q1\n1,"never closed\n',
      "broken.bib": "@article{x, title = {never closed",
      "fake.pdf": "no PDF here",
      "locked.pdf": minimalPdf({ text: "secret", encrypted: true }),
    };
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(dataDir, name), content);

    const forms = await cli(["evidence", "import", "forms.csv"]);
    expect(forms.code, forms.stderr).toBe(0);
    expect(forms.stdout).toContain(
      "Imported forms.csv: 150 source(s) of kind submission, ids 1-150.",
    );
    const xlsx = await cli(["evidence", "import", "forms.xlsx"]);
    expect(xlsx.stdout, xlsx.stderr).toContain(
      "Imported forms.xlsx: 12 source(s) of kind submission, ids 151-162.",
    );
    expect((await cli(["evidence", "import", "zotero.json"])).stdout).toContain(
      "12 source(s) of kind literature",
    );
    expect(
      (await cli(["evidence", "import", "library.bib", "--kind", "literature"])).stdout,
    ).toContain("8 source(s)");
    expect((await cli(["evidence", "import", "refs.ris"])).stdout).toContain("5 source(s)");
    const docx = await cli(["evidence", "import", "ruritania.docx", "--kind", "contribution"]);
    expect(docx.stdout, docx.stderr).toContain("1 source(s) of kind contribution");
    expect((await cli(["evidence", "import", "sids.pdf"])).stdout).toContain(
      "1 source(s) of kind document",
    );

    const refusals: [string[], RegExp][] = [
      [["broken.csv"], /broken\.csv cannot be imported: The CSV file cannot be read/],
      [["broken.bib"], /The BibTeX file cannot be read/],
      [["fake.pdf"], /This is not a PDF file/],
      [["locked.pdf"], /protected by a password/],
      [
        ["forms.csv", "--kind", "literature"],
        /as literature: that kind is read from \.json, \.bib, \.ris files/,
      ],
      [
        ["forms.csv", "--kind", "poetry"],
        /--kind must be one of submission, contribution, document, literature/,
      ],
      [["missing.csv"], /missing\.csv: no such file/],
    ];
    for (const [args, message] of refusals) {
      const refused = await cli(["evidence", "import", ...args]);
      expect(refused.code, args.join(" ")).not.toBe(0);
      expect(refused.stderr).toMatch(message);
    }

    server = await startServerProcess({ dataDir });
    const reviewer = await loginAs(server.url, "reviewer");
    const total = async (query: string) => {
      const answer = await callApi(server!.url, reviewer, "GET", `/evidence?${query}`);
      expect(answer.status).toBe(200);
      return answer.body.total as number;
    };
    // Nothing of the refused files was stored.
    expect(await total("")).toBe(150 + 12 + 12 + 8 + 5 + 1 + 1);
    // Academia: rows i % 6 === 4, 25 of the CSV's 150 and 2 of the workbook's 12.
    expect(await total("kind=submission&group=academia")).toBe(27);
    expect(await total(`q=${encodeURIComponent('"small island"')}`)).toBe(1);
    expect(await total(`q=developpement&kind=literature`)).toBe(1);
    const editor = await loginAs(server.url, "editor");
    const audit = await callApi(server.url, editor, "GET", "/audit?action=evidence_import");
    expect(audit.body.entries).toHaveLength(7);
    expect(audit.body.entries[0]).toMatchObject({
      actor: "cli",
      target: "sids.pdf",
      detail: { kind: "document", sources: 1 },
    });

    // Beside the running server the data directory is locked.
    const locked = await cli(["evidence", "import", "refs.ris"]);
    expect(locked.code).not.toBe(0);
    expect(locked.stderr).toContain("evidence import refused");
    expect(await total("kind=literature")).toBe(25);
  }, 180_000);
});
