import { describe, expect, it } from "vitest";
import { parseOutlineEvent } from "./parseOutlineEvent";

describe("parseOutlineEvent", () => {
  it("reads a merge: where the text went and what was archived", () => {
    expect(
      parseOutlineEvent(
        JSON.stringify({ revision: 7, moved: [{ from: "a", to: "b", extra: 1 }], archived: ["a"] }),
      ),
    ).toEqual({ revision: 7, moved: [{ from: "a", to: "b" }], archived: ["a"] });
  });

  it("reads a plain change with empty or absent lists", () => {
    expect(parseOutlineEvent('{"revision":3,"moved":[],"archived":[]}')).toEqual({
      revision: 3,
      moved: [],
      archived: [],
    });
    expect(parseOutlineEvent('{"revision":3}')).toEqual({ revision: 3, moved: [], archived: [] });
  });

  it.each([
    "not json",
    "[]",
    '{"moved":[],"archived":[]}',
    '{"revision":"3","moved":[],"archived":[]}',
    '{"revision":3,"moved":[{"from":"a"}],"archived":[]}',
    '{"revision":3,"moved":[],"archived":[4]}',
    '{"revision":3,"moved":{},"archived":[]}',
  ])("refuses %s", (data) => {
    expect(parseOutlineEvent(data)).toBeNull();
  });
});
