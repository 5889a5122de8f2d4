// Generated evidence for tests and benchmarks: a questionnaire export in several languages,
// literature libraries and a Word contribution, with counts the tests can state exactly.
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { consultationQuestions } from "../consultationQuestions";

/** Stakeholder groups as respondents spell them (each normalises to one of the six). */
export const FIXTURE_GROUP_SPELLINGS = [
  "Government",
  "private-sector",
  "Civil Society",
  "TECHNICAL COMMUNITY",
  "Academia",
  "International Organization",
] as const;

/** Regions of the fixture submissions, one after the other. */
export const FIXTURE_REGIONS = [
  "Africa",
  "Asia-Pacific",
  "Europe",
  "Latin America and the Caribbean",
  "Western Asia",
] as const;

/** Languages of the fixture submissions, one after the other (row i: language i % 5). */
export const FIXTURE_LANGUAGES = ["en", "fr", "ar", "zh", "es"] as const;

const ANSWERS: Record<(typeof FIXTURE_LANGUAGES)[number], string> = {
  en: "The digital divide remains wide; broadband access grew but rural areas lag behind.",
  fr: "Le développement numérique progresse, mais la fracture numérique demeure en Afrique.",
  ar: "التنمية الرقمية تتقدم ولكن الفجوة الرقمية لا تزال قائمة.",
  zh: "数字发展与互联网治理仍然面临挑战。",
  es: "El desarrollo digital avanza, pero la brecha persiste en las zonas rurales.",
};

const COUNTRIES = ["Kenya", "Côte d'Ivoire", "Egypt", "China", "Chile", "India", "France"] as const;

/** One fixture row: what the generator wrote, for the tests to count from. */
export interface FixtureSubmission {
  id: string;
  name: string;
  organisation: string;
  group: string;
  country: string;
  region: string;
  language: string;
  answers: string[];
}

/**
 * `count` submissions (default 150): row i has group i % 6, region i % 5, language i % 5,
 * country i % 7; q8 is left blank on every third row (i % 3 === 0); rows with i % 10 === 0 add
 * the phrase "meaningful connectivity" to q7.
 */
export function fixtureSubmissions(count = 150): FixtureSubmission[] {
  return Array.from({ length: count }, (_, i) => {
    const language = FIXTURE_LANGUAGES[i % FIXTURE_LANGUAGES.length]!;
    const answers = Array.from({ length: 8 }, (_, q) => `${ANSWERS[language]} (${q + 1})`);
    if (i % 10 === 0) answers[6] += " Priority: meaningful connectivity for all.";
    if (i % 3 === 0) answers[7] = "";
    return {
      id: String(i + 1),
      name: `Respondent ${i + 1}`,
      organisation: `Organisation ${i + 1}`,
      group: FIXTURE_GROUP_SPELLINGS[i % FIXTURE_GROUP_SPELLINGS.length]!,
      country: COUNTRIES[i % COUNTRIES.length]!,
      region: FIXTURE_REGIONS[i % FIXTURE_REGIONS.length]!,
      language,
      answers,
    };
  });
}

/** The header and rows of a Microsoft Forms export of `rows` (see {@link formsCsv}). */
function formsTable(rows: readonly FixtureSubmission[]): string[][] {
  const questions = consultationQuestions();
  const header = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    ...questions.map((question) => question.text),
    "Organisation",
    "Stakeholder group",
    "Country",
    "Region",
    "Language",
    "Further observations",
  ];
  return [
    header,
    ...rows.map((row) => [
      row.id,
      "2/1/24 10:00:00",
      "2/1/24 10:20:00",
      `r${row.id}@example.org`,
      row.name,
      ...row.answers,
      row.organisation,
      row.group,
      row.country,
      row.region,
      row.language,
      `Observation ${row.id}`,
    ]),
  ];
}

/** The submissions as Microsoft Forms' Excel workbook ("Open in Excel"), same columns as {@link formsCsv}. */
export async function formsXlsx(
  rows: readonly FixtureSubmission[] = fixtureSubmissions(),
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Form1").addRows(formsTable(rows));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The submissions as a Microsoft Forms CSV export: `ID`, `Start time`, `Completion time`,
 * `Email`, `Name`, one column per question's own text, then Organisation, Stakeholder group,
 * Country, Region, Language and an extra "Further observations" column.
 */
export function formsCsv(rows: readonly FixtureSubmission[] = fixtureSubmissions()): Uint8Array {
  const lines = formsTable(rows);
  return new TextEncoder().encode(
    `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`,
  );
}

/** A Zotero-style CSL-JSON library of `count` references (default 12); one UN report among them. */
export function cslJsonLibrary(count = 12): Uint8Array {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `ref${i + 1}`,
    type: i === 0 ? "report" : "article-journal",
    title:
      i === 0
        ? "Progress made in the implementation of the outcomes of the World Summit on the Information Society"
        : `Broadband policy study ${i + 1}`,
    author: [{ family: `Author${i + 1}`, given: "A." }],
    publisher: i === 0 ? "United Nations" : undefined,
    number: i === 0 ? "A/79/62" : undefined,
    "container-title": i === 0 ? undefined : "Telecommunications Policy",
    issued: { "date-parts": [[2015 + (i % 10)]] },
    URL: `https://example.org/ref${i + 1}`,
    abstract:
      i % 2 === 0
        ? "Spectrum allocation and universal service funds."
        : "E-government services and digital skills.",
  }));
  return new TextEncoder().encode(JSON.stringify(items, null, 2));
}

/** A BibTeX library of `count` entries (default 8), with a LaTeX-accented French title. */
export function bibtexLibrary(count = 8): Uint8Array {
  const entries = Array.from({ length: count }, (_, i) =>
    i === 0
      ? `@book{itu2023,\n  title = {Le d{\\'e}veloppement des t{\\'e}l{\\'e}communications},\n  author = {{International Telecommunication Union}},\n  year = {2023},\n  publisher = {ITU},\n  url = {https://example.org/itu2023}\n}`
      : `@article{paper${i},\n  title = {Internet governance paper ${i}},\n  author = {Smith, Jane and Doe, John},\n  journal = {Journal of Information Policy},\n  year = {${2010 + i}},\n  keywords = {governance, multistakeholder}\n}`,
  );
  return new TextEncoder().encode(`${entries.join("\n\n")}\n`);
}

/** A RIS file of `count` references (default 5). */
export function risLibrary(count = 5): Uint8Array {
  const records = Array.from(
    { length: count },
    (_, i) =>
      `TY  - RPRT\nTI  - Measuring digital development ${i + 1}\nAU  - Okafor, Ngozi\nPY  - ${2019 + i}\nPB  - ITU\nUR  - https://example.org/ris${i + 1}\nKW  - statistics\nER  - \n`,
  );
  return new TextEncoder().encode(records.join("\n"));
}

/** A Member-State contribution as a Word file: a title and paragraphs naming `marker`. */
export async function contributionDocx(title: string, marker: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          new Paragraph(`Our national strategy for ${marker} covers schools and clinics.`),
          new Paragraph("Cybersecurity capacity building remains a priority for the region."),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Options of {@link minimalPdf}. */
export interface MinimalPdfOptions {
  /** Pages (default 1); the first one shows `text`. */
  pages?: number;
  text?: string;
  /** Adds a standard security handler whose user password is not empty (an encrypted PDF). */
  encrypted?: boolean;
}

/**
 * A small valid PDF written by hand (Helvetica text on the first page, empty pages after it):
 * for hostile-file tests, thousands of pages or an encryption dictionary cost a few bytes each.
 */
export function minimalPdf(options: MinimalPdfOptions = {}): Uint8Array {
  const pages = options.pages ?? 1;
  const text = (options.text ?? "").replace(/[()\\]/g, "\\$&");
  const objects: string[] = [];
  // 1: catalog, 2: pages, 3: font, 4: content of page 1, 5..: pages, then the encryption.
  const pageIds = Array.from({ length: pages }, (_, i) => 5 + i);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Count ${pages} /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  objects[4] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  for (const id of pageIds) {
    const content = id === 5 ? " /Contents 4 0 R" : "";
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>${content} >>`;
  }
  const encryptId = 5 + pages;
  if (options.encrypted) {
    const hex = "7a".repeat(32);
    objects[encryptId] =
      `<< /Filter /Standard /V 1 /R 2 /O <${hex}> /U <${"3c".repeat(32)}> /P -4 >>`;
  }
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++)
    body += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  const encrypt = options.encrypted
    ? ` /Encrypt ${encryptId} 0 R /ID [<${"ab".repeat(16)}> <${"ab".repeat(16)}>]`
    : "";
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
