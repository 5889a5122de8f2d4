import { describe, expect, it } from "vitest";
import {
  attributionBySection,
  fallbackAttribution,
  sectionAttribution,
} from "./historyAttribution";

const names: Record<number, string> = { 1: "Administrator", 2: "Amina Diallo", 3: "Jon Smith" };
const name = (id: number) => names[id] ?? `User ${id}`;
const history = {
  points: () => [
    { at: 1_000, userIds: [1], kind: "edit" },
    { at: 2_000, userIds: [1], kind: "version" },
    { at: 3_000, userIds: [3], kind: "edit" },
    { at: 3_500, userIds: [], kind: "edit" },
  ],
  updates: () => [
    { meta: null },
    { meta: { at: 4_000, userIds: [2], kind: "edit" } },
    { meta: { at: 5_000, userIds: [3], kind: "import" } },
  ],
};

describe("sectionAttribution", () => {
  it("names the authors of the changes in the interval, in order, dated at the last", () => {
    expect(sectionAttribution(history, "s", { after: 2_000, through: 10_000 }, name)).toEqual({
      author: "Jon Smith, Amina Diallo",
      date: new Date(5_000).toISOString(),
    });
  });

  it("one author alone; version markers and changes outside the interval do not count", () => {
    expect(sectionAttribution(history, "s", { after: 3_500, through: 4_500 }, name)).toEqual({
      author: "Amina Diallo",
      date: new Date(4_000).toISOString(),
    });
    expect(sectionAttribution(history, "s", { after: 1_000, through: 2_500 }, name)).toBe(
      undefined,
    );
  });

  it("sections without an attribution get the fallback", () => {
    const attribute = attributionBySection(
      { a: { author: "Amina Diallo", date: "2026-01-01T00:00:00.000Z" } },
      fallbackAttribution(0),
    );
    expect(attribute({ kind: "insertion", text: "x", sectionId: "a" }).author).toBe("Amina Diallo");
    expect(attribute({ kind: "deletion", text: "x", sectionId: "b" })).toEqual({
      author: "Rapporteur",
      date: new Date(0).toISOString(),
    });
  });
});
