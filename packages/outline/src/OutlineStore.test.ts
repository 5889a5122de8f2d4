import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadOutline } from "./loadOutline";
import { OutlineChangeError } from "./OutlineState";
import { OutlineStore } from "./OutlineStore";
import {
  addPart,
  addSection,
  archiveSection,
  restoreSection,
  updatePart,
  updateSection,
} from "./outlineEdits";
import { outlineDiffersFrom, restoreOutline, versionOutline } from "./restoreOutline";

function openStore(db = new Database(":memory:")) {
  migrate(db);
  let seeded = 0;
  const store = new OutlineStore(db, () => {
    seeded++;
    return loadOutline();
  });
  return { db, store, seeded: () => seeded };
}

describe("OutlineStore", () => {
  it("seeds once from the file, keeping its ids and order, then the database is the truth", () => {
    const { db, store, seeded } = openStore();
    const shipped = loadOutline();
    expect(store.current()).toEqual(shipped);
    expect(store.revision()).toBe(0);
    store.change((state) => updateSection(state, "p1-access", { title: "Renamed" }));
    const reopened = new OutlineStore(db, () => {
      throw new Error("must not seed again");
    });
    expect(reopened.current().sections.find((s) => s.id === "p1-access")?.title).toBe("Renamed");
    expect(reopened.revision()).toBe(1);
    expect(seeded()).toBe(1);
  });

  it("moves a section within and between parts, exactly once, and keeps parts together", () => {
    const { store } = openStore();
    store.change((state) => updateSection(state, "p1-challenges", { after: null }));
    const part1 = store
      .current()
      .sections.filter((s) => s.part === "part-1")
      .map((s) => s.id);
    expect(part1[0]).toBe("p1-challenges");
    store.change((state) => updateSection(state, "p1-challenges", { part: "part-3" }));
    const ids = store.current().sections.map((s) => s.id);
    expect(ids.filter((id) => id === "p1-challenges")).toHaveLength(1);
    expect(ids.at(-2)).toBe("p1-challenges");
    const parts = store.current().sections.map((s) => s.part);
    expect(parts.filter((p, i) => p !== parts[i - 1])).toEqual([
      "front-matter",
      "introduction",
      "part-1",
      "part-2",
      "part-3",
      "conclusion",
    ]);
  });

  it("adds sections with unique slugs, parts, archives and restores; refuses stale revisions", () => {
    const { store } = openStore();
    const first = store.change((state) =>
      addSection(state, { title: "Él Niño & co", part: "part-2" }),
    );
    const second = store.change((state) =>
      addSection(state, { title: "El nino co", part: "part-2", after: null }),
    );
    expect([first, second]).toEqual(["el-nino-co", "el-nino-co-2"]);
    const part = store.change((state) => addPart(state, { title: "Annex", after: null }));
    store.change((state) => updatePart(state, part, { after: "part-3" }));
    expect(
      store
        .current()
        .parts.map((p) => p.id)
        .indexOf(part),
    ).toBe(5);
    store.change((state) =>
      archiveSection(state, "p2-governance", "Editor", "2026-12-07T17:00:00Z"),
    );
    expect(store.has("p2-governance")).toBe(false);
    expect(store.archived()).toEqual([
      expect.objectContaining({ id: "p2-governance", archivedBy: "Editor", mergedInto: null }),
    ]);
    store.change((state) => restoreSection(state, "p2-governance"));
    expect(store.has("p2-governance")).toBe(true);
    const revision = store.revision();
    expect(() =>
      store.change((state) => updateSection(state, "p2-governance", { after: null }), {
        expectedRevision: revision - 1,
      }),
    ).toThrow(OutlineChangeError);
    expect(store.revision()).toBe(revision);
    expect(() => store.change((state) => updateSection(state, "nope", { title: "x" }))).toThrow(
      /no section 'nope'/,
    );
    expect(() =>
      store.change((state) => updateSection(state, "p2-governance", { after: "p1-access" })),
    ).toThrow(/'after' must name a section of the part/);
  });

  it("puts back a version's outline in one change: order, titles, archived sections back, new ones archived", () => {
    const { store } = openStore();
    const saved = structuredClone(store.current());
    const changes: { archived: string[]; revision: number }[] = [];
    store.onChange((change) => changes.push({ ...change, revision: change.state.revision }));
    const added = store.change((state) => addSection(state, { title: "New", part: "part-1" }));
    store.change((state) => updateSection(state, "p1-challenges", { after: null }));
    store.change((state) => updateSection(state, "p2-governance", { title: "Renamed", budget: 7 }));
    store.change((state) =>
      archiveSection(state, "p3-innovation", "Editor", "2026-12-07T17:00:00Z"),
    );
    const part = store.change((state) => addPart(state, { title: "Annex" }));
    const revision = store.revision();
    changes.length = 0;

    const target = versionOutline(saved, store.state())!;
    expect(outlineDiffersFrom(store.state(), target)).toBe(true);
    const result = store.change((state) =>
      restoreOutline(state, target, "Editor", "2026-12-07T18:00:00Z"),
    );
    expect(result).toEqual({
      archived: [added],
      restored: ["p3-innovation"],
      changed: ["p2-governance"],
      moved: true,
    });
    expect(store.current().parts).toEqual(saved.parts);
    expect(store.current().parts.map((p) => p.id)).not.toContain(part);
    expect(store.current().sections).toEqual(saved.sections);
    expect(store.archived()).toEqual([
      { ...store.archived()[0], id: added, archivedBy: "Editor", mergedInto: null },
    ]);
    expect(outlineDiffersFrom(store.state(), target)).toBe(false);
    // One change: one revision, one notice naming the archived section.
    expect(store.revision()).toBe(revision + 1);
    expect(changes).toEqual([
      expect.objectContaining({ archived: [added], revision: revision + 1 }),
    ]);
  });

  it("restores a version whose stored outline lacks fields by section id", () => {
    const { store } = openStore();
    const shipped = loadOutline();
    store.change((state) => updateSection(state, "p1-access", { title: "Renamed", after: null }));
    // An older outline: no guidance or budgets, one part without an id, one section unusable.
    const old = {
      parts: [...shipped.parts.map((p) => ({ id: p.id })), { title: "No id" }],
      sections: [
        ...shipped.sections.map((s) => ({ id: s.id, part: s.part, title: s.title })),
        { title: "No id either" },
      ],
    };
    const target = versionOutline(old, store.state())!;
    const result = store.change((state) => restoreOutline(state, target, null, "2026-12-07"));
    expect(result).toMatchObject({ archived: [], restored: [], changed: ["p1-access"] });
    expect(store.current().sections).toEqual(shipped.sections);
    expect(store.current().parts).toEqual(shipped.parts);
    expect(versionOutline({ sections: [{ title: "x" }] }, store.state())).toBeNull();
    expect(versionOutline(null, store.state())).toBeNull();
  });
});
