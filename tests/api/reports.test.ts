import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadOutline, reportTemplate } from "@rapporteur/outline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { RawCollabClient } from "../../apps/server/src/testing/RawCollabClient";
import { runRapporteur } from "../cli/runRapporteur";
import { waitFor } from "../support/collabClient";
import { apiHeaders } from "../support/serverProcess";
import { type SuiteRole, serverSuite } from "../support/serverSuite";

// Accounts: admin (editor of report 1: an instance administrator), drafter, reviewer.
// Report A (annual progress template): admin editor, drafter EDITOR; the reviewer is no member.
// Report B (blank): reviewer editor, drafter REVIEWER; the admin created it and then left.
describe("reports as workspaces", () => {
  const suite = serverSuite();
  let a = 0;
  let b = 0;
  const ids: Record<SuiteRole, number> = { editor: 0, drafter: 0, reviewer: 0 };
  const open: { close(): unknown }[] = [];

  const raw = async (path: string, role: SuiteRole) => {
    const client = new RawCollabClient(
      `${suite.server.url.replace(/^http/, "ws")}/collab/${path}`,
      suite.cookies[role],
    );
    open.push(client);
    return client;
  };
  const synced = async (path: string, role: SuiteRole) => {
    const client = await raw(path, role);
    await client.opened;
    await waitFor(() => client.sawServerStep1, "the server's sync step 1");
    client.sendStep1();
    await waitFor(() => client.syncTypes.includes(1), "the server's sync step 2");
    return client;
  };

  beforeAll(async () => {
    const me = async (role: SuiteRole) => (await suite.api(role, "GET", "/auth/me")).body.user.id;
    for (const role of ["editor", "drafter", "reviewer"] as const) ids[role] = await me(role);
    const created = await suite.api("editor", "POST", "/reports", {
      title: "WSIS progress 2026",
      template: "wsis-annual-progress",
    });
    expect(created.status).toBe(201);
    a = created.body.id;
    b = (await suite.api("editor", "POST", "/reports", { title: "Side paper", template: "blank" }))
      .body.id;
    const member = (report: number, role: SuiteRole, as: string) =>
      suite.api("editor", "PUT", `/reports/${report}/members/${ids[role]}`, { role: as });
    expect((await member(a, "drafter", "editor")).status).toBe(200);
    expect((await member(b, "reviewer", "editor")).status).toBe(200);
    expect((await member(b, "drafter", "reviewer")).status).toBe(200);
    const left = await suite.api("editor", "DELETE", `/reports/${b}/members/${ids.editor}`);
    expect(left.status).toBe(204);
  });
  afterAll(() => {
    for (const client of open) client.close();
  });

  it("gives every report its own id, and the first report keeps the data of the install", async () => {
    expect(new Set([1, a, b]).size).toBe(3);
    const first = await suite.api("editor", "GET", "/report");
    expect(first.body.title).toBe(loadOutline().report.title);
  });

  it("lists to each user only the reports they are a member of, with their role in each", async () => {
    const list = async (role: SuiteRole) => (await suite.api(role, "GET", "/reports")).body;
    const drafter = await list("drafter");
    expect(drafter.mayCreate).toBe(false);
    expect(drafter.reports.map((r: { id: number; role: string }) => [r.id, r.role])).toEqual([
      [1, "drafter"],
      [a, "editor"],
      [b, "reviewer"],
    ]);
    const reviewer = await list("reviewer");
    expect(reviewer.reports.map((r: { id: number }) => r.id)).toEqual([1, b]);
    expect(reviewer.reports[0].first).toBe(true);
    // An administrator sees every report, with no role in those they do not belong to.
    const admin = await list("editor");
    expect(admin.mayCreate).toBe(true);
    expect((await suite.api("editor", "GET", "/auth/me")).body.instanceAdmin).toBe(true);
    expect((await suite.api("drafter", "GET", "/auth/me")).body.instanceAdmin).toBe(false);
    expect(admin.reports.find((r: { id: number }) => r.id === b)).toMatchObject({
      title: "Side paper",
      template: "blank",
      role: null,
    });
  });

  it("seeds each report's outline from its template", async () => {
    const annual = await suite.api("drafter", "GET", `/reports/${a}/report`);
    expect(annual.status).toBe(200);
    expect(annual.body.title).toBe("WSIS progress 2026");
    expect(annual.body.sections.map((s: { id: string }) => s.id)).toEqual(
      reportTemplate("wsis-annual-progress")
        .outline()
        .sections.map((s) => s.id),
    );
    const blank = await suite.api("reviewer", "GET", `/reports/${b}/report`);
    expect(blank.body.sections.map((s: { id: string }) => s.id)).toEqual(["section-1"]);
    const review = await suite.api("editor", "POST", "/reports", {
      title: "Second review",
      template: "wsis20-review",
    });
    const seeded = await suite.api("editor", "GET", `/reports/${review.body.id}/report`);
    expect(seeded.body.sections.map((s: { id: string }) => s.id)).toEqual(
      loadOutline().sections.map((s) => s.id),
    );
    const templates = await suite.api("reviewer", "GET", "/report-templates");
    expect(templates.body.templates.map((t: { id: string }) => t.id)).toEqual([
      "wsis20-review",
      "wsis-annual-progress",
      "blank",
    ]);
  });

  it("answers 404 report_not_found to non-members and for unknown reports alike", async () => {
    for (const path of [
      `/reports/${a}/report`,
      `/reports/${a}/sections/intro-mandate`,
      `/reports/${a}/comments`,
      `/reports/${a}/members`,
      "/reports/999/report",
      "/reports/0/report",
      "/reports/abc/report",
    ]) {
      const answer = await suite.api("reviewer", "GET", path);
      expect([path, answer.status, answer.body.error.id]).toEqual([path, 404, "report_not_found"]);
    }
    // An administrator manages the members of a report they left, but cannot open it.
    expect((await suite.api("editor", "GET", `/reports/${b}/report`)).status).toBe(404);
    const members = await suite.api("editor", "GET", `/reports/${b}/members`);
    const roles = members.body.members.map((m: { userId: number; role: string }) => [
      m.userId,
      m.role,
    ]);
    expect(roles).toEqual(
      [
        [ids.drafter, "reviewer"],
        [ids.reviewer, "editor"],
      ].sort((x, y) => Number(x[0]) - Number(y[0])),
    );
  });

  it("gives a person the rights of their role in each report (REST)", async () => {
    // The drafter is an editor of A: may set lead drafters there, not in B nor in report 1.
    const leads = (report: string) =>
      suite.api(
        "drafter",
        "PUT",
        `${report}/sections/${report ? "section-1" : "p1-access"}/leads`,
        {
          leads: [],
        },
      );
    const inA = await suite.api("drafter", "PUT", `/reports/${a}/sections/intro-mandate/leads`, {
      leads: [ids.drafter],
    });
    expect(inA.status).toBe(200);
    expect(inA.body.readOnly).toBe(false);
    const inB = await leads(`/reports/${b}`);
    expect([inB.status, inB.body.error.id]).toEqual([403, "editors_only"]);
    const inFirst = await leads("");
    expect(inFirst.status).toBe(403);
    // The reviewer of nothing else is an editor of B.
    const outline = await suite.api("reviewer", "POST", `/reports/${b}/outline/sections`, {
      title: "Annex",
      part: "part-1",
      budget: 100,
      guidance: "",
    });
    expect(outline.status).toBe(201);
    const refused = await suite.api("drafter", "POST", `/reports/${b}/outline/sections`, {
      title: "Another annex",
      part: "part-1",
    });
    expect(refused.status).toBe(403);
    // Leads are drafters or editors of the report: the drafter account reviews B.
    const lead = await suite.api("reviewer", "PUT", `/reports/${b}/sections/section-1/leads`, {
      leads: [ids.drafter],
    });
    expect([lead.status, lead.body.error?.id]).toEqual([400, "invalid_leads"]);
    // As a reviewer of B the drafter reads it read-only.
    const view = await suite.api("drafter", "GET", `/reports/${b}/sections/section-1`);
    expect(view.body.readOnly).toBe(true);
  });

  it("keeps each report's sections apart, also where their ids are the same", async () => {
    const writer = await synced(`${a}/summary`, "drafter");
    writer.sendUpdate(writer.paragraphUpdate("Only in the annual report"));
    await waitFor(() => writer.messages.length > 0, "the server to answer");
    const words = async (path: string) =>
      (await suite.api("editor", "GET", path)).body.words as number;
    await expect.poll(() => words(`/reports/${a}/sections/summary`), { timeout: 15_000 }).toBe(5);
    expect(await words("/sections/summary")).toBe(0);
    const reader = await synced("summary", "editor");
    expect(reader.text()).not.toContain("Only in the annual report");
  });

  it("refuses collaboration to non-members (4403) and a reviewer's edit in the report they review", async () => {
    for (const path of [`${a}/summary`, "999/summary"]) {
      const refused = await raw(path, "reviewer");
      const closed = await refused.closed;
      expect([path, closed.code, closed.reason]).toEqual([path, 4403, "No access to this report"]);
    }
    // Without a session: 401 before anything, as for the first report.
    const anonymous = new RawCollabClient(
      `${suite.server.url.replace(/^http/, "ws")}/collab/${a}/summary`,
    );
    await expect(anonymous.opened).rejects.toThrow(/HTTP 401/);
    // The drafter reviews B: their edit there is refused; in A they edit.
    const reviewing = await synced(`${b}/section-1`, "drafter");
    reviewing.sendUpdate(reviewing.paragraphUpdate("A reviewer's edit"));
    expect((await reviewing.closed).code).toBe(4403);
    const editing = await synced(`${a}/trends-trust`, "drafter");
    editing.sendUpdate(editing.paragraphUpdate("An editor's edit"));
    const again = await synced(`${a}/trends-trust`, "editor");
    await waitFor(() => again.text().includes("An editor's edit"), "the edit to be kept");
    expect(editing.closeInfo).toBeNull();
  });

  it("sends each report's events only to its own stream", async () => {
    const headers = (role: SuiteRole) => apiHeaders(suite.server.url, suite.cookies[role]);
    const inA = await EventStreamReader.open(
      suite.server.url,
      headers("drafter"),
      `/reports/${a}/events`,
    );
    const inB = await EventStreamReader.open(
      suite.server.url,
      headers("reviewer"),
      `/reports/${b}/events`,
    );
    const first = await EventStreamReader.open(suite.server.url, headers("editor"));
    open.push(inA, inB, first);
    const refused = await EventStreamReader.open(
      suite.server.url,
      headers("reviewer"),
      `/reports/${a}/events`,
    );
    expect(refused.response.status).toBe(404);
    await refused.close();
    const submitted = await suite.api(
      "drafter",
      "POST",
      `/reports/${a}/sections/findings-suggestions/status`,
      {
        action: "submit",
      },
    );
    expect(submitted.status).toBe(200);
    await inA.waitFor("section", (s) => s.sectionId === "findings-suggestions");
    // Something each stream must see after it, to be sure the other event had time to arrive.
    await suite.api("reviewer", "POST", `/reports/${b}/sections/section-1/status`, {
      action: "submit",
    });
    await inB.waitFor("section", (s) => s.sectionId === "section-1");
    expect(inB.events("section").map((s) => s.sectionId)).toEqual(["section-1"]);
    expect(first.events("section")).toEqual([]);
  });

  it("validates creation and membership changes", async () => {
    const create = (role: SuiteRole, body: unknown) => suite.api(role, "POST", "/reports", body);
    const forbidden = await create("drafter", { title: "Mine", template: "blank" });
    expect([forbidden.status, forbidden.body.error.id]).toEqual([403, "editors_only"]);
    const badTemplate = await create("editor", { title: "X", template: "novel" });
    expect(badTemplate.status).toBe(400);
    expect(badTemplate.body.error.message).toMatch(/template/);
    const noTitle = await create("editor", { title: "   ", template: "blank" });
    expect(noTitle.body.error.message).toMatch(/title/);
    const put = (userId: number | string, body: unknown, role: SuiteRole = "editor") =>
      suite.api(role, "PUT", `/reports/${a}/members/${userId}`, body);
    expect((await put(99_999, { role: "drafter" })).body.error.id).toBe("user_not_found");
    expect((await put(ids.reviewer, { role: "owner" })).status).toBe(400);
    // The drafter reviews B: not allowed to manage its members.
    const notEditor = await suite.api("drafter", "PUT", `/reports/${b}/members/${ids.editor}`, {
      role: "editor",
    });
    expect(notEditor.status).toBe(403);
    // B's only editor is the reviewer account: it cannot leave nor be demoted.
    const last = await suite.api("reviewer", "DELETE", `/reports/${b}/members/${ids.reviewer}`);
    expect([last.status, last.body.error.id]).toEqual([409, "last_editor"]);
    const demoted = await suite.api("reviewer", "PUT", `/reports/${b}/members/${ids.reviewer}`, {
      role: "drafter",
    });
    expect(demoted.status).toBe(409);
    const audit = await suite.api("editor", "GET", "/audit?action=report_created");
    expect(audit.body.entries.length).toBeGreaterThanOrEqual(3);
  });

  it("removing a member closes their connections and hides the report at once", async () => {
    await suite.api("editor", "PUT", `/reports/${a}/members/${ids.reviewer}`, { role: "reviewer" });
    const connected = await synced(`${a}/intro-mandate`, "reviewer");
    await suite.api("editor", "DELETE", `/reports/${a}/members/${ids.reviewer}`);
    expect((await connected.closed).code).toBe(4403);
    expect((await suite.api("reviewer", "GET", `/reports/${a}/report`)).status).toBe(404);
  });

  it("backs up one report's database with `rapporteur backup --report N` while the server runs", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rapporteur-report-backup-")), "annual.db");
    const run = await runRapporteur(suite.server.dataDir, ["backup", "--report", String(a), file]);
    expect(run.code, run.stderr).toBe(0);
    const copy = new Database(file, { readonly: true });
    const docs = copy.prepare("SELECT DISTINCT doc FROM document_updates ORDER BY doc").all();
    copy.close();
    expect(docs).toEqual([{ doc: "summary" }, { doc: "trends-trust" }]);
    const bad = await runRapporteur(suite.server.dataDir, ["backup", "--report", "x", file]);
    expect(bad.stderr).toMatch(/--report takes a report id/);
  });

  it("gives concurrent creations distinct reports", async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        suite.api("editor", "POST", "/reports", { title: `Parallel ${i}`, template: "blank" }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    const created = answers.map((answer) => answer.body.id as number);
    expect(new Set(created).size).toBe(6);
    for (const id of created) {
      expect(
        (await suite.api("editor", "GET", `/reports/${id}/report`)).body.sections,
      ).toHaveLength(1);
    }
  });
});
