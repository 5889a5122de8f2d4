import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { beginImmediately } from "./beginImmediately";

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Two connections to one WAL database: `main` (the server's) and `other` (the append worker's). */
function twoConnections() {
  const file = join(mkdtempSync(join(tmpdir(), "rapporteur-immediate-")), "test.db");
  const main = new Database(file);
  main.pragma("journal_mode = WAL");
  main.exec("CREATE TABLE comments (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE updates (n)");
  const other = new Database(file);
  other.pragma("busy_timeout = 0");
  opened.push(other, main);
  return { main, other };
}

/** Reads, lets the other connection commit, then writes: what a store's transaction may meet. */
function readThenWrite(db: Database.Database, other: Database.Database) {
  return db.transaction(() => {
    const count = db.prepare("SELECT COUNT(*) AS n FROM comments").get() as { n: number };
    try {
      other.prepare("INSERT INTO updates (n) VALUES (1)").run();
    } catch {
      // An immediate transaction holds the lock: the other connection waits its turn.
    }
    db.prepare("INSERT INTO comments (body) VALUES (?)").run(`comment ${count.n + 1}`);
  });
}

describe("beginImmediately", () => {
  it("keeps a commit of another connection from failing a store's read-then-write transaction", () => {
    const deferred = twoConnections();
    // As before: the other connection's commit between the read and the write breaks it.
    expect(() => readThenWrite(deferred.main, deferred.other)()).toThrow(
      /database is locked|SQLITE_BUSY/,
    );

    const { main, other } = twoConnections();
    beginImmediately(main);
    readThenWrite(main, other)();
    expect(main.prepare("SELECT body FROM comments").all()).toEqual([{ body: "comment 1" }]);
    // The other connection writes once the transaction is over.
    other.prepare("INSERT INTO updates (n) VALUES (2)").run();
    expect(main.prepare("SELECT COUNT(*) AS n FROM updates").get()).toEqual({ n: 1 });
  });

  it("still nests transactions as savepoints and rolls back on error", () => {
    const { main } = twoConnections();
    beginImmediately(main);
    const insert = main.prepare("INSERT INTO comments (body) VALUES (?)");
    const inner = main.transaction((body: string) => insert.run(body));
    const outer = main.transaction(() => {
      inner("kept");
      try {
        main.transaction(() => {
          insert.run("rolled back");
          throw new Error("refused");
        })();
      } catch {}
    });
    outer();
    expect(main.prepare("SELECT body FROM comments").all()).toEqual([{ body: "kept" }]);
  });
});
