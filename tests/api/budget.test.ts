import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { EMPTY_REPORT_TOTALS } from "../../apps/server/src/testing/emptyReportTotals";
import { type SuiteRole, serverSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const addDays = (day: string, days: number) =>
  new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);

describe("word budgets", () => {
  const suite = serverSuite();
  const get = async (path: string, role: SuiteRole = "reviewer") => {
    const answer = await suite.api(role, "GET", path);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const put = (path: string, body: unknown, role: SuiteRole = "editor") =>
    suite.api(role, "PUT", path, body);

  it("starts from the outline: allocations add up to 35,000 in a 30,000-40,000 range", async () => {
    const report = await get("/report");
    const sum = report.sections.reduce(
      (total: number, s: { budget: number }) => total + s.budget,
      0,
    );
    expect(sum).toBe(35_000);
    expect(report.targetRange).toEqual({ min: 30_000, max: 40_000 });
    expect(report.footnotesCount).toBe(true);
    expect(report.totals).toEqual(EMPTY_REPORT_TOTALS);
    expect(new Set(report.sections.map((s: { state: string }) => s.state))).toEqual(
      new Set(["short"]),
    );

    const budget = await get("/budget");
    expect(
      budget.parts.map((p: { budget: number }) => p.budget).reduce((a: number, b: number) => a + b),
    ).toBe(35_000);
    expect(budget.remaining).toEqual({ toMin: 30_000, toMax: 40_000 });
    expect(budget.timetable.find((m: { id: string }) => m.id === "drafting")).toEqual({
      id: "drafting",
      label: "Drafting of report",
      start: "2024-10",
      end: "2025-02",
    });
    expect(budget.deadline).toBe("2025-02-28");
    expect(budget.history).toEqual([{ date: budget.today, words: 0 }]);
    expect(budget.projection).toEqual({ wordsPerDay: 0, projectedDate: null, byDeadline: 0 });
  });

  it("lets only editors change budgets, the range and the timetable", async () => {
    for (const role of ["drafter", "reviewer"] as const) {
      for (const [path, body] of [
        ["/budget", { targetRange: { min: 1, max: 2 } }],
        ["/sections/p1-access/budget", { budget: 10 }],
        ["/timetable", { milestones: null }],
      ] as const) {
        const answer = await put(path, body, role);
        expect(answer.status).toBe(403);
        expect(answer.body.error.id).toBe("editors_only");
      }
    }
    expect((await get("/report")).totals.budget).toBe(35_000);
  });

  it.each([
    ["/budget", {}],
    ["/budget", { targetRange: { min: 5_000, max: 1_000 } }],
    ["/budget", { targetRange: { min: 0, max: 1_000 } }],
    ["/budget", { targetRange: { min: 1.5, max: 1_000 } }],
    ["/budget", { footnotesCount: "yes" }],
    ["/budget", { targetRange: { min: 1, max: 2 }, extra: true }],
    ["/sections/p1-access/budget", { budget: -1 }],
    ["/sections/p1-access/budget", { budget: 2.5 }],
    ["/sections/p1-access/budget", { budget: "100" }],
    ["/sections/p1-access/budget", {}],
    ["/timetable", { milestones: [{ id: "x", label: "X", start: "2025-05", end: "2025-04" }] }],
    ["/timetable", { milestones: [{ id: "x", label: "X", start: "2025-13", end: "2025-14" }] }],
    [
      "/timetable",
      {
        milestones: [
          { id: "x", label: "X", start: "2025-01", end: "2025-02" },
          { id: "x", label: "Y", start: "2025-01", end: "2025-02" },
        ],
      },
    ],
  ])("refuses PUT %s %j with 400", async (path, body) => {
    const answer = await put(path, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.id).toBe("invalid_body");
  });

  it("applies an editor's allocation and range, warns when allocations leave the range, and pushes the change", async () => {
    const stream = await EventStreamReader.open(suite.server.url, {
      cookie: suite.cookies.drafter,
    });

    const section = await put("/sections/p1-access/budget", { budget: 500 });
    expect(section.status).toBe(200);
    expect(section.body).toMatchObject({ id: "p1-access", budget: 500, state: "short" });
    let report = await get("/report", "drafter");
    expect(report.sections.find((s: { id: string }) => s.id === "p1-access").budget).toBe(500);
    expect(report.totals).toMatchObject({ budget: 33_500, allocationWarning: null });
    await pollUntil(
      async () => stream.text,
      (text) => text.includes("event: budget") && text.includes('"id":"p1-access","budget":500'),
      "the budget event",
    );

    const range = await put("/budget", { targetRange: { min: 34_000, max: 40_000 } });
    expect(range.status).toBe(200);
    expect(range.body.targetRange).toEqual({ min: 34_000, max: 40_000 });
    report = await get("/report", "drafter");
    expect(report.targetRange).toEqual({ min: 34_000, max: 40_000 });
    expect(report.totals.allocationWarning).toBe(
      "The section allocations add up to 33,500 words, 500 below the minimum of 34,000.",
    );
    await put("/budget", { targetRange: { min: 20_000, max: 30_000 } });
    expect((await get("/report")).totals.allocationWarning).toBe(
      "The section allocations add up to 33,500 words, 3,500 above the maximum of 30,000.",
    );
    await pollUntil(
      async () => stream.text,
      (text) => text.includes('"targetRange":{"min":20000,"max":30000}'),
      "the range in a budget event",
    );

    // Back to the outline's allocation and range.
    expect((await put("/sections/p1-access/budget", { budget: null })).body.budget).toBe(2_000);
    await put("/budget", { targetRange: { min: 30_000, max: 40_000 } });
    report = await get("/report");
    expect(report.totals).toMatchObject({ budget: 35_000, allocationWarning: null });
    await stream.close();
  });

  it("counts footnote words against the budget unless the editors say otherwise", async () => {
    const markdown =
      "One two three four five six seven eight nine ten.[^1]\n\n[^1]: Three note words.\n";
    expect((await suite.importFile("drafter", "p1-access", "a.md", markdown)).status).toBe(200);
    const counted = await pollUntil(
      () => get("/sections/p1-access"),
      (s) => s.words === 10,
      "the section count",
    );
    expect(counted).toMatchObject({ words: 10, footnoteWords: 3, counted: 13 });
    await put("/sections/p1-access/budget", { budget: 12 });
    expect((await get("/sections/p1-access")).state).toBe("on_track");
    await put("/sections/p1-access/budget", { budget: 10 });
    expect((await get("/sections/p1-access")).state).toBe("over");

    expect((await put("/budget", { footnotesCount: false })).body.footnotesCount).toBe(false);
    const report = await get("/report");
    const section = report.sections.find((s: { id: string }) => s.id === "p1-access");
    expect(section).toMatchObject({ counted: 10, state: "on_track" });
    expect(report.totals).toMatchObject({ words: 10, footnoteWords: 3, counted: 10 });
    await put("/budget", { footnotesCount: true });
    await put("/sections/p1-access/budget", { budget: null });
    expect((await get("/report")).totals.counted).toBe(13);
  });

  it("keeps today's total in the daily history as counts change", async () => {
    const budget = await pollUntil(
      () => get("/budget"),
      (b) => b.history.at(-1)?.words === 13,
      "today's history row",
    );
    expect(budget.history).toEqual([{ date: budget.today, words: 13 }]);
    expect(budget.totals.counted).toBe(13);
    expect(budget.remaining).toEqual({ toMin: 30_000 - 13, toMax: 40_000 - 13 });
  });

  it("projects from the recent pace: a projected date and the total at the end of drafting", async () => {
    const { today } = await get("/budget");
    // Ten days ago the report was empty: the pace is 1.3 words a day.
    await suite.server.stop();
    const db = new Database(join(suite.server.dataDir, "rapporteur.db"));
    db.prepare("INSERT INTO word_history (day, words, footnote_words) VALUES (?, 0, 0)").run(
      addDays(today, -10),
    );
    db.close();
    await suite.restart();

    let budget = await get("/budget");
    expect(budget.history.map((d: { date: string }) => d.date)).toEqual([
      addDays(today, -10),
      today,
    ]);
    expect(budget.projection.wordsPerDay).toBe(1.3);
    expect(budget.projection.projectedDate).toBe(addDays(today, Math.ceil((30_000 - 13) / 1.3)));
    // Drafting ended in February 2025: the projection at its end is today's total.
    expect(budget.projection.byDeadline).toBe(13);

    const later = await put("/timetable", {
      milestones: [
        { id: "drafting", label: "Drafting, extended", start: "2024-10", end: "2099-12" },
      ],
    });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ timetableOverridden: true, deadline: "2099-12-31" });
    budget = await get("/budget");
    expect(budget.timetable).toHaveLength(1);
    const daysLeft = dayNumber("2099-12-31") - dayNumber(today);
    expect(budget.projection.byDeadline).toBe(Math.round(13 + 1.3 * daysLeft));

    const restored = await put("/timetable", { milestones: null });
    expect(restored.body).toMatchObject({ timetableOverridden: false, deadline: "2025-02-28" });
    expect((await get("/budget")).timetable.length).toBeGreaterThan(5);
  });

  it("records budget and timetable changes in the audit log", async () => {
    const audit = await get("/audit?action=budget_changed", "editor");
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: "admin",
          target: "p1-access",
          detail: { from: 2_000, to: 500 },
        }),
        expect.objectContaining({
          actor: "admin",
          target: "report",
          detail: {
            from: { targetRange: { min: 30_000, max: 40_000 }, footnotesCount: true },
            to: { targetRange: { min: 34_000, max: 40_000 }, footnotesCount: true },
          },
        }),
      ]),
    );
    const timetable = await get("/audit?action=timetable_changed", "editor");
    expect(timetable.entries).toHaveLength(2);
  });
});
