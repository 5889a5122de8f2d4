import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { backupDatabase } from "./backupDatabase";
import { acquireDataLock, DataLockedError } from "./dataLock";
import { MIGRATIONS } from "./migrations";
import { restoreDatabase } from "./restoreDatabase";
import { DATABASE_FILE, SqliteStore } from "./SqliteStore";
import { DatabaseFileError } from "./verifyDatabaseFile";

const require = createRequire(import.meta.url);
const opened: SqliteStore[] = [];
const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `rapporteur-${name}-`));
function open(dir: string) {
  const store = SqliteStore.open(dir);
  opened.push(store);
  return store;
}
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

function paragraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

async function textOf(store: SqliteStore, name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await store.load(name)).updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}

describe("backupDatabase and restoreDatabase", () => {
  it("copy a database that is being written, and put it back in a new data directory", async () => {
    const store = open(tempDir("source"));
    const doc = new Y.Doc();
    for (let i = 0; i < 50; i++) await store.append("p1-access", paragraphUpdate(doc, `w${i} `));
    store.database
      .prepare("INSERT INTO section_workflow (section_id, status) VALUES (?, ?)")
      .run("p1-access", "in_review");
    const target = join(tempDir("backups"), "nested", "backup.db");
    // Writes go on while the backup runs (the backup is one consistent snapshot).
    const writing = (async () => {
      for (let i = 50; i < 100; i++)
        await store.append("p1-access", paragraphUpdate(doc, `w${i} `));
    })();
    const summary = await backupDatabase(store, target);
    await writing;
    expect(summary.userVersion).toBe(MIGRATIONS.at(-1)?.version);
    expect(summary.rows.document_updates).toBeGreaterThanOrEqual(50);
    expect(summary.rows.section_workflow).toBe(1);
    // One self-contained file: no WAL beside it, no partial file left.
    expect(readdirSync(join(target, ".."))).toEqual(["backup.db"]);

    const restoredDir = tempDir("restored");
    const restored = await restoreDatabase(target, restoredDir);
    expect(restored.previous).toBeNull();
    const again = open(restoredDir);
    const text = await textOf(again, "p1-access");
    expect(text.startsWith(Array.from({ length: 50 }, (_, i) => `w${i} `).join(""))).toBe(true);
    expect(
      again.database.prepare("SELECT status FROM section_workflow").get() as { status: string },
    ).toEqual({ status: "in_review" });
  });

  it("backs up a data directory from another connection while its store stays open", async () => {
    const dir = tempDir("source");
    const store = open(dir);
    await store.append("a", paragraphUpdate(new Y.Doc(), "kept"));
    const target = join(tempDir("backups"), "b.db");
    const summary = await backupDatabase(dir, target);
    expect(summary.rows.document_updates).toBe(1);
    await store.append("a", paragraphUpdate(new Y.Doc(), "after"));
    expect(await textOf(store, "a")).toContain("after");
  });

  it("replaces an existing database, keeps the old one aside and drops its stale WAL", async () => {
    const dir = tempDir("data");
    const old = open(dir);
    await old.append("a", paragraphUpdate(new Y.Doc(), "old content"));
    const backupDir = tempDir("src");
    const source = open(backupDir);
    await source.append("a", paragraphUpdate(new Y.Doc(), "backed up"));
    const target = join(tempDir("backups"), "b.db");
    await backupDatabase(source, target);
    // A server killed with SIGKILL leaves the old database's WAL (with a commit) and shm behind.
    await old.close();
    const killed = spawnSync(
      process.execPath,
      [
        "-e",
        `const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))});
         const db = new Database(${JSON.stringify(join(dir, DATABASE_FILE))});
         db.pragma("wal_autocheckpoint = 0");
         db.prepare("INSERT INTO document_updates (doc, seq, data) VALUES ('a', 99, x'00')").run();
         process.kill(process.pid, "SIGKILL");`,
      ],
      { encoding: "utf8" },
    );
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(true);
    const restored = await restoreDatabase(target, dir);
    expect(restored.previous).toMatch(/before-restore/);
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
    const store = open(dir);
    expect(await textOf(store, "a")).toBe("backed up");
    // The replaced database is kept whole, with the commit its WAL held.
    const kept = new Database(restored.previous!, { readonly: true });
    expect(kept.prepare("SELECT COUNT(*) AS n FROM document_updates").get()).toEqual({ n: 2 });
    kept.close();
  });

  it("refuses while the data directory is locked, and refuses bad files without touching anything", async () => {
    const dir = tempDir("data");
    const store = open(dir);
    await store.append("a", paragraphUpdate(new Y.Doc(), "untouched"));
    const target = join(tempDir("backups"), "b.db");
    await backupDatabase(store, target);

    const lock = acquireDataLock(dir, "server");
    writeFileSync(join(dir, "rapporteur.lock"), JSON.stringify({ pid: 1, owner: "server" }));
    await expect(restoreDatabase(target, dir)).rejects.toThrow(DataLockedError);
    lock.release();

    const garbage = join(tempDir("bad"), "garbage.db");
    writeFileSync(garbage, "this is not a database at all, just text ".repeat(200));
    await expect(restoreDatabase(garbage, dir)).rejects.toThrow(DatabaseFileError);

    const newer = join(tempDir("bad"), "newer.db");
    const db = new Database(newer);
    db.pragma("user_version = 999");
    db.close();
    await expect(restoreDatabase(newer, dir)).rejects.toThrow(/newer than this Rapporteur/);

    const foreign = join(tempDir("bad"), "foreign.db");
    const other = new Database(foreign);
    other.exec("CREATE TABLE notes (id INTEGER)");
    other.pragma("user_version = 2");
    other.close();
    await expect(restoreDatabase(foreign, dir)).rejects.toThrow(/lacks the table/);

    await expect(restoreDatabase(join(dir, "missing.db"), dir)).rejects.toThrow(/No backup/);
    expect(await textOf(store, "a")).toBe("untouched");
    expect(readdirSync(dir).filter((f) => f.includes("restore"))).toEqual([]);
  });
});
