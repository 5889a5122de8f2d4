import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "./migrations";

describe("migration 12 (the outline in the database)", () => {
  it("keeps an older database's history points and lets them take the kind 'outline'", () => {
    const db = new Database(":memory:");
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 12),
    );
    db.prepare(
      `INSERT INTO history_points (doc, seq, from_at, at, user_ids, kind, added, removed, pinned, label, state)
       VALUES ('p1-access', 3, 1, 2, '1', 'version', 4, 0, 1, 'Draft', x'0000')`,
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO history_points (doc, seq, from_at, at, kind, state) VALUES ('x', 1, 1, 1, 'outline', x'00')",
        )
        .run(),
    ).toThrow(/CHECK/);

    migrate(db);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare("SELECT doc, seq, kind, label, pinned FROM history_points").all()).toEqual([
      { doc: "p1-access", seq: 3, kind: "version", label: "Draft", pinned: 1 },
    ]);
    db.prepare(
      "INSERT INTO history_points (doc, seq, from_at, at, kind, state) VALUES ('x', 1, 1, 1, 'outline', x'00')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO history_points (doc, seq, from_at, at, kind, state) VALUES ('x', 1, 1, 1, 'other', x'00')",
        )
        .run(),
    ).toThrow(/CHECK/);
    // The outline tables are there, empty: the server seeds them from content/outline.yaml.
    expect(db.prepare("SELECT count(*) AS n FROM outline_sections").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM outline_meta").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe("the list of migrations", () => {
  it("runs in increasing version order, so no migration is skipped on an existing database", () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it("brings a new database to the newest version with every table of every migration", () => {
    const db = new Database(":memory:");
    migrate(db);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "document_updates",
        "history_points",
        "versions",
        "document_settings",
        "outline_sections",
        "evidence_sources",
        "evidence_excerpts",
        "action_line_rules",
      ]),
    );
  });
});
