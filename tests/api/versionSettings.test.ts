import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { SqliteStore } from "@rapporteur/storage";
import { describe, expect, it } from "vitest";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { pngImage } from "../support/pngImage";
import { serverSuite } from "../support/serverSuite";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const OLD = { symbol: "E/CN.16/2026/OLD.1", title: "Harnessing connectivity as first drafted" };
const NEW = { symbol: "E/CN.16/2026/NEW.2", title: "Harnessing connectivity as now agreed" };

describe("named versions keep the document settings", () => {
  const suite = serverSuite();
  const settings = async () => (await suite.api("reviewer", "GET", "/report/settings")).body;
  /** The visible text of a Word export: the body and the page headers. */
  const docxText = async (query: string) => {
    const answer = await suite.exportFile("editor", `format=docx&${query}`);
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    return ["word/document.xml", "word/header1.xml", "word/header2.xml", "word/header3.xml"]
      .map((part) => wordText(zipEntry(answer.bytes, part) ?? ""))
      .join("\n");
  };

  /** Whether a Word export carries an image (the masthead's emblem). */
  const hasEmblem = async (query: string) => {
    const answer = await suite.exportFile("editor", `format=docx&${query}`);
    return answer.bytes.includes(Buffer.from("word/media/"));
  };

  it("exports a version with the symbol, title and emblem it was made with, and restores them", async () => {
    expect((await suite.api("editor", "PUT", "/report/settings", OLD)).status).toBe(200);
    const emblem = await suite.api("editor", "PUT", "/report/settings/emblem", {
      contentBase64: pngImage(40, 30).toString("base64"),
    });
    expect(emblem.status).toBe(200);
    const version = await suite.api("editor", "POST", "/versions", { name: "First draft" });
    expect(version.status).toBe(201);
    expect((await suite.api("editor", "PUT", "/report/settings", NEW)).status).toBe(200);
    expect((await suite.api("editor", "DELETE", "/report/settings/emblem")).status).toBe(200);
    expect(await hasEmblem(`variant=final&version=${version.body.id}`)).toBe(true);
    expect(await hasEmblem("variant=final")).toBe(false);

    const details = await suite.api("reviewer", "GET", `/versions/${version.body.id}`);
    expect(details.body).toMatchObject({ settingsCaptured: true, documentSettings: OLD });

    const versionText = await docxText(`variant=final&version=${version.body.id}`);
    expect(versionText).toContain(OLD.title);
    expect(versionText).toContain(OLD.symbol);
    expect(versionText).not.toContain(NEW.title);
    expect(versionText).not.toContain(NEW.symbol);
    const currentText = await docxText("variant=final");
    expect(currentText).toContain(NEW.title);
    expect(currentText).toContain(NEW.symbol);
    expect(currentText).not.toContain(OLD.title);
    expect(currentText).not.toContain(OLD.symbol);

    // Restoring the report puts the settings back, for everyone at once, audited.
    const stream = await EventStreamReader.open(suite.server.url, {
      cookie: suite.cookies.drafter,
    });
    const restore = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(restore.status).toBe(200);
    expect(restore.body).toMatchObject({ documentSettings: true });
    const event = await stream.waitFor("settings", (e) => e.settings.symbol === OLD.symbol);
    expect(event.settings.title).toBe(OLD.title);
    await stream.close();
    const restored = await settings();
    expect(restored.settings).toMatchObject(OLD);
    expect(restored.emblem).toMatchObject({ type: "png", width: 40, height: 30 });
    const audit = await suite.api("editor", "GET", "/audit?action=document_settings_changed");
    expect(audit.body.entries[0]).toMatchObject({
      actor: "admin",
      detail: { from: NEW, to: OLD, emblem: "restored", version: version.body.id },
    });
    expect(await docxText("variant=final")).toContain(OLD.title);
    // Nothing left to put back.
    const again = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(again.body).toMatchObject({ documentSettings: false });
  });

  it("exports a version made before versions kept the settings with the ones in force, and says so", async () => {
    const version = await suite.api("editor", "POST", "/versions", { name: "Older kind" });
    expect(version.status).toBe(201);
    // As the server stored versions before: the budget settings only.
    const store = SqliteStore.open(suite.server.dataDir);
    try {
      const row = store.database
        .prepare<[number], { settings: string }>("SELECT settings FROM versions WHERE id = ?")
        .get(version.body.id);
      const { budget } = JSON.parse(row?.settings ?? "{}");
      store.database
        .prepare("UPDATE versions SET settings = ? WHERE id = ?")
        .run(JSON.stringify({ budget }), version.body.id);
    } finally {
      await store.close();
    }
    expect((await suite.api("editor", "PUT", "/report/settings", NEW)).status).toBe(200);
    const details = await suite.api("reviewer", "GET", `/versions/${version.body.id}`);
    expect(details.body).toMatchObject({ settingsCaptured: false, documentSettings: NEW });
    const text = await docxText(`variant=final&version=${version.body.id}`);
    expect(text).toContain(NEW.title);
    expect(text).toContain(NEW.symbol);
    const markdown = await suite.exportFile("reviewer", `format=md&version=${version.body.id}`);
    expect(markdown.status).toBe(200);
    const restore = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(restore.status).toBe(200);
    expect(restore.body).toMatchObject({ documentSettings: false });
    expect((await settings()).settings).toMatchObject(NEW);
  });
});
