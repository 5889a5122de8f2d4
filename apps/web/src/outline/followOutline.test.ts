import { describe, expect, it } from "vitest";
import { followOutline } from "./followOutline";

const titles: Record<string, string> = { a: "Access", b: "Bridging gaps", c: "Capacity" };
const titleOf = (id: string) => titles[id];

describe("followOutline", () => {
  it("takes a user whose section was merged away to where its text is", () => {
    const follow = followOutline(
      { revision: 4, moved: [{ from: "a", to: "b" }], archived: ["a"] },
      "a",
      titleOf,
    );
    expect(follow?.goTo).toEqual({ kind: "section", sectionId: "b" });
    expect(follow?.notice).toBe(
      "“Access” was merged into “Bridging gaps”. You are now in “Bridging gaps”, where its text is.",
    );
  });

  it("takes a user whose section was archived to the outline", () => {
    const follow = followOutline({ revision: 4, moved: [], archived: ["a"] }, "a", titleOf);
    expect(follow?.goTo).toEqual({ kind: "outline" });
    expect(follow?.notice).toMatch(/^“Access” was archived.*text, comments and history are kept/);
  });

  it("keeps a user in a split section and offers the new half", () => {
    const follow = followOutline(
      { revision: 4, moved: [{ from: "c", to: "c-2" }], archived: [] },
      "c",
      titleOf,
    );
    expect(follow?.goTo).toBeNull();
    expect(follow?.offer).toEqual({ sectionId: "c-2", label: "Open the new section" });
  });

  it("leaves users of other sections, and pages without a section, alone", () => {
    const merge = { revision: 4, moved: [{ from: "a", to: "b" }], archived: ["a"] };
    expect(followOutline(merge, "b", titleOf)).toBeNull();
    expect(followOutline(merge, "c", titleOf)).toBeNull();
    expect(followOutline(merge, null, titleOf)).toBeNull();
  });
});
