/**
 * Photographs the Budget page: `node --import tsx tests/e2e/budgetScreenshot.ts [DIR]` (needs
 * `pnpm --filter @rapporteur/web build`); docs/images/budget.png is DIR/budget-editor.png. Starts
 * a server on fresh data with some weeks of daily history, fills several sections through the
 * import endpoint, moves the timetable around today (the real one ended in 2025, which would
 * leave the chart's history in a corner), and shoots the page as an editor and as a reviewer.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { importFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { loginAs, startServerProcess } from "../support/serverProcess";
import { launchBrowser, signedInContext } from "./browser";

const outDir = process.argv[2] ?? "/tmp/rapporteur-screenshots";
mkdirSync(outDir, { recursive: true });

const WORDS = (
  "access broadband connectivity inclusion digital development governance cooperation skills " +
  "infrastructure affordability women rural communities data protection trust innovation"
).split(" ");

/** Markdown of about `words` words in paragraphs of 60, with a footnote every other one. */
function markdown(words: number): string {
  const paragraphs: string[] = [];
  let notes = 0;
  for (let used = 0; used < words; used += 60) {
    const n = Math.min(60, words - used);
    const text = Array.from({ length: n }, (_, i) => WORDS[(used + i * 7) % WORDS.length]).join(
      " ",
    );
    const note = paragraphs.length % 2 === 0 ? `[^${++notes}]` : "";
    paragraphs.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.${note}`);
  }
  const footnotes = Array.from(
    { length: notes },
    (_, i) => `[^${i + 1}]: ITU, Facts and Figures ${2020 + (i % 5)}.`,
  );
  return [...paragraphs, ...footnotes].join("\n\n");
}

const FILL: Record<string, number> = {
  "intro-overview": 1_420,
  "intro-outcomes": 600,
  "p1-context": 2_050,
  "p1-technology": 1_300,
  "p1-ecosystem": 2_150,
  "p1-access": 1_900,
  "p1-sectors": 700,
  "p2-overview": 1_450,
  "p2-human-rights": 900,
};

const DAY_MS = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(today) - n * DAY_MS).toISOString().slice(0, 10);

let server = await startServerProcess();
const dataDir = server.dataDir;
await server.stop();
// Daily history of the weeks before: the chart's line and the pace of the projection.
const db = new Database(join(dataDir, "rapporteur.db"));
const insert = db.prepare("INSERT INTO word_history (day, words, footnote_words) VALUES (?, ?, ?)");
for (const [ago, words] of [
  [70, 0],
  [63, 900],
  [56, 2_300],
  [49, 3_100],
  [42, 4_800],
  [35, 6_200],
  [28, 7_000],
  [21, 8_900],
  [14, 10_100],
  [7, 11_600],
  [3, 12_400],
] as const) {
  insert.run(daysAgo(ago), words, 0);
}
db.close();
server = await startServerProcess({ dataDir });
const browser = await launchBrowser();
try {
  const admin = await loginAs(server.url, "editor");
  for (const [id, words] of Object.entries(FILL)) {
    const answer = await importFile(server.url, admin, id, `${id}.md`, markdown(words));
    if (answer.status !== 200) throw new Error(`import ${id}: ${JSON.stringify(answer.body)}`);
  }
  // A demonstration timetable around today, so that the chart shows drafting under way.
  await callApi(server.url, admin, "PUT", "/sections/p3-opportunities/budget", { budget: 3_300 });
  await callApi(server.url, admin, "PUT", "/timetable", {
    milestones: [
      {
        id: "consultations",
        label: "Consultations, literature review and other research",
        start: daysAgo(120).slice(0, 7),
        end: daysAgo(20).slice(0, 7),
      },
      {
        id: "drafting",
        label: "Drafting of report",
        start: daysAgo(75).slice(0, 7),
        end: daysAgo(-75).slice(0, 7),
      },
      {
        id: "session",
        label: "Discussion at the CSTD session",
        start: daysAgo(-130).slice(0, 7),
        end: daysAgo(-130).slice(0, 7),
      },
    ],
  });
  for (const who of ["editor", "reviewer"] as const) {
    const context = await signedInContext(browser, server.url, who, {
      viewport: { width: 1440, height: 1500 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/budget`);
    await page.getByTestId("budget-table").waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, `budget-${who}.png`) });
    await page.screenshot({ path: join(outDir, `budget-${who}-full.png`), fullPage: true });
    console.log(join(outDir, `budget-${who}.png`));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
