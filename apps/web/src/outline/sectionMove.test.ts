import { describe, expect, it } from "vitest";
import { movedOrder, sectionMove } from "./sectionMove";

const order = {
  parts: [{ id: "p1" }, { id: "p2" }, { id: "p3" }],
  sections: [
    { id: "a", part: "p1" },
    { id: "b", part: "p1" },
    { id: "c", part: "p1" },
    { id: "d", part: "p2" },
  ],
};

describe("sectionMove", () => {
  it("moves up and down within a part", () => {
    expect(sectionMove(order, "c", { kind: "up" })).toEqual({ part: "p1", after: "a" });
    expect(sectionMove(order, "b", { kind: "up" })).toEqual({ part: "p1", after: null });
    expect(sectionMove(order, "a", { kind: "down" })).toEqual({ part: "p1", after: "b" });
  });

  it("crosses into the neighbouring part at a part's edge", () => {
    expect(sectionMove(order, "c", { kind: "down" })).toEqual({ part: "p2", after: null });
    expect(sectionMove(order, "d", { kind: "up" })).toEqual({ part: "p1", after: "c" });
    // An empty part is a place too.
    expect(sectionMove(order, "d", { kind: "down" })).toEqual({ part: "p3", after: null });
  });

  it("does not move past the ends of the outline", () => {
    expect(sectionMove(order, "a", { kind: "up" })).toBeNull();
    expect(
      sectionMove({ ...order, parts: order.parts.slice(0, 2) }, "d", { kind: "down" }),
    ).toBeNull();
    expect(sectionMove(order, "nope", { kind: "up" })).toBeNull();
  });

  it("moves to the end of a part, or nowhere when it is there already", () => {
    expect(sectionMove(order, "a", { kind: "toPart", part: "p2" })).toEqual({
      part: "p2",
      after: "d",
    });
    expect(sectionMove(order, "a", { kind: "toPart", part: "p3" })).toEqual({
      part: "p3",
      after: null,
    });
    expect(sectionMove(order, "c", { kind: "toPart", part: "p1" })).toBeNull();
    expect(sectionMove(order, "c", { kind: "toPart", part: "p9" })).toBeNull();
  });

  it("drops a section just before another", () => {
    expect(sectionMove(order, "c", { kind: "before", section: "a" })).toEqual({
      part: "p1",
      after: null,
    });
    expect(sectionMove(order, "a", { kind: "before", section: "c" })).toEqual({
      part: "p1",
      after: "b",
    });
    expect(sectionMove(order, "a", { kind: "before", section: "d" })).toEqual({
      part: "p2",
      after: null,
    });
    expect(sectionMove(order, "a", { kind: "after", section: "c" })).toEqual({
      part: "p1",
      after: "c",
    });
    expect(sectionMove(order, "d", { kind: "after", section: "b" })).toEqual({
      part: "p1",
      after: "b",
    });
    expect(sectionMove(order, "a", { kind: "before", section: "b" })).toBeNull();
    expect(sectionMove(order, "b", { kind: "after", section: "a" })).toBeNull();
    expect(sectionMove(order, "a", { kind: "before", section: "a" })).toBeNull();
  });
});

describe("movedOrder", () => {
  const ids = (list: { id: string; part: string }[]) => list.map((s) => `${s.part}:${s.id}`);

  it("puts the section where the move says", () => {
    expect(ids(movedOrder(order, "a", { part: "p1", after: "c" }))).toEqual([
      "p1:b",
      "p1:c",
      "p1:a",
      "p2:d",
    ]);
    expect(ids(movedOrder(order, "c", { part: "p2", after: null }))).toEqual([
      "p1:a",
      "p1:b",
      "p2:c",
      "p2:d",
    ]);
    expect(ids(movedOrder(order, "b", { part: "p3", after: null }))).toEqual([
      "p1:a",
      "p1:c",
      "p2:d",
      "p3:b",
    ]);
  });

  it("agrees with sectionMove for every keyboard step", () => {
    for (const section of order.sections) {
      for (const kind of ["up", "down"] as const) {
        const move = sectionMove(order, section.id, { kind });
        if (!move) continue;
        const after = movedOrder(order, section.id, move);
        const here = after.findIndex((s) => s.id === section.id);
        expect(after[here]?.part).toBe(move.part);
        expect(here === 0 || after[here - 1]?.part !== move.part ? null : after[here - 1]?.id).toBe(
          move.after,
        );
      }
    }
  });
});
