import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadOutline } from "@rapporteur/outline";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../e2e/browser";
import type { Benchmark, BenchResult } from "./benchmark";
import { connectClient } from "./connectClient";
import { count, ms } from "./format";
import { type SeededReport, seedReport } from "./seedReport";
import { type BenchServer, startBenchServer } from "./startBenchServer";
import { median } from "./stats";

const WEB_DIST = fileURLToPath(new URL("../../apps/web/dist/index.html", import.meta.url));
/** The long section opened by URL, the one clicked next, and one left with uncompacted updates. */
const FIRST = "p1-access";
const SECOND = "p1-technology";
const UNCOMPACTED = "p2-overview";
const EDITABLE = '[data-testid="editor"] .ProseMirror[contenteditable="true"]';

interface Sizes {
  totalWords: number;
  longWords: number;
  uncompactedUpdates: number;
  footnotes: number;
  tables: number;
  repeats: number;
}
const FULL: Sizes = {
  totalWords: 40_000,
  longWords: 5000,
  uncompactedUpdates: 499,
  footnotes: 300,
  tables: 20,
  repeats: 3,
};
const SMOKE: Sizes = {
  totalWords: 4000,
  longWords: 500,
  uncompactedUpdates: 20,
  footnotes: 10,
  tables: 2,
  repeats: 1,
};

/** Data directories copied for each cold start: accounts only, and accounts plus the report. */
interface Templates {
  accounts: string;
  report: string;
}

interface ServerLoad {
  emptyStartupMs: number;
  startupMs: number;
  allSectionsMs: number;
  longSectionMs: number;
  uncompactedMs: number;
  apiReportMs: number;
  reportedWords: number;
}

async function timeSync(server: BenchServer, rooms: string[]): Promise<number> {
  const start = performance.now();
  const clients = rooms.map((room) =>
    connectClient(server.url, room, { headers: server.headers, syncTimeoutMs: 120_000 }),
  );
  try {
    await Promise.all(clients.map((c) => c.synced));
    return Math.max(...clients.map((c) => c.syncedAt)) - start;
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

/**
 * One cold start of the server on a fresh copy of `template` (so that nothing a previous start did,
 * such as compacting on shutdown, changes what the next one loads), then one measurement on it.
 */
async function coldServer<T>(
  template: string,
  measure: (server: BenchServer) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-bench-load-"));
  cpSync(template, dataDir, { recursive: true, filter: (source) => !source.endsWith(".lock") });
  const server = await startBenchServer("rapporteur", { dataDir });
  try {
    return await measure(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The server-side figures, each on its own cold start; with `shared` (smoke sizes, where only the
 * code paths matter) all but the first on one server, to save start-ups.
 */
async function serverLoad(
  templates: Templates,
  rooms: string[],
  shared: boolean,
): Promise<ServerLoad> {
  const emptyStartupMs = await coldServer(templates.accounts, async (server) => server.startupMs);
  const fetchReport = async (server: BenchServer) => {
    const start = performance.now();
    const response = await fetch(`${server.httpUrl}/api/report`, { headers: server.headers });
    const body = (await response.json()) as { totals?: { words?: number } };
    if (!response.ok) throw new Error(`GET /api/report: ${response.status}`);
    return { ms: performance.now() - start, words: body.totals?.words ?? Number.NaN };
  };
  const rest = async (server: BenchServer) => ({
    longSectionMs: await timeSync(server, [FIRST]),
    uncompactedMs: await timeSync(server, [UNCOMPACTED]),
    api: await fetchReport(server),
  });
  let later: Awaited<ReturnType<typeof rest>> | undefined;
  const first = await coldServer(templates.report, async (server) => {
    const figures = { startupMs: server.startupMs, allSectionsMs: await timeSync(server, rooms) };
    if (shared) later = await rest(server);
    return figures;
  });
  const { longSectionMs, uncompactedMs, api } = later ?? {
    longSectionMs: await coldServer(templates.report, (server) => timeSync(server, [FIRST])),
    uncompactedMs: await coldServer(templates.report, (server) => timeSync(server, [UNCOMPACTED])),
    api: await coldServer(templates.report, fetchReport),
  };
  return {
    emptyStartupMs,
    ...first,
    longSectionMs,
    uncompactedMs,
    apiReportMs: api.ms,
    reportedWords: api.words,
  };
}

interface BrowserLoad {
  navigateMs: number;
  clickMs: number;
  backMs: number;
}

/**
 * In a fresh browser context: from navigation to `/sections/<FIRST>` until its editor is editable
 * and shows the section's last word; then from clicking SECOND in the outline until its editor
 * shows its last word; then clicking back to FIRST (a cached session). Times are the page's own
 * `performance.now()`.
 */
async function browserLoad(
  browser: Browser,
  server: BenchServer,
  seeded: SeededReport,
): Promise<BrowserLoad> {
  const httpUrl = server.httpUrl;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    if (server.cookie) {
      const [name = "", value = ""] = server.cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: httpUrl }]);
    }
    await context.addInitScript(() => window.localStorage.setItem("rapporteur.name", "Benchmark"));
    const page = await context.newPage();
    const editableWith = (word: string) =>
      page.waitForFunction(
        ([selector, sentinel]) => {
          const editor = document.querySelector(selector as string);
          return editor?.textContent?.includes(sentinel as string) ? performance.now() : false;
        },
        [EDITABLE, word],
        { polling: "raf", timeout: 120_000 },
      );
    const click = (section: string) =>
      page.evaluate((id) => {
        const link = document.querySelector<HTMLElement>(`[data-testid="section-link-${id}"]`);
        if (!link) throw new Error(`no outline link for ${id}`);
        const at = performance.now();
        link.click();
        return at;
      }, section);

    await page.goto(`${httpUrl}/sections/${FIRST}`);
    const navigateMs = (await (
      await editableWith(seeded.lastWords[FIRST] as string)
    ).jsonValue()) as number;
    const clickedAt = await click(SECOND);
    const shownAt = (await (
      await editableWith(seeded.lastWords[SECOND] as string)
    ).jsonValue()) as number;
    const backAt = await click(FIRST);
    const backShownAt = (await (
      await editableWith(seeded.lastWords[FIRST] as string)
    ).jsonValue()) as number;
    return { navigateMs, clickMs: shownAt - clickedAt, backMs: backShownAt - backAt };
  } finally {
    await context.close();
  }
}

/** Server loading a 40,000-word report from disk, and the browser opening and switching sections. */
export const load: Benchmark = {
  name: "load",
  title: "Load: the report from disk, a long section in Chromium",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    if (!existsSync(WEB_DIST)) {
      throw new Error(
        "apps/web/dist is missing: build the web app first (pnpm --filter @rapporteur/web build)",
      );
    }
    const rooms = loadOutline().sections.map((s) => s.id);
    const longSections = [FIRST, SECOND, UNCOMPACTED];
    const work = mkdtempSync(join(tmpdir(), "rapporteur-bench-load-"));
    const templates: Templates = { accounts: join(work, "accounts"), report: join(work, "report") };
    try {
      log("load: seeding the report");
      // A first start creates the accounts (password hashing) that every later start finds.
      await (await startBenchServer("rapporteur", { dataDir: templates.accounts })).stop();
      cpSync(templates.accounts, templates.report, { recursive: true });
      const seeded = await seedReport(templates.report, {
        longWords: sizes.longWords,
        otherWords: Math.round(
          ((sizes.totalWords - longSections.length * sizes.longWords) * rooms.length) /
            (rooms.length - longSections.length),
        ),
        longSections,
        footnotes: sizes.footnotes,
        tables: sizes.tables,
        uncompacted: { section: UNCOMPACTED, updates: sizes.uncompactedUpdates },
      });
      const serverRuns: ServerLoad[] = [];
      for (let i = 0; i < sizes.repeats; i++) {
        log(`load: server cold starts (${i + 1}/${sizes.repeats})`);
        serverRuns.push(await serverLoad(templates, rooms, smoke));
      }
      const pick = (key: keyof ServerLoad) => median(serverRuns.map((r) => r[key]));

      log("load: Chromium");
      const browserRuns: BrowserLoad[] = [];
      const browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: CHROMIUM_ARGS,
      });
      try {
        // A fresh server, so the first context also pays for the server loading the sections.
        await coldServer(templates.report, async (server) => {
          for (let i = 0; i < sizes.repeats; i++) {
            browserRuns.push(await browserLoad(browser, server, seeded));
          }
        });
      } finally {
        await browser.close();
      }
      const first = browserRuns[0] as BrowserLoad;
      const browserMedian = (key: keyof BrowserLoad) => median(browserRuns.map((r) => r[key]));

      const figures: Record<string, number> = {
        totalWords: seeded.totalWords,
        "server.emptyStartupMs": pick("emptyStartupMs"),
        "server.startupMs": pick("startupMs"),
        "server.allSectionsSyncMs": pick("allSectionsMs"),
        "server.longSectionSyncMs": pick("longSectionMs"),
        "server.uncompactedSyncMs": pick("uncompactedMs"),
        "server.apiReportMs": pick("apiReportMs"),
        "server.reportedWords": pick("reportedWords"),
        "browser.navigateMs": browserMedian("navigateMs"),
        "browser.clickMs": browserMedian("clickMs"),
        "browser.backMs": browserMedian("backMs"),
        "browser.coldNavigateMs": first.navigateMs,
        "browser.coldClickMs": first.clickMs,
      };
      const long = `${count(sizes.longWords)}-word`;
      return {
        name: "load",
        title: this.title,
        tables: [
          {
            title: `Server loading a ${count(seeded.totalWords)}-word report (${seeded.sections} sections) from SQLite, ${smoke ? "smoke: one start for all but the first" : "a cold start each"} (ms, median of ${sizes.repeats})`,
            columns: ["measure", "ms"],
            rows: [
              [
                "start-up until listening, accounts but no sections stored (Node + tsx boot)",
                ms(pick("emptyStartupMs")),
              ],
              [
                "start-up until listening (counts every section from storage)",
                ms(pick("startupMs")),
              ],
              [
                `first sync answered for all ${rooms.length} sections at once`,
                ms(pick("allSectionsMs")),
              ],
              [`first sync of one ${long} section`, ms(pick("longSectionMs"))],
              [
                `first sync of one ${long} section + ${sizes.uncompactedUpdates} uncompacted updates`,
                ms(pick("uncompactedMs")),
              ],
              ["GET /api/report, first request", ms(pick("apiReportMs"))],
            ],
          },
          {
            title: `Chromium: ${long} sections (ms, median of ${sizes.repeats} fresh browser contexts; first context in brackets)`,
            columns: ["measure", "ms"],
            rows: [
              [
                `navigation to /sections/${FIRST} until editable with all its text`,
                `${ms(browserMedian("navigateMs"))} (${ms(first.navigateMs)})`,
              ],
              [
                `click on ${SECOND} in the outline until editable with all its text`,
                `${ms(browserMedian("clickMs"))} (${ms(first.clickMs)})`,
              ],
              [
                `click back on ${FIRST} (session kept open)`,
                `${ms(browserMedian("backMs"))} (${ms(first.backMs)})`,
              ],
            ],
          },
        ],
        figures,
        targets: [],
        notes: [
          `Seeded with SqliteStore as the server stores sections: ${long} generated sections ` +
            `${longSections.join(", ")} and tests/export/sampleReport for the rest (${sizes.footnotes} footnotes, ` +
            `${sizes.tables} tables), each a Yjs state appended to the store; ${UNCOMPACTED} also has ` +
            `${sizes.uncompactedUpdates} one-character updates appended after it (the most the server ` +
            `leaves uncompacted with RAPPORTEUR_COMPACT_EVERY=500). /api/report reports ` +
            `${count(pick("reportedWords"))} words.`,
          "Server: each figure is a fresh server process on a fresh copy of the seeded data " +
            "directory (accounts created by an earlier start; files in the page cache): " +
            "time from spawn to its 'listening' line, then raw y-protocols clients (connectClient) " +
            "timed from opening the sockets to the last SyncStep2 answer.",
          "Chromium (/usr/bin/chromium through playwright-core, headless): the built web app served " +
            "by our server; editable means `[data-testid=editor] .ProseMirror[contenteditable=true]` " +
            "holds the section's last word; times are the page's performance.now() (navigation start, " +
            "and the click), polled every animation frame. The first context also waits for the " +
            "server to load the sections from disk; later contexts hit a warm server.",
        ],
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
