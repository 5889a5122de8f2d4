import { loadDocxTemplate } from "@rapporteur/docx";
import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { consultationQuestions, EvidenceStore, parseQuestionnaireCsv } from "@rapporteur/evidence";
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import { loadOutline } from "@rapporteur/outline";
import type { DocJSON } from "@rapporteur/schema";
import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { assembleExportReport, citedSourceIds } from "./assembleExportReport";
import { renderComparison } from "./renderComparison";
import { renderExport } from "./renderExport";

const outline = loadOutline();
const [first, second] = outline.sections;

/** A paragraph with a typed footnote, then a citation of source 2 with a locator. */
const firstDoc: DocJSON = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Rural access lags" },
        { type: "footnote", content: [{ type: "text", text: "Typed note." }] },
        { type: "text", text: " behind." },
        { type: "citation", attrs: { sourceId: 2, excerpt: null, locator: "q3" } },
      ],
    },
  ],
};
/** A citation of the literature source, then one of a source that does not exist. */
const secondDoc = (literatureId: number): DocJSON => ({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Studies agree." },
        { type: "citation", attrs: { sourceId: literatureId, excerpt: null, locator: null } },
        { type: "citation", attrs: { sourceId: 9999, excerpt: null, locator: null } },
      ],
    },
  ],
});

describe("citations in exports", () => {
  let db: Database.Database;
  let store: EvidenceStore;
  let literatureId: number;

  beforeEach(() => {
    db = new Database(":memory:");
    migrate(db);
    store = new EvidenceStore(db);
    const { sources } = parseQuestionnaireCsv(
      formsCsv(fixtureSubmissions(6)),
      consultationQuestions(),
    );
    store.insert(sources, { filename: "forms.csv", importedBy: "ed" });
    [literatureId] = store.insert(
      [
        {
          ...sources[0]!,
          kind: "literature",
          title: "Measuring Digital Development",
          author: null,
          organisation: "International Telecommunication Union",
          date: "2023",
          url: "https://www.itu.int/facts",
          extra: { place: "Geneva" },
          answers: {},
        },
      ],
      { filename: "lib.json", importedBy: "ed" },
    ) as [number];
  });

  const assemble = () =>
    assembleExportReport(
      outline,
      async (id) =>
        id === first!.id
          ? firstDoc
          : id === second!.id
            ? secondDoc(literatureId)
            : { type: "doc", content: [{ type: "paragraph" }] },
      { date: "2026-12-07", citationSource: (id) => store.get(id) },
    );

  it("lists the sources a document cites, in order", () => {
    expect(citedSourceIds(secondDoc(literatureId))).toEqual([literatureId, 9999]);
  });

  it("prints citations as Word footnotes numbered with the typed ones", async () => {
    const bytes = await renderExport(
      await assemble(),
      { format: "docx" },
      {
        template: loadDocxTemplate(),
      },
    );
    const notes = zipEntry(Buffer.from(bytes), "word/footnotes.xml") ?? "";
    const bodies = [...notes.matchAll(/<w:footnote w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)]
      .filter((m) => Number(m[1]) > 0)
      .map((m) => [Number(m[1]), wordText(m[2]!)]);
    expect(bodies).toEqual([
      [1, "Typed note."],
      [2, "Contribution of Organisation 2 to the CSTD WSIS+20 consultation, 2024, q3."],
      [
        3,
        "International Telecommunication Union, Measuring Digital Development (Geneva, 2023). Available at https://www.itu.int/facts.",
      ],
      [4, "Source 9999 is missing from the evidence library."],
    ]);
    // The title is in italics.
    expect(notes).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>Measuring Digital Development<\/w:t>/);
    const body = zipEntry(Buffer.from(bytes), "word/document.xml") ?? "";
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(4);
  });

  it("writes citations as Markdown footnotes, the title in emphasis", async () => {
    const md = new TextDecoder().decode(await renderExport(await assemble(), { format: "md" }, {}));
    expect(md).toContain("Rural access lags[^1] behind.[^2]");
    expect(md).toContain("Studies agree.[^3][^4]");
    expect(md).toContain(
      "[^2]: Contribution of Organisation 2 to the CSTD WSIS+20 consultation, 2024, q3.",
    );
    expect(md).toContain(
      "[^3]: International Telecommunication Union, *Measuring Digital Development* (Geneva, 2023). Available at <https://www.itu.int/facts>.",
    );
  });

  it("prints a cited excerpt and its locator in the DOCX and Markdown footnotes", async () => {
    const cited: DocJSON = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Growth slowed." },
            {
              type: "citation",
              attrs: {
                sourceId: literatureId,
                excerpt: "Uptake slowed in 2022.",
                locator: "p. 12",
              },
            },
            { type: "text", text: " Again." },
            { type: "citation", attrs: { sourceId: literatureId, locator: "para. 4" } },
          ],
        },
      ],
    };
    const report = await assembleExportReport(
      outline,
      async (id) => (id === first!.id ? cited : { type: "doc", content: [{ type: "paragraph" }] }),
      { date: "2026-12-07", citationSource: (id) => store.get(id), sectionId: first!.id },
    );
    const reference =
      "International Telecommunication Union, Measuring Digital Development (Geneva, 2023)";
    const md = new TextDecoder().decode(await renderExport(report, { format: "md" }, {}));
    expect(md).toContain(
      "[^1]: “Uptake slowed in 2022”, International Telecommunication Union, *Measuring Digital Development* (Geneva, 2023), p. 12. Available at <https://www.itu.int/facts>.",
    );
    expect(md).toContain(
      "[^2]: International Telecommunication Union, *Measuring Digital Development* (Geneva, 2023), para. 4. Available at",
    );
    const bytes = await renderExport(report, { format: "docx" }, { template: loadDocxTemplate() });
    const notes = wordText(zipEntry(Buffer.from(bytes), "word/footnotes.xml") ?? "");
    expect(notes).toContain(`“Uptake slowed in 2022”, ${reference}, p. 12.`);
    expect(notes).toContain(`${reference}, para. 4.`);
  });

  it("formats the next export from the source's changed metadata", async () => {
    db.prepare("UPDATE evidence_sources SET organisation = ? WHERE id = 2").run(
      "Kenya ICT Network",
    );
    const md = new TextDecoder().decode(await renderExport(await assemble(), { format: "md" }, {}));
    expect(md).toContain(
      "[^2]: Contribution of Kenya ICT Network to the CSTD WSIS+20 consultation, 2024, q3.",
    );
    expect(md).not.toContain("Organisation 2");
  });

  it("prints an added citation's footnote in a comparison (CriticMarkup)", async () => {
    const before: DocJSON = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Rural access lags" }] }],
    };
    const file = await renderComparison({
      format: "md",
      older: { [first!.id]: before },
      newer: { [first!.id]: firstDoc },
      outline,
      date: "2026-12-07",
      sectionId: first!.id,
      citationSource: (id) => store.get(id),
    });
    const md = new TextDecoder().decode(file.bytes);
    expect(md).toContain(
      "Contribution of Organisation 2 to the CSTD WSIS+20 consultation, 2024, q3.",
    );
  });
});
