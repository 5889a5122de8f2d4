import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { describe, expect, it } from "vitest";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import type { CollabClient } from "../support/collabClient";
import { serverSuite } from "../support/serverSuite";
import { writeParagraphs } from "./writeParagraphs";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

interface Section {
  id: string;
  title: string;
  part: string;
  budget: number;
  words: number;
}

/** Resolves with the code the server closed `client`'s connection with (no reconnection). */
function closedWith(client: CollabClient): Promise<number> {
  return new Promise((resolve) => {
    client.provider.on("closed", ({ code }: { code: number }) => resolve(code));
  });
}

describe("restoring a named version puts back the outline it had", () => {
  const suite = serverSuite();
  const report = async () => {
    const answer = await suite.api("reviewer", "GET", "/report");
    expect(answer.status).toBe(200);
    return answer.body as { revision: number; sections: Section[]; parts: { id: string }[] };
  };
  const outlineOf = (r: { sections: Section[] }) =>
    r.sections.map((s) => ({ id: s.id, title: s.title, part: s.part, budget: s.budget }));

  it("restores order, titles and archived sections; archives what the version lacked (4410, restorable, text intact); the DOCX follows", async () => {
    const archivedLater = await suite.connectSynced("p2-human-rights", "drafter");
    await writeParagraphs(suite, archivedLater, "Human rights as the version has them");
    const version = await suite.api("editor", "POST", "/versions", {
      name: "Before restructuring",
    });
    expect(version.status).toBe(201);
    const atVersion = await report();

    // After the version: a section added (with text), one moved, one renamed, one archived.
    const added = await suite.api("editor", "POST", "/outline/sections", {
      title: "Late addition",
      part: "part-1",
    });
    expect(added.status).toBe(201);
    const addedId = added.body.id as string;
    const writer = await suite.connectSynced(addedId, "drafter");
    await writeParagraphs(suite, writer, "Text written in the late addition");
    const patch = (id: string, body: unknown) =>
      suite.api("editor", "PATCH", `/outline/sections/${id}`, body);
    expect((await patch("p3-future-context", { after: null })).status).toBe(200);
    expect((await patch("p1-technology", { title: "Technology, renamed" })).status).toBe(200);
    await writeParagraphs(suite, archivedLater, "Human rights rewritten before archiving");
    archivedLater.destroy();
    expect((await suite.api("editor", "DELETE", "/outline/sections/p2-human-rights")).status).toBe(
      200,
    );
    expect(outlineOf(await report())).not.toEqual(outlineOf(atVersion));

    const watcher = await suite.connectSynced(addedId, "reviewer");
    const closed = closedWith(watcher);
    const stream = await EventStreamReader.open(suite.server.url, {
      cookie: suite.cookies.reviewer,
    });
    const revision = (await report()).revision;
    const restore = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(restore.status, JSON.stringify(restore.body)).toBe(200);
    expect(restore.body).toMatchObject({
      outlineDiffers: false,
      outline: {
        archived: [addedId],
        restored: ["p2-human-rights"],
        changed: ["p1-technology"],
        moved: true,
      },
    });
    expect(restore.body.restored).toContain("p2-human-rights");

    // The editors of the section the version lacked are closed for good; everyone hears it once.
    expect(await closed).toBe(4410);
    expect(await stream.waitFor("outline", (e) => e.archived.includes(addedId))).toMatchObject({
      revision: revision + 1,
      archived: [addedId],
    });
    await stream.close();
    writer.destroy();

    const after = await report();
    expect(after.revision).toBe(revision + 1);
    expect(outlineOf(after)).toEqual(outlineOf(atVersion));
    expect(after.parts).toEqual(atVersion.parts);

    // The archived section is back with the version's text.
    const back = await suite.connectSynced("p2-human-rights", "reviewer");
    expect(back.fragment.toString()).toContain("Human rights as the version has them");
    expect(back.fragment.toString()).not.toContain("rewritten");
    back.destroy();

    // The added one is archived, listed, with its text, and restorable.
    const archived = (await suite.api("reviewer", "GET", "/outline/archived")).body.sections;
    expect(archived).toContainEqual(
      expect.objectContaining({ id: addedId, archivedBy: "Administrator", words: 6 }),
    );
    const renamed = (await suite.api("reviewer", "GET", "/sections/p1-technology/history")).body;
    expect(renamed).toContainEqual(
      expect.objectContaining({
        kind: "outline",
        name: "Title, place or allocation put back to version “Before restructuring”",
      }),
    );

    // The DOCX prints the version's order and titles.
    const docx = await suite.exportFile("editor", "format=docx");
    expect(docx.status).toBe(200);
    const text = wordText(zipEntry(docx.bytes, "word/document.xml") ?? "");
    const title = (id: string) => atVersion.sections.find((s) => s.id === id)!.title;
    expect(text).not.toContain("Technology, renamed");
    expect(text).toContain(title("p1-technology"));
    expect(text).not.toContain("Late addition");
    expect(text).toContain("Human rights as the version has them");
    expect(text.indexOf(title("p3-innovation"))).toBeLessThan(
      text.indexOf(title("p3-future-context")),
    );

    // Audited as an outline change naming the version.
    const audit = (await suite.api("editor", "GET", "/audit?action=outline_restored")).body;
    expect(audit.entries).toContainEqual(
      expect.objectContaining({
        actor: "admin",
        detail: expect.objectContaining({ version: version.body.id, archived: [addedId] }),
      }),
    );

    // Restoring the added section brings it back with its text.
    const restored = await suite.api("editor", "POST", `/outline/sections/${addedId}/restore`);
    expect(restored.status).toBe(200);
    const history = (await suite.api("reviewer", "GET", `/sections/${addedId}/history`)).body;
    expect(history).toContainEqual(
      expect.objectContaining({
        kind: "outline",
        name: "Archived: not in the outline of version “Before restructuring”",
      }),
    );
    expect(history).toContainEqual(
      expect.objectContaining({ kind: "outline", name: "Restored to the outline" }),
    );
    const again = await suite.connectSynced(addedId, "reviewer");
    expect(again.fragment.toString()).toContain("Text written in the late addition");
    again.destroy();

    // The same version once more: the outline goes back again, and then nothing is left to do.
    const twice = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(twice.body.outline).toEqual({
      archived: [addedId],
      restored: [],
      changed: [],
      moved: false,
    });
    const thrice = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(thrice.body.outline).toEqual({ archived: [], restored: [], changed: [], moved: false });
    expect((await report()).revision).toBe(revision + 3);
  });
});
