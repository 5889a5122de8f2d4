import { findTextAnchor } from "@rapporteur/comments";
import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "../../apps/server/src/http/apiRouteTable";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { type CollabClient, waitFor } from "../support/collabClient";
import { fillSection } from "../support/fillSection";
import { serverSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

interface Section {
  id: string;
  title: string;
  part: string;
  budget: number;
  words: number;
  leads: { id: number }[];
}

/** Resolves with the code the server closed `client`'s connection with (no reconnection). */
function closedWith(client: CollabClient): Promise<number> {
  return new Promise((resolve) => {
    client.provider.on("closed", ({ code }: { code: number }) => resolve(code));
  });
}

describe("the outline evolves: editors restructure the report through the API", () => {
  const suite = serverSuite({ env: { RAPPORTEUR_IDLE_UNLOAD_MS: "300" } });
  const report = async (role: "editor" | "drafter" | "reviewer" = "reviewer") => {
    const answer = await suite.api(role, "GET", "/report");
    expect(answer.status).toBe(200);
    return answer.body as {
      revision: number;
      mayEditOutline: boolean;
      sections: Section[];
      parts: { id: string; title: string }[];
    };
  };
  const ids = async (part?: string) =>
    (await report()).sections.filter((s) => !part || s.part === part).map((s) => s.id);
  const section = async (id: string) => (await report()).sections.find((s) => s.id === id);
  const wordsOf = (id: string, words: number) =>
    pollUntil(
      () => suite.api("reviewer", "GET", `/sections/${id}`).then((a) => a.body as Section),
      (s) => s.words === words,
      `${id} to have ${words} words`,
    );
  const comment = async (sectionId: string, client: CollabClient, phrase: string) => {
    const anchor = findTextAnchor(client.doc, phrase);
    expect(anchor, phrase).not.toBeNull();
    const answer = await suite.api("reviewer", "POST", `/sections/${sectionId}/comments`, {
      anchor,
      text: `About ${phrase}`,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body as { id: number };
  };
  const threadsOf = async (sectionId: string) =>
    (await suite.api("reviewer", "GET", `/sections/${sectionId}/comments`)).body.threads as {
      id: number;
      quote: string;
      detached: boolean;
    }[];

  it("refuses every outline change to drafters and reviewers (403) and says so in the report view", async () => {
    const outlineRoutes = Object.entries(API_ROUTES).filter(([, r]) => r.access === "outline");
    expect(outlineRoutes.map(([name]) => name).sort()).toEqual(
      [
        "archiveOutlineSection",
        "createOutlinePart",
        "createOutlineSection",
        "mergeOutlineSection",
        "restoreOutlineSection",
        "splitOutlineSection",
        "updateOutlinePart",
        "updateOutlineSection",
      ].sort(),
    );
    const before = await report();
    for (const role of ["drafter", "reviewer"] as const) {
      for (const [name, route] of outlineRoutes) {
        const path = route.path.replace(":id", name.endsWith("Part") ? "part-1" : "p1-access");
        const answer = await suite.api(role, route.method.toUpperCase(), path, {
          title: "Sneaky",
          part: "part-1",
          into: "p1-context",
          atHeading: "x",
        });
        expect(answer.status, `${role} ${name}`).toBe(403);
        expect(answer.body.error.id).toBe("editors_only");
      }
      expect((await report(role)).mayEditOutline).toBe(false);
    }
    expect((await report("editor")).mayEditOutline).toBe(true);
    const after = await report();
    expect(after.revision).toBe(before.revision);
    expect(after.sections.map((s) => s.id)).toEqual(before.sections.map((s) => s.id));
  });

  it("adds, renames and moves sections and parts while two users edit them; text, comments, leads and budget follow", async () => {
    const drafter = await suite.connectSynced("p1-access", "drafter");
    const reviewer = await suite.connectSynced("p1-access", "reviewer");
    fillSection(drafter, ["Broadband reached rural areas in many regions"]);
    await wordsOf("p1-access", 7);
    const thread = await comment("p1-access", drafter, "rural areas");
    const drafterId = (await suite.api("drafter", "GET", "/auth/me")).body.user.id;
    expect(
      (await suite.api("editor", "PUT", "/sections/p1-access/leads", { leads: [drafterId] }))
        .status,
    ).toBe(200);
    const revision = (await report()).revision;

    const added = await suite.api("editor", "POST", "/outline/sections", {
      title: "Digital public infrastructure",
      part: "part-1",
      after: null,
      budget: 900,
      guidance: "DPI since 2015",
    });
    expect(added.status).toBe(201);
    expect(added.body.id).toBe("digital-public-infrastructure");
    const again = await suite.api("editor", "POST", "/outline/sections", {
      title: "Digital public infrastructure",
      part: "part-1",
    });
    expect(again.body.id).toBe("digital-public-infrastructure-2");
    expect((await ids("part-1")).slice(0, 1)).toEqual(["digital-public-infrastructure"]);
    expect((await ids("part-1")).at(-1)).toBe("digital-public-infrastructure-2");

    // Move p1-access to part 2, after p2-equality, and rename it, against the current revision.
    const current = (await report()).revision;
    expect(current).toBe(revision + 2);
    const moved = await suite.api("editor", "PATCH", "/outline/sections/p1-access", {
      part: "part-2",
      after: "p2-equality",
      title: "Access, moved",
      revision: current,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.revision).toBe(current + 1);
    const part2 = await ids("part-2");
    expect(part2[part2.indexOf("p2-equality") + 1]).toBe("p1-access");
    expect(await ids("part-1")).not.toContain("p1-access");
    const after = (await section("p1-access"))!;
    expect(after).toMatchObject({ title: "Access, moved", part: "part-2", words: 7 });
    expect(after.leads.map((l) => l.id)).toEqual([drafterId]);
    // The connected editors kept their text and can go on typing.
    expect(drafter.fragment.toString()).toContain("rural areas");
    expect(reviewer.fragment.toString()).toContain("rural areas");
    expect((await threadsOf("p1-access")).map((t) => t.id)).toContain(thread.id);
    const marked = (await suite.api("reviewer", "GET", "/sections/p1-access/history")).body;
    expect(marked[0]).toMatchObject({
      kind: "outline",
      name: "Renamed to “Access, moved”; Moved to “Where we stand today”",
    });

    // Parts: a new one after part 2, then moved first, renamed.
    const part = await suite.api("editor", "POST", "/outline/parts", {
      title: "Annex",
      after: "part-2",
    });
    expect(part.status).toBe(201);
    expect((await report()).parts.map((p) => p.id).indexOf(part.body.id)).toBe(
      (await report()).parts.map((p) => p.id).indexOf("part-2") + 1,
    );
    const partMoved = await suite.api("editor", "PATCH", `/outline/parts/${part.body.id}`, {
      after: null,
      title: "Annexes",
    });
    expect(partMoved.status).toBe(200);
    expect((await report()).parts[0]).toEqual({ id: part.body.id, title: "Annexes" });

    // A section moved to the empty part, alone there.
    expect(
      (
        await suite.api("editor", "PATCH", "/outline/sections/digital-public-infrastructure-2", {
          part: part.body.id,
        })
      ).status,
    ).toBe(200);
    expect(await ids(part.body.id)).toEqual(["digital-public-infrastructure-2"]);

    // Bad input: unknown part, after a section of another part, empty title; nothing changes.
    const revisionNow = (await report()).revision;
    for (const body of [
      { part: "nope" },
      { after: "p2-equality" },
      { title: "  " },
      { budget: -1 },
    ]) {
      const refused = await suite.api("editor", "PATCH", "/outline/sections/p1-context", body);
      expect([400, 404], JSON.stringify(body)).toContain(refused.status);
    }
    expect((await report()).revision).toBe(revisionNow);

    // Every change is in the audit log.
    const audit = (await suite.api("editor", "GET", "/audit?limit=50")).body.entries as {
      action: string;
      target: string;
    }[];
    expect(audit.filter((e) => e.action.startsWith("outline_")).map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "outline_section_added",
        "outline_section_changed",
        "outline_part_added",
        "outline_part_changed",
      ]),
    );
    drafter.destroy();
    reviewer.destroy();
  });

  it("exports chapters and sections in the new order, renumbered", async () => {
    const before = (await suite.exportFile("editor", "format=md")).text;
    // Move the last section of part 3 first in part 3.
    const part3 = await ids("part-3");
    const last = part3.at(-1)!;
    const first = part3[0]!;
    expect(
      (await suite.api("editor", "PATCH", `/outline/sections/${last}`, { after: null })).status,
    ).toBe(200);
    const md = (await suite.exportFile("editor", "format=md")).text;
    const titles = (await report()).sections;
    const title = (id: string) => titles.find((s) => s.id === id)!.title;
    expect(md.indexOf(`\n## ${title(last)}\n`)).toBeLessThan(md.indexOf(`\n## ${title(first)}\n`));
    expect(before.indexOf(`\n## ${title(last)}\n`)).toBeGreaterThan(
      before.indexOf(`\n## ${title(first)}\n`),
    );
    const docx = await suite.exportFile("editor", "format=docx");
    expect(docx.status).toBe(200);
    const text = wordText(zipEntry(docx.bytes, "word/document.xml") ?? "");
    expect(text.indexOf(title(last))).toBeLessThan(text.indexOf(title(first)));
    // The contents renumber: the moved section is now A. of its chapter, the former first B.
    expect(text).toContain(`A.${title(last)}B.${title(first)}`);
    // The Annexes part, moved first, is chapter I. and the former first part II.
    const chapters = [...text.matchAll(/([IVX]+)\.(Annexes|Introduction)/g)].map((m) => m[1]);
    expect(chapters.slice(0, 2)).toEqual(["I", "II"]);
  });

  it("two editors moving the same section at once: it ends up exactly once; a stale revision gets 409 outline-conflict", async () => {
    const { revision } = await report();
    const [a, b] = await Promise.all([
      suite.api("editor", "PATCH", "/outline/sections/p2-equality", {
        part: "part-3",
        after: null,
      }),
      suite.api("editor", "PATCH", "/outline/sections/p2-equality", { part: "introduction" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const all = await ids();
    expect(all.filter((id) => id === "p2-equality")).toHaveLength(1);
    expect((await report()).revision).toBe(revision + 2);

    // Both sent against the same revision: the first wins, the second is told.
    const now = (await report()).revision;
    const [first, second] = await Promise.all([
      suite.api("editor", "PATCH", "/outline/sections/p2-equality", {
        part: "part-2",
        revision: now,
      }),
      suite.api("editor", "PATCH", "/outline/sections/p2-equality", {
        part: "part-1",
        revision: now,
      }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body.error.id).toBe("outline-conflict");
    expect(refused.body.error.message).toMatch(/changed since you loaded it/);
    expect((await ids()).filter((id) => id === "p2-equality")).toHaveLength(1);
    expect((await report()).revision).toBe(now + 1);
  });

  it("archives a section (its editors closed with 4410, out of the report and exports) and restores it with text, comments and history", async () => {
    const drafter = await suite.connectSynced("p2-human-rights", "drafter");
    fillSection(drafter, ["Skills programmes trained teachers in coding"]);
    await wordsOf("p2-human-rights", 6);
    const thread = await comment("p2-human-rights", drafter, "trained teachers");
    const history = (await suite.api("reviewer", "GET", "/sections/p2-human-rights/history")).body;
    expect(history.length).toBeGreaterThan(0);
    const reviewer = await suite.connectSynced("p2-human-rights", "reviewer");
    const closed = [closedWith(drafter), closedWith(reviewer)];
    const title = (await section("p2-human-rights"))!.title;
    const totalBefore = (await report()).sections.length;

    const archived = await suite.api("editor", "DELETE", "/outline/sections/p2-human-rights");
    expect(archived.status).toBe(200);
    expect(await Promise.all(closed)).toEqual([4410, 4410]);
    expect(await ids()).not.toContain("p2-human-rights");
    expect((await report()).sections).toHaveLength(totalBefore - 1);
    const list = (await suite.api("reviewer", "GET", "/outline/archived")).body.sections;
    expect(list).toContainEqual(
      expect.objectContaining({
        id: "p2-human-rights",
        title,
        part: "part-2",
        archivedBy: "Administrator",
        words: 6,
      }),
    );
    const md = (await suite.exportFile("editor", "format=md")).text;
    expect(md).not.toContain("Skills programmes trained teachers");
    // A new connection to it is refused for good (4410), not 4404.
    const late = suite.connect("p2-human-rights", "drafter");
    expect(await closedWith(late)).toBe(4410);

    const restored = await suite.api("editor", "POST", "/outline/sections/p2-human-rights/restore");
    expect(restored.status).toBe(200);
    expect((await ids("part-2")).at(-1)).toBe("p2-human-rights");
    expect(
      (await suite.api("reviewer", "GET", "/outline/archived")).body.sections.map(
        (s: { id: string }) => s.id,
      ),
    ).not.toContain("p2-human-rights");
    expect((await section("p2-human-rights"))!.words).toBe(6);
    const back = await suite.connectSynced("p2-human-rights", "reviewer");
    expect(back.fragment.toString()).toContain("Skills programmes trained teachers in coding");
    expect(await threadsOf("p2-human-rights")).toContainEqual(
      expect.objectContaining({ id: thread.id, quote: "trained teachers", detached: false }),
    );
    // The history is all there, with the archive and the restore marked in it, newest first.
    const historyAfter = (await suite.api("reviewer", "GET", "/sections/p2-human-rights/history"))
      .body as { kind: string; name?: string; authors: { name: string }[] }[];
    expect(historyAfter.slice(2)).toEqual(history);
    expect(historyAfter.slice(0, 2)).toMatchObject([
      { kind: "outline", name: "Restored to the outline", authors: [{ name: "Administrator" }] },
      { kind: "outline", name: "Archived (retired from the outline)" },
    ]);
    expect((await suite.exportFile("editor", "format=md")).text).toContain(
      "Skills programmes trained teachers",
    );
    // Restoring twice, or a live section, is a clear conflict.
    expect(
      (await suite.api("editor", "POST", "/outline/sections/p2-human-rights/restore")).status,
    ).toBe(409);
    back.destroy();
  });

  it("splits a section at a sub-heading on the live document: the connected editors' docs converge and the comments move with the text", async () => {
    const drafter = await suite.connectSynced("p2-technology", "drafter");
    const reviewer = await suite.connectSynced("p2-technology", "reviewer");
    fillSection(drafter, [
      "Data flows grew across borders",
      "# Privacy rules",
      "Regulators adopted privacy laws",
      "Enforcement remains uneven",
      "# Open data",
      "Governments opened statistics",
    ]);
    await wordsOf("p2-technology", 19);
    await waitFor(
      () => reviewer.fragment.toString().includes("Governments opened"),
      "the reviewer to sync",
    );
    const kept = await comment("p2-technology", drafter, "flows grew");
    const movedThread = await comment("p2-technology", drafter, "privacy laws");
    const headings = (await suite.api("drafter", "GET", "/sections/p2-technology/headings")).body
      .headings;
    expect(headings).toEqual([
      { anchor: "h0", text: "Privacy rules", level: 3 },
      { anchor: "h1", text: "Open data", level: 3 },
    ]);
    const refusedUnknown = await suite.api(
      "editor",
      "POST",
      "/outline/sections/p2-technology/split",
      {
        atHeading: "Nope",
      },
    );
    expect(refusedUnknown.status).toBe(400);
    expect(refusedUnknown.body.error.message).toMatch(/Privacy rules/);

    const stream = await EventStreamReader.open(suite.server.url, {
      cookie: suite.cookies.drafter,
    });
    const split = await suite.api("editor", "POST", "/outline/sections/p2-technology/split", {
      atHeading: "Privacy rules",
    });
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    expect(split.body.id).toBe("privacy-rules");
    // Every client hears it: the event names where the text went (the web moves its drafter).
    const event = await stream.waitFor("outline", (e) => e.moved.length > 0);
    expect(event).toMatchObject({
      moved: [{ from: "p2-technology", to: "privacy-rules" }],
      archived: [],
    });
    expect(event.revision).toBe((await report()).revision);
    await stream.close();
    const part = await ids((await section("p2-technology"))!.part);
    expect(part[part.indexOf("p2-technology") + 1]).toBe("privacy-rules");
    expect((await section("privacy-rules"))!.title).toBe("Privacy rules");
    // The connected editors see the moved text leave; the rest stays and they converge.
    for (const client of [drafter, reviewer]) {
      await waitFor(
        () => !client.fragment.toString().includes("privacy laws"),
        "the text to leave",
      );
      expect(client.fragment.toString()).toContain("Data flows grew across borders");
      expect(client.fragment.toString()).toContain("Governments opened statistics");
    }
    expect(drafter.fragment.toString()).toBe(reviewer.fragment.toString());
    // They keep typing in the source.
    fillSection(drafter, [
      "Data flows grew across borders",
      "# Open data",
      "Governments opened statistics",
      "Typed after the split",
    ]);
    await waitFor(
      () => reviewer.fragment.toString().includes("Typed after the split"),
      "typing to go on",
    );
    const created = await suite.connectSynced("privacy-rules", "reviewer");
    expect(created.fragment.toString()).toContain("Privacy rules");
    expect(created.fragment.toString()).toContain("Regulators adopted privacy laws");
    expect(created.fragment.toString()).toContain("Enforcement remains uneven");
    expect(created.fragment.toString()).not.toContain("Open data");
    await wordsOf("privacy-rules", 9);
    expect((await threadsOf("privacy-rules")).map((t) => [t.id, t.quote, t.detached])).toEqual([
      [movedThread.id, "privacy laws", false],
    ]);
    expect((await threadsOf("p2-technology")).map((t) => t.id)).toEqual([kept.id]);
    // Both sections' history shows the outline change.
    const kinds = async (id: string) =>
      (await suite.api("reviewer", "GET", `/sections/${id}/history`)).body.map(
        (e: { kind: string }) => e.kind,
      );
    await pollUntil(
      () => kinds("privacy-rules"),
      (k) => k.includes("outline"),
      "the new section's history",
    );
    await pollUntil(
      () => kinds("p2-technology"),
      (k) => k.includes("outline"),
      "the source's history",
    );
    created.destroy();
    drafter.destroy();
    reviewer.destroy();
  });

  it("merges a section into another: the source's editors get 4410, its text, comments, budget and leads go to the target", async () => {
    const drafterId = (await suite.api("drafter", "GET", "/auth/me")).body.user.id;
    await suite.api("editor", "PUT", "/sections/p3-future-context/leads", { leads: [drafterId] });
    const source = await suite.connectSynced("p3-future-context", "drafter");
    const sourceWatcher = await suite.connectSynced("p3-future-context", "reviewer");
    fillSection(source, ["Context of the future outlook"]);
    await wordsOf("p3-future-context", 5);
    const target = await suite.connectSynced("p3-innovation", "drafter");
    fillSection(target, ["Innovation keeps its pace"]);
    await wordsOf("p3-innovation", 4);
    const thread = await comment("p3-future-context", source, "future outlook");
    const budgets = Object.fromEntries((await report()).sections.map((s) => [s.id, s.budget]));
    const sourceTitle = (await section("p3-future-context"))!.title;
    const closed = [closedWith(source), closedWith(sourceWatcher)];

    const stream = await EventStreamReader.open(suite.server.url, {
      cookie: suite.cookies.reviewer,
    });
    const merged = await suite.api("editor", "POST", "/outline/sections/p3-future-context/merge", {
      into: "p3-innovation",
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(await Promise.all(closed)).toEqual([4410, 4410]);
    expect(await ids()).not.toContain("p3-future-context");
    expect(await stream.waitFor("outline", (e) => e.archived.length > 0)).toMatchObject({
      moved: [{ from: "p3-future-context", to: "p3-innovation" }],
      archived: ["p3-future-context"],
    });
    await stream.close();
    const into = (await section("p3-innovation"))!;
    expect(into.budget).toBe(budgets["p3-innovation"]! + budgets["p3-future-context"]!);
    expect(into.leads.map((l) => l.id)).toContain(drafterId);
    await waitFor(
      () => target.fragment.toString().includes("Context of the future outlook"),
      "the target's editor to receive the text",
    );
    expect(target.fragment.toString()).toMatch(
      new RegExp(`Innovation keeps its pace.*${sourceTitle}.*Context of the future outlook`),
    );
    expect(await threadsOf("p3-innovation")).toContainEqual(
      expect.objectContaining({ id: thread.id, quote: "future outlook", detached: false }),
    );
    const archived = (await suite.api("reviewer", "GET", "/outline/archived")).body.sections;
    expect(archived).toContainEqual(
      expect.objectContaining({ id: "p3-future-context", mergedInto: "p3-innovation" }),
    );
    target.destroy();
  });

  it("refuses to split or merge into an approved (locked) section with 409", async () => {
    const client = await suite.connectSynced("p1-challenges", "drafter");
    fillSection(client, ["Challenges remain", "# Security", "Trust and security matter"]);
    await wordsOf("p1-challenges", 7);
    expect(
      (await suite.api("drafter", "POST", "/sections/p1-challenges/status", { action: "submit" }))
        .status,
    ).toBe(200);
    expect(
      (await suite.api("editor", "POST", "/sections/p1-challenges/status", { action: "approve" }))
        .status,
    ).toBe(200);
    const split = await suite.api("editor", "POST", "/outline/sections/p1-challenges/split", {
      atHeading: "h0",
    });
    expect(split.status).toBe(409);
    expect(split.body.error.message).toMatch(/approved \(locked\)/);
    const merge = await suite.api("editor", "POST", "/outline/sections/p1-context/merge", {
      into: "p1-challenges",
    });
    expect(merge.status).toBe(409);
    expect(await ids()).toContain("p1-context");
    client.destroy();
  });

  it("a named version keeps the outline it was made under, and its export prints that outline", async () => {
    const original = (await section("p1-technology"))!.title;
    const before = await suite.api("editor", "POST", "/versions", { name: "Before the rename" });
    expect(before.status).toBe(201);
    const renamed = await suite.api("editor", "PATCH", "/outline/sections/p1-technology", {
      title: "Technology, renamed",
    });
    expect(renamed.status).toBe(200);
    const after = await suite.api("editor", "POST", "/versions", { name: "After the rename" });
    const old = (await suite.exportFile("reviewer", `format=md&version=${before.body.id}`)).text;
    const now = (await suite.exportFile("reviewer", `format=md&version=${after.body.id}`)).text;
    expect(old).toContain(`\n## ${original}\n`);
    expect(old).not.toContain("Technology, renamed");
    expect(now).toContain("\n## Technology, renamed\n");
    // Both print the sections of their time: the split's new one, not the merged-away one.
    for (const text of [old, now]) {
      expect(text).toContain("\n## Privacy rules\n");
      expect(text).toContain(
        "\n### The future context for understanding and implementing WSIS outcomes\n",
      );
      expect(text).not.toContain(
        "\n## The future context for understanding and implementing WSIS outcomes\n",
      );
    }
  });

  it("keeps the changed outline across a restart", async () => {
    const before = await report();
    await suite.restart();
    const after = await report();
    expect(after.revision).toBe(before.revision);
    expect(after.sections.map((s) => [s.id, s.title, s.part])).toEqual(
      before.sections.map((s) => [s.id, s.title, s.part]),
    );
    expect(after.parts).toEqual(before.parts);
  }, 120_000);
});
