import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { waitFor } from "../support/collabClient";
import { HandMadeSyncClient } from "../support/handMadeSyncClient";
import { type SuiteRole, serverSuite } from "../support/serverSuite";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

describe("read-only connections, enforced by the server", () => {
  const suite = serverSuite();
  const open: { close(): void }[] = [];
  afterAll(() => {
    for (const client of open) client.close();
  });

  const handMade = async (section: string, role: SuiteRole) => {
    const client = new HandMadeSyncClient(
      `${suite.server.url.replace(/^http/, "ws")}/collab/${section}`,
      suite.cookies[role],
    );
    open.push(client);
    await client.opened;
    await waitFor(() => client.sawServerStep1, "the server's sync step 1");
    client.sendStep1();
    await waitFor(() => client.syncTypes.includes(1), "the server's sync step 2");
    return client;
  };
  const reader = (section: string, role: SuiteRole) => suite.connectSynced(section, role);
  const setStatus = (section: string, role: SuiteRole, action: string) =>
    suite.api(role, "POST", `/sections/${section}/status`, { action });

  it("a reviewer reads and shows presence, but a sync step 2 or update that edits is refused (4403)", async () => {
    const section = "p1-access";
    const drafter = await handMade(section, "drafter");
    drafter.sendUpdate(drafter.paragraphUpdate("Drafted by the drafter"));
    const reviewer = await handMade(section, "reviewer");
    await waitFor(() => reviewer.text().includes("Drafted by the drafter"), "the reviewer to read");

    // What every client answers to the server's step 1: nothing new. Not punished; still served.
    reviewer.sendStep2(Y.encodeStateAsUpdate(reviewer.doc));
    reviewer.sendAwareness({ user: { name: "Reviewer Rita" } });
    // Shown under the account's name (the server sets it), not the one the client wrote.
    await waitFor(
      () => drafter.awareness.some((a) => Buffer.from(a).toString().includes("Demo Reviewer")),
      "the drafter to see the reviewer's presence",
    );
    const answered = reviewer.syncTypes.length;
    reviewer.sendStep1();
    await waitFor(() => reviewer.syncTypes.length > answered, "an answer after the no-op step 2");

    reviewer.sendStep2(reviewer.paragraphUpdate("Inserted by the reviewer via step 2"));
    const closed = await reviewer.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/^read-only: reviewers cannot edit sections/);

    const second = await handMade(section, "reviewer");
    second.sendUpdate(second.paragraphUpdate("Inserted by the reviewer via update"));
    expect((await second.closed).code).toBe(4403);

    const later = await reader(section, "drafter");
    expect(later.fragment.toString()).toBe("<paragraph>Drafted by the drafter</paragraph>");
    expect(drafter.text()).toBe(later.fragment.toString());
    const view = await suite.api("reviewer", "GET", `/sections/${section}`);
    expect(view.body).toMatchObject({
      readOnly: true,
      allowedActions: [],
      status: "drafting",
      locked: false,
    });
  });

  it("a well-behaved reviewer's editor (y-websocket) reconnects to a section with deletions unrefused", async () => {
    const section = "p1-technology";
    const drafter = await reader(section, "drafter");
    for (const text of ["Kept paragraph", "Deleted paragraph"]) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      drafter.fragment.insert(drafter.fragment.length, [paragraph]);
    }
    drafter.fragment.delete(1, 1);
    const reviewer = await reader(section, "reviewer");
    await waitFor(
      () => reviewer.fragment.toString() === "<paragraph>Kept paragraph</paragraph>",
      "the reviewer to read the section",
    );
    let refused: unknown;
    reviewer.provider.on("closed", (event: unknown) => {
      refused = event;
    });
    // On reconnecting, its sync step 2 repeats the whole delete set: nothing new, so accepted.
    reviewer.provider.disconnect();
    reviewer.provider.connect();
    await waitFor(() => reviewer.provider.synced, "the reviewer to sync again");
    const presence = reviewer.provider.awareness;
    presence.setLocalStateField("user", { name: "Reviewer Rita" });
    await waitFor(
      () =>
        [...drafter.provider.awareness.getStates().values()].some(
          (s) => s.user?.name === "Demo Reviewer",
        ),
      "the drafter to see the reviewer's presence",
    );
    expect(refused).toBeUndefined();
    expect(reviewer.provider.wsconnected).toBe(true);
  });

  it("a lock set while a drafter is connected refuses their next edit; the editor's applies", async () => {
    const section = "p2-equality";
    const drafter = await handMade(section, "drafter");
    drafter.sendUpdate(drafter.paragraphUpdate("Before the lock"));
    // A well-behaved drafter's editor (y-websocket), open across the lock and the reopening.
    const watcher = await reader(section, "drafter");
    await waitFor(() => watcher.fragment.toString().includes("Before the lock"), "the first edit");

    const approved = await setStatus(section, "editor", "approve");
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: "approved",
      locked: true,
      readOnly: false,
      allowedActions: ["reopen"],
    });
    const drafterView = await suite.api("drafter", "GET", `/sections/${section}`);
    // The server says what the drafter may do, so the web app does not work it out again.
    expect(drafterView.body).toMatchObject({ locked: true, readOnly: true, allowedActions: [] });
    // The drafter is told who locked it (the admin account's display name).
    expect(typeof (drafterView.body as { updatedBy: unknown }).updatedBy).toBe("string");

    drafter.sendUpdate(drafter.paragraphUpdate("After the lock, on the open connection"));
    const closed = await drafter.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/^read-only: this section is approved and locked/);

    // A drafter connecting to the locked section is read-only from the start.
    const late = await handMade(section, "drafter");
    late.sendStep2(late.paragraphUpdate("After the lock, on a new connection"));
    expect((await late.closed).code).toBe(4403);

    const editor = await handMade(section, "editor");
    editor.sendUpdate(editor.paragraphUpdate("Final wording by the editor"));
    await waitFor(
      () => watcher.fragment.toString().includes("Final wording by the editor"),
      "the drafter to see the editor's edit",
    );
    expect(watcher.fragment.toString()).not.toContain("After the lock");
    // The read-only y-websocket client was never closed: no reconnect storm, still connected.
    expect(watcher.provider.wsconnected).toBe(true);

    expect((await setStatus(section, "editor", "reopen")).body).toMatchObject({
      status: "drafting",
      locked: false,
    });
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Reopened and edited")]);
    watcher.fragment.insert(watcher.fragment.length, [paragraph]);
    await waitFor(() => editor.text().includes("Reopened and edited"), "the editor to see it");
    const reloaded = await reader(section, "reviewer");
    expect(reloaded.fragment.toString()).toBe(
      "<paragraph>Before the lock</paragraph><paragraph>Final wording by the editor</paragraph>" +
        "<paragraph>Reopened and edited</paragraph>",
    );
  });

  it("workflow: drafter submits, cannot approve; editor approves (locks) and reopens; all audited", async () => {
    const section = "p1-context";
    const stream = await EventStreamReader.open(suite.server.url, {
      cookie: suite.cookies.reviewer,
    });

    const me = await suite.api("drafter", "GET", "/auth/me");
    const leads = await suite.api("editor", "PUT", `/sections/${section}/leads`, {
      leads: [me.body.user.id],
    });
    expect(leads.body.leads).toEqual([
      { id: me.body.user.id, username: "drafter", displayName: "Demo Drafter" },
    ]);
    const reviewerMe = await suite.api("reviewer", "GET", "/auth/me");
    const badLead = await suite.api("editor", "PUT", `/sections/${section}/leads`, {
      leads: [reviewerMe.body.user.id],
    });
    expect([badLead.status, badLead.body.error.id]).toEqual([400, "invalid_leads"]);
    expect(
      (
        await suite.api("drafter", "PUT", `/sections/${section}/leads`, {
          leads: [],
        })
      ).status,
    ).toBe(403);

    expect((await setStatus(section, "reviewer", "submit")).status).toBe(403);
    const submitted = await setStatus(section, "drafter", "submit");
    expect(submitted.body).toMatchObject({ status: "in_review", locked: false });
    const refused = await setStatus(section, "drafter", "approve");
    expect([refused.status, refused.body.error.id]).toEqual([403, "role_not_allowed"]);
    const again = await setStatus(section, "drafter", "submit");
    expect([again.status, again.body.error.id]).toEqual([409, "transition_not_allowed"]);
    expect((await setStatus(section, "editor", "approve")).body).toMatchObject({
      status: "approved",
      locked: true,
    });
    await waitFor(
      () => stream.text.includes(`"sectionId":"${section}","status":"approved","locked":true`),
      "the status change on the event stream",
    );
    expect((await setStatus(section, "editor", "reopen")).body.status).toBe("drafting");

    const report = await suite.api("drafter", "GET", "/report");
    expect(report.body.sections.find((s: { id: string }) => s.id === section)).toMatchObject({
      status: "drafting",
      locked: false,
      readOnly: false,
      leads: [{ username: "drafter" }],
    });

    const audit = await suite.api(
      "editor",
      "GET",
      "/audit?action=section_status_changed&limit=1000",
    );
    const changes = audit.body.entries
      .filter((e: { target: string }) => e.target === section)
      .map(
        (e: { actor: string; detail: { from: string; to: string } }) =>
          `${e.actor}:${e.detail.from}->${e.detail.to}`,
      )
      .reverse();
    expect(changes).toEqual([
      "drafter:drafting->in_review",
      "admin:in_review->approved",
      "admin:approved->drafting",
    ]);
    const leadAudit = await suite.api("editor", "GET", "/audit?action=section_leads_changed");
    expect(leadAudit.body.entries[0]).toMatchObject({ actor: "admin", target: section });
    await stream.close();
  });
});
