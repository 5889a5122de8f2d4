import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { consultationQuestions } from "./consultationQuestions";
import { EvidenceStore } from "./EvidenceStore";
import { emptySource } from "./emptySource";
import { parseQuestionnaireCsv } from "./parseQuestionnaireCsv";
import { fixtureSubmissions, formsCsv } from "./testing/evidenceFixtures";

describe("EvidenceStore", () => {
  let store: EvidenceStore;
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(":memory:");
    migrate(db);
    store = new EvidenceStore(db);
    const { sources } = parseQuestionnaireCsv(
      formsCsv(fixtureSubmissions(150)),
      consultationQuestions(),
    );
    const literature = emptySource("literature", "Gender & <ICT> report");
    literature.tags = ["Gender"];
    literature.actionLines = ["C7"];
    literature.sdgs = [5];
    literature.text = "Women's access to mobile money in Côte d'Ivoire.";
    store.insert([...sources, literature], { filename: "forms.csv", importedBy: "ed" });
  });

  it("stores every source and gives it back whole", () => {
    expect(store.count()).toBe(151);
    const first = store.get(2);
    expect(first).toMatchObject({
      id: 2,
      kind: "submission",
      author: "Respondent 2",
      group: "private_sector",
      language: "fr",
      filename: "forms.csv",
      importedBy: "ed",
    });
    expect(first?.answers.q1).toContain("développement");
    expect(store.get(9999)).toBeNull();
  });

  it("gives each submission's answers and own Action Lines to the themes", () => {
    const { sources } = parseQuestionnaireCsv(
      new TextEncoder().encode(
        'Name,Stakeholder group,Action lines,Q1\nAda,Academia,"C3, c7",Open data matters\n',
      ),
      consultationQuestions(),
    );
    const [id] = store.insert(sources, { filename: "lines.csv", importedBy: "ed" });
    const added = store.submissionAnswers().find((submission) => submission.id === id);
    expect(added).toMatchObject({ group: "academia", actionLines: ["C3", "C7"] });
    expect(added?.answers.q1).toBe("Open data matters");
    expect(store.submissionAnswers()[0]?.actionLines).toEqual([]);
  });

  it("finds words with diacritics folded, counting every match whatever the limit", () => {
    // French rows: i % 5 === 1, 30 of 150.
    const result = store.search("developpement", {}, 5);
    expect(result.total).toBe(30);
    expect(result.items).toHaveLength(5);
    expect(result.items[0]?.excerpt).toMatch(/<mark>développement<\/mark>/);
    expect(store.search("DÉVELOPPEMENT numerique").total).toBe(30);
  });

  it("finds quoted phrases, all words required", () => {
    // i % 10 === 0: 15 rows.
    expect(store.search('"meaningful connectivity"').total).toBe(15);
    expect(store.search('"connectivity meaningful"').total).toBe(0);
    // English rows are i % 5 === 0 (30), of which i % 10 === 0 (15) add the phrase.
    expect(store.search('"digital divide" meaningful').total).toBe(15);
    expect(store.search("digital divide").total).toBe(30);
  });

  it("finds Chinese by substring, long and short", () => {
    expect(store.search("互联网治理").total).toBe(30);
    expect(store.search("发展").total).toBe(30);
    const hit = store.search("互联网").items[0];
    expect(hit?.excerpt).toContain("<mark>");
    expect(store.search("发展", {}, 1).items[0]?.excerpt).toContain("<mark>发展</mark>");
  });

  it("filters by group, region, country, question, kind, tag, Action Line and SDG, case-insensitively", () => {
    expect(store.search("", { group: "Civil Society" }).total).toBe(25);
    expect(store.search("", { group: "ngo" }).total).toBe(25);
    expect(store.search("", { region: "EUROPE" }).total).toBe(30);
    expect(store.search("", { country: "côte d'ivoire" }).total).toBe(22);
    // q8 was left blank on every third row: 100 of 150 answered it.
    expect(store.search("", { question: "q8" }).total).toBe(100);
    expect(store.search("", { question: "8", kind: "submission" }).total).toBe(100);
    expect(store.search("", { kind: "LITERATURE" }).total).toBe(1);
    expect(store.search("", { tag: "gender", actionLine: "c7", sdg: "5" }).total).toBe(1);
    // Region Africa is i % 5 === 0 = English rows.
    expect(store.search("digital divide", { region: "africa" }).total).toBe(30);
    expect(store.search("digital divide", { region: "europe" }).total).toBe(0);
  });

  it("searches a question's answers only when a question is given", () => {
    // "meaningful connectivity" is only in q7.
    expect(store.search("meaningful", { question: "q7" }).total).toBe(15);
    expect(store.search("meaningful", { question: "q6" }).total).toBe(0);
  });

  it("escapes the text of excerpts as HTML", () => {
    const { items } = store.search("", { kind: "literature" });
    expect(items[0]?.title).toBe("Gender & <ICT> report");
    expect(store.search("mobile money").items[0]?.excerpt).toBe(
      "Women&#39;s access to <mark>mobile</mark> <mark>money</mark> in Côte d&#39;Ivoire.".replaceAll(
        "&#39;",
        "'",
      ),
    );
  });

  it("reads query syntax as plain words", () => {
    expect(store.search('NEAR( "unclosed * - OR').total).toBe(0);
    expect(store.search("e-government").total).toBe(0);
  });
});
